/*
 * reports/pdf_layout.c -- the PDF backend's layout (pdf_int.h): the page
 * of the document's paper, the document's blocks as items (a table row
 * each, a note kept off a table's rule), their text set with Pango at
 * the sizes of pdf_int.h, measured, and paginated: a heading kept with
 * what follows, a table header with its first rows, no widow or orphan
 * line, a paragraph split where a page ends.
 *
 * Not here: drawing and writing the file (pdf.c).
 */
#include "pdf_int.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include <glib.h>

/* ---- items -------------------------------------------------------------- */

static double para_size(report_para_role role)
{
    return role == REPORT_PARA_LEAD ? SIZE_LEAD
           : role == REPORT_PARA_NOTE ? SIZE_SMALL : SIZE_BODY;
}

static double heading_size(const pdf_item *it)
{
    return it->k == K_TITLE ? SIZE_TITLE
           : it->b->level == 1 ? SIZE_H1 : SIZE_H2;
}

/* The width a paragraph item is set in. */
static double para_width(const pdf_state *p, const pdf_item *it)
{
    return p->width - (it->b->role == REPORT_PARA_ITEM ? BULLET_INDENT : 0);
}

/* The most characters of a title, heading or paragraph item the page can
   show (pdf_int.h); 0 for other items. */
static size_t item_chars(const pdf_state *p, const pdf_item *it)
{
    switch (it->k) {
    case K_TITLE:
    case K_HEADING:
        return plot_text_fit(p->width, heading_size(it), HEADING_MAX_LINES);
    case K_PARA:
        return plot_text_fit(para_width(p, it), para_size(it->b->role),
                             PARA_MAX_LINES);
    default:
        return 0;
    }
}

/* A new item of block b; its text cut once, here, to what can be shown:
   a paragraph split across pages splits the cut text, so that its parts
   together show no more than it would. */
static pdf_item *add(pdf_state *p, pdf_kind k, const report_block *b)
{
    pdf_item *it = g_new0(pdf_item, 1);
    size_t max;

    it->k = k;
    it->b = b;
    it->text = b ? b->text : NULL;
    max = it->text != NULL ? item_chars(p, it) : 0;
    if (max > 0 && (it->own = plot_text_cut(it->text, max)) != NULL)
        it->text = it->own;
    g_ptr_array_add(p->items, it);
    return it;
}

static void free_item(gpointer data)
{
    pdf_item *it = data;

    g_free(it->own);
    g_free(it);
}

/* The items of block i: a table is a header row and its rows; a note
   under a table stands off its rule. */
static void items_of(pdf_state *p, size_t i)
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

void pdf_layout_init(pdf_state *p, const report_doc *d)
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

void pdf_layout_free(pdf_state *p)
{
    g_ptr_array_free(p->items, TRUE);
    p->items = NULL;
}

/* Pango on the page's Cairo context: unhinted metrics, so that text
   measures the same at any resolution, and the fonts of the language.
   Column widths are measured once per table. */
void pdf_layout_begin(pdf_state *p)
{
    cairo_font_options_t *fo = cairo_font_options_create();

    p->colw = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                    g_free);
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

void pdf_layout_end(pdf_state *p)
{
    g_hash_table_destroy(p->colw);
    pango_font_description_free(p->font);
    g_object_unref(p->pc);
}

/* ---- text --------------------------------------------------------------- */

/* A flat copy of s to draw, cut to max_chars characters (and an
   ellipsis): line breaks and tabs are spaces (the text is built in
   sentences, never in lines; a name or note keeps them as written in
   the data); control characters become U+FFFD. g_free. */
static char *drawable(const char *s, size_t max_chars)
{
    char *flat = plot_text_dup(s, max_chars), *q, *shown;

    for (q = flat; *q; q++)
        if (*q == '\r' || *q == '\n' || *q == '\t')
            *q = ' ';
    shown = plot_printable(flat);
    if (shown == NULL)
        return flat;
    g_free(flat);
    return shown;
}

/* The most characters a layout can show (pdf_int.h): one line of its
   width (a cell, the footer) or of the page (a text at its natural
   width), else its lines (a title's three, a paragraph's bound). */
static size_t layout_chars(const pdf_state *p, double size, double width,
                           int one_line, int max_lines)
{
    if (width <= 0 || one_line)
        return plot_text_fit(width > 0 ? width : p->width, size, 1);
    return plot_text_fit(width, size,
                         max_lines > 0 ? max_lines : PARA_MAX_LINES);
}

