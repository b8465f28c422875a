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

#include "report.h"
#include "core/model.h"

/* Reads the whole file at path (already known to be indicator metadata)
   as file number `file` of ds. Fills rep->indicators, ignored, columns.
   wdi: the Metadata_Indicator file of a World Bank WDI download. */
sb_status input_meta_indicators(sb_dataset *ds, uint16_t file,
                                const char *path, int wdi,
                                input_file_report *rep, sb_error *err);

/* Same for region metadata: names, Chinese names, aliases, groups and
   roles (at most one total and one benchmark). wdi: the Metadata_Country
   file of a WDI download (regions by TableName, the code an alias, the
   region and income group as groups). */
sb_status input_meta_regions(sb_dataset *ds, uint16_t file,
                             const char *path, int wdi,
                             input_file_report *rep, sb_error *err);

#endif
