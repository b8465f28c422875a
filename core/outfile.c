/*
 * core/outfile.c -- atomic writes: temporary file, complete write,
 * rename.
 */
#include "core/outfile.h"
#include "core/testhook.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TEMP_MARK ".sbtmp-"

static sb_out_hook hook;
static void *hook_ctx;

void sb_out_set_hook(sb_out_hook fn, void *ctx)
{
    hook = fn;
    hook_ctx = ctx;
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

sb_status sb_out_stage(const char *path, const void *data, size_t len,
                       char **tmp, sb_error *err)
{
    char *dir, *base, *name;
    int fd, ok, e;
    mode_t mask;

    *tmp = NULL;
    /* rename() onto a directory fails only after another file may be in
       place: refuse it here, while nothing has been renamed yet */
    if (g_file_test(path, G_FILE_TEST_IS_DIR))
        return sb_error_set(err, SB_ECANTCREAT, path, 0, 0,
                            "cannot write: Is a directory");
    dir = g_path_get_dirname(path);
    base = g_path_get_basename(path);
    name = g_strdup_printf("%s/.%s" TEMP_MARK "XXXXXX", dir, base);
    g_free(dir);
    g_free(base);
    fd = g_mkstemp_full(name, O_WRONLY, 0600);
    mask = umask(0);
    umask(mask);
    ok = fd >= 0 && fchmod(fd, 0666 & ~mask) == 0;
    if (ok)
        sb_test_point("out_temp_created");
    ok = ok && sb_out_write_all(fd, data, len) == 0;
    e = errno;
    if (fd >= 0 && close(fd) != 0 && ok) {
        ok = 0;
        e = errno;
    }
    if (!ok) {
        if (fd >= 0)
            unlink(name);
        g_free(name);
        return sb_error_set(err, SB_ECANTCREAT, path, 0, 0,
                            "cannot write: %s", g_strerror(e));
    }
    *tmp = name;
    sb_test_point("out_temp_written");
    return SB_OK;
}

void sb_out_unstage(char *tmp)
{
    if (tmp != NULL)
        unlink(tmp);
    g_free(tmp);
}

sb_status sb_out_commit(char *tmp, const char *path, sb_error *err)
{
    if (hook != NULL)
        hook(hook_ctx, path, tmp);
    if (rename(tmp, path) != 0) {
        int e = errno;
        sb_out_unstage(tmp);
        return sb_error_set(err, SB_ECANTCREAT, path, 0, 0,
                            "cannot write: %s", g_strerror(e));
    }
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
