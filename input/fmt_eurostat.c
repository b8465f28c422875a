/*
 * input/fmt_eurostat.c -- Eurostat TSV downloads: a first cell naming
 * the key dimensions and the time axis ("unit,geo\time", or
 * "freq,unit,geo\TIME_PERIOD" in the newer API), a compound key
 * "PC_GDP,AT" per row, then one tab-separated column per year.
 *
 * Indicator id = the non-geo parts of the key joined by '.', region =
 * the geo part, unit = the unit part in words where it is a common code.
 * Annual data only. Values with their flags ("3.2 p", ": c") go through
 * the cell grammar.
 */
#include "fmt.h"

#include "core/alloc.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#define EUROSTAT_NAME "Eurostat TSV"

typedef struct {
    char *dims;             /* "unit,geo", for messages */
    int n_parts, geo_part;  /* dimensions, which one is geo */
    int unit_part;          /* the unit dimension, or -1 */
} eurostat_state;

static void state_free(void *p)
{
    eurostat_state *st = p;

    if (st != NULL)
        g_free(st->dims);
    g_free(st);
}

/* The first cell ends in \time: its dimensions are the text before. */
static int detect(const char *path, const input_row *const *rows, size_t n,
                  size_t *header, void **state, sb_error *err)
{
    char *first = input_fmt_text(rows[0], 0), *slash;
    eurostat_state *st;

    (void)n;
    if (first == NULL)
        return input_fmt_oom(err, path, rows[0]->line);
    if ((slash = strrchr(first, '\\')) == NULL) {
        g_free(first);
        return 0;
    }
    if (g_ascii_strcasecmp(slash + 1, "time") != 0 &&
        g_ascii_strcasecmp(slash + 1, "TIME_PERIOD") != 0) {
        input_fmt_rule(err, path, rows[0]->line, 1, EUROSTAT_NAME ": the "
                       "first cell \"%.60s\" must end in \\time or "
                       "\\TIME_PERIOD (the time axis)", first);
        g_free(first);
        return -1;
    }
    *slash = '\0';
    if ((st = sb_new0(eurostat_state, 1)) == NULL) {
        g_free(first);
        return input_fmt_oom(err, path, rows[0]->line);
    }
    st->dims = first;
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
        if (g_ascii_strcasecmp(d[i], "geo") == 0)
            st->geo_part = (int)i;
        else if (g_ascii_strcasecmp(d[i], "unit") == 0)
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
    static const input_fmt_years years = {
        1, year_of, "time column", " (only annual data can be read)", ""};
    eurostat_state *st = l->export_state;

    dimensions(st);
    if (st->geo_part < 0)
        return input_fmt_rule(err, path, h->line, 1, EUROSTAT_NAME ": no geo "
                              "dimension in \"%s\" (the region of each row)",
                              st->dims);
    if (st->n_parts > INPUT_FMT_MAX_DIMS)
        return input_fmt_rule(err, path, h->line, 1, EUROSTAT_NAME ": more "
                              "than %d dimensions in \"%.60s\"",
                              INPUT_FMT_MAX_DIMS, st->dims);
    if (input_fmt_year_columns(path, h, l, &years, err) != 0)
        return -1;
    l->cols[0].role = INPUT_COL_INDICATOR;
    l->shape = INPUT_SHAPE_WIDE_YEAR;
    return 0;
}

/* Eurostat unit codes seen most, in words; others stay codes. */
static const char *unit_words(const char *code)
{
    static const char *const map[][2] = {
        {"PC", "%"}, {"PC_GDP", "% of GDP"}, {"PC_POP", "% of population"},
        {"PC_ACT", "% of active population"}, {"PC_TOT", "% of total"},
        {"MIO_EUR", "million euro"}, {"THS_EUR", "thousand euro"},
        {"EUR", "euro"}, {"EUR_HAB", "euro per inhabitant"},
        {"MIO_NAC", "million national currency"}, {"NR", "number"},
        {"THS", "thousand"}, {"THS_PER", "thousand persons"},
        {"HAB", "inhabitants"}, {"RT", "rate"}, {"I15", "index, 2015 = 100"},
        {"I10", "index, 2010 = 100"}, {"I20", "index, 2020 = 100"},
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(map); i++)
        if (strcmp(code, map[i][0]) == 0)
            return map[i][1];
    return code;
}

/* The key of the row split at ',' into parts (inside buf); how many,
   counting at most one past INPUT_FMT_MAX_DIMS. */
static int split_key(const input_row *r, char *buf, char **parts)
{
    char *p = buf;
    int n = 0;

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
    char *parts[INPUT_FMT_MAX_DIMS + 1];
    int n = split_key(r, o->buf[3], parts), i;

    if (n != st->n_parts) {
        snprintf(msg, size, EUROSTAT_NAME ": the key \"%.60s\" has %d part%s, "
                 "the header names %d (%s)", r->field[0], n,
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
    if (st->unit_part >= 0)
        o->unit = unit_words(parts[st->unit_part]);
    return 0;
}

const input_fmt input_fmt_eurostat = {
    EUROSTAT_NAME, detect, header, row, NULL, NULL, state_free, NULL, NULL,
};
