/*
 * cli/state.c -- the store as tab-separated lines, fields escaped:
 *
 *   statbrief-state 1
 *   F NAME KEY SHA256 BYTES COMMAND SET SPEC WHAT   an output file
 *   I SET PATH SHA256 BYTES                          an input of a set
 *
 * SPEC and WHAT (with COMMAND, the output's owner) are missing from the
 * F lines written before owners were kept: read as "owner unknown", and
 * written back as they were. A journal has the same lines; a record is
 * its set's I lines (the first time the journal names the set) and then
 * its F line, in one write(). Journals are opened without following
 * links (core/outfile.h): they lie in folders others write to.
 */
#include "state.h"

#include "core/outfile.h"
#include "core/testhook.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define STATE_NAME ".statbrief-state"
#define MAGIC "statbrief-state 1"

static void entry_clear(cli_entry *e)
{
    g_free(e->name);
    g_free(e->command);
    g_free(e->spec);
    g_free(e->what);
}

void cli_state_free(cli_state *s)
{
    size_t i;

    if (s == NULL)
        return;
    if (s->jfd >= 0)
        close(s->jfd);
    g_free(s->jpath);
    if (s->jsets != NULL)
        g_hash_table_destroy(s->jsets);
    g_hash_table_destroy(s->index);
    for (i = 0; i < s->n_journals; i++)
        g_free(s->journals[i]);
    g_free(s->journals);
    for (i = 0; i < s->n_entries; i++)
        entry_clear(&s->entries[i]);
    for (i = 0; i < s->n_inputs; i++)
        g_free(s->inputs[i].in.path);
    g_free(s->entries);
    g_free(s->inputs);
    g_free(s->dir);
    g_free(s->path);
    g_free(s);
}

static int is_hex(const char *s)
{
    size_t i;

    for (i = 0; s[i]; i++)
        if (!g_ascii_isxdigit(s[i]))
            return 0;
    return i == CLI_HEX - 1;
}

static cli_entry *find(const cli_state *s, const char *name);
static cli_entry *add_entry(cli_state *s, const char *name);

/* e's owner (spec and what NULL: unknown, a record from before). */
static void set_owner(cli_entry *e, const char *command, const char *spec,
                      const char *what)
{
    g_free(e->command);
    g_free(e->spec);
    g_free(e->what);
    e->command = g_strdup(command);
    e->spec = g_strdup(spec);
    e->what = spec != NULL ? g_strdup(what) : NULL;
}

static int known_input(const cli_state *s, const char *set, const char *path)
{
    size_t i;

    for (i = 0; i < s->n_inputs; i++)
        if (strcmp(s->inputs[i].set, set) == 0 &&
            strcmp(s->inputs[i].in.path, path) == 0)
            return 1;
    return 0;
}

gchar **cli_state_fields(const char *line)
{
    gchar **f = g_strsplit(line, "\t", -1);
    guint i;

    for (i = 0; f[i] != NULL; i++) {
        gchar *c = g_strcompress(f[i]);
        g_free(f[i]);
        f[i] = c;
    }
    return f;
}

/* One line; -1 when it is not well formed. */
static int parse_line(cli_state *s, char *line)
{
    gchar **f = cli_state_fields(line);
    guint n = g_strv_length(f);
    int ok = 0;

    if ((n == 7 || n == 9 || (n == 10 && is_hex(f[9]))) &&
        strcmp(f[0], "F") == 0 && is_hex(f[2]) && is_hex(f[3]) &&
        is_hex(f[6])) {
        cli_entry *e = find(s, f[1]);
        if (e == NULL)                 /* else a journal's entry replaces it */
            e = add_entry(s, f[1]);
        g_strlcpy(e->key, f[2], CLI_HEX);
        g_strlcpy(e->sha256, f[3], CLI_HEX);
        e->bytes = (size_t)g_ascii_strtoull(f[4], NULL, 10);
        set_owner(e, f[5], n == 9 ? f[7] : NULL, n == 9 ? f[8] : NULL);
        g_strlcpy(e->set, f[6], CLI_HEX);
        g_strlcpy(e->prev, n == 10 ? f[9] : "", CLI_HEX);
        ok = 1;
    } else if (n == 5 && strcmp(f[0], "I") == 0 && is_hex(f[1]) &&
               is_hex(f[3]) && known_input(s, f[1], f[2])) {
        ok = 1;                        /* a journal repeats a known set */
    } else if (n == 5 && strcmp(f[0], "I") == 0 && is_hex(f[1]) &&
               is_hex(f[3])) {
        cli_set_input *in;
        s->inputs = g_renew(cli_set_input, s->inputs, s->n_inputs + 1);
        in = &s->inputs[s->n_inputs++];
        g_strlcpy(in->set, f[1], CLI_HEX);
        in->in.path = g_strdup(f[2]);
        g_strlcpy(in->in.sha256, f[3], CLI_HEX);
        in->in.bytes = (size_t)g_ascii_strtoull(f[4], NULL, 10);
        ok = 1;
    }
    g_strfreev(f);
    return ok ? 0 : -1;
}

