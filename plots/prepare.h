/*
 * plots/prepare.h -- what each chart type adds to a chart's lines once
 * plot_chart_build has them and the window's first and last years
 * (internal to plots/). One function per type that needs one, all of
 * the shape plot_prepare_fn: 1, or 0 with err set when
 * the chart cannot be drawn (the caller frees it).
 */
#ifndef PLOTS_PREPARE_H
#define PLOTS_PREPARE_H

#include "chart.h"

/* What a chart is built from. */
typedef struct {
    const sb_dataset *ds;
    metrics_ctx *mc;
    int from, to;                /* the window (0: open) */
    const plot_labels *labels;   /* --label (NULL: none) */
} plot_source;

/* What a type adds to a chart once its lines, c->first and c->last are
   set: 1, or 0 with err set when it has nothing to draw. */
typedef int plot_prepare_fn(plot_chart *c, const plot_source *src,
                            sb_error *err);

plot_prepare_fn prepare_line;      /* the focus line's forecast; with many
                                      regions, which are context */
plot_prepare_fn prepare_bar;       /* the bars of the latest year */
plot_prepare_fn prepare_grouped;   /* up to three recent years */
plot_prepare_fn prepare_stacked;   /* those years and the total region */
plot_prepare_fn prepare_slope;     /* the two years compared */
plot_prepare_fn prepare_index;     /* the lines indexed to a base year */
plot_prepare_fn prepare_ranking;   /* rank.c: the regions at one year,
                                      sorted, ranked; aggregates apart */
plot_prepare_fn prepare_small;     /* the panels' order and scale */

#endif
