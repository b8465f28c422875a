/*
 * input/meta.c -- indicators.csv and regions.csv.
 *
 * Both are small tables read row by row through input_csv_read; the
 * header row decides which column holds which attribute.
 */
#include "meta.h"

#include "core/alloc.h"
#include "csvread.h"
#include "layout.h"

#include <glib.h>
#include <math.h>
#include <string.h>

enum { I_ID, I_NAME, I_UNIT, I_KIND, I_NAME_ZH, I_UNIT_ZH, I_SCALE,
       I_BASE_UNIT, I_DECIMALS, I_HIB, I_TARGET, I_TARGET_YEAR, I_SOURCE,
       I_NOTE, I_SOURCE_ZH, I_NOTE_ZH, I_BASE, I_PRICES, I_REAL, I_TOPIC,
       I_TOPIC_ZH, I_N };
static const char *const ind_cols[I_N] = {
    "id", "name", "unit", "kind", "name_zh", "unit_zh", "scale",
    "base_unit", "decimals", "higher_is_better", "target", "target_year",
    "source", "note", "source_zh", "note_zh", "base", "price_basis",
    "real_growth", "topic", "topic_zh"};
#define I_REQUIRED 4

enum { R_REGION, R_NAME_ZH, R_ALIASES, R_GROUPS, R_ROLE, R_GROUPS2,
       R_GROUPS_ZH, R_PART_OF, R_N };
static const char *const reg_cols[R_N] = {
    "region", "name_zh", "aliases", "groups", "role", NULL, "groups_zh",
    "part_of"};
#define R_REQUIRED 1

/* The metadata files of a World Bank WDI download (Metadata_Indicator_*,
   Metadata_Country_*): the same attributes under other names; a unit
   and a kind are not required (the unit ends the name, in parentheses;
   the kind is inferred). Countries are grouped by region and income; a
   row without a region is an aggregate (World, Arab World, High
   income). */
static const char *const wdi_ind_cols[I_N] = {
    "INDICATOR_CODE", "INDICATOR_NAME", NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, "SOURCE_ORGANIZATION", "SOURCE_NOTE", NULL, NULL,
    NULL, NULL, NULL, NULL, NULL};
static const char *const wdi_reg_cols[R_N] = {
    "TableName", NULL, "Country Code", "Region", NULL, "IncomeGroup", NULL,
    NULL};

typedef struct {
    sb_dataset *ds;
    uint16_t file;
    const char *path;
    input_file_report *rep;
    const char *const *names;   /* attribute names */
    int n_names, n_required;
    int col[I_N + R_N];          /* attribute -> column index, -1 */
    int header_done;
    size_t n_header;            /* the header's fields: every row's */
    const input_row *row;       /* the row being read */
    int wdi;                    /* a WDI download's metadata file */
    struct meta_link *links;    /* real_growth ids, resolved at the end */
    size_t n_links;
} meta_ctx;

/* An indicator's real_growth, named before its target may be defined. */
typedef struct meta_link {
    sb_id ind;
    const char *id;             /* interned */
    size_t line;
} meta_link;

/* The trimmed text of attribute a in the current row ("" if absent).
   Trims in place: the row's field buffers belong to the reader and are
   not read again. */
static const char *cell(meta_ctx *m, int a)
{
    size_t len;
    char *s;
    int c = m->col[a];

    if (c < 0 || (size_t)c >= m->row->n)
        return "";
    s = (char *)input_trim(m->row->field[c], m->row->len[c], &len);
    s[len] = '\0';
    return s;
}

static long field_no(const meta_ctx *m, int a)
{
    return m->col[a] + 1;
}

/* Out of memory at the current row; -1. */
static int oom(meta_ctx *m, sb_error *err)
{
    sb_error_set(err, SB_ENOMEM, m->path, m->row->line, 0, "out of memory");
    return -1;
}

/* Appends ", " (unless t is empty) and n bytes of p to t. */
static int add_name(sb_text *t, const char *p, size_t n)
{
    if (t->len > 0 && sb_text_add(t, ", ", 2) != 0)
        return -1;
    return sb_text_add(t, p, n);
}

/* Which column holds each attribute; the used and ignored columns go to
   the report. */
