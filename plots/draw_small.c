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

/* The panels: how many, their size, their scales. */
typedef struct {
    size_t n, cols, rows;
    double tsz;                  /* a panel's title and year labels */
    double hgap, vgap;           /* between panels */
    double pw, ph, plot_h;       /* a panel; its plot */
    double th;                   /* the titles' band: one or two lines */
    double yl;                   /* the widest value label */
    double lead;                 /* the value labels and their gap */
    double y0, y1;               /* the years */
    size_t n_scales;             /* 1: shared; n: each panel its own */
    plot_ticks *yt;              /* per scale */
    measure_ctx *ym;
} panels;

/* The values' range of line l, or of every line (l NULL), and the years'
   range of every line; 0 when there is none. */
static int small_range(const plot_chart *c, const plot_line *l, double *lo,
                       double *hi, double *y0, double *y1)
{
    size_t i, j;

    *lo = *y0 = INFINITY;
    *hi = *y1 = -INFINITY;
    for (i = 0; i < c->n_lines; i++)
        for (j = 0; j < c->lines[i].n; j++) {
            if (l == NULL || l == &c->lines[i]) {
                *lo = fmin(*lo, c->lines[i].value[j]);
                *hi = fmax(*hi, c->lines[i].value[j]);
            }
            *y0 = fmin(*y0, c->lines[i].year[j]);
            *y1 = fmax(*y1, c->lines[i].year[j]);
        }
    if (c->n_lines == 0 || !isfinite(*y0))
        return 0;
    if (*y1 - *y0 < 1) {
        *y0 -= 1;
        *y1 += 1;
    }
    if (!isfinite(*lo)) {                  /* a panel without values */
        *lo = 0;
        *hi = 1;
    } else if (*hi - *lo < 1e-12 * fmax(1, fabs(*hi))) {
        *lo -= fmax(1, fabs(*lo)) * 0.1;   /* a flat line: a band round it */
        *hi += fmax(1, fabs(*hi)) * 0.1;
    }
    return 1;
}

/* Where panel i's plot starts, left; its value labels are left of it. */
static double panel_x(const canvas *k, const panels *g, size_t i)
{
    size_t col = i % g->cols;
    double step = g->pw + g->hgap + (g->n_scales > 1 ? g->lead : 0);

    return k->m + g->lead + (double)col * step;
}

/* The width the title of a panel in column col may take: on its own
   scale, its value labels' column too (the title stands over the labels
   and the plot) and, but in the last column, the gap to the next panel
   less panel_title_apart: names wrap or shorten less on narrow panels. */
static double title_width(const panels *g, size_t col)
{
    if (g->n_scales == 1)
        return g->pw;
    return g->pw + g->lead +
           (col + 1 < g->cols ? g->hgap - geom.panel_title_apart * g->tsz
                              : 0);
}

/* The height of a value label: two of them, a panel's lowest and
   highest, must fit on its plot. */
static double label_height(canvas *k)
{
    return canvas_text_height(k, "0", k->fs * geom.tick_size);
}

/* How far a plot's bottom stands above its panel's bottom: on its own
   scale the titles stand over the value labels, and the lowest, centred
   on the plot's bottom, must clear the title of the panel below beyond
   the gap between rows. */
static double below_plot(canvas *k, const panels *g)
{
    return g->n_scales > 1 ? fmax(label_height(k) / 2 - g->vgap, 0) : 0;
}

/* A plot's height in a panel under titles g->th high: on its own scale
   the highest value label, centred on the plot's top, clears the title
   (and parts the two), then below_plot. */
static void plot_height(canvas *k, panels *g)
{
    double room = g->n_scales > 1
                      ? label_height(k) / 2 + below_plot(k, g)
                      : k->fs * geom.panel_title_gap;

    g->plot_h = fmax(g->ph - g->th - room, geom.panel_min);
}

