/*
 * metrics/metrics.h -- the figures of DESIGN.md ("Metrics") for each
 * series: change, growth, CAGR, trend, forecast; and, within the
 * comparison set at one reference year per indicator (metrics_ref_years),
 * rank, share, gap, growth gap.
 *
 * Undefined figures are NaN (years and counts 0). Computed one indicator
 * at a time (a series' working points live only while its indicator is
 * processed), so memory stays small next to the dataset. The dataset is
 * only read.
 */
#ifndef METRICS_METRICS_H
#define METRICS_METRICS_H

#include <stddef.h>

#include "core/model.h"
#include "metrics/forecast.h"

typedef struct {
    const char *group;       /* --group: the comparison set; NULL default */
    const char *const *regions;  /* else these regions (a spec's list) */
    size_t n_regions;
    const char *focus;       /* --focus; NULL: first region of regions.csv,
                                else the first region met in the data */
    int no_default_focus;    /* 1: no focus unless named (an overview) */
    const char *total;       /* --total, --benchmark: override the roles */
    const char *benchmark;
    int from, to;            /* pinned window; 0 = open */
    int interpolate;         /* fill interior gaps linearly, flagged */
    int min_ranked;          /* a rank is told among this many regions at
                                least (metrics_claim_ranked); 0: 3 */
} metrics_opts;

typedef struct {
    sb_id indicator, region;
    int first_year, last_year;      /* the window [a, b] */
    int break_year;                 /* a = this flagged series break
                                       (b, B) inside the asked window;
                                       0: none */
    int shift_year;                 /* the latest level shift detected
                                       in [a, b] (metrics/screen.h) that
                                       does not move a: said in the text;
                                       0: none */
    double shift_step;              /* its step: percent (amounts,
                                       counts) or points (rates) */
    double first_value, last_value;
    double change, pct_change, pp_change, cagr, yoy, multiple;
    double slope, intercept, r2, trend_growth;
    /* metrics/forecast.h: the year after the window's last value, when
       the rule allows a forecast (else 0, the figures NaN) */
    int forecast_year;
    double forecast, forecast_lo, forecast_hi;
    double forecast_cut;            /* 1: forecast_lo cut at zero; 0 */
    forecast_why forecast_reason;   /* why there is none */
    int ref_year;                   /* the indicator's reference year, at
                                       which the next four are; 0: none */
    int rank, rank_of;              /* 0 when undefined */
    int rank_tied;                  /* how many regions of the set share
                                       the rank (the same value at
                                       ref_year), this one included: 1
                                       when none other; 0 undefined */
    double share, gap, growth_gap;  /* growth_gap: over [a, ref_year] */
    int crosses_zero;               /* 1: v(a) <= 0, or a value in [a, b]
                                       of the other sign: no percent,
                                       CAGR or multiple; the change is in
                                       the unit */
    int n;                          /* points in [a, b] */
    int n_interpolated;             /* of which filled by --interpolate */
} metrics_row;

typedef struct metrics_ctx metrics_ctx;

/* Resolves focus, total, benchmark and the comparison set. An unknown
   region or group named in o is SB_EUSAGE with the known names in the
   message. *out belongs to the caller (metrics_ctx_destroy); it borrows
   ds, which must outlive it. */
sb_status metrics_ctx_create(const sb_dataset *ds, const metrics_opts *o,
                             metrics_ctx **out, sb_error *err);
void metrics_ctx_destroy(metrics_ctx *c);

/* SB_ENOMEM (and "out of memory" in err) when some figure asked of c
   since its creation could not be computed for lack of memory, also
   where the caller went on without it (a figure taken as undefined, a
   claim as not holding); else SB_OK. A run checks it before it keeps
   what it made. */
sb_status metrics_ctx_status(const metrics_ctx *c, sb_error *err);

sb_id metrics_focus(const metrics_ctx *c);         /* SB_NONE: no regions,
                                                      or an overview */
sb_id metrics_total(const metrics_ctx *c);         /* SB_NONE: none */
sb_id metrics_benchmark(const metrics_ctx *c);
int metrics_in_set(const metrics_ctx *c, sb_id region);
const char *metrics_set_name(const metrics_ctx *c); /* group or "all" */

/* The years a brief shows, from `from` to `as_of` (0: open): the
   reference years are taken among them, never at a year the brief does
   not show, on top of the window of metrics_opts. */
void metrics_set_years(metrics_ctx *c, int from, int as_of);

/* The years a comparison of indicator ind is made at, within the window
   and metrics_set_years: *ref, the latest year in which more than half
   of the comparison set's regions that have a value in the window have
   one, and *base, the earliest such year. When no year has such a
   majority, no year is common to the set: the focus region's own first
   and last year, else (it has none) those of the years with the most
   values. Ranks,
   shares and gaps are at *ref; a table's first and latest columns at
   *base and *ref. 0 (both 0) when no region of the set has a value;
   -1 when out of memory. */
int metrics_ref_years(metrics_ctx *c, sb_id ind, int *base, int *ref);

/* The rank of (ind, reg) among the comparison set at year (0: none) and
   how many were ranked then (*of). */
int metrics_rank_at(metrics_ctx *c, sb_id ind, sb_id reg, int year, int *of);

/* Calls fn once per indicator (in id order) with the rows of its series
   (in region-name order), restricted to the selections (NULL = all;
   arrays indexed by id). Rows are valid during the call only. fn returns
   SB_OK to go on. */
typedef sb_status (*metrics_rows_fn)(void *user, const metrics_row *rows,
                                     size_t n);
