/*
 * plots/draw_line.c -- the line chart: one line per region over the
 * years, the focus region in colour, the indicator's target and the
 * focus line's forecast; each line labelled at its end (or, when the
 * labels need more height than the plot has, a legend above it). With
 * more than PLOT_MAX_LINES regions only the focus, benchmark, total and
 * named regions are labelled, the rest drawn as grey context first
 * (prepare.c decides which). An index chart is drawn here too, its
 * lines already indexed (index.c), with a reference line at 100.
 *
 * Draws into the band that render.c leaves between the title block and
 * the source line, with the helpers of canvas.h. Not for: building the
 * lines (build.c) or the frame (render.c).
 */
#include "draw.h"

#include <math.h>

#include <glib.h>

/* The range of the values and years the plot shows: the points, the
   forecast (not its interval) and the target. */
static void value_range(const plot_chart *c, double *lo, double *hi,
                        double *y0, double *y1)
{
    size_t i, j;

    *lo = INFINITY;
    *hi = -INFINITY;
    *y0 = INFINITY;
    *y1 = -INFINITY;
    for (i = 0; i < c->n_lines; i++) {
        const plot_line *l = &c->lines[i];
        for (j = 0; j < l->n; j++) {
            *lo = fmin(*lo, l->value[j]);
            *hi = fmax(*hi, l->value[j]);
            *y0 = fmin(*y0, l->year[j]);
            *y1 = fmax(*y1, l->year[j]);
        }
        /* the forecast point counts, its interval does not: a wide
           band is clipped to the plot instead of flattening the data */
        if (l->forecast_year > 0) {
            *lo = fmin(*lo, l->forecast);
            *hi = fmax(*hi, l->forecast);
            *y1 = fmax(*y1, l->forecast_year);
        }
    }
    if (isfinite(c->ind->target)) {
        *lo = fmin(*lo, c->ind->target);
        *hi = fmax(*hi, c->ind->target);
    }
    if (c->base > 0) {                   /* an index chart's 100 */
        *lo = fmin(*lo, 100);
        *hi = fmax(*hi, 100);
    }
}

/* An index chart's reference: a solid line at 100, the base year's
   level, that every line crosses or touches in the base year. */
static void base_line(canvas *k, const scale *xs, const scale *ys)
{
    double y;

    if (k->c->base <= 0)
        return;
    y = canvas_at(ys, 100);
    cairo_save(k->cr);
    cairo_set_source_rgb(k->cr, C_AXIS);
    cairo_set_line_width(k->cr, k->fs * geom.base_width);
    cairo_move_to(k->cr, xs->p0, y);
    cairo_line_to(k->cr, xs->p1, y);
    cairo_stroke(k->cr);
    cairo_restore(k->cr);
}

/* The focus line's forecast: a light band for the 95% prediction
   interval and a dashed segment to the forecast, from its last point. */
static void forecast(canvas *k, const plot_line *l, const scale *xs,
                     const scale *ys)
{
    double x0 = canvas_at(xs, l->year[l->n - 1]);
    double y0 = canvas_at(ys, l->value[l->n - 1]);
    double x1 = canvas_at(xs, l->forecast_year), dash[] = {
        k->fs * geom.forecast_dash[0], k->fs * geom.forecast_dash[1]};

    if (l->forecast_year <= 0)
        return;
    cairo_save(k->cr);
    cairo_rectangle(k->cr, xs->p0, ys->p1, xs->p1 - xs->p0 + 1,
                    ys->p0 - ys->p1);
    cairo_clip(k->cr);
    cairo_set_source_rgba(k->cr, C_FOCUS, 0.14);
    cairo_move_to(k->cr, x0, y0);
    cairo_line_to(k->cr, x1, canvas_at(ys, l->forecast_hi));
    cairo_line_to(k->cr, x1, canvas_at(ys, l->forecast_lo));
    cairo_close_path(k->cr);
    cairo_fill(k->cr);
    cairo_save(k->cr);
    cairo_set_source_rgb(k->cr, C_FOCUS);
    cairo_set_line_width(k->cr, k->fs * geom.forecast_width);
    cairo_set_dash(k->cr, dash, 2, 0);
    cairo_move_to(k->cr, x0, y0);
    cairo_line_to(k->cr, x1, canvas_at(ys, l->forecast));
    cairo_stroke(k->cr);
    cairo_restore(k->cr);
    cairo_restore(k->cr);               /* the clip */
}

