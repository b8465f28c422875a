/*
 * plots/canvas.c -- the drawing helpers every chart type shares: text
 * laid out, measured and shown through Pango (with the check that a
 * font has every character), ticks and axes, scales, a region's line
 * with its markers, and the spreading of labels so that none overlaps.
 *
 * Draws on the canvas that canvas_open sets up for one render. Knows no
 * chart type, no frame and no surface: the layout of each type is in
 * its draw_*.c file, the frame and the files in render.c.
 */
#include "canvas.h"

#include "geometry.h"
#include "layouts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

/* ---- text --------------------------------------------------------------- */

/* Adds to k->missing each character of s that no installed font has. */
static void find_missing(canvas *k, const char *s)
{
    const char *p;

    for (p = s; *p; p = g_utf8_next_char(p)) {
        char one[8] = {0}, tag[32];
        PangoLayout *l = pango_layout_new(k->pc);
        memcpy(one, p, (size_t)(g_utf8_next_char(p) - p));
        pango_layout_set_font_description(l, k->font);
        pango_layout_set_text(l, one, -1);
        if (pango_layout_get_unknown_glyphs_count(l) > 0) {
            g_snprintf(tag, sizeof tag, "U+%04X '%s'", g_utf8_get_char(p),
                       one);
            if (strstr(k->missing->str, tag) == NULL)
                g_string_append_printf(k->missing, "%s%s",
                                       k->missing->len ? ", " : "", tag);
        }
        g_object_unref(l);
    }
}

char *plot_printable(const char *s)
{
    GString *g;
    const char *p;

    for (p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c < 0xa0))
            break;
    }
    if (*p == '\0')
        return NULL;
    g = g_string_new(NULL);
    for (p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c < 0xa0))
            g_string_append(g, "\xef\xbf\xbd");          /* U+FFFD */
        else
            g_string_append_len(g, p, g_utf8_next_char(p) - p);
    }
    return g_string_free(g, FALSE);
}

size_t plot_text_fit(double width, double size, int lines)
{
    /* one more than fits: a text cut there still overflows its line, so
       that Pango ellipsizes a clipped line where it would have */
    double per_line = floor(fmax(width, 0) /
                            (fmax(size, 0.01) * PLOT_MIN_ADVANCE)) + 1;

    return (size_t)MAX(lines, 1) * (size_t)fmin(per_line, 1e7);
}

/* The end of the first max_chars characters of s, or NULL when s ends
   there or before. */
static const char *cut_point(const char *s, size_t max_chars)
{
    size_t n;

    for (n = 0; n < max_chars && *s; n++)
        s = g_utf8_next_char(s);
    return *s ? s : NULL;
}

char *plot_text_cut(const char *s, size_t max_chars)
{
    const char *end = cut_point(s, max_chars);
    char *out;
    size_t len;

    if (end == NULL)
        return NULL;
    len = (size_t)(end - s);
    out = g_malloc(len + sizeof PLOT_ELLIPSIS);
    memcpy(out, s, len);
    memcpy(out + len, PLOT_ELLIPSIS, sizeof PLOT_ELLIPSIS);
    return out;
}

char *plot_text_dup(const char *s, size_t max_chars)
{
    char *cut = plot_text_cut(s, max_chars);

    return cut != NULL ? cut : g_strdup(s);
}

/* s cut in its middle: its first and its last half of max_chars
   characters with an ellipsis between (g_free); NULL when it fits. A
   one-line label is ellipsized in the middle, keeping both ends, where
   names differ ("Region 01", a slope chart's value): the cut keeps them
   too, each end at least half the line, so that Pango shows what it
   would of the whole text. Finds the end with strlen: no copy, no
   shaping. */
static char *cut_middle(const char *s, size_t max_chars)
{
    size_t half = max_chars / 2 + 1, n;
    const char *head = cut_point(s, half), *tail;

    if (head == NULL || cut_point(head, half) == NULL)
        return NULL;
    tail = s + strlen(s);
    for (n = 0; n < half; n++)
        tail = g_utf8_prev_char(tail);
    return g_strdup_printf("%.*s" PLOT_ELLIPSIS "%s", (int)(head - s), s,
                           tail);
}

