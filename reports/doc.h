/*
 * reports/doc.h -- a paginated PDF document of blocks: headings,
 * paragraphs, tables (with sparklines), charts. Pango sets the text on a
 * Cairo PDF surface; a first pass measures and paginates (a heading is
 * kept with what follows, a table split across pages repeats its header
 * row, nothing runs off a page, no page is empty), a second draws, so
 * that footers can say "3 / 12". Internal links, outline, metadata.
 *
 * Ownership: report_doc_create returns a document the caller frees with
 * report_doc_destroy; strings are copied; charts handed to it are owned.
 */
#ifndef REPORTS_DOC_H
#define REPORTS_DOC_H

#include <stddef.h>

#include "core/model.h"
#include "metrics/format.h"
#include "plots/chart.h"

typedef struct report_doc report_doc;

typedef enum {
    REPORT_A4 = 0,
    REPORT_LETTER
} report_paper;

typedef enum {
    REPORT_BODY = 0,     /* 9.5 pt paragraph */
    REPORT_LEAD,         /* 11 pt, for the title block */
    REPORT_SMALL,        /* 8 pt, notes */
    REPORT_BULLET        /* body with a hanging bullet */
} report_style;

typedef struct {
    size_t n_cols;
    char **head;                 /* n_cols strings */
    int *right;                  /* per column: 1 to align right */
    double *weight;              /* relative widths (NULL: from content) */
    char ***cells;               /* rows x n_cols */
    plot_chart **spark;          /* per row, drawn in column spark_col */
    size_t n_rows, spark_col;
    int *bold;                   /* per row: the focus region */
} report_table;

report_doc *report_doc_create(report_paper paper, fmt_lang lang);
void report_doc_destroy(report_doc *d);

void report_doc_title(report_doc *d, const char *title);
/* level 1 or 2; dest: an anchor links may point to (NULL: none);
   outline: add to the PDF bookmarks. */
void report_doc_heading(report_doc *d, int level, const char *text,
                        const char *dest, int outline);
/* link: the anchor the whole paragraph links to (NULL: none). */
void report_doc_para(report_doc *d, report_style style, const char *text,
                     const char *link);
/* Takes the table's strings and charts; frees the table struct. */
void report_doc_table(report_doc *d, report_table *t);
/* Takes the chart; height in points at the full text width. */
void report_doc_chart(report_doc *d, plot_chart *c, double height);
void report_doc_space(report_doc *d, double points);

typedef struct {
    const char *title, *author, *subject, *keywords;
    const char *footer;          /* left of the page number */
    long long epoch;             /* creation date */
} report_meta;

/* Lays out and draws the document; the PDF's bytes go to *out (g_free).
   Fails with SB_EDATA when a character has no font. */
sb_status report_doc_write(report_doc *d, const report_meta *m,
                           unsigned char **out, size_t *len, size_t *pages,
                           sb_error *err);

#endif
