/*
 * input/export.c -- recognize a portal download and read its keys.
 *
 * Detection looks only at the first INPUT_EXPORT_PEEK records, in the
 * order Eurostat (its first cell), WDI (its header, maybe after a
 * preamble), NBS (its preamble or its 年 header), OECD (its header).
 * The result is an ordinary layout, so values, flags and missing
 * markers go through the same cell grammar as every other table.
 */
#include "export.h"

#include "core/alloc.h"

#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* UTF-8 spellings of the NBS words (the source stays ASCII). */
#define ZH_REGION "\xe5\x9c\xb0\xe5\x8c\xba"            /* 地区 */
#define ZH_INDICATOR "\xe6\x8c\x87\xe6\xa0\x87"         /* 指标 */
#define ZH_DATABASE "\xe6\x95\xb0\xe6\x8d\xae\xe5\xba\x93" /* 数据库 */
#define ZH_TIME "\xe6\x97\xb6\xe9\x97\xb4"              /* 时间 */
#define ZH_YEAR "\xe5\xb9\xb4"                          /* 年 */
#define ZH_NOTE "\xe6\xb3\xa8"                          /* 注 */
#define ZH_SOURCE "\xe6\x95\xb0\xe6\x8d\xae\xe6\x9d\xa5\xe6\xba\x90" /* 数据来源 */
#define ZH_NATION "\xe5\x85\xa8\xe5\x9b\xbd"            /* 全国 */
#define ZH_COLON "\xef\xbc\x9a"                         /* ： */

const char *input_export_name(input_export e)
{
    switch (e) {
    case INPUT_EXPORT_WDI:      return "World Bank WDI export";
    case INPUT_EXPORT_OECD:     return "OECD export";
    case INPUT_EXPORT_EUROSTAT: return "Eurostat TSV";
    case INPUT_EXPORT_NBS:      return "China NBS export";
    case INPUT_EXPORT_NONE:     break;
    }
    return "";
}

void input_export_keys_free(input_export_keys *ex)
{
    if (ex == NULL)
        return;
    g_free(ex->dims);
    g_free(ex->indicator);
    g_free(ex->unit);
    g_free(ex->region);
    g_free(ex->database);
    g_free(ex);
}

/* ---- small helpers -------------------------------------------------------- */

/* Field i trimmed, in place (NUL not written): "" past the end. */
static const char *trimmed(const input_row *r, size_t i, size_t *len)
{
    if (i >= r->n) {
        *len = 0;
        return "";
    }
    return input_trim(r->field[i], r->len[i], len);
}

/* Field i trimmed, as a new string; NULL when out of memory. */
static char *text_of(const input_row *r, size_t i)
{
    size_t len;
    const char *s = trimmed(r, i, &len);

    return sb_strndup(s, len);
}

static int eq(const input_row *r, size_t i, const char *lit)
{
    size_t len;
    const char *s = trimmed(r, i, &len);

    return len == strlen(lit) && g_ascii_strncasecmp(s, lit, len) == 0;
}

/* Out of memory reading the header at line; -1. */
static int oom(sb_error *err, const char *path, long line)
{
    sb_error_set(err, SB_ENOMEM, path, line, 0, "out of memory");
    return -1;
}

static int find(const input_row *r, const char *const *names)
{
    size_t i, k;

    for (k = 0; names[k] != NULL; k++)
        for (i = 0; i < r->n; i++)
            if (eq(r, i, names[k]))
                return (int)i;
    return -1;
}

/* Copies the trimmed field i into buf; returns buf. */
static const char *copy_field(const input_row *r, int i, char *buf)
{
    size_t len = 0;
    const char *s = "";

    if (i >= 0 && (size_t)i < r->n)
        s = input_trim(r->field[i], r->len[i], &len);
    if (len >= INPUT_EXPORT_NAME_MAX)
        len = INPUT_EXPORT_NAME_MAX - 1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    return buf;
}

