/*
 * statbrief.c -- main: the command's name to its function (cli/cmd.h),
 * with the options parsed and the spec applied first.
 *
 * Everything else of the command line is in cli/: the option table and
 * the help (cli/options.c), loading (cli/load.c), the exit statuses
 * (cli/diag.c), each command (cli/cmd_*.c). No cell parsing, arithmetic
 * or drawing here.
 */
#include <glib.h>
#include <locale.h>
#include <string.h>

#include "cli/cmd.h"
#include "core/alloc.h"
#include "cli/diag.h"
#include "cli/log.h"
#include "cli/options.h"
#include "cli/signals.h"
#include "cli/spec.h"

static const struct command {
    const char *name;
    unsigned cmd;                  /* CLI_CMD_: which options it takes */
    int (*run)(cli *c);
} commands[] = {
    {"check", CLI_CMD_CHECK, cli_cmd_check},
    {"metrics", CLI_CMD_METRICS, cli_cmd_metrics},
    {"charts", CLI_CMD_CHARTS, cli_cmd_charts},
    {"report", CLI_CMD_REPORT, cli_cmd_report},
    {"diff", CLI_CMD_DIFF, cli_cmd_diff},
};

/* The command called name; NULL when there is none. */
static const struct command *command_of(const char *name)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(commands); i++)
        if (strcmp(name, commands[i].name) == 0)
            return &commands[i];
    return NULL;
}

int main(int argc, char **argv)
{
    const struct command *cmd;
    cli c;
    int status;

    /* The locale matters for messages only: every number is read and
       written with the g_ascii_ functions. */
    setlocale(LC_ALL, "");
    sb_alloc_tune();
    if (argc < 2)
        return cli_diag_fail(SB_EUSAGE, "no command");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        cli_options_usage();
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        cli_options_version();
        return 0;
    }
    cmd = command_of(argv[1]);
    if (cmd == NULL)
        return cli_diag_fail(SB_EUSAGE, "unknown command \"%s\"", argv[1]);
    cli_options_init(&c, cmd->cmd);
    cli_signals_install();
    status = cli_options_parse(&c, argc - 1, argv + 1);
    cli_log_setup(c.log_json ? CLI_LOG_JSON : CLI_LOG_TEXT, c.quiet,
                  c.verbose);
    /* diff exits 2 for a bad spec: it reads it itself (cli/diffbrief.h) */
    if (status < 0 && c.spec_path != NULL && cmd->cmd != CLI_CMD_DIFF)
        status = cli_spec_apply(&c);
    if (status < 0)
        status = cmd->run(&c);
    cli_options_clear(&c);
    return status;
}
