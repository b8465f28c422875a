/*
 * cli/log.c -- text or JSON lines on stderr.
 */
#include "log.h"

#include <errno.h>
#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static cli_log_mode mode;
static int quiet, verbose;
static int forward_fd = -1;        /* a --jobs worker: lines to the parent */
static char *progress;             /* the terminal's progress line, or NULL */

/* 1 for a character that a log line must not hold as it is: controls,
   format characters (U+202E reverses what follows on a terminal, U+200B
   hides), line and paragraph separators (U+0085, U+2028, U+2029 break a
   line for some readers). */
static int hidden(gunichar u)
{
    GUnicodeType t = g_unichar_type(u);

    return t == G_UNICODE_CONTROL || t == G_UNICODE_FORMAT ||
           t == G_UNICODE_LINE_SEPARATOR ||
           t == G_UNICODE_PARAGRAPH_SEPARATOR;
}

/* The character at *p (len bytes left), moving p past it: its code
   point, or (gunichar)-1 for a byte that is not UTF-8 (one byte). */
static gunichar next_char(const char **p, size_t len)
{
    gunichar u = g_utf8_get_char_validated(*p, (gssize)len);

    if (u >= 0x110000) {
        (*p)++;
        return (gunichar)-1;
    }
    *p = g_utf8_next_char(*p);
    return u;
}

/* line with what it must not hold as it is written as <U+XXXX> (a byte
   that is not UTF-8 as <0xXX>), its final newline kept: a name in a
   message can neither start a line of its own nor hide or reorder what
   a terminal or a mail shows. The escapes are plain ASCII, so a line
   escaped twice (a worker's, again by its parent) stays the same. The
   caller frees it. */
static char *escaped(const char *line)
{
    GString *g = g_string_sized_new(strlen(line) + 16);
    const char *p = line, *end = line + strlen(line);

    while (p < end) {
        const char *at = p;
        gunichar u = next_char(&p, (size_t)(end - p));
        if (u == (gunichar)-1)
            g_string_append_printf(g, "<0x%02X>", (guchar)*at);
        else if (hidden(u) && !(u == '\n' && p == end))
            g_string_append_printf(g, "<U+%04X>", u);
        else
            g_string_append_len(g, at, p - at);
    }
    return g_string_free(g, FALSE);
}

/* Every line of the log goes out here, escaped: to the parent of a
   worker, or to stderr above the progress line. */
static void out(const char *raw)
{
    char *safe = escaped(raw);
    const char *line = safe;
    size_t n = strlen(line);

    if (forward_fd >= 0) {
        while (n > 0) {
            ssize_t k = write(forward_fd, line, n);
            if (k < 0 && errno == EINTR)
                continue;
            if (k <= 0)
                break;
            line += k;
            n -= (size_t)k;
        }
        g_free(safe);
        return;
    }
    if (progress != NULL)
        fputs("\r\033[K", stderr);
    fputs(line, stderr);
    if (progress != NULL)
        fputs(progress, stderr);
    fflush(stderr);
    g_free(safe);
}

static void outf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void outf(const char *fmt, ...)
{
    va_list ap;
    char *line;

    va_start(ap, fmt);
    line = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    out(line);
    g_free(line);
}

void cli_log_forward(int fd)
{
    forward_fd = fd;
}

void cli_log_raw(const char *line)
{
    out(line);
}

void cli_log_progress(const char *text)
{
    if (forward_fd >= 0)
        return;
    if (progress != NULL && text == NULL)
        fputs("\r\033[K", stderr);
    g_free(progress);
    progress = text ? escaped(text) : NULL;
    if (progress != NULL)
        fprintf(stderr, "\r\033[K%s", progress);
    fflush(stderr);
}

void cli_log_setup(cli_log_mode m, int q, int v)
{
    mode = m;
    quiet = q;
    verbose = v;
}

cli_log_mode cli_log_get_mode(void)
{
    return mode;
}

void cli_json_string(GString *g, const char *s)
{
    const char *p = s, *end = s + strlen(s);

    g_string_append_c(g, '"');
    while (p < end) {
        const char *at = p;
        gunichar u = next_char(&p, (size_t)(end - p));
        if (u == '"' || u == '\\')
            g_string_append_printf(g, "\\%c", (char)u);
        else if (u == (gunichar)-1)
            g_string_append(g, "\\ufffd");   /* JSON is UTF-8 */
        else if (hidden(u) && u > 0xffff)      /* a surrogate pair */
            g_string_append_printf(g, "\\u%04x\\u%04x",
                                   0xd800 + ((u - 0x10000) >> 10),
                                   0xdc00 + ((u - 0x10000) & 0x3ff));
        else if (hidden(u))
            g_string_append_printf(g, "\\u%04x", u);
        else
            g_string_append_len(g, at, p - at);
    }
    g_string_append_c(g, '"');
}

