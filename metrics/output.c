/*
 * metrics/output.c -- csv, json and table writers for metrics rows.
 *
 * csv/json carry every figure at full precision (shortest round-trip),
 * undefined as empty or null; the table rounds with the formatter.
 */
#include "output.h"

#include "fields.h"

#include "core/alloc.h"
#include "core/shortest.h"
#include "core/textio.h"

#include <math.h>
#include <string.h>

#include <glib.h>

struct metrics_writer {
    FILE *out;
    metrics_format f;
    const sb_dataset *ds;
    metrics_ctx *c;
    fmt_lang lang;
    size_t rows;                 /* written so far */
    int interpolated;            /* a row used filled years */
};

int metrics_format_parse(const char *s, metrics_format *out)
{
    if (strcmp(s, "table") == 0) *out = METRICS_TABLE;
    else if (strcmp(s, "csv") == 0) *out = METRICS_CSV;
    else if (strcmp(s, "json") == 0) *out = METRICS_JSON;
    else return -1;
    return 0;
}

metrics_writer *metrics_writer_create(FILE *out, metrics_format f,
                                      const sb_dataset *ds, metrics_ctx *c,
                                      fmt_lang lang)
{
    metrics_writer *w = sb_new0(metrics_writer, 1);

    if (w == NULL)
        return NULL;
    w->out = out;
    w->f = f;
    w->ds = ds;
    w->c = c;
    w->lang = lang;
    return w;
}

void metrics_writer_destroy(metrics_writer *w)
{
    g_free(w);
}

/* ---- csv and json ---------------------------------------------------------- */

/* The figures of a row go into one line buffer, each field through its
   own append, then out with one fwrite: printf per field was a fifth of
   a run of `metrics --format csv`. A row's figures need at most
   FIGURES_MAX bytes (26 fields, each under SB_SHORTEST_MAX plus a JSON
   name). */
#define FIGURES_MAX 2048

typedef struct {
    char b[FIGURES_MAX];
    size_t n;
} line;

static void put_str(line *l, const char *s)
{
    size_t k = strlen(s);

    memcpy(l->b + l->n, s, k);
    l->n += k;
}

/* v in decimal, as printf's "%d". */
static void put_int(line *l, int v)
{
    char t[12];
    size_t k = 0;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;

    do
        t[k++] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0)
        l->b[l->n++] = '-';
    while (k > 0)
        l->b[l->n++] = t[--k];
}

/* A figure as csv and json print it: shortest round-trip text; 0 (and
   nothing put) when undefined. */
static int put_cell(line *l, const metrics_row *r, const metrics_field *f)
{
    double v = metrics_field_value(f, r);

    if (metrics_field_undefined(f, r))
        return 0;
    if (f->is_int) {
        put_int(l, (int)v);
    } else {
        l->n += sb_format_shortest(v == 0 ? 0.0 : v, l->b + l->n);  /* no "-0" */
    }
    return 1;
}

static void csv_header(FILE *out)
{
    size_t k, nf;
    const metrics_field *f = metrics_fields(&nf);

    fputs("indicator,region,unit,kind", out);
    for (k = 0; k < nf; k++)
        if (f[k].use & METRICS_USE_CSV) {
            fputc(',', out);
            fputs(f[k].name, out);
        }
    fputc('\n', out);
}

static void csv_rows(const metrics_writer *w, const metrics_row *rows,
                     size_t n, FILE *out)
{
    size_t i, k, nf;
    const metrics_field *f = metrics_fields(&nf);
    line l;

    for (i = 0; i < n; i++) {
        const sb_indicator *ind = sb_dataset_indicator_at(w->ds,
                                                          rows[i].indicator);
        /* names and units come from the input files: never a formula */
        sb_csv_put_text(out, ind->id);
        fputc(',', out);
        sb_csv_put_text(out,
                        sb_dataset_region_at(w->ds, rows[i].region)->name);
        fputc(',', out);
        sb_csv_put_text(out, ind->unit);
        l.n = 0;
        l.b[l.n++] = ',';
        put_str(&l, sb_kind_name(ind->kind));
        for (k = 0; k < nf; k++)
            if (f[k].use & METRICS_USE_CSV) {
                l.b[l.n++] = ',';
                put_cell(&l, &rows[i], &f[k]);
            }
        l.b[l.n++] = '\n';
        fwrite(l.b, 1, l.n, out);
    }
}

