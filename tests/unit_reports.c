/*
 * tests/unit_reports.c -- unit tests of reports/: the claim rules of the
 * generated text (tests/text.test), each with a case that must make the
 * claim and one that must not.
 */
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "metrics/metrics.h"
#include "reports/brief.h"
#include "reports/briefdiff.h"
#include "reports/overview.h"
#include "reports/text.h"
#include "unit.h"

/* ",real=6.1@2023" (",realindex=106.1@2023"): indicator x names as its
   real_growth indicator g, a growth rate (an index on the previous
   year), with that value for region A. */
static void real_growth(sb_dataset *ds, sb_id x, const char *kind,
                        const char *where)
{
    const char *real = strstr(kind, "real="), *ix = strstr(kind, "realindex=");
    const char *v = real ? real + 5 : ix ? ix + 10 : NULL;
    sb_id g = sb_dataset_indicator(ds, "g");
    sb_indicator *gi = sb_dataset_indicator_mut(ds, g);
    sb_obs o = {0};

    if (v == NULL || strchr(v, '@') == NULL) {
        check(0, where, "real=V@YEAR or realindex=V@YEAR");
        return;
    }
    gi->kind = strstr(kind, "realindex=") ? SB_KIND_INDEX : SB_KIND_GROWTH;
    gi->name = "Real X";
    gi->unit = gi->kind == SB_KIND_GROWTH ? "%" : "";
    o.value = g_ascii_strtod(v, NULL);
    o.year = atoi(strchr(v, '@') + 1);
    o.decimals = 1;
    sb_dataset_add_obs(ds, g, sb_dataset_region(ds, "A"), 0, &o, 0, 0);
    sb_dataset_indicator_mut(ds, x)->real = g;
}

/* "A 2018:1 2019:2; B 2018:2" -> observations of indicator 0 ("X", unit
   "t") for regions A, B, with the decimals as written; letters after a
   value are its flags ("2018:85b"). */
static sb_dataset *text_dataset(const char *kind, const char *series,
                                const char *where)
{
    sb_dataset *ds = sb_dataset_create();
    sb_id i = sb_dataset_indicator(ds, "x");
    sb_indicator *ind = sb_dataset_indicator_mut(ds, i);
    gchar **regs = g_strsplit(series, ";", -1);
    sb_error err = {0};
    size_t k, j;
    uint32_t note = 0;

    gchar *first = g_strndup(kind, strcspn(kind, ","));

    if (sb_kind_parse(first, &ind->kind) != 0)
        check(0, where, "unknown kind \"%s\"", first);
    g_free(first);
    if (strstr(kind, "base=") != NULL)            /* "base=2015": an index's */
        ind->base = atoi(strstr(kind, "base=") + 5);
    if (strstr(kind, "current") != NULL)
        ind->prices = SB_PRICES_CURRENT;
    if (strstr(kind, "target=") != NULL) {       /* "target=7@2020" */
        const char *at = strchr(strstr(kind, "target="), '@');
        ind->target = g_ascii_strtod(strstr(kind, "target=") + 7, NULL);
        ind->target_year = at ? atoi(at + 1) : 0;
    }
    if (strstr(kind, "dec=") != NULL)            /* metadata decimals */
        ind->decimals = atoi(strstr(kind, "dec=") + 4);
    /* ",noyear" / ",noyearcn": A's values carry a note (note_zh) that
       says the source gives no reference year (reports/yeargiven.h) */
    if (strstr(kind, "noyearcn") != NULL)
        note = sb_dataset_annot(ds, &(sb_annot){"", "", "来源未注明统计年份",
                                                ""});
    else if (strstr(kind, "noyear") != NULL)
        note = sb_dataset_annot(ds, &(sb_annot){
            "as reported; the source gives no reference year", "", "", ""});
    ind->name = "X";
    ind->unit = (sb_indicator_traits(ind) & SB_TRAIT_PERCENT) ? "%"
                : ind->kind == SB_KIND_INDEX ? "" : "t";
    ind->unit_zh = *ind->unit == 't' ? "吨" : ind->unit;
    for (k = 0; regs[k] != NULL; k++) {
        gchar **w = g_strsplit(g_strstrip(regs[k]), " ", -1);
        sb_id r = sb_dataset_region(ds, w[0]);
        for (j = 1; w[0][0] != '\0' && w[j] != NULL; j++) {
            sb_obs o = {0};
            char *colon = strchr(w[j], ':'), *dot, *end;
            if (colon == NULL)
                continue;
            o.year = atoi(w[j]);
            o.value = g_ascii_strtod(colon + 1, &end);
            dot = strchr(colon, '.');
            o.decimals = dot ? (uint8_t)strspn(dot + 1, "0123456789") : 0;
            /* "2018:85b": the value's flags follow it */
            sb_dataset_add_obs(ds, i, r, 0, &o,
                               *end ? sb_dataset_intern(ds, end, -1) : 0,
                               strcmp(w[0], "A") == 0 ? note : 0);
        }
        g_strfreev(w);
    }
    g_strfreev(regs);
    if (strstr(kind, "real") != NULL)     /* after x: its pointer moves */
        real_growth(ds, i, kind, where);
    if (sb_dataset_finish(ds, NULL, &err) != SB_OK)
        check(0, where, "finish: %s", err.msg);
    return ds;
}

