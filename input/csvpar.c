/*
 * input/csvpar.c -- a large plain CSV file read on several threads, its
 * records handed to fn exactly as a serial read hands them.
 *
 * The calling thread reads the file in parts (hashing and counting the
 * bytes in file order, as a serial read does) and cuts each at the last
 * line end provably outside quotes (input/csvsplit.h): every part then
 * starts where the serial reader is between records with nothing
 * pending, so a fresh reader tokenizes it just as the serial one would
 * go on. Workers do that, each on its own copy of the part's bytes
 * (read again from the file: see read_text), with csvread.c's own code
 * (its UTF-8, NUL, field and record checks, its byte offsets: a part's
 * reader starts at the part's file offset) and keep each record, with
 * its prep, in the part's row buffer. The calling thread replays the
 * parts in file order: each record to fn with its line plus the lines
 * of the parts before, then the part's first error, its line moved the
 * same way. An error stops the read there, as it would serially; what
 * later parts found is never seen. A cut can only be wrong past text the
 * rules reject, and that error comes first.
 *
 * Runs (input/csvrow.h): where the prep has them, a worker passes the
 * records after a lead that repeat its key fields (a sorted long
 * table's series) as one entry holding their values, and the calling
 * thread hands that to the runs' take in one call, instead of a record
 * each time: on issue 24's 2-core machine that took the calling
 * thread's share of check on the 1.08 GB file from about 2.0 s to about
 * 0.5 s, so a worker runs on every thread. When the take declines
 * (its row path must see the records: the lead was the header, say),
 * the calling thread reads the rest of the part again from the file,
 * from the lead's end, as it reads a part inline, and the parts the
 * workers begin after that make no runs: where declining is the rule,
 * the read is then as it was without runs, not twice as long.
 *
 * A bounded ring of parts is in flight, so memory stays a few parts
 * (about 4 x chunk each, with their records) whatever the file's size.
 *
 * Handing a part's records to another core is not free where the
 * cores share no cache (issue 24's second machine: two vCPUs of an
 * EPYC): every cache line one core writes and the other then touches
 * costs a trip between them. So a worker reads its part's bytes itself
 * (read_text) and writes the records' entries past its cache (put_word),
 * and what crosses is the entries, read once. Even so, in some spells
 * two threads read slower than one; so the calling thread also reads
 * parts itself ("inline": its own reader on the part, the serial read's
 * very steps), as input/csvchoose.h says, timing the two ways on the
 * file as it goes. The records and errors are the same either way (a
 * part starts between records, read by the same code); only the speed
 * differs.
 */
#include "csvpar.h"

#include "core/threads.h"

#include "csvchoose.h"
#include "csvsplit.h"
#include "core/testhook.h"

#include <errno.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_THREADS 64
/* Parts in flight per worker, plus one: one being parsed, one parsed and
   waiting for the replay. A third per worker did not read faster on 2
   cores (interleaved runs on the 1.08 GB file) and held 3.6 MiB more at
   the load's peak, which is memory issue 24 counts. */
#define SLOTS_PER_WORKER 2

enum { FREE, QUEUED, BUSY, DONE };

/* What a row buffer's entry holds (row_head.kind). */
enum { IN_TEXT, COPIED, RUN };

/* One record in a part's row buffer: this head, the prep's bytes
   (rounded up to 16), n pairs of offset and length, then the fields'
   bytes when they were copied (a quoted record, which libcsv unescaped
   into its own buffer); else the offsets are into the part's text,
   where the fields end in a NUL. Or a run (input/csvrow.h): the head
   and a run_body. Heads are 16-byte aligned, so that the prep is as
   aligned as a serial read's. */
typedef struct {
    uint32_t line;          /* within the part, from 1 */
    uint32_t n;
    uint32_t size;          /* bytes of the whole entry */
    uint32_t kind;          /* IN_TEXT, COPIED or RUN */
} row_head;

/* A run after the entry before (its lead), as a worker gathered it; its
   n values follow. */
typedef struct {
    uint64_t n, rows, skipped;
    int32_t year_min, year_max;
    uint32_t from, from_line;   /* where the lead ended in the part (its
                                   byte, its line): the run's records are
                                   read again from there when the
                                   calling thread does not take it */
} run_body;

typedef struct {
    char *buf;                      /* the part's text; one spare byte: a
                                       worker's own copy, read by it */
    size_t cap, len;
    unsigned long long offset;      /* file offset of buf[0] */
    int last;                       /* ends the file */
    int state;                      /* FREE .. DONE, under the lock */
    unsigned char *rows;            /* row_head entries */
    size_t rows_len, rows_cap;
    long lines;                     /* line ends in the part */
    sb_error err;                   /* its first error */
    sb_status rc;
    int window_end;                 /* ends the chooser's timed window */
} part;