/* A layout of s at `size` points; width > 0 wraps (lines > 0 also caps
   the lines, ellipsizing the last; one line in its middle). s is cut
   first to what the lines can show (width 0: one line across the page),
   so that a huge label costs what a page shows of it. */
PangoLayout *canvas_text(canvas *k, const char *s, double size, int bold,
                         double width, int lines)
{
    size_t fit = plot_text_fit(width > 0 ? width : k->w, size, lines);
    char *cut = width > 0 && lines == 1 ? cut_middle(s, fit)
                                        : plot_text_cut(s, fit);
    const char *text = cut != NULL ? cut : s;
    char *shown = plot_printable(text);
    int unknown;
    PangoLayout *l = layouts_get(k->pc, k->font, shown ? shown : text, size,
                                 bold, width, lines, &unknown);

    if (unknown > 0)
        find_missing(k, shown ? shown : text);
    g_free(shown);
    g_free(cut);
    return l;
}

void canvas_extent(PangoLayout *l, double *w, double *h)
{
    PangoRectangle r;

    pango_layout_get_extents(l, NULL, &r);
    *w = (double)r.width / PANGO_SCALE;
    *h = (double)r.height / PANGO_SCALE;
}

void canvas_labels_begin(canvas *k)
{
    k->recording = k->boxes != NULL;
}

void canvas_labels_end(canvas *k)
{
    k->recording = 0;
}

static void record_box(canvas *k, double x, double y, double w, double h,
                       const char *text)
{
    plot_boxes *b = k->boxes;

    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 16;
        b->box = g_renew(plot_box, b->box, b->cap);
    }
    b->box[b->n].x = x;
    b->box[b->n].y = y;
    b->box[b->n].w = w;
    b->box[b->n].h = h;
    g_strlcpy(b->box[b->n].text, text, sizeof b->box[b->n].text);
    b->n++;
}

/* Draws l with its top-left at (x, y) in the current colour; releases
   it. align: 0 left, 1 right edge at x, 2 centred on x. vcenter: y is
   the middle. */
void canvas_show(canvas *k, PangoLayout *l, double x, double y, int align,
                 int vcenter)
{
    double w, h;

    canvas_extent(l, &w, &h);
    if (align == 1)
        x -= w;
    else if (align == 2)
        x -= w / 2;
    if (vcenter)
        y -= h / 2;
    if (k->recording)
        record_box(k, x, y, w, h, pango_layout_get_text(l));
    cairo_move_to(k->cr, x, y);
    pango_cairo_show_layout(k->cr, l);
    g_object_unref(l);
}

/* Extent of one line of text, measured once per render: the tick
   search measures the same labels many times. */
static const double *measured(canvas *k, const char *s, double size,
                              int bold)
{
    /* keyed on what canvas_text lays out of s: a huge label is neither
       copied nor hashed whole */
    char *cut = plot_text_cut(s, plot_text_fit(k->w, size, 1));
    char *key = g_strdup_printf("%.3f %d %s", size, bold, cut ? cut : s);
    double *wh = g_hash_table_lookup(k->sizes, key);

    if (wh == NULL) {
        PangoLayout *l = canvas_text(k, s, size, bold, 0, 0);
        wh = g_new(double, 2);
        canvas_extent(l, &wh[0], &wh[1]);
        g_object_unref(l);
        g_hash_table_insert(k->sizes, key, wh);
    } else {
        g_free(key);
    }
    g_free(cut);
    return wh;
}

double canvas_text_width(canvas *k, const char *s, double size, int bold)
{
    return measured(k, s, size, bold)[0];
}

double canvas_text_height(canvas *k, const char *s, double size)
{
    return measured(k, s, size, 0)[1];
}

/* ---- one render --------------------------------------------------------- */

double plot_chart_font_pt(double w, double h)
{
    return CLAMP(fmin(w, h) / geom.font_divisor, geom.font_min,
                 geom.font_max);
}

