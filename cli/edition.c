/*
 * cli/edition.c -- the previous edition of a brief: its vintage read
 * and compared, the revisions handed to the annex, the CSV and the next
 * vintage written (cli/edition.h).
 */
#include "edition.h"

#include "log.h"

#include "core/outfile.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What tells this brief's vintage from another's in the same folder:
   the spec (its path from the folder, as the store names owners: the
   same when the tree moves), the -o name without a spec (a spec's
   output names change with the year, a vintage must not), language,
   focus. */
static char *owner_text(const cli *c, const cli_run *run,
                        const metrics_opts *m)
{
    const char *spec = cli_run_owner_spec(run);
    char *out = c->output && !c->spec_path ? g_path_get_basename(c->output)
                                           : g_strdup("");
    char *t = g_strdup_printf("report\nspec=%s\noutput=%s\nlang=%d\n"
                              "focus=%s\n", spec, out, (int)c->lang,
                              m->focus ? m->focus : "");

    g_free(out);
    return t;
}

/* The brief shows region `name` (NEW's): the focus or one of its
   comparison set; a region NEW lacks had its values withdrawn. */
typedef struct {
    const sb_dataset *ds;
    const metrics_ctx *mc;
} shown_ctx;

static int region_shown(void *ctx, const char *name)
{
    const shown_ctx *x = ctx;
    sb_id r = sb_dataset_find_region(x->ds, name);

    return r == SB_NONE || r == metrics_focus(x->mc) ||
           metrics_in_set(x->mc, r);
}

/* The previous edition's figures, with this run's options and focus. */
static void previous_figures(cli_edition *e, const metrics_opts *opts,
                             const sb_dataset *ds, metrics_ctx *mc)
{
    metrics_opts m = *opts;
    sb_id focus = metrics_focus(mc);
    sb_error ignore = {0};

    if (focus != SB_NONE)
        m.focus = sb_dataset_region_at(ds, focus)->name;
    if (metrics_ctx_create(e->old->ds, &m, &e->old_mc, &ignore) != SB_OK)
        e->old_mc = NULL;        /* the key figures are left out */
}

/* The comparison, narrowed to the brief's indicators, regions and
   years. */
static sb_status compare(cli_edition *e, const cli *c, const cli_loaded *l,
                         metrics_ctx *mc, const metrics_opts *m,
                         const report_opts *r, sb_error *err)
{
    GPtrArray *ids = g_ptr_array_new();
    rev_filter f = {0};
    shown_ctx x = {l->ds, mc};
    size_t i;
    sb_status rc;

    for (i = 0; i < sb_dataset_n_indicators(l->ds); i++)
        if (l->isel == NULL || l->isel[i])
            g_ptr_array_add(ids, (gpointer)sb_dataset_indicator_at(
                                     l->ds, (sb_id)i)->id);
    f.ids = (const char *const *)ids->pdata;
    f.n_ids = ids->len;
    f.from = r->from;
    f.to = c->to ? c->to : report_data_year(l->ds, mc);
    f.region_kept = region_shown;
    f.region_ctx = &x;
    rc = rev_compare(e->old->ds, l->ds, &f, &e->rev, err);
    if (rc == SB_OK && e->rev->n == 0) {
        rev_destroy(e->rev);
        e->rev = NULL;
    }
    if (rc == SB_OK && e->rev != NULL) {
        /* the figures of the regions shown, as the values: f's
           region_kept */
        figdiff_opts fo = {.filter = &f, .m = m};
        rc = figdiff_compare(e->old->ds, l->ds, &fo, &e->fig, err);
    }
    g_ptr_array_free(ids, TRUE);
    return rc;
}

/* The previous vintage, when there is one to compare with; says with
   -v why there is no annex. SB_ENOMEM when memory ran out. */