typedef struct {
    const char *path;
    const input_csv_prep *prep;
    size_t prep_room;               /* prep size rounded up to 16 */
    unsigned char delim;
    int fd;                         /* the file, for the workers' reads */
    part *slots;
    size_t n_slots, next_take;      /* workers take parts in order */
    int runs_off;                   /* a take declined a run: the parts
                                       not yet begun make none (atomic) */
    int quit;
    GMutex lock;
    GCond queued, done;
} pipeline;

static input_csvpar_config config;
static int configured;

void input_csvpar_configure(const input_csvpar_config *c)
{
    configured = c != NULL;
    if (c != NULL)
        config = *c;
}

/* The defaults (input_csvpar_configure(NULL)): core/threads.h's count,
   by default at most 4 reader threads. */
static input_csvpar_config defaults(void)
{
    /* 512 KiB parts: a part in flight is its text and about 2.7 x that
       in records (80-byte entries for 30-byte rows); at 1 MiB the 3
       slots of 2 threads held 10 MB more at the load's peak, and read
       no faster on issue 24's 2-core machine (interleaved runs) */
    input_csvpar_config c = {0, 1u << 19, 8ull << 20, NULL};
#ifdef SB_TEST_HOOKS
    const char *e;
    char *end;
    long v;
#endif

    c.threads = sb_threads(4, MAX_THREADS);
#ifdef SB_TEST_HOOKS
    e = getenv("SB_TEST_CSV_CHUNK");
    if (e != NULL && *e != '\0' && (v = strtol(e, &end, 10)) > 0 &&
        *end == '\0') {
        c.chunk = (size_t)v;
        c.min_size = 0;
    }
    e = getenv("SB_TEST_CSV_MODES");
    if (e != NULL && *e != '\0' && strspn(e, "pi") == strlen(e))
        c.modes = e;
#endif
    return c;
}

/* ---- the workers' side ---------------------------------------------- */

typedef struct {
    part *p;
    const pipeline *q;
    const input_csvr *r;            /* the part's reader */
    const input_csv_runs *runs;     /* or NULL: no runs */
    /* the run being gathered: after a lead (key set), its values in
       vals */
    const char *key[2];
    size_t key_len[2];
    run_body run;
    long run_line;
    unsigned char *vals;
    size_t vals_cap;
} keeper;

/* Stores word v at dst, past the cache: a non-temporal store where the
   CPU has one (SSE2's movnti). The row buffer is written by a worker
   and read back by the calling thread, and the same slot's buffer is
   written again a few parts later: with ordinary stores each of its
   cache lines was still in the other core's cache, and had to be
   fetched from there before it could be written (on issue 24's 2-vCPU
   machine, check with every part handed out took 3.4-4.3 s; with these
   stores 2.1 s, against the floor's 2.0). The worker fences them
   before it says the part is done (worker). */
static void put_word(uint32_t *dst, uint32_t v)
{
#if defined(__SSE2__)
    _mm_stream_si32((int *)(void *)dst, (int)v);
#else
    *dst = v;
#endif
}

/* The stores of put_word made visible to the other threads before what
   follows. */
static void put_fence(void)
{
#if defined(__SSE2__)
    _mm_sfence();
#endif
}

/* The entry of a record whose fields are in the part's text, written
   whole by put_word at dst (need bytes): head, prep, pairs, then zeros
   to the end, so that every line is written whole and the stores
   combine. The prep is read in 4-byte words: wider loads would each
   span several of the prep function's stores just made, which the CPU
   cannot forward. A prep is made of 4- and 8-byte fields
   (input/csvrow.h); a size not a multiple of 4 ends in bytes. */
static void put_entry(uint32_t *dst, size_t need, const keeper *k,
                      const input_row *row)
{
    const unsigned char *prep = row->prep;
    size_t psize = k->q->prep != NULL ? k->q->prep->size : 0;
    size_t w = 0, i;
    uint32_t v;

    put_word(dst + w++, (uint32_t)row->line);
    put_word(dst + w++, (uint32_t)row->n);
    put_word(dst + w++, (uint32_t)need);
    put_word(dst + w++, IN_TEXT);
    for (i = 0; i < k->q->prep_room; i += 4) {
        v = 0;
        if (i + 4 <= psize)
            memcpy(&v, prep + i, 4);
        else if (i < psize)
            memcpy(&v, prep + i, psize - i);
        put_word(dst + w++, v);
    }
    for (i = 0; i < row->n; i++) {
        put_word(dst + w++, (uint32_t)(row->field[i] - k->p->buf));
        put_word(dst + w++, (uint32_t)row->len[i]);
    }
    while (w < need / 4)
        put_word(dst + w++, 0);
}

