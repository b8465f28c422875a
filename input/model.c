/*
 * input/model.c -- the dataset: interned strings, indicators, regions,
 * series of observations, and the end-of-load pass (sort, duplicates,
 * inferred kinds).
 *
 * GLib holds the hash tables and the string pool; none of it shows in
 * model.h. No file I/O here.
 */
#include "model.h"

#include <float.h>
#include <glib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sb_dataset {
    GStringChunk *chunk;        /* string storage, stable addresses */
    GHashTable *str_ids;        /* const char* -> id+1 */
    GPtrArray *strs;            /* id -> const char* */

    GPtrArray *files;           /* char* paths */

    sb_indicator *ind;
    size_t n_ind, cap_ind;
    GHashTable *ind_ids;        /* id string -> index+1 */

    sb_region *reg;
    size_t n_reg, cap_reg;
    GHashTable *reg_names;      /* name or alias -> index+1 */

    sb_annot *annots;           /* [0] is "no annotation" */
    size_t n_annots, cap_annots;
    GHashTable *annot_ids;      /* "note\x1fsource" -> id */

    sb_series *series;
    size_t n_series, cap_series;
    GHashTable *series_ids;     /* guint64* (ind<<32|reg) -> index+1 */
    size_t last_series;         /* index+1 of the series added to last */
    int finished;
};

/* ---- errors and warnings ------------------------------------------------ */

static void error_vset(sb_error *err, sb_status code, const char *path,
                       long line, long column, const char *fmt, va_list ap)
{
    err->code = code;
    snprintf(err->path, sizeof err->path, "%s", path ? path : "");
    err->line = line;
    err->column = column;
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
}

sb_status sb_error_set(sb_error *err, sb_status code, const char *path,
                       long line, long column, const char *fmt, ...)
{
    va_list ap;

    if (err == NULL || err->code != SB_OK)
        return code;
    va_start(ap, fmt);
    error_vset(err, code, path, line, column, fmt, ap);
    va_end(ap);
    return code;
}

int sb_status_exit(sb_status code)
{
    switch (code) {
    case SB_OK:         return 0;
    case SB_EUSAGE:     return 64;
    case SB_EDATA:      return 65;
    case SB_ENOINPUT:   return 66;
    case SB_ECANTCREAT: return 73;
    case SB_ETEMPFAIL:  return 75;
    case SB_EINTERNAL:
    case SB_ENOMEM:     break;
    }
    return 70;
}

void sb_diag_init(sb_diag *d)
{
    memset(d, 0, sizeof *d);
}

void sb_diag_clear(sb_diag *d)
{
    free(d->items);
    sb_diag_init(d);
}

sb_status sb_diag_warn(sb_diag *d, const char *path, long line, long column,
                       const char *fmt, ...)
{
    va_list ap;

    d->count++;
    if (d->n_items >= SB_DIAG_KEEP)
        return SB_OK;
    if (d->n_items == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        sb_error *p = realloc(d->items, cap * sizeof *p);
        if (p == NULL)
            return SB_ENOMEM;
        d->items = p;
        d->cap = cap;
    }
    va_start(ap, fmt);
    error_vset(&d->items[d->n_items++], SB_EDATA, path, line, column, fmt,
               ap);
    va_end(ap);
    return SB_OK;
}

/* Digits of v in d[] (no dot, no trailing zeros), decimal exponent in
   *e10: the shortest form that reads back to v. Only 15, 16 and 17
   significant digits need trying: if the nearest 15-digit decimal reads
   back, stripping its trailing zeros gives the shortest one (a double's
   spacing is finer than that decimal grid), and 17 always reads back.
   Subnormals have fewer significant bits: search them from 1 digit. */
