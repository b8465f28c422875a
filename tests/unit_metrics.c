/*
 * tests/unit_metrics.c -- unit tests of metrics/: NIST StRD reference
 * data through the fitting code (tests/nist/), per-series figures from
 * tests/metrics.test, the formatter from tests/format.test.
 */
#include <glib.h>
#include <gsl/gsl_fit.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "metrics/figdiff.h"
#include "metrics/fit.h"
#include "metrics/forecast.h"
#include "metrics/format.h"
#include "metrics/metrics.h"
#include "metrics/screen.h"
#include "unit.h"

/* Log relative error: the number of correct significant digits. */
static double lre(double got, double want)
{
    double rel = want == 0 ? fabs(got) : fabs((got - want) / want);

    return rel == 0 ? 17.0 : -log10(rel);
}

/* ---- NIST StRD ------------------------------------------------------------ */

typedef struct {
    GArray *x, *y;
    double cert[4];                 /* by keyword order below */
} nist;

static int nist_read(const char *dir, const char *name, nist *d)
{
    static const char *const keys[] = {"mean", "sd", "intercept", "slope",
                                       "rsd", "r2"};
    char *path = g_build_filename(dir, "nist", name, NULL), *text;
    gchar **lines;
    size_t i, k;

    d->x = g_array_new(FALSE, FALSE, sizeof(double));
    d->y = g_array_new(FALSE, FALSE, sizeof(double));
    if (!g_file_get_contents(path, &text, NULL, NULL)) {
        g_free(path);
        return -1;
    }
    lines = g_strsplit(text, "\n", -1);
    for (i = 0; lines[i] != NULL; i++) {
        char *l = g_strstrip(lines[i]), *end;
        double a, b;
        if (*l == '#' || *l == '\0')
            continue;
        for (k = 0; k < G_N_ELEMENTS(keys); k++)
            if (g_str_has_prefix(l, keys[k]) && l[strlen(keys[k])] == ' ')
                break;
        if (k < G_N_ELEMENTS(keys)) {
            d->cert[k < 2 ? k : k - 2] = g_ascii_strtod(l + strlen(keys[k]),
                                                        NULL);
            continue;
        }
        a = g_ascii_strtod(l, &end);
        if (*end == '\0') {             /* univariate: x is the index */
            b = a;
            a = (double)(d->y->len + 1);
        } else {
            b = g_ascii_strtod(end, NULL);
        }
        g_array_append_val(d->x, a);
        g_array_append_val(d->y, b);
    }
    g_strfreev(lines);
    g_free(text);
    g_free(path);
    return 0;
}

static void nist_free(nist *d)
{
    g_array_free(d->x, TRUE);
    g_array_free(d->y, TRUE);
}

/* Norris: slope, intercept, residual SD and R² to 9 digits or more. */
static void nist_norris(const char *dir)
{
    nist d;
    metrics_fit f;
    sb_error err = {0};

    if (nist_read(dir, "norris.txt", &d) != 0 || d.x->len != 36) {
        check(0, "nist/norris", "cannot read tests/nist/norris.txt");
        return;
    }
    check(metrics_fit_linear((double *)(void *)d.x->data,
                             (double *)(void *)d.y->data, d.x->len, &f,
                             &err) == SB_OK, "nist/norris", "%s", err.msg);
    check(lre(f.intercept, d.cert[0]) >= 9, "nist/norris intercept",
          "%.15g, %.1f digits", f.intercept, lre(f.intercept, d.cert[0]));
    check(lre(f.slope, d.cert[1]) >= 9, "nist/norris slope", "%.15g, %.1f "
          "digits", f.slope, lre(f.slope, d.cert[1]));
    check(lre(f.s, d.cert[2]) >= 9, "nist/norris rsd", "%.15g, %.1f digits",
          f.s, lre(f.s, d.cert[2]));
    check(lre(f.r2, d.cert[3]) >= 9, "nist/norris r2", "%.15g, %.1f digits",
          f.r2, lre(f.r2, d.cert[3]));
    nist_free(&d);
}

/* Univariate sets through the fit of value on index: the fitted value
   at the mean index is the mean, and TSS/(n-1) the variance, which the
   prediction interval and r2 depend on. digits: the least accepted. */
static void nist_univariate(const char *dir, const char *name, double digits)
{
    nist d;
    metrics_fit f;
    sb_error err = {0};
    char where[64];
    double sd;

    snprintf(where, sizeof where, "nist/%s", name);
    if (nist_read(dir, name, &d) != 0 || d.y->len < 3) {
        check(0, where, "cannot read tests/nist/%s", name);
        return;
    }
    if (metrics_fit_linear((double *)(void *)d.x->data,
                           (double *)(void *)d.y->data, d.x->len, &f,
                           &err) != SB_OK) {
        check(0, where, "%s", err.msg);
        nist_free(&d);
        return;
    }
    sd = sqrt(f.tss / (double)(f.n - 1));
    check(lre(f.c0, d.cert[0]) >= digits, where, "mean %.15g: %.1f digits",
          f.c0, lre(f.c0, d.cert[0]));
    check(lre(sd, d.cert[1]) >= digits, where, "sd %.15g: %.1f digits", sd,
          lre(sd, d.cert[1]));
    nist_free(&d);
}

/* ---- tests/metrics.test ----------------------------------------------------- */

static const struct {
    const char *name;
    size_t offset;
    int is_int;
} figures[] = {
#define D(f) {#f, offsetof(metrics_row, f), 0}
#define I(f) {#f, offsetof(metrics_row, f), 1}
    I(first_year), I(last_year), I(break_year), I(shift_year),
    D(shift_step), D(first_value),
    D(last_value), D(change),
    D(pct_change), D(pp_change), D(cagr), D(yoy), D(multiple), D(slope),
    D(intercept), D(r2), D(trend_growth), I(forecast_year), D(forecast),
    D(forecast_lo), D(forecast_hi), D(forecast_cut), I(n),
    I(n_interpolated), I(crosses_zero),
#undef D
#undef I
};

/* One series "A" of indicator "x": KIND is amount, count, rate, growth
   or index, with ",hib=no" for lower-is-better, ",base=YEAR" for an
   index's base year; letters after a value are its flags ("2019:5b"). */
