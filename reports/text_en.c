/*
 * reports/text_en.c -- the English writer of sentence plans
 * (text_write.h): "R&D expenditure in Chongqing reached 68.7 billion
 * yuan in 2022, up 13.7% on 2021 and 88.3% since 2017." Rates in
 * percentage points, ranks as ordinals ("third", "12th", "last").
 *
 * Not here: which facts are told and which claims hold (text_plan.c),
 * how numbers print (the formatter, through text.c).
 */
#include "text_write.h"

#include <glib.h>

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

/* " (previous year = 100)", " (2015 = 100)" after an index's value */
static void index_base(GString *g, const sb_indicator *ind)
{
    char base[FMT_MAX];

    if (*fmt_index_base(base, sizeof base, ind, FMT_EN) != '\0')
        g_string_append_printf(g, " (%s)", base);
}

/* "X in A grew by 6.1% in 2023" / "fell by 2.0% in 2020" / "was
   unchanged in 2023" */
static void grew(GString *g, const text_words *w)
{
    const text_fact *f = w->f;

    if (f->dir == 0)
        g_string_append_printf(g, "%s in %s was unchanged in %d", w->name,
                               w->region, f->year);
    else
        g_string_append_printf(g, "%s in %s %s by %s in %d", w->name,
                               w->region, f->dir > 0 ? "grew" : "fell",
                               w->fig, f->year);
}

/* "X in A reached 68.7 t in 2022" (current prices: "68.7 t in current
   prices"; rates: "was 2.36%"; indexes: "was 106.1 in 2023 (previous
   year = 100)"); "X in A rose 0.48 percentage points to 2.36% between
   2017 and 2022"; in the unit "X in A fell by 392,000 persons to
   −444,000 persons between 2012 and 2022" (current prices: "to −444
   million US$ in current prices"); a growth rate: grew() */
static void level(GString *g, const text_words *w)
{
    const text_plan *p = w->plan;
    const text_fact *f = w->f;

    if (f->claim == TEXT_GROWTH) {
        grew(g, w);
    } else if (f->claim == TEXT_LEVEL) {
        g_string_append_printf(g, "%s in %s %s %s%s", w->name, w->region,
                               !(sb_indicator_traits(p->ind) & SB_TRAIT_ADDS)
                                   ? "was" : "reached",
                               w->level,
                               f->nominal ? " in current prices" : "");
        if (f->year != 0)        /* 0: the source gives no year */
            g_string_append_printf(g, " in %d", f->year);
        else
            g_string_append(g, " (year not given)");
        index_base(g, p->ind);
    } else if (f->dir == 0)
        g_string_append_printf(g, "%s in %s was unchanged at %s%s between "
                               "%d and %d", w->name, w->region, w->level,
                               f->nominal ? " in current prices" : "",
                               f->since, f->year);
    else
        g_string_append_printf(g, "%s in %s %s %s%s%s to %s%s between %d "
                               "and %d", w->name, w->region,
                               f->dir > 0 ? "rose" : "fell",
                               f->fig.unit == TEXT_POINTS ? "" : "by ",
                               w->fig, f->fig.unit == TEXT_POINTS
                                   ? " percentage points" : "",
                               w->level,
                               f->nominal ? " in current prices" : "",
                               f->since, f->year);
    if (f->claim == TEXT_CHANGE && f->brk)
        g_string_append_printf(g, ", since the series break in %d",
                               f->since);
}

/* "since 2017", or "since the series break in 2018": a change is not
   taken across a break (metrics_row.break_year). */
static void since_year(GString *g, const text_fact *f)
{
    if (f->brk)
        g_string_append_printf(g, " since the series break in %d", f->since);
    else
        g_string_append_printf(g, " since %d", f->since);
}

/* ", up 13.7% on 2021" / ", down 0.05 percentage points on 2021" /
   ", unchanged on 2021" (" in real terms" after it when real); " and
   88.3% since 2017" / " but up 8.0% since 2018" / ", up 5.0% since
   2019" / ", unchanged since 2018" (" in current prices" after it when
   nominal); an index: ", 31.0% above its 2015 level" */
static void clause(GString *g, const text_words *w)
{
    const text_fact *f = w->f;
    const char *dir = f->dir > 0 ? "up" : "down";

    if (f->claim == TEXT_ON_YEAR && f->dir == 0)
        g_string_append_printf(g, ", unchanged on %d", f->year);
    else if (f->claim == TEXT_ON_YEAR)
        g_string_append_printf(g, ", %s %s%s on %d", dir, w->fig,
                               f->fig.unit == TEXT_POINTS
                                   ? " percentage points" : "", f->year);
    else if (f->how == TEXT_SINCE_BASE && f->dir == 0)
        g_string_append_printf(g, ", at its %d level", f->since);
    else if (f->how == TEXT_SINCE_BASE)
        g_string_append_printf(g, ", %s %s its %d level", w->fig,
                               f->dir > 0 ? "above" : "below", f->since);
    else if (f->dir == 0)
        g_string_append(g, ", unchanged");
    else if (f->how == TEXT_SINCE_AND)
        g_string_append_printf(g, " and %s", w->fig);
    else
        g_string_append_printf(g, "%s %s %s",
                               f->how == TEXT_SINCE_BUT ? " but" : ",", dir,
                               w->fig);
    if (f->claim == TEXT_SINCE && f->how != TEXT_SINCE_BASE)
        since_year(g, f);
    if (f->real)
        g_string_append(g, " in real terms");
    if (f->nominal)
        g_string_append(g, " in current prices");
}