void sb_shortest_digits(double v, char *d, int *e10, int *neg)
{
    char fmt[16], buf[40], *p, *q;
    int prec;

    if (v == 0) {
        strcpy(d, "0");
        *e10 = 0;
        *neg = signbit(v) != 0;
        return;
    }
    for (prec = fabs(v) < DBL_MIN ? 0 : 14; prec < 16; prec++) {
        snprintf(fmt, sizeof fmt, "%%.%de", prec);
        g_ascii_formatd(buf, sizeof buf, fmt, v);
        if (g_ascii_strtod(buf, NULL) == v)
            break;
    }
    if (prec == 16)
        g_ascii_formatd(buf, sizeof buf, "%.16e", v);
    p = buf;
    *neg = *p == '-';
    if (*neg)
        p++;
    for (q = d; *p != 'e'; p++)
        if (*p != '.')
            *q++ = *p;
    while (q > d + 1 && q[-1] == '0')
        q--;
    *q = '\0';
    *e10 = atoi(p + 1);
}

void sb_format_shortest(double v, char *out)
{
    char d[24];
    int e10, neg, n, i;
    char *o = out;

    if (!isfinite(v)) {
        strcpy(out, isnan(v) ? "nan" : v > 0 ? "inf" : "-inf");
        return;
    }
    if (v == 0) {
        strcpy(out, signbit(v) ? "-0" : "0");
        return;
    }
    sb_shortest_digits(v, d, &e10, &neg);
    n = (int)strlen(d);
    if (neg)
        *o++ = '-';
    if (e10 < -4 || e10 >= 16) {
        *o++ = d[0];
        if (n > 1) {
            *o++ = '.';
            memcpy(o, d + 1, (size_t)n - 1);
            o += n - 1;
        }
        /* |e10| <= 324 for a finite double */
        snprintf(o, 8, "e%c%02d", e10 < 0 ? '-' : '+', abs(e10) % 1000);
        return;
    }
    if (e10 < 0) {
        *o++ = '0';
        *o++ = '.';
        for (i = -1; i > e10; i--)
            *o++ = '0';
        memcpy(o, d, (size_t)n);
        o += n;
    } else {
        for (i = 0; i <= e10; i++)
            *o++ = i < n ? d[i] : '0';
        if (n > e10 + 1) {
            *o++ = '.';
            memcpy(o, d + e10 + 1, (size_t)(n - e10 - 1));
            o += n - e10 - 1;
        }
    }
    *o = '\0';
}

const char *sb_kind_name(sb_kind k)
{
    switch (k) {
    case SB_KIND_AMOUNT: return "amount";
    case SB_KIND_COUNT:  return "count";
    case SB_KIND_RATE:   return "rate";
    case SB_KIND_UNSET:  break;
    }
    return "";
}

/* ---- create / destroy --------------------------------------------------- */

/* g_int64_hash folds a key to indicator ^ region, which collides for
   every small pair; mix all 64 bits instead (splitmix64's finalizer). */
static guint key_hash(gconstpointer p)
{
    guint64 x = *(const guint64 *)p;

    x ^= x >> 30;
    x *= G_GUINT64_CONSTANT(0xbf58476d1ce4e5b9);
    x ^= x >> 27;
    x *= G_GUINT64_CONSTANT(0x94d049bb133111eb);
    x ^= x >> 31;
    return (guint)x;
}

sb_dataset *sb_dataset_create(void)
{
    sb_dataset *ds = g_new0(sb_dataset, 1);

    ds->chunk = g_string_chunk_new(64 * 1024);
    ds->str_ids = g_hash_table_new(g_str_hash, g_str_equal);
    ds->strs = g_ptr_array_new();
    ds->files = g_ptr_array_new_with_free_func(g_free);
    ds->ind_ids = g_hash_table_new(g_str_hash, g_str_equal);
    ds->reg_names = g_hash_table_new(g_str_hash, g_str_equal);
    ds->annot_ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                          NULL);
    ds->series_ids = g_hash_table_new_full(key_hash, g_int64_equal,
                                           g_free, NULL);
    sb_dataset_intern(ds, "", 0);            /* id 0 is the empty string */
    ds->annots = g_new0(sb_annot, 16);
    ds->cap_annots = 16;
    ds->annots[0].note = ds->annots[0].source = "";
    ds->n_annots = 1;
    return ds;
}

