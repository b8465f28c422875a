/*
 * reports/html.c -- the HTML backend (html.h): the document's blocks in
 * reading order as one page -- the title as the one h1, headings one
 * level below it (never skipping a level), paragraphs by role, key
 * findings as a list of links to their sections, tables with caption,
 * column and row headers and numbers right-aligned in a box that
 * scrolls sideways, charts and sparklines as inline SVG. The page's
 * words of its own (the skip link) are in the document's language.
 *
 * The bytes follow from the document alone: no clock (the date is the
 * document's epoch), charts through plot_chart_render, whose SVG ids are
 * stable, each prefixed by its place in the page.
 *
 * Not here: what the blocks say (brief.c), the PDF (pdf.c).
 */
#include "html.h"

#include "html_svg.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include <glib.h>

/* The text width of the PDF's page (A4 less two 54 pt margins; letter's
   is 504 pt): charts are drawn at it, as the PDF draws them, and scale
   with the page. */
#define TEXT_WIDTH_A4 487.276
#define TEXT_WIDTH_LETTER 504.0
#define PT_TO_MM (25.4 / 72.0)
/* The phone's drawing of a chart, in points: so narrow that its text is
   the least size a chart has (plot_chart_font_pt), which a 360 px
   screen (328 px of column) shows 5.5 x 328 / 150 = 12 px high, ticks
   10 px -- the PDF's drawing there is 4.7 px. It is shown below the
   breakpoint (css: 48rem, where the PDF's drawing fills the 46rem column
   and its text is 10.5 px) and never printed. */
#define PHONE_W 150.0
/* ... and at least this share of its width high (a line chart's plot is
   then about square). */
#define PHONE_MIN_ASPECT 0.75
/* A sparkline's box, in points: a table row's height, a word's width. */
#define SPARK_W 72.0
#define SPARK_H 16.0

/* The look: the fonts the PDF uses, long words (a URL in a note) broken
   rather than run past a phone's screen, numbers in tabular figures and
   to the right, tables scrolling inside their box on a narrow screen,
   charts as wide as the text; colours of 4.5:1 or more on white; a
   print stylesheet with the PDF's margins (print_css, after the
   paper). */
static const char css[] =
    "body{margin:0;background:#fff;color:#1a1a1a;overflow-wrap:break-word;"
    "font:1rem/1.55 \"Noto Sans\",\"Noto Sans CJK SC\",\"Source Han Sans SC\","
    "\"PingFang SC\",\"Microsoft YaHei\",sans-serif}\n"
    "main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}\n"
    /* hidden by clipping, not by moving it off the page, which makes
       the page wider than a phone's screen */
    ".skip{position:absolute;left:1rem;top:0;width:1px;height:1px;"
    "overflow:hidden;clip-path:inset(50%);white-space:nowrap}\n"
    ".skip:focus{width:auto;height:auto;clip-path:none;background:#fff;"
    "padding:.5rem;z-index:1}\n"
    ".vh{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip-path:inset(50%);white-space:nowrap}\n"
    "h1{font-size:1.75rem;line-height:1.25;margin:1.5rem 0 .75rem}\n"
    "h2{font-size:1.3rem;line-height:1.3;margin:2rem 0 .5rem}\n"
    "h3{font-size:1.1rem;margin:1.5rem 0 .5rem}\n"
    "p{margin:.5rem 0}\n"
    ".lead{font-size:1.1rem;color:#333}\n"
    ".note{font-size:.85rem;color:#4d4d4d}\n"
    "ul.findings{padding-left:1.25rem}\n"
    "ul.findings li{margin:.35rem 0}\n"
    "a{color:#0b57a4}\n"
    ".scroll{overflow-x:auto;max-width:100%;margin:.75rem 0}\n"
    "table{border-collapse:collapse;font-size:.875rem;"
    "font-variant-numeric:tabular-nums}\n"
    "caption{text-align:left;font-weight:600;padding:.25rem 0;"
    "color:#4d4d4d}\n"
    "th,td{padding:.3rem .5rem;text-align:left;vertical-align:top;"
    "border-bottom:1px solid #d9d9d9}\n"
    "thead th{color:#4d4d4d;font-weight:600;"
    "border-bottom:1.5px solid #1a1a1a}\n"
    "thead th{white-space:nowrap}\n"
    "tbody th{font-weight:400;min-width:7em}\n"
    ".num{text-align:right;white-space:nowrap}\n"
    "tr.focus>*{font-weight:700}\n"
    "tr.apart>*{border-top:1.5px solid #1a1a1a}\n"
    "figure{margin:1rem 0}\n"
    "svg.chart{display:block;width:100%;max-width:100%;height:auto}\n"
    /* each chart twice (chart()): the phone's drawing up to the
       breakpoint, the PDF's from it */
    "svg.wide{display:none}\n"
    "svg.phone{max-width:24rem;margin:0 auto}\n"
    "@media (min-width:48rem){svg.wide{display:block}"
    "svg.phone{display:none}}\n"
    "svg.spark{display:block;width:4.5rem;height:1rem}\n"
    "footer{border-top:1px solid #d9d9d9;margin-top:2rem}\n";
