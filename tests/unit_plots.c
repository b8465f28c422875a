/*
 * tests/unit_plots.c -- the tick algorithm (ranges of every kind, and
 * label-width scoring with a fake measure), the PNG encoder (images
 * that must inflate to their pixels), and `unit pngdiff`, which
 * compares a chart with its golden image.
 */
#include <cairo.h>
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "metrics/format.h"
#include "plots/ticks.h"
#include "unit.h"

/* A label is 0.6 em per character of "%.*f", 1 em tall. */
typedef struct {
    double em, char_w;
} fake;

static double fake_measure(void *user, double v, double step)
{
    fake *f = user;
    char buf[64];

    snprintf(buf, sizeof buf, "%.*f", fmt_step_decimals(step), v);
    return (double)strlen(buf) * f->char_w;
}

static void ticks_case(const char *name, double lo, double hi, double len,
                       int integers, int from_zero, plot_ticks *t)
{
    fake f = {10, 6};
    plot_axis a;
    int i;

    memset(&a, 0, sizeof a);
    a.dmin = lo;
    a.dmax = hi;
    a.length = len;
    a.em = f.em;
    a.density = 1.0 / 60;
    a.integers = integers;
    a.from_zero = from_zero;
    a.measure = fake_measure;
    a.user = &f;
    check(plot_ticks_compute(&a, t) == 0, name, "no ticks");
    check(t->n >= 2 && t->step > 0 && t->lmax > t->lmin, name,
          "n=%d step=%g", t->n, t->step);
    /* the labels span the data within one step */
    check(t->lmin <= fmin(lo, hi) + t->step + 1e-9 * fabs(t->step) &&
              t->lmax >= fmax(lo, hi) - t->step - 1e-9 * fabs(t->step),
          name, "[%g, %g] step %g does not cover [%g, %g]", t->lmin,
          t->lmax, t->step, lo, hi);
    check(fabs(t->lmin + (t->n - 1) * t->step - t->lmax) <
              1e-9 * fmax(1, fabs(t->lmax)), name, "n and step disagree");
    if (integers)
        check(fabs(t->step - round(t->step)) < 1e-9, name, "step %g",
              t->step);
    if (from_zero)
        check(t->lmin <= 0 && t->lmax >= 0, name, "0 not in [%g, %g]",
              t->lmin, t->lmax);
    if (t->lmin < 0 && t->lmax > 0) {
        double k = -t->lmin / t->step;
        check(fabs(k - round(k)) < 1e-6, name, "0 is not a tick");
    }
    for (i = 0; i + 1 < t->n; i++) {
        double span = fmax(t->lmax, hi) - fmin(t->lmin, lo);
        double gap = t->step * len / span -
                     (fake_measure(&f, t->lmin + i * t->step, t->step) +
                      fake_measure(&f, t->lmin + (i + 1) * t->step,
                                   t->step)) / 2;
        check(gap > 0, name, "labels %d and %d overlap", i, i + 1);
    }
}

static void ticks_tests(void)
{
    plot_ticks t, narrow, wide;
    fake big = {10, 30};
    plot_axis a;

    /* 300 pt at 1/60: five ticks wanted; 0, 25, ..., 100 scores best
       (worked by hand from the paper's terms) */
    ticks_case("ticks/0-100", 0, 100, 300, 0, 0, &t);
    check(t.lmin == 0 && t.lmax == 100 && t.step == 25, "ticks/0-100",
          "expected 0..100 by 25, got %g..%g by %g", t.lmin, t.lmax, t.step);
    ticks_case("ticks/negative", -37, -3, 300, 0, 0, &t);
    ticks_case("ticks/crossing-zero", -2.5, 7.3, 300, 0, 0, &t);
    ticks_case("ticks/tiny", 1e-9, 3e-9, 300, 0, 0, &t);
    check(t.decimals >= 9, "ticks/tiny", "decimals %d", t.decimals);
    ticks_case("ticks/huge", 1e12, 5e12, 300, 0, 0, &t);
    ticks_case("ticks/single", 42, 42, 300, 0, 0, &t);
    check(t.lmin < 42 && t.lmax > 42, "ticks/single", "[%g, %g]", t.lmin,
          t.lmax);
    ticks_case("ticks/years", 2012, 2023, 400, 1, 0, &t);
    check(t.lmin >= 2010 && t.lmax <= 2025, "ticks/years", "%g..%g", t.lmin,
          t.lmax);
    ticks_case("ticks/one-year", 2022, 2022, 400, 1, 0, &t);
    ticks_case("ticks/bars-from-zero", 364.6, 1215, 300, 0, 1, &t);
    ticks_case("ticks/rates", 1.72, 2.36, 200, 0, 0, &t);
    check(fmt_step_decimals(0.25) == 2 && fmt_step_decimals(20) == 0 &&
              fmt_step_decimals(2.5) == 1 && fmt_step_decimals(5e-10) == 10,
          "ticks/decimals", "wrong");
    /* Legibility decides: labels five times wider get fewer ticks on the
       same axis, and still do not overlap. */
    ticks_case("ticks/narrow-labels", 0, 1e6, 250, 0, 0, &narrow);
    memset(&a, 0, sizeof a);
    a.dmin = 0;
    a.dmax = 1e6;
    a.length = 250;
    a.em = 10;
    a.density = 1.0 / 60;
    a.measure = fake_measure;
    a.user = &big;
    plot_ticks_compute(&a, &wide);
    check(wide.n < narrow.n, "ticks/label-width", "wide labels %d ticks, "
          "narrow %d", wide.n, narrow.n);
    check(wide.step * 250 / (wide.lmax - wide.lmin) > 7 * 30,
          "ticks/label-width", "wide labels collide: step %g", wide.step);
    a.length = 0;
    check(plot_ticks_compute(&a, &t) == -1, "ticks/no-length", "accepted");
    /* An axis too short for any legible labels (a small-multiples panel)
       must still end at once, with its two ends. */
    a.length = 4;
    a.user = &big;
    check(plot_ticks_compute(&a, &t) == 0 && t.n >= 2, "ticks/tiny-axis",
          "n=%d", t.n);
}

/* ---- unit pngdiff GOLDEN NEW DIFF ----------------------------------------- */

/* 0 when the images match: same size, no channel off by more than 24,
   at most 0.2% of pixels off at all. Writes DIFF (red where they differ)
   when they do not. */
