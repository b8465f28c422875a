/*
 * core/status.h -- result codes (one per exit status of DESIGN.md), an
 * error with its position in an input file, and the warnings of a load.
 *
 * The first error wins: a module records it where it finds it (file,
 * line, field) and returns the code; the command line prints it once.
 * Plain C: no GLib types.
 */
#ifndef SB_STATUS_H
#define SB_STATUS_H

#include <stdarg.h>
#include <stddef.h>

/* Result codes. Each maps to one exit status (sysexits.h) through
   sb_status_exit(). */
typedef enum {
    SB_OK = 0,
    SB_EUSAGE,      /* bad option, unknown indicator/region named: 64 */
    SB_EDATA,       /* malformed data or spec: 65 */
    SB_ENOINPUT,    /* input missing or unreadable: 66 */
    SB_EINTERNAL,   /* a bug or a library failure: 70 */
    SB_ENOMEM,      /* allocation failure: 70 */
    SB_ECANTCREAT,  /* cannot create an output: 73 */
    SB_ETEMPFAIL,   /* another run holds the lock: 75 */
    SB_ECANCELED    /* stopped by SIGINT or SIGTERM: 130 (the command
                       line answers 128 + the signal) */
} sb_status;

/* A diagnostic with its position in a data file (not in the C source).
   line and column are 1-based; 0 when not known. column is the field
   number for CSV files. */
typedef struct {
    sb_status code;
    char path[512];
    long line, column;
    char msg[512];
} sb_error;

/* Records the error only if err holds none yet (the first error wins);
   returns code so that callers can `return sb_error_set(...)`. err may be
   NULL. path may be NULL. */
sb_status sb_error_set(sb_error *err, sb_status code, const char *path,
                       long line, long column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* The same with a va_list: what a module's own "fail here" helper calls,
   so that no module formats the message twice. */
sb_status sb_error_setv(sb_error *err, sb_status code, const char *path,
                        long line, long column, const char *fmt, va_list ap)
    __attribute__((format(printf, 6, 0)));

/* Exit status for a code: 0, 64, 65, 66, 70, 73, 75 or 130. */
int sb_status_exit(sb_status code);

/* Warnings collected while loading; the caller decides how to print them.
   Only the first SB_DIAG_KEEP are kept; `count` counts all. */
#define SB_DIAG_KEEP 200
typedef struct {
    sb_error *items;
    size_t n_items, cap;
    size_t count;
} sb_diag;

void sb_diag_init(sb_diag *d);
void sb_diag_clear(sb_diag *d);
/* Adds a warning. Returns SB_ENOMEM if it could not be stored. */
sb_status sb_diag_warn(sb_diag *d, const char *path, long line, long column,
                       const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
sb_status sb_diag_warnv(sb_diag *d, const char *path, long line, long column,
                        const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));

#endif
