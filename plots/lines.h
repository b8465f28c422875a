/*
 * plots/lines.h -- a chart's lines from the dataset (internal to
 * plots/): one plot_line per series, the points the metrics use inside
 * the chart's window, with their flags and interpolated fills. Not for:
 * which series a chart shows (build.c) or what a type adds (prepare.c).
 */
#ifndef PLOTS_LINES_H
#define PLOTS_LINES_H

#include "chart.h"

/* Appends series s's line to c->lines: its points in [from, to] (0: no
   bound), labelled in c->lang, the focus region highlighted. */
void lines_add(plot_chart *c, const sb_dataset *ds, metrics_ctx *mc,
               const sb_series *s, int from, int to);

#endif
