/*
 * reports/pdf.c -- the PDF backend (pdf.h): the items pdf_layout.c laid
 * out drawn page by page with Cairo (text, table rows with their rules
 * and sparklines, charts, the footer with "3 / 12"), then the outline
 * and the metadata, and the internal links added with libqpdf
 * (pdflinks.c) once Cairo has written the file.
 *
 * Not here: where anything goes on a page (pdf_layout.c), which blocks
 * a brief has (brief.c), chart drawing (plots/).
 */
#include "pdf.h"

#include "pdf_int.h"
#include "pdflinks.h"

#include <cairo-pdf.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include <glib.h>

/* ---- drawing ------------------------------------------------------------ */

static void show(pdf_state *p, PangoLayout *l, double x, double y)
{
    cairo_move_to(p->cr, x, y);
    pango_cairo_show_layout(p->cr, l);
    g_object_unref(l);
}

/* A text cell of row `row` (or the header) in the column [x, x + w),
   wrapped in it, aligned by its layout. */
static void draw_cell(pdf_state *p, const report_table *t, size_t row,
                      size_t c, double x, double y)
{
    int head = row == HEADER_ROW, bold = !head && t->emph && t->emph[row];

    if (head)
        cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
    else if (bold)
        cairo_set_source_rgb(p->cr, 0.0, 0.447, 0.698);
    else
        cairo_set_source_rgb(p->cr, 0.1, 0.1, 0.1);
    show(p, pdf_layout_cell(p, t, row, c),
         x + 5 - (t->right[c] ? CELL_SLACK : 0), y + 3);
}

/* A rule across the table at y: the header's dark, a row's light, the
   one over rows set apart (the aggregates) as dark as the header's. */
static void rule(pdf_state *p, double x1, double y, int dark)
{
    double grey = dark ? 0.3 : 0.85;

    cairo_set_source_rgb(p->cr, grey, grey, grey);
    cairo_set_line_width(p->cr, dark ? 0.7 : 0.4);
    cairo_move_to(p->cr, p->margin, y);
    cairo_line_to(p->cr, x1, y);
    cairo_stroke(p->cr);
}

/* Row `row` of t (or its header) at y, h high (pdf_layout_row_h). */
static void draw_row(pdf_state *p, const report_table *t, size_t row, double y,
                     double h)
{
    double *w = pdf_layout_columns(p, t), x = p->margin;
    size_t c;
    int head = row == HEADER_ROW;

    for (c = 0; c < t->n_cols; c++) {
        if (!head && t->spark && c == t->spark_col && t->spark[row]) {
            cairo_save(p->cr);
            cairo_translate(p->cr, x + 5, y + 2);
            plot_chart_draw(p->cr, t->spark[row], p->lang, w[c] - 10,
                            pdf_layout_row_height() - 4, NULL);
            cairo_restore(p->cr);
        } else if (!(t->spark && c == t->spark_col) || head) {
            draw_cell(p, t, row, c, x, y);
        }
        x += w[c];
    }
    if (!head && t->apart && t->apart[row] && row > 0)
        rule(p, x, y, 1);
    rule(p, x, y + h, head);
}

/* The caption and header of a table going on at the top of a page, over
   its row at y. */
static void draw_repeat(pdf_state *p, const report_table *t, double y)
{
    double hh = pdf_layout_row_h(p, t, HEADER_ROW);
    PangoLayout *l = pdf_layout_caption(p, t);
    PangoRectangle r;

    pango_layout_get_extents(l, NULL, &r);
    cairo_set_source_rgb(p->cr, 0.33, 0.33, 0.33);
    show(p, l, p->margin,
         y - hh - CAPTION_GAP - (double)r.height / PANGO_SCALE);
    draw_row(p, t, HEADER_ROW, y - hh, hh);
}

/* The heading that carries anchor `name`, or NULL. */
static const pdf_item *anchor(pdf_state *p, const char *name)
{
    guint i;

    for (i = 0; i < p->items->len; i++) {
        const pdf_item *t = p->items->pdata[i];
        if (t->k == K_HEADING && t->b->anchor != NULL &&
            strcmp(t->b->anchor, name) == 0)
            return t;
    }
    return NULL;
}

