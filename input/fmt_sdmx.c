/*
 * input/fmt_sdmx.c -- SDMX-CSV, versions 1 (DATAFLOW,...) and 2
 * (STRUCTURE,STRUCTURE_ID[,STRUCTURE_NAME],ACTION,...), and the ECB's
 * form (KEY,...), as the OECD Data Explorer and API, Eurostat, the ECB,
 * the IMF and UNESCO UIS export them: the dimensions, TIME_PERIOD,
 * OBS_VALUE, then attributes (OBS_STATUS or OBS_FLAG, CONF_STATUS,
 * UNIT_MEASURE, UNIT_MULT, ...). Cells hold codes ("AUS"), labels
 * ("Australia"), or both ("AUS: Australia"); the labels form gives each
 * code column a column of labels after it ("REF_AREA,Reference area").
 *
 * Indicator id = the codes of the dimensions that vary across the file,
 * joined by '.' (never the dataflow, the frequency or the reference
 * area); its name = their labels where the file has them. As that is
 * known only at the end of the file, rows are held (input_fmt.final)
 * and the file is still read once. Region = the reference area (REF_AREA,
 * geo, COUNTRY): its label where there is one, with the code as alias.
 * OBS_STATUS by CL_OBS_STATUS: A no flag, H L M O Q missing, any other
 * kept as the flag; the unit from UNIT_MEASURE and UNIT_MULT
 * (input/sdmx_codes.c). Not for OECD.Stat's own CSV (input/fmt_oecd.c)
 * nor for SDMX-ML.
 */
#include "fmt.h"

#include "core/alloc.h"
#include "sdmx_codes.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define SDMX_NAME "SDMX-CSV"

/* One key of the file: its dimensions' codes and labels. */
typedef struct {
    char *text;             /* the dimension codes, each ended by '\x1f'
                               (the hash key); then, NUL-separated: each
                               dimension's label, the unit's code and
                               label, the multiplier's cell, the flow */
    char *id;               /* the final indicator id, once settled */
    long line;              /* where the key was first met */
} sdmx_key;

typedef struct {
    int code, label;        /* a column and its label column, or -1 */
} sdmx_col;

/* Two cells of the row before, and what was made of them: most rows
   repeat the area and the status of the row before. */
typedef struct {
    char raw[2 * INPUT_FMT_NAME_MAX];
    size_t len;             /* 0: nothing remembered */
    char text[2][INPUT_FMT_NAME_MAX];
    int flag;               /* area: aggregate; status: missing */
    int has_alias;
} sdmx_memo;

typedef struct {
    sdmx_col dims[INPUT_FMT_MAX_DIMS];
    size_t n_dims;
    int unit_dim;           /* which dimension is the unit, or -1 */
    int measure;            /* the dimension that names the measure (the
                               id when no dimension varies), or -1 */
    sdmx_col area, unit, mult, status, conf;
    int time, value, flow;
    GHashTable *index;      /* key text -> index + 1 */
    GHashTable *warned;     /* unit codes already warned about */
    sdmx_key *keys;
    size_t n_keys, cap_keys;
    sb_text kb;             /* the current row's key text */
    sdmx_memo area_memo, flags_memo;  /* the row before's region and
                                         flags */
    size_t last;            /* the key of the row before */
    int settled;            /* the ids are made: rows name them */
} sdmx_state;

static void state_free(void *p)
{
    sdmx_state *st = p;
    size_t i;

    if (st == NULL)
        return;
    for (i = 0; i < st->n_keys; i++) {
        g_free(st->keys[i].text);
        g_free(st->keys[i].id);
    }
    g_free(st->keys);
    if (st->index != NULL)
        g_hash_table_destroy(st->index);
    if (st->warned != NULL)
        g_hash_table_destroy(st->warned);
    g_free(st->kb.s);
    g_free(st);
}

/* ---- cells and headers -------------------------------------------------- */

/* A cell "CODE: Label" cut in two: code and label (label_len 0: none).
   A cell without ": " after a code (no space before it) is all code. */
