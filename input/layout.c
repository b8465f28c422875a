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

static input_shape guess_shape(const input_layout *l, int n_years)
{
    if (n_years > 0 && l->key[INPUT_COL_REGION] >= 0)
        return INPUT_SHAPE_WIDE_YEAR;
    if (l->key[INPUT_COL_INDICATOR] >= 0 || l->key[INPUT_COL_VALUE] >= 0)
        return INPUT_SHAPE_LONG;
    if (l->key[INPUT_COL_REGION] >= 0 && l->key[INPUT_COL_YEAR] >= 0)
        return INPUT_SHAPE_WIDE_INDICATOR;
    if (l->key[INPUT_COL_YEAR] >= 0)
        return INPUT_SHAPE_WIDE_REGION;
    return INPUT_SHAPE_NONE;
}

/* The columns each shape needs, as a message if one is missing. */
static const char *missing_for(const input_layout *l, input_shape s,
                               int n_years)
{
    const int *k = l->key;

    switch (s) {
    case INPUT_SHAPE_LONG:
        if (k[INPUT_COL_INDICATOR] < 0) return "no indicator column";
        if (k[INPUT_COL_REGION] < 0) return "no region column";
        if (k[INPUT_COL_YEAR] < 0) return "no year column";
        if (k[INPUT_COL_VALUE] < 0) return "no value column";
        return NULL;
    case INPUT_SHAPE_WIDE_YEAR:
        if (k[INPUT_COL_REGION] < 0) return "no region column";
        return n_years > 0 ? NULL : "no year columns (like 2017)";
    case INPUT_SHAPE_WIDE_INDICATOR:
        if (k[INPUT_COL_REGION] < 0) return "no region column";
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
    l->shape = o != NULL && o->shape != INPUT_SHAPE_NONE
                   ? o->shape : guess_shape(l, n_years);
    why = missing_for(l, l->shape, n_years);
    if (why != NULL) {
        char msg[120];
        if (l->shape == INPUT_SHAPE_NONE)
            return shape_error(path, l, "not a table statbrief knows", err);
        snprintf(msg, sizeof msg, "%s table with %s",
                 input_shape_name(l->shape), why);
        return shape_error(path, l, msg, err);
    }
    mark_values(l, l->shape);
    if ((l->shape == INPUT_SHAPE_WIDE_REGION ||
         (l->shape == INPUT_SHAPE_WIDE_YEAR &&
          l->key[INPUT_COL_INDICATOR] < 0)) &&
        (l->stem = input_file_stem(path)) == NULL)
        return sb_error_set(err, SB_ENOMEM, path, 0, 0, "out of memory");
    return SB_OK;
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

static const struct {
    const char *what;
    const char *const *columns;
} own_outputs[] = {
    {"statbrief's own figures CSV (written by report --metrics-csv or "
     "metrics --format csv)", figures_columns},
    /* revisions-<year>.csv, when a command writes it: a row here with
       the first columns of the header docs/input-formats.md documents
       for it ("Files statbrief skips") */
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

sb_status input_layout_detect(const char *path, const input_row *const *rows,
                              size_t n, const input_layout_opts *o,
                              input_layout *out, sb_error *err)
{
    int r;

    memset(out, 0, sizeof *out);
    if (!forced(o)) {
        r = input_export_detect(path, rows, n, out, err);
        if (r > 0)
            return SB_OK;
        if (r < 0) {
            input_layout_clear(out);
            return err->code != SB_OK ? err->code : SB_EDATA;
        }
    }
    return detect_header(path, rows[0], o, out, err);
}
