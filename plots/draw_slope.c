/*
 * plots/draw_slope.c -- the slope chart: two years, one line per region
 * with values at both, labelled with the values on both sides; of more
 * than PLOT_MAX_LINES regions, only the focus, the benchmark, the total
 * and the regions named (--label) are labelled, the rest grey context
 * lines, as in the line chart.
 *
 * Draws into the band that render.c leaves between the title block and
 * the source line, with the helpers of canvas.h. Not for: choosing the
 * two years (build.c).
 */
#include "draw.h"

#include <math.h>

#include <glib.h>

/* One side's labels: "Chongqing 1.88" on the left, "2.36 Chongqing" on
   the right, spread so that none overlaps. */
static void slope_side(canvas *k, const scale *ys, int year, double x,
                       int left, double top, double bottom, double size)
{
    const plot_chart *c = k->c;
    label_pos *p = g_new0(label_pos, c->n_lines + 1);
    size_t i, n = 0;
    double v, other;
    char num[FMT_MAX], *s;

    for (i = 0; i < c->n_lines; i++) {
        if (c->lines[i].context ||       /* many regions: grey, unlabelled */
            !canvas_value_at(&c->lines[i], year, &v) ||
            !canvas_value_at(&c->lines[i], c->years[left ? 1 : 0], &other))
            continue;
        p[n].line = i;
        p[n].want = canvas_at(ys, v);
        p[n].h = canvas_text_height(k, c->lines[i].label, size) *
                 geom.label_leading;
        n++;
    }
    canvas_place_labels(p, n, top, bottom);
    canvas_labels_begin(k);
    for (i = 0; i < n; i++) {
        const plot_line *l = &c->lines[p[i].line];
        canvas_value_at(l, year, &v);
        fmt_shown(num, sizeof num, v, c->ind, c->lang);
        s = left ? g_strdup_printf("%s  %s", l->label, num)
                 : g_strdup_printf("%s  %s", num, l->label);
        canvas_region_ink(k, l);
        canvas_show(k, canvas_text(k, s, size, l->highlight,
                                   k->w * geom.label_share, 1),
                    left ? x - k->fs * geom.slope_label_gap
                         : x + k->fs * geom.slope_label_gap, p[i].y,
                    left ? 1 : 0, 1);
        g_free(s);
    }
    canvas_labels_end(k);
    g_free(p);
}

/* Widest "name  value" label of one side. */
static double slope_label_width(canvas *k, int year, double size)
{
    const plot_chart *c = k->c;
    double w = 0, v;
    char num[FMT_MAX], *s;
    size_t i;

    for (i = 0; i < c->n_lines; i++) {
        if (c->lines[i].context || !canvas_value_at(&c->lines[i], year, &v))
            continue;
        fmt_shown(num, sizeof num, v, c->ind, c->lang);
        s = g_strdup_printf("%s  %s", c->lines[i].label, num);
        w = fmax(w, canvas_text_width(k, s, size, c->lines[i].highlight));
        g_free(s);
    }
    return fmin(w, k->w * geom.label_share);
}

/* The range of the values at both years; 0 when no region has both. */
static int slope_range(const plot_chart *c, int a, int b, scale *ys)
{
    double lo = INFINITY, hi = -INFINITY, va, vb;
    size_t i;

    for (i = 0; i < c->n_lines; i++)
        if (canvas_value_at(&c->lines[i], a, &va) &&
            canvas_value_at(&c->lines[i], b, &vb)) {
            lo = fmin(lo, fmin(va, vb));
            hi = fmax(hi, fmax(va, vb));
        }
    if (!isfinite(lo))
        return 0;
    if (hi - lo < 1e-12 * fmax(1, fabs(hi))) {
        lo -= 1;
        hi += 1;
    }
    ys->lo = lo;
    ys->hi = hi;
    return 1;
}

/* Region l's line from year a at xa to year b at xb, dots at both ends
   (a grey context line of many regions: thin, no dots). */
static void slope(canvas *k, const plot_line *l, int a, int b, double xa,
                  double xb, const scale *ys)
{
    double va, vb;

    if (!canvas_value_at(l, a, &va) || !canvas_value_at(l, b, &vb))
        return;
    canvas_region_pen(k, l);
    if (!l->context)
        cairo_set_line_width(k->cr, l->highlight ? k->fs * geom.slope_focus
                                                 : k->fs * geom.slope_other);
    cairo_move_to(k->cr, xa, canvas_at(ys, va));
    cairo_line_to(k->cr, xb, canvas_at(ys, vb));
    cairo_stroke(k->cr);
    if (l->context)
        return;
    cairo_arc(k->cr, xa, canvas_at(ys, va), k->fs * geom.slope_dot, 0,
              2 * G_PI);
    cairo_fill(k->cr);
    cairo_arc(k->cr, xb, canvas_at(ys, vb), k->fs * geom.slope_dot, 0,
              2 * G_PI);
    cairo_fill(k->cr);
}

/* Every region's slope: grey context lines first, the labelled ones
   over them, the focus last, over all (as the line chart draws). */
static void slopes(canvas *k, int a, int b, double xa, double xb,
                   const scale *ys)
{
    const plot_chart *c = k->c;
    size_t i;

    for (i = 0; i < c->n_lines; i++)
        if (c->lines[i].context)
            slope(k, &c->lines[i], a, b, xa, xb, ys);
    for (i = 0; i < c->n_lines; i++)
        if (!c->lines[i].context && !c->lines[i].highlight)
            slope(k, &c->lines[i], a, b, xa, xb, ys);
    for (i = 0; i < c->n_lines; i++)
        if (c->lines[i].highlight)
            slope(k, &c->lines[i], a, b, xa, xb, ys);
}

/* Two years, one line per region with values at both, labels with the
   values on both sides. */
double draw_slope(canvas *k, double top, double bottom)
{
    const plot_chart *c = k->c;
    int a = c->years[0], b = c->years[1];
    double size = k->fs * geom.label_size;
    double yh = canvas_text_height(k, "2020", size);
    scale ys;
    double xa = k->m + slope_label_width(k, a, size) +
                k->fs * geom.slope_label_room;
    double xb = k->w - k->m - slope_label_width(k, b, size) -
                k->fs * geom.slope_label_room;
    char year[16];

    if (!slope_range(c, a, b, &ys))
        return top;
    cairo_set_source_rgb(k->cr, C_SUBTLE);
    g_snprintf(year, sizeof year, "%d", a);
    canvas_show(k, canvas_text(k, year, size, 1, 0, 0), xa, top, 2, 0);
    g_snprintf(year, sizeof year, "%d", b);
    canvas_show(k, canvas_text(k, year, size, 1, 0, 0), xb, top, 2, 0);
    top += yh + k->fs * geom.slope_head_gap;
    ys.p0 = bottom - k->fs * geom.slope_pad;
    ys.p1 = top;
    cairo_set_source_rgb(k->cr, C_GRID);
    cairo_set_line_width(k->cr, geom.axis_width);
    cairo_move_to(k->cr, xa, top - k->fs * geom.slope_pad);
    cairo_line_to(k->cr, xa, bottom);
    cairo_move_to(k->cr, xb, top - k->fs * geom.slope_pad);
    cairo_line_to(k->cr, xb, bottom);
    cairo_stroke(k->cr);
    slopes(k, a, b, xa, xb, &ys);
    slope_side(k, &ys, a, xa, 1, top - k->fs * geom.slope_pad, bottom, size);
    slope_side(k, &ys, b, xb, 0, top - k->fs * geom.slope_pad, bottom, size);
    return bottom;
}
