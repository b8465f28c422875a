/*
 * reports/sections.c -- a brief shaped by a report spec: the names it
 * uses checked against the data (at the spec's line and column), its
 * texts with their placeholders expanded, and its sections assembled in
 * order as blocks of the document: text, key findings, summary table,
 * an indicator's section, charts, tables.
 *
 * Not here: the parts it reuses (parts.c), the title block and notes
 * around the sections (brief.c), reading the spec (input/spec.c).
 */
#include "sections.h"

#include "parts.h"
#include "placeholder.h"
#include "sections_int.h"
#include "yearcheck.h"
#include "plots/files.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* ---- names -------------------------------------------------------------- */

static sb_status name_error(const sb_spec *s, const spec_str *t, int region,
                            const sb_dataset *ds, sb_error *err)
{
    const char *near = placeholder_nearest(ds, region, t->text);

    if (near != NULL)
        return sb_error_set(err, SB_EDATA, s->path, t->pos.line, t->pos.col,
                            "unknown %s \"%s\" (did you mean \"%s\"?)",
                            region ? "region" : "indicator", t->text, near);
    return sb_error_set(err, SB_EDATA, s->path, t->pos.line, t->pos.col,
                        "unknown %s \"%s\" (not in the data)",
                        region ? "region" : "indicator", t->text);
}

static sb_status known(const sb_spec *s, const sb_dataset *ds,
                       const spec_str *t, int region, sb_error *err)
{
    sb_id id;

    if (t->text == NULL)
        return SB_OK;
    id = region ? sb_dataset_find_region(ds, t->text)
                : sb_dataset_find_indicator(ds, t->text);
    return id != SB_NONE ? SB_OK : name_error(s, t, region, ds, err);
}

static sb_status known_group(const sb_spec *s, const sb_dataset *ds,
                             sb_error *err)
{
    size_t i, k;

    if (s->group.text == NULL)
        return SB_OK;
    for (i = 0; i < sb_dataset_n_regions(ds); i++) {
        const sb_region *r = sb_dataset_region_at(ds, (sb_id)i);
        for (k = 0; k < r->n_groups; k++)
            if (strcmp(r->groups[k], s->group.text) == 0)
                return SB_OK;
    }
    return sb_error_set(err, SB_EDATA, s->path, s->group.pos.line,
                        s->group.pos.col, "unknown group \"%s\" (no region "
                        "of regions.csv has it)", s->group.text);
}

static sb_status section_names(const sb_spec *s, const spec_section *sec,
                               const sb_dataset *ds, sb_error *err)
{
    sb_status rc = known(s, ds, &sec->indicator, 0, err);
    size_t i, k;

    for (i = 0; i < sec->n_charts && rc == SB_OK; i++) {
        rc = known(s, ds, &sec->charts[i].indicator, 0, err);
        for (k = 0; k < sec->charts[i].n_labels && rc == SB_OK; k++)
            rc = known(s, ds, &sec->charts[i].labels[k], 1, err);
    }
    for (i = 0; i < sec->n_tables && rc == SB_OK; i++) {
        rc = known(s, ds, &sec->tables[i].indicator, 0, err);
        for (k = 0; k < sec->tables[i].n_indicators && rc == SB_OK; k++)
            rc = known(s, ds, &sec->tables[i].indicators[k], 0, err);
    }
    return rc;
}

sb_status report_spec_names(const sb_dataset *ds, const sb_spec *s,
                            sb_error *err)
{
    sb_status rc = SB_OK;
    size_t i;

    for (i = 0; i < s->n_regions && rc == SB_OK; i++)
        rc = known(s, ds, &s->regions[i], 1, err);
    if (rc == SB_OK)
        rc = known(s, ds, &s->focus, 1, err);
    if (rc == SB_OK)
        rc = known(s, ds, &s->total, 1, err);
    if (rc == SB_OK)
        rc = known(s, ds, &s->benchmark, 1, err);
    if (rc == SB_OK)
        rc = known_group(s, ds, err);
    for (i = 0; i < s->n_sections && rc == SB_OK; i++)
        rc = section_names(s, &s->sections[i], ds, err);
    return rc;
}

/* ---- texts -------------------------------------------------------------- */

typedef struct {
    const sb_spec *s;
    const spec_str *t;
} where_ctx;

static void locate(void *user, size_t offset, sb_error *err)
{
    const where_ctx *w = user;
    spec_pos p = spec_locate(w->s, w->t, offset);

    g_strlcpy(err->path, w->s->path, sizeof err->path);
    err->line = p.line;
    err->column = p.col;
}

/* t's text with its placeholders expanded (g_free); NULL on error. An
   absent text gives "". */
