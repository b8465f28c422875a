/*
 * reports/brief_int.h -- the parts of a brief, shared inside reports/
 * by the default brief (brief.c) and the spec's sections (sections.c).
 * Not a public interface.
 */
#ifndef REPORTS_BRIEF_INT_H
#define REPORTS_BRIEF_INT_H

#include "brief.h"
#include "input/spec.h"

#include <glib.h>

/* The brief's words in its language: L(b, "English", "中文"). Both arms
   are literals, so printf formats stay checked. */
#define L(b, en, zh) ((b)->lang == FMT_ZH ? (zh) : (en))

typedef struct {
    const sb_dataset *ds;
    metrics_ctx *mc;
    const report_opts *o;
    fmt_lang lang;
    int year;
    report_doc *doc;
    GArray *printed;             /* metrics_row: every figure printed */
    sb_error *err;
    unsigned char *linked;       /* indicators with a section to link to;
                                    NULL: all */
    int as_of;                   /* the latest year in the data */
} brief;

/* The figures of (ind, reg) up to the brief's year, recorded as printed;
   0 when none. */
int brief_row_for(brief *b, sb_id ind, sb_id reg, metrics_row *r);
/* The region's name in the brief's language. */
const char *brief_region(const brief *b, sb_id reg);
/* The comparison set and the focus. */
int brief_shown(const brief *b, sb_id reg);
/* Whether the indicator has a value in the comparison set. */
int brief_has_section(brief *b, sb_id ind);
/* "sec-<id>": the anchor of an indicator's section (g_free). */
char *brief_dest(const sb_indicator *ind);

/* The parts; heading NULL: none (a spec section has its own). */
void brief_findings(brief *b, const unsigned char *sel, size_t max,
                    const char *heading);
void brief_summary(brief *b, const unsigned char *sel, const char *heading);
void brief_section(brief *b, sb_id ind, const char *heading);

/* sections.c: the spec's sections in order (SB_EDATA for a bad
   placeholder, at its position); the spec's title or subtitle expanded
   (g_free; NULL when absent or on error, then b->err says which). */
sb_status brief_spec_sections(brief *b, sb_diag *diag);
char *brief_spec_text(brief *b, const spec_str *t, sb_diag *diag);

#endif
