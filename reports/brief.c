/*
 * reports/brief.c -- the brief (brief.h): which parts it has and in
 * which order -- the title block, then the spec's sections or the
 * default parts (key findings, summary, a section per indicator), then
 * the notes -- and the document's metadata; then each format's bytes
 * (one table: PDF, HTML) and the figures' CSV, written atomically
 * together.
 *
 * Not here: what a part says (parts.c, notes.c, sections.c), pages,
 * fonts or drawing (pdf.c).
 */
#include "brief.h"

#include "core/outfile.h"
#include "metrics/format.h"
#include "metrics/output.h"
#include "annex.h"
#include "notes.h"
#include "overview.h"
#include "parts.h"
#include "html.h"
#include "pdf.h"
#include "sections_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#define MAX_FINDINGS 8

/* The latest year with a value for the focus region (in an overview,
   any region) in any indicator: where the brief's data end (later years
   are never shown). */
static int focus_last_year(const sb_dataset *ds, metrics_ctx *mc)
{
    size_t i;
    int y = 0;

    for (i = 0; i < sb_dataset_n_series(ds); i++) {
        const sb_series *s = sb_dataset_series_at(ds, i);
        if (s->region == metrics_focus(mc) || metrics_focus(mc) == SB_NONE)
            y = MAX(y, sb_series_last_year(s, 0));
    }
    return y;
}

static int by_year_desc(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;

    return x > y ? -1 : x < y;
}

int report_brief_mode_year(const int *last, size_t n)
{
    int *y, best = 0;
    size_t i, run = 0, best_run = 0;

    if (n == 0)
        return 0;
    y = g_memdup2(last, n * sizeof *last);

    /* latest first: a later year wins a tie, as it is reached first */
    qsort(y, n, sizeof *y, by_year_desc);
    for (i = 0; i < n; i++) {
        if (y[i] <= 0)
            continue;
        run = i > 0 && y[i] == y[i - 1] ? run + 1 : 1;
        if (run > best_run) {
            best_run = run;
            best = y[i];
        }
    }
    g_free(y);
    return best;
}

/* Without a focus (an overview): the reference year most of the
   selected indicators are compared at (metrics_ref_years). */
static void ref_years(const sb_dataset *ds, metrics_ctx *mc,
                      const unsigned char *sel, GArray *out)
{
    size_t i;
    int base, ref;

    for (i = 0; i < sb_dataset_n_indicators(ds); i++)
        if (parts_selected(sel, (sb_id)i) &&
            metrics_ref_years(mc, (sb_id)i, &base, &ref) == 0 && ref > 0)
            g_array_append_val(out, ref);
}

int report_brief_year(const sb_dataset *ds, metrics_ctx *mc,
                      const unsigned char *sel)
{
    GArray *last = g_array_new(FALSE, FALSE, sizeof(int));
    size_t i;
    int y;

    if (metrics_focus(mc) == SB_NONE)
        ref_years(ds, mc, sel, last);
    for (i = 0; i < sb_dataset_n_series(ds); i++) {
        const sb_series *s = sb_dataset_series_at(ds, i);
        if (s->region == metrics_focus(mc) &&
            parts_selected(sel, s->indicator) &&
            (y = sb_series_last_year(s, 0)) > 0)
            g_array_append_val(last, y);
    }
    y = report_brief_mode_year((const int *)(void *)last->data, last->len);
    g_array_free(last, TRUE);
    return y;
}

int report_overview_wanted(const sb_dataset *ds, const char *focus,
                           const sb_spec *spec)
{
    return focus == NULL && (spec == NULL || spec->n_sections == 0) &&
           !metrics_meta_focus(ds) &&
           metrics_peers_with_data(ds) >= REPORT_OVERVIEW_MIN_PEERS;
}

int report_data_year(const sb_dataset *ds, metrics_ctx *mc)
{
    return focus_last_year(ds, mc);
}

/* Whether the focus region has a value up to the brief's year. */
static int focus_has_values(const parts_ctx *b)
{
    size_t i;

    for (i = 0; i < sb_dataset_n_series(b->ds); i++) {
        const sb_series *s = sb_dataset_series_at(b->ds, i);
        if (s->region == metrics_focus(b->mc) &&
            sb_series_last_year(s, b->year) >= MAX(b->o->from, 1))
            return 1;
    }
    return 0;
}

