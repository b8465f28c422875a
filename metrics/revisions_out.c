/*
 * metrics/revisions_out.c -- the comparison of two vintages written out
 * (statbrief diff): an aligned table for people, CSV (one row per
 * change, fixed columns), JSON, and Markdown for a mail body. One row of
 * formats[] per format.
 *
 * Numbers in csv and json are the shortest text that reads back to the
 * same double (core/shortest.h), as in check --dump and metrics' CSV: a
 * diff is read by scripts that recompute it. The table and md are read
 * by people: their means and figures are in the indicator's number form
 * (metrics/format.h), in English (diff has no --lang; its words are
 * fixed, as diff(1)'s).
 */
#include "revisions.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/shortest.h"
#include "core/textio.h"
#include "metrics/figdiff.h"
#include "metrics/format.h"
#include "metrics/output.h"

/* v as text; "" for NaN (absent). */
static const char *num(double v, char *buf)
{
    if (isnan(v))
        buf[0] = '\0';
    else
        sb_format_shortest(v, buf);
    return buf;
}

/* 1 when the change has both values, so a difference. */
static int has_diff(const rev_change *c)
{
    return c->kind != REV_UNIT && c->kind != REV_META && !isnan(c->old) &&
           !isnan(c->new);
}

static double pct(const rev_change *c)
{
    return has_diff(c) && c->old != 0 ? (c->new - c->old) / c->old * 100
                                      : NAN;
}

/* A percent of the old value for people: three significant digits
   (0.0028, 1.82, −47.5), whole from 1,000 on (4629, never 4.63e+03);
   "" for NaN. */
static const char *pct_text(double p, char *buf, size_t size)
{
    if (isnan(p))
        buf[0] = '\0';
    else
        snprintf(buf, size, fabs(p) >= 1000 ? "%.0f" : "%.3g", p);
    return buf;
}

/* new - old at the published precision (1.3 - 1.234 is 0.066, not
   0.06600000000000006); as computed when a scale was converted. */
static double dif(const rev_change *c)
{
    double d = c->new - c->old, p;

    if (!has_diff(c))
        return NAN;
    if (c->decimals < 0 || c->decimals > 15)
        return d;
    p = pow(10.0, c->decimals);
    return round(d * p) / p;
}

/* ---- csv ----------------------------------------------------------------- */

/* A figure's difference and, for a figure in the unit, its percent of
   old: NaN when a side is undefined, the figure is not alike on both
   sides (or old is 0). */
static double fig_diff(const figdiff_change *c)
{
    return c->alike ? c->new - c->old : NAN;
}

static double fig_pct(const figdiff_change *c)
{
    return c->alike && figdiff_in_unit(c->field) && c->old != 0
               ? (c->new - c->old) / c->old * 100 : NAN;
}

/* The figure rows: change "figure", the figure's name in "field", the
   other columns empty. */
static void csv_figures(FILE *out, const figdiff_result *fig)
{
    char b[SB_SHORTEST_MAX];
    size_t i;

    for (i = 0; fig != NULL && i < fig->n; i++) {
        const figdiff_change *c = &fig->v[i];
        sb_csv_put_text(out, c->indicator);
        fputc(',', out);
        sb_csv_put_text(out, c->region);
        fprintf(out, ",,figure,%s", num(c->old, b));
        fprintf(out, ",%s", num(c->new, b));
        fprintf(out, ",%s", num(fig_diff(c), b));
        fprintf(out, ",%s,,,,,%s,,\n", num(fig_pct(c), b), c->field->name);
    }
}

