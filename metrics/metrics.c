/*
 * metrics/metrics.c -- per-series and cross-region figures.
 *
 * For each indicator: build every series' working points (the values,
 * plus the linearly filled gaps with --interpolate, via gsl_interp), then
 * the series' own figures, then rank/share/gap at the indicator's
 * reference year: one year for the whole comparison, so that no rank
 * column or share mixes years.
 */
#include "metrics.h"

#include "fit.h"
#include "forecast.h"
#include "screen.h"
#include "core/alloc.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_interp.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

struct metrics_ctx {
    const sb_dataset *ds;
    int from, to, interpolate;
    int shown_from, as_of;          /* metrics_set_years; 0: open */
    int min_ranked;                 /* metrics_claim_ranked */
    sb_id focus, total, benchmark;
    unsigned char *in_set;          /* by region id */
    char *set_name;
    int out_of_memory;              /* some figure could not be computed */
};

/* Rank support for one indicator: the comparison set's values at one
   year, sorted best first. Built once per year asked. */
typedef struct {
    int year;
    double *v;
    size_t n;
} ranking;

/* A series' points: years ascending, values finite. The three arrays
   share one allocation (block). */
typedef struct {
    const sb_series *s;
    double *year;                   /* doubles: fitted without a copy */
    double *value;
    unsigned char *filled;          /* 1 where --interpolate made it */
    size_t n;
    void *block;
} work;

/* build_works puts the doubles of every work just after the array */
_Static_assert(sizeof(work) % sizeof(double) == 0, "work array alignment");

/* ---- roles --------------------------------------------------------------- */

/* Records that the context ran out of memory; SB_ENOMEM. */
static sb_status no_memory(metrics_ctx *c, sb_error *err)
{
    c->out_of_memory = 1;
    return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
}

sb_status metrics_ctx_status(const metrics_ctx *c, sb_error *err)
{
    if (c == NULL || !c->out_of_memory)
        return SB_OK;
    return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
}

/* Appends ", " (unless list is empty) and s to list, a buffer of size
   bytes (a message's: what does not fit would not be shown). */
static void list_add(char *list, size_t size, const char *s)
{
    if (list[0] != '\0')
        g_strlcat(list, ", ", size);
    g_strlcat(list, s, size);
}

static sb_status unknown(const sb_dataset *ds, const char *what, const char *name,
                         sb_error *err)
{
    char known[sizeof err->msg] = "";
    size_t i, n = sb_dataset_n_regions(ds);

    for (i = 0; i < n && strlen(known) < 300; i++)
        list_add(known, sizeof known, sb_dataset_region_at(ds, (sb_id)i)->name);
    sb_error_set(err, SB_EUSAGE, NULL, 0, 0, "unknown %s \"%s\" (known: %s)",
                 what, name, known[0] ? known : "none");
    return SB_EUSAGE;
}

/* Whether region i may be in a comparison set: an aggregate (World,
   EU27_2020, High income) never is, whatever lists it; it is no peer of
   the countries it sums. It can still be the total or the benchmark. */
static int comparable(const sb_dataset *ds, size_t i)
{
    return !(sb_dataset_region_at(ds, (sb_id)i)->role & SB_ROLE_AGGREGATE);
}

size_t metrics_peers_with_data(const sb_dataset *ds)
{
    size_t i, n = 0;

    for (i = 0; i < sb_dataset_n_regions(ds); i++)
        n += comparable(ds, i) && sb_dataset_region_has_values(ds, (sb_id)i);
    return n;
}

void metrics_regions_with_data(const sb_dataset *ds, char *buf, size_t size)
{
    size_t i, n = sb_dataset_n_regions(ds), more = 0;
    size_t room = MIN(300, size / 2);    /* and the tail after it */
    int pass;

    buf[0] = '\0';
    for (pass = 0; pass < 2; pass++)      /* peers first, then aggregates */
        for (i = 0; i < n; i++) {
            if (comparable(ds, i) != (pass == 0) ||
                !sb_dataset_region_has_values(ds, (sb_id)i))
                continue;
            if (strlen(buf) < room)
                list_add(buf, size, sb_dataset_region_at(ds, (sb_id)i)->name);
            else
                more++;
        }
    if (more > 0) {
        char tail[48];
        g_snprintf(tail, sizeof tail, "and %zu more", more);
        list_add(buf, size, tail);
    }
    if (buf[0] == '\0')
        g_strlcpy(buf, "none", size);
}

/* An unknown --focus or --label: the regions it could name are those
   with data. */
sb_status metrics_unknown_region(const sb_dataset *ds, const char *opt,
                                 const char *name, sb_error *err)
{
    char known[sizeof err->msg];

    metrics_regions_with_data(ds, known, sizeof known);
    return sb_error_set(err, SB_EUSAGE, NULL, 0, 0, "%s%sunknown region "
                        "\"%s\" (regions with data: %s)", opt ? opt : "",
                        opt ? ": " : "", name, known);
}

static sb_status region_opt(const sb_dataset *ds, const char *opt, const char *name,
                            unsigned role, sb_id *out, sb_error *err)
{
    size_t i;

    *out = SB_NONE;
    if (name != NULL) {
        *out = sb_dataset_find_region(ds, name);
        return *out == SB_NONE ? unknown(ds, opt, name, err) : SB_OK;
    }
    for (i = 0; i < sb_dataset_n_regions(ds) && role != 0; i++)
        if (sb_dataset_region_at(ds, (sb_id)i)->role & role) {
            *out = (sb_id)i;
            break;
        }
    return SB_OK;
}

static int has_group(const sb_region *r, const char *g)
{
    size_t i;

    for (i = 0; i < r->n_groups; i++)
        if (strcmp(r->groups[i], g) == 0)
            return 1;
    return 0;
}

static sb_status group_error(const sb_dataset *ds, const char *g, sb_error *err)
{
    char known[sizeof err->msg] = "";
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    size_t i, j;

    for (i = 0; i < sb_dataset_n_regions(ds); i++) {
        const sb_region *r = sb_dataset_region_at(ds, (sb_id)i);
        for (j = 0; j < r->n_groups; j++)
            if (g_hash_table_add(seen, (gpointer)r->groups[j]))
                list_add(known, sizeof known, r->groups[j]);
    }
    sb_error_set(err, SB_EUSAGE, NULL, 0, 0, "unknown group \"%s\" (known: %s)",
                 g, known[0] ? known : "none");
    g_hash_table_destroy(seen);
    return SB_EUSAGE;
}