/* The brief's year, and whether there is anything to brief in it. */
static sb_status check_focus(parts_ctx *b, const unsigned char *sel,
                             sb_error *err)
{
    const report_opts *o = b->o;

    char with[sizeof err->msg / 2];
    sb_id focus = metrics_focus(b->mc);

    b->year = o->year ? o->year : focus_last_year(b->ds, b->mc);
    metrics_set_years(b->mc, o->from, b->year);   /* what it shows */
    b->brief_year = o->year ? o->year
                            : report_brief_year(b->ds, b->mc, sel);
    if ((focus == SB_NONE && !o->overview) || b->year == 0 ||
        b->brief_year == 0) {
        metrics_regions_with_data(b->ds, with, sizeof with);
        if (focus == SB_NONE)
            return sb_error_set(err, SB_EDATA, NULL, 0, 0, "no region has "
                                "values: nothing to brief");
        return sb_error_set(err, SB_EDATA, NULL, 0, 0, "the focus region, "
                            "%s, has no values: nothing to brief; choose "
                            "another with --focus (regions with data: %s)",
                            sb_dataset_region_at(b->ds, focus)->name, with);
    }
    if (o->from > b->year)
        return sb_error_set(err, SB_EUSAGE, NULL, 0, 0, "--from %d is after "
                            "the brief's year, %d", o->from, b->year);
    if (focus != SB_NONE && !focus_has_values(b))
        return sb_error_set(err, SB_EDATA, NULL, 0, 0, "%s has no values "
                            "%s%d: nothing to brief",
                            sb_dataset_region_at(b->ds,
                                                 metrics_focus(b->mc))->name,
                            o->from ? "in the window ending " : "up to ",
                            b->year);
    return SB_OK;
}

/* ---- the content -------------------------------------------------------- */

/* Who the brief is about: the focus region, or "Overview". */
static const char *about(const parts_ctx *b)
{
    sb_id focus = metrics_focus(b->mc);

    return focus == SB_NONE ? L(b, "Overview", "概览")
                            : parts_region(b, focus);
}

/* The topic every indicator with a section shares, in the brief's
   language, or "" when one has none or another: a Chinese brief takes
   topic_zh only, since an English topic would be the one foreign phrase
   in its title. */
static const char *common_topic(parts_ctx *b, const unsigned char *sel)
{
    const char *topic = NULL;
    size_t i;

    for (i = 0; i < sb_dataset_n_indicators(b->ds); i++)
        if (parts_selected(sel, (sb_id)i) && parts_has_section(b, (sb_id)i)) {
            const sb_indicator *ind = sb_dataset_indicator_at(b->ds, (sb_id)i);
            const char *t = b->lang == FMT_ZH ? ind->topic_zh : ind->topic;

            if (*t == '\0' || (topic != NULL && strcmp(t, topic) != 0))
                return "";
            topic = t;
        }
    return topic != NULL ? topic : "";
}

/* The title the data give: the single indicator's name, else the topic
   the indicators share (topic, topic_zh in indicators.csv), else how
   many they are, with who the brief is about and its year:
   "Chongqing: 11 indicators, 2022", "Alpha: Science and technology,
   2022", "概览：研发支出（2022年）" (g_free). */
static char *default_title(parts_ctx *b, const unsigned char *sel)
{
    size_t i, n = 0;
    sb_id one = SB_NONE;
    const char *topic = common_topic(b, sel);
    char *what, *title;

    for (i = 0; i < sb_dataset_n_indicators(b->ds); i++)
        if (parts_selected(sel, (sb_id)i) && parts_has_section(b, (sb_id)i)) {
            one = (sb_id)i;
            n++;
        }
    what = n == 1 ? g_strdup(parts_name(b, one))
           : *topic != '\0' ? g_strdup(topic)
                            : g_strdup_printf(L(b, "%zu indicators",
                                                "%zu项指标"), n);
    title = g_strdup_printf(L(b, "%s: %s, %d", "%s：%s（%d年）"), about(b),
                            what, b->brief_year);
    g_free(what);
    return title;
}

