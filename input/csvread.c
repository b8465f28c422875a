/*
 * input/csvread.c -- blocks from the file, lines to libcsv, records to the
 * caller.
 *
 * libcsv does not count lines, so the file is fed to it one physical line
 * at a time (a long line in block-sized pieces); between two pieces the
 * parser's public state tells whether a record is open, which gives the
 * line where each record starts even when quoted fields span lines.
 *
 * A GB18030 file is converted block by block with iconv before anything
 * else sees it, so the rest of the reader only ever handles UTF-8.
 *
 * Each block is hashed as it comes from the file when a watch asks for
 * it, and each read ends by checking that the file it read was one file
 * throughout (see "A file that changes while it is read" below).
 */
#include "csvread.h"
#include "csvread_int.h"
#include "csvpar.h"

#include "core/alloc.h"
#include "core/testhook.h"

#include <csv.h>
#include <errno.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <fcntl.h>
#include <stddef.h>
#include <stdarg.h>
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BLOCK INPUT_CSVR_BLOCK

typedef input_csvr reader;

/* fail: csvread_int.h's input_csvr_fail, the name every check here
   calls */
#define fail input_csvr_fail

static void on_field(void *data, size_t len, void *user)
{
    reader *r = user;
    size_t off = r->arena.len, n = r->n_fields;

    if (r->stop)
        return;
    /* Checked here, where the whole field is known, so that no field
       over the limit passes; feed() stops one that never ends. */
    if (len > INPUT_CSV_MAX_FIELD) {
        fail(r, SB_EDATA, r->rec_line, (long)n + 1,
             "field %zu is longer than %u bytes", n + 1,
             INPUT_CSV_MAX_FIELD);
        return;
    }
    if (n >= INPUT_CSV_MAX_FIELDS) {
        fail(r, SB_EDATA, r->rec_line, (long)n + 1,
             "record has more than %u fields", INPUT_CSV_MAX_FIELDS);
        return;
    }
    /* the field and its NUL */
    if (sb_text_add(&r->arena, data, len) != 0 ||
        sb_text_add(&r->arena, "", 1) != 0 ||
        sb_grow(&r->offs, &r->cap_offs, n + 1) != 0 ||
        sb_grow(&r->lens, &r->cap_lens, n + 1) != 0) {
        fail(r, SB_ENOMEM, r->rec_line, (long)n + 1, "out of memory");
        return;
    }
    r->offs[n] = off;
    r->lens[n] = len;
    r->n_fields++;
}

/* Hands one record to the caller. */
static void deliver(reader *r, size_t n, char **field, const size_t *len)
{
    input_row row;

    row.n = n;
    row.field = field;
    row.len = len;
    row.line = r->rec_line;
    row.prep = NULL;
    if (r->prep != NULL) {
        /* max_align_t: the prep's struct may hold doubles */
        union { max_align_t a; unsigned char b[INPUT_CSV_MAX_PREP]; } out;

        r->prep->fn(r->prep->ctx, &row, out.b);
        row.prep = out.b;
        input_csvr_hand(r, &row);
    } else {
        input_csvr_hand(r, &row);
    }
}

void input_csvr_hand(input_csvr *r, const input_row *row)
{
    int ret;

    r->records++;
    ret = r->fn(r->ctx, row, r->err);
    if (ret != 0) {
        r->stop = 1;
        r->rc = ret < 0 ? (r->err->code != SB_OK ? r->err->code
                                                 : SB_EINTERNAL)
                        : SB_OK;
    }
}

static void on_record(int term, void *user)
{
    reader *r = user;
    size_t i;

    (void)term;
    if (r->stop)
        return;
    /* one more than the fields, so that an empty record has an array */
    if (sb_grow(&r->ptrs, &r->cap_ptrs, r->n_fields + 1) != 0) {
        fail(r, SB_ENOMEM, r->rec_line, 0, "out of memory");
        return;
    }
    for (i = 0; i < r->n_fields; i++)
        r->ptrs[i] = r->arena.s + r->offs[i];
    deliver(r, r->n_fields, r->ptrs, r->lens);
    r->arena.len = 0;
    r->n_fields = 0;
}

/* Records the first error of this read and stops it; returns -1. */
int input_csvr_fail(input_csvr *r, sb_status code, long line, long col,
                    const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    r->rc = sb_error_setv(r->err, code, r->path, line, col, fmt, ap);
    va_end(ap);
    r->stop = 1;
    return -1;
}

/* Parses s[0..n) with libcsv; returns the bytes parsed (n unless it
   stopped). A quote inside an unquoted field (37°36'37.8"N, 5" screen)
   is a character of the field, as Python's csv module and pandas read
   it; strict libcsv stops there (the quote at the returned position, its
   state saved), so that one byte is parsed without CSV_STRICT. Strict
   stays for the rest: a field quoted whole and then followed by text
   ("A"B) is an error, since libcsv tolerant would reopen the field and
   swallow the records after it. A quote that opens a field quotes it. */
