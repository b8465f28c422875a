/*
 * cli/cmd_report.c -- statbrief report: load, then write the brief in
 * each --format (PDF, HTML; with --metrics-csv also every figure it
 * prints) to -o FILE or the
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
#include "run.h"
#include "signals.h"
#include "spec.h"

#include "core/outfile.h"

#include <glib.h>
#include <string.h>

/* What report holds while it runs: all of it freed at its end. */
typedef struct {
    cli_outrun r;                /* the input, the figures, the run */
    report_result res;
    char *out;                   /* the brief's path when not -o */
    char *dir;                   /* its folder: the run's */
} report_run;

/* The reports stage's options from the command line's, before loading. */
static void report_options(cli *c)
{
    c->report.interpolate = c->m.interpolate;
    c->report.lang = c->lang;
    c->report.strict = c->strict;
    c->report.stop = cli_signal_caught;  /* the brief stops between parts */
}

/* One of the brief's paths (opt names it): not one of statbrief's own
   files (64), nothing but a regular file there (73). 0, else the exit
   status after saying so. */
static int check_output(const char *opt, const char *path)
{
    sb_error err = {0};

    if (cli_run_reserved(path))
        return cli_diag_fail(SB_EUSAGE, "%s \"%s\": the name is one of "
                             "statbrief's own files (lock, state, manifest, "
                             "temporary file); choose another", opt, path);
    if (sb_out_check_path(path, &err) != SB_OK)
        return cli_diag_error(err.code, &err);
    return 0;
}

/* The brief's files, before anything is written (and, given on the
   command line, before anything is loaded): each format's file made of
   base (NULL: none yet) and the CSV, all different files, not one under
   two names ("o/x.pdf" and "o/./x.pdf": device and inode, or resolved
   folder and name), each passing check_output. 0, else the exit
   status: 64, or 73 for what stands at a path. */
static int check_outputs(unsigned formats, const char *base, const char *csv)
{
    char *path[REPORT_N_FORMATS] = {NULL};
    size_t n = 0, i, k;
    int status = 0;

    for (k = 0; base != NULL && k < REPORT_N_FORMATS; k++)
        if ((formats ? formats : REPORT_FMT_PDF) & report_format_bit(k))
            path[n++] = report_format_path(base, formats,
                                           report_format_bit(k));
    for (i = 0; i < n && status == 0; i++)
        status = check_output("-o", path[i]);
    if (status == 0 && csv != NULL)
        status = check_output("--metrics-csv", csv);
    for (i = 0; i < n && status == 0 && csv != NULL; i++)
        if (sb_out_same_file(path[i], csv))
            status = strcmp(path[i], csv) == 0
                         ? cli_diag_fail(SB_EUSAGE, "-o and --metrics-csv "
                                         "name the same file, \"%s\"", csv)
                         : cli_diag_fail(SB_EUSAGE, "-o and --metrics-csv "
                                         "name the same file, \"%s\" and "
                                         "\"%s\"", path[i], csv);
    for (i = 0; i < n; i++)
        g_free(path[i]);
    return status;
}

/* One brief (no foreach): its year, its path, the run on its folder,
   the brief unless it is current. Returns the exit status. */
static int report_one(cli *c, report_run *s)
{
    cli_outrun *r = &s->r;
    sb_error err = {0};
    sb_status rc;
    int status;

    c->report.year = c->to;
    c->report.output = c->output;
    c->report.diag = &r->notes;
    /* no focus asked or named: the brief is about the whole set */
    c->report.overview = report_overview_wanted(r->l.ds, c->m.focus,
                                                c->report.spec);
    c->m.no_default_focus = c->report.overview;
    rc = metrics_ctx_create(r->l.ds, &c->m, &r->mc, &err);
    if (rc == SB_OK) {
        /* the file is named by the brief's year; a spec's window ends
           where the data do */
        int year = c->to ? c->to
                         : report_brief_year(r->l.ds, r->mc, r->l.isel);
        cli_spec_last(c, c->to ? c->to : report_data_year(r->l.ds, r->mc),
                      &c->report.from);
        if (c->output == NULL)
            c->report.output = s->out = c->spec != NULL
                                            ? cli_spec_output(c, year)
                                            : g_strdup_printf("brief-%d.pdf",
                                                              year);
        s->dir = g_path_get_dirname(c->report.output);
        if (c->output == NULL &&
            (status = check_outputs(c->report.formats, s->out,
                                    c->report.metrics_csv)) != 0)
            return status;
        rc = cli_outrun_files_read(c, &r->l, &r->files, &err);
    }
    if (rc == SB_OK)
        rc = cli_outrun_begin(c, "report", s->dir, &r->files, c->report.epoch,
                              c->report.epoch_given, &r->run, &err);
    if (rc == SB_OK)
        rc = cli_outrun_brief(c, &r->l, r->mc, &c->m, &c->report, &r->files,
                              r->run, &s->res, &err);
    return cli_diag_status(c->strict, rc, &err, &r->notes);
}

int cli_cmd_report(cli *c)
{
    report_run s;
    sb_error err = {0};
    int status;

    memset(&s, 0, sizeof s);
    status = check_outputs(c->report.formats, c->output,
                           c->report.metrics_csv);
    if (status == 0 && c->report.metrics_csv != NULL && cli_spec_foreach(c))
        status = cli_diag_fail(SB_EUSAGE, "--metrics-csv \"%s\" with the "
                               "spec's foreach: every brief of the batch "
                               "would write that one file; give it for one "
                               "brief at a time", c->report.metrics_csv);
    if (status != 0)
        goto done;
    cli_run_set_spec(c->spec_path);
    report_options(c);
    status = cli_outrun_start(c, &c->report.epoch, &c->report.epoch_given,
                              &s.r);
    if (status != 0)
        goto done;
    c->m.from = c->from;
    c->report.from = c->from;
    c->report.warnings = s.r.l.diag.count;
    if (cli_load_labels_known(c, s.r.l.ds, &err) != SB_OK)
        status = cli_diag_status(c->strict, err.code, &err, &s.r.notes);
    else if (cli_spec_foreach(c))
        status = cli_foreach_report(c, &s.r.l);
    else
        status = report_one(c, &s);
done:
    status = cli_outrun_finish(&s.r, status);
    report_result_clear(&s.res);
    g_free(s.out);
    g_free(s.dir);
    return status;
}
