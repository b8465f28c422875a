/*
 * plots/build.c -- decide what a chart shows: which regions, which
 * years, the title, subtitle and source line. Reads the dataset and the
 * metrics context; draws nothing.
 */
#include "chart.h"

#include <math.h>
#include <string.h>

#include <glib.h>

const char *plot_type_name(plot_type t)
{
    static const char *const names[] = {
        "line", "bar", "grouped", "stacked", "slope", "sparkline", "small"};

    return (size_t)t < G_N_ELEMENTS(names) ? names[t] : "";
}

void plot_bytes_free(plot_bytes *b)
{
    g_free(b->data);
    g_free(b->why);
    b->data = NULL;
    b->why = NULL;
    b->len = 0;
}

void plot_chart_destroy(plot_chart *c)
{
    size_t i;

    if (c == NULL)
        return;
    for (i = 0; i < c->n_lines; i++) {
        g_free(c->lines[i].label);
        g_free(c->lines[i].year);
        g_free(c->lines[i].value);
        g_free(c->lines[i].filled);
        g_free(c->lines[i].flags);
    }
    for (i = 0; i < c->n_bars; i++)
        g_free(c->bars[i].label);
    if (c->total != NULL) {
        g_free(c->total->label);
        g_free(c->total->year);
        g_free(c->total->value);
        g_free(c->total->filled);
        g_free(c->total->flags);
        g_free(c->total);
    }
    g_free(c->lines);
    g_free(c->bars);
    g_free(c->why);
    g_free(c->title);
    g_free(c->subtitle);
    g_free(c->source);
    g_free(c->note);
    g_free(c);
}

static const char *region_label(const sb_dataset *ds, sb_id r, fmt_lang lang)
{
    const sb_region *reg = sb_dataset_region_at(ds, r);

    return lang == FMT_ZH && reg->name_zh[0] ? reg->name_zh : reg->name;
}

/* The series of the indicator that the chart shows: the comparison set
   and the focus region, with a value in [from, to]. */
static int shown(const sb_dataset *ds, metrics_ctx *mc, const sb_series *s,
                 int from, int to)
{
    size_t i;

    (void)ds;
    if (!metrics_in_set(mc, s->region) && s->region != metrics_focus(mc))
        return 0;
    for (i = 0; i < s->n; i++)
        if (!(s->obs[i].state & SB_OBS_MISSING) &&
            (!from || s->obs[i].year >= from) &&
            (!to || s->obs[i].year <= to))
            return 1;
    return 0;
}

/* The flag letters published with the value of `year`, or NULL. */
static const char *obs_flags(const sb_dataset *ds, const sb_series *s, int year)
{
    size_t i;

    for (i = 0; i < s->n; i++)
        if (s->obs[i].year == year && sb_series_flags(s, i) != 0)
            return sb_dataset_str(ds, sb_series_flags(s, i));
    return NULL;
}

/* The line of series s: the points the metrics use (so --interpolate's
   filled years come marked, to be drawn hollow), inside [from, to]. */
