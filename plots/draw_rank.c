/*
 * plots/draw_rank.c -- the ranking chart: one horizontal bar per region
 * at one year, sorted from the largest, "rank. name" left of the bars
 * (wrapped onto two lines before it is shortened), the value at each
 * bar's end; a gap row "…" where ranks are left out; the aggregates
 * below a separator, unranked and lighter; the benchmark and the total
 * as dashed vertical reference lines labelled above the plot. Rows keep
 * one height however many there are: the chart's height follows from
 * them (plot_chart_height_mm). What the rows are is rank.c's.
 */
#include "draw.h"

#include <math.h>
#include <string.h>

#include <glib.h>

/* An aggregate of an amount or a count (World, High income) sums many
   regions: its value is printed, without a bar, so that the scale stays
   the ranked regions'. An aggregate of a rate is a bar like theirs. */
static int sum_row(const plot_chart *c, const plot_bar *b)
{
    return b->row == PLOT_ROW_AGGREGATE &&
           (sb_indicator_traits(c->ind) & SB_TRAIT_ADDS);
}

/* "12. Chongqing"; a gap or an aggregate row: its label alone. */
static char *row_label(const plot_bar *b)
{
    return b->row == PLOT_ROW_RANKED && b->rank > 0
               ? g_strdup_printf("%d. %s", b->rank, b->label)
               : g_strdup(b->label);
}

/* Rows drawn (bars and gaps) and, with aggregates, the separator's
   share of a row. */
static double row_count(const plot_chart *c)
{
    return (double)c->n_bars + (c->n_bars > c->n_ranked &&
                                c->bars[c->n_bars - 1].row ==
                                    PLOT_ROW_AGGREGATE ? geom.rank_sep : 0);
}

double plot_chart_height_mm(const plot_chart *c, double width_mm,
                            double height_mm)
{
    double side = width_mm * geom.grow_aspect, fs_mm;

    if (c->type != PLOT_RANKING)
        return height_mm;
    /* the font canvas_open chooses for this width: from the width alone
       while the page is at least grow_min of `side` high, as it is here */
    fs_mm = CLAMP(side * (72.0 / 25.4) / geom.font_divisor, geom.font_min,
                  geom.font_max) * (25.4 / 72.0);
    /* a few rows make a short chart, many a tall one */
    return fmax(side * geom.grow_min,
                fs_mm * (geom.rank_frame + (c->n_refs ? 1.5 : 0) +
                         geom.rank_row * row_count(c)));
}

/* Text sized as on a page grow_aspect widths high, however tall the
   page (unless lower than grow_min of that: plot_chart_height_mm), and
   smaller, down to font_min, when the rows would otherwise be thinner
   than rank_row_min: a brief's page holds 40 rows. */
double rank_font(const plot_chart *c, double w, double h)
{
    double fs = fmin(w * geom.grow_aspect, h / geom.grow_min) /
                geom.font_divisor;

    fs = fmin(fs, h / (geom.rank_frame_max + (c->n_refs ? 1.5 : 0) +
                       geom.rank_row_min * row_count(c)));
    return CLAMP(fs, geom.font_min, geom.font_max);
}

/* The widest one-line label, value and the values' range with zero and
   the reference lines. */
static void rank_extents(canvas *k, double lab, double vsz, double *labw,
                         double *valw, double *lo, double *hi)
{
    const plot_chart *c = k->c;
    char buf[FMT_MAX];
    size_t i;

    for (i = 0; i < c->n_bars + c->n_refs; i++) {
        const plot_bar *b = i < c->n_bars ? &c->bars[i]
                                          : &c->refs[i - c->n_bars];
        if (b->row == PLOT_ROW_GAP)
            continue;
        if (i < c->n_bars) {
            char *s = row_label(b);
            *labw = fmax(*labw, canvas_text_width(k, s, lab, b->highlight));
            g_free(s);
            fmt_shown(buf, sizeof buf, b->value, c->ind, c->lang);
            *valw = fmax(*valw, canvas_text_width(k, buf, vsz,
                                                  b->highlight));
            if (sum_row(c, b))
                continue;
        }
        *lo = fmin(*lo, b->value);
        *hi = fmax(*hi, b->value);
    }
}

/* s at `size` (wrapped in `width` onto `lines`, when width > 0), made
   smaller when its lines are higher than h: a row's text stays in its
   row. Twice at most: hinted metrics (PNG) round a height up to whole
   pixels. */