static int match_columns(meta_ctx *m, const input_row *row, sb_text *used,
                         sb_text *ign)
{
    size_t i, len;
    int a;

    for (a = 0; a < m->n_names; a++)
        m->col[a] = -1;
    for (i = 0; i < row->n; i++) {
        const char *s = input_trim(row->field[i], row->len[i], &len);
        for (a = 0; a < m->n_names; a++)
            if (m->names[a] != NULL && m->col[a] < 0 &&
                strlen(m->names[a]) == len &&
                g_ascii_strncasecmp(s, m->names[a], len) == 0) {
                m->col[a] = (int)i;
                if (add_name(used, m->names[a], len) != 0)
                    return -1;
                break;
            }
        if (a == m->n_names && len > 0 && add_name(ign, s, len) != 0)
            return -1;
    }
    return 0;
}

static int header(meta_ctx *m, const input_row *row, sb_error *err)
{
    sb_text used = {0}, ign = {0};
    int a, bad = sb_text_add(&used, "", 0) != 0 ||
                 sb_text_add(&ign, "", 0) != 0 ||
                 match_columns(m, row, &used, &ign) != 0;

    m->rep->columns = used.s;
    m->rep->ignored = ign.s;
    if (bad)
        return oom(m, err);
    for (a = 0; a < m->n_required; a++)
        if (m->col[a] < 0) {
            sb_error_set(err, SB_EDATA, m->path, row->line, 0,
                         "%s: no \"%s\" column (required)",
                         input_role_name(m->rep->role), m->names[a]);
            return -1;
        }
    m->header_done = 1;
    m->n_header = row->n;
    return 0;
}

/* The attribute name of column c, for a message, or NULL. */
static const char *column_name(const meta_ctx *m, size_t c)
{
    int a;

    for (a = 0; a < m->n_names; a++)
        if (m->col[a] == (int)c)
            return m->names[a];
    return NULL;
}

static int row_is_empty(const input_row *row)
{
    size_t i, len;

    for (i = 0; i < row->n; i++) {
        input_trim(row->field[i], row->len[i], &len);
        if (len > 0)
            return 0;
    }
    return 1;
}

/* ---- indicators ---------------------------------------------------------- */

static int parse_bool(const char *s, int *out)
{
    static const char *const yes[] = {"", "yes", "y", "true", "1"};
    static const char *const no[] = {"no", "n", "false", "0"};
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(yes); i++)
        if (g_ascii_strcasecmp(s, yes[i]) == 0)
            return *out = 1, 0;
    for (i = 0; i < G_N_ELEMENTS(no); i++)
        if (g_ascii_strcasecmp(s, no[i]) == 0)
            return *out = 0, 0;
    return -1;
}

/* A plain number ("1e8", "2.5"); empty gives NaN. */
static int parse_plain(const char *s, double *out)
{
    char *end;

    if (*s == '\0') {
        *out = NAN;
        return 0;
    }
    *out = g_ascii_strtod(s, &end);
    return *end == '\0' && isfinite(*out) ? 0 : -1;
}

static int bad(meta_ctx *m, int a, sb_error *err, const char *what,
               const char *s)
{
    sb_error_set(err, SB_EDATA, m->path, m->row->line, field_no(m, a),
                 "%s: %s: \"%s\"", m->names[a], what, s);
    return -1;
}

static int ind_numbers(meta_ctx *m, sb_indicator *ind, sb_error *err)
{
    const char *s;
    double d;

    s = cell(m, I_SCALE);
    if (parse_plain(s, &ind->scale) != 0 || ind->scale <= 0)
        return bad(m, I_SCALE, err, "not a positive number", s);
    s = cell(m, I_DECIMALS);
    if (parse_plain(s, &d) != 0 || (!isnan(d) && (d < 0 || d > 15 ||
                                                 d != floor(d))))
        return bad(m, I_DECIMALS, err, "not a whole number 0-15", s);
    ind->decimals = isnan(d) ? -1 : (int)d;
    s = cell(m, I_HIB);
    if (parse_bool(s, &ind->higher_is_better) != 0)
        return bad(m, I_HIB, err, "not yes or no", s);
    s = cell(m, I_TARGET);
    if (parse_plain(s, &ind->target) != 0)
        return bad(m, I_TARGET, err, "not a number", s);
    s = cell(m, I_TARGET_YEAR);
    if (*s != '\0' && (ind->target_year = input_parse_year(s, strlen(s))) < 0)
        return bad(m, I_TARGET_YEAR, err, "not a year", s);
    return 0;
}

