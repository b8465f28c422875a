/*
 * plots/types.c -- the chart types beyond line and bar: sparklines,
 * slope charts, grouped and stacked bars, small multiples. Each draws
 * into the band between the title block and the source line that
 * render.c leaves it, with the helpers of canvas.h.
 */
#include "canvas.h"

#include <math.h>
#include <string.h>

/* The line a sparkline shows: the focus region's, else the first. */
static const plot_line *spark_line(const plot_chart *c)
{
    size_t i;

    for (i = 0; i < c->n_lines; i++)
        if (c->lines[i].highlight)
            return &c->lines[i];
    return c->n_lines ? &c->lines[0] : NULL;
}

/* ---- sparkline ------------------------------------------------------------ */

/* A word-sized line: no axes, no text; gaps kept; the last point marked.
   The stroke is about one pixel at 150 dpi so that it stays crisp. */
void types_sparkline(canvas *k)
{
    const plot_line *l = spark_line(k->c);
    double lo = INFINITY, hi = -INFINITY, pad = k->h * 0.15, r;
    scale xs, ys;
    size_t j;

    if (l == NULL || l->n == 0)
        return;
    for (j = 0; j < l->n; j++) {
        lo = fmin(lo, l->value[j]);
        hi = fmax(hi, l->value[j]);
    }
    if (hi - lo < 1e-12 * fmax(1, fabs(hi))) {
        lo -= 1;
        hi += 1;
    }
    r = fmax(0.9, k->h * 0.07);
    /* one year only: its dot on the right, where the latest value goes */
    xs.hi = l->year[l->n - 1];
    xs.lo = l->year[0] < xs.hi ? l->year[0] : xs.hi - 1;
    xs.p0 = r + 0.5;
    xs.p1 = k->w - r - 0.5;
    ys.lo = lo;
    ys.hi = hi;
    ys.p0 = k->h - pad;
    ys.p1 = pad;
    cairo_set_source_rgb(k->cr, C_FOCUS);
    cairo_set_line_width(k->cr, fmax(0.5, k->h / 28));
    cairo_set_line_join(k->cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(k->cr, CAIRO_LINE_CAP_ROUND);
    for (j = 0; j < l->n; j++) {
        double x = canvas_at(&xs, l->year[j]), y = canvas_at(&ys, l->value[j]);
        int first = j == 0 || l->year[j] - l->year[j - 1] > 1;
        int last = j + 1 == l->n || l->year[j + 1] - l->year[j] > 1;
        if (first && last) {
            /* a lone point: a dot wider than the line, or it vanishes;
               the line so far is stroked first, fill would take it */
            cairo_stroke(k->cr);
            cairo_arc(k->cr, x, y, r * 0.6, 0, 2 * G_PI);
            cairo_fill(k->cr);
        } else if (first) {
            cairo_move_to(k->cr, x, y);
        } else {
            cairo_line_to(k->cr, x, y);
        }
    }
    cairo_stroke(k->cr);
    cairo_arc(k->cr, canvas_at(&xs, l->year[l->n - 1]),
              canvas_at(&ys, l->value[l->n - 1]), r, 0, 2 * G_PI);
    cairo_fill(k->cr);
}

/* ---- slope chart ---------------------------------------------------------- */

static int value_at_year(const plot_line *l, int year, double *v)
{
    size_t j;

    for (j = 0; j < l->n; j++)
        if ((int)l->year[j] == year) {
            *v = l->value[j];
            return 1;
        }
    return 0;
}

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
        if (!value_at_year(&c->lines[i], year, &v) ||
            !value_at_year(&c->lines[i], c->years[left ? 1 : 0], &other))
            continue;
        p[n].line = i;
        p[n].want = canvas_at(ys, v);
        p[n].h = canvas_text_height(k, c->lines[i].label, size) * 1.05;
        n++;
    }
    canvas_place_labels(p, n, top, bottom);
    canvas_labels_begin(k);
    for (i = 0; i < n; i++) {
        const plot_line *l = &c->lines[p[i].line];
        value_at_year(l, year, &v);
        fmt_plain(num, sizeof num, v, c->ind, c->lang);
        s = left ? g_strdup_printf("%s  %s", l->label, num)
                 : g_strdup_printf("%s  %s", num, l->label);
        if (l->highlight)
            cairo_set_source_rgb(k->cr, C_FOCUS);
        else
            cairo_set_source_rgb(k->cr, C_OTHER_TEXT);
        canvas_show(k, canvas_text(k, s, size, l->highlight, k->w * 0.3, 1),
                    left ? x - k->fs * 0.5 : x + k->fs * 0.5, p[i].y,
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
        if (!value_at_year(&c->lines[i], year, &v))
            continue;
        fmt_plain(num, sizeof num, v, c->ind, c->lang);
        s = g_strdup_printf("%s  %s", c->lines[i].label, num);
        w = fmax(w, canvas_text_width(k, s, size, c->lines[i].highlight));
        g_free(s);
    }
    return fmin(w, k->w * 0.3);
}