/* Whether the first and last year fit apart under a panel. */
static int years_fit(canvas *k, const panels *g)
{
    return g->pw >= 2 * canvas_text_width(k, "2020", g->tsz, 0) +
                        geom.panel_years_apart * g->tsz;
}

/* The years under panel i at px: the first and the last, or the last
   alone when the panel is too narrow for both. */
static void panel_years(canvas *k, const panels *g, double px, double y)
{
    char buf[FMT_MAX];

    cairo_set_source_rgb(k->cr, C_SUBTLE);
    if (years_fit(k, g)) {
        g_snprintf(buf, sizeof buf, "%d", (int)g->y0);
        canvas_show(k, canvas_text(k, buf, g->tsz, 0, 0, 0), px, y, 0, 0);
    }
    g_snprintf(buf, sizeof buf, "%d", (int)g->y1);
    canvas_show(k, canvas_text(k, buf, g->tsz, 0, 0, 0), px + g->pw, y, 1,
                0);
}

/* Whether a value label centred at y, of the panel whose top is at py,
   clears the titles: on its own scale the panel's title stands over the
   labels, the next row's under them. A plot squeezed to panel_min on a
   page too small for its panels has no room for them. */
static int label_clear(canvas *k, const panels *g, double py, double y)
{
    double h = label_height(k) / 2;

    return g->n_scales == 1 || (y - h >= py + g->th - 1e-6 &&
                                y + h <= py + g->ph + g->vgap + 1e-6);
}

/* Panel i's value labels and grid, on its scale; its top at py. */
static void panel_values(canvas *k, const panels *g, size_t i, double px,
                         double py, const scale *ys)
{
    size_t s = g->n_scales > 1 ? i : 0, j;
    const plot_ticks *t = &g->yt[s];
    char buf[FMT_MAX];

    for (j = 0; j < (size_t)t->n; j++) {         /* from the top */
        double v = t->lmax - (double)j * t->step, y = canvas_at(ys, v);
        canvas_grid_colour(k, v);
        cairo_move_to(k->cr, px, y);
        cairo_line_to(k->cr, px + g->pw, y);
        cairo_stroke(k->cr);
        if ((g->n_scales > 1 || i % g->cols == 0) &&
            label_clear(k, g, py, y)) {
            canvas_tick_label(&g->ym[s], v, t->step, buf, sizeof buf);
            cairo_set_source_rgb(k->cr, C_SUBTLE);
            canvas_show(k, canvas_text(k, buf, g->ym[s].size, 0, 0, 0),
                        px - k->fs * geom.tick_gap, y, 1, 1);
        }
    }
}

/* Panel i: its title (up to two lines), grid, value labels (left of the
   first column, or of every panel on its own scale), years (under the
   bottom of its column) and line. */
static void small_panel(canvas *k, const panels *g, size_t i, double top)
{
    const plot_line *l = &k->c->lines[i];
    const plot_ticks *t = &g->yt[g->n_scales > 1 ? i : 0];
    double px = panel_x(k, g, i);
    double py = top + (double)(i / g->cols) * (g->ph + g->vgap);
    scale xs = {g->y0, g->y1, px, px + g->pw};
    double bottom = py + g->ph - below_plot(k, g);
    scale ys = {t->lmin, t->lmax, bottom, bottom - g->plot_h};

    if (l->highlight)
        cairo_set_source_rgb(k->cr, C_FOCUS);
    else if (l->accent > 0)
        canvas_region_ink(k, l);
    else
        cairo_set_source_rgb(k->cr, C_TEXT);
    canvas_show(k, canvas_text(k, l->label, g->tsz, l->highlight,
                               title_width(g, i % g->cols), 2),
                g->n_scales > 1 ? px - g->lead : px, py, 0, 0);
    panel_values(k, g, i, px, py, &ys);
    if (i + g->cols >= g->n)             /* the bottom of its column */
        panel_years(k, g, px, ys.p0 + k->fs * geom.panel_year_drop);
    canvas_polyline(k, l, &xs, &ys);
}

