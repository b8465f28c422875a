/*
 * metrics/fit.c -- OLS computed directly from sums over centred x and
 * y (fit.h); prediction intervals with gsl_fit_linear_est and
 * gsl_cdf_tdist_Pinv.
 *
 * Why not gsl_fit_linear: it keeps running means, a division per point
 * and per sum, each waiting on the one before; `metrics` fits up to
 * three lines per series (600,000 series in a bulk extract), and those
 * chains of divisions were its largest cost after the load. Here three
 * passes without a division inside a loop: x's sum and y's scale; the
 * sums of deviations (x from its mean, y from its first value, which
 * keeps a constant series exactly flat), corrected to the means; the
 * residuals about the fitted line. The NIST StRD sets (tests/nist)
 * keep the digits the unit tests ask: means up to 2.4 digits closer
 * than gsl_fit_linear's, NumAcc2's SD 1.4 digits less close (14.2),
 * the rest within 0.3 (docs/PERFORMANCE.md lists them). GSL stays for
 * what it does better: the prediction's standard error and the t
 * quantiles.
 */
#include "fit.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <glib.h>
#include <math.h>

/* The first pass: x's sum, max |y|, whether x is constant. */
static void first_pass(const double *x, const double *y, size_t n,
                       double *xsum, double *ymax, int *x_same)
{
    double sum = 0, m = 0;
    int same = 1;
    size_t i;

    for (i = 0; i < n; i++) {
        double a = fabs(y[i]);
        sum += x[i];
        m = a > m ? a : m;                    /* NaN never wins */
        same &= x[i] == x[0];
    }
    *xsum = sum;
    *ymax = m;
    *x_same = same;
}

/* The exponent e of the power of two 2^e at or above m = max |y| (0
   when all y are 0), kept where both 2^e and 2^-e are normal: y · 2^-e
   is then y / 2^e exactly, a product in place of a division. */
static int y_exponent(double m)
{
    int e;

    if (m == 0 || !isfinite(m))
        return 0;
    frexp(m, &e);
    return e < -1021 ? -1021 : e > 1021 ? 1021 : e;
}

/* Sums about the means, in one pass: x about xbar (then about the mean
   dx of x - xbar, which xbar's rounding moves), y · inv shifted by its
   first value, which makes a constant series' deviations exactly zero
   and keeps the products small. */
typedef struct {
    double mdx, ybar, sxx, sxy;
} moments;

static void moments_of(const double *x, const double *y, size_t n,
                       double xbar, double inv, moments *m)
{
    double y0 = y[0] * inv, sdx = 0, sdy = 0, sxx = 0, sxy = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        double dx = x[i] - xbar, dy = y[i] * inv - y0;
        sdx += dx;
        sdy += dy;
        sxx += dx * dx;
        sxy += dx * dy;
    }
    m->mdx = sdx / (double)n;
    m->ybar = y0 + sdy / (double)n;
    m->sxx = sxx - sdx * m->mdx;
    m->sxy = sxy - m->mdx * sdy;
}

/* The residual and total sums of squares (y · inv) of the line through
   (xbar + mdx, ybar) with slope b. */
static void squares(const double *x, const double *y, size_t n,
                    double xbar, double inv, const moments *m, double b,
                    double *sse, double *tss)
{
    double e2 = 0, d2 = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        double dy = y[i] * inv - m->ybar;
        double e = dy - b * ((x[i] - xbar) - m->mdx);
        e2 += e * e;
        d2 += dy * dy;
    }
    *sse = e2;
    *tss = d2;
}

sb_status metrics_fit_linear(const double *x, const double *y, size_t n,
                             metrics_fit *out, sb_error *err)
{
    moments m;
    double xsum, ymax, inv, b, sse, tss, s2;
    int e, x_same;

    if (n < 2)
        return sb_error_set(err, SB_EDATA, NULL, 0, 0,
                            "a fit needs two points or more");
    first_pass(x, y, n, &xsum, &ymax, &x_same);
    if (x_same)
        return sb_error_set(err, SB_EDATA, NULL, 0, 0,
                            "a fit needs two distinct x values");
    e = y_exponent(ymax);
    out->yscale = ldexp(1.0, e);
    inv = ldexp(1.0, -e);
    out->n = n;
    out->xbar = xsum / (double)n;       /* x are years: the sum is exact */
    moments_of(x, y, n, out->xbar, inv, &m);
    b = m.sxy / m.sxx;
    squares(x, y, n, out->xbar, inv, &m, b, &sse, &tss);
    out->sxx = m.sxx;
    out->c0 = (m.ybar - b * m.mdx) * out->yscale;  /* the line at xbar */
    out->ybar = m.ybar * out->yscale;
    out->slope = b * out->yscale;
    out->intercept = out->c0 - out->slope * out->xbar;
    out->sse = sse * out->yscale * out->yscale;
    out->tss = tss * out->yscale * out->yscale;
    s2 = n >= 3 ? sse / (double)(n - 2) : NAN;
    out->s_scaled = sqrt(s2);
    out->s = out->s_scaled * out->yscale;
    /* Constant values explain nothing: r2 is undefined, not 1. */
    out->r2 = n >= 3 && tss > 0 ? 1.0 - sse / tss : NAN;
    /* the covariances of (c0, slope) in y / yscale about x = xbar, as
       gsl_fit_linear gives them: what gsl_fit_linear_est takes */
    out->cov11 = s2 / m.sxx;
    out->cov01 = -m.mdx * out->cov11;
    out->cov00 = s2 / (double)n + m.mdx * m.mdx * out->cov11;
    return SB_OK;
}

sb_status metrics_fit_slope(const double *x, const double *y, size_t n,
                            double *slope, sb_error *err)
{
    moments m;
    double xsum, ymax;
    int x_same;

    if (n < 2)
        return sb_error_set(err, SB_EDATA, NULL, 0, 0,
                            "a fit needs two points or more");
    first_pass(x, y, n, &xsum, &ymax, &x_same);
    if (x_same)
        return sb_error_set(err, SB_EDATA, NULL, 0, 0,
                            "a fit needs two distinct x values");
    moments_of(x, y, n, xsum / (double)n, 1.0, &m);
    *slope = m.sxy / m.sxx;
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
