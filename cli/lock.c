/*
 * cli/lock.c -- flock on the output directory's lock file.
 */
#include "lock.h"

#include "core/outfile.h"
#include "core/testhook.h"
#include "signals.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

struct cli_lock {
    int fd;
    char *dir, *path;
};

/* The PID written in the lock file, as text ("?" if unreadable). */
static void holder(int fd, char *buf, size_t size)
{
    ssize_t n = pread(fd, buf, size - 1, 0);

    if (n <= 0) {
        g_strlcpy(buf, "?", size);
        return;
    }
    buf[n] = '\0';
    g_strchomp(buf);
    if (buf[0] == '\0')
        g_strlcpy(buf, "?", size);
}

static sb_status wait_for(cli_lock *l, double wait_s, sb_error *err)
{
    gint64 until = g_get_monotonic_time() + (gint64)(wait_s * 1e6);
    char pid[32];

    for (;;) {
        if (flock(l->fd, LOCK_EX | LOCK_NB) == 0)
            return SB_OK;
        if (errno != EWOULDBLOCK && errno != EINTR)
            return sb_error_set(err, SB_ECANTCREAT, l->path, 0, 0,
                                "cannot lock: %s", g_strerror(errno));
        if (cli_signal_caught())
            return sb_error_set(err, SB_ECANCELED, NULL, 0, 0,
                                "stopped while waiting for the lock");
        if (wait_s < 0 || g_get_monotonic_time() >= until) {
            holder(l->fd, pid, sizeof pid);
            return sb_error_set(err, SB_ETEMPFAIL, l->path, 0, 0,
                                "another statbrief run (PID %s) is writing "
                                "to %s%s", pid, l->dir,
                                wait_s < 0 ? "; try again later, or give "
                                             "--wait SECONDS"
                                           : " and did not finish within "
                                             "--wait");
        }
        sb_test_point("lock_busy");
        g_usleep(50 * 1000);
    }
}

sb_status cli_lock_take(const char *dir, const char *tag, double wait_s,
                        cli_lock **out, sb_error *err)
{
    cli_lock *l;
    char pid[32], *name;
    sb_status rc;

    *out = NULL;
    if (g_mkdir_with_parents(dir, 0777) != 0)
        return sb_error_set(err, SB_ECANTCREAT, dir, 0, 0,
                            "cannot create the directory: %s",
                            g_strerror(errno));
    l = g_new0(cli_lock, 1);
    l->dir = g_strdup(dir);
    name = g_strdup_printf(".statbrief%s.lock", tag);
    l->path = g_build_filename(dir, name, NULL);
    g_free(name);
    l->fd = open(l->path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (l->fd < 0) {
        rc = sb_error_set(err, SB_ECANTCREAT, l->path, 0, 0,
                          "cannot create the lock file: %s",
                          g_strerror(errno));
        cli_lock_drop(l);
        return rc;
    }
    if ((rc = wait_for(l, wait_s, err)) != SB_OK) {
        cli_lock_drop(l);
        return rc;
    }
    /* ours now: say who holds it (a read-only lock file stays silent) */
    snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
    if (ftruncate(l->fd, 0) == 0 &&
        pwrite(l->fd, pid, strlen(pid), 0) < 0) {
        /* the lock holds without the PID; only the message loses it */
    }
    sb_test_point("lock_taken");
    *out = l;
    return SB_OK;
}

void cli_lock_drop(cli_lock *l)
{
    if (l == NULL)
        return;
    if (l->fd >= 0)
        close(l->fd);                  /* releases the flock */
    g_free(l->dir);
    g_free(l->path);
    g_free(l);
}

size_t cli_lock_sweep(const cli_lock *l)
{
    GDir *d = g_dir_open(l->dir, 0, NULL);
    const char *name;
    size_t n = 0;

    if (d == NULL)
        return 0;
    while ((name = g_dir_read_name(d)) != NULL) {
        char *path;
        if (!sb_out_is_temp(name))
            continue;
        path = g_build_filename(l->dir, name, NULL);
        n += unlink(path) == 0;
        g_free(path);
    }
    g_dir_close(d);
    return n;
}
