/*
 * reports/doc.h -- the brief as a document: an ordered list of blocks
 * (title, headings, paragraphs, tables with sparklines, charts) and the
 * document's metadata and paper, in no output format. The brief's parts
 * (brief.c, parts.c, notes.c, sections.c) fill it with content; a
 * backend reads it and writes one file: pdf.h (pages drawn with Cairo
 * and Pango), html.h (a page with inline SVG charts). Not here:
 * pages, fonts, sizes of text, colours, drawing -- a backend's choices.
 *
 * What a block means, so that every backend says the same thing:
 * - a heading may carry an anchor (a link target, "sec-rd_intensity") and
 *   may be listed in the document's outline (PDF bookmarks, a table of
 *   contents);
 * - a paragraph has a role (body text, the title block's lead, a note in
 *   small print, an item of a list such as the key findings) and may link
 *   as a whole to an anchor;
 * - a table (report_table) has a header row, per-column alignment, one
 *   row that stands out (the focus region), rows set apart (the
 *   aggregates after the ranked regions), optionally a column of
 *   sparklines, and a caption a backend repeats with "(continued)"
 *   where the table goes on after a page break; cells hold whole
 *   texts, which a backend wraps in their column and never cuts;
 * - a chart is a plot_chart with the height it wants at the text width,
 *   and its text alternative.
 *
 * Ownership: report_doc_create returns a document the caller frees with
 * report_doc_destroy (NULL is fine). Strings handed to it are copied;
 * tables and charts handed to it belong to it from then on. What the
 * readers (report_doc_block, report_doc_meta) return lives as long as
 * the document and must not be changed.
 */
#ifndef REPORTS_DOC_H
#define REPORTS_DOC_H

#include <stddef.h>

#include "core/model.h"
#include "metrics/format.h"
#include "plots/chart.h"

typedef struct report_doc report_doc;

/* The paper the document is meant for: a PDF's page size, an HTML
   page's print stylesheet. */
typedef enum {
    REPORT_A4 = 0,
    REPORT_LETTER
} report_paper;

typedef enum {
    REPORT_BLOCK_TITLE = 0,      /* the document's title */
    REPORT_BLOCK_HEADING,        /* a part (level 1) or sub-part (2) */
    REPORT_BLOCK_PARA,           /* a paragraph of one role */
    REPORT_BLOCK_TABLE,
    REPORT_BLOCK_CHART
} report_block_kind;

typedef enum {
    REPORT_PARA_BODY = 0,        /* running text */
    REPORT_PARA_LEAD,            /* the title block: subtitle, period */
    REPORT_PARA_NOTE,            /* small print: byline, notes */
    REPORT_PARA_ITEM             /* an item of a list (key findings) */
} report_para_role;

/* A table block. Built with report_table_* (table.c); read-only for the
   backends. Cells are strings, "" where a sparkline stands. */
typedef struct {
    size_t n_cols, n_rows;
    char **head;                 /* n_cols header cells */
    int *right;                  /* per column: 1 to align right */
    char ***cells;               /* n_rows x n_cols */
    int *emph;                   /* per row: the focus region; NULL: none */
    int *apart;                  /* per row: 1 when the row starts a group
                                    set apart (the aggregates) */
    char *caption;               /* what the table is of ("Regional
                                    GDP"); NULL: none */
    size_t spark_col;            /* the sparkline column (SIZE_MAX: none) */
    plot_chart **spark;          /* per row (NULL: no line); NULL when the
                                    table has no sparkline column or no
                                    row */
} report_table;

typedef struct {
    report_block_kind kind;
    const char *text;            /* title, heading, paragraph */
    int level;                   /* heading: 1 or 2 */
    const char *anchor;          /* heading: a link target; NULL: none */
    int outline;                 /* heading: listed in the outline */
    report_para_role role;       /* paragraph */
    const char *link;            /* paragraph: the anchor it links to */
    const report_table *table;
    const plot_chart *chart;
    double height;               /* chart: points at the text width */
    const char *alt;             /* chart: its text alternative (plots/
                                    alt.h); NULL: none */
} report_block;