static char *expand(const placeholder_ctx *c, const sb_spec *s,
                    const spec_str *t, sb_diag *diag, sb_error *err)
{
    where_ctx w = {s, t};
    char *out = NULL;

    if (t->text == NULL)
        return g_strdup("");
    if (placeholder_expand(c, t->text, locate, &w, &out, diag, err) != SB_OK)
        return NULL;
    return out;
}

/* t expanded, then its years against its figures (yearcheck.h). */
static sb_status check_text(placeholder_ctx *c, const sb_spec *s,
                            const spec_str *t, sb_diag *diag, sb_error *err)
{
    where_ctx w = {s, t};
    char *x;
    sb_status rc;

    g_array_set_size(c->spans, 0);
    if ((x = expand(c, s, t, diag, err)) == NULL)
        return err->code;
    g_free(x);
    if (t->text == NULL)
        return SB_OK;
    rc = yearcheck_text(t->text, (const placeholder_span *)c->spans->data,
                        c->spans->len, locate, &w, diag);
    return rc == SB_OK ? SB_OK : sb_error_set(err, rc, NULL, 0, 0,
                                              "out of memory");
}

sb_status report_spec_texts(const sb_dataset *ds, metrics_ctx *mc,
                            const sb_spec *s, const report_opts *o, int year,
                            sb_diag *diag, sb_error *err)
{
    placeholder_ctx c = {ds, mc, o->lang, year, o->from, year, NULL,
                         g_array_new(FALSE, FALSE, sizeof(placeholder_span)),
                         0, NULL};
    const spec_str *t[] = {&s->title, &s->subtitle};
    /* the texts checked: sections that are aliases of one anchored text
       share it, and checking it once keeps the work to the file's size */
    GHashTable *done = g_hash_table_new(NULL, NULL);
    sb_status rc = SB_OK;
    size_t i;

    /* the brief's title and subtitle, then each section's title and
       text */
    for (i = 0; i < G_N_ELEMENTS(t) + 2 * s->n_sections && rc == SB_OK;
         i++) {
        size_t k = (i - G_N_ELEMENTS(t)) / 2;
        const spec_str *one = i < G_N_ELEMENTS(t) ? t[i]
                              : (i - G_N_ELEMENTS(t)) % 2 == 0
                                  ? &s->sections[k].title
                                  : &s->sections[k].text;
        if (one->text != NULL && g_hash_table_contains(done, one->text))
            continue;
        rc = check_text(&c, s, one, diag, err);
        if (rc == SB_OK && one->text != NULL)
            g_hash_table_add(done, (gpointer)one->text);
    }
    g_hash_table_destroy(done);
    g_array_free(c.spans, TRUE);
    return rc;
}

/* ---- sections ----------------------------------------------------------- */

/* The columns a spec's table may have besides the figures of
   metrics/fields.h: its own names and headings. */
static const struct {
    const char *name, *en, *zh;
} own[] = {
    {"region", "Region", "地区"}, {"indicator", "Indicator", "指标"},
    {"trend", "Trend", "趋势"},            /* a sparkline */
};

const char *const *report_table_columns(void)
{
    /* region and indicator first, the figures, trend last: the order a
       message lists them in. Built on first use, by the command line
       before any thread starts. */
    static const char *names[64];
    size_t n;

    if (names[0] == NULL) {
        names[0] = own[0].name;
        names[1] = own[1].name;
        n = 2 + metrics_field_names(METRICS_USE_COLUMN, names + 2,
                                    G_N_ELEMENTS(names) - 3);
        names[n] = own[2].name;
        names[n + 1] = NULL;
    }
    return names;
}

static const char *head_of(const parts_ctx *b, const char *name)
{
    const metrics_field *f = metrics_field_find(name, METRICS_USE_COLUMN);
    size_t i;

    if (f != NULL)
        return L(b, f->head_en, f->head_zh);
    for (i = 0; i < G_N_ELEMENTS(own); i++)
        if (strcmp(own[i].name, name) == 0)
            return L(b, own[i].en, own[i].zh);
    return name;
}

/* One cell of a spec table: a name, a sparkline's place or a figure. */
static char *cell_of(parts_ctx *b, const char *col, const metrics_row *r)
{
    placeholder_ctx c = {b->ds, b->mc, b->lang, b->year, b->o->from,
                         b->as_of, NULL, NULL, b->brief_year, b->used};
    GString *g;

    if (strcmp(col, "region") == 0)
        return g_strdup(parts_region(b, r->region));
    if (strcmp(col, "indicator") == 0)
        return g_strdup(parts_name(b, r->indicator));
    if (strcmp(col, "trend") == 0)
        return g_strdup("");
    if (strcmp(col, "rank") == 0 && r->rank > 0 && r->rank_of >= 2)
        parts_use(b, "rank");
    if (strcmp(col, "rank") == 0)
        return parts_rank(b, r);
    if ((strcmp(col, "first_value") == 0 && !isfinite(r->first_value)) ||
        (strcmp(col, "last_value") == 0 && !isfinite(r->last_value)))
        return g_strdup(PARTS_NO_DATA(b));
    g = g_string_new(NULL);
    placeholder_print(g, &c, metrics_field_find(col, METRICS_USE_COLUMN), r);
    return g_string_free(g, FALSE);
}