/* Two years, one line per region with values at both, labels with the
   values on both sides. */
double types_slope(canvas *k, double top, double bottom)
{
    const plot_chart *c = k->c;
    int a = c->years[0], b = c->years[1];
    double size = k->fs * 0.9, lo = INFINITY, hi = -INFINITY, va, vb;
    double yh = canvas_text_height(k, "2020", size);
    scale ys;
    size_t i;
    double xa = k->m + slope_label_width(k, a, size) + k->fs * 0.6;
    double xb = k->w - k->m - slope_label_width(k, b, size) - k->fs * 0.6;
    char year[16];

    for (i = 0; i < c->n_lines; i++)
        if (value_at_year(&c->lines[i], a, &va) &&
            value_at_year(&c->lines[i], b, &vb)) {
            lo = fmin(lo, fmin(va, vb));
            hi = fmax(hi, fmax(va, vb));
        }
    if (!isfinite(lo))
        return top;
    if (hi - lo < 1e-12 * fmax(1, fabs(hi))) {
        lo -= 1;
        hi += 1;
    }
    cairo_set_source_rgb(k->cr, C_SUBTLE);
    g_snprintf(year, sizeof year, "%d", a);
    canvas_show(k, canvas_text(k, year, size, 1, 0, 0), xa, top, 2, 0);
    g_snprintf(year, sizeof year, "%d", b);
    canvas_show(k, canvas_text(k, year, size, 1, 0, 0), xb, top, 2, 0);
    top += yh + k->fs * 0.6;
    ys.lo = lo;
    ys.hi = hi;
    ys.p0 = bottom - k->fs * 0.3;
    ys.p1 = top;
    cairo_set_source_rgb(k->cr, C_GRID);
    cairo_set_line_width(k->cr, 0.6);
    cairo_move_to(k->cr, xa, top - k->fs * 0.3);
    cairo_line_to(k->cr, xa, bottom);
    cairo_move_to(k->cr, xb, top - k->fs * 0.3);
    cairo_line_to(k->cr, xb, bottom);
    cairo_stroke(k->cr);
    for (i = 0; i < c->n_lines; i++) {
        const plot_line *l = &c->lines[i];
        if (!value_at_year(l, a, &va) || !value_at_year(l, b, &vb))
            continue;
        if (l->highlight)
            cairo_set_source_rgb(k->cr, C_FOCUS);
        else
            cairo_set_source_rgb(k->cr, C_OTHER);
        cairo_set_line_width(k->cr, l->highlight ? k->fs * 0.22 : k->fs * 0.13);
        cairo_move_to(k->cr, xa, canvas_at(&ys, va));
        cairo_line_to(k->cr, xb, canvas_at(&ys, vb));
        cairo_stroke(k->cr);
        cairo_arc(k->cr, xa, canvas_at(&ys, va), k->fs * 0.22, 0, 2 * G_PI);
        cairo_fill(k->cr);
        cairo_arc(k->cr, xb, canvas_at(&ys, vb), k->fs * 0.22, 0, 2 * G_PI);
        cairo_fill(k->cr);
    }
    slope_side(k, &ys, a, xa, 1, top - k->fs * 0.3, bottom, size);
    slope_side(k, &ys, b, xb, 0, top - k->fs * 0.3, bottom, size);
    return bottom;
}

