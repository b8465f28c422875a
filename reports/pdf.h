/*
 * reports/pdf.h -- the PDF backend of a document (doc.h): its blocks set
 * with Pango on pages of its paper and drawn with Cairo, internal links
 * added with libqpdf (pdflinks.h). A first pass measures and paginates
 * (a heading is kept with what follows, a table split across pages
 * repeats its header row, nothing runs off a page, no page is empty), a
 * second draws, so that footers can say "3 / 12". Outline (bookmarks)
 * and metadata from the document.
 *
 * Not here: what the document says (brief.c, sections.c) or writing the
 * file (the caller stages and commits the bytes).
 */
#ifndef REPORTS_PDF_H
#define REPORTS_PDF_H

#include "doc.h"

/* A report_backend: the PDF of d into *out (out->data g_free'd by the
   caller). Fails with SB_EDATA when a character has no font,
   SB_EINTERNAL when Cairo or qpdf fail, SB_ECANCELED (err untouched)
   when stop says to stop before a page; then *out is empty. d is not
   changed. */
sb_status report_pdf_write(const report_doc *d, report_stop_fn stop,
                           report_output *out, sb_error *err);

#endif
