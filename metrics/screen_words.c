/*
 * metrics/screen_words.c -- the words of the screening's findings
 * (screen.h), English and Chinese, for check --screen's lines and the
 * brief's data-quality note. One table of kinds; numbers through the
 * formatter, so that a value reads as it does everywhere else.
 * Writes into the caller's buffer: no allocation.
 */
#include "screen.h"

#include <glib.h>
#include <math.h>
#include <string.h>

/* Each kind: its code (check --screen's English lines), its English
   words for the brief, its Chinese words for both. */
static const struct {
    const char *code, *en, *zh;
} kinds[SCREEN_N_KINDS] = {
    [SCREEN_BREAK] = {"break", "series break", "序列断点"},
    [SCREEN_SHIFT] = {"level-shift", "level shift", "水平突变"},
    [SCREEN_SLIP] = {"scale-slip", "possible unit or scale slip",
                     "疑似单位或量级错误"},
    [SCREEN_OUTLIER] = {"outlier", "outlier", "异常值"},
    [SCREEN_ROUNDED] = {"rounded", "rounded or repeated values",
                        "取整或重复数值"},
    [SCREEN_STALE] = {"stale", "stale series", "数据滞后"},
    [SCREEN_PARTS] = {"parts-sum", "total unlike the sum of its parts",
                      "总量与分项之和不符"},
};

const char *screen_severity_name(screen_severity s, fmt_lang lang)
{
    if (s == SCREEN_WARNING)
        return lang == FMT_ZH ? "警告" : "warning";
    return lang == FMT_ZH ? "提示" : "note";
}

const char *screen_kind_name(screen_kind k, fmt_lang lang)
{
    return lang == FMT_ZH ? kinds[k].zh : kinds[k].code;
}

const char *screen_kind_words(screen_kind k, fmt_lang lang)
{
    return lang == FMT_ZH ? kinds[k].zh : kinds[k].en;
}

/* "about 1,000 times" / "about 1/100 of"; zh "1000倍" / "1/100" */
static void factor(char *buf, size_t size, double f, fmt_lang lang)
{
    char n[FMT_MAX];

    fmt_number(n, sizeof n, f >= 1 ? f : 1 / f, 0, 0, lang);
    if (lang == FMT_ZH)
        g_snprintf(buf, size, f >= 1 ? "%s倍" : "1/%s", n);
    else
        g_snprintf(buf, size, f >= 1 ? "about %s times" : "about 1/%s of",
                   n);
}

static void shift(char *buf, size_t size, const screen_finding *f,
                  const sb_indicator *ind, fmt_lang lang)
{
    char v[FMT_MAX], o[FMT_MAX], c[FMT_MAX], u[FMT_MAX];
    int last = f->severity == SCREEN_INFO;

    fmt_value(v, sizeof v, f->value, ind, lang);
    fmt_value(o, sizeof o, f->other, ind, lang);
    if (f->count) {                         /* a positive series: percent */
        fmt_percent(c, sizeof c, f->change, 1, 1, lang);
        fmt_percent(u, sizeof u, f->usual, 1, 1, lang);
    } else if (ind->kind == SB_KIND_RATE) {  /* a rate: in points */
        int d = fmt_points_decimals(ind);
        fmt_points(c, sizeof c, f->change, d, 1, lang);
        fmt_points(u, sizeof u, f->usual, d, 1, lang);
    } else {
        fmt_value(c, sizeof c, f->change, ind, lang);
        fmt_value(u, sizeof u, f->usual, ind, lang);
    }
    if (lang == FMT_ZH)
        g_snprintf(buf, size, "由%d年的%s变为%s（%s），而通常的年度变化为"
                   "%s%s", f->year2, o, v, c, u,
                   last ? "；为最新值，尚待下一年数据确认" : "");
    else
        g_snprintf(buf, size, "%s after %s in %d (%s), against a usual "
                   "year-on-year change of %s%s", v, o, f->year2, c, u,
                   last ? "; the latest value, not yet confirmed by a "
                          "later year" : "");
}

static void slip(char *buf, size_t size, const screen_finding *f,
                 const sb_indicator *ind, fmt_lang lang)
{
    char v[FMT_MAX], o[FMT_MAX], k[FMT_MAX];

    fmt_value(v, sizeof v, f->value, ind, lang);
    fmt_value(o, sizeof o, f->other, ind, lang);
    factor(k, sizeof k, f->change, lang);
    static const char *const against[][2] = {
        {"its neighbouring years", "相邻年份数值"},
        {"the median of the other regions that year", "同年其他地区的中位数"},
        {"the year before", "上一年数值"},
    };
    int a = f->count >= 0 && f->count <= 2 ? f->count : 0;

    if (lang == FMT_ZH)
        g_snprintf(buf, size, "%s约为%s（%s）的%s%s", v, against[a][1], o, k,
                   a == 2 ? "；其后各年保持该水平" : "");
    else
        g_snprintf(buf, size, "%s is %s %s (%s)%s", v, k, against[a][0], o,
                   a == 2 ? "; later values keep the new level" : "");
}

/* "335,775 persons is 18.7 times the level of its neighbouring years
   (17,943 persons)"; zh "335775人，约为相邻年份数值（17943人）的18.7倍" */
