/*
 * plots/render.c -- draw a plot_chart with Cairo and Pango: the frame
 * (title, subtitle, the notes and the source line), the chart type's
 * own drawing function in the band between them, and the surfaces
 * (PDF, PNG, SVG, or a page of a brief) with their bytes made stable.
 *
 * Every position comes from measured text extents (title height, widest
 * tick label, widest region label), so the same chart works at 60 x 40
 * mm and at 200 x 120 mm. Units are points; PNG is scaled by dpi/72.
 * Text is unhinted on vector surfaces; PNG hints its metrics (Cairo 1.16
 * rounds raster glyph positions to pixels). Not for: the layout of a
 * chart type (draw_*.c) or the helpers they share (canvas.c).
 */
#include "chart.h"

#include "canvas.h"
#include "chart_types.h"
#include "geometry.h"
#include "pngenc.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <time.h>

#include <glib.h>

#define MM_TO_PT (72.0 / 25.4)

/* ---- frame: title, subtitle, source ------------------------------------- */

/* A note or the source line: at most two lines across the page (one
   on a page too small for both and a plot: k->note_lines). */
static PangoLayout *note_text(canvas *k, const char *s)
{
    return canvas_text(k, s, k->fs * geom.note_size, 0, k->w - 2 * k->m,
                       k->note_lines > 0 ? k->note_lines : 2);
}

/* The note (flags, fills, forecast) and the source line under a chart,
   at most two lines each: their height, and with draw set they are
   drawn from y down. */
static double footer(canvas *k, double y, int draw)
{
    const char *parts[3] = {k->names_note,
                            k->note_drawn ? k->note_drawn : k->c->note,
                            k->c->source};
    double h = 0, tw, th;
    int i;

    for (i = 0; i < 3; i++) {
        PangoLayout *l;
        if (parts[i] == NULL)
            continue;
        l = note_text(k, parts[i]);
        canvas_extent(l, &tw, &th);
        if (draw) {
            canvas_show(k, l, k->m, y, 0, 0);
            y += th + k->fs * geom.note_gap;
        } else {
            g_object_unref(l);
        }
        h += th + (h > 0 ? k->fs * geom.note_gap : 0);
    }
    return h;
}

/* Draws the title block and reserves room for the source line; returns
   the free band [*top, *bottom] between them. */
static void frame(canvas *k, double *top, double *bottom)
{
    const plot_chart *c = k->c;
    double y = k->m, tw, th, bw = k->w - 2 * k->m;
    PangoLayout *l;

    /* an embedded chart may leave its title to the page's heading */
    if (c->title[0] != '\0') {
        cairo_set_source_rgb(k->cr, C_TEXT);
        l = canvas_text(k, c->title, k->fs * geom.title_size, 1, bw, 2);
        canvas_extent(l, &tw, &th);
        canvas_show(k, l, k->m, y, 0, 0);
        y += th + k->fs * geom.title_gap;
    }
    cairo_set_source_rgb(k->cr, C_SUBTLE);
    l = canvas_text(k, c->subtitle, k->fs, 0, bw, 1);
    canvas_extent(l, &tw, &th);
    canvas_show(k, l, k->m, y, 0, 0);
    *top = y + th + k->fs * geom.body_gap;
    *bottom = k->h - k->m;
    if (c->source != NULL || c->note != NULL || k->names_note != NULL) {
        /* a small page: the notes give up their second lines before the
           plot its height (the text alternative has them whole) */
        if (*bottom - footer(k, 0, 0) - k->fs * geom.footer_gap - *top <
            k->fs * geom.body_min)
            k->note_lines = 1;
        *bottom -= footer(k, 0, 0) + k->fs * geom.footer_gap;
    }
}

/* The note and the source line under the body, which ended at `used`. */
static void source_line(canvas *k, double used)
{
    double y = fmin(used + k->fs * geom.footer_gap,
                    k->h - k->m - footer(k, 0, 0));

    cairo_set_source_rgb(k->cr, C_SUBTLE);
    footer(k, y, 1);
}

void plot_bytes_free(plot_bytes *b)
{
    g_free(b->data);
    g_free(b->why);
    b->data = NULL;
    b->why = NULL;
    b->len = 0;
}

/* ---- surfaces ----------------------------------------------------------- */

/* Cairo's PNG writer asks libpng for adaptive filtering at zlib's default
   level: 25 ms a chart here; libpng at level 1 without filters 7 ms.
   plots/pngenc.c, made for charts, takes 2.8 ms for a file a little
   smaller. No time chunk: the bytes depend only on the pixels. */
