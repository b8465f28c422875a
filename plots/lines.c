/*
 * plots/lines.c -- a chart's lines from the dataset's series: the points
 * the metrics use (so that --interpolate's filled years come marked, to
 * be drawn hollow) inside the chart's window, with the flag letters
 * published with each value. Reads the dataset and the metrics context;
 * draws nothing.
 */
#include "lines.h"

#include <string.h>

#include <glib.h>

/* A region as a chart names it: its Chinese name in a Chinese chart
   when it has one. */
static const char *region_label(const sb_dataset *ds, sb_id r, fmt_lang lang)
{
    const sb_region *reg = sb_dataset_region_at(ds, r);

    return lang == FMT_ZH && reg->name_zh[0] ? reg->name_zh : reg->name;
}

/* The flag letters published with the value of `year`, or NULL. */
static const char *obs_flags(const sb_dataset *ds, const sb_series *s,
                             int year)
{
    size_t i;

    for (i = 0; i < s->n; i++)
        if (s->obs[i].year == year && sb_series_flags(s, i) != 0)
            return sb_dataset_str(ds, sb_series_flags(s, i));
    return NULL;
}

/* The line of series s: the points the metrics use (so --interpolate's
   filled years come marked, to be drawn hollow), inside [from, to]. */
void lines_add(plot_chart *c, const sb_dataset *ds, metrics_ctx *mc,
               const sb_series *s, int from, int to)
{
    plot_line *l;
    double *year, *value;
    unsigned char *filled;
    size_t i, n;
    sb_error ignore = {0};

    c->lines = g_renew(plot_line, c->lines, c->n_lines + 1);
    l = &c->lines[c->n_lines++];
    memset(l, 0, sizeof *l);
    l->label = g_strdup(region_label(ds, s->region, c->lang));
    l->region = s->region;
    l->highlight = s->region == metrics_focus(mc);
    metrics_points(mc, s, &year, &value, &filled, &n, &ignore);
    l->year = g_new(double, n + 1);
    l->value = g_new(double, n + 1);
    l->filled = g_new0(unsigned char, n + 1);
    l->flags = g_new0(const char *, n + 1);
    for (i = 0; i < n; i++) {
        if ((from && year[i] < from) || (to && year[i] > to))
            continue;
        l->year[l->n] = year[i];
        l->value[l->n] = value[i];
        l->flags[l->n] = obs_flags(ds, s, (int)year[i]);
        l->filled[l->n++] = filled[i];
    }
    g_free(year);
    g_free(value);
    g_free(filled);
}