static PangoLayout *fit_text(canvas *k, const char *s, double size, int bold,
                             double width, int lines, double h)
{
    PangoLayout *l = canvas_text(k, s, size, bold, width, lines);
    double tw, th;
    int i;

    for (i = 0; i < 2; i++) {
        canvas_extent(l, &tw, &th);
        if (th <= h)
            break;
        g_object_unref(l);
        size *= h / th * (i == 0 ? 1 : 0.8);
        l = canvas_text(k, s, size, bold, width, lines);
    }
    return l;
}

/* A row's label right aligned at x, centred on yc, within `width` and
   the row's height: wrapped onto two lines before it is shortened, and
   smaller when two lines are higher than the row. */
static void rank_label(canvas *k, const plot_bar *b, double x, double yc,
                       double width, double row, double lab)
{
    char *s = row_label(b);

    if (b->highlight)
        cairo_set_source_rgb(k->cr, C_FOCUS);
    else if (b->row == PLOT_ROW_AGGREGATE)
        cairo_set_source_rgb(k->cr, C_SUBTLE);
    else
        cairo_set_source_rgb(k->cr, C_TEXT);
    canvas_show(k, fit_text(k, s, lab, b->highlight, width, 2,
                            row * geom.rank_label_fill), x, yc, 1, 1);
    g_free(s);
}

/* Bar b's rectangle from zero and its value at its end. */
static void rank_bar(canvas *k, const plot_bar *b, const scale *xs,
                     double yc, double row, double vsz)
{
    double x0 = canvas_at(xs, 0), x1 = sum_row(k->c, b)
                                          ? x0 : canvas_at(xs, b->value);
    char buf[FMT_MAX];

    if (b->highlight)
        cairo_set_source_rgb(k->cr, C_FOCUS);
    else if (b->row == PLOT_ROW_AGGREGATE)
        cairo_set_source_rgb(k->cr, C_CONTEXT);
    else
        cairo_set_source_rgb(k->cr, C_OTHER);
    cairo_rectangle(k->cr, fmin(x0, x1), yc - row * geom.bar_fill / 2,
                    fabs(x1 - x0), row * geom.bar_fill);
    cairo_fill(k->cr);
    if (b->highlight)
        cairo_set_source_rgb(k->cr, C_FOCUS);
    else
        cairo_set_source_rgb(k->cr, C_SUBTLE);
    fmt_shown(buf, sizeof buf, b->value, k->c->ind, k->c->lang);
    canvas_show(k, fit_text(k, buf, vsz, b->highlight, 0, 0,
                            row * geom.rank_label_fill),
                b->value < 0 && x1 < x0 ? x1 - k->fs * geom.bar_value_gap
                                         : x1 + k->fs * geom.bar_value_gap,
                yc, b->value < 0 && x1 < x0 ? 1 : 0, 1);
}

/* The labels of the reference lines above the plot, one row each unless
   they fit side by side; returns the plot's new top. */
static double ref_labels(canvas *k, const scale *xs, double top, double *at)
{
    const plot_chart *c = k->c;
    double size = k->fs * geom.rank_ref_size, end = -1, y = top;
    char buf[FMT_MAX];
    size_t i;

    for (i = 0; i < c->n_refs; i++) {
        const plot_bar *r = &c->refs[i];
        char *s;
        double x = canvas_at(xs, r->value), tw, th;
        PangoLayout *l;
        fmt_shown(buf, sizeof buf, r->value, c->ind, c->lang);
        s = g_strdup_printf(c->lang == FMT_ZH ? "%s\xef\xbc\x9a%s" : "%s: %s",
                            r->label, buf);                 /* ： */
        l = canvas_text(k, s, size, 0, k->w * geom.bar_label_share, 1);
        canvas_extent(l, &tw, &th);
        /* kept on the page: right aligned at the line near the right */
        x = x + tw / 2 > k->w - k->m ? k->w - k->m - tw / 2
            : x - tw / 2 < k->m ? k->m + tw / 2 : x;
        if (end >= 0 && x - tw / 2 < end + k->fs * geom.rank_ref_gap)
            y += th;                     /* side by side would overlap */
        cairo_set_source_rgb(k->cr, C_AXIS);
        canvas_show(k, l, x, y, 2, 0);
        end = x + tw / 2;
        at[i] = y + th;
        g_free(s);
    }
    for (i = 0; i < c->n_refs; i++)
        top = fmax(top, at[i]);
    return c->n_refs ? top + k->fs * geom.tick_drop : top;
}

