/*
 * core/textio.h -- text for terminals and CSV files, shared by every
 * command that prints a table or writes CSV.
 */
#ifndef SB_TEXTIO_H
#define SB_TEXTIO_H

#include <stdio.h>

/* Display width of UTF-8 text in a terminal: East Asian wide characters
   take two columns (so 重庆 lines up), combining marks none. */
int sb_text_width(const char *s);
/* Writes s and pads it with spaces to `width` columns. */
void sb_text_pad(FILE *out, const char *s, int width);

/* s as a CSV field (RFC 4180: quoted when it holds a comma, quote, line
   break or edge space). */
void sb_csv_put(FILE *out, const char *s);

/* s as a text field of a CSV file that people open in a spreadsheet:
   as sb_csv_put, except that a field a spreadsheet would run as a
   formula (one that starts with =, +, -, @, a tab or a line break, or
   a full-width ＝＋－＠) is written quoted with a ' before it, which
   spreadsheets show as text (OWASP, "CSV Injection"). */
void sb_csv_put_text(FILE *out, const char *s);

#endif
