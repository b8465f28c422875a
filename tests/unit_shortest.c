/*
 * tests/unit_shortest.c -- core/shortest.c and the Ryu code under it
 * (core/ryu/): tests/shortest.test (exact texts), tests/ryu.test (Ryu's
 * own vectors through the vendored d2s), every number of the NIST StRD
 * files of tests/nist/, every power of two and of ten a double has, with
 * its neighbours, and 200,000 random bit patterns.
 *
 * Beyond the expected text, each value gets the proof of shortness
 * (shortest_proof): the text reads back to the same double; no string
 * of one digit fewer does (the digits rounded down and up); and a string
 * of as many digits one unit away either does not read back or is no
 * closer. The expected texts of the .test files come from CPython's
 * repr (David Gay's dtoa), not from this code.
 */
#include <glib.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ryu/ryu.h"
#include "core/shortest.h"
#include "unit.h"

/* INPUT as decimal text (g_ascii_strtod) or "0x" and 16 hex digits of
   the IEEE bits. */
static double shortest_input(const char *s)
{
    uint64_t b;
    double v;

    if (strncmp(s, "0x", 2) == 0) {
        b = g_ascii_strtoull(s + 2, NULL, 16);
        memcpy(&v, &b, sizeof v);
        return v;
    }
    return g_ascii_strtod(s, NULL);
}

