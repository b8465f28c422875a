/*
 * metrics/fields.h -- the one table of the figures a metrics_row holds:
 * their names, where the row keeps them, how they print, and their
 * English and Chinese headings.
 *
 * Every vocabulary of figures is read from here: the columns of
 * `metrics --format csv|json` (DESIGN.md's order), the figures a spec's
 * {placeholders} may name, the figure columns of a spec's tables and
 * their headings in a brief. A new figure is one field of metrics_row
 * and one row of the table (metrics/fields.c).
 *
 * The table is static and read-only: nothing here allocates or fails.
 */
#ifndef METRICS_FIELDS_H
#define METRICS_FIELDS_H

#include <stddef.h>

#include "metrics/format.h"
#include "metrics/metrics.h"

/* How a figure prints in text (placeholders and the cells of a spec's
   tables), through the formatter. */
typedef enum {
    METRICS_PRINT_VALUE,   /* in the indicator's unit and precision */
    METRICS_PRINT_PCT,     /* a percentage, one decimal */
    METRICS_PRINT_POINTS,  /* percentage points, at `decimals` */
    METRICS_PRINT_NUMBER,  /* a plain number (fits, multiples), at
                              `decimals` */
    METRICS_PRINT_INT,     /* a year, a rank, a count */
    METRICS_PRINT_CHANGE,  /* a value, or points for a rate (change,
                              gap) */
    METRICS_PRINT_GROWTH   /* a percentage, or points for a rate (yoy) */
} metrics_print;

/* decimals, besides a fixed number: the indicator's precision, or one
   more than it (a slope is finer than the values it is fitted on). */
#define METRICS_DEC_UNIT (-1)
#define METRICS_DEC_UNIT_PLUS1 (-2)

/* Where a figure is offered (bits). */
#define METRICS_USE_CSV    1u   /* a column of csv and json output */
#define METRICS_USE_TEXT   2u   /* a figure a placeholder may name */
#define METRICS_USE_COLUMN 4u   /* a figure column of a spec's table */

typedef struct {
    const char *name;      /* "pct_change" */
    size_t offset;         /* of its member in metrics_row */
    int is_int;            /* an int member (0 = undefined but for n),
                              else a double (NaN = undefined) */
    metrics_print print;
    int decimals;          /* POINTS and NUMBER: fixed, or METRICS_DEC_* */
    unsigned use;          /* METRICS_USE_* */
    const char *head_en, *head_zh;   /* a table's column heading */
} metrics_field;

/* The table, in DESIGN.md's column order ("value", an alias of
   last_value for text, comes first); *n gets its length. */
const metrics_field *metrics_fields(size_t *n);

/* The field named name among those offered for use (a METRICS_USE_*
   bit), or NULL. */
const metrics_field *metrics_field_find(const char *name, unsigned use);

/* The decimals a POINTS or NUMBER field prints with, for an indicator
   of display precision p. */
int metrics_field_decimals(const metrics_field *f, int p);

/* The field's value in r as a double (ints converted). */
double metrics_field_value(const metrics_field *f, const metrics_row *r);

/* 1 when the field's value in r is undefined: NaN for doubles, 0 for
   ints but n. */
int metrics_field_undefined(const metrics_field *f, const metrics_row *r);

/* How field f of indicator ind prints: a change or growth as a value, a
   percentage, or points for a rate; the others as the table says. */
metrics_print metrics_field_print_kind(const metrics_field *f,
                                       const sb_indicator *ind);

/* v, a value of field f of indicator ind, as text prints it (a
   placeholder, a spec table's cell, the figures statbrief diff shows):
   a value or a change in the indicator's number form and unit, a
   percentage at one decimal, points ("0.48 percentage points"), a
   number at the field's decimals, a year, rank or count; a change or
   growth of a rate in points. FMT_UNDEFINED when undefined (NaN, or 0
   for an int field). Returns buf. */
char *metrics_field_print(char *buf, size_t size, const metrics_field *f,
                          double v, const sb_indicator *ind, fmt_lang lang);

/* The names of the fields offered for use, in table order, into
   names[0..max) with a NULL after the last; returns how many. */
size_t metrics_field_names(unsigned use, const char **names, size_t max);

#endif
