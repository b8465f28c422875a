/*
 * cli/run.c -- lock, state, checks before writing, decisions, manifest,
 * summary.
 */
#include "run.h"

#include "lock.h"
#include "log.h"
#include "manifest.h"
#include "signals.h"

#include "core/outfile.h"
#include "core/testhook.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct cli_run {
    cli_run_opts o;
    char *dir;
    char *base;                 /* dir without a trailing '/' */
    cli_lock *lock;
    cli_state *state;
    GPtrArray *others;          /* the other stores of dir (shards'), read
                                   at the first output; NULL before */
    size_t written, unchanged;
    char key[CLI_HEX];          /* of the output being made */
    char **expected;            /* its files (paths as written) */
    char **whats;               /* what each of them is, in words */
    unsigned char *current;     /* which of them are current */
    size_t n_expected;
    sb_error refused;           /* why it may not be written, or SB_OK */
    GHashTable *claims;         /* identity of every file of the run's
                                   outputs so far -> its path */
    GHashTable *swept;          /* folders rid of dead writers' files */
    char *spec;                 /* the owner's spec from dir, or "" */
    gint64 start;
    int job;                    /* a --jobs worker's number, or -1 */
    char *tag;                  /* owned copy of o.tag */
    const cli_input *prev;      /* the output's previous vintage's inputs */
    size_t n_prev;
};

/* The spec of this process's runs (cli_run_set_spec), or NULL. */
static char *owner_spec;

void cli_run_set_spec(const char *path)
{
    g_free(owner_spec);
    owner_spec = g_strdup(path);
}

int cli_run_reserved(const char *path)
{
    char *base = g_path_get_basename(path);
    int own = g_str_has_prefix(base, ".statbrief") ||
              (g_str_has_prefix(base, "statbrief-manifest") &&
               g_str_has_suffix(base, ".json")) ||
              sb_out_is_temp(base);

    g_free(base);
    return own;
}

/* The name an output has in the store: relative to the directory when
   inside it (a batch's folder may be given as "out/"). */
static char *name_of(const cli_run *r, const char *path)
{
    size_t n = strlen(r->base);

    if (strncmp(path, r->base, n) == 0 && path[n] == '/')
        return g_strdup(path + n + 1);
    if (strcmp(r->base, ".") == 0 && strchr(path, '/') == NULL)
        return g_strdup(path);
    return g_canonicalize_filename(path, NULL);
}

/* path absolute, canonical, its links resolved as far as it exists. */
static char *resolved(const char *path)
{
    char *real = realpath(path, NULL), *r;

    if (real == NULL)
        return g_canonicalize_filename(path, NULL);
    r = g_strdup(real);
    free(real);
    return r;
}

/* to's path from the directory from ("../brief.yaml"), so that an
   output's owner stays the same when the tree is moved or the run
   starts from another folder. */
static char *path_from(const char *from, const char *to)
{
    char *a = resolved(from), *b = resolved(to);
    gchar **fa = g_strsplit(a + 1, "/", -1), **fb = g_strsplit(b + 1, "/", -1);
    GString *g = g_string_new(NULL);
    size_t i = 0, k;

    while (fa[i] != NULL && fb[i] != NULL && strcmp(fa[i], fb[i]) == 0)
        i++;
    for (k = i; fa[k] != NULL; k++)
        g_string_append(g, "../");
    for (k = i; fb[k] != NULL; k++)
        g_string_append_printf(g, "%s%s", fb[k], fb[k + 1] ? "/" : "");
    if (g->len == 0)
        g_string_append_c(g, '.');
    g_strfreev(fa);
    g_strfreev(fb);
    g_free(a);
    g_free(b);
    return g_string_free(g, FALSE);
}

static void forget_expected(cli_run *r)
{
    size_t i;

    for (i = 0; i < r->n_expected; i++) {
        g_free(r->expected[i]);
        g_free(r->whats[i]);
    }
    g_free(r->expected);
    g_free(r->whats);
    g_free(r->current);
    r->expected = r->whats = NULL;
    r->current = NULL;
    r->n_expected = 0;
    r->prev = NULL;
    r->n_prev = 0;
}

static size_t expected_at(const cli_run *r, const char *path)
{
    size_t i;

    for (i = 0; i < r->n_expected && strcmp(r->expected[i], path) != 0; i++)
        ;
    return i;
}

/* ---- before each write -------------------------------------------------- */

/* Just before a file of the current output is renamed into place, the
   store records it (with the digest of the staged bytes and its owner)
   in the process's journal: killed after the rename, the store knows
   the file; killed before, it expects bytes the old file does not have,
   and the next run makes it again. Either way the next run remakes
   exactly what is missing. A record that cannot be written refuses the
   rename: no output is in place without its record. */