static void write_csv(FILE *out, const rev_result *r,
                      const figdiff_result *fig)
{
    char b[SB_SHORTEST_MAX];
    size_t i, k;

    fputs("indicator,region,year,change,old,new,diff,diff_pct,old_flags,"
          "new_flags,old_unit,new_unit,field,old_text,new_text\n", out);
    for (i = 0; i < r->n; i++) {
        const rev_change *c = &r->changes[i];
        const char *const *texts[7] = {&c->old_flags, &c->new_flags,
                                       &c->old_unit, &c->new_unit, &c->attr,
                                       &c->old_text, &c->new_text};
        sb_csv_put_text(out, c->indicator);
        fputc(',', out);
        sb_csv_put_text(out, c->region);
        if (c->year)
            fprintf(out, ",%d", c->year);
        else
            fputc(',', out);
        fprintf(out, ",%s", rev_kind_name(c->kind));
        fprintf(out, ",%s", num(c->old, b));
        fprintf(out, ",%s", num(c->new, b));
        fprintf(out, ",%s", num(dif(c), b));
        fprintf(out, ",%s", num(pct(c), b));
        for (k = 0; k < 7; k++) {
            fputc(',', out);
            sb_csv_put_text(out, *texts[k]);
        }
        fputc('\n', out);
    }
    csv_figures(out, fig);
}

/* ---- json ---------------------------------------------------------------- */

static void json_num(FILE *out, const char *key, double v)
{
    char b[SB_SHORTEST_MAX];

    fprintf(out, "\"%s\":%s", key, isnan(v) ? "null" : num(v, b));
}

/* {"indicator":..,"region":.., the object left open. */
static void json_head(FILE *out, const char *indicator, const char *region)
{
    fputs("{\"indicator\":", out);
    metrics_json_string(out, indicator);
    fputs(",\"region\":", out);
    metrics_json_string(out, region);
}

/* ,"old":..,"new":..,"diff":..,"diff_pct":.. */
static void json_numbers(FILE *out, const double v[4])
{
    static const char *const keys[] = {"old", "new", "diff", "diff_pct"};
    size_t k;

    for (k = 0; k < 4; k++) {
        fputc(',', out);
        json_num(out, keys[k], v[k]);
    }
}

static void json_change(FILE *out, const rev_change *c)
{
    static const char *const keys[] = {"old_flags", "new_flags", "old_unit",
        "new_unit", "field", "old_text", "new_text"};
    const char *const vals[] = {c->old_flags, c->new_flags, c->old_unit,
                                c->new_unit, c->attr, c->old_text,
                                c->new_text};
    const double v[4] = {c->old, c->new, dif(c), pct(c)};
    size_t k;

    json_head(out, c->indicator, c->region);
    fprintf(out, ",\"year\":%d,\"change\":\"%s\"", c->year,
            rev_kind_name(c->kind));
    json_numbers(out, v);
    for (k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        fprintf(out, ",\"%s\":", keys[k]);
        metrics_json_string(out, vals[k]);
    }
    fputc('}', out);
}

static void json_figure(FILE *out, const figdiff_change *c)
{
    const double v[4] = {c->old, c->new, fig_diff(c), fig_pct(c)};

    json_head(out, c->indicator, c->region);
    fprintf(out, ",\"figure\":\"%s\"", c->field->name);
    json_numbers(out, v);
    fputc('}', out);
}

static void json_stats(FILE *out, const rev_result *r, const rev_stats *s)
{
    size_t k;

    fputs("{\"indicator\":", out);
    metrics_json_string(out, s->indicator);
    for (k = 0; k < REV_N; k++)
        fprintf(out, ",\"%s\":%zu", rev_kind_name((rev_kind)k), s->n[k]);
    fputc(',', out);
    json_num(out, "mean_revision", s->mean);
    fputc(',', out);
    json_num(out, "mean_abs_revision", s->mean_abs);
    fputc(',', out);
    json_num(out, "mean_revision_pct", s->mean_pct);
    fputc(',', out);
    json_num(out, "mean_abs_revision_pct", s->mean_abs_pct);
    fputs(",\"largest\":[", out);
    for (k = 0; k < s->n_largest; k++) {
        if (k)
            fputc(',', out);
        json_change(out, &r->changes[s->largest[k]]);
    }
    fputs("]}", out);
}

