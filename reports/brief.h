/*
 * reports/brief.h -- the default brief: title block, key findings, a
 * summary table with sparklines, a section per indicator (chart, text,
 * comparison table), notes (definitions, sources, data quality,
 * generation details). Written atomically; optionally every printed
 * figure as CSV.
 */
#ifndef REPORTS_BRIEF_H
#define REPORTS_BRIEF_H

#include "doc.h"
#include "core/model.h"
#include "input/spec.h"
#include "metrics/metrics.h"

typedef struct {
    const char *title;           /* NULL: "<focus>: science and ..." */
    const char *author;          /* NULL: "statbrief" */
    fmt_lang lang;
    report_paper paper;
    int year;                    /* the brief's year; 0: DESIGN.md's rule */
    int from;                    /* pinned first year; 0: each series' */
    long long epoch;             /* SOURCE_DATE_EPOCH, else now */
    int epoch_given;             /* 1: from SOURCE_DATE_EPOCH */
    int interpolate;             /* --interpolate: gaps were filled */
    const char *output;          /* NULL: brief-{year}.pdf */
    const char *metrics_csv;     /* NULL: none */
    size_t warnings;             /* raised while loading, for the notes */
    const sb_spec *spec;         /* NULL: the default brief */
    sb_diag *diag;               /* warnings while writing; NULL: none */
    int strict;                  /* --strict: a warning while writing
                                    keeps the brief from being written */
    /* The SHA-256 (hex) of an input file, which the notes print: the
       caller has it (it keys the brief on it); NULL when unknown. */
    const char *(*input_sha)(void *ctx, const char *path);
    void *input_sha_ctx;
} report_opts;

typedef struct {
    char *path;                  /* the PDF written (g_free) */
    size_t pages, bytes;
    int year;
} report_result;

/* The brief's year by DESIGN.md: the latest year with a value for the
   focus region in any indicator. 0 when it has none. */
int report_brief_year(const sb_dataset *ds, metrics_ctx *mc);

/* Builds and writes the brief of the selected indicators (NULL: all).
   SB_ECANTCREAT when a file cannot be written (nothing is left half
   written), SB_EDATA when the focus region has no values. */
sb_status report_brief_write(const sb_dataset *ds, metrics_ctx *mc,
                             const unsigned char *indicators,
                             const report_opts *o, report_result *res,
                             sb_error *err);

#endif
