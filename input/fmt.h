/*
 * input/fmt.h -- what a portal format is made of: the descriptor with
 * its callbacks, what it gives back for a row, and the helpers the
 * format files (input/fmt_*.c) share to read records and report a
 * broken rule.
 *
 * A new format is a file input/fmt_<name>.c that defines one
 * `const input_fmt input_fmt_<name>`, a line for it below and a row in
 * the table of input/export.c, whose order is the order of detection (a
 * more particular format before a more general one). Its state is a
 * struct of its own, opaque to everyone else. The rest of input/ calls
 * the formats through input/export.h, never directly. Nothing here reads
 * a file or prints: errors go into the sb_error with their line and
 * field.
 */
#ifndef INPUT_FMT_H
#define INPUT_FMT_H

#include "csvread.h"
#include "table.h"

#define INPUT_FMT_MAX_DIMS 16   /* key dimensions of one export */
#define INPUT_FMT_NAME_MAX 512  /* longest key built from parts */

/* The formats, each in its input/fmt_<name>.c: one line each. A file's
   layout names its format by the address of one of these. */
extern const struct input_fmt input_fmt_eurostat, input_fmt_nbs,
    input_fmt_oecd, input_fmt_wdi;
extern const struct input_fmt input_fmt_owid;
extern const struct input_fmt input_fmt_sdmx;
extern const struct input_fmt input_fmt_eurostat_csv;
extern const struct input_fmt input_fmt_wblong;

/* The names of one data row of an export. */
typedef struct {
    const char *indicator;  /* NULL: the layout's stem (or its column) */
    const char *region;     /* NULL: the region of the column */
    const char *name;       /* indicator name, or NULL */
    const char *unit;       /* or NULL */
    const char *alias;      /* another name of the region, or NULL */
    const char *flags;      /* the row's flags in place of its flags
                               column, or NULL: the column's */
    int col;                /* 0-based field the keys are reported at */
    int alias_col;          /* the field of alias */
    unsigned region_role;   /* SB_ROLE_* bits the portal gives the region
                               (an aggregate); kept only for a region
                               that no regions.csv describes */
    int missing;            /* the row's values are missing whatever
                               their cells hold (an SDMX status) */
    sb_kind kind;           /* what the unit code says, or UNSET */
    double scale;           /* one unit in base_unit, or NaN */
    const char *base_unit;  /* with scale, or NULL */
    const char *warning;    /* to warn about at col (an unknown unit
                               code), or NULL */
    int held;               /* 1: the indicator is known only once the
                               file is read (input_fmt.final); key is
                               the format's number for it */
    uint32_t key;
    long line;              /* final: the line the key was first met */
    char buf[5][INPUT_FMT_NAME_MAX];
} input_fmt_names;

typedef struct input_fmt {
    const char *name;   /* "World Bank WDI export": check prints it and
                           the rules' messages start with it */
    /* detect: is path one of this portal's downloads, by its first n
       records (n >= 1)? 1 when it is: *header is the index of its header
       record, *state what the format keeps for its rows (or NULL);
       0 when it is not; -1 when it shows the format's marks but breaks
       a rule (SB_EDATA naming it, at a line and field) or memory ran
       out. On 1 *state belongs to the caller, who releases it with free;
       on 0 and -1 nothing is left allocated. */
    int (*detect)(const char *path, const input_row *const *rows, size_t n,
                  size_t *header, void **state, sb_error *err);
    /* header: the columns' roles. l comes with every column of h named
       and ignored, role data, export, export_state and header_at set;
       header sets the shape, the keys (input_fmt_key), the value columns
       with their years, the stem, and marks the columns its rows read
       besides the keys (extra). 0, or -1 with the error. */
    int (*header)(const char *path, const input_row *h, input_layout *l,
                  sb_error *err);
    /* row: the keys of a data record (input_export_row); the values,
       flags and missing markers of its value columns are read by
       input/data.c with the cell grammar of every table. 0, -1 with msg
       and out->col, or -2 when memory ran out. */
    int (*row)(const input_layout *l, const input_row *r,
               input_fmt_names *out, char *msg, size_t msgsize);
    /* footer: closing lines and footnotes (input_export_footer); NULL
       when the format has none. */
    int (*footer)(const input_layout *l, const input_row *r,
                  const char **body, int *is_source);
    /* meta: 1 with *role when header is one of the portal's metadata
       files (input_export_meta); NULL when it has none. */
    int (*meta)(const input_layout *header, int has_year, input_role *role);
    /* free: releases a state; NULL when g_free does. */
    void (*free)(void *state);
    /* column: wide by indicator, the indicator id and name of value
       column c (pointers into the layout or the state); NULL: the
       header is both. */
    void (*column)(const input_layout *l, size_t c, const char **id,
                   const char **name);
    /* final: for a format whose rows say held (their indicator depends
       on every row of the file: SDMX-CSV), once the file is read: the
       names of key number `key` as row gives them for a row (indicator,
       name, unit, kind, warning; line). 0; 1 when key is past the last
       one; -2 when memory ran out. From then on row gives the final
       indicator itself, as for the file being read again. NULL when
       the format holds nothing. */
    int (*final)(const input_layout *l, uint32_t key, input_fmt_names *out);
} input_fmt;

