/*
 * cli/batch.c -- the batch loop, the worker processes, the progress line.
 */
#include "batch.h"

#include "log.h"
#include "reports/qpdflib.h"
#include "signals.h"

#include <errno.h>
#include <glib.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct {
    const cli_items *items;
    size_t done, failed;
    int *status;               /* per item: -1 not done, else its status */
    char **why;                /* per failed item */
    gint64 start;
    int progress;
} tally;

static void show_progress(tally *t, size_t current)
{
    char line[300], eta[32] = "";
    double secs = (double)(g_get_monotonic_time() - t->start) / 1e6;

    if (!t->progress)
        return;
    if (t->done > 0 && t->done < t->items->n) {
        double left = secs / (double)t->done * (double)(t->items->n - t->done);
        snprintf(eta, sizeof eta, ", ETA %d:%02d", (int)left / 60,
                 (int)left % 60);
    }
    snprintf(line, sizeof line, "statbrief: [%zu/%zu] %s%s%s", t->done,
             t->items->n, current < t->items->n
                              ? t->items->items[current].label : "",
             t->failed ? ", some failed" : "", eta);
    cli_log_progress(line);
}

static void finished(tally *t, size_t i, int status, const char *why)
{
    if (i >= t->items->n || t->status[i] >= 0)
        return;
    t->status[i] = status;
    t->done++;
    if (status != 0) {
        t->failed++;
        t->why[i] = g_strdup(why);
    }
    show_progress(t, i + 1 < t->items->n ? i + 1 : i);
}

static void in_process(cli_run *run, tally *t, cli_batch_fn fn, void *ctx)
{
    char msg[400];
    size_t i;
    int st;

    (void)run;
    for (i = 0; i < t->items->n && !cli_signal_caught(); i++) {
        show_progress(t, i);
        msg[0] = '\0';
        st = fn(ctx, i, msg, sizeof msg);
        finished(t, i, st, msg);
    }
}

/* A worker: items k, k + jobs, ...; each result as "\001D i status why". */
static void worker(cli_run *run, const tally *t, int k, int jobs, int fd,
                   cli_batch_fn fn, void *ctx)
{
    char msg[400], line[600];
    size_t i;
    int st, n;

    cli_run_become_worker(run, k, fd);
    for (i = (size_t)k; i < t->items->n && !cli_signal_caught();
         i += (size_t)jobs) {
        msg[0] = '\0';
        st = fn(ctx, i, msg, sizeof msg);
        n = snprintf(line, sizeof line, "\001D %zu %d %s\n", i, st,
                     g_strdelimit(msg, "\n", ' '));
        if (write(fd, line, (size_t)MIN(n, (int)sizeof line - 1)) < 0)
            break;
    }
    cli_run_report_counts(run, fd);
    _exit(0);
}

/* One line from a worker: a result, its counts, or a log line. */
static void from_worker(tally *t, char *line, size_t *written,
                        size_t *unchanged)
{
    size_t i, w, u;
    int st, off = 0;

    if (line[0] != '\001') {
        cli_log_raw(line);
        return;
    }
    if (sscanf(line, "\001D %zu %d %n", &i, &st, &off) == 2) {
        g_strchomp(line);
        finished(t, i, st, line + off);
    } else if (sscanf(line, "\001C %zu %zu", &w, &u) == 2) {
        *written += w;
        *unchanged += u;
    }
}

/* Reads the workers' pipe to its end, line by line. */
static void collect(tally *t, int fd, pid_t *pids, int jobs, size_t *w,
                    size_t *u)
{
    GString *buf = g_string_new(NULL);
    char chunk[4096];
    int forwarded = 0, k;

    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        char *nl;
        if (n < 0 && errno == EINTR) {
            if (cli_signal_caught() && !forwarded) {
                for (k = 0; k < jobs; k++)   /* SIGTERM to us: to them too */
                    kill(pids[k], cli_signal_caught());
                forwarded = 1;
            }
            continue;
        }
        if (n <= 0)
            break;
        g_string_append_len(buf, chunk, n);
        while ((nl = memchr(buf->str, '\n', buf->len)) != NULL) {
            size_t len = (size_t)(nl - buf->str) + 1;
            char *line = g_strndup(buf->str, len);
            from_worker(t, line, w, u);
            g_free(line);
            g_string_erase(buf, 0, (gssize)len);
        }
    }
    g_string_free(buf, TRUE);
}

static void with_workers(cli_run *run, tally *t, int jobs, cli_batch_fn fn,
                         void *ctx)
{
    pid_t *pids = g_new0(pid_t, jobs);
    size_t written = 0, unchanged = 0, i;
    int fds[2], k, status;

    if (pipe(fds) != 0) {
        in_process(run, t, fn, ctx);          /* no pipe: one at a time */
        g_free(pids);
        return;
    }
    fflush(NULL);
    qpdflib_wait();         /* a fork with the loader's lock held */
    for (k = 0; k < jobs; k++) {
        pids[k] = fork();
        if (pids[k] == 0) {
            close(fds[0]);
            g_free(pids);                 /* the worker never returns */
            worker(run, t, k, jobs, fds[1], fn, ctx);
        }
    }
    close(fds[1]);
    show_progress(t, 0);
    collect(t, fds[0], pids, jobs, &written, &unchanged);
    close(fds[0]);
    for (k = 0; k < jobs; k++) {
        if (pids[k] <= 0)
            continue;
        while (waitpid(pids[k], &status, 0) < 0 && errno == EINTR)
            ;
        /* a worker that died left its items unrendered: they failed */
        for (i = (size_t)k; i < t->items->n; i += (size_t)jobs)
            if (t->status[i] < 0 && !cli_signal_caught()) {
                char why[80];
                snprintf(why, sizeof why, "the worker died (%s %d)",
                         WIFSIGNALED(status) ? "signal" : "status",
                         WIFSIGNALED(status) ? WTERMSIG(status)
                                             : WEXITSTATUS(status));
                finished(t, i, 70, why);
            }
    }
    cli_run_absorb(run, written, unchanged);
    g_free(pids);
}

int cli_batch_run(cli_run *run, const cli_items *items, int jobs,
                  int progress, cli_batch_fn fn, void *ctx)
{
    tally t = {items, 0, 0, NULL, NULL, g_get_monotonic_time(), progress};
    size_t i;
    int status = 0;

    t.status = g_new(int, items->n + 1);
    t.why = g_new0(char *, items->n + 1);
    for (i = 0; i < items->n; i++)
        t.status[i] = -1;
    if (jobs <= 1 || items->n <= 1)
        in_process(run, &t, fn, ctx);
    else
        with_workers(run, &t, (int)MIN((size_t)jobs, items->n), fn, ctx);
    cli_log_progress(NULL);
    if (t.failed > 0) {
        char line[600];
        snprintf(line, sizeof line, "%zu of %zu item%s failed:", t.failed,
                 items->n, items->n == 1 ? "" : "s");
        cli_log_note("error", line);
        for (i = 0; i < items->n; i++)
            if (t.status[i] > 0) {
                snprintf(line, sizeof line, "  %s: %s (exit %d)",
                         items->items[i].label, t.why[i] ? t.why[i] : "",
                         t.status[i]);
                cli_log_note(NULL, line);
                if (status == 0)
                    status = t.status[i];
            }
    }
    if (cli_signal_caught())
        status = 128 + cli_signal_caught();
    for (i = 0; i < items->n; i++)
        g_free(t.why[i]);
    g_free(t.why);
    g_free(t.status);
    return status;
}
