/*
 * metrics/revisions_out.c -- the comparison of two vintages written out
 * (statbrief diff): an aligned table for people, CSV (one row per
 * change, fixed columns), JSON, and Markdown for a mail body. One row of
 * formats[] per format.
 *
 * Numbers are the shortest text that reads back to the same double
 * (core/shortest.h), as in check --dump and metrics' CSV: a diff is read
 * by scripts that recompute it.
 */
#include "revisions.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/shortest.h"
#include "core/textio.h"
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
    return c->kind != REV_UNIT && !isnan(c->old) && !isnan(c->new);
}

static double pct(const rev_change *c)
{
    return has_diff(c) && c->old != 0 ? (c->new - c->old) / c->old * 100
                                      : NAN;
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

static void write_csv(FILE *out, const rev_result *r)
{
    char b[SB_SHORTEST_MAX];
    size_t i, k;

    fputs("indicator,region,year,change,old,new,diff,diff_pct,old_flags,"
          "new_flags,old_unit,new_unit\n", out);
    for (i = 0; i < r->n; i++) {
        const rev_change *c = &r->changes[i];
        const char *const *texts[4] = {&c->old_flags, &c->new_flags,
                                       &c->old_unit, &c->new_unit};
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
        for (k = 0; k < 4; k++) {
            fputc(',', out);
            sb_csv_put_text(out, *texts[k]);
        }
        fputc('\n', out);
    }
}

/* ---- json ---------------------------------------------------------------- */

static void json_num(FILE *out, const char *key, double v)
{
    char b[SB_SHORTEST_MAX];

    fprintf(out, "\"%s\":%s", key, isnan(v) ? "null" : num(v, b));
}

static void json_change(FILE *out, const rev_change *c)
{
    fputs("{\"indicator\":", out);
    metrics_json_string(out, c->indicator);
    fputs(",\"region\":", out);
    metrics_json_string(out, c->region);
    fprintf(out, ",\"year\":%d,\"change\":\"%s\",", c->year,
            rev_kind_name(c->kind));
    json_num(out, "old", c->old);
    fputc(',', out);
    json_num(out, "new", c->new);
    fputc(',', out);
    json_num(out, "diff", dif(c));
    fputc(',', out);
    json_num(out, "diff_pct", pct(c));
    fputs(",\"old_flags\":", out);
    metrics_json_string(out, c->old_flags);
    fputs(",\"new_flags\":", out);
    metrics_json_string(out, c->new_flags);
    fputs(",\"old_unit\":", out);
    metrics_json_string(out, c->old_unit);
    fputs(",\"new_unit\":", out);
    metrics_json_string(out, c->new_unit);
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

static void write_json(FILE *out, const rev_result *r)
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
    fputs("]}\n", out);
}

/* ---- the summary sentence (table and md) ---------------------------------- */

static void summary(FILE *out, const rev_stats *s)
{
    char a[SB_SHORTEST_MAX], b[SB_SHORTEST_MAX];

    fprintf(out, "%zu revised, %zu rounded, %zu flag changes, %zu added, "
            "%zu withdrawn", s->n[REV_REVISED], s->n[REV_ROUNDED],
            s->n[REV_FLAGS], s->n[REV_ADDED], s->n[REV_WITHDRAWN]);
    if (s->n[REV_UNIT])
        fputs(", unit changed", out);
    if (s->n[REV_REVISED] == 0)
        return;
    fprintf(out, "; mean revision %s (%.4g%%),", num(s->mean, a),
            s->mean_pct);
    fprintf(out, " mean absolute revision %s (%.4g%%)", num(s->mean_abs, b),
            s->mean_abs_pct);
}

/* ---- table --------------------------------------------------------------- */

enum { NCELL = 8 };
static const char *const heads[NCELL] = {
    "INDICATOR", "REGION", "YEAR", "CHANGE", "OLD", "NEW", "DIFF", "DIFF%",
};

/* The cells of change c; flags and units go into OLD and NEW. */
static void cells(const rev_change *c, char cell[NCELL][SB_SHORTEST_MAX + 96])
{
    char b[SB_SHORTEST_MAX];
    double p = pct(c);

    snprintf(cell[0], sizeof cell[0], "%s", c->indicator);
    snprintf(cell[1], sizeof cell[1], "%s", c->region);
    snprintf(cell[2], sizeof cell[2], c->year ? "%d" : "", c->year);
    snprintf(cell[3], sizeof cell[3], "%s", rev_kind_name(c->kind));
    if (c->kind == REV_UNIT) {
        snprintf(cell[4], sizeof cell[4], "%s", c->old_unit);
        snprintf(cell[5], sizeof cell[5], "%s", c->new_unit);
    } else {
        snprintf(cell[4], sizeof cell[4], "%s%s%s", num(c->old, b),
                 c->old_flags[0] ? " " : "", c->old_flags);
        snprintf(cell[5], sizeof cell[5], "%s%s%s", num(c->new, b),
                 c->new_flags[0] ? " " : "", c->new_flags);
    }
    snprintf(cell[6], sizeof cell[6], "%s", num(dif(c), b));
    snprintf(cell[7], sizeof cell[7], isnan(p) ? "" : "%.3g", p);
}

static void write_table(FILE *out, const rev_result *r)
{
    char cell[NCELL][SB_SHORTEST_MAX + 96];
    int w[NCELL];
    size_t i, k;

    if (r->n == 0)                 /* as diff(1): nothing when the same */
        return;
    for (k = 0; k < NCELL; k++)
        w[k] = sb_text_width(heads[k]);
    for (i = 0; i < r->n; i++) {
        cells(&r->changes[i], cell);
        for (k = 0; k < NCELL; k++)
            if (sb_text_width(cell[k]) > w[k])
                w[k] = sb_text_width(cell[k]);
    }
    for (i = 0; i < r->n_inds; i++) {
        fprintf(out, "%s: ", r->inds[i].indicator);
        summary(out, &r->inds[i]);
        fputc('\n', out);
    }
    fputc('\n', out);
    for (i = 0; i <= r->n; i++) {
        if (i > 0)
            cells(&r->changes[i - 1], cell);
        for (k = 0; k < NCELL; k++) {
            const char *s = i == 0 ? heads[k] : cell[k];
            int pad = w[k] - sb_text_width(s);
            if (k >= 4)            /* numbers to the right */
                fprintf(out, "  %*s%s", pad, "", s);
            else if (k + 1 < NCELL)
                sb_text_pad(out, s, w[k] + 2);
        }
        fputc('\n', out);
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
        if (isnan(pct(c)))
            fputs(" |\n", out);
        else
            fprintf(out, "%.3g |\n", pct(c));
    }
}

static void write_md(FILE *out, const rev_result *r)
{
    size_t i, k;

    fputs("# Revisions between the two vintages\n\n", out);
    summary(out, &r->all);
    fputs(".\n", out);
    for (i = 0; i < r->n_inds; i++) {
        const rev_stats *s = &r->inds[i];
        fprintf(out, "\n## %s\n\n", s->indicator);
        summary(out, s);
        fputs(".\n", out);
        for (k = 0; k < r->n; k++) {
            const rev_change *c = &r->changes[k];
            if (c->kind == REV_UNIT && strcmp(c->indicator, s->indicator) == 0)
                fprintf(out, "\nUnit: %s → %s (not counted as revisions).\n",
                        c->old_unit[0] ? c->old_unit : "none",
                        c->new_unit[0] ? c->new_unit : "none");
        }
        if (s->n_largest > 0)
            md_largest(out, r, s);
    }
}

/* ---- the table of formats ------------------------------------------------ */

static const struct {
    const char *name;
    rev_format f;
    void (*write)(FILE *out, const rev_result *r);
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

int rev_write(FILE *out, const rev_result *r, rev_format f)
{
    size_t i;

    for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (formats[i].f == f)
            formats[i].write(out, r);
    return ferror(out) ? -1 : 0;
}