/* The dashed reference lines from their labels down to `bottom`. */
static void ref_lines(canvas *k, const scale *xs, const double *from,
                      double bottom)
{
    double dash[2] = {k->fs * geom.target_dash[0], k->fs * geom.target_dash[1]};
    size_t i;

    cairo_save(k->cr);
    cairo_set_source_rgb(k->cr, C_AXIS);
    cairo_set_line_width(k->cr, k->fs * geom.target_width);
    cairo_set_dash(k->cr, dash, 2, 0);
    for (i = 0; i < k->c->n_refs; i++) {
        double x = canvas_at(xs, k->c->refs[i].value);
        cairo_move_to(k->cr, x, from[i]);
        cairo_line_to(k->cr, x, bottom);
        cairo_stroke(k->cr);
    }
    cairo_restore(k->cr);
}

/* The thin rule between the ranked rows and the aggregates. */
static void separator(canvas *k, double y, double right)
{
    cairo_set_source_rgb(k->cr, C_OTHER);
    cairo_set_line_width(k->cr, geom.grid_width);
    cairo_move_to(k->cr, k->m, y);
    cairo_line_to(k->cr, right, y);
    cairo_stroke(k->cr);
}

/* Rows before the first aggregate: what the reference lines cross. */
static size_t ranked_rows(const plot_chart *c)
{
    size_t i;

    for (i = 0; i < c->n_bars && c->bars[i].row != PLOT_ROW_AGGREGATE; i++)
        ;
    return i;
}

/* The rows a page draws: indices into c->bars, RANK_GAP for a gap. */
#define RANK_GAP (-1L)
typedef struct {
    long *row;
    size_t n, ranked;            /* rows; of them above the aggregates */
    int sep;                     /* the rule above the aggregates */
} rank_fit;

static double fit_count(const rank_fit *f)
{
    return (double)f->n + (f->sep ? geom.rank_sep : 0);
}

/* Of the ranked rows (gaps left out), the top a, the focus between gaps
   when it is in neither end, and the bottom, in cap rows. */
static void fit_ends(const plot_chart *c, size_t nr, size_t cap, rank_fit *f)
{
    size_t i, m = 0, fp = SIZE_MAX, a, b;
    long *real = g_new(long, nr + 1);

    for (i = 0; i < nr; i++)
        if (c->bars[i].row == PLOT_ROW_RANKED) {
            if (c->bars[i].highlight)
                fp = m;
            real[m++] = (long)i;
        }
    a = cap > 1 ? (cap - 1 + 1) / 2 : cap;
    b = cap > 1 ? cap - 1 - a : 0;
    if (fp != SIZE_MAX && fp >= a && fp + b < m && cap >= 5) {
        a = (cap - 3 + 1) / 2;           /* room for the focus, 2 gaps */
        b = cap - 3 - a;
    } else {
        fp = SIZE_MAX;
    }
    for (i = 0; i < (a + b >= m ? m : a); i++)  /* all: no gap to show */
        f->row[f->n++] = real[i];
    if (b > 0 && a + b < m) {
        f->row[f->n++] = RANK_GAP;
        if (fp != SIZE_MAX) {
            f->row[f->n++] = real[fp];
            f->row[f->n++] = RANK_GAP;
        }
        for (i = m - b; i < m; i++)
            f->row[f->n++] = real[i];
    }
    g_free(real);
}

/* The note of a page too low for every row: the ends it does show
   ("Top 3 and bottom 2 of 49."), without the aggregates it leaves out,
   never the full page's "Top 15 and bottom 15". */
static void note_drawn(canvas *k, const rank_fit *f)
{
    const plot_chart *c = k->c;
    size_t i, top = 0, bottom = 0, gaps = 0;

    for (i = 0; i < f->n; i++)
        if (f->row[i] == RANK_GAP)
            gaps++;
        else if (c->bars[f->row[i]].row == PLOT_ROW_RANKED && gaps == 0)
            top++;
        else if (c->bars[f->row[i]].row == PLOT_ROW_RANKED)
            bottom++;
    if (gaps == 0)        /* every ranked row prepared: the aggregates out */
        top = bottom = c->n_ranked > PLOT_RANK_ALL ? PLOT_RANK_ENDS : 0;
    else if (gaps >= 2)   /* the focus between two gaps is no end */
        bottom--;
    k->note_drawn = plot_ranking_note(c, top, bottom, f->sep);
}

/* The rows drawn in `room` points: every row when rows of rank_row_min
   fit; else the ranked ones without the aggregates; else the top and the
   bottom of them that fit, the focus between gaps (-v says so). */