void canvas_open(canvas *k, cairo_t *cr, const plot_chart *c,
                 plot_boxes *boxes, fmt_lang lang, double w, double h,
                 int raster)
{
    memset(k, 0, sizeof *k);
    k->cr = cr;
    k->c = c;
    k->w = w;
    k->h = h;
    /* text scales with the page: 9 pt on a 160 x 100 mm chart */
    k->fs = plot_chart_font_pt(w, h);
    k->m = k->fs * geom.margin;
    k->boxes = boxes;
    if (k->boxes != NULL) {
        k->boxes->page_w = w;
        k->boxes->page_h = h;
    }
    k->pc = layouts_context(k->cr, lang, raster);
    k->font = pango_font_description_from_string(
        lang == FMT_ZH ? "Noto Sans CJK SC, Noto Sans"
                       : "Noto Sans, Noto Sans CJK SC");
    k->missing = g_string_new(NULL);
    k->sizes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
}

void canvas_set_font(canvas *k, double fs)
{
    k->fs = fs;
    k->m = k->fs * geom.margin;
}

void canvas_close(canvas *k, GString **missing, char **why)
{
    g_free(k->names_note);
    g_free(k->note_drawn);
    g_hash_table_destroy(k->sizes);
    pango_font_description_free(k->font);
    *missing = k->missing;
    *why = k->why;
}

/* ---- axes --------------------------------------------------------------- */

void canvas_tick_label(const measure_ctx *m, double v, double step,
                       char *buf, size_t size)
{
    if (m->years)
        g_snprintf(buf, size, "%d", (int)lround(v));
    else if (m->k->c->ind != NULL)       /* in the unit the text uses */
        fmt_axis_shown(buf, size, v, step, m->k->c->ind, m->k->c->lang);
    else
        fmt_axis_ref(buf, size, v, step, m->ref, m->k->c->lang);
}

static double measure(void *user, double v, double step)
{
    measure_ctx *m = user;
    char buf[FMT_MAX];

    canvas_tick_label(m, v, step, buf, sizeof buf);
    return m->vertical ? canvas_text_height(m->k, buf, m->size)
                       : canvas_text_width(m->k, buf, m->size, 0);
}

void canvas_ticks(canvas *k, double lo, double hi, double length,
                      int years, int vertical, int from_zero,
                      plot_ticks *t, measure_ctx *mc)
{
    plot_axis a;

    mc->k = k;
    mc->years = years;
    mc->vertical = vertical;
    mc->size = k->fs * geom.tick_size;
    mc->ref = fmax(fabs(lo), fabs(hi));
    memset(&a, 0, sizeof a);
    a.dmin = lo;
    a.dmax = hi;
    /* a page too small for its plot still gets ticks (the fewest) */
    a.length = fmax(length, 1);
    a.em = mc->size;
    a.density = 1.0 / (k->fs * (vertical ? geom.tick_spacing_y
                                         : geom.tick_spacing_x));
    a.integers = years;
    a.from_zero = from_zero;
    a.measure = measure;
    a.user = mc;
    plot_ticks_compute(&a, t);
}

/* The value axis runs from a labelled tick below the data to one above
   it: no point sits on the axis line or outside the grid. */
void canvas_extend_ticks(plot_ticks *t, double lo, double hi)
{
    while (t->lmin > lo + 1e-9 * fabs(t->step) && t->n < 40) {
        t->lmin -= t->step;
        t->n++;
    }
    while (t->lmax < hi - 1e-9 * fabs(t->step) && t->n < 40) {
        t->lmax += t->step;
        t->n++;
    }
    /* a point a hair above the axis line looks as if it lay on it */
    if (t->lmin != 0 && lo - t->lmin < geom.tick_hair * (t->lmax - t->lmin)) {
        t->lmin -= t->step;
        t->n++;
    }
}

/* Whether neighbouring labels of t lie tick_apart or more apart on an
   axis of `length` points (their extent along it measured in the form
   they are drawn in). */
static int labels_fit(const plot_ticks *t, measure_ctx *mc, double length)
{
    double per = t->lmax > t->lmin ? length / (t->lmax - t->lmin) : 0;
    int i;

    for (i = 0; i + 1 < t->n; i++) {
        double e0 = measure(mc, t->lmin + i * t->step, t->step);
        double e1 = measure(mc, t->lmin + (i + 1) * t->step, t->step);
        if (t->step * per - (e0 + e1) / 2 < mc->k->fs * geom.tick_apart)
            return 0;
    }
    return 1;
}