static sb_status record(cli_run *r, size_t i, const char *path,
                        const char *tmp, sb_error *err)
{
    cli_owner me = {r->o.command, r->spec, r->whats[i]};
    char hex[CLI_HEX], *name;
    size_t bytes;
    sb_status rc;

    if (cli_sha256_file(tmp, hex, &bytes) != SB_OK)
        return SB_OK;                  /* unrecorded: the next run remakes it */
    name = name_of(r, path);
    cli_state_record(r->state, name, r->key, hex, bytes, &me, r->o.inputs,
                     r->o.n_inputs);
    cli_state_record_previous(r->state, name, r->prev, r->n_prev);
    rc = cli_state_append(r->state, name, r->job, err);
    g_free(name);
    if (rc == SB_OK)
        sb_test_point("out_recorded");
    return rc;
}

/* core/outfile.h's hook: a file of the output being made may be
   written only when its checks found nothing (cli_run_want) and the
   directory is locked; its record goes to the journal before the
   rename. Other files (the store, the manifest) pass. */
static sb_status before_write(void *ctx, const char *path, const char *tmp,
                              sb_error *err)
{
    cli_run *r = ctx;
    size_t i = expected_at(r, path);

    if (i == r->n_expected)
        return SB_OK;
    if (r->refused.code != SB_OK) {
        if (err != NULL && err->code == SB_OK)
            *err = r->refused;
        return r->refused.code;
    }
    if (cli_lock_skipped(r->lock) != NULL)
        return sb_error_set(err, SB_ECANTCREAT, path, 0, 0, "not written: "
                            "%s could not be opened to lock the folder (%s)",
                            cli_lock_path(r->lock),
                            cli_lock_skipped(r->lock));
    return tmp != NULL ? record(r, i, path, tmp, err) : SB_OK;
}

/* ---- the checks of an output ------------------------------------------ */

/* Removes the temporary files of dead writers in path's folder, the
   first time the run meets that folder. */
static void sweep_folder(cli_run *r, const char *dir)
{
    size_t n;
    char why[80];

    if (g_hash_table_contains(r->swept, dir))
        return;
    g_hash_table_add(r->swept, g_strdup(dir));
    if ((n = sb_out_sweep(dir)) == 0)
        return;
    g_snprintf(why, sizeof why, "%zu temporary file%s left by a stopped run",
               n, n == 1 ? "" : "s");
    cli_log_decision("removed", dir, why);
}

/* 1 when the i-th file names the same file as another file of this
   output or of an earlier output of the run (said in r->refused). */
static int claimed(cli_run *r, const char *const *paths, size_t i,
                   char **ids)
{
    const char *other = g_hash_table_lookup(r->claims, ids[i]);
    size_t k;

    for (k = 0; k < i && other == NULL; k++)
        if (strcmp(ids[k], ids[i]) == 0)
            other = paths[k];
    if (other == NULL)
        return 0;
    sb_error_set(&r->refused, SB_ECANTCREAT, paths[i], 0, 0, "not written: "
                 "it is the same file as %s, another output of this run",
                 other);
    return 1;
}

/* 1 when another command or spec made the file at path (said in
   r->refused): in this run's store or in another of the folder's. */
static int owned(cli_run *r, const char *path, size_t i)
{
    cli_owner me = {r->o.command, r->spec, r->whats[i]};
    char who[600], mine[600], *name = name_of(r, path);
    int found = cli_state_other_owner(r->state, name, &me, who, sizeof who);
    guint k;

    if (!found && r->others == NULL)
        r->others = cli_state_load_others(r->dir, r->tag);
    for (k = 0; !found && k < r->others->len; k++)
        found = cli_state_other_owner(r->others->pdata[k], name, &me, who,
                                      sizeof who);
    g_free(name);
    if (!found)
        return 0;
    cli_owner_describe(&me, mine, sizeof mine);
    sb_error_set(&r->refused, SB_ECANTCREAT, path, 0, 0, "not overwritten: "
                 "it is %s; this run would replace it with %s (give "
                 "--force to let it)", who, mine);
    return 1;
}

/* The checks of the files of the output about to be made, before
   anything of it is written; the first that fails goes to r->refused.
   Each file's folder is swept on the way. */
