/*
 * plots/files.c -- chart files: names, atomic writes, the run loop.
 */
#include "files.h"

#include "core/outfile.h"

#include "alt.h"
#include "chart_types.h"

#include <errno.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

/* The formats by name: the i-th sets bit 1 << i (plot_format). */
static const char *const format_names[] = {"pdf", "png", "svg", NULL};

const char *const *plot_format_names(void)
{
    return format_names;
}

int plot_formats_parse(const char *s, unsigned *out)
{
    gchar **parts = g_strsplit(s, ",", -1);
    int rc = 0;
    size_t i, k;

    *out = 0;
    for (i = 0; parts[i] != NULL && rc == 0; i++) {
        const char *p = g_strstrip(parts[i]);
        for (k = 0; format_names[k] && strcmp(p, format_names[k]); k++)
            ;
        if (format_names[k] != NULL)
            *out |= 1u << k;
        else
            rc = -1;
    }
    g_strfreev(parts);
    return *out == 0 ? -1 : rc;
}

/* ---- names --------------------------------------------------------- */

/* Hex digits of the hash a changed name carries; a clash doubles them. */
#define HASH_SHORT 4
#define HASH_FULL 64

/* A character that must not reach a file name: C0 and C1 controls,
   format characters (bidirectional overrides such as U+202E, zero-width
   ones, U+FEFF) and line and paragraph separators (U+2028, U+2029):
   invisible or reordering in a listing, line breaks in a log. */
static int unsafe_char(gunichar u)
{
    GUnicodeType t = g_unichar_type(u);

    return u == '/' || u == '\\' || t == G_UNICODE_CONTROL ||
           t == G_UNICODE_FORMAT || t == G_UNICODE_LINE_SEPARATOR ||
           t == G_UNICODE_PARAGRAPH_SEPARATOR;
}

/* name with its unsafe characters, bytes that are not UTF-8, both dots
   of ".." and a leading '.' made '_', cut to PLOT_NAME_KEEP bytes at a
   character boundary. */
static char *safe_base(const char *name)
{
    GString *g = g_string_new(NULL);
    const char *p = name, *end = name + strlen(name);

    while (p < end) {
        gunichar u = g_utf8_get_char_validated(p, end - p);
        size_t len = u >= 0x110000 ? 1 : (size_t)g_utf8_skip[*(guchar *)p];
        if (u >= 0x110000 || unsafe_char(u) ||
            (u == '.' && (p == name || p[1] == '.' ||
                          (p > name && p[-1] == '.'))))
            g_string_append_c(g, '_');
        else
            g_string_append_len(g, p, (gssize)len);
        p += len;
    }
    if (g->len == 0)
        g_string_append_c(g, '_');
    if (g->len > PLOT_NAME_KEEP) {       /* the result is UTF-8 by now */
        size_t cut = PLOT_NAME_KEEP;
        while ((g->str[cut] & 0xc0) == 0x80)
            cut--;
        g_string_truncate(g, cut);
    }
    return g_string_free(g, FALSE);
}

/* The key under which two file names are one file on a share that
   ignores case and Unicode normalisation. */
static char *fold_key(const char *file)
{
    char *folded = g_utf8_casefold(file, -1);
    char *key = g_utf8_normalize(folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);

    g_free(folded);
    return key != NULL ? key : g_strdup(file);
}

/* One name of a run and its file name. */
typedef struct {
    const char *name;            /* as given: borrowed */
    char *base;                  /* safe_base */
    char hex[HASH_FULL + 1];     /* SHA-256 of name */
    int hash;                    /* hex digits the file carries: 0, 4, ... */
    int plain;                   /* base is name itself, and in NFC */
    char *file;                  /* base, or base-<hash digits> */
} name_entry;

static void entry_file(name_entry *e)
{
    g_free(e->file);
    e->file = e->hash ? g_strdup_printf("%s-%.*s", e->base, e->hash, e->hex)
                      : g_strdup(e->base);
}

