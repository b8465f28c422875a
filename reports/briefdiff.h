/*
 * reports/briefdiff.h -- the sentences of two briefs compared (statbrief
 * diff --brief): the documents report_brief_doc (brief.h) builds of two
 * vintages, their sentences matched by place, and the ones that differ
 * written as a table, CSV, JSON or Markdown (diff's four formats).
 *
 * A sentence's place: the part of the brief it is in (its level-1
 * heading's anchor, else its text, and its level-2 heading), the anchor
 * its paragraph links to (a key finding links to its indicator's
 * section, so that findings reordered by a revision still meet), and
 * its order there. Sentences equal on both sides are matched first (the
 * longest common subsequence); those left between two matches are paired
 * in order, old with new ("changed"), the rest are "removed" or "added".
 * Headings count as sentences of their part; tables and charts are
 * figures, not sentences (diff without --brief compares the values).
 */
#ifndef REPORTS_BRIEFDIFF_H
#define REPORTS_BRIEFDIFF_H

#include <stdio.h>

#include "doc.h"
#include "metrics/revisions.h"

typedef enum {
    BRIEFDIFF_CHANGED = 0,
    BRIEFDIFF_ADDED,
    BRIEFDIFF_REMOVED,
    BRIEFDIFF_N
} briefdiff_kind;

typedef struct {
    briefdiff_kind kind;
    char *section;               /* the part's heading(s) as the new brief
                                    (removed: the old) shows them */
    size_t position;             /* 1-based place of the sentence in its
                                    part, on that side */
    char *old, *new;             /* NULL: not on that side */
} briefdiff_change;

typedef struct {
    briefdiff_change *changes;   /* in the new brief's order, then the
                                    parts only the old one has */
    size_t n;
    size_t count[BRIEFDIFF_N];
} briefdiff;

/* The sentences of old and new that differ. Never NULL; free with
   briefdiff_destroy (NULL is fine). */
briefdiff *briefdiff_compare(const report_doc *old, const report_doc *new);
void briefdiff_destroy(briefdiff *d);

/* "changed", "added", "removed". */
const char *briefdiff_kind_name(briefdiff_kind k);

/* d in format f, with how many values differ (rev_result's n), which the
   table, JSON and Markdown say in their first line. Nothing at all when
   neither a sentence nor a value differs (CSV: its header). 0, or -1 on
   a write error. */
int briefdiff_write(FILE *out, const briefdiff *d, size_t values_changed,
                    rev_format f);

#endif
