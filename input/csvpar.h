/*
 * input/csvpar.h -- the parallel read of a large plain CSV file (internal
 * to input/csvread.c, and the tests).
 *
 * The file is read in parts that end at a line end provably outside
 * quotes (input/csvsplit.h); worker threads tokenize each part, and run
 * the prep on its records, with the serial reader's own code; the
 * calling thread replays the records to fn in file order, their lines
 * counted on from the parts before, and reports a part's first error
 * after the part's records: what fn sees, and every error, are the
 * serial read's. Where the prep asks for runs (input/csvrow.h), a
 * worker hands the records of a run (a series' rows, mostly) as one
 * array of values, which the calling thread takes in one call or has
 * read again one by one. Where handing parts over costs more than it
 * gains, the calling thread reads parts itself: it times both ways as
 * it goes.
 */
#ifndef INPUT_CSVPAR_H
#define INPUT_CSVPAR_H

#include "csvread_int.h"

typedef struct {
    int threads;            /* 1: serial; n: n - 1 workers and the caller,
                               or n workers with runs (the caller then
                               mostly waits) */
    size_t chunk;           /* bytes read for a part (more for a longer
                               record) */
    unsigned long long min_size;    /* smaller files are read serially */
    const char *modes;      /* tests: how each part is read, cycled: 'p'
                               handed to a worker, 'i' by the calling
                               thread; NULL: as the chooser times them */
} input_csvpar_config;

/* The settings of the reads from now on; NULL: the defaults (threads
   from STATBRIEF_THREADS, else the online CPUs, at most 4; 512 KiB parts;
   files of 8 MiB and more; the chooser; in -DSB_TEST_HOOKS builds
   SB_TEST_CSV_CHUNK=N makes parts of N bytes for files of any size, and
   SB_TEST_CSV_MODES=PATTERN sets modes). */
void input_csvpar_configure(const input_csvpar_config *c);

/* Reads the file fp (size bytes when opened, not yet read from) through
   r in parallel when the settings and its first block allow: 0 when it
   did (r's outcome is the read's, as after a serial read_all and its
   end), 1 when it declined and read nothing (read it serially). */
int input_csvpar_read(input_csvr *r, FILE *fp, input_csv_info *info,
                      unsigned long long size);

#endif
