/*
 * input/spec.c -- the report spec: YAML read with libyaml's event parser
 * into a small tree of our own (with positions), then walked against the
 * schema into an sb_spec.
 *
 * Why our own tree and not yaml_parser_load: anchors and aliases must be
 * bounded before anything is expanded ("billion laughs"), and the schema
 * walk needs every node's position for its messages. Each node knows its
 * size with every alias expanded, so a document past SPEC_MAX_NODES is
 * rejected at the alias that crosses the limit, while the tree itself
 * stays as small as the file: an alias is a pointer to its anchor, and
 * the walk follows it by reference. The strings of the spec point into
 * the tree, which the spec keeps until spec_destroy, so a text reached
 * through many aliases is never copied either.
 *
 * The first error wins and stops the work: YAML syntax first (nothing
 * else means anything in a file that is not YAML), then the schema in
 * document order. A mapping's missing keys are reported, at the mapping,
 * after its keys were checked, so that a misspelt key gets its "did you
 * mean" rather than "needs".
 */
#include "spec.h"

#include "core/alloc.h"
#include "load.h"

#include <errno.h>
#include <glib.h>
#include <glob.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

static const char *const langs[] = {"en", "zh", NULL};
static const char *const papers[] = {"a4", "letter", NULL};

/* The vocabularies other stages define (spec_vocab): a field's names
   may be one of these markers, and the walk reads the caller's list in
   its place (names_of), so that input/ keeps no copy of them. */
static const char *const vocab_chart_types[] = {NULL};
static const char *const vocab_table_columns[] = {NULL};
/* a chart's order: the panels of small multiples by rank or as the
   source has them */
static const char *const vocab_chart_orders[] = {"rank", "source", NULL};

#define MAX_YEAR 99999

/* ---- the node tree -------------------------------------------------------- */

typedef enum { NODE_SCALAR, NODE_SEQ, NODE_MAP, NODE_ALIAS } node_kind;

typedef struct node node;
struct node {
    node_kind kind;
    spec_pos pos;
    int style;              /* scalars: yaml_scalar_style_t */
    char *text;             /* scalars: NUL-ended (owned) */
    size_t len;             /* as read: differs from strlen after a "\0" */
    sb_ptrs items;          /* SEQ: the items; MAP: key, value, key, ... */
    const node *target;     /* ALIAS: the anchored node */
    long size;              /* nodes in it, every alias expanded */
    long long bytes;        /* its scalars' text, every alias expanded */
    int height;             /* levels in it, every alias expanded */
    int done;               /* complete: aliases may refer to it */
};

typedef struct {
    sb_ptrs *nodes;         /* owns every node */
    sb_ptrs open;           /* collections not closed yet, innermost last */
    GHashTable *anchors;    /* anchor name (owned) -> node */
    node *root;
    long total;             /* nodes so far, aliases expanded */
    long long bytes;        /* scalar text so far, aliases expanded */
    int documents;
    const char *path;
    sb_error *err;
} tree;

/* What sb_spec.priv holds. */
typedef struct {
    char *src;              /* the spec's bytes */
    size_t len;
    size_t *lines;          /* where each line starts */
    size_t n_lines, cap_lines;
    sb_ptrs nodes;          /* the tree: spec_str texts point into it */
    sb_ptrs pool;           /* the arrays and paths of the spec (g_free) */
} spec_priv;

static void node_free(node *n)
{
    g_free(n->text);
    g_free(n->items.pdata);
    g_free(n);
}

static spec_pos mark_pos(yaml_mark_t m)
{
    spec_pos p = {(long)m.line + 1, (long)m.column + 1};

    return p;
}

static sb_status vfail(sb_error *err, sb_status code, const char *path,
                       spec_pos pos, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));

static sb_status vfail(sb_error *err, sb_status code, const char *path,
                       spec_pos pos, const char *fmt, va_list ap)
{
    return sb_error_setv(err, code, path, pos.line, pos.col, fmt, ap);
}

static sb_status tree_fail(tree *t, spec_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static sb_status tree_fail(tree *t, spec_pos pos, const char *fmt, ...)
{
    va_list ap;
    sb_status rc;

    va_start(ap, fmt);
    rc = vfail(t->err, SB_EDATA, t->path, pos, fmt, ap);
    va_end(ap);
    return rc;
}

/* NULL when out of memory. */
static node *node_new(node_kind kind, const yaml_event_t *e)
{
    node *n = sb_new0(node, 1);

    if (n == NULL)
        return NULL;
    n->kind = kind;
    n->pos = mark_pos(e->start_mark);
    n->size = 1;
    n->height = 1;
    if (kind == NODE_SCALAR) {
        n->text = sb_strndup((const char *)e->data.scalar.value,
                             e->data.scalar.length);
        if (n->text == NULL) {
            g_free(n);
            return NULL;
        }
        n->len = e->data.scalar.length;
        n->bytes = (long long)n->len;
        n->style = (int)e->data.scalar.style;
        n->done = 1;
    }
    return n;
}

static sb_status tree_oom(tree *t, spec_pos pos)
{
    return sb_error_set(t->err, SB_ENOMEM, t->path, pos.line, pos.col,
                        "out of memory");
}

/* Names n by its anchor, if it has one. */
static sb_status tree_anchor(tree *t, node *n, const yaml_char_t *anchor)
{
    char *name;

    if (anchor == NULL)
        return SB_OK;
    if ((name = sb_strdup((const char *)anchor)) == NULL)
        return tree_oom(t, n->pos);
    g_hash_table_replace(t->anchors, name, n);
    return SB_OK;
}

/* Hangs n (NULL: out of memory) under the innermost open collection,
   counting it against the limits; n is owned by the tree whatever
   happens. */
static sb_status tree_add(tree *t, node *n, const yaml_char_t *anchor,
                          const yaml_event_t *e)
{
    long depth = (long)t->open.len + 1;
    node *parent = t->open.len ? t->open.pdata[t->open.len - 1] : NULL;

    if (n == NULL)
        return tree_oom(t, mark_pos(e->start_mark));
    if (sb_ptrs_add(t->nodes, n) != 0) {
        node_free(n);
        return tree_oom(t, mark_pos(e->start_mark));
    }
    if (depth - 1 + n->height > SPEC_MAX_DEPTH)
        return tree_fail(t, n->pos, "nested deeper than %d levels%s",
                         SPEC_MAX_DEPTH,
                         n->kind == NODE_ALIAS ? " (with aliases expanded)"
                                               : "");
    t->total += n->size;
    if (t->total > SPEC_MAX_NODES)
        return tree_fail(t, n->pos, n->kind == NODE_ALIAS
                                        ? "aliases expand the spec past %d "
                                          "nodes"
                                        : "the spec has more than %d nodes",
                         SPEC_MAX_NODES);
    t->bytes += n->bytes;
    if (t->bytes > SPEC_MAX_BYTES)
        return tree_fail(t, n->pos, "aliases expand the spec's text past "
                         "%ld bytes", SPEC_MAX_BYTES);
    if (parent != NULL && sb_ptrs_add(&parent->items, n) != 0)
        return tree_oom(t, n->pos);
    if (parent == NULL)
        t->root = n;
    if (tree_anchor(t, n, anchor) != SB_OK)
        return SB_ENOMEM;
    if ((n->kind == NODE_SEQ || n->kind == NODE_MAP) &&
        sb_ptrs_add(&t->open, n) != 0)
        return tree_oom(t, n->pos);
    return SB_OK;
}

/* A collection's end: its size and height are known now. */
static void tree_close(tree *t)
{
    node *n = t->open.pdata[--t->open.len];
    size_t i;

    for (i = 0; i < n->items.len; i++) {
        const node *c = n->items.pdata[i];
        n->size += c->size;
        n->bytes += c->bytes;
        n->height = MAX(n->height, c->height + 1);
    }
    n->done = 1;
}

static sb_status tree_alias(tree *t, const yaml_event_t *e)
{
    const char *name = (const char *)e->data.alias.anchor;
    const node *target = g_hash_table_lookup(t->anchors, name);
    node *n;

    if (target == NULL)
        return tree_fail(t, mark_pos(e->start_mark),
                         "alias \"*%s\" names no anchor \"&%s\" before it",
                         name, name);
    if (!target->done)
        return tree_fail(t, mark_pos(e->start_mark),
                         "alias \"*%s\" is inside the node it names", name);
    if ((n = node_new(NODE_ALIAS, e)) != NULL) {
        n->target = target;
        n->size = target->size;
        n->bytes = target->bytes;
        n->height = target->height;
        n->done = 1;
    }
    return tree_add(t, n, NULL, e);
}

static sb_status tree_event(tree *t, const yaml_event_t *e)
{
    switch (e->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++t->documents > 1)
            return tree_fail(t, mark_pos(e->start_mark),
                             "a second YAML document: the spec must be one");
        return SB_OK;
    case YAML_SCALAR_EVENT:
        return tree_add(t, node_new(NODE_SCALAR, e), e->data.scalar.anchor,
                        e);
    case YAML_SEQUENCE_START_EVENT:
        return tree_add(t, node_new(NODE_SEQ, e),
                        e->data.sequence_start.anchor, e);
    case YAML_MAPPING_START_EVENT:
        return tree_add(t, node_new(NODE_MAP, e),
                        e->data.mapping_start.anchor, e);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        tree_close(t);
        return SB_OK;
    case YAML_ALIAS_EVENT:
        return tree_alias(t, e);
    default:
        return SB_OK;
    }
}

