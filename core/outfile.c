/*
 * core/outfile.c -- atomic writes: a locked temporary file, a complete
 * write, a rename onto a path that holds a regular file or nothing; the
 * sweep of temporary files whose writer is gone; files opened in place
 * without following links.
 */
#include "core/outfile.h"
#include "core/testhook.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define TEMP_MARK ".sbtmp-"
/* a sweep may take a temporary file between its creation and its lock
   (then removes it): the writer tries another name, this many times */
#define STAGE_TRIES 100

static sb_out_hook hook;
static void *hook_ctx;
static char *what;

/* The staged files, by the name handed out (the pointer), to the
   descriptor that holds their flock, + 1. */
static GHashTable *staged;
G_LOCK_DEFINE_STATIC(staged);

void sb_out_set_hook(sb_out_hook fn, void *ctx)
{
    hook = fn;
    hook_ctx = ctx;
}

void sb_out_set_what(const char *w)
{
    g_free(what);
    what = g_strdup(w);
}

const char *sb_out_what(void)
{
    return what;
}

int sb_out_is_temp(const char *name)
{
    const char *m = strstr(name, TEMP_MARK);

    return name[0] == '.' && m != NULL && strlen(m) == strlen(TEMP_MARK) + 6;
}

int sb_out_write_all(int fd, const void *data, size_t len)
{
    const char *p = data;

    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

/* ---- what stands at a path ---------------------------------------------- */

static const char *kind_of(mode_t m)
{
    return S_ISDIR(m)                 ? "a directory"
           : S_ISFIFO(m)              ? "a FIFO"
           : S_ISSOCK(m)              ? "a socket"
           : S_ISCHR(m) || S_ISBLK(m) ? "a device"
                                      : "not a regular file";
}

/* The refusal of what stands at path (mode m), in err. */
static sb_status refuse(const char *path, mode_t m, sb_error *err)
{
    if (S_ISLNK(m))
        return sb_error_set(err, SB_ECANTCREAT, path, 0, 0,
                            "not written: it is a symbolic link, and "
                            "statbrief never follows a link it did not make "
                            "(remove it, or name the file it points to)");
    return sb_error_set(err, SB_ECANTCREAT, path, 0, 0, "not written: it is "
                        "%s; statbrief writes regular files only (remove it, "
                        "or name another file)", kind_of(m));
}

sb_status sb_out_check_path(const char *path, sb_error *err)
{
    struct stat st;

    /* nothing there, or nothing that can be looked at: the write itself
       then says why it fails */
    if (lstat(path, &st) != 0 || S_ISREG(st.st_mode))
        return SB_OK;
    return refuse(path, st.st_mode, err);
}

/* 1 when fd is the file that path names now. */
static int is_at(int fd, const char *path)
{
    struct stat a, b;

    return fstat(fd, &a) == 0 && lstat(path, &b) == 0 &&
           a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

int sb_out_open_kept(const char *path, int flags, sb_error *err)
{
    struct stat st;
    int fd, e, writing = (flags & O_ACCMODE) != O_RDONLY;

    /* looked at before it is opened: opening a device or FIFO can act */
    if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        refuse(path, st.st_mode, err);
        errno = 0;
        return -1;
    }
    fd = open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0666);
    if (fd < 0) {
        e = errno;
        if (e == ELOOP)                /* a link put there since */
            refuse(path, S_IFLNK, err);
        else
            sb_error_set(err, SB_ECANTCREAT, path, 0, 0, "cannot open: %s",
                         g_strerror(e));
        errno = e == ELOOP ? 0 : e;
        return -1;
    }
    if (fstat(fd, &st) != 0)
        st.st_mode = 0;                /* said as "not a regular file" */
    if (!S_ISREG(st.st_mode))
        refuse(path, st.st_mode, err);
    else if (writing && st.st_nlink > 1)
        sb_error_set(err, SB_ECANTCREAT, path, 0, 0, "not written: it has "
                     "%ju names (hard links), and statbrief writes in place "
                     "only to a file of its own (remove it)",
                     (uintmax_t)st.st_nlink);
    else
        return fd;
    close(fd);
    errno = 0;
    return -1;
}

char *sb_out_identity(const char *path)
{
    char *dir = g_path_get_dirname(path), *base = g_path_get_basename(path);
    char *id;
    struct stat st;

    if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        id = g_strdup_printf("%ju:%ju/%s", (uintmax_t)st.st_dev,
                             (uintmax_t)st.st_ino, base);
    else
        id = g_canonicalize_filename(path, NULL);
    g_free(dir);
    g_free(base);
    return id;
}

int sb_out_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    char *ia, *ib;
    int same;

    if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    ia = sb_out_identity(a);
    ib = sb_out_identity(b);
    same = strcmp(ia, ib) == 0;
    g_free(ia);
    g_free(ib);
    return same;
}

/* ---- temporary files ---------------------------------------------------- */

static void staged_put(const char *name, int fd)
{
    G_LOCK(staged);
    if (staged == NULL)
        staged = g_hash_table_new(g_direct_hash, g_direct_equal);
    g_hash_table_insert(staged, (gpointer)name, GINT_TO_POINTER(fd + 1));
    G_UNLOCK(staged);
}