/* A spec's list of regions. It has no name to print: "all" is what
   the text calls an unnamed set. */
static sb_status listed_set(metrics_ctx *c, const metrics_opts *o,
                            sb_error *err)
{
    size_t i;

    c->in_set = sb_new0(unsigned char, sb_dataset_n_regions(c->ds) + 1);
    if (c->in_set == NULL)
        return no_memory(c, err);
    for (i = 0; i < o->n_regions; i++) {
        sb_id r = sb_dataset_find_region(c->ds, o->regions[i]);
        if (r == SB_NONE)
            return sb_error_set(err, SB_EUSAGE, NULL, 0, 0,
                                "unknown region \"%s\"", o->regions[i]);
        c->in_set[r] = (unsigned char)comparable(c->ds, r);
    }
    if ((c->set_name = sb_strdup("all")) == NULL)
        return no_memory(c, err);
    return SB_OK;
}

/* --group, else the focus region's first group, else all but the total;
   never an aggregate. */
static sb_status comparison_set(metrics_ctx *c, const metrics_opts *o,
                                sb_error *err)
{
    size_t i, n = sb_dataset_n_regions(c->ds), members = 0;
    const char *group = o->group, *g = group;

    if (o->n_regions > 0 && group == NULL)
        return listed_set(c, o, err);
    if (g == NULL && c->focus != SB_NONE &&
        sb_dataset_region_at(c->ds, c->focus)->n_groups > 0)
        g = sb_dataset_region_at(c->ds, c->focus)->groups[0];
    if ((c->in_set = sb_new0(unsigned char, n + 1)) == NULL)
        return no_memory(c, err);
    for (i = 0; i < n; i++) {
        const sb_region *r = sb_dataset_region_at(c->ds, (sb_id)i);
        int in = g != NULL ? has_group(r, g) : (sb_id)i != c->total;
        members += in;          /* a group of aggregates only is known */
        c->in_set[i] = in && comparable(c->ds, i);
    }
    if (group != NULL && members == 0)
        return group_error(c->ds, group, err);
    if ((c->set_name = sb_strdup(g != NULL ? g : "all")) == NULL)
        return no_memory(c, err);
    return SB_OK;
}

int metrics_meta_focus(const sb_dataset *ds)
{
    size_t i;

    for (i = 0; i < sb_dataset_n_regions(ds); i++)
        if (comparable(ds, i) && sb_dataset_region_at(ds, (sb_id)i)->has_meta &&
            !sb_dataset_region_at(ds, (sb_id)i)->meta_portal)
            return 1;
    return 0;
}

void metrics_quartiles(const double *sorted, size_t n, double q[3])
{
    size_t k;

    for (k = 0; k < 3; k++)
        q[k] = n > 0 ? gsl_stats_quantile_from_sorted_data(sorted, 1, n,
                                                           0.25 * (k + 1))
                     : NAN;
}

/* The first region of regions.csv, else the first met in the data;
   not an aggregate while there is another. */
static sb_id default_focus(const sb_dataset *ds)
{
    size_t i, n = sb_dataset_n_regions(ds);
    int pass;

    for (pass = 0; pass < 3; pass++)
        for (i = 0; i < n; i++)
            if ((pass == 2 || comparable(ds, i)) &&
                (pass > 0 || sb_dataset_region_at(ds, (sb_id)i)->has_meta))
                return (sb_id)i;
    return SB_NONE;
}

sb_status metrics_ctx_create(const sb_dataset *ds, const metrics_opts *o,
                             metrics_ctx **out, sb_error *err)
{
    metrics_ctx *c = sb_new0(metrics_ctx, 1);
    sb_status rc;

    if (c == NULL)
        return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    gsl_set_error_handler_off();
    c->ds = ds;
    c->from = o->from;
    c->to = o->to;
    c->interpolate = o->interpolate;
    c->min_ranked = o->min_ranked > 0 ? o->min_ranked : 3;
    rc = region_opt(ds, "region", o->total, SB_ROLE_TOTAL, &c->total, err);
    if (rc == SB_OK)
        rc = region_opt(ds, "region", o->benchmark, SB_ROLE_BENCHMARK,
                        &c->benchmark, err);
    if (rc == SB_OK && o->focus != NULL &&
        (c->focus = sb_dataset_find_region(ds, o->focus)) == SB_NONE)
        rc = metrics_unknown_region(ds, NULL, o->focus, err);
    if (rc == SB_OK && o->focus == NULL)
        c->focus = o->no_default_focus ? SB_NONE : default_focus(ds);
    if (rc == SB_OK)
        rc = comparison_set(c, o, err);
    if (rc != SB_OK) {
        metrics_ctx_destroy(c);
        return rc;
    }
    *out = c;
    return SB_OK;
}

void metrics_ctx_destroy(metrics_ctx *c)
{
    if (c == NULL)
        return;
    g_free(c->in_set);
    g_free(c->set_name);
    g_free(c);
}

const sb_dataset *metrics_ctx_dataset(const metrics_ctx *c)
{
    return c->ds;
}

void metrics_ctx_mark_no_memory(metrics_ctx *c)
{
    c->out_of_memory = 1;
}

metrics_ctx *metrics_ctx_clone(const metrics_ctx *c)
{
    metrics_ctx *k = sb_new(metrics_ctx, 1);

    if (k != NULL)
        *k = *c;                /* in_set and set_name stay c's */
    return k;
}

void metrics_ctx_clone_join(metrics_ctx *c, metrics_ctx *clone)
{
    if (clone == NULL)
        return;
    c->out_of_memory |= clone->out_of_memory;
    g_free(clone);
}

void metrics_set_years(metrics_ctx *c, int from, int as_of)
{
    c->shown_from = from;
    c->as_of = as_of;
}

sb_id metrics_focus(const metrics_ctx *c) { return c->focus; }
sb_id metrics_total(const metrics_ctx *c) { return c->total; }
sb_id metrics_benchmark(const metrics_ctx *c) { return c->benchmark; }
const char *metrics_set_name(const metrics_ctx *c) { return c->set_name; }

int metrics_in_set(const metrics_ctx *c, sb_id region)
{
    return region < sb_dataset_n_regions(c->ds) && c->in_set[region];
}

/* ---- working points ------------------------------------------------------ */

static void work_free(work *w)
{
    g_free(w->block);
    memset(w, 0, sizeof *w);
}

