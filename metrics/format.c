/*
 * metrics/format.c -- numbers, units, changes and axis labels in English
 * and Chinese. Rounds the shortest decimal form of a value (what was
 * published), half away from zero, digit by digit.
 *
 * Nothing here allocates: every result is built on the stack (its size
 * is bounded) and copied into the caller's buffer, so the formatter has
 * no way to fail.
 */
#include "format.h"

#include "core/shortest.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#define MINUS "\xe2\x88\x92"              /* U+2212 */
#define DIGITS_MAX 420                    /* 309 integer + 20 decimals */

int fmt_lang_parse(const char *s, fmt_lang *out)
{
    if (strcmp(s, "en") == 0)
        *out = FMT_EN;
    else if (strcmp(s, "zh") == 0)
        *out = FMT_ZH;
    else
        return -1;
    return 0;
}

/* Writes the dash for a value that is not a number; returns 1 then. */
static int undefined(char *buf, size_t size, double v)
{
    if (isfinite(v))
        return 0;
    g_strlcpy(buf, FMT_UNDEFINED, size);
    return 1;
}

/* |v| rounded at `decimals`: integer digits in ip (no leading zeros, "0"
   when none), exactly `decimals` digits in fp. Returns 1 if not zero. */
static int round_decimal(double v, int decimals, char *ip, char *fp)
{
    char d[24], a[DIGITS_MAX + 2];
    int e10, neg, ni, len, i, up = 0, nonzero = 0;

    sb_shortest_digits(v, d, &e10, &neg);
    ni = e10 >= 0 ? e10 + 1 : 1;
    len = ni + decimals;
    memset(a, '0', (size_t)len);
    for (i = 0; d[i] != '\0'; i++) {
        int idx = (ni - 1) - (e10 - i);
        if (idx >= 0 && idx < len)
            a[idx] = d[i];
        else if (idx == len)
            up = d[i] >= '5';
    }
    for (i = len - 1; up && i >= 0; i--) {
        up = a[i] == '9';
        a[i] = up ? '0' : (char)(a[i] + 1);
    }
    a[len] = '\0';
    if (up) {                     /* 999.96 -> 1000.0: every digit carried */
        snprintf(ip, DIGITS_MAX, "1%.*s", ni, a);
    } else {
        for (i = 0; i < ni - 1 && a[i] == '0'; i++)
            ;
        snprintf(ip, DIGITS_MAX, "%.*s", ni - i, a + i);
    }
    memcpy(fp, a + ni, (size_t)decimals);
    fp[decimals] = '\0';
    for (i = 0; i < len; i++)
        nonzero |= a[i] != '0';
    return nonzero || up;
}

/* "1.5 × 10³⁰⁸": three significant digits at most and the power of ten
   in superscript, for numbers no reader takes in as digits. */
static char *scientific(char *buf, size_t size, double v, int sign)
{
    static const char *const sup[] = {
        "\xe2\x81\xb0", "\xc2\xb9", "\xc2\xb2", "\xc2\xb3", "\xe2\x81\xb4",
        "\xe2\x81\xb5", "\xe2\x81\xb6", "\xe2\x81\xb7", "\xe2\x81\xb8",
        "\xe2\x81\xb9"};
    char e[G_ASCII_DTOSTR_BUF_SIZE], *x, *m;
    char s[96];                 /* "−9.99 × 10⁻³²⁴" and room to spare */
    size_t n;

    g_ascii_formatd(e, sizeof e, "%.2e", fabs(v));   /* "1.50e+308" */
    x = strchr(e, 'e');
    *x++ = '\0';
    for (n = strlen(e); n > 1 && e[n - 1] == '0'; n--)
        e[n - 1] = '\0';                            /* 1.50 -> 1.5 */
    if (e[n - 1] == '.')
        e[n - 1] = '\0';
    snprintf(s, sizeof s, "%s%s \xc3\x97 10",              /* × */
             v < 0 ? MINUS : sign ? "+" : "", e);
    if (*x == '-')
        g_strlcat(s, "\xe2\x81\xbb", sizeof s);         /* superscript minus */
    for (m = x + (*x == '-' || *x == '+'); *m == '0' && m[1]; m++)
        ;
    for (; *m; m++)
        g_strlcat(s, sup[*m - '0'], sizeof s);
    g_strlcpy(buf, s, size);
    return buf;
}

