/*
 * input/fmt_oecd.c -- OECD long exports: OECD.Stat CSV (code and label
 * columns in pairs, "Value", "Flag Codes") and Data Explorer CSV with
 * labels (SDMX names: REF_AREA, TIME_PERIOD, OBS_VALUE, OBS_STATUS).
 *
 * Told by its flags column. Indicator id = the code columns before the
 * time column joined by '.' (not the frequency, structure or unit
 * columns), its name their labels; region = the country's name when the
 * export has it, else its code; the unit from the unit and power
 * columns. Values and flags go through the cell grammar.
 */
#include "fmt.h"

#include "core/alloc.h"

#include <glib.h>
#include <string.h>

#define OECD_NAME "OECD export"

typedef struct {
    int time, value, where, flags;         /* columns */
    int ind_cols[INPUT_FMT_MAX_DIMS];      /* codes joined by '.' */
    int name_cols[INPUT_FMT_MAX_DIMS];     /* their labels: the name */
    size_t n_ind, n_name;
    int unit_col, unit_code_col;           /* Unit (label), Unit Code */
    int power_col, power_code_col;         /* PowerCode, its code */
} oecd_state;

static const char *const time_names[] = {"TIME", "TIME_PERIOD", NULL};
static const char *const value_names[] = {"Value", "OBS_VALUE", NULL};
static const char *const flags_names[] = {"Flag Codes", "OBS_STATUS", NULL};
static const char *const where_names[] = {"LOCATION", "COU", "COUNTRY",
                                          "REF_AREA", NULL};
/* Code columns that are not part of the indicator's key. */
static const char *const not_key[] = {
    "FREQUENCY", "FREQ", "STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME",
    "ACTION", "UNIT_MEASURE", "UNIT_MULT", NULL};

/* An SDMX code header: capitals, digits and '_' with a letter. */
static int code_like(const char *s)
{
    int letter = 0;

    if (*s == '\0')
        return 0;
    for (; *s; s++) {
        if (g_ascii_isupper(*s))
            letter = 1;
        else if (!g_ascii_isdigit(*s) && *s != '_')
            return 0;
    }
    return letter;
}

static int in_list(const char *s, const char *const *list)
{
    size_t k;

    for (k = 0; list[k] != NULL; k++)
        if (g_ascii_strcasecmp(s, list[k]) == 0)
            return 1;
    return 0;
}

/* A flags column marks the export; then time, value and country must be
   there. */
static int detect(const char *path, const input_row *const *rows, size_t n,
                  size_t *header, void **state, sb_error *err)
{
    const input_row *h = rows[0];
    int flags = input_fmt_find(h, flags_names);
    int time = input_fmt_find(h, time_names);
    int value = input_fmt_find(h, value_names);
    int where = input_fmt_find(h, where_names);
    oecd_state *st;

    (void)n;
    if (flags < 0)
        return 0;
    if (time < 0 || value < 0 || where < 0)
        return input_fmt_rule(err, path, h->line, 0, OECD_NAME ": a \"%s\" "
                              "column but no %s column", h->field[flags],
                              time < 0    ? "TIME"
                              : value < 0 ? "Value"
                                          : "LOCATION (or COU, REF_AREA)");
    if ((st = sb_new0(oecd_state, 1)) == NULL)
        return input_fmt_oom(err, path, h->line);
    st->time = time;
    st->value = value;
    st->where = where;
    st->flags = flags;
    *state = st;
    *header = 0;
    return 1;
}

/* The code columns before TIME make the indicator; each one's label
   (the next column, if not a code) its name. */
static void key_columns(input_layout *l, oecd_state *st)
{
    int c;

    for (c = 0; c < st->time; c++) {
        const char *name = l->cols[c].name;
        int label = c + 1 < st->time && !code_like(l->cols[c + 1].name);
        if (!code_like(name))
            continue;
        if (c != st->where && !in_list(name, not_key) &&
            st->n_ind < INPUT_FMT_MAX_DIMS) {
            st->ind_cols[st->n_ind++] = c;
            l->cols[c].role = INPUT_COL_INDICATOR;
            if (label) {
                st->name_cols[st->n_name++] = c + 1;
                l->cols[c + 1].extra = 1;
            }
        }
    }
}

