/*
 * metrics/revisions.c -- the comparison of two vintages (statbrief diff):
 * series matched across the two datasets, values merged by year and
 * classified, then sorted and summarised per indicator. The writers are
 * in metrics/revisions_out.c.
 *
 * Rules (docs/commands.md, diff): a number equal on both sides is no
 * change, whatever its published text (3.10 and 3.1); flags that differ
 * on an equal number are a flag change; two numbers that agree when
 * rounded to the coarser of their published decimals are "rounded"
 * (rounding is not revision); any other difference is a revision. A
 * unit or scale change is one change of the indicator: values are then
 * compared in the base unit when both scales are known, and not at all
 * when they are not (they are in different units).
 */
#include "revisions.h"

#include <math.h>
#include <float.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"

static const char *const kind_names[REV_N] = {
    "unit", "meta", "revised", "rounded", "flags", "added", "withdrawn",
};

const char *rev_kind_name(rev_kind k)
{
    return k < REV_N ? kind_names[k] : "";
}

/* What the comparison is building. */
typedef struct {
    const sb_dataset *old, *new;
    const rev_filter *f;
    rev_change *v;
    size_t n, cap;
} rev_ctx;

/* 1 when the filter keeps change c. */
static int kept(const rev_filter *f, const rev_change *c)
{
    size_t i;

    if (f == NULL)
        return 1;
    if (c->year != 0 && ((f->from && c->year < f->from) ||
                         (f->to && c->year > f->to)))
        return 0;
    if (c->year != 0 && f->region_kept != NULL &&
        !f->region_kept(f->region_ctx, c->region))
        return 0;
    for (i = 0; i < f->n_ids; i++)
        if (strcmp(f->ids[i], c->indicator) == 0)
            return 1;
    return f->n_ids == 0;
}

static sb_status add(rev_ctx *x, const rev_change *c)
{
    if (!kept(x->f, c))
        return SB_OK;
    if (sb_grow(&x->v, &x->cap, x->n + 1) != 0)
        return SB_ENOMEM;
    x->v[x->n++] = *c;
    return SB_OK;
}

static const char *str_or_empty(const char *s)
{
    return s != NULL ? s : "";
}

sb_id rev_region_in(const sb_dataset *b, const sb_region *reg)
{
    sb_id br = sb_dataset_find_region(b, reg->name);
    size_t k;

    for (k = 0; br == SB_NONE && k < reg->n_aliases; k++)
        br = sb_dataset_find_region(b, reg->aliases[k]);
    return br;
}

/* The series of b that s of a is: same indicator id, region by name or
   by one of its aliases. NULL when b has none. */
static const sb_series *match(const sb_dataset *a, const sb_series *s,
                              const sb_dataset *b)
{
    const sb_indicator *ind = sb_dataset_indicator_at(a, s->indicator);
    sb_id bi = sb_dataset_find_indicator(b, ind->id);
    sb_id br = rev_region_in(b, sb_dataset_region_at(a, s->region));

    if (bi == SB_NONE || br == SB_NONE)
        return NULL;
    return sb_dataset_find_series(b, bi, br);
}

/* How values of an indicator compare: factor takes an old value into
   NEW's unit; comparable is 0 when the units differ and no scale says
   how they relate. */
typedef struct {
    double factor;
    int comparable, changed;
} unit_cmp;

static unit_cmp compare_units(const sb_indicator *o, const sb_indicator *n)
{
    unit_cmp u = {1.0, 1, 0};
    int same_unit = strcmp(str_or_empty(o->unit), str_or_empty(n->unit)) == 0;
    int scales = isfinite(o->scale) && isfinite(n->scale);

    if (scales && o->scale != n->scale) {
        u.changed = 1;
        u.factor = o->scale / n->scale;
    } else if (!same_unit) {
        u.changed = 1;
        u.comparable = scales;  /* same scale, unit renamed only */
    }
    return u;
}

int rev_unit_factor(const sb_indicator *o, const sb_indicator *n,
                    double *factor)
{
    unit_cmp u = compare_units(o, n);

    *factor = u.factor;
    return u.comparable;
}

/* Old a and new b (already in NEW's unit) with their published decimals
   da, db: REV_ROUNDED when they agree at the coarser precision. */
