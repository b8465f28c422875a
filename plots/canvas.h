/*
 * plots/canvas.h -- the drawing helpers the chart types share (internal
 * to plots/): one render's canvas, measured Pango text, ticks and axes,
 * scales, lines and label placement. Units are points; everything draws
 * on canvas.cr. Not for: the layout of a chart type (draw.h) or the
 * frame and the surfaces (render.c).
 */
#ifndef PLOTS_CANVAS_H
#define PLOTS_CANVAS_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include <glib.h>

#include "chart.h"
#include "ticks.h"

/* Okabe-Ito blue for the focus region; greys for the rest. */
#define C_FOCUS 0.0, 0.447, 0.698
#define C_OTHER 0.62, 0.62, 0.62
#define C_OTHER_TEXT 0.42, 0.42, 0.42
#define C_TEXT 0.10, 0.10, 0.10
#define C_SUBTLE 0.35, 0.35, 0.35
#define C_GRID 0.88, 0.88, 0.88
#define C_AXIS 0.30, 0.30, 0.30
/* many regions: the unlabelled context lines, lighter than C_OTHER so
   that the labelled ones stand out */
#define C_CONTEXT 0.80, 0.80, 0.80

typedef struct canvas {
    cairo_t *cr;
    PangoContext *pc;
    PangoFontDescription *font;
    const plot_chart *c;
    double w, h, fs, m;          /* the page (pt), font size, margin */
    GString *missing;            /* characters no font covers */
    GHashTable *sizes;           /* "size bold text" -> measured extent */
    plot_boxes *boxes;           /* where labels went, when asked */
    int recording;               /* canvas_show records label boxes */
    char *why;                   /* a layout decision worth telling */
    char *names_note;            /* full forms of shortened names */
    char *note_drawn;            /* the chart's note as the drawing found
                                    it (ranking rows left out); NULL:
                                    c->note */
    int note_lines;              /* lines of each note (0: two) */
} canvas;

typedef struct {
    canvas *k;
    int years;                   /* labels are years, not values */
    int vertical;                /* extent along the axis is the height */
    double size;
    double ref;                  /* largest magnitude: one form per axis */
} measure_ctx;

/* Maps [lo, hi] onto [p0, p1]. */
typedef struct {
    double lo, hi, p0, p1;
} scale;

typedef struct {
    size_t line;
    double want, y, h;
} label_pos;

/* One render: canvas_open sets k up to draw c on cr (already placed and
   scaled) in a w x h point box, the text sized to the box (raster: text
   hinted for pixels); canvas_close releases it and hands over the
   characters no font had and the layout decision worth telling. */
void canvas_open(canvas *k, cairo_t *cr, const plot_chart *c,
                 plot_boxes *boxes, fmt_lang lang, double w, double h,
                 int raster);
void canvas_close(canvas *k, GString **missing, char **why);
/* A type's own text size (pt) instead of canvas_open's, and the margin
   that follows from it. */
void canvas_set_font(canvas *k, double fs);

/* Text: a layout of s at `size` points (width > 0 wraps; lines > 0 caps
   and ellipsizes); its extent; drawing it (align 0 left, 1 right, 2
   centre; vcenter: y is the middle) releases it. */
PangoLayout *canvas_text(canvas *k, const char *s, double size, int bold,
                         double width, int lines);
void canvas_extent(PangoLayout *l, double *w, double *h);
void canvas_show(canvas *k, PangoLayout *l, double x, double y, int align,
                 int vcenter);
double canvas_text_width(canvas *k, const char *s, double size, int bold);
double canvas_text_height(canvas *k, const char *s, double size);

/* Ticks for [lo, hi] on an axis of `length` points. */
void canvas_ticks(canvas *k, double lo, double hi, double length, int years,
                  int vertical, int from_zero, plot_ticks *t,
                  measure_ctx *mc);
/* Extends t to labelled ticks around [lo, hi]. */
void canvas_extend_ticks(plot_ticks *t, double lo, double hi);
/* A value axis (up the side when vertical, else along the bottom):
   canvas_ticks, extended to labelled ticks around the data, then every
   other tick left out until neighbouring labels lie geom.tick_apart
   apart or two are left (a small page). */
void canvas_axis_ticks(canvas *k, double lo, double hi, double length,
                       int vertical, int from_zero, plot_ticks *t,
                       measure_ctx *mc);
/* A value axis up the side: canvas_axis_ticks; returns the width of its
   widest label. */
double canvas_value_ticks(canvas *k, double lo, double hi, double length,
                          plot_ticks *t, measure_ctx *mc);
void canvas_tick_label(const measure_ctx *m, double v, double step,
                       char *buf, size_t size);
double canvas_at(const scale *s, double v);
void canvas_grid_colour(canvas *k, double v);
void canvas_y_axis(canvas *k, const plot_ticks *t, measure_ctx *mc,
                   const scale *ys, double left, double right);
void canvas_x_axis(canvas *k, const plot_ticks *t, measure_ctx *mc,
                   const scale *xs, double bottom, int grid, double top);

/* The colour and width of a region's line. */
void canvas_line_pen(canvas *k, int highlight);
/* The same for line l by its role (focus, accent, context). */
void canvas_region_pen(canvas *k, const plot_line *l);
/* The colour of line l's label. */
void canvas_region_ink(canvas *k, const plot_line *l);
/* A region's line with its markers, gaps kept. */
void canvas_polyline(canvas *k, const plot_line *l, const scale *xs,
                     const scale *ys);
/* Spreads labels (sorted by want) so that none overlaps, within
   [top, bottom]. */
void canvas_place_labels(label_pos *p, size_t n, double top, double bottom);
/* Between these, canvas_show records each label's box (when asked). */
void canvas_labels_begin(canvas *k);
void canvas_labels_end(canvas *k);

/* The value of line l in `year`: 1 and *v, or 0 when it has none. */
int canvas_value_at(const plot_line *l, int year, double *v);

#endif
