/*
 * input/cell.h -- the grammar of one value cell (DESIGN.md, "Cells").
 *
 * Missing markers, numbers with thousand separators, decimals, exponents,
 * a trailing '%', and flag letters after the number. Parsing never looks
 * at the process locale. Pure functions: no allocation, no I/O.
 */
#ifndef INPUT_CELL_H
#define INPUT_CELL_H

#include <stddef.h>

#define INPUT_CELL_MAX_FLAGS 31     /* flag characters kept per value */
#define INPUT_CELL_MAX_NUMBER 256   /* longest number accepted, in bytes */

typedef struct {
    double value;                   /* NaN when missing */
    int missing;                    /* a missing marker (or empty) */
    int decimals;                   /* decimals as published, >= 0 */
    int percent;                    /* written with a trailing '%' */
    char flags[INPUT_CELL_MAX_FLAGS + 1];  /* as written, "" if none */
} input_cell;

/* Parses the cell s[0..len) (leading and trailing spaces and tabs are
   ignored). decimal_comma: ',' is the decimal mark and '.' or a space
   separate thousands. Returns 0 and fills *out, or -1 with a message
   (no position: the caller knows it) in msg. */
int input_cell_parse(const char *s, size_t len, int decimal_comma,
                     input_cell *out, char *msg, size_t msgsize);

/* For decimal-comma detection: if s looks like a number written with
   exactly one comma (and optional '.' or space separators, '%', flags),
   returns the count of digits after the comma; else -1. */
int input_cell_digits_after_comma(const char *s, size_t len);

#endif
