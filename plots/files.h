/*
 * plots/files.h -- the charts of a run as files: safe, unique names
 * (DESIGN.md "Outputs") and atomic writes (a temporary name in the target
 * directory, renamed into place only when complete).
 */
#ifndef PLOTS_FILES_H
#define PLOTS_FILES_H

#include "chart.h"

struct plot_sink;

typedef struct {
    plot_style style;
    unsigned formats;            /* PLOT_PDF | PLOT_PNG | PLOT_SVG */
    int type;                    /* -1: each indicator's default */
    int from, to;
    const char *dir;             /* created when missing */
    int size_given;              /* --size: else sparklines are 30 x 8 mm */
    int quiet, verbose;
    const char *title;           /* NULL: from the metadata */
    const struct plot_sink *sink;   /* NULL: draw and write every chart */
} plot_run;

/* Who decides which charts are drawn and hears of every file written
   (the command line: incremental runs, logging). */
typedef struct plot_sink {
    /* Before chart of ind is drawn, the paths its files will have:
       1 to draw and write it, 0 to leave its files as they are, -1 to
       stop the run: with the sink's error in err, else SB_ECANCELED. */
    int (*want)(void *ctx, sb_id ind, const plot_run *o,
                const char *const *paths, size_t n, sb_error *err);
    /* Once a chart is to be drawn: 1 if this one of its files is to be
       written, 0 if it is current (NULL: all are written). */
    int (*need)(void *ctx, const char *path);
    /* After each file is written. */
    void (*wrote)(void *ctx, sb_id ind, const plot_run *o, const char *path,
                  double seconds);
    void *ctx;
} plot_sink;

/* Parses "pdf,png,svg" into PLOT_* bits. Returns -1 on an unknown one. */
int plot_formats_parse(const char *s, unsigned *out);
/* The formats' names, NULL-terminated, in the order of their bits (the
   i-th is 1 << i); static, do not free. */
const char *const *plot_format_names(void);

/* A file name from an indicator id or a region name: '/', '\', control
   characters and both dots of ".." become '_', a leading '.' too;
   everything else (Chinese, spaces) is kept. */
char *plot_safe_name(const char *id);

/* Writes the charts of the selected indicators (NULL: all) into o->dir:
   <id>[-<type>][-<lang>].<ext>, the suffixes only when they differ from
   the indicator's default chart and English. Fails with SB_ECANTCREAT
   (a file or the directory cannot be written; nothing partial is left),
   or a render error. Indicators with nothing to draw are skipped with a
   warning in diag. */
sb_status plot_run_charts(const sb_dataset *ds, metrics_ctx *mc,
                          const unsigned char *indicators,
                          const plot_run *o, sb_diag *diag, sb_error *err);

/* A spec's charts: chart i of indicator inds[i] with runs[i]'s type,
   window, size, formats, title and directory; names unique across the
   list. */
sb_status plot_run_list(const sb_dataset *ds, metrics_ctx *mc, const sb_id *inds,
                        const plot_run *runs, size_t n, sb_diag *diag,
                        sb_error *err);

#endif
