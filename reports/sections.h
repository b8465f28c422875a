/*
 * reports/sections.h -- what a report spec adds to a brief: its names
 * checked against the data, its texts (with placeholders) checked, and
 * (brief_int.h) its sections drawn.
 */
#ifndef REPORTS_SECTIONS_H
#define REPORTS_SECTIONS_H

#include "brief.h"
#include "input/spec.h"

/* Every indicator, region and group the spec names is in the data:
   SB_EDATA at the name's line and column otherwise, with a "did you
   mean". */
sb_status report_spec_names(const sb_dataset *ds, const sb_spec *s,
                            sb_error *err);

/* Expands the title, subtitle and every section's title and text as the
   brief of `year` would, drawing nothing: a bad placeholder is SB_EDATA
   at its line and column; an undefined figure a warning in diag, and so is a
   year written beside figures of other years (yearcheck.h). */
sb_status report_spec_texts(const sb_dataset *ds, metrics_ctx *mc,
                            const sb_spec *s, const report_opts *o, int year,
                            sb_diag *diag, sb_error *err);

/* The names a spec's table column may have, NULL-ended: region,
   indicator, the figures offered as columns (metrics/fields.h) and trend
   (a sparkline). Static: do not free. */
const char *const *report_table_columns(void);

#endif