static const char print_css[] =
    ";margin:17.6mm 19mm 20.5mm}\n"
    "html{font-size:9.3pt}\n"
    "main,footer{max-width:none;padding:0}\n"
    ".skip{display:none}\n"
    ".scroll{overflow:visible}\n"
    "svg.wide{display:block}\n"
    "svg.phone{display:none}\n"
    "h2,h3{break-after:avoid}\n"
    "figure,tr{break-inside:avoid}\n"
    "a{color:inherit;text-decoration:none}\n"
    "}\n";

/* The page as it is written. */
typedef struct {
    const report_doc *d;
    fmt_lang lang;
    GString *o;
    int level;                   /* the last heading's HTML level */
    int in_list;                 /* a list of findings is open */
    const char *heading;         /* the last heading's text */
    int after_heading;           /* the block before is that heading */
    size_t n_tables, n_svg;      /* for ids */
    double width;                /* the text width, points */
} html_page;

static const char *L(fmt_lang lang, const char *en, const char *zh)
{
    return lang == FMT_ZH ? zh : en;
}

static void esc(html_page *p, const char *s)
{
    html_svg_escape(p->o, s);
}

/* <meta name="name" content="content"> (content NULL: none). */
static void meta_tag(GString *o, const char *name, const char *content)
{
    if (content == NULL)
        return;
    g_string_append_printf(o, "<meta name=\"%s\" content=\"", name);
    html_svg_escape(o, content);
    g_string_append(o, "\">\n");
}

/* The head and the body's start, up to <main>. */
static void head(GString *o, const char *title, const char *desc,
                 const report_meta *m, fmt_lang lang, report_paper paper)
{
    char date[16] = "";
    time_t t = m != NULL ? (time_t)m->epoch : 0;
    struct tm tm;

    g_string_append_printf(o, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
                           "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
                           "content=\"width=device-width, initial-scale=1\">\n"
                           "<title>", L(lang, "en", "zh-CN"));
    html_svg_escape(o, title);
    g_string_append(o, "</title>\n");
    meta_tag(o, "description", desc);
    meta_tag(o, "author", m != NULL ? m->author : NULL);
    meta_tag(o, "keywords", m != NULL ? m->keywords : NULL);
    g_string_append(o, "<meta name=\"generator\" content=\"statbrief "
                    SB_VERSION "\">\n");
    if (m != NULL && gmtime_r(&t, &tm) != NULL &&
        strftime(date, sizeof date, "%Y-%m-%d", &tm) > 0)
        g_string_append_printf(o, "<meta name=\"dcterms.created\" "
                               "content=\"%s\">\n", date);
    g_string_append(o, "<style>\n");
    g_string_append(o, css);
    g_string_append(o, "@media print{\n@page{size:");
    g_string_append(o, paper == REPORT_LETTER ? "letter" : "A4");
    g_string_append(o, print_css);
    g_string_append_printf(o, "</style>\n</head>\n<body>\n<a class=\"skip\" "
                           "href=\"#main\">%s</a>\n<main id=\"main\">\n",
                           L(lang, "Skip to the brief", "跳到正文"));
}

static void close_list(html_page *p)
{
    if (p->in_list)
        g_string_append(p->o, "</ul>\n");
    p->in_list = 0;
}

/* Text with its line breaks kept (a spec's text may have them). */
static void lines(html_page *p, const char *s)
{
    const char *nl;

    while ((nl = strchr(s, '\n')) != NULL) {
        char *part = g_strndup(s, (gsize)(nl - s));
        esc(p, part);
        g_free(part);
        s = nl + 1;
        if (*s != '\0')
            g_string_append(p->o, "<br>");
    }
    esc(p, s);
}