/* ---- the source: lines, positions, UTF-8 -------------------------------- */

/* Length of the line break at s[i], 0 if none: libyaml's breaks, which
   its line numbers count (CR LF, CR, LF, NEL, LS, PS). */
static size_t break_len(const char *s, size_t i, size_t len)
{
    const unsigned char *u = (const unsigned char *)s + i;
    size_t left = len - i;

    if (u[0] == '\r')
        return left > 1 && u[1] == '\n' ? 2 : 1;
    if (u[0] == '\n')
        return 1;
    if (left > 1 && u[0] == 0xc2 && u[1] == 0x85)
        return 2;
    if (left > 2 && u[0] == 0xe2 && u[1] == 0x80 &&
        (u[2] == 0xa8 || u[2] == 0xa9))
        return 3;
    return 0;
}

/* Notes that a line starts at byte i; -1 when out of memory. */
static int add_line(spec_priv *p, size_t i)
{
    if (sb_grow(&p->lines, &p->cap_lines, p->n_lines + 1) != 0)
        return -1;
    p->lines[p->n_lines++] = i;
    return 0;
}

static sb_status index_lines(spec_priv *p, const char *path, sb_error *err)
{
    /* libyaml skips a BOM without counting it as a column */
    size_t i = p->len >= 3 && memcmp(p->src, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

    if (add_line(p, i) != 0)
        return sb_error_set(err, SB_ENOMEM, path, 0, 0, "out of memory");
    while (i < p->len) {
        size_t b = break_len(p->src, i, p->len);
        if (b == 0) {
            i++;
            continue;
        }
        i += b;
        if (add_line(p, i) != 0)
            return sb_error_set(err, SB_ENOMEM, path, (long)p->n_lines + 1,
                                0, "out of memory");
    }
    return SB_OK;
}

/* The position of byte off, whose prefix is valid UTF-8. */
static spec_pos offset_pos(const spec_priv *p, size_t off)
{
    size_t lo = 0, hi = p->n_lines - 1, start;
    spec_pos pos;

    while (lo < hi) {                  /* the last line starting <= off */
        size_t mid = (lo + hi + 1) / 2;
        if (p->lines[mid] <= off)
            lo = mid;
        else
            hi = mid - 1;
    }
    start = MIN(p->lines[lo], off);
    pos.line = (long)lo + 1;
    pos.col = g_utf8_strlen(p->src + start, (gssize)(off - start)) + 1;
    return pos;
}

/* The byte where pos is; 0 if pos is not inside a line. */
static int pos_offset(const spec_priv *p, spec_pos pos, size_t *out)
{
    size_t i;
    long c;

    if (pos.line < 1 || (size_t)pos.line > p->n_lines || pos.col < 1)
        return 0;
    i = p->lines[(size_t)pos.line - 1];
    for (c = 1; c < pos.col; c++) {
        if (i >= p->len || break_len(p->src, i, p->len) > 0)
            return 0;
        i = (size_t)(g_utf8_next_char(p->src + i) - p->src);
    }
    *out = i;
    return 1;
}

static sb_status read_source(const char *path, spec_priv *p, sb_error *err)
{
    FILE *f = fopen(path, "rb");
    sb_text s = {0};
    char buf[65536];
    size_t n;
    int e = 0, nomem;

    if (f == NULL)
        return sb_error_set(err, SB_ENOINPUT, path, 0, 0,
                            "cannot read the spec: %s", strerror(errno));
    nomem = sb_text_add(&s, "", 0) != 0;
    while (!nomem && s.len <= (size_t)SPEC_MAX_BYTES &&
           (n = fread(buf, 1, sizeof buf, f)) > 0)
        nomem = sb_text_add(&s, buf, n) != 0;
    if (ferror(f))
        e = errno;
    fclose(f);
    p->len = s.len;
    p->src = s.s;
    if (nomem)
        return sb_error_set(err, SB_ENOMEM, path, 0, 0, "out of memory");
    if (e != 0)
        return sb_error_set(err, SB_ENOINPUT, path, 0, 0,
                            "cannot read the spec: %s", strerror(e));
    if (s.len > (size_t)SPEC_MAX_BYTES)  /* a spec is a page or two */
        return sb_error_set(err, SB_EDATA, path, 0, 0, "the spec is larger "
                            "than %ld bytes", SPEC_MAX_BYTES);
    return SB_OK;
}

static sb_status check_utf8(const spec_priv *p, const char *path,
                            sb_error *err)
{
    const char *end;
    spec_pos pos;

    if (p->len >= 2 && ((unsigned char)p->src[0] == 0xff ||
                        (unsigned char)p->src[0] == 0xfe) &&
        ((unsigned char)p->src[1] ^ (unsigned char)p->src[0]) == 1)
        return sb_error_set(err, SB_EDATA, path, 1, 1,
                            "UTF-16 text: save the spec as UTF-8");
    if (g_utf8_validate_len(p->src, p->len, &end))
        return SB_OK;
    pos = offset_pos(p, (size_t)(end - p->src));
    return sb_error_set(err, SB_EDATA, path, pos.line, pos.col,
                        "invalid UTF-8 (byte 0x%02x): save the spec as UTF-8",
                        (unsigned char)*end);
}

static sb_status yaml_problem(const yaml_parser_t *y, const spec_priv *p,
                              const char *path, sb_error *err)
{
    spec_pos pos = mark_pos(y->problem_mark);

    if (y->error == YAML_MEMORY_ERROR)
        return sb_error_set(err, SB_ENOMEM, path, 0, 0,
                            "out of memory reading the spec");
    /* the reader counts bytes, not lines */
    if (y->error == YAML_READER_ERROR)
        pos = offset_pos(p, MIN(y->problem_offset, p->len));
    return sb_error_set(err, SB_EDATA, path, pos.line, pos.col, "%s",
                        y->problem ? y->problem : "not valid YAML");
}

static sb_status build_tree(spec_priv *p, const char *path, sb_error *err,
                            node **root)
{
    tree t = {0};
    yaml_parser_t y;
    yaml_event_t e;
    sb_status rc = SB_OK;
    int end = 0;

    if (!yaml_parser_initialize(&y))
        return sb_error_set(err, SB_ENOMEM, path, 0, 0, "out of memory");
    yaml_parser_set_input_string(&y, (const unsigned char *)p->src, p->len);
    t.nodes = &p->nodes;
    t.anchors = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    t.path = path;
    t.err = err;
    while (rc == SB_OK && !end) {
        if (!yaml_parser_parse(&y, &e)) {
            rc = yaml_problem(&y, p, path, err);
            break;
        }
        rc = tree_event(&t, &e);
        end = e.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&e);
    }
    yaml_parser_delete(&y);
    g_free(t.open.pdata);
    g_hash_table_unref(t.anchors);
    *root = t.root;
    return rc;
}

