/*
 * bench/shortest.c -- `make bench`: core/shortest.c (Ryu, core/ryu/)
 * against the routine it replaced, kept below as it was (the nearest 15,
 * 16, then 17 significant digits by g_ascii_formatd, each read back by
 * g_ascii_strtod), on a deterministic stream of doubles.
 *
 *   shortestbench [N]    N values (default $BENCH_SHORTEST, else 10^9)
 *
 * The stream, value i a function of i alone (splitmix64), in chunks of
 * 1024 values of one kind: 5/8 of the chunks random bit patterns (NaN
 * and infinities skipped), 2/8 "decimal-looking" values k / 10^d (k up
 * to 10 digits, d up to 7, either sign), 1/8 powers of two or one of
 * their two neighbours (where the old routine is not shortest). Two
 * threads, each half of the stream: each routine formats a chunk, timed
 * in thread CPU time, then the texts are compared. Prints the counts: identical texts; differences, each of
 * which must be new shorter, or as long and closer to the value, both
 * reading back (the first few printed); failures, which must be 0 (exit
 * status 1 otherwise). Then ns per value of each routine: figures,
 * never asserted.
 */
#include <float.h>
#include <glib.h>
#include <inttypes.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/shortest.h"

/* ---- the old routine, as core/shortest.c had it ------------------------ */

static void old_shortest_digits(double v, char *d, int *e10, int *neg)
{
    char fmt[16], buf[40], *p, *q;
    int prec;

    if (v == 0) {
        strcpy(d, "0");
        *e10 = 0;
        *neg = signbit(v) != 0;
        return;
    }
    for (prec = fabs(v) < DBL_MIN ? 0 : 14; prec < 16; prec++) {
        snprintf(fmt, sizeof fmt, "%%.%de", prec);
        g_ascii_formatd(buf, sizeof buf, fmt, v);
        if (g_ascii_strtod(buf, NULL) == v)
            break;
    }
    if (prec == 16)
        g_ascii_formatd(buf, sizeof buf, "%.16e", v);
    p = buf;
    *neg = *p == '-';
    if (*neg)
        p++;
    for (q = d; *p != 'e'; p++)
        if (*p != '.')
            *q++ = *p;
    while (q > d + 1 && q[-1] == '0')
        q--;
    *q = '\0';
    *e10 = atoi(p + 1);
}

static void old_format_shortest(double v, char *out)
{
    char d[24];
    int e10, neg, n, i;
    char *o = out;

    if (!isfinite(v)) {
        strcpy(out, isnan(v) ? "nan" : v > 0 ? "inf" : "-inf");
        return;
    }
    if (v == 0) {
        strcpy(out, signbit(v) ? "-0" : "0");
        return;
    }
    old_shortest_digits(v, d, &e10, &neg);
    n = (int)strlen(d);
    if (neg)
        *o++ = '-';
    if (e10 < -4 || e10 >= 16) {
        *o++ = d[0];
        if (n > 1) {
            *o++ = '.';
            memcpy(o, d + 1, (size_t)n - 1);
            o += n - 1;
        }
        /* |e10| <= 324 for a finite double */
        snprintf(o, 8, "e%c%02d", e10 < 0 ? '-' : '+', abs(e10) % 1000);
        return;
    }
    if (e10 < 0) {
        *o++ = '0';
        *o++ = '.';
        for (i = -1; i > e10; i--)
            *o++ = '0';
        memcpy(o, d, (size_t)n);
        o += n;
    } else {
        for (i = 0; i <= e10; i++)
            *o++ = i < n ? d[i] : '0';
        if (n > e10 + 1) {
            *o++ = '.';
            memcpy(o, d + e10 + 1, (size_t)(n - e10 - 1));
            o += n - e10 - 1;
        }
    }
    *o = '\0';
}

/* ---- the stream ---------------------------------------------------------- */

static uint64_t splitmix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15u;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
    return x ^ (x >> 31);
}

static double from_bits(uint64_t b)
{
    double v;

    memcpy(&v, &b, sizeof v);
    return v;
}

#define CHUNK 1024
#define KINDS 3
static const char *const kind_name[KINDS] = {
    "random bits", "decimal-looking", "powers of two"};

