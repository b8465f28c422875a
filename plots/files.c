/*
 * plots/files.c -- chart files: names, atomic writes, the run loop.
 */
#include "files.h"

#include "core/outfile.h"

#include "alt.h"
#include "chart_types.h"

#include <errno.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

/* The formats by name: the i-th sets bit 1 << i (plot_format). */
static const char *const format_names[] = {"pdf", "png", "svg", NULL};

const char *const *plot_format_names(void)
{
    return format_names;
}

int plot_formats_parse(const char *s, unsigned *out)
{
    gchar **parts = g_strsplit(s, ",", -1);
    int rc = 0;
    size_t i, k;

    *out = 0;
    for (i = 0; parts[i] != NULL && rc == 0; i++) {
        const char *p = g_strstrip(parts[i]);
        for (k = 0; format_names[k] && strcmp(p, format_names[k]); k++)
            ;
        if (format_names[k] != NULL)
            *out |= 1u << k;
        else
            rc = -1;
    }
    g_strfreev(parts);
    return *out == 0 ? -1 : rc;
}

char *plot_safe_name(const char *id)
{
    GString *g = g_string_new(NULL);
    const char *p;

    for (p = id; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch < 0x20 || ch == 0x7f || ch == '/' || ch == '\\' ||
            (ch == '.' && (p == id || p[1] == '.' ||
                           (p > id && p[-1] == '.'))))
            g_string_append_c(g, '_');
        else
            g_string_append_c(g, *p);
    }
    if (g->len == 0)
        g_string_append_c(g, '_');
    return g_string_free(g, FALSE);
}

static const char *ext(plot_format f)
{
    return format_names[f == PLOT_PDF ? 0 : f == PLOT_PNG ? 1 : 2];
}

/* <safe id>[-type][-lang], made unique within the run. */
static char *stem(const plot_chart *c, const plot_run *o, int default_type,
                  GHashTable *used)
{
    char *safe = plot_safe_name(c->ind->id);
    GString *g = g_string_new(safe);
    char *base;
    int k;

    g_free(safe);
    if ((int)c->type != default_type)
        g_string_append_printf(g, "-%s", plot_type_name(c->type));
    if (o->style.lang == FMT_ZH)
        g_string_append(g, "-zh");
    base = g_strdup(g->str);
    for (k = 2; g_hash_table_contains(used, g->str); k++)
        g_string_printf(g, "%s-%d", base, k);
    g_free(base);
    g_hash_table_add(used, g_strdup(g->str));
    return g_string_free(g, FALSE);
}

/* Writes one file of a chart (atomically) and tells the sink. */
static sb_status write_file(const plot_run *o, sb_id ind, const char *name,
                            const plot_bytes *b, gint64 t0, sb_error *err)
{
    char *path = g_build_filename(o->dir, name, NULL);
    sb_status rc = sb_out_write(path, b->data, b->len, err);

    if (rc == SB_OK && o->sink != NULL && o->sink->wrote != NULL)
        o->sink->wrote(o->sink->ctx, ind, o, path,
                       (double)(g_get_monotonic_time() - t0) / 1e6);
    g_free(path);
    return rc;
}

/* Asks the sink whether the file name.ext of a chart being drawn is to
   be written (the others are current). */
static int needed(const plot_run *o, const char *name, const char *ext_)
{
    char *file, *path;
    int r;

    if (o->sink == NULL || o->sink->need == NULL)
        return 1;
    file = g_strdup_printf("%s.%s", name, ext_);
    path = g_build_filename(o->dir, file, NULL);
    r = o->sink->need(o->sink->ctx, path);
    g_free(file);
    g_free(path);
    return r;
}

