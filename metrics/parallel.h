/*
 * metrics/parallel.h -- metrics_each on several threads, for the
 * outputs that are text (`statbrief metrics`): each indicator's rows
 * are computed and rendered to text on any thread, and the texts are
 * written on the calling thread in indicator order, so that the output
 * is the same bytes whatever the number of threads.
 *
 * A job is a run of whole indicators (ranks, shares and gaps need every
 * region of an indicator-year), a few thousand series at least; at most
 * a few jobs per thread are done and not yet written, so memory stays
 * bounded by the largest indicators, not the output.
 */
#ifndef METRICS_PARALLEL_H
#define METRICS_PARALLEL_H

#include <stdio.h>

#include "metrics.h"

/* Renders the n rows of one indicator into out, after `before` rows
   rendered into out already; *flag |= what the caller wants to know of
   them. Runs on any thread: it may read user, never change it. */
typedef void (*metrics_render_fn)(const void *user, const metrics_row *rows,
                                  size_t n, size_t before, FILE *out,
                                  int *flag);
/* Writes text, len bytes rendered of n rows (n > 0), flag the renders'.
   On the calling thread, in indicator order. SB_OK to go on. */
typedef sb_status (*metrics_emit_fn)(void *user, const char *text,
                                     size_t len, size_t n, int flag);

/* A job holds whole indicators of this many series at least (the last
   may hold fewer): enough work to pay for its text stream and handoff,
   few enough for two threads to share 20 indicators of 3,000 regions. */
#define METRICS_PAR_JOB_SERIES 2048

/* The threads to use: core/threads.h's count (STATBRIEF_THREADS, else
   the online CPUs), at most 8, at least 1. */
int metrics_par_threads(void);

/* What metrics_each(c, indicators, regions, ...) gives, rendered and
   emitted as above, on `threads` threads (the calling one included),
   in jobs of job_series series (0: METRICS_PAR_JOB_SERIES; the tests
   ask for 1, a job per indicator). The first error in indicator order
   is returned (with err); nothing is emitted after it. */
sb_status metrics_par_each(metrics_ctx *c, const unsigned char *indicators,
                           const unsigned char *regions, int threads,
                           size_t job_series, metrics_render_fn render,
                           metrics_emit_fn emit, void *user, sb_error *err);

#endif