/* The indicator's target: a dark dashed line, labelled at its left end. */
static void target_line(canvas *k, const scale *xs, const scale *ys)
{
    const sb_indicator *ind = k->c->ind;
    double y, dash[] = {k->fs * geom.target_dash[0],
                        k->fs * geom.target_dash[1]};
    char v[FMT_MAX], label[FMT_MAX * 2];

    if (!isfinite(ind->target))
        return;
    y = canvas_at(ys, ind->target);
    cairo_save(k->cr);
    cairo_set_source_rgb(k->cr, C_AXIS);
    cairo_set_line_width(k->cr, k->fs * geom.target_width);
    cairo_set_dash(k->cr, dash, 2, 0);
    cairo_move_to(k->cr, xs->p0, y);
    cairo_line_to(k->cr, xs->p1, y);
    cairo_stroke(k->cr);
    cairo_restore(k->cr);
    fmt_shown(v, sizeof v, ind->target, ind, k->c->lang);
    if (k->c->lang == FMT_ZH)
        g_snprintf(label, sizeof label, ind->target_year
                       ? "\xe7\x9b\xae\xe6\xa0\x87 %s\xef\xbc\x88%d\xe5\xb9\xb4\xef\xbc\x89"
                       : "\xe7\x9b\xae\xe6\xa0\x87 %s", v,
                   ind->target_year);                      /* 目标 （N年） */
    else
        g_snprintf(label, sizeof label, ind->target_year ? "Target %s (%d)"
                                                         : "Target %s",
                   v, ind->target_year);
    cairo_set_source_rgb(k->cr, C_AXIS);
    canvas_show(k, canvas_text(k, label, k->fs * geom.target_size, 0, 0, 0),
                xs->p0 + k->fs * geom.target_inset,
                y - k->fs * geom.target_lift -
                    canvas_text_height(k, label, k->fs * geom.target_size),
                0, 0);
}

/* Whether segment (x0,y0)-(x1,y1) enters the box (Liang-Barsky). */
static int segment_hits(double x0, double y0, double x1, double y1,
                        double bx, double by, double bw, double bh)
{
    double p[4] = {-(x1 - x0), x1 - x0, -(y1 - y0), y1 - y0};
    double q[4] = {x0 - bx, bx + bw - x0, y0 - by, by + bh - y0};
    double t0 = 0, t1 = 1;
    int i;

    for (i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return 0;
        } else {
            double t = q[i] / p[i];
            if (p[i] < 0)
                t0 = fmax(t0, t);
            else
                t1 = fmin(t1, t);
        }
    }
    return t0 <= t1;
}

/* Whether a box beside line `self` would cross any other line. */
static int box_crosses(canvas *k, const plot_line *self, const scale *xs,
                       const scale *ys, double bx, double by, double bw,
                       double bh)
{
    const plot_chart *c = k->c;
    size_t i, j;

    for (i = 0; i < c->n_lines; i++) {
        const plot_line *l = &c->lines[i];
        if (l == self)
            continue;
        for (j = 0; j + 1 < l->n; j++)
            if (l->year[j + 1] - l->year[j] <= 1 &&
                segment_hits(canvas_at(xs, l->year[j]),
                             canvas_at(ys, l->value[j]),
                             canvas_at(xs, l->year[j + 1]),
                             canvas_at(ys, l->value[j + 1]), bx, by, bw, bh))
                return 1;
    }
    return 0;
}

