/*
 * reports/pdflinks.c -- Link annotations through libqpdf's C API: each
 * link a /Link annotation with an explicit /Dest, added to its page's
 * /Annots, and the file written again deterministically (pdflinks.h
 * says why Cairo does not do it).
 *
 * Not here: where the links are (pdf.c measures them).
 */
#include "pdflinks.h"

#include "qpdflib.h"

#include <glib.h>

/* A number with two decimals: a hundredth of a point is plenty. */
static qpdf_oh real(const qpdflib *lib, qpdf_data q, double v)
{
    return lib->qpdf_oh_new_real_from_double(q, v, 2);
}

/* [x0 y0 x1 y1]. */
static qpdf_oh rect(const qpdflib *lib, qpdf_data q, const pdfl_link *l)
{
    qpdf_oh a = lib->qpdf_oh_new_array(q);
    lib->qpdf_oh_append_item(q, a, real(lib, q, l->x0));
    lib->qpdf_oh_append_item(q, a, real(lib, q, l->y0));
    lib->qpdf_oh_append_item(q, a, real(lib, q, l->x1));
    lib->qpdf_oh_append_item(q, a, real(lib, q, l->y1));
    return a;
}

/* /Dest [page /XYZ x y 0]: keep the reader's zoom. */
static qpdf_oh dest(const qpdflib *lib, qpdf_data q, const pdfl_link *l)
{
    qpdf_oh a = lib->qpdf_oh_new_array(q);
    lib->qpdf_oh_append_item(q, a, lib->qpdf_get_page_n(q, l->to_page));
    lib->qpdf_oh_append_item(q, a, lib->qpdf_oh_new_name(q, "/XYZ"));
    lib->qpdf_oh_append_item(q, a, real(lib, q, l->to_x));
    lib->qpdf_oh_append_item(q, a, real(lib, q, l->to_y));
    lib->qpdf_oh_append_item(q, a, lib->qpdf_oh_new_integer(q, 0));
    return a;
}

static void add_one(const qpdflib *lib, qpdf_data q, const pdfl_link *l)
{
    qpdf_oh page = lib->qpdf_get_page_n(q, l->page);
    qpdf_oh annot = lib->qpdf_oh_new_dictionary(q), border, annots;

    lib->qpdf_oh_replace_key(q, annot, "/Type",
                             lib->qpdf_oh_new_name(q, "/Annot"));
    lib->qpdf_oh_replace_key(q, annot, "/Subtype",
                             lib->qpdf_oh_new_name(q, "/Link"));
    lib->qpdf_oh_replace_key(q, annot, "/Rect", rect(lib, q, l));
    border = lib->qpdf_oh_new_array(q);         /* no box around the text */
    lib->qpdf_oh_append_item(q, border, lib->qpdf_oh_new_integer(q, 0));
    lib->qpdf_oh_append_item(q, border, lib->qpdf_oh_new_integer(q, 0));
    lib->qpdf_oh_append_item(q, border, lib->qpdf_oh_new_integer(q, 0));
    lib->qpdf_oh_replace_key(q, annot, "/Border", border);
    lib->qpdf_oh_replace_key(q, annot, "/Dest", dest(lib, q, l));
    if (!lib->qpdf_oh_has_key(q, page, "/Annots"))
        lib->qpdf_oh_replace_key(q, page, "/Annots",
                                 lib->qpdf_oh_new_array(q));
    annots = lib->qpdf_oh_get_key(q, page, "/Annots");
    lib->qpdf_oh_append_item(q, annots,
                             lib->qpdf_make_indirect_object(q, annot));
}

static sb_status fail(const qpdflib *lib, qpdf_data q, sb_error *err)
{
    qpdf_error e = lib->qpdf_get_error(q);
    return sb_error_set(err, SB_EINTERNAL, NULL, 0, 0, "qpdf: %s",
                        e ? lib->qpdf_get_error_full_text(q, e)
                          : "unknown failure");
}

sb_status pdfl_add(unsigned char **pdf, size_t *len, const pdfl_link *links,
                   size_t n, sb_error *err)
{
    const qpdflib *lib = qpdflib_get(err);
    qpdf_data q;
    sb_status rc = SB_OK;
    size_t i, pages;

    if (lib == NULL)
        return SB_EINTERNAL;
    q = lib->qpdf_init();
    lib->qpdf_silence_errors(q);
    lib->qpdf_set_suppress_warnings(q, QPDF_TRUE);
    if (lib->qpdf_read_memory(q, "brief", (const char *)*pdf, *len, NULL) &
        QPDF_ERRORS) {
        rc = fail(lib, q, err);
        goto out;
    }
    pages = (size_t)lib->qpdf_get_num_pages(q);
    for (i = 0; i < n; i++) {
        if (links[i].page >= pages || links[i].to_page >= pages) {
            rc = sb_error_set(err, SB_EINTERNAL, NULL, 0, 0,
                              "link %zu points past page %zu", i, pages);
            goto out;
        }
        add_one(lib, q, &links[i]);
    }
    if (lib->qpdf_has_error(q) ||
        (lib->qpdf_init_write_memory(q) & QPDF_ERRORS)) {
        rc = fail(lib, q, err);
        goto out;
    }
    lib->qpdf_set_object_stream_mode(q, qpdf_o_generate);
    lib->qpdf_set_deterministic_ID(q, QPDF_TRUE);
    if (lib->qpdf_write(q) & QPDF_ERRORS) {
        rc = fail(lib, q, err);
        goto out;
    }
    g_free(*pdf);
    *len = lib->qpdf_get_buffer_length(q);
    *pdf = g_memdup2(lib->qpdf_get_buffer(q), *len);
out:
    lib->qpdf_cleanup(&q);
    return rc;
}
