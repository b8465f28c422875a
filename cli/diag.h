/*
 * cli/diag.h -- how a command ends: its errors and warnings printed
 * through the log (GCC style or JSON, cli/log.h) and its exit status
 * chosen (sysexits.h, DESIGN.md; 128 + the signal after SIGINT/SIGTERM).
 *
 * Every function here prints and returns an exit status; none allocates
 * anything the caller must free, and none reads the options struct.
 */
#ifndef CLI_DIAG_H
#define CLI_DIAG_H

#include <stddef.h>

#include "core/model.h"

/* The exit status of code; a run stopped by a signal exits 128 + it.
   Cannot fail. */
int cli_diag_exit(sb_status code);

/* Prints err as an error; returns the exit status of rc (which is
   err->code but for the rare status that came without a message). */
int cli_diag_error(sb_status rc, const sb_error *err);

/* Prints a usage or run error without a file position (usage errors get
   the "try 'statbrief --help'" note); returns the exit status of code. */
int cli_diag_fail(sb_status code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Prints the warnings of d (as errors with strict; -q keeps them).
   Returns 1 if strict turns them into a failure, else 0. */
int cli_diag_warnings(const sb_diag *d, int strict);

/* The exit status of a run: its error rc (err's message), else its
   warnings under strict. The warnings are printed either way; 0 when
   the run succeeded. */
int cli_diag_status(int strict, sb_status rc, const sb_error *err,
                    const sb_diag *notes);

/* cli_diag_status for one item of a batch; on failure also a one-line
   reason in msg (size bytes, the caller's), as cli/batch.h wants it. */
int cli_diag_item(int strict, sb_status rc, const sb_error *err,
                  const sb_diag *notes, char *msg, size_t size);

/* Flushes stdout, where the results went: 0, or the exit status of
   "cannot write the output" (73) after printing it. */
int cli_diag_flush_stdout(void);

#endif
