/*
 * reports/placeholder.c -- expands the {placeholders} of placeholder.h:
 * splits a placeholder into words, resolves indicator, region, metric
 * and window, asks the metrics API and prints through the formatter.
 *
 * Not here: where a spec's text goes in the brief (sections.c), the
 * generated sentences themselves (text.c).
 */
#include "placeholder.h"

#include "input/spec.h"
#include "metrics/fields.h"
#include "plots/chart.h"
#include "text.h"

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 5

typedef struct {
    const placeholder_ctx *c;
    placeholder_locate where;
    void *user;
    size_t at, end;              /* offsets of the '{' and past its '}' */
    sb_diag *diag;
    sb_error *err;
} job;

static sb_status fail(const job *j, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static sb_status fail(const job *j, const char *fmt, ...)
{
    sb_error at = {0};
    va_list ap;

    if (j->err->code != SB_OK)
        return j->err->code;
    j->where(j->user, j->at, &at);
    va_start(ap, fmt);
    sb_error_setv(j->err, SB_EDATA, at.path, at.line, at.column, fmt, ap);
    va_end(ap);
    return SB_EDATA;
}

/* Splits the inside of a placeholder into at most MAX_WORDS words; a
   double-quoted word may hold spaces. Returns the count, -1 if too many
   or a quote is open. */
static int split_words(char *s, char **w)
{
    int n = 0;

    for (;;) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (*s == '\0')
            return n;
        if (n == MAX_WORDS)
            return -1;
        if (*s == '"') {
            w[n++] = ++s;
            s = strchr(s, '"');
            if (s == NULL)
                return -1;
        } else {
            w[n++] = s;
            s += strcspn(s, " \t");
        }
        if (*s == '\0')
            return n;
        *s++ = '\0';
    }
}

const char *placeholder_nearest(const sb_dataset *ds, int regions,
                                const char *name)
{
    size_t i, n = regions ? sb_dataset_n_regions(ds)
                          : sb_dataset_n_indicators(ds);
    const char **names = g_new0(const char *, n + 1);
    const char *near;

    for (i = 0; i < n; i++)
        names[i] = regions ? sb_dataset_region_at(ds, (sb_id)i)->name
                           : sb_dataset_indicator_at(ds, (sb_id)i)->id;
    near = spec_did_you_mean(name, names);
    g_free(names);                 /* near points into the dataset */
    return near;
}

/* "unknown region \"Chongqng\" in a placeholder (did you mean ...?)" */
static sb_status unknown(const job *j, int regions, const char *name)
{
    const char *near = placeholder_nearest(j->c->ds, regions, name);

    if (near != NULL)
        return fail(j, "unknown %s \"%s\" in a placeholder (did you mean "
                    "\"%s\"?)", regions ? "region" : "indicator", name, near);
    return fail(j, "unknown %s \"%s\" in a placeholder",
                regions ? "region" : "indicator", name);
}

static sb_status find_or_fail(const job *j, const char *id, sb_id *out)
{
    *out = sb_dataset_find_indicator(j->c->ds, id);
    return *out != SB_NONE ? SB_OK : unknown(j, 0, id);
}

static sb_status region_of(const job *j, const char *name, sb_id *out)
{
    metrics_ctx *mc = j->c->mc;

    *out = strcmp(name, "focus") == 0       ? metrics_focus(mc)
           : strcmp(name, "total") == 0     ? metrics_total(mc)
           : strcmp(name, "benchmark") == 0 ? metrics_benchmark(mc)
                                            : sb_dataset_find_region(j->c->ds,
                                                                     name);
    if (*out != SB_NONE)
        return SB_OK;
    if (strcmp(name, "total") == 0 || strcmp(name, "benchmark") == 0)
        return fail(j, "the data have no %s region (regions.csv role, or "
                    "total/benchmark in the spec)", name);
    return unknown(j, 1, name);
}

/* "2022" or "2017-2022" (0 for an open start). */
static sb_status window_of(const job *j, const char *w, int *from, int *to)
{
    char *end;
    long a = strtol(w, &end, 10), b = a;

    if (*end == '-')
        b = strtol(end + 1, &end, 10);
    else
        a = 0;
    if (end == w || *end != '\0' || b < 1 || b > 99999 || a < 0 ||
        (a != 0 && a > b))
        return fail(j, "\"%s\" is not a year or a window like 2017-2022",
                    w);
    *from = (int)a;
    *to = (int)b;
    return SB_OK;
}

/* The figures of (ind, reg) over [from, to]; to 0: up to the brief's
   year. A year the author names is the year of the rank, share and gap
   too; else they are at the reference year. 0 (with a warning) when the
   series has no value there. */