static void outlier(char *buf, size_t size, const screen_finding *f,
                    const sb_indicator *ind, fmt_lang lang)
{
    char v[FMT_MAX], o[FMT_MAX], k[FMT_MAX];
    double r = f->change >= 1 ? f->change : 1 / f->change;

    fmt_value(v, sizeof v, f->value, ind, lang);
    fmt_value(o, sizeof o, f->other, ind, lang);
    fmt_number(k, sizeof k, r, 1, 0, lang);
    if (lang == FMT_ZH)
        g_snprintf(buf, size, f->change >= 1 ? "%s，约为相邻年份数值（%s）的%s倍"
                                             : "%s，约为相邻年份数值（%s）的1/%s",
                   v, o, k);
    else
        g_snprintf(buf, size, "%s is %s%s%s the level of its "
                   "neighbouring years (%s)", v, f->change >= 1 ? "" : "1/",
                   k, f->change >= 1 ? " times" : " of", o);
}

static void rounded(char *buf, size_t size, const screen_finding *f,
                    const sb_indicator *ind, fmt_lang lang)
{
    char v[FMT_MAX], s[FMT_MAX];

    fmt_value(v, sizeof v, f->value, ind, lang);
    fmt_number(s, sizeof s, f->usual, f->usual < 1 ? 6 : 0, 0, lang);
    if (f->usual > 0 && f->usual < 1) {      /* 0.100000 -> 0.1 */
        char *e = s + strlen(s) - 1;
        while (*e == '0')
            *e-- = '\0';
    }
    /* the years are the line's or the note's, not repeated here */
    if (lang == FMT_ZH && f->usual == 0)
        g_snprintf(buf, size, "连续%d年数值相同（%s），可能为沿用旧值",
                   f->count, v);
    else if (lang == FMT_ZH)
        g_snprintf(buf, size, "连续%d个数值均为%s的整数倍，明显粗于该序列"
                   "其他数值，可能为取整估计", f->count, s);
    else if (f->usual == 0)
        g_snprintf(buf, size, "the same value, %s, in %d years in a row: "
                   "carried forward?", v, f->count);
    else
        g_snprintf(buf, size, "%d values in a row are all multiples of %s, "
                   "much coarser than the rest of the series: rounded "
                   "estimates?", f->count, s);
}

static void parts(char *buf, size_t size, const screen_finding *f,
                  const sb_indicator *ind, fmt_lang lang)
{
    char v[FMT_MAX], o[FMT_MAX], d[FMT_MAX], p[FMT_MAX];

    fmt_value(v, sizeof v, f->value, ind, lang);
    fmt_value(o, sizeof o, f->other, ind, lang);
    fmt_value(d, sizeof d, fabs(f->value - f->other), ind, lang);
    fmt_percent(p, sizeof p, (f->value - f->other) / f->value * 100, 1, 1,
                lang);
    if (lang == FMT_ZH)
        g_snprintf(buf, size, "总量%s与%d个分项之和%s相差%s（%s）", v,
                   f->count, o, d, p);
    else
        g_snprintf(buf, size, "the total, %s, differs from the sum of its "
                   "%d parts, %s, by %s (%s)", v, f->count, o, d, p);
}

char *screen_describe(char *buf, size_t size, const sb_dataset *ds,
                      const screen_finding *f, fmt_lang lang)
{
    const sb_indicator *ind = sb_dataset_indicator_at(ds, f->indicator);
    char v[FMT_MAX], o[FMT_MAX];

    fmt_value(v, sizeof v, f->value, ind, lang);
    fmt_value(o, sizeof o, f->other, ind, lang);
    switch (f->kind) {
    case SCREEN_BREAK:
        if (lang == FMT_ZH && isnan(f->other))
            g_snprintf(buf, size, "发布机构标注为序列断点：%s", v);
        else if (lang == FMT_ZH)
            g_snprintf(buf, size, "发布机构标注为序列断点：%s，此前%d年为%s",
                       v, f->year2, o);
        else if (isnan(f->other))
            g_snprintf(buf, size, "flagged by the publisher as a break in "
                       "the series: %s", v);
        else
            g_snprintf(buf, size, "flagged by the publisher as a break in "
                       "the series: %s, after %s in %d", v, o, f->year2);
        break;
    case SCREEN_SHIFT: shift(buf, size, f, ind, lang); break;
    case SCREEN_SLIP: slip(buf, size, f, ind, lang); break;
    case SCREEN_OUTLIER: outlier(buf, size, f, ind, lang); break;
    case SCREEN_ROUNDED: rounded(buf, size, f, ind, lang); break;
    case SCREEN_STALE:
        if (lang == FMT_ZH)
            g_snprintf(buf, size, "最新数值为%d年的%s，比该指标最新年份"
                       "（%d年）滞后%d年", f->year, v, f->year2,
                       f->year2 - f->year);
        else
            g_snprintf(buf, size, "the last value is %s in %d, %d years "
                       "behind the indicator's latest year, %d", v, f->year,
                       f->year2 - f->year, f->year2);
        break;
    case SCREEN_PARTS: parts(buf, size, f, ind, lang); break;
    default: buf[0] = '\0';
    }
    return buf;
}
