/*
 * input/gazetteer.c -- the gazetteer: ISO 3166-1 from Debian's iso-codes
 * (its JSON, parsed with json-glib) and the built-in tables of
 * gazetteer_tables.c, as two indexes: exact codes, and names by a key
 * that ignores case, accents, the apostrophe's form and runs of spaces.
 *
 * Each key holds one entry (a place and how the key names it); a key
 * met again for another place becomes shared, and a shared key matches
 * nothing. The process's gazetteer is built on first use and kept until
 * exit (it is never changed after; a lock guards the building).
 */
#include "gazetteer.h"

#include "core/alloc.h"
#include "gazetteer_int.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *place, *how;    /* in the gazetteer's chunk or static */
    unsigned char two_letter;   /* a two-letter code */
    unsigned char shared;       /* two places have this key: no match */
} gaz_entry;

struct input_gazetteer {
    GStringChunk *chunk;
    GHashTable *codes;          /* code -> entry index + 1 */
    GHashTable *names;          /* name key -> entry index + 1 */
    gaz_entry *e;
    size_t n, cap;
    char *path;
    char why[640];              /* why the JSON was not used, or "" */
    input_gaz_note note;        /* the same with its path and position */
};

/* ---- keys --------------------------------------------------------------- */

/* Whether c is the apostrophe in one of its forms (’ ‘ ʼ ′). */
static int apostrophe(gunichar c)
{
    return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032;
}

/* The key of a name that is not plain ASCII: accents dropped (NFD, then
   marks left out), apostrophes as ', spaces as one, case folded. A
   g_malloc'd string; NULL for text that is not UTF-8. */
static char *key_unicode(const char *s)
{
    char *nfd = g_utf8_normalize(s, -1, G_NORMALIZE_NFD), *p, *key;
    GString *out;
    int space = 1;

    if (nfd == NULL)
        return NULL;
    out = g_string_sized_new(strlen(nfd));
    for (p = nfd; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_ismark(c))
            continue;
        if (g_unichar_isspace(c)) {
            space = space ? space : 2;
            continue;
        }
        if (space == 2)
            g_string_append_c(out, ' ');
        space = 0;
        g_string_append_unichar(out, apostrophe(c) ? '\'' : c);
    }
    g_free(nfd);
    key = g_utf8_casefold(out->str, -1);
    g_string_free(out, TRUE);
    return key;
}

/* The key of name: into buf (size bytes) when it is ASCII, else a
   g_malloc'd string also left in *heap (g_free it). NULL when s is not
   UTF-8 or too long to be a place's name (size bytes or more: no place
   has one, and a megabyte name costs nothing then). */