static sb_dataset *series_dataset(const char *kind, const char *points,
                                  const char *where)
{
    sb_dataset *ds = sb_dataset_create();
    sb_id i = sb_dataset_indicator(ds, "x"), r = sb_dataset_region(ds, "A");
    sb_indicator *ind = sb_dataset_indicator_mut(ds, i);
    /* a copy: points may be a literal, which g_strstrip cannot write */
    gchar *trimmed = g_strstrip(g_strdup(points));
    gchar **pts = g_strsplit(trimmed, " ", -1);
    sb_error err = {0};
    size_t k;
    char *end;
    gchar *first = g_strndup(kind, strcspn(kind, ","));

    if (sb_kind_parse(first, &ind->kind) != 0)
        check(0, where, "unknown kind \"%s\"", first);
    g_free(first);
    if (strstr(kind, "base=") != NULL)            /* an index's base year */
        ind->base = atoi(strstr(kind, "base=") + 5);
    ind->higher_is_better = strstr(kind, "hib=no") == NULL;
    for (k = 0; pts[k] != NULL; k++) {
        sb_obs o = {0};
        char *colon = strchr(pts[k], ':');
        if (colon == NULL)
            continue;
        o.year = atoi(pts[k]);
        o.value = g_ascii_strtod(colon + 1, &end);
        if (strchr(colon, '.') != NULL)      /* decimals as written */
            o.decimals =
                (uint8_t)strspn(strchr(colon, '.') + 1, "0123456789");
        /* "2018:85b": the value's flags follow it */
        sb_dataset_add_obs(ds, i, r, 0, &o,
                           *end ? sb_dataset_intern(ds, end, -1) : 0, 0);
    }
    g_strfreev(pts);
    g_free(trimmed);
    if (sb_dataset_finish(ds, NULL, &err) != SB_OK)
        check(0, where, "finish: %s", err.msg);
    return ds;
}

static void expect_figure(const char *where, const metrics_row *r,
                          const char *name, const char *want)
{
    size_t k;
    double got, w;
    char *end;

    for (k = 0; k < G_N_ELEMENTS(figures); k++)
        if (strcmp(figures[k].name, name) == 0)
            break;
    if (k == G_N_ELEMENTS(figures)) {
        check(0, where, "unknown figure %s", name);
        return;
    }
    if (figures[k].is_int) {
        int v;
        memcpy(&v, (const char *)r + figures[k].offset, sizeof v);
        got = v == 0 && strcmp(name, "n") && strcmp(name, "n_interpolated") &&
                      strcmp(name, "crosses_zero")
                  ? NAN : v;                 /* a year or rank 0: none */
    } else {
        memcpy(&got, (const char *)r + figures[k].offset, sizeof got);
    }
    if (strcmp(want, "empty") == 0) {
        check(isnan(got), where, "%s: expected empty, got %.17g", name, got);
        return;
    }
    w = g_ascii_strtod(want, &end);
    check(*end == '\0' && !isnan(got) &&
              (w == 0 ? fabs(got) < 1e-9 : fabs((got - w) / w) < 1e-12),
          where, "%s: expected %s, got %.17g", name, want, got);
}

/* KIND | YEAR:VALUE ... | FROM-TO | figure=value ... (empty = undefined;
   FROM-TO "-" for the default window, "2017-" to pin one end). */
static void metrics_case(const char *where, char *line)
{
    gchar **part = g_strsplit(line, "|", 4), **want;
    sb_dataset *ds;
    metrics_ctx *c = NULL;
    metrics_opts o = {0};
    metrics_row r;
    sb_error err = {0};
    int from = 0, to = 0;
    size_t k;

    if (g_strv_length(part) != 4) {
        check(0, where, "malformed test line");
        g_strfreev(part);
        return;
    }
    ds = series_dataset(g_strstrip(part[0]), part[1], where);
    g_strstrip(part[2]);                       /* "2018-2020", "-2019" */
    from = part[2][0] == '-' ? 0 : atoi(part[2]);
    if (strchr(part[2], '-') != NULL)
        to = atoi(strchr(part[2], '-') + 1);
    o.interpolate = strstr(part[0], "interpolate") != NULL;
    if (metrics_ctx_create(ds, &o, &c, &err) != SB_OK ||
        metrics_get(c, 0, 0, from, to, &r, &err) != SB_OK) {
        check(0, where, "%s", err.msg);
    } else {
        want = g_strsplit(g_strstrip(part[3]), " ", -1);
        for (k = 0; want[k] != NULL; k++) {
            char *eq = strchr(want[k], '=');
            if (eq == NULL)
                continue;
            *eq = '\0';
            expect_figure(where, &r, want[k], eq + 1);
        }
        g_strfreev(want);
    }
    metrics_ctx_destroy(c);
    sb_dataset_destroy(ds);
    g_strfreev(part);
}

/* ---- tests/format.test ----------------------------------------------------- */

/* The indicator of a value, shown or axisshown case: KIND, UNIT,
   UNIT_ZH, SCALE, BASE_UNIT, DECIMALS in fields 2-7 ("~N": none in the
   metadata, N the most published). */
static sb_indicator format_indicator(gchar **f)
{
    sb_indicator ind = {0};

    ind.kind = strcmp(f[2], "rate") == 0 ? SB_KIND_RATE
               : strcmp(f[2], "count") == 0 ? SB_KIND_COUNT
                                            : SB_KIND_AMOUNT;
    ind.id = ind.name = ind.name_zh = ind.source = ind.note = "x";
    ind.unit = f[3];
    ind.unit_zh = f[4];
    ind.scale = *f[5] ? g_ascii_strtod(f[5], NULL) : NAN;
    ind.base_unit = f[6];
    /* "~6": no decimals in the metadata, six the most published */
    ind.decimals = *f[7] == '~' ? -1 : atoi(f[7]);
    ind.max_decimals = *f[7] == '~' ? atoi(f[7] + 1) : 0;
    return ind;
}

