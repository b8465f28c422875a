/*
 * reports/doc.c -- blocks to pages: measure, paginate, draw.
 */
#include "doc.h"

#include "plots/chart.h"
#include "pdflinks.h"

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
    int level, outline;
    report_style style;
    char *text, *dest, *link;
    report_table *table;
    size_t row;                  /* K_ROW: the row, or HEADER_ROW */
    plot_chart *chart;
    double want_h;               /* charts, spaces */
    /* layout */
    double h;
    size_t page;
    double y;
    int repeat_header;           /* a row that starts a page mid-table */
    int cont;                    /* K_PARA: the rest of a split paragraph */
} item;

struct report_doc {
    fmt_lang lang;
    double pw, ph, margin, top, bottom, width;
    GPtrArray *items;            /* item* */
    GPtrArray *tables;           /* report_table*, freed at the end */
    /* while writing */
    cairo_t *cr;
    PangoContext *pc;
    PangoFontDescription *font;
    long unknown;                /* glyphs no font has (drawn ones) */
    int drawing;                 /* measuring lays text out too: count once */
    GHashTable *colw;            /* report_table* -> double[] widths */
    GArray *links;               /* pdfl_link, added after Cairo is done */
};

#define SIZE_TITLE 19.0
#define SIZE_H1 13.5
#define SIZE_H2 11.0
#define SIZE_BODY 9.3
#define SIZE_LEAD 10.5
#define SIZE_SMALL 7.8
#define SIZE_TABLE 8.0
#define SIZE_FOOT 7.2

report_doc *report_doc_create(report_paper paper, fmt_lang lang)
{
    report_doc *d = g_new0(report_doc, 1);

    d->lang = lang;
    d->pw = paper == REPORT_LETTER ? 612 : 595.276;
    d->ph = paper == REPORT_LETTER ? 792 : 841.89;
    d->margin = 54;
    d->top = 50;
    d->bottom = d->ph - 58;       /* the footer sits below */
    d->width = d->pw - 2 * d->margin;
    d->items = g_ptr_array_new();
    d->tables = g_ptr_array_new();
    return d;
}

static void table_free(report_table *t)
{
    size_t r, c;

    for (c = 0; c < t->n_cols; c++)
        g_free(t->head[c]);
    for (r = 0; r < t->n_rows; r++) {
        for (c = 0; c < t->n_cols; c++)
            g_free(t->cells[r][c]);
        g_free(t->cells[r]);
        if (t->spark)
            plot_chart_destroy(t->spark[r]);
    }
    g_free(t->head);
    g_free(t->right);
    g_free(t->weight);
    g_free(t->cells);
    g_free(t->spark);
    g_free(t->bold);
    g_free(t);
}

void report_doc_destroy(report_doc *d)
{
    guint i;

    if (d == NULL)
        return;
    for (i = 0; i < d->items->len; i++) {
        item *it = d->items->pdata[i];
        g_free(it->text);
        g_free(it->dest);
        g_free(it->link);
        plot_chart_destroy(it->chart);
        g_free(it);
    }
    for (i = 0; i < d->tables->len; i++)
        table_free(d->tables->pdata[i]);
    g_ptr_array_free(d->items, TRUE);
    g_ptr_array_free(d->tables, TRUE);
    g_free(d);
}

static item *add(report_doc *d, kind k)
{
    item *it = g_new0(item, 1);

    it->k = k;
    g_ptr_array_add(d->items, it);
    return it;
}

void report_doc_title(report_doc *d, const char *title)
{
    add(d, K_TITLE)->text = g_strdup(title);
}

void report_doc_heading(report_doc *d, int level, const char *text,
                        const char *dest, int outline)
{
    item *it = add(d, K_HEADING);

    it->level = level;
    it->text = g_strdup(text);
    it->dest = g_strdup(dest);
    it->outline = outline;
}

void report_doc_para(report_doc *d, report_style style, const char *text,
                     const char *link)
{
    item *it = add(d, K_PARA);

    it->style = style;
    it->text = g_strdup(text);
    it->link = g_strdup(link);
}

void report_doc_table(report_doc *d, report_table *t)
{
    size_t r;

    item *head = add(d, K_ROW);

    g_ptr_array_add(d->tables, t);
    head->table = t;
    head->row = HEADER_ROW;
    for (r = 0; r < t->n_rows; r++) {
        item *it = add(d, K_ROW);
        it->table = t;
        it->row = r;
    }
}

void report_doc_chart(report_doc *d, plot_chart *c, double height)
{
    item *it = add(d, K_CHART);

    it->chart = c;
    it->want_h = height;
}

