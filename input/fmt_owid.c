/*
 * input/fmt_owid.c -- Our World in Data grapher CSV ("Download → Full
 * data (CSV)" of a chart): "Entity,Code,Year" and one column per
 * indicator ("Annual CO₂ emissions", "Coal consumption - TWh").
 *
 * Read as wide by indicator. Region = Entity, with Code as its alias;
 * an entity whose code is empty (continents, income groups, "Africa
 * (GCP)") or starts with OWID_ (OWID_WRL, World) is an aggregate, except
 * the OWID_ codes that Our World in Data gives to countries, past and
 * present (OWID_KOS Kosovo, OWID_USS USSR: the table below). Each value
 * column is an indicator: its id an identifier made from the header
 * (annual_co2_emissions), its name the header as written. Not for the
 * metadata.json that comes with a download (not a table), nor for daily
 * grapher files (Day instead of Year).
 */
#include "fmt.h"

#include "core/alloc.h"

#include <glib.h>
#include <string.h>

#define OWID_NAME "Our World in Data grapher CSV"

enum { COL_ENTITY, COL_CODE, COL_YEAR, COL_FIRST_VALUE };

typedef struct {
    char **ids;             /* per column: the indicator id, or NULL */
    size_t n;
} owid_state;

static void state_free(void *p)
{
    owid_state *st = p;
    size_t i;

    if (st == NULL)
        return;
    for (i = 0; i < st->n; i++)
        g_free(st->ids[i]);
    g_free(st->ids);
    g_free(st);
}

static int detect(const char *path, const input_row *const *rows, size_t n,
                  size_t *header, void **state, sb_error *err)
{
    const input_row *h = rows[0];
    owid_state *st;

    (void)n;
    if (!(h->n >= COL_FIRST_VALUE && input_fmt_is(h, COL_ENTITY, "Entity") &&
          input_fmt_is(h, COL_CODE, "Code") &&
          input_fmt_is(h, COL_YEAR, "Year")))
        return 0;
    if (h->n == COL_FIRST_VALUE)
        return input_fmt_rule(err, path, h->line, COL_YEAR + 1, OWID_NAME
                              ": no indicator column after \"Year\"");
    if ((st = sb_new0(owid_state, 1)) == NULL)
        return input_fmt_oom(err, path, h->line);
    *state = st;
    *header = 0;
    return 1;
}

/* Appends the UTF-8 of c, lowercased, to buf (n bytes used). */
static size_t put_char(char *buf, size_t n, gunichar c)
{
    char u[6];
    int k = g_unichar_to_utf8(g_unichar_tolower(c), u);

    if (n + (size_t)k >= INPUT_FMT_NAME_MAX)
        return n;
    memcpy(buf + n, u, (size_t)k);
    return n + (size_t)k;
}

/* The letter or digit c stands for in an identifier: its compatibility
   decomposition's first character when that is ASCII (₂ -> 2, é -> e),
   else c itself if it is a letter or digit (中), else 0. */
static gunichar id_char(gunichar c)
{
    gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

    if (c < 0x80)
        return g_ascii_isalnum((int)c) ? c : 0;
    if (g_unichar_fully_decompose(c, TRUE, d, G_N_ELEMENTS(d)) > 0 &&
        d[0] < 0x80)
        return g_ascii_isalnum((int)d[0]) ? d[0] : 0;
    return g_unichar_isalnum(c) ? c : 0;
}

/* "Annual CO₂ emissions" -> "annual_co2_emissions": letters and digits
   lowercased, every other run of characters one '_', none at the ends.
   The header is valid UTF-8 (the reader checked it). */
static void make_id(const char *header, char *buf)
{
    const char *p;
    size_t n = 0;
    int gap = 0;

    for (p = header; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = id_char(g_utf8_get_char(p));
        if (c == 0) {
            gap = n > 0;
            continue;
        }
        if (gap && n + 1 < INPUT_FMT_NAME_MAX)
            buf[n++] = '_';
        gap = 0;
        n = put_char(buf, n, c);
    }
    buf[n] = '\0';
}

/* 1 when an earlier value column already has the id buf. */
static int taken(const owid_state *st, size_t upto, const char *buf)
{
    size_t i;

    for (i = 0; i < upto; i++)
        if (st->ids[i] != NULL && strcmp(st->ids[i], buf) == 0)
            return 1;
    return 0;
}