/* An anchor as an id (and a link's fragment): letters, digits, '-' and
   '_' as they are, any other byte as "_" and two hex digits ("sec-NY.GDP"
   is "sec-NY_2eGDP"), the id characters every validator takes. */
static void anchor(html_page *p, const char *a)
{
    for (; *a; a++)
        if (g_ascii_isalnum(*a) || *a == '-' || *a == '_')
            g_string_append_c(p->o, *a);
        else
            g_string_append_printf(p->o, "_%02x", (unsigned char)*a);
}

static void heading(html_page *p, const report_block *b)
{
    /* h2 for a part, h3 for a sub-part, never below the level after the
       last: headings in order */
    int h = MIN(b->level + 1, p->level + 1);

    g_string_append_printf(p->o, "<h%d", h);
    if (b->anchor != NULL) {
        g_string_append(p->o, " id=\"");
        anchor(p, b->anchor);
        g_string_append_c(p->o, '"');
    }
    g_string_append_c(p->o, '>');
    esc(p, b->text);
    g_string_append_printf(p->o, "</h%d>\n", h);
    p->level = h;
    p->heading = b->text;
}

static void para(html_page *p, const report_block *b)
{
    static const char *const cls[] = {
        [REPORT_PARA_BODY] = NULL, [REPORT_PARA_LEAD] = "lead",
        [REPORT_PARA_NOTE] = "note", [REPORT_PARA_ITEM] = NULL
    };
    int item = b->role == REPORT_PARA_ITEM;

    if (item && !p->in_list)
        g_string_append(p->o, "<ul class=\"findings\">\n");
    p->in_list |= item;
    g_string_append(p->o, item ? "<li>" : "<p");
    if (!item && cls[b->role] != NULL)
        g_string_append_printf(p->o, " class=\"%s\"", cls[b->role]);
    if (!item)
        g_string_append_c(p->o, '>');
    if (b->link != NULL) {
        g_string_append(p->o, "<a href=\"#");
        anchor(p, b->link);
        g_string_append(p->o, "\">");
    }
    lines(p, b->text);
    if (b->link != NULL)
        g_string_append(p->o, "</a>");
    g_string_append(p->o, item ? "</li>\n" : "</p>\n");
}

/* c as inline SVG w x h points, with its text alternative (title NULL:
   decoration). */
static sb_status svg(html_page *p, const plot_chart *c, double w, double h,
                     const char *cls, const char *title, const char *desc,
                     sb_error *err)
{
    plot_style s = {0};
    plot_bytes bytes = {0};
    char prefix[32];
    sb_status rc;

    s.width_mm = w * PT_TO_MM;
    s.height_mm = h * PT_TO_MM;
    s.dpi = 72;
    s.lang = p->lang;
    s.epoch = report_doc_meta(p->d)->epoch;
    if ((rc = plot_chart_render(c, &s, PLOT_SVG, &bytes, err)) != SB_OK)
        return rc;
    g_snprintf(prefix, sizeof prefix, "g%zu", ++p->n_svg);
    html_svg_inline(p->o, (const char *)bytes.data, bytes.len, prefix, cls,
                    title, desc);
    plot_bytes_free(&bytes);
    return SB_OK;
}

/* The phone's drawing's height: the PDF's drawing's height in lines of
   its text, in lines of the phone's; small multiples keep their area in
   lines (the panels keep their size, the grid has fewer columns and more
   rows); a ranking chart's follows its rows, as in the PDF
   (plot_chart_height_mm). */
static double phone_height(const html_page *p, const report_block *b)
{
    double fs = plot_chart_font_pt(p->width, b->height);
    double phone_fs = plot_chart_font_pt(PHONE_W, PHONE_W);
    double h = b->height / fs * phone_fs;

    if (b->chart->type == PLOT_SMALL)
        h *= (p->width / fs) / (PHONE_W / phone_fs);
    h = fmax(h, PHONE_W * PHONE_MIN_ASPECT);
    return plot_chart_height_mm(b->chart, PHONE_W * PT_TO_MM,
                                h * PT_TO_MM) / PT_TO_MM;
}

/* A chart twice, from the same plot_chart: the PDF's drawing and the
   phone's; the css shows one, and display:none takes the other from
   screen readers too, so each has its own title and description. */