sb_status metrics_each(metrics_ctx *c, const unsigned char *indicators,
                       const unsigned char *regions, metrics_rows_fn fn,
                       void *user, sb_error *err);

/* For metrics/parallel.c, which runs metrics_each's work on threads. */
/* The end of the run of series (in dataset order) with the same
   indicator as series lo. */
size_t metrics_indicator_end(const sb_dataset *ds, size_t lo);

/* The rows of series [lo, hi) of the dataset, one indicator's, that
   regions selects (NULL: all), into rows (room for hi - lo); *n gets
   their number. What metrics_each passes to its fn. Reads c but for
   its out-of-memory mark: give each thread its own c. */
sb_status metrics_indicator_rows(metrics_ctx *c, size_t lo, size_t hi,
                                 const unsigned char *regions,
                                 metrics_row *rows, size_t *n, sb_error *err);

const sb_dataset *metrics_ctx_dataset(const metrics_ctx *c);
/* Marks c out of memory (metrics_ctx_status). */
void metrics_ctx_mark_no_memory(metrics_ctx *c);

/* A copy of c for one worker thread, borrowing what c owns; NULL when
   out of memory. metrics_ctx_clone_join hands its out-of-memory mark
   back to c and frees it (NULL: nothing). */
metrics_ctx *metrics_ctx_clone(const metrics_ctx *c);
void metrics_ctx_clone_join(metrics_ctx *c, metrics_ctx *clone);

/* The figures of one series over [from, to] (0 = the default ends), with
   the cross-region figures: for later stages, which ask and never
   recompute. SB_EDATA if the series does not exist. */
sb_status metrics_get(metrics_ctx *c, sb_id indicator, sb_id region,
                      int from, int to, metrics_row *out, sb_error *err);
/* As metrics_get, with the cross-region figures at year `at`, which the
   caller names (a spec's {gdp focus rank 2022}: still one year for every
   region); 0: at the reference year. */
sb_status metrics_get_at(metrics_ctx *c, sb_id indicator, sb_id region,
                         int from, int to, int at, metrics_row *out,
                         sb_error *err);

/* The points of series s as the figures see them: years ascending,
   values, and with --interpolate the filled years marked 1 in *filled.
   The three arrays are the caller's (g_free); NULL, and *n 0, on error. */
sb_status metrics_points(metrics_ctx *c, const sb_series *s, double **year,
                         double **value, unsigned char **filled, size_t *n,
                         sb_error *err);

/* For a growth rate or an index (r one of its rows): the change of the
   quantity it measures in r's last year on the year before, in percent
   -- the growth rate as published, an index on the previous year less
   100, a base-year index's own change. NaN for the other kinds, or when
   undefined. */
double metrics_published_change(const sb_indicator *ind,
                                const metrics_row *r);

/* Whether regions.csv names a region that may be the focus (not an
   aggregate): the default focus of a brief. A portal's country metadata
   (World Bank) lists every country and names none. */
int metrics_meta_focus(const sb_dataset *ds);
/* How many regions that are not aggregates have a value of some
   indicator. */
size_t metrics_peers_with_data(const sb_dataset *ds);
/* The regions that have a value of some indicator, aggregates last,
   joined with ", " into buf (size bytes) as far as half of it or 300
   bytes go, then "and N more"; "none" when there is none. For messages that
   must say which regions a user can name. */
void metrics_regions_with_data(const sb_dataset *ds, char *buf,
                               size_t size);
/* The usage error (SB_EUSAGE, returned) of a region name the data do not
   have: "[OPT: ]unknown region "NAME" (regions with data: ...)", the
   list as metrics_regions_with_data gives it. opt: the option that
   named it, or NULL (--focus says none). */
sb_status metrics_unknown_region(const sb_dataset *ds, const char *opt,
                                 const char *name, sb_error *err);
/* The lower quartile, median and upper quartile of n sorted values
   (GSL's quantiles: linear between order statistics); NaN when n is 0. */
void metrics_quartiles(const double *sorted, size_t n, double q[3]);

/* Claims a brief may make. Each is 1 only when it holds on the data. */
/* A record needs this many years of data: over five years "the highest"
   is an ordinary rise, not a record. */
#define METRICS_RECORD_YEARS 10
/* From this multiple on, a change is told as a multiple ("45.8 times its
   2000 level"), not as a percent ("+4,478.1%"). */
#define METRICS_TIMES 3.0

/* v(year) is higher than every earlier value, the series has a value
   for every year from its first up to year (no gap could hide a higher
   one), and these are METRICS_RECORD_YEARS years or more; *since is the
   series' first year ("the highest since 2012"), 0 when the claim does
   not hold. */
int metrics_claim_new_high(metrics_ctx *c, sb_id indicator, sb_id region,
                           int year, int *since);
/* A rank may be told: the region was ranked among at least min_ranked
   regions (metrics_opts) at the reference year. A rank of 2 says no
   more than which of two values is larger; the table shows it. */
int metrics_claim_ranked(const metrics_ctx *c, const metrics_row *r);
/* The window's multiple is 2 or more. */
int metrics_claim_doubled(const metrics_row *r);
/* The window's multiple is METRICS_TIMES or more. */
int metrics_claim_times(const metrics_row *r);
/* The indicator has a target and v(b) reaches it (>= when higher is
   better, <= otherwise), in or before target_year when one is set. */
int metrics_claim_target_reached(metrics_ctx *c, const metrics_row *r);

#endif
