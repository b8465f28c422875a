/*
 * plots/render.c -- draw a plot_chart with Cairo and Pango.
 *
 * Every position comes from measured text extents (title height, widest
 * tick label, widest region label), so the same chart works at 60 x 40
 * mm and at 200 x 120 mm. Units are points; PNG is scaled by dpi/72.
 * Text is unhinted on vector surfaces; PNG hints its metrics (Cairo 1.16
 * rounds raster glyph positions to pixels).
 */
#include "chart.h"

#include "canvas.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <png.h>
#include <string.h>
#include <time.h>

#include <glib.h>

#define MM_TO_PT (72.0 / 25.4)

/* ---- frame: title, subtitle, source ---------------------------------- */

/* The note (flags, fills, forecast) and the source line under a chart:
   at most two lines each. */
static double footer_height(canvas *k)
{
    const char *parts[3] = {k->names_note, k->c->note, k->c->source};
    double h = 0, tw, th;
    int i;

    for (i = 0; i < 3; i++) {
        PangoLayout *l;
        if (parts[i] == NULL)
            continue;
        l = canvas_text(k, parts[i], k->fs * 0.78, 0, k->w - 2 * k->m, 2);
        canvas_extent(l, &tw, &th);
        g_object_unref(l);
        h += th + (h > 0 ? k->fs * 0.2 : 0);
    }
    return h;
}

/* Draws the title block and reserves room for the source line; returns
   the free band [*top, *bottom] between them. */
static void frame(canvas *k, double *top, double *bottom)
{
    const plot_chart *c = k->c;
    double y = k->m, tw, th, bw = k->w - 2 * k->m;
    PangoLayout *l;

    /* an embedded chart may leave its title to the page's heading */
    if (c->title[0] != '\0') {
        cairo_set_source_rgb(k->cr, C_TEXT);
        l = canvas_text(k, c->title, k->fs * 1.3, 1, bw, 2);
        canvas_extent(l, &tw, &th);
        canvas_show(k, l, k->m, y, 0, 0);
        y += th + k->fs * 0.2;
    }
    cairo_set_source_rgb(k->cr, C_SUBTLE);
    l = canvas_text(k, c->subtitle, k->fs, 0, bw, 1);
    canvas_extent(l, &tw, &th);
    canvas_show(k, l, k->m, y, 0, 0);
    *top = y + th + k->fs * 0.9;
    *bottom = k->h - k->m;
    if (c->source != NULL || c->note != NULL || k->names_note != NULL) {
        *bottom -= footer_height(k) + k->fs * 0.7;
    }
}

/* The note and the source line under the body, which ended at `used`. */
static void source_line(canvas *k, double used)
{
    const char *parts[3] = {k->names_note, k->c->note, k->c->source};
    double y = fmin(used + k->fs * 0.7, k->h - k->m - footer_height(k));
    double tw, th;
    int i;

    cairo_set_source_rgb(k->cr, C_SUBTLE);
    for (i = 0; i < 3; i++) {
        PangoLayout *l;
        if (parts[i] == NULL)
            continue;
        l = canvas_text(k, parts[i], k->fs * 0.78, 0, k->w - 2 * k->m, 2);
        canvas_extent(l, &tw, &th);
        canvas_show(k, l, k->m, y, 0, 0);
        y += th + k->fs * 0.2;
    }
}

/* ---- line chart -------------------------------------------------------- */

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
}

/* The focus line's forecast: a light band for the 95% prediction
   interval and a dashed segment to the forecast, from its last point. */
