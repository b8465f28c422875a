/*
 * metrics/output.h -- `statbrief metrics` output: table (for people),
 * csv and json (DESIGN.md, exact columns). Rows arrive one indicator at
 * a time from metrics_each and are written as they come.
 */
#ifndef METRICS_OUTPUT_H
#define METRICS_OUTPUT_H

#include <stdio.h>

#include "format.h"
#include "metrics.h"

typedef enum { METRICS_TABLE, METRICS_CSV, METRICS_JSON } metrics_format;

/* Parses "table", "csv", "json". Returns -1 if unknown. */
int metrics_format_parse(const char *s, metrics_format *out);

typedef struct metrics_writer metrics_writer;

/* Borrows out, ds and c, which must outlive the writer. NULL when out of
   memory. */
metrics_writer *metrics_writer_create(FILE *out, metrics_format f,
                                      const sb_dataset *ds, metrics_ctx *c,
                                      fmt_lang lang);
/* A metrics_rows_fn: pass the writer as user. */
sb_status metrics_writer_rows(void *writer, const metrics_row *rows,
                              size_t n);
/* Ends the output (the JSON array, the table's notes). */
void metrics_writer_finish(metrics_writer *w);
void metrics_writer_destroy(metrics_writer *w);

/* s as a JSON string, quotes included (shared with metrics/revisions). */
void metrics_json_string(FILE *out, const char *s);

#endif
