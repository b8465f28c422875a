/*
 * reports/annex.h -- the annex of a brief rebuilt on revised data:
 * "Revisions since the previous edition" (数据修订说明).
 *
 * Internal to reports/: brief.c adds it after the notes when the caller
 * gives the revisions (report_opts.revisions: metrics/revisions.h's
 * comparison of the previous edition's data with this one's, already
 * narrowed to the brief's indicators, regions and years). Blocks of
 * doc.h only, so every backend shows it.
 */
#ifndef REPORTS_ANNEX_H
#define REPORTS_ANNEX_H

#include "parts.h"

/* Appends the annex to b->doc: the counts and mean revisions of each
   indicator, unit changes, the largest revisions, and the focus
   region's figures that changed (previous edition -> this one). Nothing
   when b->o->revisions is NULL. */
void annex_add(parts_ctx *b);

#endif