/* Every other tick of t. The ends stay on the data's side of zero: on a
   tiny axis the search can pick a tick below zero for positive values,
   and ticks on both sides of zero (-step, 0, step) never thin to two:
   the step doubled up to DBL_MAX, drawn as "1.1 × 10³⁰⁸". */
static void thin_ticks(plot_ticks *t, double lo, double hi)
{
    t->step *= 2;
    t->lmin = floor(t->lmin / t->step + 1e-9) * t->step;
    t->lmax = ceil(t->lmax / t->step - 1e-9) * t->step;
    if (lo >= 0)
        t->lmin = fmax(t->lmin, 0);
    if (hi <= 0)
        t->lmax = fmin(t->lmax, 0);
    t->n = (int)lround((t->lmax - t->lmin) / t->step) + 1;
    t->decimals = fmt_step_decimals(t->step);
}

void canvas_axis_ticks(canvas *k, double lo, double hi, double length,
                       int vertical, int from_zero, plot_ticks *t,
                       measure_ctx *mc)
{
    canvas_ticks(k, lo, hi, length, 0, vertical, from_zero, t, mc);
    canvas_extend_ticks(t, lo, hi);
    mc->ref = fmax(fabs(t->lmin), fabs(t->lmax));
    /* The search scores the labels on the data's range; extended to
       labelled ends, on a small page, they can still crowd: every other
       tick goes (zero kept where it was one) until they fit or two are
       left, or (values on both sides of zero) the step is twice the
       largest value. */
    while (t->n > 2 && t->step < 2 * fmax(fabs(lo), fabs(hi)) &&
           !labels_fit(t, mc, fmax(length, 1))) {
        thin_ticks(t, lo, hi);
        mc->ref = fmax(fabs(t->lmin), fabs(t->lmax));
    }
}

/* A value axis up the side: ticks for [lo, hi] on `length` points,
   extended to labelled ticks around the data, as few as their labels
   need; returns the width of the widest label. */
double canvas_value_ticks(canvas *k, double lo, double hi, double length,
                          plot_ticks *t, measure_ctx *mc)
{
    char buf[FMT_MAX];
    double w = 0;
    int i;

    canvas_axis_ticks(k, lo, hi, length, 1, 0, t, mc);
    for (i = 0; i < t->n; i++) {
        canvas_tick_label(mc, t->lmin + i * t->step, t->step, buf,
                          sizeof buf);
        w = fmax(w, canvas_text_width(k, buf, mc->size, 0));
    }
    return w;
}

double canvas_at(const scale *s, double v)
{
    return s->p0 + (v - s->lo) / (s->hi - s->lo) * (s->p1 - s->p0);
}

/* Grid lines are light; the zero line, where there is one, darker. */
void canvas_grid_colour(canvas *k, double v)
{
    double g = fabs(v) < 1e-12 ? 0.6 : 0.88;

    cairo_set_source_rgb(k->cr, g, g, g);
    cairo_set_line_width(k->cr, geom.grid_width);
}

/* Tick i of t: its value *v and its place *p on s; 0 when it lies
   outside the scale. */
static int tick_on(const plot_ticks *t, int i, const scale *s, double *v,
                   double *p)
{
    *v = t->lmin + i * t->step;
    *p = canvas_at(s, *v);
    return !(*v < s->lo - 1e-9 || *v > s->hi + 1e-9);
}

/* A tick's label at (x, y), aligned as canvas_show. */
static void tick_text(canvas *k, measure_ctx *mc, double v, double step,
                      double x, double y, int align, int vcenter)
{
    char buf[FMT_MAX];

    canvas_tick_label(mc, v, step, buf, sizeof buf);
    cairo_set_source_rgb(k->cr, C_SUBTLE);
    canvas_show(k, canvas_text(k, buf, mc->size, 0, 0, 0), x, y, align,
                vcenter);
}