static size_t parse(reader *r, const char *s, size_t n)
{
    size_t done = 0;

    for (;;) {
        done += csv_parse(&r->p, s + done, n - done, on_field, on_record, r);
        if (done == n || r->stop || csv_error(&r->p) != CSV_EPARSE ||
            r->p.pstate != CSV_FIELD_BEGUN || r->p.quoted)
            return done;
        r->p.status = CSV_SUCCESS;
        r->p.options &= (unsigned char)~CSV_STRICT;
        done += csv_parse(&r->p, s + done, 1, on_field, on_record, r);
        r->p.options |= CSV_STRICT;
    }
}

/* The field where byte at of s lies, s being the rest of the line being
   read: libcsv is given the bytes before it (no line end among them, so
   no record ends) and counts the fields they close, quoted or not. */
static long field_at(reader *r, const char *s, size_t at)
{
    if (at > 0)
        parse(r, s, at);
    return (long)r->n_fields + 1;
}

/* Checks UTF-8 in s[0..n), the rest of the line being read (or a piece
   of it). *keep gets the length of an incomplete character at the end
   that may go on in the next block (only when partial_ok). Returns -1
   after setting the error, at the line and field of the bad byte. */
static int check_utf8(reader *r, const char *s, size_t n, int partial_ok,
                      size_t *keep)
{
    const gchar *end;
    size_t at, rest;
    unsigned char bad;
    unsigned long long offset;
    char where[64] = "";

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
    offset = r->offset + at;
    /* converted text has no offset in the file */
    if (r->cd == (GIConv)-1)
        snprintf(where, sizeof where, " at byte offset %llu", offset);
    if (bad == 0)
        return fail(r, SB_EDATA, r->line, field_at(r, s, at),
                    "NUL byte%s", where);
    return fail(r, SB_EDATA, r->line, field_at(r, s, at),
                "invalid UTF-8 (byte 0x%02x)%s%s", bad, where,
                bad >= 0x81 && bad <= 0xfe
                    ? " (for GBK or GB18030 text, give --encoding gb18030)"
                    : "");
}

/* Feeds s[0..n) to libcsv; counts a line when it ends with one. */
static int feed(reader *r, const char *s, size_t n, int ends_line)
{
    if (r->p.pstate == CSV_ROW_NOT_BEGUN)
        r->rec_line = r->line;
    if (parse(r, s, n) != n && !r->stop) {
        if (csv_error(&r->p) == CSV_EPARSE)
            return fail(r, SB_EDATA, r->line, (long)r->n_fields + 1,
                        "misplaced quote in field %zu: quote a field "
                        "whole (\"a \"\"b\"\" c\"), with nothing after "
                        "the closing quote", r->n_fields + 1);
        return fail(r, SB_ENOMEM, r->rec_line, 0,
                    "out of memory in the CSV parser (%s)",
                    csv_strerror(csv_error(&r->p)));
    }
    if (r->stop)
        return -1;
    if (r->p.entry_pos > INPUT_CSV_MAX_FIELD)
        return fail(r, SB_EDATA, r->rec_line, (long)r->n_fields + 1,
                    "field %zu is longer than %u bytes",
                    r->n_fields + 1, INPUT_CSV_MAX_FIELD);
    /* libcsv grows its field buffer by blk_size; growing it in step with
       the buffer keeps a long field linear instead of quadratic. */
    if (csv_get_buffer_size(&r->p) > r->p.blk_size)
        csv_set_blk_size(&r->p, csv_get_buffer_size(&r->p));
    r->offset += n;
    if (ends_line)
        r->line++;
    return 0;
}

/* libcsv drops spaces and tabs around an unquoted field, unless the tab
   is the delimiter. Most bytes fail the first test, the only one made
   for them. */
static inline int csv_space(char c, char delim)
{
    return (unsigned char)c <= ' ' && (c == ' ' || c == '\t') && c != delim;
}

/* push_field past its fast path: a field over the limits, or the field
   arrays full. Returns -1 past the limits or out of memory. */
static int __attribute__((noinline)) push_slow(reader *r, size_t from,
                                               size_t to, size_t n)
{
    if (n >= INPUT_CSV_MAX_FIELDS)
        return fail(r, SB_EDATA, r->line, (long)n + 1,
                    "record has more than %u fields", INPUT_CSV_MAX_FIELDS);
    if (to - from > INPUT_CSV_MAX_FIELD)
        return fail(r, SB_EDATA, r->line, (long)n + 1,
                    "field %zu is longer than %u bytes", n + 1,
                    INPUT_CSV_MAX_FIELD);
    if (n == r->fcap) {
        size_t cap = r->fcap ? 2 * r->fcap : 64;
        char **p = sb_renew(char *, r->fptr, cap);
        size_t *q;
        if (p == NULL)
            return fail(r, SB_ENOMEM, r->line, (long)n + 1, "out of memory");
        r->fptr = p;
        if ((q = sb_renew(size_t, r->flen, cap)) == NULL)
            return fail(r, SB_ENOMEM, r->line, (long)n + 1, "out of memory");
        r->flen = q;
        r->fcap = cap;
    }
    return 0;
}