int pngdiff(const char *golden, const char *got, const char *diff)
{
    cairo_surface_t *a = cairo_image_surface_create_from_png(golden);
    cairo_surface_t *b = cairo_image_surface_create_from_png(got);
    int w, h, x, y, bad = 0, off = 0, rc;

    if (cairo_surface_status(a) || cairo_surface_status(b) ||
        cairo_image_surface_get_width(a) != cairo_image_surface_get_width(b) ||
        cairo_image_surface_get_height(a) !=
            cairo_image_surface_get_height(b)) {
        fprintf(stderr, "pngdiff: %s and %s differ in size or cannot be "
                "read\n", golden, got);
        cairo_surface_destroy(a);
        cairo_surface_destroy(b);
        return 1;
    }
    w = cairo_image_surface_get_width(a);
    h = cairo_image_surface_get_height(a);
    cairo_surface_flush(b);
    for (y = 0; y < h; y++) {
        unsigned char *ra = cairo_image_surface_get_data(a) +
                            y * cairo_image_surface_get_stride(a);
        unsigned char *rb = cairo_image_surface_get_data(b) +
                            y * cairo_image_surface_get_stride(b);
        for (x = 0; x < w * 4; x += 4) {
            int c, worst = 0;
            for (c = 0; c < 3; c++)
                worst = abs(ra[x + c] - rb[x + c]) > worst
                            ? abs(ra[x + c] - rb[x + c]) : worst;
            off += worst > 0;
            bad += worst > 24;
            if (worst > 0) {          /* mark it in the new image: red */
                rb[x] = 0;
                rb[x + 1] = 0;
                rb[x + 2] = 255;
            }
        }
    }
    cairo_surface_mark_dirty(b);
    rc = bad > 0 || off > w * h / 500;
    if (rc) {
        cairo_surface_write_to_png(b, diff);
        fprintf(stderr, "pngdiff: %s: %d pixels differ (%d by more than "
                "24); see %s\n", got, off, bad, diff);
    }
    cairo_surface_destroy(a);
    cairo_surface_destroy(b);
    return rc;
}



/* ---- plots/pngenc: every image decodes to its pixels --------------------- */

#include <zlib.h>

#include "plots/pngenc.h"

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
           p[3];
}

/* The PNG's chunks (each CRC checked), its IDAT inflated by zlib (which
   checks the Adler-32) and compared byte for byte with filter 0 and the
   R G B of each pixel. */
static void png_decodes(const char *name, const GByteArray *png,
                        const uint32_t *px, int w, int h)
{
    size_t off = 8, want = (size_t)h * (3 * (size_t)w + 1), i;
    GByteArray *z = g_byte_array_new();
    unsigned char *raw = g_malloc(want + 1), *exp = g_malloc(want);
    uLongf got = (uLongf)want + 1;
    int crc_ok = 1, ihdr_ok = 0, x, y;

    while (off + 12 <= png->len) {
        const unsigned char *c = png->data + off;
        uint32_t n = be32(c);
        if (off + 12 + n > png->len)
            break;
        crc_ok &= (uint32_t)crc32(0L, c + 4, n + 4) == be32(c + 8 + n);
        if (memcmp(c + 4, "IHDR", 4) == 0)
            ihdr_ok = n == 13 && be32(c + 8) == (uint32_t)w &&
                      be32(c + 12) == (uint32_t)h && c[16] == 8 && c[17] == 2;
        if (memcmp(c + 4, "IDAT", 4) == 0)
            g_byte_array_append(z, c + 8, n);
        off += 12 + n;
    }
    check(memcmp(png->data, "\x89PNG\r\n\x1a\n", 8) == 0 && off == png->len &&
          crc_ok && ihdr_ok, name, "bad signature, chunks or CRC");
    for (i = 0, y = 0; y < h; y++) {
        exp[i++] = 0;
        for (x = 0; x < w; x++) {
            uint32_t v = px[(size_t)y * (size_t)w + (size_t)x];
            exp[i++] = (unsigned char)(v >> 16);
            exp[i++] = (unsigned char)(v >> 8);
            exp[i++] = (unsigned char)v;
        }
    }
    check(uncompress(raw, &got, z->data, z->len) == Z_OK && got == want &&
              memcmp(raw, exp, want) == 0,
          name, "the pixels do not come back (%lu of %zu bytes)",
          (unsigned long)got, want);
    g_byte_array_free(z, TRUE);
    g_free(raw);
    g_free(exp);
}

/* Encodes px twice, the second time with other bytes in each pixel's x
   byte (which must not matter), and decodes it. */
static void png_case(const char *name, uint32_t *px, int w, int h)
{
    GByteArray *a = g_byte_array_new(), *b = g_byte_array_new();
    size_t i, n = (size_t)w * (size_t)h;

    pngenc_rgb24((const unsigned char *)px, w, h, 4 * w, a);
    for (i = 0; i < n; i++)
        px[i] = (px[i] & 0xFFFFFFu) | (uint32_t)(i * 37 % 251) << 24;
    pngenc_rgb24((const unsigned char *)px, w, h, 4 * w, b);
    check(a->len == b->len && memcmp(a->data, b->data, a->len) == 0, name,
          "the unused byte of a pixel changed the file");
    png_decodes(name, a, px, w, h);
    g_byte_array_free(a, TRUE);
    g_byte_array_free(b, TRUE);
}

static uint32_t rnd(uint32_t *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 8;
}

/* A chart-like picture drawn by Cairo: white, lines, text, a grid. */
static void png_drawn(void)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 640,
                                                    400);
    cairo_t *cr = cairo_create(s);
    uint32_t *px = g_new(uint32_t, 640 * 400);
    int i, j, y;

    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    for (i = 0; i < 12; i++) {
        cairo_set_source_rgb(cr, i / 12.0, 0.3, 1 - i / 12.0);
        cairo_set_line_width(cr, 1.5 + i % 3);
        for (j = 0; j < 30; j++)
            cairo_line_to(cr, 20 + j * 20, 50 + i * 25 + 30 * sin(j * 0.4 + i));
        cairo_stroke(cr);
    }
    cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
    for (i = 0; i < 8; i++) {
        cairo_rectangle(cr, 40 + i * 70, 0, 1, 400);
        cairo_fill(cr);
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_move_to(cr, 30, 390);
    cairo_set_font_size(cr, 13);
    cairo_show_text(cr, "Indicator 01, 1994-2023: Region 01 Region 02 Region 03");
    cairo_destroy(cr);
    cairo_surface_flush(s);
    for (y = 0; y < 400; y++)
        memcpy(px + y * 640, cairo_image_surface_get_data(s) +
                                 y * cairo_image_surface_get_stride(s),
               640 * 4);
    cairo_surface_destroy(s);
    png_case("pngenc drawn chart", px, 640, 400);
    g_free(px);
}

