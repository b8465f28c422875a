/*
 * reports/parts.h -- the parts a brief is assembled from, shared inside
 * reports/ (not a public interface): the brief being built (parts_ctx),
 * what it shows (regions, rows of figures, which indicators have a
 * section) and the parts themselves: title block, key findings, summary
 * table, an indicator's section. brief.c puts them in the default order,
 * sections.c in a spec's; notes.c adds the notes.
 *
 * Each part appends blocks to b->doc (doc.h) and records every figure it
 * prints in b->printed. Nothing here knows about pages or drawing.
 */
#ifndef REPORTS_PARTS_H
#define REPORTS_PARTS_H

#include "opts.h"
#include "doc.h"

#include <glib.h>

/* The brief's words in its language: L(b, "English", "中文"). Both arms
   are literals, so printf formats stay checked. */
#define L(b, en, zh) ((b)->lang == FMT_ZH ? (zh) : (en))

typedef struct {
    const sb_dataset *ds;
    metrics_ctx *mc;
    const report_opts *o;
    fmt_lang lang;
    int year;                    /* the data's end: nothing later is shown
                                    (--year, else the focus's latest) */
    int brief_year;              /* the brief's year: title, file name,
                                    metadata (report_brief_year) */
    report_doc *doc;             /* the blocks, in reading order */
    GArray *printed;             /* metrics_row: every figure printed */
    sb_error *err;
    unsigned char *linked;       /* indicators with a section to link to;
                                    NULL: all (g_free) */
    int as_of;                   /* the latest year in the data */
    GHashTable *cut;             /* a text -> its cut copy (parts_cut) */
    GHashTable *used;            /* the figures printed, by their names
                                    in metrics/fields.c ("cagr", "rank";
                                    "forecast"), static strings: the
                                    notes define only these */
    int no_made;                 /* 1: no "How this brief was made" note
                                    (report_brief_doc: when and from
                                    which bytes, never the same twice) */
    int screen_lost;             /* 1: the screening ran out of memory: a
                                    brief goes without its findings, a
                                    comparison of two cannot */
} parts_ctx;

/* ---- what the brief shows ---- */

/* s as the brief prints it: whole up to max_chars characters, else its
   first max_chars and an ellipsis (plots/chart.h's bounds), made once per
   text and kept as long as b. A name or a note from the data costs what
   the brief shows of it, however long the field. */
const char *parts_cut(const parts_ctx *b, const char *s, size_t max_chars);
/* Whether indicator id is in the selection sel (NULL: all are). */
int parts_selected(const unsigned char *sel, sb_id id);
/* The figures of (ind, reg) up to the brief's year, recorded as printed;
   0 when none. */
int parts_row(parts_ctx *b, sb_id ind, sb_id reg, metrics_row *r);
/* The years every region of a comparison of ind is shown at: the
   common first and reference years (metrics_ref_years), else (no region
   of the set has a value) the focus region's own. */
void parts_years_of(parts_ctx *b, sb_id ind, int *base, int *ref);
/* The figures of (ind, reg) over [base, ref], recorded as printed; 0
   when the region has no value the brief shows. A value missing at base
   or ref stays undefined: no other year stands in for it. */
int parts_row_at(parts_ctx *b, sb_id ind, sb_id reg, int base, int ref,
                 metrics_row *r);
/* A comparison column's heading: "2022", "2022年" (g_free). */
char *parts_year_head(const parts_ctx *b, int year);
/* What a comparison cell without a value that year says. */
#define PARTS_NO_DATA(b) L(b, "no data", "无数据")
/* A rank cell: "3 of 31", with the reference year when it is not the
   row's own ("3 of 31 (2022)"); "–" among fewer than two (g_free). A
   rank other regions share is marked: "=3 of 31", "并列3/31". */
char *parts_rank(const parts_ctx *b, const metrics_row *r);
/* "3 of 31" or "=3 of 31" whatever the number ranked (g_free). */
char *parts_rank_of(const parts_ctx *b, const metrics_row *r);
/* The rows of a table of the regions the brief shows for ind over
   [base, ref] (parts_row_at), in the order a table lists them: by rank
   at the reference year (ties in the source's order), then the regions
   without a rank there, then the aggregates, each in the source's order.
   A GArray of metrics_row (g_array_free). */
GArray *parts_region_rows(parts_ctx *b, sb_id ind, int base, int ref);
/* Whether r's row starts the aggregates, which a table sets apart: the
   first aggregate of rows[0..i]. */
int parts_row_apart(const parts_ctx *b, const GArray *rows, size_t i);
/* The region's and the indicator's names in the brief's language, cut
   to PLOT_NAME_MAX_CHARS. */
const char *parts_region(const parts_ctx *b, sb_id reg);
const char *parts_name(const parts_ctx *b, sb_id ind);
/* The regions a brief shows: the comparison set and the focus. */
int parts_shown(const parts_ctx *b, sb_id reg);
/* Whether the indicator has a value in the comparison set. */
int parts_has_section(parts_ctx *b, sb_id ind);
/* Whether the focus region has exactly one value up to the brief's year
   (from --from): such an indicator is a row of the latest-values table,
   not a section of the default brief. */
int parts_single(const parts_ctx *b, sb_id ind);
/* A default section's heading: the indicator's name, and the focus's
   last year when it is not the brief's year ("Invention patents granted
   (2021)"), so that a section of another year says so (g_free). */
char *parts_heading(const parts_ctx *b, sb_id ind);
/* "sec-<id>": the anchor of an indicator's section (g_free). */
char *parts_anchor(const sb_indicator *ind);
/* The first and last years with a value for the focus region and the
   latest in the data at all ("as of"), all up to the brief's year. */
void parts_years(parts_ctx *b, int *first, int *last, int *as_of);

/* The brief printed the figure `name` (a static string): its definition
   goes into the notes. */
void parts_use(parts_ctx *b, const char *name);

/* The figures chart c shows beside the data: a forecast. */
struct plot_chart;
void parts_chart_uses(parts_ctx *b, const struct plot_chart *c);
/* Adds chart c (taken) to the document, h pt high at the text width,
   with its text alternative (plots/alt.h). */
void parts_chart_add(parts_ctx *b, struct plot_chart *c, double h);
/* The height (pt) of chart c at the text width: h, or for a chart that
   grows with its rows (a ranking) what its rows need, at most a page's
   PARTS_CHART_MAX_H (its rows are then thinner). */
#define PARTS_CHART_MAX_H 470.0
double parts_chart_height(const struct plot_chart *c, double h);

/* A part of the brief is in its document: SB_ECANCELED when the run is
   to stop there (report_stopped), else SB_OK. */
sb_status parts_done(const parts_ctx *b);

/* ---- the parts; heading NULL: none (a spec section has its own) ---- */

/* Title, subtitle (NULL: none), byline, period and regions compared. */
void parts_title(parts_ctx *b, const char *title, const char *subtitle);
/* At most max key findings of the selected indicators, best first. */
void parts_findings(parts_ctx *b, const unsigned char *sel, size_t max,
                    const char *heading);
/* One row per selected indicator for the focus, with a sparkline. */
void parts_summary(parts_ctx *b, const unsigned char *sel,
                   const char *heading);
/* "Latest values": one row per selected indicator with a single value
   for the focus (parts_single): value, unit, year or "year not given".
   Nothing when there is none. */
void parts_latest(parts_ctx *b, const unsigned char *sel,
                  const char *heading);
/* Chart, sentences, comparison table and notes on values. */
void parts_section(parts_ctx *b, sb_id ind, const char *heading);

#endif
