/*
 * cli/digest.h -- SHA-256 of output files and of the parts of a dataset
 * an output is made from (the primitive is core/sha256.h; the input
 * files' digests are taken as they are read, input/csvread.h).
 *
 * An output is rebuilt when the digest of what it was made from changes:
 * file contents (never modification times, which change when a file is
 * copied), and for charts and briefs the values, flags, notes and
 * metadata of the indicators they show, so that one changed value
 * rebuilds exactly the outputs that use it.
 */
#ifndef CLI_DIGEST_H
#define CLI_DIGEST_H

#include <stddef.h>

#include "core/model.h"
#include "core/sha256.h"

#define CLI_HEX SB_SHA256_HEX   /* 64 hex digits and a NUL */

/* SHA-256 of a file's bytes into hex; *bytes its size. For outputs: an
   input's digest is of the bytes it was parsed from, not of the file as
   it is later. SB_ENOINPUT when it cannot be read; SB_EINTERNAL when
   libcrypto fails (hex is "" then, as after every failure here). */
sb_status cli_sha256_file(const char *path, char hex[CLI_HEX],
                          size_t *bytes);
/* SHA-256 of data; SB_EINTERNAL when libcrypto fails. */
sb_status cli_sha256_data(const void *data, size_t len, char hex[CLI_HEX]);
/* The message for SB_EINTERNAL from the functions here. */
#define CLI_DIGEST_FAILED SB_SHA256_FAILED

/* The digest of indicator ind as a chart or brief sees it: its metadata
   and each of its series whose region `shown` keeps (region name,
   Chinese name, groups, role; every value with its year, decimals,
   flags and notes). shown NULL keeps all. SB_EINTERNAL when libcrypto
   fails. */
sb_status cli_digest_indicator(const sb_dataset *ds, sb_id ind,
                               int (*shown)(const void *ctx, sb_id region),
                               const void *ctx, char hex[CLI_HEX]);

#endif