void report_doc_space(report_doc *d, double points)
{
    add(d, K_SPACE)->want_h = points;
}

/* ---- text ----------------------------------------------------------------- */

/* one_line: a table cell or the footer, ellipsized. A line break or tab
   in a name or note (kept as written in the data) becomes a space: the
   text is built in sentences, never in lines. max_lines:
   0 for no limit, else ellipsize after that many lines (titles). */
static PangoLayout *layout_n(report_doc *d, const char *s, double size,
                             int bold, double width, int one_line,
                             int max_lines)
{
    PangoLayout *l = pango_layout_new(d->pc);
    PangoFontDescription *fd = pango_font_description_copy(d->font);

    pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
    if (bold)
        pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    {
        /* one line of text: line breaks and tabs are spaces; control
           characters are drawn as U+FFFD */
        char *flat = g_strdup(s), *p, *shown;
        for (p = flat; *p; p++)
            if (*p == '\r' || *p == '\n' || *p == '\t')
                *p = ' ';
        shown = plot_printable(flat);
        pango_layout_set_text(l, shown ? shown : flat, -1);
        g_free(shown);
        g_free(flat);
    }
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
    if (d->drawing)
        d->unknown += pango_layout_get_unknown_glyphs_count(l);
    return l;
}

static PangoLayout *layout(report_doc *d, const char *s, double size,
                           int bold, double width, int one_line)
{
    return layout_n(d, s, size, bold, width, one_line, 0);
}

/* Titles and headings: at most three lines (a page-long title would push
   everything else off the page). */
