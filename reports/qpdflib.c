/*
 * reports/qpdflib.c -- libqpdf by dlopen and dlsym, once per process
 * (qpdflib.h says why it is not linked).
 */
#include "qpdflib.h"

#include <dlfcn.h>
#include <stdlib.h>

#include <glib.h>

#ifndef SB_QPDF_SONAME
#define SB_QPDF_SONAME "libqpdf.so"
#endif

static qpdflib api;
static char *why;                 /* the failure, when there was one */

/* The library's name: the soname the build linked against; test builds
   let SB_QPDF_LIB name another (a missing one, to see the failure). */
static const char *soname(void)
{
#ifdef SB_TEST_HOOKS
    const char *e = getenv("SB_QPDF_LIB");
    if (e != NULL && *e != '\0')
        return e;
#endif
    return SB_QPDF_SONAME;
}

static gpointer load(gpointer unused)
{
    void *h = dlopen(soname(), RTLD_NOW | RTLD_LOCAL);
    const char *missing = NULL;

    (void)unused;
    if (h == NULL) {
        why = g_strdup_printf("cannot load libqpdf: %s", dlerror());
        return NULL;
    }
    /* dlsym gives an object pointer; POSIX guarantees it converts */
#define QPDFLIB_LOOK(f)                                                      \
    if (missing == NULL && (*(void **)(void *)&api.f = dlsym(h, #f)) == NULL)\
        missing = #f;
    QPDFLIB_FUNCTIONS(QPDFLIB_LOOK)
#undef QPDFLIB_LOOK
    if (missing != NULL) {
        why = g_strdup_printf("libqpdf (%s) has no %s", soname(), missing);
        dlclose(h);
        return NULL;
    }
    return &api;                  /* kept open for the process's life */
}

static GOnce once = G_ONCE_INIT;
static GThread *loader;           /* qpdflib_load_async's, until joined */
G_LOCK_DEFINE_STATIC(loader);

static gpointer load_on_thread(gpointer unused)
{
    (void)unused;
    return g_once(&once, load, NULL);
}

void qpdflib_load_async(void)
{
    G_LOCK(loader);
    if (loader == NULL)           /* no thread: qpdflib_get loads */
        loader = g_thread_try_new("qpdf", load_on_thread, NULL, NULL);
    G_UNLOCK(loader);
}

void qpdflib_wait(void)
{
    G_LOCK(loader);
    if (loader != NULL)
        g_thread_join(loader);
    loader = NULL;
    G_UNLOCK(loader);
}

const qpdflib *qpdflib_get(sb_error *err)
{
    const qpdflib *q;

    qpdflib_wait();
    q = g_once(&once, load, NULL);
    if (q == NULL)
        sb_error_set(err, SB_EINTERNAL, NULL, 0, 0, "%s", why);
    return q;
}
