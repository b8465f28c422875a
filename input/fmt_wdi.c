/*
 * input/fmt_wdi.c -- World Bank WDI downloads: the API's CSV (a "Data
 * Source" preamble, then "Country Name","Country Code","Indicator
 * Name","Indicator Code","1960",...) and DataBank extracts ("Series
 * Name","Series Code","2000 [YR2000]",... closed by "Data from
 * database" and "Last Updated" lines); and the Metadata_Indicator and
 * Metadata_Country files that come with a download.
 *
 * Indicator id = Indicator Code, region = Country Name with Country
 * Code as its alias, the name from Indicator Name without the unit in
 * its last parentheses, which becomes the unit. The metadata files are
 * only recognized here: input/meta.c reads them.
 */
#include "fmt.h"

#include <glib.h>
#include <string.h>

#define WDI_NAME "World Bank WDI export"

enum { COL_REGION, COL_ALIAS, COL_NAME, COL_INDICATOR, COL_FIRST_YEAR };

static int is_header(const input_row *r)
{
    return r->n >= 4 && input_fmt_is(r, 0, "Country Name") &&
           input_fmt_is(r, 1, "Country Code") &&
           (input_fmt_is(r, 2, "Indicator Name") ||
            input_fmt_is(r, 2, "Series Name")) &&
           (input_fmt_is(r, 3, "Indicator Code") ||
            input_fmt_is(r, 3, "Series Code"));
}

/* "1960" (download) or "2000 [YR2000]" (DataBank). */
static int year_of(const char *s)
{
    size_t n = strlen(s);
    int y;

    if (n == 4)
        return input_parse_year(s, 4);
    if (n == 13 && s[4] == ' ' && strncmp(s + 5, "[YR", 3) == 0 &&
        s[12] == ']' && strncmp(s, s + 8, 4) == 0 &&
        (y = input_parse_year(s, 4)) > 0)
        return y;
    return -1;
}

/* The header, maybe after the API download's preamble. */
static int detect(const char *path, const input_row *const *rows, size_t n,
                  size_t *header, void **state, sb_error *err)
{
    size_t h;

    (void)state;
    for (h = 0; h < n && !is_header(rows[h]); h++)
        ;
    if (h < n) {
        *header = h;
        return 1;
    }
    if (!input_fmt_is(rows[0], 0, "Data Source"))
        return 0;
    return input_fmt_rule(err, path, rows[0]->line, 1, WDI_NAME ": no "
                          "header \"Country Name\",\"Country Code\","
                          "\"Indicator Name\",\"Indicator Code\",\"1960\","
                          "... after the preamble");
}

static int header(const char *path, const input_row *h, input_layout *l,
                  sb_error *err)
{
    static const input_fmt_years years = {
        COL_FIRST_YEAR, year_of, "column",
        " (after Indicator Code every column is a year, like \"1960\" or "
        "\"2000 [YR2000]\")",
        " after Indicator Code"};

    if (input_fmt_year_columns(path, h, l, &years, err) != 0)
        return -1;
    l->shape = INPUT_SHAPE_WIDE_YEAR;
    input_fmt_key(l, INPUT_COL_REGION, COL_REGION);
    input_fmt_key(l, INPUT_COL_INDICATOR, COL_INDICATOR);
    l->cols[COL_ALIAS].extra = l->cols[COL_NAME].extra = 1;
    return 0;
}

/* "Research and development expenditure (% of GDP)": WDI names end in
   their unit. */
static void name_and_unit(const input_row *row, input_fmt_names *o)
{
    input_fmt_unit u;

    input_fmt_copy(row, COL_NAME, o->buf[2]);
    u = input_fmt_split_unit(o->buf[2], strlen(o->buf[2]));
    if (u.unit != NULL)
        o->unit = input_fmt_copy_to(o->buf[4], u.unit, u.unit_len);
    o->name = input_fmt_copy_to(o->buf[2], u.id, u.id_len);
}

static int row(const input_layout *l, const input_row *r,
               input_fmt_names *o, char *msg, size_t msgsize)
{
    (void)msg;
    (void)msgsize;
    o->indicator = input_fmt_copy(r, l->key[INPUT_COL_INDICATOR], o->buf[0]);
    o->region = input_fmt_copy(r, l->key[INPUT_COL_REGION], o->buf[1]);
    o->alias = input_fmt_copy(r, COL_ALIAS, o->buf[3]);
    o->alias_col = COL_ALIAS;
    name_and_unit(r, o);
    return 0;
}

/* DataBank: "Data from database: ..." and "Last Updated: ...". */
static int footer(const input_layout *l, const input_row *r,
                  const char **body, int *is_source)
{
    size_t len;
    const char *s = input_fmt_cell(r, 0, &len);

    (void)l;
    (void)body;
    (void)is_source;
    return g_str_has_prefix(s, "Data from database") ||
           g_str_has_prefix(s, "Last Updated");
}

/* Metadata_Indicator_*.csv and Metadata_Country_*.csv. */
static int meta(const input_layout *h, int has_year, input_role *role)
{
    if (input_layout_find(h, "INDICATOR_CODE") >= 0 &&
        input_layout_find(h, "INDICATOR_NAME") >= 0) {
        *role = INPUT_ROLE_INDICATORS;
        return 1;
    }
    if (input_layout_find(h, "Country Code") >= 0 &&
        input_layout_find(h, "TableName") >= 0 && !has_year) {
        *role = INPUT_ROLE_REGIONS;
        return 1;
    }
    return 0;
}

const input_fmt input_fmt_wdi = {
    WDI_NAME, detect, header, row, footer, meta, NULL, NULL, NULL,
};