char *fmt_number(char *buf, size_t size, double v, int decimals, int sign,
                 fmt_lang lang)
{
    /* a sign, the digits with a separator every three, the decimals */
    char ip[DIGITS_MAX], fp[24], s[2 * DIGITS_MAX], *o = s;
    size_t i, n;
    int nonzero;

    if (undefined(buf, size, v))
        return buf;
    decimals = CLAMP(decimals, 0, 20);
    /* 1e15 and up is a row of digits no one reads; a value that is not
       zero must not print as 0 */
    if (fabs(v) >= 1e15)
        return scientific(buf, size, v, sign);
    nonzero = round_decimal(v, decimals, ip, fp);
    if (!nonzero && v != 0 && fabs(v) < 1e-6)
        return scientific(buf, size, v, sign);
    if (nonzero && v < 0)
        o += sprintf(o, "%s", MINUS);
    else if (nonzero && sign)
        *o++ = '+';
    n = strlen(ip);
    for (i = 0; i < n; i++) {
        /* 30,782.9: a comma before each group of three, English only. */
        if (lang == FMT_EN && i > 0 && (n - i) % 3 == 0)
            *o++ = ',';
        *o++ = ip[i];
    }
    *o = '\0';
    if (decimals > 0)
        sprintf(o, ".%s", fp);
    g_strlcpy(buf, s, size);
    return buf;
}

/* Drops the trailing zeros of a number's decimals, and a bare point. */
static char *drop_zeros(char *buf)
{
    size_t n;

    if (strchr(buf, '.') == NULL)
        return buf;
    n = strlen(buf);
    while (n > 0 && buf[n - 1] == '0')
        buf[--n] = '\0';
    if (buf[n - 1] == '.')
        buf[n - 1] = '\0';
    return buf;
}

/* Like fmt_number with at most `decimals`, trailing zeros dropped. */
static char *number_trim(char *buf, size_t size, double v, int decimals,
                         fmt_lang lang)
{
    return drop_zeros(fmt_number(buf, size, v, decimals, 0, lang));
}

const char *fmt_name(const sb_indicator *ind, fmt_lang lang)
{
    return lang == FMT_ZH && ind->name_zh[0] ? ind->name_zh : ind->name;
}

const char *fmt_unit(const sb_indicator *ind, fmt_lang lang)
{
    return lang == FMT_ZH && ind->unit_zh[0] ? ind->unit_zh : ind->unit;
}

const char *fmt_text(const char *en, const char *zh, fmt_lang lang)
{
    return lang == FMT_ZH && zh[0] ? zh : en;
}

const char *fmt_source(const sb_indicator *ind, fmt_lang lang)
{
    return fmt_text(ind->source, ind->source_zh, lang);
}

char *fmt_index_base(char *buf, size_t size, const sb_indicator *ind,
                     fmt_lang lang)
{
    /* 上年 (the previous year), 年 (year) */
    static const char prev_zh[] = "\xe4\xb8\x8a\xe5\xb9\xb4=100";
    int zh = lang == FMT_ZH;

    if (ind->kind != SB_KIND_INDEX)
        snprintf(buf, size, "%s", "");
    else if (ind->base == 0)
        snprintf(buf, size, "%s", zh ? prev_zh : "previous year = 100");
    else
        snprintf(buf, size, zh ? "%d\xe5\xb9\xb4=100" : "%d = 100",
                 ind->base);
    return buf;
}

const char *fmt_group(const sb_dataset *ds, const char *group,
                      fmt_lang lang)
{
    if (group == NULL || lang != FMT_ZH)
        return group;
    return fmt_text(group, sb_dataset_group_zh(ds, group), lang);
}

char *fmt_plain(char *buf, size_t size, double v, const sb_indicator *ind,
                fmt_lang lang)
{
    return fmt_number(buf, size, v, sb_indicator_precision(ind), 0, lang);
}

/* ---- values with units ---------------------------------------------------- */

static const struct {
    double size;
    const char *word, *short_en;
} scales_en[] = {
    {1e12, "trillion", "T"}, {1e9, "billion", "B"}, {1e6, "million", "M"},
};

/* Decimals a scaled figure may show: 2 below 10, 1 below 1000, else 0,
   and never finer than what was published (precision p in the unit,
   `unit` base units each, shown in steps of `step`). */
static int scaled_decimals(double x, int p, double unit, double step)
{
    double published = pow(10.0, -p) * unit / step;
    int want = fabs(x) < 10 ? 2 : fabs(x) < 1000 ? 1 : 0;
    int allowed = published >= 1 ? 0 : (int)ceil(-log10(published) - 1e-9);

    return MIN(want, allowed);
}

