/*
 * cli/vintage.c -- the previous vintage of a brief: written as gzip'd
 * text lines, read back into a dataset (cli/vintage.h).
 *
 * The lines, each a letter and tab-separated fields escaped as C strings
 * (g_strescape, as the state store's):
 *   statbrief-vintage 1
 *   D path sha256 bytes                      an input file
 *   I id name name_zh unit unit_zh base_unit scale decimals kind base
 *     higher_is_better has_meta source source_zh
 *                                            an indicator (kind "" when
 *                                            it was inferred; every
 *                                            attribute diff compares, or
 *                                            an unchanged source reads as
 *                                            a metadata change)
 *   R name name_zh role has_meta group...    a region
 *   V indicator region year value decimals state flags
 *                                            a value (indicator and
 *                                            region: their I and R order)
 */
#include "vintage.h"

#include "core/outfile.h"
#include "core/shortest.h"

#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define MAGIC "statbrief-vintage 1"
/* A vintage larger than this, packed or unpacked, is not one of ours. */
#define MAX_PACKED (256u << 20)
#define MAX_TEXT (1024u << 20)

char *cli_vintage_path(const char *dir, const char *owner)
{
    char hex[CLI_HEX], name[64];

    if (cli_sha256_data(owner, strlen(owner), hex) != SB_OK)
        hex[0] = '\0';
    g_snprintf(name, sizeof name, ".statbrief-vintage-%.16s.gz", hex);
    return g_build_filename(dir, name, NULL);
}

/* ---- writing ------------------------------------------------------------ */

static void put_num(GString *g, double v)
{
    char buf[SB_SHORTEST_MAX];

    if (isfinite(v))
        sb_format_shortest(v, buf);
    else
        g_strlcpy(buf, "nan", sizeof buf);
    cli_state_put(g, buf);
}

static void put_int(GString *g, long v)
{
    g_string_append_printf(g, "\t%ld", v);
}

static void put_indicator(GString *g, const sb_indicator *ind)
{
    g_string_append_c(g, 'I');
    cli_state_put(g, ind->id);
    cli_state_put(g, ind->name);
    cli_state_put(g, ind->name_zh);
    cli_state_put(g, ind->unit);
    cli_state_put(g, ind->unit_zh);
    cli_state_put(g, ind->base_unit);
    put_num(g, ind->scale);
    put_int(g, ind->decimals);
    cli_state_put(g, ind->kind_inferred ? "" : sb_kind_name(ind->kind));
    put_int(g, ind->base);
    put_int(g, ind->higher_is_better);
    put_int(g, ind->has_meta);
    cli_state_put(g, ind->source != NULL ? ind->source : "");
    cli_state_put(g, ind->source_zh != NULL ? ind->source_zh : "");
    g_string_append_c(g, '\n');
}

static void put_region(GString *g, const sb_region *reg)
{
    size_t i;

    g_string_append_c(g, 'R');
    cli_state_put(g, reg->name);
    cli_state_put(g, reg->name_zh);
    put_int(g, (long)reg->role);
    put_int(g, reg->has_meta);
    for (i = 0; i < reg->n_groups; i++)
        cli_state_put(g, reg->groups[i]);
    g_string_append_c(g, '\n');
}

static void put_series(GString *g, const sb_dataset *ds, const sb_series *s,
                       long ind, long reg)
{
    size_t i;

    for (i = 0; i < s->n; i++) {
        sb_obs o = s->obs[i];
        g_string_append_c(g, 'V');
        put_int(g, ind);
        put_int(g, reg);
        put_int(g, o.year);
        put_num(g, o.value);
        put_int(g, o.decimals);
        put_int(g, o.state);
        cli_state_put(g, sb_dataset_str(ds, sb_series_flags(s, i)));
        g_string_append_c(g, '\n');
    }
}

/* The text of the vintage: every indicator of sel, the regions of their
   series, their values. Indexes number them in the order written. */
