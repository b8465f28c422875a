/*
 * tests/unit_parallel.c -- the parallel read (input/csvpar.c) against the
 * serial one: every record fn is handed (fields, lengths, line, the
 * prep's bytes), the error (code, line, column, message) and what the
 * read says of the file (delimiter, BOM, encoding, records, the watch's
 * digest of the bytes read), for every
 * CSV of the tree and for hand-made texts cut at every place (parts of
 * 1, 2, ... bytes read), with 1 and 2 workers, the parts handed out,
 * read inline by the calling thread, or some of each (input/csvchoose.h's
 * patterns) or as timed; the cut rule (input/csvsplit.c) on its own cases
 * and on random texts of quotes, delimiters, spaces and line ends; the
 * chooser's decisions on times of the tests' own.
 */
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input/csvchoose.h"
#include "input/csvpar.h"
#include "input/csvread.h"
#include "input/csvsplit.h"
#include "unit.h"

/* The prep: a digest of the record's own bytes (not its line: a
   worker knows only the line within its part), which the collector
   checks against the record it is handed. */
typedef struct { size_t n; unsigned long sum; } par_prep;

static unsigned long fields_sum(const input_row *row)
{
    unsigned long h = 5381;
    size_t i, k;

    for (i = 0; i < row->n; i++) {
        for (k = 0; k <= row->len[i]; k++)      /* the NUL too */
            h = h * 33 + (unsigned char)row->field[i][k];
        h = h * 33 + '|';
    }
    return h;
}

static void par_prep_fn(const void *pctx, const input_row *row, void *out)
{
    par_prep *o = out;

    (void)pctx;
    o->n = row->n;
    o->sum = fields_sum(row);
}

/* What fn saw, and where to fail: fail_at > 0 makes fn fail on that
   record (an error of the caller's, before any later one). With runs
   (input/csvrow.h), skipped counts the records whose value the run
   value function skips. */
typedef struct { GString *s; long fail_at, seen, skipped; } par_log;

/* Runs, when the tests read with them (runs_on): records of 3 fields
   repeating the first two fields of the record before, their value the
   prep's digest, skipped when it is a multiple of 7, left to fn (one
   by one, logged with their lines) when a multiple of 5; the take
   declines the runs whose lead's first field is "k", as the header's
   (their records are read again, and the parts begun after make no
   runs). Each record is logged as its keys and value, so that the log
   is the same whichever records made runs. */
static int runs_on;

static int par_value(const void *ctx, const void *prep, void *out, int *year)
{
    const par_prep *o = prep;

    (void)ctx;
    if (o == NULL || o->n != 3 || o->sum % 5 == 0)
        return -1;
    if (o->sum % 7 == 0)
        return 0;
    memcpy(out, &o->sum, sizeof o->sum);
    *year = (int)(o->sum % 100) + 1;
    return 1;
}

static void log_value(par_log *l, const input_row *keys, unsigned long v)
{
    g_string_append_printf(l->s, "%s|%s=%lu;", keys->field[0],
                           keys->field[1], v);
}

static int par_take(void *user, const input_run *run, sb_error *err)
{
    par_log *l = user;
    const unsigned long *v = run->values;
    int lo = 0, hi = 0, y;
    size_t i;

    (void)err;
    if (strcmp(run->lead->field[0], "k") == 0)
        return 1;
    for (i = 0; i < run->n; i++) {
        log_value(l, run->lead, v[i]);
        y = (int)(v[i] % 100) + 1;
        lo = i == 0 || y < lo ? y : lo;
        hi = y > hi ? y : hi;
    }
    if (lo != run->year_min || hi != run->year_max ||
        run->rows != (long)run->n + run->skipped || run->line <= 0)
        g_string_append(l->s, "BADRUN");
    l->skipped += run->skipped;
    l->seen += run->rows;
    return 0;
}

static const input_csv_runs par_runs = {
    {0, 1}, 3, sizeof(unsigned long), par_value, NULL, par_take
};