/* ---- units without a scale ------------------------------------------------ */

/* Words that say a unit already counts in hundreds or more ("thousand
   persons", "millions", "百万美元", "亿元"): such a unit is printed as
   published, never given a second magnitude. Not 千 or 百 alone: 千米
   and 千克 are units. */
static const char *const unit_magnitudes[] = {
    "hundred", "thousand", "million", "billion", "trillion",
    "\xe4\xb8\x87", "\xe4\xba\xbf",                          /* 万 亿 */
};

/* Whether a unit already carries a magnitude: a word above, or a number
   first ("100 million yuan", "1,000 t"; not "constant 2015 US$"). */
static int unit_has_magnitude(const char *unit)
{
    char low[FMT_MAX];                  /* "Thousands of persons" too */
    size_t i;

    if (g_ascii_isdigit(unit[0]))
        return 1;
    for (i = 0; i + 1 < sizeof low && unit[i]; i++)
        low[i] = g_ascii_tolower(unit[i]);
    low[i] = '\0';
    for (i = 0; i < G_N_ELEMENTS(unit_magnitudes); i++)
        if (strstr(low, unit_magnitudes[i]) != NULL)
            return 1;
    return 0;
}

/* A unit without a scale: no scale and base_unit in the metadata (a
   World Bank unit such as "current US$" or "% of GDP"), and none in its
   words in either language. Only such a unit gets a magnitude and
   decimals chosen here. */
static int unit_unscaled(const sb_indicator *ind)
{
    return isnan(ind->scale) && ind->base_unit[0] == '\0' &&
           !unit_has_magnitude(ind->unit) &&
           !unit_has_magnitude(ind->unit_zh);
}

/* The decimals that give the typical shown value t about three or four
   significant figures: 6.35, 27.36, 273.6, 2,736; below 1 two
   significant figures (0.71, 0.071). */
static int typical_decimals(double t)
{
    t = fabs(t);
    if (t >= 1000)
        return 0;
    if (t >= 100)
        return 1;
    if (t >= 1 || t == 0 || !isfinite(t))
        return 2;
    return MIN(1 - (int)floor(log10(t)), 6);
}

/* The decimals of a unit without a scale, shown in steps of div: those
   of the typical value, never more than published (precision p in the
   unit). Metadata decimals without a magnitude are the publisher's
   choice and stand. */
static int unscaled_decimals(const sb_indicator *ind, double ref, double div)
{
    int p = sb_indicator_precision(ind);
    int allowed = p + (int)lround(log10(div));

    if (div == 1 && ind->decimals >= 0)
        return p;
    return CLAMP(typical_decimals(ref / div), 0, MAX(allowed, 0));
}

static const struct {
    double size;
    const char *en, *zh;
} unscaled_words[] = {
    {1e12, "trillion", "\xe4\xb8\x87\xe4\xba\xbf"},          /* 万亿 */
    {1e9, "billion", NULL},
    {1e8, NULL, "\xe4\xba\xbf"},                              /* 亿 */
    {1e6, "million", NULL},
    {1e4, NULL, "\xe4\xb8\x87"},                              /* 万 */
};

/* The form of a unit without a scale (not a percentage), for the
   typical value ref: a magnitude word from a million in English
   (million, billion, trillion before the unit), from 10,000 in Chinese
   (万, 亿, 万亿 before the unit, as 亿元 is written); below, the number
   in full (392,000 persons; 9413人). Decimals: unscaled_decimals. A
   Chinese brief sets a Latin unit apart by a space ("3.5万亿 current
   US$"), as Chinese type sets Latin words. */
static void form_unscaled(fmt_form *f, double ref, const sb_indicator *ind,
                          const char *unit, fmt_lang lang)
{
    int zh = lang == FMT_ZH, latin = g_ascii_isalpha(unit[0]);
    size_t i;

    f->div = 1;
    f->glue = unit[0] != '\0' && (!zh || latin);
    g_strlcpy(f->unit, unit, sizeof f->unit);
    for (i = 0; i < G_N_ELEMENTS(unscaled_words); i++) {
        const char *w = zh ? unscaled_words[i].zh : unscaled_words[i].en;
        if (w == NULL || fabs(ref) < unscaled_words[i].size)
            continue;
        f->div = unscaled_words[i].size;
        snprintf(f->unit, sizeof f->unit, "%s%s%s", w,
                 unit[0] != '\0' && (!zh || latin) ? " " : "", unit);
        f->glue = !zh;
        f->trim = 1;
        break;
    }
    f->decimals = unscaled_decimals(ind, ref, f->div);
}

