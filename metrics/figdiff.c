/*
 * metrics/figdiff.c -- the figures that change between two vintages
 * (figdiff.h): OLD's metrics rows kept and sorted by series, then NEW's
 * rows compared with them as metrics_each gives them, figure by figure
 * (the CSV figures of metrics/fields.c).
 *
 * Rules (docs/commands.md, diff): a figure changed when it is defined on
 * one side only or its values differ; when the indicator's scale
 * changed, figures in the unit (values, changes, slope, intercept,
 * points) are taken into NEW's unit first and equal within 1e-12 of
 * their size (the conversion's rounding is no change); when the units
 * cannot be compared, the indicator's figures are not compared. A
 * figure measured otherwise on each side (its indicator's kind changed:
 * a rate's yoy in points, an amount's in percent) is listed without a
 * difference.
 */
#include "figdiff.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"

typedef struct {
    const sb_dataset *old, *new;
    metrics_row *rows;               /* OLD's, sorted by (indicator, region) */
    size_t n_rows, cap_rows;
    figdiff_change *v;
    size_t n, cap;
} fd_ctx;

/* ---- OLD's rows ------------------------------------------------------------ */

static sb_status keep_old(void *user, const metrics_row *rows, size_t n)
{
    fd_ctx *x = user;

    if (sb_grow(&x->rows, &x->cap_rows, x->n_rows + n) != 0)
        return SB_ENOMEM;
    memcpy(x->rows + x->n_rows, rows, n * sizeof *rows);
    x->n_rows += n;
    return SB_OK;
}

static int by_series(const void *pa, const void *pb)
{
    const metrics_row *a = pa, *b = pb;

    if (a->indicator != b->indicator)
        return a->indicator < b->indicator ? -1 : 1;
    return (a->region > b->region) - (a->region < b->region);
}

/* ---- the comparison of one series ------------------------------------------ */

int figdiff_in_unit(const metrics_field *f)
{
    return f->print == METRICS_PRINT_VALUE ||
           f->print == METRICS_PRINT_CHANGE ||
           f->decimals == METRICS_DEC_UNIT ||
           f->decimals == METRICS_DEC_UNIT_PLUS1;
}

static int same(double a, double b, double factor)
{
    if (a == b)
        return 1;
    return factor != 1.0 &&
           fabs(a - b) <= 1e-12 * fmax(fabs(a), fabs(b));
}

static sb_status add(fd_ctx *x, const figdiff_change *c)
{
    if (sb_grow(&x->v, &x->cap, x->n + 1) != 0)
        return SB_ENOMEM;
    x->v[x->n++] = *c;
    return SB_OK;
}

/* The figures of NEW's row r that differ from OLD's row o. */
static sb_status compare_rows(fd_ctx *x, const metrics_row *o,
                              const metrics_row *r, double factor)
{
    size_t k, nf;
    const metrics_field *f = metrics_fields(&nf);
    const sb_indicator *ind = sb_dataset_indicator_at(x->new, r->indicator);
    const sb_indicator *oind = sb_dataset_indicator_at(x->old, o->indicator);
    sb_status rc = SB_OK;

    for (k = 0; rc == SB_OK && k < nf; k++) {
        int uo, un;
        figdiff_change c;

        if (!(f[k].use & METRICS_USE_CSV))
            continue;
        uo = metrics_field_undefined(&f[k], o);
        un = metrics_field_undefined(&f[k], r);
        c.indicator = ind->id;
        c.region = sb_dataset_region_at(x->new, r->region)->name;
        c.ind = ind;
        c.old_ind = oind;
        c.field = &f[k];
        c.alike = metrics_field_print_kind(&f[k], oind) ==
                  metrics_field_print_kind(&f[k], ind);
        c.old = uo ? NAN : metrics_field_value(&f[k], o) *
                               (figdiff_in_unit(&f[k]) ? factor : 1.0);
        c.new = un ? NAN : metrics_field_value(&f[k], r);
        if (uo && un)
            continue;
        if (!uo && !un && same(c.old, c.new, factor))
            continue;
        rc = add(x, &c);
    }
    return rc;
}

