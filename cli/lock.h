/*
 * cli/lock.h -- one run per output directory at a time.
 *
 * flock(2) on DIR/.statbrief.lock, which holds the holder's PID so that a
 * run that finds it taken can say by whom. The kernel drops a flock when
 * its process ends, however it ends, so a lock left by a killed run never
 * blocks the next one.
 *
 * The lock file lies in a folder that others write to, and the run may
 * be root's: it is opened without following links and written only once
 * it is known to be a regular file with no other name. On a read-only
 * mount it is opened read-only and locked all the same (flock needs no
 * write access); where there is none to open, the run goes on without a
 * lock, and may then write nothing.
 */
#ifndef CLI_LOCK_H
#define CLI_LOCK_H

#include <stddef.h>

#include "core/model.h"

typedef struct cli_lock cli_lock;

/* Locks dir (created when missing); tag "" or a shard's "-K-of-N", whose
   lock is its own (.statbrief-K-of-N.lock). wait_s < 0: SB_ETEMPFAIL at
   once when another run holds it, naming its PID; else try again for up
   to wait_s seconds. SB_ECANTCREAT when the directory cannot be made, or
   the lock file is a link, not a regular file or has other names, or
   cannot be opened for another reason than a read-only mount or its
   mode; SB_ECANCELED when a signal came while waiting. */
sb_status cli_lock_take(const char *dir, const char *tag, double wait_s,
                        cli_lock **out, sb_error *err);
/* NULL when the lock is held; else why there is none (the reason the
   lock file could not be opened), and the run must write nothing. */
const char *cli_lock_skipped(const cli_lock *l);
/* The lock file's path. */
const char *cli_lock_path(const cli_lock *l);
/* Releases and frees; NULL is ignored. */
void cli_lock_drop(cli_lock *l);

#endif
