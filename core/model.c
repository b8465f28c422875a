/*
 * core/model.c -- the dataset: interned strings, indicators, regions,
 * series of observations, and the end-of-load pass (sort, duplicates,
 * inferred kinds).
 *
 * GLib holds the hash tables and the string pool; none of it shows in
 * model.h. No file I/O here.
 */
#include "core/model.h"
#include "core/seriesidx.h"
#include "core/shortest.h"

#include "core/alloc.h"

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

    sb_ptrs files;              /* char* paths */

    sb_indicator *ind;
    size_t n_ind, cap_ind;
    GHashTable *ind_ids;        /* id string -> index+1 */

    sb_region *reg;
    size_t n_reg, cap_reg;
    GHashTable *reg_names;      /* name or alias -> index+1 */
    GHashTable *group_zh;       /* group label -> its Chinese label (both
                                   interned) */

    GHashTable *places;         /* place -> first region+1 holding it */
    GHashTable *places2;        /* place -> second region+1, if any */
    int places_indexed;
    sb_join *joins;             /* names joined through the gazetteer */
    size_t n_joins, cap_joins;

    sb_annot *annots;           /* [0] is "no annotation" */
    size_t n_annots, cap_annots;
    GHashTable *annot_ids;      /* annot_key -> id */

    sb_series *series;
    size_t n_series, cap_series;
    sb_sidx series_ids;         /* (indicator, region) -> position */
    size_t last_series;         /* index+1 of the series added to last */
    unsigned char *sealed;      /* per series: trimmed once left (bits) */
    size_t cap_hint;            /* values of the series sealed last */
    int finished;
    size_t n_sorted;            /* the series sb_dataset_finish ordered by
                                   indicator id and region name: found by
                                   bisection; 0 while loading (the hash) */

    sb_locate_fn locate;        /* finds where duplicates were read */
    void *locate_ctx;
    int is_lean, lean_lost;     /* model.h's lean datasets */
    struct lean_series *lean;   /* a lean dataset's series' figures */
    size_t n_lean, cap_lean;
};

/* A lean series: its figures (model.h), and the years it was given,
   missing values' too: their range and, while it spans fewer than 64
   years, which of them (bit k: seen_min + k), so that a year inside is
   a duplicate or not. An OECD API download gives a series' years in no
   order (2009-2023, then 2007, 2008), and one that spans more than 64
   years seldom comes unsorted. */
typedef struct lean_series {
    sb_series_stats st;
    int seen_min, seen_max;
    uint64_t seen;
} lean_series;

#define LEAN_SPAN 64

/* The kinds: their names in indicators.csv and what their values allow.
   Rates keep their CAGR and multiple (a rate of 2% that became 4% did
   double); a published growth rate or index is a change already, and a
   change of a change is told in points if at all. */
static const struct {
    const char *name;
    unsigned traits;
} kinds[] = {
    [SB_KIND_UNSET] = {"", 0},
    [SB_KIND_AMOUNT] = {"amount", SB_TRAIT_ADDS},
    [SB_KIND_COUNT] = {"count", SB_TRAIT_ADDS},
    [SB_KIND_RATE] = {"rate", SB_TRAIT_POINTS | SB_TRAIT_PERCENT},
    [SB_KIND_GROWTH] = {"growth", SB_TRAIT_POINTS | SB_TRAIT_PERCENT |
                                  SB_TRAIT_PUBLISHED},
    [SB_KIND_INDEX] = {"index", SB_TRAIT_POINTS | SB_TRAIT_PUBLISHED},
};

const char *sb_kind_name(sb_kind k)
{
    return (size_t)k < G_N_ELEMENTS(kinds) ? kinds[k].name : "";
}

int sb_kind_parse(const char *s, sb_kind *k)
{
    size_t i;

    for (i = 1; i < G_N_ELEMENTS(kinds); i++)
        if (g_ascii_strcasecmp(s, kinds[i].name) == 0) {
            *k = (sb_kind)i;
            return 0;
        }
    return -1;
}

const char *sb_kind_names(void)
{
    return "amount, count, rate, growth or index";
}

/* Whether unit is an index's reference as the portals write it in
   their indicator names (NBS "国内生产总值指数(上年=100)", "(1978=100)",
   "(2015年=100)"; World Bank "Consumer price index (2010 = 100)");
   *base gets the year, 0 for the previous year. */
static int index_unit(const char *unit, int *base)
{
    static const char prev[] = "\xe4\xb8\x8a\xe5\xb9\xb4=100";  /* 上年 */
    static const char nian[] = "\xe5\xb9\xb4=100";                 /* 年 */
    char *end;
    long y;

    if (strcmp(unit, prev) == 0) {
        *base = 0;
        return 1;
    }
    y = strtol(unit, &end, 10);
    if (end - unit != 4 || y < 1000 ||
        (strcmp(end, "=100") != 0 && strcmp(end, " = 100") != 0 &&
         strcmp(end, nian) != 0))
        return 0;
    *base = (int)y;
    return 1;
}

unsigned sb_indicator_traits(const sb_indicator *ind)
{
    unsigned t = (size_t)ind->kind < G_N_ELEMENTS(kinds)
                     ? kinds[ind->kind].traits : 0;

    return ind->kind == SB_KIND_INDEX && ind->base != 0
               ? t & ~SB_TRAIT_POINTS : t;
}

/* ---- create / destroy --------------------------------------------------- */

/* A series' key in the index: indicator << 32 | region. */
static uint64_t pair_key(sb_id indicator, sb_id region)
{
    return ((uint64_t)indicator << 32) | region;
}

/* The index's key of series pos (ctx: the dataset, whose series array
   moves as it grows). */
static uint64_t series_key(const void *ctx, size_t pos)
{
    const sb_series *s = &((const sb_dataset *)ctx)->series[pos];

    return pair_key(s->indicator, s->region);
}

