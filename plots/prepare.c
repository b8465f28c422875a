/*
 * plots/prepare.c -- what each chart type adds to a chart's lines once
 * they are built (the chart-type table names which): the line chart's
 * forecast, the bar chart's bars, the years of grouped and stacked bars
 * and of a slope chart, the total region that stacked shares are taken
 * of. Reads the dataset and the metrics context; draws nothing.
 */
#include "prepare.h"

#include "canvas.h"
#include "index.h"
#include "lines.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

/* How many lines have a value in `year`. */
static size_t lines_with(const plot_chart *c, int year)
{
    size_t i, k, n = 0;

    for (i = 0; i < c->n_lines; i++)
        for (k = 0; k < c->lines[i].n; k++)
            if ((int)c->lines[i].year[k] == year) {
                n++;
                break;
            }
    return n;
}

/* Grouped and stacked bars: the most recent years (up to three) in which
   at least half of the regions have a value; oldest first. */
static void recent_years(plot_chart *c, int first, int last)
{
    size_t need = MAX(1, (c->n_lines + 1) / 2), k;
    int y, tmp[PLOT_MAX_YEARS];

    c->n_years = 0;
    for (y = last; y >= first && c->n_years < PLOT_MAX_YEARS; y--)
        if (lines_with(c, y) >= need)
            tmp[c->n_years++] = y;
    for (k = 0; k < c->n_years; k++)
        c->years[k] = tmp[c->n_years - 1 - k];
}

/* Both ends present in a line. */
static int has_both(const plot_line *l, int a, int b)
{
    size_t k;
    int fa = 0, fb = 0;

    for (k = 0; k < l->n; k++) {
        fa |= (int)l->year[k] == a;
        fb |= (int)l->year[k] == b;
    }
    return fa && fb;
}

/* Slope: b the latest year with most regions; a the earliest year that
   keeps as many regions with values at both ends as any other a. */
static void slope_years(plot_chart *c, int first, int last)
{
    size_t best = 0, i, n;
    int a, b = last, y;

    for (y = last; y >= first; y--)
        if (lines_with(c, y) > lines_with(c, b))
            b = y;
    a = b;
    for (y = b - 1; y >= first; y--) {
        for (n = 0, i = 0; i < c->n_lines; i++)
            n += (size_t)has_both(&c->lines[i], y, b);
        if (n >= best && n > 0) {
            best = n;
            a = y;
        }
    }
    c->years[0] = a;
    c->years[1] = b;
    c->n_years = 2;
}

/* Best first; the regions without a value (NaN) after them, by name. */
static int cmp_bars(const void *a, const void *b)
{
    const plot_bar *x = a, *y = b;

    if (isnan(x->value) != isnan(y->value))
        return isnan(x->value) ? 1 : -1;
    if (!isnan(x->value) && x->value != y->value)
        return x->value > y->value ? -1 : 1;
    return strcmp(x->label, y->label);
}

/* Bars: each line's value at `year`, best first; a line without one
   keeps its row with NaN (drawn as "no data", never left out). Returns
   how many bars have a value. */
static size_t make_bars(plot_chart *c, int year)
{
    size_t i, n = 0;

    c->year = year;
    c->bars = g_new0(plot_bar, c->n_lines + 1);
    for (i = 0; i < c->n_lines; i++) {
        plot_bar *b = &c->bars[c->n_bars++];
        b->label = g_strdup(c->lines[i].label);
        b->highlight = c->lines[i].highlight;
        b->value = NAN;
        n += (size_t)canvas_value_at(&c->lines[i], year, &b->value);
    }
    qsort(c->bars, c->n_bars, sizeof *c->bars, cmp_bars);
    return n;
}

/* The focus line's forecast, as the metrics have it (the one rule of
   metrics/forecast.h: the year after the last value, enough points, no
   break, a fit that holds); drawn only where it is defined. */
static void add_forecast(plot_chart *c, metrics_ctx *mc, int from, int to)
{
    metrics_row r;
    sb_error ignore = {0};
    size_t i;

    for (i = 0; i < c->n_lines; i++) {
        plot_line *l = &c->lines[i];
        if (!l->highlight || l->n == 0 ||
            metrics_get(mc, c->indicator, l->region, from, to, &r,
                        &ignore) != SB_OK || r.forecast_year == 0)
            continue;
        l->forecast_year = r.forecast_year;
        l->forecast = r.forecast;
        l->forecast_lo = r.forecast_lo;
        l->forecast_hi = r.forecast_hi;
        l->forecast_cut = r.forecast_cut == 1;
    }
}

/* Stacked bars show shares of the total region's value: it needs one,
   with values, and an indicator whose values add up (not a rate). */
