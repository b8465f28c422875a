/*
 * input/fmt.c -- the helpers every portal format reads its records with:
 * trimmed fields, a unit cut off a name, the year columns of a wide
 * download, the message of a broken rule.
 *
 * Used by input/fmt_*.c only; nothing here knows any one portal.
 */
#include "fmt.h"

#include "core/alloc.h"

#include <glib.h>
#include <stdarg.h>
#include <string.h>

/* ---- reading records ---------------------------------------------------- */

const char *input_fmt_cell(const input_row *r, size_t i, size_t *len)
{
    if (i >= r->n) {
        *len = 0;
        return "";
    }
    return input_trim(r->field[i], r->len[i], len);
}

const char *input_fmt_field(const input_row *r, size_t i)
{
    size_t len;
    char *s;

    if (i >= r->n)
        return "";
    s = (char *)input_trim(r->field[i], r->len[i], &len);
    s[len] = '\0';
    return s;
}

void input_fmt_region_code(const input_row *r, size_t name, size_t code,
                           input_fmt_names *o)
{
    o->region = input_fmt_field(r, name);
    o->alias = input_fmt_field(r, code);
    o->alias_col = (int)code;
}

char *input_fmt_text(const input_row *r, size_t i)
{
    size_t len;
    const char *s = input_fmt_cell(r, i, &len);

    return sb_strndup(s, len);
}

int input_fmt_is(const input_row *r, size_t i, const char *lit)
{
    size_t len;
    const char *s = input_fmt_cell(r, i, &len);

    return len == strlen(lit) && g_ascii_strncasecmp(s, lit, len) == 0;
}

int input_fmt_find(const input_row *r, const char *const *names)
{
    return input_fmt_find_by(r, names, input_fmt_is);
}

int input_fmt_find_by(const input_row *r, const char *const *names,
                      int (*is)(const input_row *, size_t, const char *))
{
    size_t i, k;

    for (k = 0; names[k] != NULL; k++)
        for (i = 0; i < r->n; i++)
            if (is(r, i, names[k]))
                return (int)i;
    return -1;
}

const char *input_fmt_copy(const input_row *r, int i, char *buf)
{
    size_t len = 0;
    const char *s = "";

    if (i >= 0)
        s = input_fmt_cell(r, (size_t)i, &len);
    return input_fmt_copy_to(buf, s, len);
}

char *input_fmt_copy_to(char *buf, const char *s, size_t n)
{
    n = MIN(n, (size_t)INPUT_FMT_NAME_MAX - 1);
    memmove(buf, s, n);
    buf[n] = '\0';
    return buf;
}

const char *input_fmt_strip(const char *s, size_t *n)
{
    while (*n > 0 && g_ascii_isspace(*s)) {
        s++;
        (*n)--;
    }
    while (*n > 0 && g_ascii_isspace(s[*n - 1]))
        (*n)--;
    return s;
}

input_fmt_unit input_fmt_split_unit(const char *text, size_t n)
{
    size_t close = 0;
    const char *open = NULL, *p;
    input_fmt_unit u = {text, NULL, n, 0};

    if (n > 0 && text[n - 1] == ')')
        close = 1;
    else if (n >= 3 && memcmp(text + n - 3, "\xef\xbc\x89", 3) == 0) /* ） */
        close = 3;
    for (p = text; close && p < text + n - close; p++)
        if (*p == '(' || strncmp(p, "\xef\xbc\x88", 3) == 0)         /* （ */
            open = p;
    if (open != NULL && open != text) {
        u.id_len = (size_t)(open - text);
        p = open + (*open == '(' ? 1 : 3);
        u.unit_len = (size_t)(text + n - close - p);
        u.unit = input_fmt_strip(p, &u.unit_len);
        /* an index's reference stays in the id too: the NBS publishes
           "GDP index (上年=100)" beside "GDP index (1978=100)" */
        if (u.unit_len >= 3 &&
            memcmp(u.unit + u.unit_len - 3, "100", 3) == 0 &&
            memchr(u.unit, '=', u.unit_len) != NULL)
            u.id_len = n;
    }
    u.id = input_fmt_strip(text, &u.id_len);
    return u;
}

/* ---- building the layout ------------------------------------------------ */

void input_fmt_key(input_layout *l, input_col_role role, int col)
{
    l->key[role] = col;
    if (col >= 0)
        l->cols[col].role = role;
}

int input_fmt_year_columns(const char *path, const input_row *h,
                           input_layout *l, const input_fmt_years *y,
                           sb_error *err)
{
    size_t i;
    int years = 0;

    for (i = y->first; i < l->n; i++) {
        const char *name = l->cols[i].name;
        if (name[0] == '\0')
            continue;                   /* the trailing empty column */
        if ((l->cols[i].year = y->year(name)) <= 0)
            return input_fmt_rule(err, path, h->line, (long)i + 1,
                                  "%s: %s %zu \"%.40s\" is not a year%s",
                                  l->export->name, y->column, i + 1, name,
                                  y->hint);
        l->cols[i].role = INPUT_COL_VALUES;
        years++;
    }
    if (years == 0)
        return input_fmt_rule(err, path, h->line, 0, "%s: no year columns%s",
                              l->export->name, y->none);
    return 0;
}

/* ---- errors ------------------------------------------------------------- */

int input_fmt_rule(sb_error *err, const char *path, long line, long col,
                   const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    sb_error_setv(err, SB_EDATA, path, line, col, fmt, ap);
    va_end(ap);
    return -1;
}

int input_fmt_oom(sb_error *err, const char *path, long line)
{
    sb_error_set(err, SB_ENOMEM, path, line, 0, "out of memory");
    return -1;
}