static void forget_all(cli_state *s)
{
    size_t i;

    for (i = 0; i < s->n_entries; i++)
        entry_clear(&s->entries[i]);
    for (i = 0; i < s->n_inputs; i++)
        g_free(s->inputs[i].in.path);
    s->n_entries = s->n_inputs = 0;
    g_hash_table_remove_all(s->index);
}

/* The whole of path into *text (NUL added; g_free it) and *len: 1; 0
   when it cannot be opened (none there); -1 when what stands there is a
   link or not a regular file (never waited on, as a FIFO would be) or
   cannot be read. */
static int slurp(const char *path, gchar **text, gsize *len)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    GString *g;
    char buf[65536];
    ssize_t n;

    if (fd < 0)
        return errno == ELOOP ? -1 : 0;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return -1;
    }
    g = g_string_sized_new((gsize)st.st_size + 1);
    while ((n = read(fd, buf, sizeof buf)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;
        g_string_append_len(g, buf, n);
    }
    close(fd);
    if (n < 0) {
        g_string_free(g, TRUE);
        return -1;
    }
    *len = g->len;
    *text = g_string_free(g, FALSE);
    return 1;
}

/* Reads one store file into s; -1 when it is damaged. A journal's last
   line without its newline is a record a kill cut short: dropped (its
   file was never renamed into place). */
static int read_file(cli_state *s, const char *path, int journal,
                     int *exists)
{
    gchar *text = NULL, **lines, *nl;
    gsize len;
    size_t i;
    int bad, got = slurp(path, &text, &len);

    *exists = got != 0;
    if (got <= 0)
        return got;
    if (journal && len == 0) {         /* killed before its first write */
        g_free(text);
        return 0;
    }
    if (journal && strlen(text) == len && len > 0 && text[len - 1] != '\n') {
        nl = strrchr(text, '\n');
        if (nl == NULL) {              /* cut in its first line: empty */
            bad = strncmp(text, MAGIC, len) != 0;
            g_free(text);
            return bad ? -1 : 0;
        }
        nl[1] = '\0';
        len = (gsize)(nl + 1 - text);
    }
    lines = g_strsplit(text, "\n", -1);
    bad = lines[0] == NULL || strcmp(lines[0], MAGIC) != 0 ||
          strlen(text) != len;         /* a NUL inside */
    for (i = 1; !bad && lines[i] != NULL; i++)
        if (lines[i][0] != '\0' && parse_line(s, lines[i]) != 0)
            bad = 1;
    g_strfreev(lines);
    g_free(text);
    return bad ? -1 : 0;
}

/* The journals of --jobs workers: the store's name + ".job<k>". */
static void read_journals(cli_state *s)
{
    char *base = g_path_get_basename(s->path), *prefix;
    GDir *d = g_dir_open(s->dir, 0, NULL);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    size_t i;
    int exists;

    prefix = g_strconcat(base, ".job", NULL);
    while (d != NULL && (name = g_dir_read_name(d)) != NULL)
        if (g_str_has_prefix(name, prefix))
            g_ptr_array_add(names, g_strdup(name));
    if (d != NULL)
        g_dir_close(d);
    g_ptr_array_sort(names, (GCompareFunc)(void *)g_strcmp0);
    for (i = 0; i < names->len && !s->damaged; i++) {
        char *path = g_build_filename(s->dir, names->pdata[i], NULL);
        if (read_file(s, path, 1, &exists) != 0)
            s->damaged = 1;
        s->journals = g_renew(char *, s->journals, s->n_journals + 1);
        s->journals[s->n_journals++] = path;
    }
    g_ptr_array_free(names, TRUE);
    g_free(prefix);
    g_free(base);
}

