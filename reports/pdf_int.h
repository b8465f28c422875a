/*
 * reports/pdf_int.h -- what the PDF backend's two files share (not a
 * public interface): the state of one PDF being written, the items a
 * document's blocks become, the sizes of its text, and the layout
 * functions of pdf_layout.c that pdf.c draws with.
 *
 * pdf_layout_init fills a caller-owned pdf_state; pdf_layout_free
 * releases its items. pdf_layout_begin/end bracket the use of Pango on
 * p->cr. Layouts returned belong to the caller (g_object_unref).
 */
#ifndef REPORTS_PDF_INT_H
#define REPORTS_PDF_INT_H

#include <stddef.h>
#include <stdint.h>

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include "doc.h"

/* The text sizes in points, and the spacings of paragraphs. */
#define SIZE_TITLE 19.0
#define SIZE_H1 13.5
#define SIZE_H2 11.0
#define SIZE_BODY 9.3
#define SIZE_LEAD 10.5
#define SIZE_SMALL 7.8
#define SIZE_TABLE 8.0
#define SIZE_FOOT 7.2
#define BULLET_INDENT 12.0       /* an item's text right of its bullet */
#define NOTE_OFF_TABLE 5.0       /* a note right under a table's rule */
/* Tables: a column of names or units narrows to its widest word, but
   not below TABLE_TEXT_MIN points, and a word wider than TABLE_WORD_MAX
   breaks; a cell shows CELL_MAX_LINES lines at most (a 300-character
   name in the narrowest column: a row stays shorter than a page); the
   caption of a table going on stands CAPTION_GAP above its header. */
#define TABLE_TEXT_MIN 50.0
#define TABLE_WORD_MAX 120.0
#define CELL_MAX_LINES 40
#define CAPTION_GAP 3.0
/* A cell's text is laid out this much wider than the width it was
   measured at (Pango breaks a line that fills its width exactly), into
   the cell's padding; a right-aligned cell starts as much further left. */
#define CELL_SLACK 1.0

/* What text is laid out at most, in lines of the narrowest characters
   (plot_text_fit; cut before Pango shapes it, with an ellipsis): a title
   or heading shows three lines (a page-long title would push everything
   else off the page); a paragraph 120, about a page of ordinary text and
   more than any sentence or note of a brief needs, so that only a
   pathological one is cut (a spec's text, the data quality of a million
   regions); a table cell or the footer one line. Names, notes and
   sources from the data are cut to plots/chart.h's bounds before. */
#define HEADING_MAX_LINES 3
#define PARA_MAX_LINES 120
/* The PDF's metadata (title, subject, keywords): not drawn, but kept in
   the file; a page of characters at most. */
#define META_MAX_CHARS 4000

typedef enum { K_TITLE, K_HEADING, K_PARA, K_ROW, K_CHART, K_SPACE } pdf_kind;

#define HEADER_ROW SIZE_MAX

typedef struct {
    pdf_kind k;
    const report_block *b;       /* where it comes from; K_SPACE: NULL */
    const char *text;            /* title, heading, paragraph (its part) */
    char *own;                   /* the text when it is a split part */
    size_t row;                  /* K_ROW: the row, or HEADER_ROW */
    double want_h;               /* charts, spaces */
    /* layout */
    double h;
    size_t page;
    double y;
    int repeat_header;           /* a row that starts a page mid-table */
    int cont;                    /* K_PARA: the rest of a split paragraph */
} pdf_item;

typedef struct {
    const report_doc *doc;
    fmt_lang lang;
    double pw, ph, margin, top, bottom, width;
    GPtrArray *items;            /* pdf_item*, owned */
    cairo_t *cr;
    PangoContext *pc;
    PangoFontDescription *font;
    long unknown;                /* glyphs no font has (drawn ones) */
    int drawing;                 /* measuring lays text out too: count once */
    GHashTable *colw;            /* report_table* -> double[] widths */
    GArray *links;               /* pdfl_link, added after Cairo is done */
    report_stop_fn stop;         /* checked before each page */
} pdf_state;

/* The page geometry of d's paper and d's items. */
void pdf_layout_init(pdf_state *p, const report_doc *d);
void pdf_layout_free(pdf_state *p);
/* Pango on p->cr (set before); end releases it. */
void pdf_layout_begin(pdf_state *p);
void pdf_layout_end(pdf_state *p);

/* s set at `size` points; width > 0 wraps at it (one_line: ellipsized
   instead). While p->drawing, glyphs without a font are counted. */
PangoLayout *pdf_layout_text(pdf_state *p, const char *s, double size,
                             int bold, double width, int one_line);
/* A title or heading item, at most three lines; a paragraph item. */
PangoLayout *pdf_layout_heading(pdf_state *p, const pdf_item *it);
PangoLayout *pdf_layout_para(pdf_state *p, const pdf_item *it);
double pdf_layout_width(PangoLayout *l);
/* The widths of t's columns, then (at [t->n_cols]) its header row's
   height and (at [t->n_cols + 1]) 1 when even its figures had to be
   narrowed, so that they wrap too (measured once; owned by p). */
double *pdf_layout_columns(pdf_state *p, const report_table *t);
/* The height of one line of table text, padded: a sparkline's row. */
double pdf_layout_row_height(void);
/* The height of row `row` of t (HEADER_ROW: the header), its cells
   wrapped in their columns. */
double pdf_layout_row_h(pdf_state *p, const report_table *t, size_t row);
/* Cell c of row `row` (HEADER_ROW: the header) wrapped at its column's
   width (CELL_SLACK wider), aligned as its column: drawn at the column's
   x + 5, less CELL_SLACK when it is right-aligned. */
PangoLayout *pdf_layout_cell(pdf_state *p, const report_table *t, size_t row,
                             size_t c);
/* "Regional GDP (continued)", "地区生产总值（续）": over the header a
   table repeats on a page it goes on to. */
PangoLayout *pdf_layout_caption(pdf_state *p, const report_table *t);

/* Measures every item and gives it its page and y; the page count. */
size_t pdf_layout_paginate(pdf_state *p);

#endif
