/*
 * cli/outrun.c -- charts and report as cron-safe runs: the epoch, the
 * inputs' digests, the run begun and ended, and the build-or-skip
 * decision for each brief and chart.
 *
 * Wires the options to cli/run.h and cli/keys.h. Draws nothing and
 * writes no output itself: report_brief_write and plots/ do, and tell
 * the run what they wrote.
 */
#include "outrun.h"

#include "diag.h"
#include "edition.h"
#include "keys.h"
#include "spec.h"
#include "reports/qpdflib.h"

#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

/* SOURCE_DATE_EPOCH (reproducible-builds.org), else now. A value that is
   not a whole number of seconds from 1970 to 9999, written in digits
   only (no sign, no space: one rule, as the specification says "an
   integer"), is an error rather than a silent fallback: the dates would
   not be what the caller asked for. */
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
    v = g_ascii_isdigit(*e) ? g_ascii_strtoll(e, &end, 10) : -1;
    if (v < 0 || *end != '\0' || errno != 0 || v > 253402300799LL)
        return cli_diag_fail(SB_EUSAGE, "SOURCE_DATE_EPOCH: \"%s\" is not a "
                             "time in seconds from 1970 to 9999", e);
    *out = v;
    return 0;
}

int cli_outrun_start(cli *c, long long *epoch, int *given, cli_outrun *r)
{
    int status;

    memset(r, 0, sizeof *r);
    sb_diag_init(&r->notes);
    if (c->from && c->to && c->from > c->to)
        return cli_diag_fail(SB_EUSAGE, "--from %d is after --to %d",
                             c->from, c->to);
    status = source_date_epoch(epoch, given);
    /* the manifest will name libqpdf's version (a brief needs it too):
       it loads while the data are read */
    if (status == 0)
        qpdflib_load_async();
    if (status == 0)
        status = cli_load(c, &r->l);
    if (status == 0 && c->shard_n > 0 && !cli_spec_foreach(c))
        status = cli_diag_fail(SB_EUSAGE, "--shard needs a spec with "
                               "foreach (a batch to cut)");
    return status;
}

/* ---- the run ------------------------------------------------------------ */

sb_status cli_outrun_files_read(const cli *c, const cli_loaded *l,
                                cli_outrun_files *files, sb_error *err)
{
    const input_report *rep = &l->rep;
    cli_input *in = g_new0(cli_input, rep->n_files + 2);
    sb_status rc;
    size_t i;

    files->in = in;
    files->n = 0;
    for (i = 0; i < rep->n_files; i++) {
        const input_file_report *f = &rep->files[i];
        if (f->sha256[0] == '\0')        /* loaded without its digest */
            return sb_error_set(err, SB_EINTERNAL, f->path, 0, 0,
                                "no digest of what was read");
        in[files->n].path = g_strdup(f->path);
        memcpy(in[files->n].sha256, f->sha256, CLI_HEX);
        in[files->n++].bytes = (size_t)f->bytes;
    }
    if (c->spec == NULL)
        return SB_OK;
    /* the spec's: of the bytes it was parsed from */
    in[files->n].path = g_strdup(c->spec->path);
    rc = spec_sha256(c->spec, in[files->n].sha256, &in[files->n].bytes);
    files->n++;
    return rc == SB_OK ? SB_OK : sb_error_set(err, rc, NULL, 0, 0,
                                              CLI_DIGEST_FAILED);
}

void cli_outrun_files_clear(cli_outrun_files *files)
{
    size_t i;

    for (i = 0; i < files->n; i++)
        g_free(files->in[i].path);
    g_free(files->in);
    files->in = NULL;
    files->n = 0;
}

/* The shard's own lock, store and manifest: "-K-of-N" ("" unsharded). */
static const char *shard_tag(const cli *c, char *buf, size_t size)
{
    if (c->shard_n == 0)
        return "";
    snprintf(buf, size, "-%d-of-%d", c->shard_k, c->shard_n);
    return buf;
}

sb_status cli_outrun_begin(const cli *c, const char *command, const char *dir,
                           const cli_outrun_files *files, long long epoch,
                           int given, cli_run **run, sb_error *err)
{
    char tag[64];
    cli_run_opts o = {command, c->wait_s, c->force, files->in, files->n,
                      c->lang == FMT_ZH ? "zh" : "en", epoch, given,
                      shard_tag(c, tag, sizeof tag)};

    return cli_run_begin(dir, &o, run, err);
}

int cli_outrun_end(cli_run *run, int status)
{
    sb_error err = {0};

    if (run == NULL)
        return status;
    if (cli_run_end(run, status, &err) != SB_OK && status == 0)
        return cli_diag_error(err.code, &err);
    return status;
}

int cli_outrun_finish(cli_outrun *r, int status)
{
    status = cli_outrun_end(r->run, status);
    r->run = NULL;
    cli_outrun_files_clear(&r->files);
    sb_diag_clear(&r->notes);
    metrics_ctx_destroy(r->mc);
    r->mc = NULL;
    cli_load_clear(&r->l);
    return status;
}