/* Notes field [from, to) of the line being split, trimmed as libcsv
   would; its end is written (a NUL) only once the line is known to be
   split here. Returns -1 past the limits. Inline, with the rare cases
   apart: it runs for every field of every line. */
static inline int push_field(reader *r, char *s, size_t from, size_t to,
                             size_t n)
{
    char delim = (char)r->p.delim_char;

    while (from < to && csv_space(s[from], delim))
        from++;
    while (to > from && csv_space(s[to - 1], delim))
        to--;
    if ((n >= r->fcap || n >= INPUT_CSV_MAX_FIELDS ||
         to - from > INPUT_CSV_MAX_FIELD) &&
        push_slow(r, from, to, n) != 0)
        return -1;
    r->fptr[n] = s + from;
    r->flen[n] = to - from;
    return 0;
}

/* What split_line stops at, by byte. */
enum { CLS_PLAIN, CLS_DELIM, CLS_END, CLS_QUOTE, CLS_ODD };

/* The class of each byte for delim, so that the scan of a line is one
   table look-up a byte rather than five comparisons; the delimiter
   comes first, as in the comparisons it replaces. */
static void set_classes(reader *r, unsigned char delim)
{
    int c;

    for (c = 0; c < 256; c++)
        r->cls[c] = c >= 0x80 || c == 0 ? CLS_ODD : CLS_PLAIN;
    r->cls['\n'] = r->cls['\r'] = CLS_END;
    r->cls['"'] = CLS_QUOTE;
    r->cls[delim] = CLS_DELIM;
    r->cls_delim = delim;
}

/* Byte i of split_line's scan, of class k (not plain): returns 1 at the
   line's end, 0 to go on, -1 for a quote (the line is libcsv's), -2 past
   the limits. */
static inline int scan_byte(reader *r, char *s, size_t i, unsigned char k,
                            size_t *from, size_t *nf, int *odd)
{
    if (k == CLS_DELIM) {
        if (push_field(r, s, *from, i, (*nf)++) != 0)
            return -2;
        *from = i + 1;
        return 0;
    }
    if (k == CLS_END)
        return 1;
    if (k == CLS_QUOTE)
        return -1;
    if (k == CLS_ODD)
        *odd = 1;
    return 0;
}

#ifdef __SSE2__
/* split_line's scan 16 bytes at a time, for a delimiter below 0x80 and
   not NUL: one mask each of the delimiters, the line ends (CR, LF), the
   quotes and the odd bytes (NUL, 0x80 and up), the delimiter taking
   precedence as in set_classes. In each block only the bytes before
   the first line end count: a quote there leaves the line to libcsv,
   an odd byte asks for the UTF-8 check, each delimiter ends a field.
   Returns 1 with *at on the line end, 0 when the whole 16-byte blocks
   hold none (*at: where the byte-wise loop goes on), -1 for a quote,
   -2 past the limits. */
static int scan_blocks(reader *r, char *s, size_t n, size_t *at,
                       size_t *from, size_t *nf, int *odd)
{
    const __m128i vd = _mm_set1_epi8((char)r->p.delim_char);
    const __m128i vn = _mm_set1_epi8('\n'), vr = _mm_set1_epi8('\r');
    const __m128i vq = _mm_set1_epi8('"'), vz = _mm_setzero_si128();
    size_t i;

    for (i = 0; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned delim = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vd));
        unsigned ends = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(v, vn), _mm_cmpeq_epi8(v, vr)));
        unsigned quote = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vq));
        unsigned odds = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(v, vz), v));   /* NUL, high bit */
        unsigned before = 0xffffu;

        ends &= ~delim;
        quote &= ~delim;
        if (ends != 0)
            before = (1u << __builtin_ctz(ends)) - 1;
        if (quote & before)
            return -1;
        if (odds & before)
            *odd = 1;
        for (delim &= before; delim != 0; delim &= delim - 1) {
            size_t j = i + (size_t)__builtin_ctz(delim);
            if (push_field(r, s, *from, j, (*nf)++) != 0)
                return -2;
            *from = j + 1;
        }
        if (ends != 0) {
            *at = i + (size_t)__builtin_ctz(ends);
            return 1;
        }
    }
    *at = i;
    return 0;
}
#endif

/* Most lines of most files hold no quote: one pass splits such a line
   at its delimiters, exactly as libcsv would, and delivers it with the
   fields NUL-terminated in place. Returns the bytes of the line and its
   end, 0 to leave the line to libcsv (a quote, or no line end in
   s[0..n)), or -1. */
