/*
 * bench/metricsbench.c -- `make bench`: the cost of computing every
 * metric of a dataset, against the cost of loading it, in one process.
 *
 *   metricsbench FILE    prints load seconds, metrics seconds, the time
 *                        ratio, and peak RSS after each step
 */
#include <glib.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include "input/load.h"
#include "metrics/metrics.h"

static double now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static long peak_kib(void)
{
    struct rusage ru;

    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static sb_status count_rows(void *user, const metrics_row *rows, size_t n)
{
    (void)rows;
    *(size_t *)user += n;
    return SB_OK;
}

int main(int argc, char **argv)
{
    input_options in = {0};
    metrics_opts mo = {0};
    sb_dataset *ds = NULL;
    metrics_ctx *mc = NULL;
    sb_diag diag;
    sb_error err = {0};
    size_t rows = 0;
    double t0, load = 1e30, metrics = 1e30;
    int k;
    long rss_load, rss_metrics;

    if (argc != 2)
        return 2;
    sb_diag_init(&diag);
    /* best of three for each step: the machine is shared and noisy */
    for (k = 0; k < 3; k++) {
        sb_dataset_destroy(ds);
        t0 = now();
        if (input_load((const char *const *)argv + 1, 1, &in, &ds, NULL,
                       &diag, &err) != SB_OK) {
            fprintf(stderr, "metricsbench: %s\n", err.msg);
            return 1;
        }
        load = MIN(load, now() - t0);
    }
    rss_load = peak_kib();
    if (metrics_ctx_create(ds, &mo, &mc, &err) != SB_OK)
        return 1;
    for (k = 0; k < 3; k++) {
        rows = 0;
        t0 = now();
        if (metrics_each(mc, NULL, NULL, count_rows, &rows, &err) != SB_OK) {
            fprintf(stderr, "metricsbench: %s\n", err.msg);
            return 1;
        }
        metrics = MIN(metrics, now() - t0);
    }
    rss_metrics = peak_kib();
    printf("  load (best of 3)             %.3f s   peak %ld MiB\n", load,
           rss_load / 1024);
    printf("  all metrics (%zu series)  %.3f s   %.1f%% of load time\n", rows,
           metrics, 100.0 * metrics / load);
    printf("  peak memory with metrics     %ld MiB   +%.1f%% over load\n",
           rss_metrics / 1024, 100.0 * (rss_metrics - rss_load) / rss_load);
    metrics_ctx_destroy(mc);
    sb_dataset_destroy(ds);
    sb_diag_clear(&diag);
    return 0;
}
