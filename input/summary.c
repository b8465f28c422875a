/*
 * input/summary.c -- `check` output: per-file blocks, dataset tables and
 * the normalized dump.
 */
#include "summary.h"

#include "core/alloc.h"
#include "core/shortest.h"
#include "core/textio.h"
#include "export.h"

#include <glib.h>
#include <string.h>

#define LIST_MAX 12       /* names listed per file before "... N more" */

static int selected(const unsigned char *sel, sb_id id)
{
    return sel == NULL || sel[id];
}

static int obs_shown(const input_filter *f, const sb_obs *o)
{
    if (o->state & SB_OBS_MISSING)
        return 0;
    return (f->from == 0 || o->year >= f->from) &&
           (f->to == 0 || o->year <= f->to);
}

static void print_names(FILE *out, const sb_dataset *ds, const char *label,
                        const sb_id *ids, size_t n, int regions)
{
    size_t i;

    if (n == 0)
        return;
    fprintf(out, "  %s (%zu): ", label, n);
    for (i = 0; i < n && i < LIST_MAX; i++)
        fprintf(out, "%s%s", i ? ", " : "",
                regions ? sb_dataset_region_at(ds, ids[i])->name
                        : sb_dataset_indicator_at(ds, ids[i])->id);
    if (n > LIST_MAX)
        fprintf(out, ", ... %zu more", n - LIST_MAX);
    fputc('\n', out);
}

/* Per indicator: regions with a value, year span, value count. */
typedef struct {
    size_t regions, values;
    int from, to;
} span;

/* The values of one series that the filter shows, as a span: the
   model's figures, which a lean dataset (check) keeps without the
   values. */
static span series_span(const sb_dataset *ds, const sb_series *se,
                        const input_filter *f, size_t *n_flagged)
{
    sb_series_stats st;
    span s = {0, 0, 0, 0};

    sb_series_stats_of(ds, se, f->from, f->to, &st);
    s.values = st.values;
    s.from = st.first;
    s.to = st.last;
    *n_flagged += st.flagged;
    return s;
}

static void add_span(span *s, const span *one)
{
    if (one->values == 0)
        return;
    s->values += one->values;
    s->regions++;
    if (s->from == 0 || one->from < s->from)
        s->from = one->from;
    if (one->to > s->to)
        s->to = one->to;
}

static void print_years(FILE *out, const span *s, int width)
{
    char buf[32] = "-";

    if (s->values > 0 && s->from == s->to)
        snprintf(buf, sizeof buf, "%d", s->from);
    else if (s->values > 0)
        snprintf(buf, sizeof buf, "%d-%d", s->from, s->to);
    sb_text_pad(out, buf, width);
}

/* The lines of a file's reading (input_report_reading), indented. */
static void print_reading(FILE *out, const char *reading)
{
    const char *p = reading, *nl;

    for (; p != NULL && *p != '\0'; p = nl != NULL ? nl + 1 : NULL) {
        nl = strchr(p, '\n');
        fprintf(out, "  %.*s\n", nl != NULL ? (int)(nl - p) : (int)strlen(p),
                p);
    }
}

