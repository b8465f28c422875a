/*
 * core/threads.h -- how many threads the parallel parts of statbrief
 * use (the CSV reader, metrics): one setting for all of them, so that
 * STATBRIEF_THREADS=1 keeps a cron job on one core.
 */
#ifndef SB_THREADS_H
#define SB_THREADS_H

/* STATBRIEF_THREADS when it is a number from 1 to 64 (any other value is
   ignored), else the online CPUs at most dflt_cap; either way at most
   hard_cap and at least 1. */
int sb_threads(int dflt_cap, int hard_cap);

#endif