static void check_files(cli_run *r, const char *const *paths, size_t n)
{
    char **ids = g_new0(char *, n + 1);
    size_t i;
    int bad = 0;

    for (i = 0; i < n && !bad; i++) {
        char *dir = g_path_get_dirname(paths[i]);
        sweep_folder(r, dir);
        g_free(dir);
        ids[i] = sb_out_identity(paths[i]);
        if (cli_run_reserved(paths[i]))
            sb_error_set(&r->refused, SB_ECANTCREAT, paths[i], 0, 0,
                         "not written: the name is one of statbrief's own "
                         "files (lock, state, manifest, temporary file)");
        else if (sb_out_check_path(paths[i], &r->refused) == SB_OK &&
                 !claimed(r, paths, i, ids) && !r->o.force)
            owned(r, paths[i], i);
        bad = r->refused.code != SB_OK;
    }
    for (i = 0; i < n && !bad; i++)
        g_hash_table_insert(r->claims, g_strdup(ids[i]), g_strdup(paths[i]));
    g_strfreev(ids);
}

/* What the i-th file of an output is, in words: of a brief, the PDF
   and the figures CSV; of a chart, what plots/ says it draws. */
static const char *what_of(const cli_run *r, size_t i)
{
    if (strcmp(r->o.command, "report") == 0)
        return i == 0 ? "the brief" : "the figures CSV";
    return sb_out_what() != NULL ? sb_out_what() : "a chart";
}

/* ---- the run ------------------------------------------------------------ */

/* The files of the run that are written in place or replaced (the
   store, the journals, the manifest): each a regular file or nothing,
   checked before anything is written. */
static sb_status check_own_files(const char *dir, const char *tag,
                                 sb_error *err)
{
    char *manifest = cli_manifest_path(dir, tag);
    sb_status rc = cli_state_check(dir, tag, err);

    if (rc == SB_OK)
        rc = sb_out_check_path(manifest, err);
    g_free(manifest);
    return rc;
}

static void run_free(cli_run *r)
{
    forget_expected(r);
    cli_lock_drop(r->lock);
    cli_state_free(r->state);
    if (r->others != NULL)
        g_ptr_array_unref(r->others);
    if (r->claims != NULL)
        g_hash_table_destroy(r->claims);
    if (r->swept != NULL)
        g_hash_table_destroy(r->swept);
    g_free(r->spec);
    g_free(r->tag);
    g_free(r->base);
    g_free(r->dir);
    g_free(r);
}

sb_status cli_run_begin(const char *dir, const cli_run_opts *o,
                        cli_run **out, sb_error *err)
{
    cli_run *r = g_new0(cli_run, 1);
    sb_status rc;

    sb_test_point("run_begin");
    *out = NULL;
    r->o = *o;
    r->job = -1;
    r->dir = g_strdup(dir);
    r->base = g_strdup(dir);
    while (strlen(r->base) > 1 && g_str_has_suffix(r->base, "/"))
        r->base[strlen(r->base) - 1] = '\0';
    r->start = g_get_monotonic_time();
    /* the run keeps its own copy: the caller's may be on its stack */
    r->o.tag = r->tag = g_strdup(o->tag ? o->tag : "");
    rc = check_own_files(dir, r->o.tag, err);
    if (rc == SB_OK)
        rc = cli_lock_take(dir, r->o.tag, o->wait_s, &r->lock, err);
    if (rc != SB_OK) {
        run_free(r);
        return rc;
    }
    if (cli_lock_skipped(r->lock) != NULL)
        cli_log_decision("unlocked", cli_lock_path(r->lock), "cannot be "
                         "opened on this mount, so nothing may be written; "
                         "every output must be current");
    r->claims = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                      g_free);
    r->swept = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    sweep_folder(r, dir);
    r->spec = owner_spec != NULL ? path_from(dir, owner_spec) : g_strdup("");
    r->state = cli_state_load(dir, r->o.tag);
    /* journals a killed run left go into the store now: after this, the
       journals beside it are only this run's, whatever their order */
    if (r->state->n_journals > 0 && cli_lock_skipped(r->lock) == NULL) {
        sb_error ignored = {0};
        cli_state_save(r->state, &ignored);
    }
    sb_out_set_hook(before_write, r);
    if (r->state->damaged)
        cli_log_decision("rebuild", dir, "the state store is damaged: "
                         "every output is made again");
    *out = r;
    return SB_OK;
}

/* Records the owner of the current files whose records have none (made
   before owners were kept): this run makes them from the same key. */
static void adopt(cli_run *r, const char *const *paths, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        char *name = name_of(r, paths[i]);
        cli_owner me = {r->o.command, r->spec, r->whats[i]};
        cli_state_adopt(r->state, name, &me);
        g_free(name);
    }
}