static sb_status read_previous(cli_edition *e, const report_opts *r,
                               sb_error *err)
{
    char why[300];
    int nomem;

    e->old = cli_vintage_read(e->vintage, why, sizeof why, &nomem);
    if (nomem)
        return sb_error_set(err, SB_ENOMEM, e->vintage, 0, 0,
                            "out of memory");
    if (e->old == NULL) {
        char *t = g_strdup_printf("no revisions annex: the previous "
                                  "edition's vintage %s: %s", e->vintage,
                                  why);
        cli_log_decision("annex", r->output, t);
        g_free(t);
    }
    return SB_OK;
}

sb_status cli_edition_begin(cli_edition *e, const cli *c, const cli_loaded *l,
                            metrics_ctx *mc, const metrics_opts *m,
                            const cli_input *in, size_t n_in, cli_run *run,
                            int year, report_opts *r, sb_error *err)
{
    char *dir = g_path_get_dirname(r->output), *owner = owner_text(c, run, m);
    char name[64];
    sb_status rc;

    memset(e, 0, sizeof *e);
    e->vintage = cli_vintage_path(dir, owner);
    g_free(owner);
    /* statbrief's own file, as the store is: its name is reserved (no
       output may have it), it is replaced atomically and never through
       a link; not an output of the run (a current brief never rewrites
       it: the store vouches for outputs only) */
    rc = sb_out_check_path(e->vintage, err);
    if (rc == SB_OK)
        rc = cli_vintage_encode(l->ds, l->isel, in, n_in,
                                &e->packed, &e->packed_len, err);
    if (rc == SB_OK && !r->no_revisions)
        rc = read_previous(e, r, err);
    if (rc == SB_OK && e->old != NULL)
        rc = compare(e, c, l, mc, m, r, err);
    if (rc == SB_OK && e->rev != NULL) {
        char t[120];
        g_snprintf(name, sizeof name, "revisions-%d.csv", year);
        e->csv = g_build_filename(dir, name, NULL);
        rc = cli_run_also(run, e->csv, "the revisions CSV", err);
        previous_figures(e, m, l->ds, mc);
        r->revisions = e->rev;
        r->previous = e->old->ds;
        r->previous_mc = e->old_mc;
        cli_run_set_previous(run, e->old->in, e->old->n_in);
        g_snprintf(t, sizeof t, "%zu changes since the previous edition",
                   e->rev->n);
        cli_log_decision("annex", r->output, t);
    }
    g_free(dir);
    return rc;
}

/* r as revisions-<year>.csv (the csv of statbrief diff). */
static sb_status write_csv(const cli_edition *e, sb_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    sb_status rc;

    if (f == NULL)
        return sb_error_set(err, SB_ENOMEM, e->csv, 0, 0, "out of memory");
    if (rev_write_figures(f, e->rev, e->fig, REV_FMT_CSV) != 0) {
        fclose(f);
        free(buf);
        return sb_error_set(err, SB_ENOMEM, e->csv, 0, 0, "out of memory");
    }
    fclose(f);
    rc = sb_out_write(e->csv, buf, len, err);
    free(buf);
    return rc;
}

sb_status cli_edition_end(cli_edition *e, cli_run *run, sb_error *err)
{
    sb_status rc = SB_OK;

    if (e->rev != NULL && (rc = write_csv(e, err)) == SB_OK)
        cli_run_wrote(run, e->csv, 0, 0);
    /* the vintage last: a run stopped before it compares the next
       edition with the older one, never with data no brief showed */
    if (rc == SB_OK)
        rc = sb_out_write(e->vintage, e->packed, e->packed_len, err);
    return rc;
}

void cli_edition_clear(cli_edition *e)
{
    rev_destroy(e->rev);
    figdiff_destroy(e->fig);
    metrics_ctx_destroy(e->old_mc);
    cli_vintage_free(e->old);
    g_free(e->vintage);
    g_free(e->csv);
    g_free(e->packed);
    memset(e, 0, sizeof *e);
}
