/*
 * cli/lock.h -- one run per output directory at a time.
 *
 * flock(2) on DIR/.statbrief.lock, which holds the holder's PID so that a
 * run that finds it taken can say by whom. The kernel drops a flock when
 * its process ends, however it ends, so a lock left by a killed run never
 * blocks the next one. Holding the lock, a run may remove the temporary
 * files that killed runs left in the directory.
 */
#ifndef CLI_LOCK_H
#define CLI_LOCK_H

#include <stddef.h>

#include "core/model.h"

typedef struct cli_lock cli_lock;

/* Locks dir (created when missing); tag "" or a shard's "-K-of-N", whose
   lock is its own (.statbrief-K-of-N.lock). wait_s < 0: SB_ETEMPFAIL at once
   when another run holds it, naming its PID; else try again for up to
   wait_s seconds. SB_ECANTCREAT when the directory or the lock file
   cannot be made; SB_ECANCELED when a signal came while waiting. */
sb_status cli_lock_take(const char *dir, const char *tag, double wait_s,
                        cli_lock **out, sb_error *err);
/* Releases and frees; NULL is ignored. */
void cli_lock_drop(cli_lock *l);

/* Removes the temporary files (core/outfile.h) in the locked directory;
   returns how many. */
size_t cli_lock_sweep(const cli_lock *l);

#endif