static long split_line(reader *r, char *s, size_t n, int eof, int *pending_cr)
{
    size_t i = 0, nf = 0, from = 0, end, keep;
    int odd = 0, got = 0;

    if (r->cls_delim != r->p.delim_char)
        set_classes(r, r->p.delim_char);
#ifdef __SSE2__
    if (r->p.delim_char != 0 && r->p.delim_char < 0x80 && !r->bytewise)
        got = scan_blocks(r, s, n, &i, &from, &nf, &odd);
#endif
    for (; got == 0 && i < n; i++) {
        unsigned char k = r->cls[(unsigned char)s[i]];
        if (k != CLS_PLAIN && (got = scan_byte(r, s, i, k, &from, &nf,
                                               &odd)) != 0)
            break;
    }
    if (got == -2)
        return -1;
    if (got == -1 || i >= n)
        return 0;
    end = i + 1;
    if (s[i] == '\r' && end < n && s[end] == '\n')
        end++;
    else if (s[i] == '\r' && end == n && !eof)
        *pending_cr = 1;
    if (push_field(r, s, from, i, nf++) != 0 ||
        (odd && check_utf8(r, s, i, 0, &keep) != 0))
        return -1;
    r->rec_line = r->line;
    r->line++;
    r->offset += end;
    if (nf == 1 && r->flen[0] == 0)
        return (long)end;               /* a blank line: no record */
    for (i = 0; i < nf; i++)
        r->fptr[i][r->flen[i]] = '\0';
    deliver(r, nf, r->fptr, r->flen);
    return r->stop ? -1 : (long)end;
}

/* Feeds the complete lines of buf[0..n) and as much of the rest as can
   be fed. Returns the number of bytes consumed, or -1. */
