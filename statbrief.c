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
#include "cli/items.h"
#include "cli/keys.h"
#include "cli/load.h"
#include "cli/log.h"
#include "cli/options.h"
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

/* SOURCE_DATE_EPOCH (reproducible-builds.org), else now. A value that is
   not a whole number of seconds from 1970 to 9999 is an error rather than
   a silent fallback: the dates would not be what the caller asked for. */
static int source_date_epoch(long long *out, int *given)
{
    const char *e = g_getenv("SOURCE_DATE_EPOCH");
    char *end;
    long long v;

    *given = e != NULL && *e != '\0';
    if (!*given) {
        *out = (long long)g_get_real_time() / G_USEC_PER_SEC;
        return 0;
    }
    errno = 0;
    v = g_ascii_strtoll(e, &end, 10);
    if (*end != '\0' || errno != 0 || v < 0 || v > 253402300799LL)
        return cli_diag_fail(SB_EUSAGE, "SOURCE_DATE_EPOCH: \"%s\" is not a time "
                    "in seconds from 1970 to 9999", e);
    *out = v;
    return 0;
}

/* What charts and report do first: check the window, read
   SOURCE_DATE_EPOCH, load. 0 to go on (the caller clears l), else the
   exit status with nothing left to clear. */
static int start_run(cli *c, long long *epoch, int *given, cli_loaded *l)
{
    int status;

    if (c->from && c->to && c->from > c->to)
        return cli_diag_fail(SB_EUSAGE, "--from %d is after --to %d", c->from, c->to);
    if ((status = source_date_epoch(epoch, given)) != 0)
        return status;
    if ((status = cli_load(c, l)) != 0)
        cli_load_clear(l);
    return status;
}

/* ---- cron-safe output runs (cli/run.h) ------------------------------------ */

/* The run's input files with their SHA-256 (*out, always set), every
   file cli_loaded and the spec. Unreadable ones (gone since loading) are
   left out; when libcrypto fails, SB_EINTERNAL with the message in err. */
static sb_status run_inputs(const cli *c, const cli_loaded *l, cli_input **out,
                            size_t *n, sb_error *err)
{
    cli_input *in = g_new0(cli_input, l->rep.n_files + 2);
    sb_status rc = SB_OK;
    size_t i;

    *n = 0;
    *out = in;
    for (i = 0; i <= l->rep.n_files && rc == SB_OK; i++) {
        const char *path = i < l->rep.n_files ? l->rep.files[i].path
                           : c->spec != NULL  ? c->spec->path
                                              : NULL;
        if (path == NULL)
            continue;
        rc = cli_sha256_file(path, in[*n].sha256, &in[*n].bytes);
        if (rc == SB_OK)
            in[(*n)++].path = g_strdup(path);
        else if (rc == SB_ENOINPUT)
            rc = SB_OK;
    }
    return rc == SB_OK ? SB_OK : sb_error_set(err, rc, NULL, 0, 0,
                                              CLI_DIGEST_FAILED);
}

static void free_inputs(cli_input *in, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        g_free(in[i].path);
    g_free(in);
}

/* Starts the run on dir (lock, state). */
/* The shard's own lock, store and manifest: "-K-of-N" ("" unsharded). */
static const char *shard_tag(const cli *c, char *buf, size_t size)
{
    if (c->shard_n == 0)
        return "";
    snprintf(buf, size, "-%d-of-%d", c->shard_k, c->shard_n);
    return buf;
}

static sb_status begin_run(const cli *c, const char *command, const char *dir,
                           const cli_input *in, size_t n, long long epoch,
                           int given, cli_run **run, sb_error *err)
{
    char tag[64];
    cli_run_opts o = {command, c->wait_s, c->force, in, n,
                      c->lang == FMT_ZH ? "zh" : "en", epoch, given,
                      shard_tag(c, tag, sizeof tag)};

    return cli_run_begin(dir, &o, run, err);
}

/* Ends the run; an error saving the state or manifest is the status when
   the run had none. */