static void pngenc_tests(void)
{
    uint32_t seed = 7, one = 0x123456, *px;
    int i, n;

    {
        GByteArray *none = g_byte_array_new();
        check(pngenc_rgb24((const unsigned char *)&one, 0, 1, 4, none) == -1 &&
                  pngenc_rgb24((const unsigned char *)&one, 32768, 1, 4, none) ==
                      -1 &&
                  none->len == 0,
              "pngenc sizes", "an image of no width or too wide was written");
        g_byte_array_free(none, TRUE);
    }
    png_case("pngenc 1x1", &one, 1, 1);
    png_drawn();
    /* noise: literals only, several blocks */
    px = g_new(uint32_t, 300 * 200);
    for (i = 0; i < 300 * 200; i++)
        px[i] = rnd(&seed) & 0xFFFFFF;
    png_case("pngenc noise", px, 300, 200);
    /* byte k as often as the Fibonacci number F(k + 1), k < 22, shuffled:
       a Huffman tree 21 deep, its codes limited to 15 bits */
    {
        unsigned char *b = (unsigned char *)px;
        int f0 = 0, f1 = 1, k, j = 0;
        for (k = 0; k < 22; k++) {
            int f2 = f0 + f1;
            memset(b + j, k, (size_t)f1);
            j += f1;
            f0 = f1;
            f1 = f2;
        }
        b[j++] = 0;                        /* 46368 = 3 x 161 x 96 */
        for (i = j - 1; i > 0; i--) {
            int r = (int)(rnd(&seed) % (uint32_t)(i + 1));
            unsigned char t = b[i];
            b[i] = b[r];
            b[r] = t;
        }
        for (i = 161 * 96 - 1; i >= 0; i--)
            px[i] = (uint32_t)b[3 * i] << 16 | (uint32_t)b[3 * i + 1] << 8 |
                    b[3 * i + 2];
    }
    png_case("pngenc skewed", px, 161, 96);
    /* runs across the 258-byte limit of a match, rows repeating the one
       above, a row equal to the one above but for its last pixel */
    for (i = 0; i < 300 * 200; i++) {
        int x = i % 300, y = i / 300;
        px[i] = y % 7 < 3 ? 0xFFFFFF
                          : (uint32_t)(x / (80 + y % 9) * 0x010203 + y / 7);
    }
    px[300 * 150 - 1] ^= 1;
    png_case("pngenc runs", px, 300, 200);
    g_free(px);
    /* rows of 3 x 86 + 1 and 3 x 172 + 1 bytes repeated: one byte over
       a match of 258 (or two), which must not be left alone */
    for (n = 86; n <= 172; n += 86) {
        px = g_new(uint32_t, (size_t)n * 4);
        for (i = 0; i < n * 4; i++)
            px[i] = i % n < 40 ? 0xFFFFFF : (uint32_t)(i % n) * 0x030201;
        png_case(n == 86 ? "pngenc 86 wide" : "pngenc 172 wide", px, n, 4);
        g_free(px);
    }
    /* wider than the window: the row above is out of reach */
    n = 11000;
    px = g_new(uint32_t, (size_t)n * 3);
    for (i = 0; i < n * 3; i++)
        px[i] = i % n < 5000 ? 0xFFFFFF : rnd(&seed) % 3 * 0x404040;
    png_case("pngenc wide", px, n, 3);
    g_free(px);
}

/* ---- label boxes: crowded charts never overlap or leave the page ------- */

#include "core/model.h"
#include "metrics/metrics.h"
#include "plots/alt.h"
#include "plots/chart.h"

/* n regions "R00".. (or long names), years 2010..2010+ny-1; value(r, y)
   from fn; NAN means no value. */
static sb_dataset *crowd(size_t n, int ny, int long_names,
                         double (*fn)(size_t r, int y))
{
    sb_dataset *ds = sb_dataset_create();
    sb_id ind = sb_dataset_indicator(ds, "x");
    sb_error err = {0};
    size_t r;
    int y;

    sb_dataset_indicator_mut(ds, ind)->kind = SB_KIND_AMOUNT;
    for (r = 0; r < n; r++) {
        char name[128];
        sb_id reg;
        if (long_names)
            snprintf(name, sizeof name, "The Very Long Official Name Of "
                     "Administrative Region Number %02zu", r);
        else
            snprintf(name, sizeof name, "R%02zu", r);
        reg = sb_dataset_region(ds, name);
        for (y = 0; y < ny; y++) {
            sb_obs o = {0};
            o.year = 2010 + y;
            o.value = fn(r, y);
            if (isnan(o.value))
                o.state = SB_OBS_MISSING;
            sb_dataset_add_obs(ds, ind, reg, 0, &o, 0, 0);
        }
    }
    sb_dataset_finish(ds, NULL, &err);
    return ds;
}

static double close_ends(size_t r, int y) { return 100 + y * 2 + r * 0.1; }
static double spread(size_t r, int y) { return 50 + r * 13.0 + y * 1.5; }
static double negative(size_t r, int y) { return -40 + r * 25.0 - y * 3; }
static double gappy(size_t r, int y)
{
    return (y == 2 || y == 3) ? NAN : 10 + r + y;
}

static int overlap(const plot_box *a, const plot_box *b)
{
    const double e = 0.01;

    return a->x + e < b->x + b->w && b->x + e < a->x + a->w &&
           a->y + e < b->y + b->h && b->y + e < a->y + a->h;
}

/* No recorded label leaves the page or overlaps another. */
static void boxes_apart(const char *name, const plot_boxes *boxes)
{
    size_t i, j;
    int ok = 1;

    for (i = 0; i < boxes->n; i++) {
        const plot_box *b = &boxes->box[i];
        if (b->x < -0.01 || b->y < -0.01 ||
            b->x + b->w > boxes->page_w + 0.01 ||
            b->y + b->h > boxes->page_h + 0.01) {
            check(0, name, "label %zu leaves the page", i);
            ok = 0;
        }
        for (j = i + 1; j < boxes->n && ok; j++)
            if (overlap(b, &boxes->box[j])) {
                check(0, name, "labels %zu and %zu overlap", i, j);
                ok = 0;
            }
    }
    check(ok, name, "boxes");
}

static void boxes_case(const char *name, sb_dataset *ds, int type,
                       double w_mm, double h_mm, size_t min_labels)
{
    metrics_opts mo = {0};
    metrics_ctx *mc = NULL;
    sb_error err = {0};
    plot_chart *c;
    plot_boxes boxes = {0};
    plot_style st = {w_mm, h_mm, 72, FMT_EN, 0, &boxes};
    plot_bytes out = {NULL, 0, NULL};

    metrics_ctx_create(ds, &mo, &mc, &err);
    c = plot_chart_build(ds, mc, 0, type, 0, 0, FMT_EN, NULL, &err);
    check(c != NULL, name, "no chart: %s", err.msg);
    if (c != NULL &&
        plot_chart_render(c, &st, PLOT_PNG, &out, &err) != SB_OK)
        check(0, name, "render: %s", err.msg);
    check(boxes.n >= min_labels, name, "%zu labels drawn, expected %zu "
          "(none may be dropped)", boxes.n, min_labels);
    boxes_apart(name, &boxes);
    plot_bytes_free(&out);
    g_free(boxes.box);
    plot_chart_destroy(c);
    metrics_ctx_destroy(mc);
    sb_dataset_destroy(ds);
}

/* ---- many regions: grey context, the labels kept --------------------------- */

/* Whether a label starting with text was drawn. */
static int drawn(const plot_boxes *b, const char *text)
{
    size_t i;

    for (i = 0; i < b->n; i++)
        if (strcmp(b->box[i].text, text) == 0)
            return 1;
    return 0;
}