static void split_cell(const char *s, size_t n, size_t *code_len,
                       const char **label, size_t *label_len)
{
    const char *colon = memchr(s, ':', n);

    *code_len = n;
    *label = s + n;
    *label_len = 0;
    if (colon == NULL || colon == s || colon + 1 >= s + n ||
        colon[1] != ' ' || memchr(s, ' ', (size_t)(colon - s)) != NULL)
        return;
    *code_len = (size_t)(colon - s);
    *label = colon + 2;
    *label_len = (size_t)(s + n - *label);
    *label = input_fmt_strip(*label, label_len);
}

/* The code part of field i of r (or of a header cell). */
static const char *code_of(const input_row *r, int i, size_t *n)
{
    const char *label, *s;
    size_t label_len;

    if (i < 0) {
        *n = 0;
        return "";
    }
    s = input_fmt_cell(r, (size_t)i, n);
    split_cell(s, *n, n, &label, &label_len);
    return s;
}

/* The label of column c: its label column's cell, else the label part
   of "CODE: Label"; "" when none. */
static const char *label_of(const input_row *r, sdmx_col c, size_t *n)
{
    const char *s, *label;
    size_t code_len;

    if (c.label >= 0)
        return input_fmt_cell(r, (size_t)c.label, n);
    if (c.code < 0) {
        *n = 0;
        return "";
    }
    s = input_fmt_cell(r, (size_t)c.code, n);
    split_cell(s, *n, &code_len, &label, n);
    return label;
}

/* 1 when s is a code (no space, no lowercase letter: PT_B1GQ), not a
   label written in its place ("Percentage of GDP"). */
static int code_like(const char *s)
{
    for (; *s != '\0'; s++)
        if (*s == ' ' || g_ascii_islower(*s))
            return 0;
    return 1;
}

/* 1 when header cell i of h (its code part) is name, case ignored. */
static int named(const input_row *h, size_t i, const char *name)
{
    size_t n;
    const char *s = code_of(h, (int)i, &n);

    return n == strlen(name) && g_ascii_strncasecmp(s, name, n) == 0;
}

/* The first column of h named one of names, or -1. */
static int find(const input_row *h, const char *const *names)
{
    return input_fmt_find_by(h, names, named);
}

static const char *const area_names[] = {"REF_AREA", "geo", "COUNTRY",
                                         "LOCATION", NULL};
static const char *const time_names[] = {"TIME_PERIOD", NULL};
static const char *const value_names[] = {"OBS_VALUE", NULL};
static const char *const unit_names[] = {"UNIT_MEASURE", "unit", "UNIT",
                                         NULL};
static const char *const mult_names[] = {"UNIT_MULT", NULL};
static const char *const flow_names[] = {"DATAFLOW", "STRUCTURE_ID", NULL};
static const char *const status_names[] = {"OBS_STATUS", "OBS_FLAG", NULL};
static const char *const conf_names[] = {"CONF_STATUS", "OBS_CONF", NULL};
/* Columns before TIME_PERIOD that are not dimensions of an indicator. */
static const char *const not_dims[] = {
    "DATAFLOW", "STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME", "ACTION",
    "KEY", "LAST UPDATE", "FREQ", "FREQUENCY", NULL};
/* Dimensions that name the measure, for the id of a file where no
   dimension varies. */
static const char *const measure_names[] = {
    "MEASURE", "INDICATOR", "SUBJECT", "SERIES", "STAT_UNIT", "na_item",
    NULL};

/* ---- detection and columns ---------------------------------------------- */

/* The marks: a first column DATAFLOW (1.0), STRUCTURE (2.0) or KEY
   (ECB); then TIME_PERIOD, OBS_VALUE and a reference area must be
   there, and 2.0's STRUCTURE_ID second. */
static int detect(const char *path, const input_row *const *rows, size_t n,
                  size_t *header, void **state, sb_error *err)
{
    const input_row *h = rows[0];
    const char *what = NULL;
    sdmx_state *st;

    (void)n;
    if (!named(h, 0, "DATAFLOW") && !named(h, 0, "STRUCTURE") &&
        !named(h, 0, "KEY"))
        return 0;
    if (named(h, 0, "STRUCTURE") && !named(h, 1, "STRUCTURE_ID"))
        return input_fmt_rule(err, path, h->line, 2, SDMX_NAME " 2.0: "
                              "STRUCTURE must be followed by STRUCTURE_ID, "
                              "not \"%.40s\"", h->n > 1 ? h->field[1] : "");
    if (find(h, time_names) < 0)
        what = "TIME_PERIOD column (the year of each value)";
    else if (find(h, value_names) < 0)
        what = "OBS_VALUE column (the values)";
    else if (find(h, area_names) < 0)
        what = "reference area column (REF_AREA, geo or COUNTRY)";
    if (what != NULL)
        return input_fmt_rule(err, path, h->line, 0, SDMX_NAME ": no %s",
                              what);
    if ((st = sb_new0(sdmx_state, 1)) == NULL)
        return input_fmt_oom(err, path, h->line);
    *state = st;
    *header = 0;
    return 1;
}

