/*
 * reports/parts.c -- the parts of a brief (parts.h): what the brief
 * shows (the comparison set and the focus, each series' figures up to
 * the brief's year) and the blocks of the title block, the key findings,
 * the summary table and an indicator's section. The sentences come from
 * text.c, the charts from plots/.
 *
 * Not here: the order of the parts (brief.c, sections.c), the notes
 * (notes.c), pages and drawing (pdf.c).
 */
#include "parts.h"

#include "metrics/format.h"
#include "plots/alt.h"
#include "plots/chart.h"
#include "text.h"
#include "yeargiven.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

/* ---- what the brief shows ----------------------------------------------- */

/* The last year of (ind, reg) with a value in the brief's window; 0
   when none. */
static int last_shown(const parts_ctx *b, sb_id ind, sb_id reg)
{
    const sb_series *s = sb_dataset_find_series(b->ds, ind, reg);
    int to = s ? sb_series_last_year(s, b->year) : 0;

    return b->o->from && to < b->o->from ? 0 : to;
}

/* The figures of (ind, reg) over [from, to], recorded as printed. */
static int row_over(parts_ctx *b, sb_id ind, sb_id reg, int from, int to,
                    metrics_row *r)
{
    sb_error ignore = {0};

    if (metrics_get(b->mc, ind, reg, from, to, r, &ignore) != SB_OK)
        return 0;
    g_array_append_val(b->printed, *r);
    /* how a published change or a nominal amount is read (notes.c) */
    if ((sb_indicator_traits(sb_dataset_indicator_at(b->ds, ind)) &
         SB_TRAIT_PUBLISHED) ||
        sb_dataset_indicator_at(b->ds, ind)->prices == SB_PRICES_CURRENT)
        parts_use(b, "published");
    return 1;
}

/* The figures of (ind, reg) up to the brief's year; 0 when none. */
int parts_row(parts_ctx *b, sb_id ind, sb_id reg, metrics_row *r)
{
    int to = last_shown(b, ind, reg);

    return to != 0 && row_over(b, ind, reg, b->o->from, to, r);
}

const char *parts_cut(const parts_ctx *b, const char *s, size_t max_chars)
{
    char *cut = g_hash_table_lookup(b->cut, s);

    if (cut == NULL && (cut = plot_text_cut(s, max_chars)) != NULL)
        g_hash_table_insert(b->cut, (gpointer)s, cut);
    return cut != NULL ? cut : s;
}

char *parts_anchor(const sb_indicator *ind)
{
    return g_strdup_printf("sec-%s", ind->id);
}

int parts_selected(const unsigned char *sel, sb_id id)
{
    return sel == NULL || sel[id];
}

const char *parts_region(const parts_ctx *b, sb_id reg)
{
    const sb_region *r = sb_dataset_region_at(b->ds, reg);

    return parts_cut(b, b->lang == FMT_ZH && r->name_zh[0] ? r->name_zh
                                                           : r->name,
                     PLOT_NAME_MAX_CHARS);
}

const char *parts_name(const parts_ctx *b, sb_id ind)
{
    return parts_cut(b, fmt_name(sb_dataset_indicator_at(b->ds, ind),
                                 b->lang), PLOT_NAME_MAX_CHARS);
}

/* The regions a brief shows: the comparison set and the focus. */
int parts_shown(const parts_ctx *b, sb_id reg)
{
    return metrics_in_set(b->mc, reg) || reg == metrics_focus(b->mc);
}

/* Indicators with a value in the comparison set up to the brief's year. */
int parts_has_section(parts_ctx *b, sb_id ind)
{
    size_t i;

    for (i = 0; i < sb_dataset_n_series(b->ds); i++) {
        const sb_series *s = sb_dataset_series_at(b->ds, i);
        if (s->indicator == ind && sb_series_last_year(s, b->year) > 0 &&
            parts_shown(b, s->region))
            return 1;
    }
    return 0;
}

int parts_single(const parts_ctx *b, sb_id ind)
{
    const sb_series *s = sb_dataset_find_series(b->ds, ind,
                                                metrics_focus(b->mc));
    size_t j, n = 0;

    for (j = 0; s != NULL && j < s->n; j++)
        n += !(s->obs[j].state & SB_OBS_MISSING) && s->obs[j].year <= b->year &&
             s->obs[j].year >= b->o->from;
    return n == 1;
}

