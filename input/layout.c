/*
 * input/layout.c -- file role and data shape from the header line.
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
};

static const char *const role_names[] = {
    "indicator", "region", "year", "value", "unit", "flags", "note",
    "source", "ignored", "values",
};

const char *input_col_role_name(input_col_role r)
{
    return r <= INPUT_COL_VALUES ? role_names[r] : "";
}

int input_col_role_parse(const char *s, input_col_role *out)
{
    int i;

    for (i = 0; i < INPUT_NKEYS; i++)
        if (strcmp(s, role_names[i]) == 0) {
            *out = (input_col_role)i;
            return 0;
        }
    return -1;
}

const char *input_shape_name(input_shape s)
{
    switch (s) {
    case INPUT_SHAPE_LONG:           return "long";
    case INPUT_SHAPE_WIDE_YEAR:      return "wide-year";
    case INPUT_SHAPE_WIDE_INDICATOR: return "wide-indicator";
    case INPUT_SHAPE_WIDE_REGION:    return "wide-region";
    case INPUT_SHAPE_NONE:           break;
    }
    return "";
}

const char *input_role_name(input_role r)
{
    switch (r) {
    case INPUT_ROLE_INDICATORS: return "indicator metadata";
    case INPUT_ROLE_REGIONS:    return "region metadata";
    case INPUT_ROLE_DATA:       break;
    }
    return "data";
}

int input_shape_parse(const char *s, input_shape *out)
{
    static const input_shape all[] = {
        INPUT_SHAPE_LONG, INPUT_SHAPE_WIDE_YEAR, INPUT_SHAPE_WIDE_INDICATOR,
        INPUT_SHAPE_WIDE_REGION};
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(all); i++)
        if (strcmp(s, input_shape_name(all[i])) == 0) {
            *out = all[i];
            return 0;
        }
    return -1;
}

const char *input_trim(const char *s, size_t len, size_t *out_len)
{
    while (len > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    *out_len = len;
    return s;
}

int input_parse_year(const char *s, size_t len)
{
    size_t i, digits = 0;
    long y = 0;

    s = input_trim(s, len, &len);
    for (i = 0; i < len && g_ascii_isdigit(s[i]); i++) {
        if (++digits > 5)
            return -1;
        y = y * 10 + (s[i] - '0');
    }
    if (digits == 0)
        return -1;
    if (i < len && s[i] == '.') {                 /* "2017.0" */
        if (++i == len)
            return -1;
        for (; i < len && s[i] == '0'; i++)
            ;
    }
    return i == len && y > 0 ? (int)y : -1;
}

void input_layout_clear(input_layout *l)
{
    size_t i;

    for (i = 0; i < l->n; i++)
        g_free(l->cols[i].name);
    g_free(l->cols);
    g_free(l->stem);
    input_export_keys_free(l->ex);
    memset(l, 0, sizeof *l);
}

static int find_name(const input_layout *l, const char *name)
{
    size_t i;

    for (i = 0; i < l->n; i++)
        if (g_ascii_strcasecmp(l->cols[i].name, name) == 0)
            return (int)i;
    return -1;
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
            c = find_name(l, o->columns[r]);
            if (c < 0)
                return sb_error_set(err, SB_EUSAGE, path, 1, 0,
                                    "--columns %s=%s: no such column",
                                    role_names[r], o->columns[r]);
            l->key[r] = c;
            l->cols[c].role = (input_col_role)r;
            continue;
        }
        for (k = 0; synonyms[r][k] != NULL && l->key[r] < 0; k++) {
            c = find_name(l, synonyms[r][k]);
            if (c >= 0 && l->cols[c].role == INPUT_COL_IGNORED) {
                l->key[r] = c;
                l->cols[c].role = (input_col_role)r;
            }
        }
    }
    return SB_OK;
}

char *input_file_stem(const char *path)
{
    const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');

    /* a file's path never ends in '/': its base name follows the last */
    return sb_strndup(base, dot != NULL && dot != base ? (size_t)(dot - base)
                                                       : strlen(base));
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

sb_status input_layout_detect(const char *path, const input_row *header,
                              const input_layout_opts *o, input_layout *out,
                              sb_error *err)
{
    size_t i, len;
    const char *s;
    int has_year = 0;

    memset(out, 0, sizeof *out);
    if ((out->cols = sb_new0(input_column, header->n)) == NULL)
        return sb_error_set(err, SB_ENOMEM, path, header->line, 0,
                            "out of memory");
    for (i = 0; i < header->n; i++) {
        s = input_trim(header->field[i], header->len[i], &len);
        if ((out->cols[i].name = sb_strndup(s, len)) == NULL)
            return sb_error_set(err, SB_ENOMEM, path, header->line,
                                (long)i + 1, "out of memory");
        out->n = i + 1;
        out->cols[i].role = INPUT_COL_IGNORED;
        if (header_year(out->cols[i].name) > 0)
            has_year = 1;
    }
    if (find_name(out, "id") >= 0 && find_name(out, "kind") >= 0) {
        out->role = INPUT_ROLE_INDICATORS;
        return SB_OK;
    }
    /* the metadata files of a World Bank WDI download */
    if (find_name(out, "INDICATOR_CODE") >= 0 &&
        find_name(out, "INDICATOR_NAME") >= 0) {
        out->role = INPUT_ROLE_INDICATORS;
        out->export = INPUT_EXPORT_WDI;
        return SB_OK;
    }
    if (find_name(out, "Country Code") >= 0 &&
        find_name(out, "TableName") >= 0 && !has_year) {
        out->role = INPUT_ROLE_REGIONS;
        out->export = INPUT_EXPORT_WDI;
        return SB_OK;
    }
    if (find_name(out, "region") >= 0 && !has_year &&
        (find_name(out, "groups") >= 0 || find_name(out, "role") >= 0 ||
         find_name(out, "aliases") >= 0)) {
        out->role = INPUT_ROLE_REGIONS;
        return SB_OK;
    }
    out->role = INPUT_ROLE_DATA;
    return detect_data(path, o, out, err);
}