static name_entry *entry_new(const char *name)
{
    name_entry *e = g_new0(name_entry, 1);
    char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, name, -1);
    char *nfc = g_utf8_normalize(name, -1, G_NORMALIZE_DEFAULT_COMPOSE);

    e->name = name;
    e->base = safe_base(name);
    g_strlcpy(e->hex, sum, sizeof e->hex);
    e->plain = strcmp(e->base, name) == 0 && nfc && strcmp(nfc, name) == 0;
    /* a name not in NFC is one file with its NFC spelling on a share
       that normalises (macOS): it carries its hash alone too, so that
       the plain file is never once its and once the other's */
    e->hash = e->plain ? 0 : HASH_SHORT;
    entry_file(e);
    g_free(nfc);
    g_free(sum);
    return e;
}

static void entry_free(gpointer p)
{
    name_entry *e = p;

    g_free(e->base);
    g_free(e->file);
    g_free(e);
}

char *plot_file_name(const char *name)
{
    name_entry *e = entry_new(name);
    char *file = g_strdup(e->file);

    entry_free(e);
    return file;
}

struct plot_names {
    GPtrArray *entries;          /* name_entry, in the order given */
    GHashTable *by_name;         /* name -> name_entry */
    GHashTable *files;           /* fold_key(file) -> name_entry */
    size_t clashes;
};

/* The entries of pn grouped by the fold key of their base (by_base) or
   their file name: a table of key -> GPtrArray of entries (in pn's
   order). */
static GHashTable *groups(const plot_names *pn, int by_base)
{
    GHashTable *g = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify)g_ptr_array_unref);
    size_t i;

    for (i = 0; i < pn->entries->len; i++) {
        name_entry *e = g_ptr_array_index(pn->entries, i);
        char *key = fold_key(by_base ? e->base : e->file);
        GPtrArray *members = g_hash_table_lookup(g, key);
        if (members == NULL) {
            members = g_ptr_array_new();
            g_hash_table_insert(g, g_strdup(key), members);
        }
        g_ptr_array_add(members, e);
        g_free(key);
    }
    return g;
}

/* Tells the members of one clash apart: the one member written as it is
   keeps its file when it is the only one so (a_b against a/b, the NFC
   spelling against the NFD), the others get a hash or a longer one. 1
   when a file name changed. */
static int separate(GPtrArray *members)
{
    name_entry *keeper = NULL;
    size_t i, n_plain = 0;
    int moved = 0;

    for (i = 0; i < members->len; i++) {
        name_entry *e = g_ptr_array_index(members, i);
        if (e->plain && e->hash == 0) {
            keeper = e;
            n_plain++;
        }
    }
    if (n_plain != 1)
        keeper = NULL;
    for (i = 0; i < members->len; i++) {
        name_entry *e = g_ptr_array_index(members, i);
        if (e == keeper || e->hash == HASH_FULL)
            continue;
        e->hash = e->hash ? e->hash * 2 : HASH_SHORT;
        entry_file(e);
        moved = 1;
    }
    if (!moved && keeper != NULL) {     /* the rest cannot grow: it moves */
        keeper->hash = HASH_SHORT;
        entry_file(keeper);
        moved = 1;
    }
    return moved;
}

/* Separates every clash until none is left. Each round lengthens a hash
   or gives one, and two different names' full hashes never clash, so
   this ends within a few rounds. */
static void resolve(plot_names *pn)
{
    int moved = 1;

    while (moved) {
        GHashTable *g = groups(pn, 0);
        GHashTableIter it;
        gpointer key, members;
        moved = 0;
        g_hash_table_iter_init(&it, g);
        while (g_hash_table_iter_next(&it, &key, &members))
            if (((GPtrArray *)members)->len > 1)
                moved |= separate(members);
        g_hash_table_destroy(g);
    }
}

/* "\"a/b\" and \"a_b\"" from the names (files: the file names) of a
   clash. */
static char *list_of(GPtrArray *members, int files)
{
    GString *g = g_string_new(NULL);
    size_t i;

    for (i = 0; i < members->len; i++) {
        const name_entry *e = g_ptr_array_index(members, i);
        g_string_append_printf(g, "%s\"%s\"",
                               i == 0 ? "" : i + 1 < members->len ? ", "
                                                                 : " and ",
                               files ? e->file : e->name);
    }
    return g_string_free(g, FALSE);
}

