/*
 * input/spec.h -- the report spec: one YAML file (read with libyaml) that
 * names a brief's data, regions, period, output and sections.
 *
 * Parsing checks what can be checked without the data: known keys (an
 * unknown one gets a "did you mean"), value types, enumerations (language,
 * paper, shape, chart type, format, table column), years, and that every
 * data and metadata path or glob names at least one file. Names of
 * indicators and regions, and the placeholders in texts, are checked
 * against the loaded data later (reports/spec wiring), with the positions
 * kept here. YAML anchors and aliases are bounded: a document whose
 * aliases would expand past SPEC_MAX_NODES nodes, or that nests deeper
 * than SPEC_MAX_DEPTH, is rejected, never expanded.
 *
 * Ownership: spec_parse returns a spec the caller frees with
 * spec_destroy; every string in it belongs to the spec.
 */
#ifndef INPUT_SPEC_H
#define INPUT_SPEC_H

#include <stddef.h>

#include "layout.h"
#include "core/model.h"
#include "core/sha256.h"

#define SPEC_MAX_NODES 100000    /* after alias expansion */
#define SPEC_MAX_DEPTH 64
/* The spec file, and its text with every alias expanded: aliases of a
   long text would make each section's placeholders expand that text
   once per alias */
#define SPEC_MAX_BYTES (16L << 20)

typedef struct {
    long line, col;              /* 1-based, in characters; 0: unknown */
} spec_pos;

/* A scalar as written. text is NULL when the key was absent. */
typedef struct {
    char *text;
    spec_pos pos;                /* where the value starts */
    int style;                   /* libyaml's yaml_scalar_style_t */
} spec_str;

typedef struct {
    long v;                      /* 0 when absent */
    spec_pos pos;
} spec_int;

typedef struct {
    spec_str path;               /* as written: a path, a glob or a folder */
    char **files;                /* what it names, relative to the spec's
                                    folder resolved, sorted; NULL-ended.
                                    A folder stays a folder (its *.csv). */
    int shape;                   /* input_shape, or -1: detect */
    char *columns[INPUT_NKEYS];  /* ROLE=HEADER, NULL where not given */
    spec_str encoding;           /* NULL: UTF-8 */
    int decimal_comma;           /* 1: given true; 0: detect */
    spec_str indicator;          /* wide by region: the indicator id */
} spec_data;

/* A chart: type names of plots/ (line, bar, grouped, stacked, slope,
   sparkline, small, index). formats: bit 1 pdf, 2 png, 4 svg; 0: not given. */
typedef struct {
    spec_str indicator;
    spec_str type;               /* NULL: the default for the data */
    spec_str title;              /* NULL: from the metadata */
    double width_mm, height_mm;  /* 0: not given */
    int dpi;                     /* 0: not given */
    unsigned formats;
    spec_int year;               /* bar charts: the year; 0: latest */
    spec_int base;               /* index charts: the base year; 0: the
                                    default (plots/index.h) */
    /* labels: the regions a line chart of many names in colour, as
       written and as the array plot_labels takes (the same texts) */
    spec_str *labels;
    size_t n_labels;
    const char **label_names;
    spec_str order;              /* small multiples: "rank" or "source";
                                    NULL: by rank */
    int source_order;            /* 1: order: source */
    spec_pos pos;                /* the chart's mapping */
} spec_chart;

/* A table. With indicator: one row per region shown. With indicators: one
   row per indicator, for the focus region. columns: names from
   spec_table_columns. */
typedef struct {
    spec_str indicator;
    spec_str *indicators;
    size_t n_indicators;
    spec_str *columns;
    size_t n_columns;
    spec_str title;
    spec_pos pos;
} spec_table;

typedef struct {
    spec_str title;
    spec_str text;               /* with {placeholders} */
    spec_str indicator;          /* the default section of an indicator */
    int findings;                /* > 0: that many key findings */
    int summary;                 /* 1: the summary table */
    spec_chart *charts;
    size_t n_charts;
    spec_table *tables;
    size_t n_tables;
    spec_pos pos;
} spec_section;

