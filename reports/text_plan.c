/*
 * reports/text_plan.c -- the sentence plans of text_plan.h: the claim
 * rules of text.h applied once, in one place, for every language. Each
 * fact says which way a figure went and what it prints as; whether a
 * change is "unchanged" is decided here, at the precision it prints at,
 * so that the English and the Chinese sentences make the same claims.
 *
 * Not here: words and punctuation (text_en.c, text_zh.c).
 */
#include "text_plan.h"

#include "yeargiven.h"

#include <math.h>
#include <string.h>

#include <glib.h>

/* ---- the rules ---------------------------------------------------------- */

/* Whether v prints as zero at `decimals` ("unchanged"). */
static int rounds_to_zero(double v, int decimals)
{
    char buf[FMT_MAX];

    fmt_number(buf, sizeof buf, v, decimals, 0, FMT_EN);
    return strspn(buf, "0.,") == strlen(buf);
}

/* +1, -1, or 0 when v prints as zero at `decimals`. */
static int direction(double v, int decimals)
{
    return rounds_to_zero(v, decimals) ? 0 : v > 0 ? 1 : -1;
}

/* Whether the series printed as unchanged: on the year before, or (rates)
   over the window; a record claim beside "unchanged" reads as a
   contradiction at the printed precision. */
static int printed_flat(const sb_indicator *ind, const metrics_row *r)
{
    int p = fmt_points_decimals(ind);
    int rate = (sb_indicator_traits(ind) & SB_TRAIT_POINTS) != 0;

    if (isfinite(r->yoy) && rounds_to_zero(r->yoy, rate ? p : 1))
        return 1;
    return rate && isfinite(r->pp_change) && rounds_to_zero(r->pp_change, p);
}

/* The rank at the window's first year, for "up from third in 2017";
   0 when there was none, or among a different number of regions. */
static int first_rank(metrics_ctx *mc, const metrics_row *r)
{
    int of, r0;

    if (r->first_year >= r->ref_year)
        return 0;
    r0 = metrics_rank_at(mc, r->indicator, r->region, r->first_year, &of);
    return of == r->rank_of ? r0 : 0; /* a move among others is no move */
}

/* The year a comparison is told at, when the sentences before told
   another (the region's latest is not the reference year); else 0. */
static int other_year(const metrics_row *r)
{
    return r->ref_year != r->last_year ? r->ref_year : 0;
}

/* The benchmark a rate's gap is told against (SB_NONE: no gap to tell:
   not a rate, no gap, or the region is the benchmark). */
static sb_id gap_benchmark(const sb_indicator *ind, metrics_ctx *mc,
                           const metrics_row *r)
{
    sb_id b = metrics_benchmark(mc);

    if (!(sb_indicator_traits(ind) & SB_TRAIT_POINTS) || !isfinite(r->gap) ||
        b == r->region)
        return SB_NONE;
    return b;
}

/* ---- facts -------------------------------------------------------------- */

static text_figure figure(double v, text_unit unit, int decimals)
{
    text_figure f = {v, unit, decimals};

    return f;
}

/* A new fact at the end of p, zeroed but for its claim. */
static text_fact *add(text_plan *p, text_claim claim)
{
    text_fact *f;

    g_assert(p->n < TEXT_MAX_FACTS);
    f = &p->fact[p->n++];
    memset(f, 0, sizeof *f);
    f->claim = claim;
    f->other = SB_NONE;
    return f;
}

static void plan_init(text_plan *p, const sb_dataset *ds, metrics_ctx *mc,
                      const metrics_row *r, int finding)
{
    const char *set = metrics_set_name(mc);

    memset(p, 0, sizeof *p);
    p->ds = ds;
    p->ind = sb_dataset_indicator_at(ds, r->indicator);
    p->region = r->region;
    p->finding = finding;
    p->set = strcmp(set, "all") == 0 ? NULL : set;
}

/* The change on the year before: points for rates at their precision,
   else percent. */
static void on_year(text_plan *p, const metrics_row *r)
{
    int rate = (sb_indicator_traits(p->ind) & SB_TRAIT_POINTS) != 0;
    int prec = fmt_points_decimals(p->ind);
    text_fact *f;

    if (!isfinite(r->yoy))
        return;
    f = add(p, TEXT_ON_YEAR);
    f->dir = direction(r->yoy, rate ? prec : 1);
    f->fig = rate ? figure(fabs(r->yoy), TEXT_POINTS, prec)
                  : figure(fabs(r->yoy), TEXT_PERCENT, 1);
    f->year = r->last_year - 1;
}

/* The percent change since the first year, and how it stands beside the
   change on the year before. */