/* The id of value column c: made from its header, "_2", "_3" ... after
   it when two headers make the same one, "value" when a header has no
   letter or digit. -1 when out of memory. */
static int column_id(owid_state *st, const input_layout *l, size_t c)
{
    char buf[INPUT_FMT_NAME_MAX], base[INPUT_FMT_NAME_MAX];
    int k;

    make_id(l->cols[c].name, base);
    if (base[0] == '\0')
        g_strlcpy(base, "value", sizeof base);
    g_strlcpy(buf, base, sizeof buf);
    for (k = 2; taken(st, c, buf); k++)
        g_snprintf(buf, sizeof buf, "%.*s_%d", INPUT_FMT_NAME_MAX - 16,
                   base, k);
    return (st->ids[c] = sb_strdup(buf)) != NULL ? 0 : -1;
}

static int header(const char *path, const input_row *h, input_layout *l,
                  sb_error *err)
{
    owid_state *st = l->export_state;
    size_t c;

    if ((st->ids = sb_new0(char *, l->n)) == NULL)
        return input_fmt_oom(err, path, h->line);
    st->n = l->n;
    for (c = COL_FIRST_VALUE; c < l->n; c++) {
        if (l->cols[c].name[0] == '\0')
            continue;               /* no header: its values are ignored */
        if (column_id(st, l, c) != 0)
            return input_fmt_oom(err, path, h->line);
        l->cols[c].role = INPUT_COL_VALUES;
    }
    input_fmt_key(l, INPUT_COL_REGION, COL_ENTITY);
    input_fmt_key(l, INPUT_COL_YEAR, COL_YEAR);
    l->cols[COL_CODE].extra = 1;
    l->shape = INPUT_SHAPE_WIDE_INDICATOR;
    return 0;
}

static void column(const input_layout *l, size_t c, const char **id,
                   const char **name)
{
    const owid_state *st = l->export_state;

    if (c < st->n && st->ids[c] != NULL) {
        *id = st->ids[c];
        *name = l->cols[c].name;
    }
}

/* OWID_ codes that Our World in Data gives to countries and territories,
   past and present, rather than to groups of them: the entries without
   members in owid/owid-grapher,
   packages/@ourworldindata/grapher/src/mapCharts/CountriesRegions.ts
   (commit c7402d12e25bd1d45f5bd7d66cfc083342a1ed96), less Melanesia and
   Polynesia, which are regions. */
static const char *const owid_countries[] = {
    "OWID_ABK", "OWID_AKD", "OWID_AUH", "OWID_BAD", "OWID_BAV", "OWID_CIS",
    "OWID_CYN", "OWID_CZS", "OWID_ERE", "OWID_GDR", "OWID_GFR", "OWID_HAN",
    "OWID_HSE", "OWID_HSG", "OWID_KOS", "OWID_KRU", "OWID_MEC", "OWID_MOD",
    "OWID_NAG", "OWID_NLC", "OWID_PMA", "OWID_RVN", "OWID_SAX", "OWID_SDN",
    "OWID_SEK", "OWID_SIC", "OWID_SML", "OWID_SOS", "OWID_SRM", "OWID_TRS",
    "OWID_TUS", "OWID_USS", "OWID_WRT", "OWID_YAR", "OWID_YGS", "OWID_YPR",
    "OWID_ZAN",
};

/* An empty code or an OWID_ one that names no country: an aggregate. */
static int is_aggregate(const char *code)
{
    size_t i;

    if (code[0] == '\0')
        return 1;
    if (code[0] != 'O' || strncmp(code, "OWID_", 5) != 0)
        return 0;
    for (i = 0; i < G_N_ELEMENTS(owid_countries); i++)
        if (strcmp(code, owid_countries[i]) == 0)
            return 0;
    return 1;
}

static int row(const input_layout *l, const input_row *r,
               input_fmt_names *o, char *msg, size_t msgsize)
{
    (void)l;
    (void)msg;
    (void)msgsize;
    input_fmt_region_code(r, COL_ENTITY, COL_CODE, o);
    if (is_aggregate(o->alias))
        o->region_role = SB_ROLE_AGGREGATE;
    return 0;
}

const input_fmt input_fmt_owid = {
    OWID_NAME, detect, header, row, NULL, NULL, state_free, column, NULL,
};
