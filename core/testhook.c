/*
 * core/testhook.c -- the pause points of core/testhook.h (test builds
 * only: -DSB_TEST_HOOKS).
 *
 * The wait is a self-pipe, not sigsuspend(): a signal sent to the process
 * may be handled by another thread (the PNG encoder), which sigsuspend in
 * this thread would never see; a handler writes a byte to the pipe from
 * whichever thread runs it. While paused, SIGCONT, SIGTERM and SIGINT have
 * the handler below; afterwards the run's own handlers are put back and a
 * SIGTERM or SIGINT is raised again, so that they see it as if it had
 * come at the point.
 */
#include "core/testhook.h"

#ifdef SB_TEST_HOOKS

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define X_NAME(n) n,
static const char *const points[] = {SB_TEST_POINTS(X_NAME) NULL};
#define N_POINTS (sizeof points / sizeof points[0] - 1)
#define MAX_ENTRIES 64

typedef struct {
    int point;          /* index in points[], or -1 for "*" */
    long k;             /* 0: every time */
} entry;

static int enabled;                 /* SB_TEST_PAUSE was given */
static int announce_fd = 3;
static entry entries[MAX_ENTRIES];
static size_t n_entries;
static long reached[N_POINTS];

static int point_index(const char *name, size_t len)
{
    size_t i;

    for (i = 0; i < N_POINTS; i++)
        if (strlen(points[i]) == len && memcmp(points[i], name, len) == 0)
            return (int)i;
    return -1;
}

static void refuse(const char *what, const char *detail)
{
    fprintf(stderr, "statbrief: test hook: %s%s\n", what, detail);
    _exit(70);
}

static void parse_entry(const char *s, size_t len)
{
    entry *e;
    const char *colon = memchr(s, ':', len);
    size_t name_len = colon != NULL ? (size_t)(colon - s) : len;
    char buf[48];

    if (len == 0)
        return;
    if (len >= sizeof buf || n_entries == MAX_ENTRIES)
        refuse("SB_TEST_PAUSE entry too long, or too many entries", "");
    memcpy(buf, s, len);
    buf[len] = '\0';
    e = &entries[n_entries++];
    e->k = 0;
    if (colon != NULL) {
        char *end;
        errno = 0;
        e->k = strtol(colon + 1, &end, 10);
        if (errno != 0 || end == colon + 1 || end != s + len || e->k < 1)
            refuse("SB_TEST_PAUSE: not NAME or NAME:K (K >= 1): ", buf);
    }
    if (name_len == 1 && s[0] == '*') {
        e->point = -1;
        return;
    }
    e->point = point_index(s, name_len);
    if (e->point < 0)
        refuse("SB_TEST_PAUSE names no point of core/testhook.h: ", buf);
}

/* Before main: the descriptor is checked while it is still the one the
   test gave (later, the process may have opened a file with its number). */
__attribute__((constructor)) static void testhook_init(void)
{
    const char *list = getenv("SB_TEST_PAUSE"), *fd = getenv("SB_TEST_PAUSE_FD");
    struct stat st;

    if (list == NULL || list[0] == '\0')
        return;
    while (*list != '\0') {
        size_t n = strcspn(list, ",");
        parse_entry(list, n);
        list += n + (list[n] == ',');
    }
    if (fd != NULL && fd[0] != '\0') {
        char *end;
        long v = strtol(fd, &end, 10);
        if (*end != '\0' || v < 0 || v > 1023)
            refuse("SB_TEST_PAUSE_FD is not a descriptor number: ", fd);
        announce_fd = (int)v;
    }
    if (fstat(announce_fd, &st) != 0 ||
        !(S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)))
        refuse("SB_TEST_PAUSE is set but the announcement descriptor is no "
               "open pipe, FIFO or socket (SB_TEST_PAUSE_FD, default 3)", "");
    enabled = 1;
}

static volatile sig_atomic_t got;
static volatile sig_atomic_t wake_fd = -1;

static void on_signal(int sig)
{
    int e = errno;

    if (got == 0)
        got = sig;
    if (wake_fd >= 0 && write(wake_fd, "", 1) < 0) {
        /* the pipe is full: the waiter has its byte already */
    }
    errno = e;
}

static const int wake_sigs[] = {SIGCONT, SIGTERM, SIGINT};
#define N_WAKE (sizeof wake_sigs / sizeof wake_sigs[0])

static void pause_here(const char *name, long k)
{
    struct sigaction sa, old[N_WAKE];
    int p[2], sig;
    size_t i;
    char line[96];
    int n = snprintf(line, sizeof line, "%s:%ld %ld\n", name, k,
                     (long)getpid());

    if (pipe(p) != 0) {
        fprintf(stderr, "statbrief: test hook: pipe: %s\n", strerror(errno));
        return;
    }
    for (i = 0; i < 2; i++) {
        fcntl(p[i], F_SETFD, FD_CLOEXEC);
        fcntl(p[i], F_SETFL, O_NONBLOCK);
    }
    got = 0;
    wake_fd = p[1];
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < N_WAKE; i++)
        sigaction(wake_sigs[i], &sa, &old[i]);
    /* the handlers are in place before the line goes out: a signal sent
       as soon as it is read cannot be missed */
    if (write(announce_fd, line, (size_t)n) != n) {
        fprintf(stderr, "statbrief: test hook: cannot announce %s:%ld on "
                "descriptor %d: %s; not pausing\n", name, k, announce_fd,
                strerror(errno));
    } else {
        while (got == 0) {
            struct pollfd w = {p[0], POLLIN, 0};
            if (poll(&w, 1, -1) < 0 && errno != EINTR)
                break;
        }
    }
    wake_fd = -1;
    for (i = 0; i < N_WAKE; i++)
        sigaction(wake_sigs[i], &old[i], NULL);
    close(p[0]);
    close(p[1]);
    sig = got;
    got = 0;
    /* this thread, now, with the run's own handler (or the default
       action: a process without one ends as the signal says) */
    if (sig == SIGTERM || sig == SIGINT)
        raise(sig);
}

void sb_test_point(const char *name)
{
    int i = point_index(name, strlen(name));
    size_t e;

    if (i < 0) {
        fprintf(stderr, "statbrief: test hook: sb_test_point(\"%s\") is not "
                "in SB_TEST_POINTS of core/testhook.h\n", name);
        abort();
    }
    if (!enabled)
        return;
    reached[i]++;
    for (e = 0; e < n_entries; e++) {
        const entry *x = &entries[e];
        if ((x->point == i || x->point < 0) &&
            (x->k == 0 || x->k == reached[i])) {
            pause_here(points[i], reached[i]);
            return;
        }
    }
}

#else
/* ISO C wants something in a translation unit */
typedef int sb_testhook_unused;
#endif
