/*
 * metrics/screen.h -- data-quality screening: what a statistician checks
 * before trusting a series' figures. Series breaks (flagged by the
 * publisher, or a detected level shift), probable unit or scale slips,
 * rounded or repeated runs, stale series, and totals that differ from
 * the sum of their parts (regions.csv part_of).
 *
 * Pure functions over a finished dataset: findings are returned, never
 * printed; screen_words.c words them in English or Chinese. The rules
 * and their thresholds are in docs/figures.md ("Data-quality
 * screening").
 */
#ifndef METRICS_SCREEN_H
#define METRICS_SCREEN_H

#include <stddef.h>

#include "core/model.h"
#include "metrics/format.h"

/* The detector's constants, named so that tests and docs quote them. */
#define SCREEN_SHIFT_K 4.0       /* |change - median| > K x robust sd */
#define SCREEN_SHIFT_FLOOR 0.05  /* ... and > 5% of the level: a note */
#define SCREEN_SHIFT_WARN 0.10   /* > 10% and a later year: a warning */
#define SCREEN_SHIFT_DIGITS 20   /* and a change of 20 units of the last
                                    published decimal at least (1 -> 2
                                    is rounding, not a shift) */
#define SCREEN_SHIFT_MIN 6       /* year-on-year changes needed */
#define SCREEN_SLIP_BAND 0.15    /* |log10 ratio - k| within this */
#define SCREEN_OUTLIER_FACTOR 3.0  /* an outlier: 3 times (or a third of)
                                    both neighbouring years */
#define SCREEN_RUN_MIN 3         /* values in a rounded or repeated run */
#define SCREEN_STALE_YEARS 2     /* years behind the indicator's latest,
                                    and more than the series' usual
                                    interval between two values */
#define SCREEN_PARTS_TOL 0.005   /* total vs sum of parts: 0.5% */

typedef enum {
    SCREEN_BREAK = 0,            /* a break flag (b, SDMX B) */
    SCREEN_SHIFT,                /* a detected level shift */
    SCREEN_SLIP,                 /* a value ~10^k times its neighbours */
    SCREEN_OUTLIER,              /* one value far from both neighbours,
                                    not by a power of ten */
    SCREEN_ROUNDED,              /* a run of rounded or repeated values */
    SCREEN_STALE,                /* the last value years behind */
    SCREEN_PARTS,                /* a total unlike the sum of its parts */
    SCREEN_N_KINDS
} screen_kind;

typedef enum { SCREEN_INFO = 0, SCREEN_WARNING } screen_severity;

typedef struct {
    screen_kind kind;
    screen_severity severity;
    sb_id indicator, region;
    int year;        /* the year of the finding (a run: its first) */
    int year2;       /* ROUNDED: the run's last year; STALE: the
                        indicator's latest year; BREAK, SHIFT: the year
                        of the value before (0: none) */
    double value;    /* the value in `year` (a run: its first value) */
    double other;    /* BREAK, SHIFT: the value before; SLIP, OUTLIER:
                        the neighbours' or peers' level; PARTS: the sum of
                        the parts; NaN when none */
    double change;   /* SHIFT: the change in percent (or in units where
                        the series is not positive); SHIFT's typical
                        change in `usual`; SLIP: the factor (10, 0.01);
                        OUTLIER: the value over its neighbours' level */
    double usual;    /* SHIFT: the median change; ROUNDED: the step
                        (0: repeated values) */
    int count;       /* ROUNDED: values in the run; PARTS: parts;
                        SLIP: 0 against both neighbouring years, 1
                        against the peers of the same year, 2 against
                        the year before (every value since slipped);
                        SHIFT: 1 when the change is in percent */
} screen_finding;

typedef struct {
    screen_finding *items;
    size_t n, cap;
} screen_list;

/* Screens the selected series (NULL = all; arrays indexed by id) and
   appends the findings to out in a stable order: indicator, region,
   year, kind. SB_ENOMEM when out of memory (out keeps what it had). */
sb_status screen_dataset(const sb_dataset *ds, const unsigned char *isel,
                         const unsigned char *rsel, screen_list *out,
                         sb_error *err);
void screen_list_clear(screen_list *l);

/* The latest break of s in (after, upto] (0 = no bound): a flagged
   break, and with shifts also a level shift of severity warning; 0 when
   none. -1 when out of memory. The growth window moves only at flagged
   breaks (a detector cannot tell a change of definition from a war or
   a crisis); a forecast is not made across either. */
int screen_break_year(const sb_dataset *ds, const sb_series *s, int after,
                      int upto, int shifts);

/* The latest level shift of severity warning of s in (after, upto]
   (0 = no bound), flagged or not, and its step in *step (NULL: not
   wanted): percent for amounts and counts, points for rates; 0 when
   none, -1 when out of memory. */
int screen_shift_year(const sb_dataset *ds, const sb_series *s, int after,
                      int upto, double *step);
/* The same from s's points that have a value, given: year[0..n) and
   value[0..n) in year order (metrics' working points, which need not be
   built again). */
int screen_shift_year_at(const sb_dataset *ds, const sb_series *s,
                         const double *year, const double *value, size_t n,
                         int after, int upto, double *step);

/* Level shifts among n points (years ascending): the index of each
   point that starts one goes to at[] (room for n), its severity to
   sev[]; returns how many, and the median year-on-year change in
   *median (percent when relative, else in units; NaN when there are too
   few changes). median NULL: not needed, which spares the medians of a
   series whose changes all lie within SCREEN_SHIFT_FLOOR of each other
   (no shift can be found there). relative: changes in
   percent between positive values (amounts and counts); else a rate's
   in points. resolution: one unit of the last published decimal. -1
   when out of memory. */
long screen_shifts(const double *year, const double *value, size_t n,
                   int relative, double resolution, size_t *at,
                   screen_severity *sev, double *median);

/* ---- words (screen_words.c) ---- */

/* "warning" / "警告" */
const char *screen_severity_name(screen_severity s, fmt_lang lang);
/* "level-shift" (en: the stable code) / "水平突变" */
const char *screen_kind_name(screen_kind k, fmt_lang lang);
/* "level shift" / "水平突变": the words of a sentence */
const char *screen_kind_words(screen_kind k, fmt_lang lang);
/* What the finding says, without its severity, kind or series, into
   buf (returned): "85 t after 100 t (-15.0%), against ...". */
#define SCREEN_TEXT_MAX (4 * FMT_MAX + 512)
char *screen_describe(char *buf, size_t size, const sb_dataset *ds,
                      const screen_finding *f, fmt_lang lang);

#endif
