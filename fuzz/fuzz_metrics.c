/*
 * fuzz/fuzz_metrics.c -- libFuzzer target: metrics over arbitrary series,
 * and every figure through the formatter. Each 12 bytes are one value:
 * indicator (of 3), region (of 5), year, a double; the first byte picks
 * the options and the kinds. No figure may be infinite, and no printed
 * text may hold "nan", "inf" or a negative zero.
 */
#include "metrics/format.h"
#include "metrics/metrics.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_text(const char *s)
{
    if (strstr(s, "nan") || strstr(s, "inf") || strstr(s, "NaN") ||
        strstr(s, "Inf") || strcmp(s, "\xe2\x88\x92" "0") == 0 ||
        strcmp(s, "-0") == 0)
        fprintf(stderr, "printed \"%s\"\n", s);   /* then abort below */
    if (strstr(s, "nan") || strstr(s, "inf") || strstr(s, "NaN") ||
        strstr(s, "Inf") || strcmp(s, "\xe2\x88\x92" "0") == 0 ||
        strcmp(s, "-0") == 0)
        abort();
}

static void print_all(double v, int decimals)
{
    static const fmt_lang langs[] = {FMT_EN, FMT_ZH};
    char buf[128];
    size_t k;

    for (k = 0; k < 2; k++) {
        check_text(fmt_number(buf, sizeof buf, v, decimals, 1, langs[k]));
        check_text(fmt_percent(buf, sizeof buf, v, decimals, 1, langs[k]));
        check_text(fmt_points(buf, sizeof buf, v, decimals, 1, langs[k]));
        check_text(fmt_axis(buf, sizeof buf, v, decimals, langs[k]));
    }
}

static sb_status rows(void *user, const metrics_row *r, size_t n)
{
    const double *f;
    size_t i, k;

    (void)user;
    for (i = 0; i < n; i++) {
        const double v[] = {r[i].first_value, r[i].last_value, r[i].change,
                            r[i].pct_change, r[i].pp_change, r[i].cagr,
                            r[i].yoy, r[i].multiple, r[i].slope,
                            r[i].intercept, r[i].r2, r[i].trend_growth,
                            r[i].forecast, r[i].forecast_lo,
                            r[i].forecast_hi, r[i].share, r[i].gap,
                            r[i].growth_gap};
        for (k = 0, f = v; k < sizeof v / sizeof v[0]; k++, f++) {
            if (isinf(*f)) {
                fprintf(stderr, "figure %zu is %g\n", k, *f);
                abort();
            }
            print_all(*f, (int)(k % 4));
        }
    }
    return SB_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const inds[] = {"a", "b", "c"};
    static const char *const regs[] = {"P", "Q", "R", "S", "T"};
    sb_dataset *ds = sb_dataset_create();
    metrics_opts o = {0};
    metrics_ctx *mc = NULL;
    sb_diag diag;
    sb_error err = {0};
    size_t i;

    sb_diag_init(&diag);
    for (i = 1; i + 12 <= size; i += 12) {
        sb_obs obs = {0};
        double v;
        memcpy(&v, data + i + 4, sizeof v);
        obs.year = 1990 + (data[i + 2] | data[i + 3] << 8) % 60;
        obs.value = isfinite(v) ? v : NAN;
        obs.state = isfinite(v) ? 0 : SB_OBS_MISSING;
        obs.decimals = (uint8_t)(data[i + 3] % 6);
        sb_dataset_add_obs(ds, sb_dataset_indicator(ds, inds[data[i] % 3]),
                           sb_dataset_region(ds, regs[data[i + 1] % 5]),
                           0, &obs, 0, 0);
    }
    /* the first byte's high bits: the kinds (growth and index too, an
       index on a base year or the previous one) */
    for (i = 0; size > 0 && i < sb_dataset_n_indicators(ds); i++) {
        sb_indicator *ind = sb_dataset_indicator_mut(ds, (sb_id)i);
        ind->kind = (sb_kind)(1 + ((data[0] >> 3) + i) % 5);
        ind->base = ind->kind == SB_KIND_INDEX && (data[0] & 0x80) ? 2000 : 0;
    }
    if (sb_dataset_indicator(ds, "a") != SB_NONE &&
        sb_dataset_finish(ds, &diag, &err) == SB_OK) {
        o.interpolate = size > 0 && (data[0] & 1);
        o.total = size > 0 && (data[0] & 2) ? "P" : NULL;
        o.benchmark = size > 0 && (data[0] & 4) ? "Q" : NULL;
        if (metrics_ctx_create(ds, &o, &mc, &err) == SB_OK)
            metrics_each(mc, NULL, NULL, rows, NULL, &err);
    }
    metrics_ctx_destroy(mc);
    sb_dataset_destroy(ds);
    sb_diag_clear(&diag);
    return 0;
}