static void forecast(canvas *k, const plot_line *l, const scale *xs,
                     const scale *ys)
{
    double x0 = canvas_at(xs, l->year[l->n - 1]), y0 = canvas_at(ys, l->value[l->n - 1]);
    double x1 = canvas_at(xs, l->forecast_year), dash[] = {k->fs * 0.35,
                                                    k->fs * 0.25};

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
    cairo_set_line_width(k->cr, k->fs * 0.14);
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
    double y, dash[] = {k->fs * 0.5, k->fs * 0.3};
    char v[FMT_MAX], label[FMT_MAX * 2];

    if (!isfinite(ind->target))
        return;
    y = canvas_at(ys, ind->target);
    cairo_save(k->cr);
    cairo_set_source_rgb(k->cr, C_AXIS);
    cairo_set_line_width(k->cr, k->fs * 0.09);
    cairo_set_dash(k->cr, dash, 2, 0);
    cairo_move_to(k->cr, xs->p0, y);
    cairo_line_to(k->cr, xs->p1, y);
    cairo_stroke(k->cr);
    cairo_restore(k->cr);
    fmt_plain(v, sizeof v, ind->target, ind, k->c->lang);
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
    canvas_show(k, canvas_text(k, label, k->fs * 0.78, 0, 0, 0), xs->p0 + k->fs * 0.2,
         y - k->fs * 0.15 - canvas_text_height(k, label, k->fs * 0.78), 0, 0);
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
    double x = canvas_at(xs, l->year[l->n - 1]) + k->fs * 0.45;
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

    for (i = 0; i < c->n_lines; i++) {
        const plot_line *l = &c->lines[i];
        if (l->n > 0 && l->year[l->n - 1] >= last_year)
            need += canvas_text_height(k, l->label, size) * 1.05;
    }
    return need > bottom - top + k->fs * 0.7;
}

/* Direct labels at the right edge, spread so that none overlaps; a line
   that ends early is labelled beside its last point. The caller has
   checked that they fit (else: a legend). */
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
        if (l->n == 0)
            continue;
        if (l->year[l->n - 1] < k->c->last &&
            early_label(k, l, xs, ys, size, maxw))
            continue;
        p[n].line = i;
        p[n].want = canvas_at(ys, l->value[l->n - 1]);
        p[n].h = canvas_text_height(k, l->label, size) * 1.05;
        n++;
    }
    canvas_place_labels(p, n, top - k->fs * 0.7, bottom);
    for (i = 0; i < n; i++) {
        const plot_line *l = &c->lines[p[i].line];
        if (l->highlight)
            cairo_set_source_rgb(k->cr, C_FOCUS);
        else
            cairo_set_source_rgb(k->cr, C_OTHER_TEXT);
        if (l->year[l->n - 1] < k->c->last) {
            /* an early line labelled here: a dotted leader from its last
               point, which cannot be taken for data */
            double dots[] = {0.6, 1.6};
            cairo_save(k->cr);
            cairo_set_line_width(k->cr, 0.6);
            cairo_set_dash(k->cr, dots, 2, 0);
            cairo_move_to(k->cr, canvas_at(xs, l->year[l->n - 1]) +
                                     k->fs * 0.4, p[i].want);
            cairo_line_to(k->cr, x - k->fs * 0.1, p[i].y);
            cairo_stroke(k->cr);
            cairo_restore(k->cr);
        } else if (fabs(p[i].y - p[i].want) > k->fs * 0.3) {
            /* a short leader from the plot edge when the label had to
               move; never across the plot, where it would read as data */
            cairo_set_line_width(k->cr, 0.4);
            cairo_move_to(k->cr, x - k->fs * 0.5, p[i].want);
            cairo_line_to(k->cr, x - k->fs * 0.1, p[i].y);
            cairo_stroke(k->cr);
        }
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
    double x = k->m, y = top, sw = k->fs * 1.1, h = 0;
    size_t i;

    canvas_labels_begin(k);
    for (i = 0; i < c->n_lines; i++) {
        const plot_line *l = &c->lines[i];
        double w = canvas_text_width(k, l->label, size, l->highlight);
        h = canvas_text_height(k, l->label, size);
        if (x + sw + w > k->w - k->m && x > k->m) {
            x = k->m;
            y += h + k->fs * 0.2;
        }
        if (l->highlight)
            cairo_set_source_rgb(k->cr, C_FOCUS);
        else
            cairo_set_source_rgb(k->cr, C_OTHER);
        cairo_set_line_width(k->cr, l->highlight ? k->fs * 0.2 : k->fs * 0.12);
        cairo_move_to(k->cr, x, y + h / 2);
        cairo_line_to(k->cr, x + sw * 0.8, y + h / 2);
        cairo_stroke(k->cr);
        if (l->highlight)
            cairo_set_source_rgb(k->cr, C_FOCUS);
        else
            cairo_set_source_rgb(k->cr, C_OTHER_TEXT);
        canvas_show(k, canvas_text(k, l->label, size, l->highlight, 0, 0),
                    x + sw, y, 0, 0);
        x += sw + w + k->fs * 0.9;
    }
    canvas_labels_end(k);
    return y + h + k->fs * 0.6;
}

