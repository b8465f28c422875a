/*
 * input/csvchoose.h -- how the parallel read (input/csvpar.c) reads its
 * next part: handed to a worker thread, or by the calling thread itself.
 *
 * Handing a part's records to another core costs the calling thread a
 * replay of them from that core's cache. Where the cores share a cache
 * that is cheap and workers win (1.6 x one thread on issue 24's first
 * machine); where they do not (its second machine, two vCPUs of an
 * EPYC) the replay alone cost more than reading the part inline, and
 * two threads read at 0.6 of one's speed. Nothing a process can see
 * tells the two apart, so the chooser times both on the file as it is
 * read. First a warm-up, a window handed out and not timed: it pays for
 * the workers' first reads and their buffers' first pages, and its parts
 * grow from 64 KiB to their size (timed, it measured 5 ns a byte on issue
 * 24's second machine, where handing out then took 1.6-2.3, so the first
 * round always went inline). Then a round: a window of parts handed out, a window read inline
 * (each begun with nothing in flight, timed from its first part taken
 * to its last part's records handed on), then the faster way (a tie
 * goes inline), untimed, for HOLD_MIN windows, twice as long each time the same way wins again
 * (at most HOLD_MAX), then a round again. Which way a part goes never
 * changes what is read: only the speed.
 *
 * Times are the caller's (microseconds, a monotonic clock), so that the
 * tests can drive the choices with times of their own.
 */
#ifndef INPUT_CSVCHOOSE_H
#define INPUT_CSVCHOOSE_H

#include <stddef.h>
#include <stdint.h>

/* The chooser's window: parts read one way and timed together (8 MiB in
   512 KiB parts, some 20 ms; one part's start-up in it, ~6%). Probing
   costs one window of the slower way per round. */
#define INPUT_CHOOSE_WINDOW 16
#define INPUT_CHOOSE_HOLD_MIN 4
#define INPUT_CHOOSE_HOLD_MAX 64        /* windows: 512 MiB */

enum {
    INPUT_CHOOSE_PIPE,          /* handed to a worker */
    INPUT_CHOOSE_INLINE,        /* read by the calling thread */
    INPUT_CHOOSE_DRAIN          /* replay the parts in flight first */
};

typedef struct {
    const char *pattern;        /* the tests' ways ('p', 'i'), cycled */
    size_t taken;               /* parts taken */
    int probe;                  /* the way being timed, or -1: holding
                                   the winner's way */
    size_t left;                /* parts left in this window or hold */
    int winner;                 /* of the last round (at first PIPE,
                                   for the warm-up) */
    size_t hold;                /* windows the last winner held for, 0
                                   before the first round */
    int64_t start;              /* when the timed window began */
    unsigned long long bytes;   /* its bytes so far */
    double cost[2];             /* microseconds per byte, last timed */
} input_chooser;

/* A chooser at the start of a read; pattern (NULL: timed) a string of
   'p' and 'i', the ways of the parts in turn, cycled. */
void input_choose_init(input_chooser *c, const char *pattern);

/* The way of the next part, with in_flight parts handed out and not yet
   replayed: PIPE, INLINE, or DRAIN (an inline part, or a timed window,
   starts with none in flight). The same answer until a part is taken. */
int input_choose_next(const input_chooser *c, size_t in_flight);

/* The next part, of bytes bytes, is taken at time now (the way
   input_choose_next gave). Returns 1 when it ends a timed window: call
   input_choose_done once its records are handed on. */
int input_choose_take(input_chooser *c, size_t bytes, int64_t now);

/* The part that ended a timed window is done at time now. */
void input_choose_done(input_chooser *c, int64_t now);

#endif
