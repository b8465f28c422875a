/*
 * plots/chart.h -- one chart: what it shows (built from the dataset and
 * the metrics, no drawing) and how it is rendered (Cairo surfaces for
 * PDF, PNG and SVG from one drawing function, text through Pango).
 *
 * Ownership: plot_chart_* builders return a chart the caller frees with
 * plot_chart_destroy (NULL is fine). Rendering writes into a caller-owned
 * GByteArray-free buffer (plot_bytes) that the caller frees.
 */
#ifndef PLOTS_CHART_H
#define PLOTS_CHART_H

#include <stddef.h>

#include "core/model.h"
#include "metrics/format.h"
#include "metrics/metrics.h"

typedef enum {
    PLOT_LINE = 0, PLOT_BAR, PLOT_GROUPED, PLOT_STACKED, PLOT_SLOPE,
    PLOT_SPARKLINE, PLOT_SMALL, PLOT_INDEX, PLOT_RANKING
} plot_type;

/* The chart types by name (one table, plots/chart_types.c): "line",
   "bar", "grouped", "stacked", "slope", "sparkline", "small", "index",
   "ranking"; "" for a value that is no type. */
const char *plot_type_name(plot_type t);
/* Parses a chart type by name into *out. Returns -1 if unknown. */
int plot_type_parse(const char *s, int *out);
/* Every type's name in enum order, NULL-terminated, for checking a name
   and for messages that list them (static: do not free). */
const char *const *plot_type_names(void);

#define PLOT_MAX_YEARS 3         /* grouped and stacked bars */
#define PLOT_MAX_LINES 8         /* more lines: small multiples */
/* A line chart of more than PLOT_MAX_LINES regions draws the focus, the
   benchmark, the total and at most PLOT_MAX_NAMED regions the user names
   (--label) in colour with labels; the rest are grey context lines. */
#define PLOT_MAX_NAMED 4
/* Small multiples of more panels than this are no longer read panel by
   panel: the ranking chart takes their place. */
#define PLOT_MAX_PANELS 30
/* A ranking chart shows every region up to PLOT_RANK_ALL; beyond, the
   top and the bottom PLOT_RANK_ENDS, a gap row, and the focus with its
   rank when it is in neither; at most PLOT_RANK_AGGREGATES aggregates
   (the largest) apart under the ranked regions. */
#define PLOT_RANK_ALL 40
#define PLOT_RANK_ENDS 15
#define PLOT_RANK_AGGREGATES 8
/* Small multiples: a shared scale flattens a panel whose own range is
   under 1/PLOT_SMALL_FLAT of the shared one (a panel is a few millimetres
   high: in less than a third of it a line shows no movement); when it
   would flatten more than half the panels, each panel has its own
   scale. */
#define PLOT_SMALL_FLAT 3
/* What the user asks of a chart's regions: which a line chart of many
   names (--label, a spec's labels) and, for small multiples, the order
   of the panels (a spec's order: source; else by rank). */
typedef enum { PLOT_ORDER_RANK = 0, PLOT_ORDER_SOURCE } plot_order;
typedef struct {
    const char *const *names;    /* --label: regions to name, in order */
    size_t n;
    int base;                    /* --base: an index chart's base year
                                    (0: plot_index_default_base) */
    plot_order order;            /* small multiples: the panels' order */
} plot_labels;
typedef enum { PLOT_PDF = 1, PLOT_PNG = 2, PLOT_SVG = 4 } plot_format;

/* Boxes of the labels a render placed (for tests: none may overlap or
   leave the page). Optional: NULL in plot_style to skip. */
typedef struct {
    double x, y, w, h;
    char text[48];               /* its text's first bytes, for the test */
} plot_box;

typedef struct {
    plot_box *box;
    size_t n, cap;
    double page_w, page_h;
} plot_boxes;

typedef struct {
    double width_mm, height_mm;  /* the page */
    double dpi;                  /* PNG resolution */
    fmt_lang lang;
    long long epoch;             /* SOURCE_DATE_EPOCH, else now: PDF date */
    plot_boxes *boxes;           /* optional: where labels went */
} plot_style;

