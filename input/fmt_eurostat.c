/*
 * input/fmt_eurostat.c -- Eurostat tables in their two plain-text forms:
 *
 * - the TSV download: a first cell naming the key dimensions and the
 *   time axis ("unit,geo\time", or "freq,unit,geo\TIME_PERIOD" in the
 *   newer API), a compound key "PC_GDP,AT" per row, then one
 *   tab-separated column per year;
 * - the same table saved as CSV by pandas (the Python `eurostat`
 *   package's get_data_df, written out by pandas, R or Julia): one
 *   comma column per dimension, the last one headed "geo\TIME_PERIOD",
 *   then the years ("freq,unit,deg_urb,geo\TIME_PERIOD,2003,...", NaN
 *   for a missing value).
 *
 * Both mean the same: indicator id = the non-geo dimensions joined by
 * '.', region = the geo code (EU and euro-area aggregates marked as
 * aggregates), unit = the unit code in words where it is a common one.
 * Annual data only. Values with their flags ("3.2 p", ": c") and
 * missing markers (NaN) go through the cell grammar.
 */
#include "fmt.h"

#include "core/alloc.h"
#include "sdmx_codes.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#define EUROSTAT_NAME "Eurostat TSV"
#define EUROSTAT_CSV_NAME "Eurostat CSV (eurostat package)"

typedef struct {
    const char *name;       /* the format's name, for messages */
    char *dims;             /* "unit,geo", for messages */
    int n_parts, geo_part;  /* dimensions, which one is geo */
    int unit_part;          /* the unit dimension, or -1 */
    int columns;            /* CSV: one column per dimension; TSV: the
                               key is the first cell */
    int first;              /* CSV: the first dimension's column (1
                               after pandas' unnamed index column) */
} eurostat_state;

static void state_free(void *p)
{
    eurostat_state *st = p;

    if (st != NULL)
        g_free(st->dims);
    g_free(st);
}

/* 1 when s[0..n) ends in "\time" or "\TIME_PERIOD" (the time axis). */
static int ends_in_time(const char *s, size_t n)
{
    static const char *const axes[] = {"\\time", "\\TIME_PERIOD"};
    size_t i, k;

    for (i = 0; i < G_N_ELEMENTS(axes); i++) {
        k = strlen(axes[i]);
        if (n >= k && g_ascii_strncasecmp(s + n - k, axes[i], k) == 0)
            return 1;
    }
    return 0;
}

/* The text before "\time" or "\TIME_PERIOD" at the end of s, cut off in
   place: 1; 0 when s has no '\'; -1 when what follows it is not a time
   axis. */
static int cut_time_axis(char *s)
{
    char *slash = strrchr(s, '\\');

    if (slash == NULL)
        return 0;
    if (!ends_in_time(s, strlen(s)))
        return -1;
    *slash = '\0';
    return 1;
}

/* A new state with the dimensions dims (taken); NULL when out of
   memory (dims freed). */
static eurostat_state *new_state(const char *name, char *dims, int columns)
{
    eurostat_state *st = sb_new0(eurostat_state, 1);

    if (st == NULL) {
        g_free(dims);
        return NULL;
    }
    st->name = name;
    st->dims = dims;
    st->columns = columns;
    return st;
}

/* TSV: the first cell ends in \time: its dimensions are the text
   before. */
static int detect(const char *path, const input_row *const *rows, size_t n,
                  size_t *header, void **state, sb_error *err)
{
    char *first = input_fmt_text(rows[0], 0);
    int r;

    (void)n;
    if (first == NULL)
        return input_fmt_oom(err, path, rows[0]->line);
    if ((r = cut_time_axis(first)) <= 0) {
        if (r < 0)
            input_fmt_rule(err, path, rows[0]->line, 1, EUROSTAT_NAME
                           ": the first cell \"%.60s\" must end in \\time "
                           "or \\TIME_PERIOD (the time axis)", first);
        g_free(first);
        return r;
    }
    if ((*state = new_state(EUROSTAT_NAME, first, 0)) == NULL)
        return input_fmt_oom(err, path, rows[0]->line);
    *header = 0;
    return 1;
}

/* CSV: a column after the first headed "geo\TIME_PERIOD"; the
   dimensions are the headers up to it, after pandas' unnamed index
   column if there is one. */
static int detect_csv(const char *path, const input_row *const *rows,
                      size_t n, size_t *header, void **state, sb_error *err)
{
    const input_row *h = rows[0];
    size_t i, len, k, first;
    sb_text dims = {0};
    eurostat_state *st;

    (void)n;
    input_fmt_cell(h, 0, &len);
    first = len == 0;
    for (k = first + 1; k < h->n; k++) {
        const char *s = input_fmt_cell(h, k, &len);
        if (ends_in_time(s, len))
            break;
    }
    if (k >= h->n)
        return 0;
    for (i = first; i <= k; i++) {
        const char *s = input_fmt_cell(h, i, &len);
        if ((i > first && sb_text_add(&dims, ",", 1) != 0) ||
            sb_text_add(&dims, s, len) != 0) {
            g_free(dims.s);
            return input_fmt_oom(err, path, h->line);
        }
    }
    cut_time_axis(dims.s);
    if ((st = new_state(EUROSTAT_CSV_NAME, dims.s, 1)) == NULL)
        return input_fmt_oom(err, path, h->line);
    st->first = (int)first;
    *state = st;
    *header = 0;
    return 1;
}