static sb_status chart(html_page *p, const report_block *b, sb_error *err)
{
    char *desc = b->alt != NULL ? g_strstrip(g_strdup(b->alt)) : NULL;
    /* a chart under its section's heading has no title of its own */
    const char *title = b->chart->title != NULL && *b->chart->title
                            ? b->chart->title
                            : p->heading != NULL ? p->heading : "";
    sb_status rc;

    g_string_append(p->o, "<figure>\n");
    rc = svg(p, b->chart, p->width, b->height, "chart wide", title, desc,
             err);
    if (rc == SB_OK) {
        g_string_append_c(p->o, '\n');
        rc = svg(p, b->chart, PHONE_W, phone_height(p, b), "chart phone",
                 title, desc, err);
    }
    g_string_append(p->o, "\n</figure>\n");
    g_free(desc);
    return rc;
}

/* One cell of row r, column c: the first column heads its row. */
static sb_status cell(html_page *p, const report_table *t, size_t r, size_t c,
                      sb_error *err)
{
    const char *tag = c == 0 ? "th" : "td";

    g_string_append_printf(p->o, "<%s%s%s>", tag,
                           c == 0 ? " scope=\"row\"" : "",
                           t->right[c] ? " class=\"num\"" : "");
    if (t->spark != NULL && c == t->spark_col) {
        if (t->spark[r] != NULL) {
            sb_status rc = svg(p, t->spark[r], SPARK_W, SPARK_H, "spark",
                               NULL, NULL, err);
            if (rc != SB_OK)
                return rc;
        }
    } else {
        esc(p, t->cells[r][c]);
    }
    g_string_append_printf(p->o, "</%s>", tag);
    return SB_OK;
}

static sb_status table(html_page *p, const report_table *t, sb_error *err)
{
    const char *cap = t->caption != NULL && *t->caption ? t->caption
                                                         : p->heading;
    size_t r, c, id = ++p->n_tables;
    sb_status rc = SB_OK;

    /* a caption that repeats the heading above is for screen readers */
    int same = cap != NULL && p->heading != NULL && p->after_heading &&
               strcmp(cap, p->heading) == 0;

    g_string_append_printf(p->o, "<section class=\"scroll\" tabindex=\"0\" "
                           "aria-labelledby=\"t%zu\">\n<table>\n"
                           "<caption id=\"t%zu\"%s>", id, id,
                           same ? " class=\"vh\"" : "");
    esc(p, cap != NULL ? cap : "");
    g_string_append(p->o, "</caption>\n<thead>\n<tr>");
    for (c = 0; c < t->n_cols; c++) {
        g_string_append_printf(p->o, "<th scope=\"col\"%s>",
                               t->right[c] ? " class=\"num\"" : "");
        esc(p, t->head[c]);
        g_string_append(p->o, "</th>");
    }
    g_string_append(p->o, "</tr>\n</thead>\n<tbody>\n");
    for (r = 0; r < t->n_rows && rc == SB_OK; r++) {
        int focus = t->emph && t->emph[r];
        int apart = t->apart && t->apart[r] && r > 0;
        g_string_append(p->o, "<tr");
        if (focus || apart)
            g_string_append_printf(p->o, " class=\"%s%s%s\"",
                                   focus ? "focus" : "",
                                   focus && apart ? " " : "",
                                   apart ? "apart" : "");
        g_string_append_c(p->o, '>');
        for (c = 0; c < t->n_cols && rc == SB_OK; c++)
            rc = cell(p, t, r, c, err);
        g_string_append(p->o, "</tr>\n");
    }
    g_string_append(p->o, "</tbody>\n</table>\n</section>\n");
    return rc;
}

/* The description of the page: its first key finding, else its
   subject. */
static const char *description(const report_doc *d)
{
    size_t i;

    for (i = 0; i < report_doc_n_blocks(d); i++) {
        const report_block *b = report_doc_block(d, i);
        if (b->kind == REPORT_BLOCK_PARA && b->role == REPORT_PARA_ITEM)
            return b->text;
    }
    return report_doc_meta(d)->subject;
}