/* The document's metadata: what a PDF's Info dictionary or an HTML
   page's head carries, and the line every page's foot repeats. */
typedef struct {
    const char *title, *author, *subject, *keywords;
    const char *footer;          /* before the page number; NULL: none */
    long long epoch;             /* creation date, seconds since 1970 */
} report_meta;

report_doc *report_doc_create(report_paper paper, fmt_lang lang);
void report_doc_destroy(report_doc *d);

/* ---- building (brief.c, sections.c, notes.c) ---- */

void report_doc_title(report_doc *d, const char *title);
/* level 1 or 2; anchor: a target links may name (NULL: none); outline:
   list the heading in the document's outline. */
void report_doc_heading(report_doc *d, int level, const char *text,
                        const char *anchor, int outline);
/* link: the anchor the whole paragraph links to (NULL: none). */
void report_doc_para(report_doc *d, report_para_role role, const char *text,
                     const char *link);
/* Takes the table. */
void report_doc_table(report_doc *d, report_table *t);
/* Takes the chart; height in points when drawn at the text width. */
void report_doc_chart(report_doc *d, plot_chart *c, double height);
/* The text alternative of the last chart added (copied): what a
   backend gives readers who cannot see the chart (HTML: its <desc>). */
void report_doc_chart_alt(report_doc *d, const char *alt);
/* Copies m's strings; the last call wins. */
void report_doc_set_meta(report_doc *d, const report_meta *m);

/* ---- reading (the backends) ---- */

fmt_lang report_doc_lang(const report_doc *d);
report_paper report_doc_paper(const report_doc *d);
const report_meta *report_doc_meta(const report_doc *d);
size_t report_doc_n_blocks(const report_doc *d);
/* Block i < report_doc_n_blocks(d). */
const report_block *report_doc_block(const report_doc *d, size_t i);

/* ---- tables (table.c) ---- */

/* An empty table of n_cols columns, every column left-aligned with an
   empty header and no sparklines. Never NULL. */
report_table *report_table_create(size_t n_cols);
void report_table_destroy(report_table *t);          /* NULL is fine */
/* Column col's header (copied) and alignment. */
void report_table_head(report_table *t, size_t col, const char *text,
                       int right);
/* Column col shows each row's sparkline instead of its text. Set it
   before the first row. */
void report_table_sparklines(report_table *t, size_t col);
/* Appends a row; emph: the focus region's row. Returns its n_cols cells,
   NULL each, for the caller to fill with g_malloc'd strings the table
   then owns (a cell left NULL prints as ""). */
char **report_table_row(report_table *t, int emph);
/* The sparkline of the last row; takes c (NULL is fine: none). */
void report_table_spark(report_table *t, plot_chart *c);
/* The last row starts a group set apart from the rows before it. */
void report_table_apart(report_table *t);
/* What the table is of (copied; the last call wins), said again with
   "(continued)" on a page the table goes on to. */
void report_table_caption(report_table *t, const char *text);

/* ---- stopping (brief.c, sections.c, the backends) ---- */

/* Whether the run is to stop, nonzero when a signal came: given by the
   command line (report_opts), since a stage may not ask it. */
typedef int (*report_stop_fn)(void);

/* One stop check of a brief being written: between its parts and
   sections, before its first page and between pages, before its bytes
   are written. Nonzero when stop (NULL: never) says to stop; then
   nothing of the brief may be written. The pause point "brief_part" of
   core/testhook.h is here. */
int report_stopped(report_stop_fn stop);

/* What a backend writes: the bytes of one file. */
typedef struct {
    unsigned char *data;         /* g_free */
    size_t len;
    size_t pages;                /* 0 where pages mean nothing */
} report_output;

/* A backend: writes d in its format into *out (zeroed on failure).
   Checks stop (report_stopped) between pages and returns SB_ECANCELED
   when it says to stop, err untouched. report_pdf_write (pdf.h) is
   one. */
typedef sb_status (*report_backend)(const report_doc *d,
                                    report_stop_fn stop, report_output *out,
                                    sb_error *err);

#endif
