/*
 * cli/spec.c -- the report spec's settings under the command line's.
 *
 * Reads the spec once (input/spec.h), then fills what the options left
 * open, resolves the spec's paths against its folder, and turns the
 * charts its sections name into a list of chart runs. Checks nothing the
 * spec parser checks already and expands no placeholder (reports/ does).
 */
#include "spec.h"

#include "diag.h"
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

/* ---- output templates -------------------------------------------------- */

/* The placeholders a template may hold. */
static const char *const template_names[] = {"region", "year", "lang", NULL};

typedef enum { PIECE_TEXT, PIECE_NAME, PIECE_OPEN, PIECE_LONE } piece_kind;

/* One piece of a template: literal text (one brace for "{{" or "}}"),
   a placeholder, or a brace that is neither. */
typedef struct {
    piece_kind kind;
    const char *text;            /* TEXT: where it starts; else the brace */
    size_t len;                  /* TEXT: its length */
    char *name;                  /* NAME: the name, trimmed (owned) */
} piece;

/* Reads the piece of a template that starts at p into *pc; returns where
   the next one starts. Each piece is read once, left to right, so that
   a value put in is never read as a placeholder. */
static const char *piece_read(const char *p, piece *pc)
{
    const char *close;

    memset(pc, 0, sizeof *pc);
    pc->text = p;
    if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
        pc->len = 1;
        return p + 2;
    }
    if (*p == '}') {
        pc->kind = PIECE_LONE;
        return p + 1;
    }
    if (*p != '{') {
        pc->len = strcspn(p, "{}");
        return p + pc->len;
    }
    close = strpbrk(p + 1, "{}\n");
    if (close == NULL || *close != '}') {
        pc->kind = PIECE_OPEN;
        return p + strlen(p);
    }
    pc->kind = PIECE_NAME;
    pc->name = g_strstrip(g_strndup(p + 1, (size_t)(close - p - 1)));
    return close + 1;
}

char *cli_template_fill(const char *t, const char *region, int year,
                        const char *lang)
{
    GString *g = g_string_new(NULL);
    const char *p = t, *next;
    piece pc;

    while (*p) {
        next = piece_read(p, &pc);
        if (pc.kind == PIECE_TEXT)
            g_string_append_len(g, pc.text, (gssize)pc.len);
        else if (pc.kind == PIECE_NAME && strcmp(pc.name, "year") == 0)
            g_string_append_printf(g, "%d", year);
        else if (pc.kind == PIECE_NAME && strcmp(pc.name, "lang") == 0)
            g_string_append(g, lang);
        else if (pc.kind == PIECE_NAME && strcmp(pc.name, "region") == 0 &&
                 region != NULL)
            g_string_append(g, region);
        else                             /* refused before: kept as is */
            g_string_append_len(g, p, next - p);
        g_free(pc.name);
        p = next;
    }
    return g_string_free(g, FALSE);
}

int cli_template_has(const char *t, const char *name)
{
    const char *p = t;
    piece pc;
    int found = 0;

    while (*p && !found) {
        p = piece_read(p, &pc);
        found = pc.kind == PIECE_NAME && strcmp(pc.name, name) == 0;
        g_free(pc.name);
    }
    return found;
}

/* "{region}, {year} and {lang}": the names of ok. The caller frees it. */
static char *names_text(const char *const *ok)
{
    GString *g = g_string_new(NULL);
    size_t i;

    for (i = 0; ok[i] != NULL; i++)
        g_string_append_printf(g, "%s{%s}", i == 0 ? "" : ok[i + 1] ? ", "
                                                                  : " and ",
                               ok[i]);
    return g_string_free(g, FALSE);
}

/* What is wrong with piece pc of a template that may hold the names in
   ok (some of template_names): a message the caller frees, or NULL. */