static double widest_label(canvas *k, double size)
{
    double w = 0;
    size_t i;

    for (i = 0; i < k->c->n_lines; i++)
        w = fmax(w, canvas_text_width(k, k->c->lines[i].label, size,
                               k->c->lines[i].highlight));
    return w;
}

/* Returns the lowest y drawn. */
static double line_chart(canvas *k, double top, double bottom)
{
    const plot_chart *c = k->c;
    double lo, hi, y0, y1, lab = k->fs * 0.9, left, right, xlh, labw;
    int use_legend;
    plot_ticks yt, xt;
    measure_ctx ym, xm;
    scale ys, xs;
    size_t i;

    value_range(c, &lo, &hi, &y0, &y1);
    xlh = canvas_text_height(k, "2020", k->fs * 0.85);
    bottom -= xlh + k->fs * 0.35;
    /* labels get at most 30% of the width; longer ones are ellipsized;
       too many for the height: a legend above the plot instead */
    use_legend = labels_grouped(k, c->last, lab, top, bottom);
    if (use_legend) {
        g_free(k->why);
        k->why = g_strdup_printf("%zu line labels need more height than the "
                                 "plot has: a legend instead",
                                 c->n_lines);
        top = legend(k, top - k->fs * 0.6, lab) + k->fs * 0.3;
    }
    labw = use_legend ? 0 : fmin(widest_label(k, lab), k->w * 0.3);
    top += k->fs * 0.3;
    canvas_ticks(k, lo, hi, bottom - top, 0, 1, 0, &yt, &ym);
    canvas_extend_ticks(&yt, lo, hi);
    ys.lo = yt.lmin;
    ys.hi = yt.lmax;
    ym.ref = fmax(fabs(yt.lmin), fabs(yt.lmax));
    ys.p0 = bottom;
    ys.p1 = top;
    {
        double wmax = 0;
        char buf[FMT_MAX];
        int t;
        for (t = 0; t < yt.n; t++) {
            canvas_tick_label(&ym, yt.lmin + t * yt.step, yt.step, buf,
                       sizeof buf);
            wmax = fmax(wmax, canvas_text_width(k, buf, ym.size, 0));
        }
        left = k->m + wmax + k->fs * 0.4;
    }
    right = k->w - k->m - labw - (use_legend ? 0 : k->fs * 0.6);
    /* one year still needs a width: centre it */
    if (y1 - y0 < 1) {
        y0 -= 1;
        y1 += 1;
    }
    canvas_ticks(k, y0, y1, right - left, 1, 0, 0, &xt, &xm);
    xs.lo = y0;
    xs.hi = y1;
    xs.p0 = left + k->fs * 0.3;
    xs.p1 = right;
    canvas_y_axis(k, &yt, &ym, &ys, left, right);
    cairo_set_source_rgb(k->cr, C_AXIS);
    cairo_set_line_width(k->cr, 0.6);
    cairo_move_to(k->cr, left, bottom);
    cairo_line_to(k->cr, right, bottom);
    cairo_stroke(k->cr);
    canvas_x_axis(k, &xt, &xm, &xs, bottom, 0, top);
    target_line(k, &xs, &ys);
    for (i = 0; i < c->n_lines; i++)
        if (c->lines[i].n > 0)
            forecast(k, &c->lines[i], &xs, &ys);
    for (i = 0; i < c->n_lines; i++)
        canvas_polyline(k, &c->lines[i], &xs, &ys);
    if (!use_legend)
        end_labels(k, &xs, &ys, right + k->fs * 0.5, top, bottom, lab,
                   labw + k->fs * 0.1);
    return bottom + k->fs * 0.35 + xlh;
}