/* ---- a brief ------------------------------------------------------------ */

/* The digests cli_outrun_files_read computed: the brief prints them. */
static const char *input_sha(void *ctx, const char *path)
{
    const cli_outrun_files *x = ctx;
    size_t i;

    for (i = 0; i < x->n; i++)
        if (strcmp(x->in[i].path, path) == 0)
            return x->in[i].sha256;
    return NULL;
}

sb_status cli_outrun_brief(const cli *c, const cli_loaded *l, metrics_ctx *mc,
                           const metrics_opts *m, const report_opts *r,
                           const cli_outrun_files *files, cli_run *run,
                           report_result *res, sb_error *err)
{
    cli_outrun_files inputs = *files;  /* input_sha's context */
    cli_edition ed;
    report_opts with = *r;
    char key[CLI_HEX], spec_sha[CLI_HEX];
    char *own[REPORT_N_FORMATS] = {NULL};
    const char *paths[REPORT_N_FORMATS + 1];
    gint64 t0 = g_get_monotonic_time();
    size_t n = 0, k;
    sb_status rc;
    int want;

    rc = c->spec != NULL ? spec_sha256(c->spec, spec_sha, NULL) : SB_OK;
    if (rc != SB_OK ||
        cli_key_brief(l->ds, mc, m, l->isel, r, c->spec ? spec_sha : NULL,
                      files->in, files->n, key) != SB_OK)
        return sb_error_set(err, SB_EINTERNAL, NULL, 0, 0, CLI_DIGEST_FAILED);
    /* every file of the brief: each format's, the figures */
    for (k = 0; k < REPORT_N_FORMATS; k++)
        if ((r->formats ? r->formats : REPORT_FMT_PDF) & report_format_bit(k))
            paths[n++] = own[k] = report_format_path(r->output, r->formats,
                                                     report_format_bit(k));
    if (r->metrics_csv != NULL)
        paths[n++] = r->metrics_csv;
    want = cli_run_want(run, paths, n, key);
    for (k = 0; k < REPORT_N_FORMATS; k++)
        g_free(own[k]);
    if (want < 0)
        return sb_error_set(err, SB_ECANCELED, NULL, 0, 0,
                            "stopped by a signal; nothing was written");
    if (want == 0)
        return SB_OK;
    with.input_sha = input_sha;
    with.input_sha_ctx = &inputs;
    /* the previous edition: its revisions annex, then the vintage kept */
    rc = cli_edition_begin(&ed, c, l, mc, m, files->in, files->n, run,
                           r->year ? r->year
                                   : report_brief_year(l->ds, mc, l->isel),
                           &with, err);
    if (rc == SB_OK)
        rc = report_brief_write(l->ds, mc, l->isel, &with, res, err);
    if (rc == SB_OK) {
        /* the pages are the PDF's; the time goes with the first file */
        for (k = 0, n = 0; k < REPORT_N_FORMATS; k++)
            if (res->paths[k] != NULL)
                cli_run_wrote(run, res->paths[k],
                              report_format_bit(k) == REPORT_FMT_PDF
                                  ? res->pages : 0,
                              n++ == 0 ? (double)(g_get_monotonic_time() -
                                                  t0) / 1e6 : 0);
        if (r->metrics_csv != NULL)
            cli_run_wrote(run, r->metrics_csv, 0, 0);
        rc = cli_edition_end(&ed, run, err);
    }
    cli_edition_clear(&ed);
    return rc;
}

/* ---- charts ------------------------------------------------------------- */

static int chart_want(void *ctx, sb_id ind, const plot_run *o,
                      const char *const *paths, size_t n, sb_error *err)
{
    cli_outrun_sink *k = ctx;

    if (cli_key_chart(k->ds, k->mc, &k->c->m, ind, o, k->epoch_given,
                      k->key) != SB_OK) {
        sb_error_set(err, SB_EINTERNAL, NULL, 0, 0, CLI_DIGEST_FAILED);
        return -1;
    }
    return cli_run_want(k->run, paths, n, k->key);
}

static int chart_need(void *ctx, const char *path)
{
    return cli_run_need(((cli_outrun_sink *)ctx)->run, path);
}

static void chart_wrote(void *ctx, sb_id ind, const plot_run *o,
                        const char *path, double seconds)
{
    cli_outrun_sink *k = ctx;

    (void)ind;
    (void)o;
    cli_run_wrote(k->run, path, 0, seconds);
}

const plot_sink *cli_outrun_sink_init(cli_outrun_sink *k, const cli *c,
                                      const sb_dataset *ds,
                                      const metrics_ctx *mc, cli_run *run,
                                      int epoch_given)
{
    k->c = c;
    k->ds = ds;
    k->mc = mc;
    k->run = run;
    k->epoch_given = epoch_given;
    k->key[0] = '\0';
    k->sink = (plot_sink){chart_want, chart_need, chart_wrote, k};
    return &k->sink;
}
