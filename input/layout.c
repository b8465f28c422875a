/*
 * input/layout.c -- file role and data shape from the first records.
 *
 * In this order: a portal download (input/export.h, unless --shape or
 * --columns say how to read the file), indicator metadata, a portal's
 * own metadata file, region metadata, then a data table by the synonyms
 * of its header. The formats know nothing of this file: it asks them,
 * they fill the layout record of input/table.h.
 */
#include "layout.h"

#include "core/alloc.h"
#include "export.h"
#include "gazetteer.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

/* Synonyms per role, in order of preference (codes before names: an id
   should be a code). */
static const char *const synonyms[INPUT_NKEYS][10] = {
    [INPUT_COL_INDICATOR] = {"indicator", "indicator code", "indicator_code",
                             "series", "variable", "indicator name",
                             "\xe6\x8c\x87\xe6\xa0\x87" /* 指标 */, NULL},
    [INPUT_COL_REGION] = {"region", "country", "country name", "entity",
                          "area", "province", "city", "geo",
                          "\xe5\x9c\xb0\xe5\x8c\xba" /* 地区 */, NULL},
    [INPUT_COL_YEAR] = {"year", "time", "period",
                        "\xe5\xb9\xb4\xe4\xbb\xbd" /* 年份 */, NULL},
    [INPUT_COL_VALUE] = {"value", "obs_value", NULL},
    [INPUT_COL_UNIT] = {"unit", "units", NULL},
    [INPUT_COL_FLAGS] = {"flags", "flag", NULL},
    [INPUT_COL_NOTE] = {"note", "notes", NULL},
    [INPUT_COL_SOURCE] = {"source", NULL},
    [INPUT_COL_NOTE_ZH] = {"note_zh", NULL},
    [INPUT_COL_SOURCE_ZH] = {"source_zh", NULL},
};

void input_layout_clear(input_layout *l)
{
    size_t i;

    for (i = 0; i < l->n; i++)
        g_free(l->cols[i].name);
    g_free(l->cols);
    g_free(l->stem);
    g_free(l->one_region);
    input_export_clear(l);
    memset(l, 0, sizeof *l);
}

/* A header that is a year (4 digits) makes a wide-by-year column. */
static int header_year(const char *name)
{
    return strlen(name) == 4 ? input_parse_year(name, 4) : -1;
}

static sb_status assign_keys(const char *path, const input_layout_opts *o,
                             input_layout *l, sb_error *err)
{
    int r, k, c;

    for (r = 0; r < INPUT_NKEYS; r++) {
        l->key[r] = -1;
        if (o != NULL && o->columns[r] != NULL) {
            c = input_layout_find(l, o->columns[r]);
            if (c < 0)
                return sb_error_set(err, SB_EUSAGE, path, 1, 0,
                                    "--columns %s=%s: no such column",
                                    input_col_role_name((input_col_role)r),
                                    o->columns[r]);
            l->key[r] = c;
            l->cols[c].role = (input_col_role)r;
            continue;
        }
        for (k = 0; synonyms[r][k] != NULL && l->key[r] < 0; k++) {
            c = input_layout_find(l, synonyms[r][k]);
            if (c >= 0 && l->cols[c].role == INPUT_COL_IGNORED) {
                l->key[r] = c;
                l->cols[c].role = (input_col_role)r;
            }
        }
    }
    return SB_OK;
}

static sb_status shape_error(const char *path, const input_layout *l,
                             const char *why, sb_error *err)
{
    /* more than the message can show: it holds 512 bytes */
    char found[sizeof err->msg] = "";
    size_t i;

    for (i = 0; i < l->n && strlen(found) < 200; i++) {
        if (i > 0)
            g_strlcat(found, ",", sizeof found);
        g_strlcat(found, l->cols[i].name, sizeof found);
    }
    sb_error_set(err, SB_EDATA, path, 1, 0,
                 "%s; expected indicator metadata (id,name,unit,kind), "
                 "region metadata (region,aliases|groups|role) or data: "
                 "indicator,region,year,value (long), "
                 "indicator,region,2017,... (wide by year), "
                 "region,year,<indicator>,... or year,<region>,...; "
                 "found: %s", why, found);
    return SB_EDATA;
}