/* ---- shared by the bar types --------------------------------------------- */

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
    double x = k->m, size = k->fs * 0.8, sw = k->fs * 0.7, h = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        double w = canvas_text_width(k, labels[i], size, 0);
        if (x + sw + w > k->w - k->m && x > k->m) {     /* wrap */
            x = k->m;
            y += h + k->fs * 0.3;
        }
        h = canvas_text_height(k, labels[i], size);
        colour(k, i, n);
        cairo_rectangle(k->cr, x, y + h / 2 - sw / 2, sw, sw);
        cairo_fill(k->cr);
        cairo_set_source_rgb(k->cr, C_SUBTLE);
        canvas_show(k, canvas_text(k, labels[i], size, 0, 0, 0),
                    x + sw + k->fs * 0.25, y, 0, 0);
        x += sw + w + k->fs * 1.1;
    }
    return y + h + k->fs * 0.5;
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

    canvas_ticks(k, lo, hi, right - left, 0, 0, 1, &t, &mc);
    canvas_extend_ticks(&t, lo, hi);
    xs->lo = t.lmin;
    xs->hi = t.lmax;
    xs->p0 = left;
    xs->p1 = right;
    canvas_x_axis(k, &t, &mc, xs, bottom, 1, top);
}

/* ---- grouped bars --------------------------------------------------------- */

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

/* Regions x a few years: one group of bars per region, a shade per
   year (the latest darkest), sorted by the latest year. */
double types_grouped(canvas *k, double top, double bottom)
{
    const plot_chart *c = k->c;
    size_t ny = c->n_years, i, j, n = 0;
    group_row *rows = g_new0(group_row, c->n_lines + 1);
    const char *labels[PLOT_MAX_YEARS];
    char ybuf[PLOT_MAX_YEARS][16], num[FMT_MAX];
    double lo = 0, hi = 0, labw = 0, valw = 0, left, right, gh, bh, xlh;
    double lab = k->fs * 0.9, vsz = k->fs * 0.72;
    scale xs;

    for (j = 0; j < ny; j++) {
        g_snprintf(ybuf[j], sizeof ybuf[j], "%d", c->years[j]);
        labels[j] = ybuf[j];
    }
    top = key_row(k, top - k->fs * 0.4, labels, ny, grey_year);
    for (i = 0; i < c->n_lines; i++) {
        int any = 0;
        rows[n].l = &c->lines[i];
        for (j = 0; j < ny; j++) {
            rows[n].v[j] = NAN;
            if (value_at_year(&c->lines[i], c->years[j], &rows[n].v[j])) {
                any = 1;
                lo = fmin(lo, rows[n].v[j]);
                hi = fmax(hi, rows[n].v[j]);
                fmt_plain(num, sizeof num, rows[n].v[j], c->ind, c->lang);
                valw = fmax(valw, canvas_text_width(k, num, vsz, 0));
            }
        }
        rows[n].order = rows[n].v[ny - 1];
        if (any) {
            labw = fmax(labw, canvas_text_width(k, c->lines[i].label, lab,
                                                c->lines[i].highlight));
            n++;
        }
    }
    qsort(rows, n, sizeof *rows, cmp_group);
    left = k->m + fmin(labw, k->w * 0.3) + k->fs * 0.5;
    right = k->w - k->m - valw - k->fs * 0.4;
    xlh = canvas_text_height(k, "0", k->fs * 0.85);
    bottom -= xlh + k->fs * 0.35;
    gh = n ? fmin((bottom - top) / (double)n, k->fs * (1.0 + 1.1 * ny)) : 0;
    bottom = top + gh * (double)n;
    bh = gh * 0.8 / (double)ny;
    value_axis(k, lo, hi, left, right, top, bottom, &xs);
    for (i = 0; i < n; i++) {
        double g0 = top + gh * (double)i + gh * 0.1;
        for (j = 0; j < ny; j++) {
            double x0 = canvas_at(&xs, 0), x1, y = g0 + bh * (double)j;
            if (isnan(rows[i].v[j]))
                continue;
            x1 = canvas_at(&xs, rows[i].v[j]);
            year_shade(k, rows[i].l->highlight, j, ny);
            cairo_rectangle(k->cr, fmin(x0, x1), y + bh * 0.08,
                            fabs(x1 - x0), bh * 0.84);
            cairo_fill(k->cr);
            fmt_plain(num, sizeof num, rows[i].v[j], c->ind, c->lang);
            cairo_set_source_rgb(k->cr, C_SUBTLE);
            canvas_show(k, canvas_text(k, num, vsz, 0, 0, 0),
                        rows[i].v[j] < 0 ? x1 - k->fs * 0.25
                                         : x1 + k->fs * 0.25,
                        y + bh / 2, rows[i].v[j] < 0 ? 1 : 0, 1);
        }
        if (rows[i].l->highlight)
            cairo_set_source_rgb(k->cr, C_FOCUS);
        else
            cairo_set_source_rgb(k->cr, C_TEXT);
        canvas_show(k, canvas_text(k, rows[i].l->label, lab,
                                   rows[i].l->highlight, k->w * 0.3, 1),
                    left - k->fs * 0.5, g0 + bh * (double)ny / 2, 1, 1);
    }
    g_free(rows);
    return bottom + k->fs * 0.35 + xlh;
}

