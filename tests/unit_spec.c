/*
 * tests/unit_spec.c -- unit tests of input/spec.c: every spec in
 * tests/spec/ against the outcome tests/spec.test expects for it (status,
 * position and message), then what the valid specs parse into, field by
 * field, and the limits that need inputs too large to keep as files.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/model.h"
#include "input/spec.h"
#include "unit.h"
#include "cli/spec.h"

static const char *test_dir;

/* "ok", or "STATUS LINE:COL: MESSAGE"; checks that errors name the
   spec and leave no spec behind. */
static char *outcome(const char *path, sb_spec **out)
{
    sb_error err = {0};
    sb_status rc = spec_parse(path, cli_spec_vocab(), out, &err);

    if (rc == SB_OK)
        return g_strdup("ok");
    check(*out == NULL, path, "a spec returned with an error");
    check(strcmp(err.path, path) == 0, path, "error names \"%s\"", err.path);
    return g_strdup_printf("%d %ld:%ld: %s", sb_status_exit(rc), err.line,
                           err.column, err.msg);
}

/* Line: `FILE | ok` or `FILE | STATUS LINE:COL: MESSAGE`. */
static void spec_case(const char *where, char *line)
{
    char *bar = strchr(line, '|'), *path, *got;
    sb_spec *s = NULL;

    if (bar == NULL) {
        check(0, where, "malformed test line");
        return;
    }
    *bar = '\0';
    path = g_build_filename(test_dir, "spec", g_strstrip(line), NULL);
    got = outcome(path, &s);
    check(strcmp(got, g_strstrip(bar + 1)) == 0, where,
          "%s: expected \"%s\", got \"%s\"", line, g_strstrip(bar + 1), got);
    spec_destroy(s);
    g_free(got);
    g_free(path);
}

/* ---- what valid specs hold ----------------------------------------------- */

static void expect_text(const char *what, const spec_str *t, const char *want)
{
    const char *got = t->text ? t->text : "(null)";

    check(strcmp(got, want ? want : "(null)") == 0, what,
          "expected \"%s\", got \"%s\"", want ? want : "(null)", got);
}

static void expect_pos(const char *what, spec_pos got, long line, long col)
{
    check(got.line == line && got.col == col, what,
          "expected %ld:%ld, got %ld:%ld", line, col, got.line, got.col);
}

/* The position of the first `needle` in t. */
static spec_pos locate(const sb_spec *s, const spec_str *t,
                       const char *needle)
{
    const char *at = strstr(t->text, needle);
    spec_pos none = {0, 0};

    return at ? spec_locate(s, t, (size_t)(at - t->text)) : none;
}

/* files[] of an entry as "a b c", paths relative to the spec folder. */
static char *files_of(const sb_spec *s, const spec_data *d)
{
    GString *g = g_string_new(NULL);
    size_t i, skip = strlen(s->dir) + 1;

    for (i = 0; d->files != NULL && d->files[i] != NULL; i++)
        g_string_append_printf(g, "%s%s", i ? " " : "",
                               g_str_has_prefix(d->files[i], s->dir)
                                   ? d->files[i] + skip : d->files[i]);
    return g_string_free(g, FALSE);
}

static void expect_files(const char *what, const sb_spec *s,
                         const spec_data *d, const char *want)
{
    char *got = files_of(s, d);

    check(strcmp(got, want) == 0, what, "expected \"%s\", got \"%s\"", want,
          got);
    g_free(got);
}

static void full_top(const sb_spec *s)
{
    const char *w = "spec/valid-full";

    expect_text(w, &s->title, "Chongqing: science and education, {year}");
    expect_text(w, &s->author, "Planning office");
    check(s->lang == 1 && s->paper == 1, w, "lang %d paper %d", s->lang,
          s->paper);
    check(s->n_regions == 3, w, "%zu regions", s->n_regions);
    if (s->n_regions == 3)
        expect_text("spec/valid-full: NO stays a name", &s->regions[2], "NO");
    expect_text(w, &s->benchmark, "Sichuan");
    check(s->from.v == 2017 && s->to.v == 2022 && s->last.v == 0, w,
          "period %ld..%ld last %ld", s->from.v, s->to.v, s->last.v);
    expect_pos("spec/valid-full: to", s->to.pos, 22, 26);
    check(s->expect_year.v == 2023, w, "expect_year %ld", s->expect_year.v);
    check(s->min_ranked.v == 5, w, "min_ranked %ld", s->min_ranked.v);
    expect_text(w, &s->output, "brief-{year}-{lang}.pdf");
    expect_text(w, &s->chart_dir, "charts");
}

