/*
 * cli/keys.h -- the key of an output: the SHA-256 of everything it is
 * made from, and of nothing else.
 *
 * A chart's key covers statbrief's version, the chart's own options
 * (type, size, resolution, formats, window, title, language), who is
 * shown (focus, total, benchmark, the comparison set) and the digest of
 * its indicator over the regions it shows. A brief's key covers its
 * options, the spec's text, the load's warning count and every input
 * file with its SHA-256 (all printed in its notes) and the digests of
 * all its indicators. The build date enters
 * only when SOURCE_DATE_EPOCH fixes it: otherwise an unchanged output
 * would be remade every run only to carry a newer date.
 */
#ifndef CLI_KEYS_H
#define CLI_KEYS_H

#include "digest.h"
#include "state.h"
#include "metrics/metrics.h"
#include "plots/files.h"
#include "reports/brief.h"

sb_status cli_key_chart(const sb_dataset *ds, const metrics_ctx *mc,
                        const metrics_opts *m, sb_id ind, const plot_run *o,
                        int epoch_given, char hex[CLI_HEX]);

/* spec_sha: the spec file's SHA-256, or NULL. inputs: every input file
   with its SHA-256 (the brief prints them). Both return SB_EINTERNAL
   (hex "") when libcrypto fails: no output may be judged current or
   recorded without its key. */
sb_status cli_key_brief(const sb_dataset *ds, const metrics_ctx *mc,
                        const metrics_opts *m, const unsigned char *sel,
                        const report_opts *o, const char *spec_sha,
                        const cli_input *inputs, size_t n_inputs,
                        char hex[CLI_HEX]);

#endif
