/*
 * core/shortest.c -- shortest round-trip decimals of doubles, by Ryu
 * (core/ryu/, Ulf Adams' reference implementation): the fewest
 * significant digits that read back to the same double, the closest of
 * them to it. The text is written here, without printf: no locale, no
 * allocation.
 */
#include "core/shortest.h"

#include "core/ryu/digit_table.h"
#include "core/ryu/ryu.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* r < 10^8 as exactly eight digits at o (leading zeros). */
static void eight_digits(char *o, uint32_t r)
{
    uint32_t hi = r / 10000, lo = r % 10000;

    memcpy(o, DIGIT_TABLE + 2 * (hi / 100), 2);
    memcpy(o + 2, DIGIT_TABLE + 2 * (hi % 100), 2);
    memcpy(o + 4, DIGIT_TABLE + 2 * (lo / 100), 2);
    memcpy(o + 6, DIGIT_TABLE + 2 * (lo % 100), 2);
}

/* The decimal digits of m (1 <= m < 10^17) at d, most significant first,
   two at a time from Ryu's table; returns how many. */
static int shortest_utoa(uint64_t m, char *d)
{
    static const uint64_t pow10[20] = {
        1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u,
        100000000u, 1000000000u, 10000000000u, 100000000000u,
        1000000000000u, 10000000000000u, 100000000000000u,
        1000000000000000u, 10000000000000000u, 100000000000000000u,
        1000000000000000000u, 10000000000000000000u};
    /* floor(log10(2^bits)) by 1233/4096 (log10 2 to 4 digits), less one
       when m is below that power of ten: the digits less one, without a
       loop over the powers */
    int t = ((64 - __builtin_clzll(m | 1)) * 1233) >> 12;
    int n = t + (m >= pow10[t]) + (m == 0);

    uint32_t k;
    char *o = d + n;

    /* eight digits at a time in 32 bits, their two halves apart: the
       64-bit divisions by 100 were one chain of eight */
    while (m >= 100000000u) {
        uint64_t q = m / 100000000u;
        o -= 8;
        eight_digits(o, (uint32_t)(m - 100000000u * q));
        m = q;
    }
    for (k = (uint32_t)m; k >= 100; k /= 100) {
        o -= 2;
        memcpy(o, DIGIT_TABLE + 2 * (k % 100), 2);
    }
    if (k >= 10)
        memcpy(o - 2, DIGIT_TABLE + 2 * k, 2);
    else
        o[-1] = (char)('0' + k);
    return n;
}

/* v's shortest digits (no trailing zeros) at d, their count returned;
   v = ±d.ddd × 10^*e10. v finite and not zero. */
static int shortest_parts(double v, char *d, int *e10, int *neg)
{
    uint64_t m;
    int32_t e;
    int n, len;

    *neg = ryu_d2d_parts(v, &m, &e);
    len = n = shortest_utoa(m, d);
    while (n > 1 && d[n - 1] == '0')     /* integers below 2^53 (1000) */
        n--;
    *e10 = (int)e + len - 1;
    return n;
}

void sb_shortest_digits(double v, char *digits, int *e10, int *neg)
{
    int n;

    if (v == 0 || !isfinite(v)) {        /* not finite: not for here */
        strcpy(digits, "0");
        *e10 = 0;
        *neg = signbit(v) != 0;
        return;
    }
    n = shortest_parts(v, digits, e10, neg);
    digits[n] = '\0';
}

/* "e+20", "e-05", "e-324": at least two exponent digits, like printf's
   %e. Returns the end. */
static char *shortest_exponent(char *o, int e10)
{
    int a = e10 < 0 ? -e10 : e10;

    *o++ = 'e';
    *o++ = e10 < 0 ? '-' : '+';
    if (a >= 100)
        *o++ = (char)('0' + a / 100);
    *o++ = (char)('0' + a / 10 % 10);
    *o++ = (char)('0' + a % 10);
    return o;
}

/* n digits d[] with v = d.ddd × 10^e10, as text at o; returns the end.
   Positional for exponents -4..15, scientific outside. */
static char *shortest_text(char *o, const char *d, int n, int e10)
{
    int i;

    if (e10 < -4 || e10 >= 16) {
        *o++ = d[0];
        if (n > 1) {
            *o++ = '.';
            memcpy(o, d + 1, (size_t)n - 1);
            o += n - 1;
        }
        return shortest_exponent(o, e10);
    }
    if (e10 < 0) {                   /* "0." and -1 - e10 zeros, 0 to 3 */
        memcpy(o, "0.000", (size_t)(1 - e10));
        memcpy(o + 1 - e10, d, (size_t)n);
        return o + 1 - e10 + n;
    }
    for (i = 0; i <= e10; i++)
        *o++ = i < n ? d[i] : '0';
    if (n > e10 + 1) {
        *o++ = '.';
        memcpy(o, d + e10 + 1, (size_t)(n - e10 - 1));
        o += n - e10 - 1;
    }
    return o;
}

/* nan, inf, -inf, 0, -0: written at out, its length returned; 0 for
   any other. */
static size_t shortest_special(double v, char *out)
{
    const char *s = isnan(v)   ? "nan"
                    : isinf(v) ? (v > 0 ? "inf" : "-inf")
                    : v == 0   ? (signbit(v) ? "-0" : "0")
                               : NULL;

    if (s == NULL)
        return 0;
    strcpy(out, s);
    return strlen(s);
}

size_t sb_format_shortest(double v, char *out)
{
    char d[24], *o = out;
    int e10, neg, n;
    size_t k;

    if ((k = shortest_special(v, out)) != 0)
        return k;
    if (fabs(v) < 9007199254740992.0 && v == (double)(int64_t)v) {
        /* an integer below 2^53: its own digits, at most 16, positional
           (a third of Ryu's time) */
        if (v < 0)
            *o++ = '-';
        o += shortest_utoa((uint64_t)fabs(v), o);
        *o = '\0';
        return (size_t)(o - out);
    }
    n = shortest_parts(v, d, &e10, &neg);
    if (neg)
        *o++ = '-';
    o = shortest_text(o, d, n, e10);
    *o = '\0';
    return (size_t)(o - out);
}
