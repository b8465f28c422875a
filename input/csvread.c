/*
 * input/csvread.c -- blocks from the file, lines to libcsv, records to the
 * caller.
 *
 * libcsv does not count lines, so the file is fed to it one physical line
 * at a time (a long line in block-sized pieces); between two pieces the
 * parser's public state tells whether a record is open, which gives the
 * line where each record starts even when quoted fields span lines.
 */
#include "csvread.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

#define BLOCK (64 * 1024)
/* libcsv's pstate values (libcsv.c); the struct is public, these are not. */
#define CSV_ROW_NOT_BEGUN 0     /* between records */
#define CSV_FIELD_BEGUN 2       /* inside a field */

typedef struct {
    struct csv_parser p;
    const char *path;
    input_row_fn fn;
    void *ctx;
    sb_error *err;
    sb_status rc;
    int stop;

    GByteArray *arena;          /* the current record's field bytes */
    GArray *offs;               /* size_t offset of each field */
    GArray *lens;               /* size_t length of each field */
    GPtrArray *ptrs;            /* char* of each field, built per record */

    long line;                  /* line of the next byte to feed */
    long rec_line;              /* line where the open record started */
    long records;
    unsigned long long offset;  /* file offset of the next byte to feed */
} reader;

static int fail(reader *r, sb_status code, long line, long col,
                const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void on_field(void *data, size_t len, void *user)
{
    reader *r = user;
    size_t off = r->arena->len;

    if (r->stop)
        return;
    /* Checked here, where the whole field is known, so that no field
       over the limit passes; feed() stops one that never ends. */
    if (len > INPUT_CSV_MAX_FIELD) {
        fail(r, SB_EDATA, r->rec_line, (long)r->offs->len + 1,
             "field %zu is longer than %u bytes", (size_t)r->offs->len + 1,
             INPUT_CSV_MAX_FIELD);
        return;
    }
    if (r->offs->len >= INPUT_CSV_MAX_FIELDS) {
        fail(r, SB_EDATA, r->rec_line, 0,
             "record has more than %u fields", INPUT_CSV_MAX_FIELDS);
        return;
    }
    g_byte_array_append(r->arena, data, (guint)len);
    g_byte_array_append(r->arena, (const guint8 *)"", 1);
    g_array_append_val(r->offs, off);
    g_array_append_val(r->lens, len);
}

static void on_record(int term, void *user)
{
    reader *r = user;
    input_row row;
    size_t i;
    int ret;

    (void)term;
    if (r->stop)
        return;
    g_ptr_array_set_size(r->ptrs, 0);
    for (i = 0; i < r->offs->len; i++)
        g_ptr_array_add(r->ptrs, r->arena->data +
                                     g_array_index(r->offs, size_t, i));
    row.n = r->offs->len;
    row.field = (char **)r->ptrs->pdata;
    row.len = (const size_t *)(void *)r->lens->data;
    row.line = r->rec_line;
    r->records++;
    ret = r->fn(r->ctx, &row, r->err);
    if (ret != 0) {
        r->stop = 1;
        r->rc = ret < 0 ? (r->err->code != SB_OK ? r->err->code
                                                 : SB_EINTERNAL)
                        : SB_OK;
    }
    g_byte_array_set_size(r->arena, 0);
    g_array_set_size(r->offs, 0);
    g_array_set_size(r->lens, 0);
}

/* Records the first error of this read and stops it; returns -1. */
static int fail(reader *r, sb_status code, long line, long col,
                const char *fmt, ...)
{
    char msg[400];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    r->rc = sb_error_set(r->err, code, r->path, line, col, "%s", msg);
    r->stop = 1;
    return -1;
}

/* Checks UTF-8 in s[0..n). *keep gets the length of an incomplete
   character at the end that may go on in the next block (only when
   partial_ok). Returns -1 after setting the error. */
static int check_utf8(reader *r, const char *s, size_t n, int partial_ok,
                      size_t *keep)
{
    const gchar *end;
    size_t at, rest;
    unsigned char bad;

    *keep = 0;
    if (g_utf8_validate_len(s, n, &end))
        return 0;
    at = (size_t)(end - s);
    rest = n - at;
    if (partial_ok && rest < 4 &&
        g_utf8_get_char_validated(end, (gssize)rest) == (gunichar)-2) {
        *keep = rest;
        return 0;
    }
    bad = (unsigned char)*end;
    if (bad == 0)
        return fail(r, SB_EDATA, r->line, 0, "NUL byte at byte offset %llu",
                    r->offset + at);
    return fail(r, SB_EDATA, r->line, 0,
                "invalid UTF-8 (byte 0x%02x) at byte offset %llu", bad,
                r->offset + at);
}

/* Feeds s[0..n) to libcsv; counts a line when it ends with one. */
static int feed(reader *r, const char *s, size_t n, int ends_line)
{
    if (r->p.pstate == CSV_ROW_NOT_BEGUN)
        r->rec_line = r->line;
    if (csv_parse(&r->p, s, n, on_field, on_record, r) != n && !r->stop) {
        if (csv_error(&r->p) == CSV_EPARSE)
            return fail(r, SB_EDATA, r->line, (long)r->offs->len + 1,
                        "misplaced quote in field %zu: quote a field "
                        "whole (\"a \"\"b\"\" c\"), with nothing after "
                        "the closing quote", (size_t)r->offs->len + 1);
        return fail(r, SB_ENOMEM, r->rec_line, 0,
                    "out of memory in the CSV parser (%s)",
                    csv_strerror(csv_error(&r->p)));
    }
    if (r->stop)
        return -1;
    if (r->p.entry_pos > INPUT_CSV_MAX_FIELD)
        return fail(r, SB_EDATA, r->rec_line, (long)r->offs->len + 1,
                    "field %zu is longer than %u bytes",
                    (size_t)r->offs->len + 1, INPUT_CSV_MAX_FIELD);
    /* libcsv grows its field buffer by blk_size; growing it in step with
       the buffer keeps a long field linear instead of quadratic. */
    if (csv_get_buffer_size(&r->p) > r->p.blk_size)
        csv_set_blk_size(&r->p, csv_get_buffer_size(&r->p));
    r->offset += n;
    if (ends_line)
        r->line++;
    return 0;
}

/* Feeds the complete lines of buf[0..n) and as much of the rest as can
   be fed. Returns the number of bytes consumed, or -1. */
static long process(reader *r, const char *buf, size_t n, int eof,
                    int *pending_cr)
{
    size_t start = 0, keep;

    if (*pending_cr && n > 0 && buf[0] == '\n') {
        if (feed(r, buf, 1, 0) != 0)    /* the LF of a CRLF cut in two */
            return -1;
        start = 1;
    }
    *pending_cr = 0;
    while (start < n) {
        const char *s = buf + start;
        const char *lf = memchr(s, '\n', n - start);
        const char *cr = memchr(s, '\r', (lf ? (size_t)(lf - s) : n - start));
        size_t end;
        if (cr != NULL) {
            end = (size_t)(cr - buf) + 1;
            if (end < n && buf[end] == '\n')
                end++;
            else if (end == n && !eof)
                *pending_cr = 1;
        } else if (lf != NULL) {
            end = (size_t)(lf - buf) + 1;
        } else {
            break;
        }
        if (check_utf8(r, s, end - start, 0, &keep) != 0 ||
            feed(r, s, end - start, 1) != 0)
            return -1;
        start = end;
    }
    if (start < n) {
        if (check_utf8(r, buf + start, n - start, !eof, &keep) != 0 ||
            feed(r, buf + start, n - start - keep, 0) != 0)
            return -1;
        start = n - keep;
    }
    return (long)start;
}

/* The delimiter of the header line: the most frequent of TAB, ';' and ','
   outside quotes (ties in that order). */
static char detect_delim(const char *s, size_t n)
{
    size_t i, tab = 0, semi = 0, comma = 0;
    int quoted = 0;

    for (i = 0; i < n; i++) {
        if (s[i] == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (s[i] == '\n' || s[i] == '\r')
            break;
        else if (s[i] == '\t')
            tab++;
        else if (s[i] == ';')
            semi++;
        else if (s[i] == ',')
            comma++;
    }
    if (tab > 0 && tab >= semi && tab >= comma)
        return '\t';
    if (semi > 0 && semi >= comma)
        return ';';
    return ',';
}

/* Handles a BOM at the start. Returns bytes to skip, or -1. */
static long start_of_text(reader *r, const unsigned char *b, size_t n)
{
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        return 3;
    if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) ||
                   (b[0] == 0xFE && b[1] == 0xFF)))
        return fail(r, SB_EDATA, 1, 0,
                    "UTF-16 text: save the file as UTF-8");
    return 0;
}

