/*
 * statbrief.c -- the command line: parses options, runs the stages in
 * order, prints diagnostics GCC-style and chooses the exit status
 * (sysexits.h, DESIGN.md). No cell parsing, arithmetic or drawing here.
 */
#include <errno.h>
#include <glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/batch.h"
#include "cli/cli.h"
#include "cli/diag.h"
#include "cli/digest.h"
#include "cli/foreach.h"
#include "cli/items.h"
#include "cli/keys.h"
#include "cli/load.h"
#include "cli/log.h"
#include "cli/options.h"
#include "cli/outrun.h"
#include "cli/run.h"
#include "cli/signals.h"
#include "cli/spec.h"
#include "input/load.h"
#include "core/model.h"
#include "input/summary.h"
#include "metrics/format.h"
#include "metrics/metrics.h"
#include "metrics/output.h"
#include "plots/files.h"
#include "input/spec.h"
#include "reports/brief.h"
#include "reports/sections.h"

/* ---- check ----------------------------------------------------------------- */

/* check --spec: the names were checked on load; here every placeholder
   is expanded as the brief would, before anything is printed; *year
   gets the brief's year. */
static int check_spec(cli *c, const sb_dataset *ds, int *year)
{
    const sb_spec *s = c->spec;
    metrics_ctx *mc = NULL;
    sb_error err = {0}, oom = {0};
    sb_diag notes;
    sb_status rc;
    int status;

    sb_diag_init(&notes);
    c->report.lang = c->lang;
    c->report.from = c->from;
    rc = metrics_ctx_create(ds, &c->m, &mc, &err);
    if (rc == SB_OK) {
        *year = c->to ? c->to : report_brief_year(ds, mc);
        cli_spec_last(c, *year, &c->report.from);
        rc = report_spec_texts(ds, mc, s, &c->report, *year, &notes, &err);
    }
    /* a figure that memory ran out for counts, whatever the text made of
       its absence */
    if (metrics_ctx_status(mc, &oom) != SB_OK) {
        rc = oom.code;
        err = oom;
    }
    status = cli_diag_status(c->strict, rc, &err, &notes);
    sb_diag_clear(&notes);
    metrics_ctx_destroy(mc);
    return status;
}

/* The line that says what the spec holds. */
static void spec_line(const sb_spec *s, int year)
{
    size_t i, charts = 0, tables = 0;

    for (i = 0; i < s->n_sections; i++) {
        charts += s->sections[i].n_charts;
        tables += s->sections[i].n_tables;
    }
    printf("%s: report spec: %zu section%s, %zu chart%s, %zu table%s; "
           "the brief of %d: ok\n", s->path, s->n_sections,
           s->n_sections == 1 ? "" : "s", charts, charts == 1 ? "" : "s",
           tables, tables == 1 ? "" : "s", year);
}

/* The summary (or the dump) of what was cli_loaded. */
static int check_print(const cli *c, const cli_loaded *l)
{
    input_filter f = {l->isel, l->rsel, c->from, c->to};
    sb_status rc = SB_OK;

    if (c->dump)
        input_dump_print(stdout, l->ds, &f, c->flags);
    if (c->dump && c->verbose)  /* the table on stdout, the report aside */
        rc = input_summary_print(stderr, l->ds, &l->rep, &f, l->diag.count);
    else if (!c->dump && !c->quiet)
        rc = input_summary_print(stdout, l->ds, &l->rep, &f, l->diag.count);
    return rc == SB_OK ? 0 : cli_diag_fail(rc, "out of memory");
}

static int cmd_check(cli *c)
{
    cli_loaded l;
    int status, year = 0;

    if (c->flags && !c->dump)
        return cli_diag_fail(SB_EUSAGE, "--flags goes with --dump");
    status = cli_load(c, &l);
    if (status == 0 && c->spec != NULL)
        status = check_spec(c, l.ds, &year);
    if (status == 0)
        status = check_print(c, &l);
    if (status == 0 && c->spec != NULL && !c->quiet)
        spec_line(c->spec, year);
    if (status == 0)
        status = cli_diag_flush_stdout();
    cli_load_clear(&l);
    return status;
}