/* One expectation: "+text" in the section's sentences, "f+text" in the
   key finding, "-text" in neither, "nofinding". */
static void expect(const char *where, const char *e, const char *series,
                   const char *finding)
{
    if (g_str_has_prefix(e, "f+"))
        check(finding && strstr(finding, e + 2), where, "finding lacks "
              "\"%s\": \"%s\"", e + 2, finding ? finding : "(none)");
    else if (e[0] == '+')
        check(strstr(series, e + 1) != NULL, where, "text lacks \"%s\": "
              "\"%s\"", e + 1, series);
    else if (e[0] == '-')
        check(!strstr(series, e + 1) && !(finding && strstr(finding, e + 1)),
              where, "\"%s\" claimed: \"%s\" / \"%s\"", e + 1, series,
              finding ? finding : "(none)");
    else if (strcmp(e, "nofinding") == 0)
        check(finding == NULL, where, "a finding: \"%s\"", finding);
    else
        check(0, where, "unknown expectation \"%s\"", e);
}

/* KIND | SERIES | FROM-TO | expectation | expectation ... (focus: A) */
static void text_case(const char *where, char *line)
{
    gchar **part = g_strsplit(line, "|", -1);
    guint n = g_strv_length(part), k;
    metrics_opts o = {0};
    metrics_ctx *c = NULL;
    metrics_row r;
    sb_error err = {0};
    sb_dataset *ds;
    char *series, *finding;
    double score;

    if (n < 4) {
        check(0, where, "malformed test line");
        g_strfreev(part);
        return;
    }
    ds = text_dataset(g_strstrip(part[0]), part[1], where);
    g_strstrip(part[2]);
    o.from = part[2][0] == '-' ? 0 : atoi(part[2]);
    o.to = strchr(part[2], '-') ? atoi(strchr(part[2], '-') + 1) : 0;
    o.focus = "A";
    o.interpolate = strstr(part[0], "interpolate") != NULL;
    if (strstr(part[0], "bench=") != NULL)        /* "bench=B": one letter */
        o.benchmark = g_strndup(strstr(part[0], "bench=") + 6, 1);
    if (strstr(part[0], "total=") != NULL)        /* "total=T": one letter */
        o.total = g_strndup(strstr(part[0], "total=") + 6, 1);
    if (strstr(part[0], "min_ranked=") != NULL)
        o.min_ranked = atoi(strstr(part[0], "min_ranked=") + 11);
    if (metrics_ctx_create(ds, &o, &c, &err) != SB_OK ||
        metrics_get(c, 0, metrics_focus(c), o.from, o.to, &r, &err) != SB_OK) {
        check(0, where, "%s", err.msg);
    } else {
        fmt_lang lang = strstr(part[0], "zh") ? FMT_ZH : FMT_EN;
        series = report_text_series(ds, c, &r, lang);
        finding = report_text_finding(ds, c, &r, lang, &score);
        for (k = 3; k < n; k++)
            expect(where, g_strstrip(part[k]), series, finding);
        g_free(series);
        g_free(finding);
    }
    metrics_ctx_destroy(c);
    sb_dataset_destroy(ds);
    g_free((char *)o.benchmark);
    g_free((char *)o.total);
    g_strfreev(part);
}

/* The brief's year (reports/brief.h): the year most indicators reach,
   the later of two reached by as many. */
static void brief_year_tests(void)
{
    static const struct {
        int last[6];
        size_t n;
        int want;
    } c[] = {
        {{2022, 2023, 2022, 2021, 2022}, 5, 2022},   /* the example */
        {{2023, 2022}, 2, 2023},                     /* a tie: the later */
        {{2018, 2018, 2022, 2022, 2023, 2016}, 6, 2022},
        {{2013, 2016, 2018, 2018, 2018, 2022}, 6, 2018},
        {{2020}, 1, 2020},
        {{0, 0, 2019}, 3, 2019},                     /* no value: left out */
        {{0}, 0, 0},
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(c); i++) {
        int got = report_brief_mode_year(c[i].last, c[i].n);
        check(got == c[i].want, "brief year", "case %zu: %d, not %d", i + 1,
              got, c[i].want);
    }
}

