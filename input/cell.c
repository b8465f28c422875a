/*
 * input/cell.c -- parse one value cell: missing marker, or a number with
 * optional separators, decimals, exponent, '%' and flags.
 *
 * The number is copied, without separators, into a small ASCII buffer and
 * converted with g_ascii_strtod, which ignores the locale.
 */
#include "cell.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    const char *p, *end;
} cursor;

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static int is_digit(const cursor *c, size_t off)
{
    return c->p + off < c->end && g_ascii_isdigit(c->p[off]);
}

static int is_flag_char(char c)
{
    return g_ascii_isalpha(c) || c == '*';
}

static int starts_with(const cursor *c, const char *lit)
{
    size_t n = strlen(lit);

    return (size_t)(c->end - c->p) >= n && memcmp(c->p, lit, n) == 0;
}

static int starts_with_ci(const cursor *c, const char *lit)
{
    size_t n = strlen(lit);

    return (size_t)(c->end - c->p) >= n &&
           g_ascii_strncasecmp(c->p, lit, n) == 0;
}

static void skip_blanks(cursor *c)
{
    while (c->p < c->end && is_blank(*c->p))
        c->p++;
}

/* Reads flag characters up to the end. Returns -1 on anything else. */
static int read_flags(cursor *c, input_cell *out, char *msg, size_t msgsize)
{
    size_t n = 0;

    while (c->p < c->end && is_flag_char(*c->p)) {
        if (n == INPUT_CELL_MAX_FLAGS) {
            snprintf(msg, msgsize, "more than %d flag characters",
                     INPUT_CELL_MAX_FLAGS);
            return -1;
        }
        out->flags[n++] = *c->p++;
    }
    out->flags[n] = '\0';
    return c->p == c->end ? 0 : -1;
}

/* Missing markers, longest first; `letters` markers need a space before
   flags ("NA p"), the others do not (":c", ": c"). */
static const struct {
    const char *text;
    int letters;
} markers[] = {
    {"...", 0}, {"..", 0}, {":", 0}, {"\xe2\x80\x93", 0} /* en dash */,
    {"\xe2\x80\x94", 0} /* em dash */, {"-", 0},
    {"N/A", 1}, {"NA", 1}, {"x", 1},
};

/* Returns 1 if the cell is a missing marker (with optional flags). */
static int parse_missing(cursor c, input_cell *out, char *msg,
                         size_t msgsize)
{
    size_t i;

    if (c.p == c.end)
        return 1;
    for (i = 0; i < G_N_ELEMENTS(markers); i++) {
        cursor m = c;
        if (!starts_with_ci(&m, markers[i].text))
            continue;
        m.p += strlen(markers[i].text);
        if (m.p == m.end)
            return 1;
        if (markers[i].letters && !is_blank(*m.p))
            continue;
        if (markers[i].text[0] == '-' && (g_ascii_isdigit(*m.p) ||
                                          *m.p == '.'))
            return 0;                  /* "-5": a number */
        skip_blanks(&m);
        if (m.p < m.end && is_flag_char(*m.p) &&
            read_flags(&m, out, msg, msgsize) == 0)
            return 1;
        out->flags[0] = '\0';
    }
    return 0;
}

/* Appends digits to buf (at *n, limit size). Returns the count. */
static size_t copy_digits(cursor *c, char *buf, size_t *n, size_t size)
{
    size_t k = 0;

    while (c->p < c->end && g_ascii_isdigit(*c->p)) {
        if (*n + 1 < size)
            buf[*n] = *c->p;
        (*n)++;
        c->p++;
        k++;
    }
    return k;
}

/* Length of a thousands separator at c, or 0. */
static size_t separator_len(const cursor *c, int decimal_comma)
{
    if (!decimal_comma)
        return starts_with(c, ",") ? 1 : 0;
    if (starts_with(c, ".") || starts_with(c, " "))
        return 1;
    if (starts_with(c, "\xc2\xa0"))               /* no-break space */
        return 2;
    if (starts_with(c, "\xe2\x80\xaf"))           /* narrow no-break space */
        return 3;
    return 0;
}

/* Integer part with optional thousand separators: 1-3 digits then groups
   of exactly three. Returns -1 without digits, -2 on a bad grouping. */
static int parse_integer(cursor *c, int decimal_comma, char *buf, size_t *n,
                         size_t size)
{
    size_t k = copy_digits(c, buf, n, size), sep;
    int grouped = 0;

    if (k == 0)
        return -1;
    while ((sep = separator_len(c, decimal_comma)) > 0) {
        cursor look = *c;
        look.p += sep;
        /* A separator needs three digits after it and no fourth. In
           decimal-comma mode a space before flags ("12 p") is not one. */
        if (!(is_digit(&look, 0) && is_digit(&look, 1) && is_digit(&look, 2)
              && !is_digit(&look, 3))) {
            if (decimal_comma && is_blank(*c->p))
                break;
            return -2;
        }
        if (!grouped && k > 3)
            return -2;
        grouped = 1;
        c->p = look.p;
        copy_digits(c, buf, n, size);
    }
    return 0;
}

/* The exponent: e or E, optional sign, digits. Only consumed when digits
   follow; a lone "e" is the flag "estimated". *exp10 saturates at
   +-99999 (far beyond any double) instead of overflowing. */
