/*
 * input/table.c -- the names of roles and shapes, and the text rules of
 * headers: trimming, years, file stems, a column by its name.
 *
 * Pure functions over strings and a filled layout; no detection (that is
 * input/layout.c and the formats of input/export.c) and no I/O.
 */
#include "table.h"

#include "core/alloc.h"

#include <glib.h>
#include <string.h>

static const char *const role_names[] = {
    "indicator", "region", "year", "value", "unit", "flags", "note",
    "source", "note_zh", "source_zh", "ignored", "values",
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

int input_layout_columns(input_layout *l, const input_row *h)
{
    size_t i, len;
    const char *s;

    if ((l->cols = sb_new0(input_column, h->n)) == NULL)
        return -1;
    for (i = 0; i < h->n; i++) {
        s = input_trim(h->field[i], h->len[i], &len);
        if ((l->cols[i].name = sb_strndup(s, len)) == NULL)
            return -1;
        l->n = i + 1;
        l->cols[i].role = INPUT_COL_IGNORED;
    }
    return 0;
}

int input_layout_find(const input_layout *l, const char *name)
{
    size_t i;

    for (i = 0; i < l->n; i++)
        if (g_ascii_strcasecmp(l->cols[i].name, name) == 0)
            return (int)i;
    return -1;
}

int input_row_width_error(sb_error *err, const char *path,
                          const input_row *row, size_t n_header,
                          const char *header)
{
    size_t n = row->n, len;
    const char *s;

    if (n < n_header) {
        if (header != NULL && *header != '\0')
            sb_error_set(err, SB_EDATA, path, row->line, (long)n + 1,
                         "record has %zu fields but the header has %zu: "
                         "field %zu (\"%.40s\") is missing", n, n_header,
                         n + 1, header);
        else
            sb_error_set(err, SB_EDATA, path, row->line, (long)n + 1,
                         "record has %zu fields but the header has %zu: "
                         "field %zu is missing", n, n_header, n + 1);
        return -1;
    }
    s = input_trim(row->field[n_header], row->len[n_header], &len);
    if (len == 0)
        sb_error_set(err, SB_EDATA, path, row->line, (long)n_header + 1,
                     "record has %zu fields but the header has %zu: field "
                     "%zu is empty, and no column is named for it (a "
                     "delimiter at the end of the line that the header "
                     "does not have?)", n, n_header, n_header + 1);
    else
        sb_error_set(err, SB_EDATA, path, row->line, (long)n_header + 1,
                     "record has %zu fields but the header has %zu: field "
                     "%zu (\"%.*s\") has no column", n, n_header,
                     n_header + 1, (int)(len < 40 ? len : 40), s);
    return -1;
}

int input_parse_year(const char *s, size_t len)
{
    size_t i, digits = 0;
    long y = 0;

    /* most year cells: four digits, untrimmed */
    if (len == 4 && (unsigned)(s[0] - '1') < 9 && (unsigned)(s[1] - '0') < 10
        && (unsigned)(s[2] - '0') < 10 && (unsigned)(s[3] - '0') < 10)
        return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
               (s[3] - '0');
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

char *input_file_stem(const char *path)
{
    const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');

    /* a file's path never ends in '/': its base name follows the last */
    return sb_strndup(base, dot != NULL && dot != base ? (size_t)(dot - base)
                                                       : strlen(base));
}