static int end_run(cli_run *run, int status)
{
    sb_error err = {0};

    if (run == NULL)
        return status;
    if (cli_run_end(run, status, &err) != SB_OK && status == 0)
        return cli_diag_error(err.code, &err);
    return status;
}

typedef struct {
    const cli *c;
    const sb_dataset *ds;
    const metrics_ctx *mc;
    cli_run *run;
    int epoch_given;
    char key[CLI_HEX];           /* of the chart being made */
} chart_sink;

static int chart_want(void *ctx, sb_id ind, const plot_run *o,
                      const char *const *paths, size_t n, sb_error *err)
{
    chart_sink *k = ctx;

    if (cli_key_chart(k->ds, k->mc, &k->c->m, ind, o, k->epoch_given,
                      k->key) != SB_OK) {
        sb_error_set(err, SB_EINTERNAL, NULL, 0, 0, CLI_DIGEST_FAILED);
        return -1;
    }
    return cli_run_want(k->run, paths, n, k->key);
}

static int chart_need(void *ctx, const char *path)
{
    return cli_run_need(((chart_sink *)ctx)->run, path);
}

static void chart_wrote(void *ctx, sb_id ind, const plot_run *o,
                        const char *path, double seconds)
{
    chart_sink *k = ctx;

    (void)ind;
    (void)o;
    cli_run_wrote(k->run, path, 0, seconds);
}

static int charts_batch(cli *c, cli_loaded *l, int given);
static int charts_parallel(cli *c, cli_loaded *l, metrics_ctx *mc, cli_run *run,
                           int given, int *status);

static int cmd_charts(cli *c)
{
    cli_loaded l;
    metrics_ctx *mc = NULL;
    sb_error err = {0};
    sb_diag notes;
    sb_status rc;
    cli_run *run = NULL;
    cli_input *in = NULL;
    size_t n_in = 0;
    chart_sink k;
    plot_sink sink = {chart_want, chart_need, chart_wrote, &k};
    int status, given;

    if ((status = start_run(c, &c->plot.style.epoch, &given, &l)) != 0)
        return status;
    sb_diag_init(&notes);
    c->m.from = c->from;
    c->m.to = c->to;
    c->plot.from = c->from;
    c->plot.to = c->to;
    c->plot.style.lang = c->lang;
    c->plot.quiet = c->quiet;
    c->plot.verbose = c->verbose;
    if (c->spec_path != NULL && c->output == NULL &&
        !c->spec->foreach.by_region && !c->spec->foreach.by_year)
        c->plot.dir = cli_spec_chart_dir(c);
    c->isel_spec = l.isel;
    if (c->spec != NULL &&
        (c->spec->foreach.by_region || c->spec->foreach.by_year)) {
        status = charts_batch(c, &l, given);
        sb_diag_clear(&notes);
        cli_load_clear(&l);
        plot_library_shutdown();
        return status;
    }
    if (c->shard_n > 0) {
        sb_diag_clear(&notes);
        cli_load_clear(&l);
        return cli_diag_fail(SB_EUSAGE, "--shard needs a spec with foreach (a batch "
                    "to cut)");
    }
    cli_spec_last(c, c->to ? c->to : cli_load_latest_year(l.ds), &c->plot.from);
    rc = metrics_ctx_create(l.ds, &c->m, &mc, &err);
    if (rc == SB_OK) {
        rc = run_inputs(c, &l, &in, &n_in, &err);
    }
    if (rc == SB_OK)
        rc = begin_run(c, "charts", c->plot.dir, in, n_in,
                       c->plot.style.epoch, given, &run, &err);
    k = (chart_sink){c, l.ds, mc, run, given, ""};
    c->plot.sink = &sink;
    if (rc == SB_OK && c->spec != NULL)
        rc = cli_spec_charts(c, l.ds, mc, &notes, &err);
    else if (rc == SB_OK && charts_parallel(c, &l, mc, run, given, &status))
        rc = SB_OK;                        /* --jobs: drawn by workers */
    else if (rc == SB_OK)
        rc = plot_run_charts(l.ds, mc, l.isel, &c->plot, &notes, &err);
    if (rc == SB_ECANCELED && err.code == SB_OK)
        sb_error_set(&err, rc, NULL, 0, 0, "stopped by a signal; the charts "
                     "finished so far are kept");
    if (status == 0 || rc != SB_OK)
        status = cli_diag_status(c->strict, rc, &err, &notes);
    status = end_run(run, status);
    free_inputs(in, n_in);
    sb_diag_clear(&notes);
    metrics_ctx_destroy(mc);
    cli_load_clear(&l);
    plot_library_shutdown();
    return status;
}

