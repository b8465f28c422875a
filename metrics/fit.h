/*
 * metrics/fit.h -- ordinary least squares of y on x; the prediction
 * interval with GSL.
 *
 * The sums are taken about the means (x centred, y shifted): years near
 * 2000 would otherwise make the normal equations lose digits. fit.c
 * says why the fit is not gsl_fit_linear's. Results come back in a
 * caller-owned struct; the return value is a status. No allocation.
 */
#ifndef METRICS_FIT_H
#define METRICS_FIT_H

#include <stddef.h>

#include "core/model.h"

typedef struct {
    size_t n;
    double slope;      /* dy/dx */
    double intercept;  /* y at x = 0 */
    double r2;         /* 1 - SSE/TSS; NaN unless n >= 3 and TSS > 0 */
    double s;          /* residual standard deviation; NaN unless n >= 3 */
    double xbar, ybar; /* means */
    double sxx;        /* sum of (x - xbar)^2 */
    double tss;        /* sum of (y - ybar)^2 (inf if it overflows) */
    double sse;        /* sum of squared residuals (likewise) */
    double c0;         /* y at x = xbar (the centred intercept) */
    /* The fit runs on y / yscale (a power of two near max |y|, so the
       division is exact): squares of 1e300 or 1e-300 neither overflow nor
       vanish. The covariances (as gsl_fit_linear gives them, about
       x = xbar) and s_scaled are in those units. */
    double yscale, s_scaled;
    double cov00, cov01, cov11;
} metrics_fit;

/* Fits y = intercept + slope * x over n >= 2 points with distinct x.
   Returns SB_EDATA (message in err) for fewer points or constant x. */
sb_status metrics_fit_linear(const double *x, const double *y, size_t n,
                             metrics_fit *out, sb_error *err);

/* Only the slope of the same fit, in two passes (no scaling, no
   residuals): for the log-linear trend, whose y are logarithms. */
sb_status metrics_fit_slope(const double *x, const double *y, size_t n,
                            double *slope, sb_error *err);

/* The prediction at x0 and its 95% prediction interval:
   y ± t(0.975, n-2) · s · sqrt(1 + 1/n + (x0 - xbar)^2 / Sxx).
   Needs n >= 3 (SB_EDATA otherwise). */
sb_status metrics_fit_predict(const metrics_fit *f, double x0, double *y,
                              double *lo, double *hi, sb_error *err);

#endif
