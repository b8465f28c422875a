/*
 * reports/text_zh.c -- the generated sentences in Chinese, with the same
 * claim rules as the English ones (text.h), in the style of the NBS
 * statistical bulletins: "2022年重庆R&D经费686.6亿元，比上年增长13.7%";
 * rates in 个百分点. Names from name_zh (the English name when the
 * metadata has none: a brief mixes languages only where the data do);
 * numbers from the formatter in its Chinese forms (万/亿, no thousands
 * separators).
 */
#include "text_int.h"

#include "metrics/format.h"

#include <math.h>
#include <string.h>

#define COMMA "\xef\xbc\x8c"      /* ， */
#define STOP "\xe3\x80\x82"       /* 。 */
#define DASH "\xe2\x80\x94"       /* — between years */

static const char *region_zh(const sb_dataset *ds, sb_id r)
{
    const sb_region *reg = sb_dataset_region_at(ds, r);

    return reg->name_zh[0] ? reg->name_zh : reg->name;
}

/* "增长13.7%" / "下降2.0%" */
static void pct_phrase(GString *g, double pct)
{
    char v[FMT_MAX];

    fmt_percent(v, sizeof v, fabs(pct), 1, 0, FMT_ZH);
    g_string_append_printf(g, "%s%s", pct > 0 ? "增长" : "下降", v);
}

/* "提高0.48个百分点" / "下降0.12个百分点" */
static void pp_phrase(GString *g, double pp, int decimals)
{
    char v[FMT_MAX];

    fmt_number(v, sizeof v, fabs(pp), decimals, 0, FMT_ZH);
    g_string_append_printf(g, "%s%s个百分点", pp > 0 ? "提高" : "下降", v);
}

/* "，比上年增长13.7%" / "，比上年提高0.05个百分点" / "，与上年持平" */
static void yoy_clause(GString *g, const sb_indicator *ind,
                       const metrics_row *r)
{
    int rate = ind->kind == SB_KIND_RATE;
    int p = rate ? sb_indicator_precision(ind) : 1;

    if (!isfinite(r->yoy))
        return;
    if (text_rounds_to_zero(r->yoy, p)) {
        g_string_append(g, COMMA "与上年持平");
        return;
    }
    g_string_append(g, COMMA "比上年");
    if (rate)
        pp_phrase(g, r->yoy, p);
    else
        pct_phrase(g, r->yoy);
}

/* "，比2017年增长88.3%", "，但比2017年下降2.0%", "，与2017年持平" */
static void since_clause(GString *g, const metrics_row *r)
{
    int same = isfinite(r->yoy) && (r->yoy > 0) == (r->pct_change > 0) &&
               !text_rounds_to_zero(r->yoy, 1);

    if (text_rounds_to_zero(r->pct_change, 1)) {
        g_string_append_printf(g, COMMA "与%d年持平", r->first_year);
        return;
    }
    g_string_append_printf(g, COMMA "%s比%d年", same || !isfinite(r->yoy)
                                                   ? "" : "但",
                           r->first_year);
    pct_phrase(g, r->pct_change);
}

/* Rates over a window: "2017—2022年，重庆R&D经费投入强度提高0.48个百分点，
   达到2.36%。" */
static void rate_period(GString *g, const sb_dataset *ds, const metrics_row *r,
                        const sb_indicator *ind)
{
    char v[FMT_MAX];
    int p = sb_indicator_precision(ind);

    fmt_value(v, sizeof v, r->last_value, ind, FMT_ZH);
    g_string_append_printf(g, "%d" DASH "%d年" COMMA "%s%s", r->first_year,
                           r->last_year, region_zh(ds, r->region),
                           fmt_name(ind, FMT_ZH));
    if (text_rounds_to_zero(r->pp_change, p)) {
        g_string_append_printf(g, "保持在%s" STOP, v);
        return;
    }
    pp_phrase(g, r->pp_change, p);
    g_string_append_printf(g, COMMA "%s%s" STOP,
                           r->pp_change > 0 ? "达到" : "降至", v);
}

static void level_sentence(GString *g, const sb_dataset *ds, const metrics_row *r)
{
    const sb_indicator *ind = sb_dataset_indicator_at(ds, r->indicator);
    char v[FMT_MAX];
    int period = r->first_year < r->last_year && isfinite(r->change);

    if (ind->kind == SB_KIND_RATE && period) {
        rate_period(g, ds, r, ind);
        return;
    }
    fmt_value(v, sizeof v, r->last_value, ind, FMT_ZH);
    g_string_append_printf(g, "%d年%s%s%s%s", r->last_year,
                           region_zh(ds, r->region), fmt_name(ind, FMT_ZH),
                           ind->kind == SB_KIND_RATE ? "为" : "", v);
    yoy_clause(g, ind, r);
    /* a two-year window: "比上年" already says it */
    if (period && ind->kind != SB_KIND_RATE && isfinite(r->pct_change) &&
        !(isfinite(r->yoy) && r->first_year == r->last_year - 1))
        since_clause(g, r);
    g_string_append(g, STOP);
}

