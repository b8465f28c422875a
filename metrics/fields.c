/*
 * metrics/fields.c -- the table of figures (fields.h): one row per
 * figure of metrics_row, in DESIGN.md's column order.
 *
 * Headings are what a brief's table prints over the column; the people's
 * table of `statbrief metrics` (metrics/output.c) has a layout of its own
 * that joins several figures in one column, and does not use them.
 */
#include "fields.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define CSV METRICS_USE_CSV
#define TEXT METRICS_USE_TEXT
#define COL METRICS_USE_COLUMN
#define D(f, print, dec, use, en, zh) \
    {#f, offsetof(metrics_row, f), 0, METRICS_PRINT_##print, dec, use, en, zh}
#define I(f, use, en, zh) \
    {#f, offsetof(metrics_row, f), 1, METRICS_PRINT_INT, 0, use, en, zh}
#define UNIT METRICS_DEC_UNIT

static const metrics_field table[] = {
    /* "value": the latest value, in text only */
    {"value", offsetof(metrics_row, last_value), 0, METRICS_PRINT_VALUE, 0,
     TEXT, "Latest", "最新值"},
    I(first_year, CSV | TEXT | COL, "First year", "起始年份"),
    I(last_year, CSV | TEXT | COL, "Year", "年份"),
    D(first_value, VALUE, 0, CSV | TEXT | COL, "First", "起始值"),
    D(last_value, VALUE, 0, CSV | TEXT | COL, "Latest", "最新值"),
    D(change, CHANGE, 0, CSV | TEXT | COL, "Change", "变化"),
    D(pct_change, PCT, 0, CSV | TEXT | COL, "Change, %", "增长率"),
    D(pp_change, POINTS, UNIT, CSV | TEXT | COL, "Change, points",
      "变化（百分点）"),
    D(cagr, PCT, 0, CSV | TEXT | COL, "CAGR", "年均增长率"),
    D(yoy, GROWTH, 0, CSV | TEXT | COL, "On the year before", "比上年"),
    D(multiple, NUMBER, 2, CSV | TEXT | COL, "Multiple", "倍数"),
    D(slope, NUMBER, METRICS_DEC_UNIT_PLUS1, CSV | TEXT | COL,
      "Trend per year", "年均趋势"),
    D(intercept, NUMBER, METRICS_DEC_UNIT_PLUS1, CSV | TEXT | COL,
      "Intercept", "截距"),
    D(r2, NUMBER, 2, CSV | TEXT | COL, "R\xc2\xb2", "R\xc2\xb2"),
    D(trend_growth, PCT, 0, CSV | TEXT | COL, "Trend growth", "趋势增长率"),
    I(forecast_year, CSV | TEXT, "Forecast year", "预测年份"),
    D(forecast, VALUE, 0, CSV | TEXT | COL, "Forecast", "预测值"),
    D(forecast_lo, VALUE, 0, CSV | TEXT | COL, "Forecast, low", "预测下限"),
    D(forecast_hi, VALUE, 0, CSV | TEXT | COL, "Forecast, high",
      "预测上限"),
    /* 1 when forecast_lo is cut at zero (forecast.h), 0 when not */
    D(forecast_cut, NUMBER, 0, CSV, "Interval cut at zero",
      "区间截至零"),
    I(ref_year, CSV | TEXT, "Reference year", "参照年份"),
    I(rank, CSV | TEXT | COL, "Rank", "排名"),
    I(rank_of, CSV | TEXT, "Ranked", "参与排名地区数"),
    D(share, PCT, 0, CSV | TEXT | COL, "Share", "占比"),
    D(gap, CHANGE, 0, CSV | TEXT | COL, "Gap", "差距"),
    D(growth_gap, POINTS, 1, CSV | TEXT | COL, "Growth gap", "增幅差距"),
    I(n, CSV | TEXT | COL, "Points", "数据点"),
};

#undef D
#undef I
#undef UNIT
#undef CSV
#undef TEXT
#undef COL

const metrics_field *metrics_fields(size_t *n)
{
    *n = sizeof table / sizeof table[0];
    return table;
}

const metrics_field *metrics_field_find(const char *name, unsigned use)
{
    size_t i;

    for (i = 0; i < sizeof table / sizeof table[0]; i++)
        if ((table[i].use & use) && strcmp(table[i].name, name) == 0)
            return &table[i];
    return NULL;
}

int metrics_field_decimals(const metrics_field *f, int p)
{
    return f->decimals == METRICS_DEC_UNIT         ? p
           : f->decimals == METRICS_DEC_UNIT_PLUS1 ? p + 1
                                                   : f->decimals;
}

double metrics_field_value(const metrics_field *f, const metrics_row *r)
{
    const char *p = (const char *)r + f->offset;
    int i;
    double d;

    if (f->is_int) {
        memcpy(&i, p, sizeof i);
        return i;
    }
    memcpy(&d, p, sizeof d);
    return d;
}

int metrics_field_undefined(const metrics_field *f, const metrics_row *r)
{
    double v = metrics_field_value(f, r);

    /* no year or rank is 0, and undefined ones are stored as 0; a count
       of points may be 0 */
    if (f->is_int)
        return v == 0 && f->offset != offsetof(metrics_row, n);
    return !isfinite(v);
}

size_t metrics_field_names(unsigned use, const char **names, size_t max)
{
    size_t i, n = 0;

    for (i = 0; i < sizeof table / sizeof table[0] && n + 1 < max; i++)
        if (table[i].use & use)
            names[n++] = table[i].name;
    if (max > 0)
        names[n] = NULL;
    return n;
}

metrics_print metrics_field_print_kind(const metrics_field *f,
                                      const sb_indicator *ind)
{
    int rate = (sb_indicator_traits(ind) & SB_TRAIT_POINTS) != 0;

    if (f->print != METRICS_PRINT_CHANGE && f->print != METRICS_PRINT_GROWTH)
        return f->print;
    return rate ? METRICS_PRINT_POINTS
           : f->print == METRICS_PRINT_GROWTH ? METRICS_PRINT_PCT
                                              : METRICS_PRINT_VALUE;
}

char *metrics_field_print(char *buf, size_t size, const metrics_field *f,
                          double v, const sb_indicator *ind, fmt_lang lang)
{
    int p = fmt_points_decimals(ind);
    char num[FMT_MAX];

    /* a count of no points is as undefined in text as a missing year */
    if (!isfinite(v) || (f->is_int && v == 0)) {
        snprintf(buf, size, "%s", FMT_UNDEFINED);
        return buf;
    }
    switch (metrics_field_print_kind(f, ind)) {
    case METRICS_PRINT_VALUE: return fmt_value(buf, size, v, ind, lang);
    case METRICS_PRINT_PCT: return fmt_percent(buf, size, v, 1, 0, lang);
    case METRICS_PRINT_POINTS:
        /* a change's own points print at the indicator's precision */
        fmt_number(num, sizeof num, v, f->print == METRICS_PRINT_POINTS
                                           ? metrics_field_decimals(f, p)
                                           : p, 0, lang);
        snprintf(buf, size, "%s%s", num, lang == FMT_ZH
                 ? "\xe4\xb8\xaa\xe7\x99\xbe\xe5\x88\x86\xe7\x82\xb9"
                 : " percentage points");          /* 个百分点 */
        return buf;
    case METRICS_PRINT_NUMBER:
        return fmt_number(buf, size, v, metrics_field_decimals(f, p), 0,
                          lang);
    default: snprintf(buf, size, "%d", (int)v); return buf;
    }
}