/* one_line: a table cell or the footer, ellipsized. max_lines: 0 for no
   limit, else ellipsize after that many lines (titles). The text is cut
   to what the layout can show before Pango sees it. */
static PangoLayout *text_layout(pdf_state *p, const char *s, double size,
                                int bold, double width, int one_line,
                                int max_lines)
{
    PangoLayout *l = pango_layout_new(p->pc);
    char *shown = drawable(s, layout_chars(p, size, width, one_line,
                                           max_lines));
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

PangoLayout *pdf_layout_text(pdf_state *p, const char *s, double size,
                             int bold, double width, int one_line)
{
    return text_layout(p, s, size, bold, width, one_line, 0);
}

/* Titles and headings: at most HEADING_MAX_LINES lines. */
PangoLayout *pdf_layout_heading(pdf_state *p, const pdf_item *it)
{
    return text_layout(p, it->text, heading_size(it), 1, p->width, 0,
                       HEADING_MAX_LINES);
}

static double height_of(PangoLayout *l)
{
    PangoRectangle r;

    pango_layout_get_extents(l, NULL, &r);
    return (double)r.height / PANGO_SCALE;
}

double pdf_layout_width(PangoLayout *l)
{
    PangoRectangle r;

    pango_layout_get_extents(l, NULL, &r);
    return (double)r.width / PANGO_SCALE;
}

PangoLayout *pdf_layout_para(pdf_state *p, const pdf_item *it)
{
    return pdf_layout_text(p, it->text, para_size(it->b->role), 0,
                           para_width(p, it), 0);
}

static double measure_row(pdf_state *p, const report_table *t, size_t row);

/* The widest word of s (where a line may break), so that a column
   narrowed to it wraps s between words, never inside one. */
static double word_width(pdf_state *p, const char *s, int bold)
{
    PangoLayout *l = pdf_layout_text(p, s, SIZE_TABLE, bold, 0, 1);
    double w;

    pango_layout_set_width(l, PANGO_SCALE);     /* every break taken */
    pango_layout_set_wrap(l, PANGO_WRAP_WORD);
    w = pdf_layout_width(l);
    g_object_unref(l);
    return w;
}

/* Header s in the pieces it may break between: after a space or a slash
   and before an opening parenthesis ("2022 (billion |yuan)", "年均增长/|
   百分点", "2022年|（亿元）"), never inside a word or a Chinese term,
   which Pango would break anywhere. Each piece flattened to draw
   (drawable), its space kept (g_ptr_array_unref). */
static GPtrArray *head_pieces(const char *s)
{
    GPtrArray *a = g_ptr_array_new_with_free_func(g_free);
    const char *from = s, *q = s;

    while (*from != '\0') {
        char *raw;
        do
            q = g_utf8_next_char(q);
        while (*q != '\0' && q[-1] != ' ' && q[-1] != '/' && *q != '(' &&
               !g_str_has_prefix(q, "\xef\xbc\x88"));    /* （ */
        raw = g_strndup(from, (gsize)(q - from));
        g_ptr_array_add(a, drawable(raw, PLOT_NAME_MAX_CHARS));
        g_free(raw);
        from = q;
    }
    return a;
}

/* The width of s on one line, bold, spaces at its ends left out. */
static double head_line_width(pdf_state *p, const char *s)
{
    char *t = g_strstrip(g_strdup(s));
    PangoLayout *l = pdf_layout_text(p, t, SIZE_TABLE, 1, 0, 1);
    double w = pdf_layout_width(l);

    g_object_unref(l);
    g_free(t);
    return w;
}

/* The widest piece of header s: the least width it wraps in. */
static double head_width(pdf_state *p, const char *s)
{
    GPtrArray *a = head_pieces(s);
    double w = 0;
    guint i;

    for (i = 0; i < a->len; i++)
        w = fmax(w, head_line_width(p, a->pdata[i]));
    g_ptr_array_unref(a);
    return w;
}

/* Header s as lines of at most `width` points, broken between its
   pieces only (head_pieces), as many on each line as fit (g_free). */
static char *head_lines(pdf_state *p, const char *s, double width)
{
    GPtrArray *a = head_pieces(s);
    GString *out = g_string_new(NULL), *line = g_string_new(NULL);
    guint i;

    for (i = 0; i < a->len; i++) {
        char *next = g_strconcat(line->str, a->pdata[i], NULL);
        if (line->len > 0 && head_line_width(p, next) > width) {
            g_string_append_printf(out, "%s\n", g_strstrip(line->str));
            g_string_assign(line, a->pdata[i]);
        } else {
            g_string_assign(line, next);
        }
        g_free(next);
    }
    g_string_append(out, g_strstrip(line->str));
    g_string_free(line, TRUE);
    g_ptr_array_unref(a);
    return g_string_free(out, FALSE);
}

/* Whether column c holds text that may wrap (names of regions or
   indicators, units: left-aligned), not figures or sparklines. */
static int text_column(const report_table *t, size_t c)
{
    return !t->right[c] && !(t->spark && c == t->spark_col);
}

/* Column c's natural width (its widest cell on one line) and the least
   it may take: its figures on one line, its header and text wrapped
   between words (a text column at least TABLE_TEXT_MIN wide, its words
   counted up to TABLE_WORD_MAX), padded. */
static void column_widths(pdf_state *p, const report_table *t, size_t c,
                          double *nat, double *min)
{
    PangoLayout *l = pdf_layout_text(p, t->head[c], SIZE_TABLE, 1, 0, 1);
    double cells = 0, words = 0;
    size_t r;

    *nat = pdf_layout_width(l);
    g_object_unref(l);
    for (r = 0; r < t->n_rows; r++) {
        int bold = t->emph && t->emph[r];
        l = pdf_layout_text(p, t->cells[r][c], SIZE_TABLE, bold, 0, 1);
        cells = fmax(cells, pdf_layout_width(l));
        g_object_unref(l);
        if (text_column(t, c))
            words = fmax(words, fmin(TABLE_WORD_MAX,
                                     word_width(p, t->cells[r][c], bold)));
    }
    if (t->spark && c == t->spark_col)
        cells = fmax(cells, 60);
    *nat = fmax(*nat, cells);
    *min = head_width(p, t->head[c]);
    if (text_column(t, c))
        *min = fmin(*nat, fmax(*min, fmax(words, TABLE_TEXT_MIN)));
    else
        *min = fmax(*min, cells);    /* figures never wrap */
    *nat += 10;                      /* cell padding */
    *min += 10;
}

/* The width of each column of t, and after them the header row's
   height and whether the figures were narrowed too (measured once; owned
   by p): each column's natural width when
   the table fits, else every column narrowed towards its least width in
   proportion to what it can give (names and headers wrap); still too
   wide (a 100-character unit, 1e300), every column in proportion, its
   cells wrapped: nothing leaves the page. */
double *pdf_layout_columns(pdf_state *p, const report_table *t)
{
    double *w = g_hash_table_lookup(p->colw, t), *min, total = 0, give = 0;
    size_t c;

    if (w != NULL)
        return w;
    w = g_new0(double, t->n_cols + 2);
    min = g_new0(double, t->n_cols + 1);
    for (c = 0; c < t->n_cols; c++) {
        column_widths(p, t, c, &w[c], &min[c]);
        total += w[c];
        give += w[c] - min[c];
    }
    if (total > p->width) {
        double k = fmin(1, (total - p->width) / fmax(give, 1e-9));
        total = 0;
        for (c = 0; c < t->n_cols; c++)
            total += w[c] -= (w[c] - min[c]) * k;
    }
    w[t->n_cols + 1] = total > p->width;     /* figures may wrap too */
    if (total > p->width)
        for (c = 0; c < t->n_cols; c++)
            w[c] *= p->width / total;
    g_free(min);
    g_hash_table_insert(p->colw, (gpointer)t, w);
    w[t->n_cols] = measure_row(p, t, HEADER_ROW);
    return w;
}

PangoLayout *pdf_layout_cell(pdf_state *p, const report_table *t, size_t row,
                             size_t c)
{
    int head = row == HEADER_ROW, bold = head || (t->emph && t->emph[row]);
    double w = pdf_layout_columns(p, t)[c];
    /* at least a point wide: a width of 0 or less means "no limit" to
       Pango, and the cell would run over its neighbours; CELL_SLACK more
       than the text it was measured for, which Pango would otherwise
       wrap */
    PangoLayout *l = text_layout(p, head ? t->head[c] : t->cells[row][c],
                                 SIZE_TABLE, bold,
                                 fmax(1, w - 10) + CELL_SLACK, 0,
                                 CELL_MAX_LINES);

    if (head && head_line_width(p, t->head[c]) > w - 10) {
        char *lines = head_lines(p, t->head[c], w - 10);
        pango_layout_set_text(l, lines, -1);
        g_free(lines);
    }
    if (t->right[c])
        pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
    return l;
}

double pdf_layout_row_height(void)
{
    return SIZE_TABLE * 1.45 + 6;
}

/* A row's height: its tallest cell, padded; one line of text at least,
   which a sparkline and a figure (never wrapped) take. */
static double measure_row(pdf_state *p, const report_table *t, size_t row)
{
    double h = SIZE_TABLE * 1.45;
    size_t c;

    for (c = 0; c < t->n_cols; c++) {
        PangoLayout *l;
        if (row != HEADER_ROW && !text_column(t, c) &&
            (t->spark_col == c || !pdf_layout_columns(p, t)[t->n_cols + 1]))
            continue;
        l = pdf_layout_cell(p, t, row, c);
        h = fmax(h, height_of(l));
        g_object_unref(l);
    }
    return h + 6;
}

double pdf_layout_row_h(pdf_state *p, const report_table *t, size_t row)
{
    if (row == HEADER_ROW)
        return pdf_layout_columns(p, t)[t->n_cols];
    return measure_row(p, t, row);
}

PangoLayout *pdf_layout_caption(pdf_state *p, const report_table *t)
{
    char *s = t->caption != NULL && t->caption[0] != '\0'
                  ? g_strdup_printf(p->lang == FMT_ZH ? "%s（续）"
                                                      : "%s (continued)",
                                    t->caption)
                  : g_strdup(p->lang == FMT_ZH ? "（续）" : "(continued)");
    PangoLayout *l = text_layout(p, s, SIZE_SMALL, 1, p->width, 0,
                                 HEADING_MAX_LINES);

    g_free(s);
    return l;
}

/* The height of a table's caption and header on a page it goes on to. */
static double repeat_height(pdf_state *p, const report_table *t)
{
    PangoLayout *l = pdf_layout_caption(p, t);
    double h = height_of(l) + CAPTION_GAP;

    g_object_unref(l);
    return h + pdf_layout_columns(p, t)[t->n_cols];
}

/* The height of an item laid out at the text width. */
static double measure(pdf_state *p, pdf_item *it)
{
    PangoLayout *l = NULL;
    double h = 0;

    switch (it->k) {
    case K_TITLE:
    case K_HEADING:
        l = pdf_layout_heading(p, it);
        break;
    case K_PARA:
        l = pdf_layout_para(p, it);
        break;
    case K_ROW:
        return pdf_layout_row_h(p, it->b->table, it->row);
    case K_CHART:
    case K_SPACE:
        return it->want_h;
    }
    h = height_of(l);
    g_object_unref(l);
    return h;
}

/* Space after an item (before the next), in points. */
static double after(const pdf_item *it)
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

static double before(const pdf_item *it)
{
    return it->k == K_HEADING ? (it->b->level == 1 ? 16 : 9) : 0;
}

/* ---- pagination --------------------------------------------------------- */

/* A heading stays with what follows, a chart with the text under it and
   that text with a table right after it; a table header with its first
   two rows, and the last two rows together, so that no page starts or
   ends a table with a lone row. */
static int keeps_next(const pdf_state *p, size_t i)
{
    const pdf_item *it = p->items->pdata[i], *next;

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
static int para_lines(pdf_state *p, const pdf_item *it, double **bottom,
                      int **start)
{
    PangoLayout *l = pdf_layout_para(p, it);
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
static double min_keep(pdf_state *p, const pdf_item *it)
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
static void cut_para(pdf_state *p, size_t i, int at)
{
    pdf_item *it = p->items->pdata[i], *rest = g_new0(pdf_item, 1);
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
static int split_para(pdf_state *p, size_t i, double room, int strict)
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
static double need_of(pdf_state *p, size_t i, double b)
{
    const pdf_item *it = p->items->pdata[i];
    double need = b + it->h;
    size_t j;

    for (j = i; keeps_next(p, j); j++) {
        const pdf_item *a = p->items->pdata[j], *n = p->items->pdata[j + 1];
        need += after(a) + before(n) +
                (keeps_next(p, j + 1) ? n->h : min_keep(p, n));
    }
    return need;
}

/* Gives every item its page and its y; returns the number of pages. */
size_t pdf_layout_paginate(pdf_state *p)
{
    size_t page = 0, i;
    double y = p->top;

    for (i = 0; i < p->items->len; i++) {
        pdf_item *it = p->items->pdata[i];
        it->h = measure(p, it);
    }
    for (i = 0; i < p->items->len; i++) {
        pdf_item *it = p->items->pdata[i];
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
                y += repeat_height(p, it->b->table);
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