/* A region's line: points in year order; gaps are years left out. */
typedef struct {
    char *label;
    sb_id region;
    int highlight;               /* the focus region */
    /* more than PLOT_MAX_LINES regions: context, a thin grey line
       without a label; else accent, the colour of a labelled line (0 the
       usual, 1 benchmark or total, 2 on: the regions named, in order),
       and keep, its label's priority: the lowest is dropped first when
       the labels need more height than the plot has */
    int context, accent, keep;
    size_t n;
    double *year, *value;
    unsigned char *filled;       /* interpolated: drawn hollow */
    const char **flags;          /* per point: flag letters or NULL */
    /* the focus line's forecast for the year after its last value, as
       metrics_row has it (else 0); forecast_cut: its interval is cut at
       zero (metrics/forecast.h) */
    int forecast_year, forecast_cut;
    double forecast, forecast_lo, forecast_hi;
} plot_line;

/* A bar; in a ranking chart also a row's role. */
typedef enum {
    PLOT_ROW_RANKED = 0,         /* a region with its rank */
    PLOT_ROW_GAP,                /* "…": ranks left out between the ends */
    PLOT_ROW_AGGREGATE           /* apart, below the separator, unranked */
} plot_row;

typedef struct {
    char *label;
    int highlight;
    double value;
    int rank;                    /* ranking: 1 the best; 0 unranked */
    plot_row row;
} plot_bar;

typedef struct plot_chart {
    plot_type type;
    char *title, *subtitle, *source;
    const sb_indicator *ind;     /* numbers go through the formatter */
    fmt_lang lang;
    plot_line *lines;
    size_t n_lines;
    plot_bar *bars;              /* sorted, best first */
    size_t n_bars;
    int year;                    /* bar charts: the year shown */
    sb_id indicator, focus;      /* for the text alternative */
    int first, last;             /* the years shown */
    char *note;                  /* flags, fills, forecast explained */
    int years[PLOT_MAX_YEARS];   /* grouped, stacked: oldest first; */
    size_t n_years;              /* slope: the two ends */
    plot_line *total;            /* stacked: the total region's line */
    char *why;                   /* a layout decision worth telling (-v) */
    size_t n_context;            /* lines drawn as grey context */
    /* index charts (plots/index.h): the base year, whose values are 100
       (else 0); the indicator as the chart reads it (c->ind points
       here); the regions left out for want of a value in the base year,
       in the order met */
    int base;
    sb_indicator indexed;
    char **not_indexed;          /* NULL-ended; NULL: none */
    size_t n_not_indexed;
    int not_positive;            /* one of them has a value there, at or
                                    below zero */
    /* ranking: the benchmark and the total when they are not ranked, as
       labelled reference lines; how many regions are ranked; the regions
       without a value at c->year (for the note) */
    plot_bar refs[2];
    size_t n_refs, n_ranked, n_aggregates;
    char *no_data;
    /* small multiples (prepare_small): the lines in panel order, the
       focus first; order_year, the reference year of the rank order (0:
       the source's order); own_scale, each panel on its own scale (a
       shared one would flatten most panels) */
    int order_year, own_scale;
} plot_chart;

/* The default chart of an indicator: a line chart of the comparison set
   (plus the focus region) over the years, or a bar chart when the set
   has values in one year only. type: -1 for that default. year: the bar
   chart's year (0: the latest with a value). labels: regions a line
   chart of many regions names (NULL: none). Returns NULL (err set,
   SB_EDATA) when the indicator has nothing to draw. */
plot_chart *plot_chart_build(const sb_dataset *ds, metrics_ctx *mc, sb_id ind,
                             int type, int from, int to, fmt_lang lang,
                             const plot_labels *labels, sb_error *err);
void plot_chart_destroy(plot_chart *c);

/* What a flag letter means (SDMX / Eurostat codes, the usual ones):
   "provisional" for p; a generic phrase for letters it does not know. */
const char *plot_flag_meaning(char f, fmt_lang lang);

/* The words that mark a forecast interval cut at zero, to follow the
   interval: "; interval cut at zero" / "，区间在零处截断". */
const char *plot_cut_words(fmt_lang lang);

/* s as it can be drawn: control characters (a region name read from a
   file may hold one) become U+FFFD, the replacement character, instead
   of failing the glyph check. NULL when s needs no change. */
char *plot_printable(const char *s);

/* ---- text bounds ---------------------------------------------------------
   A text is cut to what can be shown before Pango shapes it: shaping costs
   time and memory by the character, so a 900 KB note would cost a second
   and hundreds of megabytes for the one line a page shows of it. Cut at a
   character boundary, with an ellipsis, the same way in charts and in the
   brief. */

#define PLOT_ELLIPSIS "\xe2\x80\xa6"       /* U+2026 */
/* No character of Latin, Greek, Cyrillic or CJK text in the fonts drawn
   with (Noto Sans, Noto Sans CJK) is narrower than this, in em: the
   narrowest, the space of Noto Sans CJK, is 0.22 em. A line of text then
   holds at most width / (size * PLOT_MIN_ADVANCE) characters. Rarer
   narrow marks (U+2044 is 0.13 em) and zero-width characters are cut
   before their line is full, and still end in an ellipsis. */