static int par_collect(void *user, const input_row *row, sb_error *err)
{
    par_log *l = user;
    const par_prep *o = row->prep;
    unsigned long v;
    size_t i;
    int year;

    if (runs_on && o != NULL && o->sum == fields_sum(row)) {
        switch (par_value(NULL, o, &v, &year)) {
        case 0:
            l->skipped++;
            goto counted;
        case 1:
            log_value(l, row, v);
            goto counted;
        }
    }
    g_string_append_printf(l->s, "%ld:", row->line);
    for (i = 0; i < row->n; i++) {
        g_string_append_printf(l->s, "%s%zu=", i ? "|" : "", row->len[i]);
        g_string_append_len(l->s, row->field[i], (gssize)row->len[i]);
    }
    if (o == NULL || o->n != row->n || o->sum != fields_sum(row))
        g_string_append(l->s, "BADPREP");
    g_string_append_c(l->s, ';');
counted:
    if (++l->seen != l->fail_at)
        return 0;
    sb_error_set(err, SB_EDATA, "fn", row->line, 2, "fn fails at record %ld",
                 l->seen);
    return -1;
}

/* Reads path with threads (1: serial), parts of chunk bytes read in the
   ways of modes (csvchoose.h; NULL: timed); the records and the outcome
   as one string. */
static char *read_with(const char *path, int threads, size_t chunk,
                       const char *modes, long fail_at)
{
    input_csvpar_config c = {threads, chunk, 0, modes};
    input_csv_prep prep = {par_prep_fn, NULL, sizeof(par_prep),
                           runs_on ? &par_runs : NULL};
    input_csv_info info = {0};
    sb_error err = {0};
    par_log l = {g_string_new(NULL), fail_at, 0, 0};
    sb_status rc;

    input_csv_watch w;

    memset(&w, 0, sizeof w);
    w.path = path;
    w.hash = 1;
    input_csv_set_watch(&w);
    input_csvpar_configure(&c);
    rc = input_csv_read_prep(path, &info, &prep, par_collect, &l, &err);
    input_csvpar_configure(NULL);
    input_csv_set_watch(NULL);
    g_string_append_printf(l.s, " rc=%d %s:%ld:%ld: %s delim=%d bom=%d "
                           "enc=%d records=%ld skipped=%ld sha256=%s "
                           "bytes=%llu", rc, err.path, err.line, err.column,
                           err.msg, info.delim, info.had_bom,
                           (int)info.encoding, info.records, l.skipped,
                           w.sha256, w.bytes);
    return g_string_free(l.s, FALSE);
}

/* The ways the parts of a parallel read go, in turn (csvchoose.h): as
   timed, all handed out, all inline, and mixed, so that an inline part
   follows parts in flight and parts are handed out after inline ones. */
static const char *const ways[] = {NULL, "p", "i", "pi", "iip", "ppi"};

/* Whether path reads the same serially and in parallel with each of
   chunks (n of them), the parts going each of the ways in turn; the
   first difference is reported under name. */
static int same_reads(const char *name, const char *path,
                      const size_t *chunks, size_t n, long fail_at)
{
    char *serial = read_with(path, 1, 1, NULL, fail_at);
    size_t i;
    int ok = 1;

    for (i = 0; i < n && ok; i++) {
        /* every way with 1 and 2 workers in any 12 reads in a row */
        size_t k = G_N_ELEMENTS(ways);
        int threads = 2 + (int)((i + i / k) % 2);
        const char *w = ways[i % k];
        char *par = read_with(path, threads, chunks[i], w, fail_at);
        if (strcmp(serial, par) != 0) {
            check(0, name, "%d threads, parts of %zu bytes, ways %s:\n"
                  " serial   %.600s\n parallel %.600s", threads, chunks[i],
                  w ? w : "timed", serial, par);
            ok = 0;
        }
        g_free(par);
    }
    g_free(serial);
    return ok;
}

static char *temp_file(const char *text, size_t len)
{
    char *path = NULL;
    int fd = g_file_open_tmp("sbpar-XXXXXX.csv", &path, NULL);

    if (fd < 0 || write(fd, text, len) != (ssize_t)len) {
        if (fd >= 0)
            close(fd);
        g_free(path);
        return NULL;
    }
    close(fd);
    return path;
}

/* text read serially and cut at every place: parts of 1 to len + 1
   bytes read at a time. */
