/*
 * tests/unit.h -- the unit-test harness shared by tests/unit.c and
 * tests/unit_metrics.c: one counter, one failure format.
 */
#ifndef TESTS_UNIT_H
#define TESTS_UNIT_H

/* Counts a pass, or prints "FAIL where: message" and counts a failure. */
void check(int ok, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Calls fn(where, line) for each line of DIR/NAME that is not blank or a
   '#' comment; where is "path:line". */
void run_file(const char *dir, const char *name,
              void (*fn)(const char *, char *));

/* tests/unit_metrics.c */
void metrics_tests(const char *dir);

/* tests/unit_reports.c */
void reports_tests(const char *dir);

/* tests/unit_spec.c */
void spec_tests(const char *dir);

/* tests/unit_gazetteer.c */
void gazetteer_tests(const char *dir);

/* tests/unit_shortest.c */
void shortest_tests(const char *dir);
/* tests/unit_parallel.c */
void parallel_tests(const char *dir);

/* tests/unit_plots.c */
void plots_tests(void);
int pngdiff(const char *golden, const char *got, const char *diff);

#endif
