/*
 * plots/alt.c -- generated descriptions of charts, English and Chinese.
 */
#include "alt.h"

#include "chart_types.h"
#include "nodata.h"

#include <math.h>
#include <string.h>

#include <glib.h>

#define MAX_NAMED 5              /* regions named before "and N more" */

/* Appends a name as every chart text prints it: whole up to a name's
   bound (chart.h), so that the text follows what a reader needs and not
   the size of a field. */
static void append_name(GString *g, const char *name)
{
    char *cut = plot_text_cut(name, PLOT_NAME_MAX_CHARS);

    g_string_append(g, cut != NULL ? cut : name);
    g_free(cut);
}

/* "Line chart" / 折线图: the type's words in the chart's language. */
static const char *kind_word(const plot_chart *c)
{
    const plot_type_info *t = plot_type_info_of(c->type);

    return c->lang == FMT_ZH ? t->what_zh : t->what_en;
}

/* "Chongqing, Sichuan and 3 more" / "重庆、四川等5个地区" */
static void region_list(GString *g, const plot_chart *c)
{
    int bars = plot_type_info_of(c->type)->bars;
    /* many regions: the labelled ones; the grey ones are told apart */
    size_t i, k = 0, n = bars ? c->n_bars : c->n_lines - c->n_context;

    for (i = 0; k < n && k < MAX_NAMED; i++) {
        const char *name = bars ? c->bars[i].label
                                               : c->lines[i].label;
        if (!bars && c->lines[i].context)
            continue;
        if (k > 0)
            g_string_append(g, c->lang == FMT_ZH ? "\xe3\x80\x81"
                                : k + 1 == n ? " and " : ", ");  /* 、 */
        append_name(g, name);
        k++;
    }
    if (n > MAX_NAMED)
        g_string_append_printf(g, c->lang == FMT_ZH
                                      ? "\xe7\xad\x89%zu\xe4\xb8\xaa\xe5\x9c"
                                        "\xb0\xe5\x8c\xba"     /* 等N个地区 */
                                      : " and %zu more", c->lang == FMT_ZH
                                                             ? n
                                                             : n - MAX_NAMED);
}

static void change_words(GString *g, const plot_chart *c,
                         const metrics_row *r)
{
    char va[FMT_MAX], vb[FMT_MAX], ch[FMT_MAX];
    double delta = (sb_indicator_traits(c->ind) & SB_TRAIT_POINTS)
                       ? r->pp_change
                                                : r->pct_change;
    int up = r->change > 0, same = r->change == 0;

    fmt_value(va, sizeof va, r->first_value, c->ind, c->lang);
    fmt_value(vb, sizeof vb, r->last_value, c->ind, c->lang);
    if ((sb_indicator_traits(c->ind) & SB_TRAIT_POINTS))
        fmt_points(ch, sizeof ch, delta, sb_indicator_precision(c->ind), 1,
                   c->lang);
    else if (metrics_claim_times(r))     /* as the brief says it: ×45.8 */
        fmt_multiple(ch, sizeof ch, r->multiple, c->lang);
    else
        fmt_percent(ch, sizeof ch, delta, 1, 1, c->lang);
    if (c->lang == FMT_ZH)
        g_string_append_printf(g, "\xe4\xbb\x8e%d\xe5\xb9\xb4\xe7\x9a\x84%s%s"
                               "%d\xe5\xb9\xb4\xe7\x9a\x84%s", r->first_year, va,
                               same ? "\xe6\x8c\x81\xe5\xb9\xb3\xe4\xba\x8e"
                               : up ? "\xe5\xa2\x9e\xe8\x87\xb3"
                                    : "\xe9\x99\x8d\xe8\x87\xb3",
                               r->last_year, vb);  /* 从 年的 增至 降至 持平于 */
    else
        g_string_append_printf(g, " %s from %s in %d to %s in %d", same
                               ? "was unchanged" : up ? "rose" : "fell", va,
                               r->first_year, vb, r->last_year);
    if (isfinite(delta))
        g_string_append_printf(g, c->lang == FMT_ZH
                                      ? "\xef\xbc\x88%s\xef\xbc\x89" : " (%s)",
                               ch);
}