/* Room for cap points in one block: doubles first (alignment); -1 when
   out of memory. */
static int work_alloc(work *w, size_t cap)
{
    char *b = cap < ((size_t)-1 - 1) / (2 * sizeof(double) + 1)
                  ? sb_malloc(cap * (2 * sizeof(double) + 1) + 1) : NULL;

    if (b == NULL)
        return -1;
    w->block = b;
    w->value = (double *)(void *)b;
    w->year = (double *)(void *)(b + cap * sizeof(double));
    w->filled = (unsigned char *)(b + 2 * cap * sizeof(double));
    memset(w->filled, 0, cap);
    return 0;
}

/* --interpolate fills a gap of at most this many missing years; a longer
   one stays a gap: a line drawn across decades says nothing about them,
   and a series with years 1 and 99999 would become 100,000 points. */
#define MAX_FILL 100

/* The points of w with its short interior gaps filled. */
static size_t filled_size(const work *w)
{
    size_t i, total = w->n;

    for (i = 0; i + 1 < w->n; i++) {
        double g = w->year[i + 1] - w->year[i] - 1;
        if (g > 0 && g <= MAX_FILL)
            total += (size_t)g;
    }
    return total;
}

/* Fills the interior gaps of w (of up to MAX_FILL years) linearly with
   gsl_interp (the points stay; the filled years are marked). */
static sb_status interpolate(metrics_ctx *c, work *w, sb_error *err)
{
    size_t i, k, total;
    gsl_interp *in;
    gsl_interp_accel *acc;
    work f = {w->s, NULL, NULL, NULL, 0, NULL};

    if (w->n < 2 || (total = filled_size(w)) == w->n)
        return SB_OK;                        /* nothing to fill */
    if (work_alloc(&f, total) != 0)
        return no_memory(c, err);
    in = gsl_interp_alloc(gsl_interp_linear, w->n);
    acc = gsl_interp_accel_alloc();
    if (in == NULL || acc == NULL ||
        gsl_interp_init(in, w->year, w->value, w->n) != GSL_SUCCESS) {
        gsl_interp_free(in);
        gsl_interp_accel_free(acc);
        work_free(&f);
        return sb_error_set(err, SB_EINTERNAL, NULL, 0, 0,
                            "gsl_interp_init failed");
    }
    for (i = 0, k = 0; i < w->n; i++) {
        double y, gap = i + 1 < w->n ? w->year[i + 1] - w->year[i] - 1 : 0;
        f.year[k] = w->year[i];
        f.value[k++] = w->value[i];
        for (y = w->year[i] + 1; gap <= MAX_FILL && y < w->year[i] + 1 + gap;
             y++) {
            f.year[k] = y;
            f.value[k] = gsl_interp_eval(in, w->year, w->value, y, acc);
            f.filled[k++] = 1;
        }
    }
    f.n = total;
    gsl_interp_free(in);
    gsl_interp_accel_free(acc);
    work_free(w);
    *w = f;
    return SB_OK;
}

/* The points of s into w, whose arrays hold s->n values already. */
static sb_status work_fill(metrics_ctx *c, const sb_series *s, work *w,
                           sb_error *err)
{
    size_t i;

    w->s = s;
    w->n = 0;
    for (i = 0; i < s->n; i++) {
        if (s->obs[i].state & SB_OBS_MISSING)
            continue;
        w->year[w->n] = s->obs[i].year;
        w->value[w->n++] = s->obs[i].value;
    }
    return c->interpolate ? interpolate(c, w, err) : SB_OK;
}

/* One series' work in a block of its own (work_free it). */
static sb_status work_build(metrics_ctx *c, const sb_series *s, work *w,
                            sb_error *err)
{
    memset(w, 0, sizeof *w);
    if (work_alloc(w, s->n + 1) != 0)
        return no_memory(c, err);
    return work_fill(c, s, w, err);
}

