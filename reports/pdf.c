/*
 * reports/pdf.c -- the PDF backend (pdf.h): a document's blocks become
 * items on pages -- measured with Pango, paginated, drawn with Cairo --
 * then the outline, the metadata and (pdflinks.c) the internal links.
 *
 * A table becomes one item per row (and one for its header), so that a
 * table can go on on the next page; a paragraph that does not fit is
 * split into two items at a line break. The items are this file's own:
 * the document stays as it was built.
 *
 * Not here: which blocks a brief has (brief.c), chart drawing
 * (plots/), the link annotations themselves (pdflinks.c).
 */
#include "pdf.h"

#include "pdflinks.h"
#include "plots/chart.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include <glib.h>

typedef enum { K_TITLE, K_HEADING, K_PARA, K_ROW, K_CHART, K_SPACE } kind;

#define HEADER_ROW SIZE_MAX

typedef struct {
    kind k;
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
} item;

typedef struct {
    const report_doc *doc;
    fmt_lang lang;
    double pw, ph, margin, top, bottom, width;
    GPtrArray *items;            /* item*, owned */
    cairo_t *cr;
    PangoContext *pc;
    PangoFontDescription *font;
    long unknown;                /* glyphs no font has (drawn ones) */
    int drawing;                 /* measuring lays text out too: count once */
    GHashTable *colw;            /* report_table* -> double[] widths */
    GArray *links;               /* pdfl_link, added after Cairo is done */
} pdf;

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

/* ---- items ------------------------------------------------------------------- */

static item *add(pdf *p, kind k, const report_block *b)
{
    item *it = g_new0(item, 1);

    it->k = k;
    it->b = b;
    it->text = b ? b->text : NULL;
    g_ptr_array_add(p->items, it);
    return it;
}

static void free_item(gpointer data)
{
    item *it = data;

    g_free(it->own);
    g_free(it);
}

/* The items of block i: a table is a header row and its rows; a note
   under a table stands off its rule. */
static void items_of(pdf *p, size_t i)
{
    const report_block *b = report_doc_block(p->doc, i);
    size_t r;

    switch (b->kind) {
    case REPORT_BLOCK_TITLE:
        add(p, K_TITLE, b);
        break;
    case REPORT_BLOCK_HEADING:
        add(p, K_HEADING, b);
        break;
    case REPORT_BLOCK_PARA:
        if (b->role == REPORT_PARA_NOTE && i > 0 &&
            report_doc_block(p->doc, i - 1)->kind == REPORT_BLOCK_TABLE)
            add(p, K_SPACE, NULL)->want_h = NOTE_OFF_TABLE;
        add(p, K_PARA, b);
        break;
    case REPORT_BLOCK_TABLE:
        add(p, K_ROW, b)->row = HEADER_ROW;
        for (r = 0; r < b->table->n_rows; r++)
            add(p, K_ROW, b)->row = r;
        break;
    case REPORT_BLOCK_CHART:
        add(p, K_CHART, b)->want_h = b->height;
        break;
    }
}

/* ---- text ----------------------------------------------------------------- */

/* A flat copy of s to draw: line breaks and tabs are spaces (the text is
   built in sentences, never in lines; a name or note keeps them as
   written in the data); control characters become U+FFFD. g_free. */
static char *drawable(const char *s)
{
    char *flat = g_strdup(s), *q, *shown;

    for (q = flat; *q; q++)
        if (*q == '\r' || *q == '\n' || *q == '\t')
            *q = ' ';
    shown = plot_printable(flat);
    if (shown == NULL)
        return flat;
    g_free(flat);
    return shown;
}

/* one_line: a table cell or the footer, ellipsized. max_lines: 0 for no
   limit, else ellipsize after that many lines (titles). */
