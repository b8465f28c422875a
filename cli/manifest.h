/*
 * cli/manifest.h -- statbrief-manifest.json: how the outputs of a
 * directory were made, for an auditor.
 *
 * Every output recorded in the directory's state store that is still
 * there (a regular file of the size recorded: not deleted, renamed or
 * cut) with its SHA-256 and the input files (with theirs) it was made
 * from (and, for a brief with a revisions annex and its CSV, those of
 * the previous edition it was compared with: previous_inputs), the fonts
 * fontconfig gives for the languages drawn, the versions of the
 * libraries that did the work and SOURCE_DATE_EPOCH. Rewritten (atomically)
 * only by runs that wrote something; deterministic, so it changes only
 * when what it describes changes.
 */
#ifndef CLI_MANIFEST_H
#define CLI_MANIFEST_H

#include "state.h"

/* The manifest's path in dir: statbrief-manifest<tag>.json. g_free
   it. */
char *cli_manifest_path(const char *dir, const char *tag);

/* tag: "" or a shard's "-K-of-N" (statbrief-manifest-K-of-N.json).
   langs: "en", "zh" or both ("en,zh"): the fonts to name. epoch_given:
   whether SOURCE_DATE_EPOCH was set (else null in the manifest). */
sb_status cli_manifest_write(const cli_state *s, const char *tag,
                             const char *langs, long long epoch,
                             int epoch_given, sb_error *err);

#endif
