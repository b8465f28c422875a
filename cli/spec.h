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
   cli_options_clear), checks the placeholders of its output and
   chart_dir (below), and lets it fill language, paper, author, focus,
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

/* Output templates: the spec's output and chart_dir, and -o of a batch.
   {region} (the region's file name, plots/files.h), {year} and {lang}
   ("en", "zh"); "{{" and "}}" are braces. output may hold {year} and
   {lang} always, {region} with foreach over regions; chart_dir holds
   the same with foreach, {lang} without. Anything else is refused where
   the spec is read: SB_EDATA (65) at the placeholder's line and column,
   with a "did you mean".

   cli_template_fill reads t once, left to right: a value put in is never
   read again (a region named "{lang}" stays "{lang}"). region NULL
   leaves {region} as it is. The caller frees the result. */
char *cli_template_fill(const char *t, const char *region, int year,
                        const char *lang);
/* 1 when template t holds placeholder {name}. */
int cli_template_has(const char *t, const char *name);
/* -o as the template of c's batch: 0 when its placeholders are those
   the spec's output may hold, else 64 after printing why. */
int cli_template_check_arg(const cli *c, const char *t);
/* "en" or "zh": what {lang} is for c. Static. */
const char *cli_spec_lang(const cli *c);

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

/* The files cli_spec_charts would write (each chart's formats and its
   text): what --max-outputs counts. */
size_t cli_spec_chart_files(const cli *c, const sb_dataset *ds);

/* The file names of the spec's charts' indicators (plots/files.h), their
   clashes as warnings in notes: one set for every item of a batch.
   SB_ENOMEM when a warning could not be stored; *out is set either way
   (plot_names_free). */
sb_status cli_spec_chart_names(const cli *c, const sb_dataset *ds,
                               sb_diag *notes, plot_names **out);

/* Draws every chart the spec's sections name (those of --indicator, in
   c->isel_spec, when given) into c->plot.dir through c->plot.sink, each
   with the spec's options over the command line's. A spec without
   charts is a warning in notes. Returns plot_run_list's status with its
   error in err (every chart tried; c->plot.failed, when set, gets the
   failures err does not say). */
sb_status cli_spec_charts(const cli *c, const sb_dataset *ds, metrics_ctx *mc,
                          sb_diag *notes, sb_error *err);

#endif
