/*
 * input/fmt_nbs.c -- downloads of the China NBS data portal (国家统计局,
 * data.stats.gov.cn), in GB18030 or UTF-8: a preamble (数据库：,
 * 指标：, 地区：, 时间：), a header 地区,2022年,2021年,... (a row per
 * region) or 指标,2022年,... (a row per indicator), then the footnotes
 * (注：, 数据来源：, and every line after them).
 *
 * Indicator id = the 指标 text without its trailing unit in
 * parentheses, which becomes the unit; region = the row's 地区, or the
 * preamble's 地区：, else 全国. Without a preamble a table is NBS only
 * when its header says 2022年. The footnotes' text goes back to
 * input/data.c, which gives it to the file's indicators.
 */
#include "fmt.h"

#include "core/alloc.h"

#include <glib.h>
#include <string.h>

#define NBS_NAME "China NBS export"

/* UTF-8 spellings of the NBS words (the source stays ASCII). */
#define ZH_REGION "\xe5\x9c\xb0\xe5\x8c\xba"            /* 地区 */
#define ZH_INDICATOR "\xe6\x8c\x87\xe6\xa0\x87"         /* 指标 */
#define ZH_DATABASE "\xe6\x95\xb0\xe6\x8d\xae\xe5\xba\x93" /* 数据库 */
#define ZH_TIME "\xe6\x97\xb6\xe9\x97\xb4"              /* 时间 */
#define ZH_YEAR "\xe5\xb9\xb4"                          /* 年 */
#define ZH_NOTE "\xe6\xb3\xa8"                          /* 注 */
#define ZH_SOURCE "\xe6\x95\xb0\xe6\x8d\xae\xe6\x9d\xa5\xe6\xba\x90" /* 数据来源 */
#define ZH_NATION "\xe5\x85\xa8\xe5\x9b\xbd"            /* 全国 */
#define ZH_COLON "\xef\xbc\x9a"                         /* ： */

typedef struct {
    char *indicator, *unit; /* from 指标：, without / the unit */
    char *region;           /* rows of indicators: 地区：, else 全国 */
    long first_line;        /* the first record's: where a missing 指标：
                               is reported */
} nbs_state;

static void state_free(void *p)
{
    nbs_state *st = p;

    if (st == NULL)
        return;
    g_free(st->indicator);
    g_free(st->unit);
    g_free(st->region);
    g_free(st);
}

/* If s starts with word and a colon (full-width or not), the rest. */
static const char *after_label(const char *s, const char *word)
{
    size_t n = strlen(word);

    if (strncmp(s, word, n) != 0)
        return NULL;
    if (s[n] == ':')
        return s + n + 1;
    if (strncmp(s + n, ZH_COLON, 3) == 0)
        return s + n + 3;
    return NULL;
}

/* A preamble record's text: its fields joined by ',' (a comma in the
   text splits it into fields), trimmed; NULL when out of memory. */
static char *joined(const input_row *r)
{
    sb_text t = {0};
    size_t i, len;
    int bad = sb_text_add(&t, "", 0) != 0;

    for (i = 0; i < r->n && !bad; i++) {
        const char *f = input_fmt_cell(r, i, &len);
        if (len == 0)
            continue;
        bad = (t.len > 0 && sb_text_add(&t, ",", 1) != 0) ||
              sb_text_add(&t, f, len) != 0;
    }
    if (bad) {
        g_free(t.s);
        return NULL;
    }
    return t.s;
}

/* "2022年" -> 2022. */
static int year_of(const char *s)
{
    size_t n = strlen(s);

    if (n != 7 || strcmp(s + 4, ZH_YEAR) != 0)
        return -1;
    return input_parse_year(s, 4);
}

/* A new string of s stripped, into *to (replacing it); -1 when out of
   memory. */
static int set_stripped(char **to, const char *s, size_t n)
{
    char *p;

    s = input_fmt_strip(s, &n);
    if ((p = sb_strndup(s, n)) == NULL)
        return -1;
    g_free(*to);
    *to = p;
    return 0;
}

/* 指标：text: the indicator and its unit. */
static int take_indicator(nbs_state *st, const char *v)
{
    size_t n = strlen(v);
    input_fmt_unit u;

    v = input_fmt_strip(v, &n);
    u = input_fmt_split_unit(v, n);
    g_free(st->unit);
    st->unit = NULL;
    return set_stripped(&st->indicator, u.id, u.id_len) != 0 ||
           (u.unit != NULL && set_stripped(&st->unit, u.unit, u.unit_len) != 0)
               ? -1 : 0;
}

/* One preamble line into st: 1 when it is one, 0 when it is not, -1
   when out of memory. 数据库 and 时间 only say what was asked. */
static int preamble_line(const char *t, nbs_state *st)
{
    const char *v;

    if (after_label(t, ZH_DATABASE) != NULL)
        return 1;
    if ((v = after_label(t, ZH_INDICATOR)) != NULL)
        return take_indicator(st, v) != 0 ? -1 : 1;
    if ((v = after_label(t, ZH_REGION)) != NULL)
        return set_stripped(&st->region, v, strlen(v)) != 0 ? -1 : 1;
    return after_label(t, ZH_TIME) != NULL;
}