/* The overview's sentences (reports/overview.h), English and Chinese:
   the movers' sentence with a rise and a fall, one of them, none. */
static void overview_text_tests(void)
{
    static const struct {
        const char *up, *down;
        int base;
        const char *en, *zh;
    } c[] = {
        {"Korea", "Ukraine", 2001,
         " From 2001 to 2022 the largest rise was Korea\xe2\x80\x99s, +2.7 "
         "percentage points, and the largest fall Ukraine\xe2\x80\x99s, "
         "\xe2\x88\x92" "0.7 percentage points.",
         "2001\xe2\x80\x94" "2022年，Korea升幅最大（+2.7个百分点），Ukraine降幅"
         "最大（\xe2\x88\x92" "0.7个百分点）。"},
        {"Korea", NULL, 2001,
         " From 2001 to 2022 the largest rise was Korea\xe2\x80\x99s, +2.7 "
         "percentage points.",
         "2001\xe2\x80\x94" "2022年，Korea升幅最大（+2.7个百分点）。"},
        {NULL, "Ukraine", 2001,
         " From 2001 to 2022 the largest fall was Ukraine\xe2\x80\x99s, "
         "\xe2\x88\x92" "0.7 percentage points.",
         "2001\xe2\x80\x94" "2022年，Ukraine降幅最大（\xe2\x88\x92" "0.7个百分点）。"},
        {"Korea", "Ukraine", 0, "", ""},       /* one year: no movers */
    };
    static const char en[] = "In 2022, Israel had the highest value, 6.0% of "
        "GDP, and Ecuador the lowest, 0.4% of GDP; the median of 120 regions "
        "was 0.7% of GDP, the middle half between 0.3% of GDP and 1.5% of "
        "GDP.";
    static const char zh[] = "2022年，以色列最高，为6.0%；厄瓜多尔最低，为0.4%；"
        "120个地区的中位数为0.7%，中间一半地区介于0.3%和1.5%之间。";
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(c); i++) {
        overview_facts f = {2022, 120, "Israel", "Ecuador", "6.0% of GDP",
                            "0.4% of GDP", "0.7% of GDP", "0.3% of GDP",
                            "1.5% of GDP", c[i].base, c[i].up, "+2.7 "
                            "percentage points", c[i].down,
                            "\xe2\x88\x92" "0.7 percentage points"};
        char *want = g_strconcat(en, c[i].en, NULL), *got;
        got = overview_text(&f, FMT_EN);
        check(strcmp(got, want) == 0, "overview text", "case %zu en: %s",
              i + 1, got);
        g_free(got);
        g_free(want);
        f.high = "以色列";
        f.low = "厄瓜多尔";
        f.high_v = "6.0%";
        f.low_v = "0.4%";
        f.median = "0.7%";
        f.q1 = "0.3%";
        f.q3 = "1.5%";
        f.up_v = "+2.7个百分点";
        f.down_v = "\xe2\x88\x92" "0.7个百分点";
        want = g_strconcat(zh, c[i].zh, NULL);
        got = overview_text(&f, FMT_ZH);
        check(strcmp(got, want) == 0, "overview text", "case %zu zh: %s",
              i + 1, got);
        g_free(got);
        g_free(want);
    }
}

/* Quartiles of sorted values (metrics_quartiles): GSL's, linear between
   order statistics. */
static void quartile_tests(void)
{
    static const double seven[] = {0.6, 0.8, 1.0, 1.4, 2.0, 2.4, 3.0};
    static const double four[] = {1, 2, 3, 4};
    double q[3];

    metrics_quartiles(seven, 7, q);
    check(fabs(q[0] - 0.9) < 1e-12 && fabs(q[1] - 1.4) < 1e-12 &&
          fabs(q[2] - 2.2) < 1e-12, "quartiles", "seven: %g %g %g", q[0],
          q[1], q[2]);
    metrics_quartiles(four, 4, q);
    check(q[0] == 1.75 && q[1] == 2.5 && q[2] == 3.25, "quartiles",
          "four: %g %g %g", q[0], q[1], q[2]);
    metrics_quartiles(four, 1, q);
    check(q[0] == 1 && q[1] == 1 && q[2] == 1, "quartiles", "one: %g", q[1]);
    metrics_quartiles(four, 0, q);
    check(isnan(q[0]) && isnan(q[1]) && isnan(q[2]), "quartiles",
          "none: %g", q[1]);
}

