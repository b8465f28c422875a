/*
 * input/export.h -- the downloads of statistical portals, read as they
 * come: World Bank WDI, OECD long exports, Eurostat TSV and CSV, China
 * NBS, Our World in Data grapher CSV, SDMX-CSV.
 *
 * Each is recognized from its first records (a preamble, a header of its
 * own) and turned into an ordinary layout (wide by year or long) plus
 * the rules for its keys: a compound Eurostat key, OECD code columns,
 * the indicator of an NBS file named in its preamble. A file that shows
 * an export's marks but breaks its rules is an error that names the
 * rule. DESIGN.md, "Input tables", says what becomes the indicator id
 * and the region of each.
 *
 * This is what the rest of input/ calls: input/layout.c asks for a
 * download's layout, input/data.c for the keys of each row and the
 * closing lines. The formats themselves are one file each
 * (input/fmt_*.c, made as input/fmt.h says); the table that lists them
 * is in input/export.c.
 */
#ifndef INPUT_EXPORT_H
#define INPUT_EXPORT_H

#include "fmt.h"

#define INPUT_EXPORT_PEEK 12       /* records an export is told by */

/* Looks for an export in the first n records of path (the formats in
   the order of the table). Returns 1 and fills out (role data; shape,
   columns, keys, header_at, export, export_state) if one is recognized,
   0 if the file is not an export (out untouched), or -1 with an SB_EDATA
   error naming the broken rule (or SB_ENOMEM); out then holds what was
   filled, for input_layout_clear. */
int input_export_detect(const char *path, const input_row *const *rows,
                        size_t n, input_layout *out, sb_error *err);

/* A portal's own metadata file, by the columns of header (has_year: a
   column is named as a year). Returns 1 and sets header->role and
   header->export, else 0. */
int input_export_meta(input_layout *header, int has_year);

/* The names of a data row. Returns 0, -1 with a message (no position)
   and the 0-based field it is about in out->col, or -2 when memory ran
   out. */
int input_export_row(const input_layout *l, const input_row *row,
                     input_fmt_names *out, char *msg, size_t msgsize);

/* Wide by indicator: the indicator id and name (NULL: none) of value
   column c, as the export makes them (Our World in Data: an identifier
   made from the header, the header as the name); else the header as
   the id. Cannot fail. */
void input_export_column(const input_layout *l, size_t c, const char **id,
                         const char **name);

/* Rows that said held (out->held, out->key: SDMX-CSV) get their
   indicator once the file is read: the names of key number key. 0, 1
   past the last key (or when the export holds nothing), -2 when memory
   ran out. */
int input_export_final(const input_layout *l, uint32_t key,
                       input_fmt_names *out);

/* 1 when a record (after the header) is not data but closes the table:
   a footnote, whose text after its label (注：) goes to *body (pointing
   into the row's first field) and whose kind to *is_source (数据来源：);
   or a closing line to skip (the DataBank's "Last Updated"), *body NULL.
   0 for a data row. */
int input_export_footer(const input_layout *l, const input_row *row,
                        const char **body, int *is_source);

/* Releases what the format keeps in l (export_state); NULL is fine. */
void input_export_clear(input_layout *l);

/* "World Bank WDI export", ...; "" for NONE. */
const char *input_export_name(input_export e);

#endif
