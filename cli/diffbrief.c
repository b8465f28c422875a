/*
 * cli/diffbrief.c -- diff --brief (diffbrief.h): each side's brief set up
 * as report sets up its own (cli/cmd_report.c: overview or focus, the
 * window a spec's "last" gives, --to as the brief's year), built by
 * reports/ without drawing, the two compared.
 */
#include "diffbrief.h"

#include "diag.h"
#include "spec.h"

#include "reports/briefdiff.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>

int cli_diffbrief_check(const cli *c)
{
    if (c->brief || (c->spec_path == NULL && !c->lang_given &&
                                 c->m.focus == NULL && c->m.group == NULL &&
                                 c->m.total == NULL &&
                                 c->m.benchmark == NULL))
        return 0;
    cli_diag_fail(SB_EUSAGE, "--spec, --focus, --group, --total, "
                  "--benchmark and --lang choose the brief of diff --brief; "
                  "without --brief diff compares values only (status 64 in "
                  "DESIGN.md; diff exits 2)");
    return 2;
}

/* --indicator of the brief, in this side's ids (NULL: all); a name the
   side lacks selects nothing there (g_free). */
static unsigned char *selection(const cli *c, const sb_dataset *ds)
{
    unsigned char *sel;
    size_t i;

    if (c->indicators->len == 0)
        return NULL;
    sel = g_new0(unsigned char, sb_dataset_n_indicators(ds) + 1);
    for (i = 0; i < c->indicators->len; i++) {
        sb_id id = sb_dataset_find_indicator(ds, c->indicators->pdata[i]);
        if (id != SB_NONE)
            sel[id] = 1;
    }
    return sel;
}

/* One side's brief as a document in *doc; SB_OK or the error in err. */
static sb_status side_doc(const cli *c, const cli_loaded *l, report_doc **doc,
                          sb_error *err)
{
    report_opts o = c->report;
    metrics_opts m = c->m;
    metrics_ctx *mc = NULL;
    unsigned char *sel = selection(c, l->ds);
    int year;
    sb_status rc;

    o.lang = c->lang;
    o.year = c->to;
    o.from = c->from;
    o.diag = NULL;               /* the brief is not written: no warning */
    o.overview = report_overview_wanted(l->ds, m.focus, o.spec);
    m.no_default_focus = o.overview;
    m.from = c->from;
    rc = metrics_ctx_create(l->ds, &m, &mc, err);
    if (rc == SB_OK) {
        cli_spec_last(c, c->to ? c->to : report_data_year(l->ds, mc),
                      &o.from);
        rc = report_brief_doc(l->ds, mc, sel, &o, doc, &year, err);
    }
    metrics_ctx_destroy(mc);
    g_free(sel);
    return rc;
}

int cli_diffbrief_run(cli *c, const cli_loaded *old, const cli_loaded *new,
                      size_t values_changed, rev_format f)
{
    report_doc *d[2] = {NULL, NULL};
    const cli_loaded *side[2] = {old, new};
    briefdiff *bd = NULL;
    sb_error err = {0};
    int status = 0, i;

    for (i = 0; i < 2 && status == 0; i++)
        if (side_doc(c, side[i], &d[i], &err) != SB_OK) {
            cli_diag_error(err.code, &err);
            fprintf(stderr, "statbrief: diff: the brief of %s could not be "
                    "built (status %d in DESIGN.md; diff exits 2)\n",
                    c->files[i], cli_diag_exit(err.code));
            status = 2;
        }
    if (status == 0) {
        bd = briefdiff_compare(d[0], d[1]);
        if (briefdiff_write(stdout, bd, values_changed, f) != 0 ||
            cli_diag_flush_stdout() != 0)
            status = 2;
        else
            status = bd->n > 0 || values_changed > 0 ? 1 : 0;
    }
    briefdiff_destroy(bd);
    report_doc_destroy(d[0]);
    report_doc_destroy(d[1]);
    return status;
}
