/*
 * cli/diag.c -- errors, warnings and exit statuses of the commands.
 *
 * Formats nothing itself: cli/log.c writes the lines (text or JSON).
 * Knows nothing of the options or the stages: a command hands it a
 * status, an sb_error and its warnings.
 */
#include "diag.h"

#include "log.h"
#include "signals.h"

#include <stdarg.h>
#include <glib.h>
#include <stdio.h>

int cli_diag_exit(sb_status code)
{
    if (code == SB_ECANCELED && cli_signal_caught())
        return 128 + cli_signal_caught();
    return sb_status_exit(code);
}

int cli_diag_error(sb_status rc, const sb_error *err)
{
    cli_log_diag(err, "error");
    return cli_diag_exit(rc);
}

int cli_diag_fail(sb_status code, const char *fmt, ...)
{
    sb_error e = {0};
    va_list ap;

    va_start(ap, fmt);
    sb_error_setv(&e, code, NULL, 0, 0, fmt, ap);
    va_end(ap);
    cli_log_diag(&e, "error");
    if (code == SB_EUSAGE)
        cli_log_note(NULL, "try 'statbrief --help'");
    return cli_diag_exit(code);
}

int cli_diag_warnings(const sb_diag *d, int strict)
{
    size_t i;

    /* -q keeps warnings: a cron job's mail is where they must show */
    for (i = 0; i < d->n_items; i++)
        cli_log_diag(&d->items[i], strict ? "error" : "warning");
    if (d->count > d->n_items) {
        char msg[80];
        snprintf(msg, sizeof msg, "%zu more not shown",
                 d->count - d->n_items);
        cli_log_note(strict ? "error" : "warning", msg);
    }
    return strict && d->count > 0;
}

int cli_diag_status(int strict, sb_status rc, const sb_error *err,
                    const sb_diag *notes)
{
    cli_diag_warnings(notes, strict);
    if (rc == SB_EUSAGE)
        return cli_diag_fail(rc, "%s", err->msg);
    if (rc != SB_OK)
        return cli_diag_error(rc, err);
    if (strict && notes->count > 0)
        return cli_diag_fail(SB_EDATA, "%zu warning%s treated as error%s "
                             "(--strict)", notes->count,
                             notes->count == 1 ? "" : "s",
                             notes->count == 1 ? "" : "s");
    return 0;
}

int cli_diag_item(int strict, sb_status rc, const sb_error *err,
                  const sb_diag *notes, char *msg, size_t size)
{
    int st = cli_diag_status(strict, rc, err, notes);

    if (st != 0)
        g_strlcpy(msg, rc != SB_OK ? err->msg : "warnings with --strict",
                  size);
    return st;
}

int cli_diag_flush_stdout(void)
{
    if (fflush(stdout) != 0 || ferror(stdout))
        return cli_diag_fail(SB_ECANTCREAT, "cannot write the output");
    return 0;
}
