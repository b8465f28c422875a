/*
 * plots/index.c -- a chart's lines as indexes: 100 x value / value in a
 * base year. The base year a chart takes unasked, which indicators can
 * be indexed, the lines that cannot (no value above zero in the base
 * year: a ratio to nothing, or of the wrong sign, is no index), and the
 * words that say so. Reads the chart's lines; draws nothing.
 */
#include "index.h"

#include <math.h>
#include <string.h>

/* Line l's value in `year`, or NaN. */
static double value_in(const plot_line *l, int year)
{
    size_t k;

    for (k = 0; k < l->n; k++)
        if ((int)l->year[k] == year)
            return l->value[k];
    return NAN;
}

/* How many of c's lines have a value in `year`. */
static size_t lines_in(const plot_chart *c, int year)
{
    size_t i, n = 0;

    for (i = 0; i < c->n_lines; i++)
        n += !isnan(value_in(&c->lines[i], year));
    return n;
}

/* The years c's lines span: *lo to *hi (0 and 0 when none). */
static void years_of(const plot_chart *c, int *lo, int *hi)
{
    size_t i;

    *lo = *hi = 0;
    for (i = 0; i < c->n_lines; i++) {
        const plot_line *l = &c->lines[i];
        if (l->n == 0)
            continue;
        if (*lo == 0 || l->year[0] < *lo)
            *lo = (int)l->year[0];
        if (l->year[l->n - 1] > *hi)
            *hi = (int)l->year[l->n - 1];
    }
}

int plot_index_default_base(const plot_chart *c)
{
    size_t best = 0, n;
    int lo, hi, y, most = 0;

    years_of(c, &lo, &hi);
    for (y = hi; lo > 0 && y >= lo; y--) {
        n = lines_in(c, y);
        if (2 * n > c->n_lines)
            return y;                     /* most regions have a value */
        if (n > best) {
            best = n;
            most = y;
        }
    }
    return most;
}

int plot_index_allowed(const sb_indicator *ind, sb_error *err)
{
    if (ind->kind == SB_KIND_GROWTH) {
        sb_error_set(err, SB_EDATA, NULL, 0, 0, "%s: a growth rate cannot "
                     "be indexed: its values are already changes on the "
                     "year before (use --type line)", ind->id);
        return 0;
    }
    if (ind->kind == SB_KIND_INDEX && ind->base == 0) {
        sb_error_set(err, SB_EDATA, NULL, 0, 0, "%s: an index on the "
                     "previous year (previous year = 100) cannot be "
                     "indexed: its values are already changes on the year "
                     "before (use --type line)", ind->id);
        return 0;
    }
    return 1;
}

/* Removes line i of c, keeping its name among the regions not indexed. */
static void leave_out(plot_chart *c, size_t i)
{
    plot_line *l = &c->lines[i];

    c->not_indexed = g_renew(char *, c->not_indexed, c->n_not_indexed + 2);
    c->not_indexed[c->n_not_indexed++] = l->label;   /* moved, not copied */
    c->not_indexed[c->n_not_indexed] = NULL;
    if (l->context)
        c->n_context--;
    g_free(l->year);
    g_free(l->value);
    g_free(l->filled);
    g_free(l->flags);
    memmove(l, l + 1, (c->n_lines - i - 1) * sizeof *l);
    c->n_lines--;
}

/* The indicator as an index chart reads it: an index of `base` at one
   decimal, in no unit, with no target (the target is in the unit). */
static void index_indicator(plot_chart *c, int base)
{
    c->indexed = *c->ind;
    c->indexed.kind = SB_KIND_INDEX;
    c->indexed.base = base;
    c->indexed.unit = c->indexed.unit_zh = c->indexed.base_unit = "";
    c->indexed.scale = NAN;
    c->indexed.decimals = 1;
    c->indexed.max_decimals = 1;
    c->indexed.target = NAN;
    c->indexed.target_year = 0;
    c->indexed.magnitude = 100;
    c->ind = &c->indexed;
    c->base = base;
}