/* ---- bar chart ---------------------------------------------------------- */

/* Horizontal bars, best first, from zero; the value at each bar's end.
   Returns the lowest y drawn. */
static double bar_chart(canvas *k, double top, double bottom)
{
    const plot_chart *c = k->c;
    double lab = k->fs * 0.9, vsz = k->fs * 0.85, labw = 0, valw = 0;
    double lo = 0, hi = 0, left, right, row, bh, xlh;
    char buf[FMT_MAX];
    plot_ticks xt;
    measure_ctx xm;
    scale xs;
    size_t i;

    for (i = 0; i < c->n_bars; i++) {
        labw = fmax(labw, canvas_text_width(k, c->bars[i].label, lab,
                                     c->bars[i].highlight));
        fmt_plain(buf, sizeof buf, c->bars[i].value, c->ind, c->lang);
        valw = fmax(valw, canvas_text_width(k, buf, vsz, c->bars[i].highlight));
        lo = fmin(lo, c->bars[i].value);
        hi = fmax(hi, c->bars[i].value);
    }
    left = k->m + fmin(labw, k->w * 0.35) + k->fs * 0.5;
    right = k->w - k->m - valw - k->fs * 0.4;
    xlh = canvas_text_height(k, "0", vsz);
    bottom -= xlh + k->fs * 0.35;
    /* rows at most 2.4 em: a few bars make a short chart, not a sparse
       one; the axis follows the last row */
    row = fmin((bottom - top) / (double)c->n_bars, k->fs * 2.4);
    bottom = top + row * (double)c->n_bars;
    /* Many bars on a short page: rows thinner than the labels would
       collide; the labels shrink to fit the row instead. */
    lab = fmin(lab, row * 0.8);
    vsz = fmin(vsz, row * 0.75);
    canvas_ticks(k, lo, hi, right - left, 0, 0, 1, &xt, &xm);
    canvas_extend_ticks(&xt, lo, hi);         /* the longest bar ends on a grid */
    xs.lo = xt.lmin;
    xs.hi = xt.lmax;
    xs.p0 = left;
    xs.p1 = right;
    canvas_x_axis(k, &xt, &xm, &xs, bottom, 1, top);
    bh = row * 0.62;
    canvas_labels_begin(k);
    for (i = 0; i < c->n_bars; i++) {
        const plot_bar *b = &c->bars[i];
        double yc = top + row * ((double)i + 0.5);
        double x0 = canvas_at(&xs, 0), x1 = canvas_at(&xs, b->value);
        if (b->highlight)
            cairo_set_source_rgb(k->cr, C_FOCUS);
        else
            cairo_set_source_rgb(k->cr, C_OTHER);
        cairo_rectangle(k->cr, fmin(x0, x1), yc - bh / 2, fabs(x1 - x0), bh);
        cairo_fill(k->cr);
        cairo_set_source_rgb(k->cr, b->highlight ? 0.0 : 0.2,
                             b->highlight ? 0.35 : 0.2,
                             b->highlight ? 0.55 : 0.2);
        fmt_plain(buf, sizeof buf, b->value, c->ind, c->lang);
        canvas_show(k, canvas_text(k, buf, vsz, b->highlight, 0, 0),
             b->value < 0 ? x1 - k->fs * 0.3 : x1 + k->fs * 0.3, yc,
             b->value < 0 ? 1 : 0, 1);
        cairo_set_source_rgb(k->cr, b->highlight ? 0.0 : 0.1,
                             b->highlight ? 0.447 : 0.1,
                             b->highlight ? 0.698 : 0.1);
        canvas_show(k, canvas_text(k, b->label, lab, b->highlight, k->w * 0.35, 1),
             left - k->fs * 0.5, yc, 1, 1);
    }
    canvas_labels_end(k);
    return bottom + k->fs * 0.35 + xlh;
}

/* ---- surfaces ------------------------------------------------------------ */

static void png_out(png_structp p, png_bytep data, png_size_t len)
{
    g_byte_array_append(png_get_io_ptr(p), data, (guint)len);
}

static void png_flush_none(png_structp p)
{
    (void)p;
}

