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
#include "csvrow.h"

/* Parses an --encoding value ("utf-8", "gb18030", "gbk", "gb2312", any
   case). Returns -1 if unknown. */
int input_encoding_parse(const char *s, input_encoding *out);

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

/* input_csv_read, with prep (NULL: none; input/csvrow.h) applied to
   every record before fn sees it. A serial read calls prep just before fn; the results are
   the same wherever prep runs. */
sb_status input_csv_read_prep(const char *path, input_csv_info *info,
                              const input_csv_prep *prep,
                              input_row_fn fn, void *ctx, sb_error *err);

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
