/*
 * cli/log.c -- text or JSON lines on stderr.
 */
#include "log.h"

#include <glib.h>
#include <stdio.h>

static cli_log_mode mode;
static int quiet, verbose;

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

/* A JSON string: quotes, backslashes and control characters escaped;
   UTF-8 passes as it is. */
static void json_str(GString *g, const char *s)
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
    fputs(g->str, stderr);
    fflush(stderr);
    g_string_free(g, TRUE);
}

static GString *event(const char *name)
{
    GString *g = g_string_new("{\"event\":");

    json_str(g, name);
    return g;
}

static void field(GString *g, const char *key, const char *value)
{
    g_string_append_printf(g, ",\"%s\":", key);
    json_str(g, value);
}

void cli_log_diag(const sb_error *e, const char *severity)
{
    GString *g;

    if (mode == CLI_LOG_TEXT) {
        fputs("statbrief: ", stderr);
        if (e->path[0] != '\0') {
            fputs(e->path, stderr);
            if (e->line > 0)
                fprintf(stderr, ":%ld", e->line);
            if (e->line > 0 && e->column > 0)
                fprintf(stderr, ":%ld", e->column);
            fputs(": ", stderr);
        }
        fprintf(stderr, "%s: %s\n", severity, e->msg);
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
        fprintf(stderr, "statbrief: %s\n", msg);
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
            fprintf(stderr, "statbrief: wrote %s (%zu page%s, %s, %.2f s)\n",
                    path, pages, pages == 1 ? "" : "s", size, seconds);
        else
            fprintf(stderr, "statbrief: wrote %s (%s, %.2f s)\n", path,
                    size, seconds);
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
        fprintf(stderr, "statbrief: %s %s: %s\n", name, path, why);
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
            fprintf(stderr, "statbrief: %s: nothing to write (%.2f s)\n",
                    command, seconds);
        else if (written == 0)
            fprintf(stderr, "statbrief: %s: nothing changed, %zu file%s up "
                    "to date, none written (%.2f s)\n", command, unchanged,
                    unchanged == 1 ? "" : "s", seconds);
        else
            fprintf(stderr, "statbrief: %s: %zu file%s written, %zu "
                    "unchanged%s (%.2f s)\n", command, written,
                    written == 1 ? "" : "s", unchanged,
                    failed ? ", then stopped by an error" : "", seconds);
        return;
    }
    g = event("summary");
    field(g, "command", command);
    g_string_append_printf(g, ",\"written\":%zu,\"unchanged\":%zu,"
                           "\"failed\":%zu,\"seconds\":%.3f,\"status\":%d",
                           written, unchanged, failed, seconds, status);
    emit(g);
}
