/*
 * input/meta.h -- read indicator metadata (indicators.csv) and region
 * metadata (regions.csv) into a dataset.
 *
 * Columns are matched by header name in any order. Every bad cell is an
 * error with its line and field; a duplicate id or region names both
 * places.
 */
#ifndef INPUT_META_H
#define INPUT_META_H

#include "load.h"
#include "model.h"

/* Reads the whole file at path (already known to be indicator metadata)
   as file number `file` of ds. Fills rep->indicators, ignored, columns. */
sb_status input_meta_indicators(sb_dataset *ds, uint16_t file,
                                const char *path, input_file_report *rep,
                                sb_error *err);

/* Same for region metadata: names, Chinese names, aliases, groups and
   roles (at most one total and one benchmark). */
sb_status input_meta_regions(sb_dataset *ds, uint16_t file,
                             const char *path, input_file_report *rep,
                             sb_error *err);

#endif
