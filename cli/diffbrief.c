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

/* One side's brief as a document in *doc, its warnings (a placeholder
   without a value) in notes; SB_OK or the error in err. */
static sb_status side_doc(const cli *c, const cli_loaded *l, report_doc **doc,
                          sb_diag *notes, sb_error *err)
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
    o.diag = notes;
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

/* Whether d holds warning w already (the other side's, said once). */
static int said(const sb_diag *d, const sb_error *w)
{
    size_t i;

    for (i = 0; i < d->n_items; i++)
        if (d->items[i].line == w->line && d->items[i].column == w->column &&
            strcmp(d->items[i].path, w->path) == 0 &&
            strcmp(d->items[i].msg, w->msg) == 0)
            return 1;
    return 0;
}

/* Both sides' briefs in d[0], d[1], their warnings (a placeholder
   without a value) printed once each, as report prints them. 0, else 2
   after saying which brief failed. */
static int both_docs(const cli *c, const cli_loaded *const side[2],
                     report_doc *d[2])
{
    sb_diag all, notes;
    sb_error err = {0};
    sb_status rc = SB_OK;
    size_t k;
    int i, status = 0;

    sb_diag_init(&all);
    for (i = 0; i < 2 && rc == SB_OK; i++) {
        sb_diag_init(&notes);
        rc = side_doc(c, side[i], &d[i], &notes, &err);
        for (k = 0; k < notes.n_items; k++)
            if (!said(&all, &notes.items[k]))
                sb_diag_warn(&all, notes.items[k].path, notes.items[k].line,
                             notes.items[k].column, "%s",
                             notes.items[k].msg);
        sb_diag_clear(&notes);
    }
    if (rc != SB_OK) {
        cli_diag_error(rc, &err);
        fprintf(stderr, "statbrief: diff: the brief of %s could not be "
                "built (status %d in DESIGN.md; diff exits 2)\n",
                c->files[i - 1], cli_diag_exit(rc));
        status = 2;
    } else if (cli_diag_warnings(&all, c->strict)) {
        /* --strict: as report would not write the brief */
        fprintf(stderr, "statbrief: diff: the briefs were not compared: "
                "warnings are errors with --strict (status 65 in DESIGN.md; "
                "diff exits 2)\n");
        status = 2;
    }
    sb_diag_clear(&all);
    return status;
}

int cli_diffbrief_run(cli *c, const cli_loaded *old, const cli_loaded *new,
                      size_t values_changed, rev_format f)
{
    report_doc *d[2] = {NULL, NULL};
    const cli_loaded *const side[2] = {old, new};
    briefdiff *bd = NULL;
    int status = both_docs(c, side, d);

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