/* FUNC|LANG|args...|VALUE => EXPECTED (see the file's header). */
static void format_case(const char *where, char *line)
{
    char *arrow = strstr(line, " => "), got[FMT_MAX] = "";
    gchar **f;
    fmt_lang lang = FMT_EN;
    guint n;

    if (arrow == NULL) {
        check(0, where, "malformed test line");
        return;
    }
    *arrow = '\0';
    f = g_strsplit(line, "|", -1);
    n = g_strv_length(f);
    if (n >= 2)
        fmt_lang_parse(f[1], &lang);
#define NUM(i) g_ascii_strtod(f[i], NULL)
    if (strcmp(f[0], "number") == 0 && n == 5)
        fmt_number(got, sizeof got, NUM(4), atoi(f[2]), atoi(f[3]), lang);
    else if (strcmp(f[0], "percent") == 0 && n == 4)
        fmt_percent(got, sizeof got, NUM(3), atoi(f[2]), 1, lang);
    else if (strcmp(f[0], "points") == 0 && n == 5)
        fmt_points(got, sizeof got, NUM(4), atoi(f[2]), atoi(f[3]), lang);
    else if (strcmp(f[0], "axis") == 0 && n == 4)
        fmt_axis(got, sizeof got, NUM(3), atoi(f[2]), lang);
    else if (strcmp(f[0], "axisref") == 0 && n == 5)
        fmt_axis_ref(got, sizeof got, NUM(4), NUM(2), NUM(3), lang);
    else if (strcmp(f[0], "multiple") == 0 && n == 3)
        fmt_multiple(got, sizeof got, NUM(2), lang);
    else if (strcmp(f[0], "value") == 0 && n == 9) {
        sb_indicator ind = format_indicator(f);
        fmt_value(got, sizeof got, NUM(8), &ind, lang);
    } else if (strcmp(f[0], "change") == 0 && n == 9) {
        sb_indicator ind = format_indicator(f);
        fmt_value_change(got, sizeof got, NUM(8), &ind, lang);
    } else if (strcmp(f[0], "shown") == 0 && n == 10) {
        /* one form for the indicator: its magnitude, then the value as
           text, as a table cell, and the unit the heading names */
        sb_indicator ind = format_indicator(f);
        char cell[FMT_MAX], unit[FMT_MAX], text[FMT_MAX];
        ind.magnitude = NUM(8);
        fmt_value(text, sizeof text, NUM(9), &ind, lang);
        g_snprintf(got, sizeof got, "%s | %s | %s", text,
                 fmt_shown(cell, sizeof cell, NUM(9), &ind, lang),
                 fmt_shown_unit(unit, sizeof unit, &ind, lang));
    } else if (strcmp(f[0], "axisshown") == 0 && n == 11) {
        sb_indicator ind = format_indicator(f);
        ind.magnitude = NUM(8);
        fmt_axis_shown(got, sizeof got, NUM(10), NUM(9), &ind, lang);
    } else
        snprintf(got, sizeof got, "(malformed)");
#undef NUM
    check(strcmp(got, arrow + 4) == 0, where, "%s: expected \"%s\", got "
          "\"%s\"", line, arrow + 4, got);
    g_strfreev(f);
}

/* The claims a brief may make, each where it holds and where it must
   not: a gap before the year, an earlier higher value, a filled year,
   fewer than ten years for a record; a multiple of three. */
#define TEN "2011:1 2012:1.1 2013:1.2 2014:1.3 2015:1.4 2016:1.5 2017:1.6 "
static void claims_tests(void)
{
    static const struct {
        const char *kind, *points;
        int year, since, doubled, times;  /* since: the record's span */
        double target;
        int target_year, reached;
    } cases[] = {
        {"amount", TEN "2018:1.7 2019:1.8 2020:3", 2020, 2011, 1, 1, 3,
         2020, 1},
        {"amount", TEN "2018:1.7 2019:1.8 2020:3", 2019, 0, 1, 1, 4, 0,
         0},                                     /* nine years */
        {"amount", "2018:1 2019:2 2020:3", 2020, 0, 1, 1, 3, 2020, 1},
        {"amount", "2018:1 2019:2 2020:2.99", 2020, 0, 1, 0, 4, 0, 0},
        {"amount", "2018:0.1 2020:0.3", 2020, 0, 1, 1, NAN, 0, 0},
        {"amount", TEN "2018:1.7 2020:3", 2020, 0, 1, 1, 3, 2019, 0},
        {"amount", "2018:5 2019:2 2020:4", 2020, 0, 0, 0, NAN, 0, 0},
        {"amount", "2018:2 2019:2 2020:3.9", 2019, 0, 0, 0, NAN, 0, 0},
        {"amount", "2018:2 2019:3 2020:3.9", 2018, 0, 0, 0, NAN, 0, 0},
        {"amount,interpolate", "2018:1 2020:3", 2020, 0, 1, 1, NAN, 0, 0},
        {"rate,hib=no", "2018:9 2019:8 2020:6", 2019, 0, 0, 0, 7, 2020, 1},
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        char where[64];
        sb_dataset *ds = series_dataset(cases[i].kind, cases[i].points,
                                        "claims");
        sb_indicator *ind = sb_dataset_indicator_mut(ds, 0);
        metrics_opts o = {0};
        metrics_ctx *c = NULL;
        metrics_row r;
        sb_error err = {0};
        int since = -1;

        snprintf(where, sizeof where, "claims/%zu", i + 1);
        ind->target = cases[i].target;
        ind->target_year = cases[i].target_year;
        o.interpolate = strstr(cases[i].kind, "interpolate") != NULL;
        if (metrics_ctx_create(ds, &o, &c, &err) != SB_OK ||
            metrics_get(c, 0, 0, 0, 0, &r, &err) != SB_OK) {
            check(0, where, "%s", err.msg);
        } else {
            check(metrics_claim_new_high(c, 0, 0, cases[i].year, &since) ==
                      (cases[i].since != 0) && since == cases[i].since,
                  where, "new high at %d since %d", cases[i].year, since);
            check(metrics_claim_doubled(&r) == cases[i].doubled, where,
                  "doubled (multiple %g)", r.multiple);
            check(metrics_claim_times(&r) == cases[i].times, where,
                  "three times or more (multiple %.17g)", r.multiple);
            check(metrics_claim_target_reached(c, &r) == cases[i].reached,
                  where, "target reached");
        }
        metrics_ctx_destroy(c);
        sb_dataset_destroy(ds);
    }
}
#undef TEN

/* ---- aggregates: never ranked, still a total or benchmark ---------- */

/* The regions of the aggregate tests, in regions.csv order: name,
   roles, groups (';' list), value in 2020 and 2021. */
typedef struct {
    const char *name;
    unsigned role;
    const char *groups;
    double v2020, v2021;
} agg_region;

static const agg_region agg_regions[] = {
    {"World", SB_ROLE_TOTAL | SB_ROLE_AGGREGATE, "", 100, 110},
    {"A", 0, "g", 10, 12},
    {"B", 0, "g", 20, 22},
    {"C", 0, "g;h", 5, 6},
    {"EU", SB_ROLE_BENCHMARK | SB_ROLE_AGGREGATE, "g", 40, 44},
    {"High income", SB_ROLE_AGGREGATE, "g;only-aggregates", 60, 70},
};

/* One indicator "x" (amount) over agg_regions; without groups when
   groups is 0. */
static sb_dataset *agg_dataset(int groups)
{
    sb_dataset *ds = sb_dataset_create();
    sb_id i = sb_dataset_indicator(ds, "x");
    sb_error err = {0};
    size_t k;

    sb_dataset_indicator_mut(ds, i)->kind = SB_KIND_AMOUNT;
    for (k = 0; k < G_N_ELEMENTS(agg_regions); k++) {
        const agg_region *a = &agg_regions[k];
        sb_id r = sb_dataset_region(ds, a->name);
        sb_region *reg = sb_dataset_region_mut(ds, r);
        gchar **g = g_strsplit(a->groups, ";", -1), **p;
        sb_obs o = {0};
        reg->role = a->role;
        reg->has_meta = 1;
        for (p = g; groups && *p != NULL; p++)
            if (**p != '\0')
                sb_dataset_add_group(ds, r, *p);
        g_strfreev(g);
        o.year = 2020;
        o.value = a->v2020;
        sb_dataset_add_obs(ds, i, r, 0, &o, 0, 0);
        o.year = 2021;
        o.value = a->v2021;
        sb_dataset_add_obs(ds, i, r, 0, &o, 0, 0);
    }
    if (sb_dataset_finish(ds, NULL, &err) != SB_OK)
        check(0, "aggregates", "finish: %s", err.msg);
    return ds;
}

