/*
 * input/report.c -- releasing what input/report.h holds.
 */
#include "report.h"

#include <glib.h>
#include <string.h>

void input_report_clear(input_report *r)
{
    size_t i;

    if (r == NULL)
        return;
    for (i = 0; i < r->n_files; i++) {
        input_file_report *f = &r->files[i];
        g_free(f->path);
        g_free(f->indicators);
        g_free(f->regions);
        g_free(f->columns);
        g_free(f->ignored);
        g_free(f->footnotes);
    }
    g_free(r->files);
    sb_diag_clear(&r->notes);
    memset(r, 0, sizeof *r);
}
