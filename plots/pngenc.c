/*
 * plots/pngenc.c -- a PNG encoder made for charts (see pngenc.h).
 *
 * Why not zlib: a chart is mostly runs of one colour, and lines or text
 * that repeat the row above; zlib's level 1 still hashes every byte and
 * takes 6-7 ms for a 945 x 591 chart, as long as drawing it. Here each
 * row is filtered with None and cut greedily into
 *   - a row equal to the one above: one match of its length,
 *   - a match of distance 3 for pixels equal to the one to their left,
 *   - a match of distance 3w + 1 for two or more pixels equal to those
 *     above (when that distance fits deflate's 32 KiB window),
 *   - a match of two or more pixels repeating the last place the same
 *     pair of colours was seen (a hash of the pair; lines and glyphs
 *     repeat across rows),
 *   - literal bytes for the rest,
 * and every PE_BLOCK_TOKENS tokens become one deflate block with its own
 * Huffman codes (length-limited as JPEG's Annex K.3 does). The Adler-32
 * of the rows is summed a run of one colour at a time in closed form.
 * Everything is deterministic: the bytes depend on the pixels alone.
 */
#include "pngenc.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define PE_RGB 0xFFFFFFu             /* the x byte of xRGB is ignored */
#define PE_WINDOW 32768              /* deflate's farthest distance */
#define PE_MAX_MATCH 258
#define PE_BLOCK_TOKENS 65536        /* tokens of a block before its codes */
#define PE_NLITLEN 286
#define PE_NDIST 30
#define PE_NCL 19
#define PE_MAX_BITS 15
#define PE_CL_MAX_BITS 7
#define PE_MATCH 0x80000000u         /* a token: flag | extra << 14 | code << 9 | len */
#define PE_HASH_BITS 14
#define PE_ADLER 65521u
#define PE_IDAT_MAX (1u << 20)       /* bytes of compressed data per IDAT */
#define PE_MAX_SIDE 32767            /* Cairo's largest image side */

