/*
 * core/alloc.c -- the fallible allocators and, in a -DSB_ALLOC_HOOK
 * build, the hook that fails one named site (alloc.h says how).
 *
 * Built on malloc and realloc rather than g_try_malloc so that memory
 * from here can go back through free() (the data model's arrays) as well
 * as g_free() (everything else), as before.
 */
#include "core/alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef __GLIBC__
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

/* n * size, or 0 when it overflows; at least 1 otherwise, so that a
   NULL from malloc always means "out of memory". */
static size_t bytes(size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        return 0;
    return n * size > 0 ? n * size : 1;
}

/* ---- huge pages for the heap ----------------------------------------- */

/* A big file's dataset is hundreds of MB of small blocks, and the kernel
   maps each 4 KiB page of it on first touch. Where a page fault is dear
   (a virtual machine that traps each one: 16 us a page was measured on
   the machine issue 24 was timed on) that costs more than reading the
   file. With transparent huge pages in "madvise" mode (Debian's
   default) a region marked MADV_HUGEPAGE is mapped 2 MiB at a time:
   512 times fewer faults. glibc's own tunable glibc.malloc.hugetlb=1
   does this, but only from the environment; this is the same, from
   inside: the heap grows in steps of at least TOP_PAD, and each time it
   has grown, the new part is marked before it is touched.
   Blocks under MMAP_MAX come from the heap rather than from mmap of
   their own, so that they get huge pages too and a block freed and
   asked for again is not mapped again (glibc's dynamic threshold does
   that only after a first free); the heap keeps up to TRIM bytes free
   at its top rather than giving them back and faulting them in again.
   Nothing here changes what is allocated: it is advice, and where the
   kernel or the C library has no such thing it is not given. */
#define TOP_PAD (32u << 20)
#define MMAP_MAX (32u << 20)
#define TRIM (64u << 20)

static uintptr_t heap_advised;      /* the heap is marked up to here */
static int heap_tuned;

void sb_alloc_tune(void)
{
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
    if (mallopt(M_TOP_PAD, TOP_PAD) == 0 ||
        mallopt(M_MMAP_THRESHOLD, MMAP_MAX) == 0 ||
        mallopt(M_TRIM_THRESHOLD, TRIM) == 0)
        return;
    heap_advised = (uintptr_t)sbrk(0);
    heap_tuned = heap_advised != (uintptr_t)-1;
#endif
}

void sb_alloc_release(void)
{
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
    /* only over glibc's own heap, as sb_alloc_tune found it: under a
       sanitizer's allocator (whose mallopt fails) glibc's arenas are
       not the program's, and malloc_trim walking them crashed one run
       in 40 */
    if (heap_tuned)
        (void)malloc_trim(0);
#endif
}

/* Marks the heap grown since the last call (the calling thread's
   allocation may have grown it). The heap only grows on the thread
   that holds the main arena's lock, but two threads may both see it
   grown: marking a range twice is harmless, so the position is an
   atomic and the race costs at most one extra madvise. */
static void advise_heap(void)
{
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
    uintptr_t top, from, page;

    if (!heap_tuned)
        return;
    top = (uintptr_t)sbrk(0);
    from = __atomic_load_n(&heap_advised, __ATOMIC_RELAXED);
    if (top == (uintptr_t)-1 || top <= from)
        return;
    page = (uintptr_t)sysconf(_SC_PAGESIZE);
    from &= ~(page - 1);
    /* a failure (no THP in this kernel) only leaves the pages small */
    (void)madvise((void *)from, top - from, MADV_HUGEPAGE);
    __atomic_store_n(&heap_advised, top, __ATOMIC_RELAXED);
#endif
}

/* A block of MMAP_MAX or more is a mapping of its own (glibc caps the
   threshold there), which the heap's marks do not reach: a bulk
   extract's series array (600,000 series, 56 MiB) took 8,200 faults of
   4 KiB where 17 of 2 MiB do. So such a block is marked when it is made,
   before anything touches it; a mapping keeps its mark when mremap
   grows or moves it. */
static void advise_block(void *p, size_t b)
{
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
    uintptr_t page, from, to;

    if (!heap_tuned || p == NULL || b < MMAP_MAX)
        return;
    page = (uintptr_t)sysconf(_SC_PAGESIZE);
    from = ((uintptr_t)p + page - 1) & ~(page - 1);
    to = ((uintptr_t)p + b) & ~(page - 1);
    if (to > from)
        (void)madvise((void *)from, to - from, MADV_HUGEPAGE);
#else
    (void)p;
    (void)b;
#endif
}

void *sb_alloc_n(size_t n, size_t size)
{
    size_t b = bytes(n, size);
    void *p = b ? malloc(b) : NULL;

    advise_heap();
    advise_block(p, b);
    return p;
}

void *sb_alloc0_n(size_t n, size_t size)
{
    size_t b = bytes(n, size);
    void *p = b ? calloc(n ? n : 1, size ? size : 1) : NULL;

    advise_heap();
    advise_block(p, b);  /* calloc's fresh mapping is untouched: zero */
    return p;
}