/* Each region's "rank/rank_of" ("-" when unranked), in agg_regions
   order, under the options: want is e.g. "- 2/3 1/3 3/3 - -". */
static void agg_case(const char *where, int groups, const metrics_opts *o,
                     const char *want)
{
    sb_dataset *ds = agg_dataset(groups);
    metrics_ctx *c = NULL;
    sb_error err = {0};
    GString *got = g_string_new("");
    size_t k;

    if (metrics_ctx_create(ds, o, &c, &err) != SB_OK) {
        check(0, where, "%s", err.msg);
    } else {
        for (k = 0; k < G_N_ELEMENTS(agg_regions); k++) {
            metrics_row r;
            if (metrics_get(c, 0, (sb_id)k, 0, 0, &r, &err) != SB_OK)
                check(0, where, "%s", err.msg);
            if (got->len > 0)
                g_string_append_c(got, ' ');
            if (r.rank > 0)
                g_string_append_printf(got, "%d/%d", r.rank, r.rank_of);
            else
                g_string_append_c(got, '-');
            check(!(agg_regions[k].role & SB_ROLE_AGGREGATE) ||
                      !metrics_in_set(c, (sb_id)k),
                  where, "%s is in the comparison set", agg_regions[k].name);
        }
        check(strcmp(got->str, want) == 0, where, "ranks: expected \"%s\", "
              "got \"%s\"", want, got->str);
    }
    g_string_free(got, TRUE);
    metrics_ctx_destroy(c);
    sb_dataset_destroy(ds);
}

/* The share of World and the gap to EU (both aggregates) of region k. */
static void agg_cross(void)
{
    sb_dataset *ds = agg_dataset(1);
    metrics_opts o = {0};
    metrics_ctx *c = NULL;
    sb_error err = {0};
    metrics_row r;

    if (metrics_ctx_create(ds, &o, &c, &err) != SB_OK ||
        metrics_get(c, 0, 1, 0, 0, &r, &err) != SB_OK) {
        check(0, "aggregates/cross", "%s", err.msg);
    } else {
        check(metrics_focus(c) == 1, "aggregates/focus",
              "the default focus is A, not World (%u)", metrics_focus(c));
        check(fabs(r.share - 12.0 / 110 * 100) < 1e-12 && r.gap == 12 - 44 &&
                  fabs(r.growth_gap - (20.0 - 10.0)) < 1e-9,
              "aggregates/cross", "A: share %g of World, gap %g and growth "
              "gap %g to EU", r.share, r.gap, r.growth_gap);
        if (metrics_get(c, 0, 0, 0, 0, &r, &err) == SB_OK)
            check(r.share == 100 && r.gap == 110 - 44 && r.rank == 0,
                  "aggregates/cross", "World: share %g, gap %g, rank %d",
                  r.share, r.gap, r.rank);
    }
    metrics_ctx_destroy(c);
    sb_dataset_destroy(ds);
}

/* An aggregate (World, EU, High income) is never ranked nor counted in
   rank_of, whatever set it is in: the default (A's first group, g), a
   named group, a spec's list, all regions but the total; a group of
   aggregates only is a known group with nobody ranked. */
static void aggregate_tests(void)
{
    static const char *const list[] = {"A", "B", "High income", "EU"};
    metrics_opts o = {0};

    agg_case("aggregates/default", 1, &o, "- 2/3 1/3 3/3 - -");
    agg_case("aggregates/all", 0, &o, "- 2/3 1/3 3/3 - -");
    o.group = "g";
    agg_case("aggregates/group", 1, &o, "- 2/3 1/3 3/3 - -");
    o.group = "only-aggregates";
    agg_case("aggregates/only", 1, &o, "- - - - - -");
    o.group = NULL;
    o.regions = list;
    o.n_regions = G_N_ELEMENTS(list);
    agg_case("aggregates/list", 1, &o, "- 2/2 1/2 - - -");
    o.n_regions = 0;
    o.focus = "World";
    agg_case("aggregates/focus", 0, &o, "- 2/3 1/3 3/3 - -");
    agg_cross();
}

/* "A 2018:1 2019:2; B 2019:5" -> indicator 0 for regions A, B, ... */
static sb_dataset *ref_dataset(const char *series)
{
    sb_dataset *ds = sb_dataset_create();
    sb_id i = sb_dataset_indicator(ds, "x");
    gchar **regs = g_strsplit(series, ";", -1);
    sb_error err = {0};
    size_t k, j;

    for (k = 0; regs[k] != NULL; k++) {
        gchar **w = g_strsplit(g_strstrip(regs[k]), " ", -1);
        sb_id r = sb_dataset_region(ds, w[0]);
        for (j = 1; w[j] != NULL; j++) {
            sb_obs o = {0};
            o.year = atoi(w[j]);
            o.value = g_ascii_strtod(strchr(w[j], ':') + 1, NULL);
            sb_dataset_add_obs(ds, i, r, 0, &o, 0, 0);
        }
        g_strfreev(w);
    }
    g_strfreev(regs);
    if (sb_dataset_finish(ds, NULL, &err) != SB_OK)
        check(0, "refyear", "finish: %s", err.msg);
    return ds;
}

/* The common years "BASE-REF" of the series, shown up to as_of, and A's
   rank ("RANK/OF@YEAR", "-@YEAR" unranked) from metrics_get. */
static void ref_case(const char *where, const char *series, int as_of,
                     const char *want)
{
    sb_dataset *ds = ref_dataset(series);
    metrics_opts o = {0};
    metrics_ctx *c = NULL;
    sb_error err = {0};
    metrics_row r;
    int base, ref;
    char got[64];

    o.focus = "A";
    if (metrics_ctx_create(ds, &o, &c, &err) != SB_OK) {
        check(0, where, "%s", err.msg);
    } else {
        metrics_set_years(c, 0, as_of);
        metrics_ref_years(c, 0, &base, &ref);
        if (metrics_get(c, 0, metrics_focus(c), 0, 0, &r, &err) != SB_OK)
            check(0, where, "%s", err.msg);
        else if (r.rank > 0)
            g_snprintf(got, sizeof got, "%d-%d %d/%d@%d", base, ref, r.rank,
                       r.rank_of, r.ref_year);
        else
            g_snprintf(got, sizeof got, "%d-%d -@%d", base, ref, r.ref_year);
        check(strcmp(got, want) == 0, where, "expected \"%s\", got \"%s\"",
              want, got);
    }
    metrics_ctx_destroy(c);
    sb_dataset_destroy(ds);
}

