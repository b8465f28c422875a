/*
 * reports/text_zh.c -- the Chinese writer of sentence plans
 * (text_write.h), in the style of the NBS statistical bulletins:
 * "2022年重庆R&D经费686.6亿元，比上年增长13.7%"; rates in 个百分点.
 * Names from name_zh (the English name when the metadata has none: a
 * brief mixes languages only where the data do); numbers in the
 * formatter's Chinese forms (万/亿, no thousands separators).
 *
 * Not here: which facts are told and which claims hold (text_plan.c).
 */
#include "text_write.h"

#include <glib.h>

#define COMMA "\xef\xbc\x8c"      /* ， */
#define DASH "\xe2\x80\x94"       /* — between years */

/* "增长13.7%" / "下降2.0%"; "提高0.48个百分点" / "下降0.12个百分点";
   in the unit "增加5万人" / "减少39.2万人" */
static void change(GString *g, const text_words *w)
{
    const text_fact *f = w->f;

    if (f->fig.unit == TEXT_POINTS)
        g_string_append_printf(g, "%s%s个百分点", f->dir > 0 ? "提高" : "下降",
                               w->fig);
    else if (f->fig.unit == TEXT_VALUE)
        g_string_append_printf(g, "%s%s", f->dir > 0 ? "增加" : "减少",
                               w->fig);
    else
        g_string_append_printf(g, "%s%s", f->dir > 0 ? "增长" : "下降",
                               w->fig);
}

/* "（上年=100）", "（2015年=100）" after an index's value */
static void index_base(GString *g, const sb_indicator *ind)
{
    char base[FMT_MAX];

    if (*fmt_index_base(base, sizeof base, ind, FMT_ZH) != '\0')
        g_string_append_printf(g, "（%s）", base);
}

/* "2022年重庆X686.6亿元" (current prices: "按当年价格计算为686.6亿元";
   rates: "为2.36%"; indexes: "为106.1（上年=100）"); "2017—2022年，重庆X
   提高0.48个百分点，达到2.36%" / "...保持在2.00%"; in the unit "2012—2022
   年，A净迁移减少39.2万人，降至−44.4万人" (current prices: "A X按当年价格
   计算减少..."); a growth rate: "2023年重庆X增长6.1%" / "与上年持平" */
static void level(GString *g, const text_words *w)
{
    const text_plan *p = w->plan;
    const text_fact *f = w->f;

    if (f->claim == TEXT_GROWTH) {
        g_string_append_printf(g, "%d年%s%s", f->year, w->region, w->name);
        if (f->dir == 0)
            g_string_append(g, "与上年持平");
        else
            change(g, w);
        return;
    }
    if (f->claim == TEXT_LEVEL) {
        if (f->year != 0)        /* 0: the source gives no year */
            g_string_append_printf(g, "%d年", f->year);
        g_string_append_printf(g, "%s%s%s%s%s", w->region, w->name,
                               f->nominal ? "按当年价格计算为"
                               : !(sb_indicator_traits(p->ind) &
                                   SB_TRAIT_ADDS) ? "为" : "",
                               w->level, f->year ? "" : "（未注明年份）");
        index_base(g, p->ind);
        return;
    }
    g_string_append_printf(g, "%d" DASH "%d年%s" COMMA "%s%s%s", f->since,
                           f->year, f->brk ? "（自序列断点起）" : "",
                           w->region, w->name,
                           f->nominal ? "按当年价格计算" : "");
    if (f->dir == 0) {
        g_string_append_printf(g, "保持在%s", w->level);
        return;
    }
    change(g, w);
    g_string_append_printf(g, COMMA "%s%s", f->dir > 0 ? "达到" : "降至",
                           w->level);
}

/* "，比上年增长13.7%" / "，与上年持平" ("按可比价格计算" before them when
   real); "，比2017年增长88.3%", "，但比2017年下降2.0%", "，与2017年持平"
   ("按当年价格计算" before 比 when nominal); an index on its base year:
   "，比2015年增长31.0%" */
