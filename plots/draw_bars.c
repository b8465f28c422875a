/*
 * plots/draw_bars.c -- the bar types: bars of one year (best first),
 * grouped bars of a few years per region, and stacked shares of the
 * total region. Horizontal bars from zero along a value axis at the
 * bottom; a key of swatches above grouped and stacked bars.
 *
 * Draws into the band that render.c leaves between the title block and
 * the source line, with the helpers of canvas.h. Not for: which bars or
 * years a chart shows (build.c).
 */
#include "draw.h"
#include "nodata.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

/* ---- shared by the bar types -------------------------------------------- */

/* Year i of n in one hue: the latest darkest, older ones lighter. */
static void year_shade(canvas *k, int highlight, size_t i, size_t n)
{
    double t = n > 1 ? 0.62 * (double)(n - 1 - i) / (double)(n - 1) : 0;
    double r = highlight ? 0.0 : 0.45, g = highlight ? 0.447 : 0.45;
    double b = highlight ? 0.698 : 0.45;

    cairo_set_source_rgb(k->cr, r + (1 - r) * t, g + (1 - g) * t,
                         b + (1 - b) * t);
}

/* A row of swatches and labels at y; returns the y below it. */
static double key_row(canvas *k, double y, const char *const *labels,
                      size_t n, void (*colour)(canvas *, size_t, size_t))
{
    double x = k->m, size = k->fs * geom.key_size;
    double sw = k->fs * geom.key_swatch, h = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        double w = canvas_text_width(k, labels[i], size, 0);
        if (x + sw + w > k->w - k->m && x > k->m) {     /* wrap */
            x = k->m;
            y += h + k->fs * geom.key_row_gap;
        }
        h = canvas_text_height(k, labels[i], size);
        colour(k, i, n);
        cairo_rectangle(k->cr, x, y + h / 2 - sw / 2, sw, sw);
        cairo_fill(k->cr);
        cairo_set_source_rgb(k->cr, C_SUBTLE);
        canvas_show(k, canvas_text(k, labels[i], size, 0, 0, 0),
                    x + sw + k->fs * geom.key_label_gap, y, 0, 0);
        x += sw + w + k->fs * geom.key_item_gap;
    }
    return y + h + k->fs * geom.key_after;
}

static void grey_year(canvas *k, size_t i, size_t n)
{
    year_shade(k, 0, i, n);
}

/* Value axis from zero along the bottom; returns the scale. */
static void value_axis(canvas *k, double lo, double hi, double left,
                       double right, double top, double bottom,
                       scale *xs)
{
    plot_ticks t;
    measure_ctx mc;

    canvas_axis_ticks(k, lo, hi, right - left, 0, 1, &t, &mc);
    xs->lo = t.lmin;
    xs->hi = t.lmax;
    xs->p0 = left;
    xs->p1 = right;
    canvas_x_axis(k, &t, &mc, xs, bottom, 1, top);
}

/* ---- bars of one year --------------------------------------------------- */

/* The widest label (at size lab) and value (at vsz, "no data" among
   them) of the bars, and their range with zero. */
static void bar_extents(canvas *k, double lab, double vsz, double *labw,
                        double *valw, double *lo, double *hi)
{
    const plot_chart *c = k->c;
    char buf[FMT_MAX];
    size_t i;

    for (i = 0; i < c->n_bars; i++) {
        const plot_bar *b = &c->bars[i];
        *labw = fmax(*labw, canvas_text_width(k, b->label, lab,
                                              b->highlight));
        if (isnan(b->value))
            g_strlcpy(buf, plot_nodata_word(c->lang), sizeof buf);
        else
            fmt_shown(buf, sizeof buf, b->value, c->ind, c->lang);
        *valw = fmax(*valw, canvas_text_width(k, buf, vsz, b->highlight));
        if (isnan(b->value))
            continue;
        *lo = fmin(*lo, b->value);
        *hi = fmax(*hi, b->value);
    }
}