/* 1 when header cell i holds a code's name (no lowercase letter, no
   space: "REF_AREA") and i + 1 its labels ("Reference area"). */
static int has_label_column(const input_row *h, size_t i)
{
    size_t n, k;
    const char *s = input_fmt_cell(h, i, &n), *t;
    int lower = 0;

    for (k = 0; k < n; k++)
        if (g_ascii_islower(s[k]) || s[k] == ' ')
            return 0;
    if (n == 0 || i + 1 >= h->n)
        return 0;
    t = input_fmt_cell(h, i + 1, &n);
    for (k = 0; k < n; k++)
        lower |= g_ascii_islower(t[k]);
    return lower;
}

/* A column with its label column, marked as read. */
static sdmx_col column_of(const input_row *h, input_layout *l, int c)
{
    sdmx_col col = {c, -1};

    if (c < 0)
        return col;
    l->cols[c].extra = 1;
    if (has_label_column(h, (size_t)c)) {
        col.label = c + 1;
        l->cols[c + 1].extra = 1;
    }
    return col;
}

static int in(const input_row *h, size_t i, const char *const *names)
{
    size_t k;

    for (k = 0; names[k] != NULL; k++)
        if (named(h, i, names[k]))
            return 1;
    return 0;
}

/* The dimension that names the measure (MEASURE, INDICATOR, Eurostat's
   indic_*), else the first; -1 when there are none. */
static int measure_dim(const sdmx_state *st, const input_row *h)
{
    size_t i, k, n;
    const char *s;

    for (k = 0; measure_names[k] != NULL; k++)
        for (i = 0; i < st->n_dims; i++)
            if (named(h, (size_t)st->dims[i].code, measure_names[k]))
                return (int)i;
    for (i = 0; i < st->n_dims; i++) {
        s = code_of(h, st->dims[i].code, &n);
        if (n > 5 && g_ascii_strncasecmp(s, "indic", 5) == 0)
            return (int)i;
    }
    return st->n_dims > 0 ? 0 : -1;
}

/* The dimensions of an indicator: the columns before the time and the
   value that are not the area, the flow, the frequency, nor labels. */
static int dimensions(const char *path, const input_row *h, input_layout *l,
                      sdmx_state *st, sb_error *err)
{
    size_t i, end = (size_t)MIN(st->time, st->value);

    st->unit_dim = -1;
    for (i = 0; i < end; i++) {
        if ((int)i == st->area.code || (int)i == st->area.label ||
            in(h, i, not_dims) || (i > 0 && has_label_column(h, i - 1)))
            continue;
        if (st->n_dims == INPUT_FMT_MAX_DIMS)
            return input_fmt_rule(err, path, h->line, (long)i + 1,
                                  SDMX_NAME ": more than %d dimensions",
                                  INPUT_FMT_MAX_DIMS);
        if ((int)i == st->unit.code)
            st->unit_dim = (int)st->n_dims;
        st->dims[st->n_dims++] = column_of(h, l, (int)i);
    }
    st->measure = measure_dim(st, h);
    return 0;
}

static int header(const char *path, const input_row *h, input_layout *l,
                  sb_error *err)
{
    sdmx_state *st = l->export_state;

    st->time = find(h, time_names);
    st->value = find(h, value_names);
    st->flow = find(h, flow_names);
    st->area = column_of(h, l, find(h, area_names));
    st->unit = column_of(h, l, find(h, unit_names));
    st->mult = column_of(h, l, find(h, mult_names));
    st->status = column_of(h, l, find(h, status_names));
    st->conf = column_of(h, l, find(h, conf_names));
    if (dimensions(path, h, l, st, err) != 0)
        return -1;
    st->index = g_hash_table_new(g_str_hash, g_str_equal);
    st->warned = g_hash_table_new(g_str_hash, g_str_equal);
    input_fmt_key(l, INPUT_COL_REGION, st->area.code);
    input_fmt_key(l, INPUT_COL_YEAR, st->time);
    input_fmt_key(l, INPUT_COL_VALUE, st->value);
    input_fmt_key(l, INPUT_COL_FLAGS, st->status.code);
    st->last = SIZE_MAX;
    l->shape = INPUT_SHAPE_LONG;
    return 0;
}

