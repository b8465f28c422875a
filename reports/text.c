/*
 * reports/text.c -- generated sentences, with the claim rules of text.h.
 */
#include "text.h"
#include "text_int.h"

#include <math.h>
#include <string.h>

#include <glib.h>

static const char *region_name(const sb_dataset *ds, sb_id r)
{
    return sb_dataset_region_at(ds, r)->name;
}

/* "first", "second", ... for ranks up to ten; "12th" beyond. */
static void ordinal(char *buf, size_t size, int n)
{
    static const char *const w[] = {"", "first", "second", "third",
                                    "fourth", "fifth", "sixth", "seventh",
                                    "eighth", "ninth", "tenth"};
    const char *suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                         : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd"
                         : n % 10 == 3 ? "rd" : "th";

    if (n >= 1 && n <= 10)
        g_strlcpy(buf, w[n], size);
    else
        g_snprintf(buf, size, "%d%s", n, suffix);
}

/* Whether a change prints as zero at its precision ("unchanged"). */
int text_rounds_to_zero(double v, int decimals)
{
    char buf[FMT_MAX];

    fmt_number(buf, sizeof buf, v, decimals, 0, FMT_EN);
    return strspn(buf, "0.,") == strlen(buf);
}

/* "up 13.7% on 2021" / "down 2.0% on 2021" / "unchanged on 2021" */
static void yoy_clause(GString *g, const sb_indicator *ind,
                       const metrics_row *r)
{
    char ch[FMT_MAX];
    int p = sb_indicator_precision(ind);

    if (!isfinite(r->yoy))
        return;
    if (ind->kind == SB_KIND_RATE) {
        if (text_rounds_to_zero(r->yoy, p)) {
            g_string_append_printf(g, ", unchanged on %d", r->last_year - 1);
            return;
        }
        fmt_number(ch, sizeof ch, fabs(r->yoy), p, 0, FMT_EN);
        g_string_append_printf(g, ", %s %s percentage points on %d",
                               r->yoy > 0 ? "up" : "down", ch,
                               r->last_year - 1);
        return;
    }
    if (text_rounds_to_zero(r->yoy, 1)) {
        g_string_append_printf(g, ", unchanged on %d", r->last_year - 1);
        return;
    }
    fmt_percent(ch, sizeof ch, fabs(r->yoy), 1, 0, FMT_EN);
    g_string_append_printf(g, ", %s %s on %d", r->yoy > 0 ? "up" : "down",
                           ch, r->last_year - 1);
}

/* Amounts and counts: "R&D expenditure in Chongqing reached 68.7 billion
   yuan in 2022, up 13.7% on 2021 and 88.3% since 2017." Rates: "... rose
   0.48 percentage points to 2.36% between 2017 and 2022." */
static void level_sentence(GString *g, const sb_dataset *ds, const metrics_row *r)
{
    const sb_indicator *ind = sb_dataset_indicator_at(ds, r->indicator);
    char v[FMT_MAX], ch[FMT_MAX];
    int p = sb_indicator_precision(ind), period = r->first_year < r->last_year &&
                                                  isfinite(r->change);

    fmt_value(v, sizeof v, r->last_value, ind, FMT_EN);
    if (ind->kind == SB_KIND_RATE && period) {
        if (text_rounds_to_zero(r->pp_change, p)) {
            g_string_append_printf(g, "%s in %s was unchanged at %s between "
                                   "%d and %d", ind->name,
                                   region_name(ds, r->region), v,
                                   r->first_year, r->last_year);
        } else {
            fmt_number(ch, sizeof ch, fabs(r->pp_change), p, 0, FMT_EN);
            g_string_append_printf(g, "%s in %s %s %s percentage points to "
                                   "%s between %d and %d", ind->name,
                                   region_name(ds, r->region),
                                   r->pp_change > 0 ? "rose" : "fell", ch, v,
                                   r->first_year, r->last_year);
        }
        g_string_append(g, ".");
        return;
    }
    g_string_append_printf(g, "%s in %s %s %s in %d", ind->name,
                           region_name(ds, r->region),
                           ind->kind == SB_KIND_RATE ? "was" : "reached", v,
                           r->last_year);
    yoy_clause(g, ind, r);
    /* a two-year window: "up 5.0% on 2019" already says it */
    if (period && ind->kind != SB_KIND_RATE && isfinite(r->pct_change) &&
        !(isfinite(r->yoy) && r->first_year == r->last_year - 1)) {
        if (text_rounds_to_zero(r->pct_change, 1)) {
            g_string_append_printf(g, ", unchanged since %d", r->first_year);
        } else {
            const char *dir = r->pct_change > 0 ? "up" : "down";
            int same = isfinite(r->yoy) && (r->yoy > 0) == (r->pct_change > 0)
                       && !text_rounds_to_zero(r->yoy, 1);
            fmt_percent(ch, sizeof ch, fabs(r->pct_change), 1, 0, FMT_EN);
            if (same)          /* "up 13.7% on 2021 and 88.3% since 2017" */
                g_string_append_printf(g, " and %s since %d", ch,
                                       r->first_year);
            else
                g_string_append_printf(g, "%s %s %s since %d",
                                       isfinite(r->yoy) ? " but" : ",", dir,
                                       ch, r->first_year);
        }
    }
    g_string_append(g, ".");
}