/* A line that ends before the last year is labelled beside its last
   point, not at the far edge where nothing of it is -- unless the label
   would cross another line there: then it joins the right column
   (returns 0). */
static int early_label(canvas *k, const plot_line *l, const scale *xs,
                       const scale *ys, double size, double maxw)
{
    double x = canvas_at(xs, l->year[l->n - 1]) + k->fs * geom.early_gap;
    double y = canvas_at(ys, l->value[l->n - 1]);
    double w = fmin(canvas_text_width(k, l->label, size, l->highlight), maxw);
    double h = canvas_text_height(k, l->label, size);

    if (box_crosses(k, l, xs, ys, x, y - h / 2, w, h))
        return 0;
    cairo_set_source_rgb(k->cr, C_OTHER_TEXT);
    if (l->highlight)
        cairo_set_source_rgb(k->cr, C_FOCUS);
    canvas_show(k, canvas_text(k, l->label, size, l->highlight, maxw, 1), x,
                y, 0, 1);
    return 1;
}

/* Whether the right-edge labels need more height than the plot has. */
static int labels_grouped(canvas *k, double last_year, double size,
                          double top, double bottom)
{
    const plot_chart *c = k->c;
    double need = 0;
    size_t i;

    if (c->n_context > 0)           /* many regions: labels dropped instead */
        return 0;
    for (i = 0; i < c->n_lines; i++) {
        const plot_line *l = &c->lines[i];
        if (l->n > 0 && l->year[l->n - 1] >= last_year)
            need += canvas_text_height(k, l->label, size) * geom.label_leading;
    }
    return need > bottom - top + k->fs * geom.label_rise;
}

/* A leader from a line's end to its label at (x, p->y), in the label's
   colour, when it has one. */
static void leader(canvas *k, const plot_line *l, const scale *xs,
                   const label_pos *p, double x)
{
    if (l->year[l->n - 1] < k->c->last) {
        /* an early line labelled here: a dotted leader from its last
           point, which cannot be taken for data */
        cairo_save(k->cr);
        cairo_set_line_width(k->cr, geom.dotted_width);
        cairo_set_dash(k->cr, geom.dotted_dash, 2, 0);
        cairo_move_to(k->cr, canvas_at(xs, l->year[l->n - 1]) +
                                 k->fs * geom.leader_start, p->want);
        cairo_line_to(k->cr, x - k->fs * geom.leader_end, p->y);
        cairo_stroke(k->cr);
        cairo_restore(k->cr);
    } else if (fabs(p->y - p->want) > k->fs * geom.leader_move) {
        /* a short leader from the plot edge when the label had to
           move; never across the plot, where it would read as data */
        cairo_set_line_width(k->cr, geom.leader_width);
        cairo_move_to(k->cr, x - k->fs * geom.end_gap, p->want);
        cairo_line_to(k->cr, x - k->fs * geom.leader_end, p->y);
        cairo_stroke(k->cr);
    }
}

/* Many regions: while the labels need more height than `room`, the one
   of lowest priority (plot_line.keep: named regions, then the total, the
   benchmark; never the focus, which stays even alone) is dropped, so
   that canvas_place_labels can set the rest apart inside the plot.
   Returns how many are left. */
static size_t drop_labels(canvas *k, label_pos *p, size_t n, double room)
{
    double need = 0;
    size_t i, low;

    for (i = 0; i < n; i++)
        need += p[i].h;
    while (need > room && n > 1) {
        for (low = 0, i = 1; i < n; i++)
            if (k->c->lines[p[i].line].keep < k->c->lines[p[low].line].keep)
                low = i;
        need -= p[low].h;
        p[low] = p[--n];
        g_free(k->why);
        k->why = g_strdup_printf("labels dropped: the plot has room for "
                                 "%zu", n);
    }
    return n;
}