/* ---- stacked shares ------------------------------------------------------- */

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

/* One bar per year, 100% wide: each region's share of the total region,
   and the rest. */
double types_stacked(canvas *k, double top, double bottom)
{
    const plot_chart *c = k->c;
    size_t ny = c->n_years, n = c->n_lines, i, j;
    const char **labels = g_new0(const char *, n + 2);
    char *rest, yb[16], num[FMT_MAX];
    double rowh, bh, left, right, ylw = 0, size = k->fs * 0.85, xlh;
    scale xs;

    rest = g_strdup_printf(c->lang == FMT_ZH ? "%s\xe5\x85\xb6\xe4\xbd\x99"
                                             : "Rest of %s",
                           c->total->label);            /* 其余 */
    for (i = 0; i < n; i++)
        labels[i] = c->lines[i].label;
    labels[n] = rest;
    top = key_row(k, top - k->fs * 0.4, labels, n + 1, segment_colour);
    for (j = 0; j < ny; j++) {
        g_snprintf(yb, sizeof yb, "%d", c->years[j]);
        ylw = fmax(ylw, canvas_text_width(k, yb, size, 0));
    }
    left = k->m + ylw + k->fs * 0.5;
    right = k->w - k->m - k->fs * 0.5;
    xlh = canvas_text_height(k, "0", k->fs * 0.85);
    bottom -= xlh + k->fs * 0.35;
    rowh = ny ? fmin((bottom - top) / (double)ny, k->fs * 2.6) : 0;
    bottom = top + rowh * (double)ny;
    bh = rowh * 0.66;
    value_axis(k, 0, 100, left, right, top, bottom, &xs);
    for (j = 0; j < ny; j++) {
        double total, x = left, y = top + rowh * (double)j + rowh * 0.17;
        double sum = 0, v;
        if (!value_at_year(c->total, c->years[j], &total) || total <= 0)
            continue;
        for (i = 0; i <= n; i++) {
            double share, w;
            if (i < n) {
                if (!value_at_year(&c->lines[i], c->years[j], &v))
                    continue;
                share = v / total * 100.0;
                sum += share;
            } else {
                share = fmax(0, 100.0 - sum);
            }
            w = canvas_at(&xs, share) - canvas_at(&xs, 0);
            segment_colour(k, i, n + 1);
            cairo_rectangle(k->cr, x, y, w, bh);
            cairo_fill(k->cr);
            fmt_percent(num, sizeof num, share, 1, 0, c->lang);
            /* the share inside its segment when it fits */
            if (canvas_text_width(k, num, k->fs * 0.72, 0) + k->fs * 0.4 < w) {
                if (i < n && (c->lines[i].highlight || i % 2 == 0))
                    cairo_set_source_rgb(k->cr, 1, 1, 1);
                else
                    cairo_set_source_rgb(k->cr, C_TEXT);
                canvas_show(k, canvas_text(k, num, k->fs * 0.72, 0, 0, 0),
                            x + w / 2, y + bh / 2, 2, 1);
            }
            x += w;
        }
        g_snprintf(yb, sizeof yb, "%d", c->years[j]);
        cairo_set_source_rgb(k->cr, C_TEXT);
        canvas_show(k, canvas_text(k, yb, size, 0, 0, 0),
                    left - k->fs * 0.5, y + bh / 2, 1, 1);
    }
    g_free(rest);
    g_free(labels);
    return bottom + k->fs * 0.35 + xlh;
}

/* ---- small multiples ------------------------------------------------------ */

/* One small line chart per region on a shared scale: for comparison
   sets too large for one chart. Year labels only under the bottom row,
   value labels only left of the first column. */
