/*
 * core/sha256.c -- SHA-256 with libcrypto's EVP interface, a sticky
 * failure and a gathering buffer (core/sha256.h).
 */
#include "core/sha256.h"

#include "core/alloc.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

void sb_sha256_init(sb_sha256 *c)
{
    c->n = 0;
    /* a site of core/alloc.h's hook: tests/oom.sh fails it */
    c->md = SB_ALLOC_FAILS() ? NULL : EVP_MD_CTX_new();
    c->failed = c->md == NULL ||
                EVP_DigestInit_ex(c->md, EVP_sha256(), NULL) != 1;
}

static void feed(sb_sha256 *c, const void *data, size_t len)
{
    if (!c->failed && len > 0 && EVP_DigestUpdate(c->md, data, len) != 1)
        c->failed = 1;
}

void sb_sha256_update(sb_sha256 *c, const void *data, size_t len)
{
    if (c->n + len > sizeof c->buf) {
        feed(c, c->buf, c->n);
        c->n = 0;
    }
    if (len > sizeof c->buf) {
        feed(c, data, len);
        return;
    }
    memcpy(c->buf + c->n, data, len);
    c->n += len;
}

sb_status sb_sha256_final(sb_sha256 *c, char hex[SB_SHA256_HEX])
{
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int n = 0, i;

    feed(c, c->buf, c->n);
    c->n = 0;
    if (!c->failed && EVP_DigestFinal_ex(c->md, d, &n) != 1)
        c->failed = 1;
    EVP_MD_CTX_free(c->md);                 /* accepts NULL */
    c->md = NULL;
    hex[0] = '\0';
    if (c->failed)
        return SB_EINTERNAL;
    for (i = 0; i < n && 2 * i + 2 < SB_SHA256_HEX; i++)
        snprintf(hex + 2 * i, 3, "%02x", d[i]);
    return SB_OK;
}

sb_status sb_sha256_data(const void *data, size_t len,
                         char hex[SB_SHA256_HEX])
{
    sb_sha256 c;

    sb_sha256_init(&c);
    sb_sha256_update(&c, data, len);
    return sb_sha256_final(&c, hex);
}
