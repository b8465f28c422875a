/*
 * plots/geometry.h -- the chart geometry by name (internal to plots/):
 * every spacing, size and proportion the drawing uses, in one style.
 *
 * Unless a comment says otherwise, a length is in em, a multiple of the
 * chart's font size k->fs (which itself scales with the page), so that
 * the same chart works at 60 x 40 mm and at 200 x 120 mm: code writes
 * k->fs * geom.tick_gap. "Of the row", "of the width" and the like are
 * shares; "pt" is an absolute length in points.
 *
 * Outputs are compared byte for byte (tools/snapshot.sh, the golden
 * images): keep each product in the order it is written, since
 * k->fs * (a * b) can differ from k->fs * a * b in the last bit, and a
 * changed value here moves every chart that uses it.
 * Not for: colours (canvas.h) or which years and regions a chart shows
 * (build.c, prepare.c).
 */
#ifndef PLOTS_GEOMETRY_H
#define PLOTS_GEOMETRY_H

typedef struct {
    /* the page */
    double font_divisor;         /* font size: the page's shorter side in
                                    points over this (9 pt on a
                                    160 x 100 mm chart) ... */
    double font_min, font_max;   /* ... within these, pt */
    double margin;               /* around the page */
    double title_size;           /* the title's text */
    double title_gap;            /* below the title */
    double body_gap;             /* below the subtitle, above the body */
    double body_min;             /* the body at least, before the notes
                                    take a second line */
    double note_size;            /* notes and the source line */
    double note_gap;             /* between two of them */
    double footer_gap;           /* between the body and the notes */

    /* region labels */
    double label_size;           /* at line ends, bars, slopes, groups */
    double label_share;          /* of the page's width: a label column at
                                    most; longer names are cut there and
                                    named in full in a note */
    double bar_label_share;      /* of the width: the bar chart's column */
    double label_leading;        /* a label's slot in a column, times its
                                    text's height */

    /* axes */
    double tick_size;            /* tick labels */
    double tick_spacing_y;       /* wanted distance between ticks up the */
    double tick_spacing_x;       /* side, and along the bottom */
    double tick_hair;            /* of the axis' range: data this close
                                    above the lowest tick gets one more
                                    below (it would seem to lie on it) */
    double tick_gap;             /* value labels to the plot's left edge */
    double tick_length;          /* a year's mark below the axis */
    double tick_drop;            /* the axis line to the labels below it */
    double tick_apart;           /* neighbouring tick labels at least */
    double grid_width;           /* grid lines and year marks, pt */
    double axis_width;           /* axis lines and slope rules, pt */

    /* the line chart */
    double plot_top;             /* above the plot's top */
    double plot_inset;           /* the value axis to the first year */
    double year_clear;           /* at least: the first year's label to
                                    the value labels' column */
    double line_focus;           /* line width: the focus region */
    double line_other;           /* the others */
    double line_context;         /* many regions: the unlabelled ones */
    double marker_focus;         /* marker radius: the focus region */
    double marker_other;         /* the others */
    double ring;                 /* a flagged value's ring: radius, times
                                    the marker's */
    double ring_width;           /* its stroke */
    double forecast_dash[2];     /* the forecast's dashes: on, off */
    double forecast_width;
    double target_dash[2];       /* the target line's dashes: on, off */
    double target_width;
    double target_size;          /* the target's label */
    double target_inset;         /* the label right of the axis */
    double target_lift;          /* the label above the line */
    double base_width;           /* an index chart's line at 100: solid,
                                    darker than the grid, under the data */

    /* the line chart's labels */
    double end_room;             /* what the plot leaves right of it
                                    beside the label column */
    double end_gap;              /* the plot's right edge to the labels */
    double end_slack;            /* labels may be this much wider than
                                    the widest measured */
    double label_rise;           /* labels may rise this far above the
                                    plot's top */
    double early_gap;            /* an early line's label right of its
                                    last point */
    double leader_start;         /* a dotted leader starts this far right
                                    of an early line's last point */
    double leader_end;           /* leaders stop this short of a label */
    double leader_move;          /* a label moved more than this from its
                                    line's end gets a leader */
    double leader_width;         /* the short leader, pt */
    double dotted_width;         /* the dotted leader, pt */
    double dotted_dash[2];       /* its dots: on, off, pt */
    double legend_rise;          /* the legend starts this far above the
                                    band */
    double legend_swatch;        /* a swatch's slot */
    double legend_stroke;        /* the line in it, of the slot */
    double legend_row_gap;       /* between rows */
    double legend_item_gap;      /* between entries */
    double legend_after;         /* below the legend */
    double legend_gap;           /* then to the plot */

    /* bar charts */
    double bar_value_size;       /* the value at a bar's end */
    double bar_value_gap;        /* the bar's end to its value */
    double bar_value_room;       /* right of the widest value */
    double bar_label_gap;        /* labels to the bars */
    double bar_row_max;          /* a row's height at most */
    double bar_label_fill;       /* of the row: a label's size at most */
    double bar_value_fill;       /* a value's size at most */
    double bar_fill;             /* the bar's thickness */
    double key_rise;             /* the key starts this far above the band */
    double key_size;             /* the key's labels */
    double key_swatch;           /* a swatch's side */
    double key_label_gap;        /* a swatch to its label */
    double key_item_gap;         /* between entries */
    double key_row_gap;          /* between rows */
    double key_after;            /* below the key */
    double group_size;           /* grouped bars: their values */
    double group_value_gap;      /* a bar's end to its value */
    double group_base;           /* a group's height at most: this ... */
    double group_per_year;       /* ... plus this for each year */
    double group_fill;           /* of the group: its bars */
    double group_pad;            /* of the group: above its first bar */
    double group_bar_pad;        /* of a bar's slot: above the bar */
    double group_bar_fill;       /* of a bar's slot: the bar */
    double stack_row_max;        /* stacked bars: a row at most */
    double stack_fill;           /* of the row: the bar */
    double stack_pad;            /* of the row: above the bar */
    double stack_right;          /* right of the 100% end */
    double share_size;           /* a share inside its segment ... */
    double share_room;           /* ... when this much wider than it */

    /* the slope chart */
    double slope_focus;          /* line width: the focus region */
    double slope_other;          /* the others */
    double slope_dot;            /* the dots at both ends: radius */
    double slope_label_gap;      /* the rule to the labels */
    double slope_label_room;     /* beside the widest label */
    double slope_head_gap;       /* below the years' headings */
    double slope_pad;            /* the rules' overhang above the lines
                                    and below them */

    /* the sparkline: shares of its height, or pt */
    double spark_pad;            /* above and below the line */
    double spark_dot;            /* the last point: radius ... */
    double spark_dot_min;        /* ... at least, pt */
    double spark_lone;           /* a lone point, times the last one */
    double spark_inset;          /* beyond the dots at both ends, pt */
    double spark_stroke_div;     /* the stroke: the height over this ... */
    double spark_stroke_min;     /* ... at least, pt */

    /* small multiples */
    double panel_size;           /* titles and year labels */
    double panel_hgap;           /* between columns */
    double panel_vgap;           /* between rows */
    double panel_aspect;         /* width over height, near this */
    double panel_title_gap;      /* below a panel's title */
    double panel_year_gap;       /* above the year labels */
    double panel_year_drop;      /* the plot's bottom to its years */
    double panel_min;            /* a panel's plot height at least, pt */
    double panel_years_apart;    /* of the title size: the first and last
                                    year under a panel at least this far
                                    apart */
    double panel_last_year;      /* a grid with the last year alone under
                                    its panels: its plots count this much */
    double panel_title_apart;    /* of the title size: a title on its own
                                    scale clear of the next panel's */
    double panel_labels_apart;   /* of a value label's height: two of them
                                    at least this far apart */
    /* the ranking chart (draw_rank.c) */
    double grow_aspect;          /* a chart whose height follows its rows:
                                    its font as on a page this many widths
                                    high */
    double rank_row;             /* a row's height at most */
    double rank_frame;           /* the height around the rows: title,
                                    subtitle, axis, notes, source */
    double rank_frame_max;       /* ... with two lines of title, note and
                                    source each */
    double rank_sep;             /* of a row: the gap of the separator
                                    above the aggregates */
    double rank_label_fill;      /* of the row: a label's two lines */
    double rank_ref_size;        /* a reference line's label */
    double rank_ref_gap;         /* two reference labels side by side */
    double grow_min;             /* of grow_aspect widths: its height at
                                    least; the font from the width alone
                                    on a page as high */
    double rank_row_min;         /* a row's height at least: fewer rows
                                    are drawn on a page too low */
} plot_geometry;