/* year,<name>,...: how many of the value columns' headers name a
   region the gazetteer knows (or an aggregate), into l. A file of
   regions names some (Chongqing, China, World); a file of one region's
   indicators (Total, Gas Fuel, Per Capita) names none. */
static sb_status count_known(const char *path, input_layout *l,
                             sb_error *err)
{
    const input_gazetteer *g;
    input_gaz_match m;
    size_t i;

    if (input_gazetteer_get(&g, NULL, err) != SB_OK)
        return sb_error_set(err, SB_ENOMEM, path, 1, 0, "out of memory");
    l->known_cols = l->value_cols = 0;
    for (i = 0; i < l->n; i++) {
        const input_column *c = &l->cols[i];
        if (c->role != INPUT_COL_IGNORED || c->name[0] == '\0')
            continue;
        l->value_cols++;
        if (input_gazetteer_is_aggregate(c->name) ||
            input_gazetteer_find(g, c->name, 0, &m))
            l->known_cols++;
    }
    return SB_OK;
}

/* The shape by the key columns found; years as headers make a table
   wide by year, with or without a region column (then of one region).
   year,<name>,... is by region when count_known found a region. */
static input_shape guess_shape(const input_layout *l, int n_years)
{
    const int *k = l->key;

    if (n_years > 0 && (k[INPUT_COL_REGION] >= 0 ||
                        (k[INPUT_COL_YEAR] < 0 && k[INPUT_COL_VALUE] < 0)))
        return INPUT_SHAPE_WIDE_YEAR;
    if (k[INPUT_COL_INDICATOR] >= 0 || k[INPUT_COL_VALUE] >= 0)
        return INPUT_SHAPE_LONG;
    if (k[INPUT_COL_YEAR] >= 0 &&
        (k[INPUT_COL_REGION] >= 0 || l->known_cols == 0))
        return INPUT_SHAPE_WIDE_INDICATOR;
    if (k[INPUT_COL_YEAR] >= 0)
        return INPUT_SHAPE_WIDE_REGION;
    return INPUT_SHAPE_NONE;
}

/* Neither an indicator nor a region column: the file's name can name
   only one of them. */
#define NO_DIMENSIONS "no indicator or region column (--region-name NAME " \
    "names the region of its rows, the file's name their indicator)"

/* The columns each shape needs, as a message if one is missing. */
static const char *missing_for(const input_layout *l, input_shape s,
                               int n_years, const input_layout_opts *o)
{
    const int *k = l->key;
    int none = k[INPUT_COL_INDICATOR] < 0 && k[INPUT_COL_REGION] < 0 &&
               (o == NULL || o->region == NULL);

    switch (s) {
    case INPUT_SHAPE_LONG:
        if (k[INPUT_COL_YEAR] < 0) return "no year column";
        if (k[INPUT_COL_VALUE] < 0) return "no value column";
        return none ? NO_DIMENSIONS : NULL;
    case INPUT_SHAPE_WIDE_YEAR:
        if (n_years == 0) return "no year columns (like 2017)";
        return none ? NO_DIMENSIONS : NULL;
    case INPUT_SHAPE_WIDE_INDICATOR:
        return k[INPUT_COL_YEAR] < 0 ? "no year column" : NULL;
    case INPUT_SHAPE_WIDE_REGION:
        return k[INPUT_COL_YEAR] < 0 ? "no year column" : NULL;
    case INPUT_SHAPE_NONE:
        break;
    }
    return "cannot tell the shape";
}

/* Marks the value columns of a wide shape. */
static void mark_values(input_layout *l, input_shape s)
{
    size_t i;

    for (i = 0; i < l->n; i++) {
        input_column *c = &l->cols[i];
        if (c->role != INPUT_COL_IGNORED || c->name[0] == '\0')
            continue;
        if (s == INPUT_SHAPE_WIDE_YEAR ? c->year > 0
                                       : s != INPUT_SHAPE_LONG)
            c->role = INPUT_COL_VALUES;
    }
}

/* The dimension no column gives takes the file's name: the indicator,
   else the region (with neither, the region is --region-name's, which
   supply puts in its place). */