static int add_total(plot_chart *c, const sb_dataset *ds, metrics_ctx *mc,
                     sb_id ind, int from, int to, sb_error *err)
{
    sb_id t = metrics_total(mc);
    size_t i, keep = c->n_lines;

    if (!(sb_indicator_traits(c->ind) & SB_TRAIT_ADDS)) {
        sb_error_set(err, SB_EDATA, NULL, 0, 0, "%s: a %s has no shares "
                     "to stack", c->ind->id,
                     c->ind->kind == SB_KIND_RATE ? "rate"
                     : c->ind->kind == SB_KIND_GROWTH ? "growth rate"
                                                      : "index");
        return 0;
    }
    for (i = 0; t != SB_NONE && i < sb_dataset_n_series(ds); i++) {
        const sb_series *s = sb_dataset_series_at(ds, i);
        if (s->indicator == ind && s->region == t) {
            lines_add(c, ds, mc, s, from, to);
            c->total = g_memdup2(&c->lines[c->n_lines - 1],
                                 sizeof *c->total);
            c->n_lines = keep;
        }
    }
    if (c->total == NULL || c->total->n == 0) {
        sb_error_set(err, SB_EDATA, NULL, 0, 0, "%s: no total region with "
                     "values to take shares of", c->ind->id);
        return 0;
    }
    return 1;
}

/* ---- many regions on a line chart ---------------------------------------- */

/* Where region r stands among the names of --label (a name or alias,
   as --focus is found); -1 when it is not named. */
static long named_at(const sb_dataset *ds, sb_id r, const plot_labels *lb)
{
    size_t i;

    for (i = 0; lb != NULL && i < lb->n; i++)
        if (sb_dataset_find_region(ds, lb->names[i]) == r)
            return (long)i;
    return -1;
}

/* Region r's line, added when the chart has none (a benchmark or total
   outside the comparison set, such as an aggregate) and it has values in
   the window. */
static void add_role_line(plot_chart *c, const plot_source *src, sb_id r)
{
    size_t i;

    if (r == SB_NONE)
        return;
    for (i = 0; i < c->n_lines; i++)
        if (c->lines[i].region == r)
            return;
    for (i = 0; i < sb_dataset_n_series(src->ds); i++) {
        const sb_series *s = sb_dataset_series_at(src->ds, i);
        if (s->indicator == c->indicator && s->region == r) {
            lines_add(c, src->ds, src->mc, s, src->from, src->to);
            break;
        }
    }
    if (c->n_lines > 0 && c->lines[c->n_lines - 1].region == r &&
        c->lines[c->n_lines - 1].n == 0) {      /* nothing in the window */
        plot_line *l = &c->lines[--c->n_lines];
        g_free(l->label);
        g_free(l->year);
        g_free(l->value);
        g_free(l->filled);
        g_free(l->flags);
    }
}

/* Beyond PLOT_MAX_LINES regions one cannot follow a line among the
   others by a label: the focus, the benchmark, the total (added when
   the comparison set leaves them out) and the first
   PLOT_MAX_NAMED regions of --label keep their colour and label, the
   rest become grey context. A label's priority (keep) is the order in
   which labels are dropped when they need more height than the plot has:
   the named regions from the last named, then the total, the benchmark,
   never the focus. */
static void mark_context(plot_chart *c, const plot_source *src)
{
    sb_id bench = metrics_benchmark(src->mc), total = metrics_total(src->mc);
    size_t i;

    if (c->n_lines <= PLOT_MAX_LINES)
        return;
    /* the yardsticks are drawn even when the set leaves them out */
    add_role_line(c, src, bench);
    add_role_line(c, src, total);
    for (i = 0; i < c->n_lines; i++) {
        plot_line *l = &c->lines[i];
        long at = named_at(src->ds, l->region, src->labels);
        if (l->highlight) {
            l->keep = PLOT_MAX_NAMED + 3;
        } else if (l->region == bench || l->region == total) {
            l->accent = 1;
            l->keep = PLOT_MAX_NAMED + (l->region == bench ? 2 : 1);
        } else if (at >= 0 && at < PLOT_MAX_NAMED) {
            l->accent = 2 + (int)at;
            l->keep = PLOT_MAX_NAMED - (int)at;
        } else {
            l->context = 1;
            c->n_context++;
        }
    }
}

/* ---- small multiples ------------------------------------------------------ */

/* A panel's place: the focus, the benchmark, the regions ranked at the
   reference year by rank, then the rest; among equals, the source's
   order (regions are numbered in the order the files name them). */
typedef struct {
    int group, rank;
    sb_id region;
    size_t line;
} panel_key;

static int cmp_panels(const void *a, const void *b)
{
    const panel_key *x = a, *y = b;

    if (x->group != y->group)
        return x->group < y->group ? -1 : 1;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return x->region < y->region ? -1 : x->region > y->region;
}

/* The year the panels are ranked at: the indicator's reference year
   (metrics_ref_years), inside the years the chart shows; 0 when the
   spec asks for the source's order or there is none. */
static int order_year(const plot_chart *c, const plot_source *src)
{
    int base, ref;

    if ((src->labels != NULL && src->labels->order == PLOT_ORDER_SOURCE) ||
        metrics_ref_years(src->mc, c->indicator, &base, &ref) != 0 ||
        ref == 0)
        return 0;
    return ref >= c->first && ref <= c->last ? ref : c->last;
}

