/*
 * reports/yearcheck.c -- the years an author writes beside the figure
 * placeholders of a sentence (yearcheck.h).
 *
 * One pass over the text as written: placeholders are skipped (their
 * years are the data's), sentences end at . ! ? before a space or the
 * end, at 。！？ and at a blank line. Years are 4-digit numbers
 * 1900-2100 that are not part of a longer number (2,016 or 20.16 are
 * no years). Not here: expanding the placeholders (placeholder.c).
 */
#include "yearcheck.h"

#include <glib.h>
#include <string.h>

typedef struct {
    int year;
    size_t at;                   /* byte offset in the text */
} written;

typedef struct {
    const char *text;
    const placeholder_span *spans;
    size_t n;
    placeholder_locate where;
    void *user;
    sb_diag *diag;
    GArray *years;               /* written, of the sentence being read */
    sb_status rc;
} scan;

static int covers(const placeholder_span *s, int year)
{
    return year == s->first || year == s->last ||
           (s->also != 0 && year == s->also);
}

static size_t distance(const placeholder_span *s, size_t at)
{
    return at < s->at ? s->at - at : at >= s->end ? at - s->end + 1 : 0;
}

/* The figure a warning names: the nearest with a period (a change is
   what "from 2016" is read against), else the nearest. */
static const placeholder_span *nearest(const placeholder_span *s, size_t n,
                                       size_t at)
{
    const placeholder_span *best = NULL;
    size_t i;
    int pass;

    for (pass = 0; pass < 2 && best == NULL; pass++)
        for (i = 0; i < n; i++)
            if ((pass == 1 || s[i].first != s[i].last) &&
                (best == NULL || distance(&s[i], at) < distance(best, at)))
                best = &s[i];
    return best;
}

/* "... {x cagr} covers 2018-2022" / "... {x value 2022} is for 2022" */
static void warn(scan *sc, const written *y, const placeholder_span *s)
{
    sb_error at = {0};
    char years[32];

    if (s->first == s->last)
        g_snprintf(years, sizeof years, "is for %d", s->last);
    else
        g_snprintf(years, sizeof years, "covers %d-%d", s->first, s->last);
    sc->where(sc->user, y->at, &at);
    if (sb_diag_warn(sc->diag, at.path, at.line, at.column,
                     "%d is not a year of the figures in its sentence: "
                     "%.*s %s", y->year, (int)(s->end - s->at),
                     sc->text + s->at, years) != SB_OK)
        sc->rc = SB_ENOMEM;
}

/* The sentence [from, to): each year written against its figures. */
static void sentence(scan *sc, size_t from, size_t to)
{
    const placeholder_span *first = NULL;
    size_t i, j, k = 0;

    for (i = 0; i < sc->n && sc->spans[i].at < to; i++)
        if (sc->spans[i].at >= from && k++ == 0)
            first = &sc->spans[i];
    for (i = 0; i < sc->years->len && k > 0; i++) {
        const written *y = &g_array_index(sc->years, written, i);
        for (j = 0; j < k && !covers(&first[j], y->year); j++)
            ;
        if (j == k)
            warn(sc, y, nearest(first, k, y->at));
    }
    g_array_set_size(sc->years, 0);
}

static int digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The number starting at i (digits, i its first); a year is noted.
   Returns the offset past it. */
static size_t number(scan *sc, size_t i)
{
    const char *t = sc->text;
    size_t e = i;
    written y = {0, i};

    while (digit(t[e]))
        e++;
    if (e - i == 4 && !(i > 1 && (t[i - 1] == '.' || t[i - 1] == ',') &&
                        digit(t[i - 2])) &&
        !((t[e] == '.' || t[e] == ',') && digit(t[e + 1]))) {
        y.year = (int)g_ascii_strtoll(t + i, NULL, 10);
        if (y.year >= 1900 && y.year <= 2100)
            g_array_append_val(sc->years, y);
    }
    return e;
}

/* The length of a sentence end at p (its stop or a blank line), 0 when
   none is there. */
static size_t stop(const char *p)
{
    static const char *const wide[] = {"\xe3\x80\x82", "\xef\xbc\x81",
                                       "\xef\xbc\x9f"};  /* 。！？ */
    size_t i;

    if ((*p == '.' || *p == '!' || *p == '?') &&
        (p[1] == ' ' || p[1] == '\t' || p[1] == '\n' || p[1] == '\0'))
        return 1;
    for (i = 0; i < G_N_ELEMENTS(wide); i++)
        if (strncmp(p, wide[i], 3) == 0)
            return 3;
    if (*p == '\n') {
        for (i = 1; p[i] == ' ' || p[i] == '\t'; i++)
            ;
        return p[i] == '\n' ? i + 1 : 0;
    }
    return 0;
}

sb_status yearcheck_text(const char *text, const placeholder_span *spans,
                         size_t n, placeholder_locate where, void *user,
                         sb_diag *diag)
{
    scan sc = {text, spans, n, where, user, diag,
               g_array_new(FALSE, FALSE, sizeof(written)), SB_OK};
    size_t i = 0, from = 0, len;
    const char *close;

    while (text[i] != '\0') {
        if ((text[i] == '{' && text[i + 1] == '{') ||
            (text[i] == '}' && text[i + 1] == '}')) {
            i += 2;
        } else if (text[i] == '{') {       /* expanded: it is closed */
            close = strchr(text + i, '}');
            i = close != NULL ? (size_t)(close - text) + 1 : strlen(text);
        } else if (digit(text[i])) {
            i = number(&sc, i);
        } else if ((len = stop(text + i)) > 0) {
            sentence(&sc, from, i + len);
            i = from = i + len;
        } else {
            i++;
        }
    }
    sentence(&sc, from, i);
    g_array_free(sc.years, TRUE);
    return sc.rc;
}