/* The first index of w at or after year. */
static size_t lower_bound(const work *w, double year)
{
    size_t lo = 0, hi = w->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (w->year[mid] < year)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Index of year in w, or -1. */
static long find_year(const work *w, int year)
{
    size_t i = lower_bound(w, year);

    return i < w->n && w->year[i] == year ? (long)i : -1;
}

static double value_at(const work *w, int year)
{
    long i = find_year(w, year);

    return i < 0 ? NAN : w->value[i];
}

/* ---- one series ---------------------------------------------------------- */

static void row_clear(metrics_row *r, const sb_series *s)
{
    memset(r, 0, sizeof *r);
    r->indicator = s->indicator;
    r->region = s->region;
    r->first_value = r->last_value = r->change = r->pct_change = NAN;
    r->pp_change = r->cagr = r->yoy = r->multiple = NAN;
    r->slope = r->intercept = r->r2 = r->trend_growth = NAN;
    r->forecast = r->forecast_lo = r->forecast_hi = r->forecast_cut = NAN;
    r->forecast_reason = FORECAST_FEW;
    r->share = r->gap = r->growth_gap = NAN;
}

/* Change from va to vb in the kind's language: percent for amounts,
   counts and base-year indexes (empty unless va > 0), points for rates,
   growth rates and indexes on the previous year (traits t). */
static double growth(unsigned t, double va, double vb)
{
    if (t & SB_TRAIT_POINTS)
        return vb - va;
    return va > 0 ? (vb / va - 1.0) * 100.0 : NAN;
}

/* Whether the window [a, b] of w starts at or below zero, or holds a
   value of the other sign than its first: a budget balance, net
   migration, net exports. A percent of such a start says nothing (from
   −52 to −444 is not "up 753.8%", from 152 to −444 not "down 392.1%");
   its change is told in the unit. */
static int crosses_zero(const work *w, int a, int b)
{
    size_t i = lower_bound(w, a), end = lower_bound(w, b + 1.0);

    if (i >= end || w->value[i] <= 0)
        return i < end;
    for (; i < end; i++)
        if (w->value[i] < 0)
            return 1;
    return 0;
}

/* Change on the year before: points where changes are in points (rates,
   growth rates, indexes on the previous year); a percent only between
   two positive values of a series that stays above zero. */
static double year_on_year(const metrics_row *r, unsigned t, double prev)
{
    if (isnan(prev) || isnan(r->last_value))
        return NAN;
    if (t & SB_TRAIT_POINTS)
        return r->last_value - prev;
    if (r->crosses_zero || prev <= 0 || r->last_value <= 0)
        return NAN;
    return growth(t, prev, r->last_value);
}

/* A published growth rate or index is a change already: no CAGR,
   multiple or trend growth of itself. */
static void period_figures(metrics_row *r, unsigned t, const work *w)
{
    double va = r->first_value, vb = r->last_value;
    int a = r->first_year, b = r->last_year;

    r->crosses_zero = a < b && crosses_zero(w, a, b);
    r->yoy = year_on_year(r, t, value_at(w, b - 1));
    if (isnan(va) || isnan(vb) || a >= b)
        return;                   /* one point is a figure, not a change */
    r->change = vb - va;
    if (t & SB_TRAIT_POINTS)
        r->pp_change = vb - va;
    else if (!r->crosses_zero)
        r->pct_change = growth(t, va, vb);
    if (t & SB_TRAIT_PUBLISHED)
        return;
    if (r->crosses_zero)
        return;                   /* no ratio of values across zero */
    if (va > 0 && vb >= 0)
        r->cagr = (pow(vb / va, 1.0 / (double)(b - a)) - 1.0) * 100.0;
    if (va > 0)
        r->multiple = vb / va;
}

/* trend_growth from the OLS slope of ln v on year (all v > 0). */
static sb_status trend_figure(metrics_ctx *c, metrics_row *r,
                              const double *xs, const double *ys, size_t n,
                              sb_error *err)
{
    double small[64], *logs = n <= 64 ? small : sb_new(double, n), beta;
    sb_error ignore = {0};
    size_t i;

    if (logs == NULL)
        return no_memory(c, err);
    for (i = 0; i < n; i++)
        logs[i] = log(ys[i]);
    if (metrics_fit_slope(xs, logs, n, &beta, &ignore) == SB_OK)
        r->trend_growth = (exp(beta) - 1.0) * 100.0;
    if (logs != small)
        g_free(logs);
    return ignore.code == SB_ENOMEM ? no_memory(c, err) : SB_OK;
}

/* The forecast (forecast.h) from the n points of w from i0: the
   window's, which end at its last value; nonneg: values that add up
   (amounts, counts), whose interval is cut at zero. */
static sb_status forecast_figures(metrics_ctx *c, metrics_row *r,
                                  int nonneg, const work *w, size_t i0,
                                  size_t n, sb_error *err)
{
    const double *xs = w->year + i0;
    forecast_result f;
    sb_status rc;
    int brk, after;

    if (n < FORECAST_MIN_POINTS)      /* the common case: no scan, no fit */
        return SB_OK;
    /* no forecast across a flagged break or a detected level shift:
       r->shift_year is the latest shift of the window, found already
       (series_figures), so the span holds one only if it holds that one */
    after = (int)xs[forecast_span_start(n)];
    brk = screen_break_year(c->ds, w->s, after, (int)xs[n - 1], 0);
    if (brk < 0)
        return no_memory(c, err);
    brk = brk > 0 || (r->shift_year > after && r->shift_year <= xs[n - 1]);
    rc = forecast_make(xs, w->value + i0, w->filled + i0, n,
                       nonneg, brk, &f, err);
    if (rc == SB_ENOMEM)
        return no_memory(c, err);
    r->forecast_reason = f.why;
    if (rc != SB_OK || f.why != FORECAST_MADE)
        return rc;
    r->forecast_year = f.year;
    r->forecast = f.value;
    r->forecast_lo = f.lo;
    r->forecast_hi = f.hi;
    r->forecast_cut = f.cut;
    return SB_OK;
}

/* Fits over the window's points, which are one contiguous run of w. A
   fit that cannot be made leaves its figures undefined, unless memory
   ran out. */
static sb_status fit_figures(metrics_ctx *c, metrics_row *r, unsigned t,
                             const work *w, sb_error *err)
{
    size_t i0 = lower_bound(w, r->first_year);
    size_t i1 = lower_bound(w, r->last_year + 1.0), n = i1 - i0, i;
    const double *xs = w->year + i0, *ys = w->value + i0;
    size_t positive = 0;
    metrics_fit f;
    sb_error ignore = {0};
    sb_status rc = SB_OK;

    for (i = i0; i < i1; i++) {
        positive += w->value[i] > 0;
        r->n_interpolated += w->filled[i];
    }
    r->n = (int)n;
    if (n >= 2 && metrics_fit_linear(xs, ys, n, &f, &ignore) == SB_OK) {
        r->slope = f.slope;
        r->intercept = f.intercept;
        r->r2 = f.r2;
    }
    if (ignore.code == SB_ENOMEM)
        return no_memory(c, err);
    rc = forecast_figures(c, r, (t & SB_TRAIT_ADDS) != 0, w, i0, n, err);
    if (rc == SB_OK && n >= 3 && positive == n &&
        !(t & (SB_TRAIT_POINTS | SB_TRAIT_PUBLISHED)))
        rc = trend_figure(c, r, xs, ys, n, err);
    return rc;
}

/* The window [a, b]: pinned ends, else the series' first and last year
   with a value (counting filled years when interpolating); a starts at
   the latest series break inside it, since a change across a break
   mixes two definitions. */
static sb_status series_figures(metrics_ctx *c, const work *w, int from,
                                int to, metrics_row *r, sb_error *err)
{
    const sb_indicator *ind = sb_dataset_indicator_at(c->ds, w->s->indicator);
    int brk;

    row_clear(r, w->s);
    if (w->n == 0)
        return SB_OK;
    r->first_year = from ? from : (int)w->year[0];
    r->last_year = to ? to : (int)w->year[w->n - 1];
    if (r->first_year > r->last_year)
        return SB_OK;
    brk = screen_break_year(c->ds, w->s, r->first_year, r->last_year, 0);
    if (brk < 0)
        return no_memory(c, err);
    if (brk > 0)
        r->first_year = r->break_year = brk;
    /* a detected shift is told, not taken as a break: a detector cannot
       tell a change of definition from a war or a crisis */
    brk = c->interpolate     /* w holds filled years: the values only */
              ? screen_shift_year(c->ds, w->s, r->first_year, r->last_year,
                                  &r->shift_step)
              : screen_shift_year_at(c->ds, w->s, w->year, w->value, w->n,
                                     r->first_year, r->last_year,
                                     &r->shift_step);
    if (brk < 0)
        return no_memory(c, err);
    r->shift_year = brk;
    r->first_value = value_at(w, r->first_year);
    r->last_value = value_at(w, r->last_year);
    period_figures(r, sb_indicator_traits(ind), w);
    return fit_figures(c, r, sb_indicator_traits(ind), w, err);
}

/* ---- cross-region --------------------------------------------------------- */

/* The work of region r among an indicator's works, or NULL. */
static const work *work_of(const work *ws, size_t n, sb_id r)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (ws[i].s->region == r)
            return &ws[i];
    return NULL;
}