double types_small(canvas *k, double top, double bottom)
{
    const plot_chart *c = k->c;
    size_t n = c->n_lines, cols, rows, i, j;
    double lo = INFINITY, hi = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    double hgap = k->fs * 1.8, vgap = k->fs * 0.6, tsz = k->fs * 0.8;
    double pw, ph, th, xl, yl = 0, plot_h;
    plot_ticks yt;
    measure_ctx ym;
    char buf[FMT_MAX];

    for (i = 0; i < n; i++)
        for (j = 0; j < c->lines[i].n; j++) {
            lo = fmin(lo, c->lines[i].value[j]);
            hi = fmax(hi, c->lines[i].value[j]);
            y0 = fmin(y0, c->lines[i].year[j]);
            y1 = fmax(y1, c->lines[i].year[j]);
        }
    if (n == 0 || !isfinite(lo))
        return top;
    if (y1 - y0 < 1) {
        y0 -= 1;
        y1 += 1;
    }
    th = canvas_text_height(k, "Ag", tsz);
    xl = canvas_text_height(k, "2020", tsz) + k->fs * 0.3;
    bottom -= xl;
    /* panels near 1.6:1 */
    cols = (size_t)lround(sqrt((double)n * (k->w - 2 * k->m) /
                               ((bottom - top) * 1.6)));
    cols = CLAMP(cols, 1, n);
    rows = (n + cols - 1) / cols;
    ph = (bottom - top - (double)(rows - 1) * vgap) / (double)rows;
    plot_h = fmax(ph - th - k->fs * 0.3, 4);
    canvas_ticks(k, lo, hi, plot_h, 0, 1, 0, &yt, &ym);
    canvas_extend_ticks(&yt, lo, hi);
    ym.ref = fmax(fabs(yt.lmin), fabs(yt.lmax));
    for (j = 0; j < (size_t)yt.n; j++) {
        canvas_tick_label(&ym, yt.lmin + (double)j * yt.step, yt.step, buf,
                          sizeof buf);
        yl = fmax(yl, canvas_text_width(k, buf, ym.size, 0));
    }
    pw = (k->w - 2 * k->m - yl - k->fs * 0.4 - (double)(cols - 1) * hgap) /
         (double)cols;
    for (i = 0; i < n; i++) {
        const plot_line *l = &c->lines[i];
        size_t col = i % cols, row = i / cols;
        double px = k->m + yl + k->fs * 0.4 + (double)col * (pw + hgap);
        double py = top + (double)row * (ph + vgap);
        scale xs = {y0, y1, px, px + pw};
        scale ys = {yt.lmin, yt.lmax, py + ph, py + ph - plot_h};
        if (l->highlight)
            cairo_set_source_rgb(k->cr, C_FOCUS);
        else
            cairo_set_source_rgb(k->cr, C_TEXT);
        canvas_show(k, canvas_text(k, l->label, tsz, l->highlight, pw, 1),
                    px, py, 0, 0);
        for (j = 0; j < (size_t)yt.n; j++) {
            double v = yt.lmin + (double)j * yt.step, y = canvas_at(&ys, v);
            canvas_grid_colour(k, v);
            cairo_move_to(k->cr, px, y);
            cairo_line_to(k->cr, px + pw, y);
            cairo_stroke(k->cr);
            if (col == 0) {
                canvas_tick_label(&ym, v, yt.step, buf, sizeof buf);
                cairo_set_source_rgb(k->cr, C_SUBTLE);
                canvas_show(k, canvas_text(k, buf, ym.size, 0, 0, 0),
                            px - k->fs * 0.4, y, 1, 1);
            }
        }
        if (i + cols >= n) {                 /* the bottom of its column */
            cairo_set_source_rgb(k->cr, C_SUBTLE);
            g_snprintf(buf, sizeof buf, "%d", (int)y0);
            canvas_show(k, canvas_text(k, buf, tsz, 0, 0, 0), px,
                        ys.p0 + k->fs * 0.25, 0, 0);
            g_snprintf(buf, sizeof buf, "%d", (int)y1);
            canvas_show(k, canvas_text(k, buf, tsz, 0, 0, 0), px + pw,
                        ys.p0 + k->fs * 0.25, 1, 0);
        }
        canvas_polyline(k, l, &xs, &ys);
    }
    return top + (double)rows * ph + (double)(rows - 1) * vgap + xl;
}
