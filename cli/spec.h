/*
 * cli/spec.h -- the report spec (--spec) under the command line: what
 * the spec says fills what the command line left open, never more.
 *
 * The spec is read and checked by input/spec.h; its placeholders are
 * expanded by reports/. This module only merges its settings into the
 * cli struct, resolves its paths against its folder and lists the
 * charts it names.
 */
#ifndef CLI_SPEC_H
#define CLI_SPEC_H

#include "cli.h"

/* The names a spec may use that later stages define (chart types and
   formats from plots/, table columns from reports/ and metrics/): the
   stages are wired together here, so the spec parser keeps no copy. */
const spec_vocab *cli_spec_vocab(void);

/* Reads c->spec_path into c->spec (owned by c, freed by
   cli_options_clear) and lets it fill language, paper, author, focus,
   group, total, benchmark, the region list (c->m.regions, owned by c)
   and the window where the command line gave none. Returns -1 to go on,
   else the exit status after printing the spec's error (65, 66). */
int cli_spec_apply(cli *c);

/* 1 when c has a spec with a foreach (a batch of briefs or charts). */
int cli_spec_foreach(const cli *c);

/* The spec's period "last: N" once the data say which year is the last:
   *from becomes the first of N years ending at to, unless *from is set
   already or there is no spec, no "last" or no year. Cannot fail. */
void cli_spec_last(const cli *c, int to, int *from);

/* The spec's output template with {year} and {lang}, relative to the
   spec's folder. The caller frees it (g_free); NULL when the spec has no
   output (or there is no spec). */
char *cli_spec_output(const cli *c, int year);

/* Path t as the spec means it: relative to the spec's folder, unless it
   is absolute or there is no spec. The caller frees it (g_free). */
char *cli_spec_path(const cli *c, const char *t);

/* charts --spec: the spec's chart_dir (relative to its folder), else
   charts/ beside the spec. c->spec must be set. The string is owned by
   c (kept in c->column_specs) and lives as long as c. */
const char *cli_spec_chart_dir(cli *c);

/* Draws every chart the spec's sections name (those of --indicator, in
   c->isel_spec, when given) into c->plot.dir through c->plot.sink, each
   with the spec's options over the command line's. A spec without
   charts is a warning in notes. Returns plot_run_list's status with its
   error in err. */
sb_status cli_spec_charts(const cli *c, const sb_dataset *ds, metrics_ctx *mc,
                          sb_diag *notes, sb_error *err);

#endif