static sb_status read_all(reader *r, FILE *fp, input_csv_info *info)
{
    char *buf = g_malloc(BLOCK);
    size_t have = 0;
    int first = 1, pending_cr = 0, eof = 0;

    while (!eof && !r->stop) {
        size_t got = fread(buf + have, 1, BLOCK - have, fp);
        long used;
        size_t skip = 0;
        if (got < BLOCK - have) {
            if (ferror(fp)) {
                fail(r, SB_ENOINPUT, 0, 0, "read error: %s",
                     g_strerror(errno));
                break;
            }
            eof = 1;
        }
        have += got;
        if (first) {
            long s = start_of_text(r, (unsigned char *)buf, have);
            if (s < 0)
                break;
            skip = (size_t)s;
            info->had_bom = s == 3;
            if (info->delim == 0)
                info->delim = detect_delim(buf + skip, have - skip);
            csv_set_delim(&r->p, (unsigned char)info->delim);
            r->offset = skip;
            first = 0;
        }
        used = process(r, buf + skip, have - skip, eof, &pending_cr);
        if (used < 0)
            break;
        have -= skip + (size_t)used;
        memmove(buf, buf + skip + used, have);
    }
    g_free(buf);
    return r->rc;
}

sb_status input_csv_read(const char *path, input_csv_info *info,
                         input_row_fn fn, void *ctx, sb_error *err)
{
    input_csv_info local = {0};
    reader r;
    FILE *fp;

    if (info == NULL)
        info = &local;
    info->had_bom = 0;
    info->records = 0;
    fp = fopen(path, "rb");
    if (fp == NULL)
        return sb_error_set(err, SB_ENOINPUT, path, 0, 0, "cannot open: %s",
                            g_strerror(errno));
    memset(&r, 0, sizeof r);
    r.path = path;
    r.fn = fn;
    r.ctx = ctx;
    r.err = err;
    r.line = 1;
    r.rec_line = 1;
    /* Strict: a quote inside an unquoted field or text after a closing
       quote is an error; tolerated, libcsv reopens the field and
       silently swallows the records that follow. */
    csv_init(&r.p, CSV_STRICT | CSV_APPEND_NULL);
    csv_set_blk_size(&r.p, 4096);
    r.arena = g_byte_array_new();
    r.offs = g_array_new(FALSE, FALSE, sizeof(size_t));
    r.lens = g_array_new(FALSE, FALSE, sizeof(size_t));
    r.ptrs = g_ptr_array_new();

    read_all(&r, fp, info);
    /* An open quoted field at the end: libcsv's CSV_STRICT_FINI would
       say so too, but without the position. */
    if (!r.stop && r.p.pstate == CSV_FIELD_BEGUN && r.p.quoted)
        fail(&r, SB_EDATA, r.rec_line, (long)r.offs->len + 1,
             "unterminated quoted field (field %zu)",
             (size_t)r.offs->len + 1);
    if (!r.stop)
        csv_fini(&r.p, on_field, on_record, &r);
    info->records = r.records;

    csv_free(&r.p);
    g_ptr_array_free(r.ptrs, TRUE);
    g_array_free(r.lens, TRUE);
    g_array_free(r.offs, TRUE);
    g_byte_array_free(r.arena, TRUE);
    fclose(fp);
    return r.rc;
}