/* The unit columns, marked as read. */
static int unit_column(input_layout *l, const input_row *h,
                       const char *const *names)
{
    int c = input_fmt_find(h, names);

    if (c >= 0)
        l->cols[c].extra = 1;
    return c;
}

static int header(const char *path, const input_row *h, input_layout *l,
                  sb_error *err)
{
    static const char *const unit[] = {"Unit", "Unit of measure", NULL};
    static const char *const unit_code[] = {"Unit Code", "UNIT_MEASURE", NULL};
    static const char *const power[] = {"PowerCode", "Unit multiplier", NULL};
    static const char *const power_code[] = {"PowerCode Code", "UNIT_MULT",
                                             NULL};
    oecd_state *st = l->export_state;
    int w = st->where;

    key_columns(l, st);
    if (st->n_ind == 0)
        return input_fmt_rule(err, path, h->line, st->time + 1, OECD_NAME
                              ": no indicator code column (like SUBJECT or "
                              "MEASURE) before %s", l->cols[st->time].name);
    /* the country's name when the export has it, else its code */
    input_fmt_key(l, INPUT_COL_REGION,
                  w + 1 < (int)l->n && !code_like(l->cols[w + 1].name) ? w + 1
                                                                       : w);
    input_fmt_key(l, INPUT_COL_YEAR, st->time);
    input_fmt_key(l, INPUT_COL_VALUE, st->value);
    input_fmt_key(l, INPUT_COL_FLAGS, st->flags);
    st->unit_col = unit_column(l, h, unit);
    st->unit_code_col = unit_column(l, h, unit_code);
    st->power_col = unit_column(l, h, power);
    st->power_code_col = unit_column(l, h, power_code);
    l->shape = INPUT_SHAPE_LONG;
    return 0;
}

/* Joins the trimmed fields cols[0..n) with sep into buf. */
static const char *join_cols(const input_row *r, const int *cols, size_t n,
                             const char *sep, char *buf)
{
    char part[INPUT_FMT_NAME_MAX];
    size_t i;

    buf[0] = '\0';
    for (i = 0; i < n; i++) {
        input_fmt_copy(r, cols[i], part);
        if (i > 0)
            g_strlcat(buf, sep, INPUT_FMT_NAME_MAX);
        g_strlcat(buf, part, INPUT_FMT_NAME_MAX);
    }
    return buf;
}

/* The unit of a row: "%" for percentages, "US Dollar, Millions" with a
   power of ten. */
static const char *unit_of(const oecd_state *st, const input_row *r,
                           char *buf)
{
    char code[INPUT_FMT_NAME_MAX], pcode[INPUT_FMT_NAME_MAX];
    char plabel[INPUT_FMT_NAME_MAX];

    if (st->unit_col < 0)
        return NULL;
    input_fmt_copy(r, st->unit_col, buf);
    input_fmt_copy(r, st->unit_code_col, code);
    if (strcmp(code, "PC") == 0 || g_ascii_strcasecmp(buf, "Percentage") == 0)
        g_strlcpy(buf, "%", INPUT_FMT_NAME_MAX);
    input_fmt_copy(r, st->power_code_col, pcode);
    input_fmt_copy(r, st->power_col, plabel);
    if (pcode[0] != '\0' && strcmp(pcode, "0") != 0 && plabel[0] != '\0') {
        g_strlcat(buf, ", ", INPUT_FMT_NAME_MAX);
        g_strlcat(buf, plabel, INPUT_FMT_NAME_MAX);
    }
    return buf[0] ? buf : NULL;
}

static int row(const input_layout *l, const input_row *r,
               input_fmt_names *o, char *msg, size_t msgsize)
{
    const oecd_state *st = l->export_state;

    (void)msg;
    (void)msgsize;
    o->indicator = join_cols(r, st->ind_cols, st->n_ind, ".", o->buf[0]);
    o->region = input_fmt_copy(r, l->key[INPUT_COL_REGION], o->buf[1]);
    if (st->n_name > 0)
        o->name = join_cols(r, st->name_cols, st->n_name, ", ", o->buf[2]);
    o->unit = unit_of(st, r, o->buf[3]);
    o->col = st->ind_cols[0];
    return 0;
}

const input_fmt input_fmt_oecd = {
    OECD_NAME, detect, header, row, NULL, NULL, NULL, NULL, NULL,
};