static text_fact *since(text_plan *p, const metrics_row *r)
{
    text_fact *f = add(p, TEXT_SINCE);
    int same = isfinite(r->yoy) && (r->yoy > 0) == (r->pct_change > 0) &&
               !rounds_to_zero(r->yoy, 1);

    f->since = r->first_year;
    f->brk = r->break_year != 0 && r->break_year == r->first_year;
    f->dir = direction(r->pct_change, 1);
    if (f->dir == 0)
        return f;
    f->fig = figure(fabs(r->pct_change), TEXT_PERCENT, 1);
    f->how = same ? TEXT_SINCE_AND
             : isfinite(r->yoy) ? TEXT_SINCE_BUT : TEXT_SINCE_ALONE;
    return f;
}

/* An amount at current prices whose indicator names its real growth:
   the change on the year before in real terms, in place of the nominal
   one; 1 when told. */
static int real_on_year(text_plan *p, metrics_ctx *mc, const metrics_row *r)
{
    metrics_row g;
    sb_error ignore = {0};
    double v;
    text_fact *f;

    if (p->ind->real == SB_NONE ||
        metrics_get(mc, p->ind->real, r->region, r->last_year, r->last_year,
                    &g, &ignore) != SB_OK)
        return 0;
    v = metrics_published_change(sb_dataset_indicator_at(p->ds,
                                                         p->ind->real), &g);
    if (!isfinite(v))
        return 0;
    f = add(p, TEXT_ON_YEAR);
    f->dir = direction(v, 1);
    f->fig = figure(fabs(v), TEXT_PERCENT, 1);
    f->year = r->last_year - 1;
    f->real = 1;
    return 1;
}

/* The last value and its year; 0 for a value whose source names no
   year, told without one (yeargiven.h). */
static text_fact *level_fact(text_plan *p, const metrics_row *r)
{
    text_fact *f = add(p, TEXT_LEVEL);

    f->level = figure(r->last_value, TEXT_VALUE, 0);
    f->year = yeargiven_of(p->ds, r->indicator, r->region, r->last_year)
                  ? r->last_year : 0;
    return f;
}

/* A published growth rate: the growth in the last year. An index: its
   level, the change on the year before (the index less 100 on the
   previous year, else its own change), and for a base year the change
   since that year. Changes of the growth rate itself are not told. */
static void published(text_plan *p, const metrics_row *r)
{
    double v = metrics_published_change(p->ind, r);
    const sb_indicator *ind = p->ind;
    text_fact *f;

    if (ind->kind == SB_KIND_GROWTH) {
        f = add(p, TEXT_GROWTH);
        f->dir = direction(v, 1);
        f->fig = figure(fabs(v), TEXT_PERCENT, 1);
        f->year = r->last_year;
        return;
    }
    f = level_fact(p, r);
    if (isfinite(v)) {
        f = add(p, TEXT_ON_YEAR);
        f->dir = direction(v, 1);
        f->fig = figure(fabs(v), TEXT_PERCENT, 1);
        f->year = r->last_year - 1;
    }
    if (ind->base != 0 && ind->base != r->last_year) {
        f = add(p, TEXT_SINCE);
        f->how = TEXT_SINCE_BASE;
        f->since = ind->base;
        f->dir = direction(r->last_value - 100.0, 1);
        f->fig = figure(fabs(r->last_value - 100.0), TEXT_PERCENT, 1);
    }
}

/* A published growth rate or index: published(). A rate over a window:
   its change in points to its last value; a series that starts at or
   below zero or crosses it likewise, in its unit ("fell by 392,000
   persons to −444,000 persons"): a percent of such a start says
   nothing. Else the last value, the change on the year before (in real
   terms when the indicator names its real growth) and (amounts and
   counts over more than two years) the change since the first year,
   unless the multiple says it (claims(): three times the start or
   more), as it says the change on the year before in a two-year window
   (not the real one). An amount at current prices says so of its
   value, and of the change since beside a real one. */
