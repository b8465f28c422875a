/*
 * reports/brief.h -- the default brief: title block, key findings, a
 * summary table with sparklines, a section per indicator (chart, text,
 * comparison table), notes (definitions, sources, data quality,
 * generation details). Written atomically; optionally every printed
 * figure as CSV.
 */
#ifndef REPORTS_BRIEF_H
#define REPORTS_BRIEF_H

#include "opts.h"
#include "core/model.h"
#include "metrics/metrics.h"

/* The brief's year by DESIGN.md: the latest year with a value for the
   focus region in any indicator. 0 when it has none. */
int report_brief_year(const sb_dataset *ds, metrics_ctx *mc);

/* Builds and writes the brief of the selected indicators (NULL: all).
   SB_ECANTCREAT when a file cannot be written (nothing is left half
   written), SB_EDATA when the focus region has no values. */
sb_status report_brief_write(const sb_dataset *ds, metrics_ctx *mc,
                             const unsigned char *indicators,
                             const report_opts *o, report_result *res,
                             sb_error *err);

#endif