/* ---- briefdiff.test ----------------------------------------------------- */

/* "t:A ; h1:sec-x:GDP ; p@sec-a:Text" -> a document of those blocks
   ("\n" in a text: a line break). */
static report_doc *briefdiff_doc(const char *s)
{
    report_doc *d = report_doc_create(REPORT_A4, FMT_EN);
    gchar **b = g_strsplit(s, " ; ", -1);
    size_t i;

    for (i = 0; b[i] != NULL; i++) {
        char *x = g_strcompress(g_strstrip(b[i])), *colon = strchr(x, ':');
        char *link = NULL;

        g_free(b[i]);
        b[i] = x;
        if (colon == NULL)
            continue;
        *colon = '\0';
        if (strcmp(x, "t") == 0) {
            report_doc_title(d, colon + 1);
        } else if (strcmp(x, "h2") == 0) {
            report_doc_heading(d, 2, colon + 1, NULL, 0);
        } else if (strcmp(x, "h1") == 0) {
            char *text = strchr(colon + 1, ':');
            *text = '\0';
            report_doc_heading(d, 1, text + 1,
                               strcmp(colon + 1, "-") ? colon + 1 : NULL, 1);
        } else {
            if ((link = strchr(x, '@')) != NULL)
                link++;
            report_doc_para(d, REPORT_PARA_BODY, colon + 1, link);
        }
    }
    g_strfreev(b);
    return d;
}

static void briefdiff_case(const char *where, char *line)
{
    gchar **f = g_strsplit(line, " | ", 3);
    report_doc *old, *new;
    briefdiff *d;
    GString *got = g_string_new(NULL);
    size_t i;

    if (g_strv_length(f) != 3) {
        check(0, where, "OLD | NEW | EXPECTED");
        g_strfreev(f);
        g_string_free(got, TRUE);
        return;
    }
    old = briefdiff_doc(f[0]);
    new = briefdiff_doc(f[1]);
    d = briefdiff_compare(old, new);
    for (i = 0; i < d->n; i++) {
        const briefdiff_change *c = &d->changes[i];
        g_string_append_printf(got, "%s%s [%s] %zu:%s%s ->%s%s",
                               i ? " ; " : "", briefdiff_kind_name(c->kind),
                               c->section, c->position, c->old ? " " : "",
                               c->old ? c->old : "", c->new ? " " : "",
                               c->new ? c->new : "");
    }
    if (d->n == 0)
        g_string_assign(got, "none");
    check(strcmp(got->str, g_strstrip(f[2])) == 0, where,
          "\n  got  %s\n  want %s", got->str, f[2]);
    briefdiff_destroy(d);
    report_doc_destroy(old);
    report_doc_destroy(new);
    g_string_free(got, TRUE);
    g_strfreev(f);
}

/* A part too long for the subsequence's table (4,101 sentences against
   4,100: past briefdiff.c's LCS_MAX_CELLS) is paired in order: one
   sentence more in front shifts every pair, which a match would not. */
static void briefdiff_long_test(void)
{
    report_doc *old = report_doc_create(REPORT_A4, FMT_EN);
    report_doc *new = report_doc_create(REPORT_A4, FMT_EN);
    GString *o = g_string_new("First. "), *n = g_string_new(NULL);
    briefdiff *d;
    int i;

    for (i = 0; i < 4100; i++) {
        g_string_append_printf(o, "S%d x. ", i);
        g_string_append_printf(n, "S%d x. ", i);
    }
    report_doc_para(old, REPORT_PARA_BODY, o->str, NULL);
    report_doc_para(new, REPORT_PARA_BODY, n->str, NULL);
    d = briefdiff_compare(old, new);
    check(d->count[BRIEFDIFF_CHANGED] == 4100 &&
              d->count[BRIEFDIFF_REMOVED] == 1,
          "briefdiff/long", "changed %zu, removed %zu: not paired in order",
          d->count[BRIEFDIFF_CHANGED], d->count[BRIEFDIFF_REMOVED]);
    briefdiff_destroy(d);
    report_doc_destroy(old);
    report_doc_destroy(new);
    g_string_free(o, TRUE);
    g_string_free(n, TRUE);
}

void reports_tests(const char *dir)
{
    run_file(dir, "briefdiff.test", briefdiff_case);
    briefdiff_long_test();
    run_file(dir, "text.test", text_case);
    brief_year_tests();
    overview_text_tests();
    quartile_tests();
}