sb_status cli_state_check(const char *dir, const char *tag, sb_error *err)
{
    char *name = g_strconcat(STATE_NAME, tag, NULL);
    char *path = g_build_filename(dir, name, NULL);
    char *prefix = g_strconcat(name, ".job", NULL);
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *entry;
    sb_status rc = sb_out_check_path(path, err);

    while (rc == SB_OK && d != NULL && (entry = g_dir_read_name(d)) != NULL)
        if (g_str_has_prefix(entry, prefix)) {
            char *journal = g_build_filename(dir, entry, NULL);
            rc = sb_out_check_path(journal, err);
            g_free(journal);
        }
    if (d != NULL)
        g_dir_close(d);
    g_free(prefix);
    g_free(path);
    g_free(name);
    return rc;
}

cli_state *cli_state_load(const char *dir, const char *tag)
{
    cli_state *s = g_new0(cli_state, 1);
    char *name = g_strconcat(STATE_NAME, tag, NULL);
    int exists;

    s->dir = g_strdup(dir);
    s->path = g_build_filename(dir, name, NULL);
    s->index = g_hash_table_new(g_str_hash, g_str_equal);
    s->jfd = -1;
    g_free(name);
    if (read_file(s, s->path, 0, &exists) != 0)
        s->damaged = 1;
    if (!s->damaged)
        read_journals(s);
    if (s->damaged)
        forget_all(s);
    return s;
}

static cli_entry *find(const cli_state *s, const char *name)
{
    gpointer i = g_hash_table_lookup(s->index, name);

    return i != NULL ? &s->entries[GPOINTER_TO_SIZE(i) - 1] : NULL;
}

/* A new entry for name (the index keys are the entries' own names). */
static cli_entry *add_entry(cli_state *s, const char *name)
{
    cli_entry *e;

    s->entries = g_renew(cli_entry, s->entries, s->n_entries + 1);
    e = &s->entries[s->n_entries++];
    memset(e, 0, sizeof *e);
    e->name = g_strdup(name);
    g_hash_table_insert(s->index, e->name, GSIZE_TO_POINTER(s->n_entries));
    return e;
}

char *cli_state_file(const cli_state *s, const char *name)
{
    return g_path_is_absolute(name) ? g_strdup(name)
                                    : g_build_filename(s->dir, name, NULL);
}

/* NULL when e's file is there with the bytes it was written with; else
   why not, in words. */
static const char *not_as_written(const cli_state *s, const cli_entry *e)
{
    char hex[CLI_HEX], *path = cli_state_file(s, e->name);
    size_t bytes;
    sb_status r = cli_sha256_file(path, hex, &bytes);

    g_free(path);
    if (r != SB_OK)
        return r == SB_ENOINPUT ? "the file is missing"
                                : "the file cannot be hashed";
    if (bytes != e->bytes || strcmp(hex, e->sha256) != 0)
        return "the file was changed or damaged";
    return NULL;
}

int cli_state_current(const cli_state *s, const char *name, const char *key,
                      char *why, size_t size)
{
    const cli_entry *e = find(s, name);
    const char *not_so;

    if (e == NULL) {
        g_strlcpy(why, s->damaged ? "the state store was damaged"
                                  : "not made before", size);
        return 0;
    }
    if (strcmp(e->key, key) != 0) {
        g_strlcpy(why, "its inputs or options changed", size);
        return 0;
    }
    if ((not_so = not_as_written(s, e)) != NULL) {
        g_strlcpy(why, not_so, size);
        return 0;
    }
    g_strlcpy(why, "unchanged", size);
    return 1;
}

void cli_state_adopt(cli_state *s, const char *name, const cli_owner *me)
{
    cli_entry *e = find(s, name);

    if (e != NULL && e->spec == NULL)
        set_owner(e, me->command, me->spec, me->what);
}

void cli_owner_describe(const cli_owner *o, char *buf, size_t size)
{
    if (o->spec[0] != '\0')
        g_snprintf(buf, size, "%s made by %s with the spec %s", o->what,
                   o->command, o->spec);
    else
        g_snprintf(buf, size, "%s made by %s without a spec", o->what,
                   o->command);
}

