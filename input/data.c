/*
 * input/data.c -- data tables: long, wide by year, wide by indicator, wide
 * by region. One callback per record turns cells into observations.
 */
#include "data.h"

#include "core/alloc.h"
#include "cell.h"
#include "csvread.h"
#include "defer.h"
#include "export.h"
#include "gazetteer.h"

#include <glib.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    sb_text name;               /* the last name looked up */
    sb_id id;                   /* its id, SB_NONE before the first */
} name_cache;

typedef struct {
    sb_text name, alias;        /* an export row's region and code */
    sb_id id;                   /* their region, SB_NONE before the first */
} row_region;

typedef struct {
    sb_dataset *ds;
    uint16_t file;
    const char *path;
    const input_data_opts *o;
    const input_layout *l;
    input_file_report *rep;
    sb_diag *diag;
    sb_error *err;
    int header_done;
    sb_id stem;                 /* the layout's stem: every row's
                                   indicator when no column names one */
    sb_id one_region;           /* the layout's one_region, likewise */
    sb_id *target;              /* wide: column -> indicator or region */
    GHashTable *seen_ind, *seen_reg, *unit_warned;
    name_cache ind_cache, reg_cache;
    row_region last_region;     /* an export's row before */
    const input_gazetteer *gaz; /* once a region name needs it */
    unsigned char *met;         /* by region id: named in this file */
    size_t n_met;
    int warned_unnamed;         /* values under an empty header, once
                                   (or no header is empty) */
    int fast;                   /* row_fast may take the rows */
    const input_row *row;
    long skipped;               /* preamble records passed */
    int in_footer;              /* an export's footnotes have begun */
    sb_text notes, sources;     /* its footnotes, for the indicators */
    sb_text footnotes;          /* the same as written, for check */
    sb_id extras_ind, extras_reg;   /* export names applied to these */
    sb_id seen_last_ind, seen_last_reg; /* noted in the report last */
    input_fmt_names names;      /* an export row's keys */
    input_defer held;           /* values whose indicator the export
                                   names at the end (SDMX-CSV) */
    sb_id *held_ids;            /* its key -> the indicator, once named */
    size_t n_held_ids;

    sb_place *places;           /* locating: where these were read */
    size_t n_places;
    GHashTable *counts;         /* locating: cell_key -> values met */
} data_ctx;

/* A value's key, for locating duplicates (no padding: compared whole). */
typedef struct {
    sb_id ind, reg;
    int32_t year;
} cell_key;

static guint cell_hash(gconstpointer p)
{
    const cell_key *k = p;

    return k->ind * 2654435761u ^ k->reg * 40503u ^ (guint)k->year;
}

static gboolean cell_equal(gconstpointer a, gconstpointer b)
{
    return memcmp(a, b, sizeof(cell_key)) == 0;
}

/* Locating: the value at field c would be added here; if a place asks
   for it, that place gets the line and column. */
static int locate_cell(data_ctx *d, sb_id ind, sb_id reg, int year, int c)
{
    cell_key k = {ind, reg, year};
    size_t *count = g_hash_table_lookup(d->counts, &k), i;

    if (count == NULL)
        return 0;
    for (i = 0; i < d->n_places; i++) {
        sb_place *p = &d->places[i];
        if (p->indicator == ind && p->region == reg && p->year == year &&
            p->file == d->file && p->nth == *count) {
            p->line = d->row->line;
            p->column = c + 1;
        }
    }
    (*count)++;
    return 0;
}

/* Trimmed field c of the current row, NUL-terminated in place; "" when
   the row is short. */
static inline const char *field(data_ctx *d, int c, size_t *len)
{
    char *s;

    if (c < 0 || (size_t)c >= d->row->n) {
        *len = 0;
        return "";
    }
    s = (char *)input_trim(d->row->field[c], d->row->len[c], len);
    s[*len] = '\0';
    return s;
}

/* An error at field c of the current row: "what" or "what: \"text\"". */
static int fail(data_ctx *d, int c, const char *what, const char *text)
{
    if (*text == '\0')
        sb_error_set(d->err, SB_EDATA, d->path, d->row->line, c + 1, "%s",
                     what);
    else
        sb_error_set(d->err, SB_EDATA, d->path, d->row->line, c + 1,
                     "%s: \"%.60s\"", what, text);
    return -1;
}

/* Out of memory at field c of the current row (-1 for none); -1. */
static int oom(data_ctx *d, int c)
{
    sb_error_set(d->err, SB_ENOMEM, d->path, d->row->line, c + 1,
                 "out of memory");
    return -1;
}