static void emit(GString *g)
{
    g_string_append(g, "}\n");
    out(g->str);
    g_string_free(g, TRUE);
}

static GString *event(const char *name)
{
    GString *g = g_string_new("{\"event\":");

    cli_json_string(g, name);
    return g;
}

static void field(GString *g, const char *key, const char *value)
{
    g_string_append_printf(g, ",\"%s\":", key);
    cli_json_string(g, value);
}

void cli_log_diag(const sb_error *e, const char *severity)
{
    GString *g;

    if (mode == CLI_LOG_TEXT) {
        GString *t = g_string_new("statbrief: ");
        if (e->path[0] != '\0') {
            g_string_append(t, e->path);
            if (e->line > 0)
                g_string_append_printf(t, ":%ld", e->line);
            if (e->line > 0 && e->column > 0)
                g_string_append_printf(t, ":%ld", e->column);
            g_string_append(t, ": ");
        }
        g_string_append_printf(t, "%s: %s\n", severity, e->msg);
        out(t->str);
        g_string_free(t, TRUE);
        return;
    }
    g = event(severity);
    if (e->path[0] != '\0')
        field(g, "file", e->path);
    if (e->line > 0)
        g_string_append_printf(g, ",\"line\":%ld", e->line);
    if (e->line > 0 && e->column > 0)
        g_string_append_printf(g, ",\"column\":%ld", e->column);
    field(g, "message", e->msg);
    emit(g);
}

void cli_log_diags(const sb_diag *d, const char *severity)
{
    size_t i;

    for (i = 0; i < d->n_items; i++)
        cli_log_diag(&d->items[i], severity);
}

void cli_log_note(const char *severity, const char *msg)
{
    sb_error e = {0};
    GString *g;

    if (severity != NULL) {
        g_strlcpy(e.msg, msg, sizeof e.msg);
        cli_log_diag(&e, severity);
        return;
    }
    if (mode == CLI_LOG_TEXT) {
        outf("statbrief: %s\n", msg);
        return;
    }
    g = event("note");
    field(g, "message", msg);
    emit(g);
}

/* "123 KB" */
static char *size_text(size_t bytes)
{
    if (bytes < 10240)
        return g_strdup_printf("%zu bytes", bytes);
    return g_strdup_printf("%zu KB", (bytes + 512) / 1024);
}

void cli_log_wrote(const char *path, size_t pages, size_t bytes,
                   double seconds)
{
    GString *g;
    char *size;

    if (quiet)
        return;
    if (mode == CLI_LOG_TEXT) {
        size = size_text(bytes);
        if (pages > 0)
            outf("statbrief: wrote %s (%zu page%s, %s, %.2f s)\n", path,
                 pages, pages == 1 ? "" : "s", size, seconds);
        else
            outf("statbrief: wrote %s (%s, %.2f s)\n", path, size, seconds);
        g_free(size);
        return;
    }
    g = event("wrote");
    field(g, "path", path);
    if (pages > 0)
        g_string_append_printf(g, ",\"pages\":%zu", pages);
    g_string_append_printf(g, ",\"bytes\":%zu,\"seconds\":%.3f", bytes,
                           seconds);
    emit(g);
}

void cli_log_decision(const char *name, const char *path, const char *why)
{
    GString *g;

    if (quiet || (mode == CLI_LOG_TEXT && !verbose))
        return;
    if (mode == CLI_LOG_TEXT) {
        outf("statbrief: %s %s: %s\n", name, path, why);
        return;
    }
    g = event(name);
    field(g, "path", path);
    field(g, "why", why);
    emit(g);
}

void cli_log_summary(const char *command, size_t written, size_t unchanged,
                     size_t failed, double seconds, int status)
{
    GString *g;

    if (quiet)
        return;
    if (mode == CLI_LOG_TEXT) {
        if (failed && written == 0)
            return;                   /* the error said it */
        if (written == 0 && unchanged == 0)
            outf("statbrief: %s: nothing to write (%.2f s)\n", command,
                 seconds);
        else if (written == 0)
            outf("statbrief: %s: nothing changed, %zu file%s up to date, "
                 "none written (%.2f s)\n", command, unchanged,
                 unchanged == 1 ? "" : "s", seconds);
        else
            outf("statbrief: %s: %zu file%s written, %zu unchanged%s "
                 "(%.2f s)\n", command, written, written == 1 ? "" : "s",
                 unchanged, failed ? ", with errors (each above)" : "",
                 seconds);
        return;
    }
    g = event("summary");
    field(g, "command", command);
    g_string_append_printf(g, ",\"written\":%zu,\"unchanged\":%zu,"
                           "\"failed\":%zu,\"seconds\":%.3f,\"status\":%d",
                           written, unchanged, failed, seconds, status);
    emit(g);
}