/* The text alternative of c holds `want`. */
static void alt_has(const char *name, const plot_chart *c,
                    const sb_dataset *ds, metrics_ctx *mc, const char *want)
{
    char *alt = plot_chart_alt_text(c, ds, mc);

    check(strstr(alt, want) != NULL, name, "alt text \"%s\" lacks \"%s\"",
          alt, want);
    g_free(alt);
}

/* Frees what a rendered case made. */
static void case_done(plot_bytes *out, plot_boxes *boxes, plot_chart *c,
                      metrics_ctx *mc, sb_dataset *ds)
{
    plot_bytes_free(out);
    g_free(boxes->box);
    plot_chart_destroy(c);
    metrics_ctx_destroy(mc);
    sb_dataset_destroy(ds);
}

/* A line chart of n regions R00... (focus R00, benchmark R03, or bench
   when given; the comparison set: the first n_set when given) with
   --label names, in lang at w x h mm: n_context grey lines, and the
   labels drawn are the first of `keep` (the order they are dropped in,
   backwards), all of them when h_mm is roomy (all), never none; their
   boxes apart. note and alt: what the caption and the text alternative
   say of the grey lines. */
typedef struct {
    const char *name;
    size_t n;
    const char *const *labels;
    size_t n_labels;
    double w_mm, h_mm;
    fmt_lang lang;
    size_t n_context;
    const char *const *keep;     /* NULL-terminated */
    int all;
    const char *note, *alt;
    const char *bench;           /* NULL: R03 */
    size_t n_set;                /* 0: every region */
    plot_type type;              /* 0: PLOT_LINE; or PLOT_INDEX */
} many_case;

static void many_check(const many_case *t)
{
    sb_dataset *ds = crowd(t->n, 10, 0, spread);
    metrics_opts mo = {0};
    metrics_ctx *mc = NULL;
    sb_error err = {0};
    plot_labels lb = {t->labels, t->n_labels, 0, PLOT_ORDER_RANK};
    plot_boxes boxes = {0};
    plot_style st = {t->w_mm, t->h_mm, 72, t->lang, 0, &boxes};
    plot_bytes out = {NULL, 0, NULL};
    plot_chart *c;
    size_t i, k = 0;

    const char *set[] = {"R00", "R01", "R02", "R03", "R04", "R05", "R06",
                         "R07", "R08", "R09", "R10", "R11"};

    mo.focus = "R00";
    mo.benchmark = t->bench ? t->bench : "R03";
    mo.regions = set;
    mo.n_regions = t->n_set;
    metrics_ctx_create(ds, &mo, &mc, &err);
    c = plot_chart_build(ds, mc, 0, (int)t->type, 0, 0, t->lang, &lb, &err);
    check(c != NULL, t->name, "no chart: %s", err.msg);
    if (c == NULL)
        goto out;
    check(plot_chart_render(c, &st, PLOT_PNG, &out, &err) == SB_OK, t->name,
          "render: %s", err.msg);
    check(c->n_context == t->n_context, t->name, "%zu grey lines, not %zu",
          c->n_context, t->n_context);
    while (t->keep[k] != NULL && drawn(&boxes, t->keep[k]))
        k++;
    for (i = k; t->keep[i] != NULL; i++)
        check(!drawn(&boxes, t->keep[i]), t->name, "%s drawn after %s was "
              "dropped", t->keep[i], t->keep[k]);
    check(k > 0 && boxes.n == k, t->name, "%zu labels drawn, %zu of the "
          "kept order", boxes.n, k);
    check(!t->all || t->keep[k] == NULL, t->name, "%s dropped",
          t->keep[k] ? t->keep[k] : "");
    check(t->all || t->keep[k] != NULL, t->name, "no label dropped");
    boxes_apart(t->name, &boxes);
    if (*t->note == '\0')           /* no grey lines: not a word of them */
        check(c->note == NULL || strstr(c->note, "Grey") == NULL, t->name,
              "note \"%s\" names grey lines", c->note);
    else
        check(c->note != NULL && strstr(c->note, t->note) != NULL, t->name,
              "note \"%s\" lacks \"%s\"", c->note ? c->note : "",
              t->note);
    alt_has(t->name, c, ds, mc, t->alt);
out:
    case_done(&out, &boxes, c, mc, ds);
}