char *parts_heading(const parts_ctx *b, sb_id ind)
{
    const sb_series *s = sb_dataset_find_series(b->ds, ind,
                                                metrics_focus(b->mc));
    int last = s != NULL ? sb_series_last_year(s, b->year) : 0;

    if (last == 0 || last == b->brief_year)
        return g_strdup(parts_name(b, ind));
    return g_strdup_printf(L(b, "%s (%d)", "%s（%d年）"), parts_name(b, ind),
                           last);
}

/* "Chongqing, Sichuan", or "30 regions" when naming them all would fill
   the title block. */
static char *regions_compared(parts_ctx *b)
{
    GString *g = g_string_new(NULL);
    size_t i, n = 0;

    for (i = 0; i < sb_dataset_n_regions(b->ds); i++)
        if (parts_shown(b, (sb_id)i)) {
            g_string_append_printf(g, "%s%s", g->len ? L(b, ", ", "、") : "",
                                   parts_region(b, (sb_id)i));
            n++;
        }
    if (n > 8)
        g_string_printf(g, L(b, "%zu regions", "%zu个地区"), n);
    return g_string_free(g, FALSE);
}

/* The data's years: the first and the last with a value for the focus
   region (in an overview, any region), and the latest in the data at all ("as of"), all up to the
   brief's year. */
void parts_years(parts_ctx *b, int *first, int *last, int *as_of)
{
    size_t i, j;

    *first = *last = *as_of = 0;
    for (i = 0; i < sb_dataset_n_series(b->ds); i++) {
        const sb_series *s = sb_dataset_series_at(b->ds, i);
        for (j = 0; j < s->n; j++) {
            if (s->obs[j].state & SB_OBS_MISSING)
                continue;
            if (s->obs[j].year > b->year)      /* --year: later data unseen */
                continue;
            *as_of = MAX(*as_of, s->obs[j].year);
            if (s->region != metrics_focus(b->mc) &&
                metrics_focus(b->mc) != SB_NONE)    /* an overview: all */
                continue;
            if (*first == 0 || s->obs[j].year < *first)
                *first = s->obs[j].year;
            *last = MAX(*last, s->obs[j].year);
        }
    }
}

/* ---- the parts ---------------------------------------------------------- */

void parts_use(parts_ctx *b, const char *name)
{
    g_hash_table_add(b->used, (gpointer)name);
}

sb_status parts_done(const parts_ctx *b)
{
    return report_stopped(b->o->stop) ? SB_ECANCELED : SB_OK;
}

void parts_title(parts_ctx *b, const char *title, const char *subtitle)
{
    char *regions = regions_compared(b), *lead;
    const char *set = metrics_set_name(b->mc);
    const char *label = fmt_group(b->ds, set, b->lang);
    const char *author = b->o->author;
    int first, last, as_of, named = strcmp(set, "all") != 0;

    parts_years(b, &first, &last, &as_of);
    if (b->o->from > first)                   /* --from narrows it */
        first = b->o->from;
    report_doc_title(b->doc, title);
    if (subtitle != NULL && subtitle[0] != '\0')
        report_doc_para(b->doc, REPORT_PARA_LEAD, subtitle, NULL);
    if (author != NULL && author[0] != '\0') {
        lead = g_strdup_printf(L(b, "By %s.", "作者：%s。"), author);
        report_doc_para(b->doc, REPORT_PARA_NOTE, lead, NULL);
        g_free(lead);
    }
    lead = g_strdup_printf(L(b, "Period covered: %d\xe2\x80\x93%d. Data as "
                             "of %d. Regions compared: %s%s%s%s.",
                             "覆盖年份：%d\xe2\x80\x94%d年。数据截至%d年。"
                             "比较地区：%s%s%s%s。"), first, last,
                           as_of, regions, named ? L(b, " (", "（") : "",
                           named ? label : "", named ? L(b, ")", "）") : "");
    report_doc_para(b->doc, REPORT_PARA_LEAD, lead, NULL);
    g_free(lead);
    g_free(regions);
}

typedef struct {
    char *text;
    double score;
    sb_id ind;
    metrics_row r;
} finding;

static int cmp_finding(const void *a, const void *b)
{
    const finding *x = a, *y = b;

    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->ind < y->ind ? -1 : x->ind > y->ind;
}

