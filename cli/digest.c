/*
 * cli/digest.c -- SHA-256 of files (outputs, for the state store and the
 * manifest) and of the part of a dataset an output shows, with the
 * primitive of core/sha256.h.
 *
 * The input files are not hashed here: input/ hashes each one's bytes as
 * it parses them (input/csvread.h), so that a digest always names what
 * was read, even when a feed replaces the file after the load.
 */
#include "digest.h"

#include "input/csvread.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

sb_status cli_sha256_file(const char *path, char hex[CLI_HEX],
                          size_t *bytes)
{
    sb_sha256 c;
    unsigned char buf[65536];
    size_t n, total = 0;
    int not_regular, bad;
    sb_status rc;
    /* not a regular file (a FIFO put where an output was): not read, and
       never waited for */
    FILE *fp = input_open_regular(path, &not_regular);

    if (fp == NULL)
        return SB_ENOINPUT;
    sb_sha256_init(&c);
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        sb_sha256_update(&c, buf, n);
        total += n;
    }
    rc = sb_sha256_final(&c, hex);
    bad = ferror(fp);
    fclose(fp);
    if (rc != SB_OK)
        return rc;
    if (bad)
        return SB_ENOINPUT;
    if (bytes != NULL)
        *bytes = total;
    return SB_OK;
}

sb_status cli_sha256_data(const void *data, size_t len, char hex[CLI_HEX])
{
    return sb_sha256_data(data, len, hex);
}

/* A string with its length first, so that no two sequences of fields
   feed the same bytes. */
static void put(sb_sha256 *c, const char *s)
{
    guint32 n = (guint32)strlen(s);

    sb_sha256_update(c, &n, sizeof n);
    sb_sha256_update(c, s, n);
}

static void put_num(sb_sha256 *c, double v)
{
    sb_sha256_update(c, &v, sizeof v);
}

static void put_indicator(sb_sha256 *c, const sb_indicator *p)
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

static void put_region(sb_sha256 *c, const sb_region *r)
{
    size_t i;

    put(c, r->name);
    put(c, r->name_zh);
    put_num(c, (double)r->role);
    for (i = 0; i < r->n_groups; i++)
        put(c, r->groups[i]);
    put(c, "");
}

static void put_series(sb_sha256 *c, const sb_dataset *ds, const sb_series *s)
{
    size_t i;

    put_region(c, sb_dataset_region_at((const sb_dataset *)ds, s->region));
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

sb_status cli_digest_indicator(const sb_dataset *ds, sb_id ind,
                               int (*shown)(const void *ctx, sb_id region),
                               const void *ctx, char hex[CLI_HEX])
{
    sb_sha256 c;
    size_t i;

    sb_sha256_init(&c);
    put_indicator(&c, sb_dataset_indicator_at(ds, ind));
    for (i = 0; i < sb_dataset_n_series(ds); i++) {
        const sb_series *s = sb_dataset_series_at(ds, i);
        if (s->indicator == ind && (shown == NULL || shown(ctx, s->region)))
            put_series(&c, ds, s);
    }
    return sb_sha256_final(&c, hex);
}