static int cmp_desc(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? 1 : x > y ? -1 : 0;
}

/* The set's values at `year`, best first; -1 when out of memory. */
static int ranking_build(metrics_ctx *c, const work *ws, size_t n, int year,
                         ranking *rk)
{
    size_t i;

    rk->year = year;
    rk->n = 0;
    if ((rk->v = sb_new(double, n + 1)) == NULL)
        return -1;
    for (i = 0; i < n; i++) {
        double v;
        if (!metrics_in_set(c, ws[i].s->region))
            continue;
        v = value_at(&ws[i], year);
        if (!isnan(v))
            rk->v[rk->n++] = v;
    }
    qsort(rk->v, rk->n, sizeof *rk->v, cmp_desc);
    return 0;
}

/* How many values of rk (sorted, highest first) are above v and how
   many below: one binary search for the first not above, then a
   gallop over the values equal to v (most often none). */
static void count_around(const ranking *rk, double v, size_t *above,
                         size_t *below)
{
    size_t lo = 0, hi = rk->n, step = 1;

    while (lo < hi) {            /* first index not above v */
        size_t mid = lo + (hi - lo) / 2;
        if (rk->v[mid] > v)
            lo = mid + 1;
        else
            hi = mid;
    }
    *above = lo;
    /* rk->v[lo, lo + step) equal v; the first below lies past it */
    while (lo + step <= rk->n && rk->v[lo + step - 1] >= v) {
        lo += step;
        step *= 2;
    }
    hi = MIN(lo + step, rk->n);
    while (lo < hi) {            /* first index below v */
        size_t mid = lo + (hi - lo) / 2;
        if (rk->v[mid] >= v)
            lo = mid + 1;
        else
            hi = mid;
    }
    *below = rk->n - lo;
}

/* How many values of rk are strictly better than v. */
static int count_better(const ranking *rk, double v, int hib)
{
    size_t above, below;

    count_around(rk, v, &above, &below);
    return (int)(hib ? above : below);
}

/* ---- the reference year ---------------------------------------------------- */

/* The latest year a comparison may be made at: the window's end, the
   as-of year, whichever is earlier; 0: open. */
static int year_cap(const metrics_ctx *c)
{
    if (c->to != 0 && c->as_of != 0)
        return MIN(c->to, c->as_of);
    return c->to != 0 ? c->to : c->as_of;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;

    return (x > y) - (x < y);
}

/* The set's values in the window tallied by year: year[i] has count[i]
   values (years ascending, each with one or more), and `regions` of the
   set have any. An indicator's 3,000 regions x 60 years were 180,000
   ints gathered and sorted; they are counted where they lie, in a table
   of SPAN_COUNTED years on the stack when they span no more (any real
   table), else gathered and sorted. */
#define SPAN_COUNTED 4096

typedef struct {
    int *year;
    size_t *count, n, regions;
} tally;

/* The points [*j0, *j1) of w in the window and shown years. */
static void window_points(const metrics_ctx *c, const work *w, size_t *j0,
                          size_t *j1)
{
    int cap = year_cap(c);

    *j0 = lower_bound(w, MAX(c->from, c->shown_from));
    *j1 = cap == 0 ? w->n : lower_bound(w, cap + 1.0);
    *j1 = MAX(*j0, *j1);
}

/* The years of [lo, lo + span) that have values, counted in cnt[]. */
static int tally_counted(const metrics_ctx *c, const work *ws, size_t n,
                         int lo, size_t span, tally *t)
{
    size_t cnt[SPAN_COUNTED], i, j, j0, j1;

    memset(cnt, 0, span * sizeof *cnt);

    for (i = 0; i < n; i++) {
        if (!metrics_in_set(c, ws[i].s->region))
            continue;
        window_points(c, &ws[i], &j0, &j1);
        for (j = j0; j < j1; j++)
            cnt[(int)ws[i].year[j] - lo]++;
    }
    for (i = 0, t->n = 0; i < span; i++)
        t->n += cnt[i] > 0;
    t->year = sb_new(int, t->n + 1);
    t->count = sb_new(size_t, t->n + 1);
    if (t->year == NULL || t->count == NULL)
        return -1;
    for (i = 0, t->n = 0; i < span; i++)
        if (cnt[i] > 0) {
            t->year[t->n] = lo + (int)i;
            t->count[t->n++] = cnt[i];
        }
    return 0;
}

/* The same from the years gathered and sorted (total of them). */
static int tally_sorted(const metrics_ctx *c, const work *ws, size_t n,
                        size_t total, tally *t)
{
    size_t i, j, k = 0, j0, j1;
    int *y = sb_new(int, total + 1);

    t->count = sb_new(size_t, total + 1);
    t->year = y;
    if (y == NULL || t->count == NULL)
        return -1;
    for (i = 0; i < n; i++) {
        if (!metrics_in_set(c, ws[i].s->region))
            continue;
        window_points(c, &ws[i], &j0, &j1);
        for (j = j0; j < j1; j++)
            y[k++] = (int)ws[i].year[j];
    }
    qsort(y, k, sizeof *y, cmp_int);
    for (i = 0, t->n = 0; i < k; i = j) {
        for (j = i; j < k && y[j] == y[i]; j++)
            ;
        y[t->n] = y[i];                  /* in place: t->n <= i */
        t->count[t->n++] = j - i;
    }
    return 0;
}

/* The tally of the works ws[0..n) of one indicator into t (tally_free
   it, also on failure); -1 when out of memory. */
static int tally_years(const metrics_ctx *c, const work *ws, size_t n,
                       tally *t)
{
    size_t i, total = 0, j0, j1;
    int lo = 0, hi = 0;

    memset(t, 0, sizeof *t);
    for (i = 0; i < n; i++) {
        if (!metrics_in_set(c, ws[i].s->region))
            continue;
        window_points(c, &ws[i], &j0, &j1);
        if (j0 == j1)
            continue;
        lo = t->regions == 0 ? (int)ws[i].year[j0]
                             : MIN(lo, (int)ws[i].year[j0]);
        hi = t->regions == 0 ? (int)ws[i].year[j1 - 1]
                             : MAX(hi, (int)ws[i].year[j1 - 1]);
        t->regions++;
        total += j1 - j0;
    }
    if (t->regions > 0 && (long)hi - lo < SPAN_COUNTED)
        return tally_counted(c, ws, n, lo, (size_t)(hi - lo + 1), t);
    return tally_sorted(c, ws, n, total, t);
}