/* "It ranked first of 3 regions (west) in 2022, up from third in 2017";
   in a finding without "regions (west)" */
static void rank(GString *g, const text_words *w)
{
    const text_plan *p = w->plan;
    const text_fact *f = w->f;
    char ord[32], was[32];

    if (f->last)
        g_strlcpy(ord, "last", sizeof ord);
    else
        ordinal(ord, sizeof ord, f->n);
    g_string_append_printf(g, "It ranked %s of %d", ord, f->of);
    if (!p->finding && w->set == NULL)
        g_string_append(g, " regions");
    else if (!p->finding)     /* the set is named when it is a group */
        g_string_append_printf(g, " regions (%s)", w->set);
    g_string_append_printf(g, " in %d", f->year);
    if (f->was > 0) {
        ordinal(was, sizeof was, f->was);
        g_string_append_printf(g, ", %s from %s in %d",
                               f->was > f->n ? "up" : "down", was, f->since);
    }
}

/* "That was 2.2% of the China total"; "It was 0.18 percentage points
   below China" / "It matched China"; "Its growth since 2017 was 30.0
   points above that of China". At a reference year other than the
   level's: "In 2022 it was 2.2% of the China total", "In 2022 it
   matched China", "Its growth from 2017 to 2022 was ..." */
static void comparison(GString *g, const text_words *w)
{
    const text_fact *f = w->f;
    const char *side = f->dir > 0 ? "above" : "below";
    char it[32];

    if (f->year != 0)
        g_snprintf(it, sizeof it, "In %d it", f->year);
    else
        g_strlcpy(it, f->claim == TEXT_SHARE ? "That" : "It", sizeof it);
    if (f->claim == TEXT_SHARE)
        g_string_append_printf(g, "%s was %s of the %s total", it, w->fig,
                               w->other);
    else if (f->claim == TEXT_GROWTH_GAP && f->year != 0)
        g_string_append_printf(g, "Its growth from %d to %d was %s points "
                               "%s that of %s", f->since, f->year, w->fig,
                               side, w->other);
    else if (f->claim == TEXT_GROWTH_GAP)
        g_string_append_printf(g, "Its growth since %d was %s points %s "
                               "that of %s", f->since, w->fig, side,
                               w->other);
    else if (f->dir == 0)
        g_string_append_printf(g, "%s matched %s", it, w->other);
    else
        g_string_append_printf(g, "%s was %s percentage points %s %s", it,
                               w->fig, side, w->other);
}

/* "It more than doubled since 2018", "It was 45.8 times its 2000
   level", "The 2022 value was the highest since 2012", "Values for 1
   year were filled by linear interpolation", "In 2018 the series fell
   by 13.3% in one year, a level shift ..." */
static void claim(GString *g, const text_words *w)
{
    const text_fact *f = w->f;

    if (f->claim == TEXT_DOUBLED)
        g_string_append_printf(g, "It %s since %d", f->how ? "doubled"
                               : "more than doubled", f->since);
    else if (f->claim == TEXT_TIMES)
        g_string_append_printf(g, "It was %s times its %d level", w->fig,
                               f->since);
    else if (f->claim == TEXT_RECORD)
        g_string_append_printf(g, "The %d value was the highest since %d",
                               f->year, f->since);
    else if (f->claim == TEXT_SHIFT)
        g_string_append_printf(g, "In %d the series %s by %s%s in one year, "
                               "a level shift its source does not flag as "
                               "a break", f->year,
                               f->dir > 0 ? "rose" : "fell", w->fig,
                               f->fig.unit == TEXT_POINTS
                                   ? " percentage points" : "");
    else
        g_string_append_printf(g, "Values for %d year%s were filled by "
                               "linear interpolation", f->n,
                               f->n == 1 ? "" : "s");
}

static void target(GString *g, const text_words *w)
{
    const text_fact *f = w->f;

    if (f->how == TEXT_TARGET_REACHED)
        g_string_append_printf(g, "It reached the target of %s", w->level);
    else if (f->how == TEXT_TARGET_MISSED)
        g_string_append_printf(g, "It missed the target of %s for %d",
                               w->level, f->year);
    else if (f->year != 0)
        g_string_append_printf(g, "The target is %s by %d", w->level,
                               f->year);
    else
        g_string_append_printf(g, "The target is %s", w->level);
}

const text_writer text_en_writer = {
    FMT_EN, " ", ".", level, clause, claim, rank, comparison, target
};
