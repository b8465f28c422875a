/*
 * reports/qpdflib.h -- libqpdf, loaded the first time something needs
 * it: a brief's links (pdflinks.c) and the manifest's version line.
 *
 * Why not linked: libqpdf brings libstdc++ and GnuTLS, whose
 * constructors run when a process starts. On the reference machine that
 * was 10 of the 25 ms every run took before main (330 page faults), a
 * quarter of a `check` of a small file, for a library that only PDF
 * briefs use. The functions are the same ones, found with dlsym in the
 * library the build was linked against (its soname, SB_QPDF_SONAME).
 */
#ifndef REPORTS_QPDFLIB_H
#define REPORTS_QPDFLIB_H

#include <qpdf/qpdf-c.h>

#include "core/model.h"

/* Every libqpdf function statbrief calls: one X(name) each. */
#define QPDFLIB_FUNCTIONS(X)                                                 \
    X(qpdf_init) X(qpdf_cleanup) X(qpdf_silence_errors)                      \
    X(qpdf_set_suppress_warnings) X(qpdf_read_memory) X(qpdf_get_num_pages)  \
    X(qpdf_get_page_n) X(qpdf_has_error) X(qpdf_get_error)                   \
    X(qpdf_get_error_full_text) X(qpdf_init_write_memory)                    \
    X(qpdf_set_object_stream_mode) X(qpdf_set_deterministic_ID)              \
    X(qpdf_write) X(qpdf_get_buffer_length) X(qpdf_get_buffer)               \
    X(qpdf_oh_new_array) X(qpdf_oh_new_dictionary) X(qpdf_oh_new_name)       \
    X(qpdf_oh_new_integer) X(qpdf_oh_new_real_from_double)                   \
    X(qpdf_oh_append_item) X(qpdf_oh_replace_key) X(qpdf_oh_has_key)         \
    X(qpdf_oh_get_key) X(qpdf_make_indirect_object)                          \
    X(qpdf_get_qpdf_version)

#define QPDFLIB_FIELD(f) __typeof__(&f) f;
typedef struct {
    QPDFLIB_FUNCTIONS(QPDFLIB_FIELD)
} qpdflib;
#undef QPDFLIB_FIELD

/* The functions, the library loaded on the first call (from any
   thread; once). NULL when it cannot be loaded: err says why
   (SB_EINTERNAL, with the loader's message). */
const qpdflib *qpdflib_get(sb_error *err);

/* Starts loading it on a thread of its own, for a run that will write
   a manifest (or a brief): it loads while the run reads its data, on a
   core that would otherwise wait. qpdflib_get waits for it; a failure
   is reported there. */
void qpdflib_load_async(void);

/* Waits for a load qpdflib_load_async started: before a fork, which
   must not happen while a thread the child will not have holds the
   dynamic loader's lock. */
void qpdflib_wait(void);

#endif