static void full_data(const sb_spec *s)
{
    const char *w = "spec/valid-full: data";
    const spec_data *d = s->data;

    check(s->n_data == 3 && s->n_metadata == 2, w, "%zu data, %zu metadata",
          s->n_data, s->n_metadata);
    if (s->n_data != 3 || s->n_metadata != 2)
        return;
    expect_files(w, s, &d[0], "data/a.csv");
    check(d[0].shape == -1 && d[0].columns[INPUT_COL_REGION] == NULL, w,
          "plain entry: shape %d", d[0].shape);
    expect_files(w, s, &d[1], "data/a.csv data/b.csv");
    check(d[1].shape == INPUT_SHAPE_WIDE_REGION && d[1].decimal_comma == 1,
          w, "shape %d decimal_comma %d", d[1].shape, d[1].decimal_comma);
    check(g_strcmp0(d[1].columns[INPUT_COL_REGION], "Country") == 0 &&
              g_strcmp0(d[1].columns[INPUT_COL_YEAR], "Time") == 0 &&
              d[1].columns[INPUT_COL_VALUE] == NULL, w, "columns");
    expect_text(w, &d[1].encoding, "utf-8");
    expect_text(w, &d[1].indicator, "rd_expenditure");
    expect_files("spec/valid-full: a folder stays", s, &d[2], "data");
    expect_files(w, s, &s->metadata[1], "meta/regions.csv");
    expect_pos("spec/valid-full: data path", d[1].path.pos, 9, 11);
}

static void full_charts(const spec_section *sec)
{
    const char *w = "spec/valid-full: charts";
    const spec_chart *c = sec->charts;

    check(sec->n_charts == 2, w, "%zu charts", sec->n_charts);
    if (sec->n_charts != 2)
        return;
    expect_text("spec/valid-full: alias", &c[0].indicator, "rd_expenditure");
    expect_text(w, &c[0].type, "line");
    check(c[0].width_mm == 160 && c[0].height_mm == 100 && c[0].dpi == 200,
          w, "size %gx%g dpi %d", c[0].width_mm, c[0].height_mm, c[0].dpi);
    check(c[0].formats == 3 && c[1].formats == 6, w, "formats %u, %u",
          c[0].formats, c[1].formats);
    check(c[0].year.v == 2022 && c[1].year.v == 0, w, "year %ld",
          c[0].year.v);
    expect_text(w, &c[1].type, "index");
    check(c[1].base.v == 2017 && c[0].base.v == 0, w, "base %ld",
          c[1].base.v);
    expect_pos(w, c[1].base.pos, 49, 15);
    check(c[0].n_labels == 2 && c[1].n_labels == 0, w, "%zu labels",
          c[0].n_labels);
    if (c[0].n_labels == 2) {
        expect_text(w, &c[0].labels[1], "\xe9\x87\x8d\xe5\xba\x86");
        check(strcmp(c[0].label_names[0], "Sichuan") == 0, w, "label %s",
              c[0].label_names[0]);
        expect_pos(w, c[0].labels[1].pos, 45, 27);
    }
    expect_pos(w, c[0].pos, 38, 9);
}

static void full_tables(const spec_section *sec)
{
    const char *w = "spec/valid-full: tables";
    const spec_table *t = sec->tables;

    check(sec->n_tables == 2, w, "%zu tables", sec->n_tables);
    if (sec->n_tables != 2)
        return;
    check(t[0].n_columns == 6 && t[0].n_indicators == 0, w,
          "%zu columns", t[0].n_columns);
    if (t[0].n_columns == 6)
        expect_text(w, &t[0].columns[3], "cagr");
    expect_text(w, &t[0].title, "Comparison");
    check(t[1].indicator.text == NULL && t[1].n_indicators == 2, w,
          "%zu indicators", t[1].n_indicators);
    if (t[1].n_indicators == 2)
        expect_text(w, &t[1].indicators[1], "gdp");
}

