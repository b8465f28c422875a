/*
 * reports/annex.c -- "Revisions since the previous edition": what the
 * data of a rebuilt brief revised since its previous edition, in the
 * terms of a statistics office's revision note (counts, mean revision
 * and mean absolute revision, the largest revisions), and the figures
 * of the brief that changed with them.
 *
 * The comparison is metrics/revisions.c's; the previous figures come
 * from the same figure code run on the previous edition's data
 * (report_opts.previous_mc), so that "previous" is what that edition
 * printed, not a figure recomputed another way.
 */
#include "annex.h"

#include "placeholder.h"

#include <math.h>
#include <string.h>

/* The indicator of the brief a change is about (NULL: not in it). */
static const sb_indicator *ind_of(const parts_ctx *b, const char *id,
                                  sb_id *out)
{
    sb_id i = sb_dataset_find_indicator(b->ds, id);

    if (out != NULL)
        *out = i;
    return i == SB_NONE ? NULL : sb_dataset_indicator_at(b->ds, i);
}

static const char *name_of(const parts_ctx *b, const char *id)
{
    sb_id i;

    return ind_of(b, id, &i) != NULL ? parts_name(b, i) : id;
}

static const char *region_of(const parts_ctx *b, const char *name)
{
    sb_id r = sb_dataset_find_region(b->ds, name);

    return r != SB_NONE ? parts_region(b, r) : name;
}

/* "1.5 billion (0.85%)": a mean in the unit and in percent. */
static char *mean_cell(const parts_ctx *b, const sb_indicator *ind,
                       double v, double pct, size_t n_pct, int sign)
{
    char a[FMT_MAX], p[FMT_MAX];

    if (!isfinite(v))
        return g_strdup(FMT_UNDEFINED);
    if (sign)
        fmt_value_change(a, sizeof a, v, ind, b->lang);
    else
        fmt_value(a, sizeof a, v, ind, b->lang);
    if (n_pct == 0 || !isfinite(pct))
        return g_strdup(a);
    fmt_percent(p, sizeof p, pct, 2, sign, b->lang);
    return g_strdup_printf(L(b, "%s (%s)", "%s（%s）"), a, p);
}

static char *count(size_t n)
{
    return g_strdup_printf("%zu", n);
}

/* One row per indicator: revised, added, withdrawn, rounded, the two
   means. */
static void by_indicator(parts_ctx *b, const rev_result *rev)
{
    static const char *const en[] = {"Indicator", "Revised", "Added",
                                     "Withdrawn", "Rounded", "Mean revision",
                                     "Mean absolute revision"};
    static const char *const zh[] = {"指标", "修订", "新增", "撤回", "舍入",
                                     "平均修订", "平均绝对修订"};
    report_table *t = report_table_create(7);
    size_t i, c;

    for (c = 0; c < 7; c++)
        report_table_head(t, c, L(b, en[c], zh[c]), c > 0);
    report_table_caption(t, L(b, "Revisions by indicator", "各指标修订情况"));
    for (i = 0; i < rev->n_inds; i++) {
        const rev_stats *s = &rev->inds[i];
        const sb_indicator *ind = ind_of(b, s->indicator, NULL);
        char **row = report_table_row(t, 0);
        int any = s->n[REV_REVISED] > 0 && ind != NULL;
        row[0] = g_strdup(name_of(b, s->indicator));
        row[1] = count(s->n[REV_REVISED]);
        row[2] = count(s->n[REV_ADDED]);
        row[3] = count(s->n[REV_WITHDRAWN]);
        row[4] = count(s->n[REV_ROUNDED]);
        row[5] = any ? mean_cell(b, ind, s->mean, s->mean_pct, s->n_pct, 1)
                     : g_strdup(FMT_UNDEFINED);
        row[6] = any ? mean_cell(b, ind, s->mean_abs, s->mean_abs_pct,
                                 s->n_pct, 0)
                     : g_strdup(FMT_UNDEFINED);
    }
    report_doc_table(b->doc, t);
}