static void write_json(FILE *out, const rev_result *r,
                       const figdiff_result *fig)
{
    size_t i;

    fputs("{\"total\":", out);
    json_stats(out, r, &r->all);
    fputs(",\n\"indicators\":[", out);
    for (i = 0; i < r->n_inds; i++) {
        fputs(i ? ",\n" : "\n", out);
        json_stats(out, r, &r->inds[i]);
    }
    fputs("],\n\"changes\":[", out);
    for (i = 0; i < r->n; i++) {
        fputs(i ? ",\n" : "\n", out);
        json_change(out, &r->changes[i]);
    }
    fputs("],\n\"figures\":[", out);
    for (i = 0; fig != NULL && i < fig->n; i++) {
        fputs(i ? ",\n" : "\n", out);
        json_figure(out, &fig->v[i]);
    }
    fputs("]}\n", out);
}

/* ---- the summary sentence (table and md) ---------------------------------- */

/* The counts and means of s; the means in the number form of ind (the
   indicator's, or all of one indicator), in percent only without one
   (several indicators have no common unit); percentages at two decimals
   (revisions are small: 0.85%, not 0.9%). */
static void summary(FILE *out, const rev_stats *s, const sb_indicator *ind)
{
    char a[FMT_MAX], b[FMT_MAX], pa[FMT_MAX], pb[FMT_MAX];

    fprintf(out, "%zu revised, %zu rounded, %zu flag changes, %zu added, "
            "%zu withdrawn", s->n[REV_REVISED], s->n[REV_ROUNDED],
            s->n[REV_FLAGS], s->n[REV_ADDED], s->n[REV_WITHDRAWN]);
    if (s->n[REV_UNIT])
        fputs(", unit changed", out);
    if (s->n[REV_META])
        fputs(", metadata changed", out);
    if (s->n[REV_REVISED] == 0)
        return;
    fmt_percent(pa, sizeof pa, s->mean_pct, 2, 1, FMT_EN);
    fmt_percent(pb, sizeof pb, s->mean_abs_pct, 2, 0, FMT_EN);
    if (ind == NULL) {
        fprintf(out, "; mean revision %s, mean absolute revision %s", pa, pb);
        return;
    }
    fprintf(out, "; mean revision %s (%s),",
            fmt_value_change(a, sizeof a, s->mean, ind, FMT_EN), pa);
    fprintf(out, " mean absolute revision %s (%s)",
            fmt_value(b, sizeof b, s->mean_abs, ind, FMT_EN), pb);
}

/* The indicator of the totals: the one indicator when there is one. */
static const sb_indicator *all_ind(const rev_result *r)
{
    return r->n_inds == 1 ? r->inds[0].ind : NULL;
}

/* ---- table --------------------------------------------------------------- */

enum { NCELL = 8, CELL = 1024 };
typedef char cells_t[NCELL][CELL];

/* An aligned table of n rows: heads, then the cells fill gives for each
   row; columns from `right` on are numbers, to the right. */
typedef struct {
    const char *const *heads;
    int ncell, right;
    void (*fill)(const void *rows, size_t i, cells_t cell);
} aligned;

static void write_aligned(FILE *out, const aligned *t, const void *rows,
                          size_t n)
{
    cells_t cell;
    int w[NCELL], k;
    size_t i;

    for (k = 0; k < t->ncell; k++)
        w[k] = sb_text_width(t->heads[k]);
    for (i = 0; i < n; i++) {
        t->fill(rows, i, cell);
        for (k = 0; k < t->ncell; k++)
            if (sb_text_width(cell[k]) > w[k])
                w[k] = sb_text_width(cell[k]);
    }
    for (i = 0; i <= n; i++) {
        if (i > 0)
            t->fill(rows, i - 1, cell);
        for (k = 0; k < t->ncell; k++) {
            const char *s = i == 0 ? t->heads[k] : cell[k];
            int pad = w[k] - sb_text_width(s);
            if (k >= t->right)
                fprintf(out, "  %*s%s", pad, "", s);
            else if (k + 1 < t->ncell)
                sb_text_pad(out, s, w[k] + 2);
        }
        fputc('\n', out);
    }
}

