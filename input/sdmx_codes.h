/*
 * input/sdmx_codes.h -- the code lists statistical portals publish
 * their values with, one table per vocabulary: the SDMX observation
 * status (CL_OBS_STATUS) with Eurostat's flags, the unit multiplier
 * (CL_UNIT_MULT), units of measure (OECD's CL_UNIT_MEASURE and
 * Eurostat's unit codes), ISO 4217 currencies, and the reference-area
 * codes that name groups of countries.
 *
 * For the SDMX-CSV and Eurostat formats (input/fmt_sdmx.c,
 * input/fmt_eurostat.c). Lookups only: constant tables, no allocation,
 * no state. What a code means for a value (missing, a flag, a kind and
 * scale) is decided by the formats.
 */
#ifndef INPUT_SDMX_CODES_H
#define INPUT_SDMX_CODES_H

#include "core/model.h"

#include <stddef.h>

/* An observation status or flag: its code ("E"), its label ("Estimated
   value"), and whether it says the value is missing. */
typedef struct {
    const char *code, *label;
    int missing;
} sdmx_status;

/* The status whose code (exact, "E") or label (ASCII case ignored,
   "Estimated value", Eurostat's "provisional") is s[0..n); NULL when
   neither. */
const sdmx_status *sdmx_status_find(const char *s, size_t n);

/* The power of ten of a unit multiplier given as its code ("6", "-3")
   or label ("Millions"): 1 with *exp, 0 when it is neither. */
int sdmx_unit_mult(const char *s, size_t n, int *exp);

/* "thousand", "million", "billion", "trillion" for 3, 6, 9, 12; NULL
   for other powers. */
const char *sdmx_mult_word(int exp);

/* A unit of measure: its words, the kind of value it measures (UNSET
   when it says none: years, an index), and, for a scaled unit (MIO_EUR),
   the power of ten and the unit it counts in ("euro"). */
typedef struct {
    const char *code, *words;
    sb_kind kind;
    int exp;
    const char *base;
} sdmx_unit;

/* The unit whose code is s (exact); NULL when it is not in the table. */
const sdmx_unit *sdmx_unit_find(const char *s);

/* The words of the ISO 4217 currency code s ("USD" -> "US dollars"), of
   XDC (national currency) and other SDMX currency codes; NULL when s is
   none of them. */
const char *sdmx_currency(const char *s, size_t n);

/* 1 when the reference-area code s names a group of countries: the EU
   and the euro area at each of their sizes (EU27_2020, EA20, EU, EA),
   EEA, EFTA, the OECD and its groups (OECD, OECDE), G7, G20, the world
   (W, WLD). */
int sdmx_area_aggregate(const char *s);

#endif