/* The kind of the values of chunk c: 0 random bits, 1 decimal-looking,
   2 powers of two and neighbours (5/8, 2/8, 1/8). */
static int stream_kind(uint64_t c)
{
    unsigned k = (unsigned)(splitmix64(~c) & 7);

    return k < 5 ? 0 : k < 7 ? 1 : 2;
}

/* Value i of the stream (see the top). */
static double stream_value(uint64_t i)
{
    static const double p10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7};
    uint64_t x = splitmix64(i), y;
    int kind = stream_kind(i / CHUNK);
    double v;

    if (kind == 0) {
        for (y = splitmix64(x); ((y >> 52) & 0x7ff) == 0x7ff;)
            y = splitmix64(y);                        /* no NaN, no inf */
        return from_bits(y);
    }
    if (kind == 1) {
        uint64_t digits = 1 + (x >> 3) % 10, k = x >> 12, m = 1;
        while (digits-- > 0)
            m *= 10;
        v = (double)(k % m) / p10[(x >> 8) % 8];  /* correctly rounded */
        return (x >> 11) & 1 ? -v : v;
    }
    v = ldexp(1.0, (int)((x >> 3) % 2098) - 1074);
    switch ((x >> 16) % 3) {
    case 0: return nextafter(v, 0);
    case 1: return v;
    default: return nextafter(v, INFINITY);
    }
}

/* ---- the comparison ------------------------------------------------------ */

#define SHOWN 8

typedef struct {
    uint64_t from, to;
    uint64_t same, shorter, closer, failed, pow2;  /* pow2: differences */
    double new_s[KINDS], old_s[KINDS];        /* thread CPU seconds */
    uint64_t count[KINDS];
    char shown[SHOWN][160];
    int nshown;
} bench_part;

static double cpu_now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* |digits × 10^(e10 - n + 1) − |v||, in long double. */
static long double dist(const char *d, int e10, double v)
{
    char t[48];

    snprintf(t, sizeof t, "%se%d", d, e10 - (int)strlen(d) + 1);
    return fabsl(strtold(t, NULL) - fabsl((long double)v));
}

/* A value whose texts differ: counted as shorter, closer or failed. */
static void differ(bench_part *p, double v, const char *nw, const char *old)
{
    char dn[24], dold[24];
    int en, eo, neg, ok;
    size_t ln, lo;
    const char *why;
    uint64_t bits;

    memcpy(&bits, &v, sizeof bits);
    p->pow2 += (bits & 0xfffffffffffffu) == 0;
    sb_shortest_digits(v, dn, &en, &neg);
    old_shortest_digits(v, dold, &eo, &neg);
    ln = strlen(dn);
    lo = strlen(dold);
    ok = g_ascii_strtod(nw, NULL) == v && g_ascii_strtod(old, NULL) == v;
    if (ok && ln < lo) {
        p->shorter++;
        why = "new shorter";
    } else if (ok && ln == lo && dist(dn, en, v) <= dist(dold, eo, v)) {
        p->closer++;
        why = "as long, closer";
    } else {
        p->failed++;
        why = "FAILURE";
    }
    if (p->nshown < SHOWN)
        snprintf(p->shown[p->nshown++], sizeof p->shown[0],
                 "%016" PRIx64 "  old %-24.31s new %-24.31s %s", bits, old,
                 nw, why);
}

static void *bench_run(void *arg)
{
    static __thread char nw[CHUNK][SB_SHORTEST_MAX], old[CHUNK][SB_SHORTEST_MAX];
    bench_part *p = arg;
    double v[CHUNK], t;
    uint64_t i, n, k;
    int kind;

    for (i = p->from; i < p->to; i += n) {
        n = CHUNK - i % CHUNK;
        if (n > p->to - i)
            n = p->to - i;
        kind = stream_kind(i / CHUNK);
        p->count[kind] += n;
        for (k = 0; k < n; k++)
            v[k] = stream_value(i + k);
        t = cpu_now();
        for (k = 0; k < n; k++)
            sb_format_shortest(v[k], nw[k]);
        p->new_s[kind] += cpu_now() - t;
        t = cpu_now();
        for (k = 0; k < n; k++)
            old_format_shortest(v[k], old[k]);
        p->old_s[kind] += cpu_now() - t;
        for (k = 0; k < n; k++) {
            if (strcmp(nw[k], old[k]) == 0)
                p->same++;
            else
                differ(p, v[k], nw[k], old[k]);
        }
    }
    return NULL;
}

