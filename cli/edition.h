/*
 * cli/edition.h -- a brief's previous edition in a cron run: the vintage
 * its data were (cli/vintage.h) read back and compared with this run's
 * data (metrics/revisions.h), which gives the brief its annex
 * "Revisions since the previous edition" and revisions-<year>.csv
 * beside it; then this edition's vintage kept for the next one.
 *
 * Used by cli/outrun.c (cli_outrun_brief) once the run has decided that the brief is to be
 * built. Rules (docs/cron.md): no vintage (a first edition), a damaged
 * one or --no-revisions: no annex and no CSV; the same data: none
 * either; the vintage file is replaced by each edition, one per brief.
 */
#ifndef CLI_EDITION_H
#define CLI_EDITION_H

#include "cli.h"
#include "load.h"
#include "run.h"
#include "vintage.h"

#include "metrics/figdiff.h"
#include "metrics/revisions.h"

typedef struct {
    char *vintage;               /* the vintage file of this brief */
    cli_vintage *old;            /* the previous edition's; NULL: none */
    metrics_ctx *old_mc;         /* its figures; NULL: none */
    rev_result *rev;             /* the revisions; NULL: no annex */
    figdiff_result *fig;         /* the figures that change, with rev */
    char *csv;                   /* revisions-<year>.csv, when rev */
    void *packed;                /* this edition's vintage */
    size_t packed_len;
} cli_edition;

/* Before the brief of r is written (run wants it): reads the previous
   vintage, compares, and sets r->revisions, r->previous and
   r->previous_mc for the annex; adds the vintage and (with revisions)
   the CSV to the output run is making. m: the brief's figure options
   (its focus: a batch item's). year: the brief's (its file's) year. in: the
   run's input files, kept in the vintage. SB_ECANTCREAT when the vintage's or the CSV's path may not be
   written (a link there), SB_ENOMEM, SB_EINTERNAL: nothing is written
   then. e goes back through cli_edition_clear whatever this returns. */
sb_status cli_edition_begin(cli_edition *e, const cli *c, const cli_loaded *l,
                            metrics_ctx *mc, const metrics_opts *m,
                            const cli_input *in, size_t n_in, cli_run *run,
                            int year, report_opts *r, sb_error *err);

/* After the brief was written: the CSV (when there are revisions) and
   this edition's vintage, atomically. */
sb_status cli_edition_end(cli_edition *e, cli_run *run, sb_error *err);

void cli_edition_clear(cli_edition *e);

#endif