static int same_double(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

/* m × 10^e read back with strtod. */
static double shortest_read(uint64_t m, int e)
{
    char t[48];

    snprintf(t, sizeof t, "%" PRIu64 "e%d", m, e);
    return g_ascii_strtod(t, NULL);
}

/* |m × 10^e − v| in long double (64-bit significand: a unit of the 17th
   digit is resolved to a thousandth at least). */
static long double shortest_dist(uint64_t m, int e, double v)
{
    char t[48];

    snprintf(t, sizeof t, "%" PRIu64 "e%d", m, e);
    return fabsl(strtold(t, NULL) - (long double)v);
}

/* 1 when long double really carries more digits than double. Not under
   valgrind, whose x87 emulation computes it as a double: there the
   neighbours' distances tie and the "closer" part of the proof would
   fail on correct digits (`make memcheck`), so it is left out, and said
   so once. */
static int extended_precision(void)
{
    static int known = -1;

    if (known < 0) {
        volatile long double one = 1.0L, tiny = 0x1p-60L;
        known = one + tiny != one;
        if (!known)
            printf("unit: long double is no wider than double here "
                   "(valgrind?): the shortest digits' closeness is not "
                   "judged\n");
    }
    return known;
}

/* The proof for a finite non-zero v and its text got: 0, or 1 with what
   failed in msg. */
static int shortest_fault(double v, const char *got, char *msg, size_t size)
{
    char d[24];
    int e10, neg, n, i, e;
    uint64_t m = 0;
    long double mine;

    if (!same_double(g_ascii_strtod(got, NULL), v))
        return snprintf(msg, size, "%s does not read back to %.17g", got,
                        v) > 0;
    sb_shortest_digits(v, d, &e10, &neg);
    n = (int)strlen(d);
    for (i = 0; i < n; i++)
        m = m * 10 + (uint64_t)(d[i] - '0');
    e = e10 - n + 1;                              /* |v| = m × 10^e */
    if (n < 1 || n > 17 || d[n - 1] == '0')
        return snprintf(msg, size, "%s: digits %s", got, d) > 0;
    if (n > 1 && (shortest_read(m / 10, e + 1) == fabs(v) ||
                  shortest_read(m / 10 + 1, e + 1) == fabs(v)))
        return snprintf(msg, size, "%s: %d digits would do", got, n - 1) > 0;
    if (!extended_precision())
        return 0;                 /* the closeness cannot be judged */
    mine = shortest_dist(m, e, fabs(v));
    for (i = -1; i <= 1; i += 2) {
        uint64_t o = m + (uint64_t)(int64_t)i;
        if (shortest_read(o, e) == fabs(v) &&
            shortest_dist(o, e, fabs(v)) < mine)
            return snprintf(msg, size, "%s: %" PRIu64 "e%d is closer", got,
                            o, e) > 0;
    }
    return 0;
}

static void shortest_proof(const char *where, double v, const char *got)
{
    char msg[160];

    check(!shortest_fault(v, got, msg, sizeof msg), where, "%s", msg);
}

/* Line: `INPUT => EXPECTED`. */
static void shortest_case(const char *where, char *line)
{
    char *arrow = strstr(line, " => "), got[SB_SHORTEST_MAX];
    double v;

    if (arrow == NULL) {
        check(0, where, "malformed test line");
        return;
    }
    *arrow = '\0';
    v = shortest_input(line);
    check(sb_format_shortest(v, got) == strlen(got), where,
          "%s: the length returned is not the text's", line);
    check(strcmp(got, arrow + 4) == 0, where, "%s: expected %s, got %s", line,
          arrow + 4, got);
    if (isfinite(v) && v != 0)
        shortest_proof(where, v, got);
    else
        check(same_double(g_ascii_strtod(got, NULL), v) || isnan(v), where,
              "%s does not read back", got);
}

/* Line: `0xBITS => D2S  # upstream expression`. */
static void ryu_case(const char *where, char *line)
{
    char *arrow = strstr(line, " => "), *hash = strstr(line, "  #");
    char got[32];

    if (arrow == NULL || hash == NULL) {
        check(0, where, "malformed test line");
        return;
    }
    *arrow = *hash = '\0';
    d2s_buffered(shortest_input(line), got);
    check(strcmp(got, arrow + 4) == 0, where, "%s: expected %s, got %s",
          line, arrow + 4, got);
}

/* v and both its neighbours: the proof for each, and the text reads
   back signed (both signs). */
static void shortest_around(const char *where, double v)
{
    double w[3] = {nextafter(v, 0), v, nextafter(v, INFINITY)};
    char got[SB_SHORTEST_MAX];
    int i;

    for (i = 0; i < 3; i++) {
        if (w[i] == 0 || !isfinite(w[i]))
            continue;
        sb_format_shortest(w[i], got);
        shortest_proof(where, w[i], got);
        sb_format_shortest(-w[i], got);
        check(got[0] == '-' && same_double(g_ascii_strtod(got, NULL), -w[i]),
              where, "%s: the negative of %.17g", got, w[i]);
    }
}

/* Every power of two and of ten a double has, every integer near 2^53. */
static void shortest_ranges(void)
{
    char t[16];
    int k;

    for (k = -1074; k <= 1023; k++)
        shortest_around("shortest/2^k", ldexp(1.0, k));
    for (k = -323; k <= 308; k++) {
        snprintf(t, sizeof t, "1e%d", k);
        shortest_around("shortest/10^k", g_ascii_strtod(t, NULL));
    }
    for (k = -64; k <= 64; k++)
        shortest_around("shortest/2^53+k", 9007199254740992.0 + k);
}

/* The significant digits of a decimal token, no leading or trailing
   zeros; their count, or -1 when tok is not a number. */
static int shortest_sig(const char *tok, char *sig, size_t size)
{
    size_t n = 0;
    const char *p = tok + (*tok == '-' || *tok == '+');

    if (*p == '\0')
        return -1;
    for (; *p != '\0' && *p != 'e' && *p != 'E'; p++) {
        if (*p == '.')
            continue;
        if (*p < '0' || *p > '9')
            return -1;
        if ((n > 0 || *p != '0') && n + 1 < size)
            sig[n++] = *p;
    }
    while (n > 0 && sig[n - 1] == '0')
        n--;
    sig[n] = '\0';
    return (int)n;
}

/* Every number of tests/nist/ (data and certified values, at most 15
   significant digits): its shortest digits are its own, trailing zeros
   dropped (DBL_DIG is 15: such a decimal always reads back, and no other
   decimal of 15 digits or fewer reads to the same double). */
static void shortest_nist(const char *dir)
{
    char *path = g_build_filename(dir, "nist", NULL);
    GDir *gd = g_dir_open(path, 0, NULL);
    const char *name;
    int count = 0;

    while (gd != NULL && (name = g_dir_read_name(gd)) != NULL) {
        char *file = g_build_filename(path, name, NULL), *text = NULL;
        char **tok, where[300], sig[64], d[24], got[SB_SHORTEST_MAX];
        int i, e10, neg, n;

        if (!g_file_get_contents(file, &text, NULL, NULL))
            check(0, file, "cannot read");
        tok = g_strsplit_set(text ? text : "", " \n", -1);
        for (i = 0; tok[i] != NULL; i++) {
            double v = g_ascii_strtod(tok[i], NULL);
            n = shortest_sig(tok[i], sig, sizeof sig);
            if (n <= 0 || n > 15 || tok[i][0] == '#')
                continue;
            snprintf(where, sizeof where, "%s: %s", file, tok[i]);
            sb_shortest_digits(v, d, &e10, &neg);
            check(strcmp(d, sig) == 0, where, "digits %s, not %s", d, sig);
            check(sb_format_shortest(v, got) == strlen(got), where,
                  "the length returned is not the text's");
            shortest_proof(where, v, got);
            count++;
        }
        g_strfreev(tok);
        g_free(text);
        g_free(file);
    }
    check(count > 4000, "shortest/nist", "only %d numbers in %s", count,
          path);
    if (gd != NULL)
        g_dir_close(gd);
    g_free(path);
}

/* 200,000 random bit patterns (splitmix64, fixed seed; NaN and
   infinities skipped) through the proof: one check. */
static void shortest_random(void)
{
    uint64_t x = 24, b;
    char got[SB_SHORTEST_MAX], msg[160], first[160] = "";
    int i, bad = 0;
    double v;

    for (i = 0; i < 200000; i++) {
        b = x += 0x9e3779b97f4a7c15u;
        b = (b ^ (b >> 30)) * 0xbf58476d1ce4e5b9u;
        b = (b ^ (b >> 27)) * 0x94d049bb133111ebu;
        b ^= b >> 31;
        memcpy(&v, &b, sizeof v);
        if (!isfinite(v) || v == 0)
            continue;
        sb_format_shortest(v, got);
        if (shortest_fault(v, got, msg, sizeof msg) && bad++ == 0)
            g_strlcpy(first, msg, sizeof first);
    }
    check(bad == 0, "shortest/random", "%d of 200000 fail, first: %s", bad,
          first);
}

void shortest_tests(const char *dir)
{
    run_file(dir, "shortest.test", shortest_case);
    run_file(dir, "ryu.test", ryu_case);
    shortest_ranges();
    shortest_random();
    shortest_nist(dir);
}
