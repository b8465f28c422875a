/*
 * input/csvread.h -- stream the records of one CSV file through libcsv.
 *
 * Reads in fixed-size blocks (the file is never held in memory), checks
 * that the text is UTF-8 (a BOM is skipped) or converts it from GB18030
 * while streaming (asked for, or an NBS export detected by its first
 * line), detects the delimiter (',',
 * ';' or TAB) from the header line, and hands each record to a callback
 * with the physical line where it starts. RFC 4180 quoting, and a quote
 * inside an unquoted field read as a character (as Python's csv module
 * and pandas read it); CR, LF and CRLF line ends; blank lines are
 * skipped.
 *
 * Inputs live in folders that feeds rewrite: every read checks that it
 * read one file from start to end (the same size, modification time and
 * inode before and after, as many bytes as the file holds, the path
 * still naming it), and a load watches the reads of each file (its
 * header, then its rows) and hashes the bytes it parses (see
 * input_csv_watch).
 */
#ifndef INPUT_CSVREAD_H
#define INPUT_CSVREAD_H

#include <signal.h>
#include <stdio.h>

#include "core/model.h"
#include "core/sha256.h"

#define INPUT_CSV_MAX_FIELD (1u << 20)   /* longest field, bytes */
#define INPUT_CSV_MAX_FIELDS 100000u     /* fields in one record */

/* One record. Fields are NUL-terminated and valid only during the
   callback; libcsv has already dropped spaces around unquoted fields. */
typedef struct {
    size_t n;
    char **field;
    const size_t *len;
    long line;              /* physical line where the record starts */
    const void *prep;       /* the prep function's bytes for this record
                               (input_csv_read_prep), or NULL */
} input_row;

/* Returns 0 to go on, 1 to stop reading (not an error), -1 to stop with
   the error the callback put in err. */
typedef int (*input_row_fn)(void *ctx, const input_row *row, sb_error *err);

typedef enum {
    INPUT_ENC_AUTO = 0,     /* UTF-8; GB18030 if the first line is an NBS
                               export preamble in GB18030 */
    INPUT_ENC_UTF8,         /* UTF-8 only */
    INPUT_ENC_GB18030       /* GB18030 (a superset of GBK and GB2312) */
} input_encoding;

/* Parses an --encoding value ("utf-8", "gb18030", "gbk", "gb2312", any
   case). Returns -1 if unknown. */
int input_encoding_parse(const char *s, input_encoding *out);

typedef struct {
    char delim;             /* in: 0 = detect; out: the one used */
    input_encoding encoding;/* in: how to decode; out: UTF8 or GB18030 */
    int had_bom;            /* out */
    long records;           /* out: records handed to the callback */
} input_csv_info;

/* Reads path and calls fn for every record. Errors (with file, line and
   field or byte offset): SB_ENOINPUT when the file cannot be opened or
   read, SB_EDATA for invalid UTF-8, a NUL byte, UTF-16 text, a field
   longer than INPUT_CSV_MAX_FIELD, a record of more than
   INPUT_CSV_MAX_FIELDS fields, text after a field's closing quote or an
   unterminated quote; or the callback's. SB_ETEMPFAIL (naming the file, saying how)
   when the file changed while it was read, or since the watch's first
   read of it: that outcome replaces whatever error the read met, which
   came from bytes that were not one file. SB_EINTERNAL when a watched
   read's digest fails (SB_SHA256_FAILED). info may be NULL. */
sb_status input_csv_read(const char *path, input_csv_info *info,
                         input_row_fn fn, void *ctx, sb_error *err);

/* Work on one record that depends on nothing but its own fields, so
   that it may run on a worker thread before fn sees the record (fn
   always runs on the calling thread, in file order). It writes at most
   size bytes at out; fn finds them at row->prep. It reports nothing and
   touches no shared state: anything unusual is left for fn to do, and
   report, the ordinary way. Nor does it use row->line: on a worker that
   is the line within the worker's part of the file. */
typedef void (*input_prep_fn)(const void *pctx, const input_row *row,
                              void *out);
typedef struct {
    input_prep_fn fn;
    const void *ctx;
    size_t size;            /* bytes at out, at most INPUT_CSV_MAX_PREP */
} input_csv_prep;
#define INPUT_CSV_MAX_PREP 256

/* input_csv_read, with prep (NULL: none) applied to every record before
   fn sees it. A serial read calls prep just before fn; the results are
   the same wherever prep runs. */
sb_status input_csv_read_prep(const char *path, input_csv_info *info,
                              const input_csv_prep *prep,
                              input_row_fn fn, void *ctx, sb_error *err);

/* What identifies a file's content without reading it: a change of any
   of these means that two looks at the path did not see one file. (A
   rewrite that keeps the size and the modification time to the
   nanosecond is not seen.) */
typedef struct {
    unsigned long long dev, ino, size;
    long long mtime_s;
    long mtime_ns;
} input_file_id;

/* The reads of one file during a load (input/load.c: its header, maybe
   a scan for a decimal comma, its rows): each is checked against the
   file the first one opened, and with hash set the bytes of a read are
   hashed as they are read, so that the digest is of exactly what was
   parsed. The caller's; zero it, then set path (and again, hash). */
typedef struct {
    const char *path;           /* in: the reads of this path */
    int hash;                   /* in: hash what the next reads read */
    int again;                  /* in: the load was repeated after a
                                   change: a change now is final, and the
                                   message says to try again later */
    int known;                  /* id holds the file of the first read */
    input_file_id id;
    char sha256[SB_SHA256_HEX]; /* out: of the last hashed read that went
                                   to the end unchanged; else "" */
    unsigned long long bytes;   /* out: how many bytes that read read */
} input_csv_watch;

/* Watches the reads of w->path from now on; NULL ends it. One file at
   a time: the readers of data tables and metadata open their file by its
   path (input/data.h, input/meta.h), so the watch reaches them here
   rather than through each reader's options. w is borrowed until the
   watch ends. */
void input_csv_set_watch(input_csv_watch *w);

/* A flag a signal handler raises (SIGINT, SIGTERM): checked before each
   block, so that a long load stops within a block's time with
   SB_ECANCELED instead of running to its end. NULL: never stops. */
void input_csv_set_stop(const volatile sig_atomic_t *flag);

/* Opens path for reading when it is a regular file, never waiting on a
   FIFO. NULL with errno on failure; *not_regular is 1 when the path is
   there but a pipe, socket, device or folder. */
FILE *input_open_regular(const char *path, int *not_regular);

#endif