static void full_sections(const sb_spec *s)
{
    const char *w = "spec/valid-full: sections";
    const spec_section *sec = s->sections;

    check(s->n_sections == 2, w, "%zu sections", s->n_sections);
    if (s->n_sections != 2)
        return;
    check(sec[0].findings == 6 && sec[0].summary == 1 &&
              sec[1].findings == 3 && sec[1].summary == 0, w,
          "findings %d, %d", sec[0].findings, sec[1].findings);
    expect_pos(w, sec[1].pos, 33, 5);
    full_charts(&sec[1]);
    full_tables(&sec[1]);
}

/* Placeholders back to the source: plain, quoted, literal block. */
static void full_locate(const sb_spec *s)
{
    const char *w = "spec/valid-full: locate";

    expect_pos(w, locate(s, &s->title, "{year}"), 2, 43);
    expect_pos(w, locate(s, &s->subtitle, "{focus}"), 3, 26);
    if (s->n_sections != 2)
        return;
    expect_pos(w, locate(s, &s->sections[0].text, "{focus}"), 29, 18);
    expect_pos(w, locate(s, &s->sections[0].text, "{rank}"), 30, 18);
    expect_pos(w, locate(s, &s->sections[1].text, "{year}"), 34, 39);
    expect_pos(w, locate(s, &s->output, "{lang}"), 23, 23);
}

/* Parses tests/spec/NAME, which must be valid; NULL if it was not. */
static sb_spec *parse_valid(const char *name)
{
    char *path = g_build_filename(test_dir, "spec", name, NULL), *got;
    sb_spec *s = NULL;

    got = outcome(path, &s);
    check(s != NULL, path, "%s", got);
    g_free(got);
    g_free(path);
    return s;
}

static void valid_full(void)
{
    sb_spec *s = parse_valid("valid-full.yaml");

    if (s != NULL) {
        full_top(s);
        full_data(s);
        full_sections(s);
        full_locate(s);
    }
    spec_destroy(s);
}

static void valid_min(void)
{
    const char *w = "spec/valid-min";
    sb_spec *s = parse_valid("valid-min.yaml");

    if (s == NULL)
        return;
    expect_text("spec/valid-min: a number", &s->title, "2022");
    expect_text("spec/valid-min: null", &s->subtitle, NULL);
    check(s->lang == -1 && s->paper == -1 && s->last.v == 6 &&
              s->from.v == 0, w, "lang %d last %ld", s->lang, s->last.v);
    check(s->n_data == 1 && s->data[0].files != NULL &&
              g_str_has_suffix(s->data[0].files[0], "spec/data/b.csv") &&
              s->data[0].files[1] == NULL, w, "one data file");
    check(s->n_metadata == 1 &&
              strcmp(s->metadata[0].files[0], "/dev/null") == 0, w,
          "an absolute path stays as it is");
    check(s->n_regions == 1 && s->n_sections == 1, w, "%zu regions",
          s->n_regions);
    spec_destroy(s);
}

/* A chart's order: source, rank, or not given (by rank). */
static void valid_order(void)
{
    const char *w = "spec/valid-order";
    sb_spec *s = parse_valid("valid-order.yaml");
    const spec_chart *c;

    if (s == NULL)
        return;
    c = s->sections[0].charts;
    check(s->sections[0].n_charts == 3 && c[0].source_order &&
              !c[1].source_order && !c[2].source_order, w,
          "source_order %d %d %d", c[0].source_order, c[1].source_order,
          c[2].source_order);
    expect_text(w, &c[1].order, "rank");
    expect_pos(w, c[0].order.pos, 5, 16);
    spec_destroy(s);
}

/* foreach: a list of regions and a span of years; the short form. */
static void valid_foreach(void)
{
    const char *w = "spec/valid-foreach";
    sb_spec *s = parse_valid("valid-foreach.yaml");
    const spec_foreach *f;

    if (s == NULL)
        return;
    f = &s->foreach;
    check(f->by_region && f->by_year && f->n_regions == 2 &&
              f->group.text == NULL && f->from.v == 2020 && f->to.v == 2023 &&
              f->n_years == 0, w, "by_region %d by_year %d n %zu %ld-%ld",
          f->by_region, f->by_year, f->n_regions, f->from.v, f->to.v);
    if (f->n_regions == 2) {
        expect_text(w, &f->regions[1], "Inner Mongolia");
        expect_pos(w, f->regions[1].pos, 3, 24);
    }
    expect_pos("spec/valid-foreach: key", f->pos, 2, 1);
    spec_destroy(s);
    s = parse_valid("foreach-short.yaml");
    if (s != NULL)
        check(s->foreach.by_region && s->foreach.by_year &&
                  s->foreach.n_regions == 0 && s->foreach.group.text == NULL,
              "spec/foreach-short", "regions and years, all of them");
    spec_destroy(s);
}