/* "no data" where a bar would start: right of zero, where the room
   kept for the widest value (bar_extents counts the words) lets it fit
   even when zero is the axis' right end. */
static void no_data(canvas *k, const scale *xs, double yc, double size,
                    int highlight)
{
    if (highlight)
        cairo_set_source_rgb(k->cr, C_FOCUS);
    else
        cairo_set_source_rgb(k->cr, C_SUBTLE);
    canvas_show(k, canvas_text(k, plot_nodata_word(k->c->lang), size,
                               highlight, 0, 0),
                canvas_at(xs, 0) + k->fs * geom.bar_value_gap, yc, 0, 1);
}

/* Bar b, bh thick, centred on yc: its value at its end ("no data" and
   no bar without one), its label right aligned at `left`, the axis. */
static void one_bar(canvas *k, const plot_bar *b, const scale *xs,
                    double yc, double bh, double lab, double vsz,
                    double left)
{
    const plot_chart *c = k->c;
    double x0 = canvas_at(xs, 0), x1 = canvas_at(xs, b->value);
    char buf[FMT_MAX];

    if (isnan(b->value)) {
        no_data(k, xs, yc, vsz, b->highlight);
    } else {
        if (b->highlight)
            cairo_set_source_rgb(k->cr, C_FOCUS);
        else
            cairo_set_source_rgb(k->cr, C_OTHER);
        cairo_rectangle(k->cr, fmin(x0, x1), yc - bh / 2, fabs(x1 - x0), bh);
        cairo_fill(k->cr);
        cairo_set_source_rgb(k->cr, b->highlight ? 0.0 : 0.2,
                             b->highlight ? 0.35 : 0.2,
                             b->highlight ? 0.55 : 0.2);
        fmt_shown(buf, sizeof buf, b->value, c->ind, c->lang);
        canvas_show(k, canvas_text(k, buf, vsz, b->highlight, 0, 0),
                    b->value < 0 ? x1 - k->fs * geom.bar_value_gap
                                 : x1 + k->fs * geom.bar_value_gap, yc,
                    b->value < 0 ? 1 : 0, 1);
    }
    cairo_set_source_rgb(k->cr, b->highlight ? 0.0 : 0.1,
                         b->highlight ? 0.447 : 0.1,
                         b->highlight ? 0.698 : 0.1);
    canvas_show(k, canvas_text(k, b->label, lab, b->highlight,
                               k->w * geom.bar_label_share, 1),
                left - k->fs * geom.bar_label_gap, yc, 1, 1);
}

/* Horizontal bars, best first, from zero; the value at each bar's end.
   Returns the lowest y drawn. */
double draw_bar(canvas *k, double top, double bottom)
{
    const plot_chart *c = k->c;
    double lab = k->fs * geom.label_size, vsz = k->fs * geom.bar_value_size;
    double labw = 0, valw = 0;
    double lo = 0, hi = 0, left, right, row, bh, xlh;
    scale xs;
    size_t i;

    bar_extents(k, lab, vsz, &labw, &valw, &lo, &hi);
    left = k->m + fmin(labw, k->w * geom.bar_label_share) +
           k->fs * geom.bar_label_gap;
    right = k->w - k->m - valw - k->fs * geom.bar_value_room;
    xlh = canvas_text_height(k, "0", vsz);
    bottom -= xlh + k->fs * geom.tick_drop;
    /* rows at most bar_row_max: a few bars make a short chart, not a
       sparse one; the axis follows the last row */
    row = fmin((bottom - top) / (double)c->n_bars, k->fs * geom.bar_row_max);
    bottom = top + row * (double)c->n_bars;
    /* Many bars on a short page: rows thinner than the labels would
       collide; the labels shrink to fit the row instead. */
    lab = fmin(lab, row * geom.bar_label_fill);
    vsz = fmin(vsz, row * geom.bar_value_fill);
    /* the longest bar ends on a grid line */
    value_axis(k, lo, hi, left, right, top, bottom, &xs);
    bh = row * geom.bar_fill;
    canvas_labels_begin(k);
    for (i = 0; i < c->n_bars; i++)
        one_bar(k, &c->bars[i], &xs, top + row * ((double)i + 0.5), bh, lab,
                vsz, left);
    canvas_labels_end(k);
    return bottom + k->fs * geom.tick_drop + xlh;
}