/* Whether the label of value v, centred at p along its axis, clears the
   last label kept, walking the axis the way places grow: *last is that
   label's far edge (NAN: none yet). Where two labels do not fit
   (canvas_axis_ticks leaves two at least) the first walked is kept:
   never one over the other. */
static int tick_clears(canvas *k, measure_ctx *mc, double v, double step,
                       double p, double *last)
{
    double e = measure(mc, v, step);

    if (!isnan(*last) && p - e / 2 - *last < k->fs * geom.tick_apart)
        return 0;
    *last = p + e / 2;
    return 1;
}

/* Horizontal grid lines and labels of the value axis (line charts);
   the labels kept walking down from the top, since the highest tells
   the scale. */
void canvas_y_axis(canvas *k, const plot_ticks *t, measure_ctx *mc,
                   const scale *ys, double left, double right)
{
    unsigned char keep[128] = {0};
    double v, y, last = NAN;
    int i;

    mc->ref = fmax(fabs(t->lmin), fabs(t->lmax));   /* the drawn range */
    for (i = MIN(t->n, 128) - 1; i >= 0; i--)
        keep[i] = tick_on(t, i, ys, &v, &y) &&
                  tick_clears(k, mc, v, t->step, y, &last);
    for (i = 0; i < t->n && i < 128; i++) {
        if (!tick_on(t, i, ys, &v, &y))
            continue;
        canvas_grid_colour(k, v);
        cairo_move_to(k->cr, left, y);
        cairo_line_to(k->cr, right, y);
        cairo_stroke(k->cr);
        if (keep[i])
            tick_text(k, mc, v, t->step, left - k->fs * geom.tick_gap, y, 1,
                      1);
    }
}

/* The axis line along the bottom and its labels below. */
void canvas_x_axis(canvas *k, const plot_ticks *t, measure_ctx *mc,
                   const scale *xs, double bottom, int grid, double top)
{
    double v, x, last = NAN;
    int i;

    mc->ref = fmax(fabs(t->lmin), fabs(t->lmax));   /* the drawn range */
    for (i = 0; i < t->n; i++) {
        if (!tick_on(t, i, xs, &v, &x))
            continue;
        if (grid) {
            canvas_grid_colour(k, v);
            cairo_move_to(k->cr, x, top);
            cairo_line_to(k->cr, x, bottom);
        } else {
            cairo_set_source_rgb(k->cr, C_AXIS);
            cairo_set_line_width(k->cr, geom.grid_width);
            cairo_move_to(k->cr, x, bottom);
            cairo_line_to(k->cr, x, bottom + k->fs * geom.tick_length);
        }
        cairo_stroke(k->cr);
        if (tick_clears(k, mc, v, t->step, x, &last))
            tick_text(k, mc, v, t->step, x, bottom + k->fs * geom.tick_drop,
                      2, 0);
    }
}

/* ---- lines and labels --------------------------------------------------- */

/* Marks each point when a line is sparse, and always a point without a
   neighbour (it would otherwise not show). Filled years are hollow. */
static void markers(canvas *k, const plot_line *l, const scale *xs,
                    const scale *ys)
{
    double r = l->highlight ? k->fs * geom.marker_focus
                           : k->fs * geom.marker_other;
    size_t j;

    for (j = 0; j < l->n; j++) {
        int alone = (j == 0 || l->year[j] - l->year[j - 1] > 1) &&
                    (j + 1 == l->n || l->year[j + 1] - l->year[j] > 1);
        if (l->flags[j] != NULL) {     /* a ring marks a flagged value */
            cairo_new_sub_path(k->cr);
            cairo_arc(k->cr, canvas_at(xs, l->year[j]),
                      canvas_at(ys, l->value[j]), r * geom.ring, 0, 2 * G_PI);
            cairo_save(k->cr);
            cairo_set_line_width(k->cr, k->fs * geom.ring_width);
            cairo_stroke(k->cr);
            cairo_restore(k->cr);
        }
        if (l->n > 12 && !alone && !l->filled[j])
            continue;
        cairo_new_sub_path(k->cr);
        cairo_arc(k->cr, canvas_at(xs, l->year[j]), canvas_at(ys, l->value[j]),
                  r, 0, 2 * G_PI);
        if (l->filled[j]) {
            cairo_save(k->cr);
            cairo_set_source_rgb(k->cr, 1, 1, 1);
            cairo_fill_preserve(k->cr);
            cairo_restore(k->cr);
            cairo_stroke(k->cr);
        } else {
            cairo_fill(k->cr);
        }
    }
}

