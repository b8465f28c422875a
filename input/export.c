/*
 * input/export.c -- the table of portal formats and the dispatch to
 * them: which download a file is, the keys of its rows, its closing
 * lines.
 *
 * Detection looks only at the first INPUT_EXPORT_PEEK records and asks
 * the formats in the order of the table: Eurostat (its first cell, or a
 * geo\TIME_PERIOD column), WDI (its header, maybe after a preamble),
 * NBS (its preamble or its 年 header), Our World in Data (Entity,Code,
 * Year), SDMX-CSV (its first column), OECD (its header, the most
 * general). The result is an ordinary layout, so values, flags and
 * missing markers go through the same cell grammar as every other
 * table. What one portal does is in its own file, input/fmt_<name>.c;
 * nothing here knows any of them.
 */
#include "export.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>

/* The formats, in the order they are asked. */
static const input_fmt *const formats[] = {
    &input_fmt_eurostat,
    &input_fmt_eurostat_csv,
    &input_fmt_wdi,
    &input_fmt_nbs,
    &input_fmt_owid,
    &input_fmt_wblong,
    &input_fmt_sdmx,
    &input_fmt_oecd,
};

const char *input_export_name(input_export e)
{
    return e != INPUT_EXPORT_NONE ? e->name : "";
}

static void state_free(const input_fmt *f, void *state)
{
    if (f->free != NULL)
        f->free(state);
    else
        g_free(state);
}

void input_export_clear(input_layout *l)
{
    if (l->export != INPUT_EXPORT_NONE)
        state_free(l->export, l->export_state);
    l->export_state = NULL;
}

/* The layout of a download of f whose header is h: a data table whose
   columns the format's header callback gives their roles. */
static int take(const input_fmt *f, const char *path, const input_row *h,
                input_layout *out, sb_error *err)
{
    int k;

    for (k = 0; k < INPUT_NKEYS; k++)
        out->key[k] = -1;
    out->role = INPUT_ROLE_DATA;
    if (input_layout_columns(out, h) != 0)
        return input_fmt_oom(err, path, h->line);
    return f->header(path, h, out, err) != 0 ? -1 : 1;
}

int input_export_detect(const char *path, const input_row *const *rows,
                        size_t n, input_layout *out, sb_error *err)
{
    size_t i, h = 0;

    for (i = 0; i < G_N_ELEMENTS(formats) && n > 0; i++) {
        void *state = NULL;
        int r = formats[i]->detect(path, rows, n, &h, &state, err);
        if (r < 0)
            return -1;
        if (r == 0)
            continue;
        out->export = formats[i];
        out->export_state = state;
        out->header_at = (long)h;
        return take(formats[i], path, rows[h], out, err);
    }
    return 0;
}

int input_export_meta(input_layout *header, int has_year)
{
    size_t i;
    input_role role;

    for (i = 0; i < G_N_ELEMENTS(formats); i++)
        if (formats[i]->meta != NULL &&
            formats[i]->meta(header, has_year, &role)) {
            header->role = role;
            header->export = formats[i];
            return 1;
        }
    return 0;
}

/* The names of a row before its format fills them: none. */
static void names_init(input_fmt_names *o)
{
    o->indicator = o->region = o->name = o->unit = o->alias = NULL;
    o->flags = o->base_unit = o->warning = NULL;
    o->col = 0;
    o->alias_col = -1;
    o->region_role = 0;
    o->missing = o->held = 0;
    o->kind = SB_KIND_UNSET;
    o->scale = NAN;
    o->key = 0;
    o->line = 0;
}

int input_export_row(const input_layout *l, const input_row *row,
                     input_fmt_names *o, char *msg, size_t msgsize)
{
    names_init(o);
    if (l->export == INPUT_EXPORT_NONE) {
        snprintf(msg, msgsize, "not a portal export");
        return -1;
    }
    return l->export->row(l, row, o, msg, msgsize);
}

void input_export_column(const input_layout *l, size_t c, const char **id,
                         const char **name)
{
    *id = l->cols[c].name;
    *name = NULL;
    if (l->export != INPUT_EXPORT_NONE && l->export->column != NULL)
        l->export->column(l, c, id, name);
}

int input_export_final(const input_layout *l, uint32_t key,
                       input_fmt_names *o)
{
    names_init(o);
    if (l->export == INPUT_EXPORT_NONE || l->export->final == NULL)
        return 1;
    return l->export->final(l, key, o);
}

int input_export_footer(const input_layout *l, const input_row *row,
                        const char **body, int *is_source)
{
    *body = NULL;
    *is_source = 0;
    if (l->export == INPUT_EXPORT_NONE || l->export->footer == NULL)
        return 0;
    return l->export->footer(l, row, body, is_source);
}