static char *piece_fault(const piece *pc, const char *const *ok)
{
    const char *near;
    char *list, *why;
    size_t i;

    if (pc->kind == PIECE_OPEN)
        return g_strdup("a placeholder \"{\" is not closed (write {{ for a "
                        "brace)");
    if (pc->kind == PIECE_LONE)
        return g_strdup("a lone \"}\" (write }} for a brace)");
    if (pc->kind == PIECE_TEXT)
        return NULL;
    for (i = 0; ok[i] != NULL; i++)
        if (strcmp(pc->name, ok[i]) == 0)
            return NULL;
    near = spec_did_you_mean(pc->name, template_names);
    list = names_text(ok);
    if (near != NULL && strcmp(near, pc->name) == 0)   /* known, not here */
        why = g_strdup_printf("placeholder {%s} has no value here (%s): it "
                              "may hold %s", pc->name,
                              strcmp(pc->name, "region") == 0
                                  ? "no foreach over regions"
                                  : "charts without foreach",
                              list);
    else if (near != NULL)
        why = g_strdup_printf("unknown placeholder {%s} (did you mean "
                              "{%s}?)", pc->name, near);
    else
        why = g_strdup_printf("unknown placeholder {%s}: it may hold %s",
                              pc->name, list);
    g_free(list);
    return why;
}

/* The first fault of template t (names: what it may hold), its message
   (the caller frees it) with its byte offset in *at; NULL when t is
   good. */
static char *template_fault(const char *t, const char *const *ok, size_t *at)
{
    const char *p = t;
    char *why = NULL;
    piece pc;

    while (*p && why == NULL) {
        *at = (size_t)(p - t);
        p = piece_read(p, &pc);
        why = piece_fault(&pc, ok);
        g_free(pc.name);
    }
    return why;
}

/* The placeholders of templates: all three in a batch over regions,
   {year} and {lang} in one over years or without foreach. */
static const char *const *template_ok(const sb_spec *s)
{
    return s->foreach.by_region ? template_names : template_names + 1;
}

/* The spec's output and chart_dir: a placeholder that is unknown or
   that the spec cannot fill is SB_EDATA at its line and column, as one
   in a title is. */
static sb_status spec_templates(const sb_spec *s, sb_error *err)
{
    static const char *const lang_only[] = {"lang", NULL};
    const spec_str *t[2] = {&s->output, &s->chart_dir};
    /* without foreach charts have no one year: chart_dir takes {lang} */
    const char *const *ok[2] = {template_ok(s), s->foreach.by_region ||
                                s->foreach.by_year ? template_ok(s)
                                                   : lang_only};
    size_t i, at = 0;

    for (i = 0; i < 2; i++) {
        char *why = t[i]->text ? template_fault(t[i]->text, ok[i], &at)
                               : NULL;
        if (why != NULL) {
            spec_pos pos = spec_locate(s, t[i], at);
            sb_error_set(err, SB_EDATA, s->path, pos.line, pos.col,
                         "%s: %s", i == 0 ? "output" : "chart_dir", why);
            g_free(why);
            return SB_EDATA;
        }
    }
    return SB_OK;
}

int cli_template_check_arg(const cli *c, const char *t)
{
    size_t at = 0;
    char *why = template_fault(t, template_ok(c->spec), &at);
    int status;

    if (why == NULL)
        return 0;
    status = cli_diag_fail(SB_EUSAGE, "-o \"%s\": %s", t, why);
    g_free(why);
    return status;
}

const char *cli_spec_lang(const cli *c)
{
    return c->lang == FMT_ZH ? "zh" : "en";
}

int cli_spec_apply(cli *c)
{
    sb_error err = {0};
    sb_spec *s;
    size_t i;

    if (spec_parse(c->spec_path, cli_spec_vocab(), &c->spec, &err)
            != SB_OK || spec_templates(c->spec, &err) != SB_OK) {
        cli_log_diag(&err, "error");       /* 65 or 66: no signal status */
        return sb_status_exit(err.code);
    }
    s = c->spec;
    if (!c->lang_given && s->lang >= 0)
        c->lang = (fmt_lang)s->lang;
    if (!c->paper_given && s->paper >= 0)
        c->report.paper = s->paper == 1 ? REPORT_LETTER : REPORT_A4;
    if (s->revisions == 0)             /* revisions: false */
        c->report.no_revisions = 1;
    c->report.author = s->author.text;
    c->report.spec = s;
    if (c->m.focus == NULL) c->m.focus = s->focus.text;
    if (c->m.group == NULL) c->m.group = s->group.text;
    if (c->m.total == NULL) c->m.total = s->total.text;
    if (c->m.benchmark == NULL) c->m.benchmark = s->benchmark.text;
    c->m.min_ranked = (int)s->min_ranked.v;      /* 0: the default */
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
    char *path;

    if (c->spec == NULL || c->spec->output.text == NULL)
        return NULL;
    path = cli_template_fill(c->spec->output.text, NULL, year,
                             cli_spec_lang(c));
    g = g_string_new(NULL);
    if (g_path_is_absolute(path))
        g_string_assign(g, path);
    else
        g_string_printf(g, "%s/%s", c->spec->dir, path);
    g_free(path);
    return g_string_free(g, FALSE);
}

