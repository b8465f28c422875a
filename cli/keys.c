/*
 * cli/keys.c -- canonical text of an output's options, hashed with the
 * digests of its data.
 */
#include "keys.h"

#include <glib.h>
#include <string.h>

/* The regions a chart or brief shows. */
static int shown(const void *ctx, sb_id r)
{
    const metrics_ctx *mc = ctx;

    return metrics_in_set(mc, r) || r == metrics_focus(mc) ||
           r == metrics_total(mc) || r == metrics_benchmark(mc);
}

static const char *region_name(const sb_dataset *ds, sb_id r)
{
    return r == SB_NONE ? "" : sb_dataset_region_at((const sb_dataset *)ds, r)->name;
}

/* Who is shown, whatever said so (options, spec, metadata). */
static void who(GString *g, const sb_dataset *ds, const metrics_ctx *mc,
                const metrics_opts *m)
{
    size_t i;

    g_string_append_printf(g, "focus=%s\ntotal=%s\nbenchmark=%s\nset=%s\n",
                           region_name(ds, metrics_focus(mc)),
                           region_name(ds, metrics_total(mc)),
                           region_name(ds, metrics_benchmark(mc)),
                           metrics_set_name(mc));
    for (i = 0; i < m->n_regions; i++)
        g_string_append_printf(g, "region=%s\n", m->regions[i]);
    g_string_append_printf(g, "from=%d\nto=%d\ninterpolate=%d\n", m->from,
                           m->to, m->interpolate);
}

/* rc: the status so far (a part's digest that failed). */
static sb_status finish(GString *g, sb_status rc, char hex[CLI_HEX])
{
    if (rc == SB_OK)
        rc = cli_sha256_data(g->str, g->len, hex);
    g_string_free(g, TRUE);
    if (rc != SB_OK)
        hex[0] = '\0';
    return rc;
}

sb_status cli_key_chart(const sb_dataset *ds, const metrics_ctx *mc,
                        const metrics_opts *m, sb_id ind, const plot_run *o,
                        int epoch_given, char hex[CLI_HEX])
{
    GString *g = g_string_new("statbrief " SB_VERSION "\nchart\n");
    char data[CLI_HEX];
    sb_status rc;
    size_t i;

    who(g, ds, mc, m);
    g_string_append_printf(g, "type=%d\nformats=%u\nsize=%.6g x %.6g %d\n"
                           "dpi=%.6g\nlang=%d\nwindow=%d-%d\ntitle=%s\n",
                           o->type, o->formats, o->style.width_mm,
                           o->style.height_mm, o->size_given, o->style.dpi,
                           (int)o->style.lang, o->from, o->to,
                           o->title ? o->title : "");
    if (epoch_given)
        g_string_append_printf(g, "epoch=%lld\n", o->style.epoch);
    for (i = 0; i < o->labels.n; i++)  /* none: the key of before */
        g_string_append_printf(g, "label=%s\n", o->labels.names[i]);
    if (o->labels.base != 0)           /* likewise: an index chart's base */
        g_string_append_printf(g, "base=%d\n", o->labels.base);
    if (o->labels.order == PLOT_ORDER_SOURCE)   /* rank: as before */
        g_string_append(g, "order=source\n");
    rc = cli_digest_indicator(ds, ind, shown, mc, data);
    g_string_append_printf(g, "data=%s\n", data);
    return finish(g, rc, hex);
}

sb_status cli_key_brief(const sb_dataset *ds, const metrics_ctx *mc,
                        const metrics_opts *m, const unsigned char *sel,
                        const report_opts *o, const char *spec_sha,
                        const cli_input *inputs, size_t n_inputs,
                        char hex[CLI_HEX])
{
    GString *g = g_string_new("statbrief " SB_VERSION "\nbrief\n");
    char data[CLI_HEX];
    sb_status rc = SB_OK;
    size_t i;

    who(g, ds, mc, m);
    g_string_append_printf(g, "title=%s\nauthor=%s\nlang=%d\npaper=%d\n"
                           "year=%d\nfrom=%d\ninterpolate=%d\n"
                           "metrics_csv=%s\nwarnings=%zu\nspec=%s\n",
                           o->title ? o->title : "",
                           o->author ? o->author : "", (int)o->lang,
                           (int)o->paper, o->year, o->from, o->interpolate,
                           o->metrics_csv ? o->metrics_csv : "", o->warnings,
                           spec_sha ? spec_sha : "");
    if (o->epoch_given)
        g_string_append_printf(g, "epoch=%lld\n", o->epoch);
    if (o->no_revisions)               /* else: the key of before */
        g_string_append(g, "no_revisions\n");
    for (i = 0; i < o->labels.n; i++)  /* none: the key of before */
        g_string_append_printf(g, "label=%s\n", o->labels.names[i]);
    for (i = 0; i < n_inputs; i++)
        g_string_append_printf(g, "input=%s %s\n", inputs[i].path,
                               inputs[i].sha256);
    for (i = 0; i < sb_dataset_n_indicators(ds) && rc == SB_OK; i++) {
        if (sel != NULL && !sel[i])
            continue;
        rc = cli_digest_indicator(ds, (sb_id)i, shown, mc, data);
        g_string_append_printf(g, "data=%s\n", data);
    }
    return finish(g, rc, hex);
}