void metrics_json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            fprintf(out, "\\%c", ch);
        else if (ch == '\n')
            fputs("\\n", out);
        else if (ch == '\r')
            fputs("\\r", out);
        else if (ch == '\t')
            fputs("\\t", out);
        else if (ch < 0x20)
            fprintf(out, "\\u%04x", ch);
        else
            fputc(ch, out);
    }
    fputc('"', out);
}

/* The objects apart by ",\n"; what comes before the first is the
   lead's (put_lead). */
static void json_rows(const metrics_writer *w, const metrics_row *rows,
                      size_t n, FILE *out)
{
    size_t i, k, nf;
    const metrics_field *f = metrics_fields(&nf);
    line l;

    for (i = 0; i < n; i++) {
        const sb_indicator *ind = sb_dataset_indicator_at(w->ds,
                                                          rows[i].indicator);
        fputs(i > 0 ? ",\n  {\"indicator\": " : "  {\"indicator\": ", out);
        metrics_json_string(out, ind->id);
        fputs(", \"region\": ", out);
        metrics_json_string(out,
                            sb_dataset_region_at(w->ds, rows[i].region)->name);
        fputs(", \"unit\": ", out);
        metrics_json_string(out, ind->unit);
        l.n = 0;
        put_str(&l, ", \"kind\": \"");
        put_str(&l, sb_kind_name(ind->kind));
        l.b[l.n++] = '"';
        for (k = 0; k < nf; k++) {
            if (!(f[k].use & METRICS_USE_CSV))
                continue;
            put_str(&l, ", \"");
            put_str(&l, f[k].name);
            put_str(&l, "\": ");
            if (!put_cell(&l, &rows[i], &f[k]))
                put_str(&l, "null");
        }
        l.b[l.n++] = '}';
        fwrite(l.b, 1, l.n, out);
    }
}

/* ---- table ------------------------------------------------------------------ */

enum { T_REGION, T_PERIOD, T_FROM, T_TO, T_CHANGE, T_GROWTH, T_CAGR, T_YOY,
       T_RANK, T_SHARE, T_GAP, T_N };

static const char *const heads_en[T_N] = {
    "region", "period", "from", "to", "change", "growth", "CAGR", "yoy",
    "rank", "share", "gap"};
static const char *const heads_zh[T_N] = {
    "\xe5\x9c\xb0\xe5\x8c\xba", "\xe6\x97\xb6\xe6\x9c\x9f",
    "\xe8\xb5\xb7", "\xe6\xad\xa2", "\xe5\x8f\x98\xe5\x8c\x96",
    "\xe5\xa2\x9e\xe9\x95\xbf", "\xe5\xb9\xb4\xe5\x9d\x87\xe5\xa2\x9e\xe9\x95\xbf",
    "\xe5\x90\x8c\xe6\xaf\x94", "\xe6\x8e\x92\xe5\x90\x8d",
    "\xe5\x8d\xa0\xe6\xaf\x94", "\xe5\xb7\xae\xe8\xb7\x9d"};
/* 地区 时期 起 止 变化 增长 年均增长 同比 排名 占比 差距 */

static const char *region_name(const metrics_writer *w, sb_id r)
{
    const sb_region *reg = sb_dataset_region_at(w->ds, r);

    return w->lang == FMT_ZH && reg->name_zh[0] ? reg->name_zh : reg->name;
}

/* A change in the kind's language: percent, or points for rates. */
static void change_text(char *buf, double v, const sb_indicator *ind,
                        fmt_lang lang)
{
    if ((sb_indicator_traits(ind) & SB_TRAIT_POINTS))
        fmt_points(buf, FMT_MAX, v, sb_indicator_precision(ind), 0, lang);
    else
        fmt_percent(buf, FMT_MAX, v, 1, 1, lang);
}

