/*
 * cli/cmd_diff.c -- statbrief diff OLD NEW: both vintages loaded with
 * every rule of the loader (cli/load.h), compared (metrics/revisions.h),
 * their figures compared (metrics/figdiff.h: `metrics` on each side) and
 * written on stdout as a table, CSV, JSON or Markdown (--format).
 *
 * The CSV is one row per changed value, as the issue defines it, and
 * gets the figure rows only with --figures: `metrics` over every series
 * of both sides costs more than loading them (make bench: a diff of two
 * 1 GB files within 2.5 x one check, 0.6 x the file in memory, is met
 * without the figures and not with them).
 *
 * The exit status is diff(1)'s, so that scripts can test it: 0 no
 * difference, 1 differences, 2 trouble. DESIGN.md's statuses (64 usage,
 * 65 bad data, 66 input missing, 70, 73) would collide with 1, so they
 * become 2 and the message names the DESIGN.md status instead.
 */
#include "cmd.h"

#include "diag.h"
#include "diffbrief.h"
#include "load.h"
#include "metrics/figdiff.h"
#include "spec.h"
#include "metrics/revisions.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

enum { DIFF_SAME = 0, DIFF_DIFFERENT = 1, DIFF_TROUBLE = 2 };

/* Prints the message with the DESIGN.md status it stands for; 2. */
static int trouble(sb_status code, const char *what, const char *detail)
{
    int design = sb_status_exit(code);

    cli_diag_fail(code, "%s%s%s (status %d in DESIGN.md; diff exits 2)",
                  what, detail[0] ? ": " : "", detail, design);
    return DIFF_TROUBLE;
}

/* One side's load: a cli of its own (the side's path its one file, no
   --indicator: that selects what is compared, not what is loaded, and
   an indicator added in NEW is unknown to OLD), where the dataset goes,
   and what the read gave back. */
typedef struct {
    cli c;
    const char *path;
    cli_loaded *l;
    sb_error err;
    sb_status rc;
} diff_side;

static void side_init(diff_side *s, const cli *c, const char *path,
                      GPtrArray *none, cli_loaded *l)
{
    memset(s, 0, sizeof *s);
    s->c = *c;
    s->path = path;
    s->c.files = (char **)&s->path;
    s->c.n_files = 1;
    s->c.indicators = none;
    s->l = l;
}

static gpointer side_read(gpointer p)
{
    diff_side *s = p;

    s->rc = cli_load_read(&s->c, s->l, &s->err);
    return NULL;
}

/* What the read of s said, printed; 0 or 2. The loader's own message
   comes first, then which side failed and its DESIGN status. */
static int side_end(diff_side *s)
{
    int st = cli_load_end(&s->c, s->l, s->rc, &s->err);

    if (st == 0)
        return 0;
    fprintf(stderr, "statbrief: diff: %s could not be loaded (status %d in "
            "DESIGN.md; diff exits 2)\n", s->path, st);
    return DIFF_TROUBLE;
}

/* --brief's options: only with it; the spec read (its error, then the
   DESIGN.md status). 0 or 2. */
static int diff_brief_options(cli *c)
{
    int st = cli_diffbrief_check(c);

    if (st != 0 || c->spec_path == NULL)
        return st;
    if ((st = cli_spec_apply(c)) < 0)
        return 0;
    fprintf(stderr, "statbrief: diff: the spec could not be read (status "
            "%d in DESIGN.md; diff exits 2)\n", st);
    return DIFF_TROUBLE;
}

/* Reads OLD on a second thread while this one reads NEW, so that a diff
   takes little more time than its larger input (make bench: diff within
   2.5 x one check). What each load says is printed afterwards, OLD's
   first, and NEW's only when OLD loaded, as when they are read in turn.
   In turn they are when the thread cannot start, when NEW is missing
   (OLD's messages come before that one), and in -DSB_ALLOC_HOOK builds,
   whose hook fails the Nth allocation: only one thread makes N the same
   site every run. 0 or 2. */
static int load_sides(cli *c, cli_loaded *old, cli_loaded *new)
{
    diff_side so, sn;
    GPtrArray *none = g_ptr_array_new();
    GThread *t = NULL;
    struct stat sb;
    int st = 0, new_there, new_errno;

    side_init(&so, c, c->files[0], none, old);
    side_init(&sn, c, c->files[1], none, new);
    if (stat(so.path, &sb) != 0) {
        st = trouble(SB_ENOINPUT, so.path, strerror(errno));
        goto done;
    }
    new_there = stat(sn.path, &sb) == 0;
    new_errno = errno;
#ifndef SB_ALLOC_HOOK
    if (new_there)
        t = g_thread_try_new("diff-old", side_read, &so, NULL);
#endif
    if (t == NULL) {
        side_read(&so);
    } else {
        side_read(&sn);
        g_thread_join(t);
    }
    if ((st = side_end(&so)) != 0)
        goto done;
    if (!new_there) {
        st = trouble(SB_ENOINPUT, sn.path, strerror(new_errno));
        goto done;
    }
    if (t == NULL)
        side_read(&sn);
    st = side_end(&sn);
done:
    g_ptr_array_free(none, TRUE);
    return st;
}

int cli_cmd_diff(cli *c)
{
    cli_loaded old, new;
    rev_result *r = NULL;
    figdiff_result *fig = NULL;
    figdiff_opts fo;
    rev_format f = REV_FMT_TABLE;
    rev_filter filter = {0};
    sb_error err = {0};
    int status;

    memset(&old, 0, sizeof old);
    memset(&new, 0, sizeof new);
    if (c->n_files != 2) {
        status = trouble(SB_EUSAGE, "diff needs two inputs, OLD and NEW", "");
        goto done;
    }
    if (c->format_arg != NULL && rev_format_parse(c->format_arg, &f) != 0) {
        status = trouble(SB_EUSAGE, "--format is table, csv, json or md",
                         c->format_arg);
        goto done;
    }
    if ((status = diff_brief_options(c)) != 0)
        goto done;
    if ((status = load_sides(c, &old, &new)) != 0)
        goto done;
    filter.ids = (const char *const *)c->indicators->pdata;
    filter.n_ids = c->indicators->len;
    filter.from = c->from;
    filter.to = c->to;
    memset(&fo, 0, sizeof fo);
    fo.filter = &filter;
    if (rev_compare(old.ds, new.ds, &filter, &r, &err) != SB_OK ||
        (r->n > 0 && !c->brief && (f != REV_FMT_CSV || c->figures) &&
         figdiff_compare(old.ds, new.ds, &fo, &fig, &err) != SB_OK)) {
        /* the message as every command prints it, then the status */
        cli_diag_fail(err.code, "%s", err.msg);
        fprintf(stderr, "statbrief: diff: status %d in DESIGN.md; diff "
                "exits 2\n", sb_status_exit(err.code));
        status = DIFF_TROUBLE;
        goto done;
    }
    if (c->brief) {
        status = cli_diffbrief_run(c, &old, &new, r->n, f);
        goto done;
    }
    if (rev_write_figures(stdout, r, fig, f) != 0 || cli_diag_flush_stdout() != 0) {
        status = DIFF_TROUBLE;
        goto done;
    }
    status = r->n > 0 ? DIFF_DIFFERENT : DIFF_SAME;
done:
    figdiff_destroy(fig);
    rev_destroy(r);
    cli_load_clear(&new);
    cli_load_clear(&old);
    return status;
}
