/*
 * input/layout.h -- what a CSV file is, decided from its header line.
 *
 * A file is indicator metadata (`id` and `kind` columns), region metadata
 * (`region` plus `groups`, `role` or `aliases`, no year columns) or a data
 * table in one of four shapes (DESIGN.md, "Input tables"). Column names
 * are matched case-insensitively against synonyms, or named explicitly
 * with --columns; --shape forces the shape. No I/O here.
 */
#ifndef INPUT_LAYOUT_H
#define INPUT_LAYOUT_H

#include "csvread.h"
#include "core/model.h"

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

/* Statistical-portal downloads, recognized by their own marks
   (input/export.h says how each one's keys are read). */
typedef enum {
    INPUT_EXPORT_NONE = 0,
    INPUT_EXPORT_WDI,            /* World Bank WDI / DataBank CSV */
    INPUT_EXPORT_OECD,           /* OECD.Stat or Data Explorer long CSV */
    INPUT_EXPORT_EUROSTAT,       /* Eurostat TSV */
    INPUT_EXPORT_NBS             /* China NBS data portal (国家统计局) */
} input_export;

struct input_export_keys;

/* Roles of a data column. The first INPUT_NKEYS have one column each. */
typedef enum {
    INPUT_COL_INDICATOR, INPUT_COL_REGION, INPUT_COL_YEAR, INPUT_COL_VALUE,
    INPUT_COL_UNIT, INPUT_COL_FLAGS, INPUT_COL_NOTE, INPUT_COL_SOURCE,
    INPUT_NKEYS,
    INPUT_COL_IGNORED = INPUT_NKEYS,
    INPUT_COL_VALUES              /* a wide column: one value per row */
} input_col_role;

typedef struct {
    input_col_role role;
    char *name;      /* the header as written, trimmed (owned) */
    int year;        /* wide by year: the column's year */
} input_column;

typedef struct {
    input_role role;
    input_shape shape;
    size_t n;
    input_column *cols;
    int key[INPUT_NKEYS];        /* column index of each role, or -1 */
    char *stem;                  /* wide by region: the indicator id */
    input_export export;         /* a portal download, or NONE */
    long header_at;              /* records before the header (preamble) */
    struct input_export_keys *ex;   /* an export's keys (owned) */
} input_layout;

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

const char *input_shape_name(input_shape s);   /* "long", "wide-year", ... */
const char *input_role_name(input_role r);     /* "data", ... */
const char *input_col_role_name(input_col_role r);
/* Parses a --shape value. Returns -1 if unknown. */
int input_shape_parse(const char *s, input_shape *out);
/* Parses a --columns role name ("region"). Returns -1 if unknown. */
int input_col_role_parse(const char *s, input_col_role *out);

/* The year in a header or year cell: digits, optionally ".0" (as
   spreadsheets and pandas write it). Returns -1 if not a year. */
int input_parse_year(const char *s, size_t len);

/* The file name of path without its directory and its extension (the
   last '.', unless the name starts with it): the indicator id of a wide
   table named for it. NULL when out of memory; g_free it. */
char *input_file_stem(const char *path);

/* Trims spaces and tabs: returns the start, stores the length. */
const char *input_trim(const char *s, size_t len, size_t *out_len);

#endif
