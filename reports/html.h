/*
 * reports/html.h -- the HTML backend of a document (doc.h): one
 * self-contained page from the same blocks the PDF is drawn from, so
 * that it says the same sentences with the same numbers. Charts are the
 * PDF's drawing as inline SVG (html_svg.h) with the text alternative as
 * their title and description; the CSS is inline, with a print
 * stylesheet for the document's paper; no script, nothing fetched from
 * anywhere. What the page holds is docs/html.md.
 *
 * Not here: what the document says (brief.c) or writing the file (the
 * caller stages and commits the bytes).
 */
#ifndef REPORTS_HTML_H
#define REPORTS_HTML_H

#include "doc.h"

/* A report_backend: the page of d into *out (out->data g_free'd by the
   caller; out->pages 0). Fails with SB_EDATA when a chart's character
   has no font, SB_EINTERNAL when Cairo fails, SB_ECANCELED (err
   untouched) when stop says to stop before a chart; then *out is
   empty. */
sb_status report_html_write(const report_doc *d, report_stop_fn stop,
                            report_output *out, sb_error *err);

/* The key figure of a page report_html_write wrote: its description
   (the brief's first key finding), read back from the bytes for an
   index of briefs, and its title; each g_free, NULL when absent. */
void report_html_summary(const char *page, size_t len, char **title,
                         char **key);

/* One brief of an index page: the file (relative to the index), its
   title and its key figure (NULL: none). */
typedef struct {
    const char *href, *title, *key;
} report_html_entry;

/* The page of a batch's briefs (index.html): a list of links, each with
   its key figure, titled `title`, in the language and for the paper of
   the briefs (g_free; *len its length). */
char *report_html_index(const char *title, const report_html_entry *e,
                        size_t n, fmt_lang lang, report_paper paper,
                        size_t *len);

#endif