static long process(reader *r, char *buf, size_t n, int eof,
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
        char *s = buf + start;
        const char *lf;
        if (r->p.pstate == CSV_ROW_NOT_BEGUN) {
            long got = split_line(r, s, n - start, eof, pending_cr);
            if (got < 0)
                return -1;
            if (got > 0) {
                start += (size_t)got;
                continue;
            }
        }
        lf = memchr(s, '\n', n - start);
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

long input_csvr_process(input_csvr *r, char *buf, size_t n, int eof,
                        int *pending_cr)
{
    return process(r, buf, n, eof, pending_cr);
}

/* The delimiter of the header line: the most frequent of TAB, ';' and ','
   outside quotes (ties in that order). */
static char detect_delim(const char *s, size_t n)
{
    size_t i, tab = 0, semi = 0, comma = 0;
    int quoted = 0;
    const char *nl = memchr(s, '\n', n);
    size_t first = nl ? (size_t)(nl - s) : n;
    const char *bs = memchr(s, '\\', first), *t = memchr(s, '\t', first);

    /* Eurostat TSV, "unit,geo\time" TAB "2021": the first cell's commas
       are not delimiters */
    if (bs != NULL && t != NULL && bs < t)
        return '\t';
    for (i = 0; i < n; i++) {
        /* a quote opens a field only at its start (5" screen is text) */
        if (s[i] == '"' && (quoted || i == 0 || s[i - 1] == ',' ||
                            s[i - 1] == ';' || s[i - 1] == '\t'))
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

int input_encoding_parse(const char *s, input_encoding *out)
{
    static const struct {
        const char *name;
        input_encoding enc;
    } names[] = {
        {"utf-8", INPUT_ENC_UTF8}, {"utf8", INPUT_ENC_UTF8},
        {"gb18030", INPUT_ENC_GB18030}, {"gbk", INPUT_ENC_GB18030},
        {"gb2312", INPUT_ENC_GB18030}, {"cp936", INPUT_ENC_GB18030},
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(names); i++)
        if (g_ascii_strcasecmp(s, names[i].name) == 0) {
            *out = names[i].enc;
            return 0;
        }
    return -1;
}

/* The first words of an NBS data-portal export (数据库：, 指标：, 地区：,
   时间：), with a full-width or ASCII colon. */
static int nbs_preamble(const char *s)
{
    static const char *const words[] = {
        "\xe6\x95\xb0\xe6\x8d\xae\xe5\xba\x93", /* 数据库 */
        "\xe6\x8c\x87\xe6\xa0\x87",             /* 指标 */
        "\xe5\x9c\xb0\xe5\x8c\xba",             /* 地区 */
        "\xe6\x97\xb6\xe9\x97\xb4",             /* 时间 */
    };
    size_t i, n;

    for (i = 0; i < G_N_ELEMENTS(words); i++) {
        n = strlen(words[i]);
        if (strncmp(s, words[i], n) == 0 &&
            (s[n] == ':' || strncmp(s + n, "\xef\xbc\x9a", 3) == 0))
            return 1;
    }
    return 0;
}

/* Whether the first line of b[0..n), not UTF-8, reads as an NBS export
   preamble in GB18030 (DESIGN.md: the only case decoded unasked). */
static int looks_nbs_gb18030(const char *b, size_t n)
{
    const char *nl = memchr(b, '\n', n < 1024 ? n : 1024);
    size_t len = nl ? (size_t)(nl - b) : (n < 1024 ? n : 1024);
    gsize done = 0;
    gchar *u;
    int yes;

    if (g_utf8_validate_len(b, len, NULL))
        return 0;
    while (len > 0 && (b[len - 1] == '\r'))
        len--;
    u = g_convert(b, (gssize)len, "UTF-8", "GB18030", &done, NULL, NULL);
    if (u == NULL && done > 0)         /* a character cut at 1024 bytes */
        u = g_convert(b, (gssize)done, "UTF-8", "GB18030", NULL, NULL, NULL);
    yes = u != NULL && nbs_preamble(u);
    g_free(u);
    return yes;
}

/* Converts the undecoded bytes into out (room bytes at least 2 x BLOCK);
   an incomplete character at the end waits for the next block. A byte
   that is not GB18030 (or a character cut by the end of the file) is
   noted in r->bad_gb, and what came before it is still returned: once
   that text is read, the reader's line and field are the bad byte's
   (gb18030_error). Returns the bytes written. */
static long decode(reader *r, char *out, size_t room, int eof)
{
    gchar *in = r->raw, *o = out;
    gsize in_left = r->raw_have, out_left = room;
    size_t used;

    if (g_iconv(r->cd, &in, &in_left, &o, &out_left) == (gsize)-1 &&
        errno != EINVAL)
        r->bad_gb = 1 + (unsigned char)*in;
    else if (eof && in_left > 0)
        r->bad_gb = -1;
    used = (size_t)(in - r->raw);
    if (r->bad_gb != 0)
        r->bad_gb_offset = r->raw_offset + used;
    memmove(r->raw, in, in_left);
    r->raw_have = in_left;
    r->raw_offset += used;
    return (long)(o - out);
}

/* The error of a byte decode() found bad, at the line and field the
   text before it ended in. Returns -1. */
static int gb18030_error(reader *r)
{
    long col = (long)r->n_fields + 1;

    if (r->bad_gb < 0)
        return fail(r, SB_EDATA, r->line, col, "truncated GB18030 "
                    "character at byte offset %llu", r->bad_gb_offset);
    return fail(r, SB_EDATA, r->line, col, "invalid GB18030 (byte 0x%02x) "
                "at byte offset %llu", r->bad_gb - 1, r->bad_gb_offset);
}

/* Notes n bytes just read from the file (hashed when asked). */
static void took(reader *r, const char *b, size_t n)
{
    if (n == 0)
        return;
    if (r->hashing)
        sb_sha256_update(&r->sha, b, n);
    r->total += n;
    r->last = (unsigned char)b[n - 1];
}

void input_csvr_took(input_csvr *r, const char *b, size_t n)
{
    took(r, b, n);
}

/* Reads the next block into buf + have: as is, or decoded. Returns the
   bytes added, or -1. */
static long fill(reader *r, FILE *fp, char *buf, size_t have, int *eof)
{
    char *to = r->cd == (GIConv)-1 ? buf + have : r->raw + r->raw_have;
    size_t want = BLOCK - (r->cd == (GIConv)-1 ? have : r->raw_have);
    size_t got = fread(to, 1, want, fp);

    took(r, to, got);
    if (got < want) {
        if (ferror(fp))
            return fail(r, SB_ENOINPUT, 0, 0, "read error: %s",
                        g_strerror(errno));
        *eof = 1;
    }
    if (r->cd == (GIConv)-1)
        return (long)got;
    r->raw_have += got;
    return decode(r, buf + have, 3 * BLOCK - have, *eof);
}

/* Switches to GB18030 when asked, or when the first line says so. The
   first block is in buf[0..*have): it becomes the first undecoded one. */
static int choose_encoding(reader *r, input_csv_info *info, char *buf,
                           size_t *have, int eof)
{
    if (info->encoding == INPUT_ENC_UTF8 ||
        (info->encoding == INPUT_ENC_AUTO &&
         !looks_nbs_gb18030(buf, *have))) {
        info->encoding = INPUT_ENC_UTF8;
        return 0;
    }
    info->encoding = INPUT_ENC_GB18030;
    r->cd = g_iconv_open("UTF-8", "GB18030");
    if (r->cd == (GIConv)-1)
        return fail(r, SB_EINTERNAL, 0, 0, "iconv cannot convert GB18030: "
                    "%s", g_strerror(errno));
    if ((r->raw = sb_malloc(BLOCK)) == NULL)
        return fail(r, SB_ENOMEM, 0, 0, "out of memory");
    memcpy(r->raw, buf, *have);
    r->raw_have = *have;
    *have = (size_t)decode(r, buf, 3 * BLOCK, eof);
    return 0;
}

static const volatile sig_atomic_t *stop_flag;

void input_csv_set_stop(const volatile sig_atomic_t *flag)
{
    stop_flag = flag;
}

const volatile sig_atomic_t *input_csvr_stop_flag(void)
{
    return stop_flag;
}

long input_csvr_plain_start(input_csvr *r, input_csv_info *info,
                            const char *b, size_t n)
{
    const unsigned char *u = (const unsigned char *)b;
    long skip = 0;

    if (n > BLOCK)                     /* what the first block holds */
        n = BLOCK;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        skip = 3;
    else if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
                        (u[0] == 0xFE && u[1] == 0xFF)))
        return -1;                     /* UTF-16: the serial read says so */
    else if (info->encoding == INPUT_ENC_GB18030 ||
             (info->encoding == INPUT_ENC_AUTO && looks_nbs_gb18030(b, n)))
        return -1;
    info->encoding = INPUT_ENC_UTF8;
    info->had_bom = skip == 3;
    if (info->delim == 0)
        info->delim = detect_delim(b + skip, n - (size_t)skip);
    csv_set_delim(&r->p, (unsigned char)info->delim);
    return skip;
}

/* Feeds the blocks of fp to the reader, after the have bytes already in
   buf (3 x BLOCK: the start of a line, and a CR whose LF may come
   next when pending_cr); first: the file's first block is still to
   come, with its BOM, encoding and delimiter (into info). */
static void blocks(reader *r, FILE *fp, input_csv_info *info, char *buf,
                   size_t have, int first, int pending_cr)
{
    int eof = 0;

    while (!eof && !r->stop) {
        long got, used;
        size_t skip = 0;
        sb_test_point("csv_block");
        if (stop_flag != NULL && *stop_flag) {
            fail(r, SB_ECANCELED, r->rec_line, 0, "stopped by a signal "
                 "while reading");
            break;
        }
        got = fill(r, fp, buf, have, &eof);
        if (got < 0)
            break;
        have += (size_t)got;
        if (first) {
            long s = start_of_text(r, (unsigned char *)buf, have);
            if (s < 0 ||
                (s == 0 && choose_encoding(r, info, buf, &have, eof) != 0))
                break;
            skip = (size_t)s;
            info->had_bom = s == 3;
            if (s == 3)                /* a UTF-8 BOM says what it is */
                info->encoding = INPUT_ENC_UTF8;
            if (info->delim == 0)
                info->delim = detect_delim(buf + skip, have - skip);
            csv_set_delim(&r->p, (unsigned char)info->delim);
            r->offset = skip;
            first = 0;
        }
        used = process(r, buf + skip, have - skip, eof, &pending_cr);
        if (used < 0 || (r->bad_gb != 0 && gb18030_error(r) != 0))
            break;
        have -= skip + (size_t)used;
        memmove(buf, buf + skip + used, have);
    }
    r->eof = eof;
}

static sb_status read_all(reader *r, FILE *fp, input_csv_info *info)
{
    /* room for a decoded block (at most 1.5 x) and a left-over line end */
    char *buf = sb_malloc(3 * BLOCK);

    if (buf == NULL) {
        fail(r, SB_ENOMEM, 0, 0, "out of memory");
        return r->rc;
    }
    blocks(r, fp, info, buf, 0, 1, 0);
    g_free(buf);
    return r->rc;
}

void input_csvr_go_on(input_csvr *r, FILE *fp, char *text, size_t n)
{
    int pending_cr = 0;
    long used = process(r, text, n, 0, &pending_cr);
    char *buf;

    if (used < 0)
        return;
    /* what is left is a character cut by the end of text: 3 bytes */
    if ((buf = sb_malloc(3 * BLOCK)) == NULL) {
        fail(r, SB_ENOMEM, r->rec_line, 0, "out of memory");
        return;
    }
    memcpy(buf, text + used, n - (size_t)used);
    blocks(r, fp, NULL, buf, n - (size_t)used, 0, pending_cr);
    g_free(buf);
    input_csvr_end(r);
}

/* input_open_regular, with the descriptor's stat in *st. */
static FILE *open_regular(const char *path, int *not_regular, struct stat *st)
{
    /* O_NONBLOCK so that a FIFO is looked at, not waited on; it means
       nothing for the regular file that is then read */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC), e;
    FILE *fp = NULL;

    *not_regular = 0;
    if (fd < 0)
        return NULL;
    if (fstat(fd, st) == 0) {
        *not_regular = !S_ISREG(st->st_mode);
        if (!*not_regular)
            fp = fdopen(fd, "rb");
    }
    if (fp == NULL) {
        e = errno;
        close(fd);
        errno = e;
    }
    return fp;
}

