/*
 * reports/overview.c -- the overview brief (overview.h): a section per
 * indicator about the whole comparison set at its reference year, for a
 * brief that has no focus region to be about.
 *
 * The figures come from metrics/ (ranks and windows at the reference
 * years, quartiles), the words from overview_text; nothing here decides
 * which regions are compared (metrics_in_set) or lays out pages.
 */
#include "overview.h"

#include "metrics/format.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

/* Rows of the leaders' and the laggards' ends, and of each kind of mover:
   five of each end reads as a list, not a table of the whole set. */
#define OVERVIEW_ENDS 5

/* One region's figures over the comparison's two years. */
typedef struct {
    metrics_row r;
    double change;               /* the mover's change (NaN: none) */
} entry;

/* The indicator's figures for the overview: peers with a value at the
   reference year by rank, the aggregates, the movers by change. */
typedef struct {
    sb_id ind;
    int base, ref;
    GArray *ranked, *aggregates, *movers;    /* entry */
} section;

/* A mover's change as the brief tells it: points for rates, percent
   for amounts and counts whose series stays above zero; NaN else. */
static double mover_change(const sb_indicator *p, const metrics_row *r)
{
    if (sb_indicator_traits(p) & SB_TRAIT_POINTS)
        return r->pp_change;
    return r->crosses_zero ? NAN : r->pct_change;
}

static int by_rank(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;

    if (a->r.rank != b->r.rank)
        return a->r.rank < b->r.rank ? -1 : 1;
    return (a->r.region > b->r.region) - (a->r.region < b->r.region);
}

static int by_change_desc(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;

    if (a->change != b->change)
        return a->change > b->change ? -1 : 1;
    return (a->r.region > b->r.region) - (a->r.region < b->r.region);
}

/* The figures of every region of the set and every aggregate. */
static void section_fill(parts_ctx *b, section *s)
{
    const sb_indicator *p = sb_dataset_indicator_at(b->ds, s->ind);
    size_t i;
    entry e;

    parts_years_of(b, s->ind, &s->base, &s->ref);
    s->ranked = g_array_new(FALSE, FALSE, sizeof(entry));
    s->aggregates = g_array_new(FALSE, FALSE, sizeof(entry));
    s->movers = g_array_new(FALSE, FALSE, sizeof(entry));
    for (i = 0; i < sb_dataset_n_regions(b->ds) && s->ref != 0; i++) {
        sb_id reg = (sb_id)i;
        int aggregate = sb_dataset_region_at(b->ds, reg)->role &
                        SB_ROLE_AGGREGATE;
        sb_error ignore = {0};
        if ((!aggregate && !metrics_in_set(b->mc, reg)) ||
            sb_dataset_find_series(b->ds, s->ind, reg) == NULL ||
            metrics_get(b->mc, s->ind, reg, s->base, s->ref, &e.r,
                        &ignore) != SB_OK || e.r.last_year != s->ref ||
            !isfinite(e.r.last_value))
            continue;
        e.change = e.r.first_year == s->base && s->base < s->ref &&
                   isfinite(e.r.first_value)
                       ? mover_change(p, &e.r) : NAN;
        if (aggregate) {
            g_array_append_val(s->aggregates, e);
            continue;
        }
        if (e.r.rank > 0)
            g_array_append_val(s->ranked, e);
        if (isfinite(e.change))
            g_array_append_val(s->movers, e);
    }
    g_array_sort(s->ranked, by_rank);
    g_array_sort(s->movers, by_change_desc);
}

static void section_free(section *s)
{
    g_array_free(s->ranked, TRUE);
    g_array_free(s->aggregates, TRUE);
    g_array_free(s->movers, TRUE);
}

/* A mover's change as text: points for rates (long: "percentage
   points"), a multiple from METRICS_TIMES on ("×8.7", as the summary
   table), else percent; marks the definition it needs. */