/* One reference year per indicator: the latest year in which more than
   half of the set's regions with a value have one (the earliest such
   is the base); exactly half is no majority; without a majority the
   focus region's own years; never after the shown years. */
static void ref_year_tests(void)
{
    ref_case("refyear/majority", "A 2018:1 2019:2 2020:3; B 2018:2 2019:5; "
             "C 2018:3 2019:1", 0, "2018-2019 2/3@2019");
    ref_case("refyear/no-value", "A 2018:1 2019:2; B 2019:5 2020:4; "
             "C 2019:1 2020:6; D 2019:3 2020:1", 0, "2019-2020 -@2020");
    ref_case("refyear/half", "A 2019:1 2020:2; B 2019:3 2020:1; C 2019:2; "
             "D 2019:4", 0, "2019-2019 4/4@2019");
    ref_case("refyear/as-of", "A 2018:1 2019:2 2020:3; B 2018:2 2019:5; "
             "C 2018:3 2019:1", 2018, "2018-2018 3/3@2018");
    ref_case("refyear/none", "A 2018:1 2019:2; B 2020:3 2021:4", 0,
             "2018-2019 1/1@2019");
    ref_case("refyear/none-3", "A 2018:1 2019:2; B 2020:3 2021:4; "
             "C 2016:1 2017:5", 0, "2018-2019 1/1@2019");
    /* the years are counted in a table of 4,096 years when they span no
       more, else sorted: the same years either way, at the boundary */
    ref_case("refyear/span-4096", "A 2018:1 2019:2 2020:3; B 2018:2 2019:5; "
             "C 2018:3 2019:1; D 6113:7", 0, "2018-2019 2/3@2019");
    ref_case("refyear/span-4097", "A 2018:1 2019:2 2020:3; B 2018:2 2019:5; "
             "C 2018:3 2019:1; D 6114:7", 0, "2018-2019 2/3@2019");
    ref_case("refyear/none-wide", "A 2018:1 2019:2; B 2020:3 2021:4; "
             "C 9000:1", 0, "2018-2019 1/1@2019");
    ref_case("refyear/majority-wide", "A 2018:1 9019:2; B 2018:2 9019:5; "
             "C 9019:1", 0, "2018-9019 2/3@9019");
}

/* ---- the fit itself (metrics/fit.c) ----------------------------------------- */

/* A reproducible value in [0, 1) (a 64-bit LCG, high bits). */
static double lcg(uint64_t *s)
{
    *s = *s * 6364136223846793005u + 1442695040888963407u;
    return (double)(*s >> 11) / 9007199254740992.0;
}

static double rel_diff(double a, double b)
{
    double m = fmax(fabs(a), fabs(b));

    return m == 0 ? 0 : fabs(a - b) / m;
}

/* The direct sums against gsl_fit_linear (which fit.c no longer calls)
   on noisy series of 2 to 80 years, levels from 1e-3 to 1e9, some
   crossing zero, some with a gap: the same line (c0 to 1e-13 of the
   values' scale), residuals and covariances (what the prediction
   interval is made of) to 1e-9 and better. */
static void fit_against_gsl(void)
{
    double x[80], y[80], xc[80], c0, c1, v00, v01, v11, ss, xbar;
    uint64_t seed = 24;
    size_t n, i, bad = 0;
    int rep;

    for (rep = 0; rep < 400; rep++) {
        double level = pow(10, -3 + 12 * lcg(&seed)), trend = lcg(&seed) - 0.5;
        metrics_fit f = {0};
        sb_error err = {0};
        n = 2 + (size_t)rep % 79;
        for (i = 0, xbar = 0; i < n; i++) {
            x[i] = 1961 + (double)i + (i >= n / 2 && rep % 3 == 0);  /* a gap */
            y[i] = level * (1 + trend * (double)i / 10 + 0.05 * lcg(&seed));
            xbar += x[i];
        }
        xbar /= (double)n;
        for (i = 0; i < n; i++)
            xc[i] = x[i] - xbar;
        if (metrics_fit_linear(x, y, n, &f, &err) != SB_OK ||
            gsl_fit_linear(xc, 1, y, 1, n, &c0, &c1, &v00, &v01, &v11, &ss))
            bad++;
        else if (rel_diff(f.slope, c1) > 1e-11 ||
                 fabs(f.c0 - c0) > 1e-13 * f.yscale ||
                 (n >= 3 && (rel_diff(f.sse, ss) > 1e-9 ||
                             rel_diff(f.cov11 * f.yscale * f.yscale, v11) > 1e-9 ||
                             rel_diff(f.cov00 * f.yscale * f.yscale, v00) > 1e-9 ||
                             fabs(f.cov01 - v01 / f.yscale / f.yscale) >
                                 1e-9 * f.cov00)))
            bad++;
    }
    check(bad == 0, "fit/gsl", "%zu of 400 fits differ from gsl_fit_linear's",
          bad);
}

static void fit_tests(void)
{
    double x[12], y[12], slope = 1;
    metrics_fit f = {0};
    sb_error err = {0};
    size_t i;

    /* values on a line with integer steps: every sum is exact, and so
       are the figures (gsl_fit_linear's running means gave a slope of
       10.000000000000002 and an intercept of -20090.000000000004) */
    for (i = 0; i < 12; i++) {
        x[i] = 2010 + (double)i;
        y[i] = 10 + 10 * (double)i;
    }
    check(metrics_fit_linear(x, y, 10, &f, &err) == SB_OK && f.slope == 10 &&
              f.intercept == -20090 && f.r2 == 1 && f.sse == 0,
          "fit/exact", "slope %.17g, intercept %.17g, r2 %.17g", f.slope,
          f.intercept, f.r2);
    /* constant values: no slope and no r2, exactly */
    for (i = 0; i < 12; i++)
        y[i] = 0.1;
    check(metrics_fit_linear(x, y, 12, &f, &err) == SB_OK && f.slope == 0 &&
              f.tss == 0 && isnan(f.r2) && f.c0 == 0.1,
          "fit/constant", "slope %.17g, tss %.17g", f.slope, f.tss);
    check(metrics_fit_slope(x, y, 12, &slope, &err) == SB_OK && slope == 0,
          "fit/constant-slope", "slope %.17g", slope);
    /* levels near the ends of the doubles neither overflow nor vanish */
    for (i = 0; i < 12; i++)
        y[i] = 1e300 * (1 + 0.5 * (double)i);
    check(metrics_fit_linear(x, y, 12, &f, &err) == SB_OK &&
              rel_diff(f.slope, 5e299) < 1e-14 && f.r2 > 1 - 1e-15,
          "fit/huge", "slope %.17g, r2 %.17g", f.slope, f.r2);
    for (i = 0; i < 12; i++)
        y[i] = 1e-300 * (1 + 0.5 * (double)i);
    check(metrics_fit_linear(x, y, 12, &f, &err) == SB_OK &&
              rel_diff(f.slope, 5e-301) < 1e-14 && f.r2 > 1 - 1e-15,
          "fit/tiny", "slope %.17g, r2 %.17g", f.slope, f.r2);
    for (i = 0; i < 12; i++)
        x[i] = 2020;
    check(metrics_fit_linear(x, y, 12, &f, &err) == SB_EDATA &&
              metrics_fit_slope(x, y, 12, &slope, &err) == SB_EDATA,
          "fit/same-x", "one year twelve times is no line");
    fit_against_gsl();
}