static PangoLayout *layout_n(pdf *p, const char *s, double size, int bold,
                             double width, int one_line, int max_lines)
{
    PangoLayout *l = pango_layout_new(p->pc);
    char *shown = drawable(s);
    PangoFontDescription *fd = pango_font_description_copy(p->font);

    pango_layout_set_text(l, shown, -1);
    g_free(shown);
    pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
    if (bold)
        pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    if (width > 0) {
        pango_layout_set_width(l, (int)(width * PANGO_SCALE));
        if (one_line) {
            pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        } else {
            pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
            pango_layout_set_spacing(l, (int)(size * 0.25 * PANGO_SCALE));
            if (max_lines > 0) {
                pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
                pango_layout_set_height(l, -max_lines);
            }
        }
    }
    if (p->drawing)
        p->unknown += pango_layout_get_unknown_glyphs_count(l);
    return l;
}

static PangoLayout *layout(pdf *p, const char *s, double size, int bold,
                           double width, int one_line)
{
    return layout_n(p, s, size, bold, width, one_line, 0);
}

/* Titles and headings: at most three lines (a page-long title would push
   everything else off the page). */
static PangoLayout *head_layout(pdf *p, const item *it)
{
    double size = it->k == K_TITLE ? SIZE_TITLE
                  : it->b->level == 1 ? SIZE_H1 : SIZE_H2;

    return layout_n(p, it->text, size, 1, p->width, 0, 3);
}

static double height_of(PangoLayout *l)
{
    PangoRectangle r;

    pango_layout_get_extents(l, NULL, &r);
    return (double)r.height / PANGO_SCALE;
}

static double width_of(PangoLayout *l)
{
    PangoRectangle r;

    pango_layout_get_extents(l, NULL, &r);
    return (double)r.width / PANGO_SCALE;
}

static double para_size(report_para_role role)
{
    return role == REPORT_PARA_LEAD ? SIZE_LEAD
           : role == REPORT_PARA_NOTE ? SIZE_SMALL : SIZE_BODY;
}

static PangoLayout *para_layout(pdf *p, const item *it)
{
    report_para_role role = it->b->role;

    return layout(p, it->text, para_size(role), 0,
                  p->width - (role == REPORT_PARA_ITEM ? BULLET_INDENT : 0),
                  0);
}

/* The natural width of each column of t: its widest cell, padded. */
static double *natural_columns(pdf *p, const report_table *t, double *total)
{
    double *w = g_new0(double, t->n_cols);
    size_t c, r;

    *total = 0;
    for (c = 0; c < t->n_cols; c++) {
        PangoLayout *l = layout(p, t->head[c], SIZE_TABLE, 1, 0, 1);
        w[c] = width_of(l);
        g_object_unref(l);
        for (r = 0; r < t->n_rows; r++) {
            l = layout(p, t->cells[r][c], SIZE_TABLE, t->emph && t->emph[r],
                       0, 1);
            w[c] = fmax(w[c], width_of(l));
            g_object_unref(l);
        }
        if (t->spark && c == t->spark_col)
            w[c] = fmax(w[c], 60);
        w[c] += 10;                          /* cell padding */
        *total += w[c];
    }
    return w;
}

/* The width of each column of t: content-measured, scaled to fit. */
static double *columns(pdf *p, const report_table *t)
{
    double *w = g_hash_table_lookup(p->colw, t), total;
    size_t c;

    if (w != NULL)
        return w;
    w = natural_columns(p, t, &total);
    /* Too wide: the first column (names) gives way and ellipsizes; the
       figures keep their width. */
    if (total > p->width) {
        double cut = fmin(total - p->width, fmax(0, w[0] - 60));
        w[0] -= cut;
        total -= cut;
    }
    /* Still too wide (a 100-character unit, 1e300): every column gives
       way in proportion and its cells ellipsize; nothing leaves the page. */
    if (total > p->width)
        for (c = 0; c < t->n_cols; c++)
            w[c] *= p->width / total;
    g_hash_table_insert(p->colw, (gpointer)t, w);
    return w;
}

static double row_height(void)
{
    return SIZE_TABLE * 1.45 + 6;
}

