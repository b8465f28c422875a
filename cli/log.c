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

/* Every line of the log goes out here: to the parent of a worker, or to
   stderr above the progress line. */
static void out(const char *line)
{
    size_t n = strlen(line);

    if (forward_fd >= 0) {
        while (n > 0) {
            ssize_t k = write(forward_fd, line, n);
            if (k < 0 && errno == EINTR)
                continue;
            if (k <= 0)
                return;
            line += k;
            n -= (size_t)k;
        }
        return;
    }
    if (progress != NULL)
        fputs("\r\033[K", stderr);
    fputs(line, stderr);
    if (progress != NULL)
        fputs(progress, stderr);
    fflush(stderr);
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
    progress = text ? g_strdup(text) : NULL;
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
    g_string_append_c(g, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            g_string_append_printf(g, "\\%c", c);
        else if (c < 0x20)
            g_string_append_printf(g, "\\u%04x", c);
        else
            g_string_append_c(g, (char)c);
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
                 unchanged, failed ? ", then stopped by an error" : "",
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