static void tally_free(tally *t)
{
    g_free(t->year);
    g_free(t->count);
}

/* The largest number of values any one year has. */
static size_t most_values(const tally *t)
{
    size_t i, most = 0;

    for (i = 0; i < t->n; i++)
        most = MAX(most, t->count[i]);
    return most;
}

/* The first and last year with `need` values or more into *base and
   *ref. */
static void years_with(const tally *t, size_t need, int *base, int *ref)
{
    size_t i;

    for (i = 0; i < t->n && need > 0; i++)
        if (t->count[i] >= need) {
            *base = *base ? *base : t->year[i];
            *ref = t->year[i];
        }
}

/* The focus region's first and last year in the window and shown years,
   or 0 when it has none there. */
static void own_years(const metrics_ctx *c, const work *w, int *base,
                      int *ref)
{
    size_t i = w != NULL ? lower_bound(w, MAX(c->from, c->shown_from)) : 0;
    int cap = year_cap(c);

    for (; w != NULL && i < w->n && (cap == 0 || w->year[i] <= cap); i++) {
        *base = *base ? *base : (int)w->year[i];
        *ref = (int)w->year[i];
    }
}

/* The reference years of the works ws[0..n) of one indicator: those
   with values for more than half of the set's regions that have any;
   without such a year, no year is common to the set, and the focus
   region's own years are taken (the brief is about it), else those with
   the most values. -1 when out of memory. */
static int common_years(metrics_ctx *c, const work *ws, size_t n, int *base,
                        int *ref)
{
    tally t;
    size_t most;

    *base = *ref = 0;
    if (tally_years(c, ws, n, &t) != 0) {
        tally_free(&t);
        return -1;
    }
    most = most_values(&t);
    if (2 * most > t.regions)
        years_with(&t, t.regions / 2 + 1, base, ref);
    else
        own_years(c, work_of(ws, n, c->focus), base, ref);
    if (*ref == 0)
        years_with(&t, most, base, ref);
    tally_free(&t);
    return 0;
}

/* Rank 1 = best at the reference year (highest, or lowest when higher
   is not better); ties share the smaller rank ("=3 of 27": the regions
   after them count them all, 1, =2, =2, 4); only regions of the set with
   a value. */
static void rank_figures(metrics_ctx *c, metrics_row *r, double v, int hib,
                         const ranking *rk)
{
    size_t above, below;

    if (isnan(v) || !metrics_in_set(c, r->region) || rk == NULL)
        return;
    count_around(rk, v, &above, &below);
    r->rank = (int)(hib ? above : below) + 1;
    r->rank_of = (int)rk->n;
    /* those not worse than v, less those better: the values equal to v */
    r->rank_tied = (int)rk->n - (int)(hib ? below : above) - r->rank + 1;
}

/* The indicator's works plus what every row's cross figures share. */
typedef struct {
    const work *ws;
    size_t n;
    const work *total, *benchmark;
    int base, ref;               /* metrics_ref_years */
    ranking *rk;                 /* one per year asked, grown lazily */
    size_t n_rk;
} peers;

/* -1 when out of memory. */
static int peers_init(metrics_ctx *c, const work *ws, size_t n, peers *p)
{
    p->ws = ws;
    p->n = n;
    p->total = work_of(ws, n, c->total);
    p->benchmark = work_of(ws, n, c->benchmark);
    p->rk = NULL;
    p->n_rk = 0;
    return common_years(c, ws, n, &p->base, &p->ref);
}

static void peers_clear(peers *p)
{
    size_t i;

    for (i = 0; i < p->n_rk; i++)
        g_free(p->rk[i].v);
    g_free(p->rk);
}

/* The ranking at year, built on first use; NULL when out of memory. */
static const ranking *peers_ranking(metrics_ctx *c, peers *p, int year)
{
    ranking *rk;
    size_t i;

    for (i = 0; i < p->n_rk; i++)
        if (p->rk[i].year == year)
            return &p->rk[i];
    if ((rk = sb_renew(ranking, p->rk, p->n_rk + 1)) == NULL)
        return NULL;
    p->rk = rk;
    if (ranking_build(c, p->ws, p->n, year, &rk[p->n_rk]) != 0)
        return NULL;
    return &rk[p->n_rk++];
}

/* A figure that overflows (1e300 grown from 1e-300) is undefined, not
   infinite: no "inf" may reach a chart, a table, a sentence or a CSV. */
static void finite_figures(metrics_row *r)
{
    double *f[] = {&r->first_value, &r->last_value, &r->change,
                   &r->pct_change, &r->pp_change, &r->cagr, &r->yoy,
                   &r->multiple, &r->slope, &r->intercept, &r->r2,
                   &r->trend_growth, &r->forecast, &r->forecast_lo,
                   &r->forecast_hi, &r->share, &r->gap, &r->growth_gap};
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(f); i++)
        if (isinf(*f[i]))
            *f[i] = NAN;
    if (isnan(r->forecast) || isnan(r->forecast_lo) ||
        isnan(r->forecast_hi)) {  /* a forecast whole or none */
        r->forecast = r->forecast_lo = r->forecast_hi = NAN;
        r->forecast_cut = NAN;
        r->forecast_year = 0;
    }
}

/* Rank, share, gap and growth gap of r, the row of w, at the reference
   year y, from the region's own value that year: none without one,
   whatever its latest. */
