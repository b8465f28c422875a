/*
 * input/report.c -- releasing what input/report.h holds; the words of a
 * file's reading (check prints them as they are).
 */
#include "report.h"

#include "core/alloc.h"

#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
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
        g_free(f->reading);
    }
    g_free(r->files);
    sb_diag_clear(&r->notes);
    memset(r, 0, sizeof *r);
}

/* Appends a line to t (a name in it cut at 1 KiB, as a message is).
   -1 when out of memory. */
static int add_line(sb_text *t, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static int add_line(sb_text *t, const char *fmt, ...)
{
    char line[1024];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    return (t->len > 0 && sb_text_add(t, "\n", 1) != 0) ||
           sb_text_add(t, line, strlen(line)) != 0 ? -1 : 0;
}

/* The columns of year,<name>,... as the headers decided them. */
static int columns_line(sb_text *t, const input_layout *l)
{
    if (l->value_cols <= 0)
        return 0;
    if (l->shape == INPUT_SHAPE_WIDE_REGION)
        return add_line(t, "value columns read as regions: %d of %d headers "
                        "are regions statbrief knows (--shape wide-indicator "
                        "reads them as indicators of one region)",
                        l->known_cols, l->value_cols);
    if (l->shape == INPUT_SHAPE_WIDE_INDICATOR)
        return add_line(t, "value columns read as indicators of one region: "
                        "no header is a region statbrief knows (--shape "
                        "wide-region reads them as regions)");
    return 0;
}

sb_status input_report_reading(input_file_report *f, const input_layout *l)
{
    sb_text t = {0};
    int bad = columns_line(&t, l) != 0;

    if (!bad && (l->from & INPUT_FROM_STEM_FILE))
        bad = add_line(&t, "indicator from the file name: %s "
                       "(--indicator-id ID names it)", l->stem) != 0;
    if (!bad && (l->from & INPUT_FROM_STEM_OPT))
        bad = add_line(&t, "indicator from %s: %s", l->stem_by,
                       l->stem) != 0;
    if (!bad && (l->from & INPUT_FROM_REGION_FILE))
        bad = add_line(&t, "region from the file name: %s "
                       "(--region-name NAME names it)", l->one_region) != 0;
    if (!bad && (l->from & INPUT_FROM_REGION_OPT))
        bad = add_line(&t, "region from --region-name: %s",
                       l->one_region) != 0;
    if (bad) {
        g_free(t.s);
        return SB_ENOMEM;
    }
    f->reading = t.s;
    return SB_OK;
}