static int row_of(const job *j, sb_id ind, sb_id reg, int from, int to,
                  metrics_row *r)
{
    const placeholder_ctx *c = j->c;
    sb_error e = {0}, ignore = {0};
    int at = to;

    if (from == 0)
        from = c->from;
    if (to == 0) {
        const sb_series *s = sb_dataset_find_series(c->ds, ind, reg);
        to = s != NULL ? sb_series_last_year(s, c->year) : 0;
    }
    if (to == 0 ||
        metrics_get_at(c->mc, ind, reg, from, to, at, r, &ignore) != SB_OK)
        r = NULL;
    if (r != NULL && c->printed != NULL)
        g_array_append_val(c->printed, *r);
    if (r != NULL)
        return 1;
    j->where(j->user, j->at, &e);
    sb_diag_warn(j->diag, e.path, e.line, e.column, "%s has no values of "
                 "%s up to %d: the placeholder prints \"%s\"",
                 sb_dataset_region_at(c->ds, reg)->name,
                 sb_dataset_indicator_at(c->ds, ind)->id, to ? to : c->year,
                 FMT_UNDEFINED);
    return 0;
}

const metrics_field *placeholder_figure(const char *name)
{
    return metrics_field_find(name, METRICS_USE_TEXT);
}

void placeholder_print(GString *g, const placeholder_ctx *c,
                       const metrics_field *f, const metrics_row *r)
{
    const sb_indicator *ind = sb_dataset_indicator_at(c->ds, r->indicator);
    int rate = (sb_indicator_traits(ind) & SB_TRAIT_POINTS) != 0;
    char buf[FMT_MAX];

    /* the notes define what is printed; a forecast the rule refused
       prints no forecast to define */
    if (c->used != NULL &&
        (strncmp(f->name, "forecast", 8) != 0 || r->forecast_year != 0)) {
        g_hash_table_add(c->used, (gpointer)f->name);
        if (f->print == METRICS_PRINT_CHANGE ||
            f->print == METRICS_PRINT_GROWTH)
            g_hash_table_add(c->used, rate ? "pp_change" : "pct_change");
    }
    g_string_append(g, metrics_field_print(buf, sizeof buf, f,
                                           metrics_field_value(f, r), ind,
                                           c->lang));
}

/* The years the figure m of r speaks of, kept when the caller asks: a
   level is of its year, a first value of the first year, yoy of the
   year before and the last, a forecast of the window and its year, a
   change or a fit of the window. */
static void add_span(const job *j, const metrics_field *m,
                     const metrics_row *r)
{
    static const char *const at_last[] = {"value", "last_value",
        "last_year"};
    static const char *const at_ref[] = {"ref_year", "rank", "rank_of",
        "share", "gap"};
    placeholder_span s = {j->at, j->end, r->first_year, r->last_year, 0};
    size_t i;

    if (j->c->spans == NULL)
        return;
    for (i = 0; i < G_N_ELEMENTS(at_last); i++)
        if (strcmp(m->name, at_last[i]) == 0)
            s.first = r->last_year;
    for (i = 0; i < G_N_ELEMENTS(at_ref); i++)    /* the reference year */
        if (strcmp(m->name, at_ref[i]) == 0)
            s.first = s.last = r->ref_year;
    if (strcmp(m->name, "growth_gap") == 0)
        s.last = r->ref_year;
    if (strcmp(m->name, "first_value") == 0 ||
        strcmp(m->name, "first_year") == 0)
        s.last = r->first_year;
    else if (strcmp(m->name, "yoy") == 0)
        s.first = r->last_year - 1;
    else if (strncmp(m->name, "forecast", 8) == 0)
        s.also = r->forecast_year;
    g_array_append_val(j->c->spans, s);
}

/* A forecast figure the rule leaves undefined (metrics/forecast.h): a
   warning that says why, so that the author can drop or reword it. */
static void no_forecast(const job *j, const metrics_field *m,
                        const metrics_row *r)
{
    sb_error e = {0};

    if (strncmp(m->name, "forecast", 8) != 0 || r->forecast_year != 0)
        return;
    j->where(j->user, j->at, &e);
    sb_diag_warn(j->diag, e.path, e.line, e.column, "%s of %s in %s is "
                 "undefined (%s): the placeholder prints \"%s\"", m->name,
                 sb_dataset_indicator_at(j->c->ds, r->indicator)->id,
                 sb_dataset_region_at(j->c->ds, r->region)->name,
                 forecast_why_text(r->forecast_reason),
                 FMT_UNDEFINED);
}

static sb_status figure(const job *j, char **w, int n, GString *g)
{
    sb_id ind, reg;
    int from = 0, to = 0;
    const metrics_field *m = placeholder_figure(w[2]);
    metrics_row r;
    sb_status rc;

    if ((rc = find_or_fail(j, w[0], &ind)) != SB_OK ||
        (rc = region_of(j, w[1], &reg)) != SB_OK)
        return rc;
    if (m == NULL) {
        const char *names[64];
        const char *near;
        metrics_field_names(METRICS_USE_TEXT, names, G_N_ELEMENTS(names));
        near = spec_did_you_mean(w[2], names);
        return near ? fail(j, "unknown figure \"%s\" in a placeholder (did "
                           "you mean \"%s\"?)", w[2], near)
                    : fail(j, "unknown figure \"%s\" in a placeholder "
                           "(value, change, pct_change, pp_change, cagr, "
                           "yoy, rank, share, gap, ...)", w[2]);
    }
    if (n == 4 && (rc = window_of(j, w[3], &from, &to)) != SB_OK)
        return rc;
    if (row_of(j, ind, reg, from, to, &r)) {
        placeholder_print(g, j->c, m, &r);
        add_span(j, m, &r);
        no_forecast(j, m, &r);
    } else
        g_string_append(g, FMT_UNDEFINED);
    return SB_OK;
}

