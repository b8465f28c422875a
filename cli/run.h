/*
 * cli/run.h -- a run that writes outputs into one directory, safely from
 * cron, in folders that other people and other runs write to.
 *
 * begin: take the directory's lock (or wait for it), read the state
 * store. want: check the files of an output before anything of it is
 * written (what stands at each path, whether another output of this run
 * names the same file, whether another command or spec made it), remove
 * what killed writers left in its folder, and decide whether it must be
 * built (its key changed, or its files are missing or damaged, or
 * --force) and say why with -v. The run refuses the writes of an output
 * that failed its checks (core/outfile.h's hook) and records each file
 * with its owner just before it is renamed into place. end: save the
 * store and the manifest if anything was written, release the lock, log
 * the summary. A run that changes nothing writes no file.
 */
#ifndef CLI_RUN_H
#define CLI_RUN_H

#include <stddef.h>

#include "state.h"

typedef struct {
    const char *command;        /* "charts", "report" */
    double wait_s;              /* --wait; < 0: fail at once */
    int force;                  /* --force: build everything */
    const cli_input *inputs;    /* this run's input files */
    size_t n_inputs;
    const char *langs;          /* the languages drawn: fonts to name */
    long long epoch;
    int epoch_given;
    const char *tag;            /* "" or a shard's "-K-of-N": its own lock,
                                   store and manifest (copied) */
} cli_run_opts;

typedef struct cli_run cli_run;

/* The spec (its path as given; NULL: none) whose outputs the runs of
   this process make: part of each output's owner. Set by the command
   before its run begins. Copied. */
void cli_run_set_spec(const char *path);

/* 1 when path's name is one of statbrief's own files (a lock, a state
   store or journal, a manifest, a temporary file), which no output may
   have. */
int cli_run_reserved(const char *path);

/* Locks dir and reads its store. SB_ECANTCREAT when the lock, the store,
   its journal or the manifest is a link or not a regular file (nothing
   is written then), else as cli_lock_take. */
sb_status cli_run_begin(const char *dir, const cli_run_opts *o,
                        cli_run **out, sb_error *err);

/* 1 to build the output made of these files (paths as the run writes
   them) from key; 0 when all of them are current; -1 when a signal asks
   the run to stop. 1 also when the output may not be written (a file
   that is not a regular file, the same file as another output of the
   run, a file another command or spec made, unless --force, or no lock):
   then its first write fails with SB_ECANTCREAT naming the file and the
   reason, and none of its files is written. */
int cli_run_want(cli_run *r, const char *const *paths, size_t n,
                 const char *key);

/* Of the output being built: 1 when this file must be written (it is
   missing, damaged, made from another key, or --force), 0 when it is
   current and stays as it is. */
int cli_run_need(const cli_run *r, const char *path);

/* Adds the file path to the output being made (after cli_run_want
   said 1), as `what` (copied words: "the revisions CSV"): it is recorded
   with the output's key when it is written, after the checks of
   cli_run_want. SB_ECANTCREAT naming the file when it may not be
   written (the output is then not to be written either). */
sb_status cli_run_also(cli_run *r, const char *path, const char *what,
                       sb_error *err);

/* The spec of the run's outputs as their owner names it: its path from
   the output directory ("../brief.yaml"), "" without a spec. */
const char *cli_run_owner_spec(const cli_run *r);

/* The inputs of the previous vintage the output being made compares
   with (borrowed until its files are written; n 0: none): recorded with
   each of its files from now on, for the manifest. */
void cli_run_set_previous(cli_run *r, const cli_input *in, size_t n);

/* A file of the current output was written (the store recorded it just
   before its rename): logs it. */
void cli_run_wrote(cli_run *r, const char *path, size_t pages,
                   double seconds);

/* In a --jobs worker (after fork): the store's records go to this
   worker's journal, its log lines to fd (the parent's pipe). */
void cli_run_become_worker(cli_run *r, int k, int fd);
/* This worker's counts, as "\001C written unchanged\n" for the parent. */
void cli_run_report_counts(const cli_run *r, int fd);
/* In the parent, once the workers are done: their journals merged, their
   counts added. */
void cli_run_absorb(cli_run *r, size_t written, size_t unchanged);

/* Saves what was written (even after an error: finished outputs count),
   releases the lock, logs the summary with status. Returns SB_OK or the
   error of saving the store or manifest. Frees r. */
sb_status cli_run_end(cli_run *r, int status, sb_error *err);

#endif