FILE *input_open_regular(const char *path, int *not_regular)
{
    struct stat st;

    return open_regular(path, not_regular, &st);
}

/* An input must be a regular file: each is read more than once (its
   header, its rows), which a pipe cannot give. */
static sb_status open_input(const char *path, FILE **out, struct stat *st,
                            sb_error *err)
{
    int not_regular;

    if ((*out = open_regular(path, &not_regular, st)) != NULL)
        return SB_OK;
    if (not_regular)
        return sb_error_set(err, SB_ENOINPUT, path, 0, 0, "not a regular "
                            "file (a pipe, socket or device): each input is "
                            "read more than once; save it to a file first");
    return sb_error_set(err, errno == ENOMEM ? SB_ENOMEM : SB_ENOINPUT, path,
                        0, 0, "cannot open: %s", g_strerror(errno));
}

/* ---- A file that changes while it is read ------------------------------
   Feeds rewrite the folders statbrief reads. A read that saw parts of two
   versions of a file would pass off their mixture as data (a brief "as
   of 2007" from a file that ends in 2022, a region cut in two), so each
   read compares the file it opened with the file at its end, and a
   watched read with the file its load first read. Which read to repeat
   is the loader's choice (input/load.c): here a change is only reported,
   as SB_ETEMPFAIL. */