int cli_state_other_owner(const cli_state *s, const char *name,
                          const cli_owner *me, char *who, size_t size)
{
    const cli_entry *e = find(s, name);
    cli_owner was;

    if (e == NULL || e->spec == NULL || e->what == NULL)
        return 0;                      /* not made here, or unknown */
    was = (cli_owner){e->command, e->spec, e->what};
    if (strcmp(was.command, me->command) == 0 &&
        strcmp(was.spec, me->spec) == 0 && strcmp(was.what, me->what) == 0)
        return 0;
    if (not_as_written(s, e) != NULL)
        return 0;                      /* what it made is not there */
    cli_owner_describe(&was, who, size);
    return 1;
}

GPtrArray *cli_state_load_others(const char *dir, const char *tag)
{
    GPtrArray *all = g_ptr_array_new_with_free_func(
        (GDestroyNotify)(void *)cli_state_free);
    char *mine = g_strconcat(STATE_NAME, tag, NULL);
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name(d)) != NULL)
        if (g_str_has_prefix(name, STATE_NAME) && strcmp(name, mine) != 0 &&
            strstr(name, ".job") == NULL)
            g_ptr_array_add(all, cli_state_load(dir,
                                                name + strlen(STATE_NAME)));
    if (d != NULL)
        g_dir_close(d);
    g_free(mine);
    return all;
}

/* A set's id: the digest of its lines. */
static void set_id(const cli_input *in, size_t n, char hex[CLI_HEX])
{
    GString *g = g_string_new(NULL);
    size_t i;

    for (i = 0; i < n; i++)
        g_string_append_printf(g, "%s\t%s\t%zu\n", in[i].path, in[i].sha256,
                               in[i].bytes);
    /* the key of the output was computed just before with the same
       library: a failure here leaves an empty id, which no set has, so
       the next run rebuilds rather than trusting it */
    (void)cli_sha256_data(g->str, g->len, hex);
    g_string_free(g, TRUE);
}

/* Adds the set of inputs[0..n) as `set` unless it is known. */
static void add_set(cli_state *s, const char *set, const cli_input *inputs,
                    size_t n)
{
    size_t i;

    for (i = 0; i < s->n_inputs; i++)
        if (strcmp(s->inputs[i].set, set) == 0)
            return;                    /* the set is known */
    s->inputs = g_renew(cli_set_input, s->inputs, s->n_inputs + n);
    for (i = 0; i < n; i++) {
        cli_set_input *in = &s->inputs[s->n_inputs++];
        g_strlcpy(in->set, set, CLI_HEX);
        in->in = inputs[i];
        in->in.path = g_strdup(inputs[i].path);
    }
}

void cli_state_record(cli_state *s, const char *name, const char *key,
                      const char *sha256, size_t bytes, const cli_owner *owner,
                      const cli_input *inputs, size_t n_inputs)
{
    cli_entry *e = find(s, name);
    char set[CLI_HEX];

    set_id(inputs, n_inputs, set);
    if (e == NULL)
        e = add_entry(s, name);
    g_strlcpy(e->key, key, CLI_HEX);
    g_strlcpy(e->sha256, sha256, CLI_HEX);
    e->bytes = bytes;
    set_owner(e, owner->command, owner->spec, owner->what);
    g_strlcpy(e->set, set, CLI_HEX);
    e->prev[0] = '\0';
    add_set(s, set, inputs, n_inputs);
}

void cli_state_record_previous(cli_state *s, const char *name,
                               const cli_input *inputs, size_t n)
{
    cli_entry *e = find(s, name);

    if (e == NULL || n == 0)
        return;
    set_id(inputs, n, e->prev);
    add_set(s, e->prev, inputs, n);
}

void cli_state_put(GString *g, const char *field)
{
    gchar *e = g_strescape(field, NULL);

    g_string_append_c(g, '\t');
    g_string_append(g, e);
    g_free(e);
}

static void put_entry(GString *g, const cli_entry *e)
{
    char bytes[32];

    g_string_append_c(g, 'F');
    cli_state_put(g, e->name);
    cli_state_put(g, e->key);
    cli_state_put(g, e->sha256);
    snprintf(bytes, sizeof bytes, "%zu", e->bytes);
    cli_state_put(g, bytes);
    cli_state_put(g, e->command);
    cli_state_put(g, e->set);
    if (e->spec != NULL) {             /* else written before owners */
        cli_state_put(g, e->spec);
        cli_state_put(g, e->what);
        if (e->prev[0] != '\0')
            cli_state_put(g, e->prev);
    }
    g_string_append_c(g, '\n');
}

