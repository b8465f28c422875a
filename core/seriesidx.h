/*
 * core/seriesidx.h -- the loading dataset's index of its series by
 * (indicator, region): an open-addressing table of series positions.
 *
 * A slot holds only a position in the series array (4 bytes); the key
 * is read back from the series itself. A bulk extract of 600,000 series
 * then indexes them in 4 MiB, where a GHashTable of 64-bit keys took
 * 16 MiB: a fortieth of the values' memory, at the moment of the load's
 * peak. Lookups happen once per series of a sorted file (the rows of a
 * series follow each other), so the extra read of the series costs
 * nothing measurable.
 */
#ifndef SB_SERIESIDX_H
#define SB_SERIESIDX_H

#include "core/model.h"

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t *slot;     /* series position + 1; 0 = empty */
    size_t mask;        /* slots - 1 (a power of two), 0 while empty */
    size_t used;
} sb_sidx;

/* An empty index (no allocation until the first add). */
void sb_sidx_init(sb_sidx *t);
/* Frees the slots; t is empty again. */
void sb_sidx_clear(sb_sidx *t);
/* The position in series of (indicator, region), or -1. */
long sb_sidx_find(const sb_sidx *t, const sb_series *series,
                  sb_id indicator, sb_id region);
/* Indexes series[pos] (not yet indexed; pos < UINT32_MAX). 0, or -1 when
   memory runs out (t unchanged). */
int sb_sidx_add(sb_sidx *t, const sb_series *series, size_t pos);

#endif
