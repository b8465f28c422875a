/*
 * cli/cmd_check.c -- statbrief check: load, then print a summary of
 * what was read (or, with --dump, the normalized table); with --spec,
 * also expand every placeholder of the spec as the brief would and say
 * what the spec holds.
 *
 * Writes no file. The summary and the dump are input/'s
 * (input/summary.h); the placeholders are reports/'.
 */
#include "cmd.h"

#include "diag.h"
#include "load.h"
#include "spec.h"
#include "input/summary.h"
#include "reports/sections.h"

#include <stdio.h>
#include <string.h>

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
        /* the texts end where the data do; the line names the brief's
           year */
        int to = c->to ? c->to : report_data_year(ds, mc);
        *year = c->to ? c->to : report_brief_year(ds, mc, NULL);
        cli_spec_last(c, to, &c->report.from);
        rc = report_spec_texts(ds, mc, s, &c->report, to, &notes, &err);
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

/* The summary (or the dump) of what was loaded. */
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

int cli_cmd_check(cli *c)
{
    cli_loaded l;
    int status, year = 0;

    memset(&l, 0, sizeof l);
    if (c->flags && !c->dump) {
        status = cli_diag_fail(SB_EUSAGE, "--flags goes with --dump");
        goto done;
    }
    status = cli_load(c, &l);
    if (status == 0 && c->spec != NULL)
        status = check_spec(c, l.ds, &year);
    if (status == 0)
        status = check_print(c, &l);
    if (status == 0 && c->spec != NULL && !c->quiet)
        spec_line(c->spec, year);
    if (status == 0)
        status = cli_diag_flush_stdout();
done:
    cli_load_clear(&l);
    return status;
}
