/*
 * reports/doc.c -- the document's block list (doc.h): blocks appended in
 * reading order, strings copied, tables and charts taken; the readers a
 * backend walks it with. No layout and no drawing: pdf.c does that for
 * PDF.
 */
#include "doc.h"

#include "core/testhook.h"

#include <string.h>

#include <glib.h>

struct report_doc {
    fmt_lang lang;
    report_paper paper;
    GArray *blocks;              /* report_block; strings, tables, charts
                                    owned */
    report_meta meta;            /* strings owned */
};

report_doc *report_doc_create(report_paper paper, fmt_lang lang)
{
    report_doc *d = g_new0(report_doc, 1);

    d->lang = lang;
    d->paper = paper;
    d->blocks = g_array_new(FALSE, TRUE, sizeof(report_block));
    return d;
}

static void meta_clear(report_meta *m)
{
    g_free((char *)m->title);
    g_free((char *)m->author);
    g_free((char *)m->subject);
    g_free((char *)m->keywords);
    g_free((char *)m->footer);
    memset(m, 0, sizeof *m);
}

void report_doc_destroy(report_doc *d)
{
    guint i;

    if (d == NULL)
        return;
    for (i = 0; i < d->blocks->len; i++) {
        report_block *b = &g_array_index(d->blocks, report_block, i);
        g_free((char *)b->text);
        g_free((char *)b->anchor);
        g_free((char *)b->link);
        g_free((char *)b->alt);
        report_table_destroy((report_table *)b->table);
        plot_chart_destroy((plot_chart *)b->chart);
    }
    g_array_free(d->blocks, TRUE);
    meta_clear(&d->meta);
    g_free(d);
}

/* Appends a zeroed block of kind k and returns it (valid until the next
   append). */
static report_block *add(report_doc *d, report_block_kind k)
{
    report_block b = {0};

    b.kind = k;
    g_array_append_val(d->blocks, b);
    return &g_array_index(d->blocks, report_block, d->blocks->len - 1);
}

void report_doc_title(report_doc *d, const char *title)
{
    add(d, REPORT_BLOCK_TITLE)->text = g_strdup(title);
}

void report_doc_heading(report_doc *d, int level, const char *text,
                        const char *anchor, int outline)
{
    report_block *b = add(d, REPORT_BLOCK_HEADING);

    b->level = level;
    b->text = g_strdup(text);
    b->anchor = g_strdup(anchor);
    b->outline = outline;
}

void report_doc_para(report_doc *d, report_para_role role, const char *text,
                     const char *link)
{
    report_block *b = add(d, REPORT_BLOCK_PARA);

    b->role = role;
    b->text = g_strdup(text);
    b->link = g_strdup(link);
}

void report_doc_table(report_doc *d, report_table *t)
{
    size_t r, c;

    /* backends may count on a string in every cell */
    for (r = 0; r < t->n_rows; r++)
        for (c = 0; c < t->n_cols; c++)
            if (t->cells[r][c] == NULL)
                t->cells[r][c] = g_strdup("");
    add(d, REPORT_BLOCK_TABLE)->table = t;
}

void report_doc_chart(report_doc *d, plot_chart *c, double height)
{
    report_block *b = add(d, REPORT_BLOCK_CHART);

    b->chart = c;
    b->height = height;
}

void report_doc_chart_alt(report_doc *d, const char *alt)
{
    guint i = d->blocks->len;

    while (i > 0 && g_array_index(d->blocks, report_block, i - 1).kind !=
                        REPORT_BLOCK_CHART)
        i--;
    if (i > 0) {
        report_block *b = &g_array_index(d->blocks, report_block, i - 1);
        g_free((char *)b->alt);
        b->alt = g_strdup(alt);
    }
}

void report_doc_set_meta(report_doc *d, const report_meta *m)
{
    meta_clear(&d->meta);
    d->meta.title = g_strdup(m->title);
    d->meta.author = g_strdup(m->author);
    d->meta.subject = g_strdup(m->subject);
    d->meta.keywords = g_strdup(m->keywords);
    d->meta.footer = g_strdup(m->footer);
    d->meta.epoch = m->epoch;
}

int report_stopped(report_stop_fn stop)
{
    sb_test_point("brief_part");
    return stop != NULL && stop();
}

fmt_lang report_doc_lang(const report_doc *d)
{
    return d->lang;
}

report_paper report_doc_paper(const report_doc *d)
{
    return d->paper;
}

const report_meta *report_doc_meta(const report_doc *d)
{
    return &d->meta;
}

size_t report_doc_n_blocks(const report_doc *d)
{
    return d->blocks->len;
}

const report_block *report_doc_block(const report_doc *d, size_t i)
{
    g_assert(i < d->blocks->len);
    return &g_array_index(d->blocks, report_block, i);
}
