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
static qpdf_oh real(const qpdflib *L, qpdf_data q, double v)
{
    return L->qpdf_oh_new_real_from_double(q, v, 2);
}

/* [x0 y0 x1 y1]. */
static qpdf_oh rect(const qpdflib *L, qpdf_data q, const pdfl_link *l)
{
    qpdf_oh a = L->qpdf_oh_new_array(q);
    L->qpdf_oh_append_item(q, a, real(L, q, l->x0));
    L->qpdf_oh_append_item(q, a, real(L, q, l->y0));
    L->qpdf_oh_append_item(q, a, real(L, q, l->x1));
    L->qpdf_oh_append_item(q, a, real(L, q, l->y1));
    return a;
}

/* /Dest [page /XYZ x y 0]: keep the reader's zoom. */
static qpdf_oh dest(const qpdflib *L, qpdf_data q, const pdfl_link *l)
{
    qpdf_oh a = L->qpdf_oh_new_array(q);
    L->qpdf_oh_append_item(q, a, L->qpdf_get_page_n(q, l->to_page));
    L->qpdf_oh_append_item(q, a, L->qpdf_oh_new_name(q, "/XYZ"));
    L->qpdf_oh_append_item(q, a, real(L, q, l->to_x));
    L->qpdf_oh_append_item(q, a, real(L, q, l->to_y));
    L->qpdf_oh_append_item(q, a, L->qpdf_oh_new_integer(q, 0));
    return a;
}

static void add_one(const qpdflib *L, qpdf_data q, const pdfl_link *l)
{
    qpdf_oh page = L->qpdf_get_page_n(q, l->page);
    qpdf_oh annot = L->qpdf_oh_new_dictionary(q), border, annots;

    L->qpdf_oh_replace_key(q, annot, "/Type",
                           L->qpdf_oh_new_name(q, "/Annot"));
    L->qpdf_oh_replace_key(q, annot, "/Subtype",
                           L->qpdf_oh_new_name(q, "/Link"));
    L->qpdf_oh_replace_key(q, annot, "/Rect", rect(L, q, l));
    border = L->qpdf_oh_new_array(q);           /* no box around the text */
    L->qpdf_oh_append_item(q, border, L->qpdf_oh_new_integer(q, 0));
    L->qpdf_oh_append_item(q, border, L->qpdf_oh_new_integer(q, 0));
    L->qpdf_oh_append_item(q, border, L->qpdf_oh_new_integer(q, 0));
    L->qpdf_oh_replace_key(q, annot, "/Border", border);
    L->qpdf_oh_replace_key(q, annot, "/Dest", dest(L, q, l));
    if (!L->qpdf_oh_has_key(q, page, "/Annots"))
        L->qpdf_oh_replace_key(q, page, "/Annots", L->qpdf_oh_new_array(q));
    annots = L->qpdf_oh_get_key(q, page, "/Annots");
    L->qpdf_oh_append_item(q, annots, L->qpdf_make_indirect_object(q, annot));
}

static sb_status fail(const qpdflib *L, qpdf_data q, sb_error *err)
{
    qpdf_error e = L->qpdf_get_error(q);
    return sb_error_set(err, SB_EINTERNAL, NULL, 0, 0, "qpdf: %s",
                        e ? L->qpdf_get_error_full_text(q, e)
                          : "unknown failure");
}

sb_status pdfl_add(unsigned char **pdf, size_t *len, const pdfl_link *links,
                   size_t n, sb_error *err)
{
    const qpdflib *L = qpdflib_get(err);
    qpdf_data q;
    sb_status rc = SB_OK;
    size_t i, pages;

    if (L == NULL)
        return SB_EINTERNAL;
    q = L->qpdf_init();
    L->qpdf_silence_errors(q);
    L->qpdf_set_suppress_warnings(q, QPDF_TRUE);
    if (L->qpdf_read_memory(q, "brief", (const char *)*pdf, *len, NULL) &
        QPDF_ERRORS) {
        rc = fail(L, q, err);
        goto out;
    }
    pages = (size_t)L->qpdf_get_num_pages(q);
    for (i = 0; i < n; i++) {
        if (links[i].page >= pages || links[i].to_page >= pages) {
            rc = sb_error_set(err, SB_EINTERNAL, NULL, 0, 0,
                              "link %zu points past page %zu", i, pages);
            goto out;
        }
        add_one(L, q, &links[i]);
    }
    if (L->qpdf_has_error(q) ||
        (L->qpdf_init_write_memory(q) & QPDF_ERRORS)) {
        rc = fail(L, q, err);
        goto out;
    }
    L->qpdf_set_object_stream_mode(q, qpdf_o_generate);
    L->qpdf_set_deterministic_ID(q, QPDF_TRUE);
    if (L->qpdf_write(q) & QPDF_ERRORS) {
        rc = fail(L, q, err);
        goto out;
    }
    g_free(*pdf);
    *len = L->qpdf_get_buffer_length(q);
    *pdf = g_memdup2(L->qpdf_get_buffer(q), *len);
out:
    L->qpdf_cleanup(&q);
    return rc;
}