/* ---- keys --------------------------------------------------------------- */

/* Appends s[0..n) and the byte end to t; -1 when out of memory. */
static int put(sb_text *t, const char *s, size_t n, char end)
{
    return sb_text_add(t, s, n) != 0 || sb_text_add(t, &end, 1) != 0 ? -1
                                                                      : 0;
}

/* The row's key text in st->kb: each dimension's cell and '\x1f' (the
   cell as written: codes are taken out of "CODE: Label" once the file
   is read). */
static int key_text(sdmx_state *st, const input_row *r)
{
    size_t i, n;
    const char *s;

    st->kb.len = 0;
    for (i = 0; i < st->n_dims; i++) {
        s = input_fmt_cell(r, (size_t)st->dims[i].code, &n);
        if (put(&st->kb, s, n, '\x1f') != 0)
            return -1;
    }
    return sb_text_add(&st->kb, "", 0);
}

/* Appends to t what a key keeps besides its codes, each NUL-ended: the
   dimensions' labels, the unit's code and label, the multiplier, the
   flow. */
static int key_rest(const sdmx_state *st, const input_row *r, sb_text *t)
{
    size_t i, n;
    const char *s;
    int bad = 0;

    for (i = 0; i < st->n_dims && !bad; i++) {
        s = label_of(r, st->dims[i], &n);
        bad = put(t, s, n, '\0');
    }
    s = code_of(r, st->unit.code, &n);
    bad = bad || put(t, s, n, '\0');
    s = label_of(r, st->unit, &n);
    bad = bad || put(t, s, n, '\0');
    s = code_of(r, st->mult.code, &n);
    if (n == 0)
        s = label_of(r, st->mult, &n);
    bad = bad || put(t, s, n, '\0');
    s = code_of(r, st->flow, &n);
    return bad || put(t, s, n, '\0');
}

/* A new key for the row whose key text is st->kb: index, or -1 when out
   of memory. */
static long new_key(sdmx_state *st, const input_row *r)
{
    sb_text t = {0};
    sdmx_key *k;

    if (sb_grow(&st->keys, &st->cap_keys, st->n_keys + 1) != 0 ||
        put(&t, st->kb.s, st->kb.len, '\0') != 0 || key_rest(st, r, &t) != 0) {
        g_free(t.s);
        return -1;
    }
    k = &st->keys[st->n_keys];
    k->text = t.s;
    k->id = NULL;
    k->line = r->line;
    g_hash_table_insert(st->index, k->text, GSIZE_TO_POINTER(st->n_keys + 1));
    return (long)st->n_keys++;
}

/* 1 when the row's dimension cells are, as read, those of key k: the
   fast way for most rows, which repeat the key of the row before (a
   cell with spaces around it is looked up as a new one: key_text). */
static int same_key(const sdmx_state *st, const input_row *r,
                    const sdmx_key *k)
{
    const char *p = k->text, *s;
    size_t i, j, n, c;

    for (i = 0; i < st->n_dims; i++) {
        c = (size_t)st->dims[i].code;
        s = c < r->n ? r->field[c] : "";
        n = c < r->n ? r->len[c] : 0;
        /* a byte that differs stops it at the key's '\x1f' or NUL at
           the latest: the row's cell holds neither */
        for (j = 0; j < n && p[j] == s[j]; j++)
            ;
        if (j < n || p[n] != '\x1f')
            return 0;
        p += n + 1;
    }
    return 1;
}

/* The key of the row: the row before's when its codes are the same (the
   rows of a series come together), else looked up or made. -1 when out
   of memory, -2 when the file is read again (settled) and the key is
   new: the file changed. */