static const plot_geometry geom = {
    .font_divisor = 31.0, .font_min = 5.5, .font_max = 12.0,
    .margin = 0.9,
    .title_size = 1.3, .title_gap = 0.2, .body_gap = 0.9, .body_min = 5.0,
    .note_size = 0.78, .note_gap = 0.2, .footer_gap = 0.7,

    .label_size = 0.9, .label_share = 0.3, .bar_label_share = 0.35,
    .label_leading = 1.05,

    .tick_size = 0.85, .tick_spacing_y = 3.2, .tick_spacing_x = 5.5,
    .tick_hair = 0.02, .tick_gap = 0.4, .tick_length = 0.25,
    .tick_drop = 0.35, .tick_apart = 0.25, .grid_width = 0.5,
    .axis_width = 0.6,

    .plot_top = 0.3, .plot_inset = 0.3, .year_clear = 0.2,
    .line_focus = 0.2, .line_other = 0.12, .line_context = 0.07,
    .marker_focus = 0.26, .marker_other = 0.2,
    .ring = 2.1, .ring_width = 0.07,
    .forecast_dash = {0.35, 0.25}, .forecast_width = 0.14,
    .target_dash = {0.5, 0.3}, .target_width = 0.09,
    .target_size = 0.78, .target_inset = 0.2, .target_lift = 0.15,
    .base_width = 0.06,

    .end_room = 0.6, .end_gap = 0.5, .end_slack = 0.1,
    .label_rise = 0.7, .early_gap = 0.45,
    .leader_start = 0.4, .leader_end = 0.1, .leader_move = 0.3,
    .leader_width = 0.4, .dotted_width = 0.6, .dotted_dash = {0.6, 1.6},
    .legend_rise = 0.6, .legend_swatch = 1.1, .legend_stroke = 0.8,
    .legend_row_gap = 0.2, .legend_item_gap = 0.9, .legend_after = 0.6,
    .legend_gap = 0.3,

    .bar_value_size = 0.85, .bar_value_gap = 0.3, .bar_value_room = 0.4,
    .bar_label_gap = 0.5, .bar_row_max = 2.4,
    .bar_label_fill = 0.8, .bar_value_fill = 0.75, .bar_fill = 0.62,
    .key_rise = 0.4, .key_size = 0.8, .key_swatch = 0.7,
    .key_label_gap = 0.25, .key_item_gap = 1.1, .key_row_gap = 0.3,
    .key_after = 0.5,
    .group_size = 0.72, .group_value_gap = 0.25,
    .group_base = 1.0, .group_per_year = 1.1,
    .group_fill = 0.8, .group_pad = 0.1,
    .group_bar_pad = 0.08, .group_bar_fill = 0.84,
    .stack_row_max = 2.6, .stack_fill = 0.66, .stack_pad = 0.17,
    .stack_right = 0.5, .share_size = 0.72, .share_room = 0.4,

    .slope_focus = 0.22, .slope_other = 0.13, .slope_dot = 0.22,
    .slope_label_gap = 0.5, .slope_label_room = 0.6,
    .slope_head_gap = 0.6, .slope_pad = 0.3,

    .spark_pad = 0.15, .spark_dot = 0.07, .spark_dot_min = 0.9,
    .spark_lone = 0.6, .spark_inset = 0.5,
    .spark_stroke_div = 28, .spark_stroke_min = 0.5,

    .panel_size = 0.8, .panel_hgap = 1.8, .panel_vgap = 0.3,
    .panel_aspect = 1.6, .panel_title_gap = 0.3, .panel_year_gap = 0.3,
    .panel_year_drop = 0.25, .panel_min = 4, .panel_years_apart = 0.4,
    .panel_last_year = 0.5, .panel_title_apart = 1, .panel_labels_apart = 1.05,

    .grow_aspect = 0.55, .rank_row = 2.0, .rank_frame = 8.5, .rank_frame_max = 13, .rank_sep = 0.6,
    .rank_label_fill = 0.96, .rank_ref_size = 0.78, .rank_ref_gap = 0.6,
    .grow_min = 0.5, .rank_row_min = 1.4,
};

#endif