static GString *vintage_text(const sb_dataset *ds, const unsigned char *sel,
                             const cli_input *in, size_t n)
{
    GString *g = g_string_new(MAGIC "\n");
    size_t ni = sb_dataset_n_indicators(ds), nr = sb_dataset_n_regions(ds);
    long *ind_no = g_new(long, ni + 1), *reg_no = g_new(long, nr + 1);
    long k = 0, m = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        g_string_append_c(g, 'D');
        cli_state_put(g, in[i].path);
        cli_state_put(g, in[i].sha256);
        put_int(g, (long)in[i].bytes);
        g_string_append_c(g, '\n');
    }
    for (i = 0; i < ni; i++) {
        ind_no[i] = sel == NULL || sel[i] ? k++ : -1;
        if (ind_no[i] >= 0)
            put_indicator(g, sb_dataset_indicator_at(ds, (sb_id)i));
    }
    for (i = 0; i < nr; i++)
        reg_no[i] = -1;
    for (i = 0; i < sb_dataset_n_series(ds); i++) {
        const sb_series *s = sb_dataset_series_at(ds, i);
        if (ind_no[s->indicator] < 0)
            continue;
        if (reg_no[s->region] < 0) {
            reg_no[s->region] = m++;
            put_region(g, sb_dataset_region_at(ds, s->region));
        }
        put_series(g, ds, s, ind_no[s->indicator], reg_no[s->region]);
    }
    g_free(ind_no);
    g_free(reg_no);
    return g;
}

sb_status cli_vintage_encode(const sb_dataset *ds, const unsigned char *sel,
                             const cli_input *in, size_t n, void **out,
                             size_t *len, sb_error *err)
{
    GString *g = vintage_text(ds, sel, in, n);
    z_stream z;
    uLong cap;
    unsigned char *buf;
    int rc;

    *out = NULL;
    *len = 0;
    memset(&z, 0, sizeof z);
    /* 15 + 16: gzip format; zlib writes no name and a zero time */
    if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK) {
        g_string_free(g, TRUE);
        return sb_error_set(err, SB_EINTERNAL, NULL, 0, 0,
                            "zlib: cannot compress the vintage");
    }
    cap = deflateBound(&z, (uLong)g->len) + 32;
    buf = g_malloc(cap);
    z.next_in = (Bytef *)g->str;
    z.avail_in = (uInt)g->len;
    z.next_out = buf;
    z.avail_out = (uInt)cap;
    rc = deflate(&z, Z_FINISH);
    *len = z.total_out;
    deflateEnd(&z);
    g_string_free(g, TRUE);
    if (rc != Z_STREAM_END) {
        g_free(buf);
        *len = 0;
        return sb_error_set(err, SB_EINTERNAL, NULL, 0, 0,
                            "zlib: cannot compress the vintage");
    }
    *out = buf;
    return SB_OK;
}

/* ---- reading ------------------------------------------------------------ */

/* The file's bytes, read without following a link; NULL with why. */
static unsigned char *slurp(const char *path, size_t *len, char *why,
                            size_t size)
{
    sb_error err = {0};
    int fd = sb_out_open_kept(path, O_RDONLY, &err);
    struct stat st;
    unsigned char *buf;
    size_t got = 0;

    if (fd < 0) {
        g_snprintf(why, size, "%s", errno == ENOENT ? "there is none"
                                                     : err.msg);
        return NULL;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        (unsigned long long)st.st_size > MAX_PACKED) {
        close(fd);
        g_snprintf(why, size, "not a regular file of at most %u MiB",
                   MAX_PACKED >> 20);
        return NULL;
    }
    buf = g_malloc((size_t)st.st_size + 1);
    while (got < (size_t)st.st_size) {
        ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    *len = got;
    return buf;
}

/* The text packed in data; NULL with why when it is not gzip or too
   large. */
static GString *unpack(const unsigned char *data, size_t len, char *why,
                       size_t size)
{
    GString *g = g_string_sized_new(len * 4 + 64);
    unsigned char chunk[65536];
    z_stream z;
    int rc = Z_OK;

    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 16) != Z_OK) {
        g_string_free(g, TRUE);
        g_snprintf(why, size, "zlib cannot read it");
        return NULL;
    }
    z.next_in = (Bytef *)data;
    z.avail_in = (uInt)len;
    while (rc == Z_OK && g->len <= MAX_TEXT) {
        z.next_out = chunk;
        z.avail_out = sizeof chunk;
        rc = inflate(&z, Z_NO_FLUSH);
        g_string_append_len(g, (const char *)chunk,
                            (gssize)(sizeof chunk - z.avail_out));
        if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0)
            rc = Z_DATA_ERROR;           /* cut short */
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END) {
        g_snprintf(why, size, "%s", g->len > MAX_TEXT
                                        ? "it unpacks to more than 1 GiB"
                                        : "it is not a whole gzip stream");
        g_string_free(g, TRUE);
        return NULL;
    }
    return g;
}