void sb_dataset_destroy(sb_dataset *ds)
{
    size_t i;

    if (ds == NULL)
        return;
    for (i = 0; i < ds->n_reg; i++) {
        g_free(ds->reg[i].aliases);
        g_free(ds->reg[i].groups);
    }
    for (i = 0; i < ds->n_series; i++)
        g_free(ds->series[i].obs);
    g_free(ds->series);
    g_free(ds->reg);
    g_free(ds->ind);
    g_free(ds->annots);
    g_hash_table_destroy(ds->series_ids);
    g_hash_table_destroy(ds->annot_ids);
    g_hash_table_destroy(ds->reg_names);
    g_hash_table_destroy(ds->ind_ids);
    g_ptr_array_free(ds->files, TRUE);
    g_ptr_array_free(ds->strs, TRUE);
    g_hash_table_destroy(ds->str_ids);
    g_string_chunk_free(ds->chunk);
    g_free(ds);
}

/* ---- strings and files -------------------------------------------------- */

uint32_t sb_dataset_intern(sb_dataset *ds, const char *s, long len)
{
    gpointer found;
    char *tmp = NULL, *copy;

    if (len >= 0 && s[len] != '\0')
        s = tmp = g_strndup(s, (gsize)len);   /* rare: callers pass C strings */
    found = g_hash_table_lookup(ds->str_ids, s);
    if (found != NULL) {
        g_free(tmp);
        return GPOINTER_TO_UINT(found) - 1;
    }
    copy = g_string_chunk_insert(ds->chunk, s);
    g_free(tmp);
    g_ptr_array_add(ds->strs, copy);
    g_hash_table_insert(ds->str_ids, copy,
                        GUINT_TO_POINTER(ds->strs->len));
    return ds->strs->len - 1;
}

const char *sb_dataset_str(const sb_dataset *ds, uint32_t id)
{
    if (id >= ds->strs->len)
        return "";
    return g_ptr_array_index(ds->strs, id);
}

uint16_t sb_dataset_add_file(sb_dataset *ds, const char *path)
{
    g_ptr_array_add(ds->files, g_strdup(path));
    return (uint16_t)(ds->files->len - 1);
}

const char *sb_dataset_file(const sb_dataset *ds, uint16_t idx)
{
    if (idx >= ds->files->len)
        return "";
    return g_ptr_array_index(ds->files, idx);
}

size_t sb_dataset_n_files(const sb_dataset *ds)
{
    return ds->files->len;
}

/* ---- indicators --------------------------------------------------------- */

sb_id sb_dataset_find_indicator(const sb_dataset *ds, const char *id)
{
    gpointer v = g_hash_table_lookup(ds->ind_ids, id);

    return v ? GPOINTER_TO_UINT(v) - 1 : SB_NONE;
}

sb_id sb_dataset_indicator(sb_dataset *ds, const char *id)
{
    sb_id i = sb_dataset_find_indicator(ds, id);
    sb_indicator *ind;
    const char *s;

    if (i != SB_NONE)
        return i;
    if (ds->n_ind == ds->cap_ind) {
        ds->cap_ind = ds->cap_ind ? ds->cap_ind * 2 : 16;
        ds->ind = g_renew(sb_indicator, ds->ind, ds->cap_ind);
    }
    i = (sb_id)ds->n_ind++;
    ind = &ds->ind[i];
    memset(ind, 0, sizeof *ind);
    s = sb_dataset_str(ds, sb_dataset_intern(ds, id, -1));
    ind->id = ind->name = s;
    ind->name_zh = ind->unit = ind->unit_zh = ind->base_unit = "";
    ind->source = ind->note = "";
    ind->scale = NAN;
    ind->decimals = -1;
    ind->higher_is_better = 1;
    ind->target = NAN;
    g_hash_table_insert(ds->ind_ids, (gpointer)s, GUINT_TO_POINTER(i + 1));
    return i;
}

sb_indicator *sb_dataset_indicator_at(sb_dataset *ds, sb_id i)
{
    return i < ds->n_ind ? &ds->ind[i] : NULL;
}