sb_dataset *sb_dataset_create(void)
{
    sb_dataset *ds = sb_new0(sb_dataset, 1);

    if (ds == NULL)
        return NULL;
    ds->chunk = g_string_chunk_new(64 * 1024);
    ds->str_ids = g_hash_table_new(g_str_hash, g_str_equal);
    ds->strs = g_ptr_array_new();
    ds->ind_ids = g_hash_table_new(g_str_hash, g_str_equal);
    ds->reg_names = g_hash_table_new(g_str_hash, g_str_equal);
    ds->group_zh = g_hash_table_new(g_str_hash, g_str_equal);
    ds->places = g_hash_table_new(g_str_hash, g_str_equal);
    ds->places2 = g_hash_table_new(g_str_hash, g_str_equal);
    ds->annot_ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                          NULL);
    sb_sidx_init(&ds->series_ids, series_key, ds);
    sb_dataset_intern(ds, "", 0);            /* id 0 is the empty string */
    ds->annots = sb_new0(sb_annot, 16);
    if (ds->annots == NULL) {
        sb_dataset_destroy(ds);
        return NULL;
    }
    ds->cap_annots = 16;
    ds->annots[0].note = ds->annots[0].source = "";
    ds->annots[0].note_zh = ds->annots[0].source_zh = "";
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
    for (i = 0; i < ds->n_series; i++) {
        free(ds->series[i].obs);
        free(ds->series[i].flags);
        free(ds->series[i].annot);
        free(ds->series[i].files);
    }
    g_free(ds->series);
    g_free(ds->sealed);
    g_free(ds->lean);
    g_free(ds->reg);
    g_free(ds->ind);
    g_free(ds->annots);
    g_free(ds->joins);
    g_hash_table_destroy(ds->places2);
    g_hash_table_destroy(ds->places);
    sb_sidx_clear(&ds->series_ids);
    g_hash_table_destroy(ds->annot_ids);
    g_hash_table_destroy(ds->reg_names);
    g_hash_table_destroy(ds->group_zh);
    g_hash_table_destroy(ds->ind_ids);
    for (i = 0; i < ds->files.len; i++)
        g_free(ds->files.pdata[i]);
    g_free(ds->files.pdata);
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

    if (len >= 0 && s[len] != '\0') {       /* rare: callers pass C strings */
        s = tmp = sb_strndup(s, (size_t)len);
        if (tmp == NULL)
            return SB_NONE;
    }
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

sb_status sb_dataset_intern_to(sb_dataset *ds, const char **to,
                               const char *s, long len)
{
    uint32_t id = sb_dataset_intern(ds, s, len);

    if (id == SB_NONE)
        return SB_ENOMEM;
    *to = sb_dataset_str(ds, id);
    return SB_OK;
}

sb_status sb_dataset_add_file(sb_dataset *ds, const char *path,
                              uint16_t *idx)
{
    char *copy = sb_strdup(path);

    if (copy == NULL || sb_ptrs_add(&ds->files, copy) != 0) {
        g_free(copy);
        return SB_ENOMEM;
    }
    *idx = (uint16_t)(ds->files.len - 1);
    return SB_OK;
}

const char *sb_dataset_file(const sb_dataset *ds, uint16_t idx)
{
    if (idx >= ds->files.len)
        return "";
    return ds->files.pdata[idx];
}

size_t sb_dataset_n_files(const sb_dataset *ds)
{
    return ds->files.len;
}

/* ---- indicators --------------------------------------------------------- */

/* The id of name in index (id + 1 as the value), SB_NONE when absent. */
static sb_id lookup(GHashTable *index, const char *name)
{
    gpointer v = g_hash_table_lookup(index, name);

    return v ? GPOINTER_TO_UINT(v) - 1 : SB_NONE;
}

/* What a new indicator and a new region share: name's id in index, or
   else a new zeroed element at the end of the array *arr (*n elements of
   size bytes, room for *cap) named by the interned name (*s), indexed,
   and given in *item (NULL when name was known). SB_NONE when out of
   memory. */
static sb_id add_named(sb_dataset *ds, GHashTable *index, void *arr,
                       size_t *n, size_t *cap, size_t size, const char *name,
                       const char **s, void **item)
{
    sb_id id = lookup(index, name);

    *item = NULL;
    if (id != SB_NONE)
        return id;
    if (*n + 1 > *cap &&
        (SB_ALLOC_FAILS() || sb_alloc_grow(arr, cap, *n + 1, size) != 0))
        return SB_NONE;
    if (sb_dataset_intern_to(ds, s, name, -1) != SB_OK)
        return SB_NONE;
    id = (sb_id)(*n)++;
    g_hash_table_insert(index, (gpointer)*s, GUINT_TO_POINTER(id + 1));
    *item = *(char **)arr + id * size;
    memset(*item, 0, size);
    return id;
}

sb_id sb_dataset_find_indicator(const sb_dataset *ds, const char *id)
{
    return lookup(ds->ind_ids, id);
}

sb_id sb_dataset_indicator(sb_dataset *ds, const char *id)
{
    sb_indicator *ind;
    const char *s;
    sb_id i = add_named(ds, ds->ind_ids, &ds->ind, &ds->n_ind, &ds->cap_ind,
                        sizeof *ds->ind, id, &s, (void **)&ind);

    if (ind == NULL)
        return i;                        /* known, or out of memory */
    ind->id = ind->name = s;
    ind->name_zh = ind->unit = ind->unit_zh = ind->base_unit = "";
    ind->source = ind->note = ind->source_zh = ind->note_zh = "";
    ind->topic = ind->topic_zh = "";
    ind->scale = NAN;
    ind->decimals = -1;
    ind->higher_is_better = 1;
    ind->target = NAN;
    ind->magnitude = NAN;
    ind->real = SB_NONE;
    return i;
}

const sb_indicator *sb_dataset_indicator_at(const sb_dataset *ds, sb_id i)
{
    return i < ds->n_ind ? &ds->ind[i] : NULL;
}

sb_indicator *sb_dataset_indicator_mut(sb_dataset *ds, sb_id i)
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
    return lookup(ds->reg_names, name);
}

sb_id sb_dataset_region(sb_dataset *ds, const char *name)
{
    sb_region *reg;
    const char *s;
    sb_id r = add_named(ds, ds->reg_names, &ds->reg, &ds->n_reg, &ds->cap_reg,
                        sizeof *ds->reg, name, &s, (void **)&reg);

    if (reg == NULL)
        return r;                        /* known, or out of memory */
    reg->name = s;
    reg->name_zh = reg->place = reg->part_of = "";
    return r;
}

