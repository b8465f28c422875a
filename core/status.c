/*
 * core/status.c -- result codes, errors with their position in an input
 * file, and the list of warnings a load collects.
 *
 * Nothing here prints: errors are recorded where they are found and the
 * command line decides how to show them.
 */
#include "core/status.h"

#include "core/alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void error_vset(sb_error *err, sb_status code, const char *path,
                       long line, long column, const char *fmt, va_list ap)
{
    err->code = code;
    snprintf(err->path, sizeof err->path, "%s", path ? path : "");
    err->line = line;
    err->column = column;
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
}

sb_status sb_error_setv(sb_error *err, sb_status code, const char *path,
                        long line, long column, const char *fmt, va_list ap)
{
    if (err == NULL || err->code != SB_OK)
        return code;
    error_vset(err, code, path, line, column, fmt, ap);
    return code;
}

sb_status sb_error_set(sb_error *err, sb_status code, const char *path,
                       long line, long column, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    sb_error_setv(err, code, path, line, column, fmt, ap);
    va_end(ap);
    return code;
}

int sb_status_exit(sb_status code)
{
    switch (code) {
    case SB_OK:         return 0;
    case SB_EUSAGE:     return 64;
    case SB_EDATA:      return 65;
    case SB_ENOINPUT:   return 66;
    case SB_ECANTCREAT: return 73;
    case SB_ETEMPFAIL:  return 75;
    case SB_ECANCELED:  return 130;
    case SB_EINTERNAL:
    case SB_ENOMEM:     break;
    }
    return 70;
}

void sb_diag_init(sb_diag *d)
{
    memset(d, 0, sizeof *d);
}

void sb_diag_clear(sb_diag *d)
{
    free(d->items);
    sb_diag_init(d);
}

sb_status sb_diag_warn(sb_diag *d, const char *path, long line, long column,
                       const char *fmt, ...)
{
    va_list ap;
    sb_status rc;

    va_start(ap, fmt);
    rc = sb_diag_warnv(d, path, line, column, fmt, ap);
    va_end(ap);
    return rc;
}

sb_status sb_diag_warnv(sb_diag *d, const char *path, long line, long column,
                        const char *fmt, va_list ap)
{
    d->count++;
    if (d->n_items >= SB_DIAG_KEEP)
        return SB_OK;
    if (d->n_items == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        sb_error *p = sb_renew(sb_error, d->items, cap);
        if (p == NULL)
            return SB_ENOMEM;
        d->items = p;
        d->cap = cap;
    }
    error_vset(&d->items[d->n_items++], SB_EDATA, path, line, column, fmt,
               ap);
    return SB_OK;
}

