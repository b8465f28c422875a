/*
 * plots/alt.c -- generated descriptions of charts, English and Chinese.
 */
#include "alt.h"

#include "chart_types.h"
#include "index.h"
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
        fmt_points(ch, sizeof ch, delta, fmt_points_decimals(c->ind), 1,
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

/* The years a chart spans as its text tells them: a slope chart's two
   years (which may lie inside the data's, where the most regions have
   both), else the first and last of its lines. */
static int span_from(const plot_chart *c)
{
    return c->type == PLOT_SLOPE ? c->years[0] : c->first;
}

static int span_to(const plot_chart *c)
{
    return c->type == PLOT_SLOPE ? c->years[1] : c->last;
}

/* "Chongqing rose from ... (+88.3%)." or "Sichuan: 1,215 in 2022." */
static void region_sentence(GString *g, const plot_chart *c, sb_id reg,
                            const char *name, metrics_ctx *mc)
{
    metrics_row r;
    sb_error ignore = {0};
    char v[FMT_MAX];

    if (metrics_get(mc, c->indicator, reg, c->type == PLOT_SLOPE
                                               ? span_from(c) : 0,
                    c->type == PLOT_SLOPE ? span_to(c) : 0, &r,
                    &ignore) != SB_OK ||
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

/* An index chart's line, from its indexed points: where it went from
   the base year (100) to its last year, or, when the base year is its
   last, from its first year to 100. "Chongqing rose to 165.6 by 2021." /
   "重庆2021年升至165.6。"; "Hebei rose to 100.0 in 2015 from 45.2 in
   2006." / "河北从2006年的45.2升至2015年的100.0。" */
static void index_sentence(GString *g, const plot_chart *c,
                           const plot_line *l)
{
    int zh = c->lang == FMT_ZH, after = l->year[l->n - 1] > c->base;
    double from = after ? 100 : l->value[0], to = l->value[l->n - 1];
    int y0 = after ? c->base : (int)l->year[0], y1 = (int)l->year[l->n - 1];
    char v0[FMT_MAX], v1[FMT_MAX];
    const char *how;

    if (y0 == y1)                   /* one point: the base year's 100 */
        return;
    fmt_shown(v0, sizeof v0, from, c->ind, c->lang);
    fmt_shown(v1, sizeof v1, to, c->ind, c->lang);
    /* the words follow the printed numbers: 100.0 to 100.0 is unchanged */
    /* 持平于, 升至, 降至 */
    how = strcmp(v0, v1) == 0 ? (zh ? "\xe6\x8c\x81\xe5\xb9\xb3\xe4\xba\x8e"
                                    : "was unchanged at")
          : to > from ? (zh ? "\xe5\x8d\x87\xe8\x87\xb3" : "rose to")
                      : (zh ? "\xe9\x99\x8d\xe8\x87\xb3" : "fell to");
    if (!zh)
        g_string_append_c(g, ' ');
    append_name(g, l->label);
    if (zh && after)                          /* N年升至V。 */
        g_string_append_printf(g, "%d\xe5\xb9\xb4%s%s\xe3\x80\x82", y1, how,
                               v1);
    else if (zh)                              /* 从N年的V升至M年的W。 */
        g_string_append_printf(g, "\xe4\xbb\x8e%d\xe5\xb9\xb4\xe7\x9a\x84%s"
                               "%s%d\xe5\xb9\xb4\xe7\x9a\x84%s\xe3\x80\x82",
                               y0, v0, how, y1, v1);
    else if (after)
        g_string_append_printf(g, " %s %s by %d.", how, v1, y1);
    else
        g_string_append_printf(g, " %s %s in %d from %s in %d.", how, v1, y1,
                               v0, y0);
}

/* An index chart's sentences: the focus first, then up to three
   labelled others, then the regions it could not index. */
static void index_sentences(GString *g, const plot_chart *c)
{
    size_t i, named = 0;

    for (i = 0; i < c->n_lines; i++)
        if (c->lines[i].region == c->focus)
            index_sentence(g, c, &c->lines[i]);
    for (i = 0; i < c->n_lines && named < 3; i++)
        if (c->lines[i].region != c->focus && !c->lines[i].context) {
            index_sentence(g, c, &c->lines[i]);
            named++;
        }
    plot_index_note(g, c, PLOT_INDEX_ALT_NAMED);
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

/* A ranked row as the alt text names it: "United States (27.4 trillion
   current US$)" / "美国（…）". */
static void ranked_name(GString *g, const plot_chart *c, const plot_bar *b)
{
    char v[FMT_MAX];

    fmt_value(v, sizeof v, b->value, c->ind, c->lang);
    append_name(g, b->label);
    g_string_append_printf(g, c->lang == FMT_ZH ? "\xef\xbc\x88%s\xef\xbc"
                                                  "\x89" : " (%s)", v);
}

/* A ranking: how many regions in which year, the top three, the lowest,
   the reference lines, the focus's rank. "... 31 regions, 2024, sorted from the highest.
   Highest: Guangdong (...), Jiangsu (...), Shandong (...). Lowest: Tibet
   (...). Chongqing ranks 17 of 31." */
static void ranking_sentences(GString *g, const plot_chart *c)
{
    int zh = c->lang == FMT_ZH;
    size_t i, top = 0, last = 0;

    g_string_append_printf(g, zh ? "%zu\xe4\xb8\xaa\xe5\x9c\xb0\xe5\x8c"
                                   "\xba\xef\xbc\x8c%d\xe5\xb9\xb4\xef\xbc"
                                   "\x8c\xe4\xbb\x8e\xe9\xab\x98\xe5\x88"
                                   "\xb0\xe4\xbd\x8e\xe6\x8e\x92\xe5\x88"
                                   "\x97\xe3\x80\x82\xe6\x9c\x80\xe9\xab"
                                   "\x98\xef\xbc\x9a"  /* N个地区，Y年，从高到低排列。最高： */
                                 : "%zu regions, %d, sorted from the highest. "
                                   "Highest: ", c->n_ranked, c->year);
    for (i = 0; i < c->n_bars && top < 3; i++)
        if (c->bars[i].row == PLOT_ROW_RANKED) {
            if (top++ > 0)
                g_string_append(g, zh ? "\xe3\x80\x81" : ", ");
            ranked_name(g, c, &c->bars[i]);
        }
    for (i = 0; i < c->n_bars; i++)
        if (c->bars[i].row == PLOT_ROW_RANKED)
            last = i;
    if (c->n_ranked > 3) {                       /* 。最低： */
        g_string_append(g, zh ? "\xe3\x80\x82\xe6\x9c\x80\xe4\xbd\x8e"
                                "\xef\xbc\x9a" : ". Lowest: ");
        ranked_name(g, c, &c->bars[last]);
    }
    g_string_append(g, zh ? "\xe3\x80\x82" : ".");
    for (i = 0; i < c->n_refs; i++) {        /* 虚线：全国（2.54%）。 */
        g_string_append(g, zh ? "\xe8\x99\x9a\xe7\xba\xbf\xef\xbc\x9a"
                              : " Dashed line: ");
        ranked_name(g, c, &c->refs[i]);
        g_string_append(g, zh ? "\xe3\x80\x82" : ".");
    }
    for (i = 0; i < c->n_bars; i++)
        if (c->bars[i].highlight && c->bars[i].row == PLOT_ROW_RANKED) {
            if (!zh)
                g_string_append_c(g, ' ');
            append_name(g, c->bars[i].label);
            g_string_append_printf(g, zh ? "\xe6\x8e\x92\xe7\xac\xac%d"
                                           "\xe4\xbd\x8d\xef\xbc\x88\xe5"
                                           "\x85\xb1%zu\xe4\xb8\xaa\xef\xbc"
                                           "\x89\xe3\x80\x82"  /* 排第N位（共M个）。 */
                                         : " ranks %d of %zu.",
                                   c->bars[i].rank, c->n_ranked);
        }
}

/* Small multiples: the panels' order and scale, which a reader of the
   picture sees and a reader of the text must be told.
   " Panels by rank in 2024, the focus region (Chongqing) first. Each
   panel on its own scale." /
   "各图按2024年排名排列，重点地区重庆市居首。各图纵轴刻度不同。" */
static void panels_sentence(GString *g, const plot_chart *c)
{
    int zh = c->lang == FMT_ZH;
    const plot_line *f = c->n_lines && c->lines[0].highlight ? &c->lines[0]
                                                             : NULL;

    if (c->type != PLOT_SMALL)
        return;
    if (c->order_year)                   /* 各图按N年排名排列 */
        g_string_append_printf(g, zh ? "\xe5\x90\x84\xe5\x9b\xbe\xe6\x8c\x89"
                                       "%d\xe5\xb9\xb4\xe6\x8e\x92\xe5\x90\x8d"
                                       "\xe6\x8e\x92\xe5\x88\x97"
                                     : " Panels by rank in %d", c->order_year);
    else                                 /* 各图按资料原有顺序排列 */
        g_string_append(g, zh ? "\xe5\x90\x84\xe5\x9b\xbe\xe6\x8c\x89\xe8\xb5"
                                "\x84\xe6\x96\x99\xe5\x8e\x9f\xe6\x9c\x89\xe9"
                                "\xa1\xba\xe5\xba\x8f\xe6\x8e\x92\xe5\x88\x97"
                              : " Panels in the source's order");
    if (f != NULL) {                     /* ，重点地区X居首 */
        g_string_append(g, zh ? "\xef\xbc\x8c\xe9\x87\x8d\xe7\x82\xb9\xe5\x9c"
                                "\xb0\xe5\x8c\xba"
                              : ", the focus region (");
        append_name(g, f->label);
        g_string_append(g, zh ? "\xe5\xb1\x85\xe9\xa6\x96" : ") first");
    }
    g_string_append(g, zh ? "\xe3\x80\x82" : ".");
    /* 各图纵轴刻度不同。 / 各图纵轴刻度相同。 */
    g_string_append(g, !zh ? c->own_scale ? " Each panel on its own scale."
                                          : " All panels on one scale."
                     : c->own_scale ? "\xe5\x90\x84\xe5\x9b\xbe\xe7\xba\xb5\xe8"
                                      "\xbd\xb4\xe5\x88\xbb\xe5\xba\xa6\xe4\xb8"
                                      "\x8d\xe5\x90\x8c\xe3\x80\x82"
                                    : "\xe5\x90\x84\xe5\x9b\xbe\xe7\xba\xb5\xe8"
                                      "\xbd\xb4\xe5\x88\xbb\xe5\xba\xa6\xe7\x9b"
                                      "\xb8\xe5\x90\x8c\xe3\x80\x82");
}

char *plot_chart_alt_text(const plot_chart *c, const sb_dataset *ds,
                          metrics_ctx *mc)
{
    GString *g = g_string_new(NULL);
    char shown[FMT_MAX];
    /* the unit the chart's axis is in (fmt_form) */
    const char *unit = c->base > 0
                           ? plot_index_words(shown, sizeof shown, c->base,
                                              c->lang)
                           : fmt_shown_unit(shown, sizeof shown, c->ind,
                                            c->lang);
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
    /* every region grey (a focus without data among many): no list */
    if (plot_type_info_of(c->type)->bars || c->n_lines > c->n_context) {
        g_string_append(g, c->lang == FMT_ZH ? "\xef\xbc\x8c" : ", ");
        if (c->type == PLOT_RANKING) {
            ranking_sentences(g, c);
            g_string_append_c(g, '\n');
            return g_string_free(g, FALSE);
        }
        region_list(g, c);
    }
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
                               span_from(c), span_to(c));
    panels_sentence(g, c);
    /* bars: the regions shown without a value, never left unsaid */
    plot_nodata_sentence(g, c);
    /* the focus region first, then the others it is compared with */
    if (c->base > 0)
        index_sentences(g, c);
    for (i = 0; i < c->n_lines && c->base == 0; i++)
        if (c->lines[i].region == c->focus) {
            region_sentence(g, c, c->lines[i].region, c->lines[i].label, mc);
            forecast_sentence(g, c, &c->lines[i]);
        }
    for (i = 0; i < c->n_lines && named < 3 && c->base == 0; i++)
        if (c->lines[i].region != c->focus && !c->lines[i].context) {
            region_sentence(g, c, c->lines[i].region, c->lines[i].label, mc);
            named++;
        }
    context_sentence(g, c);
    g_string_append_c(g, '\n');
    return g_string_free(g, FALSE);
}