static void level(text_plan *p, metrics_ctx *mc, const metrics_row *r)
{
    int rate = (sb_indicator_traits(p->ind) & SB_TRAIT_POINTS) != 0;
    int prec = fmt_points_decimals(p->ind);
    int period = r->first_year < r->last_year && isfinite(r->change);
    int two = isfinite(r->yoy) && r->first_year == r->last_year - 1;
    int times = metrics_claim_times(r);
    int nominal = p->ind->prices == SB_PRICES_CURRENT;
    int real;
    text_fact *f;

    if (sb_indicator_traits(p->ind) & SB_TRAIT_PUBLISHED) {
        published(p, r);
        return;
    }
    if (period && (rate || r->crosses_zero)) {
        f = add(p, TEXT_CHANGE);
        f->dir = direction(r->change, prec);
        f->fig = rate ? figure(fabs(r->change), TEXT_POINTS, prec)
                      : figure(fabs(r->change), TEXT_VALUE, 0);
        f->nominal = nominal && !rate;    /* in its unit */
        f->level = figure(r->last_value, TEXT_VALUE, 0);
        f->since = r->first_year;
        f->brk = r->break_year != 0 && r->break_year == r->first_year;
        f->year = r->last_year;
        return;
    }
    f = level_fact(p, r);
    f->nominal = nominal;
    real = real_on_year(p, mc, r);
    if (!real && !(two && times))
        on_year(p, r);
    /* a two-year window: the change on the year before already says it,
       unless that was the real change */
    if (period && !rate && isfinite(r->pct_change) && !times &&
        (real || !two)) {
        f = since(p, r);
        if (real && f->dir != 0) {
            f->how = TEXT_SINCE_ALONE;      /* not "and": nominal, not real */
            f->nominal = 1;
        }
    }
}

/* Three times the first year's value or more, else doubled since; the
   highest since the series' first year (ten years or more, not beside
   "unchanged"); years filled. */
static void claims(text_plan *p, metrics_ctx *mc, const metrics_row *r)
{
    text_fact *f;
    int first;

    if (metrics_claim_times(r)) {
        f = add(p, TEXT_TIMES);
        f->fig = figure(r->multiple, TEXT_MULTIPLE, 1);
        f->since = r->first_year;
    } else if (metrics_claim_doubled(r)) {
        f = add(p, TEXT_DOUBLED);
        f->how = r->multiple >= 2.0 && r->multiple < 2.0 + 1e-9;
        f->since = r->first_year;
    }
    if (metrics_claim_new_high(mc, r->indicator, r->region, r->last_year,
                               &first) &&
        !printed_flat(p->ind, r)) {
        f = add(p, TEXT_RECORD);
        f->year = r->last_year;
        f->since = first;
    }
    if (r->n_interpolated > 0)
        add(p, TEXT_FILLED)->n = r->n_interpolated;
    if (r->shift_year != 0 && isfinite(r->shift_step)) {
        int rate = p->ind->kind == SB_KIND_RATE;

        f = add(p, TEXT_SHIFT);
        f->year = r->shift_year;
        f->dir = r->shift_step > 0 ? 1 : -1;
        f->fig = rate ? figure(fabs(r->shift_step), TEXT_POINTS,
                               fmt_points_decimals(p->ind))
                      : figure(fabs(r->shift_step), TEXT_PERCENT, 1);
    }
}

/* The rank at the reference year among min_ranked regions or more, and
   where it moved from among as many; in a finding only the top three or
   a rank that moved. */
static void rank(text_plan *p, metrics_ctx *mc, const metrics_row *r)
{
    text_fact *f;
    int r0;

    if (!metrics_claim_ranked(mc, r))
        return;
    r0 = first_rank(mc, r);
    if (p->finding && r->rank > 3 && (r0 == 0 || r0 == r->rank))
        return;
    f = add(p, TEXT_RANK);
    f->n = r->rank;
    f->of = r->rank_of;
    f->last = r->rank == r->rank_of && r->rank_of >= 3;  /* "30th of 30" */
    f->was = r0 > 0 && r0 != r->rank ? r0 : 0;
    f->year = r->ref_year;
    f->since = r->first_year;
}

/* A rate's gap to the benchmark in points; 1 when told. */
static int rate_gap(text_plan *p, metrics_ctx *mc, const metrics_row *r)
{
    int prec = fmt_points_decimals(p->ind);
    sb_id b = gap_benchmark(p->ind, mc, r);
    text_fact *f;

    if (b == SB_NONE)
        return 0;
    f = add(p, TEXT_RATE_GAP);
    f->other = b;
    f->dir = direction(r->gap, prec);
    f->fig = figure(fabs(r->gap), TEXT_POINTS, prec);
    f->year = other_year(r);
    return 1;
}

/* Rank within the comparison set, then share of the total and gap to
   the benchmark (a rate's, else its growth's), all at the reference
   year, said when it is not the year of the level. */
