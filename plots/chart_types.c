/*
 * plots/chart_types.c -- the chart-type table: one row per type, in the
 * order of enum plot_type, and the look-ups by value and by name that
 * the rest of plots/ and the command line use. Holds no logic of its
 * own: the rows name the functions (prepare.c, draw_*.c) that build and
 * draw each type.
 */
#include "chart_types.h"

#include "draw.h"
#include "prepare.h"

#include <assert.h>
#include <string.h>

#include <glib.h>

static const plot_type_info table[] = {
    [PLOT_LINE] = {
        .name = "line", .type = PLOT_LINE,
        .prepare = prepare_line, .span = PLOT_SPAN_WINDOW,
        .draw = draw_line, .framed = 1, .names_note = 1,
        .what_en = "Line chart",
        .what_zh = "\xe6\x8a\x98\xe7\xba\xbf\xe5\x9b\xbe",           /* 折线图 */
    },
    [PLOT_BAR] = {
        .name = "bar", .type = PLOT_BAR,
        .prepare = prepare_bar, .span = PLOT_SPAN_YEAR, .bars = 1,
        .draw = draw_bar, .framed = 1, .names_note = 1,
        .what_en = "Bar chart",
        .what_zh = "\xe6\x9d\xa1\xe5\xbd\xa2\xe5\x9b\xbe",           /* 条形图 */
    },
    [PLOT_GROUPED] = {
        .name = "grouped", .type = PLOT_GROUPED,
        .prepare = prepare_grouped, .span = PLOT_SPAN_YEARS,
        .draw = draw_grouped, .framed = 1, .names_note = 1,
        .what_en = "Grouped bar chart",
        .what_zh = "\xe5\x88\x86\xe7\xbb\x84\xe6\x9d\xa1\xe5\xbd\xa2"
                   "\xe5\x9b\xbe",                               /* 分组条形图 */
    },
    [PLOT_STACKED] = {
        .name = "stacked", .type = PLOT_STACKED,
        .prepare = prepare_stacked, .span = PLOT_SPAN_YEARS,
        .lead_en = "% of the total, ",
        /* 占总量的百分比， */
        .lead_zh = "\xe5\x8d\xa0\xe6\x80\xbb\xe9\x87\x8f\xe7\x9a\x84"
                   "\xe7\x99\xbe\xe5\x88\x86\xe6\xaf\x94\xef\xbc\x8c",
        .draw = draw_stacked, .framed = 1, .names_note = 1,
        .what_en = "Stacked bar chart of shares",
        .what_zh = "\xe5\xa0\x86\xe7\xa7\xaf\xe6\x9d\xa1\xe5\xbd\xa2"
                   "\xe5\x9b\xbe",                               /* 堆积条形图 */
    },
    [PLOT_SLOPE] = {
        .name = "slope", .type = PLOT_SLOPE,
        .prepare = prepare_slope, .span = PLOT_SPAN_YEARS,
        .draw = draw_slope, .framed = 1, .names_note = 1,
        .what_en = "Slope chart",
        .what_zh = "\xe6\x96\x9c\xe7\x8e\x87\xe5\x9b\xbe",           /* 斜率图 */
    },
    /* word-sized: no frame, 30 x 8 mm unless --size says otherwise */
    [PLOT_SPARKLINE] = {
        .name = "sparkline", .type = PLOT_SPARKLINE,
        .span = PLOT_SPAN_WINDOW,
        .draw = draw_sparkline, .width_mm = 30, .height_mm = 8,
        .what_en = "Sparkline",
        .what_zh = "\xe8\xbf\xb7\xe4\xbd\xa0\xe5\x9b\xbe",           /* 迷你图 */
    },
    /* each panel's title wraps at the panel's width: no names note */
    [PLOT_SMALL] = {
        .name = "small", .type = PLOT_SMALL,
        .prepare = prepare_small, .span = PLOT_SPAN_WINDOW,
        .draw = draw_small, .framed = 1,
        .what_en = "Small multiples",
        .what_zh = "\xe5\xb0\x8f\xe5\xa4\x9a\xe5\x9b\xbe",           /* 小多图 */
    },
    /* the line chart of the lines indexed to a base year (index.h) */
    [PLOT_INDEX] = {
        .name = "index", .type = PLOT_INDEX,
        .prepare = prepare_index, .span = PLOT_SPAN_WINDOW,
        .draw = draw_line, .framed = 1, .names_note = 1,
        .what_en = "Index chart",
        .what_zh = "\xe6\x8c\x87\xe6\x95\xb0\xe5\x9b\xbe",           /* 指数图 */
    },
    /* names wrap onto two lines in their column: no names note; its
       height follows its rows (plot_chart_height_mm), its text the
       width (rank_font) */
    [PLOT_RANKING] = {
        .name = "ranking", .type = PLOT_RANKING,
        .prepare = prepare_ranking, .span = PLOT_SPAN_YEAR, .bars = 1,
        .draw = draw_ranking, .framed = 1, .font = rank_font,
        .what_en = "Ranking chart",
        .what_zh = "\xe6\x8e\x92\xe5\x90\x8d\xe5\x9b\xbe",           /* 排名图 */
    },
};

const plot_type_info *plot_type_info_of(plot_type t)
{
    if ((size_t)t >= G_N_ELEMENTS(table))
        return NULL;
    assert(table[t].name != NULL && table[t].type == t);  /* every value
                                                              has its row */
    return &table[t];
}

const char *plot_type_name(plot_type t)
{
    const plot_type_info *i = plot_type_info_of(t);

    return i != NULL ? i->name : "";
}

int plot_type_parse(const char *s, int *out)
{
    size_t t;

    for (t = 0; t < G_N_ELEMENTS(table); t++)
        if (strcmp(s, table[t].name) == 0) {
            *out = (int)table[t].type;
            return 0;
        }
    return -1;
}

const char *const *plot_type_names(void)
{
    static const char *names[G_N_ELEMENTS(table) + 1];
    static gsize done;
    size_t t;

    if (g_once_init_enter(&done)) {
        for (t = 0; t < G_N_ELEMENTS(table); t++)
            names[t] = table[t].name;
        names[G_N_ELEMENTS(table)] = NULL;
        g_once_init_leave(&done, 1);
    }
    return names;
}