/* The warning for one clash of bases (e its first member). */
static sb_status warn_clash(const name_entry *e, GPtrArray *members,
                            const char *what, sb_diag *diag)
{
    char *names = list_of(members, 0), *files = list_of(members, 1);
    int same = 1;
    size_t k;
    sb_status rc;

    for (k = 1; k < members->len; k++)
        same &= strcmp(((name_entry *)members->pdata[k])->base, e->base) == 0;
    rc = sb_diag_warn(diag, NULL, 0, 0, same
                      ? "%ss %s would share the file name \"%s\": they are "
                        "written as %s"
                      : "%ss %s differ only in case or Unicode normalisation "
                        "(\"%s\"), one file on a case-insensitive or "
                        "normalising share (SMB, macOS): they are written "
                        "as %s", what, names, e->base, files);
    g_free(names);
    g_free(files);
    return rc;
}

/* One warning per clash of bases, in the order of the names, once the
   files are told apart. */
static sb_status warn_clashes(plot_names *pn, const char *what,
                              sb_diag *diag)
{
    GHashTable *g = groups(pn, 1), *told = g_hash_table_new(NULL, NULL);
    sb_status rc = SB_OK;
    size_t i;

    for (i = 0; i < pn->entries->len && rc == SB_OK; i++) {
        const name_entry *e = g_ptr_array_index(pn->entries, i);
        char *key = fold_key(e->base);
        GPtrArray *m = g_hash_table_lookup(g, key);
        g_free(key);
        if (m->len < 2 || !g_hash_table_add(told, m))
            continue;
        rc = warn_clash(e, m, what, diag);
        pn->clashes++;
    }
    g_hash_table_destroy(told);
    g_hash_table_destroy(g);
    return rc;
}

sb_status plot_names_new(const char *const *names, size_t n,
                         const char *what, sb_diag *diag, plot_names **out)
{
    plot_names *pn = g_new0(plot_names, 1);
    size_t i;

    pn->entries = g_ptr_array_new_with_free_func(entry_free);
    pn->by_name = g_hash_table_new(g_str_hash, g_str_equal);
    pn->files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (i = 0; i < n; i++) {
        name_entry *e;
        if (g_hash_table_contains(pn->by_name, names[i]))
            continue;
        e = entry_new(names[i]);
        g_ptr_array_add(pn->entries, e);
        g_hash_table_insert(pn->by_name, (gpointer)e->name, e);
    }
    resolve(pn);
    for (i = 0; i < pn->entries->len; i++) {
        name_entry *e = g_ptr_array_index(pn->entries, i);
        g_hash_table_insert(pn->files, fold_key(e->file), e);
    }
    *out = pn;
    return warn_clashes(pn, what, diag);
}

const char *plot_names_file(const plot_names *pn, const char *name)
{
    const name_entry *e = g_hash_table_lookup(pn->by_name, name);

    return e != NULL ? e->file : NULL;
}

size_t plot_names_clashes(const plot_names *pn)
{
    return pn->clashes;
}

void plot_names_free(plot_names *pn)
{
    if (pn == NULL)
        return;
    g_hash_table_destroy(pn->files);
    g_hash_table_destroy(pn->by_name);
    g_ptr_array_free(pn->entries, TRUE);
    g_free(pn);
}

/* The name other than self whose file name file is (on a share that
   ignores case and normalisation too), or NULL. */
static const name_entry *taken(const plot_names *pn, const char *file,
                               const name_entry *self)
{
    char *key = fold_key(file);
    const name_entry *other = g_hash_table_lookup(pn->files, key);

    g_free(key);
    return other != self ? other : NULL;
}

/* name's file name with the suffixes sfx ("-bar-zh"), when that is not
   another name's file name ("gdp" as a bar chart against the indicator
   "gdp-bar"): else with name's hash (longer if need be) before the
   suffixes, and a warning. The caller frees it. */