static void every_cut(const char *name, const char *text, size_t len,
                      long fail_at)
{
    char *path = temp_file(text, len);
    size_t *chunks = g_new(size_t, len + 1), i;

    for (i = 0; i <= len; i++)
        chunks[i] = i + 1;
    if (path == NULL)
        check(0, name, "cannot write a temp file");
    else if (same_reads(name, path, chunks, len + 1, fail_at))
        check(1, name, "ok");
    if (path != NULL)
        unlink(path);
    g_free(path);
    g_free(chunks);
}

#define CUT(name, lit, fail_at) every_cut(name, lit, sizeof lit - 1, fail_at)

static void awkward_texts(void)
{
    CUT("par/plain", "a,b\nc,d\ne,f\n", 0);
    CUT("par/quote-straddles", "a,b\n\"x\ny\",1\n\"p\"\"q\n\",2\nlast,3\n",
        0);
    CUT("par/quoted-newlines", "h,v\n\"1\n2\n3\n4\",\"a\r\nb\"\nz,\"\n\"\n",
        0);
    CUT("par/escaped-quote-at-cut", "a,b\n\"a\"\"\",b\n\"\"\"\",\"\"\n", 0);
    CUT("par/crlf", "a,b\r\nc,d\r\n\r\ne,f\r\n", 0);
    CUT("par/cr-only", "a,b\rc,d\r\re,f", 0);
    CUT("par/mixed-ends", "a,b\r\nc,d\ne,f\rg,h\n\n\r\ni,j", 0);
    CUT("par/bom", "\xEF\xBB\xBF" "a,b\nc,d\n\"e\nf\",g\n", 0);
    CUT("par/bom-mid-file", "a,b\nc,\xEF\xBB\xBF" "d\n", 0);
    CUT("par/no-final-eol", "a,b\nc,d", 0);
    CUT("par/blank-lines", "\n\na,b\n\n\n c , d \n\n", 0);
    CUT("par/space-before-quote", "a,b\nx, \"c,d\ne\" ,f\ng,h\n", 0);
    CUT("par/quote-in-unquoted", "name,v\n5\" screen,1\n37\"N \"x,2\n"
        "\"q\",3\n", 0);
    CUT("par/tab-delim", "a\tb\n\t\"c\td\ne\"\t f\n", 0);
    CUT("par/semicolon", "a;b;c\n1;\"2;3\n\";4\n", 0);
    CUT("par/utf8", "a,\xC3\xA9\n\xE6\x97\xA5\xE6\x9C\xAC,\"\xE5\x9C\xB0\n"
        "\xE5\x8C\xBA\"\n\xF0\x9F\x98\x80,x\n", 0);
    CUT("par/bad-utf8-first", "a,b\nc,\xFF\nd,e\nf,g\n", 0);
    CUT("par/bad-utf8-second", "a,b\nc,d\ne,f\ng,h\ni,j\nk,l\xC3\n", 0);
    CUT("par/bad-utf8-quoted", "a,b\nc,d\n\"e\n\xFE\",f\n", 0);
    CUT("par/nul-first", "a,b\nc,d\0e\nf,g\nh,i\n", 0);
    CUT("par/nul-second", "a,b\nc,d\ne,f\ng,\0\n", 0);
    CUT("par/misplaced-quote", "a,b\nc,d\n\"A\"B,e\nf,g\n\"h\ni\",j\n", 0);
    CUT("par/quote-space-quote", "a,b\n\"x\" \"y\",z\nc,d\n", 0);
    CUT("par/unterminated-end", "a,b\nc,d\n\"e,f\ng,h\n", 0);
    CUT("par/unterminated-end-cut-char", "a,b\n\"\xC3\xA9", 0);
    CUT("par/truncated-utf8-end", "a,b\nc,\xE6\x97", 0);
    CUT("par/fn-error-first", "a,b\nc,d\ne,f\ng,\xFF\ni,j\n", 2);
    CUT("par/fn-error-after-data-error", "a,b\nc,\xFF\ne,f\ng,h\n", 3);
    CUT("par/fn-error-last", "a,b\nc,d\n\"e\nf\",g\n", 3);
    CUT("par/empty", "", 0);
    CUT("par/only-bom", "\xEF\xBB\xBF", 0);
    CUT("par/utf16", "\xFF\xFE" "a\0,\0b\0\n\0", 0);
}

