/*
 * plots/nodata.c -- regions a bar chart shows without a value: the words
 * and the sentence (see nodata.h).
 */
#include "nodata.h"

#include "canvas.h"

#define NODATA_NAMED 3           /* regions named before the rest counted */
#define NODATA_YEAR_ZH "\xe5\xb9\xb4\xe6\x97\xa0\xe6\x95\xb0\xe6\x8d\xae"  /* 年无数据 */

const char *plot_nodata_word(fmt_lang lang)
{
    return lang == FMT_ZH ? "\xe6\x97\xa0\xe6\x95\xb0\xe6\x8d\xae"  /* 无数据 */
                          : "no data";
}

/* The years chart c shows bars for; 0 for a type without bars of the
   lines' regions. */
static size_t bar_years(const plot_chart *c, int *years)
{
    size_t j;

    if (c->type != PLOT_BAR && c->type != PLOT_GROUPED &&
        c->type != PLOT_STACKED)
        return 0;
    if (c->type == PLOT_BAR) {
        years[0] = c->year;
        return 1;
    }
    for (j = 0; j < c->n_years; j++)
        years[j] = c->years[j];
    return c->n_years;
}

size_t plot_nodata_years(const plot_chart *c, const plot_line *l,
                         int *miss)
{
    int years[PLOT_MAX_YEARS];
    size_t j, n = 0, ny = bar_years(c, years);
    double v;

    for (j = 0; j < ny; j++)
        if (!canvas_value_at(l, years[j], &v))
            miss[n++] = years[j];
    return n;
}

/* "2022 and 2023" / "2022、2023" */
static void append_years(GString *g, fmt_lang lang, const int *miss,
                         size_t n)
{
    size_t j;

    for (j = 0; j < n; j++)
        g_string_append_printf(g, "%s%d", j == 0 ? ""
                               : lang == FMT_ZH ? "\xe3\x80\x81"      /* 、 */
                               : j + 1 == n ? " and " : ", ", miss[j]);
}

/* " No data for Sichuan in 2022 and 2023." / "四川2022、2023年无数据。" */
static void one_region(GString *g, const plot_chart *c, const plot_line *l,
                       const int *miss, size_t n)
{
    int zh = c->lang == FMT_ZH;

    g_string_append(g, zh ? "" : " No data for ");
    g_string_append(g, l->label);
    g_string_append(g, zh ? "" : " in ");
    append_years(g, c->lang, miss, n);
    g_string_append(g, zh ? NODATA_YEAR_ZH "\xe3\x80\x82" : ".");
}

char *plot_nodata_key(const plot_chart *c, const plot_line *l)
{
    int miss[PLOT_MAX_YEARS];
    size_t n = plot_nodata_years(c, l, miss);
    GString *g = g_string_new(l->label);

    if (n > 0) {
        g_string_append(g, c->lang == FMT_ZH ? "\xef\xbc\x88"        /* （ */
                                             : " (no data for ");
        append_years(g, c->lang, miss, n);
        g_string_append(g, c->lang == FMT_ZH ? NODATA_YEAR_ZH
                                               "\xef\xbc\x89" : ")");
    }
    return g_string_free(g, FALSE);
}

void plot_nodata_sentence(GString *g, const plot_chart *c)
{
    int miss[PLOT_MAX_YEARS];
    size_t i, pass, named = 0, more = 0;

    /* the focus region first: it is the one a reader looks for */
    for (pass = 0; pass < 2; pass++)
        for (i = 0; i < c->n_lines; i++) {
            const plot_line *l = &c->lines[i];
            size_t n;
            if ((l->region == c->focus) != (pass == 0))
                continue;
            n = plot_nodata_years(c, l, miss);
            if (n == 0)
                continue;
            if (named < NODATA_NAMED) {
                one_region(g, c, l, miss, n);
                named++;
            } else {
                more++;
            }
        }
    if (more > 0)
        g_string_append_printf(g, c->lang == FMT_ZH
                                      ? "\xe5\x8f\xa6\xe6\x9c\x89%zu\xe4\xb8"
                                        "\xaa\xe5\x9c\xb0\xe5\x8c\xba\xe6\x97"
                                        "\xa0\xe6\x95\xb0\xe6\x8d\xae\xe3\x80"
                                        "\x82"              /* 另有N个地区无数据。 */
                                      : " No data for %zu more regions.",
                               more);
}