/* The title (--title, else the spec's, else default_title) and the
   spec's subtitle (NULL: none), both g_free; SB_EDATA for a bad
   placeholder in either. */
static sb_status titles(parts_ctx *b, const unsigned char *sel, char **title,
                        char **sub)
{
    const sb_spec *s = b->o->spec;

    *sub = NULL;
    *title = b->o->title ? g_strdup(b->o->title)
             : s ? report_spec_text(b, &s->title, b->o->diag) : NULL;
    if (s != NULL && b->err->code != SB_OK)
        return b->err->code;
    if (*title == NULL)
        *title = default_title(b, sel);
    if (s != NULL && (*sub = report_spec_text(b, &s->subtitle,
                                              b->o->diag)) == NULL &&
        b->err->code != SB_OK)
        return b->err->code;
    return SB_OK;
}

/* The selected indicators (sel, NULL: all) that have a section: not
   those with a single value for the focus, which the latest-values
   table gathers (g_free). */
static unsigned char *with_section(parts_ctx *b, const unsigned char *sel)
{
    size_t i, n = sb_dataset_n_indicators(b->ds);
    unsigned char *out = g_new0(unsigned char, n + 1);

    for (i = 0; i < n; i++)
        out[i] = parts_selected(sel, (sb_id)i) && !parts_single(b, (sb_id)i);
    return out;
}

/* Key findings, the summary, the latest values and a section per
   indicator that has one; SB_ECANCELED when the run is to stop after
   one of them. */
static sb_status default_parts(parts_ctx *b, const unsigned char *sel)
{
    unsigned char *multi = with_section(b, sel);
    sb_status rc;
    size_t i;

    b->linked = g_memdup2(multi, sb_dataset_n_indicators(b->ds) + 1);
    parts_findings(b, multi, MAX_FINDINGS, L(b, "Key findings", "主要发现"));
    rc = parts_done(b);
    if (rc == SB_OK) {
        parts_summary(b, multi, L(b, "Summary", "指标概览"));
        rc = parts_done(b);
    }
    if (rc == SB_OK) {
        parts_latest(b, sel, L(b, "Latest values", "最新数值"));
        rc = parts_done(b);
    }
    for (i = 0; i < sb_dataset_n_indicators(b->ds) && rc == SB_OK; i++)
        if (multi[i] && parts_has_section(b, (sb_id)i)) {
            char *heading = parts_heading(b, (sb_id)i);
            parts_section(b, (sb_id)i, heading);
            g_free(heading);
            rc = parts_done(b);
        }
    g_free(multi);
    return rc;
}

/* Title block, then the spec's sections or the default parts, then the
   notes, with a stop check after each (parts_done). *title is the
   brief's title (g_free). */
static sb_status body(parts_ctx *b, const unsigned char *sel, char **title)
{
    const sb_spec *s = b->o->spec;
    char *sub;
    sb_status rc = titles(b, sel, title, &sub);

    if (rc != SB_OK) {
        g_free(sub);
        return rc;
    }
    parts_title(b, *title, sub);
    g_free(sub);
    if ((rc = parts_done(b)) != SB_OK)
        return rc;
    if (s != NULL && s->n_sections > 0)
        rc = report_spec_sections(b, b->o->diag);
    else if (metrics_focus(b->mc) == SB_NONE)
        rc = overview_parts(b, sel);
    else
        rc = default_parts(b, sel);
    if (rc == SB_OK) {
        notes_add(b, sel);
        annex_add(b);
        rc = parts_done(b);
    }
    return rc;
}

/* The document's metadata: the title, the generator as author unless
   one is given, focus and year, the indicators with a section as
   keywords, and the footer line. */
