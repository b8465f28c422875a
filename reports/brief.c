/*
 * reports/brief.c -- assemble the default brief from the dataset, the
 * metrics and the charts; write the PDF (and the figures' CSV).
 */
#include "brief.h"

#include "core/outfile.h"
#include "brief_int.h"
#include "pdf.h"

#include "metrics/format.h"
#include "metrics/output.h"
#include "plots/chart.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>

#define MAX_FINDINGS 8

int report_brief_year(const sb_dataset *ds, metrics_ctx *mc)
{
    size_t i;
    int y = 0;

    for (i = 0; i < sb_dataset_n_series(ds); i++) {
        const sb_series *s = sb_dataset_series_at(ds, i);
        if (s->region == metrics_focus(mc))
            y = MAX(y, sb_series_last_year(s, 0));
    }
    return y;
}

/* The figures of (ind, reg) up to the brief's year; 0 when none. */
int brief_row_for(brief *b, sb_id ind, sb_id reg, metrics_row *r)
{
    const sb_series *s = sb_dataset_find_series(b->ds, ind, reg);
    sb_error ignore = {0};
    int to = s ? sb_series_last_year(s, b->year) : 0;

    if (to == 0 || (b->o->from && to < b->o->from) ||   /* none in window */
        metrics_get(b->mc, ind, reg, b->o->from, to, r, &ignore) != SB_OK)
        return 0;
    g_array_append_val(b->printed, *r);
    return 1;
}

char *brief_dest(const sb_indicator *ind)
{
    return g_strdup_printf("sec-%s", ind->id);
}

static int selected(const unsigned char *sel, sb_id id)
{
    return sel == NULL || sel[id];
}

const char *brief_region(const brief *b, sb_id reg)
{
    const sb_region *r = sb_dataset_region_at(b->ds, reg);

    return b->lang == FMT_ZH && r->name_zh[0] ? r->name_zh : r->name;
}

static const char *name_of(const brief *b, sb_id ind)
{
    return fmt_name(sb_dataset_indicator_at(b->ds, ind), b->lang);
}

/* The regions a brief shows: the comparison set and the focus. */
int brief_shown(const brief *b, sb_id reg)
{
    return metrics_in_set(b->mc, reg) || reg == metrics_focus(b->mc);
}

/* "Chongqing, Sichuan", or "30 regions" when naming them all would fill
   the title block. */
static char *regions_compared(brief *b)
{
    GString *g = g_string_new(NULL);
    size_t i, n = 0;

    for (i = 0; i < sb_dataset_n_regions(b->ds); i++)
        if (brief_shown(b, (sb_id)i)) {
            g_string_append_printf(g, "%s%s", g->len ? L(b, ", ", "、") : "",
                                   brief_region(b, (sb_id)i));
            n++;
        }
    if (n > 8)
        g_string_printf(g, L(b, "%zu regions", "%zu个地区"), n);
    return g_string_free(g, FALSE);
}

/* The data's years: the first and the last with a value for the focus
   region, and the latest in the data at all ("as of"), all up to the
   brief's year. */
static void data_years(brief *b, int *first, int *last, int *as_of)
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
            if (s->region != metrics_focus(b->mc))
                continue;
            if (*first == 0 || s->obs[j].year < *first)
                *first = s->obs[j].year;
            *last = MAX(*last, s->obs[j].year);
        }
    }
}

/* Whether the focus region has a value up to the brief's year. */
static int focus_has_values(brief *b)
{
    size_t i;

    for (i = 0; i < sb_dataset_n_series(b->ds); i++) {
        const sb_series *s = sb_dataset_series_at(b->ds, i);
        if (s->region == metrics_focus(b->mc) &&
            sb_series_last_year(s, b->year) >= MAX(b->o->from, 1))
            return 1;
    }
    return 0;
}

/* ---- the parts ------------------------------------------------------------ */