/* ---- grouped bars ------------------------------------------------------- */

typedef struct {
    const plot_line *l;
    double v[PLOT_MAX_YEARS];    /* NaN where the year has no value */
    double order;
} group_row;

static int cmp_group(const void *a, const void *b)
{
    const group_row *x = a, *y = b;

    if (x->order != y->order)
        return isnan(x->order) ? 1 : isnan(y->order) ? -1
               : x->order > y->order ? -1 : 1;
    return strcmp(x->l->label, y->l->label);
}

/* The key: a swatch per year shown. Returns the y below it. */
static double year_key(canvas *k, double top)
{
    const plot_chart *c = k->c;
    const char *labels[PLOT_MAX_YEARS];
    char ybuf[PLOT_MAX_YEARS][16];
    size_t j;

    for (j = 0; j < c->n_years; j++) {
        g_snprintf(ybuf[j], sizeof ybuf[j], "%d", c->years[j]);
        labels[j] = ybuf[j];
    }
    return key_row(k, top - k->fs * geom.key_rise, labels, c->n_years,
                   grey_year);
}

/* Every region of the chart, sorted (those without a value in the
   latest year last: their groups say "no data"); their range with zero
   and their widest label (at lab) and value (at vsz, the words among
   them). Returns how many. */
static size_t group_rows(canvas *k, group_row *rows, double lab, double vsz,
                         double *lo, double *hi, double *labw, double *valw)
{
    const plot_chart *c = k->c;
    size_t ny = c->n_years, i, j, n = 0;
    char num[FMT_MAX];

    for (i = 0; i < c->n_lines; i++) {
        rows[n].l = &c->lines[i];
        for (j = 0; j < ny; j++) {
            rows[n].v[j] = NAN;
            if (canvas_value_at(&c->lines[i], c->years[j], &rows[n].v[j])) {
                *lo = fmin(*lo, rows[n].v[j]);
                *hi = fmax(*hi, rows[n].v[j]);
                fmt_shown(num, sizeof num, rows[n].v[j], c->ind, c->lang);
            } else {
                g_strlcpy(num, plot_nodata_word(c->lang), sizeof num);
            }
            *valw = fmax(*valw, canvas_text_width(k, num, vsz,
                                                  c->lines[i].highlight));
        }
        rows[n].order = rows[n].v[ny - 1];
        *labw = fmax(*labw, canvas_text_width(k, c->lines[i].label, lab,
                                              c->lines[i].highlight));
        n++;
    }
    qsort(rows, n, sizeof *rows, cmp_group);
    return n;
}

/* One region's group from g0 down: a bar bh thick per year with its
   value, the region's label right aligned at `left`. */