static sb_status cross_figures(metrics_ctx *c, const work *w, metrics_row *r,
                               peers *p, sb_error *err)
{
    const sb_indicator *ind = sb_dataset_indicator_at(c->ds, r->indicator);
    unsigned t = sb_indicator_traits(ind);
    int a = r->first_year, y = p->ref;
    const ranking *rk;
    double v;

    finite_figures(r);                  /* before they feed the others */
    r->ref_year = y;
    if (y == 0 || !isfinite(v = value_at(w, y)))
        return SB_OK;
    if (metrics_in_set(c, r->region)) {
        if ((rk = peers_ranking(c, p, y)) == NULL)
            return no_memory(c, err);
        rank_figures(c, r, v, ind->higher_is_better, rk);
    }
    /* A share of a percentage or an index is meaningless. */
    if (p->total != NULL && (t & SB_TRAIT_ADDS)) {
        double vt = value_at(p->total, y);
        if (!isnan(vt) && vt != 0)
            r->share = v / vt * 100.0;
    }
    if (p->benchmark != NULL) {
        double vby = value_at(p->benchmark, y);
        double vba = value_at(p->benchmark, a);
        double own = NAN;

        /* over [a, y] as pct_change and pp_change over [a, b]: no
           percent of a series at or across zero, own or benchmark's */
        if (a < y && ((t & SB_TRAIT_POINTS) || !crosses_zero(w, a, y)))
            own = growth(t, value_at(w, a), v);
        r->gap = v - vby;
        if (!isnan(own) && !isnan(vba) && !isnan(vby) &&
            ((t & SB_TRAIT_POINTS) || !crosses_zero(p->benchmark, a, y)))
            r->growth_gap = own - growth(t, vba, vby);
    }
    finite_figures(r);
    return SB_OK;
}

/* ---- per indicator --------------------------------------------------------- */

static int selected(const unsigned char *sel, sb_id id)
{
    return sel == NULL || sel[id];
}

/* Works of series [lo, hi) of the dataset (one indicator), in a new
   array *out (NULL when out of memory); free_works it, even on error.
   The array and every work's points are one block (a malloc per series
   was a few percent of `metrics`); a work that --interpolate grows gets
   a block of its own (work->block), which free_works frees. */
static sb_status build_works(metrics_ctx *c, size_t lo, size_t hi,
                             work **out, sb_error *err)
{
    size_t i, total = 0, n = hi - lo, head = n * sizeof(work), bytes;
    sb_status rc = SB_OK;
    work *ws;
    double *v;
    unsigned char *f;

    for (i = lo; i < hi; i++)
        total += sb_dataset_series_at(c->ds, i)->n;
    /* sizeof(work) is a multiple of sizeof(double): the doubles after
       the array are aligned */
    bytes = head + total * (2 * sizeof(double) + 1);
    ws = *out = total < ((size_t)-1 - head) / (2 * sizeof(double) + 1)
                    ? sb_malloc(bytes) : NULL;
    if (ws == NULL)
        return no_memory(c, err);
    memset(ws, 0, head);
    v = (double *)(void *)(ws + n);
    f = (unsigned char *)(v + 2 * total);
    memset(f, 0, total);
    for (i = lo; i < hi && rc == SB_OK; i++) {
        const sb_series *s = sb_dataset_series_at(c->ds, i);
        work *w = &ws[i - lo];
        w->value = v;
        w->year = v + s->n;
        w->filled = f;
        v += 2 * s->n;
        f += s->n;
        rc = work_fill(c, s, w, err);
    }
    return rc;
}

static void free_works(work *ws, size_t n)
{
    size_t i;

    for (i = 0; ws != NULL && i < n; i++)
        work_free(&ws[i]);
    g_free(ws);
}

size_t metrics_indicator_end(const sb_dataset *ds, size_t lo)
{
    size_t hi = lo + 1, n = sb_dataset_n_series(ds);
    sb_id ind = sb_dataset_series_at(ds, lo)->indicator;

    while (hi < n && sb_dataset_series_at(ds, hi)->indicator == ind)
        hi++;
    return hi;
}

/* The rows of the works in ws[0..n) that regions selects, into rows;
   their number goes to *n_rows. */
static sb_status indicator_rows(metrics_ctx *c, const work *ws, size_t n,
                                const unsigned char *regions,
                                metrics_row *rows, size_t *n_rows,
                                sb_error *err)
{
    size_t i;
    sb_status rc = SB_OK;
    peers p;

    *n_rows = 0;
    if (peers_init(c, ws, n, &p) != 0)
        rc = no_memory(c, err);
    for (i = 0; i < n && rc == SB_OK; i++) {
        if (!selected(regions, ws[i].s->region) || ws[i].n == 0)
            continue;
        rc = series_figures(c, &ws[i], c->from, c->to, &rows[*n_rows], err);
        if (rc == SB_OK)
            rc = cross_figures(c, &ws[i], &rows[(*n_rows)++], &p, err);
    }
    peers_clear(&p);
    return rc;
}

sb_status metrics_indicator_rows(metrics_ctx *c, size_t lo, size_t hi,
                                 const unsigned char *regions,
                                 metrics_row *rows, size_t *n, sb_error *err)
{
    work *ws = NULL;
    sb_status rc = build_works(c, lo, hi, &ws, err);

    *n = 0;
    if (rc == SB_OK)
        rc = indicator_rows(c, ws, hi - lo, regions, rows, n, err);
    free_works(ws, hi - lo);
    return rc;
}

static sb_status one_indicator(metrics_ctx *c, size_t lo, size_t hi,
                               const unsigned char *regions,
                               metrics_rows_fn fn, void *user, sb_error *err)
{
    metrics_row *rows = sb_new0(metrics_row, hi - lo);
    size_t n = 0;
    sb_status rc = rows != NULL
                       ? metrics_indicator_rows(c, lo, hi, regions, rows, &n,
                                                err)
                       : no_memory(c, err);

    if (rc == SB_OK && n > 0)
        rc = fn(user, rows, n);
    g_free(rows);
    return rc;
}

sb_status metrics_each(metrics_ctx *c, const unsigned char *indicators,
                       const unsigned char *regions, metrics_rows_fn fn,
                       void *user, sb_error *err)
{
    size_t lo = 0, hi, n = sb_dataset_n_series(c->ds);
    sb_status rc = SB_OK;

    for (; lo < n && rc == SB_OK; lo = hi) {
        hi = metrics_indicator_end(c->ds, lo);
        if (selected(indicators, sb_dataset_series_at(c->ds, lo)->indicator))
            rc = one_indicator(c, lo, hi, regions, fn, user, err);
    }
    return rc;
}

/* ---- one series on demand ---------------------------------------------------- */

/* [lo, hi) of the series of indicator ind (series are sorted by id). */
static int indicator_range(metrics_ctx *c, sb_id ind, size_t *lo, size_t *hi)
{
    size_t i, n = sb_dataset_n_series(c->ds);

    for (i = 0; i < n; i++)
        if (sb_dataset_series_at(c->ds, i)->indicator == ind) {
            *lo = i;
            *hi = metrics_indicator_end(c->ds, i);
            return 1;
        }
    return 0;
}

