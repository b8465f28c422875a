/*
 * cli/cmd.h -- the five commands, one file each: cli/cmd_check.c,
 * cli/cmd_metrics.c, cli/cmd_charts.c, cli/cmd_report.c, cli/cmd_diff.c.
 *
 * A command takes the parsed options with the spec applied (cli/cli.h),
 * wires the stages, prints its results on stdout (or writes its files)
 * and its diagnostics on stderr, and returns the exit status (sysexits.h,
 * DESIGN.md). It frees everything it made before it returns; what c
 * owns stays c's (cli_options_clear). Parsing options and choosing the
 * command are not theirs (cli/options.c, statbrief.c).
 */
#ifndef CLI_CMD_H
#define CLI_CMD_H

#include "cli.h"

/* check: validate and summarize; --dump prints the normalized table;
   with --spec, every placeholder is expanded as the brief would. */
int cli_cmd_check(cli *c);

/* metrics: the figures of each series on stdout, --format table, csv or
   json. */
int cli_cmd_metrics(cli *c);

/* charts: one chart per indicator (or the spec's charts, or a foreach
   batch of them) into -o DIR, as a cron-safe run. */
int cli_cmd_charts(cli *c);

/* report: the PDF brief (or a foreach batch of briefs), as a cron-safe
   run. */
int cli_cmd_report(cli *c);

/* diff OLD NEW: what changed between two vintages (metrics/revisions.h);
   exits as diff(1) does: 0 same, 1 different, 2 trouble. */
int cli_cmd_diff(cli *c);

#endif