/* Whether the text t reads alike serially and in parts of chunks. */
static void same_text(const char *name, const GString *t,
                      const size_t *chunks, size_t n)
{
    char *path = temp_file(t->str, t->len);

    if (path == NULL)
        check(0, name, "cannot write a temp file");
    else if (same_reads(name, path, chunks, n, 0))
        check(1, name, "ok");
    if (path != NULL)
        unlink(path);
    g_free(path);
}

/* A field over the limit in the first or the last part, and a record
   of too many fields: larger texts, a few cuts. */
static void limits(void)
{
    static const size_t chunks[] = {1000, 65536, 1u << 20, 3u << 20};
    size_t big = INPUT_CSV_MAX_FIELD + 1, i;
    GString *t = g_string_new("a,b\n");

    for (i = 0; i < 3000; i++)
        g_string_append_printf(t, "r%zu,%zu\n", i, i);
    g_string_append(t, "x,");
    for (i = 0; i < big; i++)
        g_string_append_c(t, 'y');
    g_string_append(t, "\nz,1\n");
    same_text("par/long-field-late", t, chunks, G_N_ELEMENTS(chunks));
    g_string_assign(t, "a,\"");
    for (i = 0; i < big; i++)
        g_string_append_c(t, i % 100 == 99 ? '\n' : 'q');
    g_string_append(t, "\"\nz,1\n");
    same_text("par/long-quoted-first", t, chunks, G_N_ELEMENTS(chunks));
    g_string_assign(t, "a,b\nc,d\n");
    for (i = 0; i <= INPUT_CSV_MAX_FIELDS; i++)
        g_string_append(t, ",");
    g_string_append(t, "\n");
    same_text("par/many-fields", t, chunks, G_N_ELEMENTS(chunks));
    g_string_free(t, TRUE);
}

/* Every CSV and TSV under dir, read serially and in parts of a few
   sizes (1 byte: a cut at every line; for the larger files, every few
   lines, which costs less). */
static void tree(const char *dir, int *files)
{
    static const size_t small[] = {1, 2, 7, 100, 4096, 1u << 20};
    static const size_t large[] = {7, 100, 4096, 1u << 20};
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;

    if (d == NULL)
        return;
    while ((name = g_dir_read_name(d)) != NULL) {
        char *path = g_build_filename(dir, name, NULL);
        if (g_file_test(path, G_FILE_TEST_IS_DIR) &&
            !g_file_test(path, G_FILE_TEST_IS_SYMLINK))
            tree(path, files);
        else if ((g_str_has_suffix(name, ".csv") ||
                  g_str_has_suffix(name, ".tsv") ||
                  g_str_has_suffix(name, ".CSV")) &&
                 g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
            struct stat st;
            int big = stat(path, &st) == 0 && st.st_size > 65536;
            if (big ? same_reads(path, path, large, G_N_ELEMENTS(large), 0)
                    : same_reads(path, path, small, G_N_ELEMENTS(small), 0))
                check(1, path, "ok");
            ++*files;
        }
        g_free(path);
    }
    g_dir_close(d);
}

/* input_split_last on its own. */
static void split_cases(void)
{
    static const struct { const char *s; char delim; size_t want; } c[] = {
        {"", ',', 0},
        {"abc", ',', 0},
        {"a\n", ',', 2},
        {"a\nb\nc", ',', 4},
        {"a\r\nb\r", ',', 3},
        {"\"a\nb\"\n", ',', 6},
        {"\"a\nb\n", ',', 0},
        {"x,\"a\nb\n", ',', 0},
        {"x, \"a\nb\n", ',', 0},
        {"x;\"a\nb\n", ';', 0},
        {"x,\"a\nb\n", ';', 7},            /* ',' is text there */
        {"x\t\"a\nb\n", '\t', 0},
        {"x \"a\nb\n", ',', 7},            /* a quote inside a field */
        {"5\" x\ny\n", ',', 7},
        {"\"a\"\"\nb\"\nc", ',', 8},
        {"\"a\"\"", ',', 0},
        {"\"\"\n\"\n", ',', 3},
        {"a\n\"b\n", ',', 2},
        {"\"a\" \"b\nc\n", ',', 9},        /* an error: anything goes */
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(c); i++) {
        size_t got = input_split_last(c[i].s, strlen(c[i].s), c[i].delim);
        check(got == c[i].want, "par/split", "\"%s\" delim '%c': %zu, "
              "expected %zu", c[i].s, c[i].delim, got, c[i].want);
    }
}

