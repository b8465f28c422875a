/*
 * cli/batch.h -- render the items of a batch, in this process or in
 * worker processes (--jobs), with a progress line on a terminal.
 *
 * Workers are processes, not threads: the loaded dataset is shared with
 * them copy-on-write after fork, fontconfig and Pango keep caches that
 * are not meant to be shared across threads, and a worker that crashes
 * on one item takes no other item with it. Worker k renders items k,
 * k + N, k + 2N, ...: every item is rendered by the same code with the
 * same inputs whatever N, so the files are those of --jobs 1. Workers
 * send their log lines and results through a pipe; the parent prints
 * them, keeps the progress line, and lists the failures at the end.
 */
#ifndef CLI_BATCH_H
#define CLI_BATCH_H

#include <stddef.h>

#include "items.h"
#include "run.h"

/* Renders item i. Returns its exit status (0: done) and, on failure, a
   one-line reason in msg. Prints its own diagnostics. */
typedef int (*cli_batch_fn)(void *ctx, size_t i, char *msg, size_t size);

/* Renders every item (jobs >= 1). One failing item does not stop the
   others; the failures are listed at the end and the first failure's
   status is returned (0 when all were rendered). A signal stops the
   batch: 128 + the signal. */
int cli_batch_run(cli_run *run, const cli_items *items, int jobs,
                  int progress, cli_batch_fn fn, void *ctx);

#endif
