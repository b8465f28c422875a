/*
 * plots/draw.h -- the drawing function of each chart type (internal to
 * plots/), one per type, all of one shape: draw the chart k->c into the
 * band [top, bottom] of the page (the whole width), with the helpers of
 * canvas.h, and return the lowest y drawn (where the source line may
 * start): plot_draw_fn. The chart-type table (chart_types.c) names
 * which function draws which type; render.c draws the frame around it.
 *
 * draw_line.c: line; draw_bars.c: bar, grouped, stacked; draw_slope.c:
 * slope; draw_small.c: sparkline, small multiples.
 */
#ifndef PLOTS_DRAW_H
#define PLOTS_DRAW_H

#include "canvas.h"
#include "geometry.h"

/* Draws chart k->c into the band [top, bottom] of the page; returns the
   lowest y drawn. */
typedef double plot_draw_fn(struct canvas *k, double top, double bottom);

plot_draw_fn draw_line;
plot_draw_fn draw_bar;
plot_draw_fn draw_grouped;
plot_draw_fn draw_stacked;
plot_draw_fn draw_slope;
plot_draw_fn draw_sparkline;
plot_draw_fn draw_small;
plot_draw_fn draw_ranking;     /* draw_rank.c */

/* A type's text size (pt) on a w x h point page, when it is not the
   usual one from the page's shorter side. */
typedef double plot_font_fn(const plot_chart *c, double w, double h);
plot_font_fn rank_font;        /* draw_rank.c: from the width, smaller
                                  when the rows need it */

#endif