void parts_findings(parts_ctx *b, const unsigned char *sel, size_t max,
                    const char *heading)
{
    finding *f = g_new0(finding, sb_dataset_n_indicators(b->ds) + 1);
    size_t i, n = 0;
    metrics_row r;

    for (i = 0; i < sb_dataset_n_indicators(b->ds); i++) {
        double score;
        char *t;
        if (!parts_selected(sel, (sb_id)i) ||
            !parts_row(b, (sb_id)i, metrics_focus(b->mc), &r))
            continue;
        t = report_text_finding(b->ds, b->mc, &r, b->lang, &score);
        if (t == NULL)
            continue;
        f[n].text = t;
        f[n].score = score;
        f[n].r = r;
        f[n++].ind = (sb_id)i;
    }
    qsort(f, n, sizeof *f, cmp_finding);
    if (heading != NULL)
        report_doc_heading(b->doc, 1, heading, "findings", 1);
    for (i = 0; i < n; i++) {
        if (i < max) {
            char *dest = parts_anchor(sb_dataset_indicator_at(b->ds,
                                                              f[i].ind));
            report_doc_para(b->doc, REPORT_PARA_ITEM, f[i].text,
                            b->linked == NULL || b->linked[f[i].ind] ? dest
                                                                     : NULL);
            report_text_uses(b->ds, b->mc, &f[i].r, 1, b->used);
            g_free(dest);
        }
        g_free(f[i].text);
    }
    if (n == 0)
        report_doc_para(b->doc, REPORT_PARA_BODY,
                        L(b, "No indicator has values for two years or more: "
                             "the figures below are levels, not changes.",
                          "没有指标有两年或以上的数值：以下数字为水平值，"
                          "不是变化。"), NULL);
    g_free(f);
}

/* A table with these headers: names on the left, figures right. */
static report_table *table_new(const char *const *head, size_t n)
{
    report_table *t = report_table_create(n);
    size_t c;

    for (c = 0; c < n; c++)
        report_table_head(t, c, head[c], c > 0);
    return t;
}

/* The year of r's last value, or "year not given" where its note says
   the source gives none (yeargiven.h) (g_free). */
static char *year_cell(const parts_ctx *b, const metrics_row *r)
{
    if (yeargiven_of(b->ds, r->indicator, r->region, r->last_year))
        return g_strdup_printf("%d", r->last_year);
    return g_strdup(L(b, "year not given", "未注明年份"));
}

/* An amount's or count's change as the text tells it: in the unit for
   a series across zero ("−392,000 persons"), as a multiple from three
   times on ("×45.8"), else in percent; each marks the definition of
   what it prints used. */
static char *change_cell(parts_ctx *b, const sb_indicator *ind,
                         const metrics_row *r)
{
    char v[FMT_MAX];

    if (r->crosses_zero) {
        if (isfinite(r->change))
            parts_use(b, "change");
        return g_strdup(fmt_value_change(v, sizeof v, r->change, ind,
                                         b->lang));
    }
    if (metrics_claim_times(r)) {
        parts_use(b, "multiple");
        return g_strdup(fmt_multiple(v, sizeof v, r->multiple, b->lang));
    }
    if (isfinite(r->pct_change))
        parts_use(b, "pct_change");
    return g_strdup(fmt_percent(v, sizeof v, r->pct_change, 1, 1, b->lang));
}

/* Cells 3-5 of both tables: change, CAGR (amounts) or points (rates),
   rank. */
static void change_cells(parts_ctx *b, char **cell,
                         const sb_indicator *ind, const metrics_row *r)
{
    char v[FMT_MAX];

    unsigned traits = sb_indicator_traits(ind);

    if ((traits & SB_TRAIT_POINTS) && isfinite(r->pp_change))
        parts_use(b, "pp_change");
    if (!(traits & SB_TRAIT_POINTS) && isfinite(r->cagr))
        parts_use(b, "cagr");
    if (r->rank > 0 && r->rank_of >= 2)
        parts_use(b, "rank");

    if (traits & SB_TRAIT_POINTS) {
        cell[3] = g_strdup(fmt_points(v, sizeof v, r->pp_change,
                                      fmt_points_decimals(ind), 0,
                                      b->lang));
        cell[4] = g_strdup(cell[3]);
    } else {
        cell[3] = change_cell(b, ind, r);
        cell[4] = g_strdup(fmt_percent(v, sizeof v, r->cagr, 1, 0, b->lang));
    }
    cell[5] = parts_rank(b, r);
}