static input_csv_watch *watch;

void input_csv_set_watch(input_csv_watch *w)
{
    watch = w;
}

static void id_of(const struct stat *st, input_file_id *id)
{
    id->dev = (unsigned long long)st->st_dev;
    id->ino = (unsigned long long)st->st_ino;
    id->size = (unsigned long long)st->st_size;
    id->mtime_s = (long long)st->st_mtim.tv_sec;
    id->mtime_ns = st->st_mtim.tv_nsec;
}

static int id_same(const input_file_id *a, const input_file_id *b)
{
    return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
           a->mtime_s == b->mtime_s && a->mtime_ns == b->mtime_ns;
}

/* How the file went from a to b, to follow "it" in a message. */
static void id_change(const input_file_id *a, const input_file_id *b,
                      char *how, size_t size)
{
    if (a->dev != b->dev || a->ino != b->ino)
        snprintf(how, size, "was replaced by another file");
    else if (b->size != a->size)
        snprintf(how, size, "%s from %llu to %llu bytes",
                 b->size > a->size ? "grew" : "shrank", a->size, b->size);
    else
        snprintf(how, size, "was rewritten in place (the same size, a new "
                 "modification time)");
}

/* Whether the file read changed since the read opened it as `at`: the
   descriptor's file rewritten in place, holding more or fewer bytes than
   the read found at its end (a write within one tick of the clock), or
   the path replaced or removed. 1 with how, else 0. */
static int changed_since(const reader *r, int fd, const input_file_id *at,
                         char *how, size_t size)
{
    struct stat st;
    input_file_id now, read;

    if (fstat(fd, &st) != 0)
        return 0;                  /* cannot tell: the outcome stands */
    id_of(&st, &now);
    read = *at;
    if (r->eof)
        read.size = r->total;      /* all there was: that many bytes */
    if (!id_same(&read, &now)) {
        id_change(&read, &now, how, size);
        /* a feed still writing: its last line is not a line yet */
        if (r->eof && now.size > r->total && r->last != '\n' &&
            r->last != '\r' && r->last >= 0)
            g_strlcat(how, ", and the last line read had no line end: it "
                      "was still being written", size);
        return 1;
    }
    if (stat(r->path, &st) != 0) {
        if (errno != ENOENT && errno != ENOTDIR)
            return 0;
        snprintf(how, size, "was removed");
        return 1;
    }
    if ((unsigned long long)st.st_dev == now.dev &&
        (unsigned long long)st.st_ino == now.ino)
        return 0;
    snprintf(how, size, "was replaced by another file");
    return 1;
}

/* The read did not see one file: its outcome, an error or not, gives
   way to SB_ETEMPFAIL (a stop by a signal stays what it is). */
static void fail_changed(reader *r, const char *how)
{
    if (r->rc == SB_ECANCELED)
        return;
    if (r->err != NULL && r->err_before == SB_OK)
        memset(r->err, 0, sizeof *r->err);   /* from a mixture of files */
    r->stop = 1;
    r->rc = sb_error_set(r->err, SB_ETEMPFAIL, r->path, 0, 0,
                         r->watch != NULL && r->watch->again
                             ? "changed while it was read, in a load "
                               "repeated because an input had changed: "
                               "it %s; try again once it is complete"
                             : "changed while it was read: it %s", how);
}

/* A watched read opens the file its load's first read opened, else
   fails at once; the first one takes the file's identity. */