static const uint16_t len_base[29] = {
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
    35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t len_extra[29] = {
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
    3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t dist_base[30] = {
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
    257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289,
    16385, 24577};
static const uint8_t dist_extra[30] = {
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
    7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
static const uint8_t cl_order[PE_NCL] = {
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

typedef struct {
    unsigned char *buf;          /* the zlib stream so far */
    size_t len, cap;
    uint64_t acc;                /* bits not yet stored, LSB first */
    unsigned n;
} bitbuf;

typedef struct {
    bitbuf b;
    uint32_t *tok;               /* the block's tokens */
    size_t ntok;
    uint32_t ll_freq[PE_NLITLEN], d_freq[PE_NDIST];
    uint8_t len_sym[PE_MAX_MATCH + 1];   /* match length -> code 0..28 */
    uint8_t dist_sym[512];       /* see dist_code */
    const unsigned char *data;   /* the image */
    size_t stride;
    int w;
    uint32_t up_dist;            /* 3w + 1: to the pixel above */
    int up_code;                 /* the distance code of up_dist */
    uint32_t head[1u << PE_HASH_BITS];  /* pixel pairs: y << 16 | x of the
                                           last (sides < 32768: never ~0) */
    uint64_t s1, s2;             /* Adler-32 */
    uint64_t row_s1, row_s2;     /* the last row's own part of them */
} enc;

/* ---- bits --------------------------------------------------------------- */

static void bits_room(bitbuf *b, size_t more)
{
    if (b->len + more > b->cap) {
        b->cap = (b->len + more) * 2;
        b->buf = g_realloc(b->buf, b->cap);
    }
}

/* n <= 32 bits of v; room for them was made */
static inline void bits_put(bitbuf *b, uint32_t v, unsigned n)
{
    b->acc |= (uint64_t)v << b->n;
    b->n += n;
    if (b->n >= 32) {
        unsigned char w[4] = {(unsigned char)b->acc,
                              (unsigned char)(b->acc >> 8),
                              (unsigned char)(b->acc >> 16),
                              (unsigned char)(b->acc >> 24)};
        memcpy(b->buf + b->len, w, 4);
        b->len += 4;
        b->acc >>= 32;
        b->n -= 32;
    }
}

static void bits_flush(bitbuf *b)
{
    bits_room(b, 8);
    while (b->n > 0) {
        b->buf[b->len++] = (unsigned char)b->acc;
        b->acc >>= 8;
        b->n = b->n > 8 ? b->n - 8 : 0;
    }
    b->acc = 0;
}

/* ---- Huffman codes ------------------------------------------------------ */

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

    return x < y ? -1 : x > y;
}

/* Code lengths of a Huffman code for freq[0..n), none over limit (n <=
   PE_NLITLEN). One used symbol gets length 1; none, all zeros. */
static void huff_lengths(const uint32_t *freq, int n, int limit, uint8_t *len)
{
    uint64_t key[PE_NLITLEN];
    int parent[2 * PE_NLITLEN], depth[2 * PE_NLITLEN], cnt[2 * PE_NLITLEN];
    uint64_t w[2 * PE_NLITLEN];
    int m = 0, i, li = 0, ii, next, maxd = 0;

    memset(len, 0, (size_t)n);
    for (i = 0; i < n; i++)
        if (freq[i] > 0)
            key[m++] = (uint64_t)freq[i] << 16 | (uint64_t)i;
    if (m == 0)
        return;
    if (m == 1) {
        len[key[0] & 0xFFFF] = 1;
        return;
    }
    qsort(key, (size_t)m, sizeof *key, cmp_u64);
    for (i = 0; i < m; i++)
        w[i] = key[i] >> 16;
    /* two queues: leaves in order of weight, then the nodes made */
    for (next = ii = m; next < 2 * m - 1; next++) {
        int pick[2], k;
        for (k = 0; k < 2; k++) {
            if (li < m && (ii >= next || w[li] <= w[ii]))
                pick[k] = li++;
            else
                pick[k] = ii++;
        }
        parent[pick[0]] = parent[pick[1]] = next;
        w[next] = w[pick[0]] + w[pick[1]];
    }
    depth[2 * m - 2] = 0;
    memset(cnt, 0, sizeof cnt);
    for (i = 2 * m - 3; i >= 0; i--) {
        depth[i] = depth[parent[i]] + 1;
        if (i < m) {
            cnt[depth[i]]++;
            maxd = depth[i] > maxd ? depth[i] : maxd;
        }
    }
    /* too deep: two siblings at level i out, their parent a leaf, and a
       leaf at level j < i - 1 split in two (Kraft's sum stays 1) */
    for (i = maxd; i > limit; i--)
        while (cnt[i] > 0) {
            int j = i - 2;
            while (cnt[j] == 0)
                j--;
            cnt[i] -= 2;
            cnt[i - 1]++;
            cnt[j + 1] += 2;
            cnt[j]--;
        }
    /* the most frequent symbols get the shortest codes */
    for (i = m - 1, next = 1; i >= 0; i--) {
        while (cnt[next] == 0)
            next++;
        len[key[i] & 0xFFFF] = (uint8_t)next;
        cnt[next]--;
    }
}

static uint32_t reverse(uint32_t code, unsigned n)
{
    uint32_t r = 0;

    while (n-- > 0) {
        r = r << 1 | (code & 1);
        code >>= 1;
    }
    return r;
}

/* Canonical codes (RFC 1951, 3.2.2), bit-reversed for LSB-first output. */
static void huff_codes(const uint8_t *len, int n, uint16_t *code)
{
    int count[PE_MAX_BITS + 1] = {0}, i;
    uint32_t next[PE_MAX_BITS + 1], c = 0;

    for (i = 0; i < n; i++)
        count[len[i]]++;
    count[0] = 0;
    for (i = 1; i <= PE_MAX_BITS; i++) {
        c = (c + (uint32_t)count[i - 1]) << 1;
        next[i] = c;
    }
    for (i = 0; i < n; i++)
        code[i] = len[i] ? (uint16_t)reverse(next[len[i]]++, len[i]) : 0;
}

/* ---- blocks ------------------------------------------------------------- */

/* The dynamic block header (RFC 1951, 3.2.7): code lengths sent as
   themselves, without the repeat codes 16-18 (a block is large enough
   that they would not matter). */
static void block_header(enc *e, int final, const uint8_t *ll,
                         const uint8_t *d, int *hlit, int *hdist)
{
    uint8_t lens[PE_NLITLEN + PE_NDIST], cl[PE_NCL];
    uint32_t cl_freq[PE_NCL] = {0};
    uint16_t cl_code[PE_NCL];
    int i, n, hclen = 4, used = 0;

    for (*hlit = PE_NLITLEN; *hlit > 257 && ll[*hlit - 1] == 0; (*hlit)--)
        ;
    for (*hdist = PE_NDIST; *hdist > 1 && d[*hdist - 1] == 0; (*hdist)--)
        ;
    memcpy(lens, ll, (size_t)*hlit);
    memcpy(lens + *hlit, d, (size_t)*hdist);
    n = *hlit + *hdist;
    for (i = 0; i < n; i++)
        cl_freq[lens[i]]++;
    for (i = 0; i < PE_NCL; i++)
        used += cl_freq[i] > 0;
    if (used == 1)               /* a code-length code must be complete */
        cl_freq[lens[0] == 0 ? 1 : 0] = 1;
    huff_lengths(cl_freq, PE_NCL, PE_CL_MAX_BITS, cl);
    huff_codes(cl, PE_NCL, cl_code);
    for (i = 0; i < PE_NCL; i++)
        if (cl[cl_order[i]] != 0)
            hclen = i + 1 > hclen ? i + 1 : hclen;
    bits_put(&e->b, final ? 5u : 4u, 3);        /* BFINAL, BTYPE = 10 */
    bits_put(&e->b, (uint32_t)(*hlit - 257), 5);
    bits_put(&e->b, (uint32_t)(*hdist - 1), 5);
    bits_put(&e->b, (uint32_t)(hclen - 4), 4);
    for (i = 0; i < hclen; i++)
        bits_put(&e->b, cl[cl_order[i]], 3);
    for (i = 0; i < n; i++)
        bits_put(&e->b, cl_code[lens[i]], cl[lens[i]]);
}

static void block_flush(enc *e, int final)
{
    uint8_t ll[PE_NLITLEN], d[PE_NDIST];
    uint16_t llc[PE_NLITLEN], dc[PE_NDIST];
    int hlit, hdist, k;
    size_t i;

    e->ll_freq[256] = 1;
    huff_lengths(e->ll_freq, PE_NLITLEN, PE_MAX_BITS, ll);
    huff_lengths(e->d_freq, PE_NDIST, PE_MAX_BITS, d);
    for (k = 0; k < PE_NDIST && d[k] == 0; k++)
        ;
    if (k == PE_NDIST)
        d[0] = 1;                /* no match: one unused code, as allowed */
    huff_codes(ll, PE_NLITLEN, llc);
    huff_codes(d, PE_NDIST, dc);
    /* a token takes at most 15 + 5 + 15 + 13 bits */
    bits_room(&e->b, 400 + e->ntok * 6);
    block_header(e, final, ll, d, &hlit, &hdist);
    for (i = 0; i < e->ntok; i++) {
        uint32_t t = e->tok[i];
        if (!(t & PE_MATCH)) {
            bits_put(&e->b, llc[t], ll[t]);
            continue;
        }
        {
            unsigned len = t & 0x1FF, c = e->len_sym[len];
            unsigned dcd = (t >> 9) & 0x1F;
            bits_put(&e->b, llc[257 + c], ll[257 + c]);
            bits_put(&e->b, len - len_base[c], len_extra[c]);
            bits_put(&e->b, dc[dcd], d[dcd]);
            bits_put(&e->b, (t >> 14) & 0x1FFF, dist_extra[dcd]);
        }
    }
    bits_put(&e->b, llc[256], ll[256]);
    for (k = 0; k < PE_NLITLEN; k++)
        e->ll_freq[k] = 0;
    for (k = 0; k < PE_NDIST; k++)
        e->d_freq[k] = 0;
    e->ntok = 0;
    (void)hlit;
    (void)hdist;
}

/* ---- tokens of a row ---------------------------------------------------- */

static inline void lit(enc *e, unsigned v)
{
    e->tok[e->ntok++] = v;
    e->ll_freq[v]++;
}

/* The distance code of d (1..32768), by zlib's table: distances up to
   256 one by one, the rest by 128s (codes 16 and up span multiples of
   128). */
static int dist_code(const enc *e, uint32_t d)
{
    return d <= 256 ? e->dist_sym[d - 1] : e->dist_sym[256 + ((d - 1) >> 7)];
}

/* len bytes copied from dist back, in matches of 3..258 bytes */
static inline void match(enc *e, uint32_t dist, size_t len)
{
    int dc = dist == 3 ? 2 : dist == e->up_dist ? e->up_code
                                                : dist_code(e, dist);
    uint32_t head = PE_MATCH | (dist - dist_base[dc]) << 14 | (uint32_t)dc << 9;

    while (len > 0) {
        size_t m = len > PE_MAX_MATCH ? PE_MAX_MATCH : len;
        if (len - m > 0 && len - m < 3)
            m = len - 3;         /* leave a last match of at least 3 */
        e->tok[e->ntok++] = head | (uint32_t)m;
        e->ll_freq[257 + e->len_sym[m]]++;
        e->d_freq[dc]++;
        len -= m;
    }
}

static const uint32_t *row_at(const enc *e, int y)
{
    return (const uint32_t *)(const void *)(e->data + (size_t)y * e->stride);
}

/* Pixels from x of row y that repeat an earlier pair of the same colours
   within the window (lines and text repeat across rows): how many, at
   *dist bytes back; 0 for none. Remembers this pair. */
static int seek(enc *e, int y, int x, uint32_t *dist)
{
    const uint32_t *px = row_at(e, y) + x, *cp;
    uint32_t a = px[0] & PE_RGB, b = px[1] & PE_RGB;
    uint32_t h = (a * 0x9E3779B1u ^ b * 0x85EBCA77u) >> (32 - PE_HASH_BITS);
    uint32_t last = e->head[h];
    int cy = (int)(last >> 16), cx = (int)(last & 0xFFFF), n = 0;

    e->head[h] = (uint32_t)y << 16 | (uint32_t)x;
    if (last == UINT32_MAX)
        return 0;
    *dist = (uint32_t)(y - cy) * e->up_dist + 3 * (uint32_t)x - 3 * (uint32_t)cx;
    if ((y - cy) > PE_WINDOW / (int)e->up_dist + 1 || *dist > PE_WINDOW)
        return 0;
    cp = row_at(e, cy) + cx;
    while (x + n < e->w && cx + n < e->w && ((px[n] ^ cp[n]) & PE_RGB) == 0)
        n++;
    return n >= 2 ? n : 0;
}

/* Adler-32, a run of one colour at a time: k pixels of bytes r g b add
   k (r + g + b) to s1 and 3 k s1 + 3 (r + g + b) k (k - 1) / 2 +
   k (3r + 2g + b) to s2. Reduced once a row (a row's sums fit 64 bits). */
static inline void adler_run(enc *e, uint32_t c, uint64_t k)
{
    uint64_t r = (c >> 16) & 0xFF, g = (c >> 8) & 0xFF, b = c & 0xFF;
    uint64_t sum = r + g + b;

    e->s2 += 3 * k * e->s1 + 3 * sum * (k * (k - 1) / 2) +
             k * (3 * r + 2 * g + b);
    e->s1 += k * sum;
}

static void adler_span(enc *e, const uint32_t *px, int n)
{
    int i = 0;

    while (i < n) {
        uint32_t c = px[i] & PE_RGB;
        int k = 1;
        while (i + k < n && (px[i + k] & PE_RGB) == c)
            k++;
        adler_run(e, c, (uint64_t)k);
        i += k;
    }
}

/* Whether two rows have the same colours: blocks of 16 pixels compared
   without a branch. */
static int same_row(const uint32_t *a, const uint32_t *b, int w)
{
    int x = 0, k;

    for (; x + 16 <= w; x += 16) {
        uint32_t d = 0;
        for (k = 0; k < 16; k++)
            d |= a[x + k] ^ b[x + k];
        if ((d & PE_RGB) != 0)
            return 0;
    }
    for (; x < w; x++)
        if (((a[x] ^ b[x]) & PE_RGB) != 0)
            return 0;
    return 1;
}

/* A row that repeats the one above: one match (its filter byte too),
   and the row's own part of the Adler-32 sums again. */
static void row_again(enc *e)
{
    match(e, e->up_dist, e->up_dist);
    e->s2 += (uint64_t)e->up_dist * e->s1 + e->row_s2;
    e->s1 += e->row_s1;
}

static void row_tokens(enc *e, int y)
{
    const uint32_t *px = row_at(e, y);
    const uint32_t *up = y > 0 && e->up_dist <= PE_WINDOW ? row_at(e, y - 1)
                                                          : NULL;
    int i = 0, w = e->w;
    uint32_t dist;

    lit(e, 0);                   /* filter: None */
    e->s2 += e->s1;
    while (i < w) {
        int ln = 0, un = 0, hn = 0;
        if (i > 0) {
            uint32_t c = px[i - 1] & PE_RGB;
            while (i + ln < w && (px[i + ln] & PE_RGB) == c)
                ln++;
        }
        if (up != NULL && ln < w - i)
            while (i + un < w && ((px[i + un] ^ up[i + un]) & PE_RGB) == 0)
                un++;
        if (un >= 2 && un > ln) {
            match(e, e->up_dist, 3 * (size_t)un);
            adler_span(e, px + i, un);
            i += un;
        } else if (ln > 0) {
            match(e, 3, 3 * (size_t)ln);
            adler_run(e, px[i - 1], (uint64_t)ln);
            i += ln;
        } else if (i + 1 < w && (hn = seek(e, y, i, &dist)) > 0) {
            match(e, dist, 3 * (size_t)hn);
            adler_span(e, px + i, hn);
            i += hn;
        } else {
            uint32_t v = px[i++];
            lit(e, (v >> 16) & 0xFF);
            lit(e, (v >> 8) & 0xFF);
            lit(e, v & 0xFF);
            adler_run(e, v, 1);
        }
    }
}

/* ---- the file ----------------------------------------------------------- */

static void put_be32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

static void chunk(GByteArray *out, const char *type, const unsigned char *data,
                  size_t len)
{
    unsigned char head[8], tail[4];
    uLong crc = crc32(0L, (const Bytef *)type, 4);

    put_be32(head, (uint32_t)len);
    memcpy(head + 4, type, 4);
    if (len > 0)
        crc = crc32(crc, data, (uInt)len);
    put_be32(tail, (uint32_t)crc);
    g_byte_array_append(out, head, 8);
    if (len > 0)
        g_byte_array_append(out, data, (guint)len);
    g_byte_array_append(out, tail, 4);
}

static void enc_init(enc *e, const unsigned char *data, int w, int stride)
{
    int c = 0, len, j;

    memset(e, 0, sizeof *e);
    for (len = 3; len <= PE_MAX_MATCH; len++) {
        while (c + 1 < 29 && len_base[c + 1] <= len)
            c++;
        e->len_sym[len] = (uint8_t)c;
    }
    e->data = data;
    e->stride = (size_t)stride;
    e->w = w;
    e->up_dist = 3 * (uint32_t)w + 1;
    for (j = 0; j < 512; j++) {  /* entries 256, 257 stand for no distance */
        uint32_t d = j < 256 ? (uint32_t)j + 1 : (uint32_t)(j - 256) * 128 + 1;
        for (c = PE_NDIST - 1; dist_base[c] > d; c--)
            ;
        e->dist_sym[j] = (uint8_t)c;
    }
    e->up_code = e->up_dist <= PE_WINDOW ? dist_code(e, e->up_dist) : 0;
    memset(e->head, 0xFF, sizeof e->head);
    /* a block ends at a row's end: room for one more row of literals */
    e->tok = g_new(uint32_t, PE_BLOCK_TOKENS + 1 + 3 * (size_t)w);
    e->s1 = 1;
    bits_room(&e->b, 64);
    e->b.buf[0] = 0x78;          /* deflate, 32 KiB window, fastest */
    e->b.buf[1] = 0x01;
    e->b.len = 2;
}

int pngenc_rgb24(const unsigned char *data, int w, int h, int stride,
                 GByteArray *out)
{
    static const unsigned char sig[8] = {137, 'P', 'N', 'G', 13, 10, 26, 10};
    unsigned char ihdr[13] = {0};
    enc e;
    size_t off;
    int y;

    if (w < 1 || h < 1 || w > PE_MAX_SIDE || h > PE_MAX_SIDE)
        return -1;
    enc_init(&e, data, w, stride);
    for (y = 0; y < h; y++) {
        uint64_t s1 = e.s1, s2 = e.s2;
        if (y > 0 && e.up_dist <= PE_WINDOW &&
            same_row(row_at(&e, y), row_at(&e, y - 1), w)) {
            row_again(&e);
        } else {
            row_tokens(&e, y);
            /* what the row adds to s2 beyond up_dist x the s1 before it */
            e.row_s1 = (e.s1 - s1) % PE_ADLER;
            e.row_s2 = (e.s2 - s2 + (PE_ADLER - s1) * e.up_dist) % PE_ADLER;
        }
        e.s1 %= PE_ADLER;
        e.s2 %= PE_ADLER;
        if (e.ntok >= PE_BLOCK_TOKENS && y + 1 < h)
            block_flush(&e, 0);
    }
    block_flush(&e, 1);
    bits_flush(&e.b);
    bits_room(&e.b, 4);
    put_be32(e.b.buf + e.b.len, (uint32_t)(e.s2 << 16 | e.s1));
    e.b.len += 4;

    g_byte_array_append(out, sig, 8);
    put_be32(ihdr, (uint32_t)w);
    put_be32(ihdr + 4, (uint32_t)h);
    ihdr[8] = 8;                 /* bits per sample */
    ihdr[9] = 2;                 /* RGB; compression, filter, interlace 0 */
    chunk(out, "IHDR", ihdr, sizeof ihdr);
    for (off = 0; off < e.b.len; off += PE_IDAT_MAX)
        chunk(out, "IDAT", e.b.buf + off,
              MIN(e.b.len - off, (size_t)PE_IDAT_MAX));
    chunk(out, "IEND", NULL, 0);
    g_free(e.b.buf);
    g_free(e.tok);
    return 0;
}