/* RGB24 pixels are native-endian 32-bit xRGB; each is stored as four
   bytes R G B x, the x overwritten by the next pixel (one store instead
   of three): row has room for 3 * w + 1 bytes. Apart from write_png, so
   that nothing here lives across its setjmp. */
G_GNUC_NO_INLINE static void rgb_row(unsigned char *row, const uint32_t *px,
                                    int w)
{
    int x;

    for (x = 0; x < w; x++) {
        uint32_t v = px[x];
        unsigned char rgbx[4] = {(unsigned char)(v >> 16),
                                 (unsigned char)(v >> 8), (unsigned char)v,
                                 0};
        memcpy(row + 3 * x, rgbx, 4);
    }
}

/* Cairo's PNG writer asks libpng for adaptive filtering at zlib's default
   level: 25 ms a chart here, most of a PNG's cost. No filter at level 1
   takes a quarter of that for a file within a fifth of the size; charts
   are flat colour, which filters do not help. No time chunk: the bytes
   depend only on the pixels. */
static cairo_status_t write_png(cairo_surface_t *s, GByteArray *buf)
{
    int w = cairo_image_surface_get_width(s);
    int h = cairo_image_surface_get_height(s);
    int stride = cairo_image_surface_get_stride(s), y;
    const unsigned char *data;
    png_structp p;
    png_infop info;
    unsigned char *row;

    cairo_surface_flush(s);
    data = cairo_image_surface_get_data(s);
    p = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    info = p ? png_create_info_struct(p) : NULL;
    row = g_malloc((size_t)w * 3 + 4);  /* each pixel stores 4 bytes */
    if (info == NULL || setjmp(png_jmpbuf(p))) {
        png_destroy_write_struct(&p, &info);
        g_free(row);
        return CAIRO_STATUS_WRITE_ERROR;
    }
    png_set_write_fn(p, buf, png_out, png_flush_none);
    png_set_IHDR(p, info, (png_uint_32)w, (png_uint_32)h, 8,
                 PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(p, 0, PNG_FILTER_NONE);
    png_set_compression_level(p, 1);
    png_write_info(p, info);
    for (y = 0; y < h; y++) {
        rgb_row(row, (const uint32_t *)(const void *)(data + y * stride), w);
        png_write_row(p, row);
    }
    png_write_end(p, info);
    png_destroy_write_struct(&p, &info);
    g_free(row);
    return CAIRO_STATUS_SUCCESS;
}

/* Cairo 1.16 names SVG groups "surface<N>" with N from a process-wide
   counter, so a file's bytes would depend on what the run drew before it.
   Renumber them 1, 2, ... in order of first appearance (as id="..." or a
   "#..." reference). */
static GByteArray *svg_stable_ids(GByteArray *in)
{
    static const char key[] = "surface";
    GByteArray *out = g_byte_array_sized_new(in->len);
    GHashTable *map = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                            NULL);
    const char *p = (const char *)in->data, *end = p + in->len, *hit;
    char num[24];

    while ((hit = g_strstr_len(p, end - p, key)) != NULL) {
        const char *d = hit + sizeof key - 1, *q = d;
        while (q < end && g_ascii_isdigit(*q) && q - d < 20)
            q++;
        g_byte_array_append(out, (const guint8 *)p, (guint)(d - p));
        if (q > d && hit > (const char *)in->data &&
            (hit[-1] == '"' || hit[-1] == '#')) {
            char *old = g_strndup(d, (gsize)(q - d));
            gpointer n = g_hash_table_lookup(map, old);
            if (n == NULL) {
                n = GUINT_TO_POINTER(g_hash_table_size(map) + 1);
                g_hash_table_insert(map, old, n);
            } else {
                g_free(old);
            }
            g_snprintf(num, sizeof num, "%u", GPOINTER_TO_UINT(n));
            g_byte_array_append(out, (const guint8 *)num, (guint)strlen(num));
            p = q;
        } else {
            p = d;
        }
    }
    g_byte_array_append(out, (const guint8 *)p, (guint)(end - p));
    g_hash_table_destroy(map);
    g_byte_array_free(in, TRUE);
    return out;
}