/* A table shows a rank among two regions too: beside both values, "1 of
   2" claims nothing the reader cannot see (the text needs min_ranked). */
char *parts_rank(const parts_ctx *b, const metrics_row *r)
{
    char *of, *cell;

    if (r->rank <= 0 || r->rank_of < 2)
        return g_strdup(FMT_UNDEFINED);
    of = parts_rank_of(b, r);
    if (r->ref_year == r->last_year)
        return of;
    cell = g_strdup_printf(L(b, "%s (%d)", "%s（%d年）"), of, r->ref_year);
    g_free(of);
    return cell;
}

char *parts_rank_of(const parts_ctx *b, const metrics_row *r)
{
    const char *tie = r->rank_tied > 1 ? L(b, "=", "并列") : "";

    return g_strdup_printf(L(b, "%s%d of %d", "%s%d/%d"), tie, r->rank,
                           r->rank_of);
}

/* Where a row of a table of regions goes: the ranked first, then the
   regions of the set without a rank, then the aggregates. */
static int row_group(const parts_ctx *b, const metrics_row *r)
{
    if (sb_dataset_region_at(b->ds, r->region)->role & SB_ROLE_AGGREGATE)
        return 2;
    return r->rank > 0 ? 0 : 1;
}

/* Rows in their group, the ranked by rank; else (ties too) in the
   source's order, the region ids' order. */
static gint cmp_table_row(gconstpointer pa, gconstpointer pb, gpointer data)
{
    const metrics_row *x = pa, *y = pb;
    int gx = row_group(data, x), gy = row_group(data, y);

    if (gx != gy)
        return gx - gy;
    if (gx == 0 && x->rank != y->rank)
        return x->rank - y->rank;
    return (x->region > y->region) - (x->region < y->region);
}

GArray *parts_region_rows(parts_ctx *b, sb_id ind, int base, int ref)
{
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(metrics_row));
    size_t i;
    metrics_row r;

    for (i = 0; i < sb_dataset_n_regions(b->ds); i++)
        if (parts_shown(b, (sb_id)i) &&
            parts_row_at(b, ind, (sb_id)i, base, ref, &r))
            g_array_append_val(rows, r);
    g_array_sort_with_data(rows, cmp_table_row, b);
    return rows;
}

int parts_row_apart(const parts_ctx *b, const GArray *rows, size_t i)
{
    const metrics_row *r = &g_array_index(rows, metrics_row, i);

    return row_group(b, r) == 2 &&
           (i == 0 ||
            row_group(b, &g_array_index(rows, metrics_row, i - 1)) != 2);
}

/* One row per indicator for the focus region, with a sparkline. */
void parts_summary(parts_ctx *b, const unsigned char *sel, const char *heading)
{
    static const char *const en[] = {"Indicator", "Latest", "Year",
                                     "Change", "CAGR / points", "Rank",
                                     "Trend"};
    static const char *const zh[] = {"指标", "最新值", "年份", "变化",
                                     "年均增长/百分点", "排名", "趋势"};
    const char *const *head = L(b, en, zh);
    report_table *t = table_new(head, G_N_ELEMENTS(en));
    size_t i;
    metrics_row r;

    report_table_head(t, 6, head[6], 0);            /* the sparkline */
    report_table_sparklines(t, 6);
    for (i = 0; i < sb_dataset_n_indicators(b->ds); i++) {
        const sb_indicator *ind = sb_dataset_indicator_at(b->ds, (sb_id)i);
        char v[FMT_MAX];
        char **cell;
        sb_error ignore = {0};
        if (!parts_selected(sel, (sb_id)i) ||
            !parts_row(b, (sb_id)i, metrics_focus(b->mc), &r))
            continue;
        cell = report_table_row(t, 0);
        report_table_spark(t, plot_chart_build(b->ds, b->mc, (sb_id)i,
                                               PLOT_SPARKLINE, b->o->from,
                                               b->year, b->lang, NULL,
                                               &ignore));
        cell[0] = g_strdup(parts_name(b, (sb_id)i));
        cell[1] = g_strdup(fmt_value(v, sizeof v, r.last_value, ind,
                                     b->lang));
        cell[2] = year_cell(b, &r);
        change_cells(b, cell, ind, &r);
    }
    if (heading != NULL)
        report_doc_heading(b->doc, 1, heading, "summary", 1);
    report_table_caption(t, heading);
    report_doc_table(b->doc, t);
}

