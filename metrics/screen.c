/*
 * metrics/screen.c -- the data-quality screening of screen.h: each
 * series' own points (breaks, level shifts, scale slips, rounded runs),
 * then what needs the other series of its indicator (stale series,
 * slips against the peers of the same year, totals against the sum of
 * their parts).
 *
 * Nothing here prints; the words are screen_words.c's. Allocation goes
 * through core/alloc.h (NULL: SB_ENOMEM).
 */
#include "screen.h"

#include "core/alloc.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

/* A series' points with a value, years ascending; one block. */
typedef struct {
    const sb_series *s;
    double *year, *value;
    size_t *obs;                 /* index of each point in s->obs */
    size_t n;
} points;

static void points_free(points *p)
{
    g_free(p->year);
    memset(p, 0, sizeof *p);
}

static int points_build(const sb_series *s, points *p)
{
    size_t i, cap = s->n + 1;

    memset(p, 0, sizeof *p);
    p->s = s;
    p->year = sb_malloc(cap * (2 * sizeof(double) + sizeof(size_t)));
    if (p->year == NULL)
        return -1;
    p->value = p->year + cap;
    p->obs = (size_t *)(void *)(p->value + cap);
    for (i = 0; i < s->n; i++) {
        if (s->obs[i].state & SB_OBS_MISSING)
            continue;
        p->year[p->n] = s->obs[i].year;
        p->value[p->n] = s->obs[i].value;
        p->obs[p->n++] = i;
    }
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

/* v[k] once v[0..n) is reordered so that nothing before k is larger
   and nothing after it smaller (Hoare's selection, Wirth's loop): the
   k-th smallest, in time linear in n. No NaN in v. */
static double select_kth(double *v, size_t n, size_t k)
{
    ptrdiff_t lo = 0, hi = (ptrdiff_t)n - 1, i, j, kk = (ptrdiff_t)k;

    while (lo < hi) {
        double x = v[kk], t;
        for (i = lo, j = hi; i <= j;) {
            while (v[i] < x)
                i++;
            while (x < v[j])
                j--;
            if (i <= j) {
                t = v[i];
                v[i++] = v[j];
                v[j--] = t;
            }
        }
        if (j < kk)
            lo = i;
        if (kk < i)
            hi = j;
    }
    return v[k];
}

/* The median of v[0..n) (reordered); NaN when n is 0. The same value
   as sorting v and taking the middle: a selection finds it without the
   sort (once per series a screen or a window asks, three times each),
   unless v holds a NaN, which has no place in an order. */
static double median(double *v, size_t n)
{
    size_t i, k = n / 2;
    double lower;

    if (n == 0)
        return NAN;
    for (i = 0; i < n && !isnan(v[i]); i++)
        ;
    if (i < n) {
        qsort(v, n, sizeof *v, cmp_double);
        return n % 2 ? v[k] : (v[k - 1] + v[k]) / 2;
    }
    select_kth(v, n, k);
    if (n % 2)
        return v[k];
    for (lower = v[0], i = 1; i < k; i++)  /* the largest before k */
        lower = v[i] > lower ? v[i] : lower;
    return (lower + v[k]) / 2;
}

/* k when r is about 10^k (|k| from lo to 4, within SCREEN_SLIP_BAND in
   log10), else 0. */
static int decade_factor(double r, int lo)
{
    double l, k;

    if (!(r > 0) || !isfinite(r))
        return 0;
    l = log10(r);
    k = round(l);
    if (fabs(k) < lo || fabs(k) > 4 || fabs(l - k) >= SCREEN_SLIP_BAND)
        return 0;
    return (int)k;
}

/* ---- level shifts --------------------------------------------------------- */

/* The year-on-year change into point i (consecutive years only): the
   relative change of an amount or count (NaN unless both values are
   positive), a rate's change in points over the median absolute level.
   NaN when i has no year before. */
static double change_at(const double *year, const double *value, size_t i,
                        int relative, double scale)
{
    if (i == 0 || year[i] - year[i - 1] != 1)
        return NAN;
    if (relative)
        return value[i] > 0 && value[i - 1] > 0 ? value[i] / value[i - 1] - 1
                                                : NAN;
    return (value[i] - value[i - 1]) / scale;
}

/* Whether median() of |v[0..n)| would be above zero, by counting the
   zeros instead of ordering (n > 0, no NaN; *known 0 otherwise): of
   |v| sorted, the middle one, or the mean of the two middle ones. */
static int abs_median_positive(const double *v, size_t n, int *known)
{
    size_t i, zeros = 0, k = n / 2;
    double least = INFINITY;             /* the least |v| above zero */

    *known = n > 0;
    for (i = 0; i < n && *known; i++) {
        double a = fabs(v[i]);
        *known = !isnan(a);
        zeros += a == 0;
        least = a != 0 && a < least ? a : least;
    }
    if (!*known || zeros > k)
        return 0;
    /* with k zeros and n even, the median is (0 + least) / 2 */
    return zeros < k || n % 2 || least / 2 > 0;
}

/* Whether the m changes lie within SCREEN_SHIFT_FLOOR of each other:
   then none departs from their median by more than the floor, which
   every threshold is at least, and no shift can be found. */
static int within_floor(const double *c, size_t m)
{
    double lo = INFINITY, hi = -INFINITY;
    size_t i;

    for (i = 0; i < m; i++) {
        lo = c[i] < lo ? c[i] : lo;
        hi = c[i] > hi ? c[i] : hi;
    }
    return hi - lo <= SCREEN_SHIFT_FLOOR;
}

/* The changes and the scratch of screen_shifts fit on the stack up to
   this many points (an annual series from 1960 to 2031: WDI's 65 years
   and room); a malloc per series was a tenth of the screen.
   tests/oom.sh's long series (80 points) reaches the malloc. */
#define SHIFTS_STACK 72

/* The year-on-year changes into d[0..n) (NaN where none), those there
   are into tmp[0..*m); 0, or -1 when the screen stops there: too few
   changes, or a level of zero (a rate's median |value|, which its
   changes are divided by; an amount's is only compared with zero,
   which a count of zeros tells without the median). */
static int changes(const double *year, const double *value, size_t n,
                   int relative, double *d, double *tmp, size_t *m,
                   double *scale)
{
    size_t i;
    int known = 0;
    int positive = relative ? abs_median_positive(value, n, &known) : 0;

    if (!known) {
        for (i = 0; i < n; i++)
            tmp[i] = fabs(value[i]);
        *scale = median(tmp, n);
        positive = *scale > 0;
    }
    for (*m = 0, i = 0; i < n; i++)
        if (!isnan(d[i] = change_at(year, value, i, relative, *scale)))
            tmp[(*m)++] = d[i];
    return *m < SCREEN_SHIFT_MIN || !positive ? -1 : 0;
}

long screen_shifts(const double *year, const double *value, size_t n,
                   int relative, double resolution, size_t *at,
                   screen_severity *sev, double *med_out)
{
    double small[2 * SHIFTS_STACK], *tmp, med, mad, thr, scale = 1;
    double *d = n <= SHIFTS_STACK ? small : sb_new(double, 2 * n + 1);
    size_t i, m = 0;
    long found = 0;

    if (d == NULL)
        return -1;
    tmp = d + n;
    if (med_out != NULL)
        *med_out = NAN;
    if (changes(year, value, n, relative, d, tmp, &m, &scale) != 0 ||
        (med_out == NULL && within_floor(tmp, m))) {
        if (d != small)
            g_free(d);
        return 0;
    }
    med = median(tmp, m);
    for (i = 0; i < m; i++)
        tmp[i] = fabs(tmp[i] - med);
    mad = median(tmp, m);
    thr = fmax(SCREEN_SHIFT_K * 1.4826 * mad, SCREEN_SHIFT_FLOOR);
    if (med_out != NULL)
        *med_out = relative ? med * 100 : med * scale;
    for (i = 1; i < n; i++) {
        double dev = d[i] - med, next = i + 1 < n ? d[i + 1] - med : NAN;
        double prev = d[i - 1] - med;
        if (isnan(dev) || fabs(dev) <= thr ||
            fabs(value[i] - value[i - 1]) < SCREEN_SHIFT_DIGITS * resolution)
            continue;
        /* a spike that reverts the next year is no shift of level (nor
           is its return), and a jump by a power of ten is a scale slip
           (reported as one) */
        if ((!isnan(next) && next * dev < 0 && fabs(next) > thr / 2) ||
            (!isnan(prev) && prev * dev < 0 && fabs(prev) > thr))
            continue;
        if (decade_factor(fabs(value[i] / value[i - 1]), 1) != 0)
            continue;
        at[found] = i;
        /* a warning (which moves the growth window) only for a large
           step that a later year confirms */
        sev[found++] = i + 1 < n && fabs(dev) > SCREEN_SHIFT_WARN
                           ? SCREEN_WARNING : SCREEN_INFO;
    }
    if (d != small)
        g_free(d);
    return found;
}

/* Whether value i of s carries a break flag: Eurostat's b, SDMX's B. */
static int flagged_break(const sb_dataset *ds, const sb_series *s, size_t i)
{
    uint32_t f = sb_series_flags(s, i);

    return f != 0 && strpbrk(sb_dataset_str(ds, f), "bB") != NULL;
}

/* Whether a series' changes are told in percent (amounts and counts
   with positive values) rather than in units (rates: points). */
static int relative(const sb_dataset *ds, const sb_series *s)
{
    return sb_dataset_indicator_at(ds, s->indicator)->kind != SB_KIND_RATE;
}

/* One unit of the last decimal the indicator is published with. */
static double resolution(const sb_dataset *ds, const sb_series *s)
{
    int d = sb_indicator_precision(sb_dataset_indicator_at(ds, s->indicator));

    return pow(10, -(d < 0 ? 0 : d));
}

int screen_break_year(const sb_dataset *ds, const sb_series *s, int after,
                      int upto, int shifts)
{
    points p;
    size_t i;
    int best = 0, shift;

    if (s->flags != NULL) {
        if (points_build(s, &p) != 0)
            return -1;
        for (i = 0; i < p.n; i++)
            if (flagged_break(ds, s, p.obs[i]) && p.year[i] > after &&
                (upto == 0 || p.year[i] <= upto))
                best = (int)p.year[i];
        points_free(&p);
    }
    if (!shifts)
        return best;
    shift = screen_shift_year(ds, s, after, upto, NULL);
    return shift < 0 ? -1 : shift > best ? shift : best;
}

int screen_shift_year(const sb_dataset *ds, const sb_series *s, int after,
                      int upto, double *step)
{
    points p;
    int best;

    if (s->n < SCREEN_SHIFT_MIN + 1)    /* too short to tell: no scan */
        return 0;
    if (points_build(s, &p) != 0)
        return -1;
    best = screen_shift_year_at(ds, s, p.year, p.value, p.n, after, upto,
                                step);
    points_free(&p);
    return best;
}

/* The shifts' positions and severities fit on the stack up to this many
   points (most annual series); longer ones allocate. */
#define SHIFTS_SMALL 64

int screen_shift_year_at(const sb_dataset *ds, const sb_series *s,
                         const double *year, const double *value, size_t n,
                         int after, int upto, double *step)
{
    size_t at_small[SHIFTS_SMALL], *at = at_small, j;
    screen_severity sev_small[SHIFTS_SMALL], *sev = sev_small;
    long k, found;
    int best = 0;

    if (s->n < SCREEN_SHIFT_MIN + 1)    /* too short to tell: no scan */
        return 0;
    if (n + 1 > SHIFTS_SMALL) {
        at = sb_new(size_t, n + 1);
        sev = sb_new(screen_severity, n + 1);
    }
    found = at && sev ? screen_shifts(year, value, n, relative(ds, s),
                                      resolution(ds, s), at, sev, NULL)
                      : -1;
    for (k = 0; k < found; k++) {
        j = at[k];
        if (sev[k] != SCREEN_WARNING || year[j] <= after ||
            (upto != 0 && year[j] > upto) || year[j] <= best || j == 0)
            continue;
        best = (int)year[j];
        if (step != NULL)
            *step = relative(ds, s)
                        ? (value[j] / value[j - 1] - 1.0) * 100.0
                        : value[j] - value[j - 1];
    }
    if (at != at_small)
        g_free(at);
    if (sev != sev_small)
        g_free(sev);
    return found < 0 ? -1 : best;
}

/* ---- the list --------------------------------------------------------------- */

static screen_finding *push(screen_list *l, screen_kind kind,
                            screen_severity sev, const points *p, size_t i)
{
    screen_finding *f;

    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        screen_finding *q = sb_renew(screen_finding, l->items, cap);
        if (q == NULL)
            return NULL;
        l->items = q;
        l->cap = cap;
    }
    f = &l->items[l->n++];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->severity = sev;
    f->indicator = p->s->indicator;
    f->region = p->s->region;
    f->year = (int)p->year[i];
    f->value = p->value[i];
    f->other = f->change = f->usual = NAN;
    return f;
}