/* Asks the sink whether the chart named `name` is to be drawn. */
static int wanted(const plot_run *o, sb_id ind, const char *name,
                  sb_error *err)
{
    static const plot_format all[] = {PLOT_PDF, PLOT_PNG, PLOT_SVG};
    char *paths[4];
    size_t n = 0, i;
    int r;

    if (o->sink == NULL || o->sink->want == NULL)
        return 1;
    for (i = 0; i <= G_N_ELEMENTS(all); i++) {       /* the .txt last */
        int k = (int)i < (int)G_N_ELEMENTS(all) ? (int)i : -1;
        char *file;
        if (k >= 0 && !(o->formats & all[k]))
            continue;
        file = g_strdup_printf("%s.%s", name, k >= 0 ? ext(all[k]) : "txt");
        paths[n++] = g_build_filename(o->dir, file, NULL);   /* as written */
        g_free(file);
    }
    r = o->sink->want(o->sink->ctx, ind, o, (const char *const *)paths, n,
                      err);
    for (i = 0; i < n; i++)
        g_free(paths[i]);
    return r;
}

/* The chart of ind that the run asks for, in *c, and the indicator's
   default chart, whose type decides the file name, in *def (the same
   chart when the run asks for the default). *c NULL: nothing to draw,
   said in diag. */
static sb_status build_charts(const sb_dataset *ds, metrics_ctx *mc,
                              sb_id ind, const plot_run *o, plot_chart **def,
                              plot_chart **c, sb_diag *diag)
{
    sb_error why = {0};

    *c = NULL;
    *def = plot_chart_build(ds, mc, ind, -1, o->from, o->to, o->style.lang,
                            &why);
    if (*def != NULL)
        *c = o->type < 0 || o->type == (int)(*def)->type
                 ? *def
                 : plot_chart_build(ds, mc, ind, o->type, o->from, o->to,
                                    o->style.lang, &why);
    if (*c == NULL) {
        plot_chart_destroy(*def);
        *def = NULL;
        return sb_diag_warn(diag, NULL, 0, 0, "%s", why.msg) == SB_OK
                   ? SB_OK : SB_ENOMEM;
    }
    if (o->title != NULL) {              /* a spec's own title */
        g_free((*c)->title);
        (*c)->title = g_strdup(o->title);
    }
    return SB_OK;
}

/* The run's style, with the type's own size when the run gives none. */
static plot_style chart_style(const plot_chart *c, const plot_run *o)
{
    const plot_type_info *t = plot_type_info_of(c->type);
    plot_style st = o->style;

    if (t->width_mm > 0 && !o->size_given) {
        st.width_mm = t->width_mm;
        st.height_mm = t->height_mm;
    }
    return st;
}

/* Draws c and writes name.pdf, .png and .svg: those the run asks for and
   the sink needs. */
static sb_status write_formats(metrics_ctx *mc, sb_id ind, const plot_run *o,
                               const plot_chart *c, const char *name,
                               sb_error *err)
{
    static const plot_format all[] = {PLOT_PDF, PLOT_PNG, PLOT_SVG};
    plot_style st = chart_style(c, o);
    plot_pending *png = NULL;
    sb_status rc = SB_OK;
    size_t i;
    int told = 0;

    /* the PNG first: its pixels are compressed while the PDF is drawn;
       the files are still written in the order pdf, png, svg */
    if ((o->formats & PLOT_PNG) && needed(o, name, "png"))
        png = plot_chart_render_start(c, &st, PLOT_PNG);
    for (i = 0; i < G_N_ELEMENTS(all) && rc == SB_OK; i++) {
        plot_bytes b = {NULL, 0, NULL};
        gint64 t0 = g_get_monotonic_time();
        char *file;
        if (all[i] == PLOT_PNG && png != NULL) {
            rc = plot_chart_render_finish(png, c, &b, err);
            png = NULL;
        } else if (!(o->formats & all[i]) || all[i] == PLOT_PNG ||
                   !needed(o, name, ext(all[i]))) {
            continue;
        } else {
            rc = plot_chart_render(c, &st, all[i], &b, err);
        }
        file = g_strdup_printf("%s.%s", name, ext(all[i]));
        /* a figure lost for lack of memory would be drawn as missing */
        if (rc == SB_OK)
            rc = metrics_ctx_status(mc, err);
        if (rc == SB_OK)
            rc = write_file(o, ind, file, &b, t0, err);
        if (rc == SB_OK && o->verbose && (c->why || b.why) && !told) {
            fprintf(stderr, "statbrief: %s: %s\n", c->ind->id,
                    c->why ? c->why : b.why);
            told = 1;
        }
        g_free(file);
        plot_bytes_free(&b);
    }
    if (png != NULL) {                   /* the PDF failed: PNG unused */
        plot_bytes b = {NULL, 0, NULL};
        sb_error ignored = {0};
        plot_chart_render_finish(png, c, &b, &ignored);
        plot_bytes_free(&b);
    }
    return rc;
}