static void table_cells(const metrics_writer *w, const metrics_row *r,
                        char cells[T_N][FMT_MAX])
{
    const sb_indicator *ind = sb_dataset_indicator_at(w->ds, r->indicator);
    int p = sb_indicator_precision(ind);

    snprintf(cells[T_REGION], FMT_MAX, "%s%s", region_name(w, r->region),
             r->n_interpolated > 0 ? "*" : "");
    if (r->first_year == r->last_year)
        snprintf(cells[T_PERIOD], FMT_MAX, "%d", r->last_year);
    else
        snprintf(cells[T_PERIOD], FMT_MAX, "%d\xe2\x80\x93%d", r->first_year,
                 r->last_year);
    fmt_plain(cells[T_FROM], FMT_MAX, r->first_value, ind, w->lang);
    fmt_plain(cells[T_TO], FMT_MAX, r->last_value, ind, w->lang);
    fmt_number(cells[T_CHANGE], FMT_MAX, r->change, p, 1, w->lang);
    change_text(cells[T_GROWTH], (sb_indicator_traits(ind) & SB_TRAIT_POINTS)
                                     ? r->pp_change
                                                           : r->pct_change,
                ind, w->lang);
    fmt_percent(cells[T_CAGR], FMT_MAX, r->cagr, 1, 0, w->lang);
    change_text(cells[T_YOY], r->yoy, ind, w->lang);
    if (r->rank > 0 && r->ref_year != r->last_year)  /* the year it is at */
        snprintf(cells[T_RANK], FMT_MAX, w->lang == FMT_ZH ? "%d/%d（%d年）"
                                                           : "%d of %d (%d)",
                 r->rank, r->rank_of, r->ref_year);
    else if (r->rank > 0)
        snprintf(cells[T_RANK], FMT_MAX, w->lang == FMT_ZH ? "%d/%d"
                                                           : "%d of %d",
                 r->rank, r->rank_of);
    else
        g_strlcpy(cells[T_RANK], FMT_UNDEFINED, FMT_MAX);
    fmt_percent(cells[T_SHARE], FMT_MAX, r->share, 1, 0, w->lang);
    if ((sb_indicator_traits(ind) & SB_TRAIT_POINTS))
        fmt_points(cells[T_GAP], FMT_MAX, r->gap, p, 0, w->lang);
    else
        fmt_number(cells[T_GAP], FMT_MAX, r->gap, p, 1, w->lang);
}

/* "rank in: west; share of: China; gap to: China", in the language. */
static void table_title(const metrics_writer *w, const sb_indicator *ind,
                        FILE *out)
{
    sb_id b = metrics_benchmark(w->c), t = metrics_total(w->c);
    const char *unit = fmt_unit(ind, w->lang);
    int zh = w->lang == FMT_ZH;

    fprintf(out, "%s (%s)%s%s\n",
            fmt_name(ind, w->lang), ind->id, unit[0] ? ", " : "", unit);
    fprintf(out, zh ? "  \xe6\x8e\x92\xe5\x90\x8d\xe8\x8c\x83\xe5\x9b\xb4"
                         "\xef\xbc\x9a%s" : "  rank in: %s",
            fmt_group(w->ds, metrics_set_name(w->c), w->lang)); /* 排名范围： */
    if (t != SB_NONE && (sb_indicator_traits(ind) & SB_TRAIT_ADDS))
        fprintf(out, zh ? "\xef\xbc\x9b\xe5\x8d\xa0\xe6\xaf\x94\xe5"
                             "\x9f\xba\xe5\x87\x86\xef\xbc\x9a%s"
                           : "; share of: %s",
                region_name(w, t));                    /* ；占比基准： */
    if (b != SB_NONE)
        fprintf(out, zh ? "\xef\xbc\x9b\xe5\xb7\xae\xe8\xb7\x9d\xe5"
                             "\x9f\xba\xe5\x87\x86\xef\xbc\x9a%s"
                           : "; gap to: %s",
                region_name(w, b));                    /* ；差距基准： */
    fputc('\n', out);
}

/* The display width of a cell: its length when it is ASCII (most are:
   GLib's character tables for every byte were a tenth of the table),
   else sb_text_width's. */
static int cell_width(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;

    for (; *p != '\0'; p++)
        if (*p >= 0x80)
            return sb_text_width(s);
    return (int)(p - (const unsigned char *)s);
}

