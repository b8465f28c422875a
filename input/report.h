/*
 * input/report.h -- what loading found in each file, for `statbrief
 * check`: role, shape, encoding, counts, the indicators and regions met.
 *
 * Filled by the readers (data.c, meta.c) and by load.c, which owns the
 * order; a type of its own so that the readers need not include load.h,
 * which calls them.
 */
#ifndef INPUT_REPORT_H
#define INPUT_REPORT_H

#include "layout.h"
#include "core/model.h"
#include "core/sha256.h"

/* What one file turned out to be, for `check`. Arrays are owned by the
   report. */
typedef struct {
    char *path;
    input_role role;
    input_shape shape;
    input_export export;        /* a portal download, or NONE */
    input_encoding encoding;    /* UTF8 or GB18030, as read */
    char delim;
    int had_bom;
    int decimal_comma;          /* used for this file */
    long rows;                  /* data records after the header */
    long values, missing, flagged;
    long warnings;              /* warnings raised in this file */
    int year_min, year_max;     /* 0 when no value */
    sb_id *indicators;          /* indicators met (data) or defined */
    size_t n_indicators;
    sb_id *regions;
    size_t n_regions;
    char *columns;              /* "indicator, region, year, value" */
    char *ignored;              /* ignored columns, "" if none */
    char *footnotes;            /* an NBS export's footnotes, or NULL */
    char *reading;              /* how the file's missing dimension was
                                   read, lines without their indent; or
                                   NULL */
    char sha256[SB_SHA256_HEX]; /* of the bytes its rows were parsed from,
                                   when the load was asked (else "") */
    unsigned long long bytes;   /* how many there were */
} input_file_report;

typedef struct {
    input_file_report *files;   /* the files read (not those skipped) */
    size_t n_files;
    sb_diag notes;              /* what the load chose to do that a user
                                   should hear of: statbrief's own outputs
                                   skipped, a file read again after it
                                   changed (not warnings: --strict keeps
                                   them notes) */
} input_report;

void input_report_clear(input_report *r);

/* f->reading of a data file laid out as l: where an indicator or region
   no column gives came from, how value columns were read by their
   headers, each with the option that reads it otherwise. SB_ENOMEM. */
sb_status input_report_reading(input_file_report *f, const input_layout *l);

#endif