/* Direct labels at the right edge, spread so that none overlaps; a line
   that ends early is labelled beside its last point (among many regions,
   in the column with a leader). The caller has checked that they fit
   (else: a legend), or drops some (many regions). */
static void end_labels(canvas *k, const scale *xs, const scale *ys,
                       double x, double top, double bottom, double size,
                       double maxw)
{
    const plot_chart *c = k->c;
    label_pos *p = g_new0(label_pos, c->n_lines + 1);
    size_t i, n = 0;

    canvas_labels_begin(k);
    for (i = 0; i < c->n_lines; i++) {
        const plot_line *l = &c->lines[i];
        if (l->n == 0 || l->context)
            continue;
        if (c->n_context == 0 && l->year[l->n - 1] < k->c->last &&
            early_label(k, l, xs, ys, size, maxw))
            continue;
        p[n].line = i;
        p[n].want = canvas_at(ys, l->value[l->n - 1]);
        p[n].h = canvas_text_height(k, l->label, size) * geom.label_leading;
        n++;
    }
    if (c->n_context > 0)
        n = drop_labels(k, p, n, bottom - top + k->fs * geom.label_rise);
    canvas_place_labels(p, n, top - k->fs * geom.label_rise, bottom);
    for (i = 0; i < n; i++) {
        const plot_line *l = &c->lines[p[i].line];
        canvas_region_ink(k, l);
        leader(k, l, xs, &p[i], x);
        canvas_show(k, canvas_text(k, l->label, size, l->highlight, maxw, 1),
                    x, p[i].y, 0, 1);
    }
    canvas_labels_end(k);
    g_free(p);
}

/* When the labels cannot fit beside the plot: a legend, every region
   named (none is ever dropped), in rows under the subtitle. Returns the
   y below it. */
static double legend(canvas *k, double top, double size)
{
    const plot_chart *c = k->c;
    double x = k->m, y = top, sw = k->fs * geom.legend_swatch, h = 0;
    size_t i;

    canvas_labels_begin(k);
    for (i = 0; i < c->n_lines; i++) {
        const plot_line *l = &c->lines[i];
        double w = canvas_text_width(k, l->label, size, l->highlight);
        h = canvas_text_height(k, l->label, size);
        if (x + sw + w > k->w - k->m && x > k->m) {
            x = k->m;
            y += h + k->fs * geom.legend_row_gap;
        }
        canvas_line_pen(k, l->highlight);
        cairo_move_to(k->cr, x, y + h / 2);
        cairo_line_to(k->cr, x + sw * geom.legend_stroke, y + h / 2);
        cairo_stroke(k->cr);
        if (l->highlight)
            cairo_set_source_rgb(k->cr, C_FOCUS);
        else
            cairo_set_source_rgb(k->cr, C_OTHER_TEXT);
        canvas_show(k, canvas_text(k, l->label, size, l->highlight, 0, 0),
                    x + sw, y, 0, 0);
        x += sw + w + k->fs * geom.legend_item_gap;
    }
    canvas_labels_end(k);
    return y + h + k->fs * geom.legend_after;
}

static double widest_label(canvas *k, double size)
{
    double w = 0;
    size_t i;

    for (i = 0; i < k->c->n_lines; i++)
        if (!k->c->lines[i].context)
            w = fmax(w, canvas_text_width(k, k->c->lines[i].label, size,
                                          k->c->lines[i].highlight));
    return w;
}

/* Room for the region labels: a column right of the plot, its width
   returned; or, when they need more height than the plot has, a legend
   above it (*top moves below it; 0 returned, *use_legend set). */
