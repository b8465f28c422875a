/*
 * plots/draw_small.c -- the compact line types: a sparkline (word-sized,
 * no frame, no text: for tables and sentences) and small multiples (one
 * small line chart per region on a shared scale, for comparison sets
 * too large for one chart).
 *
 * Draws with the helpers of canvas.h: small multiples into the band
 * that render.c leaves between the title block and the source line, a
 * sparkline over the whole page (it has no frame).
 */
#include "draw.h"

#include <math.h>

#include <glib.h>

/* ---- sparkline ---------------------------------------------------------- */

/* The line a sparkline shows: the focus region's, else the first. */
static const plot_line *spark_line(const plot_chart *c)
{
    size_t i;

    for (i = 0; i < c->n_lines; i++)
        if (c->lines[i].highlight)
            return &c->lines[i];
    return c->n_lines ? &c->lines[0] : NULL;
}

/* The line's values on ys, a flat one around its value. */
static void spark_values(const plot_line *l, scale *ys)
{
    double lo = INFINITY, hi = -INFINITY;
    size_t j;

    for (j = 0; j < l->n; j++) {
        lo = fmin(lo, l->value[j]);
        hi = fmax(hi, l->value[j]);
    }
    if (hi - lo < 1e-12 * fmax(1, fabs(hi))) {
        lo -= 1;
        hi += 1;
    }
    ys->lo = lo;
    ys->hi = hi;
}

/* The line with its gaps; a lone point as a dot of radius `dot`. */
static void spark_path(canvas *k, const plot_line *l, const scale *xs,
                       const scale *ys, double dot)
{
    size_t j;

    for (j = 0; j < l->n; j++) {
        double x = canvas_at(xs, l->year[j]), y = canvas_at(ys, l->value[j]);
        int first = j == 0 || l->year[j] - l->year[j - 1] > 1;
        int last = j + 1 == l->n || l->year[j + 1] - l->year[j] > 1;
        if (first && last) {
            /* a lone point: a dot wider than the line, or it vanishes;
               the line so far is stroked first, fill would take it */
            cairo_stroke(k->cr);
            cairo_arc(k->cr, x, y, dot, 0, 2 * G_PI);
            cairo_fill(k->cr);
        } else if (first) {
            cairo_move_to(k->cr, x, y);
        } else {
            cairo_line_to(k->cr, x, y);
        }
    }
    cairo_stroke(k->cr);
}

/* A word-sized line: no axes, no text; gaps kept; the last point marked.
   The stroke is about one pixel at 150 dpi so that it stays crisp.
   Takes the whole band [top, bottom] across the page. */