static void one_group(canvas *k, const group_row *row, const scale *xs,
                      double g0, double bh, double lab, double vsz,
                      double left)
{
    const plot_chart *c = k->c;
    size_t ny = c->n_years, j;
    char num[FMT_MAX];

    for (j = 0; j < ny; j++) {
        double x0 = canvas_at(xs, 0), x1, y = g0 + bh * (double)j;
        if (isnan(row->v[j])) {
            no_data(k, xs, y + bh / 2, vsz, row->l->highlight);
            continue;
        }
        x1 = canvas_at(xs, row->v[j]);
        year_shade(k, row->l->highlight, j, ny);
        cairo_rectangle(k->cr, fmin(x0, x1), y + bh * geom.group_bar_pad,
                        fabs(x1 - x0), bh * geom.group_bar_fill);
        cairo_fill(k->cr);
        fmt_shown(num, sizeof num, row->v[j], c->ind, c->lang);
        cairo_set_source_rgb(k->cr, C_SUBTLE);
        canvas_show(k, canvas_text(k, num, vsz, 0, 0, 0),
                    row->v[j] < 0 ? x1 - k->fs * geom.group_value_gap
                                   : x1 + k->fs * geom.group_value_gap,
                    y + bh / 2, row->v[j] < 0 ? 1 : 0, 1);
    }
    if (row->l->highlight)
        cairo_set_source_rgb(k->cr, C_FOCUS);
    else
        cairo_set_source_rgb(k->cr, C_TEXT);
    canvas_show(k, canvas_text(k, row->l->label, lab, row->l->highlight,
                               k->w * geom.label_share, 1),
                left - k->fs * geom.bar_label_gap, g0 + bh * (double)ny / 2, 1,
                1);
}

/* Regions x a few years: one group of bars per region, a shade per
   year (the latest darkest), sorted by the latest year. */
double draw_grouped(canvas *k, double top, double bottom)
{
    const plot_chart *c = k->c;
    size_t ny = c->n_years, i, n;
    group_row *rows = g_new0(group_row, c->n_lines + 1);
    double lo = 0, hi = 0, labw = 0, valw = 0, left, right, gh, bh, xlh;
    double lab = k->fs * geom.label_size, vsz = k->fs * geom.group_size;
    scale xs;

    top = year_key(k, top);
    n = group_rows(k, rows, lab, vsz, &lo, &hi, &labw, &valw);
    left = k->m + fmin(labw, k->w * geom.label_share) +
           k->fs * geom.bar_label_gap;
    right = k->w - k->m - valw - k->fs * geom.bar_value_room;
    xlh = canvas_text_height(k, "0", k->fs * geom.tick_size);
    bottom -= xlh + k->fs * geom.tick_drop;
    gh = n ? fmin((bottom - top) / (double)n,
                  k->fs * (geom.group_base + geom.group_per_year * ny))
           : 0;
    bottom = top + gh * (double)n;
    bh = gh * geom.group_fill / (double)ny;
    value_axis(k, lo, hi, left, right, top, bottom, &xs);
    canvas_labels_begin(k);
    for (i = 0; i < n; i++)
        one_group(k, &rows[i], &xs, top + gh * (double)i + gh * geom.group_pad,
                  bh, lab, vsz, left);
    canvas_labels_end(k);
    g_free(rows);
    return bottom + k->fs * geom.tick_drop + xlh;
}

/* ---- stacked shares ----------------------------------------------------- */

/* Segment colours: the focus blue, the others alternating greys so that
   neighbours part, the rest of the total lightest. */
static void segment_colour(canvas *k, size_t i, size_t n)
{
    const plot_chart *c = k->c;

    if (i + 1 == n) {                       /* the rest of the total */
        cairo_set_source_rgb(k->cr, 0.91, 0.91, 0.91);
    } else if (c->lines[i].highlight) {
        cairo_set_source_rgb(k->cr, C_FOCUS);
    } else {
        double g = i % 2 ? 0.72 : 0.55;
        cairo_set_source_rgb(k->cr, g, g, g);
    }
}

/* The key: a swatch per region (with the years it has no value in:
   its part is then in the rest) and one for the rest of the total.
   Returns the y below it. */
static double share_key(canvas *k, double top)
{
    const plot_chart *c = k->c;
    size_t n = c->n_lines, i;
    char **labels = g_new0(char *, n + 2);

    for (i = 0; i < n; i++)
        labels[i] = plot_nodata_key(c, &c->lines[i]);
    labels[n] = g_strdup_printf(c->lang == FMT_ZH
                                    ? "%s\xe5\x85\xb6\xe4\xbd\x99"
                                    : "Rest of %s",
                                c->total->label);       /* 其余 */
    canvas_labels_begin(k);
    top = key_row(k, top - k->fs * geom.key_rise,
                  (const char *const *)labels, n + 1, segment_colour);
    canvas_labels_end(k);
    g_strfreev(labels);
    return top;
}

