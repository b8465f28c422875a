/*
 * input/csvchoose.c -- the parallel read's choice between handing parts
 * to workers and reading them inline, by timing both (csvchoose.h says
 * why and how).
 */
#include "csvchoose.h"

#include <string.h>

void input_choose_init(input_chooser *c, const char *pattern)
{
    memset(c, 0, sizeof *c);
    c->pattern = pattern != NULL && *pattern != '\0' ? pattern : NULL;
    /* the warm-up: a window handed out, untimed (csvchoose.h) */
    c->probe = -1;
    c->left = INPUT_CHOOSE_WINDOW;
    c->winner = INPUT_CHOOSE_PIPE;
}

int input_choose_next(const input_chooser *c, size_t in_flight)
{
    int way;

    if (c->pattern != NULL)
        way = c->pattern[c->taken % strlen(c->pattern)] == 'i'
                  ? INPUT_CHOOSE_INLINE : INPUT_CHOOSE_PIPE;
    else
        way = c->probe >= 0 ? c->probe : c->winner;
    /* a timed window starts with nothing in flight, and what follows it
       waits until it is done */
    if (in_flight > 0 &&
        (way == INPUT_CHOOSE_INLINE ||
         (c->pattern == NULL && c->probe >= 0 &&
          (c->left == INPUT_CHOOSE_WINDOW || c->left == 0))))
        return INPUT_CHOOSE_DRAIN;
    return way;
}

int input_choose_take(input_chooser *c, size_t bytes, int64_t now)
{
    c->taken++;
    if (c->pattern != NULL)
        return 0;
    if (c->probe >= 0) {
        if (c->left == INPUT_CHOOSE_WINDOW) {
            c->start = now;
            c->bytes = 0;
        }
        c->bytes += bytes;
    }
    if (--c->left > 0)
        return 0;
    if (c->probe >= 0)
        return 1;                   /* input_choose_done goes on */
    c->probe = INPUT_CHOOSE_PIPE;           /* held enough: a round */
    c->left = INPUT_CHOOSE_WINDOW;
    return 0;
}

void input_choose_done(input_chooser *c, int64_t now)
{
    int w;

    if (c->probe < 0)
        return;
    c->cost[c->probe] = (double)(now - c->start) /
                        (double)(c->bytes > 0 ? c->bytes : 1);
    if (c->probe == INPUT_CHOOSE_PIPE) {    /* then the inline window */
        c->probe = INPUT_CHOOSE_INLINE;
        c->left = INPUT_CHOOSE_WINDOW;
        return;
    }
    /* The faster way, a tie inline's. Handing out once had to win by a
       margin (under 0.85 of the inline time), while it was dear: in a
       slow spell of issue 24's second machine the two ways' windows came
       within 10% of each other, and choosing on such noise flipped the
       choice every round. Since the workers read their own bytes and
       write their records past the cache (csvpar.c), handing out is
       some 15% faster in a fast spell, which the margin threw away:
       interleaved checks of the 1.08 GB file took 2.66-3.00 s with it,
       2.11-2.52 s without, 2.42-2.56 s inline. */
    w = c->cost[INPUT_CHOOSE_PIPE] < c->cost[INPUT_CHOOSE_INLINE]
            ? INPUT_CHOOSE_PIPE : INPUT_CHOOSE_INLINE;
    if (w != c->winner || c->hold == 0)     /* a change, or the first */
        c->hold = INPUT_CHOOSE_HOLD_MIN;
    else if (c->hold < INPUT_CHOOSE_HOLD_MAX)
        c->hold *= 2;
    c->winner = w;
    c->probe = -1;
    c->left = c->hold * INPUT_CHOOSE_WINDOW;
}
