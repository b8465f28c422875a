/*
 * plots/build.c -- decide what a chart shows: which regions (lines.c
 * makes their lines), the default type, the title, subtitle, note and
 * source line. What a type adds (its years, bars, total or forecast)
 * and which years its subtitle names come from its row of the
 * chart-type table. Reads the dataset and the metrics context; draws
 * nothing.
 */
#include "chart.h"

#include "chart_types.h"
#include "index.h"
#include "lines.h"

#include <string.h>

#include <glib.h>

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
    g_strfreev(c->not_indexed);
    for (i = 0; i < c->n_refs; i++)
        g_free(c->refs[i].label);
    g_free(c->no_data);
    g_free(c->lines);
    g_free(c->bars);
    g_free(c->why);
    g_free(c->title);
    g_free(c->subtitle);
    g_free(c->source);
    g_free(c->note);
    g_free(c);
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

const char *plot_cut_words(fmt_lang lang)
{
    /* an amount or count cannot fall below zero (metrics/forecast.h) */
    return lang == FMT_ZH ? "\xef\xbc\x8c\xe5\x8c\xba\xe9\x97\xb4\xe5\x9c"
                            "\xa8\xe9\x9b\xb6\xe5\xa4\x84\xe6\x88\xaa\xe6"
                            "\x96\xad"                /* ，区间在零处截断 */
                          : "; interval cut at zero";
}

static void ranking_note(const plot_chart *c, GString *g, size_t top,
                         size_t bottom, int aggregates);

/* "Ringed points are flagged: p provisional, e estimated. Hollow points
   are filled by interpolation. Dashed: 2023 forecast ..."; a ranking's
   own (no points drawn). */
static char *chart_note(const plot_chart *c)
{
    GString *g = g_string_new(NULL), *letters = g_string_new(NULL);
    int filled = 0, forecast = 0, cut = 0;
    size_t i, j;
    const char *f;
    int zh = c->lang == FMT_ZH;

    for (i = 0; i < c->n_lines && c->type != PLOT_RANKING; i++) {
        for (j = 0; j < c->lines[i].n; j++) {
            filled |= c->lines[i].filled[j];
            for (f = c->lines[i].flags[j]; f && *f; f++)
                if (!strchr(letters->str, *f))
                    g_string_append_c(letters, *f);
        }
        if (c->lines[i].forecast_year > 0) {
            forecast = c->lines[i].forecast_year;
            cut = c->lines[i].forecast_cut;
        }
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
                                       "\xe5\x8c\xba\xe9\x97\xb4%s\xe3\x80\x82"
                                     : "Dashed: %d forecast from the linear "
                                       "trend, band: 95%% prediction "
                                       "interval%s.", forecast,
                               cut ? plot_cut_words(c->lang) : "");
    if (c->n_context > 0)                  /* 灰色：其余N个地区。 */
        g_string_append_printf(g, zh ? "%s\xe7\x81\xb0\xe8\x89\xb2\xef\xbc\x9a"
                                       "\xe5\x85\xb6\xe4\xbd\x99%zu\xe4\xb8\xaa"
                                       "\xe5\x9c\xb0\xe5\x8c\xba\xe3\x80\x82"
                                     : "%sGrey: the other %zu regions.",
                               !zh && g->len && g->str[g->len - 1] != ' '
                                   ? " " : "", c->n_context);
    plot_index_note(g, c, PLOT_INDEX_NOTE_NAMED);
    if (c->n_ranked > PLOT_RANK_ALL)
        ranking_note(c, g, PLOT_RANK_ENDS, PLOT_RANK_ENDS, 1);
    else
        ranking_note(c, g, 0, 0, 1);
    g_string_free(letters, TRUE);
    if (g->len && g->str[g->len - 1] == ' ')
        g_string_truncate(g, g->len - 1);
    return g_string_free(g, g->len == 0);
}