sb_status metrics_get(metrics_ctx *c, sb_id indicator, sb_id region,
                      int from, int to, metrics_row *out, sb_error *err)
{
    return metrics_get_at(c, indicator, region, from, to, 0, out, err);
}

sb_status metrics_get_at(metrics_ctx *c, sb_id indicator, sb_id region,
                         int from, int to, int at, metrics_row *out,
                         sb_error *err)
{
    size_t lo, hi;
    work *ws = NULL;
    const work *w = NULL;
    sb_status rc;

    if (!indicator_range(c, indicator, &lo, &hi))
        return sb_error_set(err, SB_EDATA, NULL, 0, 0, "no such series");
    rc = build_works(c, lo, hi, &ws, err);
    if (rc == SB_OK && (w = work_of(ws, hi - lo, region)) == NULL)
        rc = sb_error_set(err, SB_EDATA, NULL, 0, 0, "no such series");
    if (rc == SB_OK)
        rc = series_figures(c, w, from ? from : c->from, to ? to : c->to,
                            out, err);
    if (rc == SB_OK) {
        peers p;
        if (peers_init(c, ws, hi - lo, &p) != 0)
            rc = no_memory(c, err);
        else {
            p.ref = at != 0 ? at : p.ref;     /* the year asked */
            rc = cross_figures(c, w, out, &p, err);
        }
        peers_clear(&p);
    }
    free_works(ws, hi - lo);
    return rc;
}

int metrics_ref_years(metrics_ctx *c, sb_id ind, int *base, int *ref)
{
    size_t lo, hi;
    work *ws = NULL;
    sb_error ignore = {0};
    int rc = 0;

    *base = *ref = 0;
    if (!indicator_range(c, ind, &lo, &hi))
        return 0;
    if (build_works(c, lo, hi, &ws, &ignore) != SB_OK ||
        common_years(c, ws, hi - lo, base, ref) != 0) {
        c->out_of_memory = 1;       /* metrics_ctx_status says why */
        rc = -1;
    }
    free_works(ws, hi - lo);
    return rc;
}

int metrics_rank_at(metrics_ctx *c, sb_id ind, sb_id reg, int year, int *of)
{
    size_t lo, hi;
    work *ws = NULL;
    const work *w;
    ranking rk = {0, NULL, 0};
    sb_error ignore = {0};
    int rank = 0;
    double v;

    *of = 0;
    if (!metrics_in_set(c, reg) || !indicator_range(c, ind, &lo, &hi))
        return 0;
    if (build_works(c, lo, hi, &ws, &ignore) != SB_OK ||
        ranking_build(c, ws, hi - lo, year, &rk) != 0)
        c->out_of_memory = 1;       /* no rank: metrics_ctx_status says why */
    else if ((w = work_of(ws, hi - lo, reg)) != NULL &&
             isfinite(v = value_at(w, year))) {
        rank = count_better(&rk, v,
                            sb_dataset_indicator_at(c->ds, ind)
                                ->higher_is_better) + 1;
        *of = (int)rk.n;
    }
    g_free(rk.v);
    free_works(ws, hi - lo);
    return rank;
}

sb_status metrics_points(metrics_ctx *c, const sb_series *s, double **year,
                         double **value, unsigned char **filled, size_t *n,
                         sb_error *err)
{
    work w;
    sb_status rc = work_build(c, s, &w, err);

    *n = 0;
    *year = *value = NULL;
    *filled = NULL;
    if (rc == SB_OK &&
        ((*year = sb_memdup(w.year, w.n * sizeof(double))) == NULL ||
         (*value = sb_memdup(w.value, w.n * sizeof(double))) == NULL ||
         (*filled = sb_memdup(w.filled, w.n)) == NULL)) {
        g_free(*year);
        g_free(*value);
        *year = *value = NULL;
        rc = no_memory(c, err);
    }
    if (rc == SB_OK)
        *n = w.n;
    work_free(&w);
    return rc;
}

/* ---- claims ---------------------------------------------------------------- */

int metrics_claim_new_high(metrics_ctx *c, sb_id indicator, sb_id region,
                           int year, int *since)
{
    size_t lo, hi, i;
    work *ws = NULL;
    const work *w;
    int holds = 0;
    long at;
    sb_error ignore = {0};

    *since = 0;
    if (!indicator_range(c, indicator, &lo, &hi))
        return 0;
    /* out of memory, the claim is not made: metrics_ctx_status says why */
    if (build_works(c, lo, hi, &ws, &ignore) == SB_OK &&
        (w = work_of(ws, hi - lo, region)) != NULL &&
        (at = find_year(w, year)) >= METRICS_RECORD_YEARS - 1 &&
        !w->filled[at] &&
        w->year[at] - w->year[0] == at) {     /* no gap before year */
        holds = 1;
        *since = (int)w->year[0];
        for (i = 0; i < (size_t)at; i++)
            if (w->value[i] >= w->value[at] || w->filled[i])
                holds = 0;
    }
    free_works(ws, hi - lo);
    return holds;
}

int metrics_claim_ranked(const metrics_ctx *c, const metrics_row *r)
{
    return r->rank > 0 && r->rank_of >= c->min_ranked;
}

double metrics_published_change(const sb_indicator *ind,
                                const metrics_row *r)
{
    if (ind->kind == SB_KIND_GROWTH)
        return r->last_value;
    if (ind->kind == SB_KIND_INDEX)
        return ind->base == 0 ? r->last_value - 100.0 : r->yoy;
    return NAN;
}

int metrics_claim_doubled(const metrics_row *r)
{
    return !isnan(r->multiple) && r->multiple >= 2.0;
}

int metrics_claim_times(const metrics_row *r)
{
    /* 0.3 / 0.1 is 2.9999999999999996: three times as published */
    return !isnan(r->multiple) && r->multiple >= METRICS_TIMES - 1e-9;
}

int metrics_claim_target_reached(metrics_ctx *c, const metrics_row *r)
{
    const sb_indicator *ind = sb_dataset_indicator_at(c->ds, r->indicator);

    if (isnan(ind->target) || isnan(r->last_value))
        return 0;
    if (ind->target_year != 0 && r->last_year > ind->target_year)
        return 0;
    return ind->higher_is_better ? r->last_value >= ind->target
                                 : r->last_value <= ind->target;
}