/* The lines in panel order; the benchmark's line in its own ink. */
static void order_panels(plot_chart *c, const plot_source *src)
{
    sb_id bench = metrics_benchmark(src->mc);
    panel_key *key = g_new(panel_key, c->n_lines + 1);
    plot_line *sorted = g_new(plot_line, c->n_lines + 1);
    size_t i;
    int of;

    c->order_year = order_year(c, src);
    for (i = 0; i < c->n_lines; i++) {
        const plot_line *l = &c->lines[i];
        key[i].rank = c->order_year
                          ? metrics_rank_at(src->mc, c->indicator, l->region,
                                            c->order_year, &of)
                          : 0;
        key[i].group = l->highlight ? 0 : l->region == bench ? 1
                       : key[i].rank > 0 ? 2 : 3;
        key[i].region = l->region;
        key[i].line = i;
    }
    qsort(key, c->n_lines, sizeof *key, cmp_panels);
    for (i = 0; i < c->n_lines; i++) {
        sorted[i] = c->lines[key[i].line];
        sorted[i].accent = key[i].group == 1;
    }
    g_free(c->lines);
    c->lines = sorted;
    g_free(key);
}

/* The values' range of a line, or of every line (l NULL): hi - lo, or
   hi when every value is positive (an axis from zero shows it). */
static double values_range(const plot_chart *c, const plot_line *l)
{
    double lo = INFINITY, hi = -INFINITY;
    size_t i, j;

    for (i = 0; i < c->n_lines; i++)
        for (j = 0; (l == NULL || l == &c->lines[i]) &&
                    j < c->lines[i].n; j++) {
            lo = fmin(lo, c->lines[i].value[j]);
            hi = fmax(hi, c->lines[i].value[j]);
        }
    if (!isfinite(lo))
        return NAN;
    return lo > 0 ? hi : hi - lo;
}

/* A shared scale flattens a panel whose own range is under 1/3 of the
   shared range (PLOT_SMALL_FLAT): on a panel a few millimetres high, a
   line in less than a third of its height no longer shows its movement.
   When it would flatten more than half the panels, each panel gets its
   own scale. */
static int small_own_scale(const plot_chart *c)
{
    double shared = values_range(c, NULL);
    size_t i, flat = 0, n = 0;

    if (!(shared > 0))
        return 0;
    for (i = 0; i < c->n_lines; i++) {
        double own = values_range(c, &c->lines[i]);
        if (isnan(own))
            continue;
        n++;
        flat += own < shared / PLOT_SMALL_FLAT;
    }
    return 2 * flat > n;
}

/* ---- the types' steps --------------------------------------------------- */

int prepare_line(plot_chart *c, const plot_source *src, sb_error *err)
{
    (void)err;
    add_forecast(c, src->mc, src->from, src->to);
    mark_context(c, src);
    return 1;
}

/* The lines stop at `to`: their latest year is the bar chart's. */
int prepare_bar(plot_chart *c, const plot_source *src, sb_error *err)
{
    (void)src;
    if (make_bars(c, c->last) == 0) {
        sb_error_set(err, SB_EDATA, NULL, 0, 0, "%s: no values in %d",
                     c->ind->id, c->last);
        return 0;
    }
    return 1;
}

int prepare_grouped(plot_chart *c, const plot_source *src, sb_error *err)
{
    (void)err;
    recent_years(c, src->from, src->to ? src->to : c->last);
    return 1;
}

int prepare_stacked(plot_chart *c, const plot_source *src, sb_error *err)
{
    recent_years(c, src->from, src->to ? src->to : c->last);
    return add_total(c, src->ds, src->mc, c->indicator, src->from, src->to,
                     err);
}

int prepare_slope(plot_chart *c, const plot_source *src, sb_error *err)
{
    (void)err;
    slope_years(c, src->from, src->to ? src->to : c->last);
    mark_context(c, src);            /* many regions: grey, unlabelled */
    return 1;
}

/* Every line as an index of the base year (--base, else the default of
   plots/index.h), drawn as the line chart draws it: with many regions,
   the same context lines and labels. No forecast: it is of the values,
   and the index of a forecast would need a second rule. */
int prepare_index(plot_chart *c, const plot_source *src, sb_error *err)
{
    int given = src->labels != NULL ? src->labels->base : 0;

    if (!plot_index_allowed(c->ind, err))
        return 0;
    mark_context(c, src);
    return plot_index_lines(c, given ? given
                                     : plot_index_default_base(c),
                            "--base", err);
}

/* The panels in order (rank or source, the focus first, the benchmark
   next), and whether they share one scale. */
int prepare_small(plot_chart *c, const plot_source *src, sb_error *err)
{
    (void)err;
    order_panels(c, src);
    c->own_scale = small_own_scale(c);
    return 1;
}