/* "Chongqing rose from ... (+88.3%)." or "Sichuan: 1,215 in 2022." */
static void region_sentence(GString *g, const plot_chart *c, sb_id reg,
                            const char *name, metrics_ctx *mc)
{
    metrics_row r;
    sb_error ignore = {0};
    char v[FMT_MAX];

    if (metrics_get(mc, c->indicator, reg, 0, 0, &r, &ignore) != SB_OK ||
        isnan(r.last_value))
        return;
    if (c->lang != FMT_ZH)
        g_string_append_c(g, ' ');
    append_name(g, name);
    if (isfinite(r.change) && r.first_year < r.last_year) {
        change_words(g, c, &r);
    } else {
        fmt_value(v, sizeof v, r.last_value, c->ind, c->lang);
        if (c->lang == FMT_ZH)                        /* N年为V */
            g_string_append_printf(g, "%d\xe5\xb9\xb4\xe4\xb8\xba%s",
                                   r.last_year, v);
        else
            g_string_append_printf(g, ": %s in %d", v, r.last_year);
    }
    g_string_append(g, c->lang == FMT_ZH ? "\xe3\x80\x82" : ".");
    /* at the reference year, among min_ranked regions or more, as the
       brief's sentences tell a rank */
    if (metrics_claim_ranked(mc, &r) && reg == c->focus)
        g_string_append_printf(g, c->lang == FMT_ZH
                                      ? "%d\xe5\xb9\xb4\xe5\x9c\xa8%d\xe4"
                                        "\xb8\xaa\xe5\x9c\xb0\xe5\x8c\xba"
                                        "\xe4\xb8\xad\xe6\x8e\x92\xe7\xac"
                                        "\xac%d\xe3\x80\x82"
                                      : " In %d it ranked %d of %d.",
                               r.ref_year, c->lang == FMT_ZH ? r.rank_of
                                                              : r.rank,
                               c->lang == FMT_ZH ? r.rank : r.rank_of);
}

/* What the dashed segment shows, as the chart's note names it:
   " Dashed: 2023 forecast from the linear trend, 7,161 (95% prediction
   interval 6,345 to 7,977)." / "虚线为2023年线性趋势预测值7161（95%预测
   区间6345至7977）。", with the cut at zero marked inside the brackets */
static void forecast_sentence(GString *g, const plot_chart *c,
                              const plot_line *l)
{
    char v[FMT_MAX], lo[FMT_MAX], hi[FMT_MAX];

    if (l->forecast_year <= 0)
        return;
    fmt_value(v, sizeof v, l->forecast, c->ind, c->lang);
    fmt_value(lo, sizeof lo, l->forecast_lo, c->ind, c->lang);
    fmt_value(hi, sizeof hi, l->forecast_hi, c->ind, c->lang);
    if (c->lang == FMT_ZH)      /* 虚线为N年线性趋势预测值V（95%预测区间L至H） */
        g_string_append_printf(g, "\xe8\x99\x9a\xe7\xba\xbf\xe4\xb8\xba%d"
                               "\xe5\xb9\xb4\xe7\xba\xbf\xe6\x80\xa7\xe8\xb6"
                               "\x8b\xe5\x8a\xbf\xe9\xa2\x84\xe6\xb5\x8b\xe5"
                               "\x80\xbc%s\xef\xbc\x88" "95%%\xe9\xa2\x84\xe6"
                               "\xb5\x8b\xe5\x8c\xba\xe9\x97\xb4%s\xe8\x87\xb3"
                               "%s%s\xef\xbc\x89\xe3\x80\x82", l->forecast_year,
                               v, lo, hi, l->forecast_cut
                               ? plot_cut_words(c->lang) : "");
    else
        g_string_append_printf(g, " Dashed: %d forecast from the linear "
                               "trend, %s (95%% prediction interval %s to "
                               "%s%s).", l->forecast_year, v, lo, hi,
                               l->forecast_cut ? plot_cut_words(c->lang)
                                               : "");
}

