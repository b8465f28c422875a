/*
 * reports/table.c -- building a table block (doc.h): headers and
 * alignment, rows of cells, the focus row, rows set apart, a caption, a
 * column of sparklines. The
 * table owns its strings and charts; a document takes the table. How a
 * table is measured or drawn is a backend's business (pdf.c).
 */
#include "doc.h"

#include <stdint.h>

#include <glib.h>

report_table *report_table_create(size_t n_cols)
{
    report_table *t = g_new0(report_table, 1);
    size_t c;

    t->n_cols = n_cols;
    t->head = g_new0(char *, n_cols + 1);
    t->right = g_new0(int, n_cols);
    for (c = 0; c < n_cols; c++)
        t->head[c] = g_strdup("");
    t->spark_col = SIZE_MAX;
    return t;
}

void report_table_destroy(report_table *t)
{
    size_t r, c;

    if (t == NULL)
        return;
    for (c = 0; c < t->n_cols; c++)
        g_free(t->head[c]);
    for (r = 0; r < t->n_rows; r++) {
        for (c = 0; c < t->n_cols; c++)
            g_free(t->cells[r][c]);
        g_free(t->cells[r]);
        if (t->spark)
            plot_chart_destroy(t->spark[r]);
    }
    g_free(t->head);
    g_free(t->right);
    g_free(t->cells);
    g_free(t->emph);
    g_free(t->apart);
    g_free(t->caption);
    g_free(t->spark);
    g_free(t);
}

void report_table_head(report_table *t, size_t col, const char *text,
                       int right)
{
    g_assert(col < t->n_cols);
    g_free(t->head[col]);
    t->head[col] = g_strdup(text);
    t->right[col] = right;
}

void report_table_sparklines(report_table *t, size_t col)
{
    g_assert(col < t->n_cols && t->n_rows == 0);
    t->spark_col = col;
}

char **report_table_row(report_table *t, int emph)
{
    size_t r = t->n_rows;

    t->cells = g_renew(char **, t->cells, r + 1);
    t->cells[r] = g_new0(char *, t->n_cols + 1);
    t->emph = g_renew(int, t->emph, r + 1);
    t->emph[r] = emph;
    t->apart = g_renew(int, t->apart, r + 1);
    t->apart[r] = 0;
    if (t->spark_col != SIZE_MAX) {
        t->spark = g_renew(plot_chart *, t->spark, r + 1);
        t->spark[r] = NULL;
    }
    t->n_rows++;
    return t->cells[r];
}

void report_table_spark(report_table *t, plot_chart *c)
{
    if (t->spark == NULL || t->n_rows == 0) {   /* no sparkline column */
        plot_chart_destroy(c);
        return;
    }
    plot_chart_destroy(t->spark[t->n_rows - 1]);
    t->spark[t->n_rows - 1] = c;
}

void report_table_apart(report_table *t)
{
    g_assert(t->n_rows > 0);
    t->apart[t->n_rows - 1] = 1;
}

void report_table_caption(report_table *t, const char *text)
{
    g_free(t->caption);
    t->caption = g_strdup(text);
}
