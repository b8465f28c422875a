/*
 * reports/text.h -- the sentences of a brief, built from metrics-API
 * figures and printed through the formatter, so that a number in text,
 * table and chart is the same number. What is said is planned once
 * (text_plan.h) and worded in English or Chinese (text_write.h), so
 * that both languages make the same claims.
 *
 * The claim rules: amounts and counts in their unit with percent change,
 * rates in percentage points, a series that starts at or below zero or
 * crosses it by its change in the unit ("fell by 392,000 persons to
 * −444,000 persons"); "more than doubled" only when the multiple is 2 or
 * more, from 3 on the multiple instead of the percent since the start
 * ("45.8 times its 2000 level"); "the highest since 2012" only over ten
 * years or more of data, when no earlier year is higher and the series
 * has no gap; "unchanged" when the change rounds to
 * zero at the printed precision; a rank at the indicator's reference
 * year, none among fewer than min_ranked regions (metrics_claim_ranked),
 * a move only among as many regions at both ends; a share or gap at
 * another year than the level's says its year; a key
 * finding names a rank in the top three or one that moved; no record
 * beside "unchanged"; filled years said.
 */
#ifndef REPORTS_TEXT_H
#define REPORTS_TEXT_H

#include "core/model.h"
#include "metrics/format.h"
#include "metrics/metrics.h"

#include <glib.h>

/* The sentences about one series (g_free): level and change, record or
   doubling, rank, share and gap to the benchmark, target. */
char *report_text_series(const sb_dataset *ds, metrics_ctx *mc,
                         const metrics_row *r, fmt_lang lang);

/* One finding (g_free), or NULL when the series has nothing to claim.
   *score orders findings: bigger matters more. */
char *report_text_finding(const sb_dataset *ds, metrics_ctx *mc,
                          const metrics_row *r, fmt_lang lang,
                          double *score);

/* Adds to `used` (a set of static strings) the names of the figures
   r's sentences state (finding: the key finding's, else the section's):
   "pct_change", "pp_change", "rank", "share", "gap" (metrics/fields.c),
   so that the notes define what the brief uses. */
void report_text_uses(const sb_dataset *ds, metrics_ctx *mc,
                      const metrics_row *r, int finding, GHashTable *used);

#endif