static char *suffixed(const plot_names *pn, const char *name,
                      const char *sfx, sb_diag *diag)
{
    const name_entry *e = g_hash_table_lookup(pn->by_name, name);
    const name_entry *other;
    char *file;
    int hash;

    if (e == NULL) {                    /* not among the run's names */
        char *alone = plot_file_name(name);
        file = g_strconcat(alone, sfx, NULL);
        g_free(alone);
        return file;
    }
    file = g_strconcat(e->file, sfx, NULL);
    other = *sfx ? taken(pn, file, e) : NULL;
    if (other == NULL)
        return file;
    for (hash = e->hash ? e->hash * 2 : HASH_SHORT;
         hash <= HASH_FULL && taken(pn, file, e) != NULL; hash *= 2) {
        g_free(file);
        file = g_strdup_printf("%s-%.*s%s", e->base, hash, e->hex, sfx);
    }
    sb_diag_warn(diag, NULL, 0, 0, "the chart \"%s%s\" of indicator \"%s\" "
                 "would have the file name of indicator \"%s\": it is "
                 "written as \"%s\"", e->file, sfx, name, other->name, file);
    return file;
}

/* ---- writing ---------------------------------------------------------- */

static const char *ext(plot_format f)
{
    return format_names[f == PLOT_PDF ? 0 : f == PLOT_PNG ? 1 : 2];
}

/* What the charts of one run share: their file names, the names used so
   far, their failures. */
typedef struct {
    const plot_names *names;     /* the run's, or own */
    plot_names *own;             /* made here when the run gave none */
    GHashTable *used;            /* fold_key of every chart's name so far */
    size_t tried;                /* charts tried */
    sb_diag failures;            /* every failed chart */
    sb_error first;              /* the first failure */
    sb_error stop;               /* what stopped the run */
} chart_run;

/* Sets r up for the charts of inds (n of them); names: the run's file
   names, else made from inds with their clashes as warnings in diag.
   SB_ENOMEM when a warning could not be stored; r goes back through
   run_end either way. */
static sb_status run_begin(chart_run *r, const plot_names *names,
                           const sb_dataset *ds, const sb_id *inds, size_t n,
                           sb_diag *diag)
{
    const char **ids;
    size_t i;
    sb_status rc;

    memset(r, 0, sizeof *r);
    sb_diag_init(&r->failures);
    r->used = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    r->names = names;
    if (names != NULL)
        return SB_OK;
    ids = g_new0(const char *, n + 1);
    for (i = 0; i < n; i++)
        ids[i] = sb_dataset_indicator_at(ds, inds[i])->id;
    rc = plot_names_new(ids, n, "indicator", diag, &r->own);
    r->names = r->own;
    g_free(ids);
    return rc == SB_OK ? SB_OK : sb_error_set(&r->stop, rc, NULL, 0, 0,
                                              "out of memory");
}

/* Counts a chart's status rc (its error e): SB_OK to go on with the next
   chart, else the status that stops the run. A chart that cannot be
   written or drawn is a failure of its own; a signal, an internal error
   or lack of memory stops the run. */
static sb_status chart_done(chart_run *r, sb_status rc, const sb_error *e)
{
    r->tried++;
    if (rc == SB_OK)
        return SB_OK;
    if (rc != SB_ECANTCREAT && rc != SB_EDATA) {
        r->stop = *e;                    /* a signal may leave it empty */
        return rc;
    }
    if (r->failures.count == 0)
        r->first = *e;
    if (sb_diag_warn(&r->failures, e->path[0] ? e->path : NULL, e->line,
                     e->column, "%s", e->msg) == SB_OK)
        return SB_OK;
    return sb_error_set(&r->stop, SB_ENOMEM, NULL, 0, 0, "out of memory");
}

/* Ends r with the run's status rc (what stopped it, or SB_OK): returns
   the run's status with its error in err: what stopped it, else the one
   failure, else how many failed (the first one's status), their errors
   in list (NULL: not kept) when err does not say them. Frees r. */
static sb_status run_end(chart_run *r, sb_status rc, sb_diag *list,
                         sb_error *err)
{
    size_t i, n = r->failures.count;

    if (rc != SB_OK && err->code == SB_OK)
        *err = r->stop;
    else if (n == 1 && err->code == SB_OK)
        *err = r->first;
    else if (n > 1)
        sb_error_set(err, r->first.code, NULL, 0, 0, "%zu of %zu charts "
                     "failed (each above)", n, r->tried);
    if (rc == SB_OK && n > 0)
        rc = r->first.code;
    for (i = 0; list != NULL && (n > 1 || rc != r->first.code) &&
                i < r->failures.n_items; i++) {
        const sb_error *e = &r->failures.items[i];
        sb_diag_warn(list, e->path[0] ? e->path : NULL, e->line, e->column,
                     "%s", e->msg);
    }
    sb_diag_clear(&r->failures);
    g_hash_table_destroy(r->used);
    plot_names_free(r->own);
    return rc;
}

