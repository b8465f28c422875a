/*
 * core/testhook.h -- named pause points, so that a test can stop, kill or
 * signal a run at an exact place instead of after a sleep.
 *
 * Compiled in only with -DSB_TEST_HOOKS (the sanitizer, oom and memcheck
 * builds of the Makefile; never the release ./statbrief). Without it
 * sb_test_point(NAME) is an empty macro: no call, no lookup, no cost.
 *
 * With it, two environment variables drive the points:
 *
 *   SB_TEST_PAUSE=LIST     comma-separated entries, each
 *                            NAME     pause every time point NAME is reached
 *                            NAME:K   pause the K-th time only (K >= 1;
 *                                     counted per point, per process)
 *                            *        pause at every point, every time
 *   SB_TEST_PAUSE_FD=N     the descriptor the pauses are announced on
 *                          (default 3); it must be a pipe, FIFO or socket
 *                          when the process starts, else the process says
 *                          so and exits 70 (a test set up wrongly must not
 *                          write into whatever file has that number).
 *
 * At a point to pause at, the process writes one line "NAME:K PID\n" to
 * the descriptor (the point, how many times this process has reached it,
 * its PID) and waits until a signal arrives:
 *   SIGCONT           go on from the point as if nothing happened;
 *   SIGTERM, SIGINT   go on with the signal delivered as usual: the run's
 *                     handler notes it and the run stops at its next
 *                     check, exactly as if it had arrived at the point;
 *   SIGKILL           the process dies at the point.
 * Nothing else ends the wait. A test reads the line (e.g. from a FIFO with
 * `read -r point pid`), does what it needs (kill, change an input, start
 * another run), then signals the PID. An unknown NAME in SB_TEST_PAUSE is
 * refused at start-up (exit 70), and so is a call site naming a point that
 * is not in the list below (abort): a typo cannot make a test wait for a
 * point that never comes. When the line cannot be written (nobody listens
 * any more) the process says so on stderr and does not pause.
 *
 * Forked --jobs workers inherit the counts reached before the fork and the
 * descriptor; their lines carry their own PID.
 */
#ifndef SB_TESTHOOK_H
#define SB_TESTHOOK_H

/* Every point, in the order a report or charts run meets them: the one
   list of names (call sites use these strings; tests/cron.sh walks them). */
#define SB_TEST_POINTS(X)                                                  \
    /* input/csvread.c read_all: before each 64 KiB block of a CSV file    \
       is read; the K-th time, K-1 blocks have been read and parsed.       \
       A long load. */                                                     \
    X("csv_block")                                                         \
    /* input/csvread.c input_csv_read: a read of one file ended (at its    \
       end, at an error, or where a reader stopped early, as the peek at   \
       the header does); the file is still open, and not yet checked for   \
       a change while it was read. After the load of check and metrics:    \
       the last time it is reached. */                                     \
    X("csv_eof")                                                           \
    /* cli/run.c cli_run_begin: report and charts have loaded their        \
       inputs and taken their digests; nothing is locked or written. */    \
    X("run_begin")                                                         \
    /* cli/lock.c wait_for: the lock is held by another process and this   \
       run (--wait with time left) is about to wait and try again. */      \
    X("lock_busy")                                                         \
    /* cli/lock.c cli_lock_take: the lock is this run's and the lock file  \
       holds its PID; no temporary file swept, nothing written yet. */     \
    X("lock_taken")                                                        \
    /* reports/doc.c report_stopped: a brief's stop check -- after its     \
       title block, each default part or spec section and its notes,       \
       before each page, and before its bytes are written; the K-th time,  \
       K-1 checks passed. Nothing of the brief is written. */             \
    X("brief_part")                                                        \
    /* core/outfile.c sb_out_stage: an output's temporary file exists,     \
       empty (before it is written). Every atomic write: outputs, the      \
       state store, the manifest. */                                       \
    X("out_temp_created")                                                  \
    /* core/outfile.c sb_out_stage: the temporary file holds every byte    \
       and is closed; not renamed, not recorded in the store. */           \
    X("out_temp_written")                                                  \
    /* cli/run.c before_rename: the store's journal holds the record of    \
       this output file (the digest of the staged bytes); the rename has   \
       not happened. Outputs of a run only, not the store itself. */       \
    X("out_recorded")                                                      \
    /* core/outfile.c sb_out_commit: the file has been renamed into        \
       place. Every atomic write. */                                       \
    X("out_renamed")                                                       \
    /* cli/run.c cli_run_wrote: an output file of the run is in place and  \
       logged; the next file or chart is not started. Between charts. */   \
    X("run_wrote")                                                         \
    /* cli/state.c cli_state_save: the store is in place; the journals it  \
       took in are not yet removed. */                                     \
    X("state_saved")                                                       \
    /* cli/run.c cli_run_end: store and manifest written, the lock still   \
       held; the summary not yet printed. */                               \
    X("run_end")

#ifdef SB_TEST_HOOKS
/* Reached point NAME (one of SB_TEST_POINTS): pauses there when
   SB_TEST_PAUSE asks for it. */
void sb_test_point(const char *name);
#else
#define sb_test_point(name) ((void)0)
#endif

#endif
