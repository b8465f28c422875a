/*
 * core/shortest.c -- shortest round-trip decimals of doubles.
 */
#include "core/shortest.h"

#include <float.h>
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Digits of v in d[] (no dot, no trailing zeros), decimal exponent in
   *e10: the shortest form that reads back to v. Only 15, 16 and 17
   significant digits need trying: if the nearest 15-digit decimal reads
   back, stripping its trailing zeros gives the shortest one (a double's
   spacing is finer than that decimal grid), and 17 always reads back.
   Subnormals have fewer significant bits: search them from 1 digit. */
void sb_shortest_digits(double v, char *d, int *e10, int *neg)
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

void sb_format_shortest(double v, char *out)
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
    sb_shortest_digits(v, d, &e10, &neg);
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