static void print_file(FILE *out, const sb_dataset *ds, const input_file_report *f)
{
    fprintf(out, "%s: %s", f->path, input_role_name(f->role));
    if (f->role == INPUT_ROLE_DATA && f->export != INPUT_EXPORT_NONE)
        fprintf(out, ", %s (%s)", input_export_name(f->export),
                input_shape_name(f->shape));
    else if (f->role == INPUT_ROLE_DATA)
        fprintf(out, ", %s", input_shape_name(f->shape));
    else if (f->export != INPUT_EXPORT_NONE)
        fprintf(out, ", %s", input_export_name(f->export));
    if (f->encoding == INPUT_ENC_GB18030)
        fputs(", GB18030", out);
    if (f->delim == ';' || f->delim == '\t')
        fprintf(out, ", delimiter %s", f->delim == ';' ? "';'" : "TAB");
    if (f->decimal_comma)
        fputs(", decimal comma", out);
    if (f->had_bom)
        fputs(", BOM", out);
    fputc('\n', out);
    if (f->columns != NULL)
        fprintf(out, "  columns: %s\n", f->columns);
    if (f->ignored != NULL && f->ignored[0] != '\0')
        fprintf(out, "  ignored columns: %s\n", f->ignored);
    if (f->footnotes != NULL)
        fprintf(out, "  footnotes: %s\n", f->footnotes);
    print_reading(out, f->reading);
    if (f->encoding == INPUT_ENC_GB18030)
        fputs("  note: the text is GB18030, not UTF-8; it was converted "
              "while reading\n", out);
    if (f->role == INPUT_ROLE_DATA) {
        span years = {0, (size_t)f->values, f->year_min, f->year_max};
        fprintf(out, "  rows: %ld; values: %ld; missing: %ld; flagged: %ld",
                f->rows, f->values, f->missing, f->flagged);
        if (f->values > 0) {
            fputs("; years: ", out);
            print_years(out, &years, 0);
        }
        fputc('\n', out);
    }
    print_names(out, ds, "indicators", f->indicators, f->n_indicators, 0);
    print_names(out, ds, "regions", f->regions, f->n_regions, 1);
    if (f->warnings > 0)
        fprintf(out, "  warnings: %ld\n", f->warnings);
}

/* "amount", "rate (guessed)", an index's base: "index 2015=100" */
static void kind_text(char *buf, size_t size, const sb_indicator *p)
{
    char base[16] = "";

    if (p->base != 0)
        snprintf(base, sizeof base, " %d=100", p->base);
    snprintf(buf, size, "%s%s%s", sb_kind_name(p->kind), base,
             p->kind_inferred ? " (guessed)" : "");
}

static void print_indicators(FILE *out, const sb_dataset *ds, const span *ind_sp,
                             const input_filter *f)
{
    size_t i, n = sb_dataset_n_indicators(ds);
    int wid = 9, wunit = 4, wkind = 16;  /* "amount (guessed)" */
    char kind[48];

    for (i = 0; i < n; i++) {
        const sb_indicator *p = sb_dataset_indicator_at(ds, (sb_id)i);
        if (!selected(f->indicators, (sb_id)i))
            continue;
        wid = MAX(wid, sb_text_width(p->id));
        wunit = MAX(wunit, sb_text_width(p->unit));
        kind_text(kind, sizeof kind, p);
        wkind = MAX(wkind, sb_text_width(kind));
    }
    fputc('\n', out);
    sb_text_pad(out, "indicator", wid + 2);
    sb_text_pad(out, "kind", wkind + 1);
    sb_text_pad(out, "unit", wunit + 2);
    fputs("decimals  regions  years      values\n", out);
    for (i = 0; i < n; i++) {
        const sb_indicator *p = sb_dataset_indicator_at(ds, (sb_id)i);
        if (!selected(f->indicators, (sb_id)i))
            continue;
        kind_text(kind, sizeof kind, p);
        sb_text_pad(out, p->id, wid + 2);
        sb_text_pad(out, kind, wkind + 1);
        sb_text_pad(out, p->unit[0] ? p->unit : "-", wunit + 2);
        fprintf(out, "%8d  %7zu  ", sb_indicator_precision(p),
                ind_sp[i].regions);
        print_years(out, &ind_sp[i], 9);
        fprintf(out, "  %6zu\n", ind_sp[i].values);
    }
}

/* A region's roles as check shows them ("total, aggregate"); "-" for
   none. Into buf. */
static const char *role_text(unsigned role, char *buf, size_t size)
{
    static const struct {
        unsigned bit;
        const char *name;
    } roles[] = {{SB_ROLE_TOTAL, "total"}, {SB_ROLE_BENCHMARK, "benchmark"},
                 {SB_ROLE_AGGREGATE, "aggregate"}};
    size_t i;

    buf[0] = '\0';
    for (i = 0; i < G_N_ELEMENTS(roles); i++)
        if (role & roles[i].bit) {
            if (buf[0] != '\0')
                g_strlcat(buf, ", ", size);
            g_strlcat(buf, roles[i].name, size);
        }
    return buf[0] != '\0' ? buf : "-";
}

