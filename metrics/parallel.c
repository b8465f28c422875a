/*
 * metrics/parallel.c -- metrics_par_each (parallel.h): jobs of whole
 * indicators taken in order by worker threads and by the calling
 * thread, each job's text kept in memory until the calling thread
 * writes it, in order.
 *
 * The calling thread is a worker too: it takes the next job while the
 * one it must write next is not done. A job at most `window` places
 * ahead of the next to write may start, which bounds the texts waiting.
 * Each thread has its own copy of the context (metrics_ctx_clone) and
 * its own rows; they share only the dataset, which is read.
 */
#include "parallel.h"

#include "core/alloc.h"
#include "core/threads.h"

#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#define MAX_THREADS 8

typedef struct {
    size_t lo, hi;               /* series [lo, hi): whole indicators */
} span;

/* A job's result, in slot (job % window) until written. */
typedef struct {
    int done;                    /* under par.lock */
    sb_status rc;
    sb_error err;
    char *text;                  /* open_memstream's */
    size_t len, n;               /* bytes; rows */
    int flag;
} slot;

typedef struct {
    const sb_dataset *ds;
    const unsigned char *isel, *rsel;
    size_t job_series;           /* a job's series, at least */
    metrics_render_fn render;
    const void *user;
    span *jobs;
    size_t n_jobs;
    slot *slots;
    size_t window;
    size_t next;                 /* the first job no thread took */
    size_t written;              /* jobs written (their slots free) */
    int stop;                    /* an error: take no more jobs */
    GMutex lock;
    GCond cond;
} par;

/* One thread's own: its context and rows. */
typedef struct {
    par *p;
    metrics_ctx *c;
    metrics_row *rows;
    size_t cap;
} worker;

int metrics_par_threads(void)
{
    return sb_threads(MAX_THREADS, MAX_THREADS);
}

static int selected(const unsigned char *sel, sb_id id)
{
    return sel == NULL || sel[id];
}

/* The jobs of p's dataset; -1 when out of memory. */
static int plan_jobs(par *p)
{
    size_t lo, hi, start = 0, n = sb_dataset_n_series(p->ds);

    p->n_jobs = 0;
    if ((p->jobs = sb_new(span, n / p->job_series + 2)) == NULL)
        return -1;
    for (lo = 0; lo < n; lo = hi) {
        hi = metrics_indicator_end(p->ds, lo);
        if (hi - start >= p->job_series || hi == n) {
            p->jobs[p->n_jobs].lo = start;
            p->jobs[p->n_jobs++].hi = hi;
            start = hi;
        }
    }
    return 0;
}

static sb_status no_memory(sb_error *err)
{
    return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
}

/* The rows of one indicator, rendered into out after s->n rows. */
static sb_status run_indicator(worker *wk, size_t lo, size_t hi, FILE *out,
                               slot *s)
{
    par *p = wk->p;
    size_t n = 0;
    sb_status rc;

    if (sb_grow(&wk->rows, &wk->cap, hi - lo) != 0)
        return no_memory(&s->err);
    rc = metrics_indicator_rows(wk->c, lo, hi, p->rsel, wk->rows, &n,
                                &s->err);
    if (rc == SB_OK && n > 0) {
        p->render(p->user, wk->rows, n, s->n, out, &s->flag);
        s->n += n;
    }
    return rc;
}

static void run_job(worker *wk, size_t j)
{
    par *p = wk->p;
    slot *s = &p->slots[j % p->window];
    FILE *out = open_memstream(&s->text, &s->len);
    size_t lo, hi;
    sb_status rc = out != NULL ? SB_OK : no_memory(&s->err);

    if (out != NULL)
        __fsetlocking(out, FSETLOCKING_BYCALLER);   /* this thread's */
    for (lo = p->jobs[j].lo; lo < p->jobs[j].hi && rc == SB_OK; lo = hi) {
        hi = metrics_indicator_end(p->ds, lo);
        if (selected(p->isel, sb_dataset_series_at(p->ds, lo)->indicator))
            rc = run_indicator(wk, lo, hi, out, s);
    }
    if (out != NULL && (ferror(out) | fclose(out)) != 0 && rc == SB_OK)
        rc = no_memory(&s->err);
    s->rc = rc;
}

/* Takes the next job if one may start (p->lock held, and held again on
   return); 0 when none may. */
static int take_job(worker *wk)
{
    par *p = wk->p;
    size_t j;

    if (p->stop || p->next >= p->n_jobs || p->next >= p->written + p->window)
        return 0;
    j = p->next++;
    g_mutex_unlock(&p->lock);
    run_job(wk, j);
    g_mutex_lock(&p->lock);
    p->slots[j % p->window].done = 1;
    g_cond_broadcast(&p->cond);
    return 1;
}

