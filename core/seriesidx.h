/*
 * core/seriesidx.h -- the loading dataset's index of its series by
 * (indicator, region): an open-addressing table of positions.
 *
 * A slot holds a position and its key's 32-bit hash (8 bytes); the key
 * itself is read back through the owner's function (the dataset reads
 * it from the series), so this module knows nothing of the model. A
 * bulk extract of 600,000 series then indexes them in 8 MiB, where a
 * GHashTable of 64-bit keys took 16 MiB. The hash beside the position
 * is what keeps the index fast: a probe reads a key back (a cache miss
 * into the series) only when the hashes match, and a growing table
 * places each entry again without reading its key. With positions
 * alone, each new series' probes and every entry of each doubling read
 * a key: 7% of a one-thread `check` of issue 24's 36 million rows.
 */
#ifndef SB_SERIESIDX_H
#define SB_SERIESIDX_H

#include <stddef.h>
#include <stdint.h>

/* The key of the entry at position pos (indicator << 32 | region). */
typedef uint64_t (*sb_sidx_key_fn)(const void *ctx, size_t pos);

typedef struct {
    uint32_t pos;       /* position + 1; 0 = empty */
    uint32_t hash;      /* of the key, when not empty */
} sb_sidx_slot;

typedef struct {
    sb_sidx_slot *slot;
    size_t mask;        /* slots - 1 (a power of two), 0 while empty */
    size_t used;
    sb_sidx_key_fn key; /* reads an entry's key back */
    const void *ctx;    /* key's first argument */
} sb_sidx;

/* An empty index over the entries key(ctx, pos) reads (no allocation
   until the first add). */
void sb_sidx_init(sb_sidx *t, sb_sidx_key_fn key, const void *ctx);
/* Frees the slots; t is empty again, with the same key function. */
void sb_sidx_clear(sb_sidx *t);
/* The position whose key is key, or -1. */
long sb_sidx_find(const sb_sidx *t, uint64_t key);
/* Indexes position pos (not yet indexed; pos < UINT32_MAX - 1), whose
   key must already read back. 0, or -1 when memory runs out (t
   unchanged). */
int sb_sidx_add(sb_sidx *t, size_t pos);

#endif
