/*
 * reports/notes.c -- the notes part of a brief (notes.h): fixed
 * definitions in the brief's language, one line of sources per
 * indicator, what each shown series lacks (gaps, single values, flagged
 * values), the screening's findings (metrics/screen.h: breaks, level
 * shifts, slips, rounded runs, stale series, totals against their
 * parts), the loading warnings, and how and from which files the brief
 * was made, so that an auditor can match the data.
 *
 * Not here: the notes on a value beside its table (parts.c).
 */
#include "notes.h"

#include "metrics/format.h"
#include "metrics/screen.h"

#include <stdint.h>
#include <string.h>
#include <time.h>

#include <glib.h>

/* ---- definitions ------------------------------------------------------ */

/* One definition per figure a brief may print, by the figure's name in
   metrics/fields.c; printed only when the brief used it (parts_use). A
   name matches the figures it begins ("forecast" also forecast_lo). */
static const struct {
    const char *name, *en, *zh;
} definitions[] = {
    {"change", "Change: the latest value minus the first, in the unit.",
     "变化：最新值减起始值，单位同指标。"},
    {"pct_change", "Percent change: (latest / first \xe2\x88\x92 1) "
     "\xc3\x97 100, for amounts and counts with a positive first value and "
     "no value below zero; a series that starts at or below zero or crosses "
     "it has its change in the unit.",
     "增长率：（最新值 / 起始值 \xe2\x88\x92 1）\xc3\x97 100，用于起始值"
     "为正且无负值的金额和数量指标；起始值为零或负、或正负变号的序列，变化以"
     "指标单位表示。"},
    {"multiple", "Multiple (\xc3\x97): latest / first, given instead of the "
     "percent from three times on.",
     "倍数：最新值 / 起始值，达到3倍及以上时代替增长率。"},
    {"pp_change", "Percentage points: the change of a rate.",
     "百分点：比率指标的变化。"},
    {"cagr", "CAGR: the compound annual growth rate, ((latest / first)^(1 / "
     "years) \xe2\x88\x92 1) \xc3\x97 100.",
     "年均增长率：（（最新值 / 起始值）^（1 / 年数）\xe2\x88\x92 1）"
     "\xc3\x97 100。"},
    {"ref_year", "Reference year: the latest year in which more than half "
     "of the regions compared have a value; ranks, shares and gaps are "
     "taken at it, and a comparison table shows every region at the same "
     "two years (\"no data\" where it has no value then).",
     "参照年份：过半数比较地区有数值的最近年份；排名、占比和差距均按参照年份"
     "计算，比较表中各地区取相同的两个年份（当年无数值的标为“无数据”）。"},
    {"rank", "Rank: 1 is the highest value at the reference year within the "
     "regions compared (the lowest where lower is better); regions with "
     "the same value share a rank, marked \"=\" (1, =2, =2, 4); tables "
     "list the regions by rank.",
     "排名：在参照年份的比较地区中，数值最高者为第1位（数值越低越好的指标"
     "则最低者为第1位）；数值相同者名次相同，标为“并列”（1、并列2、并列2、"
     "4）；表中地区按排名排列。"},
    {"share", "Share: the value as a percent of the total region's in the "
     "same year.", "占比：该地区数值占总量地区同年数值的百分比。"},
    {"gap", "Gap: the difference to the benchmark region in the same year.",
     "差距：与基准地区同年数值之差。"},
    {"forecast", "Forecast: the linear trend of the latest ten values at "
     "most, extended to the year after the last, with its 95% prediction "
     "interval; given only from eight values or more, with no series break "
     "and a trend that fits (R\xc2\xb2 at least 0.8, residuals not "
     "autocorrelated), and an interval of an amount or count cut at zero.",
     "预测：以最近至多10个数值的线性趋势外推至最后一个数值的下一年，并给出"
     "95%预测区间；仅在至少有8个数值、序列无断点且趋势拟合良好（决定系数不"
     "低于0.8，残差无自相关）时给出，金额和数量指标的预测区间不低于零。"},
};

/* Whether the brief printed a figure that definition `name` defines. */
static int used(const parts_ctx *b, const char *name)
{
    GHashTableIter it;
    gpointer key;

    g_hash_table_iter_init(&it, b->used);
    while (g_hash_table_iter_next(&it, &key, NULL))
        if (g_str_has_prefix(key, name))
            return 1;
    return 0;
}