static const char *change_text(parts_ctx *b, const entry *e, int long_form,
                               char *buf, size_t size)
{
    const sb_indicator *p = sb_dataset_indicator_at(b->ds, e->r.indicator);

    if (sb_indicator_traits(p) & SB_TRAIT_POINTS) {
        parts_use(b, "pp_change");
        return fmt_points(buf, size, e->change, fmt_points_decimals(p),
                          long_form, b->lang);
    }
    if (metrics_claim_times(&e->r)) {
        parts_use(b, "multiple");
        return fmt_multiple(buf, size, e->r.multiple, b->lang);
    }
    parts_use(b, "pct_change");
    return fmt_percent(buf, size, e->change, 1, 1, b->lang);
}

/* The row is printed: the figures CSV lists it. */
static void printed(parts_ctx *b, const entry *e)
{
    g_array_append_val(b->printed, e->r);
}

/* ---- the words ---------------------------------------------------------- */

/* The movers' sentence, appended to g. */
static void movers_text(GString *g, const overview_facts *f, fmt_lang lang)
{
    if (f->base == 0 || (f->up == NULL && f->down == NULL))
        return;
    if (lang == FMT_ZH) {
        g_string_append_printf(g, "%d\xe2\x80\x94%d年，", f->base, f->year);
        if (f->up != NULL)
            g_string_append_printf(g, "%s升幅最大（%s）%s", f->up, f->up_v,
                                   f->down != NULL ? "，" : "");
        if (f->down != NULL)
            g_string_append_printf(g, "%s降幅最大（%s）", f->down,
                                   f->down_v);
        g_string_append(g, "。");
        return;
    }
    g_string_append_printf(g, " From %d to %d the largest ", f->base, f->year);
    if (f->up != NULL)
        g_string_append_printf(g, "rise was %s\xe2\x80\x99s, %s%s", f->up,
                               f->up_v, f->down != NULL ? ", and the largest "
                                                        : "");
    if (f->down != NULL)
        g_string_append_printf(g, "fall %s%s\xe2\x80\x99s, %s",
                               f->up != NULL ? "" : "was ", f->down,
                               f->down_v);
    g_string_append(g, ".");
}

char *overview_text(const overview_facts *f, fmt_lang lang)
{
    GString *g = g_string_new(NULL);

    if (lang == FMT_ZH)
        g_string_append_printf(g, "%d年，%s最高，为%s；%s最低，为%s；"
                               "%d个地区的中位数为%s，中间一半地区介于%s"
                               "和%s之间。", f->year, f->high, f->high_v,
                               f->low, f->low_v, f->n, f->median, f->q1,
                               f->q3);
    else
        g_string_append_printf(g, "In %d, %s had the highest value, %s, and "
                               "%s the lowest, %s; the median of %d regions "
                               "was %s, the middle half between %s and %s.",
                               f->year, f->high, f->high_v, f->low, f->low_v,
                               f->n, f->median, f->q1, f->q3);
    movers_text(g, f, lang);
    return g_string_free(g, FALSE);
}

/* ---- a section ---------------------------------------------------------- */

/* The entry of s->ranked with the highest (dir 1) or lowest (-1) value. */
static const entry *extreme(const section *s, int dir)
{
    const entry *best = NULL;
    size_t i;

    for (i = 0; i < s->ranked->len; i++) {
        const entry *e = &g_array_index(s->ranked, entry, i);
        if (best == NULL || dir * (e->r.last_value - best->r.last_value) > 0)
            best = e;
    }
    return best;
}

static int cmp_double(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;

    return (a > b) - (a < b);
}