static int same_as_watched(reader *r, const input_file_id *opened)
{
    input_csv_watch *w = r->watch;
    char how[200], after[240];

    if (w == NULL || !w->known) {
        if (w != NULL) {
            w->id = *opened;
            w->known = 1;
        }
        return 1;
    }
    if (id_same(&w->id, opened))
        return 1;
    id_change(&w->id, opened, how, sizeof how);
    snprintf(after, sizeof after, "%s after its first lines were read", how);
    fail_changed(r, after);
    return 0;
}

/* The end of a read: the change checks, and a watched read's digest
   when it read the whole file unchanged. */
static void finish_read(reader *r, int fd, const input_file_id *opened)
{
    char how[320], hex[SB_SHA256_HEX];
    sb_status rc;

    if (r->rc != SB_ECANCELED && r->rc != SB_ETEMPFAIL &&
        changed_since(r, fd, opened, how, sizeof how))
        fail_changed(r, how);
    if (!r->hashing)
        return;
    rc = sb_sha256_final(&r->sha, hex);
    r->hashing = 0;
    if (r->rc != SB_OK || !r->eof)
        return;
    if (rc != SB_OK) {
        /* not the file's fault: no path */
        r->rc = sb_error_set(r->err, rc, NULL, 0, 0, SB_SHA256_FAILED);
        return;
    }
    memcpy(r->watch->sha256, hex, sizeof hex);
    r->watch->bytes = r->total;
}

void input_csvr_init(input_csvr *r, const char *path, input_row_fn fn,
                     void *ctx, sb_error *err)
{
    memset(r, 0, sizeof *r);
    r->path = path;
    r->fn = fn;
    r->ctx = ctx;
    r->err = err;
    r->err_before = err != NULL ? err->code : SB_OK;
    r->line = 1;
    r->rec_line = 1;
    r->last = -1;
    /* Strict: text after a closing quote is an error; tolerated, libcsv
       reopens the field and silently swallows the records that follow.
       A quote inside an unquoted field is read as a character (parse). */
    csv_init(&r->p, CSV_STRICT | CSV_APPEND_NULL);
    csv_set_blk_size(&r->p, 4096);
    r->cd = (GIConv)-1;
    r->cls_delim = -1;
#ifdef SB_TEST_HOOKS
    /* tests/scan.sh: the 16-byte scan against the byte-wise loop */
    r->bytewise = getenv("SB_TEST_CSV_BYTEWISE") != NULL;
#endif
}

/* The load's watch, when it is on this path: hashing when it asks. */
static void watch_read(reader *r)
{
    if (watch != NULL && strcmp(watch->path, r->path) == 0)
        r->watch = watch;
    if (r->watch != NULL && r->watch->hash) {
        r->watch->sha256[0] = '\0';
        r->watch->bytes = 0;
        sb_sha256_init(&r->sha);
        r->hashing = 1;
    }
}

void input_csvr_clear(input_csvr *r)
{
    csv_free(&r->p);
    g_free(r->ptrs);
    g_free(r->lens);
    g_free(r->offs);
    g_free(r->arena.s);
    g_free(r->fptr);
    g_free(r->flen);
    if (r->cd != (GIConv)-1)
        g_iconv_close(r->cd);
    g_free(r->raw);
}

void input_csvr_end(input_csvr *r)
{
    /* An open quoted field at the end: libcsv's CSV_STRICT_FINI would
       say so too, but without the position. */
    if (!r->stop && r->p.pstate == CSV_FIELD_BEGUN && r->p.quoted)
        fail(r, SB_EDATA, r->rec_line, (long)r->n_fields + 1,
             "unterminated quoted field (field %zu)", r->n_fields + 1);
    if (!r->stop)
        csv_fini(&r->p, on_field, on_record, r);
}

sb_status input_csv_read(const char *path, input_csv_info *info,
                         input_row_fn fn, void *ctx, sb_error *err)
{
    return input_csv_read_prep(path, info, NULL, fn, ctx, err);
}

sb_status input_csv_read_prep(const char *path, input_csv_info *info,
                              const input_csv_prep *prep,
                              input_row_fn fn, void *ctx, sb_error *err)
{
    input_csv_info local = {0};
    input_file_id opened;
    struct stat st;
    reader r;
    FILE *fp;
    sb_status rc;

    if (info == NULL)
        info = &local;
    info->had_bom = 0;
    info->records = 0;
    rc = open_input(path, &fp, &st, err);
    if (rc != SB_OK)
        return rc;
    id_of(&st, &opened);
    input_csvr_init(&r, path, fn, ctx, err);
    watch_read(&r);
    r.prep = prep != NULL && prep->size <= INPUT_CSV_MAX_PREP ? prep : NULL;
    if (same_as_watched(&r, &opened) &&
        input_csvpar_read(&r, fp, info, opened.size) != 0) {
        read_all(&r, fp, info);
        input_csvr_end(&r);
    }
    info->records = r.records;
    sb_test_point("csv_eof");
    finish_read(&r, fileno(fp), &opened);
    input_csvr_clear(&r);
    fclose(fp);
    return r.rc;
}
