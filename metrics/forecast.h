/*
 * metrics/forecast.h -- the one forecast statbrief states: whether a
 * series' linear trend may be extended a year, and the figure if so.
 *
 * Every output that shows a forecast (metrics CSV/JSON, placeholders,
 * tables, charts and their text alternatives) takes it from
 * metrics_row, which this module fills; nothing else decides. The rule
 * (docs/figures.md, "Forecasts"):
 *
 *   - the forecast is for the year after the series' last value;
 *   - the trend is fitted on the latest FORECAST_MAX_POINTS points at
 *     most, of which at least FORECAST_MIN_POINTS must be observed
 *     values (not filled by --interpolate);
 *   - no series break after the first fitted point: a flagged one, or
 *     a level shift metrics/screen.h detects (screen_break_year);
 *   - the fit holds: R² at least FORECAST_MIN_R2 and no positive
 *     autocorrelation of the residuals at 5% (Durbin-Watson d at least
 *     the lower bound dL for the number of points);
 *   - for an amount or count whose fitted values are all zero or more,
 *     a forecast below zero is refused and an interval below zero is cut
 *     at zero (and marked).
 *
 * No allocation.
 */
#ifndef METRICS_FORECAST_H
#define METRICS_FORECAST_H

#include <stddef.h>

#include "core/model.h"

#define FORECAST_MAX_POINTS 10
#define FORECAST_MIN_POINTS 8
#define FORECAST_MIN_R2 0.8

/* Why a series has no forecast (FORECAST_MADE when it has one). */
typedef enum {
    FORECAST_MADE = 0,
    FORECAST_FEW,         /* fewer than FORECAST_MIN_POINTS values */
    FORECAST_BREAK,       /* a break (flagged or detected) in the span */
    FORECAST_LOW_R2,      /* the trend explains too little */
    FORECAST_AUTOCORR,    /* residuals autocorrelated (Durbin-Watson) */
    FORECAST_BELOW_ZERO   /* an amount or count forecast below zero */
} forecast_why;

typedef struct {
    forecast_why why;
    int year;                /* the year after the last value; 0 = none */
    double value, lo, hi;    /* NaN when none */
    int cut;                 /* 1: lo was below zero and is cut at zero */
    double slope, r2, dw;    /* the fit's, NaN where not reached */
} forecast_result;

/* The points of a series up to its last value: x years ascending, y
   finite values, filled[i] 1 where --interpolate made the point (NULL:
   none). `nonneg`: an amount or count (never cut for a rate). `brk`:
   1 when a break (screen_break_year) lies after the first point of the
   fitted span
   (forecast_span_start says which point that is). Fills *out; SB_OK
   also when no forecast is made (out->why says why), SB_EINTERNAL when
   GSL's prediction fails. */
sb_status forecast_make(const double *x, const double *y,
                        const unsigned char *filled, size_t n, int nonneg,
                        int brk, forecast_result *out, sb_error *err);

/* The index of the first point fitted among n: the latest
   FORECAST_MAX_POINTS at most. */
size_t forecast_span_start(size_t n);

/* Why, in a few English words for a diagnostic ("fewer than eight
   values in the fitted span"). */
const char *forecast_why_text(forecast_why why);

#endif