const sb_region *sb_dataset_region_at(const sb_dataset *ds, sb_id r)
{
    return r < ds->n_reg ? &ds->reg[r] : NULL;
}

sb_region *sb_dataset_region_mut(sb_dataset *ds, sb_id r)
{
    return r < ds->n_reg ? &ds->reg[r] : NULL;
}

size_t sb_dataset_n_regions(const sb_dataset *ds)
{
    return ds->n_reg;
}

/* Appends s to the array *v of *n strings. */
static sb_status strv_append(const char ***v, size_t *n, const char *s)
{
    const char **p = sb_renew(const char *, *v, *n + 1);

    if (p == NULL)
        return SB_ENOMEM;
    p[(*n)++] = s;
    *v = p;
    return SB_OK;
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
    if (sb_dataset_intern_to(ds, &s, alias, -1) != SB_OK ||
        strv_append(&ds->reg[r].aliases, &ds->reg[r].n_aliases, s) != SB_OK)
        return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    g_hash_table_insert(ds->reg_names, (gpointer)s, GUINT_TO_POINTER(r + 1));
    return SB_OK;
}

sb_status sb_dataset_add_group(sb_dataset *ds, sb_id r, const char *group)
{
    sb_region *reg = &ds->reg[r];
    const char *s;
    size_t i;

    if (sb_dataset_intern_to(ds, &s, group, -1) != SB_OK)
        return SB_ENOMEM;
    for (i = 0; i < reg->n_groups; i++)
        if (reg->groups[i] == s)
            return SB_OK;
    return strv_append(&reg->groups, &reg->n_groups, s);
}

sb_status sb_dataset_set_group_zh(sb_dataset *ds, const char *group,
                                  const char *zh, const char **had)
{
    const char *g, *z, *old;

    if (sb_dataset_intern_to(ds, &g, group, -1) != SB_OK ||
        sb_dataset_intern_to(ds, &z, zh, -1) != SB_OK)
        return SB_ENOMEM;
    old = g_hash_table_lookup(ds->group_zh, g);
    if (old != NULL && old != z) {
        *had = old;
        return SB_EDATA;
    }
    g_hash_table_insert(ds->group_zh, (gpointer)g, (gpointer)z);
    return SB_OK;
}

const char *sb_dataset_group_zh(const sb_dataset *ds, const char *group)
{
    const char *z = group ? g_hash_table_lookup(ds->group_zh, group) : NULL;

    return z != NULL ? z : "";
}

/* ---- places and joins --------------------------------------------------- */

sb_status sb_dataset_set_place(sb_dataset *ds, sb_id r, const char *place)
{
    const char *s;
    GHashTable *index;

    if (sb_dataset_intern_to(ds, &s, place, -1) != SB_OK)
        return SB_ENOMEM;
    ds->reg[r].place = s;
    index = g_hash_table_contains(ds->places, s) ? ds->places2 : ds->places;
    if (!g_hash_table_contains(index, s))
        g_hash_table_insert(index, (gpointer)s, GUINT_TO_POINTER(r + 1));
    return SB_OK;
}

sb_id sb_dataset_find_place(const sb_dataset *ds, const char *place,
                            sb_id *other)
{
    if (other != NULL)
        *other = lookup(ds->places2, place);
    return lookup(ds->places, place);
}

int sb_dataset_places_indexed(const sb_dataset *ds)
{
    return ds->places_indexed;
}

void sb_dataset_set_places_indexed(sb_dataset *ds)
{
    ds->places_indexed = 1;
}

sb_status sb_dataset_add_join(sb_dataset *ds, const sb_join *j)
{
    sb_join c = *j;

    if (sb_dataset_intern_to(ds, &c.name, j->name, -1) != SB_OK ||
        sb_dataset_intern_to(ds, &c.place, j->place, -1) != SB_OK ||
        sb_dataset_intern_to(ds, &c.how, j->how, -1) != SB_OK ||
        sb_grow(&ds->joins, &ds->cap_joins, ds->n_joins + 1) != 0)
        return SB_ENOMEM;
    ds->joins[ds->n_joins++] = c;
    return SB_OK;
}

size_t sb_dataset_n_joins(const sb_dataset *ds)
{
    return ds->n_joins;
}

const sb_join *sb_dataset_join_at(const sb_dataset *ds, size_t i)
{
    return i < ds->n_joins ? &ds->joins[i] : NULL;
}

/* ---- annotations -------------------------------------------------------- */

/* "note\x1fsource\x1fnote_zh\x1fsource_zh": the key of an annotation in
   annot_ids; NULL when out of memory. */
static char *annot_key(const sb_annot *t)
{
    const char *part[4] = {t->note, t->source, t->note_zh, t->source_zh};
    size_t i, len = 0, n[4];
    char *key, *p;

    for (i = 0; i < 4; i++)
        len += (n[i] = strlen(part[i])) + 1;
    if ((key = p = sb_malloc(len)) == NULL)
        return NULL;
    for (i = 0; i < 4; i++) {
        memcpy(p, part[i], n[i]);
        p += n[i];
        *p++ = i < 3 ? '\x1f' : '\0';
    }
    return key;
}

uint32_t sb_dataset_annot(sb_dataset *ds, const sb_annot *t)
{
    char *key;
    gpointer v;
    sb_annot a;

    if (*t->note == '\0' && *t->source == '\0' && *t->note_zh == '\0' &&
        *t->source_zh == '\0')
        return 0;
    if ((key = annot_key(t)) == NULL)
        return SB_NONE;
    v = g_hash_table_lookup(ds->annot_ids, key);
    if (v != NULL) {
        g_free(key);
        return GPOINTER_TO_UINT(v);
    }
    if (sb_grow(&ds->annots, &ds->cap_annots, ds->n_annots + 1) != 0 ||
        sb_dataset_intern_to(ds, &a.note, t->note, -1) != SB_OK ||
        sb_dataset_intern_to(ds, &a.source, t->source, -1) != SB_OK ||
        sb_dataset_intern_to(ds, &a.note_zh, t->note_zh, -1) != SB_OK ||
        sb_dataset_intern_to(ds, &a.source_zh, t->source_zh, -1) != SB_OK) {
        g_free(key);
        return SB_NONE;
    }
    ds->annots[ds->n_annots] = a;
    g_hash_table_insert(ds->annot_ids, key,
                        GUINT_TO_POINTER(ds->n_annots));
    return (uint32_t)ds->n_annots++;
}

