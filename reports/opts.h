/*
 * reports/opts.h -- what a brief is asked for (report_opts) and what
 * writing it gives back (report_result): the command line fills the
 * first, brief.c and the parts it assembles read it.
 *
 * Types only, below brief.h, so that the parts need not include the
 * header of the module that calls them.
 */
#ifndef REPORTS_OPTS_H
#define REPORTS_OPTS_H

#include <stddef.h>

#include "doc.h"
#include "core/model.h"
#include "input/spec.h"
#include "metrics/metrics.h"
#include "metrics/revisions.h"

/* The files a brief is written as (report_opts.formats; the table of
   their names, extensions and backends is brief.c's). */
typedef enum { REPORT_FMT_PDF = 1, REPORT_FMT_HTML = 2 } report_format;
#define REPORT_N_FORMATS 2

typedef struct {
    const char *title;           /* NULL: the spec's, else from the data */
    int overview;                /* 1: no focus region (metrics_opts's
                                    no_default_focus): an overview */
    const char *author;          /* NULL: "statbrief" */
    fmt_lang lang;
    report_paper paper;
    int year;                    /* the brief's year; 0: DESIGN.md's rule */
    int from;                    /* pinned first year; 0: each series' */
    long long epoch;             /* SOURCE_DATE_EPOCH, else now */
    int epoch_given;             /* 1: from SOURCE_DATE_EPOCH */
    int interpolate;             /* --interpolate: gaps were filled */
    const char *output;          /* NULL: brief-{year}.pdf; with several
                                    formats, each file is named by
                                    report_format_path */
    unsigned formats;            /* REPORT_FMT_ bits; 0: PDF */
    const char *metrics_csv;     /* NULL: none */
    size_t warnings;             /* raised while loading, for the notes */
    const sb_spec *spec;         /* NULL: the default brief */
    /* --label: the regions a line chart of many regions names in colour
       (every chart of the brief; over a spec chart's labels); n 0: none */
    plot_labels labels;
    sb_diag *diag;               /* warnings while writing; NULL: none */
    int strict;                  /* --strict: a warning while writing
                                    keeps the brief from being written */
    /* Nonzero once the run is to stop (SIGTERM, SIGINT): checked between
       the brief's parts, sections and pages, it then ends with
       SB_ECANCELED and writes nothing. NULL: never stops. */
    report_stop_fn stop;
    /* The SHA-256 (hex) of an input file, which the notes print: the
       caller has it (it keys the brief on it); NULL when unknown. */
    const char *(*input_sha)(void *ctx, const char *path);
    void *input_sha_ctx;
    /* The revisions since the previous edition, for the annex
       (reports/annex.h), and the previous edition's data (what its
       figures were); NULL: no annex. Borrowed. */
    const rev_result *revisions;
    const sb_dataset *previous;
    metrics_ctx *previous_mc;    /* of `previous`, the same options */
    int no_revisions;            /* --no-revisions: no annex asked */
} report_opts;

typedef struct {
    char *path;                  /* the first file written (g_free) */
    char *paths[REPORT_N_FORMATS];   /* each file written, in the order of
                                    the formats' table; NULL: not asked
                                    (g_free) */
    size_t pages, bytes;         /* the PDF's pages; bytes of all */
    int year;
} report_result;

#endif