#define PLOT_MIN_ADVANCE 0.2
/* A name (region, indicator, unit, group) is printed whole up to this
   many characters, wherever it is printed: the longest indicator names
   of the portals' exports are about 130. */
#define PLOT_NAME_MAX_CHARS 300
/* A note or a source from the data is printed whole up to this many
   characters: some four pages of a brief's small print (a note of 2,500
   words, 24,000 characters, is printed whole). A chart shows two lines
   of it. */
#define PLOT_NOTE_MAX_CHARS 32768

/* The most characters `lines` lines of `width` points can show at
   `size` points (at least one line; see PLOT_MIN_ADVANCE). */
size_t plot_text_fit(double width, double size, int lines);
/* s cut to its first max_chars characters and an ellipsis (g_free); NULL
   when s has no more than max_chars characters, so that a text that fits
   is used as it is. Reads no more than max_chars + 1 characters of s: the
   cost follows the bound, not the length of s. */
char *plot_text_cut(const char *s, size_t max_chars);
/* A copy of s, cut as plot_text_cut cuts it (g_free); never NULL. */
char *plot_text_dup(const char *s, size_t max_chars);

/* The height a chart needs at width_mm (both mm): a ranking chart's
   follows its rows (and is at least 0.275 widths high); every other
   type's is height_mm. */
/* A ranking chart's note for the rows drawn: the top and bottom ranks
   shown of many (top 0: every region; bottom 0: the top only), the
   aggregates when drawn, the regions without a value (g_free; NULL when
   it says nothing). The chart's own note says what the full page shows;
   a page too low for its rows draws fewer, and says so with this. */
char *plot_ranking_note(const plot_chart *c, size_t top, size_t bottom,
                        int aggregates);
double plot_chart_height_mm(const plot_chart *c, double width_mm,
                            double height_mm);
/* The text size (points) of a chart drawn w x h points: it follows the
   shorter side, within a least and a largest size (a narrow drawing's
   text is the least size, relatively larger). */
double plot_chart_font_pt(double w, double h);

/* The bytes of a file, and a layout decision worth telling (-v). */
typedef struct {
    unsigned char *data;
    size_t len;
    char *why;                   /* e.g. why a legend replaced labels */
} plot_bytes;
void plot_bytes_free(plot_bytes *b);

/* Renders c as one file. Fails with SB_EDATA when the fonts lack a
   character (the message names them), SB_EINTERNAL on a Cairo error. */
sb_status plot_chart_render(const plot_chart *c, const plot_style *s,
                            plot_format f, plot_bytes *out, sb_error *err);

/* plot_chart_render in two steps, so that a PNG's pixels are compressed
   on another thread while the caller draws c's other formats: start
   draws (c and s must stay alive until finish); finish gives the bytes
   or the error, as plot_chart_render would, and frees the pending
   render. Every start needs its finish. */
typedef struct plot_pending plot_pending;
plot_pending *plot_chart_render_start(const plot_chart *c,
                                      const plot_style *s, plot_format f);
sb_status plot_chart_render_finish(plot_pending *p, const plot_chart *c,
                                   plot_bytes *out, sb_error *err);
/* Whether start compresses a PNG on a thread of its own (1, the
   default) or finish does it on the caller's (0): for --jobs workers
   that already keep every CPU busy, where the extra thread only adds
   its start and the pixels' trip to another core. The same bytes
   either way. Set before any render. */
void plot_render_png_thread(int on);

/* Draws c on an existing Cairo context (a page of a brief): vector, in
   a w x h point box at the current origin. The context's state is kept.
   Fails like plot_chart_render when a character has no font. */
typedef struct _cairo cairo_t;
sb_status plot_chart_draw(cairo_t *cr, const plot_chart *c, fmt_lang lang,
                          double w, double h, sb_error *err);

/* Reads fontconfig's configuration and font caches now, on this thread,
   so that processes forked after it (--jobs workers) share them instead
   of each reading them again. Starts no thread, so forking after it is
   safe; a Pango font map is not (it keeps a fontconfig thread that a
   child would lack, and would wait for it forever). */
void plot_library_preload(void);

/* Releases the font caches Pango, Cairo and fontconfig keep for the
   process (so that leak checkers see only real leaks). Call once, after
   the last render. */
void plot_library_shutdown(void);

#endif