/* Ends the run being gathered: its entry, values included, after its
   lead's. 0, or -1 with err set. */
static int end_run(keeper *k, sb_error *err)
{
    part *p = k->p;
    size_t size = k->runs->size, n = (size_t)k->run.n;
    size_t need = (sizeof(row_head) + sizeof(run_body) + n * size + 15) &
                  ~(size_t)15;
    row_head *h;

    if (k->run.rows == 0)
        return 0;
    if (sb_grow(&p->rows, &p->rows_cap, p->rows_len + need) != 0) {
        sb_error_set(err, SB_ENOMEM, k->q->path, k->run_line, 0,
                     "out of memory");
        memset(&k->run, 0, sizeof k->run);
        return -1;
    }
    h = (row_head *)(void *)(p->rows + p->rows_len);
    h->line = (uint32_t)k->run_line;
    h->n = 0;
    h->size = (uint32_t)need;
    h->kind = RUN;
    memcpy(h + 1, &k->run, sizeof k->run);
    memcpy((run_body *)(void *)(h + 1) + 1, k->vals, n * size);
    p->rows_len += need;
    memset(&k->run, 0, sizeof k->run);
    return 0;
}

/* Whether field i of the run's keys is in row as in its lead. */
static int same_key(const keeper *k, const input_row *row, int i)
{
    size_t c = k->runs->key[i];

    return row->len[c] == k->key_len[i] &&
           input_same_bytes(row->field[c], k->key[i], k->key_len[i]);
}

/* Row into the run being gathered: 1 when it joined it; else the run
   so far is ended, row may lead the next, and 0 (-1 with err set). A
   lead is a record of the runs' width in the part's text (its keys
   stay there); so is every record of a run, and its value is the value
   function's. */
static int gather(keeper *k, const input_row *row, int copied,
                  sb_error *err)
{
    const input_csv_runs *ru = k->runs;
    size_t i, at = (size_t)k->run.n * ru->size;
    int year, v;

    if (k->key[0] != NULL && !copied && row->n == ru->width &&
        same_key(k, row, 0) && same_key(k, row, 1)) {
        if (at + ru->size > k->vals_cap &&
            sb_grow(&k->vals, &k->vals_cap, at + ru->size) != 0) {
            sb_error_set(err, SB_ENOMEM, k->q->path, row->line, 0,
                         "out of memory");
            return -1;
        }
        if ((v = ru->value(ru->ctx, row->prep, k->vals + at, &year)) >= 0) {
            if (k->run.rows++ == 0)
                k->run_line = row->line;
            if (v == 0) {
                k->run.skipped++;
            } else {
                if (k->run.n++ == 0)
                    k->run.year_min = k->run.year_max = year;
                else if (year < k->run.year_min)
                    k->run.year_min = year;
                else if (year > k->run.year_max)
                    k->run.year_max = year;
            }
            return 1;
        }
    }
    if (end_run(k, err) != 0)
        return -1;
    k->key[0] = NULL;
    if (copied || row->n != ru->width)
        return 0;
    for (i = 0; i < 2; i++) {
        k->key[i] = row->field[ru->key[i]];
        k->key_len[i] = row->len[ru->key[i]];
    }
    /* the reader has passed the lead's line end (split_line) */
    k->run.from = (uint32_t)(k->r->offset - k->p->offset);
    k->run.from_line = (uint32_t)k->r->line;
    return 0;
}

/* fn of a part's reader: the record, its prep and where its fields are,
   kept for the replay; or the record joins a run. */
