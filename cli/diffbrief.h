/*
 * cli/diffbrief.h -- statbrief diff --brief: the brief report would write
 * of each vintage (same spec, focus, language and year rules), built as
 * a document and not drawn (reports/brief.h), and its sentences that
 * differ written on stdout (reports/briefdiff.h). cli/cmd_diff.c loads
 * and compares the values; this module only adds the sentences.
 */
#ifndef CLI_DIFFBRIEF_H
#define CLI_DIFFBRIEF_H

#include "cli.h"
#include "load.h"
#include "metrics/revisions.h"

/* The options only diff --brief takes (--spec, --focus, --group,
   --total, --benchmark, --lang) given without it: 0, else 2 after
   saying so. */
int cli_diffbrief_check(const cli *c);

/* The sentences of the two briefs that differ, in format f, after the
   values compared (values_changed of them differ). Returns diff's exit
   status: 0 when neither a sentence nor a value differs, 1 when one
   does, 2 when a brief cannot be built (its error first, then the
   DESIGN.md status it stands for) or stdout cannot be written. */
int cli_diffbrief_run(cli *c, const cli_loaded *old, const cli_loaded *new,
                      size_t values_changed, rev_format f);

#endif