size_t sb_dataset_n_indicators(const sb_dataset *ds)
{
    return ds->n_ind;
}

int sb_indicator_precision(const sb_indicator *ind)
{
    return ind->decimals >= 0 ? ind->decimals : ind->max_decimals;
}

/* ---- regions ------------------------------------------------------------ */

sb_id sb_dataset_find_region(const sb_dataset *ds, const char *name)
{
    gpointer v = g_hash_table_lookup(ds->reg_names, name);

    return v ? GPOINTER_TO_UINT(v) - 1 : SB_NONE;
}

sb_id sb_dataset_region(sb_dataset *ds, const char *name)
{
    sb_id r = sb_dataset_find_region(ds, name);
    sb_region *reg;
    const char *s;

    if (r != SB_NONE)
        return r;
    if (ds->n_reg == ds->cap_reg) {
        ds->cap_reg = ds->cap_reg ? ds->cap_reg * 2 : 16;
        ds->reg = g_renew(sb_region, ds->reg, ds->cap_reg);
    }
    r = (sb_id)ds->n_reg++;
    reg = &ds->reg[r];
    memset(reg, 0, sizeof *reg);
    s = sb_dataset_str(ds, sb_dataset_intern(ds, name, -1));
    reg->name = s;
    reg->name_zh = "";
    g_hash_table_insert(ds->reg_names, (gpointer)s, GUINT_TO_POINTER(r + 1));
    return r;
}

sb_region *sb_dataset_region_at(sb_dataset *ds, sb_id r)
{
    return r < ds->n_reg ? &ds->reg[r] : NULL;
}

size_t sb_dataset_n_regions(const sb_dataset *ds)
{
    return ds->n_reg;
}

static const char **strv_append(const char **v, size_t *n, const char *s)
{
    v = g_renew(const char *, v, *n + 1);
    v[(*n)++] = s;
    return v;
}

sb_status sb_dataset_add_alias(sb_dataset *ds, sb_id r, const char *alias,
                               sb_error *err)
{
    sb_id other = sb_dataset_find_region(ds, alias);
    const char *s;

    if (other == r)
        return SB_OK;
    if (other != SB_NONE)
        return sb_error_set(err, SB_EDATA, NULL, 0, 0,
                            "alias \"%s\" of region \"%s\" already names "
                            "region \"%s\"", alias, ds->reg[r].name,
                            ds->reg[other].name);
    s = sb_dataset_str(ds, sb_dataset_intern(ds, alias, -1));
    g_hash_table_insert(ds->reg_names, (gpointer)s, GUINT_TO_POINTER(r + 1));
    ds->reg[r].aliases = strv_append(ds->reg[r].aliases,
                                     &ds->reg[r].n_aliases, s);
    return SB_OK;
}

void sb_dataset_add_group(sb_dataset *ds, sb_id r, const char *group)
{
    sb_region *reg = &ds->reg[r];
    const char *s = sb_dataset_str(ds, sb_dataset_intern(ds, group, -1));
    size_t i;

    for (i = 0; i < reg->n_groups; i++)
        if (reg->groups[i] == s)
            return;
    reg->groups = strv_append(reg->groups, &reg->n_groups, s);
}

/* ---- annotations -------------------------------------------------------- */

uint32_t sb_dataset_annot(sb_dataset *ds, const char *note,
                          const char *source)
{
    char *key;
    gpointer v;
    uint32_t id;

    if (*note == '\0' && *source == '\0')
        return 0;
    key = g_strconcat(note, "\x1f", source, NULL);
    v = g_hash_table_lookup(ds->annot_ids, key);
    if (v != NULL) {
        g_free(key);
        return GPOINTER_TO_UINT(v);
    }
    if (ds->n_annots == ds->cap_annots) {
        ds->cap_annots *= 2;
        ds->annots = g_renew(sb_annot, ds->annots, ds->cap_annots);
    }
    id = (uint32_t)ds->n_annots++;
    ds->annots[id].note = sb_dataset_str(ds, sb_dataset_intern(ds, note, -1));
    ds->annots[id].source =
        sb_dataset_str(ds, sb_dataset_intern(ds, source, -1));
    g_hash_table_insert(ds->annot_ids, key, GUINT_TO_POINTER(id));
    return id;
}

