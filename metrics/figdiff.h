/*
 * metrics/figdiff.h -- the figures that change between two vintages:
 * the metrics of both datasets (metrics_each, the figures of `statbrief
 * metrics`: window ends, change, CAGR, trend, forecast, rank, share,
 * gap...) compared series by series, each figure whose value changed
 * listed with its old and new value.
 *
 * statbrief diff writes the list in its four formats (rev_write_figures,
 * metrics/revisions.h); a brief's revisions annex asks for the figures
 * of its own indicators and regions. Series are matched as
 * metrics/revisions.h matches them (indicator id; region by name, else
 * by alias); a series on one side only has no figures to compare (its
 * values are added or withdrawn). Both datasets are only read; the
 * result borrows strings from NEW: destroy it before NEW.
 */
#ifndef METRICS_FIGDIFF_H
#define METRICS_FIGDIFF_H

#include <stddef.h>

#include "core/model.h"
#include "core/status.h"
#include "metrics/fields.h"
#include "metrics/format.h"
#include "metrics/metrics.h"
#include "metrics/revisions.h"

typedef struct {
    const char *indicator, *region;  /* NEW's id and region name */
    const sb_indicator *ind;         /* NEW's: the number form */
    const sb_indicator *old_ind;     /* OLD's: the form of an old value
                                        not alike */
    int alike;                       /* 0 when the figure is measured
                                        otherwise on each side (a kind
                                        changed: percent, then points):
                                        no difference is taken */
    const metrics_field *field;      /* the figure (metrics/fields.h) */
    double old, new;                 /* NaN when undefined; old in NEW's
                                        unit when the scale changed */
} figdiff_change;

typedef struct figdiff_result {
    figdiff_change *v;               /* by indicator, region, figure */
    size_t n;
} figdiff_result;

/* What to compare. filter: the indicators and years (the years pin the
   window, as metrics --from --to, and its region_kept, when set, keeps
   the regions reported); NULL: all. regions: NEW's region names to
   report (none: all). m: the comparison set, focus, total and
   benchmark of both sides (its from and to are taken from filter);
   NULL: the defaults of `statbrief metrics`. */
typedef struct {
    const rev_filter *filter;
    const char *const *regions;
    size_t n_regions;
    const metrics_opts *m;
} figdiff_opts;

/* The figures of old and new that differ, into *out (NULL on failure);
   o may be NULL. SB_ENOMEM ("out of memory"), or a usage error of the
   comparison set (an unknown focus or group), with its message in err. */
sb_status figdiff_compare(const sb_dataset *old, const sb_dataset *new,
                          const figdiff_opts *o, figdiff_result **out,
                          sb_error *err);
void figdiff_destroy(figdiff_result *r);

/* 1 when figure f is in the indicator's unit (values, changes, slope,
   intercept, points): scaled with it, and its difference has a percent
   of the old value; 0 for percentages, multiples, years, ranks and
   counts. */
int figdiff_in_unit(const metrics_field *f);

/* The change's old, new value, or new - old, in the indicator's number
   form (metrics_field_print): "1.23 billion yuan", "+4.1%", rank "3";
   the difference signed, and in percentage points for a percentage
   figure. Both in NEW's form, but the old value of a figure not alike in
   OLD's. FMT_UNDEFINED when a side is
   undefined, and for the difference of figures not alike. Returns buf. */
typedef enum { FIGDIFF_OLD, FIGDIFF_NEW, FIGDIFF_DIFF } figdiff_side;
char *figdiff_print(char *buf, size_t size, const figdiff_change *c,
                    figdiff_side side, fmt_lang lang);

#endif