static long key_of(sdmx_state *st, const input_row *r)
{
    gpointer v;
    long k;

    if (st->last != SIZE_MAX && same_key(st, r, &st->keys[st->last]))
        return (long)st->last;
    if (key_text(st, r) != 0)
        return -1;
    if ((v = g_hash_table_lookup(st->index, st->kb.s)) != NULL)
        k = (long)GPOINTER_TO_SIZE(v) - 1;
    else if (st->settled)
        return -2;
    else if ((k = new_key(st, r)) < 0)
        return -1;
    st->last = (size_t)k;
    return k;
}

/* ---- rows --------------------------------------------------------------- */

/* The bytes of field i of r as read (no field: none). */
static const char *raw(const input_row *r, int i, size_t *n)
{
    *n = i >= 0 && (size_t)i < r->n ? r->len[i] : 0;
    return *n > 0 ? r->field[i] : "";
}

/* 1 when cells a and b (-1: none) of r are, as read, those m remembers;
   else m remembers them (when they fit) and 0. */
static int memo_same(sdmx_memo *m, const input_row *r, int a, int b)
{
    size_t na, nb;
    const char *sa = raw(r, a, &na), *sb = raw(r, b, &nb);

    if (m->len == na + nb + 1 && memcmp(m->raw, sa, na) == 0 &&
        memcmp(m->raw + na + 1, sb, nb) == 0)
        return 1;
    m->len = 0;
    if (na + nb + 1 > sizeof m->raw)
        return 0;
    memcpy(m->raw, sa, na);
    m->raw[na] = '\x1f';
    memcpy(m->raw + na + 1, sb, nb);
    m->len = na + nb + 1;
    return 0;
}

/* The region: the area's label where the file has one (the code its
   alias), else its code; an aggregate by its code. */
static void area_of(sdmx_state *st, const input_row *r, input_fmt_names *o)
{
    sdmx_memo *m = &st->area_memo;
    size_t n, ln;
    const char *code, *label;

    if (!memo_same(m, r, st->area.code, st->area.label)) {
        code = code_of(r, st->area.code, &n);
        label = label_of(r, st->area, &ln);
        input_fmt_copy_to(m->text[0], code, n);
        input_fmt_copy_to(m->text[1], label, ln);
        m->flag = sdmx_area_aggregate(m->text[0]);
        m->has_alias = ln > 0;
    }
    if (m->flag)
        o->region_role = SB_ROLE_AGGREGATE;
    if (!m->has_alias) {
        o->region = m->text[0];
        return;
    }
    o->region = m->text[1];
    o->alias = m->text[0];
    o->alias_col = st->area.code;
}

/* A status or flag cell's code: the code of "E: Estimated value", a
   code, or a label's code ("Estimated value", "provisional"). NULL
   when it is none of these: a label no code list has. */
static const char *status_code(const char *s, size_t n, size_t *len)
{
    const sdmx_status *known;
    const char *label;
    size_t ln, i;

    split_cell(s, n, len, &label, &ln);
    for (i = 0; i < *len && (g_ascii_isalpha(s[i]) || s[i] == '*'); i++)
        ;
    if (i == *len && *len <= 3)
        return s;                   /* letters: a code, known or not */
    if ((known = sdmx_status_find(s, n)) == NULL)
        return NULL;
    *len = strlen(known->code);
    return known->code;
}

/* The row's flags from its status (A: none; a missing value's: none,
   o->missing) and its confidentiality (C, D, N, S: "c"), into buf. -1
   with msg when a status is a label no code list has. */
static int read_flags(const sdmx_state *st, const input_row *r,
                      input_fmt_names *o, char *buf, char *msg, size_t size)
{
    size_t n, len = 0;
    const char *s = input_fmt_cell(r, st->status.code < 0 ? r->n
                                   : (size_t)st->status.code, &n);
    const char *code = n > 0 ? status_code(s, n, &len) : "";
    const sdmx_status *known;

    if (code == NULL) {
        snprintf(msg, size, SDMX_NAME ": \"%.60s\" is not an observation "
                 "status (a code of CL_OBS_STATUS like E, or its label)", s);
        o->col = st->status.code;
        return -1;
    }
    known = len > 0 ? sdmx_status_find(code, len) : NULL;
    o->missing = known != NULL && known->missing;
    if (o->missing || (len == 1 && code[0] == 'A'))
        len = 0;
    input_fmt_copy_to(buf, code, len);
    code = st->conf.code < 0 ? "" : code_of(r, st->conf.code, &n);
    if (st->conf.code >= 0 && n > 0 && !(n == 1 && code[0] == 'F') &&
        !(n == 4 && g_ascii_strncasecmp(code, "Free", 4) == 0) &&
        strchr(buf, 'c') == NULL && len + 1 < INPUT_FMT_NAME_MAX)
        g_strlcat(buf, "c", INPUT_FMT_NAME_MAX);
    return 0;
}

