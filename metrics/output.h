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
/* For rows computed on several threads (metrics_each_text): the rows
   of one indicator as text into out, after `before` rows rendered into
   out already (what parts them from those: JSON's ",", an empty line;
   nothing when before is 0). *interpolated |= 1 when the table marks a
   filled year. Reads w and changes nothing in it: any thread may call
   it. */
void metrics_writer_render(const metrics_writer *w, const metrics_row *rows,
                           size_t n, size_t before, FILE *out,
                           int *interpolated);
/* Writes text, len bytes that metrics_writer_render made of n rows (one
   or more renderings into one stream), to w's stream after what parts
   it from the rows written before (or the CSV header, JSON's "["): the
   same bytes as metrics_writer_rows of those rows. On the thread that
   owns w, in output order. */
sb_status metrics_writer_emit(metrics_writer *w, const char *text,
                              size_t len, size_t n, int interpolated);
/* Ends the output (the JSON array, the table's notes). */
void metrics_writer_finish(metrics_writer *w);
void metrics_writer_destroy(metrics_writer *w);

/* s as a JSON string, quotes included (shared with metrics/revisions). */
void metrics_json_string(FILE *out, const char *s);

#endif
