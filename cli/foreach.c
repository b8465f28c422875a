/*
 * cli/foreach.c -- batches: a spec's foreach (briefs or charts per
 * region and year) and charts --jobs (one item per indicator).
 *
 * Makes the items and the item functions that cli/batch.c calls, in
 * this process or in worker processes; each item is rendered by the
 * same code with the same inputs whatever --jobs, so the files are
 * those of --jobs 1. Knows nothing of how workers are run or how the
 * run's state is kept (cli/batch.c, cli/run.c).
 */
#include "foreach.h"

#include "batch.h"
#include "diag.h"
#include "items.h"
#include "log.h"
#include "outrun.h"
#include "spec.h"

#include "core/outfile.h"
#include "core/threads.h"
#include "reports/html.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct batch_s {
    cli *c;
    const cli_loaded *l;
    cli_run *run;
    const cli_items *items;
    cli_outrun_files files;      /* the run's inputs */
    const char *tmpl;            /* output (report) or chart dir (charts) */
    int given;                   /* SOURCE_DATE_EPOCH was set */
    size_t per_item;             /* files an item writes (--max-outputs) */
    sb_diag notes;               /* the batch's own warnings */
    plot_names *names;           /* charts: the spec's charts' file names */
    /* after every item was rendered, in the run (NULL: nothing): the
       batch's exit status */
    int (*after)(struct batch_s *b, const char *dir);
} batch;

/* b set up for a batch of c over l (given: SOURCE_DATE_EPOCH was set). */
static void batch_init(batch *b, cli *c, const cli_loaded *l, int given)
{
    memset(b, 0, sizeof *b);
    b->c = c;
    b->l = l;
    b->given = given;
    sb_diag_init(&b->notes);
}

/* A progress line: on a terminal, unless -q or --log json. */
static int progress(const cli *c)
{
    return isatty(2) && !c->quiet && !c->log_json;
}

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
    const char *missing = f->by_region && !cli_template_has(t->text, "region")
                              ? "{region}"
                          : f->by_year && !cli_template_has(t->text, "year")
                              ? "{year}" : NULL;

    if (missing == NULL)
        return SB_OK;
    return sb_error_set(err, SB_EDATA, c->spec->path, t->pos.line,
                        t->pos.col, "%s \"%s\" has no %s: with foreach, "
                        "every item would be written to the same file",
                        what, t->text, missing);
}

/* --max-outputs: SB_ECANTCREAT when n items of per_item files each and
   `extra` files of the whole batch would be more files than c allows
   (what would be written: nothing is, the run stops before it begins). */
static sb_status limit(const cli *c, size_t n, size_t per_item,
                       size_t extra, sb_error *err)
{
    size_t files = n * per_item + extra;

    if (files <= (size_t)c->max_outputs)
        return SB_OK;
    return sb_error_set(err, SB_ECANTCREAT, NULL, 0, 0, "this run would "
                        "write %zu files, more than --max-outputs %ld: "
                        "nothing was written (raise the limit with "
                        "--max-outputs N if that many are meant)", files,
                        c->max_outputs);
}

sb_status cli_foreach_charts_limit(const cli *c, const cli_loaded *l,
                                   sb_error *err)
{
    size_t i, n = 0;

    if (c->spec != NULL)
        return limit(c, 1, cli_spec_chart_files(c, l->ds), 0, err);
    for (i = 0; i < sb_dataset_n_indicators(l->ds); i++)
        n += l->isel == NULL || l->isel[i];
    return limit(c, n, plot_run_files(&c->plot), 0, err);
}

/* A batch from its template on: the items (this machine's shard of
   them) and their names, the limit, the run on the template's folder,
   each item rendered, the run ended. */
