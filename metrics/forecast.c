/*
 * metrics/forecast.c -- the forecast rule (forecast.h): span, breaks,
 * the tests the fit must pass, the prediction and its cut at zero.
 */
#include "forecast.h"

#include "fit.h"

#include <math.h>
#include <string.h>

/* The 5% lower bound dL of the Durbin-Watson statistic for a regression
   on one variable with an intercept, by number of points (Savin and
   White, Econometrica 45, 1977, table for k' = 1). d below dL: the
   residuals are positively autocorrelated, the trend line does not
   describe the series. Indexed n - FORECAST_MIN_POINTS. */
static const double dw_lower[FORECAST_MAX_POINTS - FORECAST_MIN_POINTS + 1] =
    {0.763, 0.824, 0.879};

static const char *const why_text[] = {
    [FORECAST_MADE] = "a forecast is made",
    [FORECAST_FEW] = "fewer than eight values in the latest ten points",
    [FORECAST_BREAK] = "a series break (flagged, or a detected level "
                       "shift) lies inside the fitted span",
    [FORECAST_LOW_R2] = "the linear trend explains less than 80% of the "
                        "variation (R\xc2\xb2 below 0.8)",
    [FORECAST_AUTOCORR] = "the residuals of the trend are autocorrelated "
                          "(Durbin-Watson test at 5%)",
    [FORECAST_BELOW_ZERO] = "the trend of a quantity that cannot be "
                            "negative falls below zero",
};

const char *forecast_why_text(forecast_why why)
{
    return why_text[why];
}

size_t forecast_span_start(size_t n)
{
    return n > FORECAST_MAX_POINTS ? n - FORECAST_MAX_POINTS : 0;
}

/* The Durbin-Watson statistic of the fit's residuals, in the fit's
   scaled units (the ratio does not depend on them); NaN when they are
   all zero (a line through every point: nothing is left to correlate). */
static double durbin_watson(const metrics_fit *f, const double *x,
                            const double *y, size_t n)
{
    double num = 0, den = 0, prev = 0, e;
    size_t i;

    for (i = 0; i < n; i++) {
        e = (y[i] - f->c0 - f->slope * (x[i] - f->xbar)) / f->yscale;
        den += e * e;
        if (i > 0)
            num += (e - prev) * (e - prev);
        prev = e;
    }
    return den > 0 ? num / den : NAN;
}

/* The tests the fit must pass: FORECAST_MADE when it holds. */
static forecast_why fit_holds(forecast_result *out, const metrics_fit *f,
                              const double *x, const double *y, size_t n)
{
    out->slope = f->slope;
    out->r2 = f->r2;
    /* constant values (r2 undefined) have no trend to extend */
    if (!(f->r2 >= FORECAST_MIN_R2))
        return FORECAST_LOW_R2;
    out->dw = durbin_watson(f, x, y, n);
    if (out->dw < dw_lower[n - FORECAST_MIN_POINTS])
        return FORECAST_AUTOCORR;
    return FORECAST_MADE;
}

static void none(forecast_result *out, forecast_why why)
{
    out->why = why;
    out->year = 0;
    out->value = out->lo = out->hi = NAN;
    out->cut = 0;
}

sb_status forecast_make(const double *x, const double *y,
                        const unsigned char *filled, size_t n, int nonneg,
                        int brk, forecast_result *out, sb_error *err)
{
    size_t i0 = forecast_span_start(n), observed = 0, i;
    metrics_fit f;
    sb_error e = {0};
    sb_status rc;

    none(out, FORECAST_FEW);
    out->slope = out->r2 = out->dw = NAN;
    for (i = i0; i < n; i++) {
        observed += filled == NULL || !filled[i];
        nonneg = nonneg && y[i] >= 0;
    }
    if (observed < FORECAST_MIN_POINTS)
        return SB_OK;
    if (brk) {
        none(out, FORECAST_BREAK);
        return SB_OK;
    }
    x += i0;
    y += i0;
    n -= i0;
    /* eight years or more are distinct: the fit cannot fail */
    if ((rc = metrics_fit_linear(x, y, n, &f, &e)) != SB_OK) {
        *err = e;
        return rc;
    }
    if ((out->why = fit_holds(out, &f, x, y, n)) != FORECAST_MADE)
        return SB_OK;
    if ((rc = metrics_fit_predict(&f, x[n - 1] + 1.0, &out->value, &out->lo,
                                  &out->hi, err)) != SB_OK)
        return rc;
    if (nonneg && out->value < 0) {
        none(out, FORECAST_BELOW_ZERO);
        return SB_OK;
    }
    if (nonneg && out->lo < 0) {
        out->lo = 0;
        out->cut = 1;
    }
    out->year = (int)x[n - 1] + 1;
    return SB_OK;
}