/* A paragraph per unit or scale change; flag changes counted. */
static void unit_and_flags(parts_ctx *b, const rev_result *rev)
{
    size_t i;

    for (i = 0; i < rev->n; i++) {
        const rev_change *c = &rev->changes[i];
        char *t;
        if (c->kind != REV_UNIT)
            continue;
        t = g_strdup_printf(L(b, "Unit changed: %s, from \xe2\x80\x9c%s\xe2"
                                 "\x80\x9d to \xe2\x80\x9c%s\xe2\x80\x9d; "
                                 "values are compared in the new unit.",
                              "单位变更：%s由“%s”改为“%s”；数值按新单位比较。"),
                            name_of(b, c->indicator), c->old_unit,
                            c->new_unit);
        report_doc_para(b->doc, REPORT_PARA_BODY, t, NULL);
        g_free(t);
    }
    if (rev->all.n[REV_FLAGS] > 0) {
        char *t = g_strdup_printf(L(b, "Values whose flags alone changed "
                                       "(provisional to final, for "
                                       "example): %zu.",
                                    "仅标记变化的数值（如由初步数改为最终数）"
                                    "：%zu个。"),
                                  rev->all.n[REV_FLAGS]);
        report_doc_para(b->doc, REPORT_PARA_BODY, t, NULL);
        g_free(t);
    }
}

/* The revision of c in the table: in percent of the previous value,
   else (it was 0) in the unit. */
static char *revision_cell(const parts_ctx *b, const sb_indicator *ind,
                           const rev_change *c)
{
    char buf[FMT_MAX];

    if (c->old != 0)
        return g_strdup(fmt_percent(buf, sizeof buf,
                                    100.0 * (c->new - c->old) / fabs(c->old),
                                    2, 1, b->lang));
    return g_strdup(fmt_value_change(buf, sizeof buf, c->new - c->old, ind,
                                     b->lang));
}

/* The largest revisions of each indicator (metrics/revisions.c chose
   them: by percent, else by the difference). */
static void largest(parts_ctx *b, const rev_result *rev)
{
    static const char *const en[] = {"Indicator", "Region", "Year",
                                     "Previous edition", "This edition",
                                     "Revision"};
    static const char *const zh[] = {"指标", "地区", "年份", "上一版",
                                     "本版", "修订幅度"};
    report_table *t = NULL;
    size_t i, k, c;

    for (i = 0; i < rev->n_inds; i++) {
        const rev_stats *s = &rev->inds[i];
        const sb_indicator *ind = ind_of(b, s->indicator, NULL);
        for (k = 0; k < s->n_largest && ind != NULL; k++) {
            const rev_change *ch = &rev->changes[s->largest[k]];
            char buf[FMT_MAX], **row;
            if (t == NULL) {
                t = report_table_create(6);
                for (c = 0; c < 6; c++)
                    report_table_head(t, c, L(b, en[c], zh[c]), c > 1);
                report_table_caption(t, L(b, "Largest revisions",
                                          "最大修订"));
            }
            row = report_table_row(t, 0);
            row[0] = g_strdup(name_of(b, s->indicator));
            row[1] = g_strdup(region_of(b, ch->region));
            row[2] = g_strdup_printf("%d", ch->year);
            row[3] = g_strdup(fmt_value(buf, sizeof buf, ch->old, ind,
                                        b->lang));
            row[4] = g_strdup(fmt_value(buf, sizeof buf, ch->new, ind,
                                        b->lang));
            row[5] = revision_cell(b, ind, ch);
        }
    }
    if (t == NULL)
        return;
    report_doc_heading(b->doc, 2, L(b, "Largest revisions", "最大修订"),
                       NULL, 0);
    report_doc_table(b->doc, t);
}

/* ---- the brief's figures, previous edition and this one ---- */

/* The figures of (ind, focus) in ds up to the brief's year: 0 when
   none. */
static int figures_of(const parts_ctx *b, const sb_dataset *ds,
                      metrics_ctx *mc, const char *id, metrics_row *r)
{
    sb_id ind = sb_dataset_find_indicator(ds, id), reg;
    const sb_series *s;
    sb_error ignore = {0};
    int to;

    if (ind == SB_NONE || metrics_focus(b->mc) == SB_NONE)
        return 0;
    reg = sb_dataset_find_region(ds, sb_dataset_region_at(
                                         b->ds, metrics_focus(b->mc))->name);
    s = reg != SB_NONE ? sb_dataset_find_series(ds, ind, reg) : NULL;
    to = s != NULL ? sb_series_last_year(s, b->year) : 0;
    if (to == 0 || (b->o->from && to < b->o->from))
        return 0;
    return metrics_get(mc, ind, reg, b->o->from, to, r, &ignore) == SB_OK;
}

/* Figure f of r as the brief prints it (g_free); the latest value with
   its year. */
