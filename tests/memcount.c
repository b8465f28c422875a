/*
 * tests/memcount.c -- an LD_PRELOAD library that counts what a process
 * allocates and reads, for tests/resource.sh (built by the Makefile as
 * build/memcount.so; used with build/dbg/statbrief, which has no
 * sanitizers: ASan's allocator would bypass these wrappers).
 *
 *   MEMCOUNT_OUT=FILE  at exit, the process that loaded the library (not a
 *                      forked child) writes one line to FILE:
 *                        peak=BYTES calls=N read=BYTES cpu=SECONDS
 *                      peak: the most bytes live at once (malloc_usable_size
 *                      of every block: what the allocator really handed
 *                      out); calls: malloc, calloc, realloc, posix_memalign,
 *                      aligned_alloc, memalign, valloc made; read: bytes
 *                      the process read through read(2) and its kin
 *                      (/proc/self/io rchar), what a limit that stops
 *                      reading must keep flat; cpu: user + system time
 *                      of the process and its threads (getrusage).
 *                      Only a process that exits through exit() writes
 *                      it: one killed (ulimit -t) leaves no line.
 *
 * Why here and not core/alloc.h's hook: that hook sees only the
 * allocations statbrief's own code makes through sb_new and friends.
 * GLib's hash tables and strings, libcsv's field buffer, libyaml's parser,
 * Cairo and Pango allocate with malloc directly, and growth hidden there
 * is growth all the same. Wrapping malloc sees every allocation of the
 * process, of every library, without touching the code under test.
 *
 * These counts are the same on every machine with the same libraries:
 * unlike peak RSS they carry no start-up baseline of a sanitizer runtime,
 * no page granularity, no allocator caching, and they do not move with
 * the load on the machine.
 *
 * The real functions come from dlsym(RTLD_NEXT). dlsym may itself call
 * calloc before it has answered; those few early requests are served from
 * a static arena that is never freed or counted.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);
static int (*real_posix_memalign)(void **, size_t, size_t);
static void *(*real_aligned_alloc)(size_t, size_t);
static void *(*real_memalign)(size_t, size_t);
static void *(*real_valloc)(size_t);

static long long live, peak, calls;
static pid_t owner;
static int resolving;

/* what dlsym asks for before the real functions are known */
static _Alignas(max_align_t) unsigned char arena[16384];
static size_t arena_used;

static int in_arena(const void *p)
{
    return (const unsigned char *)p >= arena &&
           (const unsigned char *)p < arena + sizeof arena;
}

static void *arena_alloc(size_t n)
{
    size_t a = _Alignof(max_align_t);
    void *p;

    n = (n + a - 1) / a * a;
    if (n > sizeof arena - arena_used)
        return NULL;
    p = arena + arena_used;
    arena_used += n;
    return p;
}

static void resolve(void)
{
    if (real_malloc != NULL || resolving)
        return;
    resolving = 1;
    real_calloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
    real_realloc = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
    real_free = (void (*)(void *))dlsym(RTLD_NEXT, "free");
    real_posix_memalign =
        (int (*)(void **, size_t, size_t))dlsym(RTLD_NEXT, "posix_memalign");
    real_aligned_alloc =
        (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "aligned_alloc");
    real_memalign = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "memalign");
    real_valloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "valloc");
    real_malloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
    resolving = 0;
}

static void gained(void *p)
{
    long long now;

    if (p == NULL)
        return;
    __atomic_add_fetch(&calls, 1, __ATOMIC_RELAXED);
    now = __atomic_add_fetch(&live, (long long)malloc_usable_size(p),
                             __ATOMIC_RELAXED);
    long long was = __atomic_load_n(&peak, __ATOMIC_RELAXED);
    while (now > was && !__atomic_compare_exchange_n(
                            &peak, &was, now, 1, __ATOMIC_RELAXED,
                            __ATOMIC_RELAXED))
        ;
}

static void lost(void *p)
{
    if (p != NULL)
        __atomic_sub_fetch(&live, (long long)malloc_usable_size(p),
                           __ATOMIC_RELAXED);
}

void *malloc(size_t n)
{
    void *p;

    resolve();
    if (real_malloc == NULL)
        return arena_alloc(n);
    p = real_malloc(n);
    gained(p);
    return p;
}

void *calloc(size_t n, size_t size)
{
    void *p;

    resolve();
    if (real_calloc == NULL)            /* dlsym's own, while resolving */
        return size == 0 || n <= SIZE_MAX / size ? arena_alloc(n * size)
                                                 : NULL;
    p = real_calloc(n, size);
    gained(p);
    return p;
}

void *realloc(void *old, size_t n)
{
    void *p;
    size_t was;

    resolve();
    if (in_arena(old)) {                /* rare: copy out of the arena */
        size_t left = (size_t)(arena + sizeof arena - (unsigned char *)old);
        p = malloc(n);
        if (p != NULL)
            memcpy(p, old, n < left ? n : left);
        return p;
    }
    if (real_realloc == NULL)
        return arena_alloc(n);
    was = old != NULL ? malloc_usable_size(old) : 0;
    p = real_realloc(old, n);
    if (p == NULL)
        return NULL;                    /* old is still there, as it was */
    __atomic_sub_fetch(&live, (long long)was, __ATOMIC_RELAXED);
    gained(p);
    return p;
}

void free(void *p)
{
    if (p == NULL || in_arena(p))
        return;
    resolve();
    lost(p);
    real_free(p);
}

int posix_memalign(void **out, size_t align, size_t n)
{
    int rc;

    resolve();
    rc = real_posix_memalign(out, align, n);
    if (rc == 0)
        gained(*out);
    return rc;
}

void *aligned_alloc(size_t align, size_t n)
{
    void *p;

    resolve();
    p = real_aligned_alloc(align, n);
    gained(p);
    return p;
}

void *memalign(size_t align, size_t n)
{
    void *p;

    resolve();
    p = real_memalign(align, n);
    gained(p);
    return p;
}

void *valloc(size_t n)
{
    void *p;

    resolve();
    p = real_valloc(n);
    gained(p);
    return p;
}

__attribute__((constructor)) static void memcount_start(void)
{
    resolve();
    owner = getpid();
}

/* rchar of /proc/self/io: bytes read by read(2), pread(2) and the like */
static long long bytes_read(void)
{
    char buf[512];
    int fd = open("/proc/self/io", O_RDONLY | O_CLOEXEC);
    ssize_t n;
    const char *p;

    if (fd < 0)
        return -1;
    n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return -1;
    buf[n] = '\0';
    p = strstr(buf, "rchar: ");
    return p != NULL ? atoll(p + 7) : -1;
}

__attribute__((destructor)) static void memcount_report(void)
{
    const char *path = getenv("MEMCOUNT_OUT");
    char line[160];
    int fd, n;
    struct rusage ru;
    double cpu = 0;

    if (path == NULL || getpid() != owner)
        return;
    if (getrusage(RUSAGE_SELF, &ru) == 0)
        cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
              (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    n = snprintf(line, sizeof line,
                 "peak=%lld calls=%lld read=%lld cpu=%.3f\n",
                 __atomic_load_n(&peak, __ATOMIC_RELAXED),
                 __atomic_load_n(&calls, __ATOMIC_RELAXED), bytes_read(),
                 cpu);
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        return;
    if (write(fd, line, (size_t)n) != n) {
        /* the test sees a short line and says so */
    }
    close(fd);
}
