/*
 * cli/cmd_report.c -- statbrief report: load, then write the PDF brief
 * (and with --metrics-csv every figure it prints) to -o FILE or the
 * spec's output, as a cron-safe run that leaves a current brief as it
 * is; with a spec's foreach, a batch of briefs.
 *
 * Lays out nothing itself: reports/ writes the brief (through
 * cli/outrun.h); batches are cli/foreach.c's.
 */
#include "cmd.h"

#include "diag.h"
#include "foreach.h"
#include "load.h"
#include "outrun.h"
#include "spec.h"

#include <glib.h>
#include <string.h>

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

int cli_cmd_report(cli *c)
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