/* Remembers a link over the text of layout l at x on the item's page;
   pdfl_add turns it into an annotation once Cairo has written the file. */
static void add_link(pdf_state *p, const pdf_item *it, PangoLayout *l,
                     double x)
{
    const pdf_item *t = anchor(p, it->b->link);
    PangoRectangle r;
    pdfl_link k;

    if (t == NULL)
        return;
    pango_layout_get_extents(l, NULL, &r);
    k.page = it->page;
    k.x0 = x;
    k.x1 = x + (double)r.width / PANGO_SCALE;
    k.y1 = p->ph - it->y;
    k.y0 = k.y1 - (double)r.height / PANGO_SCALE;
    k.to_page = t->page;
    k.to_x = p->margin;
    k.to_y = p->ph - t->y + 4;
    g_array_append_val(p->links, k);
}

static void draw_para(pdf_state *p, const pdf_item *it)
{
    double x = p->margin;
    PangoLayout *l;

    if (it->b->role == REPORT_PARA_NOTE)
        cairo_set_source_rgb(p->cr, 0.33, 0.33, 0.33);
    if (it->b->role == REPORT_PARA_ITEM) {
        if (!it->cont)          /* the rest of a split item: no new bullet */
            show(p, pdf_layout_text(p, "\xe2\x80\xa2", SIZE_BODY, 0, 0, 0),
                 x, it->y);
        x += BULLET_INDENT;
    }
    l = pdf_layout_para(p, it);
    if (it->b->link != NULL)
        add_link(p, it, l, x);
    show(p, l, x, it->y);
}

static void draw_item(pdf_state *p, pdf_item *it, sb_error *err)
{
    cairo_set_source_rgb(p->cr, 0.1, 0.1, 0.1);
    switch (it->k) {
    case K_TITLE:
    case K_HEADING:
        show(p, pdf_layout_heading(p, it), p->margin, it->y);
        break;
    case K_PARA:
        draw_para(p, it);
        break;
    case K_ROW:
        if (it->repeat_header)
            draw_repeat(p, it->b->table, it->y);
        draw_row(p, it->b->table, it->row, it->y, it->h);
        break;
    case K_CHART:
        cairo_save(p->cr);
        cairo_translate(p->cr, p->margin, it->y);
        plot_chart_draw(p->cr, it->b->chart, p->lang, p->width, it->h, err);
        cairo_restore(p->cr);
        break;
    case K_SPACE:
        break;
    }
}

static void footer(pdf_state *p, const report_meta *m, size_t page,
                   size_t pages)
{
    char num[32];
    PangoLayout *l;
    double y = p->ph - 40;

    cairo_set_source_rgb(p->cr, 0.8, 0.8, 0.8);
    cairo_set_line_width(p->cr, 0.5);
    cairo_move_to(p->cr, p->margin, y - 5);
    cairo_line_to(p->cr, p->pw - p->margin, y - 5);
    cairo_stroke(p->cr);
    cairo_set_source_rgb(p->cr, 0.4, 0.4, 0.4);
    show(p, pdf_layout_text(p, m->footer ? m->footer : "", SIZE_FOOT, 0,
                   p->width - 60, 1), p->margin, y);
    g_snprintf(num, sizeof num, "%zu / %zu", page + 1, pages);
    l = pdf_layout_text(p, num, SIZE_FOOT, 0, 0, 0);
    show(p, l, p->pw - p->margin - pdf_layout_width(l), y);
}

/* Draws the pages in order, each with its footer; stops at the first
   chart that fails (err says why), or before a page when the run is to
   stop (SB_ECANCELED). */
static sb_status draw_pages(pdf_state *p, size_t pages, sb_error *err)
{
    const report_meta *m = report_doc_meta(p->doc);
    size_t page;
    guint i;

    p->drawing = 1;
    for (page = 0; page < pages; page++) {
        if (report_stopped(p->stop))
            return SB_ECANCELED;
        for (i = 0; i < p->items->len; i++) {
            pdf_item *it = p->items->pdata[i];
            if (it->page == page)
                draw_item(p, it, err);
        }
        footer(p, m, page, pages);
        cairo_show_page(p->cr);
        if (err && err->code != SB_OK)
            return err->code;
    }
    return SB_OK;
}

/* ---- writing ------------------------------------------------------------ */

