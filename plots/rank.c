/*
 * plots/rank.c -- what a ranking chart shows (prepare_ranking, named by
 * the chart-type table): every region of the comparison set with its
 * value at one year, sorted from the largest, with its rank; the top
 * and bottom PLOT_RANK_ENDS and the focus when there are more than
 * PLOT_RANK_ALL; the aggregates apart and unranked; the benchmark and
 * the total as reference lines when they are not ranked themselves; the
 * regions without a value that year, for the note. Reads the dataset
 * and the metrics context; draws nothing (draw_rank.c does).
 */
#include "prepare.h"

#include "lines.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

/* More names than this, or longer than RANK_NO_DATA_CHARS, and the note
   counts the regions without data instead of naming them. */
#define RANK_NO_DATA_NAMES 8
#define RANK_NO_DATA_CHARS 120

/* Line l's value in `year`: 1 and *v, or 0. */
static int line_value(const plot_line *l, int year, double *v)
{
    size_t k;

    for (k = 0; k < l->n; k++)
        if ((int)l->year[k] == year) {
            *v = l->value[k];
            return isfinite(*v);
        }
    return 0;
}

/* Region r's label and value in `year`, as its line would have them
   (the points the metrics use), without keeping the line: 1, or 0 when
   it has no value then. *label is the caller's (g_free). */
static int region_value(plot_chart *c, const plot_source *src, sb_id r,
                        int year, char **label, double *v)
{
    const sb_series *s = sb_dataset_find_series(src->ds, c->indicator, r);
    plot_line *l;
    int ok;

    if (s == NULL)
        return 0;
    lines_add(c, src->ds, src->mc, s, src->from, src->to);
    l = &c->lines[--c->n_lines];
    ok = line_value(l, year, v);
    *label = ok ? l->label : NULL;
    if (!ok)
        g_free(l->label);
    g_free(l->year);
    g_free(l->value);
    g_free(l->filled);
    g_free(l->flags);
    return ok;
}

static int by_value(const void *a, const void *b)
{
    const plot_bar *x = a, *y = b;

    if (x->value != y->value)
        return x->value > y->value ? -1 : 1;
    return strcmp(x->label, y->label);
}

/* Ranks as metrics_rank_at gives them: one more than the regions with a
   better value (higher, or lower when lower is better); ties share. */
static void set_ranks(plot_bar *b, size_t n, int higher_is_better)
{
    size_t i, j = 0;

    for (i = 0; i < n; i++) {
        if (i == 0 || b[i].value != b[i - 1].value)
            j = i;
        b[i].rank = (int)(j + 1);
    }
    if (higher_is_better)
        return;
    for (i = n; i-- > 0;) {              /* from the lowest up */
        if (i == n - 1 || b[i].value != b[i + 1].value)
            j = n - 1 - i;
        b[i].rank = (int)(j + 1);
    }
}

/* The note's list of regions without a value: names while short, else
   their count. */
static void add_no_data(plot_chart *c, GPtrArray *names)
{
    int zh = c->lang == FMT_ZH;
    GString *g = g_string_new(zh ? "\xe6\x97\xa0\xe6\x95\xb0\xe6\x8d\xae"
                                   "\xef\xbc\x9a" : "No data: ");  /* 无数据： */
    size_t i, len = 0;

    if (names->len == 0) {
        g_string_free(g, TRUE);
        return;
    }
    for (i = 0; i < names->len; i++)
        len += strlen(names->pdata[i]) + 2;
    if (names->len > RANK_NO_DATA_NAMES || len > RANK_NO_DATA_CHARS) {
        g_string_append_printf(g, zh ? "%u\xe4\xb8\xaa\xe5\x9c\xb0\xe5\x8c\xba"
                                     : "%u regions", names->len);  /* N个地区 */
    } else {
        for (i = 0; i < names->len; i++)
            g_string_append_printf(g, "%s%s", i == 0 ? ""
                                   : zh ? "\xe3\x80\x81" : ", ",    /* 、 */
                                   (const char *)names->pdata[i]);
    }
    g_string_append(g, zh ? "\xe3\x80\x82" : ".");
    c->no_data = g_string_free(g, FALSE);
}

/* The ranked bars from the chart's lines (the comparison set and the
   focus): those with a value in `year`, sorted and ranked; the others'
   names go to the note. */
static GArray *ranked_bars(plot_chart *c, int year)
{
    GArray *bars = g_array_new(FALSE, TRUE, sizeof(plot_bar));
    GPtrArray *none = g_ptr_array_new();
    size_t i;

    for (i = 0; i < c->n_lines; i++) {
        const plot_line *l = &c->lines[i];
        plot_bar b = {0};
        if (!line_value(l, year, &b.value)) {
            g_ptr_array_add(none, l->label);
            continue;
        }
        b.label = g_strdup(l->label);
        b.highlight = l->highlight;
        g_array_append_val(bars, b);
    }
    g_array_sort(bars, by_value);
    set_ranks((plot_bar *)(void *)bars->data, bars->len,
              c->ind->higher_is_better);
    add_no_data(c, none);
    g_ptr_array_free(none, TRUE);
    return bars;
}