/* foreach: one brief (and its charts) per region and/or per year.
   `foreach: regions` is every region with values; `regions:` may name a
   group or list the regions; `years:` lists years or spans from/to;
   `years: all` (or `foreach: years`) is every year with a value: the
   item's region's, or any region's when not by region. */
typedef struct {
    int by_region, by_year;      /* 0 when foreach is absent */
    spec_str group;              /* regions: GROUP; NULL: all or the list */
    spec_str *regions;           /* regions: [list]; n_regions 0: all */
    size_t n_regions;
    spec_int *years;             /* years: [list] */
    size_t n_years;
    spec_int from, to;           /* years: {from, to}; 0: open */
    spec_pos pos;                /* the foreach key */
} spec_foreach;

typedef struct {
    char *path;                  /* the spec file, as given */
    char *dir;                   /* its folder: relative paths start here */
    spec_str title, subtitle, author;
    int lang;                    /* -1: not given; 0 en, 1 zh (fmt_lang) */
    int paper;                   /* -1: not given; 0 a4, 1 letter */
    int revisions;               /* -1: not given; 0 false: no revisions
                                    annex (--no-revisions), 1 true */
    spec_data *data;
    size_t n_data;
    spec_data *metadata;         /* paths only */
    size_t n_metadata;
    spec_str *regions;           /* the comparison set by name; 0: default */
    size_t n_regions;
    spec_str focus, group, total, benchmark;
    spec_int from, to;           /* period: from/to */
    spec_int last;               /* period: the last N years */
    spec_str output;             /* template: {year}, {lang}, {region} */
    spec_str chart_dir;          /* charts --spec: where charts go; may
                                    hold {region}, {year}, {lang} */
    spec_foreach foreach;
    spec_int expect_year;
    spec_int min_ranked;         /* a rank is told among this many; 0:
                                    not given (metrics_opts) */
    spec_section *sections;
    size_t n_sections;
    void *priv;                  /* spec.c's: the source text and the YAML
                                    nodes the strings above point into */
} sb_spec;

/* The names a spec may use that later stages define, given by the
   caller that wires the stages together (cli/), so that input/ keeps no
   copy of them. Each list is NULL-ended and borrowed for the parse. */
typedef struct {
    const char *const *chart_types;    /* a chart's type (plots/) */
    const char *const *chart_formats;  /* a chart's formats (plots/), in
                                          the order of their bits: the
                                          i-th name sets bit 1 << i */
    const char *const *table_columns;  /* a table's columns (reports/) */
} spec_vocab;

/* Reads and checks path against vocab. Errors: SB_ENOINPUT (the spec, or
   a file it names, is missing; err has the spec's line and column for
   the latter), SB_EDATA (bad YAML or schema, at line and column),
   SB_ENOMEM. */
sb_status spec_parse(const char *path, const spec_vocab *vocab,
                     sb_spec **out, sb_error *err);
void spec_destroy(sb_spec *s);

/* SHA-256 of the spec's bytes as they were read and parsed (kept since:
   the file is not read again, so a spec replaced after the parse is not
   what this names); *bytes their count (bytes may be NULL). SB_EINTERNAL
   (hex "") when libcrypto fails. */
sb_status spec_sha256(const sb_spec *s, char hex[SB_SHA256_HEX],
                      size_t *bytes);

/* The source position of byte `offset` of t->text, for placeholders:
   exact for single-line plain and quoted scalars and for literal block
   scalars (|), the scalar's start otherwise. */
spec_pos spec_locate(const sb_spec *s, const spec_str *t, size_t offset);

/* The closest of names (NULL-ended) to s within an edit distance of 2
   (for "did you mean"), or NULL. */
const char *spec_did_you_mean(const char *s, const char *const *names);

#endif
