/*
 * cli/digest.c -- SHA-256 through GLib's GChecksum.
 */
#include "digest.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

int cli_sha256_file(const char *path, char hex[CLI_HEX], size_t *bytes)
{
    GChecksum *c;
    unsigned char buf[65536];
    size_t n, total = 0;
    FILE *fp = fopen(path, "rb");

    if (fp == NULL)
        return -1;
    c = g_checksum_new(G_CHECKSUM_SHA256);
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        g_checksum_update(c, buf, (gssize)n);
        total += n;
    }
    if (ferror(fp)) {
        fclose(fp);
        g_checksum_free(c);
        return -1;
    }
    fclose(fp);
    g_strlcpy(hex, g_checksum_get_string(c), CLI_HEX);
    g_checksum_free(c);
    if (bytes != NULL)
        *bytes = total;
    return 0;
}

void cli_sha256_data(const void *data, size_t len, char hex[CLI_HEX])
{
    gchar *s = g_compute_checksum_for_data(G_CHECKSUM_SHA256, data, len);

    g_strlcpy(hex, s, CLI_HEX);
    g_free(s);
}

/* A string with its length first, so that no two sequences of fields
   feed the same bytes. */
static void put(GChecksum *c, const char *s)
{
    guint32 n = (guint32)strlen(s);

    g_checksum_update(c, (const guchar *)&n, sizeof n);
    g_checksum_update(c, (const guchar *)s, n);
}

static void put_num(GChecksum *c, double v)
{
    g_checksum_update(c, (const guchar *)&v, sizeof v);
}

static void put_indicator(GChecksum *c, const sb_indicator *p)
{
    const char *f[] = {p->id, p->name, p->name_zh, p->unit, p->unit_zh,
                       p->base_unit, p->source, p->note};
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(f); i++)
        put(c, f[i]);
    put_num(c, p->scale);
    put_num(c, p->target);
    put_num(c, (double)p->decimals);
    put_num(c, (double)p->max_decimals);
    put_num(c, (double)p->kind);
    put_num(c, (double)p->higher_is_better);
    put_num(c, (double)p->target_year);
}

static void put_region(GChecksum *c, const sb_region *r)
{
    size_t i;

    put(c, r->name);
    put(c, r->name_zh);
    put_num(c, (double)r->role);
    for (i = 0; i < r->n_groups; i++)
        put(c, r->groups[i]);
    put(c, "");
}

static void put_series(GChecksum *c, const sb_dataset *ds, const sb_series *s)
{
    size_t i;

    put_region(c, sb_dataset_region_at((sb_dataset *)ds, s->region));
    for (i = 0; i < s->n; i++) {
        const sb_obs *o = &s->obs[i];
        uint32_t an = sb_series_annot(s, i);
        const sb_annot *a = an ? sb_dataset_annot_at(ds, an) : NULL;
        put_num(c, (double)o->year);
        put_num(c, o->value);
        put_num(c, (double)o->decimals);
        put_num(c, (double)o->state);
        put(c, sb_dataset_str(ds, sb_series_flags(s, i)));
        put(c, a ? a->note : "");
        put(c, a ? a->source : "");
    }
}

void cli_digest_indicator(const sb_dataset *ds, sb_id ind,
                          int (*shown)(const void *ctx, sb_id region),
                          const void *ctx, char hex[CLI_HEX])
{
    GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
    size_t i;

    put_indicator(c, sb_dataset_indicator_at((sb_dataset *)ds, ind));
    for (i = 0; i < sb_dataset_n_series(ds); i++) {
        const sb_series *s = sb_dataset_series_at(ds, i);
        if (s->indicator == ind && (shown == NULL || shown(ctx, s->region)))
            put_series(c, ds, s);
    }
    g_strlcpy(hex, g_checksum_get_string(c), CLI_HEX);
    g_checksum_free(c);
}
