/*
 * reports/html_svg.c -- a chart's SVG as an element of an HTML page
 * (html_svg.h). Cairo 1.16 writes ids "glyph0-1", "clip1", "surface1"
 * the same way in every chart, references them as xlink:href="#..." and
 * url(#...), and styles with style="..." attributes; the rewrite is one
 * pass over the bytes, so a chart's bytes still follow from its drawing
 * alone.
 */
#include "html_svg.h"

#include <string.h>

void html_svg_escape(GString *out, const char *s)
{
    for (; *s; s++)
        switch (*s) {
        case '&': g_string_append(out, "&amp;"); break;
        case '<': g_string_append(out, "&lt;"); break;
        case '>': g_string_append(out, "&gt;"); break;
        case '"': g_string_append(out, "&quot;"); break;
        case '\'': g_string_append(out, "&#39;"); break;
        default: g_string_append_c(out, *s);
        }
}

/* style="stroke:none;fill:rgb(0%,0%,0%);" from p (after the opening
   quote) as presentation attributes: stroke="none" fill="rgb(0%,0%,0%)".
   Every property Cairo writes is one. Returns the end (the closing
   quote) or end. */
static const char *style_attrs(GString *out, const char *p, const char *end)
{
    const char *close = memchr(p, '"', (size_t)(end - p));

    if (close == NULL)
        close = end;
    while (p < close) {
        const char *semi = memchr(p, ';', (size_t)(close - p));
        const char *stop = semi ? semi : close;
        const char *colon = memchr(p, ':', (size_t)(stop - p));
        if (colon != NULL) {
            const char *k = p, *ke = colon, *v = colon + 1, *ve = stop;
            while (k < ke && *k == ' ')
                k++;
            while (ke > k && ke[-1] == ' ')
                ke--;
            while (v < ve && *v == ' ')
                v++;
            while (ve > v && ve[-1] == ' ')
                ve--;
            if (ke > k)
                g_string_append_printf(out, " %.*s=\"%.*s\"", (int)(ke - k),
                                       k, (int)(ve - v), v);
        }
        p = stop + (stop < close);
    }
    return close;
}

/* The <svg> start tag at p (up to its '>'): its viewBox kept, the size
   and namespaces dropped (the page scales it and is HTML), the roles
   added; then the title and description. Returns past the '>'. */
static const char *svg_tag(GString *out, const char *p, const char *end,
                           const char *prefix, const char *cls,
                           const char *title, const char *desc)
{
    const char *gt = memchr(p, '>', (size_t)(end - p));
    const char *vb = g_strstr_len(p, gt ? gt - p : end - p, "viewBox=\"");

    g_string_append(out, "<svg");
    if (vb != NULL) {
        const char *q = memchr(vb + 9, '"', (size_t)(end - vb - 9));
        if (q != NULL)
            g_string_append_printf(out, " viewBox=\"%.*s\"",
                                   (int)(q - vb - 9), vb + 9);
    }
    g_string_append_printf(out, " class=\"%s\"", cls);
    if (title != NULL) {
        g_string_append_printf(out, " role=\"img\" aria-labelledby=\"%s-t\"",
                               prefix);
        if (desc != NULL)
            g_string_append_printf(out, " aria-describedby=\"%s-d\"", prefix);
        g_string_append_printf(out, "><title id=\"%s-t\">", prefix);
        html_svg_escape(out, title);
        g_string_append(out, "</title>");
        if (desc != NULL) {
            g_string_append_printf(out, "<desc id=\"%s-d\">", prefix);
            html_svg_escape(out, desc);
            g_string_append(out, "</desc>");
        }
    } else {
        g_string_append(out, " aria-hidden=\"true\">");
    }
    return gt ? gt + 1 : end;
}

/* Whether a rewrite may start at q: " id=", " style=", "xlink:href=",
   "url(" -- a test of two bytes, so that the bytes between are copied
   in runs (a page draws each chart twice: this pass is on its time). */
static int may_rewrite(const char *q, const char *end)
{
    if (end - q < 2)
        return 0;
    switch (q[0]) {
    case ' ': return q[1] == 'i' || q[1] == 's';
    case 'x': return q[1] == 'l';
    case 'u': return q[1] == 'r';
    default: return 0;
    }
}

void html_svg_inline(GString *out, const char *svg, size_t len,
                     const char *prefix, const char *cls, const char *title,
                     const char *desc)
{
    const char *p = svg, *end = svg + len;
    const char *start = g_strstr_len(svg, (gssize)len, "<svg");

    if (start == NULL)
        return;
    p = svg_tag(out, start, end, prefix, cls, title, desc);
    while (p < end) {
        const char *run = p;
        while (p < end && !may_rewrite(p, end))
            p++;
        g_string_append_len(out, run, p - run);
        if (p == end)
            break;
        if (strncmp(p, " id=\"", 5) == 0) {
            g_string_append_printf(out, " id=\"%s-", prefix);
            p += 5;
        } else if (strncmp(p, "xlink:href=\"#", 13) == 0) {
            g_string_append_printf(out, "href=\"#%s-", prefix);
            p += 13;
        } else if (strncmp(p, "url(#", 5) == 0) {
            g_string_append_printf(out, "url(#%s-", prefix);
            p += 5;
        } else if (strncmp(p, " style=\"", 8) == 0) {
            p = style_attrs(out, p + 8, end);
            p += p < end;                      /* the closing quote */
        } else {
            g_string_append_c(out, *p++);
        }
    }
    while (out->len > 0 && out->str[out->len - 1] == '\n')
        g_string_truncate(out, out->len - 1);
}
