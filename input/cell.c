/*
 * input/cell.c -- parse one value cell: missing marker, or a number with
 * optional separators, decimals, exponent, '%' and flags.
 *
 * Numbers of at most 19 significant digits, <= 2^53, with a decimal
 * exponent within +-22 are converted exactly by Clinger's fast path (one
 * multiplication or division by an exact power of ten); any other number
 * is copied, without separators, into a small ASCII buffer and converted
 * with g_ascii_strtod, which ignores the locale. Both give the same
 * double: the correctly rounded one.
 */
#include "cell.h"

#include <float.h>
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
    {"N/A", 1}, {"NaN", 1} /* pandas, R, Julia */, {"NA", 1}, {"x", 1},
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

/* The digits of a number as they are read. For the exact fast path:
   the first 19 significant digits (leading zeros skipped) as an integer;
   for the fallback: the length of the number's ASCII form. */
typedef struct {
    guint64 mant;                   /* significant digits read so far */
    int sig;                        /* how many (<= 19) */
    int more;                       /* a 20th significant digit was met */
    size_t n;                       /* length of the strtod form */
} number_digits;

/* Reads digits into d. Returns the count. (Locals, not d's and c's
   fields, in the loop: stores through a char cursor may alias them.) */
static size_t read_digits(cursor *c, number_digits *d)
{
    const char *p = c->p, *end = c->end;
    guint64 mant = d->mant;
    int sig = d->sig;
    size_t k;

    if (sig == 0)                       /* leading zeros */
        while (p < end && *p == '0')
            p++;
    for (; p < end && (unsigned)(*p - '0') < 10; p++) {
        if (sig < 19) {
            mant = mant * 10 + (unsigned)(*p - '0');
            sig++;
        } else {
            d->more = 1;
        }
    }
    k = (size_t)(p - c->p);
    c->p = p;
    d->mant = mant;
    d->sig = sig;
    d->n += k;
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
static int parse_integer(cursor *c, int decimal_comma, number_digits *d)
{
    size_t k = read_digits(c, d), sep;
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
        read_digits(c, d);
    }
    return 0;
}

/* The exponent: e or E, optional sign, digits. Only consumed when digits
   follow; a lone "e" is the flag "estimated". *exp10 saturates at
   +-99999 (far beyond any double) instead of overflowing; the strtod
   form carries it as "e%ld". Returns 1 if there was one. */
static int parse_exponent(cursor *c, number_digits *d, long *exp10)
{
    cursor look = *c;
    int neg = 0;
    long e;

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
    d->n += 1 + (size_t)neg;               /* "e", "-" */
    for (e = *exp10; ; e /= 10) {
        d->n++;
        if (e < 10)
            break;
    }
    if (neg)
        *exp10 = -*exp10;
    c->p = look.p;
    return 1;
}