static sb_status block(html_page *p, const report_block *b, report_stop_fn stop,
                       sb_error *err)
{
    if (b->kind != REPORT_BLOCK_PARA || b->role != REPORT_PARA_ITEM)
        close_list(p);
    switch (b->kind) {
    case REPORT_BLOCK_TITLE:
        g_string_append(p->o, "<h1>");
        esc(p, b->text);
        g_string_append(p->o, "</h1>\n");
        p->level = 1;
        p->heading = b->text;
        return SB_OK;
    case REPORT_BLOCK_HEADING:
        heading(p, b);
        return SB_OK;
    case REPORT_BLOCK_PARA:
        para(p, b);
        return SB_OK;
    case REPORT_BLOCK_TABLE:
        return report_stopped(stop) ? SB_ECANCELED : table(p, b->table, err);
    case REPORT_BLOCK_CHART:
        return report_stopped(stop) ? SB_ECANCELED : chart(p, b, err);
    }
    return SB_OK;
}

sb_status report_html_write(const report_doc *d, report_stop_fn stop,
                            report_output *out, sb_error *err)
{
    const report_meta *m = report_doc_meta(d);
    html_page p = {0};
    sb_status rc = SB_OK;
    size_t i;

    p.d = d;
    p.lang = report_doc_lang(d);
    p.o = g_string_new(NULL);
    p.width = report_doc_paper(d) == REPORT_LETTER ? TEXT_WIDTH_LETTER
                                                   : TEXT_WIDTH_A4;
    head(p.o, m->title ? m->title : "", description(d), m, p.lang,
         report_doc_paper(d));
    for (i = 0; i < report_doc_n_blocks(d) && rc == SB_OK; i++) {
        p.after_heading = i > 0 && report_doc_block(d, i - 1)->kind ==
                                       REPORT_BLOCK_HEADING;
        rc = block(&p, report_doc_block(d, i), stop, err);
    }
    close_list(&p);
    g_string_append(p.o, "</main>\n");
    if (m->footer != NULL) {
        g_string_append(p.o, "<footer>\n<p class=\"note\">");
        esc(&p, m->footer);
        g_string_append(p.o, "</p>\n</footer>\n");
    }
    g_string_append(p.o, "</body>\n</html>\n");
    memset(out, 0, sizeof *out);
    if (rc != SB_OK) {
        g_string_free(p.o, TRUE);
        return rc;
    }
    out->len = p.o->len;
    out->data = (unsigned char *)g_string_free(p.o, FALSE);
    return SB_OK;
}

/* ---- reading a page back, the index of a batch ------------------------- */

/* The text of the first `open` ... `close` in page, references undone
   (g_free; NULL: none). */
static char *between(const char *page, size_t len, const char *open,
                     const char *close)
{
    const char *a = g_strstr_len(page, (gssize)len, open), *z;
    GString *s;

    if (a == NULL)
        return NULL;
    a += strlen(open);
    z = g_strstr_len(a, (gssize)(page + len - a), close);
    if (z == NULL)
        return NULL;
    s = g_string_new_len(a, z - a);
    g_string_replace(s, "&lt;", "<", 0);
    g_string_replace(s, "&gt;", ">", 0);
    g_string_replace(s, "&quot;", "\"", 0);
    g_string_replace(s, "&#39;", "'", 0);
    g_string_replace(s, "&amp;", "&", 0);       /* last: "&amp;lt;" */
    return g_string_free(s, FALSE);
}

void report_html_summary(const char *page, size_t len, char **title,
                         char **key)
{
    *title = between(page, len, "<title>", "</title>");
    *key = between(page, len, "<meta name=\"description\" content=\"", "\"");
}

char *report_html_index(const char *title, const report_html_entry *e,
                        size_t n, fmt_lang lang, report_paper paper,
                        size_t *len)
{
    GString *o = g_string_new(NULL);
    size_t i;

    head(o, title, NULL, NULL, lang, paper);
    g_string_append(o, "<h1>");
    html_svg_escape(o, title);
    g_string_append(o, "</h1>\n<ul class=\"findings\">\n");
    for (i = 0; i < n; i++) {
        g_string_append(o, "<li><a href=\"");
        html_svg_escape(o, e[i].href);
        g_string_append(o, "\">");
        html_svg_escape(o, e[i].title ? e[i].title : e[i].href);
        g_string_append(o, "</a>");
        if (e[i].key != NULL) {
            g_string_append(o, "<br>");
            html_svg_escape(o, e[i].key);
        }
        g_string_append(o, "</li>\n");
    }
    g_string_append(o, "</ul>\n</main>\n</body>\n</html>\n");
    *len = o->len;
    return g_string_free(o, FALSE);
}