void parts_years_of(parts_ctx *b, sb_id ind, int *base, int *ref)
{
    metrics_row r;

    if (metrics_ref_years(b->mc, ind, base, ref) == 0 && *ref != 0)
        return;
    *base = *ref = 0;
    if (parts_row(b, ind, metrics_focus(b->mc), &r)) {
        *base = r.first_year;
        *ref = r.last_year;
    }
}

int parts_row_at(parts_ctx *b, sb_id ind, sb_id reg, int base, int ref,
                 metrics_row *r)
{
    return last_shown(b, ind, reg) != 0 && row_over(b, ind, reg, base, ref, r);
}

char *parts_year_head(const parts_ctx *b, int year)
{
    return g_strdup_printf(L(b, "%d", "%d年"), year);
}

/* "68.7" in the indicator's one form (fmt_shown), or "no data" where
   the region has no value in the column's year: never a value of
   another year. */
static char *table_value(const parts_ctx *b, double v, const sb_indicator *p)
{
    char buf[FMT_MAX];

    if (!isfinite(v))
        return g_strdup(PARTS_NO_DATA(b));
    return g_strdup(fmt_shown(buf, sizeof buf, v, p, b->lang));
}

static void value_note(parts_ctx *b, const sb_series *s, size_t j,
                       const char *who, GString *g);

/* The notes on the focus's values of the latest-values table, each led
   by its indicator's name. */
static void latest_notes(parts_ctx *b, const unsigned char *sel)
{
    GString *g = g_string_new(NULL);
    size_t i, j;

    for (i = 0; i < sb_dataset_n_indicators(b->ds); i++) {
        const sb_series *s = sb_dataset_find_series(b->ds, (sb_id)i,
                                                    metrics_focus(b->mc));
        if (s == NULL || !parts_selected(sel, (sb_id)i) ||
            !parts_single(b, (sb_id)i))
            continue;
        for (j = 0; j < s->n; j++)
            value_note(b, s, j, parts_name(b, (sb_id)i), g);
    }
    g_string_free(g, TRUE);
}

/* One row per selected indicator with a single value for the focus:
   its value, unit and year, or "year not given" where the value's note
   says the source gives none (yeargiven.h). */
void parts_latest(parts_ctx *b, const unsigned char *sel, const char *heading)
{
    static const char *const en[] = {"Indicator", "Value", "Unit", "Year"};
    static const char *const zh[] = {"指标", "数值", "单位", "年份"};
    report_table *t = table_new(L(b, en, zh), G_N_ELEMENTS(en));
    size_t i, rows = 0;
    metrics_row r;

    for (i = 0; i < sb_dataset_n_indicators(b->ds); i++) {
        const sb_indicator *ind = sb_dataset_indicator_at(b->ds, (sb_id)i);
        char v[FMT_MAX], **cell;
        if (!parts_selected(sel, (sb_id)i) || !parts_single(b, (sb_id)i) ||
            !parts_row(b, (sb_id)i, metrics_focus(b->mc), &r))
            continue;
        cell = report_table_row(t, 0);
        cell[0] = g_strdup(parts_name(b, (sb_id)i));
        cell[1] = g_strdup(fmt_shown(v, sizeof v, r.last_value, ind,
                                     b->lang));
        cell[2] = g_strdup(fmt_shown_unit(v, sizeof v, ind, b->lang));
        cell[3] = year_cell(b, &r);
        rows++;
    }
    if (rows == 0) {
        report_table_destroy(t);
        return;
    }
    if (heading != NULL)
        report_doc_heading(b->doc, 1, heading, "latest", 1);
    report_table_caption(t, heading);
    report_doc_table(b->doc, t);
    latest_notes(b, sel);
}

/* The value columns' headings: their year (parts_year_head) and the
   unit their numbers are in, the indicator's one form (fmt_form):
   "2022 (billion yuan)", "2022年（亿元）". */
static void value_heads(const parts_ctx *b, report_table *t,
                        const sb_indicator *p, int base, int ref)
{
    char unit[FMT_MAX], *y, *h;
    size_t c;

    fmt_shown_unit(unit, sizeof unit, p, b->lang);
    for (c = 1; c <= 2; c++) {
        y = parts_year_head(b, c == 1 ? base : ref);
        h = unit[0] ? g_strdup_printf(L(b, "%s (%s)", "%s（%s）"), y, unit)
                    : g_strdup(y);
        report_table_head(t, c, h, 1);
        g_free(h);
        g_free(y);
    }
}

