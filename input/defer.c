/*
 * input/defer.c -- values held until a file is read to its end, in
 * blocks of 4,096 (128 KiB: big enough that a block is one allocation
 * among thousands of values, small enough that draining gives memory
 * back as it goes). What holds them and why: input/defer.h.
 */
#include "defer.h"

#include "core/alloc.h"

#include <glib.h>

#define HELD_PER_BLOCK 4096

struct input_held_block {
    input_held_block *next;
    size_t n;
    input_held v[HELD_PER_BLOCK];
};

int input_defer_add(input_defer *q, const input_held *v)
{
    input_held_block *b = q->tail;

    if (b == NULL || b->n == HELD_PER_BLOCK) {
        if ((b = sb_new(input_held_block, 1)) == NULL)
            return -1;
        b->next = NULL;
        b->n = 0;
        if (q->tail != NULL)
            q->tail->next = b;
        else
            q->head = b;
        q->tail = b;
    }
    b->v[b->n++] = *v;
    q->n++;
    return 0;
}

int input_defer_drain(input_defer *q,
                      int (*fn)(void *ctx, const input_held *v), void *ctx)
{
    input_held_block *b;
    size_t i;
    int rc;

    while ((b = q->head) != NULL) {
        for (i = 0; i < b->n; i++)
            if ((rc = fn(ctx, &b->v[i])) != 0)
                return rc;
        q->head = b->next;
        q->n -= b->n;
        g_free(b);
    }
    q->tail = NULL;
    return 0;
}

void input_defer_clear(input_defer *q)
{
    input_held_block *b, *next;

    for (b = q->head; b != NULL; b = next) {
        next = b->next;
        g_free(b);
    }
    q->head = q->tail = NULL;
    q->n = 0;
}