/* The digests run_inputs computed: the brief prints them. */
typedef struct {
    const cli_input *in;
    size_t n;
} input_list;

static const char *input_sha(void *ctx, const char *path)
{
    const input_list *x = ctx;
    size_t i;

    for (i = 0; i < x->n; i++)
        if (strcmp(x->in[i].path, path) == 0)
            return x->in[i].sha256;
    return NULL;
}

/* Builds the brief (of options r, m) unless it is current. */
static sb_status brief_run(cli *c, cli_loaded *l, metrics_ctx *mc,
                           const metrics_opts *m, const report_opts *r,
                           const cli_input *in, size_t n_in, cli_run *run,
                           report_result *res, sb_error *err)
{
    input_list inputs = {in, n_in};
    report_opts with = *r;
    char key[CLI_HEX], spec_sha[CLI_HEX];
    const char *paths[2] = {r->output, r->metrics_csv};
    gint64 t0 = g_get_monotonic_time();
    sb_status rc;
    int want;

    rc = c->spec != NULL ? cli_sha256_file(c->spec->path, spec_sha, NULL)
                         : SB_OK;
    if (rc == SB_ENOINPUT)
        spec_sha[0] = '\0';            /* gone since it was read */
    if (rc == SB_EINTERNAL ||
        cli_key_brief(l->ds, mc, m, l->isel, r, c->spec ? spec_sha : NULL,
                      in, n_in, key) != SB_OK)
        return sb_error_set(err, SB_EINTERNAL, NULL, 0, 0, CLI_DIGEST_FAILED);
    want = cli_run_want(run, paths, paths[1] ? 2 : 1, key);
    if (want < 0)
        return sb_error_set(err, SB_ECANCELED, NULL, 0, 0,
                            "stopped by a signal; nothing was written");
    if (want == 0)
        return SB_OK;
    with.input_sha = input_sha;
    with.input_sha_ctx = &inputs;
    rc = report_brief_write(l->ds, mc, l->isel, &with, res, err);
    if (rc != SB_OK)
        return rc;
    cli_run_wrote(run, res->path, res->pages,
                  (double)(g_get_monotonic_time() - t0) / 1e6);
    if (paths[1] != NULL)
        cli_run_wrote(run, paths[1], 0, 0);
    return SB_OK;
}

/* ---- batches: a spec's foreach ------------------------------------------- */

typedef struct {
    cli *c;
    cli_loaded *l;
    cli_run *run;
    const cli_items *items;
    const cli_input *in;
    size_t n_in;
    const char *tmpl;            /* output (report) or chart dir (charts) */
    int given;                   /* SOURCE_DATE_EPOCH was set */
} batch;

/* The directory that holds every output of a template: the part before
   its first placeholder. */
static char *batch_dir(const char *tmpl)
{
    const char *brace = strchr(tmpl, '{');
    char *head = g_strndup(tmpl, brace ? (size_t)(brace - tmpl)
                                       : strlen(tmpl));
    char *dir = g_str_has_suffix(head, "/") ? g_strdup(head)
                                            : g_path_get_dirname(head);

    g_free(head);
    return dir;
}

/* A template must name what the batch runs over, or every item would
   be written to the same place. */
static sb_status check_template(const cli *c, const spec_str *t,
                                const char *what, sb_error *err)
{
    const spec_foreach *f = &c->spec->foreach;
    const char *missing = f->by_region && !strstr(t->text, "{region}")
                              ? "{region}"
                          : f->by_year && !strstr(t->text, "{year}")
                              ? "{year}" : NULL;

    if (missing == NULL)
        return SB_OK;
    return sb_error_set(err, SB_EDATA, c->spec->path, t->pos.line,
                        t->pos.col, "%s \"%s\" has no %s: with foreach, "
                        "every item would be written to the same file",
                        what, t->text, missing);
}

