/*
 * cli/foreach.h -- the batches of charts and report: a spec's foreach
 * (one brief, or one set of the spec's charts, per region and/or year)
 * and charts --jobs without a spec (one item per indicator).
 *
 * Expands the items (cli/items.h), renders them in this process or in
 * --jobs workers (cli/batch.h) inside one cron-safe run (cli/outrun.h).
 * Each item prints its own diagnostics; a failing item does not stop
 * the others.
 */
#ifndef CLI_FOREACH_H
#define CLI_FOREACH_H

#include "cli.h"
#include "load.h"
#include "run.h"

/* report with a spec's foreach: one brief per item, written where -o or
   the spec's output template (default brief-{region}-{year}.pdf) says,
   the folders the template adds below its fixed part made as needed
   (never through a symbolic link). c's report options are set up by the
   caller. Returns the exit status: 0, 64 for -o with a placeholder it
   cannot fill, 65 for a template that does not name what the batch runs
   over (or warnings with --strict), 73 for more files than
   --max-outputs, else the first failing item's status or the run's (all
   printed). */
int cli_foreach_report(cli *c, const cli_loaded *l);

/* charts --spec with foreach: each item's charts in -o or the spec's
   chart_dir, with /{region} and /{year} added when it does not name
   them, its folders made as cli_foreach_report's. Every chart of every
   item is tried. given: SOURCE_DATE_EPOCH was set. Returns the exit
   status as cli_foreach_report does. c->plot is left as it was. */
int cli_foreach_charts(cli *c, const cli_loaded *l, int given);

/* --max-outputs for charts without foreach: SB_ECANTCREAT, with the
   count in err, when the spec's charts (else one chart per selected
   indicator), each in its formats with its text, are more files than
   c->max_outputs. Checked before the run begins: nothing is written. */
sb_status cli_foreach_charts_limit(const cli *c, const cli_loaded *l,
                                   sb_error *err);

/* charts --jobs N without a spec: the selected indicators' charts in N
   workers inside run, one item per indicator, through c->plot. Returns
   0, drawing nothing, when that cannot give the files one process would
   say (one job, fewer than two indicators, or two whose file names
   clash: one process warns of them); else 1, with the batch's exit
   status in *status. */
int cli_foreach_indicators(const cli *c, const cli_loaded *l,
                           metrics_ctx *mc, cli_run *run, int given,
                           int *status);

#endif
