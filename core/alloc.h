/*
 * core/alloc.h -- fallible allocation for statbrief's own code (core/, input/
 * and metrics/), and a build-time hook that makes one chosen allocation
 * fail, so that every failure path can be tested.
 *
 * Every function here returns NULL (or -1) when memory runs out and
 * leaves what it was given as it was; the caller turns that into
 * SB_ENOMEM with a position. The memory is plain malloc memory: free()
 * and g_free() both release it. A request for zero bytes still gets a
 * block, so NULL always means "out of memory".
 *
 * GLib's own allocators (g_malloc, GString, GHashTable, GPtrArray, ...)
 * abort the process when memory runs out, by design; so do Cairo, Pango
 * and fontconfig. Code that must fail cleanly allocates through here.
 *
 * The hook (compile with -DSB_ALLOC_HOOK; `make test` builds it as
 * build/oom/statbrief, which tests/oom.sh drives): each allocation is a
 * site, "FILE:LINE" of the call (input/data.c:123), and two environment
 * variables drive it:
 *   SB_ALLOC_SITES=FILE  append each site the process reaches to FILE,
 *                        once per site; a failed one as "!SITE"
 *   SB_ALLOC_FAIL=SITE   the first allocation at SITE fails
 * Without the define the macros are the plain calls: no lookup, no
 * environment, no cost.
 */
#ifndef SB_ALLOC_H
#define SB_ALLOC_H

#include <stddef.h>
#include <string.h>

#ifdef SB_ALLOC_HOOK
#define SB_ALLOC_STR2(x) #x
#define SB_ALLOC_STR(x) SB_ALLOC_STR2(x)
/* 1 when the allocation at site must fail (the hook says so). */
int sb_alloc_hook(const char *site);
#define SB_ALLOC_FAILS() sb_alloc_hook(__FILE__ ":" SB_ALLOC_STR(__LINE__))
#else
#define SB_ALLOC_FAILS() 0
#endif

/* Once, first thing in main: tunes the C library's heap for big
   datasets (transparent huge pages, blocks kept rather than returned;
   alloc.c says why). Advice only: nothing fails without it. */
void sb_alloc_tune(void);
/* Gives the heap's free memory back to the system (glibc's malloc_trim:
   free blocks inside the heap too, not only at its top): once a load is
   over, so that what it freed (the series index, the read's buffers)
   is not still resident while the commands work on the dataset. Advice
   only, like sb_alloc_tune. */
void sb_alloc_release(void);

/* The allocators behind the macros; call the macros, which name the
   site. n elements of size bytes; NULL also when n * size overflows. */
void *sb_alloc_n(size_t n, size_t size);
void *sb_alloc0_n(size_t n, size_t size);
/* Resizes p (NULL: a new block) to n elements; on failure p stays. */
void *sb_alloc_resize(void *p, size_t n, size_t size);
char *sb_alloc_strndup(const char *s, size_t len);
void *sb_alloc_memdup(const void *p, size_t len);
/* *(T **)pp holds *cap elements of size bytes: makes it hold at least
   need, growing geometrically. 0, or -1 with *pp and *cap unchanged. */
int sb_alloc_grow(void *pp, size_t *cap, size_t need, size_t size);

#define sb_new(T, n) \
    ((T *)(SB_ALLOC_FAILS() ? NULL : sb_alloc_n((n), sizeof(T))))
#define sb_new0(T, n) \
    ((T *)(SB_ALLOC_FAILS() ? NULL : sb_alloc0_n((n), sizeof(T))))
#define sb_renew(T, p, n) \
    ((T *)(SB_ALLOC_FAILS() ? NULL : sb_alloc_resize((p), (n), sizeof(T))))
#define sb_malloc(n) (SB_ALLOC_FAILS() ? NULL : sb_alloc_n((n), 1))
#define sb_calloc(n, size) \
    (SB_ALLOC_FAILS() ? NULL : sb_alloc0_n((n), (size)))
#define sb_strndup(s, len) \
    (SB_ALLOC_FAILS() ? NULL : sb_alloc_strndup((s), (len)))
#define sb_strdup(s) (SB_ALLOC_FAILS() ? NULL : sb_alloc_strndup((s), strlen(s)))
#define sb_memdup(p, len) \
    (SB_ALLOC_FAILS() ? NULL : sb_alloc_memdup((p), (len)))
/* pp: the address of an array pointer; cap: the address of its
   capacity. Only a growth is an allocation (and a site). The arguments
   of these macros may be evaluated twice: pass plain lvalues. */
#define sb_grow(pp, cap, need)                                         \
    ((need) <= *(cap) ? 0                                              \
     : SB_ALLOC_FAILS() ? -1                                           \
     : sb_alloc_grow((pp), (cap), (need), sizeof **(pp)))

/* Shrinks p to n elements. Not a site: when it cannot, p stays as it
   is, larger than needed, which is no failure. Returns the block. */
void *sb_alloc_shrink(void *p, size_t n, size_t size);

/* A growing NUL-terminated text (what GString is, but fallible). Zero
   it to start; s is NULL until the first sb_text_add; g_free(t.s). */
typedef struct {
    char *s;
    size_t len, cap;
} sb_text;

/* Appends n bytes of p; 0, or -1 with t as it was. */
#define sb_text_add(t, p, n)                                           \
    (sb_grow(&(t)->s, &(t)->cap, (t)->len + (n) + 1) != 0              \
         ? -1 : sb_text_put((t), (p), (n)))
/* The rest of sb_text_add, once there is room. */
int sb_text_put(sb_text *t, const char *p, size_t n);

/* A growing array of pointers. Zero it to start; g_free(a.pdata). */
typedef struct {
    void **pdata;
    size_t len, cap;
} sb_ptrs;

/* Appends p; 0, or -1 with a as it was. */
#define sb_ptrs_add(a, p)                                              \
    (sb_grow(&(a)->pdata, &(a)->cap, (a)->len + 1) != 0                \
         ? -1 : ((a)->pdata[(a)->len++] = (p), 0))

#endif
