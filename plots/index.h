/*
 * plots/index.h -- index arithmetic for charts:
 * every series as 100 x value / value in a base year, so that regions of
 * any size compare; the base year a chart takes when none is given; and
 * which indicators can be indexed at all. The one place this is done:
 * the index chart uses it now, small multiples ("all indexed") may later.
 * Not for: drawing (an index chart is drawn by draw_line) or the words
 * of the chart's frame (build.c). The command line asks
 * plot_index_allowed before a run draws anything.
 */
#ifndef PLOTS_INDEX_H
#define PLOTS_INDEX_H

#include "chart.h"

#include <glib.h>

/* Regions not indexed that are named: in a chart's note (else counted),
   in its text alternative, which has the room. */
#define PLOT_INDEX_NOTE_NAMED 3
#define PLOT_INDEX_ALT_NAMED 12

/* The base year of an index chart of c's lines when none is given: the
   latest year in which more than half of the lines have a value; when no
   year has, the latest of the years with the most. 0: no values. */
int plot_index_default_base(const plot_chart *c);

/* Whether ind's values may be indexed: not a growth rate and not an
   index on the previous year (their values are already changes: an
   index of them measures nothing). 1, or 0 with err set (SB_EDATA). A
   base-year index may be: it is rebased. */
int plot_index_allowed(const sb_indicator *ind, sb_error *err);

/* Each line of c as 100 x value / its value in `base`: a line without a
   value above zero in `base` cannot be indexed and is removed, its name
   kept in c->not_indexed. c->ind then points to c->indexed: ind read as
   an index of that base, at one decimal. 1, or 0 with err set (SB_EDATA)
   when no line has a value in `base` (the message names `opt` and the
   chart's years) or none can be indexed. */
int plot_index_lines(plot_chart *c, int base, const char *opt,
                     sb_error *err);

/* "index, 2015 = 100" / "指数，2015年=100": what an index chart's values
   are, for its subtitle and its text alternative; returns buf. */
const char *plot_index_words(char *buf, size_t size, int base,
                             fmt_lang lang);

/* Appends "Not indexed, no 2015 value: A, B." / "未能指数化（2015年无数
   据）：A、B。" when c left regions out (nothing otherwise), with a space
   before it in English when g has text; "no 2015 value above zero" /
   "2015年无正值" when one of them has a value there, at or below zero.
   More than `named` regions are counted, not named ("41 regions." /
   "41个地区。"): a chart's note is a line or two of small print. */
void plot_index_note(GString *g, const plot_chart *c, size_t named);

#endif