/* Whether the series printed as unchanged: on the year before, or (rates)
   over the window; a record claim beside "unchanged" reads as a
   contradiction at the printed precision. */
int text_printed_flat(const sb_dataset *ds, const metrics_row *r)
{
    const sb_indicator *ind = sb_dataset_indicator_at(ds, r->indicator);
    int p = sb_indicator_precision(ind), rate = ind->kind == SB_KIND_RATE;

    if (isfinite(r->yoy) && text_rounds_to_zero(r->yoy, rate ? p : 1))
        return 1;
    return rate && isfinite(r->pp_change) && text_rounds_to_zero(r->pp_change, p);
}

/* "It more than doubled since 2018." / "It was the highest on record." /
   "Values for 1 year were filled by linear interpolation." */
static void claim_sentences(GString *g, const sb_dataset *ds, metrics_ctx *mc,
                            const metrics_row *r)
{
    if (metrics_claim_doubled(r))
        g_string_append_printf(g, " It %s since %d.", r->multiple >= 2.0 &&
                               r->multiple < 2.0 + 1e-9 ? "doubled"
                                                        : "more than doubled",
                               r->first_year);
    if (metrics_claim_new_high(mc, r->indicator, r->region, r->last_year) &&
        !text_printed_flat(ds, r))
        g_string_append_printf(g, " The %d value was the highest on record.",
                               r->last_year);
    if (r->n_interpolated > 0)
        g_string_append_printf(g, " Values for %d year%s were filled by "
                               "linear interpolation.", r->n_interpolated,
                               r->n_interpolated == 1 ? "" : "s");
}

/* The rank at the window's first year, for "up from third in 2017";
   0 when there was none, or among a different number of regions. */
int text_first_rank(metrics_ctx *mc, const metrics_row *r)
{
    metrics_row r0;
    sb_error err = {0};

    if (r->first_year >= r->last_year ||
        metrics_get(mc, r->indicator, r->region, r->first_year, r->first_year,
                    &r0, &err) != SB_OK ||
        r0.last_year != r->first_year || r0.rank_of != r->rank_of)
        return 0;                /* a move among other regions is no move */
    return r0.rank;
}

/* " It ranked first of 3 regions (province-level) in 2022, up from third
   in 2017." In a finding (brief = 1) without "regions (set)", and only
   for the top three or a rank that moved. */
static void rank_sentence(GString *g, metrics_ctx *mc, const metrics_row *r,
                          int brief)
{
    char ord[32], was[32];
    const char *set = metrics_set_name(mc);
    int r0;

    if (r->rank <= 0 || r->rank_of < 2)
        return;
    r0 = text_first_rank(mc, r);
    if (brief && r->rank > 3 && (r0 == 0 || r0 == r->rank))
        return;
    if (r->rank == r->rank_of && r->rank_of >= 3)       /* "30th of 30" */
        g_strlcpy(ord, "last", sizeof ord);
    else
        ordinal(ord, sizeof ord, r->rank);
    g_string_append_printf(g, " It ranked %s of %d", ord, r->rank_of);
    if (!brief && strcmp(set, "all") == 0)
        g_string_append(g, " regions");
    else if (!brief)      /* the set is named when it is a group */
        g_string_append_printf(g, " regions (%s)", set);
    g_string_append_printf(g, " in %d", r->last_year);
    if (r0 > 0 && r0 != r->rank) {
        ordinal(was, sizeof was, r0);
        g_string_append_printf(g, ", %s from %s in %d",
                               r0 > r->rank ? "up" : "down", was,
                               r->first_year);
    }
    g_string_append_c(g, '.');
}

sb_id text_gap_benchmark(const sb_dataset *ds, metrics_ctx *mc,
                         const metrics_row *r)
{
    const sb_indicator *ind = sb_dataset_indicator_at(ds, r->indicator);
    sb_id b = metrics_benchmark(mc);

    if (ind->kind != SB_KIND_RATE || !isfinite(r->gap) || b == r->region)
        return SB_NONE;
    return b;
}

/* " It was 0.18 percentage points below China." for a rate with a
   benchmark; returns 1 when it wrote one. */