/* n spaces (n <= 0: none), without a printf each. */
static void put_spaces(FILE *out, int n)
{
    static const char blanks[] = "                                ";

    for (; n > 0; n -= (int)sizeof blanks - 1)
        fwrite(blanks, 1, MIN((size_t)n, sizeof blanks - 1), out);
}

/* Each row's cells are formatted twice, for the widths and to print
   them: the same text both times, and no array of them to allocate. */
static void table_rows(const metrics_writer *w, const metrics_row *rows,
                       size_t n, FILE *out, int *interpolated)
{
    char cells[T_N][FMT_MAX];
    const char *const *heads = w->lang == FMT_ZH ? heads_zh : heads_en;
    int width[T_N];
    size_t i, k;

    for (k = 0; k < T_N; k++)
        width[k] = sb_text_width(heads[k]);
    for (i = 0; i < n; i++) {
        table_cells(w, &rows[i], cells);
        *interpolated |= rows[i].n_interpolated > 0;
        for (k = 0; k < T_N; k++)
            width[k] = MAX(width[k], cell_width(cells[k]));
    }
    table_title(w, sb_dataset_indicator_at(w->ds, rows[0].indicator), out);
    fputs("  ", out);
    for (k = 0; k < T_N; k++)
        sb_text_pad(out, heads[k], k + 1 < T_N ? width[k] + 2 : 0);
    fputc('\n', out);
    for (i = 0; i < n; i++) {
        table_cells(w, &rows[i], cells);
        fputs("  ", out);
        for (k = 0; k < T_N; k++) {
            /* numbers right-aligned, the region name left */
            int pad = width[k] - cell_width(cells[k]);
            if (k > 0)
                put_spaces(out, pad);
            fputs(cells[k], out);
            if (k == 0)
                put_spaces(out, pad);
            if (k + 1 < T_N)
                fputs("  ", out);
        }
        fputc('\n', out);
    }
}

/* What comes before rows rendered after `before` rows: the CSV header
   or the JSON array's "[" first, else what parts them from those before
   (",", an empty line before a table's title). */
static void put_lead(const metrics_writer *w, size_t before, FILE *out)
{
    if (w->f == METRICS_CSV && before == 0)
        csv_header(out);
    else if (w->f == METRICS_JSON)
        fputs(before == 0 ? "[\n" : ",\n", out);
    else if (w->f == METRICS_TABLE && before > 0)
        fputc('\n', out);
}

void metrics_writer_render(const metrics_writer *w, const metrics_row *rows,
                           size_t n, size_t before, FILE *out,
                           int *interpolated)
{
    if (n == 0)
        return;
    if (before > 0)
        put_lead(w, before, out);
    if (w->f == METRICS_CSV)
        csv_rows(w, rows, n, out);
    else if (w->f == METRICS_JSON)
        json_rows(w, rows, n, out);
    else
        table_rows(w, rows, n, out, interpolated);
}

sb_status metrics_writer_emit(metrics_writer *w, const char *text,
                              size_t len, size_t n, int interpolated)
{
    if (n == 0)
        return SB_OK;
    put_lead(w, w->rows, w->out);
    fwrite(text, 1, len, w->out);
    w->rows += n;
    w->interpolated |= interpolated;
    return ferror(w->out) ? SB_ECANTCREAT : SB_OK;
}

sb_status metrics_writer_rows(void *writer, const metrics_row *rows,
                              size_t n)
{
    metrics_writer *w = writer;

    if (n == 0)
        return SB_OK;
    put_lead(w, w->rows, w->out);
    metrics_writer_render(w, rows, n, 0, w->out, &w->interpolated);
    w->rows += n;
    return ferror(w->out) ? SB_ECANTCREAT : SB_OK;
}

void metrics_writer_finish(metrics_writer *w)
{
    if (w->f == METRICS_JSON)
        fputs(w->rows ? "\n]\n" : "[]\n", w->out);
    if (w->f == METRICS_CSV && w->rows == 0)
        csv_header(w->out);               /* the header, even when empty */
    if (w->f == METRICS_TABLE && w->interpolated)
        fputs("\n* includes years filled by --interpolate\n", w->out);
}
