/*
 * reports/sections_int.h -- what sections.c gives brief.c inside
 * reports/ (not a public interface): a spec's sections assembled in the
 * spec's order, and its title and subtitle expanded.
 */
#ifndef REPORTS_SECTIONS_INT_H
#define REPORTS_SECTIONS_INT_H

#include "input/spec.h"
#include "parts.h"

/* The spec's sections in order (SB_EDATA for a bad placeholder, at its
   position in the spec, in b->err; SB_ECANCELED when the run is to stop
   after a section, parts_done). Sets b->linked. */
sb_status report_spec_sections(parts_ctx *b, sb_diag *diag);

/* The spec's title or subtitle t, expanded (g_free); NULL when absent,
   or on error (then b->err says which). */
char *report_spec_text(parts_ctx *b, const spec_str *t, sb_diag *diag);

#endif
