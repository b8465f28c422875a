/*
 * input/csvsplit.h -- where a CSV text may be cut into parts that parse
 * on their own: after a line end that is provably outside quotes.
 *
 * The rule is libcsv's as the reader drives it (input/csvread.c): a
 * quote opens a quoted field only at a field's start (after the
 * delimiter, a line end or the start of the text, spaces and tabs that
 * are not the delimiter skipped); inside, "" is a quote and a lone quote
 * closes the field; a quote anywhere else is a character of an unquoted
 * field. Text that breaks the rules ("A"B) is an error that the part
 * holding it reports before any later cut matters.
 */
#ifndef INPUT_CSVSPLIT_H
#define INPUT_CSVSPLIT_H

#include <stddef.h>

/* The end of the last record of s[0..n), s starting at a record's
   start: the offset just past the last LF outside quotes, or 0 when
   there is none. Only a LF: a CR may be the first half of a CRLF. */
size_t input_split_last(const char *s, size_t n, char delim);

#endif
