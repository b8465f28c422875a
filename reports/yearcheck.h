/*
 * reports/yearcheck.h -- the spec's own words against its figures: a
 * year the author writes in a sentence should be a year of a figure
 * placeholder in that sentence ("grew by {... cagr} a year from 2016"
 * where the figure's window starts in 2018 misleads the reader).
 *
 * Used by `check --spec` (sections.c) once a text's placeholders are
 * expanded: the spans placeholder.c recorded say where each figure is
 * and which years it covers. Warnings only; nothing is changed.
 */
#ifndef REPORTS_YEARCHECK_H
#define REPORTS_YEARCHECK_H

#include "placeholder.h"

/* Warns in diag, located by `where`, of each year (a 4-digit number
   1900-2100 outside the placeholders) written in a sentence of text
   that is the first or last year of no figure placeholder of that
   sentence (placeholder_span: a level's year, a change's window, a
   forecast's year too); a sentence without a figure placeholder is not
   checked.
   spans: the n figures of text, in text order. SB_ENOMEM when diag ran
   out of memory, else SB_OK. */
sb_status yearcheck_text(const char *text, const placeholder_span *spans,
                         size_t n, placeholder_locate where, void *user,
                         sb_diag *diag);

#endif
