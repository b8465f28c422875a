/*
 * plots/nodata.h -- regions a bar chart shows without a value (internal
 * to plots/): a bar, grouped or stacked chart keeps every region of its
 * set and says "no data" where one has no value in a year it shows,
 * instead of leaving the region out as if it were not in the set. The
 * words, and the sentence the text alternative and the stacked chart's
 * note give.
 */
#ifndef PLOTS_NODATA_H
#define PLOTS_NODATA_H

#include "chart.h"

#include <glib.h>

/* "no data" / "无数据": drawn where a bar would be. */
const char *plot_nodata_word(fmt_lang lang);

/* The years chart c shows bars for (bar: its year; grouped, stacked: its
   years) in which line l has no value, oldest first, into miss (room for
   PLOT_MAX_YEARS). Returns how many; 0 for a type without such bars. */
size_t plot_nodata_years(const plot_chart *c, const plot_line *l,
                         int *miss);

/* A stacked chart's key entry for line l: its label, and the years it
   has no part in: "Sichuan (no data for 2023)" / "四川（2023年无数据）"
   (g_free). */
char *plot_nodata_key(const plot_chart *c, const plot_line *l);

/* Appends what has no value among the years a bar type shows (bar: its
   year; grouped, stacked: its years), the focus region first:
   " No data for Sichuan in 2023." / "四川2023年无数据。", a few regions
   by name and the rest counted. Appends nothing when every region has a
   value in every year, or for a type without bars. */
void plot_nodata_sentence(GString *g, const plot_chart *c);

#endif
