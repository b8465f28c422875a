/*
 * reports/pdflinks.h -- internal links (Link annotations with an explicit
 * destination) added to a finished PDF with libqpdf.
 *
 * Why not Cairo: Cairo 1.16's CAIRO_TAG_LINK writes annotation objects
 * without their /Dest and leaves the page's /Annots pointing at objects it
 * never writes (qpdf --check: "object 3 0 not found"). So the document is
 * drawn without link tags and the links are added here; qpdf then writes
 * the file again, with object streams and a deterministic /ID, so the same
 * input still gives the same bytes.
 */
#ifndef REPORTS_PDFLINKS_H
#define REPORTS_PDFLINKS_H

#include <stddef.h>

#include "core/model.h"

/* A clickable rectangle on one page taking the reader to a point on
   another. Pages count from 0; coordinates are PDF user space (points,
   origin at the bottom left of the page). */
typedef struct {
    size_t page;
    double x0, y0, x1, y1;
    size_t to_page;
    double to_x, to_y;
} pdfl_link;

/* Replaces *pdf (g_malloc'd, *len bytes) with a copy holding the links;
   on failure *pdf is left alone and err says why (SB_EINTERNAL). */
sb_status pdfl_add(unsigned char **pdf, size_t *len, const pdfl_link *links,
                   size_t n, sb_error *err);

#endif