static PangoLayout *head_layout(report_doc *d, const item *it)
{
    double size = it->k == K_TITLE ? SIZE_TITLE
                  : it->level == 1 ? SIZE_H1 : SIZE_H2;

    return layout_n(d, it->text, size, 1, d->width, 0, 3);
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

static double para_size(report_style st)
{
    return st == REPORT_LEAD ? SIZE_LEAD
           : st == REPORT_SMALL ? SIZE_SMALL : SIZE_BODY;
}

/* The width of each column of t: content-measured, scaled to fit. */
static double *columns(report_doc *d, report_table *t)
{
    double *w = g_hash_table_lookup(d->colw, t), total = 0;
    size_t c, r;

    if (w != NULL)
        return w;
    w = g_new0(double, t->n_cols);
    for (c = 0; c < t->n_cols; c++) {
        PangoLayout *l = layout(d, t->head[c], SIZE_TABLE, 1, 0, 1);
        w[c] = width_of(l);
        g_object_unref(l);
        for (r = 0; r < t->n_rows; r++) {
            l = layout(d, t->cells[r][c], SIZE_TABLE, t->bold && t->bold[r],
                       0, 1);
            w[c] = fmax(w[c], width_of(l));
            g_object_unref(l);
        }
        if (t->spark && c == t->spark_col)
            w[c] = fmax(w[c], 60);
        w[c] += 10;                          /* cell padding */
        total += w[c];
    }
    /* Too wide: the first column (names) gives way and ellipsizes; the
       figures keep their width. */
    if (total > d->width) {
        double cut = fmin(total - d->width, fmax(0, w[0] - 60));
        w[0] -= cut;
        total -= cut;
    }
    /* Still too wide (a 100-character unit, 1e300): every column gives
       way in proportion and its cells ellipsize; nothing leaves the page. */
    if (total > d->width)
        for (c = 0; c < t->n_cols; c++)
            w[c] *= d->width / total;
    g_hash_table_insert(d->colw, t, w);
    return w;
}

static double row_height(void)
{
    return SIZE_TABLE * 1.45 + 6;
}

static PangoLayout *para_layout(report_doc *d, const item *it)
{
    return layout(d, it->text, para_size(it->style), 0,
                  d->width - (it->style == REPORT_BULLET ? 12 : 0), 0);
}

/* The height of an item laid out at the text width. */
static double measure(report_doc *d, item *it)
{
    PangoLayout *l = NULL;
    double h = 0;

    switch (it->k) {
    case K_TITLE:
    case K_HEADING:
        l = head_layout(d, it);
        break;
    case K_PARA:
        l = para_layout(d, it);
        break;
    case K_ROW:
        columns(d, it->table);
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
    case K_HEADING: return it->level == 1 ? 6 : 4;
    case K_PARA: return it->style == REPORT_BULLET ? 3 : 6;
    case K_CHART: return 6;
    case K_ROW: return 0;
    case K_SPACE: return 0;
    }
    return 0;
}

static double before(const item *it)
{
    return it->k == K_HEADING ? (it->level == 1 ? 16 : 9) : 0;
}

/* ---- pagination ------------------------------------------------------------ */

/* A heading stays with what follows, a chart with the text under it and
   that text with a table right after it; a table header with its first
   two rows, and the last two rows together, so that no page starts or
   ends a table with a lone row. */
static int keeps_next(const report_doc *d, size_t i)
{
    const item *it = d->items->pdata[i], *next;

    if (i + 1 >= d->items->len)
        return 0;
    next = d->items->pdata[i + 1];
    if (it->k == K_ROW && next->k == K_ROW && next->table == it->table)
        return it->row == HEADER_ROW || it->row == 0 ||
               it->row + 2 == it->table->n_rows;
    return it->k == K_HEADING || (it->k == K_CHART && next->k == K_PARA) ||
           (it->k == K_PARA && next->k == K_ROW);   /* text and its table */
}

/* The y range of each line of paragraph it, and where each starts in its
   text; returns the number of lines (the arrays are the caller's). */
static int para_lines(report_doc *d, const item *it, double **bottom,
                      int **start)
{
    PangoLayout *l = para_layout(d, it);
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
static double min_keep(report_doc *d, const item *it)
{
    double *bottom;
    int *start, n;
    double h;

    if (it->k != K_PARA)
        return it->h;
    n = para_lines(d, it, &bottom, &start);
    h = n >= 4 ? bottom[1] : it->h;
    g_free(bottom);
    g_free(start);
    return h;
}

/* Splits paragraph i so that its first part fits in `room` points: at
   least two lines on each side (widow, orphan) unless the paragraph is
   taller than a page (strict = 0). The rest becomes a new item after it.
   Returns 1 if it split. */
static int split_para(report_doc *d, size_t i, double room, int strict)
{
    item *it = d->items->pdata[i], *rest;
    double *bottom;
    int *start, n, k = 0, keep = strict ? 2 : 1;

    n = para_lines(d, it, &bottom, &start);
    while (k < n && bottom[k] <= room)
        k++;
    if (k < keep || n - k < keep || k == n) {
        g_free(bottom);
        g_free(start);
        return 0;
    }
    rest = g_new0(item, 1);
    rest->k = K_PARA;
    rest->style = it->style;
    rest->cont = 1;
    rest->link = g_strdup(it->link);
    rest->text = g_strdup(it->text + start[k]);
    it->text[start[k]] = '\0';
    g_strchomp(it->text);
    g_ptr_array_insert(d->items, (gint)i + 1, rest);
    it->h = measure(d, it);
    rest->h = measure(d, rest);
    g_free(bottom);
    g_free(start);
    return 1;
}

/* What item i needs on this page: itself and the items it keeps with
   (the last of them only as much as min_keep). */
static double need_of(report_doc *d, size_t i, double b)
{
    const item *it = d->items->pdata[i];
    double need = b + it->h;
    size_t j;

    for (j = i; keeps_next(d, j); j++) {
        const item *a = d->items->pdata[j], *n = d->items->pdata[j + 1];
        need += after(a) + before(n) +
                (keeps_next(d, j + 1) ? n->h : min_keep(d, n));
    }
    return need;
}

static size_t paginate(report_doc *d)
{
    size_t page = 0, i;
    double y = d->top;

    for (i = 0; i < d->items->len; i++) {
        item *it = d->items->pdata[i];
        it->h = measure(d, it);
    }
    for (i = 0; i < d->items->len; i++) {
        item *it = d->items->pdata[i];
        double b = y > d->top ? before(it) : 0, need = need_of(d, i, b);
        /* a long paragraph fills the page and goes on on the next */
        if (it->k == K_PARA && !keeps_next(d, i) && y + need > d->bottom &&
            split_para(d, i, d->bottom - y - b, 1))
            need = need_of(d, i, b);
        if (y + need > d->bottom && y > d->top) {
            page++;
            y = d->top;
            b = 0;
            /* a table going on: its header again on top of the page */
            if (it->k == K_ROW && it->row != HEADER_ROW) {
                it->repeat_header = 1;
                y += row_height();
            }
        }
        /* taller than a page even at its top: cut where the page ends */
        if (it->k == K_PARA && it->h > d->bottom - y)
            split_para(d, i, d->bottom - y, 0);
        y += b;
        it->page = page;
        it->y = y;
        y += it->h + after(it);
    }
    return page + 1;
}

/* ---- drawing ----------------------------------------------------------------- */

static void show(report_doc *d, PangoLayout *l, double x, double y)
{
    cairo_move_to(d->cr, x, y);
    pango_cairo_show_layout(d->cr, l);
    g_object_unref(l);
}

static void draw_row(report_doc *d, report_table *t, size_t row, double y)
{
    double *w = columns(d, t), x = d->margin, h = row_height();
    size_t c;
    int head = row == HEADER_ROW, bold = !head && t->bold && t->bold[row];

    for (c = 0; c < t->n_cols; c++) {
        const char *s = head ? t->head[c] : t->cells[row][c];
        if (!head && t->spark && c == t->spark_col && t->spark[row]) {
            cairo_save(d->cr);
            cairo_translate(d->cr, x + 5, y + 2);
            plot_chart_draw(d->cr, t->spark[row], d->lang, w[c] - 10, h - 4,
                            NULL);
            cairo_restore(d->cr);
        } else {
            /* at least a point wide: a width of 0 or less means "no
               limit" to Pango, and the cell would run over its neighbours */
            PangoLayout *l = layout(d, s, SIZE_TABLE, head || bold,
                                    fmax(1, w[c] - 10), 1);
            double tw = width_of(l);
            if (head)
                cairo_set_source_rgb(d->cr, 0.35, 0.35, 0.35);
            else if (bold)
                cairo_set_source_rgb(d->cr, 0.0, 0.447, 0.698);
            else
                cairo_set_source_rgb(d->cr, 0.1, 0.1, 0.1);
            show(d, l, t->right[c] ? x + w[c] - 5 - tw : x + 5, y + 3);
        }
        x += w[c];
    }
    cairo_set_source_rgb(d->cr, head ? 0.3 : 0.85, head ? 0.3 : 0.85,
                         head ? 0.3 : 0.85);
    cairo_set_line_width(d->cr, head ? 0.7 : 0.4);
    cairo_move_to(d->cr, d->margin, y + h);
    cairo_line_to(d->cr, x, y + h);
    cairo_stroke(d->cr);
}

/* The heading that carries anchor `dest`, or NULL. */
static const item *anchor(report_doc *d, const char *dest)
{
    guint i;

    for (i = 0; i < d->items->len; i++) {
        const item *t = d->items->pdata[i];
        if (t->k == K_HEADING && t->dest != NULL && strcmp(t->dest, dest) == 0)
            return t;
    }
    return NULL;
}

/* Remembers a link over the text of layout l at (x, y) of page `page`;
   pdfl_add turns it into an annotation once Cairo has written the file. */
static void add_link(report_doc *d, const item *it, PangoLayout *l, double x)
{
    const item *t = anchor(d, it->link);
    PangoRectangle r;
    pdfl_link k;

    if (t == NULL)
        return;
    pango_layout_get_extents(l, NULL, &r);
    k.page = it->page;
    k.x0 = x;
    k.x1 = x + (double)r.width / PANGO_SCALE;
    k.y1 = d->ph - it->y;
    k.y0 = k.y1 - (double)r.height / PANGO_SCALE;
    k.to_page = t->page;
    k.to_x = d->margin;
    k.to_y = d->ph - t->y + 4;
    g_array_append_val(d->links, k);
}

static void draw_item(report_doc *d, item *it, sb_error *err)
{
    double x = d->margin;
    PangoLayout *l;

    cairo_set_source_rgb(d->cr, 0.1, 0.1, 0.1);
    switch (it->k) {
    case K_TITLE:
    case K_HEADING:
        show(d, head_layout(d, it), x, it->y);
        break;
    case K_PARA:
        if (it->style == REPORT_SMALL)
            cairo_set_source_rgb(d->cr, 0.33, 0.33, 0.33);
        if (it->style == REPORT_BULLET) {
            if (!it->cont)      /* the rest of a split item: no new bullet */
                show(d, layout(d, "\xe2\x80\xa2", SIZE_BODY, 0, 0, 0), x,
                     it->y);
            x += 12;
        }
        l = para_layout(d, it);
        if (it->link != NULL)
            add_link(d, it, l, x);
        show(d, l, x, it->y);
        break;
    case K_ROW:
        if (it->repeat_header)
            draw_row(d, it->table, HEADER_ROW, it->y - row_height());
        draw_row(d, it->table, it->row, it->y);
        break;
    case K_CHART:
        cairo_save(d->cr);
        cairo_translate(d->cr, x, it->y);
        plot_chart_draw(d->cr, it->chart, d->lang, d->width, it->h, err);
        cairo_restore(d->cr);
        break;
    case K_SPACE:
        break;
    }
}

static void footer(report_doc *d, const report_meta *m, size_t page,
                   size_t pages)
{
    char num[32];
    PangoLayout *l;
    double y = d->ph - 40;

    cairo_set_source_rgb(d->cr, 0.8, 0.8, 0.8);
    cairo_set_line_width(d->cr, 0.5);
    cairo_move_to(d->cr, d->margin, y - 5);
    cairo_line_to(d->cr, d->pw - d->margin, y - 5);
    cairo_stroke(d->cr);
    cairo_set_source_rgb(d->cr, 0.4, 0.4, 0.4);
    show(d, layout(d, m->footer ? m->footer : "", SIZE_FOOT, 0,
                   d->width - 60, 1), d->margin, y);
    g_snprintf(num, sizeof num, "%zu / %zu", page + 1, pages);
    l = layout(d, num, SIZE_FOOT, 0, 0, 0);
    show(d, l, d->pw - d->margin - width_of(l), y);
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
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, m->title);
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

static void setup_text(report_doc *d)
{
    cairo_font_options_t *fo = cairo_font_options_create();

    d->pc = pango_cairo_create_context(d->cr);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(d->pc, fo);
    cairo_font_options_destroy(fo);
    pango_context_set_language(d->pc, pango_language_from_string(
                                          d->lang == FMT_ZH ? "zh-cn" : "en"));
    d->font = pango_font_description_from_string(
        d->lang == FMT_ZH ? "Noto Sans CJK SC, Noto Sans"
                          : "Noto Sans, Noto Sans CJK SC");
}

/* Bookmarks for the headings that asked for one (level 2 under 1). */
static void outline(report_doc *d, cairo_surface_t *s)
{
    int parent = CAIRO_PDF_OUTLINE_ROOT, id;
    guint i;

    for (i = 0; i < d->items->len; i++) {
        item *it = d->items->pdata[i];
        char *attr;
        if (it->k != K_HEADING || !it->outline || it->dest == NULL)
            continue;
        attr = g_strdup_printf("page=%zu pos=[%g %g]", it->page + 1,
                               d->margin, it->y);
        id = cairo_pdf_surface_add_outline(s, it->level == 1
                                                  ? CAIRO_PDF_OUTLINE_ROOT
                                                  : parent,
                                           it->text, attr, 0);
        if (it->level == 1)
            parent = id;
        g_free(attr);
    }
}

sb_status report_doc_write(report_doc *d, const report_meta *m,
                           unsigned char **out, size_t *len, size_t *pages,
                           sb_error *err)
{
    GByteArray *buf = g_byte_array_new();
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_bytes, buf,
                                                             d->pw, d->ph);
    size_t n, p;
    guint i;
    cairo_status_t st;
    sb_status rc = SB_OK;

    metadata(s, m);
    d->cr = cairo_create(s);
    d->colw = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                    g_free);
    setup_text(d);
    d->links = g_array_new(FALSE, FALSE, sizeof(pdfl_link));
    n = paginate(d);
    d->drawing = 1;
    for (p = 0; p < n && rc == SB_OK; p++) {
        for (i = 0; i < d->items->len; i++) {
            item *it = d->items->pdata[i];
            if (it->page == p)
                draw_item(d, it, err);
        }
        footer(d, m, p, n);
        cairo_show_page(d->cr);
        if (err && err->code != SB_OK)
            rc = err->code;
    }
    outline(d, s);
    cairo_destroy(d->cr);
    cairo_surface_finish(s);
    st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    g_hash_table_destroy(d->colw);
    pango_font_description_free(d->font);
    g_object_unref(d->pc);
    if (rc == SB_OK && d->unknown > 0)
        rc = sb_error_set(err, SB_EDATA, NULL, 0, 0,
                          "%ld characters of the brief have no installed font",
                          d->unknown);
    if (rc == SB_OK && st != CAIRO_STATUS_SUCCESS)
        rc = sb_error_set(err, SB_EINTERNAL, NULL, 0, 0, "cairo: %s",
                          cairo_status_to_string(st));
    *pages = n;
    *len = buf->len;
    *out = g_byte_array_free(buf, FALSE);
    if (rc == SB_OK && d->links->len > 0)
        rc = pdfl_add(out, len, (pdfl_link *)(void *)d->links->data,
                      d->links->len, err);
    g_array_free(d->links, TRUE);
    d->links = NULL;
    if (rc != SB_OK) {
        g_free(*out);
        *out = NULL;
        *len = 0;
    }
    return rc;
}
