/*
 * cli/cmd_metrics.c -- statbrief metrics: load, compute the figures of
 * every selected series and print them on stdout as a table, CSV or
 * JSON (--format).
 *
 * Writes no file. The figures are metrics/' (metrics/metrics.h), their
 * formats metrics/output.h's. They reach stdout only once every series
 * was computed (spool_*): a run that fails half-way prints nothing.
 *
 * The indicators are computed and rendered on as many threads as there
 * are CPUs (metrics/parallel.h), written in order: the same bytes as one
 * thread. SB_METRICS_THREADS=N sets the threads (1: metrics_each on this
 * thread alone) and SB_METRICS_JOB_SERIES=N the series of a job, for the
 * tests that compare the two (tests/metrics-threads.sh).
 */
#include "cmd.h"

#include "diag.h"
#include "load.h"
#include "log.h"

#include "metrics/parallel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where the figures wait until all were computed: an unnamed temporary
   file, which keeps memory flat however big the output, or memory where
   none can be made (a read-only /tmp). */
typedef struct {
    FILE *f;
    char *buf;                  /* open_memstream's, when in memory */
    size_t len;
    int in_memory;
} spool;

static FILE *spool_open(spool *s)
{
    memset(s, 0, sizeof *s);
    if ((s->f = tmpfile()) == NULL) {
        s->in_memory = 1;
        s->f = open_memstream(&s->buf, &s->len);
    }
    return s->f;
}

/* Copies what was spooled to stdout; -1 when a read or write failed. */
static int spool_copy(spool *s)
{
    char b[1 << 16];
    size_t n;

    if (fflush(s->f) != 0)
        return -1;
    if (s->in_memory)
        return s->len > 0 && fwrite(s->buf, 1, s->len, stdout) != s->len
                   ? -1 : 0;
    rewind(s->f);
    while ((n = fread(b, 1, sizeof b, s->f)) > 0)
        if (fwrite(b, 1, n, stdout) != n)
            return -1;
    return ferror(s->f) ? -1 : 0;
}

static void spool_close(spool *s)
{
    if (s->f != NULL)
        fclose(s->f);
    free(s->buf);
}

/* A positive number from the environment variable name, else 0. */
static long env_count(const char *name)
{
    const char *v = getenv(name);
    char *end;
    long n = v != NULL ? strtol(v, &end, 10) : 0;

    return v != NULL && *v != '\0' && *end == '\0' && n > 0 ? n : 0;
}

static void render(const void *w, const metrics_row *rows, size_t n,
                   size_t before, FILE *out, int *flag)
{
    metrics_writer_render(w, rows, n, before, out, flag);
}

static sb_status emit(void *w, const char *text, size_t len, size_t n,
                      int flag)
{
    return metrics_writer_emit(w, text, len, n, flag);
}

/* The rows of every selected series into w: on this thread alone, or
   on the threads parallel.h uses. */
static sb_status metrics_rows(const cli_loaded *l, metrics_ctx *mc,
                              metrics_writer *w, sb_error *err)
{
    long threads = env_count("SB_METRICS_THREADS");

    if (threads == 0)
        threads = metrics_par_threads();
    if (threads == 1)
        return metrics_each(mc, l->isel, l->rsel, metrics_writer_rows, w,
                            err);
    return metrics_par_each(mc, l->isel, l->rsel, (int)MIN(threads, 64),
                            (size_t)env_count("SB_METRICS_JOB_SERIES"),
                            render, emit, w, err);
}

/* Prints the rows of every selected series through a writer of
   c->format. *mc and *w are the caller's to free, even on failure.
   Returns SB_OK or the error, with its message in err. */
static sb_status metrics_print(cli *c, const cli_loaded *l, metrics_ctx **mc,
                               metrics_writer **w, FILE *out, sb_error *err)
{
    sb_status rc;

    rc = metrics_ctx_create(l->ds, &c->m, mc, err);
    if (rc == SB_OK &&
        (*w = metrics_writer_create(out, c->format, l->ds, *mc, c->lang))
            == NULL)
        rc = sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    if (*w != NULL) {
        rc = metrics_rows(l, *mc, *w, err);
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
    spool sp;
    int status;

    memset(&l, 0, sizeof l);
    memset(&sp, 0, sizeof sp);
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
    if (spool_open(&sp) == NULL) {
        status = cli_diag_fail(SB_ENOMEM, "out of memory");
        goto done;
    }
    rc = metrics_print(c, &l, &mc, &w, sp.f, &err);
    if (rc == SB_OK && spool_copy(&sp) != 0)
        rc = sb_error_set(&err, SB_ECANTCREAT, NULL, 0, 0,
                          "cannot write the output");
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
    spool_close(&sp);
    metrics_ctx_destroy(mc);
    cli_load_clear(&l);
    return status;
}