static void add_line(plot_chart *c, const sb_dataset *ds, metrics_ctx *mc,
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

/* Latest year with a value among the lines, and how many years appear. */
static int latest_year(const plot_chart *c, size_t *n_years)
{
    GHashTable *years = g_hash_table_new(g_direct_hash, g_direct_equal);
    int latest = 0;
    size_t i, k;

    for (i = 0; i < c->n_lines; i++)
        for (k = 0; k < c->lines[i].n; k++) {
            int y = (int)c->lines[i].year[k];
            g_hash_table_add(years, GINT_TO_POINTER(y));
            latest = MAX(latest, y);
        }
    *n_years = g_hash_table_size(years);
    g_hash_table_destroy(years);
    return latest;
}

/* How many lines have a value in `year`. */
static size_t lines_with(const plot_chart *c, int year)
{
    size_t i, k, n = 0;

    for (i = 0; i < c->n_lines; i++)
        for (k = 0; k < c->lines[i].n; k++)
            if ((int)c->lines[i].year[k] == year) {
                n++;
                break;
            }
    return n;
}

/* Grouped and stacked bars: the most recent years (up to three) in which
   at least half of the regions have a value; oldest first. */
static void recent_years(plot_chart *c, int first, int last)
{
    size_t need = MAX(1, (c->n_lines + 1) / 2), k;
    int y, tmp[PLOT_MAX_YEARS];

    c->n_years = 0;
    for (y = last; y >= first && c->n_years < PLOT_MAX_YEARS; y--)
        if (lines_with(c, y) >= need)
            tmp[c->n_years++] = y;
    for (k = 0; k < c->n_years; k++)
        c->years[k] = tmp[c->n_years - 1 - k];
}

/* Both ends present in a line. */
static int has_both(const plot_line *l, int a, int b)
{
    size_t k;
    int fa = 0, fb = 0;

    for (k = 0; k < l->n; k++) {
        fa |= (int)l->year[k] == a;
        fb |= (int)l->year[k] == b;
    }
    return fa && fb;
}

/* Slope: b the latest year with most regions; a the earliest year that
   keeps as many regions with values at both ends as any other a. */
static void slope_years(plot_chart *c, int first, int last)
{
    size_t best = 0, i, n;
    int a, b = last, y;

    for (y = last; y >= first; y--)
        if (lines_with(c, y) > lines_with(c, b))
            b = y;
    a = b;
    for (y = b - 1; y >= first; y--) {
        for (n = 0, i = 0; i < c->n_lines; i++)
            n += (size_t)has_both(&c->lines[i], y, b);
        if (n >= best && n > 0) {
            best = n;
            a = y;
        }
    }
    c->years[0] = a;
    c->years[1] = b;
    c->n_years = 2;
}

static int cmp_bars(const void *a, const void *b)
{
    const plot_bar *x = a, *y = b;

    if (x->value != y->value)
        return x->value > y->value ? -1 : 1;
    return strcmp(x->label, y->label);
}

/* Bars: each line's value at `year`, best first. */
static void make_bars(plot_chart *c, int year)
{
    size_t i, k;

    c->year = year;
    c->bars = g_new0(plot_bar, c->n_lines + 1);
    for (i = 0; i < c->n_lines; i++)
        for (k = 0; k < c->lines[i].n; k++)
            if ((int)c->lines[i].year[k] == year) {
                plot_bar *b = &c->bars[c->n_bars++];
                b->label = g_strdup(c->lines[i].label);
                b->highlight = c->lines[i].highlight;
                b->value = c->lines[i].value[k];
            }
    qsort(c->bars, c->n_bars, sizeof *c->bars, cmp_bars);
}

/* The focus line's forecast for the year after the chart's last, from
   the metrics (linear trend, 95% prediction interval), when the focus
   series reaches that last year and its last three points are
   consecutive years: a forecast over a gap extends no trend. */
static void add_forecast(plot_chart *c, metrics_ctx *mc, int from, int to)
{
    metrics_row r;
    sb_error ignore = {0};
    size_t i;

    for (i = 0; i < c->n_lines; i++) {
        plot_line *l = &c->lines[i];
        /* a trend worth extending: the last three points consecutive */
        if (!l->highlight || l->n < 3 ||
            (int)l->year[l->n - 1] != c->last ||
            l->year[l->n - 1] - l->year[l->n - 3] != 2)
            continue;
        if (metrics_get(mc, c->indicator, l->region, from, to, &r,
                        &ignore) == SB_OK && r.forecast_year > 0 &&
            isfinite(r.forecast)) {
            l->forecast_year = r.forecast_year;
            l->forecast = r.forecast;
            l->forecast_lo = r.forecast_lo;
            l->forecast_hi = r.forecast_hi;
        }
    }
}

const char *plot_flag_meaning(char f, fmt_lang lang)
{
    static const struct {
        char f;
        const char *en, *zh;
    } m[] = {
        {'b', "break in series", "\xe5\xba\x8f\xe5\x88\x97\xe4\xb8\xad\xe6\x96\xad"},
        {'e', "estimated", "\xe4\xbc\xb0\xe8\xae\xa1\xe5\x80\xbc"},
        {'p', "provisional", "\xe5\x88\x9d\xe6\xad\xa5\xe6\x95\xb0"},
        {'r', "revised", "\xe4\xbf\xae\xe8\xae\xa2\xe5\x80\xbc"},
        {'f', "forecast", "\xe9\xa2\x84\xe6\xb5\x8b\xe5\x80\xbc"},
        {'d', "definition differs", "\xe5\x8f\xa3\xe5\xbe\x84\xe4\xb8\x8d\xe5\x90\x8c"},
        {'u', "low reliability", "\xe5\x8f\xaf\xe9\x9d\xa0\xe6\x80\xa7\xe4\xbd\x8e"},
        {'c', "confidential", "\xe4\xbf\x9d\xe5\xaf\x86"},
    };  /* 序列中断 估计值 初步数 修订值 预测值 口径不同 可靠性低 保密 */
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(m); i++)
        if (m[i].f == g_ascii_tolower(f))
            return lang == FMT_ZH ? m[i].zh : m[i].en;
    return lang == FMT_ZH ? "\xe6\x9d\xa5\xe6\xba\x90\xe6\xa0\x87\xe6\xb3\xa8"
                          : "as flagged in the source";      /* 来源标注 */
}

