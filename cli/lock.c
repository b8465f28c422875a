/*
 * cli/lock.c -- flock on the output directory's lock file, opened
 * without following links.
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
    int fd;                     /* -1: no lock (skipped) */
    int writable;               /* the PID may be written */
    char *dir, *path;
    char *skipped;              /* why there is no lock, or NULL */
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

/* Goes on without a lock, for the reason e (an errno). */
static void skip(cli_lock *l, int e)
{
    if (l->fd >= 0)
        close(l->fd);
    l->fd = -1;
    l->skipped = g_strdup(g_strerror(e));
}

static sb_status wait_for(cli_lock *l, double wait_s, sb_error *err)
{
    gint64 until = g_get_monotonic_time() + (gint64)(wait_s * 1e6);
    char pid[32];

    for (;;) {
        if (flock(l->fd, LOCK_EX | LOCK_NB) == 0)
            return SB_OK;
        if (errno != EWOULDBLOCK && errno != EINTR && !l->writable) {
            skip(l, errno);            /* NFS locks no read-only file */
            return SB_OK;
        }
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

/* Records e's error in err unless err holds one (the first wins). */
static sb_status pass_on(sb_error *err, const sb_error *e)
{
    if (err != NULL && err->code == SB_OK)
        *err = *e;
    return e->code;
}

/* Opens the lock file: for writing (created when missing) where it can
   be; read-only where the mount or the file's mode forbids writing;
   neither (l->skipped) where there is none to open on such a mount. A
   link or anything but a regular file with one name is refused. */
static sb_status open_lock(cli_lock *l, sb_error *err)
{
    sb_error rw = {0}, ro = {0};
    int e;

    l->fd = sb_out_open_kept(l->path, O_RDWR | O_CREAT, &rw);
    if (l->fd >= 0) {
        l->writable = 1;
        return SB_OK;
    }
    e = errno;
    if (e == 0)                        /* refused: a link, a FIFO, ... */
        return pass_on(err, &rw);
    if (e != EROFS && e != EACCES && e != EPERM)
        return sb_error_set(err, SB_ECANTCREAT, l->path, 0, 0,
                            "cannot create the lock file: %s",
                            g_strerror(e));
    l->fd = sb_out_open_kept(l->path, O_RDONLY, &ro);
    if (l->fd < 0 && errno == 0)
        return pass_on(err, &ro);
    if (l->fd < 0)
        skip(l, e);
    return SB_OK;
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
    l->fd = -1;
    l->dir = g_strdup(dir);
    name = g_strdup_printf(".statbrief%s.lock", tag);
    l->path = g_build_filename(dir, name, NULL);
    g_free(name);
    rc = open_lock(l, err);
    if (rc == SB_OK && l->fd >= 0)
        rc = wait_for(l, wait_s, err);
    if (rc != SB_OK) {
        cli_lock_drop(l);
        return rc;
    }
    /* ours now, and a regular file of one name: say who holds it */
    snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
    if (l->writable && l->fd >= 0 && ftruncate(l->fd, 0) == 0 &&
        pwrite(l->fd, pid, strlen(pid), 0) < 0) {
        /* the lock holds without the PID; only the message loses it */
    }
    if (l->fd >= 0)
        sb_test_point("lock_taken");
    *out = l;
    return SB_OK;
}

const char *cli_lock_skipped(const cli_lock *l)
{
    return l->skipped;
}

const char *cli_lock_path(const cli_lock *l)
{
    return l->path;
}

void cli_lock_drop(cli_lock *l)
{
    if (l == NULL)
        return;
    if (l->fd >= 0)
        close(l->fd);                  /* releases the flock */
    g_free(l->dir);
    g_free(l->path);
    g_free(l->skipped);
    g_free(l);
}