static cairo_status_t write_bytes(void *closure, const unsigned char *data,
                                  unsigned int len)
{
    g_byte_array_append(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

/* The PDF's dates are SOURCE_DATE_EPOCH (or the run's time), never the
   clock at write: Cairo 1.16 would read the clock. */
static void pdf_metadata(cairo_surface_t *s, const plot_chart *c,
                         long long epoch)
{
    char date[32];
    time_t t = (time_t)epoch;
    struct tm tm;

    gmtime_r(&t, &tm);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, c->title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
                                   "statbrief " SB_VERSION);
}

/* Region names wider than their 30% column are ellipsized where they
   stand; the note under the chart gives them in full (never clipped). */
static void shortened_names(canvas *k)
{
    const plot_chart *c = k->c;
    GString *g = g_string_new(NULL);
    size_t i, n = c->type == PLOT_BAR ? c->n_bars : c->n_lines;

    for (i = 0; i < n; i++) {
        const char *name = c->type == PLOT_BAR ? c->bars[i].label
                                               : c->lines[i].label;
        if (canvas_text_width(k, name, k->fs * 0.9, 1) <= k->w * 0.3)
            continue;
        g_string_append_printf(g, "%s%s", g->len ? "; " : "", name);
    }
    if (g->len > 0)
        g_string_prepend(g, c->lang == FMT_ZH
                                ? "\xe5\x90\x8d\xe7\xa7\xb0\xe5\x85\xa8\xe7\xa7\xb0"
                                  "\xef\xbc\x9a" : "Names in full: ");  /* 名称全称： */
    k->names_note = g_string_free(g, g->len == 0);
}

static void draw(canvas *k)
{
    double top, bottom, used = 0;

    cairo_set_source_rgb(k->cr, 1, 1, 1);
    cairo_paint(k->cr);
    if (k->c->type == PLOT_SPARKLINE) {     /* word-sized: no frame */
        types_sparkline(k);
        return;
    }
    if (k->c->type != PLOT_SMALL)
        shortened_names(k);
    frame(k, &top, &bottom);
    switch (k->c->type) {
    case PLOT_BAR: used = bar_chart(k, top, bottom); break;
    case PLOT_GROUPED: used = types_grouped(k, top, bottom); break;
    case PLOT_STACKED: used = types_stacked(k, top, bottom); break;
    case PLOT_SLOPE: used = types_slope(k, top, bottom); break;
    case PLOT_SMALL: used = types_small(k, top, bottom); break;
    case PLOT_LINE:
    case PLOT_SPARKLINE: used = line_chart(k, top, bottom); break;
    }
    source_line(k, used);
}

static cairo_surface_t *surface_for(const plot_chart *c, const plot_style *s,
                                    plot_format f, GByteArray *buf,
                                    double w, double h)
{
    cairo_surface_t *surf;

    if (f == PLOT_PDF) {
        surf = cairo_pdf_surface_create_for_stream(write_bytes, buf, w, h);
        pdf_metadata(surf, c, s->epoch);
    } else if (f == PLOT_SVG) {
        surf = cairo_svg_surface_create_for_stream(write_bytes, buf, w, h);
    } else {
        surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
                                          (int)ceil(w * s->dpi / 72.0),
                                          (int)ceil(h * s->dpi / 72.0));
    }
    return surf;
}

/* Draws c on cr (already placed and scaled) in a w x h point box; fills
   *missing and *why for the caller. raster: hint text for pixels. */
static void draw_on(cairo_t *cr, const plot_chart *c, plot_boxes *boxes,
                    fmt_lang lang, double w, double h, int raster,
                    GString **missing, char **why)
{
    canvas k;

    canvas_open(&k, cr, c, boxes, lang, w, h, raster);
    draw(&k);
    canvas_close(&k, missing, why);
}

static sb_status missing_error(const plot_chart *c, GString *missing,
                               sb_error *err)
{
    sb_status rc = SB_OK;

    if (missing->len > 0)
        rc = sb_error_set(err, SB_EDATA, NULL, 0, 0,
                          "%s: no installed font has %s", c->ind->id,
                          missing->str);
    g_string_free(missing, TRUE);
    return rc;
}