static cairo_status_t write_bytes(void *closure, const unsigned char *data,
                                  unsigned int len)
{
    g_byte_array_append(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

/* One text of the metadata, cut to META_MAX_CHARS: the Info dictionary
   would otherwise carry a huge title or name whole. */
static void meta_text(cairo_surface_t *s, cairo_pdf_metadata_t key,
                      const char *text)
{
    char *cut = plot_text_cut(text, META_MAX_CHARS);

    cairo_pdf_surface_set_metadata(s, key, cut != NULL ? cut : text);
    g_free(cut);
}

static void metadata(cairo_surface_t *s, const report_meta *m)
{
    char date[32];
    time_t t = (time_t)m->epoch;
    struct tm tm;

    if (gmtime_r(&t, &tm) == NULL)      /* the caller range-checks epoch */
        memset(&tm, 0, sizeof tm);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
    meta_text(s, CAIRO_PDF_METADATA_TITLE, m->title ? m->title : "");
    if (m->author)
        meta_text(s, CAIRO_PDF_METADATA_AUTHOR, m->author);
    if (m->subject)
        meta_text(s, CAIRO_PDF_METADATA_SUBJECT, m->subject);
    if (m->keywords)
        meta_text(s, CAIRO_PDF_METADATA_KEYWORDS, m->keywords);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
                                   "statbrief " SB_VERSION);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
}

/* Bookmarks for the headings that asked for one (level 2 under 1). */
static void outline(pdf_state *p, cairo_surface_t *s)
{
    int parent = CAIRO_PDF_OUTLINE_ROOT, id;
    guint i;

    for (i = 0; i < p->items->len; i++) {
        const pdf_item *it = p->items->pdata[i];
        char *attr;
        if (it->k != K_HEADING || !it->b->outline || it->b->anchor == NULL)
            continue;
        attr = g_strdup_printf("page=%zu pos=[%g %g]", it->page + 1,
                               p->margin, it->y);
        id = cairo_pdf_surface_add_outline(s, it->b->level == 1
                                                  ? CAIRO_PDF_OUTLINE_ROOT
                                                  : parent,
                                           it->text, attr, 0);
        if (it->b->level == 1)
            parent = id;
        g_free(attr);
    }
}

/* Lays out and draws every page on a PDF surface writing into buf;
   the first error found, with the page count in *pages. */
static sb_status render(pdf_state *p, GByteArray *buf, size_t *pages,
                        sb_error *err)
{
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_bytes, buf,
                                                             p->pw, p->ph);
    cairo_status_t st;
    sb_status rc;

    metadata(s, report_doc_meta(p->doc));
    p->cr = cairo_create(s);
    pdf_layout_begin(p);
    *pages = pdf_layout_paginate(p);
    rc = draw_pages(p, *pages, err);
    outline(p, s);
    cairo_destroy(p->cr);
    cairo_surface_finish(s);
    st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    pdf_layout_end(p);
    if (rc == SB_OK && p->unknown > 0)
        rc = sb_error_set(err, SB_EDATA, NULL, 0, 0,
                          "%ld characters of the brief have no installed font",
                          p->unknown);
    if (rc == SB_OK && st != CAIRO_STATUS_SUCCESS)
        rc = sb_error_set(err, SB_EINTERNAL, NULL, 0, 0, "cairo: %s",
                          cairo_status_to_string(st));
    return rc;
}

sb_status report_pdf_write(const report_doc *d, report_stop_fn stop,
                           report_output *out, sb_error *err)
{
    GByteArray *buf = g_byte_array_new();
    pdf_state p;
    sb_status rc;

    pdf_layout_init(&p, d);
    p.stop = stop;
    p.links = g_array_new(FALSE, FALSE, sizeof(pdfl_link));
    rc = render(&p, buf, &out->pages, err);
    out->len = buf->len;
    out->data = g_byte_array_free(buf, FALSE);
    if (rc == SB_OK && p.links->len > 0)
        rc = pdfl_add(&out->data, &out->len,
                      (pdfl_link *)(void *)p.links->data, p.links->len, err);
    g_array_free(p.links, TRUE);
    pdf_layout_free(&p);
    if (rc != SB_OK) {
        g_free(out->data);
        memset(out, 0, sizeof *out);
    }
    return rc;
}

