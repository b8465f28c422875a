/*
 * core/textio.c -- text for terminals and CSV files: display widths of
 * UTF-8 (CJK takes two columns), padding, RFC 4180 fields. Used by
 * `check` (input/summary.c) and `metrics` (metrics/output.c).
 */
#include "core/textio.h"

#include <glib.h>
#include <string.h>

/* Display width of UTF-8 text: East Asian wide characters take two
   columns, so tables with 重庆 stay aligned. */
int sb_text_width(const char *s)
{
    int w = 0;

    for (; *s; s = g_utf8_next_char(s)) {
        gunichar c = g_utf8_get_char(s);
        w += g_unichar_iswide(c) ? 2 : g_unichar_iszerowidth(c) ? 0 : 1;
    }
    return w;
}

void sb_text_pad(FILE *out, const char *s, int width)
{
    int w = sb_text_width(s);

    fputs(s, out);
    for (; w < width; w++)
        fputc(' ', out);
}

/* RFC 4180: quote a field with a delimiter, quote, line break or edge
   space; double the quotes inside. */
void sb_csv_put(FILE *out, const char *s)
{
    size_t n = strlen(s);

    if (strpbrk(s, ",\"\r\n") == NULL &&
        (n == 0 || (s[0] != ' ' && s[n - 1] != ' '))) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}
