/*
 * reports/overview.h -- the overview brief: a brief without a focus
 * region (no --focus, none in the spec, none named by regions.csv). For
 * each indicator, at its reference year: the leaders and laggards, the
 * median and quartiles, the largest movers between the comparison's two
 * years, and the aggregates beside them, never ranked.
 *
 * Internal to reports/ (brief.c calls it); a part as parts.h's are.
 */
#ifndef REPORTS_OVERVIEW_H
#define REPORTS_OVERVIEW_H

#include "parts.h"

/* One section per selected indicator with data in the comparison set;
   SB_ECANCELED when the run is to stop after one of them. */
sb_status overview_parts(parts_ctx *b, const unsigned char *sel);

/* The sentences of an overview section, in the brief's language (g_free):
   "In 2022, Israel had the highest value, 6.0% of GDP, and Ecuador the
   lowest, 0.4% of GDP; the median of 120 regions was 0.7% of GDP, the
   middle half between 0.3% of GDP and 1.5% of GDP.", then the largest
   rise and fall from base to year. Values come worded (fmt_value). Kept
   apart from the data so the unit tests can check the wording. */
typedef struct {
    int year, n;                 /* the reference year, regions ranked */
    const char *high, *low;      /* region names */
    const char *high_v, *low_v, *median, *q1, *q3;
    int base;                    /* the movers' first year; 0: no movers */
    const char *up, *up_v;       /* the largest rise (NULL: none) */
    const char *down, *down_v;   /* the largest fall (NULL: none) */
} overview_facts;
char *overview_text(const overview_facts *f, fmt_lang lang);

#endif
