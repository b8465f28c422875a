/*
 * plots/files.h -- the charts of a run as files: safe, stable, unique
 * names (DESIGN.md "Outputs"; docs/charts.md "Files") and atomic writes
 * (a temporary name in the target directory, renamed into place only
 * when complete).
 *
 * A name (an indicator id, a region name) that can be a file name as it
 * is, is written as it is. One that had to be changed (a character made
 * '_', cut short) or that a normalising share would change (not NFC)
 * carries a short hash of the name as written, so that its file never
 * depends on which other names a run has: a file name means the same
 * name in every run. Names that would still share a file (names that
 * differ only in case, on a case-insensitive share) are told apart the
 * same way, with a warning.
 */
#ifndef PLOTS_FILES_H
#define PLOTS_FILES_H

#include "chart.h"

struct plot_sink;
struct plot_names;

typedef struct {
    plot_style style;
    unsigned formats;            /* PLOT_PDF | PLOT_PNG | PLOT_SVG */
    int type;                    /* -1: each indicator's default */
    int from, to;
    const char *dir;             /* created when missing */
    int size_given;              /* --size: else sparklines are 30 x 8 mm */
    int quiet, verbose;
    const char *title;           /* NULL: from the metadata */
    plot_labels labels;          /* --label: regions a line chart of many
                                    names (borrowed) */
    const struct plot_sink *sink;   /* NULL: draw and write every chart */
    const struct plot_names *names; /* the run's file names; NULL: made
                                       from the charts it runs */
    sb_diag *failed;             /* NULL, or where every failed chart goes
                                    when more than one failed */
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

/* Longest name kept whole, in bytes: room for the hash, the suffixes,
   the extension and the temporary name's ".NAME.sbtmp-XXXXXX" within a
   file name's 255 bytes (NAME_MAX). */
#define PLOT_NAME_KEEP 120

/* The file name of one name alone: '/', '\', control, format and
   line or paragraph separator characters (U+0085, U+2028, U+202E, ...),
   bytes that are not UTF-8, and both dots of ".." become '_', a leading
   '.' too; a name longer than PLOT_NAME_KEEP bytes is cut at a character
   boundary. A name so changed, or not in Unicode's composed form (NFC),
   gets "-" and the first 4 hex digits of the SHA-256 of the name as
   written ("a/b" -> "a_b-c14c"); everything else (Chinese, spaces) is
   kept. The caller frees it (g_free). */
char *plot_file_name(const char *name);

/* The file names of a run's names (the indicators it charts, the regions
   of a batch): plot_file_name's, and where two of them would share a
   file, also on a share that ignores case or Unicode normalisation
   (SMB, macOS), the names told apart by a longer or a first hash: a name
   written as it is keeps its file when it is the only such one of the
   clash, else every one of them gets its hash. Each clash is a warning
   in diag naming the names and their files (what: "region",
   "indicator"). Duplicates in names are one name. SB_ENOMEM when a
   warning could not be stored; *out is set either way (free it with
   plot_names_free). */
typedef struct plot_names plot_names;
sb_status plot_names_new(const char *const *names, size_t n,
                         const char *what, sb_diag *diag, plot_names **out);
/* The file name of name, one of those given; NULL for another. Owned by
   pn. */
const char *plot_names_file(const plot_names *pn, const char *name);
/* How many warnings making pn gave (0: no two names clashed). */
size_t plot_names_clashes(const plot_names *pn);
void plot_names_free(plot_names *pn);

/* The files a chart of o makes: one per format, and its text. */
size_t plot_run_files(const plot_run *o);

/* Writes the charts of the selected indicators (NULL: all) into o->dir:
   <name>[-<type>][-<lang>].<ext>, name from o->names (else from the
   selected ids, plot_names_new), the suffixes only when they differ from
   the indicator's default chart and English. A suffixed name that is
   another indicator's plain name gets its hash too (a warning). Every
   chart is tried: one that fails (SB_ECANTCREAT: a file or the directory
   cannot be written, nothing partial left; SB_EDATA: a render error)
   does not stop the others. Returns the first failure's status, with it
   in err, or when more than one failed, every failure in o->failed and
   a count in err. A signal (the sink's -1), an internal error or lack of
   memory stops the run at once. Indicators with nothing to draw are
   skipped with a warning in diag. */
sb_status plot_run_charts(const sb_dataset *ds, metrics_ctx *mc,
                          const unsigned char *indicators,
                          const plot_run *o, sb_diag *diag, sb_error *err);

/* A spec's charts: chart i of indicator inds[i] with runs[i]'s type,
   window, size, formats, title and directory; names as plot_run_charts
   gives them (from runs[0].names, else from inds), unique across the
   list (the same chart named twice: "-2" for the second, in list order).
   Failures as plot_run_charts, listed in runs[0].failed. */
sb_status plot_run_list(const sb_dataset *ds, metrics_ctx *mc, const sb_id *inds,
                        const plot_run *runs, size_t n, sb_diag *diag,
                        sb_error *err);

#endif