/* The magnitude the form is chosen from: the indicator's own (one form
   for all its values), else the value's. */
static double form_ref(const sb_indicator *ind, double v)
{
    return isfinite(ind->magnitude) && ind->magnitude > 0 ? ind->magnitude
                                                           : v;
}

/* English: scale words ("billion") from scale and base_unit; a unit
   starting with '%' follows the number. */
static void form_en(fmt_form *f, double ref, const sb_indicator *ind)
{
    int p = sb_indicator_precision(ind);
    double scale = isnan(ind->scale) ? 1.0 : ind->scale, base = ref * scale;
    size_t i;

    f->div = 1;
    f->decimals = p;
    f->trim = 0;
    f->glue = ind->unit[0] != '\0' && ind->unit[0] != '%' &&
              !(sb_indicator_traits(ind) & SB_TRAIT_PERCENT);
    g_strlcpy(f->unit, ind->unit, sizeof f->unit);
    if ((sb_indicator_traits(ind) & SB_TRAIT_PERCENT) || ind->unit[0] == '%') {
        if (ind->unit[0] == '\0')
            g_strlcpy(f->unit, "%", sizeof f->unit);
        if (unit_unscaled(ind))
            f->decimals = unscaled_decimals(ind, ref, 1);
        return;
    }
    if (unit_unscaled(ind))
        form_unscaled(f, ref, ind, ind->unit, FMT_EN);
    if (ind->base_unit[0] == '\0')
        return;
    f->glue = 1;
    for (i = 0; i < G_N_ELEMENTS(scales_en); i++)
        if (fabs(base) >= scales_en[i].size) {
            f->div = scales_en[i].size / scale;
            f->decimals = scaled_decimals(base / scales_en[i].size, p, scale,
                                          scales_en[i].size);
            snprintf(f->unit, sizeof f->unit, "%s %s", scales_en[i].word,
                     ind->base_unit);
            f->trim = 1;
            return;
        }
    f->div = 1 / scale;
    f->decimals = scaled_decimals(base, p, scale, 1.0) + (fabs(base) < 10);
    g_strlcpy(f->unit, ind->base_unit, sizeof f->unit);
}

/* Chinese groups by 万 (1e4) and 亿 (1e8). A unit that already carries
   one (亿元) is printed as published: 603.8亿元, 30782.9亿元. */
static void form_zh(fmt_form *f, double ref, const sb_indicator *ind)
{
    const char *unit = fmt_unit(ind, FMT_ZH);
    int p = sb_indicator_precision(ind);

    f->div = 1;
    f->decimals = p;
    f->trim = 0;
    f->glue = 0;
    g_strlcpy(f->unit, unit, sizeof f->unit);
    if ((sb_indicator_traits(ind) & SB_TRAIT_PERCENT) || unit[0] == '%') {
        if (unit[0] == '\0')
            g_strlcpy(f->unit, "%", sizeof f->unit);
        if (unit_unscaled(ind))
            f->decimals = unscaled_decimals(ind, ref, 1);
        return;
    }
    if (unit_unscaled(ind)) {
        form_unscaled(f, ref, ind, unit, FMT_ZH);
        return;
    }
    if (strstr(unit, "\xe4\xb8\x87") == NULL &&      /* 万 */
        strstr(unit, "\xe4\xba\xbf") == NULL && fabs(ref) >= 1e4) {
        int big = fabs(ref) >= 1e8;
        f->div = big ? 1e8 : 1e4;
        f->decimals = MIN(2, scaled_decimals(ref / f->div, p, 1.0, f->div) +
                                 2);
        snprintf(f->unit, sizeof f->unit, "%s%s",
                 big ? "\xe4\xba\xbf" : "\xe4\xb8\x87", unit);
        f->trim = 1;
    }
}

