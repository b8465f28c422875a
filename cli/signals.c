/*
 * cli/signals.c -- note SIGINT/SIGTERM; ignore SIGXFSZ and SIGPIPE.
 */
#include "signals.h"

#include "input/csvread.h"

#include <signal.h>
#include <string.h>

static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
    if (caught == 0)
        caught = sig;
}

void cli_signals_install(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    /* no SA_RESTART: a blocking wait returns and looks at the flag */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGXFSZ, &sa, NULL);
    sigaction(SIGPIPE, &sa, NULL);
    input_csv_set_stop(&caught);        /* a long load stops too */
}

int cli_signal_caught(void)
{
    return caught;
}
