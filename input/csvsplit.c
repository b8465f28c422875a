/*
 * input/csvsplit.c -- the last record end of a text, by its quotes only:
 * memchr finds the quotes, and only the bytes just before a quote are
 * looked at, so a quote-free text costs two scans at memchr's speed.
 */
#define _GNU_SOURCE             /* memrchr */
#include "csvsplit.h"

#include <string.h>

/* Whether the quote at s[q] starts a field: what comes before it, past
   spaces and tabs that are not the delimiter, is the delimiter, a line
   end or the start of the text. (A quote just before it means "A" "B",
   an error, or a quote that an unquoted field holds.) */
static int opens_field(const char *s, size_t q, char delim)
{
    while (q > 0 && (s[q - 1] == ' ' || s[q - 1] == '\t') &&
           s[q - 1] != delim)
        q--;
    return q == 0 || s[q - 1] == delim || s[q - 1] == '\n' ||
           s[q - 1] == '\r';
}

size_t input_split_last(const char *s, size_t n, char delim)
{
    size_t pos = 0, last = 0;

    for (;;) {
        const char *q = memchr(s + pos, '"', n - pos);
        size_t end = q != NULL ? (size_t)(q - s) : n, at;
        const char *lf = memrchr(s + pos, '\n', end - pos);

        if (lf != NULL)
            last = (size_t)(lf - s) + 1;
        if (q == NULL)
            return last;
        at = end + 1;
        if (!opens_field(s, end, delim)) {
            pos = at;                  /* a character of its field */
            continue;
        }
        /* a quoted field: to its closing quote, past each "" */
        for (;;) {
            const char *c = memchr(s + at, '"', n - at);
            size_t ci;
            if (c == NULL)
                return last;           /* still open at the end */
            ci = (size_t)(c - s);
            if (ci + 1 == n)
                return last;           /* "" or the end: not known yet */
            if (s[ci + 1] != '"') {
                pos = ci + 1;
                break;
            }
            at = ci + 2;
        }
    }
}