/* The last column of the comparison table: a share of the total for
   amounts and counts, else the gap to the benchmark (in points where
   changes are). */
static const char *gap_cell(char *v, size_t size, const sb_indicator *p,
                            const metrics_row *r, fmt_lang lang)
{
    unsigned t = sb_indicator_traits(p);

    if (t & SB_TRAIT_ADDS)
        return fmt_percent(v, size, r->share, 1, 0, lang);
    if (t & SB_TRAIT_POINTS)
        return fmt_points(v, size, r->gap, fmt_points_decimals(p), 0,
                          lang);
    return fmt_value_change(v, size, r->gap, p, lang);    /* its form */
}

/* The comparison set's figures for one indicator, every column at the
   same years: the first and latest columns are headed by their year. */
static report_table *comparison_table(parts_ctx *b, sb_id ind)
{
    static const char *const en[] = {"Region", "First", "Latest", "Change",
                                     "CAGR / points", "Rank", "Share"};
    static const char *const zh[] = {"地区", "起始值", "最新值", "变化",
                                     "年均增长/百分点", "排名", "占比"};
    const sb_indicator *p = sb_dataset_indicator_at(b->ds, ind);
    report_table *t = table_new(L(b, en, zh), G_N_ELEMENTS(en));
    size_t i;
    int base, ref;
    GArray *rows;

    parts_years_of(b, ind, &base, &ref);
    value_heads(b, t, p, base, ref);
    report_table_caption(t, parts_name(b, ind));
    parts_use(b, "ref_year");     /* its columns are at the reference year */
    /* a share of a rate, growth rate or index means nothing */
    if (!(sb_indicator_traits(p) & SB_TRAIT_ADDS))
        report_table_head(t, 6, L(b, "Gap", "差距"), 1);
    rows = parts_region_rows(b, ind, base, ref);
    for (i = 0; i < rows->len; i++) {
        const metrics_row *r = &g_array_index(rows, metrics_row, i);
        char v[FMT_MAX], **cell;
        cell = report_table_row(t, r->region == metrics_focus(b->mc));
        if (parts_row_apart(b, rows, i))
            report_table_apart(t);
        cell[0] = g_strdup(parts_region(b, r->region));
        cell[1] = table_value(b, r->first_value, p);
        cell[2] = table_value(b, r->last_value, p);
        change_cells(b, cell, p, r);
        if (isfinite(sb_indicator_traits(p) & SB_TRAIT_ADDS ? r->share
                                                            : r->gap))
            parts_use(b, sb_indicator_traits(p) & SB_TRAIT_ADDS ? "share"
                                                                : "gap");
        cell[6] = g_strdup(gap_cell(v, sizeof v, p, r, b->lang));
    }
    g_array_free(rows, TRUE);
    return t;
}

/* The note on value j of s, if it has flags or a note and is shown (up
   to the brief's year, in the window): "Chongqing, 2017: estimated (e);
   implied by ...", or led by `who` instead of the region and year. */
static void value_note(parts_ctx *b, const sb_series *s, size_t j,
                       const char *who, GString *g)
{
    const sb_obs *o = &s->obs[j];
    uint32_t flags = sb_series_flags(s, j), an = sb_series_annot(s, j);
    const sb_annot *a = an ? sb_dataset_annot_at(b->ds, an) : NULL;
    const char *f;

    if ((o->state & SB_OBS_MISSING) || o->year > b->year ||
        (b->o->from && o->year < b->o->from) ||
        (flags == 0 && (a == NULL || !a->note[0])))
        return;
    if (who != NULL)
        g_string_printf(g, L(b, "%s: ", "%s："), who);
    else
        g_string_printf(g, L(b, "%s, %d: ", "%s，%d年："),
                        parts_region(b, s->region), o->year);
    for (f = flags ? sb_dataset_str(b->ds, flags) : ""; *f; f++)
        g_string_append_printf(g, "%s (%c)%s", plot_flag_meaning(*f, b->lang),
                               *f, f[1] || (a && a->note[0])
                                       ? L(b, "; ", "；") : "");
    if (a && a->note[0])
        g_string_append(g, parts_cut(b, fmt_text(a->note, a->note_zh,
                                                 b->lang),
                                     PLOT_NOTE_MAX_CHARS));
    g_string_append(g, L(b, ".", "。"));
    report_doc_para(b->doc, REPORT_PARA_NOTE, g->str, NULL);
}