/* The section's sentences: ends, median and quartiles, movers. */
static void section_text(parts_ctx *b, const section *s)
{
    const sb_indicator *p = sb_dataset_indicator_at(b->ds, s->ind);
    size_t i, n = s->ranked->len, nm = s->movers->len;
    double *v = g_new(double, n + 1), q[3];
    char hv[FMT_MAX], lv[FMT_MAX], med[FMT_MAX], q1[FMT_MAX], q3[FMT_MAX];
    char uv[FMT_MAX], dv[FMT_MAX];
    const entry *up = nm > 0 ? &g_array_index(s->movers, entry, 0) : NULL;
    const entry *down = nm > 0 ? &g_array_index(s->movers, entry, nm - 1)
                               : NULL;
    overview_facts f = {.year = s->ref, .n = (int)n};
    char *text;

    for (i = 0; i < n; i++)
        v[i] = g_array_index(s->ranked, entry, i).r.last_value;
    qsort(v, n, sizeof *v, cmp_double);
    metrics_quartiles(v, n, q);
    g_free(v);
    f.high = parts_region(b, extreme(s, 1)->r.region);
    f.low = parts_region(b, extreme(s, -1)->r.region);
    f.high_v = fmt_value(hv, sizeof hv, extreme(s, 1)->r.last_value, p,
                         b->lang);
    f.low_v = fmt_value(lv, sizeof lv, extreme(s, -1)->r.last_value, p,
                        b->lang);
    f.median = fmt_value(med, sizeof med, q[1], p, b->lang);
    f.q1 = fmt_value(q1, sizeof q1, q[0], p, b->lang);
    f.q3 = fmt_value(q3, sizeof q3, q[2], p, b->lang);
    f.base = s->base < s->ref ? s->base : 0;
    if (up != NULL && up->change > 0) {
        f.up = parts_region(b, up->r.region);
        f.up_v = change_text(b, up, 1, uv, sizeof uv);
    }
    if (down != NULL && down->change < 0) {
        f.down = parts_region(b, down->r.region);
        f.down_v = change_text(b, down, 1, dv, sizeof dv);
    }
    text = overview_text(&f, b->lang);
    report_doc_para(b->doc, REPORT_PARA_BODY, text, NULL);
    g_free(text);
}

/* A value column's heading: its year and the indicator's unit. */
static char *value_head(const parts_ctx *b, const sb_indicator *p, int year)
{
    char unit[FMT_MAX], *y = parts_year_head(b, year), *h;

    fmt_shown_unit(unit, sizeof unit, p, b->lang);
    h = unit[0] ? g_strdup_printf(L(b, "%s (%s)", "%s（%s）"), y, unit)
                : g_strdup(y);
    g_free(y);
    return h;
}

static void value_row(parts_ctx *b, report_table *t, const entry *e,
                      char *rank)
{
    const sb_indicator *p = sb_dataset_indicator_at(b->ds, e->r.indicator);
    char v[FMT_MAX], **cell = report_table_row(t, 0);

    cell[0] = rank;
    cell[1] = g_strdup(parts_region(b, e->r.region));
    cell[2] = g_strdup(fmt_shown(v, sizeof v, e->r.last_value, p, b->lang));
    printed(b, e);
}

/* Leaders and laggards: the first and last OVERVIEW_ENDS by rank, then
   the aggregates, which are no peers of the regions they sum. */
static void ends_table(parts_ctx *b, const section *s)
{
    static const char *const en[] = {"Rank", "Region", ""};
    static const char *const zh[] = {"排名", "地区", ""};
    const char *const *head = L(b, en, zh);
    const sb_indicator *p = sb_dataset_indicator_at(b->ds, s->ind);
    report_table *t = report_table_create(3);
    size_t i, n = s->ranked->len;
    char *h = value_head(b, p, s->ref);

    report_table_head(t, 0, head[0], 1);
    report_table_head(t, 1, head[1], 0);
    report_table_head(t, 2, h, 1);
    g_free(h);
    for (i = 0; i < n; i++) {
        const entry *e = &g_array_index(s->ranked, entry, i);
        /* the ends; every rank when the chart shows only its ends */
        if (n <= PLOT_RANK_ALL && i >= OVERVIEW_ENDS &&
            i + OVERVIEW_ENDS < n) {
            if (i == OVERVIEW_ENDS)
                report_table_row(t, 0)[1] = g_strdup("\xe2\x80\xa6");
            continue;
        }
        value_row(b, t, e, parts_rank_of(b, &e->r));
    }
    for (i = 0; i < s->aggregates->len; i++) {
        value_row(b, t, &g_array_index(s->aggregates, entry, i),
                  g_strdup(L(b, "aggregate", "汇总")));
        if (i == 0 && n > 0)
            report_table_apart(t);
    }
    report_table_caption(t, parts_name(b, s->ind));
    parts_use(b, "rank");
    parts_use(b, "ref_year");
    report_doc_table(b->doc, t);
}