/* Random texts of the bytes that matter, each cut at every place. */
static void random_texts(void)
{
    static const char alphabet[] = "ab,,\"\"\"\n\n\r  \t;";
    GRand *g = g_rand_new_with_seed(24);
    int k, bad = 0;

    for (k = 0; k < 150 && !bad; k++) {
        char text[48];
        size_t len = (size_t)g_rand_int_range(g, 1, (gint32)sizeof text), i;
        char name[64];
        for (i = 0; i < len; i++)
            text[i] = alphabet[g_rand_int_range(g, 0, sizeof alphabet - 1)];
        text[0] = 'h';                     /* a header line: ',' */
        text[1] = ',';
        snprintf(name, sizeof name, "par/random-%d", k);
        {
            char *path = temp_file(text, len);
            size_t chunks[48], n = 0;
            for (i = 1; i <= len + 1 && n < G_N_ELEMENTS(chunks); i++)
                chunks[n++] = i;
            if (path == NULL || !same_reads(name, path, chunks, n, 0))
                bad = 1;
            if (path != NULL)
                unlink(path);
            g_free(path);
        }
    }
    check(!bad, "par/random", "150 random texts");
    g_rand_free(g);
}

/* ---- the chooser (input/csvchoose.c) on a machine of the tests' own ---- */

#define SIM_PART 1000           /* bytes a part */
#define SIM_SLOTS 3             /* parts in flight at most, as 1 worker */

/* Whether the window just timed cost what the machine charged: a timed
   window begun with parts of the window before still in flight would
   count their time too. */
static int timed_right(const input_chooser *c, int way, double want)
{
    return fabs(c->cost[way] - want) < 1e-9;
}

/* Drives c as csvpar.c's loop does over parts, a part costing pipe (or,
   after switch_at parts, pipe2) microseconds a byte handed out and inl
   read inline; trace gets 'p' or 'i' per part taken. 0, or -1 when the
   chooser broke a rule: an inline part asked for with parts in flight,
   a drain with none, or a timed window that did not time its own parts
   alone. */
static int simulate(input_chooser *c, double pipe, double pipe2,
                    size_t switch_at, double inl, size_t parts,
                    GString *trace)
{
    int ends[SIM_SLOTS];
    size_t head = 0, in_flight = 0;
    int64_t now = 0;

    while (trace->len < parts || in_flight > 0) {
        int way = trace->len < parts ? input_choose_next(c, in_flight)
                                     : INPUT_CHOOSE_DRAIN;
        double cost = trace->len < switch_at ? pipe : pipe2;
        if (way == INPUT_CHOOSE_INLINE && in_flight > 0)
            return -1;
        if (way == INPUT_CHOOSE_PIPE && in_flight < SIM_SLOTS) {
            ends[(head + in_flight++) % SIM_SLOTS] =
                input_choose_take(c, SIM_PART, now);
            g_string_append_c(trace, 'p');
        } else if (in_flight > 0) {     /* the oldest replayed */
            now += (int64_t)(cost * SIM_PART);
            if (ends[head]) {
                input_choose_done(c, now);
                if (!timed_right(c, INPUT_CHOOSE_PIPE, cost))
                    return -1;
            }
            head = (head + 1) % SIM_SLOTS;
            in_flight--;
        } else if (way == INPUT_CHOOSE_INLINE) {
            int end = input_choose_take(c, SIM_PART, now);
            now += (int64_t)(inl * SIM_PART);
            if (end) {
                input_choose_done(c, now);
                if (!timed_right(c, INPUT_CHOOSE_INLINE, inl))
                    return -1;
            }
            g_string_append_c(trace, 'i');
        } else {
            return -1;                  /* DRAIN with nothing in flight */
        }
    }
    return 0;
}

