/*
 * plots/layouts.c -- the process's Pango contexts and their layouts.
 */
#include "layouts.h"

#include <string.h>

#include <glib.h>

/* Past this many layouts a context forgets them all: a long batch of
   charts with ever new labels must not grow without bound. */
#define MAX_LAYOUTS 8192
#define LAYOUTS_KEY "statbrief-layouts"

typedef struct {
    fmt_lang lang;
    int raster;
    cairo_surface_type_t type;
    double xx, yx, xy, yy;       /* the device scale: hinting depends on it */
    PangoContext *pc;
    GHashTable *layouts;         /* key -> cached */
} context;

typedef struct {
    PangoLayout *l;
    int unknown;
} cached;

static GPtrArray *contexts;

static void cached_free(gpointer p)
{
    cached *c = p;

    g_object_unref(c->l);
    g_free(c);
}

static void context_free(gpointer p)
{
    context *c = p;

    g_hash_table_destroy(c->layouts);
    g_object_unref(c->pc);
    g_free(c);
}

/* A new context for cr: its font options and language as the charts want
   them. */
static context *context_new(cairo_t *cr, fmt_lang lang, int raster,
                            const cairo_matrix_t *m)
{
    context *c = g_new0(context, 1);
    cairo_font_options_t *fo = cairo_font_options_create();

    c->lang = lang;
    c->raster = raster;
    c->type = cairo_surface_get_type(cairo_get_target(cr));
    c->xx = m->xx;
    c->yx = m->yx;
    c->xy = m->xy;
    c->yy = m->yy;
    c->pc = pango_cairo_create_context(cr);
    /* Vector output: unhinted metrics, positions as designed. Cairo 1.16
       puts raster glyphs on whole pixels, so unhinted spacing turns
       uneven in PNG at small sizes: hint the metrics there. */
    cairo_font_options_set_hint_metrics(fo, raster ? CAIRO_HINT_METRICS_ON
                                                   : CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, raster ? CAIRO_HINT_STYLE_SLIGHT
                                                 : CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(c->pc, fo);
    cairo_font_options_destroy(fo);
    /* zh-cn makes fontconfig pick Simplified Chinese glyph forms */
    pango_context_set_language(c->pc, pango_language_from_string(
                                          lang == FMT_ZH ? "zh-cn" : "en"));
    c->layouts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                       cached_free);
    /* the context carries its cache: layouts_get finds it there */
    g_object_set_data(G_OBJECT(c->pc), LAYOUTS_KEY, c->layouts);
    return c;
}

PangoContext *layouts_context(cairo_t *cr, fmt_lang lang, int raster)
{
    cairo_surface_type_t type = cairo_surface_get_type(cairo_get_target(cr));
    cairo_matrix_t m;
    context *c;
    guint i;

    cairo_get_matrix(cr, &m);
    if (contexts == NULL)
        contexts = g_ptr_array_new_with_free_func(context_free);
    for (i = 0; i < contexts->len; i++) {
        c = contexts->pdata[i];
        if (c->lang == lang && c->raster == raster && c->type == type &&
            c->xx == m.xx && c->yx == m.yx && c->xy == m.xy &&
            c->yy == m.yy) {
            /* same scale and kind of surface: what the context took from
               its first cr holds for this one. Not pango_cairo_update_
               context: it marks the context changed even when nothing
               is, and every layout made on it would be shaped again */
            return c->pc;
        }
    }
    c = context_new(cr, lang, raster, &m);
    g_ptr_array_add(contexts, c);
    return c->pc;
}

static PangoLayout *make(PangoContext *pc, const PangoFontDescription *font,
                         const char *s, double size, int bold, double width,
                         int lines)
{
    PangoLayout *l = pango_layout_new(pc);
    PangoFontDescription *fd = pango_font_description_copy(font);

    pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
    if (bold)
        pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_text(l, s, -1);
    if (width > 0) {
        pango_layout_set_width(l, (int)(width * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
        if (lines > 0) {
            /* a one-line label keeps both ends ("The Very…Number 02"),
               where names differ; longer text loses its end */
            pango_layout_set_height(l, -lines);
            pango_layout_set_ellipsize(l, lines == 1 ? PANGO_ELLIPSIZE_MIDDLE
                                                     : PANGO_ELLIPSIZE_END);
        }
    }
    return l;
}

PangoLayout *layouts_get(PangoContext *pc, const PangoFontDescription *fd,
                         const char *s, double size, int bold, double width,
                         int lines, int *unknown)
{
    GHashTable *t = g_object_get_data(G_OBJECT(pc), LAYOUTS_KEY);
    char *key;
    cached *c;

    if (t == NULL) {                   /* not one of ours: no cache */
        PangoLayout *l = make(pc, fd, s, size, bold, width, lines);
        *unknown = pango_layout_get_unknown_glyphs_count(l);
        return l;
    }
    /* the width as Pango gets it, in its units */
    key = g_strdup_printf("%s\x1f%.17g\x1f%d\x1f%d\x1f%d\x1f%s",
                          pango_font_description_get_family(fd), size, bold,
                          width > 0 ? (int)(width * PANGO_SCALE) : 0,
                          width > 0 ? lines : 0, s);
    c = g_hash_table_lookup(t, key);
    if (c == NULL) {
        if (g_hash_table_size(t) >= MAX_LAYOUTS)
            g_hash_table_remove_all(t);
        c = g_new(cached, 1);
        c->l = make(pc, fd, s, size, bold, width, lines);
        c->unknown = pango_layout_get_unknown_glyphs_count(c->l);
        g_hash_table_insert(t, key, c);
    } else {
        g_free(key);
    }
    *unknown = c->unknown;
    return g_object_ref(c->l);
}
