/*
 * plots/ticks.c -- extended Wilkinson tick search.
 *
 * Score = 0.25 simplicity + 0.2 coverage + 0.5 density + 0.05 legibility,
 * searched with the paper's upper bounds so that the loops stop early.
 * Legibility: 1 when neighbouring labels are 1.5 em apart or more,
 * falling as they near each other, -100 when they touch; minus a little
 * for every decimal.
 */
#include "ticks.h"

#include "metrics/format.h"

#include <math.h>

static const double Q[] = {1, 5, 2, 2.5, 4, 3};
#define NQ 6
static const double W[4] = {0.25, 0.2, 0.5, 0.05};
#define EPS 1e-10

static double simplicity(int qi, int j, double lmin, double lmax,
                         double step)
{
    double v = 0;
    /* zero among the labels counts as simpler */
    if (lmin <= 0 && lmax >= 0 &&
        fabs(fmod(lmin, step)) < EPS * fmax(1, step))
        v = 1;
    return 1 - (double)qi / (NQ - 1) - j + v;
}

static double simplicity_max(int qi, int j)
{
    return 1 - (double)qi / (NQ - 1) - j + 1;
}

static double coverage(double dmin, double dmax, double lmin, double lmax)
{
    double r = dmax - dmin;

    return 1 - 0.5 * (pow(dmax - lmax, 2) + pow(dmin - lmin, 2)) /
                   pow(0.1 * r, 2);
}

static double coverage_max(double dmin, double dmax, double span)
{
    double r = dmax - dmin;

    if (span > r) {
        double half = (span - r) / 2;
        return 1 - 0.5 * (2 * half * half) / pow(0.1 * r, 2);
    }
    return 1;
}

static double density(int k, double m, double dmin, double dmax,
                      double lmin, double lmax)
{
    double r = (k - 1) / (lmax - lmin);
    double rt = (m - 1) / (fmax(lmax, dmax) - fmin(dmin, lmin));

    return 2 - fmax(r / rt, rt / r);
}

static double density_max(int k, double m)
{
    return k >= m ? 2 - (k - 1) / (m - 1) : 1;
}

/* Labels closer than 1.5 em are hard to read; touching ones, unusable. */
static double legibility(const plot_axis *a, double dmin, double dmax,
                         double lmin, double step, int k, int decimals)
{
    double lmax = lmin + step * (k - 1), leg = 1;
    /* the axis shows the data and the labels: points per unit */
    double scale = a->length / (fmax(lmax, dmax) - fmin(lmin, dmin));
    int i;

    for (i = 0; i + 1 < k; i++) {
        double e0 = a->measure(a->user, lmin + i * step, step);
        double e1 = a->measure(a->user, lmin + (i + 1) * step, step);
        /* centred labels: the gap between neighbours */
        double gap = step * scale - (e0 + e1) / 2;
        /* The paper's -inf for touching labels, made finite: any legible
           set still wins, and the search keeps a bound to prune with when
           no set is legible (a tiny axis) instead of trying them all. */
        if (gap <= 0)
            return -100;
        if (gap < 1.5 * a->em)
            leg = fmin(leg, 2 - 1.5 * a->em / gap);
    }
    return leg - 0.1 * decimals;
}

typedef struct {
    const plot_axis *a;
    double dmin, dmax, m;
    plot_ticks best;
} search;

/* Scores the tick set lmin + i*step, i < k; keeps it if best. */
static void consider(search *s, int qi, int j, double lmin, double step,
                     int k)
{
    double lmax = lmin + step * (k - 1), score, leg;
    int decimals = fmt_step_decimals(step);

    if (s->a->integers && fabs(step - round(step)) > EPS)
        return;
    if (s->a->from_zero && (lmin > 0 + EPS || lmax < 0 - EPS))
        return;
    score = W[0] * simplicity(qi, j, lmin, lmax, step) +
            W[1] * coverage(s->dmin, s->dmax, lmin, lmax) +
            W[2] * density(k, s->m, s->dmin, s->dmax, lmin, lmax);
    if (score + W[3] <= s->best.score)
        return;                      /* legibility cannot save it */
    leg = legibility(s->a, s->dmin, s->dmax, lmin, step, k, decimals);
    score += W[3] * leg;
    if (score > s->best.score) {
        s->best.lmin = lmin;
        s->best.lmax = lmax;
        s->best.step = step;
        s->best.n = k;
        s->best.decimals = decimals;
        s->best.score = score;
    }
}

/* All offsets of step q*j*10^z covering the data with k ticks. */
static void starts(search *s, int qi, int j, int k, double step)
{
    double min_start = floor(s->dmax / step) * j - (double)(k - 1) * j;
    double max_start = ceil(s->dmin / step) * j, st;

    if (max_start - min_start > 10000)   /* a runaway range: skip */
        return;
    for (st = min_start; st <= max_start; st++)
        consider(s, qi, j, st * (step / j), step, k);
}

static void run(search *s)
{
    int j, qi, k;

    for (j = 1; j < 30; j++) {
        for (qi = 0; qi < NQ; qi++) {
            double sm = simplicity_max(qi, j), q = Q[qi];
            if (W[0] * sm + W[1] + W[2] + W[3] < s->best.score)
                return;
            for (k = 2; k < 60; k++) {
                double dm = density_max(k, s->m), delta, z;
                if (W[0] * sm + W[1] + W[2] * dm + W[3] < s->best.score)
                    break;
                delta = (s->dmax - s->dmin) / (k + 1) / j / q;
                for (z = ceil(log10(delta)); z < 400; z++) {
                    double step = j * q * pow(10, z);
                    double cm = coverage_max(s->dmin, s->dmax,
                                             step * (k - 1));
                    /* Past ten spans of the data nothing can score: stop,
                       even when no legible candidate has set a bound (a
                       tiny axis), which would let z run to infinity. */
                    if (!isfinite(step) ||
                        step * (k - 1) > 10 * (s->dmax - s->dmin))
                        break;
                    if (W[0] * sm + W[1] * cm + W[2] * dm + W[3] <
                        s->best.score)
                        break;
                    starts(s, qi, j, k, step);
                }
            }
        }
    }
}

int plot_ticks_compute(const plot_axis *a, plot_ticks *out)
{
    search s;

    if (!isfinite(a->dmin) || !isfinite(a->dmax) || !(a->length > 0))
        return -1;
    s.a = a;
    s.dmin = fmin(a->dmin, a->dmax);
    s.dmax = fmax(a->dmin, a->dmax);
    if (a->from_zero) {
        s.dmin = fmin(s.dmin, 0);
        s.dmax = fmax(s.dmax, 0);
    }
    if (s.dmax - s.dmin < 1e-12 * fmax(1, fabs(s.dmax))) {
        /* one value: a nice range around it */
        double pad = s.dmax != 0 ? fabs(s.dmax) * 0.1 : 1;
        if (a->integers)
            pad = fmax(1, round(pad));
        s.dmin -= pad;
        s.dmax += pad;
    }
    s.m = fmax(2, a->length * a->density);
    s.best.score = -INFINITY;
    s.best.n = 0;
    run(&s);
    if (s.best.n == 0) {                 /* nothing legible: the ends */
        s.best.lmin = s.dmin;
        s.best.lmax = s.dmax;
        s.best.step = s.dmax - s.dmin;
        s.best.n = 2;
        s.best.decimals = fmt_step_decimals(s.best.step);
    }
    *out = s.best;
    return 0;
}