void screen_list_clear(screen_list *l)
{
    g_free(l->items);
    memset(l, 0, sizeof *l);
}

/* ---- one series ------------------------------------------------------------- */

static int breaks(const sb_dataset *ds, const points *p, screen_list *l)
{
    size_t i;
    screen_finding *f;

    for (i = 0; i < p->n; i++) {
        if (!flagged_break(ds, p->s, p->obs[i]))
            continue;
        if ((f = push(l, SCREEN_BREAK, SCREEN_WARNING, p, i)) == NULL)
            return -1;
        if (i > 0) {
            f->other = p->value[i - 1];
            f->year2 = (int)p->year[i - 1];
        }
    }
    return 0;
}

static int shifts(const sb_dataset *ds, const points *p, screen_list *l)
{
    size_t *at = sb_new(size_t, p->n + 1), i;
    screen_severity *sev = sb_new(screen_severity, p->n + 1);
    double med = NAN;
    long k, found = at && sev ? screen_shifts(p->year, p->value, p->n,
                                              relative(ds, p->s),
                                              resolution(ds, p->s), at, sev,
                                              &med) : -1;
    int positive = relative(ds, p->s);
    for (k = 0; k < found; k++) {
        screen_finding *f;
        i = at[k];
        if (flagged_break(ds, p->s, p->obs[i]))
            continue;                   /* the publisher said so already */
        if ((f = push(l, SCREEN_SHIFT, sev[k], p, i)) == NULL) {
            found = -1;
            break;
        }
        f->other = p->value[i - 1];
        f->year2 = (int)p->year[i - 1];
        f->change = positive ? (p->value[i] / p->value[i - 1] - 1) * 100
                             : p->value[i] - p->value[i - 1];
        f->usual = med;
        f->count = positive;
    }
    g_free(at);
    g_free(sev);
    return found < 0 ? -1 : 0;
}

