/*
 * metrics/revisions.h -- what changed between two vintages of the same
 * data (statbrief diff): values revised, rounded, added, withdrawn, flag
 * changes, unit or scale changes, and the revision statistics of each
 * indicator (mean revision and mean absolute revision, as the OECD and
 * Eurostat revision-analysis guidelines define them).
 *
 * Both sides are finished datasets of the normal loader; the comparison
 * only reads them. Indicators match by id, regions by name, then by the
 * other side's aliases (the loader's gazetteer and alias matching has
 * already given both sides their names). The result borrows strings
 * from both datasets: destroy it before them. Writing it out is
 * rev_write's (one table of output formats, rev_format).
 */
#ifndef METRICS_REVISIONS_H
#define METRICS_REVISIONS_H

#include <stdio.h>

#include "core/model.h"
#include "core/status.h"

/* The change kinds, in the order a value's changes are listed. */
typedef enum {
    REV_UNIT,        /* an indicator's unit or scale changed (year 0) */
    REV_META,        /* its name, source or kind changed (year 0; one
                        change per attribute, rev_meta_attrs) */
    REV_REVISED,     /* a different number */
    REV_ROUNDED,     /* fewer decimals, equal at the coarser precision */
    REV_FLAGS,       /* same number, other flags (p -> none: final) */
    REV_ADDED,       /* only in NEW */
    REV_WITHDRAWN,   /* only in OLD */
    REV_N
} rev_kind;

/* "unit", "revised", ... (the csv and json words). */
const char *rev_kind_name(rev_kind k);

typedef struct {
    rev_kind kind;
    const char *indicator, *region;  /* region "" for a unit change */
    int year;                        /* 0 for a unit change */
    double old, new;                 /* NaN when absent; old in NEW's unit */
    int decimals;                    /* the larger of the published ones:
                                        the difference is rounded to it */
    const char *old_flags, *new_flags;
    const char *old_unit, *new_unit; /* REV_UNIT only */
    const char *attr;                /* REV_META: "name", "source", ... */
    const char *old_text, *new_text; /* REV_META: the attribute's texts */
} rev_change;

/* One indicator's counts and statistics; the means are over its revised
   values (percent over those whose old value is not zero). */
typedef struct {
    const char *indicator;
    size_t n[REV_N];
    size_t n_pct;
    double mean, mean_abs, mean_pct, mean_abs_pct;
    const sb_indicator *ind;         /* NEW's (OLD's when only there):
                                        the number form; NULL for all */
    size_t largest[3];               /* indexes of changes; n_largest */
    size_t n_largest;                /* by |percent|, else |diff| */
} rev_stats;

typedef struct {
    rev_change *changes;             /* by indicator, region, year, kind */
    size_t n;
    rev_stats *inds;                 /* one per indicator with a change */
    size_t n_inds;
    rev_stats all;                   /* every indicator together */
} rev_result;

/* What to compare: the indicators named (ids; none: all) and the years
   from..to (0: open). Unit changes are kept for a selected indicator. */
typedef struct {
    const char *const *ids;
    size_t n_ids;
    int from, to;
    /* the regions kept, by NEW's names (a region only in OLD is kept:
       its values were withdrawn); NULL: all. A brief's annex keeps the
       regions it shows. */
    int (*region_kept)(void *ctx, const char *region);
    void *region_ctx;
} rev_filter;

/* Compares old with new into *out (NULL on failure); f may be NULL (all).
   SB_ENOMEM with its message in err when out of memory. */
sb_status rev_compare(const sb_dataset *old, const sb_dataset *new,
                      const rev_filter *f, rev_result **out, sb_error *err);
void rev_destroy(rev_result *r);

/* The region of b that reg (of another dataset) is: by its name, else
   by one of its aliases; SB_NONE when none. */
sb_id rev_region_in(const sb_dataset *b, const sb_region *reg);

/* How a value of indicator o (OLD) reads in n's unit (NEW): *factor
   times it (1 when the unit and scale are the same). 0 when the units
   differ and no scales relate them: the values cannot be compared. */
int rev_unit_factor(const sb_indicator *o, const sb_indicator *n,
                    double *factor);

/* The output formats, one table in revisions.c. */
typedef enum { REV_FMT_TABLE, REV_FMT_CSV, REV_FMT_JSON, REV_FMT_MD } rev_format;
/* The format named s; -1 when s names none. */
int rev_format_parse(const char *s, rev_format *f);

/* Writes r to out in format f; -1 when a write failed. */
int rev_write(FILE *out, const rev_result *r, rev_format f);

/* As rev_write, with the figures that change (metrics/figdiff.h) after
   the values: csv rows of change "figure", json "figures", a table of
   their own in table and md; fig NULL: none. */
struct figdiff_result;
int rev_write_figures(FILE *out, const rev_result *r,
                      const struct figdiff_result *fig, rev_format f);

#endif