/* The text alternative, name.txt, once the chart is drawn: a chart that
   fails leaves no file of its own. */
static sb_status write_alt(const sb_dataset *ds, metrics_ctx *mc, sb_id ind,
                           const plot_run *o, const plot_chart *c,
                           const char *name, sb_error *err)
{
    char *alt = plot_chart_alt_text(c, ds, mc), *file;
    plot_bytes b = {(unsigned char *)alt, strlen(alt), NULL};
    gint64 t0 = g_get_monotonic_time();
    sb_status rc;

    file = g_strdup_printf("%s.txt", name);
    rc = metrics_ctx_status(mc, err);
    if (rc == SB_OK)
        rc = write_file(o, ind, file, &b, t0, err);
    g_free(file);
    g_free(alt);
    return rc;
}

static sb_status one_chart(const sb_dataset *ds, metrics_ctx *mc, sb_id ind,
                           const plot_run *o, GHashTable *used,
                           sb_diag *diag, sb_error *err)
{
    plot_chart *def, *c;
    sb_status rc = build_charts(ds, mc, ind, o, &def, &c, diag);
    char *name, *what;

    if (rc != SB_OK || c == NULL)
        return rc;
    name = stem(c, o, (int)def->type, used);
    /* what its files are, for the run's record of who made them */
    what = g_strdup_printf("the %s chart of %s%s", c->type == def->type
                           ? "default" : plot_type_name(c->type), c->ind->id,
                           o->style.lang == FMT_ZH ? " in Chinese" : "");
    sb_out_set_what(what);
    switch (wanted(o, ind, name, err)) {
    case 0:
        break;                           /* its files are current */
    case -1:
        rc = err->code != SB_OK ? err->code : SB_ECANCELED;
        break;
    default:
        rc = write_formats(mc, ind, o, c, name, err);
        if (rc == SB_OK && needed(o, name, "txt"))
            rc = write_alt(ds, mc, ind, o, c, name, err);
    }
    sb_out_set_what(NULL);
    g_free(what);
    g_free(name);
    if (c != def)
        plot_chart_destroy(c);
    plot_chart_destroy(def);
    return rc;
}

sb_status plot_run_list(const sb_dataset *ds, metrics_ctx *mc, const sb_id *inds,
                        const plot_run *runs, size_t n, sb_diag *diag,
                        sb_error *err)
{
    GHashTable *used = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                             NULL);
    sb_status rc = SB_OK;
    size_t i;

    for (i = 0; i < n && rc == SB_OK; i++) {
        if (g_mkdir_with_parents(runs[i].dir, 0777) != 0)
            rc = sb_error_set(err, SB_ECANTCREAT, runs[i].dir, 0, 0,
                              "cannot create the directory: %s",
                              g_strerror(errno));
        else
            rc = one_chart(ds, mc, inds[i], &runs[i], used, diag, err);
    }
    g_hash_table_destroy(used);
    return rc;
}

sb_status plot_run_charts(const sb_dataset *ds, metrics_ctx *mc,
                          const unsigned char *indicators,
                          const plot_run *o, sb_diag *diag, sb_error *err)
{
    GHashTable *used = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                             NULL);
    sb_status rc = SB_OK;
    size_t i;

    if (g_mkdir_with_parents(o->dir, 0777) != 0) {
        rc = sb_error_set(err, SB_ECANTCREAT, o->dir, 0, 0,
                          "cannot create the directory: %s",
                          g_strerror(errno));
        g_hash_table_destroy(used);
        return rc;
    }
    for (i = 0; i < sb_dataset_n_indicators(ds) && rc == SB_OK; i++)
        if (indicators == NULL || indicators[i])
            rc = one_chart(ds, mc, (sb_id)i, o, used, diag, err);
    g_hash_table_destroy(used);
    return rc;
}