/* A value about 10^k times both neighbours, which agree with each other
   (a slip of one value); or a jump by 10^k that stays, in a series
   whose other year-on-year factors are all under 2 (a slip of every
   value from there on). */
static int slip_at(const points *p, size_t i, double *other, int *before)
{
    const double *v = p->value;
    size_t j;
    int k;

    if (i > 0 && i + 1 < p->n && v[i - 1] * v[i + 1] > 0 &&
        v[i] * v[i - 1] > 0 && fabs(log10(v[i - 1] / v[i + 1])) < 0.3) {
        *other = copysign(sqrt(v[i - 1] * v[i + 1]), v[i - 1]);
        *before = 0;
        if ((k = decade_factor(v[i] / *other, 1)) != 0)
            return k;
    }
    if (i == 0 || p->n < 3 || v[i] * v[i - 1] <= 0 ||
        (k = decade_factor(v[i] / v[i - 1], 1)) == 0)
        return 0;
    for (j = 1; j < p->n; j++)
        if (j != i && (v[j] * v[j - 1] <= 0 ||
                       fabs(log10(v[j] / v[j - 1])) >= log10(2.0)))
            return 0;
    *other = v[i - 1];
    *before = 1;
    return k;
}

/* The level of both neighbours of i when they agree with each other
   (within a factor of 2) and v[i] is SCREEN_OUTLIER_FACTOR times it or
   more, or a third or less, of the same sign: a spike such as a sample
   of another size published in one year. 0 when not. */
