/*
 * reports/text_write.h -- a writer of sentence plans (text_plan.h) in one
 * language: the words and punctuation of each kind of fact, and how
 * sentences are joined. A writer decides nothing a plan has decided
 * (which facts, which way, unchanged or not) and prints no number
 * itself: text.c hands it each fact with its figures and names already
 * printed in its language. text_en.c and text_zh.c are the two writers.
 * Inside reports/ only.
 */
#ifndef REPORTS_TEXT_WRITE_H
#define REPORTS_TEXT_WRITE_H

#include <glib.h>

#include "text_plan.h"

/* One fact of a plan to word, its figures and names in the writer's
   language. */
typedef struct {
    const text_plan *plan;
    const text_fact *f;
    char fig[FMT_MAX];           /* f->fig printed */
    char level[FMT_MAX];         /* f->level printed */
    /* the names, cut to PLOT_NAME_MAX_CHARS (plots/chart.h) */
    const char *name;            /* the indicator */
    const char *region;          /* the region the plan is about */
    const char *other;           /* f->other; "" when none */
    const char *set;             /* the comparison set's label; NULL: all */
    char *cut[4];                /* the cut copies (text.c frees them) */
} text_words;

/* Appends the words of one fact: a sentence without its stop, or (the
   clause kinds) a part of the sentence before it. */
typedef void (*text_word_fn)(GString *g, const text_words *w);

typedef struct {
    fmt_lang lang;
    const char *space;           /* between two sentences */
    const char *stop;            /* at the end of a sentence */
    text_word_fn level;          /* TEXT_LEVEL, TEXT_CHANGE, TEXT_GROWTH */
    text_word_fn clause;         /* TEXT_ON_YEAR, TEXT_SINCE */
    text_word_fn claim;          /* TEXT_DOUBLED, TEXT_TIMES, TEXT_RECORD,
                                    TEXT_FILLED, TEXT_SHIFT */
    text_word_fn rank;           /* TEXT_RANK */
    text_word_fn comparison;     /* TEXT_SHARE, TEXT_RATE_GAP,
                                    TEXT_GROWTH_GAP */
    text_word_fn target;         /* TEXT_TARGET */
} text_writer;

extern const text_writer text_en_writer;   /* text_en.c */
extern const text_writer text_zh_writer;   /* text_zh.c */

#endif