static int run_batch(cli *c, batch *b, const char *command, long long epoch,
                     cli_batch_fn fn)
{
    cli_items items = {NULL, 0};
    sb_error err = {0};
    char *dir = batch_dir(b->tmpl);
    sb_status rc = cli_items_expand(c->spec, b->l->ds, &items, &b->notes,
                                    &err);
    int status;

    if (rc == SB_OK && c->shard_n > 0)
        cli_items_shard(&items, c->shard_k, c->shard_n);
    if (rc == SB_OK)
        /* a batch's index is one file more */
        rc = limit(c, items.n, b->per_item, b->after != NULL, &err);
    status = cli_diag_status(c->strict, rc, &err, &b->notes);
    if (status == 0)
        rc = cli_outrun_files_read(c, b->l, &b->files, &err);
    if (status == 0 && rc == SB_OK)
        rc = cli_outrun_begin(c, command, dir, &b->files, epoch, b->given,
                              &b->run, &err);
    if (status == 0 && rc == SB_OK) {
        b->items = &items;
        status = cli_batch_run(b->run, &items, c->jobs, progress(c), fn, b);
        if (status == 0 && b->after != NULL)
            status = b->after(b, dir);
    } else if (status == 0) {
        status = cli_diag_error(rc, &err);
    }
    status = cli_outrun_end(b->run, status);
    cli_outrun_files_clear(&b->files);
    cli_items_clear(&items);
    sb_diag_clear(&b->notes);
    plot_names_free(b->names);
    g_free(dir);
    return status;
}

/* ---- an item's folders ------------------------------------------------ */

/* Steps from the folder dirfd into its folder name, made if missing,
   never through a symbolic link (shown: the path, for the error).
   Returns its descriptor, or -1 with SB_ECANTCREAT in err. */
static int step_into(int dirfd, const char *name, const char *shown,
                     sb_error *err)
{
    struct stat st;
    int fd;

    if (mkdirat(dirfd, name, 0777) != 0 && errno != EEXIST) {
        sb_error_set(err, SB_ECANTCREAT, shown, 0, 0, "cannot create the "
                     "directory: %s", g_strerror(errno));
        return -1;
    }
    fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0)
        return fd;
    if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
        S_ISLNK(st.st_mode))
        sb_error_set(err, SB_ECANTCREAT, shown, 0, 0, "a symbolic link where "
                     "the batch makes a folder: not followed (it may have "
                     "been put there to send the files elsewhere)");
    else
        sb_error_set(err, SB_ECANTCREAT, shown, 0, 0, "cannot open the "
                     "directory: %s", g_strerror(errno));
    return -1;
}

/* Makes the folders of dir that the template adds below its fixed part
   (up to the last '/' before its first placeholder: the run's folder,
   which the run made), one level at a time with mkdirat and openat
   O_NOFOLLOW: a root run in a shared folder must not follow a link that
   someone planted where an item's folder goes. SB_ECANTCREAT naming the
   folder. */