static void add_row(parts_ctx *b, report_table *t, const spec_table *st,
                      const char *const *cols, const metrics_row *r)
{
    char **cell = report_table_row(t, st->indicator.text != NULL &&
                                          r->region == metrics_focus(b->mc));
    size_t c;

    if (t->spark_col != SIZE_MAX) {      /* a trend column */
        sb_error ignore = {0};
        report_table_spark(t, plot_chart_build(b->ds, b->mc, r->indicator,
                                               PLOT_SPARKLINE, b->o->from,
                                               b->year, b->lang, NULL,
                                               &ignore));
    }
    for (c = 0; c < t->n_cols; c++)
        cell[c] = cell_of(b, cols[c], r);
}

/* The default columns of a table of regions and of a table of
   indicators. */
static const char *const region_cols[] = {"region", "first_value",
                                          "last_value", "change", "cagr",
                                          "rank", "share"};
static const char *const indicator_cols[] = {"indicator", "last_value",
                                             "last_year", "change", "cagr",
                                             "rank", "trend"};

/* A table of regions is at the indicator's common years: its first and
   latest values are headed by their year. */
static void year_heads(const parts_ctx *b, report_table *t,
                       const char *const *cols, int base, int ref)
{
    size_t i;
    char *head;

    for (i = 0; i < t->n_cols; i++) {
        int first = strcmp(cols[i], "first_value") == 0;
        if (!first && strcmp(cols[i], "last_value") != 0)
            continue;
        report_table_head(t, i, head = parts_year_head(b, first ? base : ref),
                          1);
        g_free(head);
    }
}

static void add_table(parts_ctx *b, const spec_table *st)
{
    int by_region = st->indicator.text != NULL;
    size_t n = st->n_columns ? st->n_columns : G_N_ELEMENTS(region_cols);
    const char **cols = g_new0(const char *, n + 1);
    report_table *t;
    metrics_row r;
    size_t i, k = 0;

    for (i = 0; i < n; i++) {
        const char *c = st->n_columns ? st->columns[i].text
                        : by_region ? region_cols[i] : indicator_cols[i];
        if (by_region && strcmp(c, "trend") == 0)
            continue;                /* a sparkline draws the focus only */
        cols[k++] = c;
    }
    t = report_table_create(k);
    for (i = 0; i < k; i++) {
        report_table_head(t, i, head_of(b, cols[i]),
                          strcmp(cols[i], "region") != 0 &&
                          strcmp(cols[i], "indicator") != 0 &&
                          strcmp(cols[i], "trend") != 0);
        if (strcmp(cols[i], "trend") == 0)
            report_table_sparklines(t, i);
    }
    if (by_region) {
        sb_id ind = sb_dataset_find_indicator(b->ds, st->indicator.text);
        int base, ref;
        GArray *rows;
        parts_years_of(b, ind, &base, &ref);
        year_heads(b, t, cols, base, ref);
        rows = parts_region_rows(b, ind, base, ref);
        for (i = 0; i < rows->len; i++) {
            add_row(b, t, st, cols, &g_array_index(rows, metrics_row, i));
            if (parts_row_apart(b, rows, i))
                report_table_apart(t);
        }
        g_array_free(rows, TRUE);
        report_table_caption(t, st->title.text != NULL ? st->title.text
                                                       : parts_name(b, ind));
    } else {
        for (i = 0; i < st->n_indicators; i++)
            if (parts_row(b, sb_dataset_find_indicator(
                                     b->ds, st->indicators[i].text),
                              metrics_focus(b->mc), &r))
                add_row(b, t, st, cols, &r);
        report_table_caption(t, st->title.text);
    }
    if (st->title.text != NULL)
        report_doc_heading(b->doc, 2, st->title.text, NULL, 0);
    report_doc_table(b->doc, t);
    g_free(cols);
}

/* A chart of the spec, as the brief shows it: its type and year, its
   title (else the section's heading says it), its height from its size. */
