/*
 * cli/items.c -- expand foreach, name files, cut shards.
 */
#include "items.h"

#include "plots/files.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

void cli_items_clear(cli_items *it)
{
    size_t i;

    for (i = 0; i < it->n; i++) {
        g_free(it->items[i].name);
        g_free(it->items[i].label);
    }
    g_free(it->items);
    it->items = NULL;
    it->n = 0;
}

static int in_group(const sb_dataset *ds, sb_id r, const char *group)
{
    const sb_region *reg = sb_dataset_region_at(ds, r);
    size_t i;

    for (i = 0; i < reg->n_groups; i++)
        if (strcmp(reg->groups[i], group) == 0)
            return 1;
    return 0;
}

static gint by_name(gconstpointer a, gconstpointer b, gpointer ds)
{
    return strcmp(sb_dataset_region_at(ds, *(const sb_id *)a)->name,
                  sb_dataset_region_at(ds, *(const sb_id *)b)->name);
}

/* The regions of the batch, sorted by name, each once. */
static sb_status regions_of(const spec_foreach *f, const sb_spec *s,
                            const sb_dataset *ds, GArray *out, sb_error *err)
{
    size_t i, j;

    if (!f->by_region) {
        sb_id none = SB_NONE;
        g_array_append_val(out, none);
        return SB_OK;
    }
    for (i = 0; i < f->n_regions; i++) {
        sb_id r = sb_dataset_find_region(ds, f->regions[i].text);
        if (r == SB_NONE)
            return sb_error_set(err, SB_EDATA, s->path, f->regions[i].pos.line,
                                f->regions[i].pos.col, "foreach: no region "
                                "\"%s\" in the data", f->regions[i].text);
        for (j = 0; j < out->len && g_array_index(out, sb_id, j) != r; j++)
            ;
        if (j == out->len)
            g_array_append_val(out, r);
    }
    for (i = 0; f->n_regions == 0 && i < sb_dataset_n_regions(ds); i++)
        if (sb_dataset_region_has_values(ds, (sb_id)i) &&
            (f->group.text == NULL || in_group(ds, (sb_id)i, f->group.text))) {
            sb_id r = (sb_id)i;
            g_array_append_val(out, r);
        }
    if (out->len == 0)
        return sb_error_set(err, SB_EDATA, s->path,
                            f->group.text ? f->group.pos.line : f->pos.line,
                            f->group.text ? f->group.pos.col : f->pos.col,
                            f->group.text ? "foreach: no region with values "
                                            "is in group \"%s\""
                                          : "foreach: no region has values%s",
                            f->group.text ? f->group.text : "");
    g_array_sort_with_data(out, by_name, (gpointer)ds);
    return SB_OK;
}

/* The years of region r: the list, the span, or every year it has a
   value in (open ends of a span closed by the data). */
static void years_of(const spec_foreach *f, const sb_dataset *ds, sb_id r,
                     GArray *out)
{
    GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    size_t i, k;
    int y;

    if (!f->by_year) {
        y = 0;
        g_array_append_val(out, y);
    } else if (f->n_years > 0) {
        for (i = 0; i < f->n_years; i++) {
            y = (int)f->years[i].v;
            if (g_hash_table_add(seen, GINT_TO_POINTER(y)))
                g_array_append_val(out, y);
        }
    } else {
        for (i = 0; i < sb_dataset_n_series(ds); i++) {
            const sb_series *s = sb_dataset_series_at(ds, i);
            if (r != SB_NONE && s->region != r)
                continue;
            for (k = 0; k < s->n; k++) {
                y = s->obs[k].year;
                if (!(s->obs[k].state & SB_OBS_MISSING) &&
                    (!f->from.v || y >= f->from.v) &&
                    (!f->to.v || y <= f->to.v) &&
                    g_hash_table_add(seen, GINT_TO_POINTER(y)))
                    g_array_append_val(out, y);
            }
        }
        if (f->from.v && f->to.v)     /* a span is every year of it */
            for (y = (int)f->from.v; y <= f->to.v; y++)
                if (g_hash_table_add(seen, GINT_TO_POINTER(y)))
                    g_array_append_val(out, y);
    }
    g_hash_table_destroy(seen);
}

static gint int_cmp(gconstpointer a, gconstpointer b)
{
    int x = *(const int *)a, y = *(const int *)b;

    return x < y ? -1 : x > y;
}

/* The file names of the batch's regions (plots/files.h: the same name
   in every run, whatever other regions there are). */
static sb_status region_files(const sb_dataset *ds, GArray *regions,
                              sb_diag *notes, plot_names **out)
{
    const char **names = g_new0(const char *, regions->len + 1);
    size_t i, n = 0;
    sb_status rc;

    for (i = 0; i < regions->len; i++) {
        sb_id r = g_array_index(regions, sb_id, i);
        if (r != SB_NONE)
            names[n++] = sb_dataset_region_at(ds, r)->name;
    }
    rc = plot_names_new(names, n, "region", notes, out);
    g_free(names);
    return rc;
}

/* The items of region r (its years sorted) appended to items. */
static void region_items(const spec_foreach *f, const sb_dataset *ds, sb_id r,
                         const plot_names *files, GArray *years,
                         GArray *items)
{
    const char *rname = r == SB_NONE ? "" : sb_dataset_region_at(ds, r)->name;
    size_t k;

    g_array_set_size(years, 0);
    years_of(f, ds, r, years);
    g_array_sort(years, int_cmp);
    for (k = 0; k < years->len; k++) {
        cli_item it;
        it.region = r;
        it.year = g_array_index(years, int, k);
        it.name = g_strdup(r == SB_NONE ? "" : plot_names_file(files, rname));
        it.label = it.year ? g_strdup_printf("%s%s%d", rname,
                                             *rname ? " " : "", it.year)
                           : g_strdup(rname);
        g_array_append_val(items, it);
    }
}

sb_status cli_items_expand(const sb_spec *s, const sb_dataset *ds, cli_items *out,
                           sb_diag *notes, sb_error *err)
{
    const spec_foreach *f = &s->foreach;
    GArray *regions = g_array_new(FALSE, FALSE, sizeof(sb_id));
    GArray *years = g_array_new(FALSE, FALSE, sizeof(int));
    GArray *items = g_array_new(FALSE, TRUE, sizeof(cli_item));
    plot_names *files = NULL;
    size_t i;
    sb_status rc = regions_of(f, s, ds, regions, err);

    if (rc == SB_OK && region_files(ds, regions, notes, &files) != SB_OK)
        rc = sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    for (i = 0; rc == SB_OK && i < regions->len; i++)
        region_items(f, ds, g_array_index(regions, sb_id, i), files, years,
                     items);
    plot_names_free(files);
    g_array_free(regions, TRUE);
    g_array_free(years, TRUE);
    out->n = items->len;
    out->items = (cli_item *)(void *)g_array_free(items, FALSE);
    if (rc != SB_OK)
        cli_items_clear(out);
    return rc;
}

void cli_items_shard(cli_items *it, int k, int n)
{
    size_t i, w = 0;

    for (i = 0; i < it->n; i++) {
        if ((int)(i % (size_t)n) == k) {
            it->items[w++] = it->items[i];
            continue;
        }
        g_free(it->items[i].name);
        g_free(it->items[i].label);
    }
    it->n = w;
}