/* The titles' band: one line, or two when a name does not fit the
   panel's width (names wrap before they are shortened). */
static double titles_height(canvas *k, const panels *g)
{
    double h = canvas_text_height(k, "Ag", g->tsz), w, lh;
    size_t i;

    for (i = 0; i < g->n; i++) {
        const plot_line *l = &k->c->lines[i];
        PangoLayout *t = canvas_text(k, l->label, g->tsz, l->highlight,
                                     title_width(g, i % g->cols), 2);
        canvas_extent(t, &w, &lh);
        g_object_unref(t);
        h = fmax(h, lh);
    }
    return h;
}

/* Value ticks for [lo, hi] on a plot of height h whose labels stay
   apart: fewer ticks while a label's height does not fit between two
   (the axis asked for as if shorter), at the least its two ends, the
   lowest and highest values labelled. Returns the widest label. */
static double panel_ticks(canvas *k, double lo, double hi, double h,
                          plot_ticks *t, measure_ctx *m)
{
    double len = h, w, lh;

    for (;;) {
        w = canvas_value_ticks(k, lo, hi, len, t, m);
        lh = canvas_text_height(k, "0", m->size) * geom.panel_labels_apart;
        if (t->n <= 2 || h / (t->n - 1) >= lh || len < 1)
            break;
        len *= 0.7;
    }
    if (t->n > 2 && h / (t->n - 1) < lh) {
        t->step = t->lmax - t->lmin;
        t->n = 2;
    }
    if (h < lh)           /* no room for two: the highest alone */
        t->n = 1;
    return w;
}

/* The value ticks of every scale at the plots' height; the widest label
   (g->yl) and the room the labels take left of a plot (g->lead). */
static void small_ticks(canvas *k, panels *g)
{
    double lo, hi, y0, y1;
    size_t s;

    g->yl = 0;
    for (s = 0; s < g->n_scales; s++) {
        small_range(k->c, g->n_scales > 1 ? &k->c->lines[s] : NULL, &lo, &hi,
                    &y0, &y1);
        /* a panel of positive values on its own scale reads from zero,
           as its range was measured (prepare.c), and no tick below it */
        if (g->n_scales > 1 && lo > 0)
            lo = 0;
        g->yl = fmax(g->yl, panel_ticks(k, lo, hi, g->plot_h, &g->yt[s],
                                        &g->ym[s]));
    }
    g->lead = g->yl + k->fs * geom.tick_gap;
}

/* The panels' width once the value labels are measured. */
static void small_width(canvas *k, panels *g)
{
    double labels = g->n_scales > 1 ? (double)g->cols * g->lead : g->lead;

    g->pw = (k->w - 2 * k->m - labels - (double)(g->cols - 1) * g->hgap) /
            (double)g->cols;
}

/* The panels in `cols` columns between top and bottom: the labels'
   width from one-line titles, the titles from the width it leaves, the
   ticks again at the plots' final height. Returns the size of the
   smaller side of a plot, its width counted at panel_aspect, which the
   columns are chosen by; far less when the years under a panel would
   touch. */
static double small_layout(canvas *k, panels *g, double top, double bottom,
                           size_t cols)
{
    double got;

    g->cols = cols;
    g->rows = (g->n + g->cols - 1) / g->cols;
    g->ph = (bottom - top - (double)(g->rows - 1) * g->vgap) /
            (double)g->rows;
    g->th = canvas_text_height(k, "Ag", g->tsz);
    plot_height(k, g);
    small_ticks(k, g);
    small_width(k, g);
    g->th = titles_height(k, g);
    plot_height(k, g);
    small_ticks(k, g);
    small_width(k, g);
    got = fmin(g->plot_h, g->pw / geom.panel_aspect);
    /* the first and last year under a panel must stay apart (the last
       alone reads less well), and a plot's lowest and highest value
       labels */
    if (!years_fit(k, g))
        got *= g->pw >= canvas_text_width(k, "2020", g->tsz, 0)
                   ? geom.panel_last_year : 0.01;
    if (g->plot_h < geom.panel_labels_apart * label_height(k))
        got *= 0.1;
    return got;
}

