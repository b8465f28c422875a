/*
 * cli/spec.c -- the report spec's settings under the command line's.
 *
 * Reads the spec once (input/spec.h), then fills what the options left
 * open, resolves the spec's paths against its folder, and turns the
 * charts its sections name into a list of chart runs. Checks nothing the
 * spec parser checks already and expands no placeholder (reports/ does).
 */
#include "spec.h"

#include "log.h"
#include "plots/files.h"
#include "reports/sections.h"

#include <glib.h>
#include <string.h>

const spec_vocab *cli_spec_vocab(void)
{
    static spec_vocab v;

    v.chart_types = plot_type_names();
    v.chart_formats = plot_format_names();
    v.table_columns = report_table_columns();
    return &v;
}

int cli_spec_apply(cli *c)
{
    sb_error err = {0};
    sb_spec *s;
    size_t i;

    if (spec_parse(c->spec_path, cli_spec_vocab(), &c->spec, &err)
            != SB_OK) {
        cli_log_diag(&err, "error");       /* 65 or 66: no signal status */
        return sb_status_exit(err.code);
    }
    s = c->spec;
    if (!c->lang_given && s->lang >= 0)
        c->lang = (fmt_lang)s->lang;
    if (!c->paper_given && s->paper >= 0)
        c->report.paper = s->paper == 1 ? REPORT_LETTER : REPORT_A4;
    c->report.author = s->author.text;
    c->report.spec = s;
    if (c->m.focus == NULL) c->m.focus = s->focus.text;
    if (c->m.group == NULL) c->m.group = s->group.text;
    if (c->m.total == NULL) c->m.total = s->total.text;
    if (c->m.benchmark == NULL) c->m.benchmark = s->benchmark.text;
    if (s->n_regions > 0 && c->m.group == NULL) {
        const char **names = g_new0(const char *, s->n_regions + 1);
        for (i = 0; i < s->n_regions; i++)
            names[i] = s->regions[i].text;
        c->m.regions = names;
        c->m.n_regions = s->n_regions;
    }
    if (c->from == 0) c->from = (int)s->from.v;
    if (c->to == 0) c->to = (int)s->to.v;
    return -1;
}

int cli_spec_foreach(const cli *c)
{
    return c->spec != NULL &&
           (c->spec->foreach.by_region || c->spec->foreach.by_year);
}

void cli_spec_last(const cli *c, int to, int *from)
{
    if (c->spec != NULL && c->spec->last.v > 0 && *from == 0 && to > 0)
        *from = MAX(1, to - (int)c->spec->last.v + 1);
}

char *cli_spec_output(const cli *c, int year)
{
    GString *g;
    char *path, *y;
    gchar **parts;

    if (c->spec == NULL || c->spec->output.text == NULL)
        return NULL;
    y = g_strdup_printf("%d", year);
    parts = g_strsplit(c->spec->output.text, "{year}", -1);
    path = g_strjoinv(y, parts);
    g_strfreev(parts);
    parts = g_strsplit(path, "{lang}", -1);
    g_free(path);
    path = g_strjoinv(c->lang == FMT_ZH ? "zh" : "en", parts);
    g_strfreev(parts);
    g = g_string_new(NULL);
    if (g_path_is_absolute(path))
        g_string_assign(g, path);
    else
        g_string_printf(g, "%s/%s", c->spec->dir, path);
    g_free(path);
    g_free(y);
    return g_string_free(g, FALSE);
}

char *cli_spec_path(const cli *c, const char *t)
{
    return g_path_is_absolute(t) || c->spec == NULL
               ? g_strdup(t) : g_build_filename(c->spec->dir, t, NULL);
}

const char *cli_spec_chart_dir(cli *c)
{
    char *path = cli_spec_path(c, c->spec->chart_dir.text
                                      ? c->spec->chart_dir.text : "charts");

    g_ptr_array_add(c->column_specs, path);
    return path;
}

sb_status cli_spec_charts(const cli *c, const sb_dataset *ds, metrics_ctx *mc,
                          sb_diag *notes, sb_error *err)
{
    GArray *inds = g_array_new(FALSE, FALSE, sizeof(sb_id));
    GArray *runs = g_array_new(FALSE, FALSE, sizeof(plot_run));
    size_t i, k;
    sb_status rc;

    for (i = 0; i < c->spec->n_sections; i++)
        for (k = 0; k < c->spec->sections[i].n_charts; k++) {
            const spec_chart *sc = &c->spec->sections[i].charts[k];
            sb_id id = sb_dataset_find_indicator(ds, sc->indicator.text);
            plot_run r = c->plot;
            if (c->isel_spec != NULL && !c->isel_spec[id])
                continue;            /* --indicator narrows the list */
            if (sc->type.text != NULL)
                plot_type_parse(sc->type.text, &r.type);
            if (sc->formats != 0 && c->format_arg == NULL)
                r.formats = sc->formats;
            if (sc->width_mm > 0 && !c->plot.size_given) {
                r.style.width_mm = sc->width_mm;
                r.style.height_mm = sc->height_mm;
                r.size_given = 1;
            }
            if (sc->dpi > 0 && !c->dpi_given)
                r.style.dpi = sc->dpi;
            if (sc->year.v > 0)
                r.to = (int)sc->year.v;
            r.title = sc->title.text;
            g_array_append_val(inds, id);
            g_array_append_val(runs, r);
        }
    if (inds->len == 0)
        sb_diag_warn(notes, c->spec->path, 0, 0, "the spec names no charts "
                     "(sections: charts:)");
    rc = plot_run_list(ds, mc, (sb_id *)(void *)inds->data,
                       (plot_run *)(void *)runs->data, inds->len, notes, err);
    g_array_free(inds, TRUE);
    g_array_free(runs, TRUE);
    return rc;
}