/* The years a type's subtitle names (see plot_span). */
static void span(const plot_chart *c, plot_span sp, int *first, int *last)
{
    *first = c->first;
    *last = c->last;
    if (sp == PLOT_SPAN_YEARS) {
        *first = c->n_years ? c->years[0] : c->last;
        *last = c->n_years ? c->years[c->n_years - 1] : c->last;
    } else if (sp == PLOT_SPAN_YEAR) {
        *first = c->year;
        *last = c->year;
    }
}

/* The title, the subtitle ("unit, 2017-2023", "previous year = 100,
   2017-2023" for an index, or the type's own lead) and the source
   line. Names and the source are bounded as they are
   printed (chart.h): a chart keeps no more of them than it shows. */
static void texts(plot_chart *c, const plot_type_info *t)
{
    const char *lead = c->lang == FMT_ZH ? t->lead_zh : t->lead_en;
    char shown[FMT_MAX], index[FMT_MAX];
    /* the unit the axis is in: the indicator's one form (fmt_form) */
    char *unit = plot_text_dup(fmt_shown_unit(shown, sizeof shown, c->ind,
                                              c->lang),
                               PLOT_NAME_MAX_CHARS);
    GString *sub = g_string_new(lead != NULL ? lead : unit);
    char *source, base[FMT_MAX];
    int first, last;

    g_free(unit);
    if (c->base > 0)                 /* an index chart: "index, 2015 = 100" */
        g_string_assign(sub, plot_index_words(index, sizeof index, c->base,
                                              c->lang));
    else if (lead == NULL && *fmt_index_base(base, sizeof base, c->ind,
                                             c->lang))
        g_string_append_printf(sub, sub->len ? " (%s)" : "%s", base);
    c->title = plot_text_dup(fmt_name(c->ind, c->lang), PLOT_NAME_MAX_CHARS);
    if ((lead == NULL || c->base > 0) && sub->len > 0)
        g_string_append(sub, c->lang == FMT_ZH ? "\xef\xbc\x8c" : ", ");
    span(c, t->span, &first, &last);
    if (first == last)
        g_string_append_printf(sub, "%d", last);
    else
        g_string_append_printf(sub, "%d\xe2\x80\x93%d", first, last);
    if (c->own_scale)          /* small multiples: not to be compared by
                                  height (，各图纵轴刻度不同) */
        g_string_append(sub, c->lang == FMT_ZH
                                 ? "\xef\xbc\x8c\xe5\x90\x84\xe5\x9b"
                                   "\xbe\xe7\xba\xb5\xe8\xbd\xb4\xe5"
                                   "\x88\xbb\xe5\xba\xa6\xe4\xb8\x8d"
                                   "\xe5\x90\x8c"
                                 : ", each panel on its own scale");
    c->subtitle = g_string_free(sub, FALSE);
    if (fmt_source(c->ind, c->lang)[0] == '\0')
        return;
    source = plot_text_dup(fmt_source(c->ind, c->lang), PLOT_NOTE_MAX_CHARS);
    c->source = g_strdup_printf(c->lang == FMT_ZH
                                    ? "\xe8\xb5\x84\xe6\x96\x99"
                                      "\xe6\x9d\xa5\xe6\xba\x90"
                                      "\xef\xbc\x9a%s"      /* 资料来源： */
                                    : "Source: %s", source);
    g_free(source);
}

/* The lines of indicator ind that the chart shows; the focus region
   last, so that it is drawn on top. */
static void add_lines(plot_chart *c, const sb_dataset *ds, metrics_ctx *mc,
                      sb_id ind, int from, int to)
{
    size_t i;

    for (i = 0; i < sb_dataset_n_series(ds); i++) {
        const sb_series *s = sb_dataset_series_at(ds, i);
        if (s->indicator == ind && s->region != metrics_focus(mc) &&
            shown(ds, mc, s, from, to))
            lines_add(c, ds, mc, s, from, to);
    }
    for (i = 0; i < sb_dataset_n_series(ds); i++) {
        const sb_series *s = sb_dataset_series_at(ds, i);
        if (s->indicator == ind && s->region == metrics_focus(mc) &&
            shown(ds, mc, s, from, to))
            lines_add(c, ds, mc, s, from, to);
    }
}