static void clause(GString *g, const text_words *w)
{
    const text_fact *f = w->f;

    if (f->claim == TEXT_ON_YEAR && f->dir == 0) {
        g_string_append_printf(g, COMMA "%s与上年持平",
                               f->real ? "按可比价格计算" : "");
        return;
    }
    if (f->claim == TEXT_ON_YEAR) {
        g_string_append_printf(g, COMMA "%s比上年",
                               f->real ? "按可比价格计算" : "");
    } else if (f->brk && f->dir == 0) {    /* a change from a break */
        g_string_append_printf(g, COMMA "与%d年序列断点时持平", f->since);
        return;
    } else if (f->brk) {
        g_string_append_printf(g, COMMA "%s自%d年序列断点以来",
                               f->how == TEXT_SINCE_BUT ? "但" : "",
                               f->since);
    } else if (f->dir == 0) {
        g_string_append_printf(g, COMMA "与%d年持平", f->since);
        return;
    } else {
        g_string_append_printf(g, COMMA "%s%s比%d年",
                               f->how == TEXT_SINCE_BUT ? "但" : "",
                               f->nominal ? "按当年价格计算" : "", f->since);
    }
    change(g, w);
}

/* "2022年重庆在3个地区（west）中居第1位（2017年为第3位）"; in a finding
   "2022年在3个地区中居第1位" */
static void rank(GString *g, const text_words *w)
{
    const text_plan *p = w->plan;
    const text_fact *f = w->f;

    g_string_append_printf(g, "%d年%s在%d个地区", f->year,
                           p->finding ? "" : w->region, f->of);
    if (!p->finding && w->set != NULL)
        g_string_append_printf(g, "（%s）", w->set);
    if (f->last)
        g_string_append(g, "中居末位");
    else
        g_string_append_printf(g, "中居第%d位", f->n);
    if (f->was > 0)
        g_string_append_printf(g, "（%d年为第%d位）", f->since, f->was);
}

/* "占全国总量的2.2%"; "比全国低0.18个百分点" / "与全国持平";
   "2017年以来增幅比全国高30.0个百分点". At a reference year other than
   the level's: "2022年占全国总量的2.2%", "2022年与全国持平",
   "2017—2022年增幅比全国高30.0个百分点" */
static void comparison(GString *g, const text_words *w)
{
    const text_fact *f = w->f;
    const char *side = f->dir > 0 ? "高" : "低";

    if (f->claim == TEXT_GROWTH_GAP && f->year != 0)
        g_string_append_printf(g, "%d" DASH "%d年", f->since, f->year);
    else if (f->claim == TEXT_GROWTH_GAP)
        g_string_append_printf(g, "%d年以来", f->since);
    else if (f->year != 0)
        g_string_append_printf(g, "%d年", f->year);
    if (f->claim == TEXT_SHARE)
        g_string_append_printf(g, "占%s总量的%s", w->other, w->fig);
    else if (f->claim == TEXT_GROWTH_GAP)
        g_string_append_printf(g, "增幅比%s%s%s个百分点", w->other, side,
                               w->fig);
    else if (f->dir == 0)
        g_string_append_printf(g, "与%s持平", w->other);
    else
        g_string_append_printf(g, "比%s%s%s个百分点", w->other, side,
                               w->fig);
}

/* 翻了一番, 是2000年的45.8倍, 为2012年以来最高, filled years, a level
   shift */
static void claim(GString *g, const text_words *w)
{
    const text_fact *f = w->f;

    if (f->claim == TEXT_DOUBLED)
        g_string_append_printf(g, "比%d年翻了一番%s", f->since,
                               f->how ? "" : "多");
    else if (f->claim == TEXT_TIMES)
        g_string_append_printf(g, "是%d年的%s倍", f->since, w->fig);
    else if (f->claim == TEXT_RECORD)
        g_string_append_printf(g, "%d年的数值为%d年以来最高", f->year,
                               f->since);
    else if (f->claim == TEXT_SHIFT)
        g_string_append_printf(g, "%d年该序列单年%s%s%s，属水平突变，"
                               "来源未标注为序列断点", f->year,
                               f->dir > 0 ? "上升" : "下降", w->fig,
                               f->fig.unit == TEXT_POINTS ? "个百分点" : "");
    else
        g_string_append_printf(g, "其中%d个年份的数值为线性插值", f->n);
}

static void target(GString *g, const text_words *w)
{
    const text_fact *f = w->f;

    if (f->how == TEXT_TARGET_REACHED)
        g_string_append_printf(g, "已达到%s的目标", w->level);
    else if (f->how == TEXT_TARGET_MISSED)
        g_string_append_printf(g, "未实现%d年%s的目标", f->year, w->level);
    else if (f->year != 0)
        g_string_append_printf(g, "目标为%d年达到%s", f->year, w->level);
    else
        g_string_append_printf(g, "目标为%s", w->level);
}

const text_writer text_zh_writer = {
    FMT_ZH, "", "\xe3\x80\x82", level, clause, claim, rank, comparison, target
};
