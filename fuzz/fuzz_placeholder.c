/*
 * fuzz/fuzz_placeholder.c -- libFuzzer target: arbitrary text through the
 * placeholder expander ({indicator region figure window}, {finding X},
 * {year} ...) against the example's data, in both languages. Errors are
 * fine; the text it prints may hold no "nan" or "inf".
 */
#include "input/load.h"
#include "metrics/metrics.h"
#include "reports/placeholder.h"

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sb_dataset *ds;
static metrics_ctx *mc;

/* The example, once: SB_FUZZ_TOP is the repository (fuzz/run.sh). */
static int setup(void)
{
    const char *top = g_getenv("SB_FUZZ_TOP");
    char *dir = g_build_filename(top ? top : ".", "examples", "chongqing",
                                 NULL);
    const char *args[1] = {dir};
    input_options o = {0};
    metrics_opts m = {0};
    sb_diag diag;
    sb_error err = {0};

    sb_diag_init(&diag);
    if (input_load(args, 1, &o, &ds, NULL, &diag, &err) != SB_OK ||
        metrics_ctx_create(ds, &m, &mc, &err) != SB_OK)
        abort();                        /* the fuzzer needs its data */
    sb_diag_clear(&diag);
    g_free(dir);
    return 0;
}

/* Where an error is: the text has no file here. */
static void nowhere(void *user, size_t offset, sb_error *err)
{
    (void)user;
    (void)offset;
    (void)err;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    placeholder_ctx c = {0};
    char *text, *out = NULL;
    sb_diag diag;
    sb_error err = {0};
    int lang;

    if (!ready)
        ready = setup() == 0;
    text = g_strndup((const char *)data, size);
    for (lang = 0; lang < 2; lang++) {
        c.ds = ds;
        c.mc = mc;
        c.lang = lang ? FMT_ZH : FMT_EN;
        c.year = 2022;
        c.as_of = 2023;
        sb_diag_init(&diag);
        memset(&err, 0, sizeof err);
        if (placeholder_expand(&c, text, nowhere, NULL, &out, &diag, &err) ==
                SB_OK &&
            (strstr(out, "nan") || strstr(out, "inf")) &&
            !strstr(text, "nan") && !strstr(text, "inf"))
            abort();
        g_free(out);
        out = NULL;
        sb_diag_clear(&diag);
    }
    g_free(text);
    return 0;
}