/* realloc, except that a block growing out of the heap into a mapping
   of its own is made, marked, then filled: realloc would copy into the
   new mapping at once, faulting it in 4 KiB pages. */
static void *resize_out_of_heap(void *p, size_t b)
{
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
    size_t had;
    void *q;

    if (!heap_tuned || p == NULL || b < MMAP_MAX)
        return realloc(p, b);
    had = malloc_usable_size(p);
    /* a mapping already, whose mark mremap keeps (or a heap block
       realloc grew in place that far: rare, and only slower) */
    if (had >= MMAP_MAX)
        return realloc(p, b);
    q = malloc(b);
    if (q == NULL)
        return NULL;
    advise_block(q, b);
    memcpy(q, p, had);  /* had < MMAP_MAX <= b: growing */
    free(p);
    return q;
#else
    return realloc(p, b);
#endif
}

void *sb_alloc_resize(void *p, size_t n, size_t size)
{
    size_t b = bytes(n, size);
    void *q = b ? resize_out_of_heap(p, b) : NULL;

    advise_heap();
    return q;
}

char *sb_alloc_strndup(const char *s, size_t len)
{
    char *d = sb_alloc_n(len + 1, 1);

    if (d != NULL) {
        memcpy(d, s, len);
        d[len] = '\0';
    }
    return d;
}

void *sb_alloc_memdup(const void *p, size_t len)
{
    void *d = sb_alloc_n(len, 1);

    if (d != NULL && len > 0)
        memcpy(d, p, len);
    return d;
}

int sb_alloc_grow(void *pp, size_t *cap, size_t need, size_t size)
{
    size_t want = *cap ? *cap : 8;
    void *old, *p;

    while (want < need && want <= SIZE_MAX / 2)
        want *= 2;
    if (want < need)
        want = need;
    /* pp is a T **: read and write the pointer through memcpy, which is
       valid whatever T is */
    memcpy(&old, pp, sizeof old);
    p = sb_alloc_resize(old, want, size);
    if (p == NULL)
        return -1;
    memcpy(pp, &p, sizeof p);
    *cap = want;
    return 0;
}

void *sb_alloc_shrink(void *p, size_t n, size_t size)
{
    void *q = sb_alloc_resize(p, n, size);

    return q != NULL ? q : p;
}

int sb_text_put(sb_text *t, const char *p, size_t n)
{
    if (n > 0)
        memcpy(t->s + t->len, p, n);
    t->len += n;
    t->s[t->len] = '\0';
    return 0;
}

/* ---- the hook -------------------------------------------------------- */

#ifdef SB_ALLOC_HOOK

#include <fcntl.h>
#include <glib.h>
#include <unistd.h>

#define SEEN_MAX 4096            /* sites remembered (more than exist) */

static struct {
    GMutex lock;
    int ready;
    int fd;                      /* SB_ALLOC_SITES, or -1 */
    const char *fail;            /* SB_ALLOC_FAIL, or NULL */
    int fired;
    const char *seen[SEEN_MAX];  /* site strings, by address */
} hook;

static void hook_setup(void)
{
    const char *sites = getenv("SB_ALLOC_SITES");

    hook.fd = sites && *sites
                  ? open(sites, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
                         0644)
                  : -1;
    hook.fail = getenv("SB_ALLOC_FAIL");
    hook.ready = 1;
}

/* Appends "SITE\n" (prefix "!" for a failed one) to the sites file. */
static void hook_note(const char *prefix, const char *site)
{
    char line[600];
    int n;

    if (hook.fd < 0)
        return;
    n = snprintf(line, sizeof line, "%s%s\n", prefix, site);
    if (n > 0 && (size_t)n < sizeof line &&
        write(hook.fd, line, (size_t)n) != n)
        hook.fd = -1;            /* nowhere to write: stop trying */
}

/* 1 the first time site is met. Sites are string literals: one address
   each, so an open-addressed table of addresses tells them apart. */
static int first_visit(const char *site)
{
    size_t i = ((uintptr_t)site >> 3) % SEEN_MAX, k;

    for (k = 0; k < SEEN_MAX; k++, i = (i + 1) % SEEN_MAX) {
        if (hook.seen[i] == site)
            return 0;
        if (hook.seen[i] == NULL) {
            hook.seen[i] = site;
            return 1;
        }
    }
    return 0;                    /* full: a site more than SEEN_MAX */
}

int sb_alloc_hook(const char *site)
{
    int fail = 0;

    g_mutex_lock(&hook.lock);
    if (!hook.ready)
        hook_setup();
    if (first_visit(site))
        hook_note("", site);
    if (!hook.fired && hook.fail != NULL && strcmp(hook.fail, site) == 0) {
        hook.fired = fail = 1;
        hook_note("!", site);
    }
    g_mutex_unlock(&hook.lock);
    return fail;
}

#endif
