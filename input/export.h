/*
 * input/export.h -- the downloads of statistical portals, read as they
 * come: World Bank WDI, OECD long exports, Eurostat TSV, China NBS.
 *
 * Each is recognized from its first records (a preamble, a header of its
 * own) and turned into an ordinary layout (wide by year or long) plus
 * the rules for its keys: a compound Eurostat key, OECD code columns,
 * the indicator of an NBS file named in its preamble. A file that shows
 * an export's marks but breaks its rules is an error that names the
 * rule. DESIGN.md, "Input tables", says what becomes the indicator id
 * and the region of each.
 */
#ifndef INPUT_EXPORT_H
#define INPUT_EXPORT_H

#include "csvread.h"
#include "layout.h"

#define INPUT_EXPORT_PEEK 12       /* records an export is told by */
#define INPUT_EXPORT_MAX_DIMS 16   /* key dimensions of one export */
#define INPUT_EXPORT_NAME_MAX 512  /* longest key built from parts */

/* How an export's keys are read; owned by the layout. */
typedef struct input_export_keys {
    int ind_cols[INPUT_EXPORT_MAX_DIMS];   /* OECD: codes joined by '.' */
    int name_cols[INPUT_EXPORT_MAX_DIMS];  /* their labels: the name */
    size_t n_ind, n_name;
    int alias_col;          /* WDI: Country Code, an alias; -1 */
    int unit_col;           /* OECD: Unit (label); -1 */
    int unit_code_col;      /* OECD: Unit Code; -1 */
    int power_col;          /* OECD: PowerCode (label); -1 */
    int power_code_col;     /* OECD: PowerCode Code; -1 */
    int key_col;            /* Eurostat: the compound key column */
    int n_parts, geo_part;  /* Eurostat: dimensions, which one is geo */
    int unit_part;          /* Eurostat: the unit dimension, or -1 */
    char *dims;             /* Eurostat: "unit,geo", for messages */
    char *indicator, *unit; /* NBS: from 指标：, without / the unit */
    char *region;           /* NBS rows of indicators: 地区：, else 全国 */
    char *database;         /* NBS: 数据库：, for the check report */
} input_export_keys;

/* The names of one data row of an export. */
typedef struct {
    const char *indicator;  /* NULL: the layout's stem */
    const char *region;
    const char *name;       /* indicator name, or NULL */
    const char *unit;       /* or NULL */
    const char *alias;      /* another name of the region, or NULL */
    char buf[5][INPUT_EXPORT_NAME_MAX];
} input_export_names;

/* Looks for an export in the first n records of path. Returns 1 and
   fills out (role data; shape, columns, keys, header_at, export, ex) if
   one is recognized, 0 if the file is not an export, or -1 with an
   SB_EDATA error naming the broken rule. */
int input_export_detect(const char *path, const input_row *const *rows,
                        size_t n, input_layout *out, sb_error *err);

/* The names of a data row. Returns 0, or -1 with a message (no position)
   and the 0-based field it is about in *col. */
int input_export_row(const input_layout *l, const input_row *row,
                     input_export_names *out, char *msg, size_t msgsize,
                     int *col);

/* NBS: 1 when a record (after the header) starts the footnotes (注：,
   数据来源：) and its text, NUL-terminated in the row, goes to *text;
   *is_source tells which. WDI DataBank: 1 for its "Data from database"
   and "Last Updated" lines, with *text NULL. 0 for a data row. */
int input_export_footer(const input_layout *l, const input_row *row,
                        const char **text, int *is_source);

/* The text after a footnote's label (注：, 数据来源：) in s. */
const char *input_export_label_end(const char *s);

void input_export_keys_free(input_export_keys *ex);

/* "World Bank WDI export", ...; "" for NONE. */
const char *input_export_name(input_export e);

#endif