static void set_meta(parts_ctx *b, const unsigned char *sel,
                     const char *title)
{
    GString *keywords = g_string_new(L(b, "statistics; indicators; ",
                                       "统计; 指标; "));
    report_meta meta;
    size_t i;

    g_string_append(keywords, about(b));
    for (i = 0; i < sb_dataset_n_indicators(b->ds); i++)
        if (parts_selected(sel, (sb_id)i) && parts_has_section(b, (sb_id)i))
            g_string_append_printf(keywords, "; %s", parts_name(b, (sb_id)i));
    meta.title = title;
    /* without a spec's author no person to name: the generator, like a
       report server would */
    meta.author = b->o->author ? b->o->author : "statbrief";
    meta.subject = g_strdup_printf(L(b, "%s, %d", "%s，%d年"),
                                   about(b), b->brief_year);
    meta.keywords = keywords->str;
    meta.footer = g_strdup_printf(L(b, "%s \xc2\xb7 data as of %d",
                                    "%s \xc2\xb7 数据截至%d年"), title,
                                  b->as_of);
    meta.epoch = b->o->epoch;
    report_doc_set_meta(b->doc, &meta);
    g_free((char *)meta.subject);
    g_free((char *)meta.footer);
    g_string_free(keywords, TRUE);
}

/* ---- the files ---------------------------------------------------------- */

/* The output formats: one row each, in the order files are written. */
static const struct {
    const char *name, *ext;
    unsigned bit;
    report_backend backend;
} formats[REPORT_N_FORMATS] = {
    {"pdf", ".pdf", REPORT_FMT_PDF, report_pdf_write},
    {"html", ".html", REPORT_FMT_HTML, report_html_write},
};

int report_formats_parse(const char *list, unsigned *out)
{
    gchar **names = g_strsplit(list, ",", -1);
    unsigned bits = 0;
    size_t i, k;
    int rc = names[0] != NULL ? 0 : -1;

    for (i = 0; names[i] != NULL && rc == 0; i++) {
        for (k = 0; k < REPORT_N_FORMATS; k++)
            if (strcmp(names[i], formats[k].name) == 0)
                break;
        if (k == REPORT_N_FORMATS || (bits & formats[k].bit))
            rc = -1;
        else
            bits |= formats[k].bit;
    }
    g_strfreev(names);
    if (rc == 0)
        *out = bits;
    return rc;
}

const char *report_formats_names(void)
{
    return "pdf, html or pdf,html";
}

unsigned report_format_bit(size_t i)
{
    return i < REPORT_N_FORMATS ? formats[i].bit : 0;
}

/* The row of path's extension (-1: none of theirs). */
static int ext_of(const char *path)
{
    size_t k;

    for (k = 0; k < REPORT_N_FORMATS; k++)
        if (g_str_has_suffix(path, formats[k].ext) &&
            strlen(path) > strlen(formats[k].ext))
            return (int)k;
    return -1;
}

char *report_format_path(const char *path, unsigned fmts, unsigned f)
{
    int e = ext_of(path);
    size_t k, stem = strlen(path) - (e >= 0 ? strlen(formats[e].ext) : 0);

    if (fmts == 0)
        fmts = REPORT_FMT_PDF;
    for (k = 0; k < REPORT_N_FORMATS && formats[k].bit != f; k++)
        ;
    if (k == REPORT_N_FORMATS)
        return NULL;
    if (fmts == f && (e < 0 || formats[e].bit == f))
        return g_strdup(path);
    return g_strdup_printf("%.*s%s", (int)stem, path, formats[k].ext);
}

static int by_series(const void *pa, const void *pb)
{
    const metrics_row *a = pa, *b = pb;

    if (a->indicator != b->indicator)
        return a->indicator < b->indicator ? -1 : 1;
    if (a->region != b->region)
        return a->region < b->region ? -1 : 1;
    if (a->first_year != b->first_year)    /* a table's common years */
        return a->first_year < b->first_year ? -1 : 1;
    return (a->last_year > b->last_year) - (a->last_year < b->last_year);
}

