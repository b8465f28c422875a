/*
 * cli/load.c -- load a command's input and print what the load said.
 *
 * Chooses the files (FILE..., else the spec's data and metadata entries,
 * each with its own reading options), hands them to input_load, checks
 * the spec's names and the data's age (--expect-year), prints the
 * warnings and resolves --indicator and --region against the dataset.
 * Parses no cell and computes no figure.
 */
#include "load.h"

#include "diag.h"
#include "log.h"
#include "signals.h"
#include "reports/sections.h"

#include <glib.h>
#include <string.h>

void cli_load_clear(cli_loaded *l)
{
    g_free(l->isel);
    g_free(l->rsel);
    input_report_clear(&l->rep);
    sb_diag_clear(&l->diag);
    sb_dataset_destroy(l->ds);
    memset(l, 0, sizeof *l);
}

/* "a, b, c" of the first known names, for messages. */
static char *known_names(const sb_dataset *ds, int regions)
{
    GString *g = g_string_new(NULL);
    size_t i, n = regions ? sb_dataset_n_regions(ds)
                          : sb_dataset_n_indicators(ds);

    for (i = 0; i < n && g->len < 400; i++) {
        const char *name = regions ? sb_dataset_region_at(ds, (sb_id)i)->name
                                   : sb_dataset_indicator_at(ds, (sb_id)i)->id;
        g_string_append_printf(g, "%s%s", i ? ", " : "", name);
    }
    if (i < n)
        g_string_append(g, ", ...");
    return g_string_free(g, FALSE);
}

/* Marks the named indicators or regions; an unknown name is a usage
   error (64) that lists the known ones. *sel stays NULL when no name was
   given. */
static int select_names(const sb_dataset *ds, GPtrArray *names, int regions,
                        unsigned char **sel)
{
    size_t n = regions ? sb_dataset_n_regions(ds)
                       : sb_dataset_n_indicators(ds);
    guint i;

    *sel = NULL;
    if (names->len == 0)
        return 0;
    *sel = g_new0(unsigned char, n + 1);
    for (i = 0; i < names->len; i++) {
        const char *name = names->pdata[i];
        sb_id id = regions ? sb_dataset_find_region(ds, name)
                           : sb_dataset_find_indicator(ds, name);
        if (id == SB_NONE) {
            char *known = known_names(ds, regions);
            int st = cli_diag_fail(SB_EUSAGE, "unknown %s \"%s\" (known: "
                                   "%s)", regions ? "region" : "indicator",
                                   name, known);
            g_free(known);
            return st;
        }
        (*sel)[id] = 1;
    }
    return 0;
}

/* The spec's data entries, each read by its own options (the command
   line's, with the entry's shape, columns, decimal comma and indicator
   over them), then its metadata files. *opts and the returned array are
   the caller's (g_free). */
static input_arg *spec_args(const cli *c, input_options **opts, size_t *n,
                            sb_error *err)
{
    const sb_spec *s = c->spec;
    size_t i, k, m = 0, total = 0;
    input_arg *a;

    for (i = 0; i < s->n_data + s->n_metadata; i++) {
        const spec_data *d = i < s->n_data ? &s->data[i]
                                           : &s->metadata[i - s->n_data];
        for (k = 0; d->files != NULL && d->files[k] != NULL; k++)
            total++;
    }
    a = g_new0(input_arg, total + 1);
    *opts = g_new0(input_options, s->n_data + 1);
    for (i = 0; i < s->n_data + s->n_metadata; i++) {
        const spec_data *d = i < s->n_data ? &s->data[i]
                                           : &s->metadata[i - s->n_data];
        input_options *o = i < s->n_data ? &(*opts)[i] : NULL;
        if (o != NULL) {
            *o = c->in;
            if (d->shape > 0)
                o->layout.shape = (input_shape)d->shape;
            for (k = 0; k < INPUT_NKEYS; k++)
                if (d->columns[k] != NULL)
                    o->layout.columns[k] = d->columns[k];
            o->decimal_comma |= d->decimal_comma;
            if (d->indicator.text != NULL) {
                o->layout.indicator = d->indicator.text;
                o->layout.indicator_opt = "the spec's indicator";
            }
            if (d->encoding.text != NULL &&
                input_encoding_parse(d->encoding.text, &o->encoding) != 0)
                sb_error_set(err, SB_EDATA, s->path, d->encoding.pos.line,
                             d->encoding.pos.col, "encoding \"%s\" is not "
                             "supported (utf-8, gb18030, gbk)",
                             d->encoding.text);
        }
        for (k = 0; d->files != NULL && d->files[k] != NULL; k++) {
            a[m].path = d->files[k];
            /* a glob's files are a folder's: own outputs skipped */
            a[m].expanded = strpbrk(d->path.text, "*?[") != NULL;
            a[m++].o = o != NULL ? o : &c->in;
        }
    }
    *n = m;
    return a;
}

