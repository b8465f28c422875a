/*
 * cli/cli.h -- what one command line asks for: the command and every
 * option, after parsing (cli/options.h) and after the spec filled what
 * the command line left open (cli/spec.h).
 *
 * Types only. The struct is filled by cli_options_init and
 * cli_options_parse and released by cli_options_clear; the commands
 * (cli/cmd.h) read it and set the per-stage option blocks (m, plot,
 * report) as they wire the stages. Strings it points to are borrowed
 * from argv or the spec unless a comment says otherwise.
 */
#ifndef CLI_CLI_H
#define CLI_CLI_H

#include <glib.h>

#include "input/load.h"
#include "input/spec.h"
#include "metrics/format.h"
#include "metrics/metrics.h"
#include "metrics/output.h"
#include "plots/files.h"
#include "reports/brief.h"

/* The commands, as bits: an option says which of them take it. */
enum { CLI_CMD_CHECK = 1, CLI_CMD_METRICS = 2, CLI_CMD_CHARTS = 4,
       CLI_CMD_REPORT = 8, CLI_CMD_DIFF = 16,
       CLI_CMD_ALL = 31 };

typedef struct {
    unsigned cmd;                      /* one CLI_CMD_ bit */
    int dump, flags, strict, quiet, verbose;
    int screen;                        /* check --screen */
    int brief;                         /* diff --brief: the sentences */
    int figures;                       /* diff --figures: in the csv */
    int from, to;
    GPtrArray *indicators, *regions;   /* names as given */
    GPtrArray *labels;                 /* --label, as given */
    GPtrArray *column_specs;           /* owned copies for --columns */
    input_options in;
    metrics_opts m;                    /* m.regions owned: the spec's list */
    metrics_format format;
    const char *format_arg;            /* --format, read per command */
    fmt_lang lang;
    plot_run plot;
    report_opts report;
    const char *output;                /* -o for report */
    char **files;
    int n_files;
    const char *spec_path;             /* --spec */
    sb_spec *spec;                     /* owned: the parsed --spec */
    int lang_given, paper_given;       /* the command line wins */
    int dpi_given;
    const unsigned char *isel_spec;    /* --indicator, for charts --spec */
    int force;                         /* --force: rebuild everything */
    double wait_s;                     /* --wait; -1: none */
    int expect_year;                   /* --expect-year; 0: the spec's */
    int log_json;                      /* --log json */
    int jobs;                          /* --jobs: worker processes */
    int shard_k, shard_n;              /* --shard K/N; n 0: none */
    long max_outputs;                  /* --max-outputs: files a run may make */
} cli;

#endif