static double outlier_at(const points *p, size_t i)
{
    const double *v = p->value;
    double other, r;

    if (i == 0 || i + 1 >= p->n || p->year[i] - p->year[i - 1] != 1 ||
        p->year[i + 1] - p->year[i] != 1 || !(v[i - 1] * v[i + 1] > 0) ||
        !(v[i] * v[i - 1] > 0) || fabs(log10(v[i - 1] / v[i + 1])) >= 0.3)
        return 0;
    other = copysign(sqrt(v[i - 1] * v[i + 1]), v[i - 1]);
    r = v[i] / other;
    return r >= SCREEN_OUTLIER_FACTOR || r <= 1 / SCREEN_OUTLIER_FACTOR
               ? other : 0;
}

static int slips(const points *p, screen_list *l)
{
    size_t i;

    for (i = 0; i < p->n; i++) {
        double other;
        int before = 0, k = p->value[i] != 0 ? slip_at(p, i, &other, &before)
                                             : 0;
        screen_finding *f;
        if (k == 0 && p->value[i] != 0 && (other = outlier_at(p, i)) != 0) {
            if ((f = push(l, SCREEN_OUTLIER, SCREEN_WARNING, p, i)) == NULL)
                return -1;
            f->other = other;
            f->change = p->value[i] / other;
            continue;
        }
        if (k == 0)
            continue;
        /* the value after a one-value slip reads as a jump back */
        if (i > 0 && l->n > 0 && l->items[l->n - 1].kind == SCREEN_SLIP &&
            l->items[l->n - 1].year == (int)p->year[i - 1] &&
            l->items[l->n - 1].region == p->s->region)
            continue;
        if ((f = push(l, SCREEN_SLIP, SCREEN_WARNING, p, i)) == NULL)
            return -1;
        f->other = other;
        f->change = pow(10, k);
        f->count = before ? 2 : 0;
    }
    return 0;
}