static int parse_exponent(cursor *c, char *buf, size_t *n, size_t size,
                          long *exp10)
{
    cursor look = *c;
    int neg = 0;

    if (look.p >= look.end || (*look.p != 'e' && *look.p != 'E'))
        return 0;
    look.p++;
    if (look.p < look.end && (*look.p == '+' || *look.p == '-'))
        neg = *look.p++ == '-';
    if (!is_digit(&look, 0))
        return 0;
    *exp10 = 0;
    while (look.p < look.end && g_ascii_isdigit(*look.p)) {
        long digit = *look.p++ - '0';      /* not inside MIN: evaluated twice */
        *exp10 = MIN(*exp10 * 10 + digit, 99999);
    }
    if (neg)
        *exp10 = -*exp10;
    c->p = look.p;
    /* the converted number carries the clamped exponent */
    *n += (size_t)g_snprintf(*n < size ? buf + *n : NULL,
                             *n < size ? size - *n : 0, "e%ld", *exp10);
    return 1;
}

/* A digit other than 0 before the exponent of a converted number. */
static int mantissa_nonzero(const char *buf)
{
    for (; *buf != '\0' && *buf != 'e'; buf++)
        if (*buf >= '1' && *buf <= '9')
            return 1;
    return 0;
}

static int fail(char *msg, size_t msgsize, const char *what, const char *s,
                size_t len)
{
    snprintf(msg, msgsize, "%s: \"%.*s\"", what, (int)MIN(len, 60), s);
    return -1;
}

static int parse_number(cursor c, int decimal_comma, input_cell *out,
                        char *msg, size_t msgsize)
{
    const char *s = c.p;
    size_t len = (size_t)(c.end - c.p), n = 0, frac = 0;
    char buf[INPUT_CELL_MAX_NUMBER + 8];
    long exp10 = 0;
    char *endp;

    if (starts_with(&c, "+") || starts_with(&c, "-"))
        buf[n++] = *c.p++;
    else if (starts_with(&c, "\xe2\x88\x92")) {   /* U+2212 minus sign */
        buf[n++] = '-';
        c.p += 3;
    }
    switch (parse_integer(&c, decimal_comma, buf, &n, sizeof buf)) {
    case -1:
        return fail(msg, msgsize, "not a number", s, len);
    case -2:
        return fail(msg, msgsize, "bad thousand separator", s, len);
    }
    if (c.p < c.end && *c.p == (decimal_comma ? ',' : '.')) {
        c.p++;
        if (n + 1 < sizeof buf)
            buf[n] = '.';
        n++;
        frac = copy_digits(&c, buf, &n, sizeof buf);
        if (frac == 0)
            return fail(msg, msgsize, "no digits after the decimal mark",
                        s, len);
    }
    parse_exponent(&c, buf, &n, sizeof buf, &exp10);
    if (n >= INPUT_CELL_MAX_NUMBER)
        return fail(msg, msgsize, "number too long", s, len);
    buf[n] = '\0';
    {
        cursor pc = c;
        skip_blanks(&pc);
        if (pc.p < pc.end && *pc.p == '%') {
            out->percent = 1;
            c.p = pc.p + 1;
        }
    }
    skip_blanks(&c);
    if (read_flags(&c, out, msg, msgsize) != 0) {
        if (msg[0] == '\0')
            fail(msg, msgsize, "not a number", s, len);
        return -1;
    }
    out->value = g_ascii_strtod(buf, &endp);
    /* 1e999 overflows; 1e-400 would silently read as 0 */
    if (*endp != '\0' || !isfinite(out->value) ||
        (out->value == 0 && mantissa_nonzero(buf)))
        return fail(msg, msgsize, "number out of range", s, len);
    out->decimals = (int)CLAMP((long)frac - exp10, 0, 20);
    return 0;
}

int input_cell_parse(const char *s, size_t len, int decimal_comma,
                     input_cell *out, char *msg, size_t msgsize)
{
    cursor c = {s, s + len};

    memset(out, 0, sizeof *out);
    msg[0] = '\0';
    skip_blanks(&c);
    while (c.end > c.p && is_blank(c.end[-1]))
        c.end--;
    if (parse_missing(c, out, msg, msgsize)) {
        out->missing = 1;
        out->value = NAN;
        return 0;
    }
    if (msg[0] != '\0')
        return -1;
    return parse_number(c, decimal_comma, out, msg, msgsize);
}

int input_cell_digits_after_comma(const char *s, size_t len)
{
    const char *comma = NULL;
    size_t i;
    int digits = 0, seen_digit = 0, after_dot = 0;

    for (i = 0; i < len; i++) {
        char ch = s[i];
        if (g_ascii_isdigit(ch)) {
            seen_digit = 1;
            if (comma != NULL && !after_dot)
                digits++;
        } else if (ch == '.' && comma != NULL) {
            after_dot = 1;                   /* "1,234.5": 3 after ',' */
        } else if (ch == ',') {
            if (comma != NULL || !seen_digit)
                return -1;
            comma = s + i;
        } else if (ch == '%' || is_flag_char(ch)) {
            break;                          /* the number is over */
        } else if (!(ch == '.' || ch == ' ' || ch == '\t' || ch == '+' ||
                     ch == '-')) {
            return -1;
        }
    }
    for (; i < len; i++)
        if (!(is_flag_char(s[i]) || s[i] == '%' || is_blank(s[i])))
            return -1;
    return comma != NULL && digits > 0 ? digits : -1;
}