const sb_annot *sb_dataset_annot_at(const sb_dataset *ds, uint32_t id)
{
    return &ds->annots[id < ds->n_annots ? id : 0];
}

/* ---- series ------------------------------------------------------------- */

uint32_t sb_series_flags(const sb_series *s, size_t i)
{
    return s->flags != NULL && i < s->n ? s->flags[i] : 0;
}

uint32_t sb_series_annot(const sb_series *s, size_t i)
{
    return s->annot != NULL && i < s->n ? s->annot[i] : 0;
}

void sb_dataset_set_locator(sb_dataset *ds, sb_locate_fn fn, void *ctx)
{
    ds->locate = fn;
    ds->locate_ctx = ctx;
}

/* Grows the arrays of s to cap values; the side arrays, when present,
   grow with zeros (files with the series' file). On failure s->cap stays
   what every array holds. */
static int series_grow(sb_series *s, size_t cap)
{
    sb_obs *p;
    uint32_t **side[2] = {&s->flags, &s->annot};
    size_t k;

    if (cap > UINT32_MAX)           /* sb_series counts in 32 bits */
        return -1;
    if ((p = sb_renew(sb_obs, s->obs, cap)) == NULL)
        return -1;
    s->obs = p;
    if (s->files != NULL) {
        uint16_t *f = sb_renew(uint16_t, s->files, cap);
        if (f == NULL)
            return -1;
        for (k = s->cap; k < cap; k++)
            f[k] = s->file;
        s->files = f;
    }
    for (k = 0; k < 2; k++) {
        uint32_t *q;
        if (*side[k] == NULL)
            continue;
        q = sb_renew(uint32_t, *side[k], cap);
        if (q == NULL)
            return -1;
        memset(q + s->cap, 0, (cap - s->cap) * sizeof *q);
        *side[k] = q;
    }
    s->cap = (uint32_t)cap;
    return 0;
}

/* The first time a file leaves a series, its arrays are trimmed to fit:
   sorted files fill each series in one go, so memory ends near 12 bytes
   a value instead of up to twice that. Trimmed once only, so that
   interleaved series still grow in amortized constant time. A trim that
   cannot be done keeps the larger arrays: nothing fails. */
static void seal(sb_dataset *ds, size_t idx)
{
    sb_series *s = &ds->series[idx];

    if (ds->sealed[idx / 8] & (1u << (idx % 8)))
        return;
    ds->sealed[idx / 8] |= (unsigned char)(1u << (idx % 8));
    ds->cap_hint = s->n;
    if (s->cap <= s->n || s->n == 0)
        return;
    s->obs = sb_alloc_shrink(s->obs, s->n, sizeof *s->obs);
    if (s->flags != NULL)
        s->flags = sb_alloc_shrink(s->flags, s->n, sizeof *s->flags);
    if (s->annot != NULL)
        s->annot = sb_alloc_shrink(s->annot, s->n, sizeof *s->annot);
    if (s->files != NULL)
        s->files = sb_alloc_shrink(s->files, s->n, sizeof *s->files);
    s->cap = s->n;
}

/* Room for one more series (and its sealed bit). */
static int series_room(sb_dataset *ds)
{
    size_t old = ds->cap_series, cap = old ? old * 2 : 64;
    sb_series *p;
    unsigned char *q;

    if (ds->n_series < old)
        return 0;
    if ((p = sb_renew(sb_series, ds->series, cap)) == NULL)
        return -1;
    ds->series = p;
    if ((q = sb_renew(unsigned char, ds->sealed, cap / 8)) == NULL)
        return -1;
    memset(q + old / 8, 0, (cap - old) / 8);
    ds->sealed = q;
    ds->cap_series = cap;
    return 0;
}

static sb_series *new_series(sb_dataset *ds, sb_id indicator, sb_id region,
                             uint16_t file)
{
    sb_series *s;

    if (series_room(ds) != 0)
        return NULL;
    if (ds->is_lean &&
        sb_grow(&ds->lean, &ds->cap_lean, ds->n_lean + 1) != 0)
        return NULL;
    s = &ds->series[ds->n_series];
    memset(s, 0, sizeof *s);
    s->indicator = indicator;
    s->region = region;
    s->file = file;
    if (ds->is_lean) {
        memset(&ds->lean[ds->n_lean], 0, sizeof *ds->lean);
        s->lean = (uint32_t)++ds->n_lean;
    }
    if (sb_sidx_add(&ds->series_ids, ds->n_series) != 0)
        return NULL;
    ds->n_series++;
    return s;
}

/* The file value i of s was read from. */
static uint16_t obs_file(const sb_series *s, size_t i)
{
    return s->files != NULL ? s->files[i] : s->file;
}

/* Stores the file of value i, creating the array when a second file
   fills the series. */
static int file_set(sb_series *s, size_t i, uint16_t file)
{
    size_t k;

    if (s->files == NULL) {
        if (file == s->file)
            return 0;
        if ((s->files = sb_new(uint16_t, s->cap)) == NULL)
            return -1;
        for (k = 0; k < s->cap; k++)
            s->files[k] = s->file;
    }
    s->files[i] = file;
    return 0;
}

/* Stores a side value (flags, annot), creating its array on first use. */
static int side_set(uint32_t **arr, size_t cap, size_t i, uint32_t v)
{
    if (v == 0 && *arr == NULL)
        return 0;
    if (*arr == NULL && (*arr = sb_new0(uint32_t, cap)) == NULL)
        return -1;
    (*arr)[i] = v;
    return 0;
}

/* The series of (indicator, region), s when it is that (the series
   added to last), else found or made, and the one added to last from
   now on. NULL when out of memory. */
static sb_series *series_for(sb_dataset *ds, sb_series *s, sb_id indicator,
                             sb_id region, uint16_t file)
{
    size_t last = ds->last_series;
    long v;

    /* Rows of one series usually come together: skip the hash then. */
    if (s != NULL && s->indicator == indicator && s->region == region)
        return s;
    if (last > 0)
        seal(ds, last - 1);
    v = sb_sidx_find(&ds->series_ids, pair_key(indicator, region));
    s = v >= 0 ? &ds->series[v] : new_series(ds, indicator, region, file);
    if (s != NULL)
        ds->last_series = (size_t)(s - ds->series) + 1;
    return s;
}