/* Closes the descriptor that holds name's flock: the lock is released. */
static void staged_release(const char *name)
{
    int fd = -1;

    G_LOCK(staged);
    if (staged != NULL) {
        fd = GPOINTER_TO_INT(g_hash_table_lookup(staged, name)) - 1;
        g_hash_table_remove(staged, name);
        if (g_hash_table_size(staged) == 0) {
            g_hash_table_destroy(staged);
            staged = NULL;
        }
    }
    G_UNLOCK(staged);
    if (fd >= 0)
        close(fd);
}

/* 1 when the new temporary file fd is locked by us and still named
   name. A sweep that took its lock first removes it: 0, try another
   name. Where flock is not supported, the file goes unlocked (and no
   sweep there can take it for a dead writer's). */
static int lock_new(int fd, const char *name)
{
    if (flock(fd, LOCK_EX | LOCK_NB) != 0)
        return errno != EWOULDBLOCK && errno != EINTR;
    return is_at(fd, name);
}

/* A new locked temporary file beside path: its descriptor, its name in
   *name (the caller's to free, even on failure); -1 with errno. */
static int create_temp(const char *path, char **name)
{
    char *dir = g_path_get_dirname(path), *base = g_path_get_basename(path);
    int fd = -1, tries;

    for (tries = 0; tries < STAGE_TRIES && fd < 0; tries++) {
        g_free(*name);
        *name = g_strdup_printf("%s/.%s" TEMP_MARK "XXXXXX", dir, base);
        fd = g_mkstemp_full(*name, O_RDWR | O_CLOEXEC, 0600);
        if (fd < 0)
            break;
        if (!lock_new(fd, *name)) {
            close(fd);
            fd = -1;
            errno = EAGAIN;
        }
    }
    g_free(dir);
    g_free(base);
    return fd;
}

/* Writes data to the new temporary file fd and closes it, keeping a
   duplicate that holds the flock (close reports a delayed write error,
   NFS's among them, on every descriptor). The duplicate, or -1 with
   errno. */
static int fill(int fd, const void *data, size_t len)
{
    mode_t mask = umask(0);
    int keep, e;

    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0) {
        e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    sb_test_point("out_temp_created");
    keep = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (keep < 0 || sb_out_write_all(fd, data, len) != 0) {
        e = errno;
        close(fd);
        if (keep >= 0)
            close(keep);
        errno = e;
        return -1;
    }
    if (close(fd) != 0) {
        e = errno;
        close(keep);
        errno = e;
        return -1;
    }
    return keep;
}

sb_status sb_out_stage(const char *path, const void *data, size_t len,
                       char **tmp, sb_error *err)
{
    char *name = NULL;
    sb_status rc;
    int fd;

    *tmp = NULL;
    /* refused before anything is created: what stands at path is looked
       at again just before the rename */
    if (hook != NULL && (rc = hook(hook_ctx, path, NULL, err)) != SB_OK)
        return rc;
    if ((rc = sb_out_check_path(path, err)) != SB_OK)
        return rc;
    fd = create_temp(path, &name);
    if (fd >= 0 && (fd = fill(fd, data, len)) < 0) {
        int e = errno;
        unlink(name);
        errno = e;
    }
    if (fd < 0) {
        rc = sb_error_set(err, SB_ECANTCREAT, path, 0, 0, "cannot write: %s",
                          g_strerror(errno));
        g_free(name);
        return rc;
    }
    staged_put(name, fd);
    *tmp = name;
    sb_test_point("out_temp_written");
    return SB_OK;
}

void sb_out_unstage(char *tmp)
{
    if (tmp == NULL)
        return;
    unlink(tmp);                       /* before its lock is let go */
    staged_release(tmp);
    g_free(tmp);
}

sb_status sb_out_commit(char *tmp, const char *path, sb_error *err)
{
    sb_status rc = sb_out_check_path(path, err);

    if (rc == SB_OK && hook != NULL)
        rc = hook(hook_ctx, path, tmp, err);
    if (rc == SB_OK && rename(tmp, path) != 0)
        rc = sb_error_set(err, SB_ECANTCREAT, path, 0, 0, "cannot write: %s",
                          g_strerror(errno));
    if (rc != SB_OK) {
        sb_out_unstage(tmp);
        return rc;
    }
    staged_release(tmp);
    g_free(tmp);
    sb_test_point("out_renamed");
    return SB_OK;
}

sb_status sb_out_write(const char *path, const void *data, size_t len,
                       sb_error *err)
{
    char *tmp;
    sb_status rc = sb_out_stage(path, data, len, &tmp, err);

    return rc == SB_OK ? sb_out_commit(tmp, path, err) : rc;
}

/* ---- the sweep ---------------------------------------------------------- */

/* Removes the temporary file path when its writer is gone: its flock
   can be taken (the writer holds it until the rename or removal; the
   kernel, or the NFS server, drops it when the writer dies). Opened for
   writing, which NFS's emulation of flock needs; never a link. */
static int remove_if_dead(const char *path)
{
    struct stat st;
    int fd, gone;

    if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    fd = open(path, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return 0;
    gone = flock(fd, LOCK_EX | LOCK_NB) == 0 && is_at(fd, path) &&
           unlink(path) == 0;
    close(fd);
    return gone;
}

size_t sb_out_sweep(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    size_t n = 0;

    if (d == NULL)
        return 0;
    while ((name = g_dir_read_name(d)) != NULL) {
        char *path;
        if (!sb_out_is_temp(name))
            continue;
        path = g_build_filename(dir, name, NULL);
        n += (size_t)remove_if_dead(path);
        g_free(path);
    }
    g_dir_close(d);
    return n;
}