/* The earliest year with a value among the lines. */
static int first_year(const plot_chart *c)
{
    int first = 0;
    size_t i;

    for (i = 0; i < c->n_lines; i++)
        if (c->lines[i].n > 0 && (first == 0 || c->lines[i].year[0] < first))
            first = (int)c->lines[i].year[0];
    return first;
}

/* The default chart: bars for one year, small multiples for more lines
   than one chart holds, else lines (of more than PLOT_MAX_PANELS
   regions, bars and panels become the ranking chart: panels_or_ranking). */
static plot_type default_type(plot_chart *c, size_t n_years)
{
    plot_type t = n_years <= 1 ? PLOT_BAR
                  : c->n_lines > PLOT_MAX_LINES ? PLOT_SMALL : PLOT_LINE;

    if (t == PLOT_SMALL && c->n_lines <= PLOT_MAX_PANELS)
        c->why = g_strdup_printf("%zu regions are too many for one chart: "
                                 "small multiples", c->n_lines);
    return t;
}

/* Small multiples, bars, grouped or stacked bars of more than
   PLOT_MAX_PANELS regions, asked for or by default, are a ranking chart:
   nobody reads 195 panels, and 195 groups of bars print their names over
   each other. */
static plot_type panels_or_ranking(plot_chart *c, plot_type t)
{
    if (c->n_lines <= PLOT_MAX_PANELS ||
        (t != PLOT_SMALL && t != PLOT_BAR && t != PLOT_GROUPED &&
         t != PLOT_STACKED))
        return t;
    g_free(c->why);
    c->why = g_strdup_printf("%zu regions are too many for %s: ranking "
                             "chart", c->n_lines,
                             t == PLOT_SMALL ? "small multiples"
                             : t == PLOT_BAR ? "a bar chart"
                                             : "grouped or stacked bars");
    return PLOT_RANKING;
}

/* A ranking's note: the regions without a value, the ends shown of
   many, the aggregates apart ("Top and bottom 15 of 214. Below the
   line: aggregates, not ranked (8 of 45)."). */