int plot_index_lines(plot_chart *c, int base, const char *opt,
                     sb_error *err)
{
    size_t i, k;
    int lo, hi;

    years_of(c, &lo, &hi);
    if (lines_in(c, base) == 0) {
        sb_error_set(err, SB_EDATA, NULL, 0, 0, "%s: %s %d: no region has a "
                     "value in %d; the chart's years are %d to %d",
                     c->ind->id, opt, base, base, lo, hi);
        return 0;
    }
    for (i = c->n_lines; i-- > 0;) {
        plot_line *l = &c->lines[i];
        double b = value_in(l, base);
        if (!(b > 0)) {
            c->not_positive |= !isnan(b);
            leave_out(c, i);
            continue;
        }
        for (k = 0; k < l->n; k++)
            l->value[k] = 100 * l->value[k] / b;
    }
    /* left out from the last: name them in the order met */
    for (k = 0; c->n_not_indexed > 1 && k < c->n_not_indexed / 2; k++) {
        char *t = c->not_indexed[k];
        c->not_indexed[k] = c->not_indexed[c->n_not_indexed - 1 - k];
        c->not_indexed[c->n_not_indexed - 1 - k] = t;
    }
    if (c->n_lines == 0) {
        sb_error_set(err, SB_EDATA, NULL, 0, 0, "%s: no region has a value "
                     "above zero in %d to index to", c->ind->id, base);
        return 0;
    }
    years_of(c, &lo, &hi);                /* what is left is shown */
    c->first = lo;
    c->last = hi;
    index_indicator(c, base);
    return 1;
}

const char *plot_index_words(char *buf, size_t size, int base,
                             fmt_lang lang)
{
    if (lang == FMT_ZH)                          /* 指数，N年=100 */
        g_snprintf(buf, size, "\xe6\x8c\x87\xe6\x95\xb0\xef\xbc\x8c%d"
                   "\xe5\xb9\xb4=100", base);
    else
        g_snprintf(buf, size, "index, %d = 100", base);
    return buf;
}

void plot_index_note(GString *g, const plot_chart *c, size_t named)
{
    int zh = c->lang == FMT_ZH;
    size_t i;

    if (c->n_not_indexed == 0)
        return;
    /* 未能指数化（N年无数据）： or, when one has a value at or below
       zero, 未能指数化（N年无正值）： */
    if (zh)
        g_string_append_printf(g, "\xe6\x9c\xaa\xe8\x83\xbd\xe6\x8c\x87\xe6"
                               "\x95\xb0\xe5\x8c\x96\xef\xbc\x88%d\xe5\xb9"
                               "\xb4\xe6\x97\xa0%s\xef\xbc\x89\xef\xbc\x9a",
                               c->base, c->not_positive
                                   ? "\xe6\xad\xa3\xe5\x80\xbc"
                                   : "\xe6\x95\xb0\xe6\x8d\xae");
    else
        g_string_append_printf(g, "%sNot indexed, no %d value%s: ",
                               g->len && g->str[g->len - 1] != ' ' ? " " : "",
                               c->base, c->not_positive ? " above zero" : "");
    if (c->n_not_indexed > named) {            /* N个地区 */
        g_string_append_printf(g, zh ? "%zu\xe4\xb8\xaa\xe5\x9c\xb0\xe5\x8c"
                                       "\xba\xe3\x80\x82" : "%zu regions.",
                               c->n_not_indexed);
        return;
    }
    for (i = 0; i < c->n_not_indexed; i++)
        g_string_append_printf(g, "%s%s", i == 0 ? "" : zh ? "\xe3\x80\x81"
                                                         : ", ",
                               c->not_indexed[i]);     /* 、 */
    g_string_append(g, zh ? "\xe3\x80\x82" : ".");           /* 。 */
}