static void add_chart(parts_ctx *b, const spec_chart *sc, sb_diag *diag)
{
    sb_id ind = sb_dataset_find_indicator(b->ds, sc->indicator.text);
    plot_labels lb = {sc->label_names, sc->n_labels, (int)sc->base.v,
                      sc->source_order ? PLOT_ORDER_SOURCE
                                       : PLOT_ORDER_RANK};
    int type = -1;
    sb_error why = {0};
    plot_chart *c;
    double h = 215;

    if (b->o->labels.n > 0) {    /* --label wins over the spec's labels,
                                    as for charts */
        lb.names = b->o->labels.names;
        lb.n = b->o->labels.n;
    }
    if (sc->type.text != NULL)
        plot_type_parse(sc->type.text, &type);
    c = plot_chart_build(b->ds, b->mc, ind, type, b->o->from,
                         sc->year.v ? (int)sc->year.v : b->year, b->lang,
                         &lb, &why);
    if (c == NULL) {
        if (diag != NULL)
            sb_diag_warn(diag, b->o->spec->path, sc->pos.line, sc->pos.col,
                         "%s", why.msg);
        return;
    }
    parts_chart_uses(b, c);
    g_free(c->title);
    c->title = g_strdup(sc->title.text ? sc->title.text : "");
    if (sc->width_mm > 0)
        h = fmin(500, 215 * (sc->height_mm / sc->width_mm) / (100.0 / 160));
    parts_chart_add(b, c, h);
}

/* The text's paragraphs: a blank line ends one. */
static void paragraphs(parts_ctx *b, const char *text)
{
    gchar **p = g_regex_split_simple("\n[ \t]*\n", text, 0, 0);
    size_t i;

    for (i = 0; p[i] != NULL; i++)
        if (g_strstrip(p[i])[0] != '\0')
            report_doc_para(b->doc, REPORT_PARA_BODY, p[i], NULL);
    g_strfreev(p);
}

static sb_status add_section(parts_ctx *b, const placeholder_ctx *pc,
                              const spec_section *sec, size_t k,
                              sb_diag *diag)
{
    const sb_spec *s = b->o->spec;
    sb_id ind = sec->indicator.text
                    ? sb_dataset_find_indicator(b->ds, sec->indicator.text)
                    : SB_NONE;
    char *title = expand(pc, s, &sec->title, diag, b->err), *text, *dest;
    size_t i;

    if (title == NULL)
        return b->err->code;
    if (title[0] == '\0' && ind != SB_NONE) {
        g_free(title);
        title = g_strdup(parts_name(b, ind));
    }
    dest = ind != SB_NONE ? parts_anchor(sb_dataset_indicator_at(b->ds, ind))
                          : g_strdup_printf("part-%zu", k + 1);
    if (title[0] != '\0')
        report_doc_heading(b->doc, 1, title, dest, 1);
    g_free(title);
    g_free(dest);
    if ((text = expand(pc, s, &sec->text, diag, b->err)) == NULL)
        return b->err->code;
    paragraphs(b, text);
    g_free(text);
    if (sec->findings > 0)
        parts_findings(b, NULL, (size_t)sec->findings, NULL);
    if (sec->summary)
        parts_summary(b, NULL, NULL);
    if (ind != SB_NONE)
        parts_section(b, ind, NULL);
    for (i = 0; i < sec->n_charts; i++)
        add_chart(b, &sec->charts[i], diag);
    for (i = 0; i < sec->n_tables; i++)
        add_table(b, &sec->tables[i]);
    return SB_OK;
}

sb_status report_spec_sections(parts_ctx *b, sb_diag *diag)
{
    const sb_spec *s = b->o->spec;
    placeholder_ctx pc = {b->ds, b->mc, b->lang, b->year, b->o->from,
                          b->as_of, b->printed, NULL, b->brief_year,
                          b->used};
    size_t i;
    sb_status rc = SB_OK;

    b->linked = g_new0(unsigned char, sb_dataset_n_indicators(b->ds) + 1);
    for (i = 0; i < s->n_sections; i++)
        if (s->sections[i].indicator.text != NULL)
            b->linked[sb_dataset_find_indicator(
                b->ds, s->sections[i].indicator.text)] = 1;
    for (i = 0; i < s->n_sections && rc == SB_OK; i++) {
        rc = add_section(b, &pc, &s->sections[i], i, diag);
        if (rc == SB_OK)
            rc = parts_done(b);
    }
    return rc;
}

/* The spec's title or subtitle, expanded (g_free); NULL: absent, or an
   error in err. */
char *report_spec_text(parts_ctx *b, const spec_str *t, sb_diag *diag)
{
    placeholder_ctx pc = {b->ds, b->mc, b->lang, b->year, b->o->from,
                          b->as_of, b->printed, NULL, b->brief_year,
                          b->used};

    return t->text == NULL ? NULL
                           : expand(&pc, b->o->spec, t, diag, b->err);
}