static void title_block(brief *b, const char *title, const char *subtitle)
{
    char *regions = regions_compared(b), *lead;
    const char *set = metrics_set_name(b->mc);
    const char *author = b->o->author;
    int first, last, as_of, named = strcmp(set, "all") != 0;

    data_years(b, &first, &last, &as_of);
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
                           named ? set : "", named ? L(b, ")", "）") : "");
    report_doc_para(b->doc, REPORT_PARA_LEAD, lead, NULL);
    g_free(lead);
    g_free(regions);
}

typedef struct {
    char *text;
    double score;
    sb_id ind;
} finding;

static int cmp_finding(const void *a, const void *b)
{
    const finding *x = a, *y = b;

    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->ind < y->ind ? -1 : x->ind > y->ind;
}

void brief_findings(brief *b, const unsigned char *sel, size_t max,
                    const char *heading)
{
    finding *f = g_new0(finding, sb_dataset_n_indicators(b->ds) + 1);
    size_t i, n = 0;
    metrics_row r;

    for (i = 0; i < sb_dataset_n_indicators(b->ds); i++) {
        double score;
        char *t;
        if (!selected(sel, (sb_id)i) ||
            !brief_row_for(b, (sb_id)i, metrics_focus(b->mc), &r))
            continue;
        t = report_text_finding(b->ds, b->mc, &r, b->lang, &score);
        if (t == NULL)
            continue;
        f[n].text = t;
        f[n].score = score;
        f[n++].ind = (sb_id)i;
    }
    qsort(f, n, sizeof *f, cmp_finding);
    if (heading != NULL)
        report_doc_heading(b->doc, 1, heading, "findings", 1);
    for (i = 0; i < n; i++) {
        if (i < max) {
            char *dest = brief_dest(sb_dataset_indicator_at(b->ds, f[i].ind));
            report_doc_para(b->doc, REPORT_PARA_ITEM, f[i].text,
                            b->linked == NULL || b->linked[f[i].ind] ? dest
                                                                     : NULL);
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

/* A table with these headers; columns from `right` on align right. */
static report_table *table_new(const char *const *head, size_t n,
                               size_t right)
{
    report_table *t = report_table_create(n);
    size_t c;

    for (c = 0; c < n; c++)
        report_table_head(t, c, head[c], c >= right);
    return t;
}

/* Cells 3-5 of both tables: change, CAGR (amounts) or points (rates),
   rank. */
static void change_cells(const brief *b, char **cell,
                         const sb_indicator *ind, const metrics_row *r)
{
    char v[FMT_MAX];

    if (ind->kind == SB_KIND_RATE) {
        cell[3] = g_strdup(fmt_points(v, sizeof v, r->pp_change,
                                      sb_indicator_precision(ind), 0,
                                      b->lang));
        cell[4] = g_strdup(cell[3]);
    } else {
        cell[3] = g_strdup(fmt_percent(v, sizeof v, r->pct_change, 1, 1,
                                       b->lang));
        cell[4] = g_strdup(fmt_percent(v, sizeof v, r->cagr, 1, 0, b->lang));
    }
    cell[5] = r->rank > 0 && r->rank_of >= 2
                  ? g_strdup_printf(L(b, "%d of %d", "%d/%d"), r->rank,
                                    r->rank_of)
                  : g_strdup(FMT_UNDEFINED);
}

/* One row per indicator for the focus region, with a sparkline. */
void brief_summary(brief *b, const unsigned char *sel, const char *heading)
{
    static const char *const en[] = {"Indicator", "Latest", "Year",
                                     "Change", "CAGR / points", "Rank",
                                     "Trend"};
    static const char *const zh[] = {"指标", "最新值", "年份", "变化",
                                     "年均增长/百分点", "排名", "趋势"};
    report_table *t = table_new(L(b, en, zh), G_N_ELEMENTS(en), 1);
    size_t i;
    metrics_row r;

    report_table_head(t, 6, L(b, en, zh)[6], 0);      /* the sparkline */
    report_table_sparklines(t, 6);
    for (i = 0; i < sb_dataset_n_indicators(b->ds); i++) {
        const sb_indicator *ind = sb_dataset_indicator_at(b->ds, (sb_id)i);
        char v[FMT_MAX];
        char **cell;
        sb_error ignore = {0};
        if (!selected(sel, (sb_id)i) ||
            !brief_row_for(b, (sb_id)i, metrics_focus(b->mc), &r))
            continue;
        cell = report_table_row(t, 0);
        report_table_spark(t, plot_chart_build(b->ds, b->mc, (sb_id)i,
                                               PLOT_SPARKLINE, b->o->from,
                                               b->year, b->lang, &ignore));
        cell[0] = g_strdup(fmt_name(ind, b->lang));
        cell[1] = g_strdup(fmt_value(v, sizeof v, r.last_value, ind,
                                     b->lang));
        cell[2] = g_strdup_printf("%d", r.last_year);
        change_cells(b, cell, ind, &r);
    }
    if (heading != NULL)
        report_doc_heading(b->doc, 1, heading, "summary", 1);
    report_doc_table(b->doc, t);
}

/* The comparison set's figures for one indicator. */
static report_table *comparison_table(brief *b, sb_id ind)
{
    static const char *const en[] = {"Region", "First", "Latest", "Change",
                                     "CAGR / points", "Rank", "Share"};
    static const char *const zh[] = {"地区", "起始值", "最新值", "变化",
                                     "年均增长/百分点", "排名", "占比"};
    const sb_indicator *p = sb_dataset_indicator_at(b->ds, ind);
    report_table *t = table_new(L(b, en, zh), G_N_ELEMENTS(en), 1);
    size_t i;
    metrics_row r;

    if (p->kind == SB_KIND_RATE)         /* a share of a rate means nothing */
        report_table_head(t, 6, L(b, "Gap", "差距"), 1);
    for (i = 0; i < sb_dataset_n_regions(b->ds); i++) {
        char v[FMT_MAX], w[FMT_MAX], **cell;
        sb_id reg = (sb_id)i;
        if (!brief_shown(b, reg) || !brief_row_for(b, ind, reg, &r))
            continue;
        cell = report_table_row(t, reg == metrics_focus(b->mc));
        cell[0] = g_strdup(brief_region(b, reg));
        cell[1] = g_strdup_printf("%s (%d)", fmt_plain(v, sizeof v,
                                  r.first_value, p, b->lang), r.first_year);
        cell[2] = g_strdup_printf("%s (%d)", fmt_plain(w, sizeof w,
                                  r.last_value, p, b->lang), r.last_year);
        change_cells(b, cell, p, &r);
        cell[6] = p->kind == SB_KIND_RATE
                      ? g_strdup(fmt_points(v, sizeof v, r.gap,
                                            sb_indicator_precision(p), 0,
                                            b->lang))
                      : g_strdup(fmt_percent(v, sizeof v, r.share, 1, 0,
                                             b->lang));
    }
    return t;
}

/* "Chongqing, 2017: implied by ...": the notes and flags on the values
   the section shows (the comparison set, up to the brief's year), one
   small paragraph each, so a reader learns why a value is special where
   the value is. */
static void value_notes(brief *b, sb_id ind)
{
    GString *g = g_string_new(NULL);
    size_t i, j;
    const char *f;

    for (i = 0; i < sb_dataset_n_series(b->ds); i++) {
        const sb_series *s = sb_dataset_series_at(b->ds, i);
        if (s->indicator != ind || !brief_shown(b, s->region))
            continue;
        for (j = 0; j < s->n; j++) {
            const sb_obs *o = &s->obs[j];
            uint32_t flags = sb_series_flags(s, j), an = sb_series_annot(s, j);
            const sb_annot *a = an ? sb_dataset_annot_at(b->ds, an) : NULL;
            if ((o->state & SB_OBS_MISSING) || o->year > b->year ||
                (b->o->from && o->year < b->o->from) ||
                (flags == 0 && (a == NULL || !a->note[0])))
                continue;
            g_string_printf(g, L(b, "%s, %d: ", "%s，%d年："),
                            brief_region(b, s->region), o->year);
            for (f = flags ? sb_dataset_str(b->ds, flags) : ""; *f; f++)
                g_string_append_printf(g, "%s (%c)%s",
                                       plot_flag_meaning(*f, b->lang), *f,
                                       f[1] || (a && a->note[0])
                                           ? L(b, "; ", "；") : "");
            if (a && a->note[0])
                g_string_append(g, a->note);
            g_string_append(g, L(b, ".", "。"));
            report_doc_para(b->doc, REPORT_PARA_NOTE, g->str, NULL);
        }
    }
    g_string_free(g, TRUE);
}

/* A chart shows change or comparison: a line with a segment (values in
   two consecutive years), or two bars. Lone values (one per region, or
   years apart) would be an empty grid with dots; the text and the table
   say it better. */
static int worth_a_chart(const plot_chart *c)
{
    size_t i, j;

    if (c->type == PLOT_BAR)
        return c->n_bars >= 2;
    for (i = 0; i < c->n_lines; i++)
        for (j = 1; j < c->lines[i].n; j++)
            if (c->lines[i].year[j] - c->lines[i].year[j - 1] <= 1)
                return 1;
    return 0;
}

void brief_section(brief *b, sb_id ind, const char *heading)
{
    const sb_indicator *p = sb_dataset_indicator_at(b->ds, ind);
    char *dest = brief_dest(p), *text;
    sb_error why = {0};
    plot_chart *c = plot_chart_build(b->ds, b->mc, ind, -1, b->o->from,
                                     b->year, b->lang, &why);
    metrics_row r;
    report_table *t;

    if (heading != NULL)
        report_doc_heading(b->doc, 1, heading, dest, 1);
    if (c != NULL && !worth_a_chart(c)) {
        plot_chart_destroy(c);
        c = NULL;
    }
    if (c != NULL && heading != NULL) {  /* the heading says it */
        g_free(c->title);
        c->title = g_strdup("");
    }
    if (c != NULL) {
        /* a bar chart is as tall as its bars need */
        report_doc_chart(b->doc, c, c->type == PLOT_BAR
                                        ? fmin(215, 56 + 18.0 * c->n_bars)
                                        : 215);
    }
    if (brief_row_for(b, ind, metrics_focus(b->mc), &r)) {
        text = report_text_series(b->ds, b->mc, &r, b->lang);
        report_doc_para(b->doc, REPORT_PARA_BODY, text, NULL);
        g_free(text);
    } else if (b->lang == FMT_ZH) {  /* or the table seems to lack a row */
        text = g_strdup_printf("截至%d年，数据中没有%s的数值。", b->year,
                               brief_region(b, metrics_focus(b->mc)));
        report_doc_para(b->doc, REPORT_PARA_BODY, text, NULL);
        g_free(text);
    } else {
        text = g_strdup_printf("The data have no value for %s up to %d.",
                               brief_region(b, metrics_focus(b->mc)), b->year);
        report_doc_para(b->doc, REPORT_PARA_BODY, text, NULL);
        g_free(text);
    }
    t = comparison_table(b, ind);
    report_doc_table(b->doc, t);
    value_notes(b, ind);
    g_free(dest);
}

/* Indicators with a value in the comparison set up to the brief's year. */
int brief_has_section(brief *b, sb_id ind)
{
    size_t i;

    for (i = 0; i < sb_dataset_n_series(b->ds); i++) {
        const sb_series *s = sb_dataset_series_at(b->ds, i);
        if (s->indicator == ind && sb_series_last_year(s, b->year) > 0 &&
            brief_shown(b, s->region))
            return 1;
    }
    return 0;
}

/* ---- notes ------------------------------------------------------------------- */

static const char definitions_en[] =
    "Change: the latest value minus the first, in the unit. Percent change: "
    "(latest / first \xe2\x88\x92 1) \xc3\x97 100, for amounts and counts "
    "with a positive first value. Percentage points: the change of a rate. "
    "CAGR: the compound annual growth rate, ((latest / first)^(1 / years) "
    "\xe2\x88\x92 1) \xc3\x97 100. Rank: 1 is the highest value in the same "
    "year within the regions compared (the lowest where lower is better); "
    "ties share a rank. Share: the value as a percent of the total region's "
    "in the same year. Gap: the difference to the benchmark region in the "
    "same year. Forecast: the linear trend of the values extended one year, "
    "with its 95% prediction interval. Years without a value are never "
    "filled unless the brief says so.";

static const char definitions_zh[] =
    "变化：最新值减起始值，单位同指标。增长率：（最新值 / 起始值 "
    "\xe2\x88\x92 1）\xc3\x97 100，用于起始值为正的金额和数量指标。"
    "百分点：比率指标的变化。年均增长率（CAGR）：（（最新值 / 起始值）"
    "^（1 / 年数）\xe2\x88\x92 1）\xc3\x97 100。排名：在同一年份的比较"
    "地区中，数值最高者为第1位（数值越低越好的指标则最低者为第1位），"
    "数值相同者名次相同。占比：该地区数值占总量地区同年数值的百分比。"
    "差距：与基准地区同年数值之差。预测：数值线性趋势外推一年，并给出95%"
    "预测区间。缺少数值的年份不作填补，除非简报另有说明。";

/* What one series lacks: "2 gaps in the years", "a single value, 1
   flagged value"; NULL when nothing. */
static char *series_quality(const brief *b, const sb_series *s)
{
    int prev = 0, gaps = 0, points = 0, flagged = 0;
    GString *g;
    size_t j;

    for (j = 0; j < s->n; j++) {
        if ((s->obs[j].state & SB_OBS_MISSING) || s->obs[j].year > b->year ||
            s->obs[j].year < b->o->from)
            continue;
        gaps += prev && s->obs[j].year - prev > 1;
        prev = s->obs[j].year;
        points++;
        flagged += sb_series_flags(s, j) != 0;
    }
    if (points == 0 || (gaps == 0 && points > 1 && flagged == 0))
        return NULL;
    g = g_string_new(NULL);
    if (points == 1)
        g_string_append(g, L(b, "a single value", "仅有一个数值"));
    else if (gaps > 0 && b->lang == FMT_ZH)
        g_string_append_printf(g, "年份中有%d处缺口%s", gaps,
                               b->o->interpolate ? "（已线性插值）" : "");
    else if (gaps > 0)
        g_string_append_printf(g, "%d gap%s in the years%s", gaps,
                               gaps == 1 ? "" : "s", b->o->interpolate
                               ? ", filled by linear interpolation" : "");
    if (flagged > 0 && b->lang == FMT_ZH)
        g_string_append_printf(g, "%s%d个带标记的数值", g->len ? "，" : "",
                               flagged);
    else if (flagged > 0)
        g_string_append_printf(g, "%s%d flagged value%s", g->len ? ", " : "",
                               flagged, flagged == 1 ? "" : "s");
    return g_string_free(g, FALSE);
}

/* One line per indicator: "Regional GDP: Chongqing, 2 gaps in the years;
   Sichuan, 1 gap in the years." Empty when its series are complete. */
static void quality(brief *b, sb_id ind, GString *g)
{
    size_t i, before = g->len;

    for (i = 0; i < sb_dataset_n_series(b->ds); i++) {
        const sb_series *s = sb_dataset_series_at(b->ds, i);
        char *what;
        if (s->indicator != ind || !brief_shown(b, s->region))
            continue;
        what = series_quality(b, s);
        if (what == NULL)
            continue;
        if (g->len == before)
            g_string_append_printf(g, L(b, "%s: ", "%s："), name_of(b, ind));
        else
            g_string_append(g, L(b, "; ", "；"));
        g_string_append_printf(g, L(b, "%s, %s", "%s，%s"),
                               brief_region(b, s->region), what);
        g_free(what);
    }
    if (g->len > before)
        g_string_append(g, L(b, ".", "。"));
}

/* SHA-256 of each input file, so that an auditor can match the data. */
static void digests(brief *b, GString *g)
{
    size_t i;

    for (i = 0; i < sb_dataset_n_files(b->ds); i++) {
        const char *path = sb_dataset_file(b->ds, (uint16_t)i);
        const char *sum = b->o->input_sha
                              ? b->o->input_sha(b->o->input_sha_ctx, path)
                              : NULL;
        g_string_append_printf(g, L(b, "%s%s: SHA-256 %s", "%s%s：SHA-256 %s"),
                               i ? L(b, "; ", "；") : "", path,
                               sum ? sum : L(b, "(unreadable)", "（无法读取）"));
    }
}

/* "statbrief 0.5, 2026-11-23 00:00 UTC (SOURCE_DATE_EPOCH). Inputs: ..." */
static void how_made(brief *b, GString *g)
{
    char when[40];
    time_t t = (time_t)b->o->epoch;
    struct tm tm;

    if (gmtime_r(&t, &tm) == NULL)
        memset(&tm, 0, sizeof tm);
    strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
    if (b->lang == FMT_ZH)
        g_string_printf(g, "statbrief " SB_VERSION "，%s（%s）。输入文件：",
                        when, b->o->epoch_given
                                  ? "SOURCE_DATE_EPOCH"
                                  : "系统时钟；设置 SOURCE_DATE_EPOCH "
                                    "可使每次生成的文件完全相同");
    else
        g_string_printf(g, "statbrief " SB_VERSION ", %s (%s). Inputs: ", when,
                        b->o->epoch_given ? "SOURCE_DATE_EPOCH"
                                          : "the clock: set SOURCE_DATE_EPOCH "
                                            "for the same bytes on every run");
    digests(b, g);
    g_string_append(g, L(b, ".", "。"));
}

/* Data quality: one line per indicator with gaps, single values or
   flags, and the loading warnings. */
static void quality_notes(brief *b, const unsigned char *sel, GString *g)
{
    size_t i, n = 0;

    report_doc_heading(b->doc, 2, L(b, "Data quality", "数据质量"), NULL, 0);
    for (i = 0; i < sb_dataset_n_indicators(b->ds); i++) {
        if (!selected(sel, (sb_id)i) || !brief_has_section(b, (sb_id)i))
            continue;
        g_string_truncate(g, 0);
        quality(b, (sb_id)i, g);
        if (g->len > 0) {
            report_doc_para(b->doc, REPORT_PARA_NOTE, g->str, NULL);
            n++;
        }
    }
    if (b->o->warnings > 0) {
        if (b->lang == FMT_ZH)
            g_string_printf(g, "加载时有%zu条警告（重复值等；请运行 "
                            "statbrief check）。", b->o->warnings);
        else
            g_string_printf(g, "%zu warning%s while loading (duplicates and "
                            "the like; run statbrief check).", b->o->warnings,
                            b->o->warnings == 1 ? "" : "s");
        report_doc_para(b->doc, REPORT_PARA_NOTE, g->str, NULL);
        n++;
    }
    if (n == 0)
        report_doc_para(b->doc, REPORT_PARA_NOTE,
                        L(b, "No gaps, single values or flags.",
                          "无缺口、单一数值或标记。"), NULL);
}

static void notes(brief *b, const unsigned char *sel)
{
    GString *g = g_string_new(NULL);
    size_t i;

    report_doc_heading(b->doc, 1, L(b, "Notes", "说明"), "notes", 1);
    report_doc_heading(b->doc, 2, L(b, "Definitions", "指标解释"), NULL, 0);
    report_doc_para(b->doc, REPORT_PARA_NOTE, L(b, definitions_en, definitions_zh),
                    NULL);
    report_doc_heading(b->doc, 2, L(b, "Sources", "资料来源"), NULL, 0);
    for (i = 0; i < sb_dataset_n_indicators(b->ds); i++) {
        const sb_indicator *p = sb_dataset_indicator_at(b->ds, (sb_id)i);
        if (!selected(sel, (sb_id)i) || !brief_has_section(b, (sb_id)i))
            continue;
        g_string_printf(g, L(b, "%s: %s.", "%s：%s。"), fmt_name(p, b->lang),
                        p->source[0] ? p->source : L(b, "not given", "未注明"));
        report_doc_para(b->doc, REPORT_PARA_NOTE, g->str, NULL);
    }
    quality_notes(b, sel, g);
    report_doc_heading(b->doc, 2, L(b, "How this brief was made",
                                    "生成信息"), NULL, 0);
    how_made(b, g);
    report_doc_para(b->doc, REPORT_PARA_NOTE, g->str, NULL);
    g_string_free(g, TRUE);
}

/* ---- writing -------------------------------------------------------------------- */

static int by_series(const void *pa, const void *pb)
{
    const metrics_row *a = pa, *b = pb;

    if (a->indicator != b->indicator)
        return a->indicator < b->indicator ? -1 : 1;
    return a->region < b->region ? -1 : a->region > b->region;
}

/* Every figure the brief printed, as `metrics --format csv` writes it. */
static sb_status figures_csv(brief *b, char **out, size_t *out_len,
                             sb_error *err)
{
    char *data = NULL;
    size_t len = 0, i;
    FILE *fp = open_memstream(&data, &len);
    metrics_writer *w;
    metrics_row *rows;

    if (fp == NULL)
        return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    w = metrics_writer_create(fp, METRICS_CSV, b->ds, b->mc, b->lang);
    if (w == NULL) {
        fclose(fp);
        free(data);
        return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    }
    /* a series is printed in several places (findings, summary, section,
       comparison table): one row each, in indicator and region order */
    rows = g_memdup2(b->printed->data, b->printed->len * sizeof(metrics_row));
    qsort(rows, b->printed->len, sizeof(metrics_row), by_series);
    for (i = 0; i < b->printed->len; i++)
        if (i == 0 || by_series(&rows[i - 1], &rows[i]) != 0)
            metrics_writer_rows(w, &rows[i], 1);
    g_free(rows);
    metrics_writer_finish(w);
    metrics_writer_destroy(w);
    if (fclose(fp) != 0) {
        free(data);
        return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    }
    *out = data;                 /* malloc'd by open_memstream: free() */
    *out_len = len;
    return SB_OK;
}

/* Title block, then the spec's sections or the default parts, then the
   notes. *title is the brief's title (g_free). */
static sb_status body(brief *b, const unsigned char *sel, char **title)
{
    const sb_spec *s = b->o->spec;
    char *sub = NULL;
    sb_status rc = SB_OK;
    size_t i;

    *title = b->o->title ? g_strdup(b->o->title)
             : s ? brief_spec_text(b, &s->title, b->o->diag) : NULL;
    if (s != NULL && b->err->code != SB_OK)
        return b->err->code;
    if (*title == NULL)
        *title = g_strdup_printf(L(b, "%s: science and education "
                                      "indicators, %d",
                                   "%s科技与教育指标（%d年）"),
                                 brief_region(b, metrics_focus(b->mc)),
                                 b->year);
    if (s != NULL && (sub = brief_spec_text(b, &s->subtitle, b->o->diag)) ==
                         NULL && b->err->code != SB_OK)
        return b->err->code;
    title_block(b, *title, sub);
    g_free(sub);
    if (s != NULL && s->n_sections > 0) {
        rc = brief_spec_sections(b, b->o->diag);
    } else {
        brief_findings(b, sel, MAX_FINDINGS, L(b, "Key findings", "主要发现"));
        brief_summary(b, sel, L(b, "Summary", "指标概览"));
        for (i = 0; i < sb_dataset_n_indicators(b->ds); i++)
            if (selected(sel, (sb_id)i) && brief_has_section(b, (sb_id)i))
                brief_section(b, (sb_id)i,
                              fmt_name(sb_dataset_indicator_at(b->ds, (sb_id)i),
                                       b->lang));
    }
    if (rc == SB_OK)
        notes(b, sel);
    return rc;
}

sb_status report_brief_write(const sb_dataset *ds, metrics_ctx *mc,
                             const unsigned char *indicators,
                             const report_opts *o, report_result *res,
                             sb_error *err)
{
    brief b = {.ds = ds, .mc = mc, .o = o, .lang = o->lang, .err = err};
    const sb_region *focus;
    sb_id focus_id;
    report_meta meta;
    char *title, *footer, *subject;
    GString *keywords;
    int first, last, as_of;
    report_output pdf = {0};
    char *csv = NULL, *pdf_tmp = NULL, *csv_tmp = NULL;
    size_t csv_len = 0;
    size_t i;
    sb_status rc;

    memset(res, 0, sizeof *res);
    b.year = o->year ? o->year : report_brief_year(ds, mc);
    if (metrics_focus(mc) == SB_NONE || b.year == 0)
        return sb_error_set(err, SB_EDATA, NULL, 0, 0, "the focus region has "
                            "no values: nothing to brief");
    focus_id = metrics_focus(mc);
    focus = sb_dataset_region_at(ds, focus_id);
    if (o->from > b.year)
        return sb_error_set(err, SB_EUSAGE, NULL, 0, 0, "--from %d is after "
                            "the brief's year, %d", o->from, b.year);
    if (!focus_has_values(&b))
        return sb_error_set(err, SB_EDATA, NULL, 0, 0, "%s has no values "
                            "%s%d: nothing to brief", focus->name,
                            o->from ? "in the window ending " : "up to ",
                            b.year);
    b.doc = report_doc_create(o->paper, b.lang);
    b.printed = g_array_new(FALSE, FALSE, sizeof(metrics_row));
    data_years(&b, &first, &last, &as_of);
    b.as_of = as_of;
    rc = body(&b, indicators, &title);
    if (rc != SB_OK) {
        g_array_free(b.printed, TRUE);
        report_doc_destroy(b.doc);
        g_free(b.linked);
        return rc;
    }
    footer = g_strdup_printf(L(&b, "%s \xc2\xb7 data as of %d",
                               "%s \xc2\xb7 数据截至%d年"), title, as_of);
    subject = g_strdup_printf(L(&b, "%s, %d", "%s，%d年"),
                              brief_region(&b, focus_id), b.year);
    meta.title = title;
    /* without a spec's author no person to name: the generator, like a
       report server would */
    meta.author = o->author ? o->author : "statbrief";
    meta.subject = subject;
    keywords = g_string_new(L(&b, "statistics; indicators; ",
                              "统计; 指标; "));
    g_string_append(keywords, brief_region(&b, focus_id));
    for (i = 0; i < sb_dataset_n_indicators(ds); i++)
        if (selected(indicators, (sb_id)i) && brief_has_section(&b, (sb_id)i))
            g_string_append_printf(keywords, "; %s", name_of(&b, (sb_id)i));
    meta.keywords = keywords->str;
    meta.footer = footer;
    meta.epoch = o->epoch;
    report_doc_set_meta(b.doc, &meta);
    res->year = b.year;
    res->path = o->output ? g_strdup(o->output)
                          : g_strdup_printf("brief-%d.pdf", b.year);
    rc = report_pdf_write(b.doc, &pdf, err);
    res->pages = pdf.pages;
    if (rc == SB_OK && o->metrics_csv != NULL)
        rc = figures_csv(&b, &csv, &csv_len, err);
    /* a figure lost for lack of memory printed as undefined: not kept */
    if (rc == SB_OK)
        rc = metrics_ctx_status(b.mc, err);
    if (rc == SB_OK && o->strict && o->diag != NULL && o->diag->count > 0)
        rc = sb_error_set(err, SB_EDATA, res->path, 0, 0, "not written: "
                          "%zu warning%s while writing it (--strict)",
                          o->diag->count, o->diag->count == 1 ? "" : "s");
    if (rc == SB_OK)
        rc = sb_out_stage(res->path, pdf.data, pdf.len, &pdf_tmp, err);
    if (rc == SB_OK && csv != NULL)
        rc = sb_out_stage(o->metrics_csv, csv, csv_len, &csv_tmp, err);
    if (rc == SB_OK) {
        rc = sb_out_commit(pdf_tmp, res->path, err);
        pdf_tmp = NULL;
    }
    if (rc == SB_OK && csv_tmp != NULL) {
        rc = sb_out_commit(csv_tmp, o->metrics_csv, err);
        csv_tmp = NULL;
    }
    sb_out_unstage(pdf_tmp);
    sb_out_unstage(csv_tmp);
    free(csv);
    res->bytes = pdf.len;
    g_free(pdf.data);
    g_free(title);
    g_free(footer);
    g_free(subject);
    g_string_free(keywords, TRUE);
    g_array_free(b.printed, TRUE);
    report_doc_destroy(b.doc);
    g_free(b.linked);
    return rc;
}
