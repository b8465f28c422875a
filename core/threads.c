/*
 * core/threads.c -- the thread count of the parallel parts.
 */
#include "core/threads.h"

#include <stdlib.h>
#include <unistd.h>

int sb_threads(int dflt_cap, int hard_cap)
{
    const char *e = getenv("STATBRIEF_THREADS");
    long v = 0, cpus;
    char *end;

    if (e != NULL && *e != '\0') {
        v = strtol(e, &end, 10);
        if (*end != '\0' || v < 1 || v > 64)
            v = 0;
    }
    if (v == 0) {
        cpus = sysconf(_SC_NPROCESSORS_ONLN);
        v = cpus < 1 ? 1 : cpus > dflt_cap ? dflt_cap : cpus;
    }
    return v > hard_cap ? hard_cap : v < 1 ? 1 : (int)v;
}
