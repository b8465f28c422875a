/*
 * tests/unit.c -- unit tests of input/: the cell grammar and the number
 * printer from data files (tests/cells.test; tests/shortest.test in
 * tests/unit_shortest.c), and
 * the CSV reader's line tracking, block boundaries and delimiter
 * detection from files it writes, the fallible allocators' contract;
 * what the portal formats give regions and indicators that check and
 * --dump do not show (aggregates, aliases, kinds, scales, names), read
 * from the published files of tests/data/; the dataset's series look-up.
 *
 *   unit TESTDIR            run; prints failures and "unit: N passed, M failed"
 *   unit gen KIND ARGS...   write a generated input file to stdout (used by
 *                           the CLI cases' setup scripts)
 *
 * A small harness of our own rather than cmocka: the cases are data
 * files, and the counts must add up with the CLI cases into one line.
 */
#include <csv.h>
#include <glib.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <stdarg.h>

#include "core/alloc.h"
#include "core/seriesidx.h"
#include "core/shortest.h"
#include "core/threads.h"
#include "input/cell.h"
#include "input/csvread.h"
#include "input/layout.h"
#include "input/load.h"
#include "core/model.h"
#include "unit.h"

static int passed, failed;

void check(int ok, const char *where, const char *fmt, ...)
{
    va_list ap;

    if (ok) {
        passed++;
        return;
    }
    failed++;
    fprintf(stderr, "FAIL %s: ", where);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* ---- cells.test --------------------------------------------------------- */

/* Line: [dc ]`[INPUT]` then `missing [FLAGS]`, `error MESSAGE`, or
   `VALUE d=N [flags=F] [%]`. */
static void cell_case(const char *where, char *line)
{
    int dc = 0;
    char *open, *close, *rest, msg[200], got[300];
    input_cell c;
    int rc;

    if (strncmp(line, "dc ", 3) == 0) {
        dc = 1;
        line += 3;
    }
    open = strchr(line, '[');
    close = strrchr(line, ']');
    if (open == NULL || close == NULL || close < open) {
        check(0, where, "malformed test line");
        return;
    }
    rest = g_strstrip(close + 1);
    rc = input_cell_parse(open + 1, (size_t)(close - open - 1), dc, &c, msg,
                          sizeof msg);
    if (rc != 0)
        snprintf(got, sizeof got, "error %s", msg);
    else if (c.missing)
        snprintf(got, sizeof got, "missing%s%s", c.flags[0] ? " " : "",
                 c.flags);
    else {
        char num[SB_SHORTEST_MAX];
        sb_format_shortest(c.value, num);
        snprintf(got, sizeof got, "%s d=%d%s%s%s", num, c.decimals,
                 c.flags[0] ? " flags=" : "", c.flags, c.percent ? " %" : "");
    }
    check(strcmp(got, rest) == 0, where, "[%.*s]: expected \"%s\", got \"%s\"",
          (int)(close - open - 1), open + 1, rest, got);
}

/* The cell parser's exact fast path (and its strtod fallback) against
   g_ascii_strtod on deterministic pseudo-random numbers: 1..20 digits
   (some with leading zeros, some next to 2^53), a decimal point anywhere
   inside, exponents -30..30, signs, thousand separators and decimal
   commas. Every value must be the same double, bit for bit. */
static guint64 xorshift(guint64 *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

static void cell_random(void)
{
    guint64 x = 0x9e3779b97f4a7c15u;
    char cell[80], ref[80], digit[24], msg[200], first[200] = "";
    int i, bad = 0;

    for (i = 0; i < 200000; i++) {
        guint64 r = xorshift(&x);
        int nd = 1 + (int)(r % 20), point, dc = (r >> 8) % 8 == 0;
        int grouped = (r >> 11) % 4 == 0, j, n = 0, k = 0;
        input_cell c;
        double want;

        r = xorshift(&x);
        if (r % 8 == 0)                      /* next to 2^53 */
            nd = g_snprintf(digit, sizeof digit, "%" G_GUINT64_FORMAT,
                            ((guint64)1 << 53) - 8 + (r >> 8) % 17);
        else
            for (j = 0; j < nd; j++)
                digit[j] = (char)('0' + (r >> (3 * j + 4)) % 10);
        if ((r >> 3) % 16 == 0)
            digit[0] = '0';                  /* leading zeros */
        r = xorshift(&x);
        point = r % 3 == 0 ? nd : 1 + (int)((r >> 2) % (guint64)nd);
        if (r % 4 == 1)
            cell[n++] = ref[k++] = '-';
        else if (r % 16 == 2)
            cell[n++] = ref[k++] = '+';
        for (j = 0; j < nd; j++) {
            if (j == point) {
                cell[n++] = dc ? ',' : '.';
                ref[k++] = '.';
            } else if (grouped && j > 0 && j < point &&
                       (point - j) % 3 == 0) {
                cell[n++] = dc ? '.' : ',';
            }
            cell[n++] = ref[k++] = digit[j];
        }
        r = xorshift(&x);
        if (r % 2 == 0) {
            int e = (int)((r >> 1) % 61) - 30;
            int upper = (r >> 8) % 4 == 0;
            n += g_snprintf(cell + n, sizeof cell - (size_t)n,
                            upper ? "E%+d" : "e%d", e);
            k += g_snprintf(ref + k, sizeof ref - (size_t)k, "e%d", e);
        }
        cell[n] = ref[k] = '\0';
        want = g_ascii_strtod(ref, NULL);
        if (input_cell_parse(cell, (size_t)n, dc, &c, msg, sizeof msg) != 0 ||
            memcmp(&c.value, &want, sizeof want) != 0) {
            if (bad++ == 0)
                g_snprintf(first, sizeof first, "%s%s: %.17g, strtod %.17g",
                           dc ? "dc " : "", cell, c.value, want);
        }
    }
    check(bad == 0, "cells/random", "%d of 200000 differ from strtod, "
          "first: %s", bad, first);
}

void run_file(const char *dir, const char *name,
              void (*fn)(const char *, char *))
{
    char *path = g_build_filename(dir, name, NULL), *text = NULL;
    gchar **lines;
    size_t i;

    if (!g_file_get_contents(path, &text, NULL, NULL)) {
        check(0, path, "cannot read");
        g_free(path);
        return;
    }
    lines = g_strsplit(text, "\n", -1);
    for (i = 0; lines[i] != NULL; i++) {
        char where[600];
        if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
        snprintf(where, sizeof where, "%s:%zu", path, i + 1);
        fn(where, lines[i]);
    }
    g_strfreev(lines);
    g_free(text);
    g_free(path);
}

/* ---- the CSV reader ------------------------------------------------------ */

static int collect(void *user, const input_row *row, sb_error *err)
{
    GString *s = user;
    size_t i;

    (void)err;
    g_string_append_printf(s, "%ld:", row->line);
    for (i = 0; i < row->n; i++)
        g_string_append_printf(s, "%s%s", i ? "|" : "", row->field[i]);
    g_string_append_c(s, ';');
    return 0;
}

/* Reads text (len bytes) through input_csv_read; returns the records as
   "LINE:f1|f2;..." or "ERR line:col: msg". */
static char *read_text(const char *text, size_t len, char *delim)
{
    char *path = NULL;
    int fd = g_file_open_tmp("sbunit-XXXXXX.csv", &path, NULL);
    GString *s = g_string_new(NULL);
    input_csv_info info = {0};
    sb_error err = {0};

    if (fd < 0 || write(fd, text, len) != (ssize_t)len)
        g_string_assign(s, "cannot write temp file");
    else if (input_csv_read(path, &info, collect, s, &err) != SB_OK)
        g_string_printf(s, "ERR %ld:%ld: %s", err.line, err.column, err.msg);
    if (fd >= 0)
        close(fd);
    if (path)
        unlink(path);
    g_free(path);
    if (delim)
        *delim = info.delim;
    return g_string_free(s, FALSE);
}

/* The prep: each record's field count and the total length of its
   fields, which collect_prep checks against the record fn is handed. */
typedef struct { size_t n, bytes; long line; } prep_out;

static void prep_count(const void *pctx, const input_row *row, void *out)
{
    prep_out *o = out;
    size_t i;

    (void)pctx;
    o->n = row->n;
    o->line = row->line;
    for (o->bytes = 0, i = 0; i < row->n; i++)
        o->bytes += row->len[i];
}

static int collect_prep(void *user, const input_row *row, sb_error *err)
{
    const prep_out *o = row->prep;
    size_t i, bytes = 0;

    for (i = 0; i < row->n; i++)
        bytes += row->len[i];
    if (o == NULL || o->n != row->n || o->bytes != bytes ||
        o->line != row->line)
        g_string_append(user, "BADPREP;");
    return collect(user, row, err);
}

/* input_csv_read_prep: every record reaches fn with its own prep. */
/* sb_threads: STATBRIEF_THREADS from 1 to 64 as given (within the hard
   cap), anything else the online CPUs within the default cap. */
static void threads_count(void)
{
    static const struct { const char *env; int dflt, hard, want; } t[] = {
        {"3", 4, 64, 3}, {"64", 4, 64, 64}, {"1", 4, 64, 1},
        {"12", 8, 8, 8},                     /* the hard cap */
        {"0", 1, 64, 1}, {"65", 1, 64, 1}, {"2x", 1, 64, 1},
        {"-2", 1, 64, 1}, {"", 1, 64, 1},    /* ignored: the CPUs, capped */
    };
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    int want_all = cpus < 1 ? 1 : cpus > 64 ? 64 : (int)cpus;
    char *old = g_strdup(g_getenv("STATBRIEF_THREADS"));
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(t); i++) {
        int got;
        g_setenv("STATBRIEF_THREADS", t[i].env, TRUE);
        got = sb_threads(t[i].dflt, t[i].hard);
        check(got == t[i].want, "threads/env", "STATBRIEF_THREADS=\"%s\" "
              "(caps %d, %d): %d threads, want %d", t[i].env, t[i].dflt,
              t[i].hard, got, t[i].want);
    }
    g_unsetenv("STATBRIEF_THREADS");
    check(sb_threads(64, 64) == want_all, "threads/unset",
          "%d threads for %ld CPUs", sb_threads(64, 64), cpus);
    if (old != NULL)
        g_setenv("STATBRIEF_THREADS", old, TRUE);
    g_free(old);
}

static void reader_prep(void)
{
    static const char text[] = "a,b\n\"x\ny\",22\n\nlast,3,4\n";
    input_csv_prep prep = {prep_count, NULL, sizeof(prep_out), NULL};
    char *path = NULL;
    int fd = g_file_open_tmp("sbunit-XXXXXX.csv", &path, NULL);
    GString *s = g_string_new(NULL);
    sb_error err = {0};
    sb_status rc = SB_EINTERNAL;

    if (fd >= 0 && write(fd, text, sizeof text - 1) == sizeof text - 1)
        rc = input_csv_read_prep(path, NULL, &prep, collect_prep, s, &err);
    check(rc == SB_OK && strcmp(s->str, "1:a|b;2:x\ny|22;5:last|3|4;") == 0,
          "reader/prep", "got %d \"%s\"", rc, s->str);
    if (fd >= 0)
        close(fd);
    if (path)
        unlink(path);
    g_free(path);
    g_string_free(s, TRUE);
}

static void reader_case_n(const char *name, const char *text, size_t len,
                          const char *want)
{
    char *got = read_text(text, len, NULL);

    check(strcmp(got, want) == 0, name, "expected \"%s\", got \"%s\"", want,
          got);
    g_free(got);
}

static void reader_case(const char *name, const char *text, const char *want)
{
    reader_case_n(name, text, strlen(text), want);
}

/* A CRLF, or a UTF-8 character, cut by the reader's 64 KiB block. */
static void reader_boundaries(void)
{
    const size_t block = 64 * 1024;
    GString *t = g_string_new("a,b\r\n");
    char *got;

    /* row 2 ends so that its CR is the last byte of the first block */
    g_string_append(t, "x,");
    while (t->len < block - 1)
        g_string_append_c(t, 'y');
    g_string_append(t, "\r\nz,w\r\n");
    got = read_text(t->str, t->len, NULL);
    check(g_str_has_suffix(got, ";3:z|w;") && g_str_has_prefix(got, "1:a|b;2:x|"),
          "reader/crlf-at-block-end", "got \"%.20s...%s\"", got,
          got + MAX(strlen(got), 20) - 20);
    g_free(got);

    g_string_assign(t, "a,b\n");
    g_string_append(t, "x,");
    while (t->len < block - 1)
        g_string_append_c(t, 'y');
    g_string_append(t, "\xe9\x87\x8d\n");          /* 重 across the block */
    got = read_text(t->str, t->len, NULL);
    check(g_str_has_suffix(got, "y\xe9\x87\x8d;"), "reader/utf8-at-block-end",
          "got \"...%s\"", got + strlen(got) - 10);
    g_free(got);
    g_string_free(t, TRUE);
}

/* libcsv alone over text: records as "f1|f2;", or NULL when it rejects
   the text (strict mode). */
typedef struct {
    GString *s;
    int fields;                 /* fields of the open record */
} pure_out;

static void pure_field(void *f, size_t len, void *user)
{
    pure_out *o = user;

    if (o->fields++ > 0)
        g_string_append_c(o->s, '|');
    g_string_append_len(o->s, f, (gssize)len);
}

static void pure_record(int c, void *user)
{
    pure_out *o = user;

    (void)c;
    o->fields = 0;
    g_string_append_c(o->s, ';');
}

static char *pure_libcsv(const char *text, size_t len, char delim)
{
    struct csv_parser p;
    pure_out o = {g_string_new(NULL), 0};
    int ok;

    csv_init(&p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI);
    csv_set_delim(&p, (unsigned char)delim);
    ok = csv_parse(&p, text, len, pure_field, pure_record, &o) == len &&
         csv_fini(&p, pure_field, pure_record, &o) == 0;
    csv_free(&p);
    if (ok)
        return g_string_free(o.s, FALSE);
    g_string_free(o.s, TRUE);
    return NULL;
}

/* The reader splits most lines itself: on random text it must give
   exactly the records libcsv gives (line numbers aside). */
static void reader_matches_libcsv(void)
{
    static const char alphabet[] = "ab ,;\t\"\n\r";
    guint32 seed = 12345;
    int i, bad = 0;
    char first[300] = "";

    for (i = 0; i < 4000; i++) {
        char text[48], delim = 0, *ours, *theirs, *p;
        size_t n = (size_t)(i % 40) + 1, k;
        GString *plain = g_string_new(NULL);
        for (k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            text[k] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        text[n] = '\0';
        ours = read_text(text, n, &delim);
        theirs = pure_libcsv(text, n, delim ? delim : ',');
        /* drop our "LINE:" prefixes */
        for (p = ours; *p; p++) {
            if ((p == ours || p[-1] == ';') && g_ascii_isdigit(*p)) {
                while (*p != ':')
                    p++;
                continue;
            }
            g_string_append_c(plain, *p);
        }
        if (theirs != NULL && strcmp(plain->str, theirs) != 0 && bad++ == 0) {
            char *esc = g_strescape(text, NULL);
            g_snprintf(first, sizeof first, "text \"%s\": ours \"%s\", "
                       "libcsv \"%s\"", esc, plain->str, theirs);
            g_free(esc);
        }
        g_string_free(plain, TRUE);
        g_free(ours);
        g_free(theirs);
    }
    check(bad == 0, "reader/matches-libcsv", "%d of 4000 differ; first: %s",
          bad, first);
}

static void delim_case(const char *name, const char *text, char want)
{
    char got = 0;
    char *s = read_text(text, strlen(text), &got);

    check(got == want, name, "expected delimiter '%c', got '%c'", want, got);
    g_free(s);
}

static void reader_tests(void)
{
    reader_case("reader/lf", "a,b\n1,2\n", "1:a|b;2:1|2;");
    reader_case("reader/crlf", "a,b\r\n1,2\r\n", "1:a|b;2:1|2;");
    reader_case("reader/cr", "a,b\r1,2\r3,4", "1:a|b;2:1|2;3:3|4;");
    reader_case("reader/no-final-newline", "a,b\n1,2", "1:a|b;2:1|2;");
    reader_case("reader/blank-lines", "a,b\n\n\n1,2\n  \n3,4\n",
                "1:a|b;4:1|2;6:3|4;");
    reader_case("reader/multiline-quoted", "a,b\n\"x\ny\nz\",2\n3,4\n",
                "1:a|b;2:x\ny\nz|2;5:3|4;");
    reader_case("reader/quote-escapes", "\"he said \"\"hi\"\"\",\"a,b\"\n",
                "1:he said \"hi\"|a,b;");
    reader_case("reader/bom", "\xef\xbb\xbf" "a,b\n1,2\n", "1:a|b;2:1|2;");
    reader_case("reader/invalid-utf8", "a,b\n1,2\nx,\xff\n",
                "ERR 3:2: invalid UTF-8 (byte 0xff) at byte offset 10");
    reader_case("reader/invalid-utf8-quoted", "a,b,c\n1,\"x\ny\",\"\xff\"\n",
                "ERR 3:3: invalid UTF-8 (byte 0xff) at byte offset 15");
    reader_case_n("reader/nul", "a,b\n1\0,2\n", 9,
                "ERR 2:1: NUL byte at byte offset 5");
    reader_case_n("reader/nul-quoted", "a,b\n\"1\",2\0\n", 11,
                "ERR 2:2: NUL byte at byte offset 9");
    /* a quote inside an unquoted field is a character, as Python's csv
       module and pandas read it; one that opens a field quotes it */
    reader_case("reader/bare-quote", "a,b\nx,5\" y\n",
                "1:a|b;2:x|5\" y;");
    reader_case("reader/bare-quotes-and-quoted",
                "a,b,c\n\"q,r\",37\"N\"\",\"\"\"s\"\"\"\n",
                "1:a|b|c;2:q,r|37\"N\"\"|\"s\";");
    reader_case("reader/text-after-quote", "a,b\n\"x\"y,2\n",
                "ERR 2:1: misplaced quote in field 1: quote a field whole "
                "(\"a \"\"b\"\" c\"), with nothing after the closing quote");
    reader_case_n("reader/utf16", "\xff\xfe" "a\0", 4,
                "ERR 1:0: UTF-16 text: save the file as UTF-8");
    reader_case("reader/unterminated", "a,b\n1,\"2\n3,4\n",
                "ERR 2:2: unterminated quoted field (field 2)");
    reader_boundaries();
    reader_matches_libcsv();
    reader_prep();
    threads_count();
    delim_case("delim/comma", "a,b,c\n", ',');
    delim_case("delim/semicolon", "a;b;c\n1,5;2,5;3\n", ';');
    delim_case("delim/tab", "a\tb\tc\n", '\t');
    delim_case("delim/eurostat-tab", "unit,geo\\time\t2020 \n", '\t');
    delim_case("delim/quoted-commas", "\"a,b,c\";d;e\n", ';');
    delim_case("delim/bare-quote", "size 5\";b;c,d\n", ';');
}

/* ---- years, locale --------------------------------------------------------- */

static void misc_tests(void)
{
    input_cell c;
    char msg[200], out[SB_SHORTEST_MAX];

    check(input_parse_year("2017", 4) == 2017, "year/plain", "2017");
    check(input_parse_year(" 2017.0 ", 8) == 2017, "year/float", "2017.0");
    check(input_parse_year("2017a", 5) == -1, "year/junk", "2017a");
    check(input_parse_year("123456", 6) == -1, "year/too-long", "123456");
    check(input_parse_year("0", 1) == -1, "year/zero", "0");
    /* A German locale reads "1,5" as 1.5 in strtod; statbrief must not. */
    check(setlocale(LC_ALL, "de_DE.UTF-8") != NULL, "locale/de_DE",
          "de_DE.UTF-8 missing: tools/install-deps.sh should create it");
    check(input_cell_parse("1.5", 3, 0, &c, msg, sizeof msg) == 0 &&
              c.value == 1.5, "locale/parse", "1.5 read as %g", c.value);
    check(input_cell_parse("1,5", 3, 0, &c, msg, sizeof msg) != 0,
          "locale/comma", "1,5 accepted without --decimal-comma");
    sb_format_shortest(1234.5, out);
    check(strcmp(out, "1234.5") == 0, "locale/format", "got %s", out);
    setlocale(LC_ALL, "C");
}

/* ---- series look-up ----------------------------------------------------- */

/* sb_dataset_find_series: the index while loading, bisection once the
   series are sorted (ids and names made in another order than they
   sort, UTF-8 among them), a scan of a series added after the finish;
   NULL for a pair without values, before and after. */
static int has_series(size_t i, size_t r)
{
    return (i * 7 + r * 3) % 5 != 0;
}

static void lookup_all(const sb_dataset *ds, size_t ni, size_t nr,
                       const char *when)
{
    size_t i, r;

    for (i = 0; i < ni; i++)
        for (r = 0; r < nr; r++) {
            const sb_series *s = sb_dataset_find_series(ds, (sb_id)i,
                                                        (sb_id)r);
            int ok = has_series(i, r) ? s != NULL && s->indicator == i &&
                                            s->region == r && s->n == 1 &&
                                            s->obs[0].value == (double)(i * 100 + r)
                                      : s == NULL;
            check(ok, "series/lookup", "%s: indicator %zu, region %zu: %s",
                  when, i, r, s == NULL ? "none" : "wrong series");
        }
}

static void series_lookup_tests(void)
{
    static const char *const inds[] = {"zeta", "alpha", "m", "Beta", "b"};
    static const char *const regs[] = {"Region 2", "Region 10", "重庆市",
                                       "Aland", "aland", "Zimbabwe", "A"};
    size_t ni = G_N_ELEMENTS(inds), nr = G_N_ELEMENTS(regs), i, r;
    sb_dataset *ds = sb_dataset_create();
    sb_error err = {0};
    sb_obs o = {0};
    sb_id late;

    for (i = 0; i < ni; i++)
        sb_dataset_indicator(ds, inds[i]);
    for (r = 0; r < nr; r++)
        sb_dataset_region(ds, regs[r]);
    for (r = nr; r-- > 0;)                 /* series made out of order */
        for (i = 0; i < ni; i++)
            if (has_series(i, r)) {
                o.year = 2000;
                o.value = (double)(i * 100 + r);
                sb_dataset_add_obs(ds, (sb_id)i, (sb_id)r, 0, &o, 0, 0);
            }
    lookup_all(ds, ni, nr, "loading");
    check(sb_dataset_finish(ds, NULL, &err) == SB_OK, "series/finish", "%s",
          err.msg);
    lookup_all(ds, ni, nr, "finished");
    late = sb_dataset_region(ds, "AAA first");
    o.value = 42;
    sb_dataset_add_obs(ds, 0, late, 0, &o, 0, 0);
    check(sb_dataset_find_series(ds, 0, late) != NULL &&
              sb_dataset_find_series(ds, 0, late)->obs[0].value == 42,
          "series/after-finish", "a series added after the finish not found");
    check(sb_dataset_find_series(ds, 1, late) == NULL, "series/after-finish",
          "a pair without values found");
    lookup_all(ds, ni, nr, "after a late series");
    sb_dataset_destroy(ds);
}

/* sb_dataset_add_run against the sb_dataset_add_obs calls it stands for:
   a run making a series, after a series' first value, continuing one
   left for another, past the room of the length sealed last, and into
   series with a second file or with flags (its side arrays); every
   series' values, files and flags alike. */
static void add_run_tests(void)
{
    sb_dataset *one = sb_dataset_create(), *run = sb_dataset_create();
    sb_obs v[200];
    size_t i, k, bad = 0;
    /* (indicator, region, file, values, flags of the first: one add_obs
       call before the run when first > 0) */
    static const struct { int ind, reg, file, n, first; } steps[] = {
        {0, 0, 0, 60, 0}, {0, 1, 0, 59, 1}, {0, 0, 0, 5, 0},
        {1, 0, 0, 150, 0}, {1, 1, 0, 3, 0}, {1, 1, 1, 4, 0},
        {1, 1, 0, 6, 0}, {0, 2, 0, 7, 2}, {0, 2, 0, 8, 0}, {1, 2, 0, 0, 0},
    };

    for (i = 0; i < G_N_ELEMENTS(v); i++) {
        memset(&v[i], 0, sizeof v[i]);
        v[i].value = 1.5 * (double)i;
        v[i].year = 1900 + (int)i;
        v[i].decimals = (unsigned)(i % 3);
    }
    for (k = 0; k < 2; k++) {
        sb_dataset *ds = k ? run : one;
        sb_dataset_indicator(ds, "a");
        sb_dataset_indicator(ds, "b");
        sb_dataset_region(ds, "X");
        sb_dataset_region(ds, "Y");
        sb_dataset_region(ds, "Z");
    }
    for (k = 0; k < G_N_ELEMENTS(steps); k++) {
        sb_id ind = (sb_id)steps[k].ind, reg = (sb_id)steps[k].reg;
        uint16_t file = (uint16_t)steps[k].file;
        size_t from = k * 7 % 40;
        if (steps[k].first > 0) {
            sb_obs first = v[199];
            bad += sb_dataset_add_obs(one, ind, reg, file, &first,
                                      (uint32_t)steps[k].first, 0) != SB_OK;
            bad += sb_dataset_add_obs(run, ind, reg, file, &first,
                                      (uint32_t)steps[k].first, 0) != SB_OK;
        }
        for (i = 0; i < (size_t)steps[k].n; i++)
            bad += sb_dataset_add_obs(one, ind, reg, file, &v[from + i], 0,
                                      0) != SB_OK;
        bad += sb_dataset_add_run(run, ind, reg, file, &v[from],
                                  (size_t)steps[k].n) != SB_OK;
    }
    bad += sb_dataset_n_series(one) != sb_dataset_n_series(run);
    for (k = 0; k < sb_dataset_n_series(one) && !bad; k++) {
        const sb_series *a = sb_dataset_series_at(one, k);
        const sb_series *b = sb_dataset_series_at(run, k);
        bad += a->indicator != b->indicator || a->region != b->region ||
               a->n != b->n || (a->files == NULL) != (b->files == NULL);
        for (i = 0; i < a->n && !bad; i++)
            bad += memcmp(&a->obs[i], &b->obs[i], sizeof a->obs[i]) != 0 ||
                   sb_series_flags(a, i) != sb_series_flags(b, i) ||
                   (a->files != NULL && a->files[i] != b->files[i]);
    }
    check(bad == 0 && sb_dataset_n_series(run) == 5, "series/add-run",
          "%zu differences from one value at a time", bad);
    sb_dataset_destroy(one);
    sb_dataset_destroy(run);
}

/* Lean datasets (core/model.h) against full ones fed the same values,
   some one at a time with flags, some as runs: years ascending,
   descending and from both ends, missing values among them, percents,
   decimals past 6 (shown by magnitude). Every series' figures, every
   indicator's precision, kind and magnitude, the latest year and the
   regions with values alike; then the ways a lean dataset is lost. */
static void lean_feed(sb_dataset *ds, sb_id ind, sb_id reg, const int *years,
                      size_t n, int one_by_one)
{
    sb_obs v[16];
    size_t i;

    for (i = 0; i < n; i++) {
        memset(&v[i], 0, sizeof v[i]);
        v[i].year = years[i];
        v[i].value = (double)(years[i] - 1990) * (ind + 1) * 0.37 - reg;
        v[i].decimals = (unsigned)((years[i] + ind) % 9);
        if ((years[i] + reg) % 5 == 0) {
            v[i].state = SB_OBS_MISSING;
            v[i].value = NAN;
        }
        if (ind == 1 && years[i] % 7 == 0)
            v[i].state |= SB_OBS_PERCENT;
        if (one_by_one)
            sb_dataset_add_obs(ds, ind, reg, 0, &v[i],
                               years[i] % 3 == 0 ? 5u : 0u, 0);
    }
    if (!one_by_one)
        sb_dataset_add_run(ds, ind, reg, 0, v, n);
}

static void lean_same(const sb_dataset *full, const sb_dataset *lean,
                      size_t *bad)
{
    size_t k;
    sb_id r;

    *bad += sb_dataset_n_series(full) != sb_dataset_n_series(lean) ||
            sb_dataset_latest_year(full) != sb_dataset_latest_year(lean);
    for (k = 0; k < sb_dataset_n_series(full) && !*bad; k++) {
        const sb_series *a = sb_dataset_series_at(full, k);
        const sb_series *b = sb_dataset_series_at(lean, k);
        sb_series_stats x, y;
        sb_series_stats_of(full, a, 0, 0, &x);
        sb_series_stats_of(lean, b, 0, 0, &y);
        *bad += a->indicator != b->indicator || a->region != b->region ||
                a->n != b->n || b->obs != NULL || a->lean || !b->lean ||
                x.values != y.values || x.flagged != y.flagged ||
                x.first != y.first || x.last != y.last ||
                memcmp(&x.latest, &y.latest, sizeof x.latest) != 0;
    }
    for (k = 0; k < sb_dataset_n_indicators(full); k++) {
        const sb_indicator *a = sb_dataset_indicator_at(full, (sb_id)k);
        const sb_indicator *b = sb_dataset_indicator_at(lean, (sb_id)k);
        *bad += a->max_decimals != b->max_decimals ||
                a->saw_percent != b->saw_percent || a->kind != b->kind ||
                memcmp(&a->magnitude, &b->magnitude, sizeof a->magnitude);
    }
    for (r = 0; r < sb_dataset_n_regions(full); r++)
        *bad += sb_dataset_region_has_values(full, r) !=
                sb_dataset_region_has_values(lean, r);
}

static void lean_tests(void)
{
    static const int up[] = {1995, 1996, 1997, 2001, 2003, 2010, 2014, 2020};
    static const int down[] = {2021, 2020, 2019, 2018, 2015, 2014, 2007};
    static const int ends[] = {2005, 2006, 2004, 2007, 2001, 2012};
    static const int gaps[] = {1990, 1995, 2000, 2005, 2010};
    /* an OECD API download's order (model.h) */
    static const int oecd[] = {2009, 2010, 2011, 2016, 2023, 2007, 2008,
                               2013, 1999};
    static const struct { const int *y; size_t n; } orders[] = {
        {up, G_N_ELEMENTS(up)}, {down, G_N_ELEMENTS(down)},
        {ends, G_N_ELEMENTS(ends)}, {gaps, G_N_ELEMENTS(gaps)},
        {oecd, G_N_ELEMENTS(oecd)},
    };
    sb_dataset *ds[2] = {sb_dataset_create(), sb_dataset_create()};
    sb_error err = {0};
    size_t k, i, r, bad = 0;
    sb_series_stats st;
    sb_obs o = {0};
    int year[] = {2000, 2002, 2001};

    sb_dataset_set_lean(ds[1]);
    for (k = 0; k < 2; k++) {
        for (i = 0; i < 3; i++)
            sb_dataset_indicator(ds[k], i == 0 ? "gdp" : i == 1 ? "rate"
                                                        : "none");
        for (r = 0; r < 5; r++)
            sb_dataset_region(ds[k], (const char *[]){"E", "D", "C", "B",
                                                       "A"}[r]);
        for (r = 0; r < 5; r++)
            for (i = 0; i < 2; i++)
                lean_feed(ds[k], (sb_id)i, (sb_id)r, orders[(i + r) % 5].y,
                          orders[(i + r) % 5].n, (int)((i + r) % 2));
        bad += sb_dataset_finish(ds[k], NULL, &err) != SB_OK;
    }
    check(sb_dataset_is_lean(ds[1]) && !sb_dataset_is_lean(ds[0]) &&
              !sb_dataset_lean_lost(ds[1]),
          "lean/kept", "the lean dataset %s",
          sb_dataset_lean_lost(ds[1]) ? "was lost" : "is not lean");
    lean_same(ds[0], ds[1], &bad);
    check(bad == 0 && sb_dataset_n_series(ds[1]) == 10, "lean/same",
          "%zu differences from the full dataset", bad);
    /* by hand: rate, region E (down, values one at a time): the missing
       values are the years (y + 0) % 5 == 0: 2020 and 2015; gdp, region
       A (the OECD order, a run): 2010 (y + 4) */
    sb_series_stats_of(ds[1], sb_dataset_find_series(ds[1], 1, 0), 0, 0,
                       &st);
    check(st.values == 5 && st.first == 2007 && st.last == 2021 &&
              st.flagged == 2 && st.latest == 31 * 2 * 0.37,
          "lean/by-hand", "%u values %d-%d, %u flagged, latest %g",
          st.values, st.first, st.last, st.flagged, st.latest);
    sb_series_stats_of(ds[1], sb_dataset_find_series(ds[1], 0, 4), 0, 0,
                       &st);
    check(st.values == 7 && st.first == 1999 && st.last == 2023 &&
              st.flagged == 0 && st.latest == 33 * 1 * 0.37 - 4,
          "lean/by-hand", "%u values %d-%d, %u flagged, latest %g",
          st.values, st.first, st.last, st.flagged, st.latest);
    /* a full dataset's figures in a window: 2000-2014 of the same */
    sb_series_stats_of(ds[0], sb_dataset_find_series(ds[0], 1, 0), 2000,
                       2014, &st);
    check(st.values == 2 && st.first == 2007 && st.last == 2014 &&
              st.flagged == 1,
          "lean/window", "%u values %d-%d, %u flagged", st.values, st.first,
          st.last, st.flagged);
    sb_dataset_destroy(ds[0]);
    sb_dataset_destroy(ds[1]);

    /* lost: a year again (a duplicate), even a missing one, and a year
       inside a span of 64 years or more (1936-2000: maybe again); kept:
       a year between two it had in a narrower span, one before its
       first, one inside 63 years (1937-2000) */
    for (k = 0; k < 6; k++) {
        static const int third[] = {2000, 2002, 1950, 2001, 1999, 1950};
        sb_dataset *d = sb_dataset_create();
        sb_dataset_set_lean(d);
        sb_dataset_indicator(d, "x");
        sb_dataset_region(d, "Y");
        year[1] = k == 2 ? 1936 : k == 5 ? 1937 : 2002;
        year[2] = third[k];
        for (i = 0; i < 3; i++) {
            o.year = year[i];
            o.value = (double)i;
            o.state = k == 1 && i == 2 ? SB_OBS_MISSING : 0;
            sb_dataset_add_obs(d, 0, 0, 0, &o, 0, 0);
        }
        check(sb_dataset_lean_lost(d) == (k < 3), "lean/lost",
              "years 2000, %d, %d: %s", year[1], year[2],
              sb_dataset_lean_lost(d) ? "lost" : "kept");
        if (k < 3)
            check(sb_dataset_finish(d, NULL, &err) == SB_EINTERNAL,
                  "lean/lost-finish", "a lost dataset finished");
        sb_dataset_destroy(d);
    }
    /* lean only from the start: a dataset with a series stays full */
    {
        sb_dataset *d = sb_dataset_create();
        sb_dataset_indicator(d, "x");
        sb_dataset_region(d, "Y");
        sb_dataset_add_obs(d, 0, 0, 0, &o, 0, 0);
        sb_dataset_set_lean(d);
        check(!sb_dataset_is_lean(d) && sb_dataset_series_at(d, 0)->obs,
              "lean/late", "made lean after a value");
        sb_dataset_destroy(d);
    }
}

/* core/seriesidx.h through its growths (1,024 slots to 2^17): every
   pair found at its position, in and after each growth; swapped pairs
   and pairs beyond the ids not found; at most three quarters full. */
static uint64_t pair_of(sb_id i, sb_id r)
{
    return ((uint64_t)i << 32) | r;
}

static uint64_t key_at(const void *ctx, size_t pos)
{
    return ((const uint64_t *)ctx)[pos];
}

static void series_index_tests(void)
{
    enum { NI = 120, NR = 500 };
    uint64_t *keys = g_new0(uint64_t, NI * NR);
    sb_sidx t;
    size_t i, r, n = 0, bad = 0, full = 0;

    sb_sidx_init(&t, key_at, keys);
    check(sb_sidx_find(&t, pair_of(0, 0)) == -1, "sidx/empty",
          "a pair found in an empty index");
    for (r = 0; r < NR; r++)
        for (i = 0; i < NI; i++, n++) {
            keys[n] = pair_of((sb_id)i, (sb_id)r);
            if (sb_sidx_add(&t, n) != 0)
                bad++;
            full += 4 * t.used > 3 * (t.mask + 1);
            /* the pair added first and the one just added */
            bad += sb_sidx_find(&t, pair_of(0, 0)) != 0;
            bad += sb_sidx_find(&t, pair_of((sb_id)i, (sb_id)r)) != (long)n;
        }
    for (n = 0; n < (size_t)NI * NR; n++) {
        sb_id ind = (sb_id)(keys[n] >> 32), reg = (sb_id)keys[n];
        bad += sb_sidx_find(&t, pair_of(ind, reg)) != (long)n;
        if (reg >= NI)          /* (reg, ind) is no pair of the table */
            bad += sb_sidx_find(&t, pair_of(reg, ind)) != -1;
        bad += sb_sidx_find(&t, pair_of(ind, reg + NR)) != -1;
    }
    check(bad == 0 && full == 0 && t.used == NI * NR &&
              t.mask + 1 == (1u << 17),
          "sidx/all", "%zu wrong answers, %zu times over 3/4 full, %zu "
          "used of %zu slots", bad, full, t.used, t.mask + 1);
    sb_sidx_clear(&t);
    check(t.slot == NULL && t.used == 0 &&
              sb_sidx_find(&t, pair_of(0, 0)) == -1,
          "sidx/clear", "the index not empty after a clear");
    g_free(keys);
}

/* ---- fallible allocation ------------------------------------------------ */

/* core/alloc.h: NULL only for a failure (never for zero bytes), an
   overflowing size fails, a growth keeps what was there, the builders
   keep a NUL at the end. */
static void alloc_tests(void)
{
    size_t cap = 0, i;
    int *v = NULL, ok = 1;
    sb_text t = {0};
    sb_ptrs a = {0};
    void *p = sb_malloc(0);

    check(p != NULL, "alloc/zero", "sb_malloc(0) gave NULL");
    g_free(p);
    check(sb_new(double, (size_t)-1 / 4) == NULL, "alloc/overflow",
          "an overflowing count was allocated");
    for (i = 0; i < 1000 && ok; i++) {
        ok = sb_grow(&v, &cap, i + 1) == 0 && cap > i;
        if (ok)
            v[i] = (int)i;
    }
    for (i = 0; i < 1000 && ok; i++)
        ok = v[i] == (int)i;
    check(ok, "alloc/grow", "a growing array lost its values");
    g_free(v);
    ok = sb_text_add(&t, "", 0) == 0 && t.s != NULL && t.s[0] == '\0' &&
         sb_text_add(&t, "ab", 2) == 0 && sb_text_add(&t, "c\0d", 3) == 0;
    check(ok && t.len == 5 && memcmp(t.s, "abc\0d", 6) == 0, "alloc/text",
          "the text builder gave %zu bytes", t.len);
    g_free(t.s);
    for (i = 0, ok = 1; i < 100 && ok; i++)
        ok = sb_ptrs_add(&a, &a) == 0;
    check(ok && a.len == 100 && a.pdata[99] == &a, "alloc/ptrs",
          "%zu pointers kept of 100", a.len);
    g_free(a.pdata);
    p = sb_strndup("abcdef", 3);
    check(p != NULL && strcmp(p, "abc") == 0, "alloc/strndup", "got %s",
          p ? (char *)p : "NULL");
    g_free(p);
}

/* ---- generated inputs --------------------------------------------------- */

/* A fixed LCG so that "random" files are the same on every machine. */
/* ---- portal formats: roles, kinds, scales (tests/data/) ------------------ */

/* Loads dir/data/file; NULL (a failure counted) when it does not load. */
static sb_dataset *load_one(const char *dir, const char *file)
{
    char *path = g_strdup_printf("%s/data/%s", dir, file);
    const char *args[1] = {path};
    input_options o;
    sb_dataset *ds = NULL;
    sb_diag diag;
    sb_error err = {0};

    memset(&o, 0, sizeof o);
    sb_diag_init(&diag);
    check(input_load(args, 1, &o, &ds, NULL, &diag, &err) == SB_OK,
          path, "does not load: %s", err.msg);
    sb_diag_clear(&diag);
    g_free(path);
    return ds;
}

/* Region name is (or with want 0, is not) an aggregate. */
static void aggregate_case(const sb_dataset *ds, const char *file,
                           const char *name, int want)
{
    sb_id r = sb_dataset_find_region(ds, name);
    int got = r != SB_NONE &&
              (sb_dataset_region_at(ds, r)->role & SB_ROLE_AGGREGATE) != 0;

    check(r != SB_NONE && got == want, file, "%s: %s", name,
          r == SB_NONE ? "no such region"
          : want ? "not an aggregate" : "an aggregate");
}

/* Indicator id has this kind (not guessed), unit, scale and base unit
   (NULL: none). */
static void unit_case(const sb_dataset *ds, const char *file, const char *id,
                      sb_kind kind, const char *unit, double scale,
                      const char *base)
{
    sb_id i = sb_dataset_find_indicator(ds, id);
    const sb_indicator *p = sb_dataset_indicator_at(ds, i);

    check(p != NULL && p->kind == kind && !p->kind_inferred &&
          strcmp(p->unit, unit) == 0 &&
          (base == NULL ? isnan(p->scale) && p->base_unit[0] == '\0'
                        : p->scale == scale &&
                              strcmp(p->base_unit, base) == 0),
          file, "%s: kind %s, unit \"%s\", scale %g \"%s\"", id,
          p ? sb_kind_name(p->kind) : "?", p ? p->unit : "?",
          p ? p->scale : 0.0, p ? p->base_unit : "?");
}

/* The names: region alias is another name of region name; indicator id
   is named name. */
static void names_case(const sb_dataset *ds, const char *file,
                       const char *alias, const char *region,
                       const char *id, const char *name)
{
    sb_id a = sb_dataset_find_region(ds, alias);
    sb_id i = sb_dataset_find_indicator(ds, id);

    check(a != SB_NONE && a == sb_dataset_find_region(ds, region), file,
          "%s is not an alias of %s", alias, region);
    check(i != SB_NONE &&
          strcmp(sb_dataset_indicator_at(ds, i)->name, name) == 0, file,
          "%s is not named \"%s\"", id, name);
}

static void formats_tests(const char *dir)
{
    static const char *const co2 = "owid/annual-co2-emissions-per-country.csv",
        *energy = "owid/energy-consumption-by-source-and-country.csv",
        *debt = "sdmx/oecd_debt.csv", *gdp = "sdmx/oecd_gdp.csv",
        *lfs = "sdmx/OECD.ELS.SAE,DSD_LFS@DF_LFS_COMP,1.1+all.csv",
        *housing = "eurostat-pandas/housing_overburden_rate.csv";
    sb_dataset *ds;

    if ((ds = load_one(dir, co2)) != NULL) {
        aggregate_case(ds, co2, "World", 1);          /* OWID_WRL */
        aggregate_case(ds, co2, "Africa", 1);         /* no code */
        aggregate_case(ds, co2, "International aviation", 1);
        aggregate_case(ds, co2, "Kosovo", 0);         /* OWID_KOS */
        aggregate_case(ds, co2, "China", 0);
        names_case(ds, co2, "CHN", "China", "annual_co2_emissions",
                   "Annual CO\xe2\x82\x82 emissions");
    }
    sb_dataset_destroy(ds);
    if ((ds = load_one(dir, energy)) != NULL) {
        aggregate_case(ds, energy, "USSR", 0);        /* OWID_USS */
        aggregate_case(ds, energy, "Africa (EI)", 1);
        names_case(ds, energy, "OWID_USS", "USSR", "coal_consumption_twh",
                   "Coal consumption - TWh");
    }
    sb_dataset_destroy(ds);
    if ((ds = load_one(dir, debt)) != NULL)
        unit_case(ds, debt, "GGD", SB_KIND_RATE, "% of GDP", 0, NULL);
    sb_dataset_destroy(ds);
    if ((ds = load_one(dir, gdp)) != NULL) {
        unit_case(ds, gdp, "USD", SB_KIND_AMOUNT, "million US dollars", 1e6,
                  "US dollars");
        unit_case(ds, gdp, "XDC", SB_KIND_AMOUNT,
                  "million national currency", 1e6, "national currency");
    }
    sb_dataset_destroy(ds);
    if ((ds = load_one(dir, lfs)) != NULL) {
        aggregate_case(ds, lfs, "G7", 1);
        aggregate_case(ds, lfs, "Iceland", 0);
        names_case(ds, lfs, "ISL", "Iceland", "F.Y65T69.UNE",
                   "Population, Female, From 65 to 69 years, Unemployment");
        unit_case(ds, lfs, "F.Y65T69.UNE", SB_KIND_RATE,
                  "% of population in the same subgroup", 0, NULL);
    }
    sb_dataset_destroy(ds);
    if ((ds = load_one(dir, housing)) != NULL) {
        aggregate_case(ds, housing, "EU27_2020", 1);
        aggregate_case(ds, housing, "EA19", 1);
        aggregate_case(ds, housing, "EE", 0);         /* Estonia */
    }
    sb_dataset_destroy(ds);
}

static unsigned lcg(unsigned *x)
{
    *x = *x * 1103515245u + 12345u;
    return (*x >> 16) & 0xff;
}

static int gen(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 0, i;
    unsigned seed = argc > 2 ? (unsigned)atol(argv[2]) : 1;
    const char *hdr = "indicator,region,year,value\n";

    if (argc < 2 || n <= 0)
        return 2;
    if (strcmp(argv[0], "random") == 0) {
        for (i = 0; i < n; i++)
            putchar((int)lcg(&seed));
    } else if (strcmp(argv[0], "bigfield") == 0) {
        printf("%sgdp,Chongqing,2020,\"", hdr);
        for (i = 0; i < n; i++)
            putchar('9');
        puts("\"");
    } else if (strcmp(argv[0], "unterminated") == 0) {
        fputs(hdr, stdout);
        for (i = 0; (long)(i * 24) < n; i++)
            printf("gdp,R%06ld,%ld,%ld.5\n", i % 100000, 2000 + i / 100000,
                   i);
        puts("gdp,Chongqing,2020,\"12");
    } else if (strcmp(argv[0], "rows") == 0) {
        /* n values: 100 indicators x n/100/30 regions x 30 years */
        fputs(hdr, stdout);
        for (i = 0; i < n; i++)
            printf("ind%02ld,Region %05ld,%ld,%ld.%ld\n", i % 100,
                   (i / 100) / 30, 1990 + (i / 100) % 30, i % 9973, i % 10);
    } else {
        return 2;
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "tests";

    if (argc > 2 && strcmp(argv[1], "gen") == 0)
        return gen(argc - 2, argv + 2);
    if (argc == 5 && strcmp(argv[1], "pngdiff") == 0)
        return pngdiff(argv[2], argv[3], argv[4]);
    run_file(dir, "cells.test", cell_case);
    cell_random();
    shortest_tests(dir);
    reader_tests();
    parallel_tests(dir);
    misc_tests();
    alloc_tests();
    series_lookup_tests();
    series_index_tests();
    add_run_tests();
    lean_tests();
    formats_tests(dir);
    gazetteer_tests(dir);
    metrics_tests(dir);
    reports_tests(dir);
    spec_tests(dir);
    plots_tests();
    printf("unit: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
