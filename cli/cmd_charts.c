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
#include "log.h"
#include "outrun.h"
#include "run.h"
#include "spec.h"

#include "plots/index.h"

#include <math.h>

/* What charts holds while it runs: all of it freed at its end. */
typedef struct {
    cli_outrun r;                /* the input, the figures, the run */
    cli_outrun_sink sink;        /* c->plot.sink points here */
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

/* Whether indicator i is charted by this run. */
static int selected(const cli_loaded *l, sb_id i)
{
    return l->isel == NULL || l->isel[i];
}

/* --type index, before anything is drawn: a selected indicator that
   cannot be indexed (a growth rate) and a --base year in which no
   selected indicator has a value inside the window (--from, --to) are
   errors of the run (65), not a chart left out with a warning. */
static sb_status index_checks(const cli *c, const cli_loaded *l,
                              sb_error *err)
{
    int lo = 0, hi = 0, seen = 0;
    size_t i, k;

    if (c->plot.type != PLOT_INDEX || c->spec != NULL)
        return SB_OK;
    for (i = 0; i < sb_dataset_n_indicators(l->ds); i++)
        if (selected(l, (sb_id)i) &&
            !plot_index_allowed(sb_dataset_indicator_at(l->ds, (sb_id)i),
                                err))
            return err->code;
    for (i = 0; i < sb_dataset_n_series(l->ds); i++) {
        const sb_series *s = sb_dataset_series_at(l->ds, i);
        for (k = 0; selected(l, s->indicator) && k < s->n; k++) {
            int y = s->obs[k].year;
            if (isnan(s->obs[k].value) ||            /* in the window */
                (c->plot.from && y < c->plot.from) ||
                (c->plot.to && y > c->plot.to))
                continue;
            lo = lo == 0 || y < lo ? y : lo;
            hi = y > hi ? y : hi;
            seen |= y == c->plot.labels.base;
        }
    }
    if (c->plot.labels.base == 0 || seen)
        return SB_OK;
    return sb_error_set(err, SB_EDATA, NULL, 0, 0, "--base %d: no value in "
                        "%d; the data's years are %d to %d",
                        c->plot.labels.base, c->plot.labels.base, lo, hi);
}

/* charts without a foreach: the spec's charts, else the selected
   indicators' (in --jobs workers when that gives the same files), in one
   run on the output directory. Returns the exit status. */
static int charts_draw(cli *c, charts_run *s)
{
    cli_outrun *r = &s->r;
    sb_error err = {0};
    sb_diag failed;              /* every failed chart, when more than one */
    sb_status rc;
    int status = 0;

    sb_diag_init(&failed);
    c->plot.failed = &failed;
    cli_spec_last(c, c->to ? c->to : sb_dataset_latest_year(r->l.ds),
                  &c->plot.from);
    rc = metrics_ctx_create(r->l.ds, &c->m, &r->mc, &err);
    if (rc == SB_OK)
        rc = cli_load_labels_known(c, r->l.ds, &err);
    if (rc == SB_OK)
        rc = index_checks(c, &r->l, &err);
    if (rc == SB_OK)
        rc = cli_foreach_charts_limit(c, &r->l, &err);   /* --max-outputs */
    if (rc == SB_OK)
        rc = cli_outrun_files_read(c, &r->l, &r->files, &err);
    if (rc == SB_OK)
        rc = cli_outrun_begin(c, "charts", c->plot.dir, &r->files,
                              c->plot.style.epoch, s->given, &r->run, &err);
    c->plot.sink = cli_outrun_sink_init(&s->sink, c, r->l.ds, r->mc, r->run,
                                        s->given);
    if (rc == SB_OK && c->spec != NULL)
        rc = cli_spec_charts(c, r->l.ds, r->mc, &r->notes, &err);
    else if (rc == SB_OK && cli_foreach_indicators(c, &r->l, r->mc, r->run,
                                                   s->given, &status))
        rc = SB_OK;                        /* --jobs: drawn by workers */
    else if (rc == SB_OK)
        rc = plot_run_charts(r->l.ds, r->mc, r->l.isel, &c->plot, &r->notes,
                             &err);
    if (rc == SB_ECANCELED && err.code == SB_OK)
        sb_error_set(&err, rc, NULL, 0, 0, "stopped by a signal; the charts "
                     "finished so far are kept");
    cli_log_diags(&failed, "error");
    sb_diag_clear(&failed);
    c->plot.failed = NULL;
    if (status == 0 || rc != SB_OK)
        status = cli_diag_status(c->strict, rc, &err, &r->notes);
    return status;
}

int cli_cmd_charts(cli *c)
{
    charts_run s;
    int status;

    cli_run_set_spec(c->spec_path);
    status = cli_outrun_start(c, &c->plot.style.epoch, &s.given, &s.r);
    if (status != 0)
        goto done;
    charts_options(c, &s.r.l);
    if (cli_spec_foreach(c))
        status = cli_foreach_charts(c, &s.r.l, s.given);
    else
        status = charts_draw(c, &s);
done:
    status = cli_outrun_finish(&s.r, status);
    plot_library_shutdown();
    return status;
}
