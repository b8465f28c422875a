/*
 * core/seriesidx.c -- the index of a loading dataset's series (see
 * seriesidx.h): linear probing over a power-of-two table kept at most
 * three quarters full, so that a miss (every new series) ends within a
 * few slots.
 */
#include "core/seriesidx.h"

#include "core/alloc.h"

#include <stdlib.h>

#define MIN_SLOTS 1024

/* All 64 bits of the pair mixed (splitmix64's finalizer): indicator ^
   region would collide for every small pair. */
static size_t pair_hash(sb_id indicator, sb_id region)
{
    uint64_t x = ((uint64_t)indicator << 32) | region;

    x ^= x >> 30;
    x *= UINT64_C(0xbf58476d1ce4e5b9);
    x ^= x >> 27;
    x *= UINT64_C(0x94d049bb133111eb);
    x ^= x >> 31;
    return (size_t)x;
}

void sb_sidx_init(sb_sidx *t)
{
    t->slot = NULL;
    t->mask = 0;
    t->used = 0;
}

void sb_sidx_clear(sb_sidx *t)
{
    free(t->slot);
    sb_sidx_init(t);
}

long sb_sidx_find(const sb_sidx *t, const sb_series *series,
                  sb_id indicator, sb_id region)
{
    size_t i;

    if (t->slot == NULL)
        return -1;
    for (i = pair_hash(indicator, region) & t->mask; t->slot[i] != 0;
         i = (i + 1) & t->mask) {
        const sb_series *s = &series[t->slot[i] - 1];
        if (s->indicator == indicator && s->region == region)
            return (long)t->slot[i] - 1;
    }
    return -1;
}

/* Puts pos in the first empty slot of its probe sequence. */
static void place(uint32_t *slot, size_t mask, const sb_series *series,
                  size_t pos)
{
    size_t i = pair_hash(series[pos].indicator, series[pos].region) & mask;

    while (slot[i] != 0)
        i = (i + 1) & mask;
    slot[i] = (uint32_t)(pos + 1);
}

/* Twice the slots (MIN_SLOTS at first), every position placed again. */
static int grow(sb_sidx *t, const sb_series *series)
{
    size_t n = t->slot ? 2 * (t->mask + 1) : MIN_SLOTS, i;
    uint32_t *slot = sb_new0(uint32_t, n);

    if (slot == NULL)
        return -1;
    for (i = 0; t->slot != NULL && i <= t->mask; i++)
        if (t->slot[i] != 0)
            place(slot, n - 1, series, t->slot[i] - 1);
    free(t->slot);
    t->slot = slot;
    t->mask = n - 1;
    return 0;
}

int sb_sidx_add(sb_sidx *t, const sb_series *series, size_t pos)
{
    if (pos >= UINT32_MAX)
        return -1;
    if ((t->slot == NULL || 4 * (t->used + 1) > 3 * (t->mask + 1)) &&
        grow(t, series) != 0)
        return -1;
    place(t->slot, t->mask, series, pos);
    t->used++;
    return 0;
}