/* A gap row: the ranks left out between two shown. */
static void add_gap(GArray *rows)
{
    plot_bar gap = {0};

    gap.label = g_strdup(PLOT_ELLIPSIS);
    gap.row = PLOT_ROW_GAP;
    gap.value = NAN;
    g_array_append_val(rows, gap);
}

/* The rows shown: every ranked bar up to PLOT_RANK_ALL; beyond, the top
   and the bottom PLOT_RANK_ENDS with a gap row between, and the focus in
   its place (a gap on each side) when it is in neither. Takes bars. */
static GArray *shown_rows(GArray *bars)
{
    plot_bar *b = (plot_bar *)(void *)bars->data;
    size_t n = bars->len, i, focus = n;
    GArray *rows;

    if (n <= PLOT_RANK_ALL)
        return bars;
    for (i = PLOT_RANK_ENDS; i < n - PLOT_RANK_ENDS; i++)
        if (b[i].highlight)
            focus = i;
    rows = g_array_new(FALSE, TRUE, sizeof(plot_bar));
    g_array_append_vals(rows, b, PLOT_RANK_ENDS);
    add_gap(rows);
    if (focus < n) {
        g_array_append_val(rows, b[focus]);
        add_gap(rows);
    }
    g_array_append_vals(rows, b + n - PLOT_RANK_ENDS, PLOT_RANK_ENDS);
    for (i = PLOT_RANK_ENDS; i < n - PLOT_RANK_ENDS; i++)
        if (i != focus)
            g_free(b[i].label);
    g_array_free(bars, TRUE);
    return rows;
}

/* Whether region r is one of the chart's lines (ranked or without data). */
static int has_line(const plot_chart *c, sb_id r)
{
    size_t i;

    for (i = 0; i < c->n_lines; i++)
        if (c->lines[i].region == r)
            return 1;
    return 0;
}

/* The benchmark and the total that are not ranked (an aggregate, or a
   region outside the comparison set): reference lines, for an indicator
   whose values do not add up (a rate, a per-head figure, an index). An
   amount's total is the sum of the bars, of another size than any of
   them: no yardstick for one region. */
static void add_refs(plot_chart *c, const plot_source *src, int year)
{
    sb_id role[2] = {metrics_benchmark(src->mc), metrics_total(src->mc)};
    size_t i;

    for (i = 0; i < 2 && !(sb_indicator_traits(c->ind) & SB_TRAIT_ADDS);
         i++) {
        plot_bar *r = &c->refs[c->n_refs];
        if (role[i] == SB_NONE || has_line(c, role[i]) ||
            (i == 1 && role[1] == role[0]))
            continue;
        if (region_value(c, src, role[i], year, &r->label, &r->value)) {
            r->row = PLOT_ROW_AGGREGATE;
            c->n_refs++;
        }
    }
}

/* The aggregates (World, High income) with a value in `year` that are
   not reference lines: the PLOT_RANK_AGGREGATES largest, apart and
   unranked, appended to rows. */
static void add_aggregates(plot_chart *c, const plot_source *src, int year,
                           GArray *rows)
{
    GArray *agg = g_array_new(FALSE, TRUE, sizeof(plot_bar));
    plot_bar *a;
    size_t i;

    for (i = 0; i < sb_dataset_n_regions(src->ds); i++) {
        sb_id r = (sb_id)i;
        plot_bar b = {0};
        if (!(sb_dataset_region_at(src->ds, r)->role & SB_ROLE_AGGREGATE) ||
            r == metrics_benchmark(src->mc) || r == metrics_total(src->mc) ||
            has_line(c, r) ||
            !region_value(c, src, r, year, &b.label, &b.value))
            continue;
        b.row = PLOT_ROW_AGGREGATE;
        g_array_append_val(agg, b);
    }
    g_array_sort(agg, by_value);
    c->n_aggregates = agg->len;
    a = (plot_bar *)(void *)agg->data;
    for (i = 0; i < agg->len; i++) {
        if (i < PLOT_RANK_AGGREGATES)
            g_array_append_val(rows, a[i]);
        else
            g_free(a[i].label);
    }
    g_array_free(agg, TRUE);
}

/* The year ranked: the indicator's reference year (the latest year in
   which most of the set has a value), within the chart's window. */
static int ranking_year(const plot_chart *c, const plot_source *src)
{
    int base = 0, ref = 0;

    metrics_ref_years(src->mc, c->indicator, &base, &ref);
    if (src->to && ref > src->to)
        ref = src->to;
    return ref > 0 ? ref : c->last;
}

int prepare_ranking(plot_chart *c, const plot_source *src, sb_error *err)
{
    GArray *rows;

    c->year = ranking_year(c, src);
    rows = ranked_bars(c, c->year);
    c->n_ranked = rows->len;
    if (rows->len == 0) {
        g_array_free(rows, TRUE);
        sb_error_set(err, SB_EDATA, NULL, 0, 0, "%s: no values in %d",
                     c->ind->id, c->year);
        return 0;
    }
    rows = shown_rows(rows);
    add_aggregates(c, src, c->year, rows);
    add_refs(c, src, c->year);
    c->n_bars = rows->len;
    c->bars = (plot_bar *)(void *)g_array_free(rows, FALSE);
    return 1;
}