/* A region's line: the focus blue and wider, else grey. */
void canvas_line_pen(canvas *k, int highlight)
{
    if (highlight)
        cairo_set_source_rgb(k->cr, C_FOCUS);
    else
        cairo_set_source_rgb(k->cr, C_OTHER);
    cairo_set_line_width(k->cr, highlight ? k->fs * geom.line_focus
                                          : k->fs * geom.line_other);
}

/* The colours of labelled lines beside the focus on a chart of many
   regions (plot_line.accent 1 on): near-black for the benchmark or total,
   then Okabe-Ito orange, bluish green, vermillion and reddish purple for
   the regions named, which colour-blind readers tell apart from the
   focus' blue. */
static const double accents[PLOT_MAX_NAMED + 1][3] = {
    {0.15, 0.15, 0.15}, {0.902, 0.624, 0.0}, {0.0, 0.620, 0.451},
    {0.835, 0.369, 0.0}, {0.800, 0.475, 0.655}};

void canvas_region_ink(canvas *k, const plot_line *l)
{
    if (l->highlight)
        cairo_set_source_rgb(k->cr, C_FOCUS);
    else if (l->accent > 0 && l->accent <= PLOT_MAX_NAMED + 1)
        cairo_set_source_rgb(k->cr, accents[l->accent - 1][0],
                             accents[l->accent - 1][1],
                             accents[l->accent - 1][2]);
    else
        cairo_set_source_rgb(k->cr, C_OTHER_TEXT);
}

void canvas_region_pen(canvas *k, const plot_line *l)
{
    canvas_line_pen(k, l->highlight);
    if (l->context) {
        cairo_set_source_rgb(k->cr, C_CONTEXT);
        cairo_set_line_width(k->cr, k->fs * geom.line_context);
    } else if (l->accent > 0) {
        canvas_region_ink(k, l);
    }
}

/* A line breaks where years are missing: a gap is never bridged. */
void canvas_polyline(canvas *k, const plot_line *l, const scale *xs,
                     const scale *ys)
{
    size_t j;

    canvas_region_pen(k, l);
    cairo_set_line_join(k->cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(k->cr, CAIRO_LINE_CAP_ROUND);
    for (j = 0; j < l->n; j++) {
        double x = canvas_at(xs, l->year[j]), y = canvas_at(ys, l->value[j]);
        if (j == 0 || l->year[j] - l->year[j - 1] > 1)
            cairo_move_to(k->cr, x, y);
        else
            cairo_line_to(k->cr, x, y);
    }
    cairo_stroke(k->cr);
    markers(k, l, xs, ys);
}

static int cmp_want(const void *a, const void *b)
{
    const label_pos *x = a, *y = b;

    return x->want < y->want ? -1 : x->want > y->want;
}

/* Direct labels at the line ends, pushed apart so that none overlaps:
   down from the top, then back up from the bottom edge. */
void canvas_place_labels(label_pos *p, size_t n, double top, double bottom)
{
    size_t i;

    qsort(p, n, sizeof *p, cmp_want);
    for (i = 0; i < n; i++) {
        double min = i ? p[i - 1].y + p[i - 1].h / 2 + p[i].h / 2 : top;
        p[i].y = fmax(fmax(p[i].want, min), top + p[i].h / 2);
    }
    for (i = n; i-- > 0;) {
        double max = i + 1 < n ? p[i + 1].y - p[i + 1].h / 2 - p[i].h / 2
                               : bottom - p[i].h / 2;
        p[i].y = fmin(p[i].y, max);
    }
}

/* ---- chart data --------------------------------------------------------- */

int canvas_value_at(const plot_line *l, int year, double *v)
{
    size_t j;

    for (j = 0; j < l->n; j++)
        if ((int)l->year[j] == year) {
            *v = l->value[j];
            return 1;
        }
    return 0;
}