static cairo_status_t write_png(cairo_surface_t *s, GByteArray *buf)
{
    cairo_surface_flush(s);
    return pngenc_rgb24(cairo_image_surface_get_data(s),
                        cairo_image_surface_get_width(s),
                        cairo_image_surface_get_height(s),
                        cairo_image_surface_get_stride(s), buf) == 0
               ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Cairo 1.16 names SVG groups "surface<N>" with N from a process-wide
   counter, so a file's bytes would depend on what the run drew before it.
   Renumber them 1, 2, ... in order of first appearance (as id="..." or a
   "#..." reference). */
static GByteArray *svg_stable_ids(GByteArray *in)
{
    static const char key[] = "surface";
    GByteArray *out = g_byte_array_sized_new(in->len);
    GHashTable *map = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                            NULL);
    const char *p = (const char *)in->data, *end = p + in->len, *hit;
    char num[24];

    while ((hit = g_strstr_len(p, end - p, key)) != NULL) {
        const char *d = hit + sizeof key - 1, *q = d;
        while (q < end && g_ascii_isdigit(*q) && q - d < 20)
            q++;
        g_byte_array_append(out, (const guint8 *)p, (guint)(d - p));
        if (q > d && hit > (const char *)in->data &&
            (hit[-1] == '"' || hit[-1] == '#')) {
            char *old = g_strndup(d, (gsize)(q - d));
            gpointer n = g_hash_table_lookup(map, old);
            if (n == NULL) {
                n = GUINT_TO_POINTER(g_hash_table_size(map) + 1);
                g_hash_table_insert(map, old, n);
            } else {
                g_free(old);
            }
            g_snprintf(num, sizeof num, "%u", GPOINTER_TO_UINT(n));
            g_byte_array_append(out, (const guint8 *)num, (guint)strlen(num));
            p = q;
        } else {
            p = d;
        }
    }
    g_byte_array_append(out, (const guint8 *)p, (guint)(end - p));
    g_hash_table_destroy(map);
    g_byte_array_free(in, TRUE);
    return out;
}