/* The row's flags and missing mark, as the row before's when its
   status and confidentiality cells are the same. */
static int flags_of(sdmx_state *st, const input_row *r, input_fmt_names *o,
                    char *msg, size_t size)
{
    sdmx_memo *m = &st->flags_memo;

    if (!memo_same(m, r, st->status.code, st->conf.code)) {
        if (read_flags(st, r, o, m->text[0], msg, size) != 0) {
            m->len = 0;
            return -1;
        }
        m->flag = o->missing;
    }
    o->missing = m->flag;
    o->flags = m->text[0];
    return 0;
}

static int row(const input_layout *l, const input_row *r,
               input_fmt_names *o, char *msg, size_t msgsize)
{
    sdmx_state *st = l->export_state;
    long k = key_of(st, r);

    o->col = st->n_dims > 0 ? st->dims[0].code : st->area.code;
    if (k == -1)
        return -2;
    if (k == -2) {
        snprintf(msg, msgsize, SDMX_NAME ": the file changed while read");
        return -1;
    }
    area_of(st, r, o);
    if (flags_of(st, r, o, msg, msgsize) != 0)
        return -1;
    if (st->settled) {
        o->indicator = st->keys[k].id;
    } else {
        o->held = 1;
        o->key = (uint32_t)k;
    }
    return 0;
}

/* ---- the ids, once the file is read ------------------------------------- */

/* Part i of key k's text: dimension i's cell (0 <= i < n_dims, ended
   by '\x1f', length in *n), then the NUL-ended rest in the order of
   key_rest: labels, unit code, unit label, multiplier, flow. */
static const char *key_part(const sdmx_state *st, const sdmx_key *k,
                            size_t i, size_t *n)
{
    const char *p = k->text;
    size_t j;

    for (j = 0; j < i && j < st->n_dims; j++)
        p = strchr(p, '\x1f') + 1;
    if (i < st->n_dims) {
        *n = (size_t)(strchr(p, '\x1f') - p);
        return p;
    }
    p += strlen(p) + 1;             /* past the codes */
    for (; j < i; j++)
        p += strlen(p) + 1;
    *n = strlen(p);
    return p;
}

/* The code of dimension i of key k ("AUS" of "AUS: Australia"). */
static const char *dim_code(const sdmx_state *st, const sdmx_key *k,
                            size_t i, size_t *n)
{
    const char *s = key_part(st, k, i, n), *label;
    size_t label_len;

    split_cell(s, *n, n, &label, &label_len);
    return s;
}

/* Which dimensions vary across the file's keys. */
static void varying(const sdmx_state *st, int *v)
{
    size_t i, k, n0, n;
    const char *c0, *c;

    for (i = 0; i < st->n_dims; i++) {
        v[i] = 0;
        c0 = dim_code(st, &st->keys[0], i, &n0);
        for (k = 1; k < st->n_keys && !v[i]; k++) {
            c = dim_code(st, &st->keys[k], i, &n);
            v[i] = n != n0 || memcmp(c, c0, n) != 0;
        }
    }
}


/* The flow's own id, "DF_GOV_PF_YU" of "OECD.GOV.GIP:DSD_GOV@DF_GOV_PF_YU
   (1.0)", "TEC00107" of "ESTAT:TEC00107(1.0)", into buf. */
static char *flow_id(const char *flow, char *buf)
{
    const char *p = strrchr(flow, '@'), *end;

    if (p == NULL)
        p = strrchr(flow, ':');
    p = p != NULL ? p + 1 : flow;
    end = strchr(p, '(');
    return input_fmt_copy_to(buf, p, end != NULL ? (size_t)(end - p)
                                                 : strlen(p));
}

/* What a key keeps after its codes, by number (key_part). */
enum { PART_UNIT, PART_UNIT_LABEL, PART_MULT, PART_FLOW };
#define PART(st, p) (2 * (st)->n_dims + (p))
#define PART_LABEL(st, i) ((st)->n_dims + (i))