static int rate_gap_sentence(GString *g, const sb_dataset *ds, metrics_ctx *mc,
                             const metrics_row *r)
{
    int p = sb_indicator_precision(sb_dataset_indicator_at(ds, r->indicator));
    sb_id b = text_gap_benchmark(ds, mc, r);
    char v[FMT_MAX];

    if (b == SB_NONE)
        return 0;
    if (text_rounds_to_zero(r->gap, p)) {
        g_string_append_printf(g, " It matched %s.", region_name(ds, b));
    } else {
        fmt_number(v, sizeof v, fabs(r->gap), p, 0, FMT_EN);
        g_string_append_printf(g, " It was %s percentage points %s %s.", v,
                               r->gap > 0 ? "above" : "below",
                               region_name(ds, b));
    }
    return 1;
}

/* Rank within the comparison set, then share of and gap to the total and
   the benchmark, all at the same year b. */
static void comparison_sentences(GString *g, const sb_dataset *ds, metrics_ctx *mc,
                                 const metrics_row *r)
{
    char v[FMT_MAX];
    sb_id b = metrics_benchmark(mc), t = metrics_total(mc);

    rank_sentence(g, mc, r, 0);
    if (isfinite(r->share) && t != SB_NONE && t != r->region) {
        fmt_percent(v, sizeof v, r->share, 1, 0, FMT_EN);
        g_string_append_printf(g, " That was %s of the %s total.", v,
                               region_name(ds, t));
    }
    if (!rate_gap_sentence(g, ds, mc, r) && isfinite(r->growth_gap) &&
        b != SB_NONE && b != r->region && !text_rounds_to_zero(r->growth_gap, 1)) {
        fmt_number(v, sizeof v, fabs(r->growth_gap), 1, 0, FMT_EN);
        g_string_append_printf(g, " Its growth since %d was %s points %s "
                               "that of %s.", r->first_year, v,
                               r->growth_gap > 0 ? "above" : "below",
                               region_name(ds, b));
    }
}

static void target_sentence(GString *g, const sb_dataset *ds, metrics_ctx *mc,
                            const metrics_row *r)
{
    const sb_indicator *ind = sb_dataset_indicator_at(ds, r->indicator);
    char v[FMT_MAX];

    if (!isfinite(ind->target) || !isfinite(r->last_value))
        return;
    fmt_value(v, sizeof v, ind->target, ind, FMT_EN);
    if (metrics_claim_target_reached(mc, r))
        g_string_append_printf(g, " It reached the target of %s.", v);
    else if (ind->target_year != 0 && r->last_year >= ind->target_year)
        g_string_append_printf(g, " It missed the target of %s for %d.", v,
                               ind->target_year);
    else
        if (ind->target_year)
            g_string_append_printf(g, " The target is %s by %d.", v,
                                   ind->target_year);
        else
            g_string_append_printf(g, " The target is %s.", v);
}

char *report_text_series(const sb_dataset *ds, metrics_ctx *mc,
                         const metrics_row *r, fmt_lang lang)
{
    GString *g = g_string_new(NULL);

    if (!isfinite(r->last_value))
        return g_string_free(g, FALSE);
    if (lang == FMT_ZH) {
        text_zh_series(g, ds, mc, r);
        return g_string_free(g, FALSE);
    }
    level_sentence(g, ds, r);
    claim_sentences(g, ds, mc, r);
    comparison_sentences(g, ds, mc, r);
    target_sentence(g, ds, mc, r);
    return g_string_free(g, FALSE);
}

/* A finding: the level sentence plus what makes it matter, scored so the
   brief can pick the 4-8 that matter most: records and doublings first,
   then strong growth, ranks at the top, targets. */
char *report_text_finding(const sb_dataset *ds, metrics_ctx *mc,
                          const metrics_row *r, fmt_lang lang,
                          double *score)
{
    const sb_indicator *ind = sb_dataset_indicator_at(ds, r->indicator);
    GString *g;
    double s = 0;

    if (!isfinite(r->last_value) || r->first_year >= r->last_year ||
        !isfinite(r->change))
        return NULL;
    if (metrics_claim_new_high(mc, r->indicator, r->region, r->last_year))
        s += 3;
    if (metrics_claim_doubled(r))
        s += 3;
    if (isfinite(r->cagr))
        s += fmin(fabs(r->cagr) / 5.0, 3);
    if (ind->kind == SB_KIND_RATE && isfinite(r->pp_change))
        s += fmin(fabs(r->pp_change), 2);
    if (r->rank == 1 && r->rank_of >= 2)
        s += 1.5;
    if (r->rank > 0 && text_first_rank(mc, r) > r->rank)
        s += 1;                      /* climbed */
    if (isfinite(ind->target))
        s += 1;
    s += 0.1 * r->n;                 /* longer series say more */
    *score = s;
    g = g_string_new(NULL);
    if (lang == FMT_ZH) {
        text_zh_finding(g, ds, mc, r);
        return g_string_free(g, FALSE);
    }
    level_sentence(g, ds, r);
    claim_sentences(g, ds, mc, r);
    rank_sentence(g, mc, r, 1);
    rate_gap_sentence(g, ds, mc, r);
    target_sentence(g, ds, mc, r);
    return g_string_free(g, FALSE);
}
