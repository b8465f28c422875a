/*
 * reports/pdflinks.c -- Link annotations through libqpdf's C API: each
 * link a /Link annotation with an explicit /Dest, added to its page's
 * /Annots, and the file written again deterministically (pdflinks.h
 * says why Cairo does not do it).
 *
 * Not here: where the links are (pdf.c measures them).
 */
#include "pdflinks.h"

#include <qpdf/qpdf-c.h>

#include <glib.h>

/* [x0 y0 x1 y1], two decimals: a hundredth of a point is plenty. */
static qpdf_oh rect(qpdf_data q, const pdfl_link *l)
{
    qpdf_oh a = qpdf_oh_new_array(q);
    qpdf_oh_append_item(q, a, qpdf_oh_new_real_from_double(q, l->x0, 2));
    qpdf_oh_append_item(q, a, qpdf_oh_new_real_from_double(q, l->y0, 2));
    qpdf_oh_append_item(q, a, qpdf_oh_new_real_from_double(q, l->x1, 2));
    qpdf_oh_append_item(q, a, qpdf_oh_new_real_from_double(q, l->y1, 2));
    return a;
}

/* /Dest [page /XYZ x y 0]: keep the reader's zoom. */
static qpdf_oh dest(qpdf_data q, const pdfl_link *l)
{
    qpdf_oh a = qpdf_oh_new_array(q);
    qpdf_oh_append_item(q, a, qpdf_get_page_n(q, l->to_page));
    qpdf_oh_append_item(q, a, qpdf_oh_new_name(q, "/XYZ"));
    qpdf_oh_append_item(q, a, qpdf_oh_new_real_from_double(q, l->to_x, 2));
    qpdf_oh_append_item(q, a, qpdf_oh_new_real_from_double(q, l->to_y, 2));
    qpdf_oh_append_item(q, a, qpdf_oh_new_integer(q, 0));
    return a;
}

static void add_one(qpdf_data q, const pdfl_link *l)
{
    qpdf_oh page = qpdf_get_page_n(q, l->page);
    qpdf_oh annot = qpdf_oh_new_dictionary(q), border, annots;

    qpdf_oh_replace_key(q, annot, "/Type", qpdf_oh_new_name(q, "/Annot"));
    qpdf_oh_replace_key(q, annot, "/Subtype", qpdf_oh_new_name(q, "/Link"));
    qpdf_oh_replace_key(q, annot, "/Rect", rect(q, l));
    border = qpdf_oh_new_array(q);           /* no box around the text */
    qpdf_oh_append_item(q, border, qpdf_oh_new_integer(q, 0));
    qpdf_oh_append_item(q, border, qpdf_oh_new_integer(q, 0));
    qpdf_oh_append_item(q, border, qpdf_oh_new_integer(q, 0));
    qpdf_oh_replace_key(q, annot, "/Border", border);
    qpdf_oh_replace_key(q, annot, "/Dest", dest(q, l));
    if (!qpdf_oh_has_key(q, page, "/Annots"))
        qpdf_oh_replace_key(q, page, "/Annots", qpdf_oh_new_array(q));
    annots = qpdf_oh_get_key(q, page, "/Annots");
    qpdf_oh_append_item(q, annots, qpdf_make_indirect_object(q, annot));
}

static sb_status fail(qpdf_data q, sb_error *err)
{
    qpdf_error e = qpdf_get_error(q);
    return sb_error_set(err, SB_EINTERNAL, NULL, 0, 0, "qpdf: %s",
                        e ? qpdf_get_error_full_text(q, e)
                          : "unknown failure");
}

sb_status pdfl_add(unsigned char **pdf, size_t *len, const pdfl_link *links,
                   size_t n, sb_error *err)
{
    qpdf_data q = qpdf_init();
    sb_status rc = SB_OK;
    size_t i, pages;

    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    if (qpdf_read_memory(q, "brief", (const char *)*pdf, *len, NULL) &
        QPDF_ERRORS) {
        rc = fail(q, err);
        goto out;
    }
    pages = (size_t)qpdf_get_num_pages(q);
    for (i = 0; i < n; i++) {
        if (links[i].page >= pages || links[i].to_page >= pages) {
            rc = sb_error_set(err, SB_EINTERNAL, NULL, 0, 0,
                              "link %zu points past page %zu", i, pages);
            goto out;
        }
        add_one(q, &links[i]);
    }
    if (qpdf_has_error(q) ||
        (qpdf_init_write_memory(q) & QPDF_ERRORS)) {
        rc = fail(q, err);
        goto out;
    }
    qpdf_set_object_stream_mode(q, qpdf_o_generate);
    qpdf_set_deterministic_ID(q, QPDF_TRUE);
    if (qpdf_write(q) & QPDF_ERRORS) {
        rc = fail(q, err);
        goto out;
    }
    g_free(*pdf);
    *len = qpdf_get_buffer_length(q);
    *pdf = g_memdup2(qpdf_get_buffer(q), *len);
out:
    qpdf_cleanup(&q);
    return rc;
}