/* The text of attribute a, interned, into *to; -1 when out of memory. */
static int istr(meta_ctx *m, const char **to, int a)
{
    return sb_dataset_intern_to(m->ds, to, cell(m, a), -1) == SB_OK ? 0 : -1;
}

/* base (an index's base year), price_basis, and real_growth, kept to be
   resolved when the file is read. */
static int ind_prices(meta_ctx *m, sb_indicator *ind, sb_id i,
                      sb_error *err)
{
    const char *s = cell(m, I_BASE);
    meta_link *l;

    if (*s != '\0' && ind->kind != SB_KIND_INDEX)
        return bad(m, I_BASE, err, "only an index has a base year", s);
    if (*s != '\0' && (ind->base = input_parse_year(s, strlen(s))) <= 0)
        return bad(m, I_BASE, err, "not a year", s);
    s = cell(m, I_PRICES);
    if (g_ascii_strcasecmp(s, "current") == 0)
        ind->prices = SB_PRICES_CURRENT;
    else if (g_ascii_strcasecmp(s, "constant") == 0)
        ind->prices = SB_PRICES_CONSTANT;
    else if (*s != '\0')
        return bad(m, I_PRICES, err, "not current or constant", s);
    if (*cell(m, I_REAL) == '\0')
        return 0;
    if ((m->n_links & (m->n_links - 1)) == 0) {
        l = sb_renew(meta_link, m->links, m->n_links ? 2 * m->n_links : 1);
        if (l == NULL)
            return oom(m, err);
        m->links = l;
    }
    l = &m->links[m->n_links];
    l->ind = i;
    l->line = m->row->line;
    if (istr(m, &l->id, I_REAL) != 0)
        return oom(m, err);
    m->n_links++;
    return 0;
}

/* Each real_growth names a growth or index indicator defined by now. */
static sb_status resolve_links(meta_ctx *m, sb_error *err)
{
    size_t k;

    for (k = 0; k < m->n_links; k++) {
        const meta_link *l = &m->links[k];
        sb_id t = sb_dataset_find_indicator(m->ds, l->id);
        const sb_indicator *ti = t == SB_NONE ? NULL
                                 : sb_dataset_indicator_at(m->ds, t);
        const char *why = ti == NULL || !ti->has_meta
                              ? "no indicator has this id"
                          : !(sb_indicator_traits(ti) & SB_TRAIT_PUBLISHED)
                              ? "not a growth or index indicator"
                              : NULL;
        if (why != NULL) {
            sb_error_set(err, SB_EDATA, m->path, l->line, field_no(m, I_REAL),
                         "real_growth: %s: \"%s\"", why, l->id);
            return SB_EDATA;
        }
        sb_dataset_indicator_mut(m->ds, l->ind)->real = t;
    }
    return SB_OK;
}

/* "GDP (current US$)": name "GDP", unit "current US$". */
static int wdi_unit(meta_ctx *m, sb_indicator *ind)
{
    size_t n = strlen(ind->name);
    const char *open = strrchr(ind->name, '(');

    if (n == 0 || ind->name[n - 1] != ')' || open == NULL ||
        open == ind->name)
        return 0;
    if (sb_dataset_intern_to(m->ds, &ind->unit, open + 1,
                             (long)(ind->name + n - 1 - open - 1)) != SB_OK)
        return -1;
    while (open > ind->name && open[-1] == ' ')
        open--;
    return sb_dataset_intern_to(m->ds, &ind->name, ind->name,
                                (long)(open - ind->name)) == SB_OK ? 0 : -1;
}