/* "Ringed points are flagged: p provisional, e estimated. Hollow points
   are filled by interpolation. Dashed: 2023 forecast ..." */
static char *chart_note(const plot_chart *c)
{
    GString *g = g_string_new(NULL), *letters = g_string_new(NULL);
    int filled = 0, forecast = 0;
    size_t i, j;
    const char *f;
    int zh = c->lang == FMT_ZH;

    for (i = 0; i < c->n_lines; i++) {
        for (j = 0; j < c->lines[i].n; j++) {
            filled |= c->lines[i].filled[j];
            for (f = c->lines[i].flags[j]; f && *f; f++)
                if (!strchr(letters->str, *f))
                    g_string_append_c(letters, *f);
        }
        if (c->lines[i].forecast_year > 0)
            forecast = c->lines[i].forecast_year;
    }
    for (i = 0; i < letters->len; i++)
        g_string_append_printf(g, "%s%c %s", i == 0 ? (zh
                               ? "\xe5\xb8\xa6\xe5\x9c\x88\xe7\x82\xb9\xef\xbc\x9a"
                               : "Ringed points: ") : (zh ? "\xef\xbc\x9b" : "; "),
                               letters->str[i],
                               plot_flag_meaning(letters->str[i], c->lang));
    if (letters->len)
        g_string_append(g, zh ? "\xe3\x80\x82" : ". ");       /* 带圈点： 。 */
    if (filled)
        g_string_append(g, zh ? "\xe7\xa9\xba\xe5\xbf\x83\xe7\x82\xb9\xe4\xb8\xba"
                                "\xe6\x8f\x92\xe5\x80\xbc\xe3\x80\x82"
                              : "Hollow points: filled by interpolation. ");
    if (forecast)
        g_string_append_printf(g, zh ? "\xe8\x99\x9a\xe7\xba\xbf\xef\xbc\x9a%d"
                                       "\xe5\xb9\xb4\xe7\xba\xbf\xe6\x80\xa7\xe8"
                                       "\xb6\x8b\xe5\x8a\xbf\xe9\xa2\x84\xe6\xb5"
                                       "\x8b\xef\xbc\x8c\xe9\x98\xb4\xe5\xbd\xb1"
                                       "\xe4\xb8\xba" "95%%\xe9\xa2\x84\xe6\xb5\x8b"
                                       "\xe5\x8c\xba\xe9\x97\xb4\xe3\x80\x82"
                                     : "Dashed: %d forecast from the linear "
                                       "trend, band: 95%% prediction interval.",
                               forecast);
    g_string_free(letters, TRUE);
    if (g->len && g->str[g->len - 1] == ' ')
        g_string_truncate(g, g->len - 1);
    return g_string_free(g, g->len == 0);
}

static void texts(plot_chart *c, int first, int last)
{
    const char *unit = fmt_unit(c->ind, c->lang);
    GString *sub = g_string_new(unit);

    c->title = g_strdup(fmt_name(c->ind, c->lang));
    if (sub->len > 0)
        g_string_append(sub, c->lang == FMT_ZH ? "\xef\xbc\x8c" : ", ");
    if (c->type == PLOT_SLOPE) {
        first = c->years[0];
        last = c->years[1];
    } else if (c->type == PLOT_GROUPED || c->type == PLOT_STACKED) {
        first = c->n_years ? c->years[0] : last;
        last = c->n_years ? c->years[c->n_years - 1] : last;
    }
    if (c->type == PLOT_STACKED)
        g_string_printf(sub, "%s", c->lang == FMT_ZH
                                       ? "\xe5\x8d\xa0\xe6\x80\xbb\xe9\x87\x8f"
                                         "\xe7\x9a\x84\xe7\x99\xbe\xe5\x88\x86"
                                         "\xe6\xaf\x94\xef\xbc\x8c"
                                       : "% of the total, ");  /* 占总量的百分比， */
    if (c->type == PLOT_BAR || first == last)
        g_string_append_printf(sub, "%d", c->type == PLOT_BAR ? c->year
                                                              : last);
    else
        g_string_append_printf(sub, "%d\xe2\x80\x93%d", first, last);
    c->subtitle = g_string_free(sub, FALSE);
    if (c->ind->source[0] != '\0')
        c->source = g_strdup_printf(c->lang == FMT_ZH
                                        ? "\xe8\xb5\x84\xe6\x96\x99"
                                          "\xe6\x9d\xa5\xe6\xba\x90"
                                          "\xef\xbc\x9a%s"
                                        : "Source: %s",
                                    c->ind->source);   /* 资料来源： */
}