static int brief_item(void *ctx, size_t i, char *msg, size_t size)
{
    batch *b = ctx;
    const cli_item *it = &b->items->items[i];
    metrics_opts m = b->c->m;
    report_opts r = b->c->report;
    report_result res = {0};
    metrics_ctx *mc = NULL;
    sb_error err = {0};
    sb_diag notes;
    char *out = NULL;
    sb_status rc;
    int year, st;

    sb_diag_init(&notes);
    if (it->region != SB_NONE)
        m.focus = sb_dataset_region_at(b->l->ds, it->region)->name;
    r.diag = &notes;
    r.year = it->year ? it->year : b->c->to;
    rc = metrics_ctx_create(b->l->ds, &m, &mc, &err);
    if (rc == SB_OK) {
        year = r.year ? r.year : report_brief_year(b->l->ds, mc);
        cli_spec_last(b->c, year, &r.from);
        r.output = out = cli_items_fill(b->tmpl, it, year,
                                        b->c->lang == FMT_ZH ? "zh" : "en");
        rc = brief_run(b->c, b->l, mc, &m, &r, b->in, b->n_in, b->run, &res,
                       &err);
    }
    st = cli_diag_item(b->c->strict, rc, &err, &notes, msg, size);
    g_free(res.path);
    g_free(out);
    sb_diag_clear(&notes);
    metrics_ctx_destroy(mc);
    return st;
}

/* A batch from its template on: the items (this machine's shard of
   them), the run on the template's folder, each item rendered, the run
   ended. */
static int run_batch(cli *c, batch *b, const char *command, long long epoch,
                     cli_batch_fn fn)
{
    cli_items items = {NULL, 0};
    sb_error err = {0};
    char *dir = batch_dir(b->tmpl);
    sb_status rc = cli_items_expand(c->spec, b->l->ds, &items, &err);
    int status;

    if (rc == SB_OK) {
        cli_input *in;
        rc = run_inputs(c, b->l, &in, &b->n_in, &err);
        b->in = in;
    }
    if (rc == SB_OK)
        rc = begin_run(c, command, dir, b->in, b->n_in, epoch, b->given,
                       &b->run, &err);
    if (rc == SB_OK) {
        if (c->shard_n > 0)
            cli_items_shard(&items, c->shard_k, c->shard_n);
        b->items = &items;
        status = cli_batch_run(b->run, &items, c->jobs, isatty(2) &&
                               !c->quiet && !c->log_json, fn, b);
    } else {
        status = cli_diag_error(rc, &err);
    }
    status = end_run(b->run, status);
    free_inputs((cli_input *)b->in, b->n_in);
    cli_items_clear(&items);
    g_free(dir);
    return status;
}

/* report with a spec's foreach: one brief per item. */
static int report_batch(cli *c, cli_loaded *l)
{
    const spec_str *t = &c->spec->output;
    spec_str dflt = {"brief-{region}-{year}.pdf", {0, 0}, 0};
    batch b = {c, l, NULL, NULL, NULL, 0, NULL, c->report.epoch_given};
    sb_error err = {0};
    char *tmpl;
    sb_status rc;
    int status;

    if (c->output != NULL)
        dflt.text = (char *)c->output;
    if (t->text == NULL || c->output != NULL)
        t = &dflt;
    rc = check_template(c, t, "output", &err);
    if (rc != SB_OK)
        return cli_diag_error(rc, &err);
    b.tmpl = tmpl = c->output ? g_strdup(c->output)
                              : cli_spec_path(c, t->text);
    status = run_batch(c, &b, "report", c->report.epoch, brief_item);
    g_free(tmpl);
    return status;
}