/* The definitions of the figures the brief used, then what is true of
   every brief: years without a value are never filled unless it says so. */
static void definitions_add(parts_ctx *b, GString *g)
{
    size_t i;

    g_string_truncate(g, 0);
    for (i = 0; i < G_N_ELEMENTS(definitions); i++)
        if (used(b, definitions[i].name))
            g_string_append_printf(g, "%s%s", g->len && b->lang != FMT_ZH
                                                  ? " " : "",
                                   L(b, definitions[i].en, definitions[i].zh));
    if (g->len > 0 && b->lang != FMT_ZH)
        g_string_append_c(g, ' ');
    g_string_append(g, L(b, "Years without a value are never filled unless "
                            "the brief says so.",
                         "缺少数值的年份不作填补，除非简报另有说明。"));
    report_doc_para(b->doc, REPORT_PARA_NOTE, g->str, NULL);
}

static const char published_en[] =
    "Growth rates and indexes are changes as published: a growth rate is "
    "the percent change on the year before; an index less 100 is the "
    "percent change on the year before (previous year = 100) or since its "
    "base year (base year = 100). Their own changes are in percentage "
    "points, and they have no CAGR, multiple or share. An amount in current "
    "prices is nominal; its change on the year before is in real terms "
    "where the data give its real growth rate or index.";

static const char published_zh[] =
    "增长率和指数为公布的变化：增长率为比上年增长的百分比；指数减100为比上年"
    "（上年=100）或比基期（基期=100）增长的百分比。其自身的变化以百分点计，"
    "不计算年均增长率、倍数和占比。按当年价格计算的金额为名义值；数据给出其"
    "实际增长率或指数时，比上年增长按可比价格计算。";

/* The note on growth rates, indexes and current prices, when the brief
   printed a figure of one (parts_row marks it "published"). */
static void published_note(parts_ctx *b)
{
    if (used(b, "published"))
        report_doc_para(b->doc, REPORT_PARA_NOTE,
                        L(b, published_en, published_zh), NULL);
}

/* What one series lacks: "2 gaps in the years", "a single value, 1
   flagged value"; NULL when nothing. */
static char *series_quality(const parts_ctx *b, const sb_series *s)
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
static void quality(parts_ctx *b, sb_id ind, GString *g)
{
    size_t i, before = g->len;

    for (i = 0; i < sb_dataset_n_series(b->ds); i++) {
        const sb_series *s = sb_dataset_series_at(b->ds, i);
        char *what;
        if (s->indicator != ind || !parts_shown(b, s->region))
            continue;
        what = series_quality(b, s);
        if (what == NULL)
            continue;
        if (g->len == before)
            g_string_append_printf(g, L(b, "%s: ", "%s："), parts_name(b, ind));
        else
            g_string_append(g, L(b, "; ", "；"));
        g_string_append_printf(g, L(b, "%s, %s", "%s，%s"),
                               parts_region(b, s->region), what);
        g_free(what);
    }
    if (g->len > before)
        g_string_append(g, L(b, ".", "。"));
}

/* SHA-256 of each input file, so that an auditor can match the data. */
static void digests(parts_ctx *b, GString *g)
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
static void how_made(parts_ctx *b, GString *g)
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

/* A brief names this many findings at most; check --screen lists all. */
#define SCREEN_NOTE_MAX 12

/* One finding: "Regional GDP, Chongqing, 2018: level shift: ...". */
static void finding_note(parts_ctx *b, const screen_finding *f, GString *g)
{
    char what[SCREEN_TEXT_MAX], years[32];

    screen_describe(what, sizeof what, b->ds, f, b->lang);
    if (f->kind == SCREEN_ROUNDED)
        g_snprintf(years, sizeof years, L(b, "%d\xe2\x80\x93%d",
                                          "%d\xe2\x80\x94%d年"),
                   f->year, f->year2);
    else
        g_snprintf(years, sizeof years, L(b, "%d", "%d年"), f->year);
    g_string_printf(g, L(b, "%s, %s, %s: %s: %s.", "%s，%s，%s：%s：%s。"),
                    parts_name(b, f->indicator), parts_region(b, f->region),
                    years, screen_kind_words(f->kind, b->lang), what);
}

