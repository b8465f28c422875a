/*
 * reports/text_int.h -- what the English and the Chinese sentence
 * builders share inside reports/ (not a public interface): the claim
 * tests both languages apply the same way, and the Chinese builders that
 * text.c dispatches to.
 */
#ifndef REPORTS_TEXT_INT_H
#define REPORTS_TEXT_INT_H

#include <glib.h>

#include "core/model.h"
#include "metrics/metrics.h"

/* Whether v prints as zero at `decimals` ("unchanged"). */
int text_rounds_to_zero(double v, int decimals);
/* Whether the series printed as unchanged (no record claim beside it). */
int text_printed_flat(const sb_dataset *ds, const metrics_row *r);
/* The rank at the window's first year among as many regions; 0: none. */
int text_first_rank(metrics_ctx *mc, const metrics_row *r);

/* The benchmark a rate's gap is told against (SB_NONE: no gap to tell:
   not a rate, no gap, or the region is the benchmark). */
sb_id text_gap_benchmark(const sb_dataset *ds, metrics_ctx *mc,
                         const metrics_row *r);

/* Chinese: the section's sentences, and a key finding's. */
void text_zh_series(GString *g, const sb_dataset *ds, metrics_ctx *mc,
                    const metrics_row *r);
void text_zh_finding(GString *g, const sb_dataset *ds, metrics_ctx *mc,
                     const metrics_row *r);

#endif