/* <name>[-type][-lang], made unique within the run: the same chart
   twice gets "-2". */
static char *stem(const plot_chart *c, const plot_run *o, int default_type,
                  chart_run *r, sb_diag *diag)
{
    GString *sfx = g_string_new(NULL), *g;
    char *base, *key;
    int k;

    if ((int)c->type != default_type)
        g_string_append_printf(sfx, "-%s", plot_type_name(c->type));
    if (o->style.lang == FMT_ZH)
        g_string_append(sfx, "-zh");
    base = suffixed(r->names, c->ind->id, sfx->str, diag);
    g = g_string_new(base);
    key = fold_key(g->str);
    for (k = 2; g_hash_table_contains(r->used, key); k++) {
        g_string_printf(g, "%s-%d", base, k);
        g_free(key);
        key = fold_key(g->str);
    }
    g_hash_table_add(r->used, key);
    g_free(base);
    g_string_free(sfx, TRUE);
    return g_string_free(g, FALSE);
}

/* Writes one file of a chart (atomically) and tells the sink. */
static sb_status write_file(const plot_run *o, sb_id ind, const char *name,
                            const plot_bytes *b, gint64 t0, sb_error *err)
{
    char *path = g_build_filename(o->dir, name, NULL);
    sb_status rc = sb_out_write(path, b->data, b->len, err);

    if (rc == SB_OK && o->sink != NULL && o->sink->wrote != NULL)
        o->sink->wrote(o->sink->ctx, ind, o, path,
                       (double)(g_get_monotonic_time() - t0) / 1e6);
    g_free(path);
    return rc;
}

/* Asks the sink whether the file name.ext of a chart being drawn is to
   be written (the others are current). */
static int needed(const plot_run *o, const char *name, const char *ext_)
{
    char *file, *path;
    int r;

    if (o->sink == NULL || o->sink->need == NULL)
        return 1;
    file = g_strdup_printf("%s.%s", name, ext_);
    path = g_build_filename(o->dir, file, NULL);
    r = o->sink->need(o->sink->ctx, path);
    g_free(file);
    g_free(path);
    return r;
}

/* Asks the sink whether the chart named `name` is to be drawn. */
static int wanted(const plot_run *o, sb_id ind, const char *name,
                  sb_error *err)
{
    static const plot_format all[] = {PLOT_PDF, PLOT_PNG, PLOT_SVG};
    char *paths[4];
    size_t n = 0, i;
    int r;

    if (o->sink == NULL || o->sink->want == NULL)
        return 1;
    for (i = 0; i <= G_N_ELEMENTS(all); i++) {       /* the .txt last */
        int k = (int)i < (int)G_N_ELEMENTS(all) ? (int)i : -1;
        char *file;
        if (k >= 0 && !(o->formats & all[k]))
            continue;
        file = g_strdup_printf("%s.%s", name, k >= 0 ? ext(all[k]) : "txt");
        paths[n++] = g_build_filename(o->dir, file, NULL);   /* as written */
        g_free(file);
    }
    r = o->sink->want(o->sink->ctx, ind, o, (const char *const *)paths, n,
                      err);
    for (i = 0; i < n; i++)
        g_free(paths[i]);
    return r;
}

/* The chart of ind that the run asks for, in *c, and the indicator's
   default chart, whose type decides the file name, in *def (the same
   chart when the run asks for the default). *c NULL: nothing to draw,
   said in diag. */