static int keep_row(void *ctx, const input_row *row, sb_error *err)
{
    keeper *k = ctx;
    part *p = k->p;
    size_t i, at, need, text = 0, room = k->q->prep_room;
    uintptr_t f0 = row->n > 0 ? (uintptr_t)row->field[0] : 0;
    int copied = row->n > 0 && (f0 < (uintptr_t)p->buf ||
                                f0 >= (uintptr_t)(p->buf + p->len));
    row_head *h;
    uint32_t *pairs;
    int got;

    if (k->runs != NULL && (got = gather(k, row, copied, err)) != 0)
        return got > 0 ? 0 : -1;
    if (copied)
        for (i = 0; i < row->n; i++)
            text += row->len[i] + 1;
    need = (sizeof *h + room + 8 * row->n + text + 15) & ~(size_t)15;
    if (sb_grow(&p->rows, &p->rows_cap, p->rows_len + need) != 0) {
        sb_error_set(err, SB_ENOMEM, k->q->path, row->line, 0,
                     "out of memory");
        return -1;
    }
    if (!copied) {
        put_entry((uint32_t *)(void *)(p->rows + p->rows_len), need, k, row);
        p->rows_len += need;
        return 0;
    }
    /* a quoted record, rare: its fields' bytes follow, stored plainly */
    h = (row_head *)(void *)(p->rows + p->rows_len);
    h->line = (uint32_t)row->line;
    h->n = (uint32_t)row->n;
    h->size = (uint32_t)need;
    h->kind = COPIED;
    if (room > 0)
        memcpy(h + 1, row->prep, k->q->prep->size);
    pairs = (uint32_t *)(void *)((unsigned char *)(h + 1) + room);
    for (i = 0, at = 0; i < row->n; i++) {
        memcpy((char *)(pairs + 2 * row->n) + at, row->field[i],
               row->len[i] + 1);
        pairs[2 * i] = (uint32_t)at;
        pairs[2 * i + 1] = (uint32_t)row->len[i];
        at += row->len[i] + 1;
    }
    p->rows_len += need;
    return 0;
}

/* Reads part p through r, which is at the part's start line: its
   records to r's fn, then the end of the text when p is the file's last
   part, else the check that p ended between records. A worker's reader
   and the calling thread's (read_inline) both read a part so. */
static void read_part(input_csvr *r, const part *p)
{
    int pending_cr = 0;
    long used;

    r->offset = p->offset;
    used = input_csvr_process(r, p->buf, p->len, p->last, &pending_cr);
    if (p->last)
        input_csvr_end(r);
    else if (!r->stop && ((size_t)used != p->len ||
                          r->p.pstate != CSV_ROW_NOT_BEGUN))
        input_csvr_fail(r, SB_EINTERNAL, r->line, 0, "the parallel read "
                        "cut a record (part at byte offset %llu)",
                        p->offset);
}

/* Reads len bytes of the file at offset into buf: SB_OK, or the
   error set in err. */