void fmt_form_of(fmt_form *f, double v, const sb_indicator *ind,
                 fmt_lang lang)
{
    double ref = form_ref(ind, v);
    const char *end;

    if (!isfinite(ref))
        ref = 0;
    if (lang == FMT_ZH)
        form_zh(f, ref, ind);
    else
        form_en(f, ref, ind);
    /* a unit longer than the buffer ends at a whole character */
    if (!g_utf8_validate(f->unit, -1, &end))
        *(char *)end = '\0';
    /* a value's own form drops trailing zeros ("2.5 million", as
       newsrooms write it); an indicator's one form keeps its decimals,
       as its table column does */
    if (isfinite(ind->magnitude) && ind->magnitude > 0)
        f->trim = 0;
}

/* v's number in form f; sign: '+' before a positive result (a
   change). */
static char *form_number(char *buf, size_t size, double v, const fmt_form *f,
                         int sign, fmt_lang lang)
{
    fmt_number(buf, size, v / f->div, f->decimals, sign, lang);
    return f->trim ? drop_zeros(buf) : buf;
}

char *fmt_shown(char *buf, size_t size, double v, const sb_indicator *ind,
                fmt_lang lang)
{
    fmt_form f;

    fmt_form_of(&f, v, ind, lang);
    return form_number(buf, size, v, &f, 0, lang);
}

const char *fmt_shown_unit(char *buf, size_t size, const sb_indicator *ind,
                           fmt_lang lang)
{
    fmt_form f;

    fmt_form_of(&f, NAN, ind, lang);
    g_strlcpy(buf, f.unit, size);
    return buf;
}

/* v with its unit in ind's form, signed when sign (a change). */
static char *value_in_form(char *buf, size_t size, double v,
                           const sb_indicator *ind, int sign, fmt_lang lang)
{
    char num[FMT_MAX];
    fmt_form f;

    if (undefined(buf, size, v))
        return buf;
    fmt_form_of(&f, v, ind, lang);
    form_number(num, sizeof num, v, &f, sign, lang);
    snprintf(buf, size, "%s%s%s", num, f.glue ? " " : "", f.unit);
    return buf;
}

char *fmt_value(char *buf, size_t size, double v, const sb_indicator *ind,
                fmt_lang lang)
{
    return value_in_form(buf, size, v, ind, 0, lang);
}

char *fmt_value_change(char *buf, size_t size, double v,
                       const sb_indicator *ind, fmt_lang lang)
{
    return value_in_form(buf, size, v, ind, 1, lang);
}

char *fmt_multiple(char *buf, size_t size, double m, fmt_lang lang)
{
    char num[FMT_MAX];

    if (undefined(buf, size, m))
        return buf;
    fmt_number(num, sizeof num, m, 1, 0, lang);
    if (lang == FMT_ZH)
        snprintf(buf, size, "%s\xe5\x80\x8d", num);            /* 倍 */
    else
        snprintf(buf, size, "\xc3\x97%s", num);                 /* × */
    return buf;
}

/* ---- changes and axes ------------------------------------------------------ */

char *fmt_percent(char *buf, size_t size, double pct, int decimals,
                  int sign, fmt_lang lang)
{
    char num[FMT_MAX];

    if (undefined(buf, size, pct))
        return buf;
    fmt_number(num, sizeof num, pct, decimals, sign, lang);
    snprintf(buf, size, "%s%%", num);
    return buf;
}

char *fmt_points(char *buf, size_t size, double pp, int decimals,
                 int long_form, fmt_lang lang)
{
    char num[FMT_MAX];

    if (undefined(buf, size, pp))
        return buf;
    fmt_number(num, sizeof num, pp, decimals, 1, lang);
    if (lang == FMT_ZH)
        snprintf(buf, size, "%s\xe4\xb8\xaa\xe7\x99\xbe\xe5\x88\x86\xe7\x82"
                 "\xb9", num);                       /* 个百分点 */
    else
        snprintf(buf, size, "%s %s", num,
                 long_form ? "percentage points" : "pp");
    return buf;
}

int fmt_step_decimals(double step)
{
    int d;

    /* the first power of ten that makes the step a whole number */
    for (d = 0; d < 20; d++) {
        double scaled = fabs(step) * pow(10, d);
        if (round(scaled) != 0 && fabs(scaled - round(scaled)) < 1e-6 * scaled)
            return d;
    }
    return 20;
}

/* "1.5×10³⁰⁰": the mantissa of v at the exponent of ref, with the
   decimals of the step (an axis) or at most `decimals` (a lone label). */