/* Key k's id into buf: the codes of the varying dimensions (v, any: one
   does) joined by '.'; when none varies, the measure's code, or the
   flow's id when the file has labels in place of codes or no
   dimensions; else "value". */
static void make_id(const sdmx_state *st, const sdmx_key *k, const int *v,
                    int any, char *buf)
{
    char flow[INPUT_FMT_NAME_MAX];
    size_t i, n, used;
    const char *s;

    buf[0] = '\0';
    for (i = 0; i < st->n_dims; i++) {
        if (any ? !v[i] : (int)i != st->measure)
            continue;
        s = dim_code(st, k, i, &n);
        used = strlen(buf);
        if (used > 0 && used + 1 < INPUT_FMT_NAME_MAX)
            buf[used++] = '.';
        input_fmt_copy_to(buf + used, s,
                          MIN(n, INPUT_FMT_NAME_MAX - 1 - used));
    }
    if (!any && (st->n_dims == 0 || !code_like(buf))) {
        flow_id(key_part(st, k, PART(st, PART_FLOW), &n), flow);
        if (flow[0] != '\0')       /* a code rather than a label */
            g_strlcpy(buf, flow, INPUT_FMT_NAME_MAX);
    }
    if (buf[0] == '\0')
        g_strlcpy(buf, "value", INPUT_FMT_NAME_MAX);
}

/* Makes every key's id, from the dimensions that vary across them; rows
   name the ids from now on. -1 when out of memory. */
static int settle(sdmx_state *st)
{
    int v[INPUT_FMT_MAX_DIMS], any = 0;
    char buf[INPUT_FMT_NAME_MAX];
    size_t i;

    if (st->n_keys == 0) {
        st->settled = 1;
        return 0;
    }
    varying(st, v);
    for (i = 0; i < st->n_dims; i++)
        any |= v[i];
    for (i = 0; i < st->n_keys; i++) {
        make_id(st, &st->keys[i], v, any, buf);
        if ((st->keys[i].id = sb_strdup(buf)) == NULL)
            return -1;
    }
    st->settled = 1;
    return 0;
}

/* Key k's name into buf: its dimensions' labels (not the unit's, nor
   those of codes _Z, not applicable) joined by ", "; NULL when the file
   has no labels. */
static const char *name_of(const sdmx_state *st, const sdmx_key *k,
                           char *buf)
{
    size_t i, n, nc;
    const char *label, *code;

    buf[0] = '\0';
    for (i = 0; i < st->n_dims; i++) {
        label = key_part(st, k, PART_LABEL(st, i), &n);
        code = dim_code(st, k, i, &nc);
        if (n == 0 || (int)i == st->unit_dim ||
            (nc == 2 && memcmp(code, "_Z", 2) == 0))
            continue;
        if (buf[0] != '\0')
            g_strlcat(buf, ", ", INPUT_FMT_NAME_MAX);
        g_strlcat(buf, label, INPUT_FMT_NAME_MAX);
    }
    return buf[0] != '\0' ? buf : NULL;
}

/* "Percentage of GDP" -> "% of GDP": a label's words with "Percentage"
   or "Percent" at its start written '%' (a rate's value reads "46.2%
   of GDP"); into buf. */
static const char *label_words(const char *label, char *buf)
{
    static const char *const words[] = {"Percentage", "Percent"};
    size_t i, n;

    for (i = 0; i < G_N_ELEMENTS(words); i++) {
        n = strlen(words[i]);
        if (g_ascii_strncasecmp(label, words[i], n) == 0 &&
            !g_ascii_isalpha(label[n])) {
            g_snprintf(buf, INPUT_FMT_NAME_MAX, "%%%s", label + n);
            return buf;
        }
    }
    return input_fmt_copy_to(buf, label, strlen(label));
}

/* What a unit's code and label say: the words (into buf), the kind, the
   table entry (or NULL). 1 when the code is known (or there is none),
   0 when it is kept as it is and the kind left to be guessed. */
