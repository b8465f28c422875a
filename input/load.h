/*
 * input/load.h -- load CSV files and directories into one dataset.
 *
 * Each file's role is decided from its header; metadata files
 * (indicators.csv, regions.csv) are read before data files so that region
 * aliases apply on load, whatever the order of the arguments. The result
 * is a finished sb_dataset plus a report per file for `statbrief check`
 * (with each file's SHA-256 when asked: the digest of the very bytes
 * that were parsed).
 *
 * Inputs may change under a run: a load during which a file changed is
 * done again, once (a note in the report says so); a change during the
 * second load fails it with SB_ETEMPFAIL (exit 75: try again later).
 * statbrief's own outputs in a folder (a figures CSV) are skipped with a
 * note; named as input, they are refused.
 */
#ifndef INPUT_LOAD_H
#define INPUT_LOAD_H

#include "layout.h"
#include "report.h"
#include "core/model.h"

typedef struct {
    input_layout_opts layout;   /* --shape, --columns, --indicator-id,
                                   --region-name */
    int decimal_comma;          /* --decimal-comma: 1 forced, 0 detect */
    input_encoding encoding;    /* --encoding; AUTO: UTF-8 or NBS GB18030 */
    int digest;                 /* hash each file's bytes as they are
                                   read (report, charts: their records) */
    int lean;                   /* only the figures `check` prints: a
                                   lean dataset (core/model.h), read
                                   again in full when it cannot stay so;
                                   the first argument's decides */
} input_options;

/* A file or directory with the options to read it by (a spec gives each
   data entry its own). */
typedef struct {
    const char *path;
    const input_options *o;
    int expanded;               /* one of the files a spec's glob named:
                                   as in a folder, statbrief's own outputs
                                   are skipped, not refused */
} input_arg;

/* dir/name, one '/' between (as g_build_filename joins a folder and a
   relative name); NULL when out of memory. g_free it. */
char *input_path_join(const char *dir, const char *name);

/* Expands the arguments (a directory means its *.csv, sorted by name),
   loads every file and finishes the dataset. On success *out is the
   caller's (sb_dataset_destroy). Warnings go to diag; what the load
   chose to do (skip a file, read it again) to report->notes. Errors:
   SB_ENOINPUT (missing or unreadable file, directory without CSV, only
   statbrief's own outputs), SB_EDATA (also statbrief's own output named
   as input), SB_EUSAGE (a --columns header a file lacks), SB_ETEMPFAIL
   (a file changed while it was read, in the repeated load too),
   SB_ENOMEM, SB_EINTERNAL (a digest failed). report may be NULL; it is
   filled as far as loading got, even on error. */
sb_status input_load(const char *const *args, size_t n_args,
                     const input_options *o, sb_dataset **out,
                     input_report *report, sb_diag *diag, sb_error *err);

/* The same with options per argument; a directory's files take its. */
sb_status input_load_args(const input_arg *args, size_t n_args,
                          sb_dataset **out, input_report *report,
                          sb_diag *diag, sb_error *err);

#endif
