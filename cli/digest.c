/*
 * cli/digest.c -- SHA-256 through OpenSSL's libcrypto.
 *
 * Every input of a report or charts run and every output is hashed (the
 * state store, the manifest, the brief's list of inputs). GLib's
 * GChecksum does 240 MB/s here; libcrypto uses the CPU's SHA
 * instructions where it has them (1.7 GB/s here), so hashing a 1 GiB
 * input takes 0.6 s instead of 4.5 s. Small pieces (the fields of a
 * dataset digest) are gathered in a buffer before they are hashed.
 */
#include "digest.h"

#include "core/alloc.h"
#include "input/csvread.h"

#include <glib.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

/* A digest in progress. A libcrypto failure (out of memory, a provider
   that will not load) is sticky, as in Cairo: the calls after it do
   nothing and sha_final reports it, so that callers check once. */
typedef struct {
    EVP_MD_CTX *md;
    int failed;
    unsigned char buf[4096];
    size_t n;
} sha;

static void sha_init(sha *c)
{
    c->n = 0;
    /* a site of core/alloc.h's hook: tests/oom.sh fails it */
    c->md = SB_ALLOC_FAILS() ? NULL : EVP_MD_CTX_new();
    c->failed = c->md == NULL ||
                EVP_DigestInit_ex(c->md, EVP_sha256(), NULL) != 1;
}

static void sha_feed(sha *c, const void *data, size_t len)
{
    if (!c->failed && EVP_DigestUpdate(c->md, data, len) != 1)
        c->failed = 1;
}

static void sha_update(sha *c, const void *data, size_t len)
{
    if (c->n + len > sizeof c->buf) {
        sha_feed(c, c->buf, c->n);
        c->n = 0;
    }
    if (len > sizeof c->buf) {
        sha_feed(c, data, len);
        return;
    }
    memcpy(c->buf + c->n, data, len);
    c->n += len;
}

/* hex gets the digest, or "" with SB_EINTERNAL when libcrypto failed. */
static sb_status sha_final(sha *c, char hex[CLI_HEX])
{
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int n = 0, i;

    sha_feed(c, c->buf, c->n);
    if (!c->failed && EVP_DigestFinal_ex(c->md, d, &n) != 1)
        c->failed = 1;
    EVP_MD_CTX_free(c->md);                 /* accepts NULL */
    hex[0] = '\0';
    if (c->failed)
        return SB_EINTERNAL;
    for (i = 0; i < n && 2 * i + 2 < CLI_HEX; i++)
        g_snprintf(hex + 2 * i, 3, "%02x", d[i]);
    return SB_OK;
}

sb_status cli_sha256_file(const char *path, char hex[CLI_HEX],
                          size_t *bytes)
{
    sha c;
    unsigned char buf[65536];
    size_t n, total = 0;
    int not_regular, bad;
    sb_status rc;
    /* not a regular file (a FIFO put where an output was): not read, and
       never waited for */
    FILE *fp = input_open_regular(path, &not_regular);

    if (fp == NULL)
        return SB_ENOINPUT;
    sha_init(&c);
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        sha_update(&c, buf, n);
        total += n;
    }
    rc = sha_final(&c, hex);
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
    sha c;

    sha_init(&c);
    sha_update(&c, data, len);
    return sha_final(&c, hex);
}

/* A string with its length first, so that no two sequences of fields
   feed the same bytes. */
static void put(sha *c, const char *s)
{
    guint32 n = (guint32)strlen(s);

    sha_update(c, &n, sizeof n);
    sha_update(c, s, n);
}

static void put_num(sha *c, double v)
{
    sha_update(c, &v, sizeof v);
}

static void put_indicator(sha *c, const sb_indicator *p)
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

static void put_region(sha *c, const sb_region *r)
{
    size_t i;

    put(c, r->name);
    put(c, r->name_zh);
    put_num(c, (double)r->role);
    for (i = 0; i < r->n_groups; i++)
        put(c, r->groups[i]);
    put(c, "");
}

static void put_series(sha *c, const sb_dataset *ds, const sb_series *s)
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
    sha c;
    size_t i;

    sha_init(&c);
    put_indicator(&c, sb_dataset_indicator_at(ds, ind));
    for (i = 0; i < sb_dataset_n_series(ds); i++) {
        const sb_series *s = sb_dataset_series_at(ds, i);
        if (s->indicator == ind && (shown == NULL || shown(ctx, s->region)))
            put_series(&c, ds, s);
    }
    return sha_final(&c, hex);
}
