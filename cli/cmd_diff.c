/*
 * cli/cmd_diff.c -- statbrief diff OLD NEW: both vintages loaded with
 * every rule of the loader (cli/load.h), compared (metrics/revisions.h),
 * their figures compared (metrics/figdiff.h: `metrics` on each side) and
 * written on stdout as a table, CSV, JSON or Markdown (--format).
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

/* Loads one side (a file or a folder) into *l; 0 or 2. The loader's own
   message comes first, then which side failed and its DESIGN status. */
static int load_side(cli *c, const char *path, cli_loaded *l)
{
    char **files = c->files;
    int n = c->n_files, st;
    GPtrArray *ids = c->indicators, *none;
    struct stat sb;

    if (stat(path, &sb) != 0)
        return trouble(SB_ENOINPUT, path, strerror(errno));
    /* --indicator selects what is compared (rev_filter), not what is
       loaded: an indicator added in NEW is unknown to OLD */
    none = g_ptr_array_new();
    c->indicators = none;
    c->files = (char **)&path;
    c->n_files = 1;
    st = cli_load(c, l);
    c->files = files;
    c->n_files = n;
    c->indicators = ids;
    g_ptr_array_free(none, TRUE);
    if (st == 0)
        return 0;
    fprintf(stderr, "statbrief: diff: %s could not be loaded (status %d in "
            "DESIGN.md; diff exits 2)\n", path, st);
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
    if ((status = load_side(c, c->files[0], &old)) != 0 ||
        (status = load_side(c, c->files[1], &new)) != 0)
        goto done;
    filter.ids = (const char *const *)c->indicators->pdata;
    filter.n_ids = c->indicators->len;
    filter.from = c->from;
    filter.to = c->to;
    memset(&fo, 0, sizeof fo);
    fo.filter = &filter;
    if (rev_compare(old.ds, new.ds, &filter, &r, &err) != SB_OK ||
        (r->n > 0 && !c->brief &&
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
