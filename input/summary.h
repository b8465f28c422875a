/*
 * input/summary.h -- what `statbrief check` prints: a block per file, the
 * dataset's indicators and regions, and the normalized long table
 * (--dump). Writes to a caller's FILE; computes nothing it prints later.
 */
#ifndef INPUT_SUMMARY_H
#define INPUT_SUMMARY_H

#include <stdio.h>

#include "load.h"
#include "core/model.h"

/* Which part of a dataset to show. sel arrays are indexed by id (NULL:
   all); from/to are 0 when open. */
typedef struct {
    const unsigned char *indicators;
    const unsigned char *regions;
    int from, to;
} input_filter;

/* The per-file blocks and the dataset tables. n_warnings is the total of
   warnings raised. SB_ENOMEM (and nothing printed) when out of memory. */
sb_status input_summary_print(FILE *out, const sb_dataset *ds, const input_report *rep,
                         const input_filter *f, size_t n_warnings);

/* indicator,region,year,value[,flags] sorted by indicator, region, year
   (UTF-8 byte order), values in shortest round-trip form, missing values
   left out; CSV-quoted where needed. */
void input_dump_print(FILE *out, const sb_dataset *ds, const input_filter *f,
                      int with_flags);

#endif