/* What a vintage being read holds so far. */
typedef struct {
    sb_dataset *ds;
    GArray *inds, *regs;       /* sb_id by the file's numbers */
    GArray *in;                /* cli_input */
    uint16_t file;
    int nomem;                 /* an allocation failed (not damage) */
} reader;

/* An allocation of the dataset failed: the line is not damaged, the
   run is out of memory. */
static int oom(reader *x)
{
    x->nomem = 1;
    return 0;
}

static int to_long(const char *s, long lo, long hi, long *v)
{
    char *end;

    errno = 0;
    *v = strtol(s, &end, 10);
    return *s != '\0' && *end == '\0' && errno == 0 && *v >= lo && *v <= hi;
}

static int to_double(const char *s, double *v)
{
    char *end;

    if (strcmp(s, "nan") == 0) {
        *v = NAN;
        return 1;
    }
    *v = g_ascii_strtod(s, &end);
    return *s != '\0' && *end == '\0' && isfinite(*v);
}

static int read_input(reader *x, gchar **f, guint n)
{
    cli_input in = {0};
    long bytes;

    if (n != 4 || strlen(f[2]) != CLI_HEX - 1 ||
        !to_long(f[3], 0, LONG_MAX, &bytes))
        return 0;
    in.path = g_strdup(f[1]);
    g_strlcpy(in.sha256, f[2], CLI_HEX);
    in.bytes = (size_t)bytes;
    g_array_append_val(x->in, in);
    return 1;
}

static int set_str(reader *x, const char **to, const char *s)
{
    return sb_dataset_intern_to(x->ds, to, s, -1) == SB_OK || oom(x);
}

static int read_indicator(reader *x, gchar **f, guint n)
{
    long dec, base, hib, meta;
    double scale;
    sb_kind kind = SB_KIND_UNSET;
    sb_id id;
    sb_indicator *ind;

    if (n != 15 || !to_double(f[7], &scale) ||
        !to_long(f[8], -1, 255, &dec) ||
        (f[9][0] != '\0' && sb_kind_parse(f[9], &kind) != 0) ||
        !to_long(f[10], 0, 99999, &base) || !to_long(f[11], 0, 1, &hib) ||
        !to_long(f[12], 0, 1, &meta) || f[1][0] == '\0' ||
        sb_dataset_find_indicator(x->ds, f[1]) != SB_NONE)
        return 0;
    if ((id = sb_dataset_indicator(x->ds, f[1])) == SB_NONE)
        return oom(x);
    ind = sb_dataset_indicator_mut(x->ds, id);
    if (!set_str(x, &ind->name, f[2]) || !set_str(x, &ind->name_zh, f[3]) ||
        !set_str(x, &ind->unit, f[4]) || !set_str(x, &ind->unit_zh, f[5]) ||
        !set_str(x, &ind->base_unit, f[6]) ||
        !set_str(x, &ind->source, f[13]) || !set_str(x, &ind->source_zh, f[14]))
        return 0;
    ind->scale = scale;
    ind->decimals = (int)dec;
    ind->kind = kind;
    ind->base = (int)base;
    ind->higher_is_better = (int)hib;
    ind->has_meta = (int)meta;
    g_array_append_val(x->inds, id);
    return 1;
}

static int read_region(reader *x, gchar **f, guint n)
{
    long role, meta;
    sb_id id;
    sb_region *reg;
    guint i;

    if (n < 5 || !to_long(f[3], 0, 7, &role) || !to_long(f[4], 0, 1, &meta) ||
        f[1][0] == '\0' || sb_dataset_find_region(x->ds, f[1]) != SB_NONE)
        return 0;
    if ((id = sb_dataset_region(x->ds, f[1])) == SB_NONE)
        return oom(x);
    reg = sb_dataset_region_mut(x->ds, id);
    if (!set_str(x, &reg->name_zh, f[2]))
        return 0;
    reg->role = (unsigned)role;
    reg->has_meta = (int)meta;
    for (i = 5; i < n; i++)
        if (sb_dataset_add_group(x->ds, id, f[i]) != SB_OK)
            return oom(x);
    g_array_append_val(x->regs, id);
    return 1;
}