/* ---- reading records ---- */

/* Field i of r trimmed, in place (not NUL-terminated at len); "" past
   the end of the record. */
const char *input_fmt_cell(const input_row *r, size_t i, size_t *len);
/* Field i trimmed and NUL-terminated in place (the reader's buffer, as
   input/data.c reads cells): no copy; "" past the end of the record. */
const char *input_fmt_field(const input_row *r, size_t i);
/* A row's region named by field name, with field code as its alias
   (OWID's Entity and Code, the World Bank's Country Name and Code). */
void input_fmt_region_code(const input_row *r, size_t name, size_t code,
                           input_fmt_names *o);
/* Field i trimmed, as a new string; NULL when out of memory. */
char *input_fmt_text(const input_row *r, size_t i);
/* 1 when field i, trimmed, is lit (ASCII case ignored). */
int input_fmt_is(const input_row *r, size_t i, const char *lit);
/* The first field of r that is one of names (in the order of names:
   the first name found wins), or -1. */
int input_fmt_find(const input_row *r, const char *const *names);
/* The same, a field matching a name as is says (input_fmt_is: the
   field, trimmed, ASCII case ignored). */
int input_fmt_find_by(const input_row *r, const char *const *names,
                      int (*is)(const input_row *, size_t, const char *));
/* Copies field i trimmed into buf (INPUT_FMT_NAME_MAX bytes), cut to
   fit; "" when i < 0 or past the end. Returns buf. */
const char *input_fmt_copy(const input_row *r, int i, char *buf);
/* Copies n bytes of s into buf (INPUT_FMT_NAME_MAX), cut to fit;
   returns buf. s may be inside buf. */
char *input_fmt_copy_to(char *buf, const char *s, size_t n);
/* s[0..*n) without the ASCII white space around it (as g_strstrip). */
const char *input_fmt_strip(const char *s, size_t *n);

/* A text cut into its id and its unit, both stripped; unit is NULL when
   the text ends in no parentheses. Pointers into the text. */
typedef struct {
    const char *id, *unit;
    size_t id_len, unit_len;
} input_fmt_unit;

/* "研究与试验发展(R&D)经费(亿元)" -> id "研究与试验发展(R&D)经费", unit
   "亿元": the last parentheses, ASCII or full-width, if they end it. An
   index's reference ("国内生产总值指数(上年=100)": a unit with '=' that
   ends in 100) is the unit and stays in the id. */
input_fmt_unit input_fmt_split_unit(const char *text, size_t n);

/* ---- building the layout ---- */

/* Gives column col (-1: none) the key role. */
void input_fmt_key(input_layout *l, input_col_role role, int col);

/* How a format's year columns are told. */
typedef struct {
    size_t first;                  /* the first year column */
    int (*year)(const char *name); /* a header's year, or <= 0 */
    const char *column;            /* "column", "time column" */
    const char *hint;              /* after "is not a year" */
    const char *none;              /* after "no year columns" */
} input_fmt_years;

/* Makes every named column from y->first on a value column with its
   year (an unnamed one, as the trailing empty column, stays ignored).
   0, or -1 with the rule: a column that is not a year, or none at all. */
int input_fmt_year_columns(const char *path, const input_row *h,
                           input_layout *l, const input_fmt_years *y,
                           sb_error *err);

/* ---- errors ---- */

/* A rule of the format broken: SB_EDATA at line:col; returns -1. */
int input_fmt_rule(sb_error *err, const char *path, long line, long col,
                   const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Out of memory reading the header at line; returns -1. */
int input_fmt_oom(sb_error *err, const char *path, long line);

#endif