/* Many regions: what the grey lines are, since none has a label.
   " Thin grey lines: the other 27 regions, unlabelled." /
   "细灰线为其余27个地区，未标注名称。" */
static void context_sentence(GString *g, const plot_chart *c)
{
    if (c->n_context == 0)
        return;
    g_string_append_printf(g, c->lang == FMT_ZH
                                  ? "\xe7\xbb\x86\xe7\x81\xb0\xe7\xba\xbf"
                                    "\xe4\xb8\xba\xe5\x85\xb6\xe4\xbd\x99%zu"
                                    "\xe4\xb8\xaa\xe5\x9c\xb0\xe5\x8c\xba"
                                    "\xef\xbc\x8c\xe6\x9c\xaa\xe6\xa0\x87"
                                    "\xe6\xb3\xa8\xe5\x90\x8d\xe7\xa7\xb0"
                                    "\xe3\x80\x82"
                                  : " Thin grey lines: the other %zu regions, "
                                    "unlabelled.", c->n_context);
}

char *plot_chart_alt_text(const plot_chart *c, const sb_dataset *ds,
                          metrics_ctx *mc)
{
    GString *g = g_string_new(NULL);
    char shown[FMT_MAX];
    /* the unit the chart's axis is in (fmt_form) */
    const char *unit = fmt_shown_unit(shown, sizeof shown, c->ind, c->lang);
    size_t i, named = 0;

    (void)ds;
    g_string_append_printf(g, c->lang == FMT_ZH ? "%s\xef\xbc\x9a"  /* ： */
                                                : "%s of ", kind_word(c));
    append_name(g, fmt_name(c->ind, c->lang));
    if (*unit) {
        g_string_append(g, c->lang == FMT_ZH ? "\xef\xbc\x88" : " (");
        append_name(g, unit);
        g_string_append(g, c->lang == FMT_ZH ? "\xef\xbc\x89" : ")");
    }
    g_string_append(g, c->lang == FMT_ZH ? "\xef\xbc\x8c" : ", ");
    region_list(g, c);
    if (plot_type_info_of(c->type)->bars)
        g_string_append_printf(g, c->lang == FMT_ZH
                                      ? "\xef\xbc\x8c%d\xe5\xb9\xb4\xe3\x80"
                                        "\x82"
                                      : ", %d, sorted from the highest.",
                               c->year);
    else if (c->first == c->last)
        g_string_append_printf(g, c->lang == FMT_ZH
                                      ? "\xef\xbc\x8c%d\xe5\xb9\xb4\xe3\x80"
                                        "\x82" : ", %d.", c->last);
    else
        g_string_append_printf(g, c->lang == FMT_ZH
                                      ? "\xef\xbc\x8c%d\xe2\x80\x93%d\xe5\xb9"
                                        "\xb4\xe3\x80\x82" : ", %d\xe2\x80\x93%d.",
                               c->first, c->last);
    /* bars: the regions shown without a value, never left unsaid */
    plot_nodata_sentence(g, c);
    /* the focus region first, then the others it is compared with */
    for (i = 0; i < c->n_lines; i++)
        if (c->lines[i].region == c->focus) {
            region_sentence(g, c, c->lines[i].region, c->lines[i].label, mc);
            forecast_sentence(g, c, &c->lines[i]);
        }
    for (i = 0; i < c->n_lines && named < 3; i++)
        if (c->lines[i].region != c->focus && !c->lines[i].context) {
            region_sentence(g, c, c->lines[i].region, c->lines[i].label, mc);
            named++;
        }
    context_sentence(g, c);
    g_string_append_c(g, '\n');
    return g_string_free(g, FALSE);
}