/* The key dimensions "unit,geo": how many, which is geo, which unit. */
static void dimensions(eurostat_state *st)
{
    char **d = g_strsplit(st->dims, ",", -1);
    size_t i;

    st->geo_part = st->unit_part = -1;
    for (i = 0; d[i] != NULL; i++) {
        char *name = g_strstrip(d[i]);
        if (g_ascii_strcasecmp(name, "geo") == 0)
            st->geo_part = (int)i;
        else if (g_ascii_strcasecmp(name, "unit") == 0)
            st->unit_part = (int)i;
    }
    st->n_parts = (int)i;
    g_strfreev(d);
}

static int year_of(const char *s)
{
    return strlen(s) == 4 ? input_parse_year(s, 4) : -1;
}

static int header(const char *path, const input_row *h, input_layout *l,
                  sb_error *err)
{
    eurostat_state *st = l->export_state;
    input_fmt_years years = {
        1, year_of, "time column", " (only annual data can be read)", ""};
    int i;

    dimensions(st);
    if (st->geo_part < 0)
        return input_fmt_rule(err, path, h->line, st->columns ? 0 : 1,
                              "%s: no geo dimension in \"%s\" (the region "
                              "of each row)", st->name, st->dims);
    if (st->n_parts > INPUT_FMT_MAX_DIMS)
        return input_fmt_rule(err, path, h->line, 1, "%s: more than %d "
                              "dimensions in \"%.60s\"", st->name,
                              INPUT_FMT_MAX_DIMS, st->dims);
    if (!st->columns) {
        if (input_fmt_year_columns(path, h, l, &years, err) != 0)
            return -1;
        l->cols[0].role = INPUT_COL_INDICATOR;
        l->shape = INPUT_SHAPE_WIDE_YEAR;
        return 0;
    }
    years.first = (size_t)(st->first + st->n_parts);
    if (input_fmt_year_columns(path, h, l, &years, err) != 0)
        return -1;
    for (i = 0; i < st->n_parts; i++)
        l->cols[st->first + i].role = INPUT_COL_INDICATOR;
    input_fmt_key(l, INPUT_COL_REGION, st->first + st->geo_part);
    l->shape = INPUT_SHAPE_WIDE_YEAR;
    return 0;
}

/* The key of the row split into parts (inside buf); how many, counting
   at most one past INPUT_FMT_MAX_DIMS. TSV: the first cell split at
   ','; CSV: the first n_parts cells. */
static int split_key(const eurostat_state *st, const input_row *r,
                     char *buf, char **parts)
{
    char *p = buf;
    size_t len, used = 0;
    int n = 0;

    if (st->columns) {
        for (n = 0; n < st->n_parts; n++) {
            const char *s = input_fmt_cell(r, (size_t)(st->first + n), &len);
            len = MIN(len, INPUT_FMT_NAME_MAX - used - 1);
            parts[n] = input_fmt_copy_to(buf + used, s, len);
            used = MIN(used + len + 1, INPUT_FMT_NAME_MAX - 1);
        }
        return n;
    }
    input_fmt_copy(r, 0, buf);
    while (n <= INPUT_FMT_MAX_DIMS) {
        parts[n++] = p;
        if ((p = strchr(p, ',')) == NULL)
            break;
        *p++ = '\0';
    }
    return n;
}

static int row(const input_layout *l, const input_row *r,
               input_fmt_names *o, char *msg, size_t size)
{
    const eurostat_state *st = l->export_state;
    const sdmx_unit *u;
    char *parts[INPUT_FMT_MAX_DIMS + 1];
    int n = split_key(st, r, o->buf[3], parts), i;

    if (n != st->n_parts) {
        snprintf(msg, size, "%s: the key \"%.60s\" has %d part%s, the "
                 "header names %d (%s)", st->name, r->field[0], n,
                 n == 1 ? "" : "s", st->n_parts, st->dims);
        return -1;
    }
    o->buf[0][0] = '\0';
    for (i = 0; i < n; i++) {
        if (i == st->geo_part)
            continue;
        if (o->buf[0][0] != '\0')
            g_strlcat(o->buf[0], ".", INPUT_FMT_NAME_MAX);
        g_strlcat(o->buf[0], parts[i], INPUT_FMT_NAME_MAX);
    }
    o->indicator = o->buf[0];
    o->region = parts[st->geo_part];
    o->col = st->first;
    if (sdmx_area_aggregate(o->region))
        o->region_role = SB_ROLE_AGGREGATE;
    if (st->unit_part >= 0) {
        u = sdmx_unit_find(parts[st->unit_part]);
        o->unit = u != NULL ? u->words : parts[st->unit_part];
    }
    return 0;
}

const input_fmt input_fmt_eurostat = {
    EUROSTAT_NAME, detect, header, row, NULL, NULL, state_free, NULL, NULL,
};

const input_fmt input_fmt_eurostat_csv = {
    EUROSTAT_CSV_NAME, detect_csv, header, row, NULL, NULL, state_free,
    NULL, NULL,
};
