/*
 * metrics/fit.c -- OLS with gsl_fit_linear on centred x; prediction
 * intervals with gsl_fit_linear_est and gsl_cdf_tdist_Pinv.
 */
#include "fit.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>

#define SMALL 64                 /* points fitted without allocating */

sb_status metrics_fit_linear(const double *x, const double *y, size_t n,
                             metrics_fit *out, sb_error *err)
{
    double small[SMALL], *xc = small, sumsq, c1;
    size_t i;
    int rc;

    if (n < 2)
        return sb_error_set(err, SB_EDATA, NULL, 0, 0,
                            "a fit needs two points or more");
    if (n > SMALL && (xc = malloc(n * sizeof *xc)) == NULL)
        return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    out->n = n;
    out->xbar = gsl_stats_mean(x, 1, n);
    out->ybar = gsl_stats_mean(y, 1, n);
    out->sxx = 0;
    for (i = 0; i < n; i++) {
        xc[i] = x[i] - out->xbar;
        out->sxx += xc[i] * xc[i];
    }
    if (out->sxx == 0) {
        if (xc != small)
            free(xc);
        return sb_error_set(err, SB_EDATA, NULL, 0, 0,
                            "a fit needs two distinct x values");
    }
    rc = gsl_fit_linear(xc, 1, y, 1, n, &out->c0, &c1, &out->cov00,
                        &out->cov01, &out->cov11, &sumsq);
    if (xc != small)
        free(xc);
    if (rc != GSL_SUCCESS)
        return sb_error_set(err, SB_EINTERNAL, NULL, 0, 0,
                            "gsl_fit_linear: %s", gsl_strerror(rc));
    out->slope = c1;
    out->intercept = out->c0 - c1 * out->xbar;
    out->sse = sumsq;
    out->tss = gsl_stats_tss_m(y, 1, n, out->ybar);
    out->s = n >= 3 ? sqrt(sumsq / (double)(n - 2)) : NAN;
    /* Constant values explain nothing: r2 is undefined, not 1 or NaN. */
    out->r2 = n >= 3 && out->tss > 0 ? 1.0 - sumsq / out->tss : NAN;
    return SB_OK;
}

sb_status metrics_fit_predict(const metrics_fit *f, double x0, double *y,
                              double *lo, double *hi, sb_error *err)
{
    double yhat, yerr, t, half;
    int rc;

    if (f->n < 3)
        return sb_error_set(err, SB_EDATA, NULL, 0, 0,
                            "a prediction interval needs three points");
    rc = gsl_fit_linear_est(x0 - f->xbar, f->c0, f->slope, f->cov00,
                            f->cov01, f->cov11, &yhat, &yerr);
    if (rc != GSL_SUCCESS)
        return sb_error_set(err, SB_EINTERNAL, NULL, 0, 0,
                            "gsl_fit_linear_est: %s", gsl_strerror(rc));
    /* yerr is the standard error of the fitted mean, s·sqrt(1/n + d²/Sxx);
       a new observation adds s² more. */
    t = gsl_cdf_tdist_Pinv(0.975, (double)(f->n - 2));
    half = t * sqrt(yerr * yerr + f->s * f->s);
    *y = yhat;
    *lo = yhat - half;
    *hi = yhat + half;
    return SB_OK;
}
