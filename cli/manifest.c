/*
 * cli/manifest.c -- the manifest as JSON, keys in a fixed order.
 */
#include "manifest.h"

#include "core/outfile.h"
#include "log.h"
#include "reports/qpdflib.h"

#include <cairo.h>
#include <csv.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <gsl/gsl_version.h>
#include <pango/pango.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>
#include <zlib.h>
#include <openssl/crypto.h>

static void libraries(GString *g)
{
    sb_error ignored = {0};
    const qpdflib *q;
    char v[64];

    g_string_append(g, "  \"libraries\": {\n    \"cairo\": ");
    cli_json_string(g, cairo_version_string());
    g_string_append(g, ",\n    \"fontconfig\": ");
    snprintf(v, sizeof v, "%d.%d.%d", FcGetVersion() / 10000,
             FcGetVersion() / 100 % 100, FcGetVersion() % 100);
    cli_json_string(g, v);
    g_string_append(g, ",\n    \"glib\": ");
    snprintf(v, sizeof v, "%u.%u.%u", glib_major_version, glib_minor_version,
             glib_micro_version);
    cli_json_string(g, v);
    g_string_append(g, ",\n    \"gsl\": ");
    cli_json_string(g, gsl_version);
    g_string_append(g, ",\n    \"libcsv\": ");
    snprintf(v, sizeof v, "%d.%d.%d", CSV_MAJOR, CSV_MINOR, CSV_RELEASE);
    cli_json_string(g, v);
    g_string_append(g, ",\n    \"libyaml\": ");
    cli_json_string(g, yaml_get_version_string());
    g_string_append(g, ",\n    \"openssl\": ");      /* the digests */
    cli_json_string(g, OpenSSL_version(OPENSSL_VERSION_STRING));
    g_string_append(g, ",\n    \"pango\": ");
    cli_json_string(g, pango_version_string());
    g_string_append(g, ",\n    \"qpdf\": ");
    /* the library a brief's links would load; null when it cannot be
       loaded (a brief with links would then fail, saying why) */
    q = qpdflib_get(&ignored);
    if (q != NULL)
        cli_json_string(g, q->qpdf_get_qpdf_version());
    else
        g_string_append(g, "null");
    g_string_append(g, ",\n    \"zlib\": ");    /* the previous vintage */
    cli_json_string(g, zlibVersion());
    g_string_append(g, "\n  },\n");
}

/* The font file fontconfig gives for a family and language: what Pango
   draws with when the family is asked for. */
static void font(GString *g, const char *family, const char *lang, int first)
{
    FcPattern *p = FcPatternCreate(), *m;
    FcResult res;
    FcChar8 *file = NULL, *fam = NULL;
    int version = 0;

    FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)family);
    FcPatternAddString(p, FC_LANG, (const FcChar8 *)lang);
    FcConfigSubstitute(NULL, p, FcMatchPattern);
    FcDefaultSubstitute(p);
    m = FcFontMatch(NULL, p, &res);
    g_string_append_printf(g, "%s    {\"lang\": ", first ? "" : ",\n");
    cli_json_string(g, lang);
    g_string_append(g, ", \"family\": ");
    cli_json_string(g, m && FcPatternGetString(m, FC_FAMILY, 0, &fam) == FcResultMatch
               ? (const char *)fam : family);
    g_string_append(g, ", \"file\": ");
    cli_json_string(g, m && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch
               ? (const char *)file : "");
    if (m && FcPatternGetInteger(m, FC_FONTVERSION, 0, &version) ==
                 FcResultMatch)
        g_string_append_printf(g, ", \"version\": \"%d.%03d\"",
                               version >> 16, (version & 0xffff) * 1000 /
                                                  65536);
    g_string_append(g, "}");
    if (m)
        FcPatternDestroy(m);
    FcPatternDestroy(p);
}

static void fonts(GString *g, const char *langs)
{
    int first = 1;

    g_string_append(g, "  \"fonts\": [\n");
    if (strstr(langs, "en")) {
        font(g, "Noto Sans", "en", first);
        first = 0;
    }
    if (strstr(langs, "zh")) {
        font(g, "Noto Sans CJK SC", "zh-cn", first);
        first = 0;
    }
    g_string_append(g, "\n  ],\n");
}

static int by_name(const void *a, const void *b)
{
    return strcmp((*(const cli_entry *const *)a)->name,
                  (*(const cli_entry *const *)b)->name);
}