static void print_regions(FILE *out, const sb_dataset *ds, const span *reg_sp,
                          const input_filter *f)
{
    size_t i, j, n = sb_dataset_n_regions(ds);
    int wname = 6, wzh = 7, wrole = 16;       /* "total, benchmark" */
    char role[64];

    for (i = 0; i < n; i++) {
        const sb_region *r = sb_dataset_region_at(ds, (sb_id)i);
        wname = MAX(wname, sb_text_width(r->name));
        wzh = MAX(wzh, sb_text_width(r->name_zh));
        wrole = MAX(wrole, (int)strlen(role_text(r->role, role, sizeof role)));
    }
    fputc('\n', out);
    sb_text_pad(out, "region", wname + 2);
    sb_text_pad(out, "name_zh", wzh + 2);
    sb_text_pad(out, "role", wrole + 2);
    fputs("values  years      groups\n", out);
    for (i = 0; i < n; i++) {
        const sb_region *r = sb_dataset_region_at(ds, (sb_id)i);
        if (!selected(f->regions, (sb_id)i))
            continue;
        sb_text_pad(out, r->name, wname + 2);
        sb_text_pad(out, r->name_zh[0] ? r->name_zh : "-", wzh + 2);
        sb_text_pad(out, role_text(r->role, role, sizeof role), wrole + 2);
        fprintf(out, "%6zu  ", reg_sp[i].values);
        print_years(out, &reg_sp[i], 9);
        fputs("  ", out);
        for (j = 0; j < r->n_groups; j++)
            fprintf(out, "%s%s", j ? ", " : "", r->groups[j]);
        fputs(r->n_groups ? "\n" : "-\n", out);
    }
}

static const char *join_region(const sb_dataset *ds, const sb_join *j)
{
    return sb_dataset_region_at(ds, j->region)->name;
}

/* "file:line" of a join, into buf. */
static const char *join_where(const sb_dataset *ds, const sb_join *j,
                              char *buf, size_t size)
{
    snprintf(buf, size, "%s:%lu", sb_dataset_file(ds, j->file),
             (unsigned long)j->line);
    return buf;
}

/* The names that joined another region through the gazetteer: what was
   met, where, the region it joined, the place both are and how the name
   was matched. Nothing when there are none. */
static void print_joins(FILE *out, const sb_dataset *ds, const input_filter *f)
{
    size_t i, n = sb_dataset_n_joins(ds);
    int wname = 4, wreg = 6, wplace = 5, wwhere = 5;
    char where[600];

    for (i = 0; i < n; i++) {
        const sb_join *j = sb_dataset_join_at(ds, i);
        wname = MAX(wname, sb_text_width(j->name));
        wreg = MAX(wreg, sb_text_width(join_region(ds, j)));
        wplace = MAX(wplace, sb_text_width(j->place));
        wwhere = MAX(wwhere, sb_text_width(join_where(ds, j, where,
                                                      sizeof where)));
    }
    if (n == 0)
        return;
    fprintf(out, "\nnames joined to a region of another file (%zu):\n", n);
    sb_text_pad(out, "name", wname + 2);
    sb_text_pad(out, "region", wreg + 2);
    sb_text_pad(out, "place", wplace + 2);
    sb_text_pad(out, "where", wwhere + 2);
    fputs("how\n", out);
    for (i = 0; i < n; i++) {
        const sb_join *j = sb_dataset_join_at(ds, i);
        if (!selected(f->regions, j->region))
            continue;
        sb_text_pad(out, j->name, wname + 2);
        sb_text_pad(out, join_region(ds, j), wreg + 2);
        sb_text_pad(out, j->place, wplace + 2);
        sb_text_pad(out, join_where(ds, j, where, sizeof where), wwhere + 2);
        fprintf(out, "%s\n", j->how);
    }
}

