/*
 * input/table.h -- the layout of a table: what a CSV file is (its role),
 * how its data lie (the shape) and what each column holds; with the
 * names of these and the text rules every reader of a header shares (a
 * name trimmed, a year, a file's stem).
 *
 * The record that input/layout.c fills for ordinary tables and the
 * portal formats (input/export.c, input/fmt_*.c) fill for their
 * downloads, and that input/data.c reads rows by. No detection and no
 * I/O here; releasing a layout is input_layout_clear (input/layout.h),
 * which knows the formats' state.
 */
#ifndef INPUT_TABLE_H
#define INPUT_TABLE_H

#include "csvread.h"

#include <stddef.h>

typedef enum {
    INPUT_ROLE_DATA,
    INPUT_ROLE_INDICATORS,
    INPUT_ROLE_REGIONS
} input_role;

typedef enum {
    INPUT_SHAPE_NONE = 0,        /* detect */
    INPUT_SHAPE_LONG,            /* indicator,region,year,value */
    INPUT_SHAPE_WIDE_YEAR,       /* indicator,region,2017,2018,... */
    INPUT_SHAPE_WIDE_INDICATOR,  /* region,year,<indicator>,... */
    INPUT_SHAPE_WIDE_REGION      /* year,<region>,... */
} input_shape;

/* A statistical portal's download format: one descriptor of the table
   in input/export.c (input/fmt.h says what it holds), or NONE. */
typedef const struct input_fmt *input_export;
#define INPUT_EXPORT_NONE ((input_export)0)

/* Roles of a data column. The first INPUT_NKEYS have one column each. */
typedef enum {
    INPUT_COL_INDICATOR, INPUT_COL_REGION, INPUT_COL_YEAR, INPUT_COL_VALUE,
    INPUT_COL_UNIT, INPUT_COL_FLAGS, INPUT_COL_NOTE, INPUT_COL_SOURCE,
    INPUT_COL_NOTE_ZH, INPUT_COL_SOURCE_ZH,   /* what a Chinese brief prints */
    INPUT_NKEYS,
    INPUT_COL_IGNORED = INPUT_NKEYS,
    INPUT_COL_VALUES              /* a wide column: one value per row */
} input_col_role;

typedef struct {
    input_col_role role;
    char *name;      /* the header as written, trimmed (owned) */
    int year;        /* wide by year: the column's year */
    int extra;       /* a portal format reads it besides the keys (a
                        name, unit or alias): not an ignored column */
} input_column;

typedef struct {
    input_role role;
    input_shape shape;
    size_t n;
    input_column *cols;
    int key[INPUT_NKEYS];        /* column index of each role, or -1 */
    char *stem;                  /* the indicator of every row when no
                                    column names one: the file's stem,
                                    or --indicator-id */
    char *one_region;            /* the region of every row when no
                                    column names one: the file's stem,
                                    or --region-name */
    unsigned from;               /* INPUT_FROM_* bits: where stem and
                                    one_region came from, for check */
    const char *stem_by;         /* with INPUT_FROM_STEM_OPT: the option
                                    ("--indicator-id"; not owned) */
    int known_cols;              /* headers only (year,<name>,...): how
                                    many name a known region; -1 when
                                    the headers decided nothing */
    int value_cols;              /* with known_cols: how many there are */
    input_export export;         /* a portal download, or NONE; for a
                                    metadata file, the portal's own */
    long header_at;              /* records before the header (preamble) */
    void *export_state;          /* what the format keeps for its rows
                                    (owned; input_layout_clear frees it) */
} input_layout;

/* Bits of input_layout.from. */
#define INPUT_FROM_STEM_FILE 1u      /* stem: the file's name */
#define INPUT_FROM_STEM_OPT 2u       /* stem: --indicator-id */
#define INPUT_FROM_REGION_FILE 4u    /* one_region: the file's name */
#define INPUT_FROM_REGION_OPT 8u     /* one_region: --region-name */

const char *input_shape_name(input_shape s);   /* "long", "wide-year", ... */
const char *input_role_name(input_role r);     /* "data", ... */
const char *input_col_role_name(input_col_role r);
/* Parses a --shape value. Returns -1 if unknown. */
int input_shape_parse(const char *s, input_shape *out);
/* Parses a --columns role name ("region"). Returns -1 if unknown. */
int input_col_role_parse(const char *s, input_col_role *out);

/* Gives l (with no columns yet) those of the header record h, named as
   written but trimmed, all ignored. 0, or -1 when out of memory: l then
   holds the columns named so far (l->cols NULL if none). */
int input_layout_columns(input_layout *l, const input_row *h);

/* The first column of l named name (ASCII case ignored), or -1. */
int input_layout_find(const input_layout *l, const char *name);

/* The year in a header or year cell: digits, optionally ".0" (as
   spreadsheets and pandas write it). Returns -1 if not a year. */
int input_parse_year(const char *s, size_t len);

/* The file name of path without its directory and its extension (the
   last '.', unless the name starts with it): the indicator id of a wide
   table named for it. NULL when out of memory; g_free it. */
char *input_file_stem(const char *path);

/* A record must have as many fields as its header (docs/input-formats.md,
   "What is an error"): a short one is not padded as missing, a long one
   is not cut. Sets the error of row, which has a field count other than
   n_header, at the first field missing or too many; header, when given,
   names the missing field's column. Returns -1. */
int input_row_width_error(sb_error *err, const char *path,
                          const input_row *row, size_t n_header,
                          const char *header);

/* Trims spaces and tabs: returns the start, stores the length. Inline:
   the loader trims every cell of every row, most of them in one test
   of each end (a byte above ' ' is neither). */
static inline const char *input_trim(const char *s, size_t len,
                                     size_t *out_len)
{
    while (len > 0 && (unsigned char)*s <= ' ' &&
           (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len > 0 && (unsigned char)s[len - 1] <= ' ' &&
           (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    *out_len = len;
    return s;
}

#endif
