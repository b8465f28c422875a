/*
 * reports/placeholder.h -- the {placeholders} of a spec's texts: any
 * figure of any series and window, and generated sentences, printed by
 * the formatter in the brief's language so that a number in the author's
 * words is the number the tables and charts show.
 *
 * Syntax (docs/spec.md, "Placeholders"):
 *   {INDICATOR REGION METRIC}            the figure over the default window
 *   {INDICATOR REGION METRIC YEAR}       ... over the window ending YEAR
 *   {INDICATOR REGION METRIC FROM-TO}    ... over FROM-TO
 *   {finding INDICATOR [REGION]}         the key-finding sentences
 *   {sentences INDICATOR [REGION]}       the section's sentences
 *   {year} {from} {focus} {as_of}        the brief's year, first year,
 *                                        focus region, latest data year
 *   {{ and }}                            literal braces
 * REGION is a name or alias, "focus", "total" or "benchmark"; a name with
 * spaces goes in double quotes. METRIC is value (the window's last
 * value) or a metrics column: first_value, last_value, change,
 * pct_change, pp_change, cagr, yoy, multiple, slope, intercept, r2,
 * trend_growth, forecast, forecast_lo, forecast_hi, rank, rank_of,
 * share, gap, growth_gap, n, first_year, last_year, forecast_year.
 */
#ifndef REPORTS_PLACEHOLDER_H
#define REPORTS_PLACEHOLDER_H

#include <glib.h>

#include "core/model.h"
#include "metrics/format.h"
#include "metrics/fields.h"
#include "metrics/metrics.h"

/* Where a figure placeholder is in its text and the years its figure
   speaks of, for yearcheck.h. */
typedef struct {
    size_t at, end;              /* byte offsets of '{' and past '}' */
    int first, last;             /* the years the figure is of: its
                                    window, or one year for a level */
    int also;                    /* a forecast's year; else 0 */
} placeholder_span;

typedef struct {
    const sb_dataset *ds;
    metrics_ctx *mc;
    fmt_lang lang;
    int year;                    /* the brief's year: windows end here */
    int from;                    /* pinned first year; 0: each series' */
    int as_of;                   /* the latest year in the data */
    GArray *printed;             /* metrics_row of each figure; NULL */
    GArray *spans;               /* placeholder_span of each figure with
                                    a value, in text order; NULL */
    int brief_year;              /* {year}: the brief's year (brief.h);
                                    0: `year` */
    GHashTable *used;            /* the names of the figures printed
                                    (parts.h); NULL: not recorded */
} placeholder_ctx;

/* Sets err's path, line and column for byte `offset` of the text. */
typedef void (*placeholder_locate)(void *user, size_t offset, sb_error *err);

/* Expands text into *out (g_free). A malformed placeholder or an unknown
   indicator, region or metric is SB_EDATA, located by `where`. A figure
   the data leave undefined prints as "–" with a warning in diag (located
   the same way). */
sb_status placeholder_expand(const placeholder_ctx *c, const char *text,
                             placeholder_locate where, void *user,
                             char **out, sb_diag *diag, sb_error *err);

/* The indicator id (regions 0) or region name (1) of the data nearest
   to name, for "did you mean"; NULL when none is close. */
const char *placeholder_nearest(const sb_dataset *ds, int regions,
                                const char *name);

/* The figure a placeholder may name (value, change, ...: metrics/
   fields.h), NULL if unknown; and the figure of r printed as text quotes
   it (tables print the same). */
const metrics_field *placeholder_figure(const char *name);
void placeholder_print(GString *g, const placeholder_ctx *c,
                       const metrics_field *f, const metrics_row *r);

#endif
