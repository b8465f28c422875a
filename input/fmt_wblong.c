/*
 * input/fmt_wblong.c -- the World Bank's indicators as long tables of
 * one indicator: "Country Name,Country Code,Year,Value", as the Frictionless
 * Data packages publish them (github.com/datasets/gdp data/gdp.csv,
 * datasets/population data/population.csv), one row per country-year
 * with a value.
 *
 * Read as long. Region = Country Name, with Country Code as its alias
 * (as a WDI download is read): the Bank's aggregate codes (WLD, ARB,
 * HIC) make aggregates through the gazetteer, and the same code in
 * another file joins the region. The file names no indicator: its id is
 * the file's stem ("gdp"), or --indicator-id.
 */
#include "fmt.h"

#include <string.h>

#define WBLONG_NAME "World Bank long table"

enum { COL_NAME, COL_CODE, COL_YEAR, COL_VALUE, N_COLS };

static int detect(const char *path, const input_row *const *rows, size_t n,
                  size_t *header, void **state, sb_error *err)
{
    const input_row *h = rows[0];

    (void)path;
    (void)n;
    (void)err;
    if (h->n != N_COLS || !input_fmt_is(h, COL_NAME, "Country Name") ||
        !input_fmt_is(h, COL_CODE, "Country Code") ||
        !input_fmt_is(h, COL_YEAR, "Year") ||
        !input_fmt_is(h, COL_VALUE, "Value"))
        return 0;
    *state = NULL;
    *header = 0;
    return 1;
}

static int header(const char *path, const input_row *h, input_layout *l,
                  sb_error *err)
{
    input_fmt_key(l, INPUT_COL_REGION, COL_NAME);
    input_fmt_key(l, INPUT_COL_YEAR, COL_YEAR);
    input_fmt_key(l, INPUT_COL_VALUE, COL_VALUE);
    l->cols[COL_CODE].extra = 1;
    l->shape = INPUT_SHAPE_LONG;
    if ((l->stem = input_file_stem(path)) == NULL)
        return input_fmt_oom(err, path, h->line);
    l->from |= INPUT_FROM_STEM_FILE;
    return 0;
}

static int row(const input_layout *l, const input_row *r,
               input_fmt_names *o, char *msg, size_t msgsize)
{
    (void)l;
    (void)msg;
    (void)msgsize;
    input_fmt_region_code(r, COL_NAME, COL_CODE, o);
    return 0;
}

const input_fmt input_fmt_wblong = {
    WBLONG_NAME, detect, header, row, NULL, NULL, NULL, NULL, NULL,
};