/* The coarsest power of ten v is a multiple of (10^-6 to 10^12). */
static double step_of(double v)
{
    int e;

    for (e = 12; e > -6; e--) {
        double q = fabs(v) / pow(10, e);
        if (q >= 1 && fabs(q - round(q)) < 1e-9 * q)
            return pow(10, e);
    }
    return 1e-6;
}

/* Runs of SCREEN_RUN_MIN or more consecutive years with the same value
   of three significant digits or more (carried forward?), else of
   values all multiples of a step at least 100 times the series' usual
   one (rounded estimates?). res: a unit of the last decimal. */
static int rounded(const points *p, double res, screen_list *l)
{
    double *steps = sb_new(double, 2 * p->n + 1), usual;
    size_t i, j;
    screen_finding *f;

    if (steps == NULL)
        return -1;
    for (i = 0; i < p->n; i++)
        steps[i] = steps[p->n + i] = step_of(p->value[i]);
    usual = median(steps + p->n, p->n);
    for (i = 0; i < p->n; i = j) {
        int same = 1, coarse = p->n >= 2 * SCREEN_RUN_MIN;
        for (j = i + 1; j < p->n && p->year[j] == p->year[j - 1] + 1 &&
                        p->value[j] == p->value[i] &&
                        fabs(p->value[i]) >= 100 * res; j++)
            ;
        if (j - i < SCREEN_RUN_MIN) {
            same = 0;
            for (j = i; j < p->n && steps[j] >= 100 * usual && p->value[j]; j++)
                ;
            if (j == i)
                j = i + 1;
            coarse = coarse && j - i >= SCREEN_RUN_MIN && j - i < p->n;
        }
        if (!same && !coarse)
            continue;
        if ((f = push(l, SCREEN_ROUNDED, SCREEN_INFO, p, i)) == NULL) {
            g_free(steps);
            return -1;
        }
        f->year2 = (int)p->year[j - 1];
        f->count = (int)(j - i);
        f->usual = same ? 0 : steps[i];
        for (; !same && i < j; i++)
            f->usual = fmin(f->usual, steps[i]);
    }
    g_free(steps);
    return 0;
}