static const char *const change_heads[] = {
    "INDICATOR", "REGION", "YEAR", "CHANGE", "OLD", "NEW", "DIFF", "DIFF%",
};

/* The cells of change i; flags and units go into OLD and NEW, a
   metadata change's texts too. */
static void change_cells(const void *rows, size_t i, cells_t cell)
{
    const rev_change *c = (const rev_change *)rows + i;
    char b[SB_SHORTEST_MAX];
    double p = pct(c);

    snprintf(cell[0], CELL, "%s", c->indicator);
    snprintf(cell[1], CELL, "%s", c->region);
    snprintf(cell[2], CELL, c->year ? "%d" : "", c->year);
    snprintf(cell[3], CELL, "%s%s%s", rev_kind_name(c->kind),
             c->attr[0] ? ":" : "", c->attr);
    if (c->kind == REV_META) {
        snprintf(cell[4], CELL, "%s", c->old_text);
        snprintf(cell[5], CELL, "%s", c->new_text);
    } else if (c->kind == REV_UNIT) {
        snprintf(cell[4], CELL, "%s", c->old_unit);
        snprintf(cell[5], CELL, "%s", c->new_unit);
    } else {
        snprintf(cell[4], CELL, "%s%s%s", num(c->old, b),
                 c->old_flags[0] ? " " : "", c->old_flags);
        snprintf(cell[5], CELL, "%s%s%s", num(c->new, b),
                 c->new_flags[0] ? " " : "", c->new_flags);
    }
    snprintf(cell[6], CELL, "%s", num(dif(c), b));
    pct_text(p, cell[7], CELL);
}

static const char *const figure_heads[] = {
    "INDICATOR", "REGION", "FIGURE", "OLD", "NEW", "DIFF",
};

/* A figure's cells, in the indicator's number form. */
static void figure_cells(const void *rows, size_t i, cells_t cell)
{
    const figdiff_change *c = (const figdiff_change *)rows + i;

    snprintf(cell[0], CELL, "%s", c->indicator);
    snprintf(cell[1], CELL, "%s", c->region);
    snprintf(cell[2], CELL, "%s", c->field->name);
    figdiff_print(cell[3], CELL, c, FIGDIFF_OLD, FMT_EN);
    figdiff_print(cell[4], CELL, c, FIGDIFF_NEW, FMT_EN);
    figdiff_print(cell[5], CELL, c, FIGDIFF_DIFF, FMT_EN);
}

static const aligned change_table = {change_heads, 8, 4, change_cells};
static const aligned figure_table = {figure_heads, 6, 3, figure_cells};

static void write_table(FILE *out, const rev_result *r,
                        const figdiff_result *fig)
{
    size_t i;

    if (r->n == 0)                 /* as diff(1): nothing when the same */
        return;
    for (i = 0; i < r->n_inds; i++) {
        fprintf(out, "%s: ", r->inds[i].indicator);
        summary(out, &r->inds[i], r->inds[i].ind);
        fputc('\n', out);
    }
    fputc('\n', out);
    write_aligned(out, &change_table, r->changes, r->n);
    if (fig != NULL && fig->n > 0) {
        fputs("\nFigures that change (statbrief metrics on each side):\n\n",
              out);
        write_aligned(out, &figure_table, fig->v, fig->n);
    }
}

/* ---- md (a mail body) ---------------------------------------------------- */