static double label_room(canvas *k, double lab, double *top, double bottom,
                         int *use_legend)
{
    const plot_chart *c = k->c;

    /* labels get at most label_share of the width; longer ones are
       ellipsized; too many for the height: a legend above the plot */
    *use_legend = labels_grouped(k, c->last, lab, *top, bottom);
    if (*use_legend) {
        g_free(k->why);
        k->why = g_strdup_printf("%zu line labels need more height than the "
                                 "plot has: a legend instead",
                                 c->n_lines);
        *top = legend(k, *top - k->fs * geom.legend_rise, lab) +
               k->fs * geom.legend_gap;
    }
    return *use_legend ? 0 : fmin(widest_label(k, lab),
                                 k->w * geom.label_share);
}

/* The target, the forecast and the lines on the scales: grey context
   lines first, so that every labelled line is drawn over them (an index
   chart's line at 100 between), and the focus last, over all. */
static void series(canvas *k, const scale *xs, const scale *ys)
{
    const plot_chart *c = k->c;
    size_t i;

    target_line(k, xs, ys);
    for (i = 0; i < c->n_lines; i++)
        if (c->lines[i].n > 0)
            forecast(k, &c->lines[i], xs, ys);
    for (i = 0; i < c->n_lines; i++)
        if (c->lines[i].context)
            canvas_polyline(k, &c->lines[i], xs, ys);
    base_line(k, xs, ys);            /* over the grey, under the named */
    for (i = 0; i < c->n_lines; i++)
        if (!c->lines[i].context && !c->lines[i].highlight)
            canvas_polyline(k, &c->lines[i], xs, ys);
    for (i = 0; i < c->n_lines; i++)
        if (c->lines[i].highlight)
            canvas_polyline(k, &c->lines[i], xs, ys);
}

/* Returns the lowest y drawn. */
double draw_line(canvas *k, double top, double bottom)
{
    const plot_chart *c = k->c;
    double lo, hi, y0, y1, lab = k->fs * geom.label_size, left, right;
    double xlh, labw, wmax;
    int use_legend;
    plot_ticks yt, xt;
    measure_ctx ym, xm;
    scale ys, xs;

    value_range(c, &lo, &hi, &y0, &y1);
    xlh = canvas_text_height(k, "2020", k->fs * geom.tick_size);
    bottom -= xlh + k->fs * geom.tick_drop;
    labw = label_room(k, lab, &top, bottom, &use_legend);
    top += k->fs * geom.plot_top;
    wmax = canvas_value_ticks(k, lo, hi, bottom - top, &yt, &ym);
    ys.lo = yt.lmin;
    ys.hi = yt.lmax;
    ys.p0 = bottom;
    ys.p1 = top;
    left = k->m + wmax + k->fs * geom.tick_gap;
    right = k->w - k->m - labw - (use_legend ? 0 : k->fs * geom.end_room);
    /* one year still needs a width: centre it */
    if (y1 - y0 < 1) {
        y0 -= 1;
        y1 += 1;
    }
    canvas_ticks(k, y0, y1, right - left, 1, 0, 0, &xt, &xm);
    xs.lo = y0;
    xs.hi = y1;
    /* the first year's label, centred under the plot's left end, must
       clear the lowest value label, whose box reaches below the axis */
    xs.p0 = left + fmax(k->fs * geom.plot_inset,
                        canvas_text_width(k, "0000", k->fs * geom.tick_size,
                                          0) / 2 - k->fs * geom.tick_gap +
                            k->fs * geom.year_clear);
    xs.p1 = right;
    canvas_y_axis(k, &yt, &ym, &ys, left, right);
    cairo_set_source_rgb(k->cr, C_AXIS);
    cairo_set_line_width(k->cr, geom.axis_width);
    cairo_move_to(k->cr, left, bottom);
    cairo_line_to(k->cr, right, bottom);
    cairo_stroke(k->cr);
    canvas_x_axis(k, &xt, &xm, &xs, bottom, 0, top);
    series(k, &xs, &ys);
    if (!use_legend)
        end_labels(k, &xs, &ys, right + k->fs * geom.end_gap, top, bottom,
                   lab, labw + k->fs * geom.end_slack);
    return bottom + k->fs * geom.tick_drop + xlh;
}
