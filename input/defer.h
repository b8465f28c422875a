/*
 * input/defer.h -- the values of a file held back until it is read to
 * its end: for a portal format whose indicator ids depend on every row
 * (SDMX-CSV names an indicator by the dimensions that vary across the
 * file), so that the file is still read once.
 *
 * A queue of values in the order they were read, each with the
 * format's number for its indicator-to-be; drained in that order, each
 * block freed as soon as it is drained, so that holding costs the
 * file's values once more at most, for as long as the file is read.
 * Used by input/data.c only; nothing here reads or prints.
 */
#ifndef INPUT_DEFER_H
#define INPUT_DEFER_H

#include "core/model.h"

/* One value held: what sb_dataset_add_obs takes (the file is the one
   being read), the indicator still a number of the format's
   (input_export_final). 28 bytes. */
typedef struct {
    sb_obs obs;
    uint32_t key;           /* the format's number for its indicator */
    sb_id region;
    uint32_t flags, annot;  /* pool ids, 0 for none */
} input_held;

typedef struct input_held_block input_held_block;

/* Zero it to start; input_defer_clear releases what it holds. */
typedef struct {
    input_held_block *head, *tail;
    size_t n;               /* values held */
} input_defer;

/* Appends a copy of *v. 0, or -1 when out of memory (q unchanged). */
int input_defer_add(input_defer *q, const input_held *v);

/* Hands each value to fn in the order added, freeing each block once
   handed on. Stops at the first non-zero fn and returns it (what was
   not handed on stays for input_defer_clear); else 0, q empty. */
int input_defer_drain(input_defer *q,
                      int (*fn)(void *ctx, const input_held *v), void *ctx);

/* Releases what q holds; q is empty again. */
void input_defer_clear(input_defer *q);

#endif