static int warn(data_ctx *d, int c, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A warning at field c of the current row. */
static int warn(data_ctx *d, int c, const char *fmt, ...)
{
    va_list ap;
    sb_status rc;

    va_start(ap, fmt);
    rc = sb_diag_warnv(d->diag, d->path, d->row->line, c + 1, fmt, ap);
    va_end(ap);
    d->rep->warnings++;
    return rc == SB_OK ? 0 : oom(d, c);
}

/* ---- regions and the gazetteer ------------------------------------------ */

/* Whether region r was met in this file (each file names a place once:
   two of its names are two regions, whatever the gazetteer says). */
static int met(const data_ctx *d, sb_id r)
{
    return r < d->n_met && d->met[r];
}

/* Marks r as met in this file; -1 when out of memory. */
static int mark_met(data_ctx *d, sb_id r)
{
    size_t cap = d->n_met;
    unsigned char *p;

    if (r >= cap) {
        while (cap <= r)
            cap = cap ? 2 * cap : 64;
        if ((p = sb_renew(unsigned char, d->met, cap)) == NULL)
            return -1;
        memset(p + d->n_met, 0, cap - d->n_met);
        d->met = p;
        d->n_met = cap;
    }
    d->met[r] = 1;
    return 0;
}

/* The process's gazetteer, on the first name that needs it; a JSON it
   could not read is a warning (once). -1 when out of memory. */
static int gazetteer(data_ctx *d, int c)
{
    const input_gaz_note *note;
    sb_error e = {0};

    if (d->gaz != NULL)
        return 0;
    if (input_gazetteer_get(&d->gaz, &note, &e) != SB_OK)
        return oom(d, c);
    if (note != NULL &&
        sb_diag_warn(d->diag, note->path, note->line, note->column, "%s",
                     note->text) != SB_OK)
        return oom(d, c);
    if (!sb_dataset_places_indexed(d->ds) &&
        input_gazetteer_place_regions(d->gaz, d->ds) != SB_OK)
        return oom(d, c);
    return 0;
}

/* Joins name to region r, the same place in another file: name becomes
   an alias of r, and the join is recorded for check. */
static int join(data_ctx *d, sb_id r, const char *name,
                const input_gaz_match *m, int c)
{
    sb_error e = {0};
    sb_join j = {name, m->place, m->how, r, d->file,
                 (uint32_t)d->row->line};

    if (sb_dataset_add_alias(d->ds, r, name, &e) != SB_OK ||
        sb_dataset_add_join(d->ds, &j) != SB_OK)
        return oom(d, c);
    return 0;
}

/* Why name is not joined to region r of its place: another name of this
   file is r, or regions.csv gives the place to two regions (r, other). */
static int not_joined(data_ctx *d, const char *name, sb_id r, sb_id other,
                      const input_gaz_match *m, int c)
{
    const char *rn = sb_dataset_region_at(d->ds, r)->name;

    if (other == SB_NONE)
        return warn(d, c, "region \"%s\" is %s (%s), as \"%s\" of this "
                    "file is: kept apart", name, m->place, m->how, rn);
    return warn(d, c, "region \"%s\" is %s (%s), which both \"%s\" and "
                "\"%s\" are: not joined (make it an alias of one in "
                "regions.csv)", name, m->place, m->how, rn,
                sb_dataset_region_at(d->ds, other)->name);
}

/* What the gazetteer makes of a region name (and its code, if the row
   has one) that the dataset does not know: *id the region of the same
   place from another file (name now its alias), else SB_NONE and *place
   the place a new region of this name takes (NULL: none); *agg when it
   is an aggregate's; *said when a warning already spoke of it. */
static int gaz_region(data_ctx *d, const char *name, const char *code,
                      int c, sb_id *id, const char **place, int *agg,
                      int *said)
{
    input_gaz_match m;
    sb_id other;
    int two = d->l->export != INPUT_EXPORT_NONE, rc;

    *id = SB_NONE;
    *place = NULL;
    *agg = input_gazetteer_is_aggregate(name) ||
           (code != NULL && input_gazetteer_is_aggregate(code));
    if (*agg || gazetteer(d, c) != 0)
        return *agg ? 0 : -1;
    if ((code == NULL || !input_gazetteer_find(d->gaz, code, two, &m)) &&
        !input_gazetteer_find(d->gaz, name, two, &m))
        return 0;
    if ((*id = sb_dataset_find_place(d->ds, m.place, &other)) == SB_NONE) {
        *place = m.place;
        return 0;
    }
    if (other == SB_NONE && !met(d, *id))
        return join(d, *id, name, &m, c);
    *said = 1;
    rc = not_joined(d, name, *id, met(d, *id) ? SB_NONE : other, &m, c);
    *id = SB_NONE;
    return rc;
}

/* A region name the dataset does not know: joined through the
   gazetteer, else a new region (an aggregate's code makes it one; its
   place is recorded), warned about when regions.csv was given. SB_NONE
   on error. */
static sb_id new_region(data_ctx *d, const char *name, const char *code,
                        int c)
{
    const char *place;
    int agg, said = 0;
    sb_id id;

    if (gaz_region(d, name, code, c, &id, &place, &agg, &said) != 0)
        return SB_NONE;
    if (id != SB_NONE)
        return id;
    if (d->o->have_region_meta && !said &&
        warn(d, c, "region \"%s\" is not in the region metadata (add it "
             "or an alias of it)", name) != 0)
        return SB_NONE;
    if ((id = sb_dataset_region(d->ds, name)) == SB_NONE ||
        (place != NULL && sb_dataset_set_place(d->ds, id, place) != SB_OK)) {
        oom(d, c);
        return SB_NONE;
    }
    if (agg)
        sb_dataset_region_mut(d->ds, id)->role |= SB_ROLE_AGGREGATE;
    return id;
}

/* An indicator id the dataset does not know: a new indicator, warned
   about when indicators.csv was given. SB_NONE on error. */
static sb_id new_indicator(data_ctx *d, const char *name, int c)
{
    sb_id id;

    if (d->o->have_indicator_meta &&
        warn(d, c, "indicator \"%s\" is not in the indicator metadata",
             name) != 0)
        return SB_NONE;
    if ((id = sb_dataset_indicator(d->ds, name)) == SB_NONE)
        oom(d, c);
    return id;
}

/* Whether the len bytes at s are the text t: lengths first, so that
   many changed names differ without a byte compared. */
static int same_text(const sb_text *t, const char *s, size_t len)
{
    return t->len == len && input_same_bytes(t->s, s, len);
}

/* lookup when the name is not the cached one: out of line, so that
   the test every row makes stays small where it is inlined. */
static sb_id __attribute__((noinline))
lookup_miss(data_ctx *d, name_cache *nc, int is_region, const char *name,
            size_t len, const char *code, int c)
{
    sb_id id = is_region ? sb_dataset_find_region(d->ds, name)
                   : sb_dataset_find_indicator(d->ds, name);
    if (id == SB_NONE)
        id = is_region ? new_region(d, name, code, c)
                       : new_indicator(d, name, c);
    nc->name.len = 0;
    nc->id = SB_NONE;
    if (id == SB_NONE)
        return SB_NONE;
    if ((is_region && mark_met(d, id) != 0) ||
        sb_text_add(&nc->name, name, len) != 0) {
        oom(d, c);
        return SB_NONE;
    }
    return nc->id = id;
}

/* Resolves an indicator (is_region 0) or region name (len bytes, with
   the row's code, or NULL) to its id, with a one-name cache: consecutive
   rows mostly repeat the previous names. A name the dataset lacks is new
   (new_indicator, new_region), so it is looked up and warned about
   once. SB_NONE on error. */
static inline sb_id lookup(data_ctx *d, name_cache *nc, int is_region,
                           const char *name, size_t len, const char *code,
                           int c)
{
    if (nc->id != SB_NONE && same_text(&nc->name, name, len))
        return nc->id;
    return lookup_miss(d, nc, is_region, name, len, code, c);
}

static sb_id indicator(data_ctx *d, const char *name, int c)
{
    return lookup(d, &d->ind_cache, 0, name, strlen(name), NULL, c);
}

static sb_id region(data_ctx *d, const char *name, int c)
{
    return lookup(d, &d->reg_cache, 1, name, strlen(name), NULL, c);
}

/* Remembers that this file met id (for the per-file report); -1 when
   out of memory. */
static int note_seen(GHashTable *set, sb_id id, sb_id **arr, size_t *n)
{
    sb_id *p;

    if (g_hash_table_contains(set, GUINT_TO_POINTER(id + 1)))
        return 0;
    /* the capacity doubles when *n reaches a power of two: one element
       more each time copied the whole list, quadratic in a file of a
       million regions */
    if ((*n & (*n - 1)) == 0) {
        if ((p = sb_renew(sb_id, *arr, *n ? 2 * *n : 1)) == NULL)
            return -1;
        *arr = p;
    }
    g_hash_table_add(set, GUINT_TO_POINTER(id + 1));
    (*arr)[(*n)++] = id;
    return 0;
}

/* Gives ind the unit u (of the row, column c) unless it has one; a
   different unit is warned about once per indicator. */
static int set_unit(data_ctx *d, sb_id ind, const char *u, int c)
{
    sb_indicator *p = sb_dataset_indicator_mut(d->ds, ind);

    if (u == NULL || u[0] == '\0' || strcmp(p->unit, u) == 0)
        return 0;
    if (p->unit[0] == '\0')
        return sb_dataset_intern_to(d->ds, &p->unit, u, -1) == SB_OK
                   ? 0 : oom(d, c);
    if (!g_hash_table_add(d->unit_warned, GUINT_TO_POINTER(ind + 1)))
        return 0;
    return warn(d, c, "unit \"%s\" differs from \"%s\" given before", u,
                p->unit);
}

/* Row-wide extras: unit (of the row's indicator), flags, note, source. */
static int row_unit(data_ctx *d, sb_id ind)
{
    size_t len;
    int c = d->l->key[INPUT_COL_UNIT];

    if (c < 0 || ind == SB_NONE)        /* most tables have no unit column */
        return 0;
    return set_unit(d, ind, field(d, c, &len), c);
}

/* The row's note and source, in English and Chinese; SB_NONE when out
   of memory. */
static uint32_t row_annot(data_ctx *d)
{
    size_t len;
    sb_annot t;
    uint32_t id;

    if (d->l->key[INPUT_COL_NOTE] < 0 && d->l->key[INPUT_COL_SOURCE] < 0 &&
        d->l->key[INPUT_COL_NOTE_ZH] < 0 && d->l->key[INPUT_COL_SOURCE_ZH] < 0)
        return 0;               /* most tables have none of the columns */
    t.note = field(d, d->l->key[INPUT_COL_NOTE], &len);
    t.source = field(d, d->l->key[INPUT_COL_SOURCE], &len);
    t.note_zh = field(d, d->l->key[INPUT_COL_NOTE_ZH], &len);
    t.source_zh = field(d, d->l->key[INPUT_COL_SOURCE_ZH], &len);
    id = sb_dataset_annot(d->ds, &t);
    if (id == SB_NONE)
        oom(d, -1);
    return id;
}

/* The pool id of a cell's flags and the row's flags column (extra, lf
   bytes) together; SB_NONE when out of memory. */
static uint32_t cell_flags(data_ctx *d, const char *flags, const char *extra,
                           size_t lf)
{
    char both[256], *big = NULL;
    size_t lc = strlen(flags);
    uint32_t id;

    if (lf == 0)
        return flags[0] != '\0' ? sb_dataset_intern(d->ds, flags, -1) : 0;
    if (lc + lf >= sizeof both) {               /* no allocation for most */
        if ((big = sb_malloc(lc + lf + 1)) == NULL)
            return SB_NONE;
    }
    memcpy(big ? big : both, flags, lc);
    memcpy((big ? big : both) + lc, extra, lf + 1);
    id = sb_dataset_intern(d->ds, big ? big : both, -1);
    g_free(big);
    return id;
}

/* Counts a cell in the report; 0 when it is a bare missing marker
   (nothing to keep). */
static int count_cell(input_file_report *rep, const input_cell *cell,
                      uint32_t flags, int year)
{
    if (flags != 0)
        rep->flagged++;
    if (cell->missing) {
        rep->missing++;
        return flags != 0;
    }
    rep->values++;
    if (rep->year_min == 0 || year < rep->year_min)
        rep->year_min = year;
    if (year > rep->year_max)
        rep->year_max = year;
    return 1;
}

/* The indicator and region noted in the file's report (the hash only on
   a change). */
static int note_keys(data_ctx *d, sb_id ind, sb_id reg)
{
    input_file_report *rep = d->rep;

    if (ind != d->seen_last_ind) {
        if (note_seen(d->seen_ind, ind, &rep->indicators,
                      &rep->n_indicators) != 0)
            return -1;
        d->seen_last_ind = ind;
    }
    if (reg != d->seen_last_reg) {
        if (note_seen(d->seen_reg, reg, &rep->regions, &rep->n_regions) != 0)
            return -1;
        d->seen_last_reg = reg;
    }
    return 0;
}

/* The row's flags column, or the flags its portal format read for the
   row in its place. */
static const char *row_flags(data_ctx *d, size_t *len)
{
    if (d->l->export != INPUT_EXPORT_NONE && d->names.flags != NULL) {
        *len = strlen(d->names.flags);
        return d->names.flags;
    }
    return field(d, d->l->key[INPUT_COL_FLAGS], len);
}

/* ---- the prep: a record's year and values parsed before data_row -------- */

/* The prep parses the year cell and the first PREP_CELLS value cells of
   a record of an ordinary table (not an export's) with the functions
   the row path uses, so that it can run on a reader's worker thread
   (input_csv_read_prep). The row path takes what it parsed when ok and
   parses the cell itself otherwise: every message and warning comes
   from the row path, in file order, as without the prep. */
#define PREP_CELLS 20

/* A value cell as the prep parsed it (12 bytes): ok when it parsed
   without flag letters (which the row path interns), so that it stands
   for input_cell_parse's result; otherwise the rest is unset. */
typedef struct __attribute__((packed, aligned(4))) {
    double value;
    uint8_t ok, missing, percent, decimals;
} prep_cell;

typedef struct {
    int32_t year;                /* the year cell's; 0: none, or not one */
    uint32_t n;                  /* cells parsed: the first n value columns */
    prep_cell cell[PREP_CELLS];
} data_prep;

G_STATIC_ASSERT(sizeof(data_prep) <= INPUT_CSV_MAX_PREP);

/* What the prep reads, fixed by the layout before the file is read. */
typedef struct {
    int decimal_comma;
    int year_col;                /* -1: the columns are years */
    size_t n;
    int col[PREP_CELLS];         /* the first value columns, in order */
} prep_ctx;

/* The prep of an ordinary table's layout into p; 0 when the layout is an
   export's (its formats read the records their own way). */
static int prep_setup(prep_ctx *p, const input_data_opts *o)
{
    const input_layout *l = o->layout;
    size_t c;

    if (l->export != INPUT_EXPORT_NONE)
        return 0;
    memset(p, 0, sizeof *p);
    p->decimal_comma = o->decimal_comma;
    p->year_col = l->shape == INPUT_SHAPE_WIDE_YEAR ? -1
                                                    : l->key[INPUT_COL_YEAR];
    if (l->shape == INPUT_SHAPE_LONG) {
        p->col[p->n++] = l->key[INPUT_COL_VALUE];
        return 1;
    }
    for (c = 0; c < l->n && p->n < PREP_CELLS; c++)
        if (l->cols[c].role == INPUT_COL_VALUES)
            p->col[p->n++] = (int)c;
    return 1;
}

/* The prep function (input_prep_fn): touches nothing but out. */
static void prep_row(const void *pctx, const input_row *row, void *out)
{
    const prep_ctx *p = pctx;
    data_prep *dp = out;
    input_cell cell;
    char msg[200];
    size_t k;
    int c, y;

    dp->year = 0;
    c = p->year_col;
    if (c >= 0 && (size_t)c < row->n &&
        (y = input_parse_year(row->field[c], row->len[c])) > 0)
        dp->year = y;
    dp->n = (uint32_t)p->n;
    for (k = 0; k < p->n; k++) {
        prep_cell *pc = &dp->cell[k];
        uint8_t b[4] = {0, 0, 0, 0};     /* ok, missing, percent, decimals */
        c = p->col[k];
        b[0] = c >= 0 && (size_t)c < row->n &&
               input_cell_parse(row->field[c], row->len[c],
                                p->decimal_comma, &cell, msg,
                                sizeof msg) == 0 &&
               cell.flags[0] == '\0';
        if (b[0]) {
            pc->value = cell.value;
            b[1] = (uint8_t)cell.missing;
            b[2] = (uint8_t)cell.percent;
            b[3] = (uint8_t)cell.decimals;
        }
        /* the four bytes in one store: a reader copying the prep by
           words (input/csvpar.c keep_row) then gets each word forwarded
           from one store, not stalled on four */
        memcpy(&pc->ok, b, sizeof b);
    }
}

/* Value slot k of the row (its k-th value column) as the prep parsed it
   into *cell: 1, or 0 when the row path must parse the cell. */
static int prepped_cell(const data_ctx *d, size_t k, input_cell *cell)
{
    const data_prep *dp = d->row->prep;
    const prep_cell *pc;

    if (dp == NULL || k >= dp->n || !dp->cell[k].ok)
        return 0;
    pc = &dp->cell[k];
    cell->value = pc->value;
    cell->missing = pc->missing;
    cell->percent = pc->percent;
    cell->decimals = pc->decimals;
    cell->flags[0] = '\0';
    return 1;
}

/* Parses value cell c (value slot k) into *cell; -1 with the error set. */
static int parse_value(data_ctx *d, int c, size_t k, input_cell *cell)
{
    size_t len;
    const char *s;
    char msg[200];

    if (prepped_cell(d, k, cell))
        return 0;
    s = field(d, c, &len);
    if (input_cell_parse(s, len, d->o->decimal_comma, cell, msg,
                         sizeof msg) == 0)
        return 0;
    /* In a wide table the header says what the cell was for. */
    if (!d->o->decimal_comma && g_str_has_prefix(msg, "bad thousand separator"))
        g_strlcat(msg, " (if ',' marks decimals here, use --decimal-comma)",
                  sizeof msg);
    sb_error_set(d->err, SB_EDATA, d->path, d->row->line, c + 1, "%s%s%s%s",
                 msg, d->l->shape == INPUT_SHAPE_LONG ? "" : " (column \"",
                 d->l->shape == INPUT_SHAPE_LONG ? "" : d->l->cols[c].name,
                 d->l->shape == INPUT_SHAPE_LONG ? "" : "\")");
    return -1;
}

/* Holds a value whose indicator its export names once the file is read;
   -1 when out of memory. */
static int hold(data_ctx *d, const sb_obs *o, sb_id reg, uint32_t flags,
                uint32_t annot)
{
    input_held v;

    v.obs = *o;
    v.key = d->names.key;
    v.region = reg;
    v.flags = flags;
    v.annot = annot;
    return input_defer_add(&d->held, &v);
}

/* Counts the cell in column c (its flags and annotation ids given) and
   keeps it in (ind, reg, year) unless it is a bare missing marker. */
static int keep_cell(data_ctx *d, sb_id ind, sb_id reg, int year, int c,
                     input_cell *cell, uint32_t flags, uint32_t annot)
{
    sb_obs o;

    if (d->l->export != INPUT_EXPORT_NONE && d->names.missing) {
        cell->missing = 1;      /* its status says so (SDMX-CSV) */
        cell->value = NAN;
    }
    if (!count_cell(d->rep, cell, flags, year))
        return 0;              /* an empty or bare marker: nothing to keep */
    if (d->places != NULL)
        return locate_cell(d, ind, reg, year, c);
    memset(&o, 0, sizeof o);
    o.value = cell->value;
    o.year = year;
    o.decimals = (uint8_t)cell->decimals;
    o.state = (cell->missing ? SB_OBS_MISSING : 0) |
              (cell->percent ? SB_OBS_PERCENT : 0);
    if (d->l->export != INPUT_EXPORT_NONE && d->names.held)
        return hold(d, &o, reg, flags, annot) == 0 ? 0 : oom(d, c);
    if (note_keys(d, ind, reg) != 0 ||
        sb_dataset_add_obs(d->ds, ind, reg, d->file, &o, flags, annot)
            != SB_OK)
        return oom(d, c);
    return 0;
}

/* Parses the cell in column c (value slot k) and adds it to (ind, reg,
   year). */
static int add_value(data_ctx *d, sb_id ind, sb_id reg, int year, int c,
                     size_t k, uint32_t annot)
{
    size_t lf;
    const char *extra = row_flags(d, &lf);
    input_cell cell;
    uint32_t flags;

    if (parse_value(d, c, k, &cell) != 0)
        return -1;
    if ((flags = cell_flags(d, cell.flags, extra, lf)) == SB_NONE)
        return oom(d, c);
    return keep_cell(d, ind, reg, year, c, &cell, flags, annot);
}

/* The key columns of a record: indicator, region and year, each resolved
   from its column or (wide shapes) given by the caller. */
static int key_name(data_ctx *d, input_col_role role, const char **out,
                    size_t *len)
{
    int c = d->l->key[role];

    *out = field(d, c, len);
    if (*len == 0)
        return fail(d, c, role == INPUT_COL_REGION ? "empty region name"
                                                   : "empty indicator id",
                    "");
    return 0;
}

/* The indicator (is_region 0) or region of the row, from its column. */
static int key_id(data_ctx *d, int is_region, sb_id *id)
{
    input_col_role role = is_region ? INPUT_COL_REGION : INPUT_COL_INDICATOR;
    const char *name;
    size_t len;

    if (key_name(d, role, &name, &len) != 0)
        return -1;
    *id = lookup(d, is_region ? &d->reg_cache : &d->ind_cache, is_region,
                 name, len, NULL, d->l->key[role]);
    return *id == SB_NONE ? -1 : 0;
}

static int key_year(data_ctx *d, int *year)
{
    const data_prep *dp = d->row->prep;
    size_t len;
    int c = d->l->key[INPUT_COL_YEAR];
    const char *s;

    if (dp != NULL && dp->year > 0) {
        *year = dp->year;
        return 0;
    }
    s = field(d, c, &len);
    *year = input_parse_year(s, len);
    if (*year > 0)
        return 0;
    return fail(d, c, d->l->export == INPUT_EXPORT_NONE
                          ? "not a year"
                          : "not a year (only annual data can be read)", s);
}

/* What an export says of an indicator that metadata does not: its name,
   and the kind and scale of its unit's code. */
static int indicator_extras(data_ctx *d, sb_id ind, const input_fmt_names *nm)
{
    sb_indicator *p = sb_dataset_indicator_mut(d->ds, ind);

    if (p->has_meta)
        return 0;
    if (nm->name != NULL && nm->name[0] != '\0' &&
        sb_dataset_intern_to(d->ds, &p->name, nm->name, -1) != SB_OK)
        return oom(d, -1);
    if (p->kind == SB_KIND_UNSET)
        p->kind = nm->kind;
    if (isnan(p->scale) && !isnan(nm->scale) && nm->base_unit != NULL) {
        if (sb_dataset_intern_to(d->ds, &p->base_unit, nm->base_unit, -1)
            != SB_OK)
            return oom(d, -1);
        p->scale = nm->scale;
    }
    return 0;
}

/* What an export says besides the keys: the indicator's name, kind and
   scale (unless metadata gave them), the region's role (an aggregate,
   unless regions.csv describes it) and its code as an alias. Applied
   when the indicator or region changes, not on every row. */
static int export_extras(data_ctx *d, sb_id ind, sb_id reg)
{
    const input_fmt_names *nm = &d->names;
    sb_region *r;
    sb_id other;

    if (ind != SB_NONE && ind != d->extras_ind) {
        d->extras_ind = ind;
        if (indicator_extras(d, ind, nm) != 0)
            return -1;
    }
    if (reg == SB_NONE || reg == d->extras_reg)
        return 0;
    d->extras_reg = reg;
    r = sb_dataset_region_mut(d->ds, reg);
    if (!r->has_meta)
        r->role |= nm->region_role;
    if (nm->alias == NULL || nm->alias[0] == '\0')
        return 0;
    other = sb_dataset_find_region(d->ds, nm->alias);
    if (other == reg)
        return 0;
    if (other == SB_NONE) {
        /* zeroed here, not on every row: it holds a 512-byte message */
        sb_error e = {0};
        sb_status rc = sb_dataset_add_alias(d->ds, reg, nm->alias, &e);
        return rc == SB_OK       ? 0
               : rc == SB_ENOMEM ? oom(d, nm->alias_col)
                                 : warn(d, nm->alias_col, "%s", e.msg);
    }
    return warn(d, nm->alias_col, "code \"%s\" already names "
                "\"%s\": not made an alias of \"%s\"", nm->alias,
                sb_dataset_region_at(d->ds, other)->name,
                sb_dataset_region_at(d->ds, reg)->name);
}

/* A row's region found by its code (an SDMX label "Korea" with code
   KOR, where a World Bank file made "Korea, Rep." with that code): the
   label becomes an alias of the region, so that either name selects it,
   and the join is recorded for check like the gazetteer's. A label that
   already names a region is left alone. */
static int code_join(data_ctx *d, sb_id r, const input_fmt_names *nm, int c)
{
    const char *place = sb_dataset_region_at(d->ds, r)->place;
    input_gaz_match m;

    if (sb_dataset_find_region(d->ds, nm->region) != SB_NONE)
        return 0;
    m.place = place != NULL && place[0] != '\0' ? place : nm->alias;
    m.how = "the same code";
    return join(d, r, nm->region, &m, c);
}

/* The region of an export's row: by its code when the metadata knows the
   code (WDI), else by its name. The row before's when both are the same
   (rows of one region come together). SB_NONE when out of memory. */
static sb_id export_region(data_ctx *d, const input_fmt_names *nm, int c)
{
    const char *alias = nm->alias != NULL ? nm->alias : "";
    row_region *last = &d->last_region;

    if (last->id != SB_NONE && strcmp(nm->region, last->name.s) == 0 &&
        strcmp(alias, last->alias.s) == 0)
        return last->id;
    /* a code the metadata knows names the region surest (WDI) */
    if (alias[0] != '\0' && sb_dataset_find_region(d->ds, alias) != SB_NONE) {
        last->id = region(d, alias, nm->alias_col);
        if (last->id != SB_NONE && code_join(d, last->id, nm, c) != 0)
            last->id = SB_NONE;
    } else
        last->id = lookup(d, &d->reg_cache, 1, nm->region,
                          strlen(nm->region), nm->alias, c);
    last->name.len = last->alias.len = 0;
    if (last->id != SB_NONE &&
        (sb_text_add(&last->name, nm->region, strlen(nm->region)) != 0 ||
         sb_text_add(&last->alias, alias, strlen(alias)) != 0)) {
        last->id = SB_NONE;
        oom(d, c);
    }
    return last->id;
}

/* The indicator and region of an export's row, as the export defines
   them; *ind keeps the stem where the export names none. */
static int export_keys(data_ctx *d, sb_id *ind, sb_id *reg)
{
    input_fmt_names *nm = &d->names;
    char msg[300];
    int col, rc = d->l->key[INPUT_COL_REGION];

    switch (input_export_row(d->l, d->row, nm, msg, sizeof msg)) {
    case 0:
        break;
    case -2:
        return oom(d, nm->col);
    default:
        sb_error_set(d->err, SB_EDATA, d->path, d->row->line, nm->col + 1,
                     "%s", msg);
        return -1;
    }
    col = nm->col;
    if (nm->indicator != NULL) {
        if (nm->indicator[0] == '\0')
            return fail(d, col, "empty indicator id", "");
        if ((*ind = indicator(d, nm->indicator, col)) == SB_NONE)
            return -1;
    }
    if (rc < 0)
        rc = col;
    if (nm->region != NULL) {
        if (nm->region[0] == '\0')
            return fail(d, rc, "empty region name", "");
        if ((*reg = export_region(d, nm, rc)) == SB_NONE)
            return -1;
    }
    if (*ind != SB_NONE && set_unit(d, *ind, nm->unit, col) != 0)
        return -1;
    if (nm->warning != NULL && warn(d, col, "%s", nm->warning) != 0)
        return -1;
    return export_extras(d, *ind, *reg);
}

/* The indicator and region of a long row of an ordinary table: from
   their columns, or the layout's stem and one region where it has none
   (they are in *ind and *reg already). */
static int long_keys(data_ctx *d, sb_id *ind, sb_id *reg)
{
    const int *k = d->l->key;

    if (k[INPUT_COL_INDICATOR] >= 0 && key_id(d, 0, ind) != 0)
        return -1;
    if (k[INPUT_COL_REGION] >= 0 && key_id(d, 1, reg) != 0)
        return -1;
    return 0;
}

static int row_long(data_ctx *d, uint32_t annot)
{
    sb_id ind = d->stem, reg = d->one_region;
    int year;

    if (d->l->export != INPUT_EXPORT_NONE ? export_keys(d, &ind, &reg) != 0
                                          : long_keys(d, &ind, &reg) != 0)
        return -1;
    if (key_year(d, &year) != 0 || row_unit(d, ind) != 0)
        return -1;
    return add_value(d, ind, reg, year, d->l->key[INPUT_COL_VALUE], 0, annot);
}

/* Whether a long table's rows may go through row_fast: an ordinary
   table whose columns give the indicator and region, with no unit, flags,
   note or source column (each row's work on those is then nothing). */
static int fast_layout(const input_layout *l)
{
    const int *k = l->key;

    return l->shape == INPUT_SHAPE_LONG && l->export == INPUT_EXPORT_NONE &&
           k[INPUT_COL_INDICATOR] >= 0 && k[INPUT_COL_REGION] >= 0 &&
           k[INPUT_COL_UNIT] < 0 && k[INPUT_COL_FLAGS] < 0 &&
           k[INPUT_COL_NOTE] < 0 && k[INPUT_COL_SOURCE] < 0 &&
           k[INPUT_COL_NOTE_ZH] < 0 && k[INPUT_COL_SOURCE_ZH] < 0;
}

/* Whether row names the indicator and region of the row before (the
   names cached) and nothing is left to warn about: what row_fast, and
   data_run for a run's lead, ask of a row before its names' work is
   skipped. */
static int same_names(const data_ctx *d, const input_row *row)
{
    const int *k = d->l->key;
    int ci = k[INPUT_COL_INDICATOR], cr = k[INPUT_COL_REGION];
    const char *s;
    size_t len;

    if (!d->warned_unnamed || d->ind_cache.id == SB_NONE ||
        d->reg_cache.id == SB_NONE)
        return 0;
    s = input_trim(row->field[ci], row->len[ci], &len);
    if (!same_text(&d->ind_cache.name, s, len))
        return 0;
    s = input_trim(row->field[cr], row->len[cr], &len);
    return same_text(&d->reg_cache.name, s, len);
}

/* The row most of a sorted export is made of, in a fast_layout table:
   the indicator and region of the row before, the year and value as the
   prep parsed them. The row path would find the same, say nothing and do
   what this does; anything else (a new name, a cell the prep left,
   a row without the prep, a field under an empty header still to warn
   about) returns 0, having done nothing, for the row path. 1 when the
   row is done, -1 on error. */
static int row_fast(data_ctx *d)
{
    const input_row *row = d->row;
    const data_prep *dp = row->prep;
    const int *k = d->l->key;
    input_cell cell;

    if (dp == NULL || dp->year <= 0 || !same_names(d, row) ||
        !prepped_cell(d, 0, &cell))
        return 0;
    d->rep->rows++;
    return keep_cell(d, d->ind_cache.id, d->reg_cache.id, dp->year,
                     k[INPUT_COL_VALUE], &cell, 0, 0) == 0 ? 1 : -1;
}

/* ---- runs: a series' rows in one call (the parallel read's) ------------ */

/* The value function of the runs (input_csv_runs.value, on a worker): a
   row that row_fast would take, if its names are the row before's,
   gives the value keep_cell would keep (1), or none (0: a bare missing
   marker, counted only); -1 when row_fast would leave it to the row
   path. */
static int run_value(const void *ctx, const void *prep, void *out,
                     int *year)
{
    const data_prep *dp = prep;
    const prep_cell *pc;
    sb_obs o;

    (void)ctx;
    if (dp == NULL || dp->year <= 0 || dp->n < 1 || !dp->cell[0].ok)
        return -1;
    pc = &dp->cell[0];
    if (pc->missing)
        return 0;
    memset(&o, 0, sizeof o);
    o.value = pc->value;
    o.year = dp->year;
    o.decimals = pc->decimals;
    o.state = pc->percent ? SB_OBS_PERCENT : 0;
    memcpy(out, &o, sizeof o);
    *year = dp->year;
    return 1;
}

/* The take of the runs (input_csv_runs.take): after the run's lead, when
   row_fast would take each of its rows (the lead left the names it
   compares with, and nothing is still to warn about), what it would do
   for all of them: the rows and values counted, the values added to
   their series. Else 1: the rows one by one. */
static int data_run(void *user, const input_run *run, sb_error *err)
{
    data_ctx *d = user;
    const input_row *lead = run->lead;
    const int *k = d->l->key;
    input_file_report *rep = d->rep;

    if (!d->fast || d->places != NULL || !d->header_done ||
        d->skipped < d->l->header_at || lead->n != d->l->n ||
        !same_names(d, lead))
        return 1;
    rep->rows += run->rows;
    rep->missing += run->skipped;
    if (run->n == 0)
        return 0;
    rep->values += run->n;
    if (rep->year_min == 0 || run->year_min < rep->year_min)
        rep->year_min = run->year_min;
    if (run->year_max > rep->year_max)
        rep->year_max = run->year_max;
    if (note_keys(d, d->ind_cache.id, d->reg_cache.id) == 0 &&
        sb_dataset_add_run(d->ds, d->ind_cache.id, d->reg_cache.id, d->file,
                           run->values, run->n) == SB_OK)
        return 0;
    sb_error_set(err, SB_ENOMEM, d->path, run->line, k[INPUT_COL_VALUE] + 1,
                 "out of memory");
    return -1;
}

/* The runs of a fast_layout table read without locating: their keys are
   its indicator and region columns. 0 when it has none. */
static int runs_setup(input_csv_runs *ru, const data_ctx *d)
{
    const int *k = d->l->key;

    if (!fast_layout(d->l) || d->places != NULL)
        return 0;
    memset(ru, 0, sizeof *ru);
    ru->key[0] = (size_t)k[INPUT_COL_INDICATOR];
    ru->key[1] = (size_t)k[INPUT_COL_REGION];
    ru->width = d->l->n;
    ru->size = sizeof(sb_obs);
    ru->value = run_value;
    ru->take = data_run;
    return 1;
}

/* The indicator (wide by year, when a column holds it) and the region
   (but wide by region, or of one region) of a wide row of an ordinary
   table. */
static int table_keys(data_ctx *d, sb_id *ind, sb_id *reg)
{
    const input_layout *l = d->l;

    if (l->key[INPUT_COL_INDICATOR] >= 0 && l->shape == INPUT_SHAPE_WIDE_YEAR
        && key_id(d, 0, ind) != 0)
        return -1;
    if (l->shape != INPUT_SHAPE_WIDE_REGION && l->one_region == NULL &&
        key_id(d, 1, reg) != 0)
        return -1;
    return 0;
}

/* The keys of a wide row that come from its own fields: as its portal
   format reads them, or from the table's key columns; then the year
   unless the columns are years. */
static int wide_keys(data_ctx *d, sb_id *ind, sb_id *reg, int *year)
{
    const input_layout *l = d->l;

    if (l->export != INPUT_EXPORT_NONE ? export_keys(d, ind, reg) != 0
                                       : table_keys(d, ind, reg) != 0)
        return -1;
    if (l->shape != INPUT_SHAPE_WIDE_YEAR && key_year(d, year) != 0)
        return -1;
    return 0;
}

static int row_wide(data_ctx *d, uint32_t annot)
{
    const input_layout *l = d->l;
    sb_id ind = d->stem, reg = d->one_region;
    int year = 0;
    size_t c, k = 0;

    if (wide_keys(d, &ind, &reg, &year) != 0)
        return -1;
    if (ind != SB_NONE && row_unit(d, ind) != 0)
        return -1;
    for (c = 0; c < l->n; c++) {
        if (l->cols[c].role != INPUT_COL_VALUES)
            continue;
        if (l->shape == INPUT_SHAPE_WIDE_YEAR)
            year = l->cols[c].year;
        else if (l->shape == INPUT_SHAPE_WIDE_INDICATOR)
            ind = d->target[c];
        else
            reg = d->target[c];
        if (add_value(d, ind, reg, year, (int)c, k++, annot) != 0)
            return -1;
    }
    return 0;
}

/* The indicator of value column c of a table wide by indicator: named by
   its header, or as its export says (an id made from the header, the
   header as the name). SB_NONE when out of memory. */
static sb_id column_indicator(data_ctx *d, size_t c)
{
    const char *id, *name;
    input_fmt_names nm;
    sb_id ind;

    input_export_column(d->l, c, &id, &name);
    if ((ind = indicator(d, id, (int)c)) == SB_NONE || name == NULL)
        return ind;
    memset(&nm, 0, sizeof nm);
    nm.name = name;
    nm.scale = NAN;
    return indicator_extras(d, ind, &nm) == 0 ? ind : SB_NONE;
}

/* Resolves the wide columns' indicators or regions once, at the header;
   -1 when out of memory. */
static int header_targets(data_ctx *d)
{
    const input_layout *l = d->l;
    size_t c;

    /* the stem and the one region come from the file name or an
       option: no field */
    if (l->stem != NULL && (d->stem = indicator(d, l->stem, -1)) == SB_NONE)
        return -1;
    if (l->one_region != NULL &&
        (d->one_region = region(d, l->one_region, -1)) == SB_NONE)
        return -1;
    d->warned_unnamed = 1;          /* nothing to look for on each row */
    for (c = 0; c < l->n; c++)
        if (l->cols[c].name[0] == '\0')
            d->warned_unnamed = 0;
    d->fast = fast_layout(l);
    if ((d->target = sb_new0(sb_id, l->n)) == NULL)
        return oom(d, -1);
    for (c = 0; c < l->n; c++) {
        if (l->cols[c].role != INPUT_COL_VALUES)
            continue;
        if (l->shape == INPUT_SHAPE_WIDE_INDICATOR)
            d->target[c] = column_indicator(d, c);
        else if (l->shape == INPUT_SHAPE_WIDE_REGION)
            d->target[c] = region(d, l->cols[c].name, (int)c);
        else
            continue;
        if (d->target[c] == SB_NONE)
            return -1;
    }
    return 0;
}

/* A value under an empty header (a pandas index column, a stray cell)
   has no indicator, region or year to belong to: say so once. */
static int check_unnamed(data_ctx *d)
{
    size_t c, len;

    for (c = 0; c < d->l->n && c < d->row->n && !d->warned_unnamed; c++) {
        if (d->l->cols[c].name[0] != '\0')
            continue;
        input_trim(d->row->field[c], d->row->len[c], &len);
        if (len > 0) {
            d->warned_unnamed = 1;
            return warn(d, (int)c, "field %zu has no header: its values "
                        "are ignored", c + 1);
        }
    }
    return 0;
}

static int row_is_blank(data_ctx *d)
{
    size_t c, len;

    for (c = 0; c < d->row->n; c++) {
        input_trim(d->row->field[c], d->row->len[c], &len);
        if (len > 0)
            return 0;
    }
    return 1;
}

/* Appends sep (unless t is empty) and n bytes of p to t. */
static int append_sep(sb_text *t, const char *sep, const char *p, size_t n)
{
    if (t->len > 0 && sb_text_add(t, sep, strlen(sep)) != 0)
        return -1;
    return sb_text_add(t, p, n);
}

/* An export's footnotes (NBS: 注：, 数据来源：, and every line after the
   first) and closing lines (the DataBank's "Last Updated") are not
   data: 1 when the row is one, -1 when out of memory. */
static int footnote(data_ctx *d)
{
    const char *body;
    int is_source, foot;
    sb_text *to;
    size_t c, len;

    if (d->l->export == INPUT_EXPORT_NONE)
        return 0;
    foot = input_export_footer(d->l, d->row, &body, &is_source);
    if (!d->in_footer && (!foot || body == NULL))
        return foot;            /* data, or a closing line to pass over */
    d->in_footer = 1;
    to = is_source ? &d->sources : &d->notes;
    for (c = 0; c < d->row->n; c++) {
        const char *f = input_trim(d->row->field[c], d->row->len[c], &len);
        if (len == 0)
            continue;
        if (append_sep(&d->footnotes, c ? "," : " ", f, len) != 0)
            return oom(d, (int)c);
        if (c == 0 && body != NULL) {      /* without "注：" or "数据来源：" */
            len -= (size_t)(body - f);
            f = body;
        }
        if (append_sep(to, c ? "," : " ", f, len) != 0)
            return oom(d, (int)c);
    }
    return 1;
}

/* An export's footnotes become the notes and source of the file's
   indicators that metadata left without. */
static sb_status apply_footnotes(data_ctx *d)
{
    size_t i;

    if (d->footnotes.len > 0 &&
        (d->rep->footnotes = sb_strdup(d->footnotes.s)) == NULL)
        return SB_ENOMEM;
    for (i = 0; i < d->rep->n_indicators; i++) {
        sb_indicator *p = sb_dataset_indicator_mut(d->ds, d->rep->indicators[i]);
        if (d->notes.len > 0 && p->note[0] == '\0' &&
            sb_dataset_intern_to(d->ds, &p->note, d->notes.s, -1) != SB_OK)
            return SB_ENOMEM;
        if (d->sources.len > 0 && p->source[0] == '\0' &&
            sb_dataset_intern_to(d->ds, &p->source, d->sources.s, -1)
                != SB_OK)
            return SB_ENOMEM;
    }
    return SB_OK;
}

static int data_row(void *user, const input_row *row, sb_error *err)
{
    data_ctx *d = user;
    uint32_t annot;
    int foot = 0, rc;

    (void)err;
    d->row = row;
    if (d->skipped < d->l->header_at) {
        d->skipped++;                   /* an export's preamble */
        return 0;
    }
    if (!d->header_done) {
        d->header_done = 1;
        return header_targets(d);
    }
    /* a row of the full width with a non-empty indicator is not blank */
    if (d->fast && row->n == d->l->n && (rc = row_fast(d)) != 0)
        return rc > 0 ? 0 : -1;
    if (row_is_blank(d) || (foot = footnote(d)) > 0)
        return 0;
    if (foot < 0)
        return -1;
    if (row->n != d->l->n)
        return input_row_width_error(d->err, d->path, row, d->l->n,
                                     row->n < d->l->n
                                         ? d->l->cols[row->n].name : NULL);
    d->rep->rows++;
    if (check_unnamed(d) != 0 || (annot = row_annot(d)) == SB_NONE)
        return -1;
    if (d->l->shape == INPUT_SHAPE_LONG)
        return row_long(d, annot);
    return row_wide(d, annot);
}

/* ---- values held until the file is read (SDMX-CSV) ---------------------- */

/* Gives held key k its indicator, as the export names it now that the
   file is read: the id, unit, name, kind, and a warning about the unit,
   at the line where the key was first met. -1 when out of memory. */
static int name_held(data_ctx *d, uint32_t k)
{
    input_fmt_names *nm = &d->names;
    input_row at = {0, NULL, NULL, nm->line, NULL};
    sb_id ind;
    int rc;

    if (sb_grow(&d->held_ids, &d->n_held_ids, (size_t)k + 1) != 0)
        return oom(d, -1);
    d->row = &at;           /* where messages about the key point */
    rc = (ind = indicator(d, nm->indicator, nm->col)) == SB_NONE ||
         set_unit(d, ind, nm->unit, nm->col) != 0 ||
         (nm->warning != NULL && warn(d, nm->col, "%s", nm->warning) != 0) ||
         indicator_extras(d, ind, nm) != 0 ? -1 : 0;
    d->row = NULL;
    d->held_ids[k] = ind;
    return rc;
}

static int add_held(void *user, const input_held *v)
{
    data_ctx *d = user;
    sb_id ind = d->held_ids[v->key];

    if (note_keys(d, ind, v->region) != 0 ||
        sb_dataset_add_obs(d->ds, ind, v->region, d->file, &v->obs, v->flags,
                           v->annot) != SB_OK)
        return -1;
    return 0;
}

/* Names the indicator of every key the export handed out, in the order
   they were met (as rows name them in other files), then adds the held
   values in the order they were read. */
static sb_status release_held(data_ctx *d)
{
    uint32_t k;
    int r;

    for (k = 0; (r = input_export_final(d->l, k, &d->names)) == 0; k++)
        if (name_held(d, k) != 0)
            return d->err->code;
    if (r < 0)
        return sb_error_set(d->err, SB_ENOMEM, d->path, 0, 0,
                            "out of memory");
    return input_defer_drain(&d->held, add_held, d) == 0 ? SB_OK
                                                         : SB_ENOMEM;
}

/* Locating: a counter per (indicator, region, year) that a place of
   this file asks about. */
static sb_status count_places(data_ctx *d, const sb_place *places, size_t n)
{
    for (; n > 0; n--, places++) {
        cell_key k = {places->indicator, places->region, places->year};
        cell_key *key;
        size_t *count;
        if (places->file != d->file || g_hash_table_contains(d->counts, &k))
            continue;
        if ((key = sb_memdup(&k, sizeof k)) == NULL)
            return SB_ENOMEM;
        if ((count = sb_new0(size_t, 1)) == NULL) {
            g_free(key);
            return SB_ENOMEM;
        }
        g_hash_table_insert(d->counts, key, count);
    }
    return SB_OK;
}

static void data_ctx_init(data_ctx *d, sb_dataset *ds, uint16_t file,
                          const char *path, const input_data_opts *o,
                          input_file_report *rep)
{
    memset(d, 0, sizeof *d);
    d->ds = ds;
    d->file = file;
    d->path = path;
    d->o = o;
    d->l = o->layout;
    d->rep = rep;
    d->stem = d->one_region = SB_NONE;
    d->ind_cache.id = d->reg_cache.id = d->last_region.id = SB_NONE;
    d->extras_ind = d->extras_reg = SB_NONE;
    d->seen_last_ind = d->seen_last_reg = SB_NONE;
    d->counts = g_hash_table_new_full(cell_hash, cell_equal, g_free, g_free);
    d->seen_ind = g_hash_table_new(g_direct_hash, g_direct_equal);
    d->seen_reg = g_hash_table_new(g_direct_hash, g_direct_equal);
    d->unit_warned = g_hash_table_new(g_direct_hash, g_direct_equal);
}

static void data_ctx_clear(data_ctx *d)
{
    g_free(d->notes.s);
    g_free(d->sources.s);
    g_free(d->footnotes.s);
    g_hash_table_destroy(d->counts);
    g_hash_table_destroy(d->unit_warned);
    g_hash_table_destroy(d->seen_reg);
    g_hash_table_destroy(d->seen_ind);
    g_free(d->target);
    input_defer_clear(&d->held);
    g_free(d->held_ids);
    g_free(d->met);
    g_free(d->ind_cache.name.s);
    g_free(d->reg_cache.name.s);
    g_free(d->last_region.name.s);
    g_free(d->last_region.alias.s);
}

/* Whether to read with the prep: always, but that a test build reads
   without it when SB_TEST_NOPREP is set, so that tests/prep.sh can
   compare the two. */
static int prep_wanted(void)
{
#ifdef SB_TEST_HOOKS
    const char *e = getenv("SB_TEST_NOPREP");

    return e == NULL || e[0] == '\0';
#else
    return 1;
#endif
}

static sb_status read_table(sb_dataset *ds, uint16_t file, const char *path,
                            const input_data_opts *o, input_file_report *rep,
                            sb_diag *diag, sb_place *places, size_t n_places,
                            sb_error *err)
{
    data_ctx d;
    input_csv_info info = {0};
    prep_ctx pc;
    input_csv_runs runs;
    input_csv_prep prep = {prep_row, &pc, sizeof(data_prep), NULL};
    sb_status rc;

    data_ctx_init(&d, ds, file, path, o, rep);
    d.diag = diag;
    d.err = err;
    d.places = places;
    d.n_places = n_places;
    info.delim = o->delim;
    info.encoding = o->encoding;
    rc = count_places(&d, places, n_places);
    if (rc == SB_OK) {
        int use = prep_wanted() && prep_setup(&pc, o);

        /* only the cells parsed: a parallel read keeps each record's
           prep bytes, 20 of them for a long table instead of 248 */
        if (use)
            prep.size = offsetof(data_prep, cell) + pc.n * sizeof(prep_cell);
        if (use && runs_setup(&runs, &d))
            prep.runs = &runs;
        rc = input_csv_read_prep(path, &info, use ? &prep : NULL, data_row,
                                 &d, err);
    }
    if (rc == SB_OK && places == NULL)
        rc = release_held(&d);
    if (rc == SB_OK)
        rc = apply_footnotes(&d);
    if (rc == SB_OK && rep->rows == 0) {
        rep->warnings++;
        if (sb_diag_warn(diag, path, 0, 0, "no data rows") != SB_OK)
            rc = SB_ENOMEM;
    }
    if (rc == SB_ENOMEM)
        sb_error_set(err, rc, path, 0, 0, "out of memory");
    data_ctx_clear(&d);
    return rc;
}

sb_status input_data_read(sb_dataset *ds, uint16_t file, const char *path,
                          const input_data_opts *o, input_file_report *rep,
                          sb_diag *diag, sb_error *err)
{
    return read_table(ds, file, path, o, rep, diag, NULL, 0, err);
}

sb_status input_data_locate(sb_dataset *ds, uint16_t file, const char *path,
                            const input_data_opts *o, sb_place *places,
                            size_t n, sb_error *err)
{
    input_file_report rep;
    sb_diag quiet;
    sb_status rc;

    memset(&rep, 0, sizeof rep);
    sb_diag_init(&quiet);
    rc = read_table(ds, file, path, o, &rep, &quiet, places, n, err);
    sb_diag_clear(&quiet);
    g_free(rep.indicators);
    g_free(rep.regions);
    g_free(rep.footnotes);
    return rc;
}

/* ---- decimal comma detection -------------------------------------------- */

typedef struct {
    long with_comma;       /* numeric cells with a comma */
    int three;             /* one of them had exactly three digits after */
    int header_done;
} comma_scan;

static int comma_row(void *user, const input_row *row, sb_error *err)
{
    comma_scan *s = user;
    size_t c;
    int digits;

    (void)err;
    if (!s->header_done) {
        s->header_done = 1;
        return 0;
    }
    for (c = 0; c < row->n; c++) {
        digits = input_cell_digits_after_comma(row->field[c], row->len[c]);
        if (digits == 3) {
            s->three = 1;
            return 1;              /* decided: commas separate thousands */
        }
        if (digits > 0)
            s->with_comma++;
    }
    return 0;
}

sb_status input_data_detect_decimal_comma(const char *path, int *out,
                                          sb_error *err)
{
    comma_scan s = {0, 0, 0};
    input_csv_info info = {0};
    sb_status rc = input_csv_read(path, &info, comma_row, &s, err);

    *out = rc == SB_OK && !s.three && s.with_comma > 0;
    return rc;
}
