/*
 * cli/state.h -- what each output in a directory was made from.
 *
 * One store per output directory (.statbrief-state), shared by every
 * command that writes there: for each output file, the key it was made
 * from (cli/digest.h), the SHA-256 and size it was written with, its
 * owner (the command, the spec, and what the file is: which brief or
 * chart), and the input files (with their SHA-256) of that run. An
 * output is current when its key is unchanged and the file is still
 * there with those bytes: a deleted or damaged output is rebuilt. The
 * store is written atomically; a damaged store reads as empty, which
 * means "rebuild everything", never a crash.
 *
 * While a run writes, each record is appended to the process's journal
 * beside the store (one write() per output, instead of rewriting the
 * whole store each time, which made a run of n outputs cost O(n^2));
 * the next load merges the journals, and saving the store removes them.
 * A journal's last line that a kill cut short is ignored: its file was
 * never renamed into place.
 *
 * The owner keeps one command or spec from overwriting what another
 * made in the same folder (cli/run.c): records written before owners
 * were kept have none, which means "unknown", and any run may take
 * such a file (then it is recorded as that run's).
 */
#ifndef CLI_STATE_H
#define CLI_STATE_H

#include <stddef.h>

#include <glib.h>

#include "digest.h"
#include "core/model.h"

typedef struct {
    char *path;
    char sha256[CLI_HEX];
    size_t bytes;
} cli_input;

/* Who makes an output: one owner when all three are equal. Borrowed
   strings. */
typedef struct {
    const char *command;   /* "report", "charts" */
    const char *spec;      /* the spec's path from the output directory,
                              "" without a spec */
    const char *what;      /* the file in words: "the brief", "the figures
                              CSV", "the default chart of gdp" */
} cli_owner;

typedef struct {
    char *name;            /* relative to the directory, or absolute */
    char key[CLI_HEX], sha256[CLI_HEX];
    size_t bytes;
    char *command;
    char set[CLI_HEX];     /* its inputs: a set id in `inputs` */
    char *spec, *what;     /* its owner with command; both NULL in a
                              record from before owners were kept */
    char prev[CLI_HEX];    /* the inputs of the previous vintage it
                              compares with (a brief with its revisions
                              annex, the revisions CSV); "" when none */
} cli_entry;

typedef struct {
    char set[CLI_HEX];
    cli_input in;
} cli_set_input;

typedef struct {
    char *dir, *path;
    cli_entry *entries;
    size_t n_entries;
    cli_set_input *inputs;
    size_t n_inputs;
    int damaged;           /* the file was there but unreadable */
    char **journals;       /* journals merged in (to remove) */
    size_t n_journals;
    GHashTable *index;     /* entry name -> its index + 1 */
    int jfd;               /* this process's journal, -1 until opened */
    char *jpath;
    GHashTable *jsets;     /* input sets this journal has written */
} cli_state;

/* SB_OK when dir's store (tag as for cli_state_load) and the journals
   beside it are regular files or not there; else SB_ECANTCREAT naming
   the first that is a link, a FIFO, a device, ... (core/outfile.h). */
sb_status cli_state_check(const char *dir, const char *tag, sb_error *err);

/* Reads dir's store, and the journals beside it (of --jobs workers, or
   of a killed run); empty when there is none, or it is damaged. tag: ""
   or a shard's "-K-of-N", which has a store of its own. */
cli_state *cli_state_load(const char *dir, const char *tag);
void cli_state_free(cli_state *s);

/* 1 when `name` was made from `key` and is there as written; else 0 and
   why in words. */
int cli_state_current(const cli_state *s, const char *name, const char *key,
                      char *why, size_t size);

/* Records a file written now from key by owner, with the run's
   inputs. */
void cli_state_record(cli_state *s, const char *name, const char *key,
                      const char *sha256, size_t bytes, const cli_owner *owner,
                      const cli_input *inputs, size_t n_inputs);

/* Records with the entry `name` (just recorded) the input set of the
   previous vintage it was compared with (cli/vintage.h); n 0: none.
   Call before cli_state_append. */
void cli_state_record_previous(cli_state *s, const char *name,
                               const cli_input *inputs, size_t n);

/* 1 when the file `name` is another owner's: s records an owner for it
   other than me, and the file is there with the bytes that owner wrote;
   who (size bytes) then says who that is. 0 when s has no record of
   it, or one of no owner, or of me, or when its file is gone or was
   changed since. */
int cli_state_other_owner(const cli_state *s, const char *name,
                          const cli_owner *me, char *who, size_t size);

/* Gives the record of `name`, when it has no owner (written before
   owners were kept), the owner me: the run that finds it current makes
   it from the same key. Saved with the store. */
void cli_state_adopt(cli_state *s, const char *name, const cli_owner *me);

/* An owner in words, into buf: "the brief made by report without a
   spec". */
void cli_owner_describe(const cli_owner *o, char *buf, size_t size);

/* The other stores of dir: the shards' when tag is "", else the
   unsharded one and the other shards' (each as cli_state_load gives
   it). Never NULL; free with g_ptr_array_unref. */
GPtrArray *cli_state_load_others(const char *dir, const char *tag);

/* Appends the entry `name` (just recorded) to this process's journal:
   the store's name + ".job" for a run, + ".job<k>" for --jobs worker k
   (k >= 0). The first call opens it. SB_ECANTCREAT on failure; the
   entry then stays in memory only, and the next run remakes its file. */
sb_status cli_state_append(cli_state *s, const char *name, int k,
                           sb_error *err);
/* After fork, in a worker: forgets the parent's journal (not removing
   it); the worker's records go to its own. */
void cli_state_forget_journal(cli_state *s);

/* Writes the store atomically, then removes the journals merged into it
   and this process's own. SB_ECANTCREAT on failure. */
sb_status cli_state_save(cli_state *s, sb_error *err);

/* The store's line format, which cli/vintage.c shares: a tab and the
   field escaped as a C string (g_strescape) appended to g; a line's
   fields unescaped (g_strfreev). */
void cli_state_put(GString *g, const char *field);
gchar **cli_state_fields(const char *line);

/* The absolute or directory-relative path of an entry. */
char *cli_state_file(const cli_state *s, const char *name);

#endif