/* The indicator's texts from the row. */
static int ind_texts(meta_ctx *m, sb_indicator *ind)
{
    if (istr(m, &ind->name, I_NAME) != 0)
        return -1;
    if (*ind->name == '\0')
        ind->name = ind->id;
    return istr(m, &ind->unit, I_UNIT) != 0 ||
           (m->wdi && wdi_unit(m, ind) != 0) ||
           istr(m, &ind->name_zh, I_NAME_ZH) != 0 ||
           istr(m, &ind->unit_zh, I_UNIT_ZH) != 0 ||
           istr(m, &ind->base_unit, I_BASE_UNIT) != 0 ||
           istr(m, &ind->source, I_SOURCE) != 0 ||
           istr(m, &ind->note, I_NOTE) != 0 ||
           istr(m, &ind->source_zh, I_SOURCE_ZH) != 0 ||
           istr(m, &ind->note_zh, I_NOTE_ZH) != 0 ||
           istr(m, &ind->topic, I_TOPIC) != 0 ||
           istr(m, &ind->topic_zh, I_TOPIC_ZH) != 0 ? -1 : 0;
}

/* Appends id to the report's list *ids of *n; the capacity doubles when
   *n reaches a power of two (growing by one was quadratic). */
static int report_id(sb_id **ids, size_t *n, sb_id id)
{
    sb_id *p;

    if ((*n & (*n - 1)) == 0) {
        if ((p = sb_renew(sb_id, *ids, *n ? 2 * *n : 1)) == NULL)
            return -1;
        *ids = p;
    }
    (*ids)[(*n)++] = id;
    return 0;
}

/* What comes before a record's own fields, for both metadata files: the
   header (read into m), an empty row (skipped), a row of another width
   than the header (an error). 1 when row is a record to read; else 0
   with *rc what the row callback returns. */
static int record(meta_ctx *m, const input_row *row, sb_error *err, int *rc)
{
    m->row = row;
    if (!m->header_done)
        *rc = header(m, row, err);
    else if (row_is_empty(row))
        *rc = 0;
    else if (row->n != m->n_header)
        *rc = input_row_width_error(err, m->path, row, m->n_header,
                                    column_name(m, row->n));
    else
        return 1;
    return 0;
}

static int ind_row(void *user, const input_row *row, sb_error *err)
{
    meta_ctx *m = user;
    const char *id, *kind;
    int rc;
    sb_id i;
    sb_indicator *ind;

    if (!record(m, row, err, &rc))
        return rc;
    id = cell(m, I_ID);
    if (*id == '\0')
        return bad(m, I_ID, err, "empty", id);
    if ((i = sb_dataset_indicator(m->ds, id)) == SB_NONE)
        return oom(m, err);
    ind = sb_dataset_indicator_mut(m->ds, i);
    if (ind->has_meta) {
        sb_error_set(err, SB_EDATA, m->path, row->line, field_no(m, I_ID),
                     "indicator \"%s\" is already defined at %s:%lu", id,
                     sb_dataset_file(m->ds, ind->meta_file),
                     (unsigned long)ind->meta_line);
        return -1;
    }
    kind = cell(m, I_KIND);
    if ((!m->wdi || *kind != '\0') && sb_kind_parse(kind, &ind->kind) != 0) {
        char what[64];
        g_snprintf(what, sizeof what, "not %s", sb_kind_names());
        return bad(m, I_KIND, err, what, kind);
    }
    if (ind_numbers(m, ind, err) != 0 || ind_prices(m, ind, i, err) != 0)
        return -1;
    if (ind_texts(m, ind) != 0 ||
        report_id(&m->rep->indicators, &m->rep->n_indicators, i) != 0)
        return oom(m, err);
    ind->has_meta = 1;
    ind->meta_file = m->file;
    ind->meta_line = (uint32_t)row->line;
    m->rep->rows++;
    return 0;
}

/* ---- regions ------------------------------------------------------------- */

static int parse_role(const char *s, unsigned *role)
{
    gchar **parts = g_strsplit(s, ";", -1);
    int rc = 0;
    size_t i;

    *role = 0;
    for (i = 0; parts[i] != NULL; i++) {
        gchar *p = g_strstrip(parts[i]);
        if (g_ascii_strcasecmp(p, "total") == 0)
            *role |= SB_ROLE_TOTAL;
        else if (g_ascii_strcasecmp(p, "benchmark") == 0)
            *role |= SB_ROLE_BENCHMARK;
        else if (g_ascii_strcasecmp(p, "aggregate") == 0)
            *role |= SB_ROLE_AGGREGATE;
        else if (*p != '\0')
            rc = -1;
    }
    g_strfreev(parts);
    return rc;
}