static sb_status file_names(const char *path, input_layout *l,
                            sb_error *err)
{
    int no_ind = l->key[INPUT_COL_INDICATOR] < 0 &&
                 l->shape != INPUT_SHAPE_WIDE_INDICATOR;
    int no_reg = l->key[INPUT_COL_REGION] < 0 &&
                 l->shape != INPUT_SHAPE_WIDE_REGION;

    if (no_ind && (l->stem = input_file_stem(path)) == NULL)
        return sb_error_set(err, SB_ENOMEM, path, 0, 0, "out of memory");
    if (no_reg && (l->one_region = input_file_stem(path)) == NULL)
        return sb_error_set(err, SB_ENOMEM, path, 0, 0, "out of memory");
    l->from |= (no_ind ? INPUT_FROM_STEM_FILE : 0) |
               (no_reg && !no_ind ? INPUT_FROM_REGION_FILE : 0);
    return SB_OK;
}

static sb_status detect_data(const char *path, const input_layout_opts *o,
                             input_layout *l, sb_error *err)
{
    size_t i;
    int n_years = 0;
    const char *why;
    sb_status rc = assign_keys(path, o, l, err);

    if (rc != SB_OK)
        return rc;
    for (i = 0; i < l->n; i++)
        if (l->cols[i].role == INPUT_COL_IGNORED &&
            (l->cols[i].year = header_year(l->cols[i].name)) > 0)
            n_years++;
    l->known_cols = l->value_cols = -1;
    if (o != NULL && o->shape != INPUT_SHAPE_NONE)
        l->shape = o->shape;
    else {
        if (n_years == 0 && l->key[INPUT_COL_YEAR] >= 0 &&
            l->key[INPUT_COL_REGION] < 0 &&
            l->key[INPUT_COL_INDICATOR] < 0 &&
            l->key[INPUT_COL_VALUE] < 0 &&
            (rc = count_known(path, l, err)) != SB_OK)
            return rc;
        l->shape = guess_shape(l, n_years);
    }
    why = missing_for(l, l->shape, n_years, o);
    if (why != NULL) {
        char msg[200];
        if (l->shape == INPUT_SHAPE_NONE)
            return shape_error(path, l, "not a table statbrief knows", err);
        snprintf(msg, sizeof msg, "%s table with %s",
                 input_shape_name(l->shape), why);
        return shape_error(path, l, msg, err);
    }
    mark_values(l, l->shape);
    return file_names(path, l, err);
}

/* The header's columns, all ignored for now; *has_year when one is
   named as a year. */
static sb_status take_header(const char *path, const input_row *header,
                             input_layout *out, int *has_year,
                             sb_error *err)
{
    size_t i;

    if (input_layout_columns(out, header) != 0)
        return sb_error_set(err, SB_ENOMEM, path, header->line,
                            out->cols != NULL ? (long)out->n + 1 : 0,
                            "out of memory");
    for (i = 0; i < out->n; i++)
        if (header_year(out->cols[i].name) > 0)
            *has_year = 1;
    return SB_OK;
}

static int has(const input_layout *l, const char *name)
{
    return input_layout_find(l, name) >= 0;
}

/* statbrief's own outputs that can land in an input folder, by the
   first columns of their header, in order (DESIGN.md: a file is what its
   header says, never its name alone). The figures CSV's columns are
   metrics/fields.c's table; its first six are fixed by DESIGN.md. */
static const char *const figures_columns[] = {
    "indicator", "region", "unit", "kind", "first_year", "last_year", NULL};
/* the csv of statbrief diff and report's revisions-<year>.csv
   (metrics/revisions_out.c) */
static const char *const revisions_columns[] = {
    "indicator", "region", "year", "change", "old", "new", "diff",
    "diff_pct", NULL};

static const struct {
    const char *what;
    const char *const *columns;
} own_outputs[] = {
    {"statbrief's own figures CSV (written by report --metrics-csv or "
     "metrics --format csv)", figures_columns},
    {"statbrief's own revisions CSV (written by report beside a brief, "
     "or diff --format csv)", revisions_columns},
};

