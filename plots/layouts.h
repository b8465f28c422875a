/*
 * plots/layouts.h -- Pango contexts and laid-out text kept for the whole
 * process (internal to plots/).
 *
 * A run draws the same labels on chart after chart: region names, year
 * ticks, the source line. Shaping them again for every chart was a fifth
 * of a chart's time. Here each kind of surface (vector or raster, its
 * device scale, the language) has one Pango context for the process, and
 * each context keeps the layouts it made, keyed by everything that
 * shapes them (text, size, weight, wrap width, line cap, font). A cached
 * layout gives exactly the glyphs a fresh one would, so a chart's bytes
 * do not depend on what the run drew before it. Layouts are shared:
 * callers only measure and draw them, never change them.
 */
#ifndef PLOTS_LAYOUTS_H
#define PLOTS_LAYOUTS_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "metrics/format.h"

/* The process's context for text drawn on cr in lang (raster: hinted
   metrics for pixels), brought up to date with cr. Owned by the cache:
   do not unref. */
PangoContext *layouts_context(cairo_t *cr, fmt_lang lang, int raster);

/* A layout of s on pc in font fd at `size` points (bold; width > 0
   wraps; lines > 0 also caps the lines, ellipsizing the last). Returns a
   new reference (the caller unrefs it) to a layout that must not be
   changed; *unknown gets its count of glyphs no font has. */
PangoLayout *layouts_get(PangoContext *pc, const PangoFontDescription *fd,
                         const char *s, double size, int bold, double width,
                         int lines, int *unknown);

#endif