/* The screening's findings for the brief's indicators and the regions
   it shows, SCREEN_NOTE_MAX at most; how many were noted. Out of
   memory, none (the screen is advice, not a figure of the brief). */
static size_t screen_notes(parts_ctx *b, const unsigned char *sel,
                           GString *g)
{
    size_t i, n = sb_dataset_n_indicators(b->ds), noted = 0;
    unsigned char *isel = g_malloc0(n + 1);
    unsigned char *rsel = g_malloc0(sb_dataset_n_regions(b->ds) + 1);
    screen_list found = {0};
    sb_error err = {0};
    sb_status rc;

    for (i = 0; i < n; i++)
        isel[i] = parts_selected(sel, (sb_id)i) &&
                  parts_has_section(b, (sb_id)i);
    for (i = 0; i < sb_dataset_n_regions(b->ds); i++)
        rsel[i] = (unsigned char)parts_shown(b, (sb_id)i);
    rc = screen_dataset(b->ds, isel, rsel, &found, &err);
    b->screen_lost = rc == SB_ENOMEM;
    if (rc == SB_OK) {
        for (i = 0; i < found.n && i < SCREEN_NOTE_MAX; i++, noted++) {
            finding_note(b, &found.items[i], g);
            report_doc_para(b->doc, REPORT_PARA_NOTE, g->str, NULL);
        }
        if (found.n > SCREEN_NOTE_MAX) {
            g_string_printf(g, L(b, "%zu more findings: statbrief check "
                                    "--screen lists them.",
                                 "另有%zu项未列出。"),
                            found.n - SCREEN_NOTE_MAX);
            report_doc_para(b->doc, REPORT_PARA_NOTE, g->str, NULL);
        }
    }
    screen_list_clear(&found);
    g_free(isel);
    g_free(rsel);
    return noted;
}

/* Data quality: one line per indicator with gaps, single values or
   flags, the screening's findings, and the loading warnings. */
static void quality_notes(parts_ctx *b, const unsigned char *sel, GString *g)
{
    size_t i, n = 0;

    report_doc_heading(b->doc, 2, L(b, "Data quality", "数据质量"), NULL, 0);
    for (i = 0; i < sb_dataset_n_indicators(b->ds); i++) {
        if (!parts_selected(sel, (sb_id)i) || !parts_has_section(b, (sb_id)i))
            continue;
        g_string_truncate(g, 0);
        quality(b, (sb_id)i, g);
        if (g->len > 0) {
            report_doc_para(b->doc, REPORT_PARA_NOTE, g->str, NULL);
            n++;
        }
    }
    n += screen_notes(b, sel, g);
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

void notes_add(parts_ctx *b, const unsigned char *sel)
{
    GString *g = g_string_new(NULL);
    size_t i;

    report_doc_heading(b->doc, 1, L(b, "Notes", "说明"), "notes", 1);
    report_doc_heading(b->doc, 2, L(b, "Definitions", "指标解释"), NULL, 0);
    definitions_add(b, g);
    published_note(b);
    report_doc_heading(b->doc, 2, L(b, "Sources", "资料来源"), NULL, 0);
    for (i = 0; i < sb_dataset_n_indicators(b->ds); i++) {
        const char *src = fmt_source(sb_dataset_indicator_at(b->ds,
                                                             (sb_id)i),
                                     b->lang);
        if (!parts_selected(sel, (sb_id)i) || !parts_has_section(b, (sb_id)i))
            continue;
        g_string_printf(g, L(b, "%s: %s.", "%s：%s。"),
                        parts_name(b, (sb_id)i),
                        src[0] ? parts_cut(b, src, PLOT_NOTE_MAX_CHARS)
                               : L(b, "not given", "未注明"));
        report_doc_para(b->doc, REPORT_PARA_NOTE, g->str, NULL);
    }
    quality_notes(b, sel, g);
    if (!b->no_made) {
        report_doc_heading(b->doc, 2, L(b, "How this brief was made",
                                        "生成信息"), NULL, 0);
        how_made(b, g);
        report_doc_para(b->doc, REPORT_PARA_NOTE, g->str, NULL);
    }
    g_string_free(g, TRUE);
}
