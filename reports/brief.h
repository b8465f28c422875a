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

/* The brief's year (its title, file name, metadata): the year most of
   the focus region's indicators reach, i.e. the mode of the last years
   of its series; of two years reached by as many indicators, the later.
   Of the selected indicators (sel, NULL: all). 0 when the focus has no
   value. */
int report_brief_year(const sb_dataset *ds, metrics_ctx *mc,
                      const unsigned char *sel);
/* That rule over the n last years in `last` (values <= 0 ignored). */
int report_brief_mode_year(const int *last, size_t n);
/* Where the brief's data end: the latest year with a value for the
   focus region in any indicator (windows and placeholders end there
   unless a year is given). 0 when it has none. */
int report_data_year(const sb_dataset *ds, metrics_ctx *mc);

/* An overview needs this many peers (regions that are not aggregates)
   with data: of fewer, leaders, laggards and quartiles say nothing a
   brief about the first of them would not. */
#define REPORT_OVERVIEW_MIN_PEERS 3
/* Whether the brief is an overview (report_opts.overview): no focus
   asked (focus NULL: neither --focus nor the spec's), none named by
   regions.csv (metrics_meta_focus), no sections of a spec (spec NULL:
   none; their text and tables are the author's, about a focus), and
   REPORT_OVERVIEW_MIN_PEERS peers with data or more. */
int report_overview_wanted(const sb_dataset *ds, const char *focus,
                           const sb_spec *spec);

/* "pdf", "html", "pdf,html" (any order, no repeats) into *out as
   REPORT_FMT_ bits; -1 for anything else. */
int report_formats_parse(const char *list, unsigned *out);
/* The formats' names, as a message lists them: "pdf or html". */
const char *report_formats_names(void);
/* Format i of the table (i < REPORT_N_FORMATS): its bit, or 0. */
unsigned report_format_bit(size_t i);
/* The file of format f (one bit) of a brief asked for at path in
   formats (0: PDF): path itself when it is the one format asked and
   path does not end in another format's extension; else path without
   its extension (.pdf, .html) and with f's: "brief" and "brief.pdf" in
   pdf,html give brief.pdf and brief.html (g_free). */
char *report_format_path(const char *path, unsigned formats, unsigned f);

/* Builds and writes the brief of the selected indicators (NULL: all)
   in each format asked (o->formats), from one document; every file
   written in full before any is renamed into place. SB_ECANTCREAT
   when a file cannot be written (nothing is left half written),
   SB_EDATA when the focus region has no values. */
sb_status report_brief_write(const sb_dataset *ds, metrics_ctx *mc,
                             const unsigned char *indicators,
                             const report_opts *o, report_result *res,
                             sb_error *err);

/* The brief report_brief_write would write, as its document (doc.h)
   and not drawn: the same parts, sentences, tables and notes from the
   same options, its charts built (what each shows) but never rendered,
   and no "How this brief was made" note, which says when and from
   which bytes it was made. For comparing the text of two briefs
   (statbrief diff --brief). *doc is the caller's (report_doc_destroy),
   NULL on failure; *year is the brief's year. SB_EDATA when the focus
   region has no values, as for report_brief_write. */
sb_status report_brief_doc(const sb_dataset *ds, metrics_ctx *mc,
                           const unsigned char *indicators,
                           const report_opts *o, report_doc **doc,
                           int *year, sb_error *err);

/* Frees res's paths and zeroes it; a zeroed one is fine. */
void report_result_clear(report_result *res);

#endif