/* The decimals a value asks to be shown with: as published, except that
   more than 6 is a float written out in full (World Bank files hold
   2.40662002563477), not a choice: 4 significant digits then. */
static int shown_decimals(const sb_obs *o)
{
    int mag;

    if (o->decimals <= 6)
        return o->decimals;
    if (o->value == 0 || !isfinite(o->value))
        return 0;
    mag = (int)floor(log10(fabs(o->value)));
    return CLAMP(3 - mag, 0, 6);
}

/* What a value tells its indicator: the decimals to show, a '%'. */
static void note_shown(sb_indicator *ind, const sb_obs *o)
{
    if (o->state & SB_OBS_MISSING)
        return;
    if (shown_decimals(o) > ind->max_decimals)
        ind->max_decimals = shown_decimals(o);
    if (o->state & SB_OBS_PERCENT)
        ind->saw_percent = 1;
}

/* Notes year y in l's years (n given so far): -1 when it may already
   be there (a year given before, or one inside a span too wide for the
   bits), else 0. */
static int lean_seen(lean_series *l, uint32_t n, int y)
{
    int lo, hi;

    if (n == 0) {
        l->seen_min = l->seen_max = y;
        l->seen = 1;
        return 0;
    }
    if (y >= l->seen_min && y <= l->seen_max) {
        uint64_t bit;
        if (l->seen_max - l->seen_min >= LEAN_SPAN)
            return -1;
        bit = UINT64_C(1) << (y - l->seen_min);
        if (l->seen & bit)
            return -1;
        l->seen |= bit;
        return 0;
    }
    lo = MIN(l->seen_min, y);
    hi = MAX(l->seen_max, y);
    if (hi - lo < LEAN_SPAN) {
        l->seen <<= l->seen_min - lo;   /* the bits follow seen_min */
        l->seen |= UINT64_C(1) << (y - lo);
    }
    l->seen_min = lo;
    l->seen_max = hi;
    return 0;
}

/* A value of a lean series: its figures grow, and its indicator learns
   what finish would have learnt of it; a year it may have had already
   loses the dataset (model.h). */
static sb_status lean_add(sb_dataset *ds, sb_series *s, const sb_obs *o,
                          uint32_t flags)
{
    lean_series *l = &ds->lean[s->lean - 1];
    int y = o->year;

    if (s->n == UINT32_MAX)         /* as series_grow: counts in 32 bits */
        return SB_ENOMEM;
    if (lean_seen(l, s->n, y) != 0) {
        ds->lean_lost = 1;
        return SB_OK;
    }
    s->n++;
    if (o->state & SB_OBS_MISSING)
        return SB_OK;
    if (l->st.values == 0 || y < l->st.first)
        l->st.first = y;
    if (l->st.values == 0 || y > l->st.last) {
        l->st.last = y;
        l->st.latest = o->value;
    }
    l->st.values++;
    l->st.flagged += flags != 0;
    note_shown(&ds->ind[s->indicator], o);
    return SB_OK;
}

/* sb_dataset_add_obs but for its common case: another series than the
   value before's, or a value that needs room or its side arrays. */
static sb_status __attribute__((noinline))
add_obs(sb_dataset *ds, sb_series *s, sb_id indicator, sb_id region,
        uint16_t file, const sb_obs *o, uint32_t flags, uint32_t annot)
{
    if (ds->lean_lost)
        return SB_OK;                  /* to be read again in full */
    if ((s = series_for(ds, s, indicator, region, file)) == NULL)
        return SB_ENOMEM;
    if (s->lean)
        return lean_add(ds, s, o, flags);
    /* A new series starts as long as the one sealed last (series of a
       file are much alike), so that most are filled without a realloc
       each time they double; only the series being filled has room to
       spare, and a million one-value series stay small. */
    if (s->n == s->cap &&
        series_grow(s, s->cap ? (size_t)s->cap * 2 : MAX(ds->cap_hint, 1)) != 0)
        return SB_ENOMEM;
    if (side_set(&s->flags, s->cap, s->n, flags) != 0 ||
        side_set(&s->annot, s->cap, s->n, annot) != 0 ||
        file_set(s, s->n, file) != 0)
        return SB_ENOMEM;
    s->obs[s->n++] = *o;
    return SB_OK;
}

sb_status sb_dataset_add_obs(sb_dataset *ds, sb_id indicator, sb_id region,
                             uint16_t file, const sb_obs *o, uint32_t flags,
                             uint32_t annot)
{
    sb_series *s = ds->last_series > 0 ? &ds->series[ds->last_series - 1]
                                       : NULL;

    /* The value most of a sorted file adds: to the series of the value
       before, with room, from its file, no flags or note where the
       series has none (nothing beside it to set). */
    if (s != NULL && s->indicator == indicator && s->region == region &&
        s->n < s->cap && (flags | annot) == 0 && file == s->file &&
        s->flags == NULL && s->annot == NULL && s->files == NULL) {
        s->obs[s->n++] = *o;
        return SB_OK;
    }
    return add_obs(ds, s, indicator, region, file, o, flags, annot);
}