/* ---- across the indicator ---------------------------------------------------- */

/* Value of series s in year, NaN when none. */
static double value_in(const sb_series *s, int year)
{
    size_t lo = 0, hi = s->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->obs[mid].year < year)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < s->n && s->obs[lo].year == year &&
        !(s->obs[lo].state & SB_OBS_MISSING))
        return s->obs[lo].value;
    return NAN;
}

/* Every series' positive value in each year of an indicator, sorted, so
   that a point's peers (the others of its year) are one array less its
   own value: built once per indicator, not once per point (the World
   Bank's 265 series x 64 years sorted 17,000 arrays of 265). */
typedef struct {
    int y0, ny;                  /* years y0 .. y0 + ny - 1 */
    size_t *start;               /* year y's values: vals[start[y - y0]
                                    .. start[y - y0 + 1]) */
    double *vals;
} year_values;

typedef struct {
    const sb_dataset *ds;
    size_t lo, hi;               /* the indicator's series */
    int latest;                  /* its latest year with a value */
    year_values yv;
} indicator_scope;

static void year_values_free(year_values *yv)
{
    g_free(yv->start);
    g_free(yv->vals);
    memset(yv, 0, sizeof *yv);
}

/* Whether obs o counts as a peer value: present and positive. */
static int peer_value(const sb_obs *o)
{
    return !(o->state & SB_OBS_MISSING) && o->value > 0;
}

/* sc's year_values; -1 when out of memory. */
static int year_values_build(indicator_scope *sc)
{
    year_values *yv = &sc->yv;
    size_t k, i, n = 0, *fill;
    int y1 = 0;

    memset(yv, 0, sizeof *yv);
    for (k = sc->lo; k < sc->hi; k++) {
        const sb_series *s = sb_dataset_series_at(sc->ds, k);
        if (s->n == 0)
            continue;
        if (n == 0 || s->obs[0].year < yv->y0)
            yv->y0 = s->obs[0].year;
        if (n == 0 || s->obs[s->n - 1].year > y1)
            y1 = s->obs[s->n - 1].year;
        n += s->n;
    }
    yv->ny = n ? y1 - yv->y0 + 1 : 0;
    yv->start = sb_new0(size_t, (size_t)yv->ny + 2);
    yv->vals = sb_new(double, n + 1);
    if (yv->start == NULL || yv->vals == NULL)
        return -1;
    fill = yv->start + 1;               /* counts, then where each goes */
    for (k = sc->lo; k < sc->hi; k++) {
        const sb_series *s = sb_dataset_series_at(sc->ds, k);
        for (i = 0; i < s->n; i++)
            fill[s->obs[i].year - yv->y0] += peer_value(&s->obs[i]);
    }
    for (i = 1; i <= (size_t)yv->ny; i++)
        yv->start[i] += yv->start[i - 1];
    fill = yv->start;                   /* start[y] moves to its end */
    for (k = sc->lo; k < sc->hi; k++) {
        const sb_series *s = sb_dataset_series_at(sc->ds, k);
        for (i = 0; i < s->n; i++)
            if (peer_value(&s->obs[i]))
                yv->vals[fill[s->obs[i].year - yv->y0]++] = s->obs[i].value;
    }
    for (i = (size_t)yv->ny; i > 0; i--)  /* back to the starts */
        yv->start[i] = yv->start[i - 1];
    yv->start[0] = 0;
    for (i = 0; i < (size_t)yv->ny; i++)
        qsort(yv->vals + yv->start[i], yv->start[i + 1] - yv->start[i],
              sizeof *yv->vals, cmp_double);
    return 0;
}