static void put_input(GString *g, const cli_set_input *in)
{
    char bytes[32];

    g_string_append_c(g, 'I');
    cli_state_put(g, in->set);
    cli_state_put(g, in->in.path);
    cli_state_put(g, in->in.sha256);
    snprintf(bytes, sizeof bytes, "%zu", in->in.bytes);
    cli_state_put(g, bytes);
    g_string_append_c(g, '\n');
}

/* Writes every entry, and the inputs of the sets they use, to the store
   (atomically). */
static sb_status write_store(const cli_state *s, sb_error *err)
{
    GString *g = g_string_new(MAGIC "\n");
    GHashTable *used = g_hash_table_new(g_str_hash, g_str_equal);
    size_t i;
    sb_status rc;

    for (i = 0; i < s->n_entries; i++) {
        put_entry(g, &s->entries[i]);
        g_hash_table_add(used, (gpointer)s->entries[i].set);
        g_hash_table_add(used, (gpointer)s->entries[i].prev);
    }
    for (i = 0; i < s->n_inputs; i++)
        if (g_hash_table_contains(used, s->inputs[i].set))
            put_input(g, &s->inputs[i]);
    rc = sb_out_write(s->path, g->str, g->len, err);
    g_hash_table_destroy(used);
    g_string_free(g, TRUE);
    return rc;
}

void cli_state_forget_journal(cli_state *s)
{
    if (s->jfd >= 0)
        close(s->jfd);
    s->jfd = -1;
    g_free(s->jpath);
    s->jpath = NULL;
    if (s->jsets != NULL)
        g_hash_table_destroy(s->jsets);
    s->jsets = NULL;
}

sb_status cli_state_save(cli_state *s, sb_error *err)
{
    sb_status rc = write_store(s, err);
    size_t i;

    if (rc != SB_OK)
        return rc;
    sb_test_point("state_saved");
    /* the store has all they held: a kill from here on loses nothing */
    for (i = 0; i < s->n_journals; i++) {
        unlink(s->journals[i]);
        g_free(s->journals[i]);
    }
    s->n_journals = 0;
    if (s->jpath != NULL)
        unlink(s->jpath);
    cli_state_forget_journal(s);
    return SB_OK;
}

/* Opens (creating with the umask's mode) this process's journal: a
   regular file of one name, never through a link. */
static sb_status open_journal(cli_state *s, int k, sb_error *err)
{
    struct stat st;
    sb_status rc;

    s->jpath = k >= 0 ? g_strdup_printf("%s.job%d", s->path, k)
                      : g_strdup_printf("%s.job", s->path);
    s->jfd = sb_out_open_kept(s->jpath, O_WRONLY | O_CREAT | O_APPEND, err);
    if (s->jfd < 0) {
        cli_state_forget_journal(s);
        return SB_ECANTCREAT;
    }
    if (fstat(s->jfd, &st) != 0 ||
        (st.st_size == 0 && sb_out_write_all(s->jfd, MAGIC "\n",
                                      sizeof MAGIC) != 0)) {
        rc = sb_error_set(err, SB_ECANTCREAT, s->jpath, 0, 0,
                          "cannot write: %s", g_strerror(errno));
        cli_state_forget_journal(s);
        return rc;
    }
    s->jsets = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    return SB_OK;
}

/* The inputs of `set` into g, unless this journal has them. */
static void journal_set(cli_state *s, GString *g, const char *set)
{
    size_t i;

    if (g_hash_table_contains(s->jsets, set))
        return;
    for (i = 0; i < s->n_inputs; i++)
        if (strcmp(s->inputs[i].set, set) == 0)
            put_input(g, &s->inputs[i]);
    g_hash_table_add(s->jsets, g_strdup(set));
}

sb_status cli_state_append(cli_state *s, const char *name, int k,
                           sb_error *err)
{
    const cli_entry *e = find(s, name);
    GString *g;
    sb_status rc = SB_OK;

    if (e == NULL)
        return SB_OK;
    if (s->jfd < 0 && (rc = open_journal(s, k, err)) != SB_OK)
        return rc;
    g = g_string_new(NULL);
    journal_set(s, g, e->set);
    if (e->prev[0] != '\0')
        journal_set(s, g, e->prev);
    put_entry(g, e);                   /* last: a cut record has no F */
    if (sb_out_write_all(s->jfd, g->str, g->len) != 0)
        rc = sb_error_set(err, SB_ECANTCREAT, s->jpath, 0, 0,
                          "cannot write: %s", g_strerror(errno));
    g_string_free(g, TRUE);
    return rc;
}