/* The preamble's lines. Returns how many, or -1 when out of memory. */
static int preamble(const input_row *const *rows, size_t n, nbs_state *st)
{
    size_t i;
    int known = 1;

    for (i = 0; i < n && known > 0; i++) {
        char *t = joined(rows[i]);
        known = t != NULL ? preamble_line(t, st) : -1;
        g_free(t);
    }
    return known < 0 ? -1 : (int)(known ? i : i - 1);
}

/* Whether the header at h starts a table of NBS rows: 1, 0, or -1 with
   the rule when a preamble promised one. */
static int table_after(const char *path, const input_row *const *rows,
                       size_t n, size_t h, sb_error *err)
{
    const input_row *hr = h < n ? rows[h] : NULL;
    char c1[INPUT_FMT_NAME_MAX];

    if (hr == NULL || (!input_fmt_is(hr, 0, ZH_REGION) &&
                       !input_fmt_is(hr, 0, ZH_INDICATOR))) {
        if (h == 0)
            return 0;
        return input_fmt_rule(err, path, hr ? hr->line : rows[n - 1]->line,
                              1, NBS_NAME ": after the preamble, expected a "
                              "header " ZH_REGION ",2022" ZH_YEAR ",2021"
                              ZH_YEAR ",... or " ZH_INDICATOR ",2022" ZH_YEAR
                              ",...");
    }
    /* no preamble: an NBS table only if its years say so */
    return h > 0 || year_of(input_fmt_copy(hr, 1, c1)) > 0;
}

static int detect(const char *path, const input_row *const *rows, size_t n,
                  size_t *header, void **state, sb_error *err)
{
    nbs_state *st = sb_new0(nbs_state, 1);
    int got = st != NULL ? preamble(rows, n, st) : -1, r;

    if (got < 0) {
        state_free(st);
        return input_fmt_oom(err, path, rows[0]->line);
    }
    r = table_after(path, rows, n, (size_t)got, err);
    if (r <= 0) {
        state_free(st);
        return r;
    }
    st->first_line = rows[0]->line;
    *state = st;
    *header = (size_t)got;
    return 1;
}

static int header(const char *path, const input_row *h, input_layout *l,
                  sb_error *err)
{
    static const input_fmt_years years = {
        1, year_of, "column", " like \"2022" ZH_YEAR "\"",
        " (like \"2022" ZH_YEAR "\")"};
    nbs_state *st = l->export_state;

    if (input_fmt_year_columns(path, h, l, &years, err) != 0)
        return -1;
    l->shape = INPUT_SHAPE_WIDE_YEAR;
    if (input_fmt_is(h, 0, ZH_INDICATOR)) {
        input_fmt_key(l, INPUT_COL_INDICATOR, 0);
        if (st->region == NULL && (st->region = sb_strdup(ZH_NATION)) == NULL)
            return input_fmt_oom(err, path, h->line);
        return 0;
    }
    input_fmt_key(l, INPUT_COL_REGION, 0);
    if (st->indicator != NULL && st->indicator[0] != '\0')
        l->stem = sb_strdup(st->indicator);
    else if (l->header_at > 0)
        return input_fmt_rule(err, path, st->first_line, 1, NBS_NAME ": no "
                              ZH_INDICATOR ZH_COLON " line in the preamble, "
                              "so the indicator of the rows is unknown");
    else {      /* no 指标： line: the file's name, as for any wide table */
        l->stem = input_file_stem(path);
        l->from |= INPUT_FROM_STEM_FILE;
    }
    return l->stem != NULL ? 0 : input_fmt_oom(err, path, h->line);
}

static int row(const input_layout *l, const input_row *r,
               input_fmt_names *o, char *msg, size_t msgsize)
{
    const nbs_state *st = l->export_state;
    input_fmt_unit u;

    (void)msg;
    (void)msgsize;
    if (l->key[INPUT_COL_INDICATOR] < 0) {      /* a row per region */
        o->region = input_fmt_copy(r, 0, o->buf[1]);
        o->unit = st->unit;
        return 0;
    }
    input_fmt_copy(r, 0, o->buf[2]);
    u = input_fmt_split_unit(o->buf[2], strlen(o->buf[2]));
    o->indicator = input_fmt_copy_to(o->buf[0], u.id, u.id_len);
    input_fmt_copy_to(o->buf[1], u.unit ? u.unit : "", u.unit_len);
    o->unit = o->buf[1][0] ? o->buf[1] : NULL;
    o->region = st->region;
    return 0;
}

/* 注： and 数据来源： start the footnotes. */
static int footer(const input_layout *l, const input_row *r,
                  const char **body, int *is_source)
{
    size_t len;
    const char *s = input_fmt_cell(r, 0, &len), *v;

    (void)l;
    if ((v = after_label(s, ZH_SOURCE)) != NULL)
        *is_source = 1;
    else if ((v = after_label(s, ZH_NOTE)) == NULL)
        return 0;
    /* only within the trimmed cell: a quoted "注：   " keeps its spaces
       after the end the trim gave, and data.c measures the body from
       that end */
    while (v < s + len && *v == ' ')
        v++;
    *body = v;
    return 1;
}

const input_fmt input_fmt_nbs = {
    NBS_NAME, detect, header, row, footer, NULL, state_free, NULL, NULL,
};