/* The notes and flags on the values the section shows (the comparison
   set), one small paragraph each, so a reader learns why a value is
   special where the value is. */
static void value_notes(parts_ctx *b, sb_id ind)
{
    GString *g = g_string_new(NULL);
    size_t i, j;

    for (i = 0; i < sb_dataset_n_series(b->ds); i++) {
        const sb_series *s = sb_dataset_series_at(b->ds, i);
        if (s->indicator != ind || !parts_shown(b, s->region))
            continue;
        for (j = 0; j < s->n; j++)
            value_note(b, s, j, NULL, g);
    }
    g_string_free(g, TRUE);
}

void parts_chart_uses(parts_ctx *b, const plot_chart *c)
{
    size_t i;

    for (i = 0; i < c->n_lines; i++)
        if (c->lines[i].forecast_year != 0)
            parts_use(b, "forecast");
}

void parts_chart_add(parts_ctx *b, plot_chart *c, double h)
{
    char *alt = plot_chart_alt_text(c, b->ds, b->mc);

    report_doc_chart(b->doc, c, h);
    report_doc_chart_alt(b->doc, alt);
    g_free(alt);
}

/* A chart shows change or comparison: a line with a segment (values in
   two consecutive years), or two bars. Lone values (one per region, or
   years apart) would be an empty grid with dots; the text and the table
   say it better. */
static int worth_a_chart(const plot_chart *c)
{
    size_t i, j;

    if (c->type == PLOT_BAR) {          /* two bars: "no data" is none */
        size_t bars = 0;
        for (i = 0; i < c->n_bars; i++)
            bars += !isnan(c->bars[i].value);
        return bars >= 2;
    }
    for (i = 0; i < c->n_lines; i++)
        for (j = 1; j < c->lines[i].n; j++)
            if (c->lines[i].year[j] - c->lines[i].year[j - 1] <= 1)
                return 1;
    return 0;
}

double parts_chart_height(const plot_chart *c, double h)
{
    const double mm = 25.4 / 72.0;       /* the text width: A4's, about */

    return fmin(PARTS_CHART_MAX_H,
                plot_chart_height_mm(c, 487 * mm, h * mm) / mm);
}

/* The indicator's default chart when it is worth one; untitled under a
   heading that says it. */
static void section_chart(parts_ctx *b, sb_id ind, int titled)
{
    sb_error why = {0};
    plot_chart *c = plot_chart_build(b->ds, b->mc, ind, -1, b->o->from,
                                     b->year, b->lang, &b->o->labels, &why);

    if (c == NULL || !worth_a_chart(c)) {
        plot_chart_destroy(c);
        return;
    }
    parts_chart_uses(b, c);
    if (titled) {
        g_free(c->title);
        c->title = g_strdup("");
    }
    /* a bar chart is as tall as its bars need */
    parts_chart_add(b, c, c->type == PLOT_BAR
                                    ? fmin(215, 56 + 18.0 * c->n_bars)
                                    : parts_chart_height(c, 215));
}

/* The sentences about the focus region, or that it has no value (else
   the table seems to lack a row). */
static void section_text(parts_ctx *b, sb_id ind)
{
    const char *focus = parts_region(b, metrics_focus(b->mc));
    metrics_row r;
    char *text;

    if (parts_row(b, ind, metrics_focus(b->mc), &r)) {
        text = report_text_series(b->ds, b->mc, &r, b->lang);
        report_text_uses(b->ds, b->mc, &r, 0, b->used);
    }
    else if (b->lang == FMT_ZH)
        text = g_strdup_printf("截至%d年，数据中没有%s的数值。", b->year,
                               focus);
    else
        text = g_strdup_printf("The data have no value for %s up to %d.",
                               focus, b->year);
    report_doc_para(b->doc, REPORT_PARA_BODY, text, NULL);
    g_free(text);
}

void parts_section(parts_ctx *b, sb_id ind, const char *heading)
{
    if (heading != NULL) {
        char *anchor = parts_anchor(sb_dataset_indicator_at(b->ds, ind));
        report_doc_heading(b->doc, 1, heading, anchor, 1);
        g_free(anchor);
    }
    section_chart(b, ind, heading != NULL);
    section_text(b, ind);
    report_doc_table(b->doc, comparison_table(b, ind));
    value_notes(b, ind);
}