/* The trimmed, non-empty items of attribute a's ';' list (g_strfreev);
   *n gets their count. */
static gchar **items(meta_ctx *m, int a, size_t *n)
{
    gchar **parts = g_strsplit(cell(m, a), ";", -1);
    size_t i, k = 0;

    for (i = 0; parts[i] != NULL; i++)   /* g_strstrip trims in place */
        if (*g_strstrip(parts[i]) != '\0')
            parts[k++] = parts[i];
        else
            g_free(parts[i]);
    parts[k] = NULL;
    *n = k;
    return parts;
}

/* Calls fn for each trimmed, non-empty item of a ';' list. */
static int each_item(meta_ctx *m, int a, sb_id r, sb_error *err,
                     int (*fn)(meta_ctx *, sb_id, const char *, sb_error *))
{
    size_t i, n;
    gchar **parts = items(m, a, &n);
    int rc = 0;

    for (i = 0; i < n && rc == 0; i++)
        rc = fn(m, r, parts[i], err);
    g_strfreev(parts);
    return rc;
}

static int add_alias(meta_ctx *m, sb_id r, const char *alias, sb_error *err)
{
    sb_error e = {0};
    sb_status rc = sb_dataset_add_alias(m->ds, r, alias, &e);

    if (rc == SB_OK)
        return 0;
    sb_error_set(err, rc, m->path, m->row->line, field_no(m, R_ALIASES),
                 "%s", e.msg);
    return -1;
}

static int add_group(meta_ctx *m, sb_id r, const char *group, sb_error *err)
{
    if (sb_dataset_add_group(m->ds, r, group) == SB_OK)
        return 0;
    sb_error_set(err, SB_ENOMEM, m->path, m->row->line,
                 field_no(m, R_GROUPS), "out of memory");
    return -1;
}

/* groups_zh: the Chinese label of each group, in the order of groups;
   one label per group, and one label per group in the whole file. */
static int groups_zh(meta_ctx *m, sb_error *err)
{
    size_t n, nz, i;
    gchar **g, **z;
    const char *had = NULL;
    sb_status rc = SB_OK;

    if (*cell(m, R_GROUPS_ZH) == '\0')
        return 0;
    g = items(m, R_GROUPS, &n);
    z = items(m, R_GROUPS_ZH, &nz);
    if (n != nz)
        sb_error_set(err, SB_EDATA, m->path, m->row->line,
                     field_no(m, R_GROUPS_ZH), "groups_zh: %zu label%s for "
                     "%zu group%s (one Chinese label per group, in the "
                     "order of groups)", nz, nz == 1 ? "" : "s", n,
                     n == 1 ? "" : "s");
    for (i = 0; n == nz && i < n && rc == SB_OK; i++)
        rc = sb_dataset_set_group_zh(m->ds, g[i], z[i], &had);
    if (rc == SB_EDATA)
        sb_error_set(err, SB_EDATA, m->path, m->row->line,
                     field_no(m, R_GROUPS_ZH), "groups_zh: \"%s\" for group "
                     "\"%s\", which an earlier row calls \"%s\"", z[i - 1],
                     g[i - 1], had);
    else if (rc == SB_ENOMEM)
        oom(m, err);
    g_strfreev(g);
    g_strfreev(z);
    return n == nz && rc == SB_OK ? 0 : -1;
}

/* At most one region is the total and one the benchmark (any number
   are aggregates). */