/* Every figure the brief printed, as `metrics --format csv` writes it. */
static sb_status figures_csv(parts_ctx *b, char **out, size_t *out_len,
                             sb_error *err)
{
    char *data = NULL;
    size_t len = 0, i;
    FILE *fp = open_memstream(&data, &len);
    metrics_writer *w;
    metrics_row *rows;

    if (fp == NULL)
        return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    w = metrics_writer_create(fp, METRICS_CSV, b->ds, b->mc, b->lang);
    if (w == NULL) {
        fclose(fp);
        free(data);
        return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    }
    /* a series is printed in several places (findings, summary, section,
       comparison table): one row per series and window (its own, the
       comparison's common years), in indicator and region order */
    rows = g_memdup2(b->printed->data, b->printed->len * sizeof(metrics_row));
    qsort(rows, b->printed->len, sizeof(metrics_row), by_series);
    for (i = 0; i < b->printed->len; i++)
        if (i == 0 || by_series(&rows[i - 1], &rows[i]) != 0)
            metrics_writer_rows(w, &rows[i], 1);
    g_free(rows);
    metrics_writer_finish(w);
    metrics_writer_destroy(w);
    if (fclose(fp) != 0) {
        free(data);
        return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    }
    *out = data;                 /* malloc'd by open_memstream: free() */
    *out_len = len;
    return SB_OK;
}

/* The bytes to write: the document in each format asked (out[k] for
   row k; empty when not asked) and (--metrics-csv) the figures; an
   error when a figure was lost or (--strict) a warning was raised. */
static sb_status render(parts_ctx *b, const char *path, report_output *out,
                        char **csv, size_t *csv_len, sb_error *err)
{
    const report_opts *o = b->o;
    unsigned fmts = o->formats ? o->formats : REPORT_FMT_PDF;
    sb_status rc = SB_OK;
    size_t k;

    for (k = 0; k < REPORT_N_FORMATS && rc == SB_OK; k++)
        if (fmts & formats[k].bit)
            rc = formats[k].backend(b->doc, o->stop, &out[k], err);

    if (rc == SB_OK && o->metrics_csv != NULL)
        rc = figures_csv(b, csv, csv_len, err);
    /* a figure lost for lack of memory printed as undefined: not kept */
    if (rc == SB_OK)
        rc = metrics_ctx_status(b->mc, err);
    if (rc == SB_OK && o->strict && o->diag != NULL && o->diag->count > 0)
        rc = sb_error_set(err, SB_EDATA, path, 0, 0, "not written: "
                          "%zu warning%s while writing it (--strict)",
                          o->diag->count, o->diag->count == 1 ? "" : "s");
    return rc;
}

/* Writes the n files (path[i] NULL: none) atomically: all are written
   in full under temporary names before any is renamed into place, so
   that a file that cannot be written keeps every older one. */
static sb_status write_files(char *const *path, const void *const *data,
                             const size_t *len, size_t n, sb_error *err)
{
    char *tmp[REPORT_N_FORMATS + 1] = {NULL};
    sb_status rc = SB_OK;
    size_t i;

    for (i = 0; i < n && rc == SB_OK; i++)
        if (path[i] != NULL)
            rc = sb_out_stage(path[i], data[i], len[i], &tmp[i], err);
    for (i = 0; i < n && rc == SB_OK; i++)
        if (tmp[i] != NULL) {
            rc = sb_out_commit(tmp[i], path[i], err);
            tmp[i] = NULL;
        }
    for (i = 0; i < n; i++)
        sb_out_unstage(tmp[i]);
    return rc;
}

/* The brief's files: each format's, then the CSV (NULL: none). */
static sb_status write_all(const report_opts *o, report_result *res,
                           const report_output *out, const char *csv,
                           size_t csv_len, sb_error *err)
{
    char *path[REPORT_N_FORMATS + 1];
    const void *data[REPORT_N_FORMATS + 1];
    size_t len[REPORT_N_FORMATS + 1], k;

    for (k = 0; k < REPORT_N_FORMATS; k++) {
        path[k] = res->paths[k];
        data[k] = out[k].data;
        len[k] = out[k].len;
        res->bytes += out[k].len;
    }
    path[k] = csv != NULL ? (char *)o->metrics_csv : NULL;
    data[k] = csv;
    len[k] = csv_len;
    return write_files(path, data, len, k + 1, err);
}

void report_result_clear(report_result *res)
{
    size_t k;

    g_free(res->path);
    for (k = 0; k < REPORT_N_FORMATS; k++)
        g_free(res->paths[k]);
    memset(res, 0, sizeof *res);
}

/* res's paths: each format's file from o->output (else
   brief-{year}.pdf); res->path the first. */