/* Exact powers of ten: every one up to 1e22 is a double. */
static const double pow10_exact[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* Clinger's fast path: m <= 2^53 is exact as a double, and so is 10^|e|
   for |e| <= 22, so one IEEE multiplication or division rounds the exact
   value m * 10^e once, correctly: the same double as strtod. Needs
   doubles evaluated in double precision (not x87 extended). Returns 0
   when it does not apply. A zero mantissa is always exact. */
static int convert_fast(const number_digits *d, long e, int neg, double *v)
{
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0
    double x;

    if (d->sig == 0)
        x = 0.0;
    else if (d->more || d->mant > ((guint64)1 << 53) || e < -22 || e > 22)
        return 0;
    else if (e >= 0)
        x = (double)d->mant * pow10_exact[e];
    else
        x = (double)d->mant / pow10_exact[-e];
    *v = neg ? -x : x;
    return 1;
#else
    (void)d, (void)e, (void)neg, (void)v;
    return 0;
#endif
}

/* The general path: the number s[0..mant_end) (already checked by the
   grammar, d->n < INPUT_CELL_MAX_NUMBER) rewritten without separators,
   '.' as the decimal mark, for g_ascii_strtod, which ignores the
   locale. Returns -1 if out of range: 1e999 overflows, and 1e-400 would
   silently read as 0. */
static int convert_strtod(const char *s, const char *mant_end,
                          int decimal_comma, int has_exp, long exp10,
                          const number_digits *d, double *v)
{
    char buf[INPUT_CELL_MAX_NUMBER + 8], *endp;
    char mark = decimal_comma ? ',' : '.';
    size_t n = 0;
    const char *p = s;

    if (mant_end - p >= 3 && memcmp(p, "\xe2\x88\x92", 3) == 0) {
        buf[n++] = '-';                 /* U+2212 minus sign */
        p += 3;
    }
    /* separators (',', or '.', spaces and no-break spaces) are dropped */
    for (; p < mant_end && n + 1 < sizeof buf; p++) {
        if (g_ascii_isdigit(*p) || *p == '+' || *p == '-')
            buf[n++] = *p;
        else if (*p == mark)
            buf[n++] = '.';
    }
    if (has_exp)
        g_snprintf(buf + n, sizeof buf - n, "e%ld", exp10);
    else
        buf[n] = '\0';
    *v = g_ascii_strtod(buf, &endp);
    if (*endp != '\0' || !isfinite(*v) || (*v == 0 && d->sig > 0))
        return -1;
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
    const char *s = c.p, *mant_end;
    size_t len = (size_t)(c.end - c.p), frac = 0;
    number_digits d = {0, 0, 0, 0};
    long exp10 = 0;
    int neg = 0, has_exp;

    if (starts_with(&c, "+") || starts_with(&c, "-")) {
        neg = *c.p++ == '-';
        d.n++;
    } else if (starts_with(&c, "\xe2\x88\x92")) {   /* U+2212 minus sign */
        neg = 1;
        d.n++;
        c.p += 3;
    }
    switch (parse_integer(&c, decimal_comma, &d)) {
    case -1:
        return fail(msg, msgsize, "not a number", s, len);
    case -2:
        return fail(msg, msgsize, "bad thousand separator", s, len);
    }
    if (c.p < c.end && *c.p == (decimal_comma ? ',' : '.')) {
        c.p++;
        d.n++;
        frac = read_digits(&c, &d);
        if (frac == 0)
            return fail(msg, msgsize, "no digits after the decimal mark",
                        s, len);
    }
    mant_end = c.p;
    has_exp = parse_exponent(&c, &d, &exp10);
    if (d.n >= INPUT_CELL_MAX_NUMBER)
        return fail(msg, msgsize, "number too long", s, len);
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
    /* frac <= INPUT_CELL_MAX_NUMBER and |exp10| <= 99999: no overflow */
    if (!convert_fast(&d, exp10 - (long)frac, neg, &out->value) &&
        convert_strtod(s, mant_end, decimal_comma, has_exp, exp10, &d,
                       &out->value) != 0)
        return fail(msg, msgsize, "number out of range", s, len);
    out->decimals = (int)CLAMP((long)frac - exp10, 0, 20);
    return 0;
}

/* parse_plain's common case in one loop: at most 19 digits in all, so
   that every digit, leading zeros included, fits the 64-bit mantissa
   and no 20th significant digit can be met (read_digits' bookkeeping is
   then not needed); a zero mantissa gives 0.0 or -0.0 as convert_fast
   does. 1 with out filled; 0 to take the general way. */
static int parse_short(cursor c, int neg, input_cell *out)
{
    const char *p = c.p, *end = c.end, *dot = NULL;
    guint64 mant = 0;
    unsigned digit;
    double x;

    if (end - p > 20)
        return 0;                   /* 19 digits and a '.' at most */
    for (; p < end && (digit = (unsigned)(*p - '0')) < 10; p++)
        mant = mant * 10 + digit;
    if (p == c.p)
        return 0;                   /* no digit before the '.' */
    if (p < end) {
        if (*p != '.' || p + 1 == end)
            return 0;
        for (dot = p++; p < end && (digit = (unsigned)(*p - '0')) < 10; p++)
            mant = mant * 10 + digit;
        if (p < end)
            return 0;
    } else if (end - c.p > 19) {
        return 0;
    }
    if (mant > ((guint64)1 << 53))
        return 0;
    x = (double)mant;
    if (dot != NULL)
        x /= pow10_exact[end - dot - 1];
    out->value = neg ? -x : x;
    out->decimals = dot != NULL ? (int)(end - dot - 1) : 0;
    return 1;
}

/* The cell most files are made of: an optional '-', digits, and '.'
   with digits, nothing else, within the exact fast path (<= 19
   significant digits, <= 2^53, <= 22 decimals). 1 with out filled, as
   the general way fills it; 0 to take the general way. */
static int parse_plain(cursor c, input_cell *out)
{
    number_digits d = {0, 0, 0, 0};
    int neg = c.p < c.end && *c.p == '-';
    size_t frac = 0;

    c.p += neg;
    if (parse_short(c, neg, out))
        return 1;
    if (read_digits(&c, &d) == 0)
        return 0;
    if (c.p < c.end && *c.p == '.') {
        c.p++;
        if ((frac = read_digits(&c, &d)) == 0)
            return 0;
    }
    if (c.p != c.end || frac > 22 ||
        !convert_fast(&d, -(long)frac, neg, &out->value))
        return 0;
    out->decimals = (int)MIN(frac, 20);
    return 1;
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
    if (!decimal_comma && parse_plain(c, out))
        return 0;
    /* no missing marker starts with a digit: most cells skip the list */
    if ((c.p == c.end || !g_ascii_isdigit(*c.p)) &&
        parse_missing(c, out, msg, msgsize)) {
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