/* Where the source is not the text: escapes, folding; a BOM, CRLF. */
static void valid_locate(void)
{
    static const long want[][2] = {{3, 11}, {4, 11}, {6, 11}, {9, 13},
                                   {12, 26}};
    const char *w = "spec/valid-locate";
    sb_spec *s = parse_valid("valid-locate.yaml");
    size_t i;

    check(s == NULL || s->n_sections == 5, w, "%zu sections",
          s ? s->n_sections : 0);
    for (i = 0; s != NULL && i < s->n_sections && i < 5; i++)
        expect_pos(w, locate(s, &s->sections[i].text, "{year}"), want[i][0],
                   want[i][1]);
    spec_destroy(s);

    w = "spec/valid-bom-crlf";
    s = parse_valid("valid-bom-crlf.yaml");
    if (s != NULL && s->n_sections == 1) {
        expect_pos(w, locate(s, &s->title, "{year}"), 1, 11);
        expect_pos(w, locate(s, &s->sections[0].text, "{year}"), 5, 9);
    }
    spec_destroy(s);
}

/* ---- limits --------------------------------------------------------------- */

/* Writes text to a temporary spec and parses it. */
static char *outcome_of(const char *text)
{
    char *path = NULL, *got;
    int fd = g_file_open_tmp("sbspec-XXXXXX.yaml", &path, NULL);
    sb_spec *s = NULL;

    if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
        got = g_strdup("cannot write temp file");
    else
        got = outcome(path, &s);
    if (fd >= 0)
        close(fd);
    if (path != NULL)
        unlink(path);
    spec_destroy(s);
    g_free(path);
    return got;
}

static void limits(void)
{
    GString *g = g_string_new("regions:\n");
    char *got;
    clock_t t0;
    int i;

    /* a mapping, a key and a list: 3 nodes, so room for MAX - 3 items */
    for (i = 0; i < SPEC_MAX_NODES - 3; i++)
        g_string_append(g, "- x\n");
    got = outcome_of(g->str);
    check(strcmp(got, "ok") == 0, "spec/just-enough-nodes", "got \"%s\"",
          got);
    g_free(got);
    g_string_append(g, "- x\n");
    got = outcome_of(g->str);
    check(strcmp(got, "65 99999:3: the spec has more than 100000 nodes") == 0,
          "spec/too-many-nodes", "got \"%s\"", got);
    g_free(got);
    g_string_free(g, TRUE);

    /* billion laughs: rejected before anything is expanded */
    t0 = clock();
    got = outcome_of("a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                     "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                     "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                     "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                     "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n");
    check(g_str_has_prefix(got, "65 5:"), "spec/laughs-inline", "got \"%s\"",
          got);
    check(clock() - t0 < CLOCKS_PER_SEC, "spec/laughs-fast", "took %ld ms",
          (long)((clock() - t0) * 1000 / CLOCKS_PER_SEC));
    g_free(got);
}

static void did_you_mean(void)
{
    static const char *const names[] = {"title", "text", "tables", NULL};
    const char *got;

    got = spec_did_you_mean("titel", names);
    check(g_strcmp0(got, "title") == 0, "spec/dym-swap", "got %s", got);
    got = spec_did_you_mean("tex", names);
    check(g_strcmp0(got, "text") == 0, "spec/dym-nearest", "got %s", got);
    got = spec_did_you_mean("tablesxyz", names);
    check(got == NULL, "spec/dym-far", "got %s", got);
    got = spec_did_you_mean("", names);
    check(got == NULL, "spec/dym-empty", "got %s", got);
}

void spec_tests(const char *dir)
{
    test_dir = dir;
    run_file(dir, "spec.test", spec_case);
    valid_full();
    valid_min();
    valid_foreach();
    valid_order();
    valid_locate();
    limits();
    did_you_mean();
}
