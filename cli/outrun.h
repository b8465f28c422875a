/*
 * cli/outrun.h -- the commands that write files (charts, report) as
 * cron-safe runs: SOURCE_DATE_EPOCH, the input files' digests, the run
 * on the output directory (cli/run.h: lock, state, manifest) begun and
 * ended, and for each brief or chart the key that decides whether it is
 * built again or left as it is.
 *
 * The run's mechanics (locking, the state store, the log lines) are
 * cli/run.c's; the keys are cli/keys.c's; drawing and writing are
 * plots/' and reports/'. This module joins them to the options.
 */
#ifndef CLI_OUTRUN_H
#define CLI_OUTRUN_H

#include "cli.h"
#include "digest.h"
#include "load.h"
#include "run.h"

/* A run's input files with their SHA-256. Owned: the paths and the
   array go back through cli_outrun_files_clear. */
typedef struct {
    cli_input *in;
    size_t n;
} cli_outrun_files;

/* What charts or report holds while it makes its files (outside a
   batch): set up by cli_outrun_start, all of it freed by
   cli_outrun_finish. */
typedef struct {
    cli_loaded l;                /* the input */
    metrics_ctx *mc;             /* made by the command; NULL before */
    sb_diag notes;               /* the command's warnings */
    cli_outrun_files files;      /* the inputs' digests, for the run */
    cli_run *run;                /* NULL until cli_outrun_begin */
} cli_outrun;

/* What charts and report do first: check the window (--from <= --to),
   read SOURCE_DATE_EPOCH (else now) into *epoch and *given, load into
   r->l, refuse --shard without a foreach batch to cut. Returns 0 to go
   on, else the exit status after printing the error (64 for a bad
   window, SOURCE_DATE_EPOCH or --shard, else cli_load's). r is set up
   here: whatever it returns, r goes back through cli_outrun_finish. */
int cli_outrun_start(cli *c, long long *epoch, int *given, cli_outrun *r);

/* Ends r's run, if begun, with the command's exit status (as
   cli_outrun_end) and frees all r holds; a zeroed r is fine. Returns the
   status to exit with. */
int cli_outrun_finish(cli_outrun *r, int status);

/* The digests of every file l was loaded from and of the spec, into
   *files (always set): those of the bytes that were parsed, taken as
   they were read (input/csvread.h), never of the files as they are now.
   SB_EINTERNAL with the message in err when libcrypto fails, or when l
   was loaded without digests (cli_load gives report and charts them);
   *files still goes back through cli_outrun_files_clear. */
sb_status cli_outrun_files_read(const cli *c, const cli_loaded *l,
                                cli_outrun_files *files, sb_error *err);

/* Frees files' paths and array and zeroes it; a zeroed one is fine. */
void cli_outrun_files_clear(cli_outrun_files *files);

/* Begins the run of command ("charts", "report") on dir with c's --wait,
   --force, --lang and --shard (a shard has its own lock, store and
   manifest): takes the lock, reads the state. On success *run is the
   caller's, ended by cli_outrun_end. Fails as cli_run_begin does (the
   lock held, the directory not writable), with the message in err. */
sb_status cli_outrun_begin(const cli *c, const char *command, const char *dir,
                           const cli_outrun_files *files, long long epoch,
                           int given, cli_run **run, sb_error *err);

/* Ends run (NULL: nothing to end) with the command's exit status and
   returns the status to exit with: status, or when it was 0 and saving
   the state or manifest failed, that error's (printed). */
int cli_outrun_end(cli_run *run, int status);

/* Writes the brief of options m and r (r->output, r->metrics_csv)
   unless run finds it current, and tells run what was written. res gets
   report_brief_write's result (nothing when the brief was current);
   res->path is the caller's to g_free whatever this returns. Fails with
   report_brief_write's status, SB_EINTERNAL when a digest fails or
   SB_ECANCELED after a signal, with the message in err. */
sb_status cli_outrun_brief(const cli *c, const cli_loaded *l, metrics_ctx *mc,
                           const metrics_opts *m, const report_opts *r,
                           const cli_outrun_files *files, cli_run *run,
                           report_result *res, sb_error *err);

/* How plots/ asks the run whether a chart is to be drawn, and tells it
   what was written. All borrowed; it must outlive the drawing. */
typedef struct {
    const cli *c;
    const sb_dataset *ds;
    const metrics_ctx *mc;
    cli_run *run;
    int epoch_given;
    char key[CLI_HEX];           /* of the chart being made */
    plot_sink sink;              /* what plot_run.sink points to */
} cli_outrun_sink;

/* Fills k and returns &k->sink, for a plot_run's sink. Cannot fail. */
const plot_sink *cli_outrun_sink_init(cli_outrun_sink *k, const cli *c,
                                      const sb_dataset *ds,
                                      const metrics_ctx *mc, cli_run *run,
                                      int epoch_given);

#endif
