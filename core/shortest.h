/*
 * core/shortest.h -- the shortest decimal text that reads back to the
 * same double: what `check --dump` and the CSV and JSON outputs print.
 *
 * Locale-independent; no allocation.
 */
#ifndef SB_SHORTEST_H
#define SB_SHORTEST_H

#include <stddef.h>

/* Writes v as the shortest decimal that reads back to the same double,
   positional for exponents -4..15 and "1.5e+20" style outside (like
   Python's repr, without a trailing ".0"). Locale-independent. out must
   hold SB_SHORTEST_MAX bytes. Returns the text's length (a writer that
   appends it needs no strlen). */
#define SB_SHORTEST_MAX 32
size_t sb_format_shortest(double v, char *out);
/* The same number as digits (no dot, no trailing zeros; "0" for zero)
   and the decimal exponent of the first: v = ±d.ddd × 10^e10. digits
   must hold 24 bytes. *neg is 1 for a negative v. v must be finite. */
void sb_shortest_digits(double v, char *digits, int *e10, int *neg);

#endif
