/*
 * metrics/fit.c -- OLS with gsl_fit_linear on centred x; prediction
 * intervals with gsl_fit_linear_est and gsl_cdf_tdist_Pinv.
 */
#include "fit.h"

#include "core/alloc.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_statistics_double.h>
#include <glib.h>
#include <math.h>
#include <stdlib.h>

#define SMALL 64                 /* points fitted without allocating */

/* A power of two at or above max |y| (1 when all y are 0). */
static double y_scale(const double *y, size_t n)
{
    double m = 0;
    size_t i;
    int e;

    for (i = 0; i < n; i++)
        m = fmax(m, fabs(y[i]));
    if (m == 0 || !isfinite(m))
        return 1.0;
    frexp(m, &e);
    return ldexp(1.0, e);
}

sb_status metrics_fit_linear(const double *x, const double *y, size_t n,
                             metrics_fit *out, sb_error *err)
{
    double small[2 * SMALL], *buf = small, *xc, *ys, sumsq, c0, c1, k;
    size_t i;
    int rc;

    if (n < 2)
        return sb_error_set(err, SB_EDATA, NULL, 0, 0,
                            "a fit needs two points or more");
    if (n > SMALL && (buf = sb_new(double, 2 * n)) == NULL)
        return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    xc = buf;
    ys = buf + n;
    k = out->yscale = y_scale(y, n);
    out->n = n;
    /* x are years: their plain sum is exact. y's mean comes out of the
       fit itself (c0 at the centre), which saves a pass per fit. */
    out->xbar = 0;
    for (i = 0; i < n; i++)
        out->xbar += x[i];
    out->xbar /= (double)n;
    out->sxx = 0;
    for (i = 0; i < n; i++) {
        xc[i] = x[i] - out->xbar;
        ys[i] = y[i] / k;
        out->sxx += xc[i] * xc[i];
    }
    rc = out->sxx == 0 ? GSL_EDOM
                       : gsl_fit_linear(xc, 1, ys, 1, n, &c0, &c1,
                                        &out->cov00, &out->cov01,
                                        &out->cov11, &sumsq);
    if (rc == GSL_SUCCESS) {
        double tss = gsl_stats_tss_m(ys, 1, n, c0);
        out->c0 = c0 * k;
        out->ybar = out->c0;
        out->slope = c1 * k;
        out->intercept = out->c0 - out->slope * out->xbar;
        out->sse = sumsq * k * k;
        out->tss = tss * k * k;
        out->s_scaled = n >= 3 ? sqrt(sumsq / (double)(n - 2)) : NAN;
        out->s = out->s_scaled * k;
        /* Constant values explain nothing: r2 is undefined, not 1. */
        out->r2 = n >= 3 && tss > 0 ? 1.0 - sumsq / tss : NAN;
    }
    if (buf != small)
        free(buf);
    if (out->sxx == 0)
        return sb_error_set(err, SB_EDATA, NULL, 0, 0,
                            "a fit needs two distinct x values");
    if (rc != GSL_SUCCESS)
        return sb_error_set(err, SB_EINTERNAL, NULL, 0, 0,
                            "gsl_fit_linear: %s", gsl_strerror(rc));
    return SB_OK;
}

sb_status metrics_fit_slope(const double *x, const double *y, size_t n,
                            double *slope, sb_error *err)
{
    double small[SMALL], *xc = small, xbar = 0, c0, cov00, cov01, cov11;
    double sumsq;
    size_t i;
    int rc;

    if (n < 2)
        return sb_error_set(err, SB_EDATA, NULL, 0, 0,
                            "a fit needs two points or more");
    if (n > SMALL && (xc = sb_new(double, n)) == NULL)
        return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    for (i = 0; i < n; i++)
        xbar += x[i];
    xbar /= (double)n;
    for (i = 0; i < n; i++)
        xc[i] = x[i] - xbar;
    rc = gsl_fit_linear(xc, 1, y, 1, n, &c0, slope, &cov00, &cov01, &cov11,
                        &sumsq);
    if (xc != small)
        free(xc);
    if (rc != GSL_SUCCESS)
        return sb_error_set(err, SB_EINTERNAL, NULL, 0, 0,
                            "gsl_fit_linear: %s", gsl_strerror(rc));
    return SB_OK;
}

/* t(0.975, df) is an iterative inverse CDF, the same for every series
   with as many points: a table for small df, filled once (thread-safe:
   batches may run in threads), computed directly beyond it. */
#define T_TABLE 128
static double t_table[T_TABLE];

static double t975(size_t df)
{
    static gsize ready = 0;
    size_t i;

    if (df >= T_TABLE)
        return gsl_cdf_tdist_Pinv(0.975, (double)df);
    if (g_once_init_enter(&ready)) {
        for (i = 1; i < T_TABLE; i++)
            t_table[i] = gsl_cdf_tdist_Pinv(0.975, (double)i);
        g_once_init_leave(&ready, 1);
    }
    return t_table[df];
}

sb_status metrics_fit_predict(const metrics_fit *f, double x0, double *y,
                              double *lo, double *hi, sb_error *err)
{
    double yhat, yerr, t, half;
    int rc;

    if (f->n < 3)
        return sb_error_set(err, SB_EDATA, NULL, 0, 0,
                            "a prediction interval needs three points");
    rc = gsl_fit_linear_est(x0 - f->xbar, f->c0 / f->yscale,
                            f->slope / f->yscale, f->cov00, f->cov01,
                            f->cov11, &yhat, &yerr);
    if (rc != GSL_SUCCESS)
        return sb_error_set(err, SB_EINTERNAL, NULL, 0, 0,
                            "gsl_fit_linear_est: %s", gsl_strerror(rc));
    /* yerr is the standard error of the fitted mean, s·sqrt(1/n + d²/Sxx);
       a new observation adds s² more. */
    t = t975(f->n - 2);
    half = t * sqrt(yerr * yerr + f->s_scaled * f->s_scaled) * f->yscale;
    *y = yhat * f->yscale;
    *lo = *y - half;
    *hi = *y + half;
    return SB_OK;
}