/* Segment i of n, w wide at x: its colour, and its share inside when it
   fits. */
static void segment(canvas *k, size_t i, size_t n, double share, double x,
                    double y, double w, double bh)
{
    const plot_chart *c = k->c;
    char num[FMT_MAX];

    segment_colour(k, i, n + 1);
    cairo_rectangle(k->cr, x, y, w, bh);
    cairo_fill(k->cr);
    fmt_percent(num, sizeof num, share, 1, 0, c->lang);
    /* the share inside its segment when it fits */
    if (canvas_text_width(k, num, k->fs * geom.share_size, 0) +
            k->fs * geom.share_room < w) {
        if (i < n && (c->lines[i].highlight || i % 2 == 0))
            cairo_set_source_rgb(k->cr, 1, 1, 1);
        else
            cairo_set_source_rgb(k->cr, C_TEXT);
        canvas_show(k, canvas_text(k, num, k->fs * geom.share_size, 0, 0, 0),
                    x + w / 2, y + bh / 2, 2, 1);
    }
}

/* The bar of year j, bh thick from y: the regions' shares of the total,
   then the rest. 0 when the total has no value above zero that year. */
static int stack(canvas *k, size_t j, const scale *xs, double left,
                 double y, double bh)
{
    const plot_chart *c = k->c;
    size_t n = c->n_lines, i;
    double total, x = left, sum = 0, v;

    if (!canvas_value_at(c->total, c->years[j], &total) || total <= 0)
        return 0;
    for (i = 0; i <= n; i++) {
        double share, w;
        if (i < n) {
            if (!canvas_value_at(&c->lines[i], c->years[j], &v))
                continue;
            share = v / total * 100.0;
            sum += share;
        } else {
            share = fmax(0, 100.0 - sum);
        }
        w = canvas_at(xs, share) - canvas_at(xs, 0);
        segment(k, i, n, share, x, y, w, bh);
        x += w;
    }
    return 1;
}

/* One bar per year, 100% wide: each region's share of the total region,
   and the rest. */
double draw_stacked(canvas *k, double top, double bottom)
{
    const plot_chart *c = k->c;
    size_t ny = c->n_years, j;
    char yb[16];
    double rowh, bh, left, right, ylw = 0, size = k->fs * geom.tick_size;
    double xlh;
    scale xs;

    top = share_key(k, top);
    for (j = 0; j < ny; j++) {
        g_snprintf(yb, sizeof yb, "%d", c->years[j]);
        ylw = fmax(ylw, canvas_text_width(k, yb, size, 0));
    }
    left = k->m + ylw + k->fs * geom.bar_label_gap;
    right = k->w - k->m - k->fs * geom.stack_right;
    xlh = canvas_text_height(k, "0", k->fs * geom.tick_size);
    bottom -= xlh + k->fs * geom.tick_drop;
    rowh = ny ? fmin((bottom - top) / (double)ny, k->fs * geom.stack_row_max)
              : 0;
    bottom = top + rowh * (double)ny;
    bh = rowh * geom.stack_fill;
    value_axis(k, 0, 100, left, right, top, bottom, &xs);
    for (j = 0; j < ny; j++) {
        double y = top + rowh * (double)j + rowh * geom.stack_pad;
        if (!stack(k, j, &xs, left, y, bh))
            continue;
        g_snprintf(yb, sizeof yb, "%d", c->years[j]);
        cairo_set_source_rgb(k->cr, C_TEXT);
        canvas_show(k, canvas_text(k, yb, size, 0, 0, 0),
                    left - k->fs * geom.bar_label_gap, y + bh / 2, 1, 1);
    }
    return bottom + k->fs * geom.tick_drop + xlh;
}
