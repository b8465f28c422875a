/*
 * cli/cmd_charts.c -- statbrief charts: load, then draw one chart per
 * selected indicator (or the spec's charts, or a foreach batch of them)
 * into -o DIR, as a cron-safe run that leaves current charts as they
 * are.
 *
 * Draws nothing itself: plots/ does, asking the run through the sink of
 * cli/outrun.h whether each chart is to be drawn. Batches (foreach,
 * --jobs) are cli/foreach.c's.
 */
#include "cmd.h"

#include "diag.h"
#include "foreach.h"
#include "load.h"
#include "outrun.h"
#include "spec.h"

#include <string.h>

/* What charts holds while it runs: all of it freed at its end. */
typedef struct {
    cli_loaded l;
    metrics_ctx *mc;
    sb_diag notes;
    cli_outrun_files files;      /* the run's inputs */
    cli_run *run;
    cli_outrun_sink sink;
    int given;                   /* SOURCE_DATE_EPOCH was set */
} charts_run;

/* The plots stage's options from the command line's. */
static void charts_options(cli *c, const cli_loaded *l)
{
    c->m.from = c->from;
    c->m.to = c->to;
    c->plot.from = c->from;
    c->plot.to = c->to;
    c->plot.style.lang = c->lang;
    c->plot.quiet = c->quiet;
    c->plot.verbose = c->verbose;
    if (c->spec_path != NULL && c->output == NULL && !cli_spec_foreach(c))
        c->plot.dir = cli_spec_chart_dir(c);
    c->isel_spec = l->isel;
}

/* charts without a foreach: the spec's charts, else the selected
   indicators' (in --jobs workers when that gives the same files), in one
   run on the output directory. Returns the exit status. */
static int charts_draw(cli *c, charts_run *s)
{
    sb_error err = {0};
    sb_status rc;
    int status = 0;

    cli_spec_last(c, c->to ? c->to : cli_load_latest_year(s->l.ds),
                  &c->plot.from);
    rc = metrics_ctx_create(s->l.ds, &c->m, &s->mc, &err);
    if (rc == SB_OK)
        rc = cli_outrun_files_read(c, &s->l, &s->files, &err);
    if (rc == SB_OK)
        rc = cli_outrun_begin(c, "charts", c->plot.dir, &s->files,
                              c->plot.style.epoch, s->given, &s->run, &err);
    c->plot.sink = cli_outrun_sink_init(&s->sink, c, s->l.ds, s->mc, s->run,
                                        s->given);
    if (rc == SB_OK && c->spec != NULL)
        rc = cli_spec_charts(c, s->l.ds, s->mc, &s->notes, &err);
    else if (rc == SB_OK && cli_foreach_indicators(c, &s->l, s->mc, s->run,
                                                   s->given, &status))
        rc = SB_OK;                        /* --jobs: drawn by workers */
    else if (rc == SB_OK)
        rc = plot_run_charts(s->l.ds, s->mc, s->l.isel, &c->plot, &s->notes,
                             &err);
    if (rc == SB_ECANCELED && err.code == SB_OK)
        sb_error_set(&err, rc, NULL, 0, 0, "stopped by a signal; the charts "
                     "finished so far are kept");
    if (status == 0 || rc != SB_OK)
        status = cli_diag_status(c->strict, rc, &err, &s->notes);
    return status;
}

int cli_cmd_charts(cli *c)
{
    charts_run s;
    int status;

    memset(&s, 0, sizeof s);
    sb_diag_init(&s.notes);
    status = cli_outrun_start(c, &c->plot.style.epoch, &s.given, &s.l);
    if (status != 0)
        goto done;
    charts_options(c, &s.l);
    if (cli_spec_foreach(c))
        status = cli_foreach_charts(c, &s.l, s.given);
    else if (c->shard_n > 0)
        status = cli_diag_fail(SB_EUSAGE, "--shard needs a spec with foreach "
                               "(a batch to cut)");
    else
        status = charts_draw(c, &s);
done:
    status = cli_outrun_end(s.run, status);
    cli_outrun_files_clear(&s.files);
    sb_diag_clear(&s.notes);
    metrics_ctx_destroy(s.mc);
    cli_load_clear(&s.l);
    plot_library_shutdown();
    return status;
}