/* " (N aggregates)" after the count of regions: they are no regions'
   peers (never ranked); nothing when there are none. */
static void print_aggregates(FILE *out, const sb_dataset *ds)
{
    size_t i, n = 0;

    for (i = 0; i < sb_dataset_n_regions(ds); i++)
        n += (sb_dataset_region_at(ds, (sb_id)i)->role & SB_ROLE_AGGREGATE)
                 != 0;
    if (n > 0)
        fprintf(out, " (%zu aggregate%s)", n, n == 1 ? "" : "s");
}

sb_status input_summary_print(FILE *out, const sb_dataset *ds,
                              const input_report *rep, const input_filter *f,
                              size_t n_warnings)
{
    size_t i, n_values = 0, n_flagged = 0;
    span one;
    long missing = 0;
    span *ind_sp = sb_new0(span, sb_dataset_n_indicators(ds) + 1);
    span *reg_sp = ind_sp ? sb_new0(span, sb_dataset_n_regions(ds) + 1) : NULL;
    span all = {0, 0, 0, 0};

    if (reg_sp == NULL) {
        g_free(ind_sp);
        return SB_ENOMEM;
    }
    for (i = 0; i < rep->n_files; i++) {
        print_file(out, ds, &rep->files[i]);
        missing += rep->files[i].missing;
    }
    for (i = 0; i < sb_dataset_n_series(ds); i++) {
        const sb_series *s = sb_dataset_series_at(ds, i);
        if (!selected(f->indicators, s->indicator) ||
            !selected(f->regions, s->region))
            continue;
        one = series_span(ds, s, f, &n_flagged);
        n_values += one.values;
        add_span(&ind_sp[s->indicator], &one);
        add_span(&reg_sp[s->region], &one);
        add_span(&all, &one);
    }
    fprintf(out, "\ndataset: indicators: %zu; regions: %zu",
            sb_dataset_n_indicators(ds), sb_dataset_n_regions(ds));
    print_aggregates(out, ds);
    fputs("; years: ", out);
    print_years(out, &all, 0);
    fprintf(out, "; values: %zu; missing: %ld; flagged: %zu; warnings: %zu\n",
            n_values, missing, n_flagged, n_warnings);
    if (sb_dataset_n_indicators(ds) > 0)
        print_indicators(out, ds, ind_sp, f);
    if (sb_dataset_n_regions(ds) > 0)
        print_regions(out, ds, reg_sp, f);
    print_joins(out, ds, f);
    g_free(ind_sp);
    g_free(reg_sp);
    return SB_OK;
}

void input_dump_print(FILE *out, const sb_dataset *ds, const input_filter *f,
                      int with_flags)
{
    size_t i, j;
    char num[SB_SHORTEST_MAX];

    fputs(with_flags ? "indicator,region,year,value,flags\n"
                     : "indicator,region,year,value\n", out);
    for (i = 0; i < sb_dataset_n_series(ds); i++) {
        const sb_series *s = sb_dataset_series_at(ds, i);
        const char *ind = sb_dataset_indicator_at(ds, s->indicator)->id;
        const char *reg = sb_dataset_region_at(ds, s->region)->name;
        if (!selected(f->indicators, s->indicator) ||
            !selected(f->regions, s->region))
            continue;
        for (j = 0; j < s->n; j++) {
            const sb_obs *o = &s->obs[j];
            if (!obs_shown(f, o))
                continue;
            sb_format_shortest(o->value, num);
            sb_csv_put(out, ind);
            fputc(',', out);
            sb_csv_put(out, reg);
            fprintf(out, ",%d,%s", (int)o->year, num);
            if (with_flags) {
                fputc(',', out);
                sb_csv_put(out,
                              sb_dataset_str(ds, sb_series_flags(s, j)));
            }
            fputc('\n', out);
        }
    }
}