static int cmd_report(cli *c)
{
    cli_loaded l;
    metrics_ctx *mc = NULL;
    sb_error err = {0};
    report_result res = {0};
    sb_diag notes;
    char *out = NULL, *dir = NULL;
    cli_run *run = NULL;
    cli_input *in = NULL;
    size_t n_in = 0;
    sb_status rc;
    int status;

    if (c->output && c->report.metrics_csv &&
        strcmp(c->output, c->report.metrics_csv) == 0)
        return cli_diag_fail(SB_EUSAGE, "-o and --metrics-csv name the same file, "
                    "\"%s\"", c->output);
    c->report.interpolate = c->m.interpolate;
    c->report.lang = c->lang;
    c->report.strict = c->strict;
    if ((status = start_run(c, &c->report.epoch, &c->report.epoch_given,
                            &l)) != 0)
        return status;
    if (c->spec != NULL &&
        (c->spec->foreach.by_region || c->spec->foreach.by_year)) {
        c->m.from = c->from;
        c->report.from = c->from;
        c->report.warnings = l.diag.count;
        status = report_batch(c, &l);
        cli_load_clear(&l);
        return status;
    }
    if (c->shard_n > 0) {
        cli_load_clear(&l);
        return cli_diag_fail(SB_EUSAGE, "--shard needs a spec with foreach (a batch "
                    "to cut)");
    }
    sb_diag_init(&notes);
    c->m.from = c->from;
    c->report.from = c->from;
    c->report.year = c->to;
    c->report.output = c->output;
    c->report.warnings = l.diag.count;
    c->report.diag = &notes;
    rc = metrics_ctx_create(l.ds, &c->m, &mc, &err);
    if (rc == SB_OK) {
        int year = c->to ? c->to : report_brief_year(l.ds, mc);
        cli_spec_last(c, year, &c->report.from);
        if (c->output == NULL)
            c->report.output = out = c->spec != NULL
                                         ? cli_spec_output(c, year)
                                         : g_strdup_printf("brief-%d.pdf",
                                                           year);
        dir = g_path_get_dirname(c->report.output);
        rc = run_inputs(c, &l, &in, &n_in, &err);
    }
    if (rc == SB_OK)
        rc = begin_run(c, "report", dir, in, n_in, c->report.epoch,
                       c->report.epoch_given, &run, &err);
    if (rc == SB_OK)
        rc = brief_run(c, &l, mc, &c->m, &c->report, in, n_in, run, &res,
                       &err);
    status = end_run(run, cli_diag_status(c->strict, rc, &err, &notes));
    g_free(res.path);
    g_free(out);
    g_free(dir);
    free_inputs(in, n_in);
    sb_diag_clear(&notes);
    metrics_ctx_destroy(mc);
    cli_load_clear(&l);
    return status;
}

/* The charts of one item: the spec's charts with the item's focus, year
   and directory. */
static int chart_item(void *ctx, size_t i, char *msg, size_t size)
{
    batch *b = ctx;
    const cli_item *it = &b->items->items[i];
    metrics_opts m = b->c->m;
    plot_run saved = b->c->plot;
    metrics_ctx *mc = NULL;
    sb_error err = {0};
    sb_diag notes;
    chart_sink k;
    plot_sink sink = {chart_want, chart_need, chart_wrote, &k};
    char *dir = NULL;
    sb_status rc;
    int st, year;

    sb_diag_init(&notes);
    if (it->region != SB_NONE)
        m.focus = sb_dataset_region_at(b->l->ds, it->region)->name;
    rc = metrics_ctx_create(b->l->ds, &m, &mc, &err);
    if (rc == SB_OK) {
        year = it->year ? it->year : b->c->to;
        b->c->plot.to = year;
        cli_spec_last(b->c, year ? year : cli_load_latest_year(b->l->ds),
                  &b->c->plot.from);
        b->c->plot.dir = dir = cli_items_fill(b->tmpl, it, year,
                                              b->c->lang == FMT_ZH ? "zh"
                                                                   : "en");
        k = (chart_sink){b->c, b->l->ds, mc, b->run, b->given, ""};
        b->c->plot.sink = &sink;
        rc = cli_spec_charts(b->c, b->l->ds, mc, &notes, &err);
    }
    st = cli_diag_item(b->c->strict, rc, &err, &notes, msg, size);
    b->c->plot = saved;
    g_free(dir);
    sb_diag_clear(&notes);
    metrics_ctx_destroy(mc);
    return st;
}