/* The last value SCREEN_STALE_YEARS or more behind the indicator's
   latest year, and further behind than the series' usual interval (a
   survey every third year is not stale two years after its last). */
static int stale(const indicator_scope *sc, const points *p,
                 screen_list *l)
{
    screen_finding *f;
    double *gaps, usual = 1;
    size_t i;
    int behind = p->n ? sc->latest - (int)p->year[p->n - 1] : 0;

    if (p->n == 0 || sc->hi - sc->lo < 2 || behind < SCREEN_STALE_YEARS)
        return 0;
    if (p->n > 1) {
        if ((gaps = sb_new(double, p->n)) == NULL)
            return -1;
        for (i = 1; i < p->n; i++)
            gaps[i - 1] = p->year[i] - p->year[i - 1];
        usual = median(gaps, p->n - 1);
        g_free(gaps);
    }
    if (behind <= usual)
        return 0;
    if ((f = push(l, SCREEN_STALE, SCREEN_WARNING, p, p->n - 1)) == NULL)
        return -1;
    f->year2 = sc->latest;
    return 0;
}

/* The sorted values of year y (*n of them); none outside the years. */
static const double *year_slice(const year_values *yv, int y, size_t *n)
{
    *n = 0;
    if (y < yv->y0 || y - yv->y0 >= yv->ny)
        return yv->vals;
    *n = yv->start[y - yv->y0 + 1] - yv->start[y - yv->y0];
    return yv->vals + yv->start[y - yv->y0];
}

/* The index of a value equal to v in sorted a[0..n); n when none. */
static size_t sorted_find(const double *a, size_t n, double v)
{
    size_t lo = 0, hi = n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && a[lo] == v ? lo : n;
}

/* A value about 100 to 10,000 times the median of at least four peers
   of the same year, whose own quartiles are within a factor of 10. */
static int peer_slips(const indicator_scope *sc, const points *p,
                      screen_list *l, size_t own)
{
    size_t i, k, m;

    for (i = 0; i < p->n; i++) {
        double med, q1, q3, mine = value_in(p->s, (int)p->year[i]);
        const double *a;
        int f10, dup = 0;
        screen_finding *f;
        size_t skip;
        for (k = own; k < l->n; k++)
            dup |= l->items[k].kind == SCREEN_SLIP &&
                   l->items[k].year == (int)p->year[i];
        /* the year's values, less this series' own */
        a = year_slice(&sc->yv, (int)p->year[i], &m);
        skip = mine > 0 ? sorted_find(a, m, mine) : m;
        m -= skip < m;
        if (dup || m < 4 || !(p->value[i] > 0))
            continue;
#define PEER(j) a[(j) < skip ? (j) : (j) + 1]
        med = m % 2 ? PEER(m / 2) : (PEER(m / 2 - 1) + PEER(m / 2)) / 2;
        q1 = PEER(m / 4);
        q3 = PEER((3 * m) / 4);
#undef PEER
        if (q3 / q1 >= 10 || (f10 = decade_factor(p->value[i] / med, 2)) == 0)
            continue;
        if ((f = push(l, SCREEN_SLIP, SCREEN_WARNING, p, i)) == NULL)
            return -1;
        f->other = med;
        f->change = pow(10, f10);
        f->count = 1;
    }
    return 0;
}

/* The parts of total region t among the indicator's series; each year
   where t and every part have a value, the total against their sum
   (amounts and counts: a rate does not add up). */