sb_status plot_chart_draw(cairo_t *cr, const plot_chart *c, fmt_lang lang,
                          double w, double h, sb_error *err)
{
    GString *missing;
    char *why;

    cairo_save(cr);
    /* the chart paints its background: within its own box only, not
       over the page it is placed on */
    cairo_rectangle(cr, 0, 0, w, h);
    cairo_clip(cr);
    draw_on(cr, c, NULL, lang, w, h, 0, &missing, &why);
    cairo_restore(cr);
    g_free(why);
    return missing_error(c, missing, err);
}

/* A render between drawing and its bytes: a PNG's pixels are encoded on
   a thread of their own while the caller draws the chart's other
   formats (zlib takes as long as drawing does). */
struct plot_pending {
    plot_format f;
    cairo_surface_t *surf;
    GByteArray *buf;
    GString *missing;
    char *why;
    GThread *thread;             /* NULL: encoded (or to encode) here */
    cairo_status_t st;
};

static gpointer encode_png(gpointer p)
{
    plot_pending *j = p;

    j->st = write_png(j->surf, j->buf);
    return NULL;
}

plot_pending *plot_chart_render_start(const plot_chart *c,
                                      const plot_style *s, plot_format f)
{
    double w = s->width_mm * MM_TO_PT, h = s->height_mm * MM_TO_PT;
    plot_pending *j = g_new0(plot_pending, 1);
    cairo_t *cr;

    j->f = f;
    j->buf = g_byte_array_new();
    j->surf = surface_for(c, s, f, j->buf, w, h);
    cr = cairo_create(j->surf);
    if (f == PLOT_PNG)
        cairo_scale(cr, s->dpi / 72.0, s->dpi / 72.0);
    draw_on(cr, c, s->boxes, s->lang, w, h, f == PLOT_PNG, &j->missing,
            &j->why);
    cairo_destroy(cr);
    if (f == PLOT_PNG && j->missing->len == 0 &&
        cairo_surface_status(j->surf) == CAIRO_STATUS_SUCCESS) {
        cairo_surface_flush(j->surf);   /* the thread only reads pixels */
        j->thread = g_thread_try_new("png", encode_png, j, NULL);
    }
    return j;
}

sb_status plot_chart_render_finish(plot_pending *j, const plot_chart *c,
                                   plot_bytes *out, sb_error *err)
{
    cairo_status_t st = CAIRO_STATUS_SUCCESS;
    sb_status rc;
    GByteArray *buf = j->buf;

    if (j->thread != NULL) {
        g_thread_join(j->thread);
        st = j->st;
    } else if (j->f == PLOT_PNG && j->missing->len == 0) {
        st = write_png(j->surf, buf);   /* before finishing: a finished
                                           image is gone */
    }
    cairo_surface_finish(j->surf);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(j->surf);
    cairo_surface_destroy(j->surf);
    rc = missing_error(c, j->missing, err);
    if (rc == SB_OK && st != CAIRO_STATUS_SUCCESS)
        rc = sb_error_set(err, SB_EINTERNAL, NULL, 0, 0, "cairo: %s",
                          cairo_status_to_string(st));
    if (j->f == PLOT_SVG && rc == SB_OK)
        buf = svg_stable_ids(buf);
    out->len = buf->len;
    out->data = g_byte_array_free(buf, FALSE);
    out->why = j->why;
    g_free(j);
    if (rc != SB_OK)
        plot_bytes_free(out);
    return rc;
}

sb_status plot_chart_render(const plot_chart *c, const plot_style *s,
                            plot_format f, plot_bytes *out, sb_error *err)
{
    return plot_chart_render_finish(plot_chart_render_start(c, s, f), c,
                                    out, err);
}

/* Nothing to release by hand: FcFini and cairo_debug_reset_static_data
   would free fontconfig's and Cairo's font caches, but both assert that
   nothing holds them, and Pango 1.50's fontconfig thread may (a run that
   drew little or no text aborted on it). The caches live as long as the
   process; tests/lsan.supp names them for the leak checker. */
void plot_library_shutdown(void)
{
}
