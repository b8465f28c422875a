/*
 * cli/log.h -- what a run says on stderr, for people or log collectors.
 *
 * Text (default): diagnostics GCC-style, one line per output written
 * (path, pages, size, time) and one summary line; -q keeps errors and
 * warnings only; -v adds the decisions (why an output was rebuilt or
 * skipped). JSON (--log json): one object per line and per event, the
 * decisions included, for collectors to filter.
 */
#ifndef CLI_LOG_H
#define CLI_LOG_H

#include <glib.h>
#include <stddef.h>

#include "core/model.h"

typedef enum { CLI_LOG_TEXT, CLI_LOG_JSON } cli_log_mode;

void cli_log_setup(cli_log_mode mode, int quiet, int verbose);
cli_log_mode cli_log_get_mode(void);

/* An error or warning, with its place when known. */
void cli_log_diag(const sb_error *e, const char *severity);
/* Each error or warning of d (the first SB_DIAG_KEEP) as severity. */
void cli_log_diags(const sb_diag *d, const char *severity);
/* A line of text that has no place; severity NULL for a plain note
   ("try 'statbrief --help'"). */
void cli_log_note(const char *severity, const char *msg);
/* An output written: pages 0 when it has none. */
void cli_log_wrote(const char *path, size_t pages, size_t bytes,
                   double seconds);
/* A decision: an output skipped or rebuilt, and why (-v, or JSON). */
void cli_log_decision(const char *event, const char *path, const char *why);
/* A --jobs worker sends every line to fd (its parent re-emits them). */
void cli_log_forward(int fd);
/* Writes a line, newline included, as the log writes its own. */
void cli_log_raw(const char *line);
/* On a terminal: a progress line kept below the log, redrawn after each
   line; NULL removes it. */
void cli_log_progress(const char *text);

/* s as a JSON string, quoted: quotes, backslashes and control characters
   escaped, UTF-8 as it is (the log and the manifest). */
void cli_json_string(GString *g, const char *s);

/* The last line: what the run did. */
void cli_log_summary(const char *command, size_t written, size_t unchanged,
                     size_t failed, double seconds, int status);

#endif