static cairo_status_t write_bytes(void *closure, const unsigned char *data,
                                  unsigned int len)
{
    g_byte_array_append(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

/* The PDF's dates are SOURCE_DATE_EPOCH (or the run's time), never the
   clock at write: Cairo 1.16 would read the clock. */
static void pdf_metadata(cairo_surface_t *s, const plot_chart *c,
                         long long epoch)
{
    char date[32];
    time_t t = (time_t)epoch;
    struct tm tm;
    /* a title is a name: bounded as one in the file's metadata too */
    char *title = plot_text_dup(c->title, PLOT_NAME_MAX_CHARS);

    gmtime_r(&t, &tm);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
    g_free(title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
                                   "statbrief " SB_VERSION);
}

/* Region names wider than their column (label_share) are ellipsized where they
   stand; the note under the chart gives them in full (never clipped). */
static void shortened_names(canvas *k)
{
    const plot_chart *c = k->c;
    int bars = plot_type_info_of(c->type)->bars;
    GString *g = g_string_new(NULL);
    size_t i, n = bars ? c->n_bars : c->n_lines;

    for (i = 0; i < n; i++) {
        const char *name = bars ? c->bars[i].label
                                               : c->lines[i].label;
        char *cut;
        if (!bars && c->lines[i].context)    /* grey, never labelled */
            continue;
        if (canvas_text_width(k, name, k->fs * geom.label_size, 1) <=
            k->w * geom.label_share)
            continue;
        /* "in full" up to a name's bound: the note shows two lines */
        cut = plot_text_cut(name, PLOT_NAME_MAX_CHARS);
        g_string_append_printf(g, "%s%s", g->len ? "; " : "",
                               cut ? cut : name);
        g_free(cut);
    }
    if (g->len > 0)
        g_string_prepend(g, c->lang == FMT_ZH
                                ? "\xe5\x90\x8d\xe7\xa7\xb0\xe5\x85\xa8\xe7\xa7\xb0"
                                  "\xef\xbc\x9a" : "Names in full: ");  /* 名称全称： */
    k->names_note = g_string_free(g, g->len == 0);
}

/* The chart on a white page: its type's drawing, in the frame unless
   the type has the whole page (a sparkline, word-sized). */
static void draw(canvas *k)
{
    const plot_type_info *t = plot_type_info_of(k->c->type);
    double top, bottom;

    cairo_set_source_rgb(k->cr, 1, 1, 1);
    cairo_paint(k->cr);
    if (!t->framed) {
        t->draw(k, 0, k->h);
        return;
    }
    if (t->names_note)
        shortened_names(k);
    frame(k, &top, &bottom);
    source_line(k, t->draw(k, top, bottom));
}

static cairo_surface_t *surface_for(const plot_chart *c, const plot_style *s,
                                    plot_format f, GByteArray *buf,
                                    double w, double h)
{
    cairo_surface_t *surf;

    if (f == PLOT_PDF) {
        surf = cairo_pdf_surface_create_for_stream(write_bytes, buf, w, h);
        pdf_metadata(surf, c, s->epoch);
    } else if (f == PLOT_SVG) {
        surf = cairo_svg_surface_create_for_stream(write_bytes, buf, w, h);
    } else {
        surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
                                          (int)ceil(w * s->dpi / 72.0),
                                          (int)ceil(h * s->dpi / 72.0));
    }
    return surf;
}

/* Draws c on cr (already placed and scaled) in a w x h point box; fills
   *missing and *why for the caller. raster: hint text for pixels. */
static void draw_on(cairo_t *cr, const plot_chart *c, plot_boxes *boxes,
                    fmt_lang lang, double w, double h, int raster,
                    GString **missing, char **why)
{
    canvas k;

    canvas_open(&k, cr, c, boxes, lang, w, h, raster);
    if (plot_type_info_of(c->type)->font != NULL)
        canvas_set_font(&k, plot_type_info_of(c->type)->font(c, w, h));
    draw(&k);
    canvas_close(&k, missing, why);
}

static sb_status missing_error(const plot_chart *c, GString *missing,
                               sb_error *err)
{
    sb_status rc = SB_OK;

    if (missing->len > 0)
        rc = sb_error_set(err, SB_EDATA, NULL, 0, 0,
                          "%s: no installed font has %s", c->ind->id,
                          missing->str);
    g_string_free(missing, TRUE);
    return rc;
}

sb_status plot_chart_draw(cairo_t *cr, const plot_chart *c, fmt_lang lang,
                          double w, double h, sb_error *err)
{
    GString *missing;
    char *why;

    cairo_save(cr);
    /* the chart paints its background: within its own box only, not
       over the page it is placed on */
    cairo_rectangle(cr, 0, 0, w, h);
    cairo_clip(cr);
    draw_on(cr, c, NULL, lang, w, h, 0, &missing, &why);
    cairo_restore(cr);
    g_free(why);
    return missing_error(c, missing, err);
}

/* A render between drawing and its bytes: a PNG's pixels are encoded on
   a thread of their own while the caller draws the chart's other
   formats (zlib takes as long as drawing does). */
struct plot_pending {
    plot_format f;
    cairo_surface_t *surf;
    GByteArray *buf;
    GString *missing;
    char *why;
    GThread *thread;             /* NULL: encoded (or to encode) here */
    cairo_status_t st;
};

/* A PNG compressed on a thread of its own: on by default; off where the
   run already keeps every CPU busy (plot_render_png_thread). */
static int png_thread = 1;

void plot_render_png_thread(int on)
{
    png_thread = on;
}

static gpointer encode_png(gpointer p)
{
    plot_pending *j = p;

    j->st = write_png(j->surf, j->buf);
    return NULL;
}

plot_pending *plot_chart_render_start(const plot_chart *c,
                                      const plot_style *s, plot_format f)
{
    double w = s->width_mm * MM_TO_PT, h = s->height_mm * MM_TO_PT;
    plot_pending *j = g_new0(plot_pending, 1);
    cairo_t *cr;

    j->f = f;
    j->buf = g_byte_array_new();
    j->surf = surface_for(c, s, f, j->buf, w, h);
    cr = cairo_create(j->surf);
    if (f == PLOT_PNG)
        cairo_scale(cr, s->dpi / 72.0, s->dpi / 72.0);
    draw_on(cr, c, s->boxes, s->lang, w, h, f == PLOT_PNG, &j->missing,
            &j->why);
    cairo_destroy(cr);
    if (f == PLOT_PNG && j->missing->len == 0 &&
        cairo_surface_status(j->surf) == CAIRO_STATUS_SUCCESS) {
        cairo_surface_flush(j->surf);   /* the thread only reads pixels */
        if (png_thread)
            j->thread = g_thread_try_new("png", encode_png, j, NULL);
    }
    return j;
}

sb_status plot_chart_render_finish(plot_pending *j, const plot_chart *c,
                                   plot_bytes *out, sb_error *err)
{
    cairo_status_t st = CAIRO_STATUS_SUCCESS;
    sb_status rc;
    GByteArray *buf = j->buf;

    if (j->thread != NULL) {
        g_thread_join(j->thread);
        st = j->st;
    } else if (j->f == PLOT_PNG && j->missing->len == 0) {
        st = write_png(j->surf, buf);   /* before finishing: a finished
                                           image is gone */
    }
    cairo_surface_finish(j->surf);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(j->surf);
    cairo_surface_destroy(j->surf);
    rc = missing_error(c, j->missing, err);
    if (rc == SB_OK && st != CAIRO_STATUS_SUCCESS)
        rc = sb_error_set(err, SB_EINTERNAL, NULL, 0, 0, "cairo: %s",
                          cairo_status_to_string(st));
    if (j->f == PLOT_SVG && rc == SB_OK)
        buf = svg_stable_ids(buf);
    out->len = buf->len;
    out->data = g_byte_array_free(buf, FALSE);
    out->why = j->why;
    g_free(j);
    if (rc != SB_OK)
        plot_bytes_free(out);
    return rc;
}

sb_status plot_chart_render(const plot_chart *c, const plot_style *s,
                            plot_format f, plot_bytes *out, sb_error *err)
{
    return plot_chart_render_finish(plot_chart_render_start(c, s, f), c,
                                    out, err);
}

void plot_library_preload(void)
{
    FcInit();
}

/* Nothing to release by hand: FcFini and cairo_debug_reset_static_data
   would free fontconfig's and Cairo's font caches, but both assert that
   nothing holds them, and Pango 1.50's fontconfig thread may (a run that
   drew little or no text aborted on it). The caches live as long as the
   process; tests/lsan.supp names them for the leak checker. */
void plot_library_shutdown(void)
{
}
