/*
 * plots/alt.h -- the text alternative of a chart: what it shows, the
 * period, the latest values of the focus region and the others, the
 * direction and size of change, the rank. Written beside each chart as
 * <chart>.txt in the chart's language (accessibility guidance asks for
 * it), and words a brief can reuse. Figures come from the metrics API and
 * print through the formatter.
 */
#ifndef PLOTS_ALT_H
#define PLOTS_ALT_H

#include "chart.h"

/* A newly allocated UTF-8 paragraph ending in a newline (g_free). */
char *plot_chart_alt_text(const plot_chart *c, const sb_dataset *ds,
                          metrics_ctx *mc);

#endif
