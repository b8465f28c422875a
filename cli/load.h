/*
 * cli/load.h -- what every command does first: load FILE... (or the
 * spec's data entries) into one dataset, check the spec's names and the
 * data's age, print the warnings, and resolve --indicator and --region.
 *
 * The reading itself is input/'s (input/load.h); this module only says
 * which files with which options, and reports. It computes no figures.
 */
#ifndef CLI_LOAD_H
#define CLI_LOAD_H

#include "cli.h"

/* What was loaded. All owned by the struct: cli_load_clear frees them. */
typedef struct {
    sb_dataset *ds;          /* the one stage that may change it is the load */
    input_report rep;        /* the files read and what each held */
    sb_diag diag;            /* the warnings of the load */
    unsigned char *isel;     /* --indicator: 1 per selected id; NULL: all */
    unsigned char *rsel;     /* --region, likewise */
} cli_loaded;

/* Loads c's files into *l (which need not be initialised) and prints the
   warnings. Returns 0, else the exit status after printing the error:
   64 for no input or an unknown --indicator/--region name, 65 for bad
   data (or warnings with --strict), 66, 70, 130/143 after a signal.
   Whatever it returns, *l goes back through cli_load_clear. */
int cli_load(cli *c, cli_loaded *l);

/* cli_load in its two halves, so that two inputs can be read at once
   (diff) and still report in a fixed order. cli_load_read reads c's
   files into *l and prints nothing: it may run on a thread of its own,
   with a cli of its own (it sets c->in.digest). cli_load_end, in the
   thread that prints, takes its status and error and does the rest of
   cli_load: notes, spec names, --expect-year, warnings, the error, the
   names selected; it returns what cli_load returns. c must name files
   or a spec (cli_load's usage error is not theirs). */
sb_status cli_load_read(cli *c, cli_loaded *l, sb_error *err);
int cli_load_end(cli *c, cli_loaded *l, sb_status rc, sb_error *err);

/* Frees what l holds and zeroes it; a zeroed l is fine. */
void cli_load_clear(cli_loaded *l);

/* Every --label names a region of the data (charts, report): a misspelt
   one would otherwise leave its line grey without a word. SB_EUSAGE
   naming the first that does not, with the regions that have data. */
sb_status cli_load_labels_known(const cli *c, const sb_dataset *ds,
                                sb_error *err);

#endif