static char *power_form(char *buf, size_t size, double v, int decimals,
                        double ref, double step, fmt_lang lang)
{
    static const char *const sup[] = {
        "\xe2\x81\xb0", "\xc2\xb9", "\xc2\xb2", "\xc2\xb3",
        "\xe2\x81\xb4", "\xe2\x81\xb5", "\xe2\x81\xb6",
        "\xe2\x81\xb7", "\xe2\x81\xb8", "\xe2\x81\xb9"};  /* ⁰¹²³⁴⁵⁶⁷⁸⁹ */
    int e = (int)floor(log10(ref)), k;
    double p = pow(10, e);
    char num[FMT_MAX], ex[8], out[48] = "";

    if (!isfinite(p) || p == 0)
        p = 1, e = 0;
    if (step > 0)
        fmt_number(num, sizeof num, v / p, fmt_step_decimals(step / p), 0,
                   lang);
    else
        number_trim(num, sizeof num, v / p, MAX(decimals, 1), lang);
    snprintf(ex, sizeof ex, "%d", e);
    for (k = 0; ex[k]; k++)
        g_strlcat(out, sup[ex[k] - '0'], sizeof out);
    snprintf(buf, size, "%s\xc3\x97" "10%s", num, out);         /* × */
    return buf;
}

/* step > 0: an axis (fmt_axis_ref), fixed decimals from the step; else
   a lone label (fmt_axis), at most `decimals`, trailing zeros dropped. */
static char *axis(char *buf, size_t size, double v, int decimals, double ref,
                  double step, fmt_lang lang)
{
    static const struct {
        double size;
        const char *suffix;
    } en[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}},
      zh[] = {{1e12, "\xe4\xb8\x87\xe4\xba\xbf"}, {1e8, "\xe4\xba\xbf"},
              {1e4, "\xe4\xb8\x87"}};
    /* Short forms from 10,000: "1,200" reads better than "1.2k" next to
       a unit like "100 million yuan". */
    size_t i, n = lang == FMT_ZH ? G_N_ELEMENTS(zh) : G_N_ELEMENTS(en);
    char num[FMT_MAX];

    if (undefined(buf, size, v))
        return buf;
    if (v == 0 && step > 0)
        return fmt_number(buf, size, 0, fmt_step_decimals(step), 0, lang);
    if (v == 0)
        return number_trim(buf, size, 0, 0, lang);    /* "0", not "0k" */
    /* an axis keeps the form its ref decides, whatever this label is */
    ref = step > 0 ? fabs(ref) : fmax(fabs(ref), fabs(v));
    if (ref >= 1e15)          /* past "999T": 2×10¹⁵, not 2,000T */
        return power_form(buf, size, v, decimals, ref, step, lang);
    /* A Chinese axis groups by 万 from 10万: 0 ... 10000 reads better
       than 0.1万, 0.2万 ... */
    double from = lang == FMT_ZH && step > 0 ? 1e5 : 1e4;

    for (i = 0; i < n; i++) {
        double size_of = lang == FMT_ZH ? zh[i].size : en[i].size;
        if (ref >= size_of && ref >= from) {
            if (step > 0)
                fmt_number(num, sizeof num, v / size_of,
                           fmt_step_decimals(step / size_of), 0, lang);
            else
                number_trim(num, sizeof num, v / size_of, MAX(decimals, 1),
                            lang);
            snprintf(buf, size, "%s%s", num,
                     lang == FMT_ZH ? zh[i].suffix : en[i].suffix);
            return buf;
        }
    }
    if (step > 0)
        return fmt_number(buf, size, v, fmt_step_decimals(step), 0, lang);
    return number_trim(buf, size, v, decimals, lang);
}

char *fmt_axis_ref(char *buf, size_t size, double v, double step,
                   double ref, fmt_lang lang)
{
    return axis(buf, size, v, 0, ref, step, lang);
}

char *fmt_axis_shown(char *buf, size_t size, double v, double step,
                     const sb_indicator *ind, fmt_lang lang)
{
    fmt_form f;

    if (undefined(buf, size, v))
        return buf;
    fmt_form_of(&f, NAN, ind, lang);
    return fmt_number(buf, size, v / f.div, fmt_step_decimals(step / f.div),
                      0, lang);
}

char *fmt_axis(char *buf, size_t size, double v, int decimals,
               fmt_lang lang)
{
    return axis(buf, size, v, decimals, v, 0, lang);
}

int fmt_points_decimals(const sb_indicator *ind)
{
    fmt_form f;

    fmt_form_of(&f, NAN, ind, FMT_EN);
    return f.div == 1 ? f.decimals : sb_indicator_precision(ind);
}
