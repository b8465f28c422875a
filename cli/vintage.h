/*
 * cli/vintage.h -- the previous vintage a brief was built from, kept in
 * its output folder so that the next edition can say what was revised.
 *
 * One file per brief owner (the spec, or none, the -o name, language
 * and focus): .statbrief-vintage-<16 hex>.gz, replaced by every edition,
 * so the folder holds the vintage of each brief's last edition and
 * never more. It holds the normalized values of the brief's indicators
 * (every region and year: indicator, region, year, value, published
 * decimals, flags), the indicators' metadata that a comparison and the
 * brief's figures read (name, unit, scale, kind, decimals) and the
 * regions' names, roles and groups, and the SHA-256 of the input files
 * they were read from. Text lines, gzip-compressed by zlib (no time or
 * name in its header: the same data give the same bytes).
 *
 * Read back into an sb_dataset, it is the OLD side of metrics/
 * revisions.h's comparison. A missing, damaged or foreign file reads as
 * no vintage (with the reason), never a crash.
 */
#ifndef CLI_VINTAGE_H
#define CLI_VINTAGE_H

#include <stddef.h>

#include "state.h"
#include "core/model.h"

/* A vintage read back: the dataset (finished) and its inputs. */
typedef struct {
    sb_dataset *ds;
    cli_input *in;
    size_t n_in;
} cli_vintage;

/* The vintage file of a brief in dir whose owner is described by
   `owner` (any text that differs between briefs: spec, -o, language,
   focus). g_free it. */
char *cli_vintage_path(const char *dir, const char *owner);

/* The gzip bytes of ds's series of the indicators sel marks (NULL: all)
   with the inputs in[0..n): *out (g_free) and *len. SB_EINTERNAL with
   err when compression fails. */
sb_status cli_vintage_encode(const sb_dataset *ds, const unsigned char *sel,
                             const cli_input *in, size_t n, void **out,
                             size_t *len, sb_error *err);

/* Reads path (never through a link) into a new vintage; NULL when there
   is none or it cannot be used, with the reason in why, and *nomem 1
   when that reason is an allocation of the dataset that failed. */
cli_vintage *cli_vintage_read(const char *path, char *why, size_t size,
                              int *nomem);
void cli_vintage_free(cli_vintage *v);   /* NULL is fine */

#endif
