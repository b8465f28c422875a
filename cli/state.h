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
 */
#ifndef CLI_STATE_H
#define CLI_STATE_H

#include <stddef.h>

#include "digest.h"
#include "input/model.h"

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
    int dirty;             /* recorded by this process */
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
    char **journals;       /* workers' journals merged in (to remove) */
    size_t n_journals;
} cli_state;

/* Reads dir's store, and the journals --jobs workers left beside it
   (empty when there is none, or it is damaged). tag: "" or a shard's
   "-K-of-N", which has a store of its own. */
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

/* Writes the store atomically and removes the journals merged into it.
   SB_ECANTCREAT on failure. */
sb_status cli_state_save(cli_state *s, sb_error *err);
/* A --jobs worker's own journal (the store's name + ".job<k>"): only
   what this process recorded, merged by the next load. */
sb_status cli_state_save_journal(const cli_state *s, int k, sb_error *err);

/* The absolute or directory-relative path of an entry. */
char *cli_state_file(const cli_state *s, const char *name);

#endif