/* Every normal power of two, both routines: how many texts differ (the
   differences of the stream should all be among these). */
static int bench_powers(void)
{
    char nw[SB_SHORTEST_MAX], old[SB_SHORTEST_MAX];
    int k, n = 0;

    for (k = -1022; k <= 1023; k++) {
        sb_format_shortest(ldexp(1.0, k), nw);
        old_format_shortest(ldexp(1.0, k), old);
        n += strcmp(nw, old) != 0;
    }
    return n;
}

/* The counts, the times by kind, the first differences; returns the
   number of failures. */
static uint64_t bench_print(uint64_t total, double wall,
                            const bench_part *part)
{
    uint64_t same = 0, shorter = 0, closer = 0, failed = 0, pow2 = 0;
    uint64_t count[KINDS] = {0};
    double new_s[KINDS] = {0}, old_s[KINDS] = {0}, ns, os;
    int i, j, shown = 0;

    for (i = 0; i < 2; i++) {
        same += part[i].same;
        shorter += part[i].shorter;
        closer += part[i].closer;
        failed += part[i].failed;
        pow2 += part[i].pow2;
        for (j = 0; j < KINDS; j++) {
            new_s[j] += part[i].new_s[j];
            old_s[j] += part[i].old_s[j];
            count[j] += part[i].count[j];
        }
    }
    printf("bench shortest: %" PRIu64 " values on 2 threads, %.1f s wall\n",
           total, wall);
    printf("  identical texts              %" PRIu64 "\n", same);
    printf("  differences                  %" PRIu64 " (new shorter %" PRIu64
           ", as long and closer %" PRIu64 ")\n", shorter + closer, shorter,
           closer);
    printf("    at a power of two          %" PRIu64 ", elsewhere %" PRIu64 "\n",
           pow2, shorter + closer + failed - pow2);
    printf("  every normal power of two    %d of 2046 differ\n",
           bench_powers());
    printf("  failures                     %" PRIu64 "%s\n", failed,
           failed ? "   FAILED" : "");
    printf("  ns per value (CPU)           old: printf + strtod   new: Ryu\n");
    for (j = 0, ns = os = 0; j <= KINDS; j++) {
        double o = j < KINDS ? old_s[j] : os, w = j < KINDS ? new_s[j] : ns;
        uint64_t c = j < KINDS ? count[j] : total;
        if (c == 0)
            continue;
        printf("  %-18s %11" PRIu64 "  %9.1f  %9.1f   %.1fx faster\n",
               j < KINDS ? kind_name[j] : "all", c, o * 1e9 / (double)c,
               w * 1e9 / (double)c, w > 0 ? o / w : 0);
        if (j < KINDS) {
            os += old_s[j];
            ns += new_s[j];
        }
    }
    for (i = 0; i < 2; i++)
        for (j = 0; j < part[i].nshown && shown < SHOWN; j++, shown++)
            printf("  %s %s\n", shown ? "        " : "first:  ",
                   part[i].shown[j]);
    return failed;
}

int main(int argc, char **argv)
{
    const char *env = getenv("BENCH_SHORTEST");
    uint64_t total = 1000000000u;
    bench_part part[2];
    pthread_t th[2];
    double wall;
    struct timespec t0, t1;
    int i;
    char *end;

    if (argc > 1 || (env != NULL && *env != '\0')) {
        total = g_ascii_strtoull(argc > 1 ? argv[1] : env, &end, 10);
        if (*end != '\0' || total == 0) {
            fprintf(stderr, "bench: shortest: BENCH_SHORTEST must be a "
                    "positive integer\n");
            return 2;
        }
    }
    memset(part, 0, sizeof part);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (i = 0; i < 2; i++) {
        part[i].from = total / 2 * (uint64_t)i;
        part[i].to = i == 1 ? total : total / 2;
        if (pthread_create(&th[i], NULL, bench_run, &part[i]) != 0) {
            fprintf(stderr, "bench: shortest: cannot start a thread\n");
            return 2;
        }
    }
    for (i = 0; i < 2; i++)
        pthread_join(th[i], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    wall = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    return bench_print(total, wall, part) != 0;
}