static void fit_rows(canvas *k, double room, rank_fit *f)
{
    const plot_chart *c = k->c;
    size_t nr = ranked_rows(c), i;
    double cap = floor(room / (k->fs * geom.rank_row_min));

    f->row = g_new(long, c->n_bars + 4);
    f->n = 0;
    f->sep = 0;
    if (cap >= (double)c->n_bars + (c->n_bars > nr ? geom.rank_sep : 0)) {
        for (i = 0; i < c->n_bars; i++)
            f->row[f->n++] = (long)i;
        f->sep = c->n_bars > nr;
    } else if (cap >= (double)nr) {
        for (i = 0; i < nr; i++)
            f->row[f->n++] = (long)i;
    } else {
        fit_ends(c, nr, (size_t)fmax(1, cap), f);
    }
    f->ranked = f->sep ? nr : f->n;
    if (f->n < c->n_bars && k->why == NULL)
        k->why = g_strdup_printf("ranking rows left out: the plot has room "
                                 "for %zu", f->n);
    if (f->n < c->n_bars)
        note_drawn(k, f);
}

/* The rows of f from `top`, row high; returns the y below the last. */
static double rank_rows(canvas *k, const rank_fit *f, const scale *xs,
                        double top, double row, double left, double labcol,
                        double lab, double vsz)
{
    const plot_chart *c = k->c;
    double y = top;
    size_t i;

    for (i = 0; i < f->n; i++) {
        const plot_bar *b = f->row[i] == RANK_GAP ? NULL
                                                  : &c->bars[f->row[i]];
        if (b != NULL && b->row == PLOT_ROW_AGGREGATE && f->sep &&
            (i == 0 || c->bars[f->row[i - 1]].row != PLOT_ROW_AGGREGATE)) {
            separator(k, y + row * geom.rank_sep / 2, xs->p1);
            y += row * geom.rank_sep;
        }
        if (b == NULL || b->row == PLOT_ROW_GAP) {
            cairo_set_source_rgb(k->cr, C_SUBTLE);
            canvas_show(k, fit_text(k, PLOT_ELLIPSIS, lab, 0, 0, 0,
                                    row * geom.rank_label_fill),
                        left - k->fs * geom.bar_label_gap, y + row / 2, 1, 1);
        } else {
            rank_bar(k, b, xs, y + row / 2, row, vsz);
            rank_label(k, b, left - k->fs * geom.bar_label_gap, y + row / 2,
                       labcol, row, lab);
        }
        y += row;
    }
    return y;
}

/* The ranking: rows of one height (at most rank_row), the axis under
   them, the reference lines across the ranked rows. */
double draw_ranking(canvas *k, double top, double bottom)
{
    double lab = k->fs * geom.label_size, vsz = k->fs * geom.bar_value_size;
    double labw = 0, valw = 0, lo = 0, hi = 0, left, right, row, xlh;
    double labcol, at[2] = {0, 0};
    plot_ticks t;
    measure_ctx mc;
    rank_fit f;
    scale xs;

    rank_extents(k, lab, vsz, &labw, &valw, &lo, &hi);
    labcol = fmin(labw, k->w * geom.bar_label_share);
    left = k->m + labcol + k->fs * geom.bar_label_gap;
    right = k->w - k->m - valw - k->fs * geom.bar_value_room;
    xlh = canvas_text_height(k, "0", k->fs * geom.tick_size);
    /* the scale first (its ticks depend on the width only), so that the
       reference labels go above the plot at their values */
    canvas_ticks(k, lo, hi, right - left, 0, 0, 1, &t, &mc);
    canvas_extend_ticks(&t, lo, hi);
    xs = (scale){t.lmin, t.lmax, left, right};
    canvas_labels_begin(k);
    top = ref_labels(k, &xs, top, at);
    bottom -= xlh + k->fs * geom.tick_drop;
    fit_rows(k, bottom - top, &f);
    row = fmin((bottom - top) / fit_count(&f), k->fs * geom.rank_row);
    lab = fmin(lab, row * geom.bar_label_fill);
    vsz = fmin(vsz, row * geom.bar_value_fill);
    bottom = top + row * fit_count(&f);
    canvas_x_axis(k, &t, &mc, &xs, bottom, 1, top);
    rank_rows(k, &f, &xs, top, row, left, labcol, lab, vsz);
    ref_lines(k, &xs, at, top + row * (double)f.ranked);
    canvas_labels_end(k);
    g_free(f.row);
    return bottom + k->fs * geom.tick_drop + xlh;
}