static sb_status load_files(cli *c, cli_loaded *l, sb_error *err)
{
    input_options *opts = NULL;
    input_arg *a;
    size_t n = 0;
    sb_status rc;

    if (c->spec == NULL || c->n_files > 0)
        return input_load((const char *const *)c->files, (size_t)c->n_files,
                          &c->in, &l->ds, &l->rep, &l->diag, err);
    a = spec_args(c, &opts, &n, err);
    rc = err->code != SB_OK ? err->code
         : n == 0 ? sb_error_set(err, SB_EDATA, c->spec->path, 0, 0,
                                 "the spec names no data files (data:)")
                  : input_load_args(a, n, &l->ds, &l->rep, &l->diag, err);
    g_free(a);
    g_free(opts);
    return rc;
}

/* --expect-year or the spec's expect_year: data older than expected is a
   warning (an error with --strict, before anything is written), so that
   a cron job notices a source that was not updated. */
static sb_status stale_check(const cli *c, const sb_dataset *ds, sb_diag *d)
{
    const sb_spec *s = c->spec;
    int y = sb_dataset_latest_year(ds);

    if (c->expect_year > 0)
        return y >= c->expect_year
                   ? SB_OK
                   : sb_diag_warn(d, NULL, 0, 0, "the data end in %d; "
                                  "--expect-year %d: is the source "
                                  "updated?", y, c->expect_year);
    if (s == NULL || s->expect_year.v == 0 || y >= s->expect_year.v)
        return SB_OK;
    return sb_diag_warn(d, s->path, s->expect_year.pos.line,
                        s->expect_year.pos.col, "the data end in %d; the "
                        "spec expects %ld (expect_year): is the source "
                        "updated?", y, s->expect_year.v);
}

/* What the load chose to do (skip statbrief's own outputs, read a file
   again that changed): notes, before its warnings and errors; -q keeps
   them back. */
static void print_notes(const cli *c, const input_report *rep)
{
    size_t i;

    for (i = 0; !c->quiet && i < rep->notes.n_items; i++)
        cli_log_diag(&rep->notes.items[i], "note");
}

sb_status cli_load_read(cli *c, cli_loaded *l, sb_error *err)
{
    memset(l, 0, sizeof *l);
    sb_diag_init(&l->diag);
    /* the run's records name the bytes that were parsed */
    c->in.digest = (c->cmd & (CLI_CMD_CHARTS | CLI_CMD_REPORT)) != 0;
    return load_files(c, l, err);
}

int cli_load_end(cli *c, cli_loaded *l, sb_status rc, sb_error *err)
{
    int status;

    print_notes(c, &l->rep);
    if (rc == SB_OK && c->spec != NULL)
        rc = report_spec_names(l->ds, c->spec, err);
    if (rc == SB_OK)
        rc = stale_check(c, l->ds, &l->diag);
    if (cli_diag_warnings(&l->diag, c->strict) && rc == SB_OK)
        rc = sb_error_set(err, SB_EDATA, NULL, 0, 0,
                          "%zu warning%s treated as error%s (--strict)",
                          l->diag.count, l->diag.count == 1 ? "" : "s",
                          l->diag.count == 1 ? "" : "s");
    if (rc != SB_OK)
        return cli_diag_error(rc, err);
    if (cli_signal_caught())
        return cli_diag_fail(SB_ECANCELED, "stopped by a signal after "
                             "loading");
    status = select_names(l->ds, c->indicators, 0, &l->isel);
    if (status == 0)
        status = select_names(l->ds, c->regions, 1, &l->rsel);
    return status;
}

int cli_load(cli *c, cli_loaded *l)
{
    sb_error err = {0};

    if (c->n_files == 0 && c->spec == NULL) {
        memset(l, 0, sizeof *l);
        sb_diag_init(&l->diag);
        return cli_diag_fail(SB_EUSAGE, "no input files");
    }
    return cli_load_end(c, l, cli_load_read(c, l, &err), &err);
}

sb_status cli_load_labels_known(const cli *c, const sb_dataset *ds,
                                sb_error *err)
{
    size_t i;

    for (i = 0; i < c->plot.labels.n; i++)
        if (sb_dataset_find_region(ds, c->plot.labels.names[i]) == SB_NONE)
            return metrics_unknown_region(ds, "--label",
                                          c->plot.labels.names[i], err);
    return SB_OK;
}
