/*
 * input/csvrow.h -- what a CSV read hands its caller and is told: one
 * record, the callbacks (the record's fn, the prep), what the read says
 * of the file, and the watch on a file's reads. Apart from
 * input/csvread.h (which includes it) so that the reader's internals
 * (csvread_int.h, csvpar.h) use these without including the reader.
 */
#ifndef INPUT_CSVROW_H
#define INPUT_CSVROW_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/sha256.h"
#include "core/status.h"

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

typedef struct {
    char delim;             /* in: 0 = detect; out: the one used */
    input_encoding encoding;/* in: how to decode; out: UTF8 or GB18030 */
    int had_bom;            /* out */
    long records;           /* out: records handed to the callback */
} input_csv_info;

/* Work on one record that depends on nothing but its own fields, so
   that it may run on a worker thread before fn sees the record (fn
   always runs on the calling thread, in file order). It writes at most
   size bytes at out; fn finds them at row->prep. It reports nothing and
   touches no shared state: anything unusual is left for fn to do, and
   report, the ordinary way. Nor does it use row->line: on a worker that
   is the line within the worker's part of the file. */
typedef void (*input_prep_fn)(const void *pctx, const input_row *row,
                              void *out);
/* Whether the len bytes at a and b are the same: in words of eight or
   four bytes, the last word overlapping the one before (a call to
   memcmp cost more than the compare of a short name, every row). */
static inline int input_same_bytes(const char *a, const char *b, size_t len)
{
    uint64_t x, y;
    uint32_t u, v;

    if (len < 4) {
        for (; len > 0; len--)
            if (*a++ != *b++)
                return 0;
        return 1;
    }
    if (len < 8) {
        memcpy(&u, a, 4);
        memcpy(&v, b, 4);
        if (u != v)
            return 0;
        memcpy(&u, a + len - 4, 4);
        memcpy(&v, b + len - 4, 4);
        return u == v;
    }
    for (; len > 8; len -= 8, a += 8, b += 8) {
        memcpy(&x, a, 8);
        memcpy(&y, b, 8);
        if (x != y)
            return 0;
    }
    memcpy(&x, a + len - 8, 8);     /* the last 8 bytes, 1 <= len <= 8 */
    memcpy(&y, b + len - 8, 8);
    return x == y;
}

typedef struct input_csv_runs input_csv_runs;
typedef struct {
    input_prep_fn fn;
    const void *ctx;
    size_t size;            /* bytes at out, at most INPUT_CSV_MAX_PREP */
    const input_csv_runs *runs;     /* or NULL */
} input_csv_prep;
#define INPUT_CSV_MAX_PREP 256

/* A run (the parallel read's, input/csvpar.c): the records after a
   record (its lead) that repeat the lead's key fields, have its width
   and whose prep the value function takes, handed to the calling
   thread as one array of values instead of one record each. This is
   what a sorted long table is mostly made of: the rows of one series.
   The serial read makes no runs; the values are those the row path
   would keep for the same records. */
typedef struct {
    const input_row *lead;  /* the record before the run, just handed */
    long rows;              /* records in the run */
    long line;              /* physical line of its first */
    const void *values;     /* n values, size bytes each: valid during
                               the take */
    size_t n;
    long skipped;           /* records whose value fn kept none */
    int year_min, year_max; /* of the n values; 0 when n is 0 */
} input_run;

struct input_csv_runs {
    size_t key[2];          /* the fields a run repeats, byte for byte */
    size_t width;           /* the fields of a run's records */
    size_t size;            /* bytes of one value */
    /* On a worker: 1 when the record whose prep this is may join a run,
       its value (size bytes) written at out and its year at *year; 0
       when it may join but keeps no value; -1 when the row path must see
       it. Touches nothing but out and year. */
    int (*value)(const void *ctx, const void *prep, void *out, int *year);
    const void *ctx;        /* value's */
    /* On the calling thread, with the read's fn context, after the
       run's lead was handed: 0 when it took the run, 1 when the row
       path must see its records one by one (they are read again, and
       the parts begun after that make no runs), -1 with err set. */
    int (*take)(void *user, const input_run *run, sb_error *err);
};

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

#endif