static sb_status item_dirs(const char *tmpl, const char *dir, sb_error *err)
{
    const char *brace = strchr(tmpl, '{'), *p;
    size_t fixed = brace ? (size_t)(brace - tmpl) : strlen(tmpl);
    char *base;
    int fd;

    while (fixed > 0 && tmpl[fixed - 1] != '/')
        fixed--;
    if (strlen(dir) <= fixed)
        return SB_OK;
    base = fixed > 0 ? g_strndup(dir, fixed) : g_strdup(".");
    fd = open(base, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        sb_error_set(err, SB_ECANTCREAT, base, 0, 0, "cannot open the "
                     "directory: %s", g_strerror(errno));
    for (p = dir + fixed; fd >= 0 && *p; p += *p == '/') {
        size_t len = strcspn(p, "/");
        char *name = g_strndup(p, len);
        char *shown = g_strndup(dir, (size_t)(p - dir) + len);
        if (len > 0 && strcmp(name, ".") != 0) {
            int next = step_into(fd, name, shown, err);
            close(fd);
            fd = next;
        }
        g_free(name);
        g_free(shown);
        p += len;
    }
    if (fd >= 0)
        close(fd);
    g_free(base);
    return fd >= 0 ? SB_OK : SB_ECANTCREAT;
}

/* What one item of a foreach holds while it is rendered. */
typedef struct {
    metrics_opts m;              /* c's, with the item's region as focus */
    metrics_ctx *mc;
    sb_error err;
    sb_diag notes;
    sb_diag failed;              /* charts: those err does not say */
} item_run;

/* Sets x up for item it: the focus, the figures. Returns
   metrics_ctx_create's status; x goes back through item_end either
   way. */
static sb_status item_begin(const batch *b, const cli_item *it, item_run *x)
{
    memset(x, 0, sizeof *x);
    sb_diag_init(&x->notes);
    sb_diag_init(&x->failed);
    x->m = b->c->m;
    if (it->region != SB_NONE)
        x->m.focus = sb_dataset_region_at(b->l->ds, it->region)->name;
    return metrics_ctx_create(b->l->ds, &x->m, &x->mc, &x->err);
}

/* Prints the item's failed charts, warnings and error (rc), frees x;
   the item's exit status, with the reason in msg when it failed
   (cli/batch.h). */
static int item_end(const batch *b, item_run *x, sb_status rc, char *msg,
                    size_t size)
{
    int st;

    cli_log_diags(&x->failed, "error");
    st = cli_diag_item(b->c->strict, rc, &x->err, &x->notes, msg, size);
    sb_diag_clear(&x->notes);
    sb_diag_clear(&x->failed);
    metrics_ctx_destroy(x->mc);
    return st;
}

/* ---- briefs ------------------------------------------------------------- */

/* The options of item it's brief, r (from the command line's) with
   its year, window and file (g_free'd by the caller): the template
   filled with the item's region and year. x: from item_begin. */
static char *brief_options(const batch *b, const cli_item *it,
                           const item_run *x, report_opts *r)
{
    int year;

    *r = b->c->report;
    r->year = it->year ? it->year : b->c->to;
    year = r->year ? r->year
                   : report_brief_year(b->l->ds, x->mc, b->l->isel);
    cli_spec_last(b->c, r->year ? r->year
                                : report_data_year(b->l->ds, x->mc),
                  &r->from);
    r->output = cli_template_fill(b->tmpl, it->name, year,
                                  cli_spec_lang(b->c));
    return (char *)r->output;
}

/* The brief of one item: the item's focus and year, the template's
   file. */
static int brief_item(void *ctx, size_t i, char *msg, size_t size)
{
    batch *b = ctx;
    const cli_item *it = &b->items->items[i];
    report_opts r;
    report_result res = {0};
    item_run x;
    char *out = NULL, *dir = NULL;
    sb_status rc;
    int st;

    rc = item_begin(b, it, &x);
    if (rc == SB_OK) {
        out = brief_options(b, it, &x, &r);
        r.diag = &x.notes;
        dir = g_path_get_dirname(out);
        rc = item_dirs(b->tmpl, dir, &x.err);
    }
    if (rc == SB_OK)
        rc = cli_outrun_brief(b->c, b->l, x.mc, &x.m, &r, &b->files, b->run,
                              &res, &x.err);
    st = item_end(b, &x, rc, msg, size);
    report_result_clear(&res);
    g_free(out);
    g_free(dir);
    return st;
}

/* ---- the index of a batch's web pages ----------------------------------- */

/* Item it's page as the index links it: its path from dir, its title
   and key figure read back from the page written (it may be one this
   run left as it was); 0 when there is none (the item failed). */
static int index_entry(const batch *b, const cli_item *it, const char *dir,
                       report_html_entry *e)
{
    report_opts r;
    item_run x;
    char *out, *page = NULL, *html;
    gsize len = 0;
    size_t n = strlen(dir);
    int ok = 0;

    if (item_begin(b, it, &x) == SB_OK) {
        out = brief_options(b, it, &x, &r);
        html = report_format_path(out, r.formats, REPORT_FMT_HTML);
        if (g_file_get_contents(html, &page, &len, NULL)) {
            report_html_summary(page, len, (char **)&e->title,
                                (char **)&e->key);
            e->href = strcmp(dir, ".") != 0 && strncmp(html, dir, n) == 0
                          ? g_strdup(html + n + (html[n] == '/'))
                          : g_strdup(html);
            ok = 1;
        }
        g_free(page);
        g_free(html);
        g_free(out);
    }
    sb_diag_clear(&x.notes);
    sb_diag_clear(&x.failed);
    metrics_ctx_destroy(x.mc);
    return ok;
}

/* index.html in the batch's folder: every brief of the batch with its
   key figure; written when it changed, as every output of the run. */
static int brief_index(batch *b, const char *dir)
{
    GArray *e = g_array_new(FALSE, TRUE, sizeof(report_html_entry));
    char *path = g_build_filename(dir, "index.html", NULL), *page, *tmp;
    const char *title = b->c->report.lang == FMT_ZH ? "简报" : "Briefs";
    char key[CLI_HEX];
    size_t i, len;
    sb_error err = {0};
    sb_status rc = SB_OK;
    int want;

    g_array_set_size(e, b->items->n);
    for (i = 0, len = 0; i < b->items->n; i++)
        len += index_entry(b, &b->items->items[i], dir,
                           &g_array_index(e, report_html_entry, len));
    page = report_html_index(title, (report_html_entry *)(void *)e->data,
                             len, b->c->report.lang, b->c->report.paper,
                             &len);
    for (i = 0; i < e->len; i++) {
        report_html_entry *x = &g_array_index(e, report_html_entry, i);
        g_free((char *)x->href);
        g_free((char *)x->title);
        g_free((char *)x->key);
    }
    g_array_free(e, TRUE);
    if (cli_sha256_data(page, len, key) != SB_OK)
        rc = sb_error_set(&err, SB_EINTERNAL, NULL, 0, 0, CLI_DIGEST_FAILED);
    want = rc == SB_OK ? cli_run_want(b->run, (const char *const *)&path, 1,
                                      key) : 0;
    if (want > 0 && (rc = sb_out_stage(path, page, len, &tmp, &err)) == SB_OK &&
        (rc = sb_out_commit(tmp, path, &err)) == SB_OK)
        cli_run_wrote(b->run, path, 0, 0);
    g_free(page);
    g_free(path);
    return rc == SB_OK ? 0 : cli_diag_error(rc, &err);
}

int cli_foreach_report(cli *c, const cli_loaded *l)
{
    const spec_str *t = &c->spec->output;
    spec_str dflt = {"brief-{region}-{year}.pdf", {0, 0}, 0};
    batch b;
    sb_error err = {0};
    char *tmpl;
    sb_status rc;
    size_t k;
    int status;

    status = c->output != NULL ? cli_template_check_arg(c, c->output) : 0;
    if (status != 0)
        return status;
    if (c->output != NULL)
        dflt.text = (char *)c->output;
    if (t->text == NULL || c->output != NULL)
        t = &dflt;
    rc = check_template(c, t, "output", &err);
    if (rc != SB_OK)
        return cli_diag_error(rc, &err);
    batch_init(&b, c, l, c->report.epoch_given);
    b.per_item = (c->report.formats == 0) + (c->report.metrics_csv != NULL);
    for (k = 0; k < REPORT_N_FORMATS; k++)
        b.per_item += (c->report.formats & report_format_bit(k)) != 0;
    /* a shard's index would list its part of the batch only */
    if ((c->report.formats & REPORT_FMT_HTML) && c->shard_n == 0)
        b.after = brief_index;
    b.tmpl = tmpl = c->output ? g_strdup(c->output)
                              : cli_spec_path(c, t->text);
    status = run_batch(c, &b, "report", c->report.epoch, brief_item);
    g_free(tmpl);
    return status;
}

/* ---- the spec's charts -------------------------------------------------- */

/* The charts of one item: the spec's charts with the item's focus, year
   and directory. */
static int chart_item(void *ctx, size_t i, char *msg, size_t size)
{
    batch *b = ctx;
    const cli_item *it = &b->items->items[i];
    plot_run saved = b->c->plot;
    cli_outrun_sink k;
    item_run x;
    char *dir = NULL;
    sb_status rc;
    int st, year;

    rc = item_begin(b, it, &x);
    if (rc == SB_OK) {
        year = it->year ? it->year : b->c->to;
        b->c->plot.to = year;
        cli_spec_last(b->c, year ? year : sb_dataset_latest_year(b->l->ds),
                      &b->c->plot.from);
        b->c->plot.dir = dir = cli_template_fill(b->tmpl, it->name, year,
                                                 cli_spec_lang(b->c));
        b->c->plot.sink = cli_outrun_sink_init(&k, b->c, b->l->ds, x.mc,
                                               b->run, b->given);
        b->c->plot.names = b->names;
        b->c->plot.failed = &x.failed;
        rc = item_dirs(b->tmpl, dir, &x.err);
    }
    if (rc == SB_OK)
        rc = cli_spec_charts(b->c, b->l->ds, x.mc, &x.notes, &x.err);
    st = item_end(b, &x, rc, msg, size);
    b->c->plot = saved;
    g_free(dir);
    return st;
}

int cli_foreach_charts(cli *c, const cli_loaded *l, int given)
{
    const spec_foreach *f = &c->spec->foreach;
    batch b;
    GString *t;
    char *tmpl;
    int status;

    status = c->output != NULL ? cli_template_check_arg(c, c->output) : 0;
    if (status != 0)
        return status;
    batch_init(&b, c, l, given);
    b.per_item = cli_spec_chart_files(c, l->ds);
    /* one set of file names for every item: its clashes said once */
    cli_spec_chart_names(c, l->ds, &b.notes, &b.names);
    t = g_string_new(c->output ? c->output
                     : c->spec->chart_dir.text ? c->spec->chart_dir.text
                                               : "charts");
    if (f->by_region && !cli_template_has(t->str, "region"))
        g_string_append(t, "/{region}");
    if (f->by_year && !cli_template_has(t->str, "year"))
        g_string_append(t, "/{year}");
    b.tmpl = tmpl = c->output ? g_strdup(t->str) : cli_spec_path(c, t->str);
    g_string_free(t, TRUE);
    status = run_batch(c, &b, "charts", c->plot.style.epoch, chart_item);
    g_free(tmpl);
    return status;
}

/* ---- charts --jobs, one item per indicator ------------------------------ */

typedef struct {
    const cli *c;
    const cli_loaded *l;
    metrics_ctx *mc;
    cli_run *run;
    int given;
    const sb_id *inds;
    const plot_names *names;     /* of all of them, as one process has */
} chart_jobs;

static int indicator_item(void *ctx, size_t i, char *msg, size_t size)
{
    chart_jobs *j = ctx;
    cli_outrun_sink k;
    plot_run r = j->c->plot;
    sb_error err = {0};
    sb_diag notes;
    sb_status rc;
    int st;

    sb_diag_init(&notes);
    r.sink = cli_outrun_sink_init(&k, j->c, j->l->ds, j->mc, j->run,
                                  j->given);
    r.names = j->names;
    r.failed = NULL;             /* one chart: err says its failure */
    rc = plot_run_list(j->l->ds, j->mc, &j->inds[i], &r, 1, &notes, &err);
    st = cli_diag_item(j->c->strict, rc, &err, &notes, msg, size);
    sb_diag_clear(&notes);
    return st;
}

/* The selected indicators and their file names, when --jobs can draw
   them as one process would: more than one job and indicator, and no
   two names that clash (one process warns of those); else NULL. The
   caller frees the array and *names. */
static GArray *job_indicators(const cli *c, const cli_loaded *l,
                              plot_names **names)
{
    GArray *inds = g_array_new(FALSE, FALSE, sizeof(sb_id));
    GPtrArray *ids = g_ptr_array_new();
    sb_diag quiet;
    size_t i;

    *names = NULL;
    for (i = 0; c->jobs > 1 && i < sb_dataset_n_indicators(l->ds); i++) {
        sb_id id = (sb_id)i;
        if (l->isel != NULL && !l->isel[i])
            continue;
        g_ptr_array_add(ids, (char *)sb_dataset_indicator_at(l->ds, id)->id);
        g_array_append_val(inds, id);
    }
    sb_diag_init(&quiet);
    if (inds->len >= 2 &&
        (plot_names_new((const char *const *)ids->pdata, ids->len,
                        "indicator", &quiet, names) != SB_OK ||
         plot_names_clashes(*names) > 0)) {
        plot_names_free(*names);
        *names = NULL;
    }
    sb_diag_clear(&quiet);
    g_ptr_array_free(ids, TRUE);
    if (*names == NULL) {
        g_array_free(inds, TRUE);
        return NULL;
    }
    return inds;
}

int cli_foreach_indicators(const cli *c, const cli_loaded *l,
                           metrics_ctx *mc, cli_run *run, int given,
                           int *status)
{
    plot_names *names;
    GArray *inds = job_indicators(c, l, &names);
    cli_items items = {NULL, 0};
    chart_jobs j = {c, l, mc, run, given, NULL, names};
    size_t i;

    if (inds == NULL)
        return 0;
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
    plot_library_preload();      /* once, not in every worker */
    /* as many workers as CPUs (core/threads.h's count: the online
       ones, or STATBRIEF_THREADS): a PNG thread in each would only
       compete (bench/charts.sh, 2 cores: --jobs 2 was no faster than
       one process, whose PNG threads already used both) */
    if (c->jobs >= sb_threads(64, 64))
        plot_render_png_thread(0);
    *status = cli_batch_run(run, &items, c->jobs, progress(c),
                            indicator_item, &j);
    cli_items_clear(&items);
    g_array_free(inds, TRUE);
    plot_names_free(names);
    return 1;
}
