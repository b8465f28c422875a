/*
 * input/layout.h -- what a CSV file is, decided from its header line.
 *
 * A file is indicator metadata (`id` and `kind` columns), region metadata
 * (`region` plus `groups`, `role` or `aliases`, no year columns) or a data
 * table in one of four shapes (DESIGN.md, "Input tables"). Column names
 * are matched case-insensitively against synonyms, or named explicitly
 * with --columns; --shape forces the shape. The layout record itself,
 * with the names of roles and shapes, is input/table.h. No I/O here.
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
} input_layout_opts;

/* Decides the role and layout of path from its header row. Errors:
   SB_EDATA (not any known table, naming what was expected), SB_EUSAGE
   (a --columns header that the file lacks). out is cleared first;
   release it with input_layout_clear. */
sb_status input_layout_detect(const char *path, const input_row *header,
                              const input_layout_opts *o, input_layout *out,
                              sb_error *err);
void input_layout_clear(input_layout *l);

#endif