const sb_annot *sb_dataset_annot_at(const sb_dataset *ds, uint32_t id)
{
    return &ds->annots[id < ds->n_annots ? id : 0];
}

/* ---- series ------------------------------------------------------------- */

sb_status sb_dataset_add_obs(sb_dataset *ds, sb_id indicator, sb_id region,
                             const sb_obs *o)
{
    guint64 key = ((guint64)indicator << 32) | region;
    gpointer v;
    sb_series *s;

    /* Rows of one series usually come together: skip the hash then. */
    if (ds->last_series > 0 &&
        ds->series[ds->last_series - 1].indicator == indicator &&
        ds->series[ds->last_series - 1].region == region)
        v = GSIZE_TO_POINTER(ds->last_series);
    else
        v = g_hash_table_lookup(ds->series_ids, &key);
    if (v == NULL) {
        if (ds->n_series == ds->cap_series) {
            ds->cap_series = ds->cap_series ? ds->cap_series * 2 : 64;
            ds->series = g_renew(sb_series, ds->series, ds->cap_series);
        }
        s = &ds->series[ds->n_series++];
        memset(s, 0, sizeof *s);
        s->indicator = indicator;
        s->region = region;
        g_hash_table_insert(ds->series_ids, g_memdup2(&key, sizeof key),
                            GSIZE_TO_POINTER(ds->n_series));
        v = GSIZE_TO_POINTER(ds->n_series);
    } else {
        s = &ds->series[GPOINTER_TO_SIZE(v) - 1];
    }
    ds->last_series = GPOINTER_TO_SIZE(v);
    if (s->n == s->cap) {
        /* Start at one: a million one-value series must stay small. */
        size_t cap = s->cap ? s->cap * 2 : 1;
        sb_obs *p = realloc(s->obs, cap * sizeof *p);
        if (p == NULL)
            return SB_ENOMEM;
        s->obs = p;
        s->cap = cap;
    }
    s->obs[s->n++] = *o;
    return SB_OK;
}

size_t sb_dataset_n_series(const sb_dataset *ds)
{
    return ds->n_series;
}

const sb_series *sb_dataset_series_at(const sb_dataset *ds, size_t i)
{
    return i < ds->n_series ? &ds->series[i] : NULL;
}

const sb_series *sb_dataset_find_series(const sb_dataset *ds, sb_id indicator,
                                        sb_id region)
{
    size_t i;

    for (i = 0; i < ds->n_series; i++)
        if (ds->series[i].indicator == indicator &&
            ds->series[i].region == region)
            return &ds->series[i];
    return NULL;
}

int sb_series_last_year(const sb_series *s, int upto)
{
    size_t i;
    int y = 0;

    for (i = 0; i < s->n; i++)
        if (!(s->obs[i].state & SB_OBS_MISSING) &&
            (upto == 0 || s->obs[i].year <= upto))
            y = s->obs[i].year;
    return y;
}

/* ---- finish ------------------------------------------------------------- */

/* By year, then by place of reading, so "the first" of two duplicates is
   the one read first whatever the sort algorithm. */
static int obs_cmp(const void *pa, const void *pb)
{
    const sb_obs *a = pa, *b = pb;

    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    if (a->file != b->file)
        return a->file < b->file ? -1 : 1;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->column != b->column)
        return a->column < b->column ? -1 : 1;
    return 0;
}

static int series_cmp(const void *pa, const void *pb, void *user)
{
    const sb_series *a = pa, *b = pb;
    const sb_dataset *ds = user;
    int c = strcmp(ds->ind[a->indicator].id, ds->ind[b->indicator].id);

    if (c != 0)
        return c;
    return strcmp(ds->reg[a->region].name, ds->reg[b->region].name);
}