/* The height of an item laid out at the text width. */
static double measure(pdf *p, item *it)
{
    PangoLayout *l = NULL;
    double h = 0;

    switch (it->k) {
    case K_TITLE:
    case K_HEADING:
        l = head_layout(p, it);
        break;
    case K_PARA:
        l = para_layout(p, it);
        break;
    case K_ROW:
        columns(p, it->b->table);
        return row_height();
    case K_CHART:
    case K_SPACE:
        return it->want_h;
    }
    h = height_of(l);
    g_object_unref(l);
    return h;
}

/* Space after an item (before the next), in points. */
static double after(const item *it)
{
    switch (it->k) {
    case K_TITLE: return 6;
    case K_HEADING: return it->b->level == 1 ? 6 : 4;
    case K_PARA: return it->b->role == REPORT_PARA_ITEM ? 3 : 6;
    case K_CHART: return 6;
    case K_ROW: return 0;
    case K_SPACE: return 0;
    }
    return 0;
}

static double before(const item *it)
{
    return it->k == K_HEADING ? (it->b->level == 1 ? 16 : 9) : 0;
}

/* ---- pagination ------------------------------------------------------------ */

/* A heading stays with what follows, a chart with the text under it and
   that text with a table right after it; a table header with its first
   two rows, and the last two rows together, so that no page starts or
   ends a table with a lone row. */
static int keeps_next(const pdf *p, size_t i)
{
    const item *it = p->items->pdata[i], *next;

    if (i + 1 >= p->items->len)
        return 0;
    next = p->items->pdata[i + 1];
    if (it->k == K_ROW && next->k == K_ROW && next->b == it->b)
        return it->row == HEADER_ROW || it->row == 0 ||
               it->row + 2 == it->b->table->n_rows;
    return it->k == K_HEADING || (it->k == K_CHART && next->k == K_PARA) ||
           (it->k == K_PARA && next->k == K_ROW);   /* text and its table */
}

/* The y range of each line of paragraph it, and where each starts in its
   text; returns the number of lines (the arrays are the caller's). */