static void many_tests(void)
{
    static const char *const none[] = {NULL};
    static const char *const named[] = {"R10", "R20", "R30", "R40", "R50"};
    static const char *const focus_bench[] = {"R00", "R03", NULL};
    static const char *const focus_r20[] = {"R00", "R20", NULL};
    static const char *const eight[] = {"R00", "R01", "R02", "R03", "R04",
                                        "R05", "R06", "R07", NULL};
    /* the drop order backwards: focus, benchmark, then --label's order;
       R50, the fifth named, is beyond PLOT_MAX_NAMED: grey */
    static const char *const order[] = {"R00", "R03", "R10", "R20", "R30",
                                        "R40", NULL};
    static const many_case cases[] = {
        {"many/8-regions-all-labelled", 8, named, 0, 160, 100, FMT_EN, 0,
         eight, 1, "", " of ", NULL, 0, PLOT_LINE},
        {"many/9-regions", 9, none, 0, 160, 100, FMT_EN, 7, focus_bench, 1,
         "Grey: the other 7 regions.",
         "Thin grey lines: the other 7 regions, unlabelled.", NULL, 0,
         PLOT_LINE},
        {"many/9-regions-zh", 9, none, 0, 160, 100, FMT_ZH, 7, focus_bench, 1,
         "\xe7\x81\xb0\xe8\x89\xb2\xef\xbc\x9a\xe5\x85\xb6\xe4\xbd\x99"
         "7\xe4\xb8\xaa\xe5\x9c\xb0\xe5\x8c\xba\xe3\x80\x82",
         "\xe7\xbb\x86\xe7\x81\xb0\xe7\xba\xbf\xe4\xb8\xba\xe5\x85\xb6"
         "\xe4\xbd\x99" "7\xe4\xb8\xaa\xe5\x9c\xb0\xe5\x8c\xba", NULL, 0,
         PLOT_LINE},
        {"many/300-named", 300, named, 5, 160, 100, FMT_EN, 294, order, 1,
         "Grey: the other 294 regions.",
         "Line chart of x, R03, R10, R20, R30, R40 and 1 more", NULL, 0,
         PLOT_LINE},
        {"many/300-named-zh", 300, named, 5, 160, 100, FMT_ZH, 294, order, 1,
         "\xe5\x85\xb6\xe4\xbd\x99" "294",
         "R10\xe3\x80\x81R20\xe3\x80\x81R30", NULL, 0, PLOT_LINE},
        {"many/300-low-page-drops", 300, named, 5, 160, 30, FMT_EN, 294,
         order, 0, "Grey: the other 294 regions.", "294 regions", NULL, 0,
         PLOT_LINE},
        {"many/300-lower-page-drops", 300, named, 5, 90, 32, FMT_ZH, 294,
         order, 0, "294", "294", NULL, 0, PLOT_LINE},
        /* a benchmark outside the set of 12 is drawn all the same */
        {"many/benchmark-outside-the-set", 30, none, 0, 160, 100, FMT_EN,
         11, focus_r20, 1, "Grey: the other 11 regions.", "R20", "R20",
         12, PLOT_LINE},
        /* an index chart draws its lines as the line chart does */
        {"many/300-named-index", 300, named, 5, 160, 100, FMT_EN, 294,
         order, 1, "Grey: the other 294 regions.",
         "Index chart of x (index, 2019 = 100), R03, R10", NULL, 0,
         PLOT_INDEX},
        {"many/300-named-index-zh", 300, named, 5, 160, 100, FMT_ZH, 294,
         order, 1, "\xe5\x85\xb6\xe4\xbd\x99" "294",
         /* 指数图：x（指数，2019年=100） */
         "\xe6\x8c\x87\xe6\x95\xb0\xe5\x9b\xbe\xef\xbc\x9ax\xef\xbc\x88"
         "\xe6\x8c\x87\xe6\x95\xb0\xef\xbc\x8c" "2019\xe5\xb9\xb4=100"
         "\xef\xbc\x89", NULL, 0, PLOT_INDEX},
        {"many/300-low-page-drops-index", 300, named, 5, 160, 30, FMT_EN,
         294, order, 0, "Grey: the other 294 regions.", "294 regions", NULL,
         0, PLOT_INDEX},
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        many_check(&cases[i]);
}

/* ---- small multiples ------------------------------------------------------ */

/* One region far above the others: a shared scale flattens them. */
static double one_giant(size_t r, int y)
{
    return r == 0 ? 10000 + y * 100.0 : 10 + r + y;
}

/* Small multiples of 10 regions (focus R04, benchmark R07) in lang:
   the panels' order (first four labels), the scale, what the subtitle
   and the alt text say; every text drawn apart, long names on two lines
   with no cut in their middle. */
typedef struct {
    const char *name;
    double (*fn)(size_t r, int y);
    int long_names;
    plot_order order;
    fmt_lang lang;
    const char *first[4];
    int own_scale;
    const char *alt;
} small_case;

static void small_check(const small_case *t)
{
    sb_dataset *ds = crowd(10, 10, t->long_names, t->fn);
    metrics_opts mo = {0};
    metrics_ctx *mc = NULL;
    sb_error err = {0};
    plot_labels lb = {NULL, 0, 0, t->order};
    plot_boxes boxes = {0};
    plot_style st = {160, 100, 72, t->lang, 0, &boxes};
    plot_bytes out = {NULL, 0, NULL};
    const char *own = t->lang == FMT_ZH
                          ? "\xe5\x90\x84\xe5\x9b\xbe\xe7\xba\xb5\xe8\xbd\xb4"
                            "\xe5\x88\xbb\xe5\xba\xa6\xe4\xb8\x8d\xe5\x90\x8c"
                          : "each panel on its own scale";
    plot_chart *c;
    char *alt;
    size_t i, two = 0;

    mo.focus = t->long_names ? "The Very Long Official Name Of "
                               "Administrative Region Number 04" : "R04";
    mo.benchmark = t->long_names ? "The Very Long Official Name Of "
                                   "Administrative Region Number 07" : "R07";
    metrics_ctx_create(ds, &mo, &mc, &err);
    c = plot_chart_build(ds, mc, 0, PLOT_SMALL, 0, 0, t->lang, &lb, &err);
    check(c != NULL, t->name, "no chart: %s", err.msg);
    if (c == NULL)
        goto out;
    for (i = 0; i < 4 && t->first[i] != NULL; i++)
        check(strcmp(c->lines[i].label, t->first[i]) == 0, t->name,
              "panel %zu is %s, not %s", i, c->lines[i].label, t->first[i]);
    check(c->own_scale == t->own_scale, t->name, "own scale %d", c->own_scale);
    check((strstr(c->subtitle, own) != NULL) == t->own_scale, t->name,
          "subtitle \"%s\"", c->subtitle);
    alt = plot_chart_alt_text(c, ds, mc);
    check(strstr(alt, t->alt) != NULL, t->name, "alt text \"%s\" lacks "
          "\"%s\"", alt, t->alt);
    g_free(alt);
    check(plot_chart_render(c, &st, PLOT_PNG, &out, &err) == SB_OK, t->name,
          "render: %s", err.msg);
    boxes_apart(t->name, &boxes);
    for (i = 0; i < boxes.n; i++) {
        const char *e = strstr(boxes.box[i].text, PLOT_ELLIPSIS);
        check(e == NULL || e[strlen(PLOT_ELLIPSIS)] == '\0', t->name,
              "\"%s\" cut in its middle", boxes.box[i].text);
        two += boxes.box[i].h > 1.6 * 0.8 * 9 * 1.2 &&
               strncmp(boxes.box[i].text, "The Very", 8) == 0;
    }
    check(!t->long_names || two == 10, t->name, "%zu of 10 long names on "
          "two lines", two);
out:
    plot_bytes_free(&out);
    g_free(boxes.box);
    plot_chart_destroy(c);
    metrics_ctx_destroy(mc);
    sb_dataset_destroy(ds);
}

static void small_tests(void)
{
    static const small_case cases[] = {
        /* by rank at 2019 (R09 the largest), the focus and benchmark
           first; every panel's range is over 1/5 of the shared one */
        {"small/rank-shared", spread, 0, PLOT_ORDER_RANK, FMT_EN,
         {"R04", "R07", "R09", "R08"}, 0,
         "Panels by rank in 2019, the focus region (R04) first. All panels "
         "on one scale."},
        {"small/rank-shared-zh", spread, 0, PLOT_ORDER_RANK, FMT_ZH,
         {"R04", "R07", "R09", "R08"}, 0,
         /* 各图按2019年排名排列，重点地区R04居首。各图纵轴刻度相同。 */
         "\xe5\x90\x84\xe5\x9b\xbe\xe6\x8c\x89" "2019\xe5\xb9\xb4\xe6\x8e\x92"
         "\xe5\x90\x8d\xe6\x8e\x92\xe5\x88\x97\xef\xbc\x8c\xe9\x87\x8d\xe7"
         "\x82\xb9\xe5\x9c\xb0\xe5\x8c\xba" "R04\xe5\xb1\x85\xe9\xa6\x96"
         "\xe3\x80\x82\xe5\x90\x84\xe5\x9b\xbe\xe7\xba\xb5\xe8\xbd\xb4\xe5"
         "\x88\xbb\xe5\xba\xa6\xe7\x9b\xb8\xe5\x90\x8c\xe3\x80\x82"},
        /* the spec's order: source; the focus and benchmark still first */
        {"small/source", spread, 0, PLOT_ORDER_SOURCE, FMT_EN,
         {"R04", "R07", "R00", "R01"}, 0,
         "Panels in the source's order, the focus region (R04) first."},
        {"small/source-zh", spread, 0, PLOT_ORDER_SOURCE, FMT_ZH,
         {"R04", "R07", "R00", "R01"}, 0,
         /* 各图按资料原有顺序排列 */
         "\xe5\x90\x84\xe5\x9b\xbe\xe6\x8c\x89\xe8\xb5\x84\xe6\x96\x99\xe5"
         "\x8e\x9f\xe6\x9c\x89\xe9\xa1\xba\xe5\xba\x8f\xe6\x8e\x92\xe5\x88"
         "\x97"},
        /* R00 ten times the rest: 9 of 10 panels would lie flat */
        {"small/own-scale", one_giant, 0, PLOT_ORDER_RANK, FMT_EN,
         {"R04", "R07", "R00", "R09"}, 1,
         "Each panel on its own scale."},
        {"small/own-scale-zh", one_giant, 0, PLOT_ORDER_RANK, FMT_ZH,
         {"R04", "R07", "R00", "R09"}, 1,
         /* 各图纵轴刻度不同。 */
         "\xe5\x90\x84\xe5\x9b\xbe\xe7\xba\xb5\xe8\xbd\xb4\xe5\x88\xbb\xe5"
         "\xba\xa6\xe4\xb8\x8d\xe5\x90\x8c\xe3\x80\x82"},
        /* names of 62 characters: two lines, never cut in the middle */
        {"small/long-names", one_giant, 1, PLOT_ORDER_RANK, FMT_EN,
         {NULL, NULL, NULL, NULL}, 1, "on its own scale"},
        {"small/long-names-zh", spread, 1, PLOT_ORDER_RANK, FMT_ZH,
         {NULL, NULL, NULL, NULL}, 0,
         "\xe5\x90\x84\xe5\x9b\xbe\xe7\xba\xb5\xe8\xbd\xb4\xe5\x88\xbb\xe5"
         "\xba\xa6\xe7\x9b\xb8\xe5\x90\x8c"},
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++)
        small_check(&cases[i]);
}

/* ---- bars: a region without a value says "no data" ---------------------- */

/* R05 the total; R00, the focus, has no value in the latest year (2012),
   R02 none in the latest two. */
static double holes(size_t r, int y)
{
    if (r == 5)
        return 1000;
    if ((r == 0 && y == 2) || (r == 2 && y >= 1))
        return NAN;
    return 10 + (double)r + y;
}

/* A bar chart of type `type` in lang, from holes(): every text of
   `drawn_texts` drawn (the labels' first bytes), none overlapping, and
   the alt text holding `alt`. */
static void nodata_check(const char *name, int type, fmt_lang lang,
                         const char *const *drawn_texts, const char *alt)
{
    sb_dataset *ds = crowd(6, 3, 0, holes);
    metrics_opts mo = {0};
    metrics_ctx *mc = NULL;
    sb_error err = {0};
    plot_boxes boxes = {0};
    plot_style st = {160, 100, 72, lang, 0, &boxes};
    plot_bytes out = {NULL, 0, NULL};
    plot_chart *c;
    size_t i;

    mo.focus = "R00";
    mo.total = "R05";
    metrics_ctx_create(ds, &mo, &mc, &err);
    c = plot_chart_build(ds, mc, 0, type, 0, 0, lang, NULL, &err);
    check(c != NULL, name, "no chart: %s", err.msg);
    if (c == NULL)
        goto out;
    check(plot_chart_render(c, &st, PLOT_PNG, &out, &err) == SB_OK, name,
          "render: %s", err.msg);
    for (i = 0; drawn_texts[i] != NULL; i++)
        check(drawn(&boxes, drawn_texts[i]), name, "\"%s\" not drawn",
              drawn_texts[i]);
    boxes_apart(name, &boxes);
    alt_has(name, c, ds, mc, alt);
out:
    case_done(&out, &boxes, c, mc, ds);
}

#define ZH_NODATA "\xe6\x97\xa0\xe6\x95\xb0\xe6\x8d\xae"       /* 无数据 */

static void nodata_tests(void)
{
    /* the focus R00 and R02 keep their rows (labels), with the words
       where a bar would be: one per missing year */
    static const char *const bar_en[] = {"R00", "R02", "no data", NULL};
    static const char *const bar_zh[] = {"R00", "R02", ZH_NODATA, NULL};
    static const char *const key_en[] = {"R00 (no data for 2012)",
                                         "R02 (no data for 2011 and 2012)",
                                         NULL};
    static const char *const key_zh[] = {
        "R00\xef\xbc\x88" "2012\xe5\xb9\xb4" ZH_NODATA "\xef\xbc\x89",
        "R02\xef\xbc\x88" "2011\xe3\x80\x81" "2012\xe5\xb9\xb4" ZH_NODATA
        "\xef\xbc\x89", NULL};     /* R00（2012年无数据） */

    nodata_check("nodata/bar", PLOT_BAR, FMT_EN, bar_en,
                 "No data for R00 in 2012. No data for R02 in 2012.");
    nodata_check("nodata/bar-zh", PLOT_BAR, FMT_ZH, bar_zh,
                 "R00" "2012\xe5\xb9\xb4" ZH_NODATA "\xe3\x80\x82R02");
    nodata_check("nodata/grouped", PLOT_GROUPED, FMT_EN, bar_en,
                 "No data for R00 in 2012. No data for R02 in 2011 and "
                 "2012.");
    nodata_check("nodata/grouped-zh", PLOT_GROUPED, FMT_ZH, bar_zh,
                 "R02" "2011\xe3\x80\x81" "2012\xe5\xb9\xb4" ZH_NODATA);
    nodata_check("nodata/stacked", PLOT_STACKED, FMT_EN, key_en,
                 "No data for R00 in 2012.");
    nodata_check("nodata/stacked-zh", PLOT_STACKED, FMT_ZH, key_zh,
                 "R00" "2012\xe5\xb9\xb4" ZH_NODATA);
}

static void label_tests(void)
{
    boxes_case("labels/8-ends-within-1pct", crowd(8, 6, 0, close_ends),
               PLOT_LINE, 160, 100, 8);
    /* indexed to their last year (the default base): all 8 end at 100 */
    boxes_case("labels/8-ends-at-100-index", crowd(8, 6, 0, close_ends),
               PLOT_INDEX, 160, 100, 8);
    boxes_case("labels/8-ends-small-page", crowd(8, 6, 0, close_ends),
               PLOT_LINE, 80, 50, 8);
    /* 30 regions: the focus labelled, the others grey (many_tests) */
    boxes_case("labels/30-regions-line", crowd(30, 10, 0, spread),
               PLOT_LINE, 160, 100, 1);
    boxes_case("labels/long-names", crowd(4, 5, 1, spread), PLOT_LINE,
               160, 100, 4);
    boxes_case("labels/single-region", crowd(1, 5, 0, spread), PLOT_LINE,
               160, 100, 1);
    boxes_case("labels/missing-years", crowd(3, 6, 0, gappy), PLOT_LINE,
               160, 100, 3);
    boxes_case("labels/negative", crowd(5, 6, 0, negative), PLOT_LINE,
               160, 100, 5);
    boxes_case("labels/slope-crowded", crowd(8, 6, 0, close_ends),
               PLOT_SLOPE, 160, 100, 16);
    boxes_case("labels/bars", crowd(12, 3, 0, negative), PLOT_BAR, 160,
               100, 12);
}

/* ---- the ranking chart ---------------------------------------------------- */

/* value(r, y) = 50 + 13 r + 1.5 y: R(n-1) the highest. Regions without
   a value in the last year: R01 and R02 when gaps. Two aggregates,
   World (the sum) and High income, when aggregates. */
static sb_dataset *rank_data(size_t n, int rate, int gaps, int aggregates)
{
    sb_dataset *ds = crowd(n, 10, 0, spread);
    sb_id ind = 0, reg;
    sb_error err = {0};
    size_t r;
    int y;

    sb_dataset_indicator_mut(ds, ind)->kind = rate ? SB_KIND_RATE
                                                  : SB_KIND_AMOUNT;
    for (r = 0; gaps && r < n; r++) {          /* rebuilt: no 2019 */
        sb_series *s = (sb_series *)sb_dataset_find_series(ds, ind, (sb_id)r);
        if ((r == 1 || r == 2) && s != NULL)
            s->obs[s->n - 1].state = SB_OBS_MISSING;
    }
    for (r = 0; aggregates && r < 2; r++) {
        reg = sb_dataset_region(ds, r == 0 ? "World" : "High income");
        sb_dataset_region_mut(ds, reg)->role |= SB_ROLE_AGGREGATE;
        for (y = 0; y < 10; y++) {
            sb_obs o = {0};
            o.year = 2010 + y;
            o.value = rate ? 60 + 10.0 * (double)r : 1e5 / (1.0 + (double)r);
            sb_dataset_add_obs(ds, ind, reg, 0, &o, 0, 0);
        }
    }
    sb_dataset_finish(ds, NULL, &err);
    return ds;
}

/* A ranking chart of rank_data(n, ...) with focus and total, in lang,
   at the height its rows need (w_mm wide) or at h_mm when given: every
   label apart and on the page, each of `drawn_labels` drawn, the note
   and the alt text with their words. */
typedef struct {
    const char *name;
    size_t n;
    int rate, gaps, aggregates;
    const char *focus, *total;
    fmt_lang lang;
    double w_mm, h_mm;
    size_t n_ranked, n_refs;
    const char *const *drawn_labels;       /* NULL-terminated */
    const char *note, *alt;                /* "" none; NULL: no note */
} rank_case;

static void rank_check(const rank_case *t)
{
    sb_dataset *ds = rank_data(t->n, t->rate, t->gaps, t->aggregates);
    metrics_opts mo = {0};
    metrics_ctx *mc = NULL;
    sb_error err = {0};
    plot_boxes boxes = {0};
    plot_style st = {t->w_mm, t->h_mm, 72, t->lang, 0, &boxes};
    plot_bytes out = {NULL, 0, NULL};
    plot_chart *c;
    char *alt;
    size_t i;

    mo.focus = t->focus;
    mo.total = t->total;
    metrics_ctx_create(ds, &mo, &mc, &err);
    c = plot_chart_build(ds, mc, 0, PLOT_RANKING, 0, 0, t->lang, NULL, &err);
    check(c != NULL, t->name, "no chart: %s", err.msg);
    if (c == NULL)
        goto out;
    if (st.height_mm == 0)
        st.height_mm = plot_chart_height_mm(c, t->w_mm, 100);
    check(plot_chart_render(c, &st, PLOT_PNG, &out, &err) == SB_OK, t->name,
          "render: %s", err.msg);
    check(c->n_ranked == t->n_ranked, t->name, "%zu ranked, not %zu",
          c->n_ranked, t->n_ranked);
    check(c->n_refs == t->n_refs, t->name, "%zu reference lines, not %zu",
          c->n_refs, t->n_refs);
    for (i = 0; i < c->n_bars; i++)        /* aggregates: never ranked */
        check((c->bars[i].row == PLOT_ROW_RANKED) == (c->bars[i].rank > 0),
              t->name, "row %zu (%s): rank %d", i, c->bars[i].label,
              c->bars[i].rank);
    for (i = 0; t->drawn_labels[i] != NULL; i++)
        check(drawn(&boxes, t->drawn_labels[i]), t->name, "\"%s\" not drawn",
              t->drawn_labels[i]);
    boxes_apart(t->name, &boxes);
    if (t->note == NULL)
        check(c->note == NULL, t->name, "note \"%s\"", c->note);
    else
        check(c->note != NULL && strstr(c->note, t->note) != NULL, t->name,
              "note \"%s\" lacks \"%s\"", c->note ? c->note : "", t->note);
    alt = plot_chart_alt_text(c, ds, mc);
    check(strstr(alt, t->alt) != NULL, t->name, "alt text \"%s\" lacks "
          "\"%s\"", alt, t->alt);
    g_free(alt);
out:
    plot_bytes_free(&out);
    g_free(boxes.box);
    plot_chart_destroy(c);
    metrics_ctx_destroy(mc);
    sb_dataset_destroy(ds);
}

/* More than PLOT_MAX_PANELS small multiples, asked for or by default,
   are the ranking chart, and -v says why. */
static void rank_switch_tests(void)
{
    static const struct {
        size_t n;
        int type;
        plot_type want;
    } t[] = {{30, PLOT_SMALL, PLOT_SMALL}, {31, PLOT_SMALL, PLOT_RANKING},
             {30, -1, PLOT_SMALL}, {31, -1, PLOT_RANKING},
             {200, -1, PLOT_RANKING}, {31, PLOT_LINE, PLOT_LINE}};
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        sb_dataset *ds = crowd(t[i].n, 10, 0, spread);
        metrics_opts mo = {0};
        metrics_ctx *mc = NULL;
        sb_error err = {0};
        plot_chart *c;
        char want[96];
        metrics_ctx_create(ds, &mo, &mc, &err);
        c = plot_chart_build(ds, mc, 0, t[i].type, 0, 0, FMT_EN, NULL, &err);
        check(c != NULL && c->type == t[i].want, "rank/switch", "%zu "
              "regions, type %d: %s", t[i].n, t[i].type,
              c ? plot_type_name(c->type) : err.msg);
        snprintf(want, sizeof want, "%zu regions are too many for small "
                 "multiples: ranking chart", t[i].n);
        if (c != NULL && t[i].want == PLOT_RANKING)
            check(c->why != NULL && strcmp(c->why, want) == 0, "rank/switch",
                  "why \"%s\"", c->why ? c->why : "");
        plot_chart_destroy(c);
        metrics_ctx_destroy(mc);
        sb_dataset_destroy(ds);
    }
}