static void md_largest(FILE *out, const rev_result *r, const rev_stats *s)
{
    char a[SB_SHORTEST_MAX], b[SB_SHORTEST_MAX], d[SB_SHORTEST_MAX];
    size_t k;

    fputs("\nLargest revisions:\n\n| Region | Year | Old | New | Revision "
          "| % of old |\n|---|---:|---:|---:|---:|---:|\n", out);
    for (k = 0; k < s->n_largest; k++) {
        const rev_change *c = &r->changes[s->largest[k]];
        fprintf(out, "| %s | %d | %s | %s | %s | ", c->region, c->year,
                num(c->old, a), num(c->new, b), num(dif(c), d));
        fprintf(out, "%s |\n", pct_text(pct(c), b, sizeof b));
    }
}

/* The unit and metadata changes of indicator s. */
static void md_meta(FILE *out, const rev_result *r, const rev_stats *s)
{
    size_t k;

    for (k = 0; k < r->n; k++) {
        const rev_change *c = &r->changes[k];
        if (strcmp(c->indicator, s->indicator) != 0)
            continue;
        if (c->kind == REV_UNIT)
            fprintf(out, "\nUnit: %s → %s (not counted as revisions).\n",
                    c->old_unit[0] ? c->old_unit : "none",
                    c->new_unit[0] ? c->new_unit : "none");
        else if (c->kind == REV_META)
            fprintf(out, "\nMetadata, %s: %s → %s.\n", c->attr,
                    c->old_text[0] ? c->old_text : "none",
                    c->new_text[0] ? c->new_text : "none");
    }
}

/* The figures of indicator s that change, in its number form. */
static void md_figures(FILE *out, const figdiff_result *fig,
                       const rev_stats *s)
{
    char a[FMT_MAX], b[FMT_MAX], d[FMT_MAX];
    size_t k;
    int head = 0;

    for (k = 0; fig != NULL && k < fig->n; k++) {
        const figdiff_change *c = &fig->v[k];
        if (strcmp(c->indicator, s->indicator) != 0)
            continue;
        if (!head++)
            fputs("\nFigures that change:\n\n| Region | Figure | Old | New "
                  "| Change |\n|---|---|---:|---:|---:|\n", out);
        fprintf(out, "| %s | %s | %s | %s | %s |\n", c->region,
                c->field->name, figdiff_print(a, sizeof a, c, FIGDIFF_OLD,
                                              FMT_EN),
                figdiff_print(b, sizeof b, c, FIGDIFF_NEW, FMT_EN),
                figdiff_print(d, sizeof d, c, FIGDIFF_DIFF, FMT_EN));
    }
}

static void write_md(FILE *out, const rev_result *r,
                     const figdiff_result *fig)
{
    size_t i;

    fputs("# Revisions between the two vintages\n\n", out);
    summary(out, &r->all, all_ind(r));
    fputs(".\n", out);
    for (i = 0; i < r->n_inds; i++) {
        const rev_stats *s = &r->inds[i];
        fprintf(out, "\n## %s\n\n", s->indicator);
        summary(out, s, s->ind);
        fputs(".\n", out);
        md_meta(out, r, s);
        if (s->n_largest > 0)
            md_largest(out, r, s);
        md_figures(out, fig, s);
    }
}

/* ---- the table of formats ------------------------------------------------ */

static const struct {
    const char *name;
    rev_format f;
    void (*write)(FILE *out, const rev_result *r, const figdiff_result *fig);
} formats[] = {
    {"table", REV_FMT_TABLE, write_table},
    {"csv", REV_FMT_CSV, write_csv},
    {"json", REV_FMT_JSON, write_json},
    {"md", REV_FMT_MD, write_md},
};

int rev_format_parse(const char *s, rev_format *f)
{
    size_t i;

    for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(s, formats[i].name) == 0) {
            *f = formats[i].f;
            return 0;
        }
    return -1;
}

int rev_write_figures(FILE *out, const rev_result *r,
                      const figdiff_result *fig, rev_format f)
{
    size_t i;

    for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (formats[i].f == f)
            formats[i].write(out, r, fig);
    return ferror(out) ? -1 : 0;
}

int rev_write(FILE *out, const rev_result *r, rev_format f)
{
    return rev_write_figures(out, r, NULL, f);
}