int cli_run_want(cli_run *r, const char *const *paths, size_t n,
                 const char *key)
{
    char why[120];
    size_t i, stale = n;

    if (cli_signal_caught())
        return -1;
    forget_expected(r);
    memset(&r->refused, 0, sizeof r->refused);
    g_strlcpy(r->key, key, CLI_HEX);
    r->expected = g_new(char *, n);
    r->whats = g_new(char *, n);
    r->current = g_new0(unsigned char, n);
    for (i = 0; i < n; i++) {
        r->expected[i] = g_strdup(paths[i]);
        r->whats[i] = g_strdup(what_of(r, i));
    }
    r->n_expected = n;
    check_files(r, paths, n);
    if (r->refused.code != SB_OK)
        return 1;                      /* its first write says why */
    if (r->o.force) {
        cli_log_decision("rebuild", paths[0], "--force");
        return 1;
    }
    for (i = 0; i < n; i++) {
        char *name = name_of(r, paths[i]);
        r->current[i] = (unsigned char)cli_state_current(r->state, name, key,
                                                         why, sizeof why);
        g_free(name);
        if (!r->current[i] && stale == n)
            stale = i;
        if (!r->current[i])
            cli_log_decision("rebuild", paths[i], why);
    }
    adopt(r, paths, n);
    if (stale < n) {
        for (i = 0; i < n; i++)
            r->unchanged += r->current[i];
        return 1;
    }
    r->unchanged += n;
    cli_log_decision("skip", paths[0], n > 1 ? "unchanged (and its other "
                     "files)" : "unchanged");
    return 0;
}

sb_status cli_run_also(cli_run *r, const char *path, const char *what,
                       sb_error *err)
{
    const char *one[1] = {path};
    size_t i = r->n_expected;
    char *id;

    r->expected = g_renew(char *, r->expected, i + 1);
    r->whats = g_renew(char *, r->whats, i + 1);
    r->current = g_renew(unsigned char, r->current, i + 1);
    r->expected[i] = g_strdup(path);
    r->whats[i] = g_strdup(what);
    r->current[i] = 0;
    r->n_expected = i + 1;
    /* the output's own checks, for this file alone: r->refused is the
       whole output's, left as cli_run_want set it */
    if (cli_run_reserved(path))
        return sb_error_set(err, SB_ECANTCREAT, path, 0, 0, "not written: "
                            "the name is one of statbrief's own files "
                            "(lock, state, manifest, temporary file)");
    if (sb_out_check_path(path, err) != SB_OK)
        return err->code;
    id = sb_out_identity(path);
    if (!claimed(r, one, 0, &id) && !r->o.force)
        owned(r, path, i);
    if (r->refused.code == SB_OK) {
        g_hash_table_insert(r->claims, id, g_strdup(path));
        return SB_OK;
    }
    g_free(id);
    *err = r->refused;
    memset(&r->refused, 0, sizeof r->refused);
    return err->code;
}

const char *cli_run_owner_spec(const cli_run *r)
{
    return r->spec;
}

void cli_run_set_previous(cli_run *r, const cli_input *in, size_t n)
{
    r->prev = in;
    r->n_prev = n;
}

int cli_run_need(const cli_run *r, const char *path)
{
    size_t i = expected_at(r, path);

    return i == r->n_expected || !r->current[i];
}

void cli_run_wrote(cli_run *r, const char *path, size_t pages,
                   double seconds)
{
    struct stat st;

    r->written++;
    cli_log_wrote(path, pages, stat(path, &st) == 0 ? (size_t)st.st_size : 0,
                  seconds);
    sb_test_point("run_wrote");
}

void cli_run_become_worker(cli_run *r, int k, int fd)
{
    r->job = k;
    cli_state_forget_journal(r->state);
    cli_log_forward(fd);
}

void cli_run_report_counts(const cli_run *r, int fd)
{
    char line[64];
    int n = snprintf(line, sizeof line, "\001C %zu %zu\n", r->written,
                     r->unchanged);

    if (write(fd, line, (size_t)n) != n) {
        /* the parent is gone: nothing to tell */
    }
}

void cli_run_absorb(cli_run *r, size_t written, size_t unchanged)
{
    cli_state *merged = cli_state_load(r->dir, r->o.tag);

    cli_state_free(r->state);
    r->state = merged;
    r->written += written;
    r->unchanged += unchanged;
}

sb_status cli_run_end(cli_run *r, int status, sb_error *err)
{
    sb_status rc = SB_OK;
    double secs = (double)(g_get_monotonic_time() - r->start) / 1e6;

    sb_out_set_hook(NULL, NULL);
    forget_expected(r);
    if (r->written > 0) {
        rc = cli_state_save(r->state, err);
        if (rc == SB_OK)
            rc = cli_manifest_write(r->state, r->o.tag, r->o.langs,
                                    r->o.epoch, r->o.epoch_given, err);
    }
    sb_test_point("run_end");
    cli_lock_drop(r->lock);
    r->lock = NULL;
    cli_log_summary(r->o.command, r->written, r->unchanged,
                    status != 0 || rc != SB_OK, secs,
                    status != 0 ? status : sb_status_exit(rc));
    run_free(r);
    return rc;
}
