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

/* Characters a spreadsheet takes as the start of a formula (OWASP, "CSV
   Injection"; CWE-1236): =, +, -, @, and tab, carriage return and line
   feed, which some of them skip before one; and their full-width forms
   (＝ ＋ － ＠), which some read as the same. */
static int formula_start(const char *s)
{
    static const char *const wide[] = {"\xef\xbc\x9d", "\xef\xbc\x8b",
                                       "\xef\xbc\x8d", "\xef\xbc\xa0"};
    size_t i;

    if (*s != '\0' && strchr("=+-@\t\r\n", *s) != NULL)
        return 1;
    for (i = 0; i < sizeof wide / sizeof wide[0]; i++)
        if (strncmp(s, wide[i], 3) == 0)
            return 1;
    return 0;
}

void sb_csv_put_text(FILE *out, const char *s)
{
    if (!formula_start(s)) {
        sb_csv_put(out, s);
        return;
    }
    fputs("\"'", out);          /* quoted, so that the quote mark stays */
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}