/* A metrics_rows_fn over NEW's rows of one indicator. */
static sb_status compare_new(void *user, const metrics_row *rows, size_t n)
{
    fd_ctx *x = user;
    const sb_indicator *ni, *oi;
    sb_id oid;
    double factor;
    size_t i;
    sb_status rc = SB_OK;

    if (n == 0)
        return SB_OK;
    ni = sb_dataset_indicator_at(x->new, rows[0].indicator);
    oid = sb_dataset_find_indicator(x->old, ni->id);
    if (oid == SB_NONE)
        return SB_OK;
    oi = sb_dataset_indicator_at(x->old, oid);
    if (!rev_unit_factor(oi, ni, &factor))
        return SB_OK;
    for (i = 0; rc == SB_OK && i < n; i++) {
        metrics_row key;
        const metrics_row *o;

        key.indicator = oid;
        key.region = rev_region_in(x->old,
                                   sb_dataset_region_at(x->new,
                                                        rows[i].region));
        if (key.region == SB_NONE)
            continue;
        o = bsearch(&key, x->rows, x->n_rows, sizeof *x->rows, by_series);
        if (o != NULL)
            rc = compare_rows(x, o, &rows[i], factor);
    }
    return rc;
}

/* ---- selections and the two passes ----------------------------------------- */

/* The ids of ds that find gives for names (n of them; none: *sel NULL,
   all), as a selection of metrics_each over n_ids ids; -1 when out of
   memory. */
static int select_names(const sb_dataset *ds, size_t n_ids,
                        sb_id (*find)(const sb_dataset *, const char *),
                        const char *const *names, size_t n,
                        unsigned char **sel)
{
    size_t i;

    *sel = NULL;
    if (n == 0)
        return 0;
    if ((*sel = sb_new0(unsigned char, n_ids + 1)) == NULL)
        return -1;
    for (i = 0; i < n; i++) {
        sb_id id = find(ds, names[i]);
        if (id != SB_NONE)
            (*sel)[id] = 1;
    }
    return 0;
}

/* Narrows *sel (NULL: every region of ds) to the regions f keeps, when f
   has a region_kept (report's annex: the regions the brief shows). */
static int select_kept(const sb_dataset *ds, const rev_filter *f,
                       unsigned char **sel)
{
    size_t i, n = sb_dataset_n_regions(ds);

    if (f == NULL || f->region_kept == NULL)
        return 0;
    if (*sel == NULL) {
        if ((*sel = sb_new0(unsigned char, n + 1)) == NULL)
            return -1;
        memset(*sel, 1, n);
    }
    for (i = 0; i < n; i++)
        if ((*sel)[i] &&
            !f->region_kept(f->region_ctx,
                            sb_dataset_region_at(ds, (sb_id)i)->name))
            (*sel)[i] = 0;
    return 0;
}

/* The rows of ds through fn, with the window and comparison set of o. */
static sb_status pass(const sb_dataset *ds, const figdiff_opts *o,
                      const unsigned char *rsel, metrics_rows_fn fn,
                      fd_ctx *x, sb_error *err)
{
    metrics_opts m;
    metrics_ctx *mc = NULL;
    unsigned char *isel = NULL;
    sb_status rc;

    memset(&m, 0, sizeof m);
    if (o != NULL && o->m != NULL)
        m = *o->m;
    if (o != NULL && o->filter != NULL) {
        m.from = o->filter->from;
        m.to = o->filter->to;
    }
    if (select_names(ds, sb_dataset_n_indicators(ds),
                     sb_dataset_find_indicator,
                     o != NULL && o->filter != NULL ? o->filter->ids : NULL,
                     o != NULL && o->filter != NULL ? o->filter->n_ids : 0,
                     &isel) != 0)
        return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    rc = metrics_ctx_create(ds, &m, &mc, err);
    if (rc == SB_OK)
        rc = metrics_each(mc, isel, rsel, fn, x, err);
    if (rc == SB_OK)
        rc = metrics_ctx_status(mc, err);
    if (rc == SB_ENOMEM && err->msg[0] == '\0')
        sb_error_set(err, rc, NULL, 0, 0, "out of memory");
    metrics_ctx_destroy(mc);
    free(isel);
    return rc;
}

