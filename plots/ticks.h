/*
 * plots/ticks.h -- axis ticks by the extended Wilkinson algorithm
 * (Talbot, Lin & Hanrahan, "An Extension of Wilkinson's Algorithm for
 * Positioning Tick Labels on Axes", InfoVis 2010), with the legibility
 * term that common ports leave out: candidate tick sets are scored with
 * the real extents of their formatted labels, supplied by the caller
 * (Pango in the charts), so labels never collide.
 *
 * Pure computation: no drawing, no allocation.
 */
#ifndef PLOTS_TICKS_H
#define PLOTS_TICKS_H

/* The extent along the axis, in points, of the label for `value` on an
   axis with ticks `step` apart (its width on a horizontal axis, its
   height on a vertical one). */
typedef double (*plot_measure_fn)(void *user, double value, double step);

typedef struct {
    double dmin, dmax;     /* the data range (equal is fine) */
    double length;         /* axis length, points */
    double em;             /* font size, points: labels want 1.5 em apart */
    double density;        /* wanted ticks per point of axis, e.g. 1/70 */
    int integers;          /* only whole-number steps (years) */
    int from_zero;         /* the range must include 0 (bar values) */
    plot_measure_fn measure;
    void *user;
} plot_axis;

typedef struct {
    double lmin, lmax, step;   /* ticks lmin, lmin + step, ..., lmax */
    int n;                     /* number of ticks */
    int decimals;              /* what the labels need (fmt_step_decimals) */
    double score;
} plot_ticks;

/* Chooses the ticks. Always succeeds for finite input: a degenerate
   range gets a nice range around its value. Returns 0, or -1 when the
   input is not finite or the axis has no length. */
int plot_ticks_compute(const plot_axis *a, plot_ticks *out);

#endif
