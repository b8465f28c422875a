/*
 * input/csvread_int.h -- internal to input/csvread.c and input/csvpar.c:
 * the reader's state, and the steps of a read that the parallel read
 * (csvpar.c) runs on its parts, so that a part is tokenized by the very
 * code a serial read runs. It includes csvrow.h, not csvread.h, so that
 * the two modules do not include each other.
 */
#ifndef INPUT_CSVREAD_INT_H
#define INPUT_CSVREAD_INT_H

#include <csv.h>
#include <glib.h>
#include <signal.h>
#include <stdio.h>

#include "core/alloc.h"
#include "core/sha256.h"
#include "csvrow.h"

#define INPUT_CSVR_BLOCK (64 * 1024)  /* a serial read's block */
/* libcsv's pstate values (libcsv.c); the struct is public, these are not. */
#define CSV_ROW_NOT_BEGUN 0     /* between records */
#define CSV_FIELD_BEGUN 2       /* inside a field */

typedef struct input_csvr {
    struct csv_parser p;
    const char *path;
    input_row_fn fn;
    void *ctx;
    const input_csv_prep *prep; /* or NULL */
    sb_error *err;
    sb_status rc;
    int stop;

    /* the current record from libcsv: its fields' bytes, each ended by
       a NUL, with the offset and length of each field */
    sb_text arena;
    size_t *offs, *lens, n_fields, cap_offs, cap_lens;
    char **ptrs;                /* each field's start, built per record */
    size_t cap_ptrs;

    long line;                  /* line of the next byte to feed */
    long rec_line;              /* line where the open record started */
    long records;
    unsigned long long offset;  /* file offset of the next byte to feed */

    char **fptr;                /* fields of a line split without libcsv */
    size_t *flen;
    size_t fcap;
    unsigned char cls[256];     /* split_line's class of each byte (CLS_*) */
    int cls_delim;              /* the delimiter cls is for; -1 before */
    int bytewise;               /* split_line without its 16-byte scan
                                   (SB_TEST_CSV_BYTEWISE, test builds) */

    GIConv cd;                  /* GB18030 -> UTF-8, or (GIConv)-1 */
    char *raw;                  /* undecoded bytes (GB18030 only) */
    size_t raw_have;
    unsigned long long raw_offset;  /* file offset of raw[0] */
    int bad_gb;                 /* 1 + a byte that is not GB18030, -1 for
                                   a character cut at the end, or 0 */
    unsigned long long bad_gb_offset;   /* its file offset */

    /* the file's bytes as they came, before any decoding */
    int eof;                    /* the read reached the file's end */
    unsigned long long total;   /* bytes read */
    int last;                   /* the last byte read; -1 before any */
    int hashing;                /* sha takes them (a watch asked) */
    sb_sha256 sha;
    input_csv_watch *watch;     /* the load's watch on this file, or NULL */
    sb_status err_before;       /* err's code when the read began */
} input_csvr;

/* A reader of path with fn, its own errors in err: no watch, no hash
   (input_csv_read_prep adds those to the reader of a whole file). */
void input_csvr_init(input_csvr *r, const char *path, input_row_fn fn,
                     void *ctx, sb_error *err);
void input_csvr_clear(input_csvr *r);

/* Records the first error of this read and stops it; returns -1. */
int input_csvr_fail(input_csvr *r, sb_status code, long line, long col,
                    const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Feeds the complete lines of buf[0..n) (eof: and the rest); returns the
   bytes consumed, or -1. */
long input_csvr_process(input_csvr *r, char *buf, size_t n, int eof,
                        int *pending_cr);

/* Goes on serially from text[0..n) (the start of a line, at r's line
   and offset) to the end of fp, and ends the text: what the parallel
   read does with a record longer than its parts may grow. */
void input_csvr_go_on(input_csvr *r, FILE *fp, char *text, size_t n);

/* The end of the text: an open quoted field is an error, else libcsv
   hands over the last record (one without a line end). */
void input_csvr_end(input_csvr *r);

/* Hands row to the reader's fn (counted), and stops the read as fn
   asks. */
void input_csvr_hand(input_csvr *r, const input_row *row);

/* Notes n bytes just read from the file (hashed when a watch asks). */
void input_csvr_took(input_csvr *r, const char *b, size_t n);

/* Whether the text starting with b[0..n) (the file's first block, as a
   serial read would see it) is UTF-8 read as is: no UTF-16, no GB18030
   asked or detected. Then fills info (encoding, BOM, delimiter; sets
   r's delimiter) and returns the bytes of the BOM to skip; else -1 and
   nothing is changed. */
long input_csvr_plain_start(input_csvr *r, input_csv_info *info,
                            const char *b, size_t n);

/* The stop flag input_csv_set_stop was given, or NULL. */
const volatile sig_atomic_t *input_csvr_stop_flag(void);

#endif
