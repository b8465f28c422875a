/*
 * cli/cmd_metrics.c -- statbrief metrics: load, compute the figures of
 * every selected series and print them on stdout as a table, CSV or
 * JSON (--format).
 *
 * Writes no file. The figures are metrics/' (metrics/metrics.h), their
 * formats metrics/output.h's.
 */
#include "cmd.h"

#include "diag.h"
#include "load.h"
#include "log.h"

#include <stdio.h>
#include <string.h>

/* Prints the rows of every selected series through a writer of
   c->format. *mc and *w are the caller's to free, even on failure.
   Returns SB_OK or the error, with its message in err. */
static sb_status metrics_print(cli *c, const cli_loaded *l, metrics_ctx **mc,
                               metrics_writer **w, sb_error *err)
{
    sb_status rc;

    rc = metrics_ctx_create(l->ds, &c->m, mc, err);
    if (rc == SB_OK &&
        (*w = metrics_writer_create(stdout, c->format, l->ds, *mc, c->lang))
            == NULL)
        rc = sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    if (*w != NULL) {
        rc = metrics_each(*mc, l->isel, l->rsel, metrics_writer_rows, *w,
                          err);
        if (rc == SB_OK)            /* no "[]" or header after an error */
            metrics_writer_finish(*w);
        if (rc == SB_ECANTCREAT && err->msg[0] == '\0')
            sb_error_set(err, rc, NULL, 0, 0, "cannot write the output");
    }
    return rc;
}

int cli_cmd_metrics(cli *c)
{
    cli_loaded l;
    metrics_ctx *mc = NULL;
    metrics_writer *w = NULL;
    sb_error err = {0};
    sb_status rc;
    int status;

    memset(&l, 0, sizeof l);
    if (c->from && c->to && c->from > c->to) {
        status = cli_diag_fail(SB_EUSAGE, "--from %d is after --to %d",
                               c->from, c->to);
        goto done;
    }
    status = cli_load(c, &l);
    if (status != 0)
        goto done;
    c->m.from = c->from;
    c->m.to = c->to;
    rc = metrics_print(c, &l, &mc, &w, &err);
    if (rc == SB_EUSAGE) {
        status = cli_diag_fail(rc, "%s", err.msg);
    } else if (rc != SB_OK) {
        cli_log_diag(&err, "error");
        status = sb_status_exit(rc);
    } else {
        status = cli_diag_flush_stdout();
    }
done:
    metrics_writer_destroy(w);
    metrics_ctx_destroy(mc);
    cli_load_clear(&l);
    return status;
}