const char *input_layout_own_output(const input_row *header)
{
    size_t i, k, len;

    for (i = 0; i < G_N_ELEMENTS(own_outputs); i++) {
        const char *const *want = own_outputs[i].columns;
        for (k = 0; want[k] != NULL && k < header->n; k++) {
            const char *f = input_trim(header->field[k], header->len[k],
                                       &len);
            if (len != strlen(want[k]) || memcmp(f, want[k], len) != 0)
                break;
        }
        if (want[k] == NULL)
            return own_outputs[i].what;
    }
    return NULL;
}

/* A table by its header: metadata of ours or of a portal, else data
   (statbrief's own outputs are none of them). */
static sb_status detect_header(const char *path, const input_row *header,
                               const input_layout_opts *o, input_layout *out,
                               sb_error *err)
{
    int has_year = 0;
    const char *own = input_layout_own_output(header);
    sb_status rc;

    if (own != NULL)
        return sb_error_set(err, SB_EDATA, path, header->line, 0, "%s, "
                            "not input data: give the files it was "
                            "computed from", own);
    rc = take_header(path, header, out, &has_year, err);
    if (rc != SB_OK)
        return rc;
    if (has(out, "id") && has(out, "kind")) {
        out->role = INPUT_ROLE_INDICATORS;
        return SB_OK;
    }
    if (input_export_meta(out, has_year))
        return SB_OK;
    if (has(out, "region") && !has_year &&
        (has(out, "groups") || has(out, "role") || has(out, "aliases"))) {
        out->role = INPUT_ROLE_REGIONS;
        return SB_OK;
    }
    out->role = INPUT_ROLE_DATA;
    return detect_data(path, o, out, err);
}

/* ---- the year columns of a wide table ----------------------------------
   A header cell that was meant as a year and is not one ("20x1") would
   drop its column of values without a word, and a year named twice
   would give one year two values: both are errors at the header's line
   (docs/input-formats.md, "What is an error"). */

/* Column c of a wide-by-year table is not a year but stands among the
   years (before the last one), or starts with a digit. */
static int stray_in_years(const input_layout *l, size_t c, size_t last)
{
    const input_column *col = &l->cols[c];

    if (col->role != INPUT_COL_IGNORED || col->extra)
        return 0;                       /* a year, a key, an export's own */
    return c < last || g_ascii_isdigit(col->name[0]);
}

static sb_status check_years(const char *path, long line,
                             const input_layout *l, sb_error *err)
{
    /* years are at most 5 digits (input_parse_year) */
    unsigned char seen[100000 / 8] = {0};
    size_t c, k, first = l->n, last = 0;
    int y;

    for (c = 0; c < l->n; c++)
        if (l->cols[c].role == INPUT_COL_VALUES && l->cols[c].year > 0) {
            first = first < c ? first : c;
            last = c;
        }
    for (c = 0; c < l->n; c++) {
        if (c > first && stray_in_years(l, c, last))
            return sb_error_set(err, SB_EDATA, path, line, (long)c + 1,
                                "column %zu \"%.40s\" is not a year, among "
                                "the year columns (a year is written like "
                                "2017)", c + 1, l->cols[c].name);
        if (l->cols[c].role != INPUT_COL_VALUES ||
            (y = l->cols[c].year) <= 0 || y >= 100000)
            continue;
        if (!(seen[y / 8] & (1u << (y % 8)))) {
            seen[y / 8] |= (unsigned char)(1u << (y % 8));
            continue;
        }
        for (k = 0; l->cols[k].role != INPUT_COL_VALUES ||
                    l->cols[k].year != y; k++)
            ;
        return sb_error_set(err, SB_EDATA, path, line, (long)c + 1,
                            "year %d is named twice in the header: column "
                            "%zu \"%.40s\" and column %zu \"%.40s\"", y,
                            k + 1, l->cols[k].name, c + 1, l->cols[c].name);
    }
    return SB_OK;
}

/* --shape or --columns say how to read the file: no export then. */
static int forced(const input_layout_opts *o)
{
    int k;

    if (o == NULL)
        return 0;
    for (k = 0; k < INPUT_NKEYS; k++)
        if (o->columns[k] != NULL)
            return 1;
    return o->shape != INPUT_SHAPE_NONE;
}