static rev_kind classify(double a, double b, int da, int db, int exact)
{
    int d = da < db ? da : db;
    double half = 0.5 * pow(10.0, -d);
    double slack = 4 * DBL_EPSILON * fmax(fabs(a), fabs(b));

    if (exact && da != db && fabs(a - b) <= half + slack)
        return REV_ROUNDED;
    return REV_REVISED;
}

/* The decimals new - old is exact to: the larger published, the old
   one shifted by a power-of-ten scale change (2000 million -> 2.000
   billion); -1 when the factor is no power of ten. */
static int precision(int dold, int dnew, double factor)
{
    double shift = -log10(factor);

    if (fabs(shift - round(shift)) > 1e-9 || fabs(shift) > 30)
        return -1;
    dold += (int)round(shift);
    if (dold < 0)
        dold = 0;
    return dold > dnew ? dold : dnew;
}

static rev_change one(const sb_dataset *ds, const sb_series *s, rev_kind k)
{
    rev_change c;

    memset(&c, 0, sizeof c);
    c.kind = k;
    c.indicator = sb_dataset_indicator_at(ds, s->indicator)->id;
    c.region = sb_dataset_region_at(ds, s->region)->name;
    c.old = c.new = NAN;
    c.old_flags = c.new_flags = "";
    c.old_unit = c.new_unit = "";
    c.attr = c.old_text = c.new_text = "";
    c.decimals = -1;
    return c;
}

static const char *flags_at(const sb_dataset *ds, const sb_series *s,
                            size_t i)
{
    return str_or_empty(sb_dataset_str(ds, sb_series_flags(s, i)));
}

/* One year present on both sides. */
static sb_status both(rev_ctx *x, const sb_series *os, size_t i,
                      const sb_series *ns, size_t j, unit_cmp u)
{
    rev_change c;
    uint32_t ofid = sb_series_flags(os, i), nfid = sb_series_flags(ns, j);
    const char *of = str_or_empty(sb_dataset_str(x->old, ofid));
    const char *nf = str_or_empty(sb_dataset_str(x->new, nfid));

    /* most values are equal and unflagged on both sides: nothing is
       built for them (a diff of two 1 GB files spent 7% here) */
    if (!u.comparable || (os->obs[i].value * u.factor == ns->obs[j].value &&
                          (ofid | nfid) == 0))
        return SB_OK;
    c = one(x->new, ns, REV_REVISED);
    c.year = ns->obs[j].year;
    c.old = os->obs[i].value * u.factor;
    c.new = ns->obs[j].value;
    c.old_flags = of;
    c.new_flags = nf;
    c.decimals = precision(os->obs[i].decimals, ns->obs[j].decimals,
                           u.factor);
    if (c.old == c.new) {
        if (strcmp(of, nf) == 0)
            return SB_OK;
        c.kind = REV_FLAGS;
    } else {
        c.kind = classify(c.old, c.new, os->obs[i].decimals,
                          ns->obs[j].decimals, u.factor == 1.0);
    }
    return add(x, &c);
}

/* One side only: added (in NEW) or withdrawn (in OLD). */
static sb_status only(rev_ctx *x, const sb_dataset *ds, const sb_series *s,
                      size_t i, rev_kind k, double factor)
{
    rev_change c = one(ds, s, k);

    c.year = s->obs[i].year;
    if (k == REV_ADDED) {
        c.new = s->obs[i].value;
        c.new_flags = flags_at(ds, s, i);
    } else {
        c.old = s->obs[i].value * factor;
        c.old_flags = flags_at(ds, s, i);
    }
    return add(x, &c);
}

/* The years of a new series ns and its old match os (NULL: none). */
static sb_status merge(rev_ctx *x, const sb_series *os, const sb_series *ns,
                       unit_cmp u)
{
    size_t i = 0, j = 0, on = os != NULL ? os->n : 0;
    sb_status rc = SB_OK;

    while (rc == SB_OK && (i < on || j < ns->n)) {
        if (i < on && isnan(os->obs[i].value)) {
            i++;
        } else if (j < ns->n && isnan(ns->obs[j].value)) {
            j++;
        } else if (j >= ns->n ||
                   (i < on && os->obs[i].year < ns->obs[j].year)) {
            rc = only(x, x->old, os, i++, REV_WITHDRAWN, u.factor);
        } else if (i >= on || ns->obs[j].year < os->obs[i].year) {
            rc = only(x, x->new, ns, j++, REV_ADDED, 1.0);
        } else {
            rc = both(x, os, i++, ns, j++, u);
        }
    }
    return rc;
}