static int read_value(reader *x, gchar **f, guint n)
{
    long ind, reg, year, dec, state;
    double v;
    sb_obs o;
    uint32_t flags;

    if (n != 8 || !to_long(f[1], 0, (long)x->inds->len - 1, &ind) ||
        !to_long(f[2], 0, (long)x->regs->len - 1, &reg) ||
        !to_long(f[3], 1, 99999, &year) || !to_double(f[4], &v) ||
        !to_long(f[5], 0, 255, &dec) || !to_long(f[6], 0, 63, &state) ||
        (isnan(v) && !(state & SB_OBS_MISSING)))
        return 0;
    if ((flags = sb_dataset_intern(x->ds, f[7], -1)) == SB_NONE)
        return oom(x);
    memset(&o, 0, sizeof o);
    o.value = v;
    o.year = (int)year;
    o.decimals = (unsigned)dec;
    o.state = (unsigned)state;
    return sb_dataset_add_obs(x->ds, g_array_index(x->inds, sb_id, ind),
                              g_array_index(x->regs, sb_id, reg), x->file,
                              &o, flags, 0) == SB_OK || oom(x);
}

/* One line; 0 when it is not well formed. */
static int read_line(reader *x, char *line)
{
    gchar **f = cli_state_fields(line);
    guint n = g_strv_length(f);
    int ok = 0;

    if (n == 0)
        ok = 0;                          /* an empty line */
    else if (strcmp(f[0], "D") == 0)
        ok = read_input(x, f, n);
    else if (strcmp(f[0], "I") == 0)
        ok = read_indicator(x, f, n);
    else if (strcmp(f[0], "R") == 0)
        ok = read_region(x, f, n);
    else if (strcmp(f[0], "V") == 0)
        ok = read_value(x, f, n);
    g_strfreev(f);
    return ok;
}

/* The dataset of text; NULL with why (*nomem 1: out of memory). */
static cli_vintage *parse(char *text, char *why, size_t size, int *nomem)
{
    reader x = {sb_dataset_create(), g_array_new(FALSE, FALSE, sizeof(sb_id)),
                g_array_new(FALSE, FALSE, sizeof(sb_id)),
                g_array_new(FALSE, FALSE, sizeof(cli_input)), 0, 0};
    char *line = text, *next;
    long no = 1;
    int ok = (x.ds != NULL &&
              sb_dataset_add_file(x.ds, "previous edition", &x.file) ==
                  SB_OK) || oom(&x);
    cli_vintage *v = NULL;
    sb_diag diag;
    sb_error err = {0};

    if (ok && strncmp(text, MAGIC "\n", sizeof MAGIC) != 0) {
        ok = 0;
        g_snprintf(why, size, "it is not a statbrief vintage");
    }
    line = ok ? text + sizeof MAGIC : NULL;
    while (ok && line != NULL && *line != '\0') {
        no++;
        next = strchr(line, '\n');
        ok = next != NULL;               /* no line end: cut short */
        if (ok) {
            *next++ = '\0';
            ok = read_line(&x, line);
        }
        line = next;
    }
    if (!ok && why[0] == '\0')
        g_snprintf(why, size, "line %ld is damaged", no);
    sb_diag_init(&diag);
    if (ok && sb_dataset_finish(x.ds, &diag, &err) != SB_OK) {
        ok = 0;
        x.nomem = err.code == SB_ENOMEM;
        g_snprintf(why, size, "%s", err.msg);
    }
    *nomem = x.nomem;
    if (x.nomem)
        g_snprintf(why, size, "out of memory");
    sb_diag_clear(&diag);
    if (ok) {
        v = g_new0(cli_vintage, 1);
        v->ds = x.ds;
        v->n_in = x.in->len;
        v->in = (cli_input *)(void *)g_array_free(x.in, FALSE);
    } else {
        guint i;
        for (i = 0; i < x.in->len; i++)
            g_free(g_array_index(x.in, cli_input, i).path);
        g_array_free(x.in, TRUE);
        sb_dataset_destroy(x.ds);
    }
    g_array_free(x.inds, TRUE);
    g_array_free(x.regs, TRUE);
    return v;
}

cli_vintage *cli_vintage_read(const char *path, char *why, size_t size,
                              int *nomem)
{
    size_t len = 0;
    unsigned char *packed;
    GString *text;
    cli_vintage *v;

    why[0] = '\0';
    *nomem = 0;
    packed = slurp(path, &len, why, size);
    if (packed == NULL)
        return NULL;
    text = unpack(packed, len, why, size);
    g_free(packed);
    if (text == NULL)
        return NULL;
    v = parse(text->str, why, size, nomem);
    g_string_free(text, TRUE);
    return v;
}

void cli_vintage_free(cli_vintage *v)
{
    size_t i;

    if (v == NULL)
        return;
    for (i = 0; i < v->n_in; i++)
        g_free(v->in[i].path);
    g_free(v->in);
    sb_dataset_destroy(v->ds);
    g_free(v);
}