static void ranking_note(const plot_chart *c, GString *g, size_t top,
                         size_t bottom, int aggregates)
{
    int zh = c->lang == FMT_ZH;

    if (c->type != PLOT_RANKING)
        return;
    if (top > 0 && bottom > 0)             /* 前15名和后15名（共N个地区）。 */
        g_string_append_printf(g, zh ? "\xe5\x89\x8d%zu\xe5\x90\x8d\xe5\x92"
                                       "\x8c\xe5\x90\x8e%zu\xe5\x90\x8d\xef"
                                       "\xbc\x88\xe5\x85\xb1%zu\xe4\xb8\xaa"
                                       "\xe5\x9c\xb0\xe5\x8c\xba\xef\xbc"
                                       "\x89\xe3\x80\x82"
                                     : "Top %zu and bottom %zu of %zu. ",
                               top, bottom, c->n_ranked);
    else if (top > 0)                      /* 前N名（共M个地区）。 */
        g_string_append_printf(g, zh ? "\xe5\x89\x8d%zu\xe5\x90\x8d\xef"
                                       "\xbc\x88\xe5\x85\xb1%zu\xe4\xb8\xaa"
                                       "\xe5\x9c\xb0\xe5\x8c\xba\xef\xbc"
                                       "\x89\xe3\x80\x82"
                                     : "Top %zu of %zu. ",
                               top, c->n_ranked);
    if (aggregates && c->n_aggregates > 0) {  /* 分隔线下为汇总，不参与排名 */
        g_string_append(g, zh ? "\xe5\x88\x86\xe9\x9a\x94\xe7\xba\xbf"
                                "\xe4\xb8\x8b\xe4\xb8\xba\xe6\xb1\x87"
                                "\xe6\x80\xbb\xef\xbc\x8c\xe4\xb8\x8d"
                                "\xe5\x8f\x82\xe4\xb8\x8e\xe6\x8e\x92"
                                "\xe5\x90\x8d"
                              : "Below the line: aggregates, not ranked");
        if (c->n_aggregates > PLOT_RANK_AGGREGATES)   /* （显示最大的8个，共N个） */
            g_string_append_printf(g, zh ? "\xef\xbc\x88\xe6\x98\xbe\xe7"
                                           "\xa4\xba\xe6\x9c\x80\xe5\xa4\xa7"
                                           "\xe7\x9a\x84%d\xe4\xb8\xaa\xef"
                                           "\xbc\x8c\xe5\x85\xb1%zu\xe4\xb8"
                                           "\xaa\xef\xbc\x89"
                                         : " (the largest %d of %zu)",
                                   PLOT_RANK_AGGREGATES, c->n_aggregates);
        if (sb_indicator_traits(c->ind) & SB_TRAIT_ADDS)  /* ；为多地区之和，不画条形 */
            g_string_append(g, zh ? "\xef\xbc\x9b\xe4\xb8\xba\xe5\xa4\x9a"
                                    "\xe5\x9c\xb0\xe5\x8c\xba\xe4\xb9\x8b"
                                    "\xe5\x92\x8c\xef\xbc\x8c\xe4\xb8\x8d"
                                    "\xe7\x94\xbb\xe6\x9d\xa1\xe5\xbd\xa2"
                                  : "; sums of many regions, without bars");
        g_string_append(g, zh ? "\xe3\x80\x82" : ". ");
    }
    if (c->no_data != NULL)
        g_string_append(g, c->no_data);
}

char *plot_ranking_note(const plot_chart *c, size_t top, size_t bottom,
                        int aggregates)
{
    GString *g = g_string_new(NULL);

    ranking_note(c, g, top, bottom, aggregates);
    if (g->len && g->str[g->len - 1] == ' ')
        g_string_truncate(g, g->len - 1);
    return g_string_free(g, g->len == 0);
}

plot_chart *plot_chart_build(const sb_dataset *ds, metrics_ctx *mc, sb_id ind,
                             int type, int from, int to, fmt_lang lang,
                             const plot_labels *labels, sb_error *err)
{
    plot_chart *c = g_new0(plot_chart, 1);
    const plot_type_info *t;
    plot_source src = {ds, mc, from, to, labels};
    size_t n_years = 0;

    c->ind = sb_dataset_indicator_at(ds, ind);
    c->indicator = ind;
    c->focus = metrics_focus(mc);
    c->lang = lang;
    add_lines(c, ds, mc, ind, from, to);
    if (c->n_lines == 0) {
        sb_error_set(err, SB_EDATA, NULL, 0, 0,
                     "%s: no values to chart in the comparison set",
                     c->ind->id);
        plot_chart_destroy(c);
        return NULL;
    }
    c->last = latest_year(c, &n_years);
    c->first = first_year(c);
    c->type = panels_or_ranking(c, type >= 0 ? (plot_type)type
                                             : default_type(c, n_years));
    t = plot_type_info_of(c->type);
    if (t == NULL) {
        sb_error_set(err, SB_EINTERNAL, NULL, 0, 0, "%s: no chart type %d",
                     c->ind->id, type);
        plot_chart_destroy(c);
        return NULL;
    }
    /* what the type adds: its years, bars, total or forecast */
    if (t->prepare != NULL && !t->prepare(c, &src, err)) {
        plot_chart_destroy(c);
        return NULL;
    }
    texts(c, t);
    c->note = chart_note(c);
    return c;
}