char *cli_spec_path(const cli *c, const char *t)
{
    return g_path_is_absolute(t) || c->spec == NULL
               ? g_strdup(t) : g_build_filename(c->spec->dir, t, NULL);
}

const char *cli_spec_chart_dir(cli *c)
{
    char *dir = cli_template_fill(c->spec->chart_dir.text
                                      ? c->spec->chart_dir.text : "charts",
                                  NULL, 0, cli_spec_lang(c));
    char *path = cli_spec_path(c, dir);

    g_free(dir);
    g_ptr_array_add(c->column_specs, path);
    return path;
}

/* The spec's charts (those of --indicator, when given) as chart runs:
   inds[i] with runs[i], c's options under each chart's own. */
static void spec_runs(const cli *c, const sb_dataset *ds, GArray *inds,
                      GArray *runs)
{
    size_t i, k;

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
            if (sc->base.v > 0 && c->plot.labels.base == 0)
                r.labels.base = (int)sc->base.v;    /* --base wins */
            if (sc->n_labels > 0 && c->plot.labels.n == 0) {
                r.labels.names = sc->label_names;   /* the spec owns them */
                r.labels.n = sc->n_labels;
            }
            r.labels.order = sc->source_order ? PLOT_ORDER_SOURCE
                                              : PLOT_ORDER_RANK;
            g_array_append_val(inds, id);
            g_array_append_val(runs, r);
        }
}

size_t cli_spec_chart_files(const cli *c, const sb_dataset *ds)
{
    GArray *inds = g_array_new(FALSE, FALSE, sizeof(sb_id));
    GArray *runs = g_array_new(FALSE, FALSE, sizeof(plot_run));
    size_t i, n = 0;

    spec_runs(c, ds, inds, runs);
    for (i = 0; i < runs->len; i++)
        n += plot_run_files(&g_array_index(runs, plot_run, i));
    g_array_free(inds, TRUE);
    g_array_free(runs, TRUE);
    return n;
}

sb_status cli_spec_chart_names(const cli *c, const sb_dataset *ds,
                               sb_diag *notes, plot_names **out)
{
    GArray *inds = g_array_new(FALSE, FALSE, sizeof(sb_id));
    GArray *runs = g_array_new(FALSE, FALSE, sizeof(plot_run));
    GPtrArray *ids = g_ptr_array_new();
    sb_status rc;
    size_t i;

    spec_runs(c, ds, inds, runs);
    for (i = 0; i < inds->len; i++)
        g_ptr_array_add(ids, (char *)sb_dataset_indicator_at(
                                 ds, g_array_index(inds, sb_id, i))->id);
    rc = plot_names_new((const char *const *)ids->pdata, ids->len,
                        "indicator", notes, out);
    g_ptr_array_free(ids, TRUE);
    g_array_free(inds, TRUE);
    g_array_free(runs, TRUE);
    return rc;
}

sb_status cli_spec_charts(const cli *c, const sb_dataset *ds, metrics_ctx *mc,
                          sb_diag *notes, sb_error *err)
{
    GArray *inds = g_array_new(FALSE, FALSE, sizeof(sb_id));
    GArray *runs = g_array_new(FALSE, FALSE, sizeof(plot_run));
    sb_status rc;

    spec_runs(c, ds, inds, runs);
    if (inds->len == 0)
        sb_diag_warn(notes, c->spec->path, 0, 0, "the spec names no charts "
                     "(sections: charts:)");
    rc = plot_run_list(ds, mc, (sb_id *)(void *)inds->data,
                       (plot_run *)(void *)runs->data, inds->len, notes, err);
    g_array_free(inds, TRUE);
    g_array_free(runs, TRUE);
    return rc;
}