/* Stacked bars show shares of the total region's value: it needs one,
   with values, and an indicator whose values add up (not a rate). */
static int add_total(plot_chart *c, const sb_dataset *ds, metrics_ctx *mc,
                     sb_id ind, int from, int to, sb_error *err)
{
    sb_id t = metrics_total(mc);
    size_t i, keep = c->n_lines;

    if (c->ind->kind == SB_KIND_RATE) {
        sb_error_set(err, SB_EDATA, NULL, 0, 0, "%s: a rate has no shares "
                     "to stack", c->ind->id);
        return 0;
    }
    for (i = 0; t != SB_NONE && i < sb_dataset_n_series(ds); i++) {
        const sb_series *s = sb_dataset_series_at(ds, i);
        if (s->indicator == ind && s->region == t) {
            add_line(c, ds, mc, s, from, to);
            c->total = g_memdup2(&c->lines[c->n_lines - 1],
                                 sizeof *c->total);
            c->n_lines = keep;
        }
    }
    if (c->total == NULL || c->total->n == 0) {
        sb_error_set(err, SB_EDATA, NULL, 0, 0, "%s: no total region with "
                     "values to take shares of", c->ind->id);
        return 0;
    }
    return 1;
}

plot_chart *plot_chart_build(const sb_dataset *ds, metrics_ctx *mc, sb_id ind,
                             int type, int from, int to, fmt_lang lang,
                             sb_error *err)
{
    plot_chart *c = g_new0(plot_chart, 1);
    size_t i, n_years = 0;
    int first = 0, last;

    c->ind = sb_dataset_indicator_at(ds, ind);
    c->indicator = ind;
    c->focus = metrics_focus(mc);
    c->lang = lang;
    /* the focus region last, so that it is drawn on top */
    for (i = 0; i < sb_dataset_n_series(ds); i++) {
        const sb_series *s = sb_dataset_series_at(ds, i);
        if (s->indicator == ind && s->region != metrics_focus(mc) &&
            shown(ds, mc, s, from, to))
            add_line(c, ds, mc, s, from, to);
    }
    for (i = 0; i < sb_dataset_n_series(ds); i++) {
        const sb_series *s = sb_dataset_series_at(ds, i);
        if (s->indicator == ind && s->region == metrics_focus(mc) &&
            shown(ds, mc, s, from, to))
            add_line(c, ds, mc, s, from, to);
    }
    if (c->n_lines == 0) {
        sb_error_set(err, SB_EDATA, NULL, 0, 0,
                     "%s: no values to chart in the comparison set",
                     c->ind->id);
        plot_chart_destroy(c);
        return NULL;
    }
    last = latest_year(c, &n_years);
    for (i = 0; i < c->n_lines; i++)
        if (c->lines[i].n > 0 && (first == 0 || c->lines[i].year[0] < first))
            first = (int)c->lines[i].year[0];
    c->type = type >= 0 ? (plot_type)type
              : n_years <= 1 ? PLOT_BAR
              : c->n_lines > PLOT_MAX_LINES ? PLOT_SMALL : PLOT_LINE;
    if (type < 0 && c->type == PLOT_SMALL)
        c->why = g_strdup_printf("%zu regions are too many for one chart: "
                                 "small multiples", c->n_lines);
    if (c->type == PLOT_GROUPED || c->type == PLOT_STACKED)
        recent_years(c, from ? from : 0, to ? to : last);
    if (c->type == PLOT_SLOPE)
        slope_years(c, from ? from : 0, to ? to : last);
    if (c->type == PLOT_STACKED && !add_total(c, ds, mc, ind, from, to, err)) {
        plot_chart_destroy(c);
        return NULL;
    }
    /* the lines stop at `to`: their latest year is the bar chart's */
    if (c->type == PLOT_BAR)
        make_bars(c, last);
    if (c->type == PLOT_BAR && c->n_bars == 0) {
        sb_error_set(err, SB_EDATA, NULL, 0, 0, "%s: no values in %d",
                     c->ind->id, last);
        plot_chart_destroy(c);
        return NULL;
    }
    c->first = first;
    c->last = last;
    if (c->type == PLOT_LINE)
        add_forecast(c, mc, from, to);
    texts(c, first, last);
    c->note = chart_note(c);
    return c;
}