static sb_status build_charts(const sb_dataset *ds, metrics_ctx *mc,
                              sb_id ind, const plot_run *o, plot_chart **def,
                              plot_chart **c, sb_diag *diag)
{
    sb_error why = {0};

    *c = NULL;
    *def = plot_chart_build(ds, mc, ind, -1, o->from, o->to, o->style.lang,
                            &o->labels, &why);
    if (*def != NULL)
        *c = o->type < 0 || o->type == (int)(*def)->type
                 ? *def
                 : plot_chart_build(ds, mc, ind, o->type, o->from, o->to,
                                    o->style.lang, &o->labels, &why);
    if (*c == NULL) {
        plot_chart_destroy(*def);
        *def = NULL;
        return sb_diag_warn(diag, NULL, 0, 0, "%s", why.msg) == SB_OK
                   ? SB_OK : SB_ENOMEM;
    }
    if (o->title != NULL) {              /* a spec's own title */
        g_free((*c)->title);
        (*c)->title = g_strdup(o->title);
    }
    return SB_OK;
}

/* The run's style, with the type's own size when the run gives none. */
static plot_style chart_style(const plot_chart *c, const plot_run *o)
{
    const plot_type_info *t = plot_type_info_of(c->type);
    plot_style st = o->style;

    if (t->width_mm > 0 && !o->size_given) {
        st.width_mm = t->width_mm;
        st.height_mm = t->height_mm;
    }
    if (!o->size_given)                 /* a ranking grows with its rows */
        st.height_mm = plot_chart_height_mm(c, st.width_mm, st.height_mm);
    return st;
}

/* Draws c and writes name.pdf, .png and .svg: those the run asks for and
   the sink needs. */
static sb_status write_formats(metrics_ctx *mc, sb_id ind, const plot_run *o,
                               const plot_chart *c, const char *name,
                               sb_error *err)
{
    static const plot_format all[] = {PLOT_PDF, PLOT_PNG, PLOT_SVG};
    plot_style st = chart_style(c, o);
    plot_pending *png = NULL;
    sb_status rc = SB_OK;
    size_t i;
    int told = 0;

    /* the PNG first: its pixels are compressed while the PDF is drawn;
       the files are still written in the order pdf, png, svg */
    if ((o->formats & PLOT_PNG) && needed(o, name, "png"))
        png = plot_chart_render_start(c, &st, PLOT_PNG);
    for (i = 0; i < G_N_ELEMENTS(all) && rc == SB_OK; i++) {
        plot_bytes b = {NULL, 0, NULL};
        gint64 t0 = g_get_monotonic_time();
        char *file;
        if (all[i] == PLOT_PNG && png != NULL) {
            rc = plot_chart_render_finish(png, c, &b, err);
            png = NULL;
        } else if (!(o->formats & all[i]) || all[i] == PLOT_PNG ||
                   !needed(o, name, ext(all[i]))) {
            continue;
        } else {
            rc = plot_chart_render(c, &st, all[i], &b, err);
        }
        file = g_strdup_printf("%s.%s", name, ext(all[i]));
        /* a figure lost for lack of memory would be drawn as missing */
        if (rc == SB_OK)
            rc = metrics_ctx_status(mc, err);
        if (rc == SB_OK)
            rc = write_file(o, ind, file, &b, t0, err);
        if (rc == SB_OK && o->verbose && (c->why || b.why) && !told) {
            /* the chart's file name: the id may hold what a log must
               not (line breaks, bidirectional overrides) */
            fprintf(stderr, "statbrief: %s: %s\n", name,
                    c->why ? c->why : b.why);
            told = 1;
        }
        g_free(file);
        plot_bytes_free(&b);
    }
    if (png != NULL) {                   /* the PDF failed: PNG unused */
        plot_bytes b = {NULL, 0, NULL};
        sb_error ignored = {0};
        plot_chart_render_finish(png, c, &b, &ignored);
        plot_bytes_free(&b);
    }
    return rc;
}

/* The text alternative, name.txt, once the chart is drawn: a chart that
   fails leaves no file of its own. */
static sb_status write_alt(const sb_dataset *ds, metrics_ctx *mc, sb_id ind,
                           const plot_run *o, const plot_chart *c,
                           const char *name, sb_error *err)
{
    char *alt = plot_chart_alt_text(c, ds, mc), *file;
    plot_bytes b = {(unsigned char *)alt, strlen(alt), NULL};
    gint64 t0 = g_get_monotonic_time();
    sb_status rc;

    file = g_strdup_printf("%s.txt", name);
    rc = metrics_ctx_status(mc, err);
    if (rc == SB_OK)
        rc = write_file(o, ind, file, &b, t0, err);
    g_free(file);
    g_free(alt);
    return rc;
}