static void result_paths(const report_opts *o, int year, report_result *res)
{
    char *dflt = g_strdup_printf("brief-%d.pdf", year);
    const char *base = o->output ? o->output : dflt;
    size_t k;

    for (k = 0; k < REPORT_N_FORMATS; k++)
        if ((o->formats ? o->formats : REPORT_FMT_PDF) & formats[k].bit) {
            res->paths[k] = report_format_path(base, o->formats,
                                               formats[k].bit);
            if (res->path == NULL)
                res->path = g_strdup(res->paths[k]);
        }
    g_free(dflt);
}

/* The brief's document in b->doc (created here) with its metadata; *title
   the brief's title (g_free). b->o, ds, mc, lang and err are set. */
static sb_status build(parts_ctx *b, const unsigned char *sel, char **title)
{
    const report_opts *o = b->o;
    int first, last;
    sb_status rc = check_focus(b, sel, b->err);

    if (rc != SB_OK)
        return rc;
    b->doc = report_doc_create(o->paper, b->lang);
    b->printed = g_array_new(FALSE, FALSE, sizeof(metrics_row));
    b->cut = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                   g_free);
    b->used = g_hash_table_new(g_str_hash, g_str_equal);
    parts_years(b, &first, &last, &b->as_of);
    rc = body(b, sel, title);
    if (rc == SB_OK)
        set_meta(b, sel, *title);
    return rc;
}

/* What build made, but the document (freed when still in b->doc). */
static void unbuild(parts_ctx *b)
{
    if (b->printed != NULL)
        g_array_free(b->printed, TRUE);
    report_doc_destroy(b->doc);
    if (b->cut != NULL)
        g_hash_table_destroy(b->cut);
    if (b->used != NULL)
        g_hash_table_destroy(b->used);
    g_free(b->linked);
}

sb_status report_brief_doc(const sb_dataset *ds, metrics_ctx *mc,
                           const unsigned char *indicators,
                           const report_opts *o, report_doc **doc,
                           int *year, sb_error *err)
{
    parts_ctx b = {.ds = ds, .mc = mc, .o = o, .lang = o->lang, .err = err,
                   .no_made = 1};
    char *title = NULL;
    sb_status rc = build(&b, indicators, &title);

    /* a figure lost for lack of memory printed as undefined, findings
       left out: not the brief */
    if (rc == SB_OK)
        rc = metrics_ctx_status(mc, err);
    if (rc == SB_OK && b.screen_lost)
        rc = sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    *doc = NULL;
    if (rc == SB_OK) {
        *doc = b.doc;
        b.doc = NULL;
        *year = b.brief_year;
    }
    g_free(title);
    unbuild(&b);
    return rc;
}

sb_status report_brief_write(const sb_dataset *ds, metrics_ctx *mc,
                             const unsigned char *indicators,
                             const report_opts *o, report_result *res,
                             sb_error *err)
{
    parts_ctx b = {.ds = ds, .mc = mc, .o = o, .lang = o->lang, .err = err};
    report_output out[REPORT_N_FORMATS] = {{0}};
    char *title = NULL, *csv = NULL;
    size_t csv_len = 0, k;
    sb_status rc;

    memset(res, 0, sizeof *res);
    rc = build(&b, indicators, &title);
    if (b.doc == NULL)               /* check_focus: nothing to brief */
        return rc;
    res->year = b.brief_year;
    result_paths(o, b.brief_year, res);
    if (rc == SB_OK) {
        rc = render(&b, res->path, out, &csv, &csv_len, err);
        res->pages = out[0].pages;
    }
    if (rc == SB_OK && report_stopped(o->stop))      /* the last check */
        rc = SB_ECANCELED;
    if (rc == SB_OK)
        rc = write_all(o, res, out, csv, csv_len, err);
    if (rc == SB_ECANCELED)
        sb_error_set(err, rc, res->path, 0, 0, "stopped by a signal while "
                     "writing the brief; nothing was written");
    free(csv);
    for (k = 0; k < REPORT_N_FORMATS; k++)
        g_free(out[k].data);
    g_free(title);
    unbuild(&b);
    return rc;
}