static gpointer worker_main(gpointer data)
{
    worker *wk = data;
    par *p = wk->p;

    g_mutex_lock(&p->lock);
    while (!p->stop && p->next < p->n_jobs)
        if (!take_job(wk))
            g_cond_wait(&p->cond, &p->lock);
    g_mutex_unlock(&p->lock);
    return NULL;
}

static void slot_clear(slot *s)
{
    free(s->text);
    memset(s, 0, sizeof *s);
}

/* Writes the jobs in order, doing jobs while the next is not done. */
static sb_status write_jobs(worker *self, metrics_emit_fn emit, void *user,
                            sb_error *err)
{
    par *p = self->p;
    sb_status rc = SB_OK;
    size_t j;

    for (j = 0; j < p->n_jobs && rc == SB_OK; j++) {
        slot *s = &p->slots[j % p->window];
        g_mutex_lock(&p->lock);
        while (!s->done)
            if (!take_job(self))
                g_cond_wait(&p->cond, &p->lock);
        g_mutex_unlock(&p->lock);
        if ((rc = s->rc) != SB_OK)
            *err = s->err;
        else if (s->n > 0)
            rc = emit(user, s->text, s->len, s->n, s->flag);
        slot_clear(s);
        g_mutex_lock(&p->lock);
        p->written++;
        p->stop |= rc != SB_OK;
        g_cond_broadcast(&p->cond);
        g_mutex_unlock(&p->lock);
    }
    return rc;
}

/* Starts up to n_threads - 1 workers (fewer when the jobs are fewer, or
   a thread cannot be made: the calling thread does the rest), with the
   calling thread's worker at ws[0]. The workers made go to *n_made. */
static sb_status start_workers(par *p, metrics_ctx *c, worker *ws,
                               GThread **t, size_t n_threads, size_t *n_made,
                               sb_error *err)
{
    size_t i;

    ws[0].p = p;
    ws[0].c = c;
    *n_made = 0;
    for (i = 1; i < n_threads && i < p->n_jobs; i++) {
        ws[i].p = p;
        if ((ws[i].c = metrics_ctx_clone(c)) == NULL)
            return no_memory(err);
        if ((t[i] = g_thread_try_new("metrics", worker_main, &ws[i], NULL))
            == NULL) {
            metrics_ctx_clone_join(c, ws[i].c);
            ws[i].c = NULL;
            break;               /* fewer threads, the same output */
        }
        *n_made = i;
    }
    return SB_OK;
}

/* Stops and joins the workers, frees what they and the slots hold. */
static void stop_workers(par *p, metrics_ctx *c, worker *ws, GThread **t,
                         size_t n_threads)
{
    size_t i;

    g_mutex_lock(&p->lock);
    p->stop = 1;
    g_cond_broadcast(&p->cond);
    g_mutex_unlock(&p->lock);
    for (i = 0; i < n_threads; i++) {
        if (i > 0 && t[i] != NULL)
            g_thread_join(t[i]);
        if (i > 0)
            metrics_ctx_clone_join(c, ws[i].c);
        g_free(ws[i].rows);
    }
    for (i = 0; i < p->window; i++)
        slot_clear(&p->slots[i]);
}

sb_status metrics_par_each(metrics_ctx *c, const unsigned char *indicators,
                           const unsigned char *regions, int threads,
                           size_t job_series, metrics_render_fn render,
                           metrics_emit_fn emit, void *user, sb_error *err)
{
    size_t n_threads = threads < 1 ? 1 : (size_t)threads, made = 0;
    worker *ws = sb_new0(worker, n_threads);
    GThread **t = sb_new0(GThread *, n_threads);
    par p;
    sb_status rc = SB_OK;

    memset(&p, 0, sizeof p);
    p.ds = metrics_ctx_dataset(c);
    p.isel = indicators;
    p.rsel = regions;
    p.job_series = job_series > 0 ? job_series : METRICS_PAR_JOB_SERIES;
    p.render = render;
    p.user = user;
    p.window = 2 * n_threads;
    g_mutex_init(&p.lock);
    g_cond_init(&p.cond);
    if (ws == NULL || t == NULL || plan_jobs(&p) != 0 ||
        (p.slots = sb_new0(slot, p.window)) == NULL)
        rc = no_memory(err);
    if (rc == SB_OK)
        rc = start_workers(&p, c, ws, t, n_threads, &made, err);
    if (rc == SB_OK)
        rc = write_jobs(&ws[0], emit, user, err);
    if (ws != NULL && t != NULL && p.slots != NULL)
        stop_workers(&p, c, ws, t, made + 1);
    if (rc == SB_ENOMEM)
        metrics_ctx_mark_no_memory(c);
    g_free(p.slots);
    g_free(p.jobs);
    g_free(t);
    g_free(ws);
    g_mutex_clear(&p.lock);
    g_cond_clear(&p.cond);
    return rc;
}