/* The forecast rule itself (metrics/forecast.h): the slope is the fit's
   on the latest ten points (tests/data/forecast/expected.py computes
   every value here), and each refusal gives its reason. */
static void forecast_tests(void)
{
    static const struct {
        const char *points;
        int nonneg, brk;
        forecast_why why;
        double slope, dw;
    } cases[] = {
        /* twelve points: the first two (10, 40) are not fitted */
        {"2011:10 2012:40 2013:100 2014:112 2015:125 2016:131 2017:146 "
         "2018:152 2019:168 2020:171 2021:187 2022:195", 1, 0, FORECAST_MADE,
         10.466666666666667, 3.552216748768473},
        {"2016:112 2017:119 2018:133 2019:140 2020:151 2021:165 2022:171",
         1, 0, FORECAST_FEW, NAN, NAN},
        {"2015:100 2016:112 2017:119 2018:133 2019:140 2020:151 2021:165 "
         "2022:171", 1, 1, FORECAST_BREAK, NAN, NAN},
        {"2015:5 2016:7 2017:4 2018:6 2019:5 2020:7 2021:4 2022:6", 1, 0,
         FORECAST_LOW_R2, 0, NAN},
        {"2013:1.0 2014:1.1 2015:1.3 2016:1.6 2017:2.0 2018:2.5 2019:3.1 "
         "2020:3.8 2021:4.6 2022:5.5", 1, 0, FORECAST_AUTOCORR, 0.5,
         0.45454545454545453},
        {"2013:90 2014:80 2015:71 2016:60 2017:50 2018:41 2019:30 2020:20 "
         "2021:11 2022:1", 1, 0, FORECAST_BELOW_ZERO, -9.927272727272728,
         2.4964646464646463},
        {"2013:90 2014:80 2015:71 2016:60 2017:50 2018:41 2019:30 2020:20 "
         "2021:11 2022:1", 0, 0, FORECAST_MADE, -9.927272727272728,
         2.4964646464646463},
    };
    size_t i, k;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        gchar **pts = g_strsplit(cases[i].points, " ", -1);
        double x[16], y[16];
        forecast_result f;
        sb_error err = {0};
        char where[32];

        snprintf(where, sizeof where, "forecast/%zu", i);
        for (k = 0; pts[k] != NULL && k < 16; k++) {
            x[k] = atoi(pts[k]);
            y[k] = g_ascii_strtod(strchr(pts[k], ':') + 1, NULL);
        }
        g_strfreev(pts);
        check(forecast_make(x, y, NULL, k, cases[i].nonneg, cases[i].brk,
                            &f, &err) == SB_OK, where, "%s", err.msg);
        check(f.why == cases[i].why, where, "why %d, expected %d (%s)",
              (int)f.why, (int)cases[i].why, forecast_why_text(f.why));
        check(isnan(cases[i].slope) ? isnan(f.slope)
                  : fabs(f.slope - cases[i].slope) <=
                        1e-12 * fmax(1, fabs(cases[i].slope)),
              where, "slope %.17g, expected %.17g", f.slope, cases[i].slope);
        check(isnan(cases[i].dw) ? isnan(f.dw)
                  : fabs(f.dw - cases[i].dw) <= 1e-12 * cases[i].dw,
              where, "dw %.17g, expected %.17g", f.dw, cases[i].dw);
        check((f.year != 0) == (f.why == FORECAST_MADE), where,
              "year %d with reason %d", f.year, (int)f.why);
    }
}

/* ---- the level-shift detector (metrics/screen.h) ---------------------------- */

/* How many shifts screen_shifts finds in "v v v ..." (years from 2010),
   the first one's index and severity in *at, *sev. */
static long shifts_of(const char *values, int relative, size_t *at,
                      screen_severity *sev)
{
    gchar **w = g_strsplit(values, " ", -1);
    double year[64], value[64], med;
    size_t n, found[64];
    screen_severity sv[64];
    long k;

    for (n = 0; w[n] != NULL && n < 64; n++) {
        year[n] = 2010 + (double)n;
        value[n] = g_ascii_strtod(w[n], NULL);
    }
    g_strfreev(w);
    k = screen_shifts(year, value, n, relative, 0.01, found, sv, &med);
    if (k > 0) {
        *at = found[0];
        *sev = sv[0];
    }
    return k;
}

/* An amount's screen stops where the median of |value| is zero; it is
   told by counting zeros (screen.c), which must say what the median
   says: z zeros before eight values with a clear shift (screen/min's),
   n = z + 8 even or odd, and a least value whose half is zero. */
static void screen_zero_case(size_t z, double least, long want)
{
    double year[40], value[40], med;
    static const double tail[] = {100, 105, 110.2, 115.8, 121.6, 127.6,
                                  108.5, 113.9};
    size_t n = 0, i, at[40];
    screen_severity sev[40];
    char where[64];
    long k;

    for (i = 0; i < z; i++)
        value[n++] = 0;
    if (least > 0)
        value[n++] = least;
    for (i = 0; i < 8; i++)
        value[n++] = tail[i];
    for (i = 0; i < n; i++)
        year[i] = 2000 + (double)i;
    snprintf(where, sizeof where, "screen/zeros-%zu-%g", z, least);
    k = screen_shifts(year, value, n, 1, 0.01, at, sev, &med);
    check((k > 0) == (want > 0), where, "%ld found, expected %ld", k, want);
    check(screen_shifts(year, value, n, 1, 0.01, at, sev, NULL) == k, where,
          "the same without the median");
}

/* The median change screen_shifts reports, odd and even numbers of
   changes, a gap (no change across it), and the screen on its points
   by count, beside the median of |value| it replaces. */