static int by_place(const void *pa, const void *pb)
{
    const figdiff_change *a = pa, *b = pb;
    int c = strcmp(a->indicator, b->indicator);

    if (c == 0)
        c = strcmp(a->region, b->region);
    if (c == 0)
        c = (a->field > b->field) - (a->field < b->field);
    return c;
}

sb_status figdiff_compare(const sb_dataset *old, const sb_dataset *new,
                          const figdiff_opts *o, figdiff_result **out,
                          sb_error *err)
{
    fd_ctx x;
    unsigned char *rsel = NULL;
    figdiff_result *r = sb_new0(figdiff_result, 1);
    sb_status rc = SB_OK;

    memset(&x, 0, sizeof x);
    x.old = old;
    x.new = new;
    if (r == NULL ||
        select_names(new, sb_dataset_n_regions(new), sb_dataset_find_region,
                     o != NULL ? o->regions : NULL,
                     o != NULL ? o->n_regions : 0, &rsel) != 0 ||
        select_kept(new, o != NULL ? o->filter : NULL, &rsel) != 0)
        rc = sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc == SB_OK)
        rc = pass(old, o, NULL, keep_old, &x, err);
    if (rc == SB_OK) {
        if (x.n_rows > 1)
            qsort(x.rows, x.n_rows, sizeof *x.rows, by_series);
        rc = pass(new, o, rsel, compare_new, &x, err);
    }
    free(rsel);
    free(x.rows);
    if (rc == SB_OK) {
        if (x.n > 1)
            qsort(x.v, x.n, sizeof *x.v, by_place);
        r->v = x.v;
        r->n = x.n;
    } else {
        free(x.v);
        free(r);
        r = NULL;
    }
    *out = r;
    return rc;
}

void figdiff_destroy(figdiff_result *r)
{
    if (r == NULL)
        return;
    free(r->v);
    free(r);
}

/* ---- printing -------------------------------------------------------------- */

/* new - old of a figure: a value's change in the unit, a percentage's in
   points, a number or a count signed. */
static char *print_diff(char *buf, size_t size, const figdiff_change *c,
                        fmt_lang lang)
{
    const metrics_field *f = c->field;
    double d = c->new - c->old;
    int p = fmt_points_decimals(c->ind);

    if (!isfinite(d) || !c->alike) {
        snprintf(buf, size, "%s", FMT_UNDEFINED);
        return buf;
    }
    switch (metrics_field_print_kind(f, c->ind)) {
    case METRICS_PRINT_VALUE: return fmt_value_change(buf, size, d, c->ind,
                                                      lang);
    case METRICS_PRINT_PCT: return fmt_points(buf, size, d, 1, 0, lang);
    case METRICS_PRINT_POINTS:
        return fmt_points(buf, size, d, f->print == METRICS_PRINT_POINTS
                                            ? metrics_field_decimals(f, p)
                                            : p, 0, lang);
    case METRICS_PRINT_NUMBER:
        return fmt_number(buf, size, d, metrics_field_decimals(f, p), 1,
                          lang);
    default: return fmt_number(buf, size, d, 0, 1, lang);   /* −1, +2 */
    }
}

char *figdiff_print(char *buf, size_t size, const figdiff_change *c,
                    figdiff_side side, fmt_lang lang)
{
    if (side == FIGDIFF_DIFF)
        return print_diff(buf, size, c, lang);
    /* a column compares like with like: NEW's form on both sides, but
       for a figure measured otherwise before */
    if (side == FIGDIFF_OLD)
        return metrics_field_print(buf, size, c->field, c->old,
                                   c->alike ? c->ind : c->old_ind, lang);
    return metrics_field_print(buf, size, c->field, c->new, c->ind, lang);
}