static void comparison(text_plan *p, metrics_ctx *mc, const metrics_row *r)
{
    sb_id b = metrics_benchmark(mc), t = metrics_total(mc);
    text_fact *f;

    rank(p, mc, r);
    if (isfinite(r->share) && t != SB_NONE && t != r->region) {
        f = add(p, TEXT_SHARE);
        f->fig = figure(r->share, TEXT_PERCENT, 1);
        f->other = t;
        f->year = other_year(r);
    }
    if (!rate_gap(p, mc, r) && isfinite(r->growth_gap) && b != SB_NONE &&
        b != r->region && !rounds_to_zero(r->growth_gap, 1)) {
        f = add(p, TEXT_GROWTH_GAP);
        f->dir = r->growth_gap > 0 ? 1 : -1;
        f->fig = figure(fabs(r->growth_gap), TEXT_POINTS, 1);
        f->since = r->first_year;
        f->other = b;
        f->year = other_year(r);
    }
}

static void target(text_plan *p, metrics_ctx *mc, const metrics_row *r)
{
    const sb_indicator *ind = p->ind;
    text_fact *f;

    if (!isfinite(ind->target) || !isfinite(r->last_value))
        return;
    f = add(p, TEXT_TARGET);
    f->level = figure(ind->target, TEXT_VALUE, 0);
    f->year = ind->target_year;
    f->how = metrics_claim_target_reached(mc, r) ? TEXT_TARGET_REACHED
             : ind->target_year != 0 && r->last_year >= ind->target_year
                 ? TEXT_TARGET_MISSED
                 : TEXT_TARGET_AHEAD;
}

/* ---- plans -------------------------------------------------------------- */

void text_plan_series(text_plan *p, const sb_dataset *ds, metrics_ctx *mc,
                      const metrics_row *r)
{
    plan_init(p, ds, mc, r, 0);
    if (!isfinite(r->last_value))
        return;
    level(p, mc, r);
    claims(p, mc, r);
    comparison(p, mc, r);
    target(p, mc, r);
}

/* Records and doublings first, then strong growth, ranks at the top,
   targets; longer series say more. */
static double score_of(const sb_indicator *ind, metrics_ctx *mc,
                       const metrics_row *r)
{
    double s = 0;
    int first;

    if (metrics_claim_new_high(mc, r->indicator, r->region, r->last_year,
                               &first))
        s += 3;
    if (metrics_claim_doubled(r))
        s += 3;
    if (isfinite(r->cagr))
        s += fmin(fabs(r->cagr) / 5.0, 3);
    if ((sb_indicator_traits(ind) & SB_TRAIT_POINTS) &&
        isfinite(r->pp_change))
        s += fmin(fabs(r->pp_change), 2);
    if (r->rank == 1 && metrics_claim_ranked(mc, r))
        s += 1.5;
    if (r->rank > 0 && first_rank(mc, r) > r->rank)
        s += 1;                      /* climbed */
    if (isfinite(ind->target))
        s += 1;
    s += 0.1 * r->n;
    return s;
}

int text_plan_finding(text_plan *p, const sb_dataset *ds, metrics_ctx *mc,
                      const metrics_row *r, double *score)
{
    if (!isfinite(r->last_value) || r->first_year >= r->last_year ||
        !isfinite(r->change))
        return 0;
    *score = score_of(sb_dataset_indicator_at(ds, r->indicator), mc, r);
    plan_init(p, ds, mc, r, 1);
    level(p, mc, r);
    claims(p, mc, r);
    rank(p, mc, r);
    rate_gap(p, mc, r);
    target(p, mc, r);
    return 1;
}

int text_plan_continues(const text_plan *p, size_t i)
{
    return i + 1 < p->n && (p->fact[i + 1].claim == TEXT_ON_YEAR ||
                            p->fact[i + 1].claim == TEXT_SINCE);
}

/* ---- for the writers ---------------------------------------------------- */

char *text_plan_figure(char *buf, size_t size, const text_plan *p,
                       const text_figure *f, fmt_lang lang)
{
    switch (f->unit) {
    case TEXT_PERCENT:
        return fmt_percent(buf, size, f->v, 1, 0, lang);
    case TEXT_POINTS:
        return fmt_number(buf, size, f->v, f->decimals, 0, lang);
    case TEXT_MULTIPLE:
        return fmt_number(buf, size, f->v, 1, 0, lang);
    case TEXT_VALUE:
        break;
    }
    return fmt_value(buf, size, f->v, p->ind, lang);
}

const char *text_plan_name(const text_plan *p, fmt_lang lang)
{
    return fmt_name(p->ind, lang);
}

const char *text_plan_region(const text_plan *p, sb_id r, fmt_lang lang)
{
    const sb_region *reg = sb_dataset_region_at(p->ds, r);

    return lang == FMT_ZH && reg->name_zh[0] ? reg->name_zh : reg->name;
}