static int rule(sb_error *err, const char *path, long line, long col,
                const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* An export's rule broken: SB_EDATA at line:col; returns -1. */
static int rule(sb_error *err, const char *path, long line, long col,
                const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    sb_error_setv(err, SB_EDATA, path, line, col, fmt, ap);
    va_end(ap);
    return -1;
}

/* The layout's columns from the header record, all ignored for now;
   -1 when out of memory. */
static int take_header(input_layout *out, const input_row *h)
{
    size_t i;
    int k;

    for (k = 0; k < INPUT_NKEYS; k++)
        out->key[k] = -1;
    out->role = INPUT_ROLE_DATA;
    if ((out->cols = sb_new0(input_column, h->n)) == NULL)
        return -1;
    for (i = 0; i < h->n; i++) {
        if ((out->cols[i].name = text_of(h, i)) == NULL)
            return -1;
        out->n = i + 1;
        out->cols[i].role = INPUT_COL_IGNORED;
    }
    return 0;
}

static void set_key(input_layout *l, input_col_role role, int col)
{
    l->key[role] = col;
    if (col >= 0)
        l->cols[col].role = role;
}

/* NULL when out of memory. */
static input_export_keys *new_keys(void)
{
    input_export_keys *ex = sb_new0(input_export_keys, 1);

    if (ex == NULL)
        return NULL;
    ex->alias_col = ex->unit_col = ex->unit_code_col = -1;
    ex->power_col = ex->power_code_col = ex->key_col = -1;
    ex->geo_part = ex->unit_part = -1;
    return ex;
}

/* ---- World Bank WDI -------------------------------------------------------- */

static int wdi_header(const input_row *r)
{
    return r->n >= 4 && eq(r, 0, "Country Name") && eq(r, 1, "Country Code") &&
           (eq(r, 2, "Indicator Name") || eq(r, 2, "Series Name")) &&
           (eq(r, 3, "Indicator Code") || eq(r, 3, "Series Code"));
}

/* "1960" (download) or "2000 [YR2000]" (DataBank). */
static int wdi_year(const char *s)
{
    size_t n = strlen(s);
    int y;

    if (n == 4)
        return input_parse_year(s, 4);
    if (n == 13 && s[4] == ' ' && strncmp(s + 5, "[YR", 3) == 0 &&
        s[12] == ']' && strncmp(s, s + 8, 4) == 0 &&
        (y = input_parse_year(s, 4)) > 0)
        return y;
    return -1;
}

static int detect_wdi(const char *path, const input_row *const *rows,
                      size_t n, input_layout *out, sb_error *err)
{
    size_t h, i;
    int years = 0;

    for (h = 0; h < n && !wdi_header(rows[h]); h++)
        ;
    if (h == n)
        return eq(rows[0], 0, "Data Source")
                   ? rule(err, path, rows[0]->line, 1, "World Bank WDI "
                          "export: no header \"Country Name\",\"Country "
                          "Code\",\"Indicator Name\",\"Indicator Code\","
                          "\"1960\",... after the preamble")
                   : 0;
    if (take_header(out, rows[h]) != 0)
        return oom(err, path, rows[h]->line);
    for (i = 4; i < out->n; i++) {
        const char *name = out->cols[i].name;
        if (name[0] == '\0')
            continue;                   /* the trailing empty column */
        if ((out->cols[i].year = wdi_year(name)) <= 0)
            return rule(err, path, rows[h]->line, (long)i + 1,
                        "World Bank WDI export: column %zu \"%.40s\" is "
                        "not a year (after Indicator Code every column is "
                        "a year, like \"1960\" or \"2000 [YR2000]\")",
                        i + 1, name);
        out->cols[i].role = INPUT_COL_VALUES;
        years++;
    }
    if (years == 0)
        return rule(err, path, rows[h]->line, 0, "World Bank WDI export: "
                    "no year columns after Indicator Code");
    out->export = INPUT_EXPORT_WDI;
    out->shape = INPUT_SHAPE_WIDE_YEAR;
    out->header_at = (long)h;
    if ((out->ex = new_keys()) == NULL)
        return oom(err, path, rows[h]->line);
    set_key(out, INPUT_COL_REGION, 0);
    set_key(out, INPUT_COL_INDICATOR, 3);
    out->ex->alias_col = 1;
    out->ex->name_cols[out->ex->n_name++] = 2;
    return 1;
}

/* ---- OECD ------------------------------------------------------------------- */

static const char *const oecd_time[] = {"TIME", "TIME_PERIOD", NULL};
static const char *const oecd_value[] = {"Value", "OBS_VALUE", NULL};
static const char *const oecd_flags[] = {"Flag Codes", "OBS_STATUS", NULL};
static const char *const oecd_where[] = {"LOCATION", "COU", "COUNTRY",
                                         "REF_AREA", NULL};
/* Code columns that are not part of the indicator's key. */
static const char *const oecd_not_key[] = {
    "FREQUENCY", "FREQ", "STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME",
    "ACTION", "UNIT_MEASURE", "UNIT_MULT", NULL};

/* An SDMX code header: capitals, digits and '_' with a letter. */
static int code_like(const char *s)
{
    int letter = 0;

    if (*s == '\0')
        return 0;
    for (; *s; s++) {
        if (g_ascii_isupper(*s))
            letter = 1;
        else if (!g_ascii_isdigit(*s) && *s != '_')
            return 0;
    }
    return letter;
}

static int in_list(const char *s, const char *const *list)
{
    size_t k;

    for (k = 0; list[k] != NULL; k++)
        if (g_ascii_strcasecmp(s, list[k]) == 0)
            return 1;
    return 0;
}

/* The code columns before TIME make the indicator; each one's label
   (the next column, if not a code) its name. */
static void oecd_dims(input_layout *out, int where, int time)
{
    input_export_keys *ex = out->ex;
    int c;

    for (c = 0; c < time; c++) {
        const char *name = out->cols[c].name;
        int label = c + 1 < time && !code_like(out->cols[c + 1].name);
        if (!code_like(name))
            continue;
        if (c != where && !in_list(name, oecd_not_key) &&
            ex->n_ind < INPUT_EXPORT_MAX_DIMS) {
            ex->ind_cols[ex->n_ind++] = c;
            out->cols[c].role = INPUT_COL_INDICATOR;
            if (label)
                ex->name_cols[ex->n_name++] = c + 1;
        }
    }
}

static int detect_oecd(const char *path, const input_row *h, input_layout *out,
                       sb_error *err)
{
    static const char *const unit[] = {"Unit", "Unit of measure", NULL};
    static const char *const unit_code[] = {"Unit Code", "UNIT_MEASURE", NULL};
    static const char *const power[] = {"PowerCode", "Unit multiplier", NULL};
    static const char *const power_code[] = {"PowerCode Code", "UNIT_MULT",
                                             NULL};
    int flags = find(h, oecd_flags), time = find(h, oecd_time);
    int value = find(h, oecd_value), where = find(h, oecd_where);
    int region;

    if (flags < 0)
        return 0;
    if (time < 0 || value < 0 || where < 0)
        return rule(err, path, h->line, 0, "OECD export: a \"%s\" column "
                    "but no %s column", h->field[flags],
                    time < 0 ? "TIME" : value < 0 ? "Value"
                                                  : "LOCATION (or COU, "
                                                    "REF_AREA)");
    if (take_header(out, h) != 0 || (out->ex = new_keys()) == NULL)
        return oom(err, path, h->line);
    oecd_dims(out, where, time);
    if (out->ex->n_ind == 0)
        return rule(err, path, h->line, time + 1, "OECD export: no "
                    "indicator code column (like SUBJECT or MEASURE) "
                    "before %s", out->cols[time].name);
    /* the country's name when the export has it, else its code */
    region = where + 1 < (int)out->n && !code_like(out->cols[where + 1].name)
                 ? where + 1 : where;
    set_key(out, INPUT_COL_REGION, region);
    set_key(out, INPUT_COL_YEAR, time);
    set_key(out, INPUT_COL_VALUE, value);
    set_key(out, INPUT_COL_FLAGS, flags);
    out->ex->unit_col = find(h, unit);
    out->ex->unit_code_col = find(h, unit_code);
    out->ex->power_col = find(h, power);
    out->ex->power_code_col = find(h, power_code);
    out->export = INPUT_EXPORT_OECD;
    out->shape = INPUT_SHAPE_LONG;
    return 1;
}

/* ---- Eurostat TSV ------------------------------------------------------------- */

/* The key dimensions "unit,geo": how many, which is geo, which unit. */
static void eurostat_dims(input_export_keys *ex, const char *dims)
{
    char **d = g_strsplit(dims, ",", -1);
    size_t i;

    for (i = 0; d[i] != NULL; i++) {
        if (g_ascii_strcasecmp(d[i], "geo") == 0)
            ex->geo_part = (int)i;
        else if (g_ascii_strcasecmp(d[i], "unit") == 0)
            ex->unit_part = (int)i;
    }
    ex->n_parts = (int)i;
    g_strfreev(d);
}

static int detect_eurostat(const char *path, const input_row *h,
                           input_layout *out, sb_error *err)
{
    char *first = text_of(h, 0), *slash;
    size_t i;
    int years = 0;

    if (first == NULL)
        return oom(err, path, h->line);
    if ((slash = strrchr(first, '\\')) == NULL) {
        g_free(first);
        return 0;
    }
    if (g_ascii_strcasecmp(slash + 1, "time") != 0 &&
        g_ascii_strcasecmp(slash + 1, "TIME_PERIOD") != 0) {
        rule(err, path, h->line, 1, "Eurostat TSV: the first cell \"%.60s\" "
             "must end in \\time or \\TIME_PERIOD (the time axis)", first);
        g_free(first);
        return -1;
    }
    *slash = '\0';
    if (take_header(out, h) != 0 || (out->ex = new_keys()) == NULL ||
        (out->ex->dims = sb_strdup(first)) == NULL) {
        g_free(first);
        return oom(err, path, h->line);
    }
    eurostat_dims(out->ex, first);
    g_free(first);
    if (out->ex->geo_part < 0)
        return rule(err, path, h->line, 1, "Eurostat TSV: no geo dimension "
                    "in \"%s\" (the region of each row)", out->ex->dims);
    if (out->ex->n_parts > INPUT_EXPORT_MAX_DIMS)
        return rule(err, path, h->line, 1, "Eurostat TSV: more than %d "
                    "dimensions in \"%.60s\"", INPUT_EXPORT_MAX_DIMS,
                    out->ex->dims);
    for (i = 1; i < out->n; i++) {
        const char *name = out->cols[i].name;
        if (name[0] == '\0')
            continue;
        if (strlen(name) != 4 ||
            (out->cols[i].year = input_parse_year(name, 4)) <= 0)
            return rule(err, path, h->line, (long)i + 1, "Eurostat TSV: "
                        "time column %zu \"%.40s\" is not a year (only "
                        "annual data can be read)", i + 1, name);
        out->cols[i].role = INPUT_COL_VALUES;
        years++;
    }
    if (years == 0)
        return rule(err, path, h->line, 0, "Eurostat TSV: no year columns");
    out->ex->key_col = 0;
    out->cols[0].role = INPUT_COL_INDICATOR;
    out->export = INPUT_EXPORT_EUROSTAT;
    out->shape = INPUT_SHAPE_WIDE_YEAR;
    return 1;
}

/* ---- China NBS ------------------------------------------------------------------- */

/* If s starts with word and a colon (full-width or not), the rest. */
static const char *after_label(const char *s, const char *word)
{
    size_t n = strlen(word);

    if (strncmp(s, word, n) != 0)
        return NULL;
    if (s[n] == ':')
        return s + n + 1;
    if (strncmp(s + n, ZH_COLON, 3) == 0)
        return s + n + 3;
    return NULL;
}

/* A preamble record's text: its fields joined by ',' (a comma in the
   text splits it into fields), trimmed; NULL when out of memory. */
static char *joined(const input_row *r)
{
    sb_text t = {0};
    size_t i, len;
    int bad = sb_text_add(&t, "", 0) != 0;

    for (i = 0; i < r->n && !bad; i++) {
        const char *f = trimmed(r, i, &len);
        if (len == 0)
            continue;
        bad = (t.len > 0 && sb_text_add(&t, ",", 1) != 0) ||
              sb_text_add(&t, f, len) != 0;
    }
    if (bad) {
        g_free(t.s);
        return NULL;
    }
    return t.s;
}

/* s[0..*n) without the ASCII white space around it (as g_strstrip). */
static const char *strip(const char *s, size_t *n)
{
    while (*n > 0 && g_ascii_isspace(*s)) {
        s++;
        (*n)--;
    }
    while (*n > 0 && g_ascii_isspace(s[*n - 1]))
        (*n)--;
    return s;
}

/* A text cut into its id and its unit, both stripped; unit is NULL when
   the text ends in no parentheses. Pointers into the text. */
typedef struct {
    const char *id, *unit;
    size_t id_len, unit_len;
} unit_split;

/* "研究与试验发展(R&D)经费(亿元)" -> id "研究与试验发展(R&D)经费", unit
   "亿元": the last parentheses, ASCII or full-width, if they end it. */
static unit_split split_unit(const char *text, size_t n)
{
    size_t close = 0;
    const char *open = NULL, *p;
    unit_split u = {text, NULL, n, 0};

    if (n > 0 && text[n - 1] == ')')
        close = 1;
    else if (n >= 3 && memcmp(text + n - 3, "\xef\xbc\x89", 3) == 0) /* ） */
        close = 3;
    for (p = text; close && p < text + n - close; p++)
        if (*p == '(' || strncmp(p, "\xef\xbc\x88", 3) == 0)         /* （ */
            open = p;
    if (open != NULL && open != text) {
        u.id_len = (size_t)(open - text);
        p = open + (*open == '(' ? 1 : 3);
        u.unit_len = (size_t)(text + n - close - p);
        u.unit = strip(p, &u.unit_len);
    }
    u.id = strip(text, &u.id_len);
    return u;
}

/* Copies n bytes of s into buf (INPUT_EXPORT_NAME_MAX), cut to fit;
   returns buf. s may be inside buf. */
static char *copy_to(char *buf, const char *s, size_t n)
{
    n = MIN(n, (size_t)INPUT_EXPORT_NAME_MAX - 1);
    memmove(buf, s, n);
    buf[n] = '\0';
    return buf;
}

/* "2022年" -> 2022. */
static int nbs_year(const char *s)
{
    size_t n = strlen(s);

    if (n != 7 || strcmp(s + 4, ZH_YEAR) != 0)
        return -1;
    return input_parse_year(s, 4);
}

/* A new string of s stripped, into *to (replacing it); -1 when out of
   memory. */
static int set_stripped(char **to, const char *s, size_t n)
{
    char *p;

    s = strip(s, &n);
    if ((p = sb_strndup(s, n)) == NULL)
        return -1;
    g_free(*to);
    *to = p;
    return 0;
}

/* 指标：text: the indicator and its unit. */
static int nbs_indicator(input_export_keys *ex, const char *v)
{
    size_t n = strlen(v);
    unit_split u;

    v = strip(v, &n);
    u = split_unit(v, n);

    g_free(ex->unit);
    ex->unit = NULL;
    return set_stripped(&ex->indicator, u.id, u.id_len) != 0 ||
           (u.unit != NULL && set_stripped(&ex->unit, u.unit, u.unit_len) != 0)
               ? -1 : 0;
}

/* One preamble line into ex: 1 when it is one, 0 when it is not, -1
   when out of memory. */
static int nbs_line(const char *t, input_export_keys *ex)
{
    const char *v;

    if ((v = after_label(t, ZH_DATABASE)) != NULL)
        return set_stripped(&ex->database, v, strlen(v)) != 0 ? -1 : 1;
    if ((v = after_label(t, ZH_INDICATOR)) != NULL)
        return nbs_indicator(ex, v) != 0 ? -1 : 1;
    if ((v = after_label(t, ZH_REGION)) != NULL)
        return set_stripped(&ex->region, v, strlen(v)) != 0 ? -1 : 1;
    return after_label(t, ZH_TIME) != NULL;
}

/* The preamble's lines: 数据库, 指标, 地区 (时间 is only what was asked).
   Returns how many, or -1 when out of memory. */
static int nbs_preamble(const input_row *const *rows, size_t n,
                        input_export_keys *ex)
{
    size_t i;
    int known = 1;

    for (i = 0; i < n && known > 0; i++) {
        char *t = joined(rows[i]);
        known = t != NULL ? nbs_line(t, ex) : -1;
        g_free(t);
    }
    return known < 0 ? -1 : (int)(known ? i : i - 1);
}

static int nbs_columns(const char *path, const input_row *h, input_layout *out,
                       sb_error *err)
{
    size_t i;
    int years = 0;

    for (i = 1; i < out->n; i++) {
        const char *name = out->cols[i].name;
        if (name[0] == '\0')
            continue;
        if ((out->cols[i].year = nbs_year(name)) <= 0)
            return rule(err, path, h->line, (long)i + 1, "China NBS export: "
                        "column %zu \"%.40s\" is not a year like "
                        "\"2022" ZH_YEAR "\"", i + 1, name);
        out->cols[i].role = INPUT_COL_VALUES;
        years++;
    }
    return years > 0 ? 0 : rule(err, path, h->line, 0, "China NBS export: "
                                "no year columns (like \"2022" ZH_YEAR "\")");
}

/* An NBS table with its header at hr: the keys of its rows. */
static int nbs_keys(const char *path, const input_row *hr, int by_indicator,
                    long first_line, input_layout *out, sb_error *err)
{
    input_export_keys *ex = out->ex;

    if (nbs_columns(path, hr, out, err) != 0)
        return -1;
    if (by_indicator) {
        set_key(out, INPUT_COL_INDICATOR, 0);
        if (ex->region == NULL && (ex->region = sb_strdup(ZH_NATION)) == NULL)
            return oom(err, path, hr->line);
        return 1;
    }
    set_key(out, INPUT_COL_REGION, 0);
    if (ex->indicator != NULL && ex->indicator[0] != '\0')
        out->stem = sb_strdup(ex->indicator);
    else if (out->header_at > 0)
        return rule(err, path, first_line, 1, "China NBS export: no "
                    ZH_INDICATOR ZH_COLON " line in the preamble, so "
                    "the indicator of the rows is unknown");
    else        /* no 指标： line: the file's name, as for any wide table */
        out->stem = input_file_stem(path);
    return out->stem != NULL ? 1 : oom(err, path, hr->line);
}

static int detect_nbs(const char *path, const input_row *const *rows,
                      size_t n, input_layout *out, sb_error *err)
{
    input_export_keys *ex = new_keys();
    int got = ex != NULL ? nbs_preamble(rows, n, ex) : -1;
    size_t h = got > 0 ? (size_t)got : 0;
    const input_row *hr = h < n ? rows[h] : NULL;
    int by_region = hr && eq(hr, 0, ZH_REGION);
    int by_indicator = hr && eq(hr, 0, ZH_INDICATOR);
    char c1[INPUT_EXPORT_NAME_MAX];

    if (got < 0) {
        input_export_keys_free(ex);
        return oom(err, path, rows[0]->line);
    }
    if (!by_region && !by_indicator) {
        input_export_keys_free(ex);
        if (h == 0)
            return 0;
        return rule(err, path, hr ? hr->line : rows[n - 1]->line, 1,
                    "China NBS export: after the preamble, expected a "
                    "header " ZH_REGION ",2022" ZH_YEAR ",2021" ZH_YEAR
                    ",... or " ZH_INDICATOR ",2022" ZH_YEAR ",...");
    }
    /* no preamble: an NBS table only if its years say so */
    if (h == 0 && nbs_year(copy_field(hr, 1, c1)) <= 0) {
        input_export_keys_free(ex);
        return 0;
    }
    out->ex = ex;
    out->export = INPUT_EXPORT_NBS;
    out->shape = INPUT_SHAPE_WIDE_YEAR;
    out->header_at = (long)h;
    if (take_header(out, hr) != 0)
        return oom(err, path, hr->line);
    return nbs_keys(path, hr, by_indicator, rows[0]->line, out, err);
}

/* ---- detection -------------------------------------------------------------------- */

int input_export_detect(const char *path, const input_row *const *rows,
                        size_t n, input_layout *out, sb_error *err)
{
    int r;

    if (n == 0)
        return 0;
    r = detect_eurostat(path, rows[0], out, err);
    if (r == 0)
        r = detect_wdi(path, rows, n, out, err);
    if (r == 0)
        r = detect_nbs(path, rows, n, out, err);
    if (r == 0)
        r = detect_oecd(path, rows[0], out, err);
    if (r <= 0)
        input_layout_clear(out);
    return r;
}

/* ---- per row ------------------------------------------------------------------------ */

/* Joins the trimmed fields cols[0..n) with sep into buf. */
static const char *join_cols(const input_row *r, const int *cols, size_t n,
                             const char *sep, char *buf)
{
    char part[INPUT_EXPORT_NAME_MAX];
    size_t i;

    buf[0] = '\0';
    for (i = 0; i < n; i++) {
        copy_field(r, cols[i], part);
        if (i > 0)
            g_strlcat(buf, sep, INPUT_EXPORT_NAME_MAX);
        g_strlcat(buf, part, INPUT_EXPORT_NAME_MAX);
    }
    return buf;
}

/* The unit of an OECD row: "%" for percentages, "US Dollar, Millions"
   with a power of ten. */
static const char *oecd_unit(const input_export_keys *ex, const input_row *r,
                             char *buf)
{
    char code[INPUT_EXPORT_NAME_MAX], pcode[INPUT_EXPORT_NAME_MAX];
    char plabel[INPUT_EXPORT_NAME_MAX];

    if (ex->unit_col < 0)
        return NULL;
    copy_field(r, ex->unit_col, buf);
    copy_field(r, ex->unit_code_col, code);
    if (strcmp(code, "PC") == 0 || g_ascii_strcasecmp(buf, "Percentage") == 0)
        g_strlcpy(buf, "%", INPUT_EXPORT_NAME_MAX);
    copy_field(r, ex->power_code_col, pcode);
    copy_field(r, ex->power_col, plabel);
    if (pcode[0] != '\0' && strcmp(pcode, "0") != 0 && plabel[0] != '\0') {
        g_strlcat(buf, ", ", INPUT_EXPORT_NAME_MAX);
        g_strlcat(buf, plabel, INPUT_EXPORT_NAME_MAX);
    }
    return buf[0] ? buf : NULL;
}

/* Eurostat unit codes seen most, in words; others stay codes. */
static const char *eurostat_unit(const char *code)
{
    static const char *const map[][2] = {
        {"PC", "%"}, {"PC_GDP", "% of GDP"}, {"PC_POP", "% of population"},
        {"PC_ACT", "% of active population"}, {"PC_TOT", "% of total"},
        {"MIO_EUR", "million euro"}, {"THS_EUR", "thousand euro"},
        {"EUR", "euro"}, {"EUR_HAB", "euro per inhabitant"},
        {"MIO_NAC", "million national currency"}, {"NR", "number"},
        {"THS", "thousand"}, {"THS_PER", "thousand persons"},
        {"HAB", "inhabitants"}, {"RT", "rate"}, {"I15", "index, 2015 = 100"},
        {"I10", "index, 2010 = 100"}, {"I20", "index, 2020 = 100"},
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(map); i++)
        if (strcmp(code, map[i][0]) == 0)
            return map[i][1];
    return code;
}

static int eurostat_row(const input_export_keys *ex, const input_row *r,
                        input_export_names *o, char *msg, size_t size)
{
    char *parts[INPUT_EXPORT_MAX_DIMS + 1], *p;
    int n = 0, i;

    copy_field(r, ex->key_col, o->buf[3]);
    for (p = o->buf[3]; n <= INPUT_EXPORT_MAX_DIMS;) {
        parts[n++] = p;
        p = strchr(p, ',');
        if (p == NULL)
            break;
        *p++ = '\0';
    }
    if (n != ex->n_parts) {
        snprintf(msg, size, "Eurostat TSV: the key \"%.60s\" has %d part%s, "
                 "the header names %d (%s)", r->field[ex->key_col], n,
                 n == 1 ? "" : "s", ex->n_parts, ex->dims);
        return -1;
    }
    o->buf[0][0] = '\0';
    for (i = 0; i < n; i++) {
        if (i == ex->geo_part)
            continue;
        if (o->buf[0][0] != '\0')
            g_strlcat(o->buf[0], ".", INPUT_EXPORT_NAME_MAX);
        g_strlcat(o->buf[0], parts[i], INPUT_EXPORT_NAME_MAX);
    }
    o->indicator = o->buf[0];
    o->region = parts[ex->geo_part];
    if (ex->unit_part >= 0)
        o->unit = eurostat_unit(parts[ex->unit_part]);
    return 0;
}

/* "Research and development expenditure (% of GDP)": WDI names end in
   their unit. */
static void wdi_name(const input_row *row, int col, input_export_names *o)
{
    unit_split u;

    copy_field(row, col, o->buf[2]);
    u = split_unit(o->buf[2], strlen(o->buf[2]));
    if (u.unit != NULL)
        o->unit = copy_to(o->buf[4], u.unit, u.unit_len);
    o->name = copy_to(o->buf[2], u.id, u.id_len);
}

int input_export_row(const input_layout *l, const input_row *row,
                     input_export_names *o, char *msg, size_t msgsize,
                     int *col)
{
    const input_export_keys *ex = l->ex;

    o->indicator = o->region = o->name = o->unit = o->alias = NULL;
    *col = 0;
    switch (l->export) {
    case INPUT_EXPORT_WDI:
        o->indicator = copy_field(row, l->key[INPUT_COL_INDICATOR], o->buf[0]);
        o->region = copy_field(row, l->key[INPUT_COL_REGION], o->buf[1]);
        o->alias = copy_field(row, ex->alias_col, o->buf[3]);
        wdi_name(row, ex->name_cols[0], o);
        return 0;
    case INPUT_EXPORT_OECD:
        o->indicator = join_cols(row, ex->ind_cols, ex->n_ind, ".", o->buf[0]);
        o->region = copy_field(row, l->key[INPUT_COL_REGION], o->buf[1]);
        if (ex->n_name > 0)
            o->name = join_cols(row, ex->name_cols, ex->n_name, ", ",
                                o->buf[2]);
        o->unit = oecd_unit(ex, row, o->buf[3]);
        *col = ex->ind_cols[0];
        return 0;
    case INPUT_EXPORT_EUROSTAT:
        *col = ex->key_col;
        return eurostat_row(ex, row, o, msg, msgsize);
    case INPUT_EXPORT_NBS:
        if (l->key[INPUT_COL_INDICATOR] >= 0) {
            unit_split u;
            copy_field(row, 0, o->buf[2]);
            u = split_unit(o->buf[2], strlen(o->buf[2]));
            o->indicator = copy_to(o->buf[0], u.id, u.id_len);
            copy_to(o->buf[1], u.unit ? u.unit : "", u.unit_len);
            o->unit = o->buf[1][0] ? o->buf[1] : NULL;
            o->region = ex->region;
        } else {
            o->region = copy_field(row, 0, o->buf[1]);
            o->unit = ex->unit;
        }
        return 0;
    case INPUT_EXPORT_NONE:
        break;
    }
    snprintf(msg, msgsize, "not a portal export");
    return -1;
}

const char *input_export_label_end(const char *s)
{
    const char *v = after_label(s, ZH_SOURCE);

    if (v == NULL)
        v = after_label(s, ZH_NOTE);
    if (v == NULL)
        return s;
    while (*v == ' ')
        v++;
    return v;
}

int input_export_footer(const input_layout *l, const input_row *row,
                        const char **text, int *is_source)
{
    size_t len;
    const char *s;

    *text = NULL;
    *is_source = 0;
    if (row->n == 0)
        return 0;
    s = input_trim(row->field[0], row->len[0], &len);
    if (l->export == INPUT_EXPORT_WDI)
        return g_str_has_prefix(s, "Data from database") ||
               g_str_has_prefix(s, "Last Updated");
    if (l->export != INPUT_EXPORT_NBS)
        return 0;
    if (after_label(s, ZH_SOURCE) != NULL) {
        *is_source = 1;
        *text = s;
        return 1;
    }
    if (after_label(s, ZH_NOTE) != NULL) {
        *text = s;
        return 1;
    }
    return 0;
}