static void screen_median_tests(void)
{
    /* changes +1%..+7% in a shuffled order: 6 changes, then 7 */
    static const double pct[] = {3, 6, 1, 7, 4, 2, 5};
    double year[8], value[8], med = 0;
    size_t at[8], i;
    screen_severity sev[8];

    for (i = 0, value[0] = 100, year[0] = 2000; i < 7; i++) {
        value[i + 1] = value[i] * (1 + pct[i] / 100);
        year[i + 1] = 2001 + (double)i;
    }
    screen_shifts(year, value, 7, 1, 0.01, at, sev, &med);
    check(fabs(med - 3.5) < 1e-9, "screen/median-even", "%.17g", med);
    screen_shifts(year, value, 8, 1, 0.01, at, sev, &med);
    check(fabs(med - 4) < 1e-9, "screen/median-odd", "%.17g", med);
    for (i = 1; i < 8; i++)           /* a gap after 2000: no +3% */
        year[i] += 1;
    screen_shifts(year, value, 8, 1, 0.01, at, sev, &med);
    check(fabs(med - 4.5) < 1e-9, "screen/median-gap", "%.17g", med);
    screen_zero_case(7, 0, 1);        /* n 15, 7 zeros: the median 100 */
    screen_zero_case(8, 0, 1);        /* n 16, 8 zeros: (0 + 100) / 2 */
    screen_zero_case(9, 0, 0);        /* n 17, 9 zeros: 0 */
    screen_zero_case(10, 0, 0);       /* n 18, 10 zeros */
    screen_zero_case(9, 1e-300, 1);   /* n 18: (0 + 1e-300) / 2 */
    screen_zero_case(9, 4.9e-324, 0); /* n 18: half the least double is 0 */
}

/* Without the median (NULL), screen_shifts may stop early when every
   change is within SCREEN_SHIFT_FLOOR of the others: the same shifts
   as with it, on random series of amounts and rates, smooth and not,
   with zeros and negative values. */
static void screen_same_tests(void)
{
    double year[70], value[70], med;
    size_t at[70], at2[70], n, i, bad = 0;
    screen_severity sev[70], sev2[70];
    uint64_t seed = 7;
    int rep;

    for (rep = 0; rep < 2000; rep++) {
        double step = rep % 4 == 0 ? 0.2 : 0.02, jump = 1 + (rep % 5) * 0.1;
        long a, b;
        n = 7 + (size_t)rep % 63;
        for (i = 0; i < n; i++) {
            year[i] = 1950 + (double)i;
            value[i] = i == 0 ? 100 : value[i - 1] * (1 + step * (lcg(&seed) - 0.4));
            if (i == n / 2)
                value[i] *= jump;
            if (rep % 7 == 0 && lcg(&seed) < 0.3)
                value[i] = rep % 2 ? 0 : -value[i];
        }
        a = screen_shifts(year, value, n, rep % 3 != 0, 0.01, at, sev, &med);
        b = screen_shifts(year, value, n, rep % 3 != 0, 0.01, at2, sev2, NULL);
        if (a != b || (a > 0 && (memcmp(at, at2, (size_t)a * sizeof *at) != 0 ||
                                 memcmp(sev, sev2, (size_t)a * sizeof *sev) != 0)))
            bad++;
    }
    check(bad == 0, "screen/without-median", "%zu of 2000 series differ",
          bad);
}

static void screen_tests(void)
{
    /* growth of 5% a year with +/-3 points of noise */
    static const char steady[] = "100.0 108.0 110.2 117.9 121.4 128.7 "
                                 "133.8 144.5 147.4 154.8 165.6 170.6";
    size_t at = 0;
    screen_severity sev = SCREEN_INFO;
    long k;

    check(shifts_of(steady, 1, &at, &sev) == 0, "screen/steady",
          "a steady series with +/-3%% noise has no level shift");
    /* the same from 2018 at 85% of its level: -13.3% against +5% */
    k = shifts_of("100.0 108.0 110.2 117.9 121.4 128.7 133.8 144.5 125.3 "
                  "131.6 140.8 145.0", 1, &at, &sev);
    check(k == 1 && at == 8 && sev == SCREEN_WARNING, "screen/drop",
          "a -15%% level break in 2018: %ld found, at %zu", k, at);
    /* a one-year dip that comes back is no shift of level */
    k = shifts_of("100.0 108.0 110.2 117.9 121.4 128.7 133.8 144.5 125.3 "
                  "154.8 165.6 170.6", 1, &at, &sev);
    check(k == 0, "screen/dip", "a dip that reverts: %ld found", k);
    /* in the last year: found, but only a note until a later year */
    k = shifts_of("100 105 110.2 115.8 121.6 127.6 134 140.7 119.6", 1, &at,
                  &sev);
    check(k == 1 && at == 8 && sev == SCREEN_INFO, "screen/last",
          "a shift in the last year: %ld, severity %d", k, (int)sev);
    /* fewer than SCREEN_SHIFT_MIN year-on-year changes: nothing said */
    k = shifts_of("100 105 110.2 115.8 121.6 103.4", 1, &at, &sev);
    check(k == 0, "screen/short", "6 points: %ld found", k);
    k = shifts_of("100 105 110.2 115.8 121.6 127.6 108.5 113.9", 1, &at,
                  &sev);
    check(k == 1 && at == 6, "screen/min", "8 points: %ld found", k);
    /* a jump by a power of ten is a scale slip, not a shift */
    k = shifts_of("100 105 110.2 115.8 121.6 127.6 134 140.7 14.8 15.5", 1,
                  &at, &sev);
    check(k == 0, "screen/decade", "x1/10 as a shift: %ld found", k);
    /* a rate in points: 5.0 -> 7.5 among changes of +/-0.1 */
    k = shifts_of("5.0 5.1 5.0 5.1 5.2 5.1 5.2 7.5 7.6 7.5", 0, &at, &sev);
    check(k == 1 && at == 7, "screen/rate", "a rate's jump: %ld found", k);
    screen_median_tests();
    screen_same_tests();
}

/* Every region's rank at the reference year with how many share it
   ("RANK/OF*TIED", "-" unranked), in region order, higher better or
   (hib 0) lower better. */
static void tie_case(const char *where, const char *series, int hib,
                     const char *want)
{
    sb_dataset *ds = ref_dataset(series);
    metrics_opts o = {0};
    metrics_ctx *c = NULL;
    sb_error err = {0};
    GString *got = g_string_new("");
    metrics_row r;
    size_t k;

    sb_dataset_indicator_mut(ds, 0)->higher_is_better = hib;
    if (metrics_ctx_create(ds, &o, &c, &err) != SB_OK)
        check(0, where, "%s", err.msg);
    for (k = 0; c != NULL && k < sb_dataset_n_regions(ds); k++) {
        if (metrics_get(c, 0, (sb_id)k, 0, 0, &r, &err) != SB_OK)
            check(0, where, "%s", err.msg);
        else if (r.rank > 0)
            g_string_append_printf(got, "%s%d/%d*%d", k ? " " : "", r.rank,
                                   r.rank_of, r.rank_tied);
        else
            g_string_append_printf(got, "%s-", k ? " " : "");
    }
    check(strcmp(got->str, want) == 0, where, "expected \"%s\", got \"%s\"",
          want, got->str);
    g_string_free(got, TRUE);
    metrics_ctx_destroy(c);
    sb_dataset_destroy(ds);
}