static sb_status read_at(const pipeline *q, char *buf, size_t len,
                         unsigned long long offset, sb_error *err)
{
    size_t done = 0;
    ssize_t got;

    while (done < len) {
        got = pread(q->fd, buf + done, len - done, (off_t)(offset + done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return sb_error_set(err, SB_ENOINPUT, q->path, 0, 0,
                                "read error: %s", got < 0 ? g_strerror(errno)
                                : "the file got shorter while it was read");
        done += (size_t)got;
    }
    return SB_OK;
}

/* Reads p's text, p->len bytes at p->offset, into p->buf: the bytes the
   calling thread read to find the part's end, read again here so that
   the worker's core writes them. Parsed from the calling thread's copy,
   each cache line of the text came from the other core: on issue 24's
   machine, check with every part handed out took 2.45-2.60 s that way
   and 1.95-1.97 s with this read (a fast spell, interleaved runs). The
   file is a regular one, read where the calling thread read it: were
   it rewritten in between, the read's end sees the change
   (input/csvread.c), and that outcome replaces any other. 0, or -1
   with p's error set. */
static int read_text(const pipeline *q, part *p)
{
    if (sb_grow(&p->buf, &p->cap, p->len + 1) != 0) {
        sb_error_set(&p->err, SB_ENOMEM, q->path, 0, 0, "out of memory");
        p->rc = SB_ENOMEM;
        return -1;
    }
    if ((p->rc = read_at(q, p->buf, p->len, p->offset, &p->err)) != SB_OK)
        return -1;
    return 0;
}

/* Tokenizes part p as the serial reader would go on at its start. */
static void tokenize(const pipeline *q, part *p, keeper *k)
{
    input_csvr r;
    sb_error err;

    memset(&p->err, 0, sizeof p->err);
    p->rows_len = 0;
    p->lines = 0;
    if (read_text(q, p) != 0)
        return;
    input_csvr_init(&r, q->path, keep_row, k, &p->err);
    r.prep = q->prep;
    csv_set_delim(&r.p, q->delim);
    k->p = p;
    k->r = &r;
    k->key[0] = NULL;
    k->runs = q->prep != NULL &&
                      !__atomic_load_n(&q->runs_off, __ATOMIC_RELAXED)
                  ? q->prep->runs : NULL;
    read_part(&r, p);
    p->lines = r.line - 1;
    p->rc = r.rc;
    /* the run before the part's end, or before its first error */
    memset(&err, 0, sizeof err);
    if (k->runs != NULL && end_run(k, &err) != 0 && p->rc == SB_OK) {
        p->err = err;
        p->rc = err.code;
    }
    input_csvr_clear(&r);
}

static gpointer worker(gpointer data)
{
    pipeline *q = data;
    keeper k;
    part *p;

    memset(&k, 0, sizeof k);
    k.q = q;
    g_mutex_lock(&q->lock);
    for (;;) {
        while (!q->quit && q->slots[q->next_take].state != QUEUED)
            g_cond_wait(&q->queued, &q->lock);
        if (q->quit)
            break;
        p = &q->slots[q->next_take];
        q->next_take = (q->next_take + 1) % q->n_slots;
        p->state = BUSY;
        g_mutex_unlock(&q->lock);
        tokenize(q, p, &k);
        put_fence();
        g_mutex_lock(&q->lock);
        p->state = DONE;
        g_cond_broadcast(&q->done);
    }
    g_mutex_unlock(&q->lock);
    g_free(k.vals);
    return NULL;
}

/* ---- the calling thread's side --------------------------------------- */

typedef struct {
    input_csvr *r;
    FILE *fp;
    size_t chunk;                   /* the next part's size: from a
                                       serial block up to the setting's,
                                       so that a read stopped after its
                                       first records (the header's peek)
                                       reads little more than serially */
    size_t max_chunk;
    unsigned long long offset;      /* file offset of the next part */
    size_t skip;                    /* a BOM still to drop */
    int eof;
    char *carry;                    /* read past the last part's end */
    size_t carry_len, carry_cap;
    part stage;                     /* the part just read, in the calling
                                       thread's own buffer: its end is
                                       found there, and a part read
                                       inline is read there */
    part *serial;                   /* the stage when no record ends in
                                       it: it and the rest are read
                                       serially */
    sb_status pending;              /* a read's failure, once the parts
                                       before it are replayed */
    char pending_msg[200];
} filler;

/* Reads want more bytes into p; 0, or -1 with f->pending set. */
static int read_more(filler *f, part *p, size_t want)
{
    input_csvr *r = f->r;
    const volatile sig_atomic_t *stop = input_csvr_stop_flag();
    size_t got;

    sb_test_point("csv_block");
    if (stop != NULL && *stop) {
        f->pending = SB_ECANCELED;
        snprintf(f->pending_msg, sizeof f->pending_msg,
                 "stopped by a signal while reading");
        return -1;
    }
    if (sb_grow(&p->buf, &p->cap, p->len + want + 1) != 0) {
        f->pending = SB_ENOMEM;
        snprintf(f->pending_msg, sizeof f->pending_msg, "out of memory");
        return -1;
    }
    got = fread(p->buf + p->len, 1, want, f->fp);
    input_csvr_took(r, p->buf + p->len, got);
    p->len += got;
    if (got < want) {
        if (ferror(f->fp)) {
            f->pending = SB_ENOINPUT;
            snprintf(f->pending_msg, sizeof f->pending_msg,
                     "read error: %s", g_strerror(errno));
            return -1;
        }
        f->eof = 1;
    }
    if (f->skip > 0 && p->len >= f->skip) {     /* the BOM: not text */
        memmove(p->buf, p->buf + f->skip, p->len - f->skip);
        p->len -= f->skip;
        f->offset += f->skip;
        f->skip = 0;
    }
    return 0;
}

/* Fills p with the next part: the bytes left over, then a chunk, and
   another when no record ends in it. 0; 1 when none ends in a chunk and
   a block (a record that long, an unterminated quote, a field or a row
   past the limits: the rest is read serially, which reads and holds
   little more than a serial read would); -1 (f->pending). */
static int fill(filler *f, const pipeline *q, part *p)
{
    size_t cut;

    p->len = 0;
    p->last = 0;
    p->offset = f->offset;
    if (f->carry_len > 0) {
        if (sb_grow(&p->buf, &p->cap, f->carry_len + f->chunk + 1) != 0) {
            f->pending = SB_ENOMEM;
            snprintf(f->pending_msg, sizeof f->pending_msg,
                     "out of memory");
            return -1;
        }
        memcpy(p->buf, f->carry, f->carry_len);
        p->len = f->carry_len;
        f->carry_len = 0;
    }
    for (;;) {
        if (p->len >= f->chunk + INPUT_CSVR_BLOCK)
            return 1;
        if (read_more(f, p, f->chunk) != 0)
            return -1;
        p->offset = f->offset;
        if (f->eof) {
            p->last = 1;
            f->offset += p->len;
            return 0;
        }
        cut = input_split_last(p->buf, p->len, (char)q->delim);
        if (cut > 0)
            break;
    }
    if (sb_grow(&f->carry, &f->carry_cap, p->len - cut + 1) != 0) {
        f->pending = SB_ENOMEM;
        snprintf(f->pending_msg, sizeof f->pending_msg, "out of memory");
        return -1;
    }
    if (f->chunk < f->max_chunk)
        f->chunk = 2 * f->chunk < f->max_chunk ? 2 * f->chunk : f->max_chunk;
    memcpy(f->carry, p->buf + cut, p->len - cut);
    f->carry_len = p->len - cut;
    p->len = cut;
    f->offset += cut;
    return 0;
}

/* Hands the run of entry h, after its lead, to the runs' take: 0 when
   it took the run or failed (the read stops), 1 when its records are to
   be read again. */
static int take_run(input_csvr *r, pipeline *q, const row_head *h,
                    const input_row *lead, long base)
{
    const run_body *b = (const run_body *)(const void *)(h + 1);
    input_run run;
    int ret;

    run.lead = lead;
    run.rows = (long)b->rows;
    run.line = base + (long)h->line;
    run.values = b + 1;
    run.n = (size_t)b->n;
    run.skipped = (long)b->skipped;
    run.year_min = b->year_min;
    run.year_max = b->year_max;
    ret = q->prep->runs->take(r->ctx, &run, r->err);
    if (ret > 0) {
        /* Declined, its records are read again here. Where that is
           the rule (a table whose empty header's column never gets a
           value: row_fast never runs), every part would be read twice;
           so the workers make no more runs (a few parts in flight still
           have them), and the read goes on as without runs. */
        __atomic_store_n(&q->runs_off, 1, __ATOMIC_RELAXED);
        return 1;
    }
    if (ret == 0) {
        r->records += run.rows;
        return 0;
    }
    r->stop = 1;
    r->rc = r->err->code != SB_OK ? r->err->code : SB_EINTERNAL;
    return 0;
}

/* The records of p after a run's lead, read again from the file by the
   calling thread as read_inline reads a part: the run it did not take,
   and the rest of the part, go to fn one by one. *base counts on; 0 to
   go on. */
static int reread(input_csvr *r, const pipeline *q, part *p,
                  const run_body *b, long *base)
{
    part rest;
    sb_status rc;

    memset(&rest, 0, sizeof rest);
    rest.buf = p->buf + b->from;
    rest.len = p->len - b->from;
    rest.offset = p->offset + b->from;
    rest.last = p->last;
    r->line = *base + (long)b->from_line;
    r->rec_line = r->line;
    if ((rc = read_at(q, rest.buf, rest.len, rest.offset, &rest.err))
        != SB_OK)
        return input_csvr_fail(r, rc, 0, 0, "%s", rest.err.msg);
    read_part(r, &rest);
    if (r->stop || p->last)
        return -1;
    *base = r->line - 1;
    return 0;
}

/* Hands p's records to fn, lines counted on from *base, then its error.
   Returns 0 to go on. */
static int replay(input_csvr *r, pipeline *q, part *p,
                  long *base, char ***fields, size_t **lens, size_t *cap)
{
    size_t at = 0, i;
    input_row row;

    memset(&row, 0, sizeof row);
    while (at < p->rows_len && !r->stop) {
        const row_head *h = (const row_head *)(const void *)(p->rows + at);
        const uint32_t *pairs;
        char *text;

        if (h->kind == RUN) {
            if (row.field == NULL)      /* a worker always writes a lead */
                return input_csvr_fail(r, SB_EINTERNAL, *base + h->line, 0,
                                       "a run without its lead");
            if (take_run(r, q, h, &row, *base) == 0) {
                at += h->size;
                continue;
            }
            return reread(r, q, p, (const run_body *)(const void *)(h + 1),
                          base);
        }
        pairs = (const uint32_t *)(const void *)
            ((const unsigned char *)(h + 1) + q->prep_room);
        text = h->kind == COPIED ? (char *)(pairs + 2 * h->n) : p->buf;

        if (h->n + 1 > *cap) {
            size_t c = 2 * (h->n + 1);
            char **f2 = sb_renew(char *, *fields, c);
            size_t *l2;
            if (f2 == NULL)
                return input_csvr_fail(r, SB_ENOMEM, *base + h->line, 0,
                                       "out of memory");
            *fields = f2;
            if ((l2 = sb_renew(size_t, *lens, c)) == NULL)
                return input_csvr_fail(r, SB_ENOMEM, *base + h->line, 0,
                                       "out of memory");
            *lens = l2;
            *cap = c;
        }
        for (i = 0; i < h->n; i++) {
            (*fields)[i] = text + pairs[2 * i];
            (*lens)[i] = pairs[2 * i + 1];
        }
        row.n = h->n;
        row.field = *fields;
        row.len = *lens;
        row.line = *base + (long)h->line;
        row.prep = q->prep != NULL ? (const void *)(h + 1) : NULL;
        input_csvr_hand(r, &row);
        at += h->size;
    }
    if (r->stop)
        return -1;
    if (p->rc != SB_OK) {
        if (r->err != NULL && r->err->code == SB_OK) {
            *r->err = p->err;
            if (r->err->line > 0)
                r->err->line += *base;
        }
        r->rc = p->rc;
        r->stop = 1;
        return -1;
    }
    *base += p->lines;
    return 0;
}

/* Starts up to n workers; returns how many started. */
static int start(pipeline *q, GThread **th, int n)
{
    int i;

    for (i = 0; i < n; i++)
        if ((th[i] = g_thread_try_new("csvpar", worker, q, NULL)) == NULL)
            break;
    return i;
}

static void stop_all(pipeline *q, GThread **th, int n)
{
    int i;

    g_mutex_lock(&q->lock);
    q->quit = 1;
    g_cond_broadcast(&q->queued);
    g_mutex_unlock(&q->lock);
    for (i = 0; i < n; i++)
        g_thread_join(th[i]);
}

/* ---- the calling thread's loop ----------------------------------------- */

/* Reads p on the calling thread, with r itself, as the serial read
   would go on at its start; *base counts on. 0 to go on. */
static int read_inline(input_csvr *r, const part *p, long *base)
{
    r->line = *base + 1;
    r->rec_line = r->line;
    read_part(r, p);
    if (r->stop || p->last)
        return -1;                      /* an error, or nothing after */
    *base = r->line - 1;
    return 0;
}

static int can_fill(const filler *f)
{
    return !f->eof && f->pending == SB_OK && f->serial == NULL;
}

/* Reads the next part into the stage; 0 when it is to be read, else
   there is no more (f->serial or f->pending set). */
static int fill_next(filler *f, const pipeline *q)
{
    int got = fill(f, q, &f->stage);

    if (got == 1)
        f->serial = &f->stage;          /* after the parts before it */
    return got != 0 ? -1 : 0;
}

/* Hands the staged part to the workers in slot p: where it is in the
   file, which a worker reads again (read_text). */
static void queue(pipeline *q, part *p, const part *stage)
{
    p->len = stage->len;
    p->offset = stage->offset;
    p->last = stage->last;
    g_mutex_lock(&q->lock);
    p->state = QUEUED;
    g_cond_broadcast(&q->queued);
    g_mutex_unlock(&q->lock);
}

/* The loop of the calling thread: parts queued while slots are free
   and the chooser says so, the oldest replayed as soon as it is done;
   with nothing in flight, a part read inline when the chooser says so
   (pattern: the tests' ways, csvchoose.h). */
static void run(pipeline *q, filler *f, const char *pattern)
{
    input_csvr *r = f->r;
    size_t fill_at = 0, replay_at = 0, in_flight = 0, cap = 0;
    char **fields = NULL;
    size_t *lens = NULL;
    long base = 0;
    input_chooser ch;
    part *p;
    int m, ret, window_end;

    input_choose_init(&ch, pattern);
    for (;;) {
        m = INPUT_CHOOSE_DRAIN;
        while (can_fill(f) && in_flight < q->n_slots &&
               (m = input_choose_next(&ch, in_flight)) ==
                   INPUT_CHOOSE_PIPE) {
            if (fill_next(f, q) != 0)
                break;
            p = &q->slots[fill_at];
            fill_at = (fill_at + 1) % q->n_slots;
            p->window_end = input_choose_take(&ch, f->stage.len,
                                              g_get_monotonic_time());
            queue(q, p, &f->stage);
            in_flight++;
        }
        if (in_flight > 0) {
            p = &q->slots[replay_at];
            g_mutex_lock(&q->lock);
            while (p->state != DONE)
                g_cond_wait(&q->done, &q->lock);
            g_mutex_unlock(&q->lock);
            ret = replay(r, q, p, &base, &fields, &lens, &cap);
            g_mutex_lock(&q->lock);
            p->state = FREE;
            g_mutex_unlock(&q->lock);
            if (p->window_end)
                input_choose_done(&ch, g_get_monotonic_time());
            replay_at = (replay_at + 1) % q->n_slots;
            in_flight--;
            if (ret != 0)
                break;
            continue;
        }
        if (!can_fill(f))
            break;
        /* nothing in flight and more to read: the chooser says inline
           (csvchoose.h never drains an empty ring); anything else would
           end the read early without a word, so it is an error */
        if (m != INPUT_CHOOSE_INLINE) {
            input_csvr_fail(r, SB_EINTERNAL, base + 1, 0, "the parallel "
                            "read's chooser stalled (byte offset %llu)",
                            f->offset);
            break;
        }
        /* nothing in flight: the workers took every part queued, and
           the next one they take, and the replay's, is fill_at's */
        if (fill_next(f, q) != 0)
            break;
        window_end = input_choose_take(&ch, f->stage.len,
                                       g_get_monotonic_time());
        ret = read_inline(r, &f->stage, &base);
        if (window_end)
            input_choose_done(&ch, g_get_monotonic_time());
        if (ret != 0)
            break;
    }
    if (!r->stop && f->pending == SB_OK && f->serial != NULL) {
        r->line = base + 1;
        r->rec_line = r->line;
        r->offset = f->serial->offset;
        input_csvr_go_on(r, f->fp, f->serial->buf, f->serial->len);
    }
    if (!r->stop && f->pending != SB_OK)
        input_csvr_fail(r, f->pending,
                        f->pending == SB_ENOINPUT ? 0 : base + 1, 0, "%s",
                        f->pending_msg);
    g_free(fields);
    g_free(lens);
}

int input_csvpar_read(input_csvr *r, FILE *fp, input_csv_info *info,
                      unsigned long long size)
{
    input_csvpar_config c = configured ? config : defaults();
    GThread *th[MAX_THREADS];
    pipeline q;
    filler f;
    char *peek;
    ssize_t got;
    long skip;
    size_t i;
    int workers;

    if (c.threads < 2 || size < c.min_size || size == 0 ||
        info->encoding == INPUT_ENC_GB18030)
        return 1;
    /* the first block as the serial read would see it, to decide */
    if ((peek = sb_malloc(INPUT_CSVR_BLOCK)) == NULL) {
        input_csvr_fail(r, SB_ENOMEM, 0, 0, "out of memory");
        return 0;
    }
    got = pread(fileno(fp), peek, INPUT_CSVR_BLOCK, 0);
    skip = got > 0 ? input_csvr_plain_start(r, info, peek, (size_t)got) : -1;
    g_free(peek);
    if (skip < 0)
        return 1;
    memset(&q, 0, sizeof q);
    q.path = r->path;
    q.prep = r->prep;
    q.prep_room = r->prep != NULL ? (r->prep->size + 15) & ~(size_t)15 : 0;
    q.delim = (unsigned char)info->delim;
    q.fd = fileno(fp);
    /* With runs the calling thread mostly waits (a run is one call for
       a series' rows): a worker for every thread. */
    workers = q.prep != NULL && q.prep->runs != NULL ? (int)c.threads
                                                      : (int)c.threads - 1;
    if (workers > MAX_THREADS)
        workers = MAX_THREADS;
    q.n_slots = (size_t)workers * SLOTS_PER_WORKER + 1;
    if ((q.slots = sb_new0(part, q.n_slots)) == NULL) {
        input_csvr_fail(r, SB_ENOMEM, 0, 0, "out of memory");
        return 0;
    }
    g_mutex_init(&q.lock);
    g_cond_init(&q.queued);
    g_cond_init(&q.done);
    memset(&f, 0, sizeof f);
    f.r = r;
    f.fp = fp;
    f.max_chunk = c.chunk > 0 ? c.chunk : 1;
    f.chunk = f.max_chunk < INPUT_CSVR_BLOCK ? f.max_chunk : INPUT_CSVR_BLOCK;
    f.skip = (size_t)skip;
    workers = start(&q, th, workers);
    if (workers > 0)
        run(&q, &f, c.modes);
    stop_all(&q, th, workers);
    if (f.serial == NULL)
        r->eof = f.eof;             /* else the serial read's */
    for (i = 0; i < q.n_slots; i++) {
        g_free(q.slots[i].buf);
        g_free(q.slots[i].rows);
    }
    g_free(q.slots);
    g_free(f.stage.buf);
    g_free(f.carry);
    g_mutex_clear(&q.lock);
    g_cond_clear(&q.queued);
    g_cond_clear(&q.done);
    return workers > 0 ? 0 : 1;     /* no thread: the serial read */
}
