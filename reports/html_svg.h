/*
 * reports/html_svg.h -- a chart's SVG (Cairo's, from plot_chart_render)
 * made an element of an HTML page: several charts share one document, so
 * every id and reference gets the chart's own prefix; the fixed size
 * gives way to the viewBox (the page scales it); Cairo's style
 * attributes become presentation attributes (no inline styles); the
 * text alternative goes in <title> and <desc>.
 *
 * Internal to reports/html.c.
 */
#ifndef REPORTS_HTML_SVG_H
#define REPORTS_HTML_SVG_H

#include <stddef.h>

#include <glib.h>

/* Appends svg (len bytes) to out as an inline <svg> of class cls with
   every id prefixed by "prefix-". title and desc (NULL: none; then the
   image is decoration, aria-hidden) name and describe it, as role="img"
   with <title> and <desc>. */
void html_svg_inline(GString *out, const char *svg, size_t len,
                     const char *prefix, const char *cls, const char *title,
                     const char *desc);

/* Appends s with &, <, >, " and ' as character references. */
void html_svg_escape(GString *out, const char *s);

#endif
