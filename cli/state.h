/*
 * cli/state.h -- what each output in a directory was made from.
 *
 * One store per output directory (.statbrief-state), shared by every
 * command that writes there: for each output file, the key it was made
 * from (cli/digest.h), the SHA-256 and size it was written with, the
 * command, and the input files (with their SHA-256) of that run. An
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

typedef struct {
    char *name;            /* relative to the directory, or absolute */
    char key[CLI_HEX], sha256[CLI_HEX];
    size_t bytes;
    char *command;
    char set[CLI_HEX];     /* its inputs: a set id in `inputs` */
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

/* Records a file written now from key by command, with the run's
   inputs. */
void cli_state_record(cli_state *s, const char *name, const char *key,
                      const char *sha256, size_t bytes, const char *command,
                      const cli_input *inputs, size_t n_inputs);

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

/* The absolute or directory-relative path of an entry. */
char *cli_state_file(const cli_state *s, const char *name);

#endif