double draw_sparkline(canvas *k, double top, double bottom)
{
    const plot_line *l = spark_line(k->c);
    double h = bottom - top, pad = h * geom.spark_pad, r;
    scale xs, ys;

    if (l == NULL || l->n == 0)
        return bottom;
    spark_values(l, &ys);
    r = fmax(geom.spark_dot_min, h * geom.spark_dot);
    /* one year only: its dot on the right, where the latest value goes */
    xs.hi = l->year[l->n - 1];
    xs.lo = l->year[0] < xs.hi ? l->year[0] : xs.hi - 1;
    xs.p0 = r + geom.spark_inset;
    xs.p1 = k->w - r - geom.spark_inset;
    ys.p0 = bottom - pad;
    ys.p1 = top + pad;
    cairo_set_source_rgb(k->cr, C_FOCUS);
    cairo_set_line_width(k->cr, fmax(geom.spark_stroke_min,
                                     h / geom.spark_stroke_div));
    cairo_set_line_join(k->cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(k->cr, CAIRO_LINE_CAP_ROUND);
    spark_path(k, l, &xs, &ys, r * geom.spark_lone);
    cairo_arc(k->cr, canvas_at(&xs, l->year[l->n - 1]),
              canvas_at(&ys, l->value[l->n - 1]), r, 0, 2 * G_PI);
    cairo_fill(k->cr);
    return bottom;
}

/* ---- small multiples ---------------------------------------------------- */

/* The panels: how many, their size, the scales they share. */
typedef struct {
    size_t n, cols, rows;
    double tsz;                  /* a panel's title and year labels */
    double hgap, vgap;           /* between panels */
    double pw, ph, plot_h;       /* a panel; its plot */
    double yl;                   /* the widest value label */
    double y0, y1;               /* the years */
    plot_ticks yt;
    measure_ctx ym;
} panels;

/* The values' and years' range of every line; 0 when there is none. */
static int small_range(const plot_chart *c, double *lo, double *hi,
                       double *y0, double *y1)
{
    size_t i, j;

    *lo = INFINITY;
    *hi = -INFINITY;
    *y0 = INFINITY;
    *y1 = -INFINITY;
    for (i = 0; i < c->n_lines; i++)
        for (j = 0; j < c->lines[i].n; j++) {
            *lo = fmin(*lo, c->lines[i].value[j]);
            *hi = fmax(*hi, c->lines[i].value[j]);
            *y0 = fmin(*y0, c->lines[i].year[j]);
            *y1 = fmax(*y1, c->lines[i].year[j]);
        }
    if (c->n_lines == 0 || !isfinite(*lo))
        return 0;
    if (*y1 - *y0 < 1) {
        *y0 -= 1;
        *y1 += 1;
    }
    return 1;
}

/* Panel i: its title, grid (value labels in the first column), years
   (under the bottom of its column) and line. */
static void small_panel(canvas *k, const panels *g, size_t i, double top)
{
    const plot_line *l = &k->c->lines[i];
    size_t col = i % g->cols, row = i / g->cols, j;
    double px = k->m + g->yl + k->fs * geom.tick_gap +
                (double)col * (g->pw + g->hgap);
    double py = top + (double)row * (g->ph + g->vgap);
    scale xs = {g->y0, g->y1, px, px + g->pw};
    scale ys = {g->yt.lmin, g->yt.lmax, py + g->ph, py + g->ph - g->plot_h};
    char buf[FMT_MAX];

    if (l->highlight)
        cairo_set_source_rgb(k->cr, C_FOCUS);
    else
        cairo_set_source_rgb(k->cr, C_TEXT);
    canvas_show(k, canvas_text(k, l->label, g->tsz, l->highlight, g->pw, 1),
                px, py, 0, 0);
    for (j = 0; j < (size_t)g->yt.n; j++) {
        double v = g->yt.lmin + (double)j * g->yt.step, y = canvas_at(&ys, v);
        canvas_grid_colour(k, v);
        cairo_move_to(k->cr, px, y);
        cairo_line_to(k->cr, px + g->pw, y);
        cairo_stroke(k->cr);
        if (col == 0) {
            canvas_tick_label(&g->ym, v, g->yt.step, buf, sizeof buf);
            cairo_set_source_rgb(k->cr, C_SUBTLE);
            canvas_show(k, canvas_text(k, buf, g->ym.size, 0, 0, 0),
                        px - k->fs * geom.tick_gap, y, 1, 1);
        }
    }
    if (i + g->cols >= g->n) {           /* the bottom of its column */
        cairo_set_source_rgb(k->cr, C_SUBTLE);
        g_snprintf(buf, sizeof buf, "%d", (int)g->y0);
        canvas_show(k, canvas_text(k, buf, g->tsz, 0, 0, 0), px,
                    ys.p0 + k->fs * geom.panel_year_drop, 0, 0);
        g_snprintf(buf, sizeof buf, "%d", (int)g->y1);
        canvas_show(k, canvas_text(k, buf, g->tsz, 0, 0, 0), px + g->pw,
                    ys.p0 + k->fs * geom.panel_year_drop, 1, 0);
    }
    canvas_polyline(k, l, &xs, &ys);
}

/* One small line chart per region on a shared scale: for comparison
   sets too large for one chart. Year labels only under the bottom row,
   value labels only left of the first column. */
double draw_small(canvas *k, double top, double bottom)
{
    panels g;
    double lo, hi, th, xl;
    size_t i;

    g.n = k->c->n_lines;
    g.hgap = k->fs * geom.panel_hgap;
    g.vgap = k->fs * geom.panel_vgap;
    g.tsz = k->fs * geom.panel_size;
    if (!small_range(k->c, &lo, &hi, &g.y0, &g.y1))
        return top;
    th = canvas_text_height(k, "Ag", g.tsz);
    xl = canvas_text_height(k, "2020", g.tsz) + k->fs * geom.panel_year_gap;
    bottom -= xl;
    /* panels near panel_aspect:1 */
    g.cols = (size_t)lround(sqrt((double)g.n * (k->w - 2 * k->m) /
                                 ((bottom - top) * geom.panel_aspect)));
    g.cols = CLAMP(g.cols, 1, g.n);
    g.rows = (g.n + g.cols - 1) / g.cols;
    g.ph = (bottom - top - (double)(g.rows - 1) * g.vgap) / (double)g.rows;
    g.plot_h = fmax(g.ph - th - k->fs * geom.panel_title_gap, geom.panel_min);
    g.yl = canvas_value_ticks(k, lo, hi, g.plot_h, &g.yt, &g.ym);
    g.pw = (k->w - 2 * k->m - g.yl - k->fs * geom.tick_gap -
            (double)(g.cols - 1) * g.hgap) / (double)g.cols;
    for (i = 0; i < g.n; i++)
        small_panel(k, &g, i, top);
    return top + (double)g.rows * g.ph + (double)(g.rows - 1) * g.vgap + xl;
}