/* The metadata compared besides unit and scale, one table: a text
   member of sb_indicator, or the kind (offset SIZE_MAX). */
static const struct {
    const char *attr;
    size_t offset;
} meta_attrs[] = {
    {"name", offsetof(sb_indicator, name)},
    {"name_zh", offsetof(sb_indicator, name_zh)},
    {"source", offsetof(sb_indicator, source)},
    {"source_zh", offsetof(sb_indicator, source_zh)},
    {"kind", (size_t)-1},
};

static const char *meta_text(const sb_indicator *ind, size_t k)
{
    const char *s;

    if (meta_attrs[k].offset == (size_t)-1)
        return sb_kind_name(ind->kind);
    memcpy(&s, (const char *)ind + meta_attrs[k].offset, sizeof s);
    return str_or_empty(s);
}

/* Metadata changes of indicator o (OLD) to n (NEW): one per attribute. */
static sb_status metadata(rev_ctx *x, const sb_indicator *o,
                          const sb_indicator *n)
{
    size_t k;

    for (k = 0; k < sizeof meta_attrs / sizeof meta_attrs[0]; k++) {
        rev_change c;

        memset(&c, 0, sizeof c);
        c.old_text = meta_text(o, k);
        c.new_text = meta_text(n, k);
        if (strcmp(c.old_text, c.new_text) == 0)
            continue;
        c.kind = REV_META;
        c.decimals = -1;
        c.indicator = n->id;
        c.region = c.old_flags = c.new_flags = c.old_unit = c.new_unit = "";
        c.attr = meta_attrs[k].attr;
        c.old = c.new = NAN;
        if (add(x, &c) != SB_OK)
            return SB_ENOMEM;
    }
    return SB_OK;
}

/* Unit and metadata changes, once per indicator present on both sides. */
static sb_status units(rev_ctx *x)
{
    size_t i;

    for (i = 0; i < sb_dataset_n_indicators(x->new); i++) {
        const sb_indicator *n = sb_dataset_indicator_at(x->new, (sb_id)i);
        sb_id oi = sb_dataset_find_indicator(x->old, n->id);
        const sb_indicator *o;
        rev_change c;

        if (oi == SB_NONE)
            continue;
        o = sb_dataset_indicator_at(x->old, oi);
        if (metadata(x, o, n) != SB_OK)
            return SB_ENOMEM;
        if (!compare_units(o, n).changed)
            continue;
        memset(&c, 0, sizeof c);
        c.kind = REV_UNIT;
        c.decimals = -1;
        c.indicator = n->id;
        c.region = c.old_flags = c.new_flags = c.attr = "";
        c.old_text = c.new_text = "";
        c.old = o->scale;
        c.new = n->scale;
        c.old_unit = str_or_empty(o->unit);
        c.new_unit = str_or_empty(n->unit);
        if (add(x, &c) != SB_OK)
            return SB_ENOMEM;
    }
    return SB_OK;
}

static sb_status walk(rev_ctx *x)
{
    size_t i, j;
    sb_status rc = units(x);

    for (i = 0; rc == SB_OK && i < sb_dataset_n_series(x->new); i++) {
        const sb_series *ns = sb_dataset_series_at(x->new, i);
        const sb_series *os = match(x->new, ns, x->old);
        unit_cmp u = {1.0, 1, 0};
        if (os != NULL)
            u = compare_units(sb_dataset_indicator_at(x->old, os->indicator),
                              sb_dataset_indicator_at(x->new, ns->indicator));
        rc = merge(x, os, ns, u);
    }
    for (i = 0; rc == SB_OK && i < sb_dataset_n_series(x->old); i++) {
        const sb_series *os = sb_dataset_series_at(x->old, i);
        if (match(x->old, os, x->new) != NULL)
            continue;
        for (j = 0; rc == SB_OK && j < os->n; j++)
            if (!isnan(os->obs[j].value))
                rc = only(x, x->old, os, j, REV_WITHDRAWN, 1.0);
    }
    return rc;
}

static int by_place(const void *pa, const void *pb)
{
    const rev_change *a = pa, *b = pb;
    int c = strcmp(a->indicator, b->indicator);

    if (c == 0)
        c = strcmp(a->region, b->region);
    if (c == 0)
        c = (a->year > b->year) - (a->year < b->year);
    if (c == 0)
        c = (int)a->kind - (int)b->kind;
    return c;
}