sb_status sb_dataset_add_run(sb_dataset *ds, sb_id indicator, sb_id region,
                             uint16_t file, const sb_obs *v, size_t n)
{
    sb_series *s = ds->last_series > 0 ? &ds->series[ds->last_series - 1]
                                       : NULL;
    sb_status rc = SB_OK;
    size_t i, need;

    if (n == 0 || ds->lean_lost)
        return SB_OK;
    if ((s = series_for(ds, s, indicator, region, file)) == NULL)
        return SB_ENOMEM;
    if (s->lean) {
        for (i = 0; i < n && rc == SB_OK; i++)
            rc = lean_add(ds, s, &v[i], 0);
        return rc;
    }
    if (file != s->file || s->flags != NULL || s->annot != NULL ||
        s->files != NULL) {
        for (i = 0; i < n && rc == SB_OK; i++)
            rc = add_obs(ds, s, indicator, region, file, &v[i], 0, 0);
        return rc;
    }
    /* as add_obs grows: doubling, from the length of the series sealed
       last, then at least what the run needs */
    need = (size_t)s->n + n;
    if (need > s->cap) {
        size_t cap = s->cap ? (size_t)s->cap * 2 : MAX(ds->cap_hint, 1);
        if (series_grow(s, MAX(cap, need)) != 0)
            return SB_ENOMEM;
    }
    memcpy(s->obs + s->n, v, n * sizeof *v);
    s->n = (uint32_t)need;
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

/* Where series s sits against (indicator id, region name) in the order
   sb_dataset_finish gives the series: <0, 0, >0 as strcmp. */
static int series_vs(const sb_dataset *ds, const sb_series *s,
                     const char *id, const char *name)
{
    int c = strcmp(ds->ind[s->indicator].id, id);

    return c != 0 ? c : strcmp(ds->reg[s->region].name, name);
}

/* While loading, the index (seriesidx.h); once the series are sorted
   (the index freed), bisection, then a scan of any series added since (tests
   build on finished datasets): a scan of all made every caller that
   looks up each series in turn (diff, overviews) quadratic. */
const sb_series *sb_dataset_find_series(const sb_dataset *ds, sb_id indicator,
                                        sb_id region)
{
    size_t lo = 0, hi = ds->n_sorted, mid, i;
    const char *id, *name;
    long v;
    int c;

    if (indicator >= ds->n_ind || region >= ds->n_reg)
        return NULL;
    if (ds->n_sorted == 0 && !ds->finished) {
        v = sb_sidx_find(&ds->series_ids, pair_key(indicator, region));
        return v >= 0 ? &ds->series[v] : NULL;
    }
    id = ds->ind[indicator].id;
    name = ds->reg[region].name;
    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        c = series_vs(ds, &ds->series[mid], id, name);
        if (c == 0)
            return &ds->series[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (i = ds->n_sorted; i < ds->n_series; i++)
        if (ds->series[i].indicator == indicator &&
            ds->series[i].region == region)
            return &ds->series[i];
    return NULL;
}

/* From the end: the last value that qualifies is the one a scan from
   the start would keep (the latest, once the series is sorted), and most
   series end with it. */
int sb_series_last_year(const sb_series *s, int upto)
{
    size_t i;

    for (i = s->n; i > 0; i--)
        if (!(s->obs[i - 1].state & SB_OBS_MISSING) &&
            (upto == 0 || s->obs[i - 1].year <= upto))
            return s->obs[i - 1].year;
    return 0;
}

/* The latest value of s that is not missing, to *v, and its year; 0
   when s has none. A lean series' figures, else from the end (the
   latest once the series is sorted, as sb_series_last_year). */
static int series_latest(const sb_dataset *ds, const sb_series *s, double *v)
{
    size_t i = s->n;

    if (s->lean) {
        const sb_series_stats *st = &ds->lean[s->lean - 1].st;
        *v = st->latest;
        return st->values > 0 ? st->last : 0;
    }
    while (i > 0 && (s->obs[i - 1].state & SB_OBS_MISSING))
        i--;
    if (i == 0)
        return 0;
    *v = s->obs[i - 1].value;
    return s->obs[i - 1].year;
}

int sb_dataset_region_has_values(const sb_dataset *ds, sb_id reg)
{
    size_t i;
    double v;

    for (i = 0; i < ds->n_series; i++)
        if (ds->series[i].region == reg &&
            series_latest(ds, &ds->series[i], &v) > 0)
            return 1;
    return 0;
}

int sb_dataset_latest_year(const sb_dataset *ds)
{
    size_t i;
    int y = 0;
    double v;

    for (i = 0; i < ds->n_series; i++)
        y = MAX(y, series_latest(ds, &ds->series[i], &v));
    return y;
}

/* ---- lean datasets ------------------------------------------------------ */

void sb_dataset_set_lean(sb_dataset *ds)
{
    if (ds->n_series == 0)
        ds->is_lean = 1;
}

int sb_dataset_is_lean(const sb_dataset *ds)
{
    return ds->is_lean;
}

int sb_dataset_lean_lost(const sb_dataset *ds)
{
    return ds->lean_lost;
}

void sb_series_stats_of(const sb_dataset *ds, const sb_series *s, int from,
                        int to, sb_series_stats *st)
{
    size_t i;

    memset(st, 0, sizeof *st);
    if (s->lean) {
        *st = ds->lean[s->lean - 1].st;
        return;
    }
    for (i = 0; i < s->n; i++) {
        const sb_obs *o = &s->obs[i];
        int y = o->year;
        if ((o->state & SB_OBS_MISSING) || (from != 0 && y < from) ||
            (to != 0 && y > to))
            continue;
        if (st->values == 0 || y < st->first)
            st->first = y;
        if (st->values == 0 || y > st->last) {
            st->last = y;
            st->latest = o->value;
        }
        st->values++;
        /* sb_series_flags, without a call per value */
        st->flagged += s->flags != NULL && s->flags[i] != 0;
    }
}

/* ---- finish ------------------------------------------------------------- */

/* Series order: by indicator id, then region name, through ranks
   computed once (strcmp in the sort itself was a tenth of a big load). */
typedef struct {
    const sb_dataset *ds;
    uint32_t *ind_rank, *reg_rank;
} rank_ctx;

static int ind_cmp(const void *pa, const void *pb, void *user)
{
    const sb_dataset *ds = user;

    return strcmp(ds->ind[*(const sb_id *)pa].id,
                  ds->ind[*(const sb_id *)pb].id);
}

static int reg_cmp(const void *pa, const void *pb, void *user)
{
    const sb_dataset *ds = user;

    return strcmp(ds->reg[*(const sb_id *)pa].name,
                  ds->reg[*(const sb_id *)pb].name);
}

/* NULL when out of memory. */
static uint32_t *ranks(const sb_dataset *ds, size_t n, GCompareDataFunc cmp)
{
    sb_id *order = sb_new(sb_id, n + 1);
    uint32_t *rank = order ? sb_new(uint32_t, n + 1) : NULL;
    size_t i;

    if (rank == NULL) {
        g_free(order);
        return NULL;
    }
    for (i = 0; i < n; i++)
        order[i] = (sb_id)i;
    g_qsort_with_data(order, (gint)n, sizeof *order, cmp, (gpointer)ds);
    for (i = 0; i < n; i++)
        rank[order[i]] = (uint32_t)i;
    g_free(order);
    return rank;
}

static int series_cmp(const void *pa, const void *pb, void *user)
{
    const sb_series *a = pa, *b = pb;
    const rank_ctx *r = user;
    uint32_t x = r->ind_rank[a->indicator], y = r->ind_rank[b->indicator];

    if (x != y)
        return x < y ? -1 : 1;
    x = r->reg_rank[a->region];
    y = r->reg_rank[b->region];
    return x < y ? -1 : x > y;
}

/* A duplicate met in finish, told once its places are known. */
typedef struct {
    const sb_series *s;
    double kept_value, dup_value;
    int conflict;
    sb_place kept, dup;
} dup_event;

typedef struct {
    dup_event *v;
    size_t len, cap;
} dup_events;

/* Sorts a series by year, then by file; values of one year and file stay
   in reading order (the index breaks ties), so "the first" of two
   duplicates is the one read first. Returns -1 when out of memory. */
typedef struct {
    int32_t year;
    uint16_t file;
    uint32_t idx;
} sort_key;

static int key_cmp(const void *pa, const void *pb)
{
    const sort_key *a = pa, *b = pb;

    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    if (a->file != b->file)
        return a->file < b->file ? -1 : 1;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int sort_series(sb_series *s)
{
    sort_key *k = sb_new(sort_key, s->n);
    sb_obs *obs = sb_new(sb_obs, s->n);
    uint32_t *fl = s->flags ? sb_new(uint32_t, s->n) : NULL;
    uint32_t *an = s->annot ? sb_new(uint32_t, s->n) : NULL;
    uint16_t *fi = s->files ? sb_new(uint16_t, s->n) : NULL;
    size_t i;

    if (k == NULL || obs == NULL || (s->flags && !fl) || (s->annot && !an) ||
        (s->files && !fi)) {
        free(k), free(obs), free(fl), free(an), free(fi);
        return -1;
    }
    for (i = 0; i < s->n; i++)
        k[i] = (sort_key){s->obs[i].year, obs_file(s, i), (uint32_t)i};
    qsort(k, s->n, sizeof *k, key_cmp);
    for (i = 0; i < s->n; i++) {
        obs[i] = s->obs[k[i].idx];
        if (fl)
            fl[i] = s->flags[k[i].idx];
        if (an)
            an[i] = s->annot[k[i].idx];
        if (fi)
            fi[i] = s->files[k[i].idx];
    }
    memcpy(s->obs, obs, s->n * sizeof *obs);
    if (fl)
        memcpy(s->flags, fl, s->n * sizeof *fl);
    if (an)
        memcpy(s->annot, an, s->n * sizeof *an);
    if (fi)
        memcpy(s->files, fi, s->n * sizeof *fi);
    free(k), free(obs), free(fl), free(an), free(fi);
    return 0;
}

/* The place of value j of a sorted series: its rank among the values of
   its year read from its file. */
static sb_place place_of(const sb_series *s, size_t run, size_t j)
{
    sb_place p = {s->indicator, s->region, s->obs[j].year, obs_file(s, j),
                  0, 0, 0};
    size_t k;

    for (k = run; k < j; k++)
        p.nth += obs_file(s, k) == p.file;
    return p;
}

static void move_obs(sb_series *s, size_t to, size_t from)
{
    s->obs[to] = s->obs[from];
    if (s->flags)
        s->flags[to] = s->flags[from];
    if (s->annot)
        s->annot[to] = s->annot[from];
    if (s->files)
        s->files[to] = s->files[from];
}

/* Merges the values of each year into one. Duplicates go to events;
   returns 1 at the first conflict (the load fails), 0 otherwise, -1 when
   out of memory. The places are computed before anything moves. */
static int merge_years(sb_series *s, dup_events *events)
{
    size_t i, w = 0, run = 0, kept = 0;
    sb_place *pl = sb_new(sb_place, s->n);
    int conflict = 0;

    if (pl == NULL)
        return -1;
    for (i = 0; i < s->n; i++) {
        if (i > 0 && s->obs[i].year != s->obs[i - 1].year)
            run = i;
        pl[i] = place_of(s, run, i);
    }
    for (i = 0; i < s->n && !conflict; i++) {
        const sb_obs *o = &s->obs[i];
        dup_event e;
        if (w == 0 || s->obs[w - 1].year != o->year) {
            kept = i;
            move_obs(s, w++, i);
            continue;
        }
        if (o->state & SB_OBS_MISSING)
            continue;                  /* a gap never hides a value */
        if (s->obs[w - 1].state & SB_OBS_MISSING) {
            kept = i;
            move_obs(s, w - 1, i);
            continue;
        }
        e.s = s;
        e.kept_value = s->obs[w - 1].value;
        e.dup_value = o->value;
        e.conflict = conflict = e.kept_value != e.dup_value;
        e.kept = pl[kept];
        e.dup = pl[i];
        if (sb_grow(&events->v, &events->cap, events->len + 1) != 0)
            conflict = -1;
        else
            events->v[events->len++] = e;
    }
    g_free(pl);
    s->n = w;
    return conflict;
}

/* Asks the locator where the first SB_DIAG_KEEP + 1 events were read
   (diag keeps no more), then tells them in order. */
static sb_status tell_duplicates(sb_dataset *ds, const dup_events *events,
                                 sb_diag *diag, sb_error *err)
{
    size_t i, n = events->len, asked = MIN(n, (size_t)SB_DIAG_KEEP + 1);
    sb_place *q = sb_new(sb_place, 2 * asked + 1);
    sb_status rc = SB_OK;

    if (q == NULL)
        return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    for (i = 0; i < asked; i++) {
        const dup_event *e = &events->v[i];
        q[2 * i] = e->kept;
        q[2 * i + 1] = e->dup;
    }
    if (ds->locate != NULL && asked > 0)
        rc = ds->locate(ds->locate_ctx, ds, q, 2 * asked);
    if (rc != SB_OK)
        sb_error_set(err, rc, NULL, 0, 0, "out of memory");
    for (i = 0; i < n && rc == SB_OK; i++) {
        const dup_event *e = &events->v[i];
        const sb_place *k = i < asked ? &q[2 * i] : &e->kept;
        const sb_place *d = i < asked ? &q[2 * i + 1] : &e->dup;
        const char *ind = ds->ind[e->s->indicator].id;
        const char *reg = ds->reg[e->s->region].name;
        const char *path = sb_dataset_file(ds, d->file);
        char first[600];
        snprintf(first, sizeof first, "%s:%ld:%ld",
                 sb_dataset_file(ds, k->file), k->line, k->column);
        if (e->conflict) {
            char a[SB_SHORTEST_MAX], b[SB_SHORTEST_MAX];
            sb_format_shortest(e->dup_value, a);
            sb_format_shortest(e->kept_value, b);
            rc = sb_error_set(err, SB_EDATA, path, d->line, d->column,
                              "conflicting values for %s, %s, %d: %s here, "
                              "%s at %s", ind, reg, e->dup.year, a, b, first);
        } else if (diag != NULL &&
                   sb_diag_warn(diag, path, d->line, d->column,
                                "duplicate value for %s, %s, %d (same as "
                                "%s)", ind, reg, e->dup.year, first) != SB_OK)
            rc = SB_ENOMEM;
    }
    g_free(q);
    return rc;
}

/* Adds the log of |latest value| of s to its indicator's sums. */
static void add_magnitude(const sb_dataset *ds, const sb_series *s,
                          double *logs, size_t *n)
{
    double v;

    if (series_latest(ds, s, &v) > 0 && isfinite(v) && v != 0) {
        logs[s->indicator] += log(fabs(v));
        n[s->indicator]++;
    }
}

/* Each indicator's magnitude (model.h); 0 when out of memory. */
static int set_magnitudes(sb_dataset *ds)
{
    double *logs = sb_new0(double, ds->n_ind + 1);
    size_t *n = logs ? sb_new0(size_t, ds->n_ind + 1) : NULL, i;

    if (n == NULL) {
        g_free(logs);
        return 0;
    }
    for (i = 0; i < ds->n_series; i++)
        add_magnitude(ds, &ds->series[i], logs, n);
    for (i = 0; i < ds->n_ind; i++)
        ds->ind[i].magnitude = n[i] ? exp(logs[i] / (double)n[i]) : NAN;
    g_free(logs);
    g_free(n);
    return 1;
}

static sb_status finish_series(sb_series *s, sb_indicator *ind,
                               dup_events *events, int *conflict)
{
    size_t i;

    /* Most series arrive in year order: no sort, no duplicate then. */
    for (i = 1; i < s->n && s->obs[i - 1].year < s->obs[i].year; i++)
        ;
    if (i < s->n) {
        if (sort_series(s) != 0 || (*conflict = merge_years(s, events)) < 0)
            return SB_ENOMEM;
    }
    for (i = 0; i < s->n; i++)
        note_shown(ind, &s->obs[i]);
    return SB_OK;
}

static sb_status sort_all_series(sb_dataset *ds)
{
    rank_ctx r = {ds, ranks(ds, ds->n_ind, ind_cmp),
                  ranks(ds, ds->n_reg, reg_cmp)};
    int ok = r.ind_rank != NULL && r.reg_rank != NULL;
    size_t i = 1;

    /* A sorted file gives its series in order: then the sort, and the
       copy of the series array it allocates (stable, so it would leave
       them as they are), is skipped. */
    while (ok && i < ds->n_series &&
           series_cmp(&ds->series[i - 1], &ds->series[i], &r) < 0)
        i++;
    if (ok && i < ds->n_series)
        g_qsort_with_data(ds->series, (gint)ds->n_series,
                          sizeof *ds->series, series_cmp, &r);
    g_free(r.ind_rank);
    g_free(r.reg_rank);
    return ok ? SB_OK : SB_ENOMEM;
}

sb_status sb_dataset_finish(sb_dataset *ds, sb_diag *diag, sb_error *err)
{
    dup_events events = {NULL, 0, 0};
    size_t i;
    int conflict = 0;
    sb_status rc = SB_OK;

    if (ds->finished)
        return sb_error_set(err, SB_EINTERNAL, NULL, 0, 0,
                            "dataset finished twice");
    ds->finished = 1;
    if (ds->lean_lost)
        return sb_error_set(err, SB_EINTERNAL, NULL, 0, 0,
                            "a lean dataset lost its values: load it "
                            "again in full");
    /* a lean series has no values to sort or merge (lean_add saw to it),
       and its indicator learnt what they tell as they came */
    for (i = 0; !ds->is_lean && i < ds->n_series && rc == SB_OK && !conflict;
         i++)
        rc = finish_series(&ds->series[i], &ds->ind[ds->series[i].indicator],
                           &events, &conflict);
    if (rc == SB_OK && events.len > 0)
        rc = tell_duplicates(ds, &events, diag, err);
    g_free(events.v);
    /* The index's positions die with the reorder: loading is over.
       Freed first, so that its memory and the sort's copy of the series
       are never held at once. */
    if (rc == SB_OK) {
        sb_sidx_clear(&ds->series_ids);
        if (sort_all_series(ds) != SB_OK)
            rc = SB_ENOMEM;
    }
    if (rc == SB_OK && !set_magnitudes(ds))
        rc = SB_ENOMEM;
    if (rc == SB_ENOMEM)
        sb_error_set(err, rc, NULL, 0, 0, "out of memory");
    if (rc != SB_OK)
        return rc;
    ds->n_sorted = ds->n_series;
    ds->last_series = 0;
    for (i = 0; i < ds->n_ind; i++) {
        sb_indicator *ind = &ds->ind[i];
        if (ind->kind != SB_KIND_UNSET)
            continue;
        /* Without metadata: a unit that is an index's reference
           ("上年=100", NBS) makes an index; a unit in percent or values
           written with '%' a rate (changes in points); anything else an
           amount. */
        ind->kind_inferred = 1;
        if (index_unit(ind->unit, &ind->base))
            ind->kind = SB_KIND_INDEX;
        else
            ind->kind = (ind->saw_percent || strchr(ind->unit, '%') != NULL)
                            ? SB_KIND_RATE : SB_KIND_AMOUNT;
    }
    return SB_OK;
}