/* n copies of c, appended to s. */
static void run_of(GString *s, char c, size_t n)
{
    while (n-- > 0)
        g_string_append_c(s, c);
}

/* The rounds the chooser should make, as a trace: the warm-up window
   handed out, then each round a timed window handed out and one inline,
   then the winner of each round (winners[k], 'p' or 'i') for its hold. */
static GString *rounds(const char *winners, size_t parts)
{
    GString *s = g_string_new(NULL);
    size_t hold = 0, k;
    char last = 0;

    run_of(s, 'p', INPUT_CHOOSE_WINDOW);
    for (k = 0; winners[k] != '\0' && s->len < parts; k++) {
        hold = winners[k] != last ? INPUT_CHOOSE_HOLD_MIN
               : hold < INPUT_CHOOSE_HOLD_MAX ? 2 * hold : hold;
        last = winners[k];
        run_of(s, 'p', INPUT_CHOOSE_WINDOW);
        run_of(s, 'i', INPUT_CHOOSE_WINDOW);
        run_of(s, last, hold * INPUT_CHOOSE_WINDOW);
    }
    g_string_truncate(s, MIN(s->len, parts));
    return s;
}

static void chooser_case(const char *name, double pipe, double pipe2,
                         size_t switch_at, double inl, const char *pattern,
                         const char *winners, size_t parts)
{
    input_chooser c;
    GString *got = g_string_new(NULL), *want;
    int rc;

    input_choose_init(&c, pattern);
    rc = simulate(&c, pipe, pipe2, switch_at, inl, parts, got);
    if (pattern != NULL) {
        size_t i;
        want = g_string_new(NULL);
        for (i = 0; i < parts; i++)
            g_string_append_c(want, pattern[i % strlen(pattern)]);
    } else {
        want = rounds(winners, parts);
    }
    check(rc == 0 && strcmp(got->str, want->str) == 0, name,
          "rc %d\n got  %.300s\n want %.300s", rc, got->str, want->str);
    g_string_free(got, TRUE);
    g_string_free(want, TRUE);
}

static void chooser_cases(void)
{
    /* inline faster: it wins every round, holding 4, 8, 16, ... windows,
       at most HOLD_MAX; handed out faster: the same the other way */
    chooser_case("choose/inline-wins", 3.0, 3.0, 0, 2.0, NULL,
                 "iiiiiiiiiiiiiiiiiiii", 12000);
    chooser_case("choose/pipe-wins", 1.0, 1.0, 0, 2.0, NULL,
                 "pppppppppppppppppppp", 12000);
    /* a tie goes inline; handing out 5% faster is handing out's, 5%
       slower inline's (no margin) */
    chooser_case("choose/tie", 2.0, 2.0, 0, 2.0, NULL, "iii", 500);
    chooser_case("choose/pipe-just-faster", 1.9, 1.9, 0, 2.0, NULL, "ppp",
                 500);
    chooser_case("choose/pipe-just-slower", 2.1, 2.1, 0, 2.0, NULL, "iii",
                 500);
    /* the machine changes after 600 parts, in the fourth round's hold
       (after the warm-up's 16, rounds start at parts 16, 112, 272, 560,
       1104): the fifth round finds it, and the hold starts again at 4
       windows */
    chooser_case("choose/switch", 3.0, 1.0, 600, 2.0, NULL, "iiiipppp",
                 2000);
    /* the tests' patterns: no timing, each part as told */
    chooser_case("choose/pattern-pi", 1.0, 1.0, 0, 2.0, "pi", NULL, 40);
    chooser_case("choose/pattern-iip", 3.0, 3.0, 0, 2.0, "iip", NULL, 40);
    {
        /* the warm-up hands out without draining; the first timed
           window then starts from empty, and is timed from its first
           part taken */
        input_chooser c;
        int warm = 1, k;
        input_choose_init(&c, "");     /* empty: timed */
        warm = c.pattern == NULL && input_choose_next(&c, 0) ==
               INPUT_CHOOSE_PIPE;
        for (k = 0; k < INPUT_CHOOSE_WINDOW; k++) {
            warm = warm && input_choose_next(&c, 2) == INPUT_CHOOSE_PIPE;
            warm = warm && input_choose_take(&c, 100, 1000 + k) == 0;
        }
        check(warm && input_choose_next(&c, 1) == INPUT_CHOOSE_DRAIN &&
                  input_choose_next(&c, 0) == INPUT_CHOOSE_PIPE &&
                  input_choose_take(&c, 100, 5000) == 0 &&
                  c.start == 5000 && c.bytes == 100,
              "choose/start", "a read starts with a window handed out "
              "untimed, then a timed one from empty");
    }
}

