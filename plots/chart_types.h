/*
 * plots/chart_types.h -- the chart-type table (internal to plots/): one
 * row per type with everything that differs between types: its name,
 * what it adds to the lines when built, which years its subtitle
 * names, its drawing function and frame, its own page size, and the
 * words that name it in a text alternative. build.c, render.c, alt.c
 * and files.c read it; no other place lists the types. A new type is a
 * drawing function (draw.h), a row here and its enum value (chart.h).
 *
 * The public side (plot_type_name, plot_type_parse, plot_type_names) is
 * declared in chart.h.
 */
#ifndef PLOTS_CHART_TYPES_H
#define PLOTS_CHART_TYPES_H

#include "chart.h"
#include "draw.h"
#include "prepare.h"


/* The years a chart's subtitle names. */
typedef enum {
    PLOT_SPAN_WINDOW,            /* c->first to c->last */
    PLOT_SPAN_YEARS,             /* c->years, oldest to latest (none: last) */
    PLOT_SPAN_YEAR               /* c->year alone (the bars' year) */
} plot_span;

typedef struct {
    const char *name;            /* --type, the spec, file name suffixes */
    plot_type type;              /* its enum value: rows are in enum order */
    /* building */
    plot_prepare_fn *prepare;    /* NULL: the lines as they are */
    plot_span span;
    const char *lead_en, *lead_zh;  /* the subtitle's start instead of
                                       the unit (NULL: the unit) */
    int bars;                    /* shows c->bars (one year, best first)
                                    instead of c->lines */
    /* drawing */
    plot_draw_fn *draw;
    int framed;                  /* title, subtitle, notes and source
                                    around it; else it has the page */
    int names_note;              /* region labels cut to their column are
                                    named in full under the chart */
    double width_mm, height_mm;  /* its size when the run gives none
                                    (0: the run's) */
    plot_font_fn *font;          /* its text size (NULL: from the page's
                                    shorter side) */
    /* the text alternative: "Line chart of ..." */
    const char *what_en, *what_zh;
} plot_type_info;

/* The row of type t; NULL when t is no type. */
const plot_type_info *plot_type_info_of(plot_type t);

#endif