/* The size of a revision for "largest": its percent of the old value,
   else (old zero) its units. */
static double size_of(const rev_change *c)
{
    return c->old != 0 ? fabs((c->new - c->old) / c->old) * 100
                       : fabs(c->new - c->old);
}

/* Adds change k (of r->changes) to st. Sums first; rev_finish divides. */
static void count(rev_stats *st, const rev_change *v, size_t k)
{
    const rev_change *c = &v[k];
    size_t m;

    st->n[c->kind]++;
    if (c->kind != REV_REVISED)
        return;
    st->mean += c->new - c->old;
    st->mean_abs += fabs(c->new - c->old);
    if (c->old != 0) {
        double p = (c->new - c->old) / c->old * 100;
        st->n_pct++;
        st->mean_pct += p;
        st->mean_abs_pct += fabs(p);
    }
    /* insertion into the top three */
    if (st->n_largest < 3)
        st->largest[st->n_largest++] = k;
    else if (size_of(c) > size_of(&v[st->largest[2]]))
        st->largest[2] = k;
    for (m = st->n_largest - 1; m > 0 &&
         size_of(&v[st->largest[m]]) > size_of(&v[st->largest[m - 1]]); m--) {
        size_t t = st->largest[m];
        st->largest[m] = st->largest[m - 1];
        st->largest[m - 1] = t;
    }
}

static void finish(rev_stats *st)
{
    size_t n = st->n[REV_REVISED];

    st->mean = n ? st->mean / n : 0;
    st->mean_abs = n ? st->mean_abs / n : 0;
    st->mean_pct = st->n_pct ? st->mean_pct / st->n_pct : 0;
    st->mean_abs_pct = st->n_pct ? st->mean_abs_pct / st->n_pct : 0;
}

/* The indicator id is in NEW, else in OLD. */
static const sb_indicator *indicator_of(const rev_ctx *x, const char *id)
{
    sb_id i = sb_dataset_find_indicator(x->new, id);

    if (i != SB_NONE)
        return sb_dataset_indicator_at(x->new, i);
    i = sb_dataset_find_indicator(x->old, id);
    return i != SB_NONE ? sb_dataset_indicator_at(x->old, i) : NULL;
}

/* The statistics of r's sorted changes, per indicator and together. */
static sb_status summarise(const rev_ctx *x, rev_result *r)
{
    size_t i, cap = 0;

    memset(&r->all, 0, sizeof r->all);
    r->all.indicator = "";
    for (i = 0; i < r->n; i++) {
        if (r->n_inds == 0 || strcmp(r->inds[r->n_inds - 1].indicator,
                                     r->changes[i].indicator) != 0) {
            if (sb_grow(&r->inds, &cap, r->n_inds + 1) != 0)
                return SB_ENOMEM;
            memset(&r->inds[r->n_inds], 0, sizeof *r->inds);
            r->inds[r->n_inds].ind = indicator_of(x, r->changes[i].indicator);
            r->inds[r->n_inds++].indicator = r->changes[i].indicator;
        }
        count(&r->inds[r->n_inds - 1], r->changes, i);
        count(&r->all, r->changes, i);
    }
    for (i = 0; i < r->n_inds; i++)
        finish(&r->inds[i]);
    finish(&r->all);
    return SB_OK;
}

sb_status rev_compare(const sb_dataset *old, const sb_dataset *new,
                      const rev_filter *f, rev_result **out, sb_error *err)
{
    rev_ctx x = {old, new, f, NULL, 0, 0};
    rev_result *r = sb_new0(rev_result, 1);
    sb_status rc = r != NULL ? walk(&x) : SB_ENOMEM;

    if (r != NULL) {
        r->changes = x.v;
        r->n = x.n;
        x.v = NULL;
        if (r->n > 1)
            qsort(r->changes, r->n, sizeof *r->changes, by_place);
        if (rc == SB_OK)
            rc = summarise(&x, r);
    }
    free(x.v);
    if (rc != SB_OK) {
        rev_destroy(r);
        r = NULL;
        sb_error_set(err, rc, NULL, 0, 0, "out of memory");
    }
    *out = r;
    return rc;
}

void rev_destroy(rev_result *r)
{
    if (r == NULL)
        return;
    free(r->changes);
    free(r->inds);
    free(r);
}
