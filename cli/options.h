/*
 * cli/options.h -- the command line's options: one table says each
 * option's name, whether it takes a value and which commands take it;
 * the parser, `statbrief --help` and `statbrief COMMAND --help` all read
 * that table and the usage text beside it.
 *
 * Fills a cli struct (cli/cli.h) and checks each value as it is read.
 * Loads nothing and reads no spec (cli/spec.h does that afterwards).
 */
#ifndef CLI_OPTIONS_H
#define CLI_OPTIONS_H

#include "cli.h"

/* Sets c to the defaults of command cmd (a CLI_CMD_ bit): charts/, PDF,
   160 x 100 mm at 150 dpi, one job, no --wait. c's arrays are allocated
   here and go back through cli_options_clear. Cannot fail. */
void cli_options_init(cli *c, unsigned cmd);

/* Reads the options of argv (argv[0] is the command's name) into c, and
   in c->files the FILE... operands (borrowed from argv). Returns -1 to go
   on; otherwise the exit status to end with: 0 after --help or
   --version, 64 after printing a usage error. Whatever it returns, c
   still goes back through cli_options_clear. */
int cli_options_parse(cli *c, int argc, char **argv);

/* Frees what c owns (the name lists, --columns copies, the spec and the
   region list the spec gave). c is not used afterwards. */
void cli_options_clear(cli *c);

/* `statbrief --help`: the usage text on stdout. */
void cli_options_usage(void);

/* `statbrief --version` on stdout. */
void cli_options_version(void);

#endif