static int cmd_metrics(cli *c)
{
    cli_loaded l;
    metrics_ctx *mc = NULL;
    metrics_writer *w = NULL;
    sb_error err = {0};
    sb_status rc;
    int status;

    if (c->from && c->to && c->from > c->to)
        return cli_diag_fail(SB_EUSAGE, "--from %d is after --to %d", c->from, c->to);
    status = cli_load(c, &l);
    if (status != 0)
        goto done;
    c->m.from = c->from;
    c->m.to = c->to;
    rc = metrics_ctx_create(l.ds, &c->m, &mc, &err);
    if (rc == SB_OK &&
        (w = metrics_writer_create(stdout, c->format, l.ds, mc, c->lang))
            == NULL)
        rc = sb_error_set(&err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    if (w != NULL) {
        rc = metrics_each(mc, l.isel, l.rsel, metrics_writer_rows, w, &err);
        if (rc == SB_OK)            /* no "[]" or header after an error */
            metrics_writer_finish(w);
        if (rc == SB_ECANTCREAT && err.msg[0] == '\0')
            sb_error_set(&err, rc, NULL, 0, 0, "cannot write the output");
    }
    if (rc != SB_OK) {
        status = rc == SB_EUSAGE ? cli_diag_fail(rc, "%s", err.msg)
                                 : (cli_log_diag(&err, "error"),
                                    sb_status_exit(rc));
        goto done;
    }
    status = cli_diag_flush_stdout();
done:
    metrics_writer_destroy(w);
    metrics_ctx_destroy(mc);
    cli_load_clear(&l);
    return status;
}

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

static int cmd_charts(cli *c)
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

/* What report holds while it runs: all of it freed at its end. */
typedef struct {
    cli_loaded l;
    metrics_ctx *mc;
    sb_diag notes;
    cli_outrun_files files;      /* the run's inputs */
    cli_run *run;
    report_result res;
    char *out;                   /* the brief's path when not -o */
    char *dir;                   /* its folder: the run's */
} report_run;

/* One brief (no foreach): its year, its path, the run on its folder,
   the brief unless it is current. Returns the exit status. */
static int report_one(cli *c, report_run *s)
{
    sb_error err = {0};
    sb_status rc;

    c->report.year = c->to;
    c->report.output = c->output;
    c->report.diag = &s->notes;
    rc = metrics_ctx_create(s->l.ds, &c->m, &s->mc, &err);
    if (rc == SB_OK) {
        int year = c->to ? c->to : report_brief_year(s->l.ds, s->mc);
        cli_spec_last(c, year, &c->report.from);
        if (c->output == NULL)
            c->report.output = s->out = c->spec != NULL
                                            ? cli_spec_output(c, year)
                                            : g_strdup_printf("brief-%d.pdf",
                                                              year);
        s->dir = g_path_get_dirname(c->report.output);
        rc = cli_outrun_files_read(c, &s->l, &s->files, &err);
    }
    if (rc == SB_OK)
        rc = cli_outrun_begin(c, "report", s->dir, &s->files, c->report.epoch,
                              c->report.epoch_given, &s->run, &err);
    if (rc == SB_OK)
        rc = cli_outrun_brief(c, &s->l, s->mc, &c->m, &c->report, &s->files,
                              s->run, &s->res, &err);
    return cli_diag_status(c->strict, rc, &err, &s->notes);
}

static int cmd_report(cli *c)
{
    report_run s;
    int status;

    memset(&s, 0, sizeof s);
    sb_diag_init(&s.notes);
    if (c->output && c->report.metrics_csv &&
        strcmp(c->output, c->report.metrics_csv) == 0) {
        status = cli_diag_fail(SB_EUSAGE, "-o and --metrics-csv name the same "
                               "file, \"%s\"", c->output);
        goto done;
    }
    c->report.interpolate = c->m.interpolate;
    c->report.lang = c->lang;
    c->report.strict = c->strict;
    status = cli_outrun_start(c, &c->report.epoch, &c->report.epoch_given,
                              &s.l);
    if (status != 0)
        goto done;
    c->m.from = c->from;
    c->report.from = c->from;
    c->report.warnings = s.l.diag.count;
    if (cli_spec_foreach(c))
        status = cli_foreach_report(c, &s.l);
    else if (c->shard_n > 0)
        status = cli_diag_fail(SB_EUSAGE, "--shard needs a spec with foreach "
                               "(a batch to cut)");
    else
        status = report_one(c, &s);
done:
    status = cli_outrun_end(s.run, status);
    g_free(s.res.path);
    g_free(s.out);
    g_free(s.dir);
    cli_outrun_files_clear(&s.files);
    sb_diag_clear(&s.notes);
    metrics_ctx_destroy(s.mc);
    cli_load_clear(&s.l);
    return status;
}

/* ---- main ------------------------------------------------------------------ */

static unsigned command_of(const char *name)
{
    if (strcmp(name, "check") == 0) return CLI_CMD_CHECK;
    if (strcmp(name, "metrics") == 0) return CLI_CMD_METRICS;
    if (strcmp(name, "charts") == 0) return CLI_CMD_CHARTS;
    if (strcmp(name, "report") == 0) return CLI_CMD_REPORT;
    return 0;
}

int main(int argc, char **argv)
{
    cli c;
    unsigned cmd;
    int status;

    /* The locale matters for messages only: every number is read and
       written with the g_ascii_ functions. */
    setlocale(LC_ALL, "");
    if (argc < 2)
        return cli_diag_fail(SB_EUSAGE, "no command");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        cli_options_usage();
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        cli_options_version();
        return 0;
    }
    cmd = command_of(argv[1]);
    if (cmd == 0)
        return cli_diag_fail(SB_EUSAGE, "unknown command \"%s\"", argv[1]);
    cli_options_init(&c, cmd);
    cli_signals_install();
    status = cli_options_parse(&c, argc - 1, argv + 1);
    cli_log_setup(c.log_json ? CLI_LOG_JSON : CLI_LOG_TEXT, c.quiet,
                  c.verbose);
    if (status < 0 && c.spec_path != NULL)
        status = cli_spec_apply(&c);
    if (status < 0)
        status = c.cmd == CLI_CMD_CHECK     ? cmd_check(&c)
                 : c.cmd == CLI_CMD_METRICS ? cmd_metrics(&c)
                 : c.cmd == CLI_CMD_CHARTS  ? cmd_charts(&c)
                                        : cmd_report(&c);
    cli_options_clear(&c);
    return status;
}