static char *figure_text(const parts_ctx *b, const sb_dataset *ds,
                         metrics_ctx *mc, const metrics_field *f,
                         const metrics_row *r)
{
    placeholder_ctx pc = {ds, mc, b->lang, b->year, b->o->from, b->as_of,
                          NULL, NULL, b->brief_year, NULL};
    GString *g = g_string_new(NULL);

    if (strcmp(f->name, "rank") == 0) {
        g_string_free(g, TRUE);
        return parts_rank(b, r);
    }
    placeholder_print(g, &pc, f, r);
    if (strcmp(f->name, "value") == 0 && r->last_year != 0)
        g_string_append_printf(g, L(b, " (%d)", "（%d年）"), r->last_year);
    return g_string_free(g, FALSE);
}

/* The figures the brief quotes for the focus region (its key findings
   and summary: the latest value, the change, the CAGR, the rank) that
   print differently from the previous edition's. */
static void key_figures(parts_ctx *b, const rev_result *rev)
{
    static const char *const names[] = {"value", "pct_change", "pp_change",
                                        "cagr", "rank"};
    report_table *t = report_table_create(4);
    metrics_ctx *old_mc = b->o->previous_mc;
    size_t i, k, rows = 0;

    report_table_head(t, 0, L(b, "Indicator", "指标"), 0);
    report_table_head(t, 1, L(b, "Figure", "数字"), 0);
    report_table_head(t, 2, L(b, "Previous edition", "上一版"), 1);
    report_table_head(t, 3, L(b, "This edition", "本版"), 1);
    report_table_caption(t, L(b, "Key figures that changed",
                              "有变化的主要数字"));
    metrics_set_years(old_mc, b->o->from, b->year);
    for (i = 0; i < rev->n_inds; i++) {
        metrics_row now, was;
        if (!figures_of(b, b->ds, b->mc, rev->inds[i].indicator, &now) ||
            !figures_of(b, b->o->previous, old_mc, rev->inds[i].indicator,
                        &was))
            continue;
        for (k = 0; k < G_N_ELEMENTS(names); k++) {
            const metrics_field *f = metrics_field_find(names[k],
                                                        METRICS_USE_TEXT);
            char *a, *n, **row;
            if (f == NULL || (metrics_field_undefined(f, &now) &&
                              metrics_field_undefined(f, &was)))
                continue;
            a = figure_text(b, b->o->previous, old_mc, f, &was);
            n = figure_text(b, b->ds, b->mc, f, &now);
            if (strcmp(a, n) == 0) {
                g_free(a);
                g_free(n);
                continue;
            }
            row = report_table_row(t, 0);
            row[0] = g_strdup(name_of(b, rev->inds[i].indicator));
            row[1] = g_strdup(L(b, f->head_en, f->head_zh));
            row[2] = a;
            row[3] = n;
            rows++;
        }
    }
    report_doc_heading(b->doc, 2, L(b, "Key figures that changed",
                                    "主要数字的变化"), NULL, 0);
    if (rows == 0) {
        report_table_destroy(t);
        report_doc_para(b->doc, REPORT_PARA_BODY,
                        L(b, "No figure this brief quotes for its focus "
                             "region changed.",
                          "本简报引用的重点地区数字均无变化。"), NULL);
        return;
    }
    report_doc_table(b->doc, t);
}

void annex_add(parts_ctx *b)
{
    const rev_result *rev = b->o->revisions;

    if (rev == NULL)
        return;
    report_doc_heading(b->doc, 1, L(b, "Revisions since the previous edition",
                                    "数据修订说明"), "revisions", 1);
    report_doc_para(b->doc, REPORT_PARA_BODY,
                    L(b, "The data of this brief were revised since its "
                         "previous edition. Counted over the indicators, "
                         "regions and years the brief shows; the full list "
                         "is the revisions CSV beside the brief.",
                      "本简报所用数据自上一版以来有修订。以下按本简报涉及的"
                      "指标、地区和年份统计；完整清单见简报旁的修订CSV文件。"),
                    NULL);
    by_indicator(b, rev);
    report_doc_para(b->doc, REPORT_PARA_NOTE,
                    L(b, "Mean revision: the mean of (this edition \xe2\x88\x92"
                         " previous) over the revised values; mean absolute "
                         "revision: the mean of its size. In brackets, in "
                         "percent of the previous value. A value republished "
                         "with fewer decimals and equal at the coarser "
                         "precision is counted as rounded, not revised.",
                      "平均修订：各修订值（本版−上一版）的平均数；平均绝对修订："
                      "其绝对值的平均数。括号内为相对于上一版数值的百分比。"
                      "以较少小数位重新发布、在较粗精度下相等的数值计为舍入，"
                      "不计为修订。"), NULL);
    unit_and_flags(b, rev);
    largest(b, rev);
    if (b->o->previous != NULL && b->o->previous_mc != NULL &&
        metrics_focus(b->mc) != SB_NONE)
        key_figures(b, rev);
}