static const char *name_key(const char *s, char *buf, size_t size,
                            char **heap)
{
    size_t n = strlen(s), i, k = 0;
    int space = 1;

    *heap = NULL;
    if (n + 1 > size)
        return NULL;
    for (i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return *heap = key_unicode(s);
    for (i = 0; i < n; i++) {
        if (g_ascii_isspace(s[i])) {
            space = space ? space : 2;
            continue;
        }
        if (space == 2)
            buf[k++] = ' ';
        space = 0;
        buf[k++] = g_ascii_tolower(s[i]);
    }
    buf[k] = '\0';
    return buf;
}

/* ---- building ----------------------------------------------------------- */

/* Adds key -> (place, how) to index (key and place copied into the
   chunk; how static). A key already there for another place becomes
   shared; for the same place the first stays. -1 when out of memory. */
static int add_key(input_gazetteer *g, GHashTable *index, const char *key,
                   const char *place, const char *how, int two_letter)
{
    gpointer v = g_hash_table_lookup(index, key);
    gaz_entry *e;

    if (*key == '\0')
        return 0;
    if (v != NULL) {
        e = &g->e[GPOINTER_TO_SIZE(v) - 1];
        if (strcmp(e->place, place) != 0)
            e->shared = 1;
        return 0;
    }
    if (sb_grow(&g->e, &g->cap, g->n + 1) != 0)
        return -1;
    e = &g->e[g->n++];
    e->place = g_string_chunk_insert_const(g->chunk, place);
    e->how = how;
    e->two_letter = two_letter;
    e->shared = 0;
    g_hash_table_insert(index, g_string_chunk_insert_const(g->chunk, key),
                        GSIZE_TO_POINTER(g->n));
    return 0;
}

static int add_code(input_gazetteer *g, const char *code, const char *place,
                    const char *how)
{
    return add_key(g, g->codes, code, place, how, strlen(code) == 2);
}

static int add_name(input_gazetteer *g, const char *name, const char *place,
                    const char *how)
{
    char buf[256], *heap;
    const char *key = name_key(name, buf, sizeof buf, &heap);
    int rc = key != NULL ? add_key(g, g->names, key, place, how, 0) : 0;

    g_free(heap);
    return rc;
}

/* The string member m of o, NULL if absent or not a string. */
static const char *member(JsonObject *o, const char *m)
{
    JsonNode *n = json_object_get_member(o, m);

    if (n == NULL || !JSON_NODE_HOLDS_VALUE(n) ||
        json_node_get_value_type(n) != G_TYPE_STRING)
        return NULL;
    return json_node_get_string(n);
}

/* n characters, each upper-case ASCII (upper) or a digit. */
static int code_of(const char *s, size_t n, int upper)
{
    size_t i;

    if (s == NULL || strlen(s) != n)
        return 0;
    for (i = 0; i < n; i++)
        if (upper ? !g_ascii_isupper(s[i]) : !g_ascii_isdigit(s[i]))
            return 0;
    return 1;
}

/* One country of iso_3166-1.json: 1 added, 0 not a country entry, -1
   out of memory. */
static int add_country(input_gazetteer *g, JsonNode *node)
{
    JsonObject *o = JSON_NODE_HOLDS_OBJECT(node) ? json_node_get_object(node)
                                                 : NULL;
    const char *a2, *a3, *num, *name, *off, *com;

    if (o == NULL)
        return 0;
    a2 = member(o, "alpha_2");
    a3 = member(o, "alpha_3");
    num = member(o, "numeric");
    name = member(o, "name");
    if (!code_of(a2, 2, 1) || !code_of(a3, 3, 1) || !code_of(num, 3, 0) ||
        name == NULL)
        return 0;
    off = member(o, "official_name");
    com = member(o, "common_name");
    if (add_code(g, a3, a3, "ISO 3166-1 alpha-3") != 0 ||
        add_code(g, a2, a3, "ISO 3166-1 alpha-2") != 0 ||
        add_code(g, num, a3, "ISO 3166-1 numeric") != 0 ||
        add_name(g, name, a3, "ISO 3166-1 name") != 0 ||
        (off && add_name(g, off, a3, "ISO 3166-1 official name") != 0) ||
        (com && add_name(g, com, a3, "ISO 3166-1 common name") != 0))
        return -1;
    return 1;
}

/* Records why the JSON is not used, at line and column of it (0: not
   known). Returns 0 (the tables go on without it). */
static int set_note(input_gazetteer *g, long line, long column,
                    const char *why)
{
    snprintf(g->why, sizeof g->why, "iso-codes' ISO 3166-1 list %s; only "
             "statbrief's own table of country spellings is used (install "
             "iso-codes, or set " INPUT_GAZ_ENV " to the folder of its "
             "JSON)", why);
    g->note.path = g->path;
    g->note.line = line;
    g->note.column = column;
    g->note.text = g->why;
    return 0;
}

/* The countries of the parsed JSON; 0, or -1 when out of memory. */
static int add_countries(input_gazetteer *g, JsonNode *root)
{
    JsonObject *o = root && JSON_NODE_HOLDS_OBJECT(root)
                        ? json_node_get_object(root) : NULL;
    JsonNode *list = o ? json_object_get_member(o, "3166-1") : NULL;
    JsonArray *a;
    guint i, n;
    int added = 0, rc = 0;

    if (list == NULL || !JSON_NODE_HOLDS_ARRAY(list))
        return set_note(g, 0, 0, "is not in it (no \"3166-1\" array)");
    a = json_node_get_array(list);
    n = json_array_get_length(a);
    for (i = 0; i < n && rc >= 0; i++)
        if ((rc = add_country(g, json_array_get_element(a, i))) > 0)
            added++;
    if (rc < 0)
        return -1;
    return added > 0 ? 0 : set_note(g, 0, 0, "has no country in it");
}

/* A JSON syntax error: json-glib's message is "<data>:LINE:COL: Parse
   error: WHAT"; the position goes to the note's. */
static int parse_error(input_gazetteer *g, const char *msg)
{
    long line = 0, column = 0;
    int at = 0;
    char why[400];

    if (sscanf(msg, "<data>:%ld:%ld: %n", &line, &column, &at) == 2 &&
        at > 0)
        msg += at;
    else
        line = column = 0;
    snprintf(why, sizeof why, "is not JSON (%s)", msg);
    return set_note(g, line, column, why);
}

/* iso-codes' ISO 3166-1 list at g->path; a file that cannot be read or
   parsed sets the note. 0, or -1 when out of memory. */
static int load_iso(input_gazetteer *g)
{
    JsonParser *p;
    GError *ge = NULL;
    char *text = NULL;
    gsize len;
    int rc;

    if (!g_file_get_contents(g->path, &text, &len, &ge)) {
        rc = set_note(g, 0, 0, ge->code == G_FILE_ERROR_NOENT
                                   ? "is not there" : "cannot be read");
        g_error_free(ge);
        return rc;
    }
    p = json_parser_new();
    if (!json_parser_load_from_data(p, text, (gssize)len, &ge)) {
        rc = parse_error(g, ge->message);
        g_error_free(ge);
    } else {
        rc = add_countries(g, json_parser_get_root(p));
    }
    g_object_unref(p);
    g_free(text);
    return rc;
}

/* ---- the built-in tables ------------------------------------------------ */

/* The ';'-separated names of list. */
static int add_names(input_gazetteer *g, const char *list, const char *place,
                     const char *how)
{
    gchar **v = g_strsplit(list, ";", -1);
    size_t i;
    int rc = 0;

    for (i = 0; v[i] != NULL && rc == 0; i++)
        rc = add_name(g, v[i], place, how);
    g_strfreev(v);
    return rc;
}

static int add_division(input_gazetteer *g, const gaz_division *d)
{
    char full[128];

    snprintf(full, sizeof full, "%s %s", d->en, d->kind);
    return add_code(g, d->gb, d->place, "GB/T 2260 code") != 0 ||
           add_code(g, d->iso, d->place, "ISO 3166-2 code") != 0 ||
           add_name(g, d->zh, d->place, "Chinese full name") != 0 ||
           add_name(g, d->zh_short, d->place, "Chinese short name") != 0 ||
           add_name(g, d->en, d->place, "English name") != 0 ||
           add_name(g, full, d->place, "English name") != 0 ||
           (d->pinyin &&
            add_name(g, d->pinyin, d->place, "ISO 3166-2 name") != 0) ||
           (d->more && add_names(g, d->more, d->place, "other name") != 0)
               ? -1 : 0;
}

static int add_tables(input_gazetteer *g)
{
    size_t i;

    for (i = 0; i < gaz_n_spellings; i++) {
        const gaz_spelling *s = &gaz_spellings[i];
        if ((s->code ? add_code(g, s->text, s->place, gaz_how_code[s->source])
                     : add_name(g, s->text, s->place,
                                gaz_how_name[s->source])) != 0)
            return -1;
    }
    for (i = 0; i < GAZ_N_DIVISIONS; i++)
        if (add_division(g, &gaz_divisions[i]) != 0)
            return -1;
    return 0;
}

/* ---- the gazetteer ------------------------------------------------------ */

void input_gazetteer_free(input_gazetteer *g)
{
    if (g == NULL)
        return;
    g_hash_table_destroy(g->codes);
    g_hash_table_destroy(g->names);
    g_string_chunk_free(g->chunk);
    g_free(g->e);
    g_free(g->path);
    g_free(g);
}

sb_status input_gazetteer_load(const char *path, input_gazetteer **out,
                               sb_error *err)
{
    input_gazetteer *g = sb_new0(input_gazetteer, 1);

    *out = NULL;
    if (g == NULL)
        return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    g->chunk = g_string_chunk_new(16 * 1024);
    g->codes = g_hash_table_new(g_str_hash, g_str_equal);
    g->names = g_hash_table_new(g_str_hash, g_str_equal);
    if ((path != NULL && (g->path = sb_strdup(path)) == NULL) ||
        (path != NULL && load_iso(g) != 0) || add_tables(g) != 0) {
        input_gazetteer_free(g);
        return sb_error_set(err, SB_ENOMEM, path, 0, 0, "out of memory");
    }
    *out = g;
    return SB_OK;
}

const input_gaz_note *input_gazetteer_note(const input_gazetteer *g)
{
    return g->why[0] != '\0' ? &g->note : NULL;
}

static input_gazetteer *the_gazetteer;   /* the process's, once built */
static int the_note_told;
G_LOCK_DEFINE_STATIC(the_gazetteer);

/* DIR/iso_3166-1.json, DIR from the environment or the default; NULL
   when out of memory. */
static char *default_path(void)
{
    const char *dir = g_getenv(INPUT_GAZ_ENV);
    size_t n;
    char *p;

    if (dir == NULL || *dir == '\0')
        dir = INPUT_GAZ_DIR;
    n = strlen(dir) + sizeof INPUT_GAZ_FILE + 1;
    if ((p = sb_malloc(n)) != NULL)
        snprintf(p, n, "%s%s" INPUT_GAZ_FILE, dir,
                 dir[strlen(dir) - 1] == '/' ? "" : "/");
    return p;
}

sb_status input_gazetteer_get(const input_gazetteer **out,
                              const input_gaz_note **note, sb_error *err)
{
    sb_status rc = SB_OK;
    char *path;

    G_LOCK(the_gazetteer);
    if (the_gazetteer == NULL) {
        if ((path = default_path()) == NULL)
            rc = sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
        else
            rc = input_gazetteer_load(path, &the_gazetteer, err);
        g_free(path);
    }
    *out = the_gazetteer;
    if (note != NULL)
        *note = rc == SB_OK && !the_note_told
                    ? input_gazetteer_note(the_gazetteer) : NULL;
    /* told only to a caller that asks (the loader warns; input/layout.c
       only asks whether headers are regions) */
    if (rc == SB_OK && note != NULL)
        the_note_told = 1;
    G_UNLOCK(the_gazetteer);
    return rc;
}

/* ---- lookups ------------------------------------------------------------ */

/* The entry of key in index, NULL when none or shared. */
static const gaz_entry *entry(const input_gazetteer *g, GHashTable *index,
                              const char *key)
{
    gpointer v = g_hash_table_lookup(index, key);
    const gaz_entry *e = v ? &g->e[GPOINTER_TO_SIZE(v) - 1] : NULL;

    return e != NULL && !e->shared ? e : NULL;
}

int input_gazetteer_find(const input_gazetteer *g, const char *name,
                         int two_letter, input_gaz_match *m)
{
    const gaz_entry *e = entry(g, g->codes, name);
    char buf[256], *heap;
    const char *key;

    if (e != NULL && (!e->two_letter || two_letter)) {
        m->place = e->place;
        m->how = e->how;
        return 1;
    }
    key = name_key(name, buf, sizeof buf, &heap);
    e = key != NULL ? entry(g, g->names, key) : NULL;
    g_free(heap);
    if (e == NULL)
        return 0;
    m->place = e->place;
    m->how = e->how;
    return 1;
}

/* The place of a region of regions.csv or an earlier file, from its
   name or else its aliases (not from two-letter codes: regions.csv may
   list US states or provinces so); NULL when none, or when they name
   different places. */
static const char *place_of_region(const input_gazetteer *g,
                                   const sb_region *reg)
{
    input_gaz_match m;
    const char *place = NULL;
    size_t i;

    for (i = 0; i <= reg->n_aliases; i++) {
        if (!input_gazetteer_find(g, i == 0 ? reg->name
                                            : reg->aliases[i - 1], 0, &m) ||
            (place != NULL && strcmp(place, m.place) == 0))
            continue;
        if (place != NULL)
            return NULL;                  /* two places: it is neither */
        place = m.place;
    }
    return place;
}

sb_status input_gazetteer_place_regions(const input_gazetteer *g,
                                        sb_dataset *ds)
{
    size_t r, n = sb_dataset_n_regions(ds);
    const char *place;

    for (r = 0; r < n; r++) {
        const sb_region *reg = sb_dataset_region_at(ds, (sb_id)r);
        if ((reg->role & SB_ROLE_AGGREGATE) || reg->place[0] != '\0')
            continue;
        place = place_of_region(g, reg);
        if (place != NULL &&
            sb_dataset_set_place(ds, (sb_id)r, place) != SB_OK)
            return SB_ENOMEM;
    }
    sb_dataset_set_places_indexed(ds);
    return SB_OK;
}

static int cmp_code(const void *key, const void *item)
{
    return strcmp(key, *(const char *const *)item);
}

int input_gazetteer_is_aggregate(const char *name)
{
    size_t i;

    if (bsearch(name, gaz_aggregate_codes, gaz_n_aggregate_codes,
                sizeof *gaz_aggregate_codes, cmp_code) != NULL)
        return 1;
    if (strncmp(name, "OWID_", 5) == 0) {
        for (i = 0; gaz_owid_countries[i] != NULL; i++)
            if (strcmp(name, gaz_owid_countries[i]) == 0)
                return 0;
        return 1;
    }
    for (i = 0; gaz_aggregate_names[i] != NULL; i++)
        if (strcmp(name, gaz_aggregate_names[i]) == 0)
            return 1;
    for (i = 0; gaz_aggregate_prefixes[i] != NULL; i++)
        if (g_str_has_prefix(name, gaz_aggregate_prefixes[i]))
            return 1;
    return 0;
}