/* The largest rises and falls between the comparison's two years (the
   rows of a set without a rise or a fall are left out). */
static void movers_table(parts_ctx *b, const section *s)
{
    static const char *const en[] = {"Region", "", "", "Change"};
    static const char *const zh[] = {"地区", "", "", "变化"};
    const sb_indicator *p = sb_dataset_indicator_at(b->ds, s->ind);
    report_table *t;
    size_t i, n = s->movers->len, c;

    if (n == 0 || s->base >= s->ref)
        return;
    t = report_table_create(4);
    for (c = 0; c < 4; c++) {
        char *h = c == 1 || c == 2 ? value_head(b, p, c == 1 ? s->base
                                                             : s->ref)
                                   : g_strdup(L(b, en, zh)[c]);
        report_table_head(t, c, h, c > 0);
        g_free(h);
    }
    for (i = 0; i < n; i++) {
        const entry *e = &g_array_index(s->movers, entry, i);
        char v[FMT_MAX], **cell;
        /* the largest rises, then the largest falls: never a small rise
           at the bottom of a set where every region grew */
        if (i < OVERVIEW_ENDS ? e->change <= 0
                              : i + OVERVIEW_ENDS < n || e->change >= 0)
            continue;
        cell = report_table_row(t, 0);
        cell[0] = g_strdup(parts_region(b, e->r.region));
        cell[1] = g_strdup(fmt_shown(v, sizeof v, e->r.first_value, p,
                                     b->lang));
        cell[2] = g_strdup(fmt_shown(v, sizeof v, e->r.last_value, p,
                                     b->lang));
        cell[3] = g_strdup(change_text(b, e, 0, v, sizeof v));
        printed(b, e);
    }
    report_doc_heading(b->doc, 2, L(b, "Largest movers", "变化最大的地区"),
                       NULL, 0);
    report_table_caption(t, L(b, "Largest movers", "变化最大的地区"));
    report_doc_table(b->doc, t);
}

/* The indicator's ranking chart at the section's reference year: every
   region sorted (the top and bottom PLOT_RANK_ENDS of more than
   PLOT_RANK_ALL, the ranking table then lists them all), aggregates
   apart; untitled under the heading that names the indicator. */
static void ranking_chart(parts_ctx *b, const section *s)
{
    sb_error why = {0};
    plot_chart *c = plot_chart_build(b->ds, b->mc, s->ind, PLOT_RANKING,
                                     b->o->from, s->ref, b->lang, NULL, &why);

    if (c == NULL)
        return;
    parts_chart_uses(b, c);
    g_free(c->title);
    c->title = g_strdup("");
    parts_chart_add(b, c, parts_chart_height(c, 215));
}

/* One indicator: heading, ranking chart, sentences, tables. Nothing
   when no region of the set has a value at its reference year. */
static void overview_section(parts_ctx *b, sb_id ind)
{
    section s = {.ind = ind};
    char *anchor, *heading;

    section_fill(b, &s);
    if (s.ranked->len > 0) {
        anchor = parts_anchor(sb_dataset_indicator_at(b->ds, ind));
        /* a section of another year than the brief's says so */
        heading = s.ref == b->brief_year
                      ? g_strdup(parts_name(b, ind))
                      : g_strdup_printf(L(b, "%s (%d)", "%s（%d年）"),
                                        parts_name(b, ind), s.ref);
        report_doc_heading(b->doc, 1, heading, anchor, 1);
        g_free(heading);
        g_free(anchor);
        if (s.ranked->len >= 2) {   /* one region is highest and lowest,
                                       its ranking one bar */
            ranking_chart(b, &s);
            section_text(b, &s);
        }
        ends_table(b, &s);
        movers_table(b, &s);
    }
    section_free(&s);
}

sb_status overview_parts(parts_ctx *b, const unsigned char *sel)
{
    sb_status rc = SB_OK;
    size_t i;

    for (i = 0; i < sb_dataset_n_indicators(b->ds) && rc == SB_OK; i++)
        if (parts_selected(sel, (sb_id)i) && parts_has_section(b, (sb_id)i)) {
            overview_section(b, (sb_id)i);
            rc = parts_done(b);
        }
    return rc;
}
