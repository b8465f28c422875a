/*
 * input/data.h -- read one data table, in any of the four shapes, into a
 * dataset; and the decimal-comma detection for ';'-delimited files.
 */
#ifndef INPUT_DATA_H
#define INPUT_DATA_H

#include "layout.h"
#include "report.h"
#include "core/model.h"

typedef struct {
    const input_layout *layout;  /* from input_layout_detect */
    int decimal_comma;
    int have_indicator_meta;     /* warn about indicators not in it */
    int have_region_meta;        /* warn about regions not in it */
    char delim;                  /* from the first read: 0 = detect */
    input_encoding encoding;     /* from the first read */
} input_data_opts;

/* Reads every record after the header of path (file number `file` of
   ds). Each bad cell is an SB_EDATA error with line and field. Counts go
   to rep, warnings to diag. */
sb_status input_data_read(sb_dataset *ds, uint16_t file, const char *path,
                          const input_data_opts *o, input_file_report *rep,
                          sb_diag *diag, sb_error *err);

/* Reads path again exactly as input_data_read did, adding nothing, and
   gives each place of this file (sb_dataset_set_locator) its line and
   column. */
sb_status input_data_locate(sb_dataset *ds, uint16_t file, const char *path,
                            const input_data_opts *o, sb_place *places,
                            size_t n, sb_error *err);

/* DESIGN.md: a ';'-delimited file uses a decimal comma when every numeric
   cell with a comma has other than three digits after it (and at least
   one such cell exists). Reads the file once; sets *out to 0 or 1. */
sb_status input_data_detect_decimal_comma(const char *path, int *out,
                                          sb_error *err);

#endif