/* Why a file has its own indicators or regions, for the error of an
   option that would name them. Into buf. */
static const char *own_dimension(const input_layout *l, input_col_role r,
                                 char *buf, size_t size)
{
    int k = l->key[r];

    if (k >= 0)
        snprintf(buf, size, "the file has a%s column (\"%s\")",
                 r == INPUT_COL_REGION ? " region" : "n indicator",
                 l->cols[k].name);
    else if (l->export != INPUT_EXPORT_NONE)
        snprintf(buf, size, "the file is a%s %s, which names its %ss",
                 strchr("AEIOU", input_export_name(l->export)[0]) ? "n" : "",
                 input_export_name(l->export),
                 r == INPUT_COL_REGION ? "region" : "indicator");
    else if (r == INPUT_COL_REGION)
        snprintf(buf, size, "the file's value columns are its regions "
                 "(--shape wide-indicator reads them as indicators of one "
                 "region)");
    else
        snprintf(buf, size, "the file's value columns are its indicators");
    return buf;
}

/* Replaces *name by the option's value. */
static sb_status give_name(const char *path, char **name, const char *value,
                           sb_error *err)
{
    char *copy = sb_strdup(value);

    if (copy == NULL)
        return sb_error_set(err, SB_ENOMEM, path, 0, 0, "out of memory");
    g_free(*name);
    *name = copy;
    return SB_OK;
}

/* --indicator-id and --region-name: the dimension a data file lacks;
   naming one it has is a usage error (its rows would all be merged into
   one indicator or region, or the option silently ignored). */
static sb_status supply(const char *path, const input_layout_opts *o,
                        input_layout *l, sb_error *err)
{
    char why[sizeof err->msg / 2];

    if (o == NULL || l->role != INPUT_ROLE_DATA)
        return SB_OK;
    if (o->indicator != NULL) {
        if (l->stem == NULL)
            return sb_error_set(err, SB_EUSAGE, path, 0, 0, "%s %s: %s; it "
                                "names the indicator of a file without one",
                                o->indicator_opt != NULL ? o->indicator_opt
                                                         : "--indicator-id",
                                o->indicator, own_dimension(l,
                                INPUT_COL_INDICATOR, why, sizeof why));
        if (give_name(path, &l->stem, o->indicator, err) != SB_OK)
            return SB_ENOMEM;
        l->from = (l->from & ~INPUT_FROM_STEM_FILE) | INPUT_FROM_STEM_OPT;
        l->stem_by = o->indicator_opt != NULL ? o->indicator_opt
                                              : "--indicator-id";
    }
    if (o->region != NULL) {
        if (l->one_region == NULL)
            return sb_error_set(err, SB_EUSAGE, path, 0, 0, "--region-name "
                                "%s: %s; it names the region of a file "
                                "without one", o->region, own_dimension(l,
                                INPUT_COL_REGION, why, sizeof why));
        if (give_name(path, &l->one_region, o->region, err) != SB_OK)
            return SB_ENOMEM;
        l->from = (l->from & ~INPUT_FROM_REGION_FILE) | INPUT_FROM_REGION_OPT;
    }
    return SB_OK;
}

sb_status input_layout_detect(const char *path, const input_row *const *rows,
                              size_t n, const input_layout_opts *o,
                              input_layout *out, sb_error *err)
{
    sb_status rc = SB_OK;
    int r = 0;

    memset(out, 0, sizeof *out);
    if (!forced(o)) {
        r = input_export_detect(path, rows, n, out, err);
        if (r < 0) {
            input_layout_clear(out);
            return err->code != SB_OK ? err->code : SB_EDATA;
        }
    }
    if (r == 0)
        rc = detect_header(path, rows[0], o, out, err);
    /* the year headers of every wide-by-year table, exports' too */
    if (rc == SB_OK && out->role == INPUT_ROLE_DATA &&
        out->shape == INPUT_SHAPE_WIDE_YEAR)
        rc = check_years(path, rows[out->header_at]->line, out, err);
    return rc == SB_OK ? supply(path, o, out, err) : rc;
}