static int unit_words(const char *code, const char *label, char *buf,
                      sb_kind *kind, const sdmx_unit **u)
{
    size_t n = strlen(code);
    const char *cur = sdmx_currency(code, MIN(n, 3));

    *u = sdmx_unit_find(code);
    *kind = *u != NULL ? (*u)->kind : SB_KIND_UNSET;
    if (label[0] != '\0')
        label_words(label, buf);
    else
        g_strlcpy(buf, *u != NULL ? (*u)->words : code, INPUT_FMT_NAME_MAX);
    if (n == 0 && buf[0] == '%')
        *kind = SB_KIND_RATE;   /* a label alone: "Percentage of GDP" */
    if (*u != NULL || n == 0)
        return *u != NULL || label[0] == '\0' || *kind == SB_KIND_RATE;
    if (strncmp(code, "PT_", 3) == 0 || strncmp(code, "PC_", 3) == 0) {
        *kind = SB_KIND_RATE;
        if (label[0] == '\0')
            g_snprintf(buf, INPUT_FMT_NAME_MAX, "%% (%s)", code);
        return 1;
    }
    if (cur != NULL && (n == 3 || code[3] == '_')) {
        *kind = SB_KIND_AMOUNT;
        if (label[0] == '\0' && n == 3)
            g_strlcpy(buf, cur, INPUT_FMT_NAME_MAX);
        return 1;
    }
    return 0;
}

/* Key k's unit: its words (o->buf[3]), kind, and with a multiplier or a
   scaled code (UNIT_MULT 6, MIO_EUR) the scale and the unit counted in
   (o->buf[4]); a warning (o->buf[1]) when the code is not known. */
static void unit_of(sdmx_state *st, const sdmx_key *k,
                    input_fmt_names *o)
{
    size_t n;
    const char *code = key_part(st, k, PART(st, PART_UNIT), &n);
    const char *label = key_part(st, k, PART(st, PART_UNIT_LABEL), &n);
    const char *mult = key_part(st, k, PART(st, PART_MULT), &n), *word;
    char words[INPUT_FMT_NAME_MAX];
    const sdmx_unit *u;
    int exp = 0;

    if (!code_like(code) && label[0] == '\0') {
        label = code;               /* a label in the code's place */
        code = "";
    }
    if (!unit_words(code, label, words, &o->kind, &u) &&
        g_hash_table_add(st->warned, (gpointer)(code[0] ? code : label))) {
        g_snprintf(o->buf[1], INPUT_FMT_NAME_MAX, SDMX_NAME ": unit "
                   "\"%.100s\" is not a code statbrief knows: kept as the "
                   "unit, its kind guessed (indicators.csv can give it)",
                   code[0] ? code : label);
        o->warning = o->buf[1];
    }
    if (mult[0] != '\0')
        sdmx_unit_mult(mult, n, &exp);
    if (exp != 0 && o->kind != SB_KIND_RATE && words[0] != '\0') {
        word = sdmx_mult_word(exp);
        o->base_unit = input_fmt_copy_to(o->buf[4], words, strlen(words));
        if (word != NULL)
            g_snprintf(o->buf[3], INPUT_FMT_NAME_MAX, "%s %s", word, words);
        else
            g_snprintf(o->buf[3], INPUT_FMT_NAME_MAX, "%s (x 10^%d)", words,
                       exp);
        o->scale = pow(10.0, exp);
    } else {
        input_fmt_copy_to(o->buf[3], words, strlen(words));
        if (u != NULL && u->exp != 0 && u->base != NULL) {
            o->base_unit = u->base;
            o->scale = pow(10.0, u->exp);
        }
    }
    o->unit = o->buf[3][0] != '\0' ? o->buf[3] : NULL;
}

static int final(const input_layout *l, uint32_t key, input_fmt_names *o)
{
    sdmx_state *st = l->export_state;
    const sdmx_key *k;

    if (!st->settled && settle(st) != 0)
        return -2;
    if (key >= st->n_keys)
        return 1;
    k = &st->keys[key];
    o->indicator = k->id;
    o->line = k->line;
    o->col = st->n_dims > 0 ? st->dims[0].code : st->area.code;
    o->name = name_of(st, k, o->buf[2]);
    unit_of(st, k, o);
    if (o->warning != NULL)
        o->col = st->unit.code;     /* the warning is about the unit */
    return 0;
}

const input_fmt input_fmt_sdmx = {
    SDMX_NAME, detect, header, row, NULL, NULL, state_free, NULL, final,
};
