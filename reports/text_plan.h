/*
 * reports/text_plan.h -- the plan of the generated sentences about one
 * series, decided once for every language: which facts are told, in
 * which order, with which figures, and which claim of text.h each makes
 * (rose or fell or unchanged, in percent or in the unit, doubled or
 * more than doubled or a multiple, a record, a rank and its move, a
 * share, a gap, a target reached or missed). The
 * writers (text_write.h: text_en.c, text_zh.c) only word and format a
 * plan; text.c puts the two together. Inside reports/ only.
 *
 * A plan is a caller-owned struct filled in place: no allocation, and it
 * borrows the dataset and the metrics context it was made from.
 */
#ifndef REPORTS_TEXT_PLAN_H
#define REPORTS_TEXT_PLAN_H

#include <stddef.h>

#include "core/model.h"
#include "metrics/format.h"
#include "metrics/metrics.h"

/* How a figure prints. */
typedef enum {
    TEXT_VALUE = 0,              /* in the indicator's unit (fmt_value) */
    TEXT_PERCENT,                /* a percent with one decimal */
    TEXT_POINTS,                 /* a number of percentage points; the
                                    writer names the unit */
    TEXT_MULTIPLE                /* a multiple, one decimal; the writer
                                    says "times" */
} text_unit;

typedef struct {
    double v;                    /* as told: a change without its sign */
    text_unit unit;
    int decimals;                /* TEXT_POINTS */
} text_figure;

/* The facts, in the order the plans tell them. */
typedef enum {
    TEXT_LEVEL = 0,              /* the last value in the last year */
    TEXT_CHANGE,                 /* the change over the window to its
                                    last value: a rate's points, or the
                                    unit's where a percent says nothing
                                    (a series across zero) */
    TEXT_GROWTH,                 /* a published growth rate: the growth
                                    in the last year */
    TEXT_ON_YEAR,                /* clause: the change on the year before */
    TEXT_SINCE,                  /* clause: the change since the window's
                                    first year */
    TEXT_DOUBLED,                /* the value doubled (or more) since */
    TEXT_TIMES,                  /* three times or more: the multiple */
    TEXT_RECORD,                 /* the highest since the series' first
                                    year, ten years or more before */
    TEXT_FILLED,                 /* years filled by interpolation */
    TEXT_SHIFT,                  /* a level shift no flag marks: its year
                                    and step (metrics_row.shift_year) */
    TEXT_RANK,                   /* the rank in the comparison set */
    TEXT_SHARE,                  /* the share of the total region */
    TEXT_RATE_GAP,               /* a rate's gap to the benchmark */
    TEXT_GROWTH_GAP,             /* growth above or below the benchmark's */
    TEXT_TARGET                  /* the indicator's target */
} text_claim;

/* TEXT_SINCE beside TEXT_ON_YEAR: the same way ("and"), the other way or
   the year before unchanged ("but"), or no year before to be beside. */
/* TEXT_SINCE_BASE: an index against its base year ("31.0% above its
   2015 level"). */
typedef enum { TEXT_SINCE_ALONE = 0, TEXT_SINCE_AND, TEXT_SINCE_BUT,
               TEXT_SINCE_BASE } text_since;

/* TEXT_TARGET: reached; missed (its year has come); still ahead. */
typedef enum { TEXT_TARGET_REACHED = 0, TEXT_TARGET_MISSED,
               TEXT_TARGET_AHEAD } text_target;

typedef struct {
    text_claim claim;
    int dir;                     /* +1 up, rose, above; -1 down, fell,
                                    below; 0 prints as no change
                                    (unchanged, matched) */
    text_figure fig;             /* the change, share, gap or multiple
                                    told */
    text_figure level;           /* LEVEL, CHANGE: the value reached;
                                    TARGET: the target */
    int year;                    /* the year told of: the last year (0:
                                    LEVEL of a value whose source gives
                                    no year, yeargiven.h); the
                                    year before (ON_YEAR); the target's
                                    year, 0: none (TARGET); the reference
                                    year (RANK), and (SHARE, gaps) when
                                    it is not the last year, else 0 */
    int since;                   /* the year compared with; RECORD: the
                                    series' first year */
    int brk;                     /* TEXT_SINCE, TEXT_CHANGE: since is
                                    the year of a series break */
    int how;                     /* TEXT_SINCE: text_since; TEXT_TARGET:
                                    text_target; TEXT_DOUBLED: 1 exactly
                                    doubled, 0 more than */
    int n;                       /* RANK: the rank; FILLED: years filled */
    int of;                      /* RANK: how many regions were ranked */
    int was;                     /* RANK: the rank at `since` when it was
                                    another among as many regions, else 0 */
    int last;                    /* RANK: the last of three or more */
    sb_id other;                 /* SHARE: the total; gaps: the benchmark */
    int real;                    /* ON_YEAR: the change in real terms,
                                    from the indicator's real_growth */
    int nominal;                 /* LEVEL, CHANGE: an amount at current
                                    prices; SINCE: a nominal change
                                    beside a real one */
} text_fact;

#define TEXT_MAX_FACTS 12

typedef struct {
    const sb_dataset *ds;
    const sb_indicator *ind;
    sb_id region;                /* the region the sentences are about */
    int finding;                 /* a key finding: the rank told without
                                    the regions compared or the region */
    const char *set;             /* the comparison set's group; NULL: all
                                    regions */
    size_t n;
    text_fact fact[TEXT_MAX_FACTS];
} text_plan;

/* The plan of a section's sentences about r: level and change, record
   or doubling, rank, share and gap to the benchmark, target. No facts
   when r has no last value. */
void text_plan_series(text_plan *p, const sb_dataset *ds, metrics_ctx *mc,
                      const metrics_row *r);

/* The plan of a key finding about r: 0 (p untouched) when r has nothing
   to claim (no change over a window); else 1, with *score saying how
   much it matters (records and doublings first, then strong growth,
   ranks at the top, targets). */
int text_plan_finding(text_plan *p, const sb_dataset *ds, metrics_ctx *mc,
                      const metrics_row *r, double *score);

/* Whether facts i and i + 1 of p are one sentence (i + 1 is a clause). */
int text_plan_continues(const text_plan *p, size_t i);

/* f printed in lang through the formatter, into buf (returned). */
char *text_plan_figure(char *buf, size_t size, const text_plan *p,
                       const text_figure *f, fmt_lang lang);
/* The indicator's and a region's names in lang. */
const char *text_plan_name(const text_plan *p, fmt_lang lang);
const char *text_plan_region(const text_plan *p, sb_id r, fmt_lang lang);

#endif