/* Texts of runs (input/csvrow.h), read with them: the same records and
   values as the serial read, in every way, and where the take refuses
   a run, its records read again one by one; runs broken by other
   widths, quoted keys, blank lines, CR LF ends and quoted line ends,
   a header that repeats in the first records. */
static void runs_texts(void)
{
    static const char *const k0[] = {"a", "b", "cc"}, *const k1[] = {
        "x", "yy", "z z"};
    GRand *g = g_rand_new_with_seed(24);
    GString *t = g_string_new("k,r,v\n");
    size_t chunks[64], i, a = 0, b = 0;

    runs_on = 1;
    CUT("runs/small", "k,r,v\na,b,1\na,b,2\na,b,3\nc,d,4\nc,d,5\n\nc,d,6\r\n"
        "c,d,7\n\"c\",d,8\nc,d,9\nc,d\nc,d,10\nc,d,\"1\n1\"\nc,d,12", 0);
    CUT("runs/header-repeated", "k,r,v\nk,r,1\nk,r,2\nk,r,3\nk,s,4\n", 0);
    CUT("runs/declined-late", "k,r,v\na,b,1\na,b,2\nk,r,3\nk,r,4\r\n\nk,r,5\n"
        "a,b,6\na,b,7\nc,d,8\nc,d,9\nc,d,10\n", 0);
    CUT("runs/declined-bom", "\xEF\xBB\xBF" "k,r,v\nk,r,1\nk,r,2\nk,r,3\n"
        "a,b,4\na,b,5\n", 0);
    CUT("runs/fail-on-lead", "k,r,v\na,b,1\na,b,2\na,b,3\n", 2);
    CUT("runs/fail-after-run", "k,r,v\na,b,1\na,b,2\na,b,3\nc,d,4\nc,d,5\n",
        5);
    CUT("runs/error-inside", "k,r,v\na,b,1\na,b,2\na,b,3\na,b,\xFF\na,b,5\n",
        0);
    for (i = 0; i < 700; i++) {
        int roll = g_rand_int_range(g, 0, 100);
        if (g_rand_int_range(g, 0, 4) == 0) {
            a = (size_t)g_rand_int_range(g, 0, 3);
            b = (size_t)g_rand_int_range(g, 0, 3);
        }
        if (roll < 3)
            g_string_append(t, "\n");
        else if (roll < 6)
            g_string_append_printf(t, "\"%s\",%s,%d\n", k0[a], k1[b], roll);
        else if (roll < 10)
            g_string_append_printf(t, "%s,%s,%d,extra\n", k0[a], k1[b], roll);
        else if (roll < 12)
            g_string_append_printf(t, "%s,%s,\"%d\n%d\"\n", k0[a], k1[b], roll,
                                   roll);
        else
            g_string_append_printf(t, "%s,%s,%u%s", k0[a], k1[b],
                                   g_rand_int(g), roll < 18 ? "\r\n" : "\n");
    }
    for (i = 0; i < G_N_ELEMENTS(chunks); i++)
        chunks[i] = 1 + i * 61;
    same_text("runs/random", t, chunks, G_N_ELEMENTS(chunks));
    runs_on = 0;
    g_string_free(t, TRUE);
    g_rand_free(g);
}

void parallel_tests(const char *dir)
{
    char *top = g_path_get_dirname(dir);
    char *examples = g_build_filename(top, "examples", NULL);
    int files = 0;

    chooser_cases();
    split_cases();
    awkward_texts();
    limits();
    random_texts();
    runs_texts();
    tree(dir, &files);
    tree(examples, &files);
    check(files >= 100, "par/tree", "only %d CSV files found", files);
    g_free(examples);
    g_free(top);
}