/* 翻了一番, 有记录以来最高, filled years */
static void claim_sentences(GString *g, const sb_dataset *ds, metrics_ctx *mc,
                            const metrics_row *r)
{
    if (metrics_claim_doubled(r))
        g_string_append_printf(g, "比%d年翻了一番%s" STOP, r->first_year,
                               r->multiple >= 2.0 && r->multiple < 2.0 + 1e-9
                                   ? "" : "多");
    if (metrics_claim_new_high(mc, r->indicator, r->region, r->last_year) &&
        !text_printed_flat(ds, r))
        g_string_append_printf(g, "%d年的数值为有记录以来最高" STOP,
                               r->last_year);
    if (r->n_interpolated > 0)
        g_string_append_printf(g, "其中%d个年份的数值为线性插值" STOP,
                               r->n_interpolated);
}

/* "重庆在3个地区（province-level）中居第1位（2017年为第3位）。" In a finding
   (brief = 1): "2022年在3个地区中居第1位", the top three or a move only. */
static void rank_sentence(GString *g, const sb_dataset *ds, metrics_ctx *mc,
                          const metrics_row *r, int brief)
{
    const char *set = metrics_set_name(mc);
    int r0;

    if (r->rank <= 0 || r->rank_of < 2)
        return;
    r0 = text_first_rank(mc, r);
    if (brief && r->rank > 3 && (r0 == 0 || r0 == r->rank))
        return;
    g_string_append_printf(g, "%d年%s在%d个地区", r->last_year,
                           brief ? "" : region_zh(ds, r->region), r->rank_of);
    if (!brief && strcmp(set, "all") != 0)
        g_string_append_printf(g, "（%s）", set);
    if (r->rank == r->rank_of && r->rank_of >= 3)
        g_string_append(g, "中居末位");
    else
        g_string_append_printf(g, "中居第%d位", r->rank);
    if (r0 > 0 && r0 != r->rank)
        g_string_append_printf(g, "（%d年为第%d位）", r->first_year, r0);
    g_string_append(g, STOP);
}

/* "比中国低0.18个百分点。" / "与中国持平。"; 1 when written. */
static int rate_gap_sentence(GString *g, const sb_dataset *ds, metrics_ctx *mc,
                             const metrics_row *r)
{
    int p = sb_indicator_precision(sb_dataset_indicator_at(ds, r->indicator));
    sb_id b = text_gap_benchmark(ds, mc, r);
    char v[FMT_MAX];

    if (b == SB_NONE)
        return 0;
    if (text_rounds_to_zero(r->gap, p)) {
        g_string_append_printf(g, "与%s持平" STOP, region_zh(ds, b));
        return 1;
    }
    fmt_number(v, sizeof v, fabs(r->gap), p, 0, FMT_ZH);
    g_string_append_printf(g, "比%s%s%s个百分点" STOP, region_zh(ds, b),
                           r->gap > 0 ? "高" : "低", v);
    return 1;
}

static void comparison_sentences(GString *g, const sb_dataset *ds, metrics_ctx *mc,
                                 const metrics_row *r)
{
    char v[FMT_MAX];
    sb_id b = metrics_benchmark(mc), t = metrics_total(mc);

    rank_sentence(g, ds, mc, r, 0);
    if (isfinite(r->share) && t != SB_NONE && t != r->region) {
        fmt_percent(v, sizeof v, r->share, 1, 0, FMT_ZH);
        g_string_append_printf(g, "占%s总量的%s" STOP, region_zh(ds, t), v);
    }
    if (!rate_gap_sentence(g, ds, mc, r) && isfinite(r->growth_gap) &&
        b != SB_NONE && b != r->region &&
        !text_rounds_to_zero(r->growth_gap, 1)) {
        fmt_number(v, sizeof v, fabs(r->growth_gap), 1, 0, FMT_ZH);
        g_string_append_printf(g, "%d年以来增幅比%s%s%s个百分点" STOP,
                               r->first_year, region_zh(ds, b),
                               r->growth_gap > 0 ? "高" : "低", v);
    }
}

static void target_sentence(GString *g, const sb_dataset *ds, metrics_ctx *mc,
                            const metrics_row *r)
{
    const sb_indicator *ind = sb_dataset_indicator_at(ds, r->indicator);
    char v[FMT_MAX];

    if (!isfinite(ind->target) || !isfinite(r->last_value))
        return;
    fmt_value(v, sizeof v, ind->target, ind, FMT_ZH);
    if (metrics_claim_target_reached(mc, r))
        g_string_append_printf(g, "已达到%s的目标" STOP, v);
    else if (ind->target_year != 0 && r->last_year >= ind->target_year)
        g_string_append_printf(g, "未实现%d年%s的目标" STOP,
                               ind->target_year, v);
    else if (ind->target_year != 0)
        g_string_append_printf(g, "目标为%d年达到%s" STOP, ind->target_year,
                               v);
    else
        g_string_append_printf(g, "目标为%s" STOP, v);
}

void text_zh_series(GString *g, const sb_dataset *ds, metrics_ctx *mc,
                    const metrics_row *r)
{
    level_sentence(g, ds, r);
    claim_sentences(g, ds, mc, r);
    comparison_sentences(g, ds, mc, r);
    target_sentence(g, ds, mc, r);
}

void text_zh_finding(GString *g, const sb_dataset *ds, metrics_ctx *mc,
                     const metrics_row *r)
{
    level_sentence(g, ds, r);
    claim_sentences(g, ds, mc, r);
    rank_sentence(g, ds, mc, r, 1);
    rate_gap_sentence(g, ds, mc, r);
    target_sentence(g, ds, mc, r);
}