/* 1 when e's file is there as recorded, as far as a look can tell: a
   regular file of its size (a deleted, renamed or cut output is not;
   the next run that writes it records it again). */
static int present(const cli_state *s, const cli_entry *e)
{
    char *path = cli_state_file(s, e->name);
    struct stat st;
    int there = lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
                (size_t)st.st_size == e->bytes;

    g_free(path);
    return there;
}

/* The outputs that are there, sorted by name: n of them. */
static const cli_entry **listed(const cli_state *s, size_t *n)
{
    const cli_entry **e = g_new(const cli_entry *, s->n_entries + 1);
    size_t i;

    *n = 0;
    for (i = 0; i < s->n_entries; i++)
        if (present(s, &s->entries[i]))
            e[(*n)++] = &s->entries[i];
    qsort(e, *n, sizeof *e, by_name);
    return e;
}

static void outputs(GString *g, const cli_entry **e, size_t n)
{
    size_t i;

    g_string_append(g, "  \"outputs\": [");
    for (i = 0; i < n; i++) {
        g_string_append(g, i ? ",\n    {\"path\": " : "\n    {\"path\": ");
        cli_json_string(g, e[i]->name);
        g_string_append(g, ", \"sha256\": ");
        cli_json_string(g, e[i]->sha256);
        g_string_append_printf(g, ", \"bytes\": %zu, \"command\": ",
                               e[i]->bytes);
        cli_json_string(g, e[i]->command);
        g_string_append(g, ", \"inputs\": ");
        cli_json_string(g, e[i]->set);
        if (e[i]->prev[0] != '\0') {  /* compared with the last edition's */
            g_string_append(g, ", \"previous_inputs\": ");
            cli_json_string(g, e[i]->prev);
        }
        g_string_append(g, "}");
    }
    g_string_append(g, "\n  ],\n");
}

/* Input sets of the listed outputs e (n), in the order the store keeps
   them (first use). */
static void inputs(GString *g, const cli_state *s, const cli_entry **e,
                   size_t n)
{
    size_t i;
    const char *open = NULL;

    g_string_append(g, "  \"inputs\": {");
    for (i = 0; i < s->n_inputs; i++) {
        const cli_set_input *in = &s->inputs[i];
        int used = 0;
        size_t k;
        for (k = 0; k < n && !used; k++)
            used = strcmp(e[k]->set, in->set) == 0 ||
                   strcmp(e[k]->prev, in->set) == 0;
        if (!used)
            continue;
        if (open == NULL || strcmp(open, in->set) != 0) {
            g_string_append(g, open ? "\n    ],\n    " : "\n    ");
            cli_json_string(g, in->set);
            g_string_append(g, ": [");
            open = in->set;
        } else {
            g_string_append_c(g, ',');
        }
        g_string_append(g, "\n      {\"path\": ");
        cli_json_string(g, in->in.path);
        g_string_append(g, ", \"sha256\": ");
        cli_json_string(g, in->in.sha256);
        g_string_append_printf(g, ", \"bytes\": %zu}", in->in.bytes);
    }
    g_string_append(g, open ? "\n    ]\n  }\n" : "}\n");
}

sb_status cli_manifest_write(const cli_state *s, const char *tag,
                             const char *langs, long long epoch,
                             int epoch_given, sb_error *err)
{
    GString *g = g_string_new("{\n  \"statbrief\": \"" SB_VERSION "\",\n");
    char *path = cli_manifest_path(s->dir, tag);
    size_t n;
    const cli_entry **e = listed(s, &n);
    sb_status rc;

    if (epoch_given)
        g_string_append_printf(g, "  \"source_date_epoch\": %lld,\n", epoch);
    else
        g_string_append(g, "  \"source_date_epoch\": null,\n");
    libraries(g);
    fonts(g, langs);
    outputs(g, e, n);
    inputs(g, s, e, n);
    g_string_append(g, "}\n");
    rc = sb_out_write(path, g->str, g->len, err);
    g_free(path);
    g_free(e);
    g_string_free(g, TRUE);
    return rc;
}

char *cli_manifest_path(const char *dir, const char *tag)
{
    char *name = g_strdup_printf("statbrief-manifest%s.json", tag);
    char *path = g_build_filename(dir, name, NULL);

    g_free(name);
    return path;
}