static int parts(const indicator_scope *sc, const points *p, screen_list *l)
{
    const sb_indicator *ind = sb_dataset_indicator_at(sc->ds, p->s->indicator);
    size_t i, k;

    if (ind->kind == SB_KIND_RATE)
        return 0;
    for (i = 0; i < p->n; i++) {
        double sum = 0, tol;
        int n = 0, missing = 0;
        screen_finding *f;
        for (k = 0; k < sb_dataset_n_regions(sc->ds); k++) {
            const sb_region *r = sb_dataset_region_at(sc->ds, (sb_id)k);
            const sb_series *s;
            double v;
            if (r->part_of == NULL || r->part_of[0] == '\0' ||
                sb_dataset_find_region(sc->ds, r->part_of) != p->s->region)
                continue;
            s = sb_dataset_find_series(sc->ds, p->s->indicator, (sb_id)k);
            v = s ? value_in(s, (int)p->year[i]) : NAN;
            missing |= isnan(v);
            sum += isnan(v) ? 0 : v;
            n++;
        }
        /* published parts are rounded: half a unit of the last decimal
           each, on top of the relative tolerance */
        tol = SCREEN_PARTS_TOL * fabs(p->value[i]) +
              n * 0.5 * pow(10, -sb_indicator_precision(ind));
        if (n < 2 || missing || fabs(p->value[i] - sum) <= tol)
            continue;
        if ((f = push(l, SCREEN_PARTS, SCREEN_WARNING, p, i)) == NULL)
            return -1;
        f->other = sum;
        f->count = n;
    }
    return 0;
}

/* ---- the dataset -------------------------------------------------------------- */

static int cmp_finding(const void *a, const void *b)
{
    const screen_finding *x = a, *y = b;

    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    return (int)x->kind - (int)y->kind;
}

static int one_series(indicator_scope *sc, const sb_series *s,
                      screen_list *l)
{
    size_t before = l->n;
    points p;
    int rc;

    if (points_build(s, &p) != 0)
        return -1;
    rc = breaks(sc->ds, &p, l);
    if (rc == 0)
        rc = shifts(sc->ds, &p, l);
    if (rc == 0)
        rc = slips(&p, l);
    if (rc == 0)
        rc = peer_slips(sc, &p, l, before);
    if (rc == 0)
        rc = rounded(&p, resolution(sc->ds, s), l);
    if (rc == 0)
        rc = stale(sc, &p, l);
    if (rc == 0)
        rc = parts(sc, &p, l);
    points_free(&p);
    if (rc == 0 && l->n > before)
        qsort(l->items + before, l->n - before, sizeof *l->items,
              cmp_finding);
    return rc;
}

static int one_indicator(indicator_scope *sc, const unsigned char *rsel,
                         screen_list *l)
{
    size_t k;
    int rc = 0;

    sc->latest = 0;
    for (k = sc->lo; k < sc->hi; k++) {
        int y = sb_series_last_year(sb_dataset_series_at(sc->ds, k), 0);
        sc->latest = y > sc->latest ? y : sc->latest;
    }
    if (year_values_build(sc) != 0) {
        year_values_free(&sc->yv);
        return -1;
    }
    for (k = sc->lo; k < sc->hi && rc == 0; k++) {
        const sb_series *s = sb_dataset_series_at(sc->ds, k);
        if (rsel == NULL || rsel[s->region])
            rc = one_series(sc, s, l);
    }
    year_values_free(&sc->yv);
    return rc;
}

sb_status screen_dataset(const sb_dataset *ds, const unsigned char *isel,
                         const unsigned char *rsel, screen_list *out,
                         sb_error *err)
{
    size_t n = sb_dataset_n_series(ds), had = out->n;
    indicator_scope sc = {ds, 0, 0, 0, {0, 0, NULL, NULL}};

    for (sc.lo = 0; sc.lo < n; sc.lo = sc.hi) {
        sb_id ind = sb_dataset_series_at(ds, sc.lo)->indicator;
        for (sc.hi = sc.lo + 1; sc.hi < n &&
             sb_dataset_series_at(ds, sc.hi)->indicator == ind; sc.hi++)
            ;
        if ((isel == NULL || isel[ind]) && one_indicator(&sc, rsel, out)) {
            out->n = had;
            return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
        }
    }
    return SB_OK;
}