/* Ties share the smaller rank and the next rank counts them all (1, =2,
   =2, =2, 5): rank_tied says how many share it, so that a table can
   mark "=2 of 5"; a region without a value at the reference year has
   no rank. */
static void tie_tests(void)
{
    static const char *const set = "P 2020:5 2021:5; Q 2020:1 2021:3; "
                                   "R 2020:2 2021:3; S 2021:3; T 2021:1; "
                                   "U 2020:9";
    tie_case("ties/higher", set, 1, "1/5*1 2/5*3 2/5*3 2/5*3 5/5*1 -");
    tie_case("ties/lower", set, 0, "5/5*1 2/5*3 2/5*3 2/5*3 1/5*1 -");
    tie_case("ties/none", "P 2021:3; Q 2021:2; R 2021:1", 1,
             "1/3*1 2/3*1 3/3*1");
    tie_case("ties/all", "P 2021:2; Q 2021:2", 1, "1/2*2 1/2*2");
    /* runs of ties longer than the gallop's first steps (1, 2, 4), and
       one to the end of the ranking */
    tie_case("ties/run-higher", "P 2021:9; Q 2021:5; R 2021:5; S 2021:5; "
             "T 2021:5; U 2021:5; V 2021:5; W 2021:1; X 2021:1", 1,
             "1/9*1 2/9*6 2/9*6 2/9*6 2/9*6 2/9*6 2/9*6 8/9*2 8/9*2");
    tie_case("ties/run-lower", "P 2021:9; Q 2021:5; R 2021:5; S 2021:5; "
             "T 2021:5; U 2021:5; V 2021:5; W 2021:1; X 2021:1", 0,
             "9/9*1 3/9*6 3/9*6 3/9*6 3/9*6 3/9*6 3/9*6 1/9*2 1/9*2");
    tie_case("ties/all-7", "P 2021:4; Q 2021:4; R 2021:4; S 2021:4; "
             "T 2021:4; U 2021:4; V 2021:4", 1,
             "1/7*7 1/7*7 1/7*7 1/7*7 1/7*7 1/7*7 1/7*7");
}

/* The figures that change between two vintages (metrics/figdiff.h): B's
   2021 value revised from 105 to 125 passes A (110), so B's own figures
   change and the ranks of A and B swap; C's rank stays. Percent changes
   by hand: (105/200 - 1)100 = -47.5, (125/200 - 1)100 = -37.5. Printed
   in English and Chinese. */
static const figdiff_change *fig_find(const figdiff_result *r,
                                      const char *region, const char *name)
{
    size_t i;

    for (i = 0; r != NULL && i < r->n; i++)
        if (strcmp(r->v[i].region, region) == 0 &&
            strcmp(r->v[i].field->name, name) == 0)
            return &r->v[i];
    return NULL;
}

static void figdiff_tests(void)
{
    sb_dataset *old = ref_dataset("A 2020:100 2021:110; B 2020:200 2021:105;"
                                  " C 2020:80 2021:90");
    sb_dataset *new = ref_dataset("A 2020:100 2021:110; B 2020:200 2021:125;"
                                  " C 2020:80 2021:90");
    figdiff_result *r = NULL;
    const figdiff_change *c;
    sb_error err = {0};
    char b[FMT_MAX];
    static const struct {
        const char *region, *name;
        figdiff_side side;
        fmt_lang lang;
        const char *want;
    } want[] = {
        {"B", "pct_change", FIGDIFF_OLD, FMT_EN, "\xe2\x88\x92" "47.5%"},
        {"B", "pct_change", FIGDIFF_NEW, FMT_ZH, "\xe2\x88\x92" "37.5%"},
        {"B", "pct_change", FIGDIFF_DIFF, FMT_EN, "+10.0 pp"},
        {"B", "pct_change", FIGDIFF_DIFF, FMT_ZH,
         "+10.0\xe4\xb8\xaa\xe7\x99\xbe\xe5\x88\x86\xe7\x82\xb9"},
        {"B", "last_value", FIGDIFF_DIFF, FMT_EN, "+20"},
        {"B", "rank", FIGDIFF_OLD, FMT_EN, "2"},
        {"B", "rank", FIGDIFF_DIFF, FMT_ZH, "\xe2\x88\x92" "1"},
        {"A", "rank", FIGDIFF_NEW, FMT_EN, "2"},
        {"A", "rank", FIGDIFF_DIFF, FMT_EN, "+1"},
    };
    size_t i;

    if (figdiff_compare(old, new, NULL, &r, &err) != SB_OK)
        check(0, "figdiff", "%s", err.msg);
    for (i = 0; i < G_N_ELEMENTS(want); i++) {
        c = fig_find(r, want[i].region, want[i].name);
        if (c == NULL) {
            check(0, "figdiff", "no change of %s %s", want[i].region,
                  want[i].name);
            continue;
        }
        figdiff_print(b, sizeof b, c, want[i].side, want[i].lang);
        check(strcmp(b, want[i].want) == 0, "figdiff",
              "%s %s: expected \"%s\", got \"%s\"", want[i].region,
              want[i].name, want[i].want, b);
    }
    check(fig_find(r, "C", "rank") == NULL && fig_find(r, "A", "change") == NULL,
          "figdiff", "C's rank or A's change reported as changed");
    figdiff_destroy(r);
    /* a vintage against itself: no figure changes */
    if (figdiff_compare(old, old, NULL, &r, &err) != SB_OK)
        check(0, "figdiff/same", "%s", err.msg);
    check(r != NULL && r->n == 0, "figdiff/same", "%zu changes",
          r != NULL ? r->n : 0);
    figdiff_destroy(r);
    sb_dataset_destroy(new);
    sb_dataset_destroy(old);
}

void metrics_tests(const char *dir)
{
    static const struct {
        const char *file;
        double digits;
    } uni[] = {
        {"lew.txt", 12}, {"lottery.txt", 12}, {"mavro.txt", 12},
        {"michelso.txt", 12}, {"numacc1.txt", 12}, {"numacc2.txt", 12},
        /* NumAcc3/4: 1000000.1 and 10000000.1 are not doubles; their
           representation error alone caps the sd near 9 and 8 digits */
        {"numacc3.txt", 9}, {"numacc4.txt", 8}, {"pidigits.txt", 12},
    };
    size_t i;

    nist_norris(dir);
    for (i = 0; i < G_N_ELEMENTS(uni); i++)
        nist_univariate(dir, uni[i].file, uni[i].digits);
    run_file(dir, "metrics.test", metrics_case);
    fit_tests();
    forecast_tests();
    claims_tests();
    aggregate_tests();
    ref_year_tests();
    tie_tests();
    figdiff_tests();
    screen_tests();
    run_file(dir, "format.test", format_case);
}
