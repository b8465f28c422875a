/*
 * core/sha256.h -- SHA-256 through OpenSSL's libcrypto, for every stage
 * that hashes bytes: input/ as it reads a file (so that a digest names
 * exactly the bytes that were parsed), cli/ for outputs, keys and the
 * data an output shows (cli/digest.h).
 *
 * libcrypto uses the CPU's SHA instructions where it has them (1.7 GB/s
 * here; GLib's GChecksum does 240 MB/s), so hashing a 1 GiB input takes
 * 0.6 s instead of 4.5 s. Small pieces are gathered in a buffer before
 * they are hashed; large ones go straight through.
 *
 * A libcrypto failure (out of memory, a provider that will not load) is
 * sticky, as in Cairo: the calls after it do nothing and sb_sha256_final
 * reports it, so that callers check once. libcrypto's types stay in
 * core/sha256.c.
 */
#ifndef SB_SHA256_H
#define SB_SHA256_H

#include <stddef.h>

#include "core/status.h"

#define SB_SHA256_HEX 65        /* 64 hex digits and a NUL */
/* The message for SB_EINTERNAL from sb_sha256_final. */
#define SB_SHA256_FAILED "libcrypto could not compute a SHA-256 digest"

/* A digest in progress; the caller's storage. */
typedef struct {
    struct evp_md_ctx_st *md;   /* libcrypto's EVP_MD_CTX, or NULL */
    int failed;                 /* sticky */
    unsigned char buf[4096];
    size_t n;
} sb_sha256;

/* Starts a digest. Cannot fail visibly: a failure is noted in c and
   reported by sb_sha256_final, which every sb_sha256_init needs (it
   releases the context, also after a failure). */
void sb_sha256_init(sb_sha256 *c);

/* Adds len bytes; nothing after a failure. */
void sb_sha256_update(sb_sha256 *c, const void *data, size_t len);

/* Ends the digest and releases c's context: hex gets 64 lower-case hex
   digits, or "" with SB_EINTERNAL when libcrypto failed at any point. */
sb_status sb_sha256_final(sb_sha256 *c, char hex[SB_SHA256_HEX]);

/* SHA-256 of data in one call; as sb_sha256_final. */
sb_status sb_sha256_data(const void *data, size_t len,
                         char hex[SB_SHA256_HEX]);

#endif