static int check_role(meta_ctx *m, sb_id r, sb_error *err)
{
    sb_region *reg = sb_dataset_region_mut(m->ds, r);
    unsigned one = SB_ROLE_TOTAL | SB_ROLE_BENCHMARK;
    size_t i;

    if ((reg->role & one) == 0)
        return 0;                      /* most rows: keeps the file linear */
    for (i = 0; i < sb_dataset_n_regions(m->ds); i++) {
        sb_region *o = sb_dataset_region_mut(m->ds, (sb_id)i);
        unsigned both = o->role & reg->role & one;
        if ((sb_id)i == r || both == 0)
            continue;
        sb_error_set(err, SB_EDATA, m->path, m->row->line,
                     field_no(m, R_ROLE),
                     "role %s is already held by \"%s\" (%s:%lu)",
                     (both & SB_ROLE_TOTAL) ? "total" : "benchmark",
                     o->name, sb_dataset_file(m->ds, o->meta_file),
                     (unsigned long)o->meta_line);
        return -1;
    }
    return 0;
}

static int reg_row(void *user, const input_row *row, sb_error *err)
{
    meta_ctx *m = user;
    const char *name, *role;
    int rc;
    sb_id r;
    sb_region *reg;

    if (!record(m, row, err, &rc))
        return rc;
    name = cell(m, R_REGION);
    if (*name == '\0')
        return bad(m, R_REGION, err, "empty", name);
    if ((r = sb_dataset_region(m->ds, name)) == SB_NONE)
        return oom(m, err);
    reg = sb_dataset_region_mut(m->ds, r);
    if (reg->has_meta) {
        sb_error_set(err, SB_EDATA, m->path, row->line, field_no(m, R_REGION),
                     "region \"%s\" is already defined at %s:%lu%s%s", name,
                     sb_dataset_file(m->ds, reg->meta_file),
                     (unsigned long)reg->meta_line,
                     strcmp(reg->name, name) ? " as an alias of " : "",
                     strcmp(reg->name, name) ? reg->name : "");
        return -1;
    }
    reg->has_meta = 1;
    reg->meta_portal = m->wdi;
    reg->meta_file = m->file;
    reg->meta_line = (uint32_t)row->line;
    role = cell(m, R_ROLE);
    if (parse_role(role, &reg->role) != 0)
        return bad(m, R_ROLE, err, "not total, benchmark, aggregate or a "
                   "';' list of them", role);
    /* a WDI country without a region is one of the Bank's aggregates */
    if (m->wdi && *cell(m, R_GROUPS) == '\0')
        reg->role |= SB_ROLE_AGGREGATE;
    /* part_of names the total the region adds up to (check --screen
       compares the total with the sum of its parts) */
    if (istr(m, &reg->name_zh, R_NAME_ZH) != 0 ||
        istr(m, &reg->part_of, R_PART_OF) != 0)
        return oom(m, err);
    if (check_role(m, r, err) != 0 ||
        each_item(m, R_ALIASES, r, err, add_alias) != 0 ||
        each_item(m, R_GROUPS, r, err, add_group) != 0 ||
        each_item(m, R_GROUPS2, r, err, add_group) != 0 ||
        groups_zh(m, err) != 0)
        return -1;
    if (report_id(&m->rep->regions, &m->rep->n_regions, r) != 0)
        return oom(m, err);
    m->rep->rows++;
    return 0;
}

static sb_status read_meta(meta_ctx *m, input_row_fn fn, sb_error *err)
{
    input_csv_info info = {0};
    sb_status rc = input_csv_read(m->path, &info, fn, m, err);

    m->rep->delim = info.delim;
    m->rep->had_bom = info.had_bom;
    return rc;
}

sb_status input_meta_indicators(sb_dataset *ds, uint16_t file,
                                const char *path, int wdi,
                                input_file_report *rep, sb_error *err)
{
    meta_ctx m = {ds, file, path, rep, wdi ? wdi_ind_cols : ind_cols, I_N,
                  wdi ? 2 : I_REQUIRED, {0}, 0, 0, NULL, wdi, NULL, 0};
    sb_status rc = read_meta(&m, ind_row, err);

    if (rc == SB_OK)
        rc = resolve_links(&m, err);
    g_free(m.links);
    return rc;
}

sb_status input_meta_regions(sb_dataset *ds, uint16_t file,
                             const char *path, int wdi,
                             input_file_report *rep, sb_error *err)
{
    meta_ctx m = {ds, file, path, rep, wdi ? wdi_reg_cols : reg_cols, R_N,
                  R_REQUIRED, {0}, 0, 0, NULL, wdi, NULL, 0};

    return read_meta(&m, reg_row, err);
}