static void rank_tests(void)
{
    static const char *const top31[] = {"1. R30", "26. R05", "31. R00",
                                        NULL};
    static const char *const one[] = {"1. R00", NULL};
    static const char *const ends[] = {"1. R299", "15. R285",
                                       PLOT_ELLIPSIS, "200. R100",
                                       "286. R14", "300. R00", NULL};
    static const char *const in_top[] = {"3. R297", "300. R00", NULL};
    static const char *const agg[] = {"World", "High income", "1. R11",
                                      NULL};
    static const char *const ref[] = {"1. R11", NULL};
    static const char *const none[] = {NULL};
    static const rank_case cases[] = {
        {"rank/31", 31, 0, 0, 0, "R05", NULL, FMT_EN, 160, 0, 31, 0, top31,
         NULL, "Ranking chart of x, 31 regions, 2019, sorted from the "
         "highest. Highest: R30 (454), R29 (441), R28 (428). "
         "Lowest: R00 (64). R05 ranks 26 of 31."},
        /* 31个地区，2019年，从高到低排列。…R05排第26位（共31个）。 */
        {"rank/31-zh", 31, 0, 0, 0, "R05", NULL, FMT_ZH, 160, 0, 31, 0,
         top31, NULL,
         "31\xe4\xb8\xaa\xe5\x9c\xb0\xe5\x8c\xba\xef\xbc\x8c" "2019\xe5\xb9"
         "\xb4\xef\xbc\x8c\xe4\xbb\x8e\xe9\xab\x98\xe5\x88\xb0\xe4\xbd\x8e"
         "\xe6\x8e\x92\xe5\x88\x97\xe3\x80\x82"},
        {"rank/31-zh-focus", 31, 0, 0, 0, "R05", NULL, FMT_ZH, 160, 0, 31, 0,
         top31, NULL,
         "R05\xe6\x8e\x92\xe7\xac\xac" "26\xe4\xbd\x8d\xef\xbc\x88\xe5\x85"
         "\xb1" "31\xe4\xb8\xaa\xef\xbc\x89\xe3\x80\x82"},
        {"rank/1", 1, 0, 0, 0, "R00", NULL, FMT_EN, 160, 0, 1, 0, one, NULL,
         "1 regions, 2019"},
        {"rank/40-all", 40, 0, 0, 0, "R00", NULL, FMT_EN, 160, 0, 40, 0,
         none, NULL, "R00 ranks 40 of 40."},
        /* beyond 40: the ends, and the focus in neither with its rank */
        {"rank/300-focus-outside-the-ends", 300, 0, 0, 0, "R100", NULL,
         FMT_EN, 160, 0, 300, 0, ends, "Top 15 and bottom 15 of 300.",
         "R100 ranks 200 of 300."},
        /* 前15名和后15名（共300个地区）。 */
        {"rank/300-zh", 300, 0, 0, 0, "R100", NULL, FMT_ZH, 160, 0, 300, 0,
         ends, "\xe5\x89\x8d" "15\xe5\x90\x8d\xe5\x92\x8c\xe5\x90\x8e" "15"
         "\xe5\x90\x8d\xef\xbc\x88\xe5\x85\xb1" "300\xe4\xb8\xaa\xe5\x9c\xb0"
         "\xe5\x8c\xba\xef\xbc\x89\xe3\x80\x82", "R100"},
        {"rank/300-focus-in-the-top", 300, 0, 0, 0, "R297", NULL, FMT_EN,
         160, 0, 300, 0, in_top, "Top 15 and bottom 15 of 300.",
         "R297 ranks 3 of 300."},
        /* rows thinner than the labels' size on a page too low: smaller
           labels, still apart */
        {"rank/300-low-page", 300, 0, 0, 0, "R100", NULL, FMT_EN, 90, 40,
         300, 0, none, "of 300", "R100"},
        {"rank/300-low-page-zh", 300, 0, 0, 1, "R100", NULL, FMT_ZH, 90, 40,
         300, 0, none, "300", "R100"},
        /* aggregates apart, unranked; an amount's: values without bars */
        {"rank/aggregates", 12, 0, 0, 1, "R03", NULL, FMT_EN, 160, 0, 12, 0,
         agg, "Below the line: aggregates, not ranked; sums of many "
         "regions, without bars.", "12 regions"},
        /* 分隔线下为汇总，不参与排名；为多地区之和，不画条形。 */
        {"rank/aggregates-zh", 12, 0, 0, 1, "R03", NULL, FMT_ZH, 160, 0, 12,
         0, agg, "\xe5\x88\x86\xe9\x9a\x94\xe7\xba\xbf\xe4\xb8\x8b\xe4\xb8"
         "\xba\xe6\xb1\x87\xe6\x80\xbb\xef\xbc\x8c\xe4\xb8\x8d\xe5\x8f\x82"
         "\xe4\xb8\x8e\xe6\x8e\x92\xe5\x90\x8d\xef\xbc\x9b\xe4\xb8\xba\xe5"
         "\xa4\x9a\xe5\x9c\xb0\xe5\x8c\xba\xe4\xb9\x8b\xe5\x92\x8c\xef\xbc"
         "\x8c\xe4\xb8\x8d\xe7\x94\xbb\xe6\x9d\xa1\xe5\xbd\xa2\xe3\x80\x82",
         "12\xe4\xb8\xaa\xe5\x9c\xb0\xe5\x8c\xba"},
        /* a rate's total (an aggregate): a labelled reference line, and
           the other aggregate below the rule as a bar */
        {"rank/rate-total-reference", 12, 1, 0, 1, "R03", "World", FMT_EN,
         160, 0, 12, 1, ref, "Below the line: aggregates, not ranked.",
         "Dashed line: World (60"},
        /* 虚线：World（60 */
        {"rank/rate-total-reference-zh", 12, 1, 0, 1, "R03", "World", FMT_ZH,
         160, 0, 12, 1, ref, "\xe5\x88\x86\xe9\x9a\x94\xe7\xba\xbf",
         "\xe8\x99\x9a\xe7\xba\xbf\xef\xbc\x9aWorld\xef\xbc\x88" "60"},
        /* an amount's total: no reference line (of another size) */
        {"rank/amount-total-no-line", 12, 0, 0, 1, "R03", "World", FMT_EN,
         160, 0, 12, 0, ref, "Below the line", "12 regions"},
        {"rank/no-data", 12, 0, 1, 0, "R03", NULL, FMT_EN, 160, 0, 10, 0,
         none, "No data: R01, R02.", "10 regions"},
        /* 无数据：R01、R02。 */
        {"rank/no-data-zh", 12, 0, 1, 0, "R03", NULL, FMT_ZH, 160, 0, 10, 0,
         none, "\xe6\x97\xa0\xe6\x95\xb0\xe6\x8d\xae\xef\xbc\x9aR01\xe3\x80"
         "\x81R02\xe3\x80\x82", "10"},
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        rank_check(&cases[i]);
    rank_switch_tests();
}

void plots_tests(void)
{
    pngenc_tests();
    ticks_tests();
    label_tests();
    many_tests();
    rank_tests();
    small_tests();
    nodata_tests();
    plot_library_shutdown();        /* the font caches, for LeakSanitizer */
}