static int para_lines(pdf *p, const item *it, double **bottom, int **start)
{
    PangoLayout *l = para_layout(p, it);
    PangoLayoutIter *iter = pango_layout_get_iter(l);
    int n = pango_layout_get_line_count(l), k = 0, y0, y1;

    *bottom = g_new(double, n);
    *start = g_new(int, n);
    do {
        pango_layout_iter_get_line_yrange(iter, &y0, &y1);
        (*bottom)[k] = (double)y1 / PANGO_SCALE;
        (*start)[k] = pango_layout_iter_get_line_readonly(iter)->start_index;
        k++;
    } while (k < n && pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    g_object_unref(l);
    return k;
}

/* The height paragraph it must bring to a page (with a heading before
   it): two lines when it could be split, else all of it. */
static double min_keep(pdf *p, const item *it)
{
    double *bottom;
    int *start, n;
    double h;

    if (it->k != K_PARA)
        return it->h;
    n = para_lines(p, it, &bottom, &start);
    h = n >= 4 ? bottom[1] : it->h;
    g_free(bottom);
    g_free(start);
    return h;
}

/* Cuts paragraph item it at byte `at` of its text: it keeps the first
   part (trailing space dropped), a new item after it (index i + 1)
   takes the rest. */
static void cut_para(pdf *p, size_t i, int at)
{
    item *it = p->items->pdata[i], *rest = g_new0(item, 1);
    char *first = g_strndup(it->text, (gsize)at);

    rest->k = K_PARA;
    rest->b = it->b;
    rest->cont = 1;
    rest->own = g_strdup(it->text + at);
    rest->text = rest->own;
    g_strchomp(first);
    g_free(it->own);             /* it->text may point into it: done */
    it->own = first;
    it->text = first;
    g_ptr_array_insert(p->items, (gint)i + 1, rest);
    it->h = measure(p, it);
    rest->h = measure(p, rest);
}

/* Splits paragraph i so that its first part fits in `room` points: at
   least two lines on each side (widow, orphan) unless the paragraph is
   taller than a page (strict = 0). Returns 1 if it split. */
static int split_para(pdf *p, size_t i, double room, int strict)
{
    double *bottom;
    int *start, n, k = 0, keep = strict ? 2 : 1, split;

    n = para_lines(p, p->items->pdata[i], &bottom, &start);
    while (k < n && bottom[k] <= room)
        k++;
    split = !(k < keep || n - k < keep || k == n);
    if (split)
        cut_para(p, i, start[k]);
    g_free(bottom);
    g_free(start);
    return split;
}

/* What item i needs on this page: itself and the items it keeps with
   (the last of them only as much as min_keep). */
static double need_of(pdf *p, size_t i, double b)
{
    const item *it = p->items->pdata[i];
    double need = b + it->h;
    size_t j;

    for (j = i; keeps_next(p, j); j++) {
        const item *a = p->items->pdata[j], *n = p->items->pdata[j + 1];
        need += after(a) + before(n) +
                (keeps_next(p, j + 1) ? n->h : min_keep(p, n));
    }
    return need;
}

/* Gives every item its page and its y; returns the number of pages. */
static size_t paginate(pdf *p)
{
    size_t page = 0, i;
    double y = p->top;

    for (i = 0; i < p->items->len; i++) {
        item *it = p->items->pdata[i];
        it->h = measure(p, it);
    }
    for (i = 0; i < p->items->len; i++) {
        item *it = p->items->pdata[i];
        double b = y > p->top ? before(it) : 0, need = need_of(p, i, b);
        /* a long paragraph fills the page and goes on on the next */
        if (it->k == K_PARA && !keeps_next(p, i) && y + need > p->bottom &&
            split_para(p, i, p->bottom - y - b, 1))
            need = need_of(p, i, b);
        if (y + need > p->bottom && y > p->top) {
            page++;
            y = p->top;
            b = 0;
            /* a table going on: its header again on top of the page */
            if (it->k == K_ROW && it->row != HEADER_ROW) {
                it->repeat_header = 1;
                y += row_height();
            }
        }
        /* taller than a page even at its top: cut where the page ends */
        if (it->k == K_PARA && it->h > p->bottom - y)
            split_para(p, i, p->bottom - y, 0);
        y += b;
        it->page = page;
        it->y = y;
        y += it->h + after(it);
    }
    return page + 1;
}

/* ---- drawing ----------------------------------------------------------------- */

static void show(pdf *p, PangoLayout *l, double x, double y)
{
    cairo_move_to(p->cr, x, y);
    pango_cairo_show_layout(p->cr, l);
    g_object_unref(l);
}

/* A text cell of row `row` (or the header) in the column [x, x + w). */
static void draw_cell(pdf *p, const report_table *t, size_t row, size_t c,
                      double x, double w, double y)
{
    int head = row == HEADER_ROW, bold = !head && t->emph && t->emph[row];
    const char *s = head ? t->head[c] : t->cells[row][c];
    /* at least a point wide: a width of 0 or less means "no limit" to
       Pango, and the cell would run over its neighbours */
    PangoLayout *l = layout(p, s, SIZE_TABLE, head || bold, fmax(1, w - 10),
                            1);
    double tw = width_of(l);

    if (head)
        cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
    else if (bold)
        cairo_set_source_rgb(p->cr, 0.0, 0.447, 0.698);
    else
        cairo_set_source_rgb(p->cr, 0.1, 0.1, 0.1);
    show(p, l, t->right[c] ? x + w - 5 - tw : x + 5, y + 3);
}

static void draw_row(pdf *p, const report_table *t, size_t row, double y)
{
    double *w = columns(p, t), x = p->margin, h = row_height();
    size_t c;
    int head = row == HEADER_ROW;

    for (c = 0; c < t->n_cols; c++) {
        if (!head && t->spark && c == t->spark_col && t->spark[row]) {
            cairo_save(p->cr);
            cairo_translate(p->cr, x + 5, y + 2);
            plot_chart_draw(p->cr, t->spark[row], p->lang, w[c] - 10, h - 4,
                            NULL);
            cairo_restore(p->cr);
        } else {
            draw_cell(p, t, row, c, x, w[c], y);
        }
        x += w[c];
    }
    cairo_set_source_rgb(p->cr, head ? 0.3 : 0.85, head ? 0.3 : 0.85,
                         head ? 0.3 : 0.85);
    cairo_set_line_width(p->cr, head ? 0.7 : 0.4);
    cairo_move_to(p->cr, p->margin, y + h);
    cairo_line_to(p->cr, x, y + h);
    cairo_stroke(p->cr);
}

/* The heading that carries anchor `name`, or NULL. */
static const item *anchor(pdf *p, const char *name)
{
    guint i;

    for (i = 0; i < p->items->len; i++) {
        const item *t = p->items->pdata[i];
        if (t->k == K_HEADING && t->b->anchor != NULL &&
            strcmp(t->b->anchor, name) == 0)
            return t;
    }
    return NULL;
}

/* Remembers a link over the text of layout l at x on the item's page;
   pdfl_add turns it into an annotation once Cairo has written the file. */
static void add_link(pdf *p, const item *it, PangoLayout *l, double x)
{
    const item *t = anchor(p, it->b->link);
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

static void draw_para(pdf *p, const item *it)
{
    double x = p->margin;
    PangoLayout *l;

    if (it->b->role == REPORT_PARA_NOTE)
        cairo_set_source_rgb(p->cr, 0.33, 0.33, 0.33);
    if (it->b->role == REPORT_PARA_ITEM) {
        if (!it->cont)          /* the rest of a split item: no new bullet */
            show(p, layout(p, "\xe2\x80\xa2", SIZE_BODY, 0, 0, 0), x, it->y);
        x += BULLET_INDENT;
    }
    l = para_layout(p, it);
    if (it->b->link != NULL)
        add_link(p, it, l, x);
    show(p, l, x, it->y);
}

static void draw_item(pdf *p, item *it, sb_error *err)
{
    cairo_set_source_rgb(p->cr, 0.1, 0.1, 0.1);
    switch (it->k) {
    case K_TITLE:
    case K_HEADING:
        show(p, head_layout(p, it), p->margin, it->y);
        break;
    case K_PARA:
        draw_para(p, it);
        break;
    case K_ROW:
        if (it->repeat_header)
            draw_row(p, it->b->table, HEADER_ROW, it->y - row_height());
        draw_row(p, it->b->table, it->row, it->y);
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

static void footer(pdf *p, const report_meta *m, size_t page, size_t pages)
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
    show(p, layout(p, m->footer ? m->footer : "", SIZE_FOOT, 0,
                   p->width - 60, 1), p->margin, y);
    g_snprintf(num, sizeof num, "%zu / %zu", page + 1, pages);
    l = layout(p, num, SIZE_FOOT, 0, 0, 0);
    show(p, l, p->pw - p->margin - width_of(l), y);
}

/* Draws the pages in order, each with its footer; stops at the first
   chart that fails (err says why). */
static sb_status draw_pages(pdf *p, size_t pages, sb_error *err)
{
    const report_meta *m = report_doc_meta(p->doc);
    size_t page;
    guint i;

    p->drawing = 1;
    for (page = 0; page < pages; page++) {
        for (i = 0; i < p->items->len; i++) {
            item *it = p->items->pdata[i];
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

/* ---- writing ------------------------------------------------------------------ */

static cairo_status_t write_bytes(void *closure, const unsigned char *data,
                                  unsigned int len)
{
    g_byte_array_append(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

static void metadata(cairo_surface_t *s, const report_meta *m)
{
    char date[32];
    time_t t = (time_t)m->epoch;
    struct tm tm;

    if (gmtime_r(&t, &tm) == NULL)      /* the caller range-checks epoch */
        memset(&tm, 0, sizeof tm);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
                                   m->title ? m->title : "");
    if (m->author)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR,
                                       m->author);
    if (m->subject)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT,
                                       m->subject);
    if (m->keywords)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS,
                                       m->keywords);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
                                   "statbrief " SB_VERSION);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
}

/* Pango on the page's Cairo context: unhinted metrics, so that text
   measures the same at any resolution, and the fonts of the language. */
static void setup_text(pdf *p)
{
    cairo_font_options_t *fo = cairo_font_options_create();

    p->pc = pango_cairo_create_context(p->cr);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(p->pc, fo);
    cairo_font_options_destroy(fo);
    pango_context_set_language(p->pc, pango_language_from_string(
                                          p->lang == FMT_ZH ? "zh-cn" : "en"));
    p->font = pango_font_description_from_string(
        p->lang == FMT_ZH ? "Noto Sans CJK SC, Noto Sans"
                          : "Noto Sans, Noto Sans CJK SC");
}

/* Bookmarks for the headings that asked for one (level 2 under 1). */
static void outline(pdf *p, cairo_surface_t *s)
{
    int parent = CAIRO_PDF_OUTLINE_ROOT, id;
    guint i;

    for (i = 0; i < p->items->len; i++) {
        const item *it = p->items->pdata[i];
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

/* The page geometry of the document's paper, and its items. */
static void pdf_init(pdf *p, const report_doc *d)
{
    int letter = report_doc_paper(d) == REPORT_LETTER;
    size_t i;

    memset(p, 0, sizeof *p);
    p->doc = d;
    p->lang = report_doc_lang(d);
    p->pw = letter ? 612 : 595.276;
    p->ph = letter ? 792 : 841.89;
    p->margin = 54;
    p->top = 50;
    p->bottom = p->ph - 58;       /* the footer sits below */
    p->width = p->pw - 2 * p->margin;
    p->items = g_ptr_array_new_with_free_func(free_item);
    for (i = 0; i < report_doc_n_blocks(d); i++)
        items_of(p, i);
}

/* Lays out and draws every page on a PDF surface writing into buf;
   the first error found, with the page count in *pages. */
static sb_status render(pdf *p, GByteArray *buf, size_t *pages,
                        sb_error *err)
{
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_bytes, buf,
                                                             p->pw, p->ph);
    cairo_status_t st;
    sb_status rc;

    metadata(s, report_doc_meta(p->doc));
    p->cr = cairo_create(s);
    p->colw = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                    g_free);
    setup_text(p);
    *pages = paginate(p);
    rc = draw_pages(p, *pages, err);
    outline(p, s);
    cairo_destroy(p->cr);
    cairo_surface_finish(s);
    st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    g_hash_table_destroy(p->colw);
    pango_font_description_free(p->font);
    g_object_unref(p->pc);
    if (rc == SB_OK && p->unknown > 0)
        rc = sb_error_set(err, SB_EDATA, NULL, 0, 0,
                          "%ld characters of the brief have no installed font",
                          p->unknown);
    if (rc == SB_OK && st != CAIRO_STATUS_SUCCESS)
        rc = sb_error_set(err, SB_EINTERNAL, NULL, 0, 0, "cairo: %s",
                          cairo_status_to_string(st));
    return rc;
}

sb_status report_pdf_write(const report_doc *d, report_output *out,
                           sb_error *err)
{
    GByteArray *buf = g_byte_array_new();
    pdf p;
    sb_status rc;

    pdf_init(&p, d);
    p.links = g_array_new(FALSE, FALSE, sizeof(pdfl_link));
    rc = render(&p, buf, &out->pages, err);
    out->len = buf->len;
    out->data = g_byte_array_free(buf, FALSE);
    if (rc == SB_OK && p.links->len > 0)
        rc = pdfl_add(&out->data, &out->len,
                      (pdfl_link *)(void *)p.links->data, p.links->len, err);
    g_array_free(p.links, TRUE);
    g_ptr_array_free(p.items, TRUE);
    if (rc != SB_OK) {
        g_free(out->data);
        memset(out, 0, sizeof *out);
    }
    return rc;
}