/* ---- walking: errors, types ------------------------------------------------ */

typedef struct {
    sb_spec *s;
    spec_priv *p;
    sb_error *err;
    GHashTable *resolved;   /* path node -> its files, for aliased paths */
    const spec_vocab *vocab;
} walk;

/* A field's names, with a vocabulary marker replaced by its list. */
static const char *const *names_of(const walk *w, const char *const *names)
{
    if (names == vocab_chart_types)
        return w->vocab->chart_types;
    if (names == vocab_table_columns)
        return w->vocab->table_columns;
    return names;
}

static sb_status fail(walk *w, sb_status code, const node *n,
                      const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static sb_status fail(walk *w, sb_status code, const node *n,
                      const char *fmt, ...)
{
    va_list ap;
    sb_status rc;

    va_start(ap, fmt);
    rc = vfail(w->err, code, w->s->path, n->pos, fmt, ap);
    va_end(ap);
    return rc;
}

/* fail at a value's position, for a rule between keys checked once the
   mapping is read */
static sb_status fail_at(walk *w, sb_status code, spec_pos pos,
                         const char *msg)
{
    return sb_error_set(w->err, code, w->s->path, pos.line, pos.col, "%s",
                        msg);
}

static const node *deref(const node *n)
{
    return n->kind == NODE_ALIAS ? n->target : n;
}

/* YAML's null: an empty plain scalar, ~ or null. */
static int is_null(const node *n)
{
    n = deref(n);
    return n->kind == NODE_SCALAR && n->style == YAML_PLAIN_SCALAR_STYLE &&
           (n->text[0] == '\0' || strcmp(n->text, "~") == 0 ||
            strcmp(n->text, "null") == 0 || strcmp(n->text, "Null") == 0 ||
            strcmp(n->text, "NULL") == 0);
}

static const char *kind_name(const node *n)
{
    if (is_null(n))
        return "empty";
    switch (deref(n)->kind) {
    case NODE_SEQ: return "a list";
    case NODE_MAP: return "a mapping";
    default:       return "a text";
    }
}

/* `"key" must be WANT, not a list`, or `each item of "key" ...`. */
static sb_status type_error(walk *w, const node *v, const char *key,
                            int item, const char *want)
{
    return fail(w, SB_EDATA, v, "%s\"%s\" must be %s, not %s",
                item ? "each item of " : "", key, want, kind_name(v));
}

static void *member(void *obj, size_t off)
{
    return (char *)obj + off;
}

/* Gives the spec block a (NULL: out of memory) to free; 0, or -1 when
   out of memory (a freed then). */
static int pool_keep(walk *w, void *a)
{
    if (a != NULL && sb_ptrs_add(&w->p->pool, a) == 0)
        return 0;
    g_free(a);
    return -1;
}

/* n zeroed elements owned by the spec into *out; NULL for none. -1
   when out of memory. */
static int pool_new(walk *w, size_t n, size_t size, void *out)
{
    void *a = NULL;

    if (n > 0 && pool_keep(w, a = sb_calloc(n, size)) != 0)
        return -1;
    memcpy(out, &a, sizeof a);
    return 0;
}

/* "a, b or c" (last = " or "), or "a, b, c" (last = ", "), in buf of
   size bytes (a message's: what does not fit would not be shown). */
static void join_names(char *buf, size_t size, const char *const *names,
                       const char *last)
{
    size_t i;

    buf[0] = '\0';
    for (i = 0; names[i] != NULL; i++) {
        g_strlcat(buf, i == 0 ? "" : names[i + 1] ? ", " : last, size);
        g_strlcat(buf, names[i], size);
    }
}

/* The value is not one of names: lists them, with a "did you mean" when
   there are more than a few to read through. */
static sb_status bad_choice(walk *w, const node *v, const char *key,
                            const char *text, const char *const *names)
{
    char g[sizeof w->err->msg];
    const char *close = NULL;

    join_names(g, sizeof g, names, " or ");
    if (g_strv_length((gchar **)names) > 3)
        close = spec_did_you_mean(text, names);
    return fail(w, SB_EDATA, v, "%s: \"%s\" is not %s%s%s%s", key, text, g,
                close ? " (did you mean \"" : "", close ? close : "",
                close ? "\"?)" : "");
}

static int find_name(const char *text, const char *const *names)
{
    int i;

    for (i = 0; names[i] != NULL; i++)
        if (strcmp(text, names[i]) == 0)
            return i;
    return -1;
}

/* ---- walking: scalars ------------------------------------------------------ */

/* A text: any scalar but a null, without NUL characters. The spec's
   string points into the tree. */
static sb_status read_text(walk *w, const char *key, int item, const node *v,
                           spec_str *out)
{
    const node *d = deref(v);

    if (d->kind != NODE_SCALAR || is_null(d))
        return type_error(w, v, key, item, "a text");
    if (strlen(d->text) != d->len)
        return fail(w, SB_EDATA, v, "\"%s\" contains a NUL character", key);
    out->text = d->text;
    out->pos = d->pos;
    out->style = d->style;
    return SB_OK;
}

/* A whole decimal number from lo to hi. */
static sb_status read_int(walk *w, const char *key, const node *v, long lo,
                          long hi, long *out)
{
    const node *d = deref(v);
    const char *s;
    size_t i;
    long x = 0;

    if (d->kind != NODE_SCALAR || is_null(d))
        return type_error(w, v, key, 0, "a whole number");
    s = d->text + (d->text[0] == '-' || d->text[0] == '+');
    for (i = 0; s[i] != '\0' && g_ascii_isdigit(s[i]) && i < 10; i++)
        x = x * 10 + (s[i] - '0');
    if (d->text[0] == '-')
        x = -x;
    if (i == 0 || s[i] != '\0' || x < lo || x > hi)
        return fail(w, SB_EDATA, v, "%s: \"%s\" is not a whole number from "
                    "%ld to %ld", key, d->text, lo, hi);
    *out = x;
    return SB_OK;
}

/* true/false, yes/no (YAML 1.1's booleans, any case). */
static int parse_bool(const node *v, int *out)
{
    static const char *const yes[] = {"true", "yes"}, *const no[] = {
        "false", "no"};
    const node *d = deref(v);
    size_t i;

    if (d->kind != NODE_SCALAR)
        return -1;
    for (i = 0; i < 2; i++)
        if (g_ascii_strcasecmp(d->text, yes[i]) == 0 ||
            g_ascii_strcasecmp(d->text, no[i]) == 0) {
            *out = g_ascii_strcasecmp(d->text, yes[i]) == 0;
            return 0;
        }
    return -1;
}

/* ---- walking: mappings and fields -------------------------------------- */

typedef struct field field;
typedef struct record record;
typedef sb_status (*getter)(walk *w, const field *f, const node *key,
                            const node *v, void *obj);

/* A key of a mapping: where its value goes in the C struct. */
struct field {
    const char *key;
    getter get;
    size_t off, off_n;          /* the value; a list's count */
    long lo, hi;                /* numbers: the range */
    const char *const *names;   /* the values it may have */
    const record *rec;          /* a mapping (or a list of them) */
};

/* A mapping of the schema and the C struct it fills. */
struct record {
    size_t size;                /* of the struct */
    const field *fields;        /* ended by a NULL key */
    const char *where;          /* " in a chart", for unknown keys */
    void (*init)(void *obj, const node *n);
    sb_status (*done)(walk *w, void *obj, const node *n);
};

typedef sb_status (*pair_fn)(walk *w, const node *key, const node *v,
                             void *ctx);

static sb_status unknown_key(walk *w, const node *k,
                             const char *const *names, const char *where)
{
    const char *text = deref(k)->text, *close = spec_did_you_mean(text,
                                                                   names);
    char g[sizeof w->err->msg];

    if (close != NULL)
        return fail(w, SB_EDATA, k, "unknown key \"%s\" (did you mean "
                    "\"%s\"?)", text, close);
    join_names(g, sizeof g, names, ", ");
    return fail(w, SB_EDATA, k, "unknown key \"%s\"%s (known: %s)", text,
                where, g);
}

/* Calls fn for each pair of mapping v in order, once its key is known to
   be a text that came before in none of the pairs. Each fn rejects keys
   it does not know, so the scan for repeats stays short. */
static sb_status map_each(walk *w, const node *v, const char *key, int item,
                          pair_fn fn, void *ctx)
{
    const node *m = deref(v);
    size_t i, j;
    sb_status rc = SB_OK;

    if (m->kind != NODE_MAP)
        return type_error(w, v, key, item, "a mapping");
    for (i = 0; i + 1 < m->items.len && rc == SB_OK; i += 2) {
        const node *k = m->items.pdata[i], *kd = deref(k);
        if (kd->kind != NODE_SCALAR)
            return fail(w, SB_EDATA, k, "a key must be a text, not %s",
                        kind_name(k));
        for (j = 0; j < i; j += 2) {
            const node *prev = deref(m->items.pdata[j]);
            if (strcmp(prev->text, kd->text) == 0)
                return fail(w, SB_EDATA, k, "duplicate key \"%s\" (first at "
                            "line %ld)", kd->text,
                            ((const node *)m->items.pdata[j])->pos.line);
        }
        rc = fn(w, k, m->items.pdata[i + 1], ctx);
    }
    return rc;
}

typedef struct {
    const record *rec;
    void *obj;
} level;


static sb_status field_pair(walk *w, const node *k, const node *v, void *ctx)
{
    const level *l = ctx;
    const char *text = deref(k)->text, *names[32];
    const field *f;
    size_t n = 0;

    for (f = l->rec->fields; f->key != NULL; f++)
        if (strcmp(f->key, text) == 0)
            break;
    if (f->key == NULL) {
        for (f = l->rec->fields; f->key != NULL && n + 1 < 32; f++)
            names[n++] = f->key;
        names[n] = NULL;
        return unknown_key(w, k, names, l->rec->where);
    }
    /* "title:" with nothing is a key not given, as YAML users expect */
    if (is_null(v))
        return SB_OK;
    return f->get(w, f, k, v, l->obj);
}

/* One mapping of the schema into obj. */
static sb_status read_record(walk *w, const record *rec, const char *key,
                             int item, const node *v, void *obj)
{
    level l = {rec, obj};
    sb_status rc;

    if (rec->init != NULL)
        rec->init(obj, deref(v));
    rc = map_each(w, v, key, item, field_pair, &l);
    if (rc == SB_OK && rec->done != NULL)
        rc = rec->done(w, obj, v);
    return rc;
}

/* ---- getters: one per kind of value ------------------------------------- */

static sb_status get_text(walk *w, const field *f, const node *k,
                          const node *v, void *obj)
{
    (void)k;
    return read_text(w, f->key, 0, v, member(obj, f->off));
}

/* spec_int: a number from f->lo to f->hi and where it is. */
static sb_status get_int(walk *w, const field *f, const node *k,
                         const node *v, void *obj)
{
    spec_int *out = member(obj, f->off);
    long x;
    sb_status rc = read_int(w, f->key, v, f->lo, f->hi, &x);

    (void)k;
    if (rc == SB_OK) {
        out->v = x;
        out->pos = deref(v)->pos;
    }
    return rc;
}

/* A plain int from f->lo to f->hi. */
static sb_status get_number(walk *w, const field *f, const node *k,
                            const node *v, void *obj)
{
    long x;
    sb_status rc = read_int(w, f->key, v, f->lo, f->hi, &x);

    (void)k;
    if (rc == SB_OK)
        *(int *)member(obj, f->off) = (int)x;
    return rc;
}

static sb_status get_bool(walk *w, const field *f, const node *k,
                          const node *v, void *obj)
{
    (void)k;
    if (deref(v)->kind != NODE_SCALAR)
        return type_error(w, v, f->key, 0, "true or false");
    if (parse_bool(v, member(obj, f->off)) != 0)
        return fail(w, SB_EDATA, v, "%s: \"%s\" is not true or false",
                    f->key, deref(v)->text);
    return SB_OK;
}

/* An int: the index of the value in f->names. */
static sb_status get_choice(walk *w, const field *f, const node *k,
                            const node *v, void *obj)
{
    spec_str s;
    sb_status rc = read_text(w, f->key, 0, v, &s);
    const char *const *names = names_of(w, f->names);
    int i;

    (void)k;
    if (rc != SB_OK)
        return rc;
    i = find_name(s.text, names);
    if (i < 0)
        return bad_choice(w, v, f->key, s.text, names);
    *(int *)member(obj, f->off) = i;
    return SB_OK;
}

/* A spec_str that must be one of f->names. */
static sb_status get_name(walk *w, const field *f, const node *k,
                          const node *v, void *obj)
{
    spec_str *s = member(obj, f->off);
    sb_status rc = read_text(w, f->key, 0, v, s);
    const char *const *names = names_of(w, f->names);

    (void)k;
    if (rc == SB_OK && find_name(s->text, names) < 0)
        return bad_choice(w, v, f->key, s->text, names);
    return rc;
}

/* Fills one element of a list from item v (item: v is in a list). */
typedef sb_status (*item_fn)(walk *w, const field *f, int item,
                             const node *v, void *elem);

/* A list into an array of size-byte elements and its count, at f->off
   and f->off_n; with one, a single scalar is a list of one. */
static sb_status get_list(walk *w, const field *f, const node *v, void *obj,
                          size_t size, int one, item_fn fn)
{
    const node *d = deref(v);
    int seq = d->kind == NODE_SEQ;
    size_t i, n = seq ? d->items.len : 1;
    char *a;
    sb_status rc = SB_OK;

    if (!seq && !(one && d->kind == NODE_SCALAR))
        return type_error(w, v, f->key, 0, "a list");
    if (pool_new(w, n, size, &a) != 0)
        return fail(w, SB_ENOMEM, v, "out of memory");
    for (i = 0; i < n && rc == SB_OK; i++)
        rc = fn(w, f, seq, seq ? d->items.pdata[i] : v, a + i * size);
    memcpy(member(obj, f->off), &a, sizeof a);
    *(size_t *)member(obj, f->off_n) = n;
    return rc;
}

/* A text, one of f->names when given. */
static sb_status text_item(walk *w, const field *f, int item, const node *v,
                           void *elem)
{
    spec_str *t = elem;
    sb_status rc = read_text(w, f->key, item, v, t);
    const char *const *names = names_of(w, f->names);

    if (rc == SB_OK && names && find_name(t->text, names) < 0)
        return bad_choice(w, v, f->key, t->text, names);
    return rc;
}

/* spec_str array and count: a list of texts, or one text. */
static sb_status get_texts(walk *w, const field *f, const node *k,
                           const node *v, void *obj)
{
    (void)k;
    return get_list(w, f, v, obj, sizeof(spec_str), 1, text_item);
}

/* A mapping into obj (at f->off). */
static sb_status get_map(walk *w, const field *f, const node *k,
                         const node *v, void *obj)
{
    (void)k;
    return read_record(w, f->rec, f->key, 0, v, member(obj, f->off));
}

static sb_status record_item(walk *w, const field *f, int item,
                             const node *v, void *elem)
{
    return read_record(w, f->rec, f->key, item, v, elem);
}

/* An array of f->rec's structs and its count: a list of mappings. */
static sb_status get_records(walk *w, const field *f, const node *k,
                             const node *v, void *obj)
{
    (void)k;
    return get_list(w, f, v, obj, f->rec->size, 0, record_item);
}

/* ---- data and metadata --------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files a glob matches, NULL-ended in the pool. */
static sb_status glob_files(walk *w, const node *v, const char *text,
                            const char *pattern, char ***out)
{
    glob_t g;
    size_t i;
    int rc = glob(pattern, 0, NULL, &g);

    if (rc == GLOB_NOSPACE)
        return fail(w, SB_ENOMEM, v, "out of memory");
    if (rc != 0)
        return fail(w, SB_ENOINPUT, v, "no file matches \"%s\"", text);
    if (pool_new(w, g.gl_pathc + 1, sizeof **out, out) != 0)
        rc = -1;
    for (i = 0; rc == 0 && i < g.gl_pathc; i++)
        if (pool_keep(w, (*out)[i] = sb_strdup(g.gl_pathv[i])) != 0)
            rc = -1;
    globfree(&g);
    if (rc != 0)
        return fail(w, SB_ENOMEM, v, "out of memory");
    /* glob sorts by the locale; runs must not depend on it */
    qsort(*out, i, sizeof **out, cmp_str);
    return SB_OK;
}

/* The files of a path, a glob or a folder, NULL-ended in the pool. */
static sb_status find_files(walk *w, const node *v, const char *text,
                            char ***out)
{
    const char *dir = w->s->dir;
    char *full = g_path_is_absolute(text) || strcmp(dir, ".") == 0
                     ? sb_strdup(text) : input_path_join(dir, text);
    sb_status rc;
    int e;

    if (full == NULL)
        return fail(w, SB_ENOMEM, v, "out of memory");
    if (strpbrk(text, "*?[") != NULL) {
        rc = glob_files(w, v, text, full, out);
        g_free(full);
        return rc;
    }
    e = access(full, R_OK) == 0 ? 0 : errno;
    if (pool_keep(w, full) != 0 || pool_new(w, 2, sizeof **out, out) != 0)
        return fail(w, SB_ENOMEM, v, "out of memory");
    (*out)[0] = full;
    return e == 0 ? SB_OK : fail(w, SB_ENOINPUT, v, "cannot open \"%s\": %s",
                                 text, strerror(e));
}

/* d->files from d->path (read from v). A path reached through aliases is
   resolved once: the spec_data share its files. */
static sb_status resolve(walk *w, spec_data *d, const node *v)
{
    char **files = g_hash_table_lookup(w->resolved, deref(v));
    sb_status rc;

    if (files != NULL) {
        d->files = files;
        return SB_OK;
    }
    if (d->path.text[0] == '\0')
        return fail(w, SB_EDATA, v, "an empty path names no file");
    rc = find_files(w, v, d->path.text, &d->files);
    if (rc == SB_OK)
        g_hash_table_insert(w->resolved, (gpointer)deref(v), d->files);
    return rc;
}

static sb_status get_path(walk *w, const field *f, const node *k,
                          const node *v, void *obj)
{
    spec_data *d = obj;
    sb_status rc = read_text(w, f->key, 0, v, &d->path);

    (void)k;
    return rc != SB_OK ? rc : resolve(w, d, v);
}

static sb_status get_shape(walk *w, const field *f, const node *k,
                           const node *v, void *obj)
{
    const char *names[INPUT_SHAPE_WIDE_REGION + 1];
    spec_data *d = obj;
    input_shape sh;
    spec_str s;
    sb_status rc = read_text(w, f->key, 0, v, &s);
    int i;

    (void)k;
    if (rc != SB_OK)
        return rc;
    if (input_shape_parse(s.text, &sh) == 0) {
        d->shape = (int)sh;
        return SB_OK;
    }
    for (i = INPUT_SHAPE_LONG; i <= INPUT_SHAPE_WIDE_REGION; i++)
        names[i - INPUT_SHAPE_LONG] = input_shape_name((input_shape)i);
    names[INPUT_SHAPE_WIDE_REGION] = NULL;
    return bad_choice(w, v, f->key, s.text, names);
}

/* columns: ROLE: HEADER pairs. */
static sb_status column_pair(walk *w, const node *k, const node *v,
                             void *ctx)
{
    const char *names[INPUT_NKEYS + 1], *role = deref(k)->text;
    spec_data *d = ctx;
    input_col_role r;
    spec_str s;
    sb_status rc;
    int i;

    if (input_col_role_parse(role, &r) != 0) {
        for (i = 0; i < INPUT_NKEYS; i++)
            names[i] = input_col_role_name((input_col_role)i);
        names[INPUT_NKEYS] = NULL;
        return unknown_key(w, k, names, " in \"columns\"");
    }
    if (is_null(v))
        return SB_OK;
    rc = read_text(w, role, 0, v, &s);
    if (rc == SB_OK)
        d->columns[r] = s.text;
    return rc;
}

static sb_status get_columns(walk *w, const field *f, const node *k,
                             const node *v, void *obj)
{
    (void)k;
    return map_each(w, v, f->key, 0, column_pair, obj);
}

static sb_status data_done(walk *w, void *obj, const node *v)
{
    const spec_data *d = obj;

    return d->path.text ? SB_OK
                        : fail(w, SB_EDATA, v, "a data entry needs \"path\"");
}

static const field data_fields[] = {
    {"path", get_path, 0, 0, 0, 0, NULL, NULL},
    {"shape", get_shape, 0, 0, 0, 0, NULL, NULL},
    {"columns", get_columns, 0, 0, 0, 0, NULL, NULL},
    {"encoding", get_text, offsetof(spec_data, encoding), 0, 0, 0, NULL,
     NULL},
    {"decimal_comma", get_bool, offsetof(spec_data, decimal_comma), 0, 0, 0,
     NULL, NULL},
    {"indicator", get_text, offsetof(spec_data, indicator), 0, 0, 0, NULL,
     NULL},
    {NULL, NULL, 0, 0, 0, 0, NULL, NULL}};

static const record data_rec = {sizeof(spec_data), data_fields,
                                " in a data entry", NULL, data_done};

/* One entry: a path (or glob, or folder), or with f->rec a mapping. */
static sb_status read_entry(walk *w, const field *f, int item, const node *v,
                            void *elem)
{
    spec_data *e = elem;
    sb_status rc;

    e->shape = -1;
    if (deref(v)->kind == NODE_MAP && f->rec != NULL)
        return read_record(w, f->rec, f->key, item, v, e);
    if (deref(v)->kind != NODE_SCALAR)
        return type_error(w, v, f->key, item,
                          f->rec ? "a text or a mapping" : "a text");
    rc = read_text(w, f->key, item, v, &e->path);
    return rc != SB_OK ? rc : resolve(w, e, v);
}

/* data, metadata: a list of entries, or one path. */
static sb_status get_data(walk *w, const field *f, const node *k,
                          const node *v, void *obj)
{
    (void)k;
    return get_list(w, f, v, obj, sizeof(spec_data), 1, read_entry);
}

/* ---- sections, charts, tables -------------------------------------------- */

/* findings: 1 to 50, or true for the usual 6 (false: none). */
static sb_status get_findings(walk *w, const field *f, const node *k,
                              const node *v, void *obj)
{
    int *out = member(obj, f->off), b;

    if (parse_bool(v, &b) == 0) {
        *out = b ? 6 : 0;
        return SB_OK;
    }
    return get_number(w, f, k, v, obj);
}

/* size: WxH in millimetres, as --size takes it. */
static sb_status get_size(walk *w, const field *f, const node *k,
                          const node *v, void *obj)
{
    spec_chart *c = obj;
    spec_str s;
    char *end;
    double wd = 0, ht = 0;
    sb_status rc = read_text(w, f->key, 0, v, &s);

    (void)k;
    if (rc != SB_OK)
        return rc;
    if (g_ascii_isdigit(s.text[0])) {
        wd = g_ascii_strtod(s.text, &end);
        if ((*end == 'x' || *end == 'X') && g_ascii_isdigit(end[1]))
            ht = g_ascii_strtod(end + 1, &end);
    }
    if (ht == 0 || *end != '\0' || wd < 30 || ht < 20 || wd > 2000 ||
        ht > 2000)
        return fail(w, SB_EDATA, v, "%s: \"%s\" is not WxH in mm (from 30x20 "
                    "to 2000x2000)", f->key, s.text);
    c->width_mm = wd;
    c->height_mm = ht;
    return SB_OK;
}

/* One scalar of formats: "pdf" or "pdf,png". */
static sb_status add_formats(walk *w, const char *key, int item,
                             const node *v, unsigned *bits)
{
    spec_str s;
    gchar **parts;
    sb_status rc = read_text(w, key, item, v, &s);
    size_t i;

    if (rc != SB_OK)
        return rc;
    parts = g_strsplit(s.text, ",", -1);
    for (i = 0; parts[i] != NULL && rc == SB_OK; i++) {
        int f = find_name(g_strstrip(parts[i]), w->vocab->chart_formats);
        if (f < 0)
            rc = bad_choice(w, v, key, parts[i], w->vocab->chart_formats);
        else
            *bits |= 1u << f;
    }
    g_strfreev(parts);
    return rc;
}

static sb_status get_formats(walk *w, const field *f, const node *k,
                             const node *v, void *obj)
{
    const node *d = deref(v);
    unsigned *bits = member(obj, f->off);
    size_t i;
    sb_status rc = SB_OK;

    (void)k;
    if (d->kind == NODE_MAP)
        return type_error(w, v, f->key, 0, "a list");
    if (d->kind == NODE_SCALAR)
        return add_formats(w, f->key, 0, v, bits);
    for (i = 0; i < d->items.len && rc == SB_OK; i++)
        rc = add_formats(w, f->key, 1, d->items.pdata[i], bits);
    return rc;
}

static void chart_init(void *obj, const node *n)
{
    ((spec_chart *)obj)->pos = n->pos;
}

static sb_status chart_done(walk *w, void *obj, const node *v)
{
    spec_chart *c = obj;
    size_t i;

    if (c->indicator.text == NULL)
        return fail(w, SB_EDATA, v, "a chart needs \"indicator\"");
    if (c->base.v != 0 && (c->type.text == NULL ||
                           strcmp(c->type.text, "index") != 0))
        return fail_at(w, SB_EDATA, c->base.pos, "\"base\" is only for "
                       "type: index");
    if (pool_new(w, c->n_labels, sizeof *c->label_names, &c->label_names))
        return fail(w, SB_ENOMEM, v, "out of memory");
    for (i = 0; i < c->n_labels; i++)
        c->label_names[i] = c->labels[i].text;
    c->source_order = c->order.text != NULL &&
                      strcmp(c->order.text, "source") == 0;
    return SB_OK;
}

static const field chart_fields[] = {
    {"indicator", get_text, offsetof(spec_chart, indicator), 0, 0, 0, NULL,
     NULL},
    {"type", get_name, offsetof(spec_chart, type), 0, 0, 0, vocab_chart_types,
     NULL},
    {"title", get_text, offsetof(spec_chart, title), 0, 0, 0, NULL, NULL},
    {"size", get_size, 0, 0, 0, 0, NULL, NULL},
    {"dpi", get_number, offsetof(spec_chart, dpi), 0, 36, 2400, NULL, NULL},
    {"formats", get_formats, offsetof(spec_chart, formats), 0, 0, 0, NULL,
     NULL},
    {"year", get_int, offsetof(spec_chart, year), 0, 1, MAX_YEAR, NULL,
     NULL},
    {"base", get_int, offsetof(spec_chart, base), 0, 1, MAX_YEAR, NULL,
     NULL},
    {"labels", get_texts, offsetof(spec_chart, labels),
     offsetof(spec_chart, n_labels), 0, 0, NULL, NULL},
    {"order", get_name, offsetof(spec_chart, order), 0, 0, 0,
     vocab_chart_orders, NULL},
    {NULL, NULL, 0, 0, 0, 0, NULL, NULL}};

static const record chart_rec = {sizeof(spec_chart), chart_fields,
                                 " in a chart", chart_init, chart_done};

/* indicator or indicators: a table has one of them, not both. */
static sb_status get_table_rows(walk *w, const field *f, const node *k,
                                const node *v, void *obj)
{
    const spec_table *t = obj;
    sb_status rc = f->off_n ? get_texts(w, f, k, v, obj)
                            : get_text(w, f, k, v, obj);

    if (rc == SB_OK && t->indicator.text != NULL && t->n_indicators > 0)
        return fail(w, SB_EDATA, k, "a table has \"indicator\" (one row per "
                    "region) or \"indicators\" (one row per indicator), not "
                    "both");
    return rc;
}

static void table_init(void *obj, const node *n)
{
    ((spec_table *)obj)->pos = n->pos;
}

static sb_status table_done(walk *w, void *obj, const node *v)
{
    const spec_table *t = obj;

    return t->indicator.text || t->n_indicators > 0
               ? SB_OK
               : fail(w, SB_EDATA, v, "a table needs \"indicator\" or "
                      "\"indicators\"");
}

static const field table_fields[] = {
    {"indicator", get_table_rows, offsetof(spec_table, indicator), 0, 0, 0,
     NULL, NULL},
    {"indicators", get_table_rows, offsetof(spec_table, indicators),
     offsetof(spec_table, n_indicators), 0, 0, NULL, NULL},
    {"columns", get_texts, offsetof(spec_table, columns),
     offsetof(spec_table, n_columns), 0, 0, vocab_table_columns, NULL},
    {"title", get_text, offsetof(spec_table, title), 0, 0, 0, NULL, NULL},
    {NULL, NULL, 0, 0, 0, 0, NULL, NULL}};

static const record table_rec = {sizeof(spec_table), table_fields,
                                 " in a table", table_init, table_done};

static void section_init(void *obj, const node *n)
{
    ((spec_section *)obj)->pos = n->pos;
}

static sb_status section_done(walk *w, void *obj, const node *v)
{
    const spec_section *s = obj;

    if (s->text.text || s->indicator.text || s->findings > 0 || s->summary ||
        s->n_charts > 0 || s->n_tables > 0)
        return SB_OK;
    return fail(w, SB_EDATA, v, "a section needs at least one of text, "
                "indicator, findings, summary, charts or tables");
}

static const field section_fields[] = {
    {"title", get_text, offsetof(spec_section, title), 0, 0, 0, NULL, NULL},
    {"text", get_text, offsetof(spec_section, text), 0, 0, 0, NULL, NULL},
    {"indicator", get_text, offsetof(spec_section, indicator), 0, 0, 0, NULL,
     NULL},
    {"findings", get_findings, offsetof(spec_section, findings), 0, 1, 50,
     NULL, NULL},
    {"summary", get_bool, offsetof(spec_section, summary), 0, 0, 0, NULL,
     NULL},
    {"charts", get_records, offsetof(spec_section, charts),
     offsetof(spec_section, n_charts), 0, 0, NULL, &chart_rec},
    {"tables", get_records, offsetof(spec_section, tables),
     offsetof(spec_section, n_tables), 0, 0, NULL, &table_rec},
    {NULL, NULL, 0, 0, 0, 0, NULL, NULL}};

static const record section_rec = {sizeof(spec_section), section_fields,
                                   " in a section", section_init,
                                   section_done};

/* ---- the top level ----------------------------------------------------------- */

/* from, to, last: checked against each other as soon as both are read,
   so that the error is where the second one is. */
static sb_status get_period(walk *w, const field *f, const node *k,
                            const node *v, void *obj)
{
    const sb_spec *s = obj;
    sb_status rc = get_int(w, f, k, v, obj);

    if (rc != SB_OK)
        return rc;
    if (s->last.pos.line && (s->from.pos.line || s->to.pos.line))
        return fail(w, SB_EDATA, k, "period: \"last\" cannot be combined "
                    "with \"from\" or \"to\"");
    if (s->from.pos.line && s->to.pos.line && s->from.v > s->to.v)
        return fail(w, SB_EDATA, v, "period: \"from\" (%ld) is after \"to\" "
                    "(%ld)", s->from.v, s->to.v);
    return SB_OK;
}

static const field period_fields[] = {
    {"from", get_period, offsetof(sb_spec, from), 0, 1, MAX_YEAR, NULL,
     NULL},
    {"to", get_period, offsetof(sb_spec, to), 0, 1, MAX_YEAR, NULL, NULL},
    {"last", get_period, offsetof(sb_spec, last), 0, 1, 1000, NULL, NULL},
    {NULL, NULL, 0, 0, 0, 0, NULL, NULL}};

static const record period_rec = {sizeof(sb_spec), period_fields,
                                  " in \"period\"", NULL, NULL};

/* ---- foreach ----------------------------------------------------------------- */

/* years: [2021, 2022], or {from: 2020, to: 2023}, or all. */
static sb_status foreach_years(walk *w, const node *v, spec_foreach *fe)
{
    const node *d = deref(v);
    size_t i;
    sb_status rc = SB_OK;

    fe->by_year = 1;
    if (d->kind == NODE_SCALAR && strcmp(d->text, "all") == 0)
        return SB_OK;
    if (d->kind == NODE_MAP) {
        static const field f[] = {
            {"from", get_int, offsetof(spec_foreach, from), 0, 1, MAX_YEAR,
             NULL, NULL},
            {"to", get_int, offsetof(spec_foreach, to), 0, 1, MAX_YEAR, NULL,
             NULL},
            {NULL, NULL, 0, 0, 0, 0, NULL, NULL}};
        static const record r = {sizeof(spec_foreach), f,
                                 " in \"foreach: years\"", NULL, NULL};
        rc = read_record(w, &r, "years", 0, v, fe);
        if (rc == SB_OK && fe->from.v && fe->to.v && fe->from.v > fe->to.v)
            return fail(w, SB_EDATA, v, "foreach: years: \"from\" (%ld) is "
                        "after \"to\" (%ld)", fe->from.v, fe->to.v);
        return rc;
    }
    if (d->kind != NODE_SEQ)
        return fail(w, SB_EDATA, v, "foreach: \"years\" must be all, a list "
                    "of years or {from: Y, to: Y}, not %s", kind_name(v));
    fe->n_years = d->items.len;
    if (pool_new(w, fe->n_years + 1, sizeof(spec_int), &fe->years) != 0)
        return fail(w, SB_ENOMEM, v, "out of memory");
    for (i = 0; i < fe->n_years && rc == SB_OK; i++) {
        const node *y = d->items.pdata[i];
        rc = read_int(w, "years", y, 1, MAX_YEAR, &fe->years[i].v);
        fe->years[i].pos = deref(y)->pos;
    }
    return rc;
}

/* regions: all, a group, or a list of regions. */
static sb_status foreach_regions(walk *w, const node *v, spec_foreach *fe)
{
    const node *d = deref(v);
    size_t i;
    sb_status rc = SB_OK;

    fe->by_region = 1;
    if (d->kind == NODE_SCALAR)
        return strcmp(d->text, "all") == 0
                   ? SB_OK : read_text(w, "regions", 0, v, &fe->group);
    if (d->kind != NODE_SEQ)
        return fail(w, SB_EDATA, v, "foreach: \"regions\" must be all, a "
                    "group or a list of regions, not %s", kind_name(v));
    fe->n_regions = d->items.len;
    if (pool_new(w, fe->n_regions + 1, sizeof(spec_str), &fe->regions) != 0)
        return fail(w, SB_ENOMEM, v, "out of memory");
    for (i = 0; i < fe->n_regions && rc == SB_OK; i++)
        rc = read_text(w, "regions", 1, d->items.pdata[i], &fe->regions[i]);
    return rc;
}

/* One word of the short forms: regions or years. */
static sb_status foreach_word(walk *w, const node *v, spec_foreach *fe)
{
    const node *d = deref(v);

    if (d->kind == NODE_SCALAR && strcmp(d->text, "regions") == 0)
        fe->by_region = 1;
    else if (d->kind == NODE_SCALAR && strcmp(d->text, "years") == 0)
        fe->by_year = 1;
    else
        return fail(w, SB_EDATA, v, "foreach: expected regions, years or "
                    "{regions: ..., years: ...}, not %s%s%s",
                    d->kind == NODE_SCALAR ? "\"" : "",
                    d->kind == NODE_SCALAR ? d->text : kind_name(v),
                    d->kind == NODE_SCALAR ? "\"" : "");
    return SB_OK;
}

static sb_status foreach_pair(walk *w, const node *k, const node *v,
                              void *ctx)
{
    static const char *const names[] = {"regions", "years", NULL};
    const char *key = deref(k)->text;

    if (strcmp(key, "regions") == 0)
        return foreach_regions(w, v, ctx);
    if (strcmp(key, "years") == 0)
        return foreach_years(w, v, ctx);
    return unknown_key(w, k, names, " in \"foreach\"");
}

/* foreach: regions | years | [regions, years] | {regions: ..., years: ...} */
static sb_status get_foreach(walk *w, const field *f, const node *k,
                             const node *v, void *obj)
{
    spec_foreach *fe = member(obj, f->off);
    const node *d = deref(v);
    size_t i;
    sb_status rc = SB_OK;

    fe->pos = k->pos;
    if (d->kind == NODE_MAP)
        return map_each(w, v, "foreach", 0, foreach_pair, fe);
    if (d->kind == NODE_SEQ) {
        for (i = 0; i < d->items.len && rc == SB_OK; i++)
            rc = foreach_word(w, d->items.pdata[i], fe);
        return rc;
    }
    return foreach_word(w, v, fe);
}

static const field top_fields[] = {
    {"title", get_text, offsetof(sb_spec, title), 0, 0, 0, NULL, NULL},
    {"subtitle", get_text, offsetof(sb_spec, subtitle), 0, 0, 0, NULL, NULL},
    {"author", get_text, offsetof(sb_spec, author), 0, 0, 0, NULL, NULL},
    {"language", get_choice, offsetof(sb_spec, lang), 0, 0, 0, langs, NULL},
    {"paper", get_choice, offsetof(sb_spec, paper), 0, 0, 0, papers, NULL},
    {"revisions", get_bool, offsetof(sb_spec, revisions), 0, 0, 0, NULL,
     NULL},
    {"data", get_data, offsetof(sb_spec, data), offsetof(sb_spec, n_data), 0,
     0, NULL, &data_rec},
    {"metadata", get_data, offsetof(sb_spec, metadata),
     offsetof(sb_spec, n_metadata), 0, 0, NULL, NULL},
    {"regions", get_texts, offsetof(sb_spec, regions),
     offsetof(sb_spec, n_regions), 0, 0, NULL, NULL},
    {"focus", get_text, offsetof(sb_spec, focus), 0, 0, 0, NULL, NULL},
    {"group", get_text, offsetof(sb_spec, group), 0, 0, 0, NULL, NULL},
    {"total", get_text, offsetof(sb_spec, total), 0, 0, 0, NULL, NULL},
    {"benchmark", get_text, offsetof(sb_spec, benchmark), 0, 0, 0, NULL,
     NULL},
    {"period", get_map, 0, 0, 0, 0, NULL, &period_rec},
    {"output", get_text, offsetof(sb_spec, output), 0, 0, 0, NULL, NULL},
    {"chart_dir", get_text, offsetof(sb_spec, chart_dir), 0, 0, 0, NULL,
     NULL},
    {"expect_year", get_int, offsetof(sb_spec, expect_year), 0, 1, MAX_YEAR,
     NULL, NULL},
    {"min_ranked", get_int, offsetof(sb_spec, min_ranked), 0, 2, 1000000,
     NULL, NULL},
    {"sections", get_records, offsetof(sb_spec, sections),
     offsetof(sb_spec, n_sections), 0, 0, NULL, &section_rec},
    {"foreach", get_foreach, offsetof(sb_spec, foreach), 0, 0, 0, NULL,
     NULL},
    {NULL, NULL, 0, 0, 0, 0, NULL, NULL}};

static const record top_rec = {sizeof(sb_spec), top_fields, "", NULL, NULL};

static sb_status walk_spec(sb_spec *s, const spec_vocab *vocab,
                           const node *root, sb_error *err)
{
    walk w = {s, s->priv, err, NULL, vocab};
    node start = {0};
    sb_status rc;

    start.pos.line = start.pos.col = 1;
    if (root == NULL || is_null(root))
        return fail(&w, SB_EDATA, &start, "the spec is empty (expected keys "
                    "such as title, data and sections)");
    if (deref(root)->kind != NODE_MAP)
        return fail(&w, SB_EDATA, root, "the spec must be a mapping of keys "
                    "(title: ..., data: ...), not %s", kind_name(root));
    w.resolved = g_hash_table_new(g_direct_hash, g_direct_equal);
    rc = read_record(&w, &top_rec, "", 0, root, s);
    g_hash_table_unref(w.resolved);
    return rc;
}

/* ---- the public functions ------------------------------------------------------ */

/* The folder of path, as g_path_get_dirname says it ("." for none);
   NULL when out of memory. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/'), *dir = path;
    size_t n = slash ? (size_t)(slash - path) : 0;

    while (n > 0 && path[n - 1] == '/')
        n--;
    if (n == 0) {
        dir = slash ? "/" : ".";
        n = 1;
    }
    return sb_strndup(dir, n);
}

/* The spec's file read, checked and walked into s. */
static sb_status parse_into(sb_spec *s, const char *path,
                            const spec_vocab *vocab, sb_error *err)
{
    spec_priv *p = s->priv;
    node *root = NULL;
    sb_status rc = read_source(path, p, err);

    if (rc == SB_OK)
        rc = index_lines(p, path, err);
    if (rc == SB_OK)
        rc = check_utf8(p, path, err);
    if (rc == SB_OK)
        rc = build_tree(p, path, err, &root);
    if (rc == SB_OK)
        rc = walk_spec(s, vocab, root, err);
    return rc;
}

sb_status spec_parse(const char *path, const spec_vocab *vocab,
                     sb_spec **out, sb_error *err)
{
    sb_spec *s = sb_new0(sb_spec, 1);
    sb_status rc;

    *out = NULL;
    if (s == NULL || (s->priv = sb_new0(spec_priv, 1)) == NULL ||
        (s->path = sb_strdup(path)) == NULL ||
        (s->dir = dir_of(path)) == NULL) {
        spec_destroy(s);
        return sb_error_set(err, SB_ENOMEM, path, 0, 0, "out of memory");
    }
    s->lang = s->paper = s->revisions = -1;
    rc = parse_into(s, path, vocab, err);
    if (rc != SB_OK) {
        spec_destroy(s);
        s = NULL;
    }
    *out = s;
    return rc;
}

void spec_destroy(sb_spec *s)
{
    spec_priv *p;
    size_t i;

    if (s == NULL)
        return;
    if ((p = s->priv) != NULL) {
        g_free(p->src);
        g_free(p->lines);
        for (i = 0; i < p->nodes.len; i++)
            node_free(p->nodes.pdata[i]);
        g_free(p->nodes.pdata);
        for (i = 0; i < p->pool.len; i++)
            g_free(p->pool.pdata[i]);
        g_free(p->pool.pdata);
        g_free(p);
    }
    g_free(s->path);
    g_free(s->dir);
    g_free(s);
}

sb_status spec_sha256(const sb_spec *s, char hex[SB_SHA256_HEX],
                      size_t *bytes)
{
    const spec_priv *p = s->priv;

    if (bytes != NULL)
        *bytes = p->len;
    /* the source as read_source read it, unchanged since */
    return sb_sha256_data(p->src, p->len, hex);
}

/* Indentation of a literal block scalar t: the spaces before its first
   line with content in the source, less those the content keeps. */
static long block_indent(const spec_priv *p, const spec_str *t)
{
    const char *c = t->text;
    spec_pos line = {t->pos.line + 1, 1};
    size_t off;
    long src = 0, kept = 0;

    while (*c == '\n') {
        c++;
        line.line++;
    }
    if (*c == '\0' || !pos_offset(p, line, &off))
        return 0;
    while (off + (size_t)src < p->len && p->src[off + (size_t)src] == ' ')
        src++;
    while (c[kept] == ' ')
        kept++;
    return src - kept;
}

/* Whether the source at t->pos reads exactly t->text (with its quotes):
   one line, no escapes, so characters map one to one. */
static int verbatim(const spec_priv *p, const spec_str *t)
{
    size_t off, len = strlen(t->text);
    size_t q = t->style != YAML_PLAIN_SCALAR_STYLE;
    char quote = t->style == YAML_SINGLE_QUOTED_SCALAR_STYLE ? '\'' : '"';

    if (!pos_offset(p, t->pos, &off) || off + len + 2 * q > p->len)
        return 0;
    if (q && (p->src[off] != quote || p->src[off + 1 + len] != quote))
        return 0;
    return memcmp(p->src + off + q, t->text, len) == 0 &&
           strchr(t->text, '\n') == NULL;
}

spec_pos spec_locate(const sb_spec *s, const spec_str *t, size_t offset)
{
    const spec_priv *p = s ? s->priv : NULL;
    spec_pos pos = t->pos;
    size_t i, start = 0;

    if (p == NULL || t->text == NULL || offset > strlen(t->text))
        return pos;
    switch (t->style) {
    case YAML_PLAIN_SCALAR_STYLE:
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
        if (verbatim(p, t))
            pos.col += (t->style != YAML_PLAIN_SCALAR_STYLE) +
                       g_utf8_strlen(t->text, (gssize)offset);
        return pos;
    case YAML_LITERAL_SCALAR_STYLE:
        /* the content starts on the line after the "|" */
        pos.line++;
        for (i = 0; i < offset; i++)
            if (t->text[i] == '\n') {
                pos.line++;
                start = i + 1;
            }
        pos.col = block_indent(p, t) +
                  g_utf8_strlen(t->text + start, (gssize)(offset - start)) + 1;
        return pos;
    default:
        return pos;
    }
}

/* Levenshtein distance of a and b (b at most 64 bytes), two rows. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), i, j, row[2][65];

    for (j = 0; j <= lb; j++)
        row[0][j] = j;
    for (i = 1; i <= la; i++) {
        size_t *cur = row[i & 1], *prev = row[(i - 1) & 1];
        cur[0] = i;
        for (j = 1; j <= lb; j++) {
            size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            cur[j] = MIN(sub, MIN(prev[j], cur[j - 1]) + 1);
        }
    }
    return row[la & 1][lb];
}

const char *spec_did_you_mean(const char *s, const char *const *names)
{
    const char *best = NULL;
    size_t i, d, best_d = 3, ls = strlen(s);

    for (i = 0; names[i] != NULL; i++) {
        size_t ln = strlen(names[i]);
        /* lengths more than 2 apart are more than 2 edits apart */
        if (ln > 64 || ls > ln + 2 || ln > ls + 2)
            continue;
        d = distance(s, names[i]);
        if (d < best_d) {
            best = names[i];
            best_d = d;
        }
    }
    return best;
}
