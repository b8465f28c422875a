/*
 * cli/cmd_check.c -- statbrief check: load, then print a summary of
 * what was read (or, with --dump, the normalized table); with --spec,
 * also expand every placeholder of the spec as the brief would and say
 * what the spec holds.
 *
 * With --screen, instead of the summary: the data-quality findings of
 * metrics/screen.h, one a line, and a count (0; 65 with --strict when
 * one is a warning).
 *
 * Writes no file. The summary and the dump are input/'s
 * (input/summary.h); the placeholders are reports/'.
 */
#include "cmd.h"

#include "diag.h"
#include "load.h"
#include "spec.h"
#include "input/summary.h"
#include "metrics/screen.h"
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

/* One finding a line: "warning: level-shift: gdp, Chongqing, 2018: ..."
   (zh "警告：水平突变：gdp，重庆，2018年：..."). */
static void screen_print(const sb_dataset *ds, const screen_finding *f,
                         fmt_lang lang)
{
    const sb_region *r = sb_dataset_region_at(ds, f->region);
    char what[SCREEN_TEXT_MAX], years[32];

    screen_describe(what, sizeof what, ds, f, lang);
    if (f->kind == SCREEN_ROUNDED)
        snprintf(years, sizeof years, lang == FMT_ZH ? "%d\xe2\x80\x94%d"
                                                     : "%d-%d",
                 f->year, f->year2);
    else
        snprintf(years, sizeof years, "%d", f->year);
    printf(lang == FMT_ZH ? "%s：%s：%s，%s，%s年：%s\n"
                          : "%s: %s: %s, %s, %s: %s\n",
           screen_severity_name(f->severity, lang),
           screen_kind_name(f->kind, lang),
           sb_dataset_indicator_at(ds, f->indicator)->id,
           lang == FMT_ZH && r->name_zh[0] ? r->name_zh : r->name, years,
           what);
}

/* check --screen: the findings, then their count; with --strict a
   warning among them is exit 65, as a loading warning is. */
static int check_screen(const cli *c, const cli_loaded *l)
{
    screen_list found = {0};
    sb_error err = {0};
    size_t i, warnings = 0;
    int status = 0;

    if (screen_dataset(l->ds, l->isel, l->rsel, &found, &err) != SB_OK) {
        screen_list_clear(&found);
        return cli_diag_error(err.code, &err);
    }
    for (i = 0; i < found.n; i++) {
        warnings += found.items[i].severity == SCREEN_WARNING;
        screen_print(l->ds, &found.items[i], c->lang);
    }
    if (!c->quiet && c->lang == FMT_ZH)
        printf("筛查：%zu项（警告%zu项，提示%zu项）\n", found.n, warnings,
               found.n - warnings);
    else if (!c->quiet)
        printf("screen: %zu finding%s (%zu warning%s, %zu note%s)\n",
               found.n, found.n == 1 ? "" : "s", warnings,
               warnings == 1 ? "" : "s", found.n - warnings,
               found.n - warnings == 1 ? "" : "s");
    if (c->strict && warnings > 0) {
        fflush(stdout);
        status = cli_diag_fail(SB_EDATA, "%zu screening warning%s treated "
                               "as error%s (--strict)", warnings,
                               warnings == 1 ? "" : "s",
                               warnings == 1 ? "" : "s");
    }
    screen_list_clear(&found);
    return status;
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
    if (c->screen && c->dump) {
        status = cli_diag_fail(SB_EUSAGE, "--screen and --dump are two "
                               "different outputs: ask for one");
        goto done;
    }
    if (c->lang_given && !c->screen) {
        status = cli_diag_fail(SB_EUSAGE, "--lang goes with --screen");
        goto done;
    }
    /* the summary alone needs no values, only each series' figures:
       a lean load, 480 MB less for issue 24's 1.08 GB file (model.h) */
    c->in.lean = !c->dump && !c->screen && c->spec == NULL &&
                 c->from == 0 && c->to == 0;
    status = cli_load(c, &l);
    if (status == 0 && c->spec != NULL)
        status = check_spec(c, l.ds, &year);
    if (status == 0 && c->screen)
        status = check_screen(c, &l);
    else if (status == 0)
        status = check_print(c, &l);
    if (status == 0 && c->spec != NULL && !c->quiet)
        spec_line(c->spec, year);
    if (status == 0)
        status = cli_diag_flush_stdout();
done:
    cli_load_clear(&l);
    return status;
}
