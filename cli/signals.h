/*
 * cli/signals.h -- SIGINT and SIGTERM end a run cleanly, not at once.
 *
 * The handler only notes the signal; the run checks between outputs,
 * removes what it had staged, keeps what it finished, releases its lock
 * and exits 128 + the signal. SIGXFSZ (a file-size limit) and SIGPIPE
 * are ignored so that they come back as write errors (exit 73) instead
 * of killing the process with a file half written.
 */
#ifndef CLI_SIGNALS_H
#define CLI_SIGNALS_H

void cli_signals_install(void);
/* The signal caught (SIGINT, SIGTERM), or 0. */
int cli_signal_caught(void);

#endif
