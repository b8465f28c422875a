/*
 * input/layout.h -- what a CSV file is, decided from its first records.
 *
 * A file is indicator metadata (`id` and `kind` columns), region metadata
 * (`region` plus `groups`, `role` or `aliases`, no year columns), a
 * portal's download or metadata file (asked of the formats of
 * input/export.h), or a data table in one of four shapes (DESIGN.md,
 * "Input tables"). Column names are matched case-insensitively against
 * synonyms, or named explicitly with --columns; --shape forces the
 * shape. The layout record itself, with the names of roles and shapes,
 * is input/table.h. No I/O here.
 */
#ifndef INPUT_LAYOUT_H
#define INPUT_LAYOUT_H

#include "csvread.h"
#include "table.h"
#include "core/model.h"

/* How to read data files (command line or spec). */
typedef struct {
    input_shape shape;                   /* NONE = detect */
    const char *columns[INPUT_NKEYS];    /* header per role, NULL = any */
    const char *indicator;               /* the indicator of a file with no
                                            indicator column, or NULL */
    const char *region;                  /* the region of a file with no
                                            region column, or NULL */
    const char *indicator_opt;           /* who gave indicator, for an
                                            error: "--indicator-id" */
} input_layout_opts;

/* Decides the role and layout of path from its first n records (n >= 1;
   at most INPUT_EXPORT_PEEK are looked at): a portal download by its own
   marks unless o forces a shape or columns, else a table by its header,
   rows[0]. A dimension no column gives is the file's stem (the
   indicator; the region when the indicator has a column) unless o
   names it; a table of a year column and value columns is wide by
   region when a header is a region the gazetteer knows, else wide by
   indicator, of one region. Errors: SB_EDATA (not any known table,
   naming what was expected; or a download that breaks its format's
   rule), SB_EUSAGE (a --columns header that the file lacks; an
   indicator or region in o for a file that has its own), SB_ENOMEM. out is cleared
   first; release it with input_layout_clear, also after an error. */
sb_status input_layout_detect(const char *path, const input_row *const *rows,
                              size_t n, const input_layout_opts *o,
                              input_layout *out, sb_error *err);
void input_layout_clear(input_layout *l);

/* What the file with this header is when it is one of statbrief's own
   outputs (a figures CSV), else NULL: a static description, for a note
   or an error. input_layout_detect refuses such a file; the loader
   skips it instead when a folder or a glob brought it. */
const char *input_layout_own_output(const input_row *header);

#endif