/* charts --spec with foreach: each item's charts in chart_dir, which
   gets /{region} and /{year} when it does not name them. */
static int charts_batch(cli *c, cli_loaded *l, int given)
{
    const spec_foreach *f = &c->spec->foreach;
    batch b = {c, l, NULL, NULL, NULL, 0, NULL, given};
    GString *t = g_string_new(c->output ? c->output
                              : c->spec->chart_dir.text
                                  ? c->spec->chart_dir.text : "charts");
    char *tmpl;
    int status;

    if (f->by_region && !strstr(t->str, "{region}"))
        g_string_append(t, "/{region}");
    if (f->by_year && !strstr(t->str, "{year}"))
        g_string_append(t, "/{year}");
    b.tmpl = tmpl = c->output ? g_strdup(t->str) : cli_spec_path(c, t->str);
    g_string_free(t, TRUE);
    status = run_batch(c, &b, "charts", c->plot.style.epoch, chart_item);
    g_free(tmpl);
    return status;
}

/* --jobs on a run without a spec: one item per indicator. */
typedef struct {
    cli *c;
    cli_loaded *l;
    metrics_ctx *mc;
    cli_run *run;
    int given;
    const sb_id *inds;
} chart_jobs;

static int indicator_item(void *ctx, size_t i, char *msg, size_t size)
{
    chart_jobs *j = ctx;
    chart_sink k = {j->c, j->l->ds, j->mc, j->run, j->given, ""};
    plot_sink sink = {chart_want, chart_need, chart_wrote, &k};
    plot_run r = j->c->plot;
    sb_error err = {0};
    sb_diag notes;
    sb_status rc;
    int st;

    sb_diag_init(&notes);
    r.sink = &sink;
    rc = plot_run_list(j->l->ds, j->mc, &j->inds[i], &r, 1, &notes, &err);
    st = cli_diag_item(j->c->strict, rc, &err, &notes, msg, size);
    sb_diag_clear(&notes);
    return st;
}

/* Draws the selected indicators' charts in --jobs workers, one item per
   indicator. Returns 0 (and draws nothing) when that cannot give the
   files one process would: one job, or two indicators whose file names
   collide (one process numbers them, "-2"). */
static int charts_parallel(cli *c, cli_loaded *l, metrics_ctx *mc, cli_run *run,
                           int given, int *status)
{
    GArray *inds = g_array_new(FALSE, FALSE, sizeof(sb_id));
    GHashTable *names = g_hash_table_new_full(g_str_hash, g_str_equal,
                                              g_free, NULL);
    cli_items items = {NULL, 0};
    chart_jobs j = {c, l, mc, run, given, NULL};
    size_t i;
    int clash = 0;

    for (i = 0; c->jobs > 1 && i < sb_dataset_n_indicators(l->ds); i++) {
        sb_id id = (sb_id)i;
        if (l->isel != NULL && !l->isel[i])
            continue;
        clash |= !g_hash_table_add(names, plot_safe_name(
                      sb_dataset_indicator_at(l->ds, id)->id));
        g_array_append_val(inds, id);
    }
    g_hash_table_destroy(names);
    if (c->jobs <= 1 || clash || inds->len < 2) {
        g_array_free(inds, TRUE);
        return 0;
    }
    items.n = inds->len;
    items.items = g_new0(cli_item, items.n);
    for (i = 0; i < items.n; i++) {
        sb_id id = g_array_index(inds, sb_id, i);
        items.items[i].region = SB_NONE;
        items.items[i].name = g_strdup("");
        items.items[i].label =
            g_strdup(sb_dataset_indicator_at(l->ds, id)->id);
    }
    j.inds = (const sb_id *)(void *)inds->data;
    *status = cli_batch_run(run, &items, c->jobs, isatty(2) && !c->quiet &&
                            !c->log_json, indicator_item, &j);
    cli_items_clear(&items);
    g_array_free(inds, TRUE);
    return 1;
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