static void format_place(const sb_dataset *ds, const sb_obs *o, char *buf,
                         size_t size)
{
    snprintf(buf, size, "%s:%lu:%lu", sb_dataset_file(ds, o->file),
             (unsigned long)o->line, (unsigned long)o->column);
}

/* Merges obs[i] into kept (same year). Returns SB_EDATA for a conflict. */
static sb_status merge_duplicate(sb_dataset *ds, const sb_series *s,
                                 sb_obs *kept, const sb_obs *dup,
                                 sb_diag *diag, sb_error *err)
{
    char first[600];
    const char *ind = ds->ind[s->indicator].id;
    const char *reg = ds->reg[s->region].name;
    const char *path = sb_dataset_file(ds, dup->file);

    if (dup->state & SB_OBS_MISSING)
        return SB_OK;                  /* a gap never hides a value */
    if (kept->state & SB_OBS_MISSING) {
        *kept = *dup;
        return SB_OK;
    }
    format_place(ds, kept, first, sizeof first);
    if (kept->value != dup->value) {
        char a[SB_SHORTEST_MAX], b[SB_SHORTEST_MAX];
        sb_format_shortest(dup->value, a);
        sb_format_shortest(kept->value, b);
        return sb_error_set(err, SB_EDATA, path, dup->line, dup->column,
                            "conflicting values for %s, %s, %d: %s here, "
                            "%s at %s", ind, reg, (int)dup->year, a, b,
                            first);
    }
    if (diag != NULL &&
        sb_diag_warn(diag, path, dup->line, dup->column,
                     "duplicate value for %s, %s, %d (same as %s)", ind,
                     reg, (int)dup->year, first) != SB_OK)
        return SB_ENOMEM;
    return SB_OK;
}

static sb_status finish_series(sb_dataset *ds, sb_series *s, sb_diag *diag,
                               sb_error *err)
{
    sb_indicator *ind = &ds->ind[s->indicator];
    size_t i, w = 0;
    sb_status rc;

    qsort(s->obs, s->n, sizeof *s->obs, obs_cmp);
    for (i = 0; i < s->n; i++) {
        if (w > 0 && s->obs[w - 1].year == s->obs[i].year) {
            rc = merge_duplicate(ds, s, &s->obs[w - 1], &s->obs[i], diag,
                                 err);
            if (rc != SB_OK)
                return rc;
            continue;
        }
        s->obs[w++] = s->obs[i];
    }
    s->n = w;
    for (i = 0; i < s->n; i++) {
        if (s->obs[i].state & SB_OBS_MISSING)
            continue;
        if (s->obs[i].decimals > ind->max_decimals)
            ind->max_decimals = s->obs[i].decimals;
        if (s->obs[i].state & SB_OBS_PERCENT)
            ind->saw_percent = 1;
    }
    return SB_OK;
}

sb_status sb_dataset_finish(sb_dataset *ds, sb_diag *diag, sb_error *err)
{
    size_t i;
    sb_status rc;

    if (ds->finished)
        return sb_error_set(err, SB_EINTERNAL, NULL, 0, 0,
                            "dataset finished twice");
    ds->finished = 1;
    for (i = 0; i < ds->n_series; i++) {
        rc = finish_series(ds, &ds->series[i], diag, err);
        if (rc != SB_OK)
            return rc;
    }
    /* The hash table's indices die with the reorder: loading is over. */
    g_hash_table_remove_all(ds->series_ids);
    ds->last_series = 0;
    g_qsort_with_data(ds->series, (gint)ds->n_series, sizeof *ds->series,
                      series_cmp, ds);
    for (i = 0; i < ds->n_ind; i++) {
        sb_indicator *ind = &ds->ind[i];
        if (ind->kind != SB_KIND_UNSET)
            continue;
        /* Without metadata: a unit in percent or values written with '%'
           make a rate (changes in points); anything else an amount. */
        ind->kind_inferred = 1;
        ind->kind = (ind->saw_percent || strchr(ind->unit, '%') != NULL)
                        ? SB_KIND_RATE : SB_KIND_AMOUNT;
    }
    return SB_OK;
}
