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

/* All 64 bits of the key mixed (splitmix64's finalizer): indicator ^
   region would collide for every small pair. Its low 32 bits, kept in
   the slot, choose the slot too. */
static uint32_t key_hash(uint64_t x)
{
    x ^= x >> 30;
    x *= UINT64_C(0xbf58476d1ce4e5b9);
    x ^= x >> 27;
    x *= UINT64_C(0x94d049bb133111eb);
    x ^= x >> 31;
    return (uint32_t)x;
}

void sb_sidx_init(sb_sidx *t, sb_sidx_key_fn key, const void *ctx)
{
    t->slot = NULL;
    t->mask = 0;
    t->used = 0;
    t->key = key;
    t->ctx = ctx;
}

void sb_sidx_clear(sb_sidx *t)
{
    free(t->slot);
    sb_sidx_init(t, t->key, t->ctx);
}

long sb_sidx_find(const sb_sidx *t, uint64_t key)
{
    uint32_t h = key_hash(key);
    size_t i;

    if (t->slot == NULL)
        return -1;
    for (i = h & t->mask; t->slot[i].pos != 0; i = (i + 1) & t->mask)
        if (t->slot[i].hash == h && t->key(t->ctx, t->slot[i].pos - 1) == key)
            return (long)t->slot[i].pos - 1;
    return -1;
}

/* Puts the entry (pos + 1, hash h) in the first empty slot of its probe
   sequence. */
static void place(sb_sidx_slot *slot, size_t mask, uint32_t pos1, uint32_t h)
{
    size_t i = h & mask;

    while (slot[i].pos != 0)
        i = (i + 1) & mask;
    slot[i].pos = pos1;
    slot[i].hash = h;
}

/* Twice the slots (MIN_SLOTS at first), every entry placed again by the
   hash it keeps. */
static int grow(sb_sidx *t)
{
    size_t n = t->slot ? 2 * (t->mask + 1) : MIN_SLOTS, i;
    sb_sidx_slot *slot = sb_new0(sb_sidx_slot, n);

    if (slot == NULL)
        return -1;
    for (i = 0; t->slot != NULL && i <= t->mask; i++)
        if (t->slot[i].pos != 0)
            place(slot, n - 1, t->slot[i].pos, t->slot[i].hash);
    free(t->slot);
    t->slot = slot;
    t->mask = n - 1;
    return 0;
}

int sb_sidx_add(sb_sidx *t, size_t pos)
{
    if (pos >= UINT32_MAX - 1)
        return -1;
    if ((t->slot == NULL || 4 * (t->used + 1) > 3 * (t->mask + 1)) &&
        grow(t) != 0)
        return -1;
    place(t->slot, t->mask, (uint32_t)(pos + 1),
          key_hash(t->key(t->ctx, pos)));
    t->used++;
    return 0;
}