/* At least what small_layout returns for cols, from the panels' sizes
   alone, before titles and value labels take their room (no ticks: they
   are its cost, and on panels too low for labels the tick search tries
   every set). */
static double layout_bound(canvas *k, panels *g, double top, double bottom,
                           size_t cols)
{
    double pw = (k->w - 2 * k->m - (double)(cols - 1) * g->hgap) /
                (double)cols;
    double got;

    g->cols = cols;
    g->rows = (g->n + g->cols - 1) / g->cols;
    g->ph = (bottom - top - (double)(g->rows - 1) * g->vgap) /
            (double)g->rows;
    g->th = 0;
    plot_height(k, g);
    got = fmin(g->plot_h, pw / geom.panel_aspect);
    return g->plot_h < geom.panel_labels_apart * label_height(k) ? got * 0.1
                                                                 : got;
}

/* One small line chart per region: for comparison sets too large for one
   chart. The panels come in the order prepare_small gave them, on one
   scale or each on its own (k->c->own_scale). Year labels only under the
   bottom row; value labels left of the first column, or of each panel on
   its own scale. The columns: near panel_aspect:1, the count around it
   that leaves the largest plots once the titles have wrapped. */
double draw_small(canvas *k, double top, double bottom)
{
    panels g;
    double lo, hi, xl, best = -1, top_bound = -INFINITY, floor_got;
    size_t i, cols, pick = 1, near, first = 1;

    g.n = k->c->n_lines;
    g.hgap = k->fs * geom.panel_hgap;
    g.vgap = k->fs * geom.panel_vgap;
    g.tsz = k->fs * geom.panel_size;
    if (!small_range(k->c, NULL, &lo, &hi, &g.y0, &g.y1))
        return top;
    xl = canvas_text_height(k, "2020", g.tsz) + k->fs * geom.panel_year_gap;
    bottom -= xl;
    near = (size_t)lround(sqrt((double)g.n * (k->w - 2 * k->m) /
                               ((bottom - top) * geom.panel_aspect)));
    g.n_scales = k->c->own_scale ? g.n : 1;
    g.yt = g_new0(plot_ticks, g.n_scales);
    g.ym = g_new0(measure_ctx, g.n_scales);
    /* the columns that may do best first: what they get bounds the
       others, and a count whose bound is below it is not laid out (a
       phone's drawing tries one column of 40 panels too low for labels;
       skipping it changes nothing: it could not have been chosen) */
    for (cols = near > 2 ? near - 2 : 1; cols <= near + 2 && cols <= g.n;
         cols++) {
        double b = layout_bound(k, &g, top, bottom, cols);
        if (b > top_bound) {
            top_bound = b;
            first = cols;
        }
    }
    floor_got = small_layout(k, &g, top, bottom, first);
    for (cols = near > 2 ? near - 2 : 1; cols <= near + 2; cols++) {
        double got;
        if (cols > g.n)
            break;
        if (cols != first && floor_got > 0 &&
            layout_bound(k, &g, top, bottom, cols) < floor_got - 1e-9)
            continue;
        got = cols == first ? floor_got
                            : small_layout(k, &g, top, bottom, cols);
        if (got > best + 1e-9) {
            best = got;
            pick = cols;
        }
    }
    small_layout(k, &g, top, bottom, pick);
    canvas_labels_begin(k);          /* titles, values, years: apart */
    for (i = 0; i < g.n; i++)
        small_panel(k, &g, i, top);
    canvas_labels_end(k);
    g_free(g.yt);
    g_free(g.ym);
    return top + (double)g.rows * g.ph + (double)(g.rows - 1) * g.vgap + xl;
}