/* {finding IND [REGION]}, {sentences IND [REGION]} */
static sb_status sentences(const job *j, char **w, int n, GString *g)
{
    const placeholder_ctx *c = j->c;
    sb_id ind, reg = metrics_focus(c->mc);
    metrics_row r;
    sb_status rc;
    char *t = NULL;
    double score;

    if (n > 3)
        return fail(j, "{%s INDICATOR [REGION]} takes at most two words",
                    w[0]);
    if ((rc = find_or_fail(j, w[1], &ind)) != SB_OK ||
        (n == 3 && (rc = region_of(j, w[2], &reg)) != SB_OK))
        return rc;
    if (!row_of(j, ind, reg, 0, 0, &r))
        return SB_OK;
    if (strcmp(w[0], "finding") == 0)  /* no finding: what there is to say */
        t = report_text_finding(c->ds, c->mc, &r, c->lang, &score);
    if (t != NULL && c->used != NULL)
        report_text_uses(c->ds, c->mc, &r, 1, c->used);
    if (t == NULL) {
        t = report_text_series(c->ds, c->mc, &r, c->lang);
        if (c->used != NULL)
            report_text_uses(c->ds, c->mc, &r, 0, c->used);
    }
    g_string_append(g, t);
    g_free(t);
    return SB_OK;
}

/* {year}, {from}, {focus}, {as_of}; 0 when w is none of them. */
static int simple(const placeholder_ctx *c, const char *w, GString *g)
{
    const sb_region *f;
    char *cut;

    if (strcmp(w, "year") == 0)
        g_string_append_printf(g, "%d", c->brief_year ? c->brief_year
                                                       : c->year);
    else if (strcmp(w, "as_of") == 0)
        g_string_append_printf(g, "%d", c->as_of);
    else if (strcmp(w, "from") == 0 && c->from)
        g_string_append_printf(g, "%d", c->from);
    else if (strcmp(w, "from") == 0)
        g_string_append(g, FMT_UNDEFINED);
    else if (strcmp(w, "focus") == 0 &&
             metrics_focus(c->mc) != SB_NONE) {
        f = sb_dataset_region_at(c->ds, metrics_focus(c->mc));
        cut = plot_text_dup(c->lang == FMT_ZH && f->name_zh[0] ? f->name_zh
                                                               : f->name,
                            PLOT_NAME_MAX_CHARS);
        g_string_append(g, cut);
        g_free(cut);
    } else
        return 0;
    return 1;
}

static sb_status one(const job *j, char *inside, GString *g)
{
    char *w[MAX_WORDS];
    int n = split_words(inside, w);

    if (n == 1 && simple(j->c, w[0], g))
        return SB_OK;
    if (n >= 2 && (strcmp(w[0], "finding") == 0 ||
                   strcmp(w[0], "sentences") == 0))
        return sentences(j, w, n, g);
    if (n == 3 || n == 4)
        return figure(j, w, n, g);
    if (n == 0)
        return fail(j, "empty placeholder {} (write {{ for a brace)");
    return fail(j, "placeholder {%s%s} is not {INDICATOR REGION FIGURE "
                "[YEAR or FROM-TO]}, {finding INDICATOR [REGION]}, "
                "{sentences INDICATOR [REGION]}, {year}, {from}, {focus} or "
                "{as_of}", n > 0 ? w[0] : "", n > 1 ? " ..." : "");
}

sb_status placeholder_expand(const placeholder_ctx *c, const char *text,
                             placeholder_locate where, void *user,
                             char **out, sb_diag *diag, sb_error *err)
{
    GString *g = g_string_new(NULL);
    job j = {c, where, user, 0, 0, diag, err};
    const char *p = text, *close;
    sb_status rc = SB_OK;

    while (*p && rc == SB_OK) {
        if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
            g_string_append_c(g, *p);
            p += 2;
        } else if (*p == '}') {
            j.at = (size_t)(p - text);
            rc = fail(&j, "a lone \"}\" (write }} for a brace)");
        } else if (*p == '{') {
            char *inside;
            j.at = (size_t)(p - text);
            close = strpbrk(p + 1, "{}\n");
            if (close == NULL || *close != '}') {
                rc = fail(&j, "a placeholder \"{\" is not closed on its line "
                          "(write {{ for a brace)");
                break;
            }
            j.end = (size_t)(close + 1 - text);
            inside = g_strndup(p + 1, (size_t)(close - p - 1));
            rc = one(&j, inside, g);
            g_free(inside);
            p = close + 1;
        } else {
            g_string_append_c(g, *p++);
        }
    }
    if (rc != SB_OK) {
        g_string_free(g, TRUE);
        return rc;
    }
    *out = g_string_free(g, FALSE);
    return SB_OK;
}