static sb_status one_chart(const sb_dataset *ds, metrics_ctx *mc, sb_id ind,
                           const plot_run *o, chart_run *r,
                           sb_diag *diag, sb_error *err)
{
    plot_chart *def, *c;
    sb_status rc = build_charts(ds, mc, ind, o, &def, &c, diag);
    char *name, *what;

    if (rc != SB_OK || c == NULL)
        return rc;
    name = stem(c, o, (int)def->type, r, diag);
    /* what its files are, for the run's record of who made them */
    what = g_strdup_printf("the %s chart of %s%s", c->type == def->type
                           ? "default" : plot_type_name(c->type), c->ind->id,
                           o->style.lang == FMT_ZH ? " in Chinese" : "");
    sb_out_set_what(what);
    switch (wanted(o, ind, name, err)) {
    case 0:
        break;                           /* its files are current */
    case -1:
        rc = err->code != SB_OK ? err->code : SB_ECANCELED;
        break;
    default:
        rc = write_formats(mc, ind, o, c, name, err);
        if (rc == SB_OK && needed(o, name, "txt"))
            rc = write_alt(ds, mc, ind, o, c, name, err);
    }
    sb_out_set_what(NULL);
    g_free(what);
    g_free(name);
    if (c != def)
        plot_chart_destroy(c);
    plot_chart_destroy(def);
    return rc;
}

static sb_status make_dir(const char *dir, sb_error *err)
{
    if (g_mkdir_with_parents(dir, 0777) == 0)
        return SB_OK;
    return sb_error_set(err, SB_ECANTCREAT, dir, 0, 0,
                        "cannot create the directory: %s", g_strerror(errno));
}

sb_status plot_run_list(const sb_dataset *ds, metrics_ctx *mc, const sb_id *inds,
                        const plot_run *runs, size_t n, sb_diag *diag,
                        sb_error *err)
{
    chart_run r;
    sb_status rc = run_begin(&r, n > 0 ? runs[0].names : NULL, ds, inds, n,
                             diag);
    size_t i;

    for (i = 0; i < n && rc == SB_OK; i++) {
        sb_error e = {0};
        sb_status one = make_dir(runs[i].dir, &e);
        if (one == SB_OK)
            one = one_chart(ds, mc, inds[i], &runs[i], &r, diag, &e);
        rc = chart_done(&r, one, &e);
    }
    return run_end(&r, rc, n > 0 ? runs[0].failed : NULL, err);
}

size_t plot_run_files(const plot_run *o)
{
    size_t n = 1, k;                     /* the text alternative */

    for (k = 0; format_names[k] != NULL; k++)
        n += (o->formats >> k) & 1u;
    return n;
}

sb_status plot_run_charts(const sb_dataset *ds, metrics_ctx *mc,
                          const unsigned char *indicators,
                          const plot_run *o, sb_diag *diag, sb_error *err)
{
    GArray *inds = g_array_new(FALSE, FALSE, sizeof(sb_id));
    chart_run r;
    sb_status rc;
    size_t i;

    for (i = 0; i < sb_dataset_n_indicators(ds); i++)
        if (indicators == NULL || indicators[i]) {
            sb_id id = (sb_id)i;
            g_array_append_val(inds, id);
        }
    rc = run_begin(&r, o->names, ds, (const sb_id *)(void *)inds->data,
                   inds->len, diag);
    if (rc == SB_OK && make_dir(o->dir, &r.stop) != SB_OK)
        rc = SB_ECANTCREAT;              /* no directory: no chart at all */
    for (i = 0; i < inds->len && rc == SB_OK; i++) {
        sb_error e = {0};
        sb_status one = one_chart(ds, mc, g_array_index(inds, sb_id, i), o,
                                  &r, diag, &e);
        rc = chart_done(&r, one, &e);
    }
    g_array_free(inds, TRUE);
    return run_end(&r, rc, o->failed, err);
}
