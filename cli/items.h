/*
 * cli/items.h -- a batch: the (region, year) items of a spec's foreach.
 *
 * One brief per region (all regions with values, a group's, or a list)
 * and/or per year (a list, a span, or every year the region has values).
 * Items are sorted (region name in UTF-8 byte order, then year), so that
 * a shard K/N is the same set on every machine. Each region gets its
 * file name from plots/files.h: safe, the same in every run, and
 * distinct in the batch, also on a share that ignores case.
 */
#ifndef CLI_ITEMS_H
#define CLI_ITEMS_H

#include <stddef.h>

#include "core/model.h"
#include "input/spec.h"

typedef struct {
    sb_id region;          /* SB_NONE: not by region (the spec's focus) */
    int year;              /* 0: not by year (the brief's usual year) */
    char *name;            /* the region's file name (plot_names); "" */
    char *label;           /* "Chongqing 2023", for progress and failures */
} cli_item;

typedef struct {
    cli_item *items;
    size_t n;
} cli_items;

/* Expands s->foreach over ds. Region names whose file names clash are
   warnings in notes (plot_names_new). SB_EDATA at the spec's line and
   column for an unknown region or group, or a batch with nothing in it;
   SB_ENOMEM. */
sb_status cli_items_expand(const sb_spec *s, const sb_dataset *ds, cli_items *out,
                           sb_diag *notes, sb_error *err);
void cli_items_clear(cli_items *it);

/* Keeps the k-th (from 0) of n parts: items k, k + n, k + 2n, ... */
void cli_items_shard(cli_items *it, int k, int n);

#endif
