/*
 * input/load.c -- from command-line arguments to a finished dataset.
 *
 * 1. expand directories to their *.csv (sorted, so runs are repeatable);
 * 2. read each file's header to learn its role and layout; statbrief's
 *    own outputs that a folder or a glob brought are left out, noted;
 * 3. read indicator metadata, then region metadata, then data tables, so
 *    aliases apply on load whatever the order of the arguments; when
 *    digests are asked for, each file's bytes are hashed as its rows are
 *    read;
 * 4. finish the dataset (sort, duplicates, inferred kinds).
 *
 * Every read of a file is watched (input/csvread.h): a file that changed
 * while it was read, or between its header and its rows, gave no one
 * version of itself, so the whole load is done again, once, with a note;
 * a change during that second load is the error (SB_ETEMPFAIL).
 */
#include "load.h"

#include "core/alloc.h"
#include "csvread.h"
#include "data.h"
#include "export.h"
#include "meta.h"

#include <errno.h>
#include <glib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_FILES 65535          /* sb_series.file is 16 bits */

/* A file to load, as the arguments name it. */
typedef struct {
    char *path;
    const input_options *o;     /* how to read it */
    int expanded;               /* a folder or a glob named it, not the
                                   user: statbrief's own outputs skipped */
} listed;

typedef struct {
    listed *v;
    size_t n, cap;
} listing;

typedef struct {
    const char *path;           /* the listing's */
    const input_options *o;     /* how to read it */
    int expanded;               /* as listed */
    input_layout layout;
    input_csv_info info;        /* delimiter and BOM, from the header */
    uint16_t file;              /* its index in the dataset */
    input_data_opts read;       /* how a data table was read */
    input_csv_watch watch;      /* its reads: one file, and its digest */
} planned;

/* *.csv, and *.tsv as Eurostat names its downloads. */
static int is_csv_name(const char *name)
{
    size_t n = strlen(name);

    return n > 4 && (g_ascii_strcasecmp(name + n - 4, ".csv") == 0 ||
                     g_ascii_strcasecmp(name + n - 4, ".tsv") == 0) &&
           name[0] != '.';
}

/* qsort hands pointers to the elements. */
static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char *input_path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir), k = strlen(name);
    char *p;

    while (n > 1 && dir[n - 1] == '/')
        n--;
    if ((p = sb_malloc(n + k + 2)) == NULL)
        return NULL;
    memcpy(p, dir, n);
    if (n > 0 && dir[n - 1] != '/')
        p[n++] = '/';
    memcpy(p + n, name, k + 1);
    return p;
}

static void ptrs_free(sb_ptrs *a)
{
    size_t i;

    for (i = 0; i < a->len; i++)
        g_free(a->pdata[i]);
    g_free(a->pdata);
    memset(a, 0, sizeof *a);
}

/* Adds dir/name (name alone when dir is NULL) to the files to load. */
static sb_status list_add(listing *l, const char *dir, const char *name,
                          const input_options *o, int expanded,
                          sb_error *err)
{
    char *path = dir != NULL ? input_path_join(dir, name) : sb_strdup(name);

    if (path == NULL || sb_grow(&l->v, &l->cap, l->n + 1) != 0) {
        g_free(path);
        return sb_error_set(err, SB_ENOMEM, dir != NULL ? dir : name, 0, 0,
                            "out of memory");
    }
    l->v[l->n].path = path;
    l->v[l->n].o = o;
    l->v[l->n++].expanded = expanded;
    return SB_OK;
}

static void listing_clear(listing *l)
{
    size_t i;

    for (i = 0; i < l->n; i++)
        g_free(l->v[i].path);
    g_free(l->v);
    memset(l, 0, sizeof *l);
}

/* The names of the *.csv and *.tsv files in dir, unsorted. */
static sb_status list_dir(const char *dir, sb_ptrs *names, sb_error *err)
{
    GError *gerr = NULL;
    GDir *d = g_dir_open(dir, 0, &gerr);
    const char *name;
    sb_status rc = SB_OK;

    if (d == NULL) {
        sb_error_set(err, SB_ENOINPUT, dir, 0, 0, "cannot open: %s",
                     gerr->message);
        g_error_free(gerr);
        return SB_ENOINPUT;
    }
    while (rc == SB_OK && (name = g_dir_read_name(d)) != NULL) {
        char *path = input_path_join(dir, name), *copy = NULL;
        /* a subfolder called x.csv is a folder: not read; anything else
           so named is, so that a dangling link or a pipe is an error
           when it is opened, not data silently left out */
        if (path == NULL)
            rc = SB_ENOMEM;
        else if (is_csv_name(name) &&
                 !g_file_test(path, G_FILE_TEST_IS_DIR) &&
                 ((copy = sb_strdup(name)) == NULL ||
                  sb_ptrs_add(names, copy) != 0)) {
            g_free(copy);
            rc = SB_ENOMEM;
        }
        g_free(path);
    }
    g_dir_close(d);
    if (rc == SB_ENOMEM)
        sb_error_set(err, rc, dir, 0, 0, "out of memory");
    return rc;
}

static sb_status expand_dir(const char *dir, const input_options *o,
                            listing *files, sb_error *err)
{
    sb_ptrs names = {0};
    sb_status rc = list_dir(dir, &names, err);
    size_t i;

    if (rc == SB_OK && names.len == 0)
        rc = sb_error_set(err, SB_ENOINPUT, dir, 0, 0,
                          "no *.csv or *.tsv files in this directory");
    if (rc == SB_OK)
        qsort(names.pdata, names.len, sizeof *names.pdata, cmp_names);
    for (i = 0; i < names.len && rc == SB_OK; i++)
        rc = list_add(files, dir, names.pdata[i], o, 1, err);
    ptrs_free(&names);
    return rc;
}

static sb_status expand_args(const input_arg *args, size_t n,
                             listing *files, sb_error *err)
{
    struct stat st;
    size_t i;
    sb_status rc = SB_OK;

    for (i = 0; i < n && rc == SB_OK; i++) {
        if (stat(args[i].path, &st) != 0)
            return sb_error_set(err, SB_ENOINPUT, args[i].path, 0, 0,
                                "cannot open: %s", g_strerror(errno));
        rc = S_ISDIR(st.st_mode)
                 ? expand_dir(args[i].path, args[i].o, files, err)
                 : list_add(files, NULL, args[i].path, args[i].o,
                            args[i].expanded, err);
    }
    if (rc == SB_OK && files->n > MAX_FILES)
        return sb_error_set(err, SB_EDATA, NULL, 0, 0,
                            "more than %d input files", MAX_FILES);
    return rc;
}

/* ---- step 2: the header of each file ------------------------------------- */

typedef struct {
    input_row rows[INPUT_EXPORT_PEEK];  /* copies of the first records */
    size_t n;
    const char *path;
} peek_ctx;

static int peek_row(void *user, const input_row *row, sb_error *err)
{
    peek_ctx *p = user;
    input_row *c = &p->rows[p->n++];
    size_t i;

    c->n = 0;
    c->line = row->line;
    c->field = sb_new0(char *, row->n + 1);
    c->len = sb_memdup(row->len, sizeof *row->len * row->n);
    if (c->field != NULL && c->len != NULL)
        for (c->n = row->n, i = 0; i < row->n; i++)
            if ((c->field[i] = sb_strndup(row->field[i], row->len[i])) == NULL)
                break;
    if (c->field == NULL || c->len == NULL ||
        (c->n > 0 && c->field[c->n - 1] == NULL)) {
        sb_error_set(err, SB_ENOMEM, p->path, row->line, 0, "out of memory");
        return -1;
    }
    return p->n == INPUT_EXPORT_PEEK ? 1 : 0;
}

static void peek_clear(peek_ctx *p)
{
    size_t i, k;

    for (i = 0; i < p->n; i++) {
        for (k = 0; k < p->rows[i].n; k++)
            g_free(p->rows[i].field[k]);
        g_free(p->rows[i].field);
        g_free((void *)p->rows[i].len);
    }
}

/* What the file is, from its first records. */
static sb_status decide(planned *p, peek_ctx *c, sb_error *err)
{
    const input_row *rows[INPUT_EXPORT_PEEK];
    size_t i;

    for (i = 0; i < c->n; i++)
        rows[i] = &c->rows[i];
    return input_layout_detect(p->path, rows, c->n, &p->o->layout,
                               &p->layout, err);
}

/* The first records of p's file into c (which needs peek_clear after,
   whatever this returns). */
static sb_status peek(planned *p, peek_ctx *c, sb_error *err)
{
    sb_status rc;

    c->n = 0;
    c->path = p->path;
    p->info.encoding = p->o->encoding;
    rc = input_csv_read(p->path, &p->info, peek_row, c, err);
    if (rc == SB_OK && c->n == 0)
        rc = sb_error_set(err, SB_EDATA, p->path, 0, 0,
                          "empty file: expected a header line");
    return rc;
}

/* What p's file is, from its first records. *skip when it is one of
   statbrief's own outputs that a folder or a glob brought along: it is
   not read, and a note in report says so. (Named by the user, it is
   refused by input_layout_detect, which says what it is.) */
static sb_status plan_one(planned *p, input_report *report, int *skip,
                          sb_error *err)
{
    peek_ctx c;
    const char *own = NULL;
    sb_status rc;

    *skip = 0;
    input_csv_set_watch(&p->watch);
    rc = peek(p, &c, err);
    input_csv_set_watch(NULL);
    if (rc == SB_OK && p->expanded)
        own = input_layout_own_output(&c.rows[0]);
    if (own != NULL) {
        *skip = 1;
        if (sb_diag_warn(&report->notes, p->path, 0, 0, "skipped: %s, not "
                         "input", own) != SB_OK)
            rc = sb_error_set(err, SB_ENOMEM, p->path, 0, 0,
                              "out of memory");
    } else if (rc == SB_OK) {
        rc = decide(p, &c, err);
    }
    peek_clear(&c);
    return rc;
}

/* The plan of each file (its header read), but statbrief's own outputs
   skipped; the report's entries. again: the load is being repeated. */
static sb_status plan_files(const listing *files, int again,
                            planned **plan, size_t *n_plan,
                            input_report *report, sb_error *err)
{
    size_t i, m = 0;
    int skip = 0;
    sb_status rc = SB_OK;

    *plan = sb_new0(planned, files->n);
    report->files = sb_new0(input_file_report, files->n);
    if (*plan == NULL || report->files == NULL)
        return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    for (i = 0; i < files->n && rc == SB_OK; i++) {
        planned *p = &(*plan)[m];
        p->path = p->watch.path = files->v[i].path;
        p->o = files->v[i].o;
        p->expanded = files->v[i].expanded;
        p->watch.again = again;
        rc = plan_one(p, report, &skip, err);
        if (skip)
            memset(p, 0, sizeof *p);      /* the slot is the next file's */
        else
            m++;                          /* a failed one too: cleared */
    }
    *n_plan = report->n_files = m;
    if (rc == SB_OK && m == 0 && files->n > 0)
        rc = sb_error_set(err, SB_ENOINPUT, NULL, 0, 0, "nothing to load: "
                          "the only files found are statbrief's own "
                          "outputs");
    return rc;
}

/* ---- step 3: read the files ---------------------------------------------- */

/* Appends ", " (unless t is empty) and s to t. */
static int add_listed(sb_text *t, const char *s)
{
    if (t->len > 0 && sb_text_add(t, ", ", 2) != 0)
        return -1;
    return sb_text_add(t, s, strlen(s));
}

/* "indicator, region, <values>" and the ignored columns, for check. */
static sb_status describe_columns(const input_layout *l,
                                  input_file_report *rep)
{
    sb_text used = {0}, ign = {0};
    size_t c;
    int bad = sb_text_add(&used, "", 0) != 0 ||
              sb_text_add(&ign, "", 0) != 0;

    for (c = 0; c < l->n && !bad; c++) {
        const input_column *col = &l->cols[c];
        sb_text *to = col->role == INPUT_COL_IGNORED && !col->extra
                          ? &ign : &used;
        if (col->role == INPUT_COL_IGNORED && col->name[0] == '\0')
            continue;
        if (col->role == INPUT_COL_VALUES && c > 0 &&
            l->cols[c - 1].role == INPUT_COL_VALUES)
            continue;                   /* a run of value columns: once */
        bad = add_listed(to, col->role == INPUT_COL_VALUES ? "<values>"
                                                           : col->name) != 0;
    }
    rep->columns = used.s;
    rep->ignored = ign.s;
    return bad ? SB_ENOMEM : SB_OK;
}

static sb_status load_data(sb_dataset *ds, uint16_t file, planned *p,
                           const int have_meta[2],
                           input_file_report *rep, sb_diag *diag,
                           sb_error *err)
{
    input_data_opts d = {&p->layout, p->o->decimal_comma, have_meta[0],
                         have_meta[1], p->info.delim, p->info.encoding};
    sb_status rc;

    if (!d.decimal_comma && p->info.delim == ';') {
        rc = input_data_detect_decimal_comma(p->path, &d.decimal_comma, err);
        if (rc != SB_OK)
            return rc;
    }
    rep->decimal_comma = d.decimal_comma;
    p->read = d;
    if (describe_columns(&p->layout, rep) != SB_OK ||
        input_report_reading(rep, &p->layout) != SB_OK)
        return sb_error_set(err, SB_ENOMEM, p->path, 0, 0, "out of memory");
    p->watch.hash = p->o->digest;       /* the read of the rows */
    return input_data_read(ds, file, p->path, &d, rep, diag, err);
}

/* Reads p's file, all its reads watched. */
static sb_status read_watched(sb_dataset *ds, uint16_t file, planned *p,
                              input_role pass, const int have_meta[2],
                              input_file_report *rep, sb_diag *diag,
                              sb_error *err)
{
    /* a portal's own metadata file: only WDI downloads come with them */
    int wdi = p->layout.export == &input_fmt_wdi;
    sb_status rc;

    input_csv_set_watch(&p->watch);
    p->watch.hash = pass != INPUT_ROLE_DATA && p->o->digest;
    switch (pass) {
    case INPUT_ROLE_INDICATORS:
        rc = input_meta_indicators(ds, file, p->path, wdi, rep, err);
        break;
    case INPUT_ROLE_REGIONS:
        rc = input_meta_regions(ds, file, p->path, wdi, rep, err);
        break;
    default:
        rc = load_data(ds, file, p, have_meta, rep, diag, err);
        break;
    }
    input_csv_set_watch(NULL);
    p->watch.hash = 0;
    return rc;
}

/* The digest of the bytes the rows were parsed from, when asked for. */
static sb_status take_digest(const planned *p, input_file_report *rep,
                             sb_error *err)
{
    if (!p->o->digest)
        return SB_OK;
    if (p->watch.sha256[0] == '\0')     /* the rows were not read to the end */
        return sb_error_set(err, SB_EINTERNAL, p->path, 0, 0, "read in "
                            "part only: no digest of it");
    memcpy(rep->sha256, p->watch.sha256, sizeof rep->sha256);
    rep->bytes = p->watch.bytes;
    return SB_OK;
}

static sb_status load_one(sb_dataset *ds, planned *p, input_role pass,
                          const int have_meta[2],
                          input_file_report *rep, sb_diag *diag,
                          sb_error *err)
{
    uint16_t file;
    sb_status rc;

    if (sb_dataset_add_file(ds, p->path, &file) != SB_OK)
        return sb_error_set(err, SB_ENOMEM, p->path, 0, 0, "out of memory");
    p->file = file;

    rep->delim = p->info.delim;
    rep->had_bom = p->info.had_bom;
    rep->shape = p->layout.shape;
    rep->export = p->layout.export;
    rep->encoding = p->info.encoding;
    rc = read_watched(ds, file, p, pass, have_meta, rep, diag, err);
    return rc == SB_OK ? take_digest(p, rep, err) : rc;
}

static sb_status load_all(sb_dataset *ds, planned *plan, size_t n,
                          input_report *report,
                          sb_diag *diag, sb_error *err)
{
    static const input_role order[] = {
        INPUT_ROLE_INDICATORS, INPUT_ROLE_REGIONS, INPUT_ROLE_DATA};
    int have_meta[2] = {0, 0};
    size_t i, k;
    sb_status rc;

    for (i = 0; i < n; i++) {
        if ((report->files[i].path = sb_strdup(plan[i].path)) == NULL)
            return sb_error_set(err, SB_ENOMEM, plan[i].path, 0, 0,
                                "out of memory");
        report->files[i].role = plan[i].layout.role;
        if (plan[i].layout.role != INPUT_ROLE_DATA)
            have_meta[plan[i].layout.role == INPUT_ROLE_REGIONS] = 1;
    }
    for (k = 0; k < G_N_ELEMENTS(order); k++)
        for (i = 0; i < n; i++) {
            if (plan[i].layout.role != order[k])
                continue;
            rc = load_one(ds, &plan[i], order[k], have_meta,
                          &report->files[i], diag, err);
            if (rc != SB_OK)
                return rc;
        }
    return SB_OK;
}

/* ---- step 4: where duplicates were read ------------------------------------ */

typedef struct {
    sb_dataset *ds;
    planned *plan;
    size_t n;
} locator;

/* sb_dataset_finish asks this for the places of duplicates: each data
   file that holds one is read again (rare: only when values repeat).
   A file that cannot be read again leaves its places unknown; only
   running out of memory stops the load. */
static sb_status locate(void *user, const sb_dataset *cds, sb_place *places,
                        size_t n)
{
    locator *l = user;
    size_t i, k;
    sb_status rc = SB_OK;

    (void)cds;
    for (i = 0; i < l->n && rc != SB_ENOMEM; i++) {
        planned *p = &l->plan[i];
        sb_error ignored = {0};
        if (p->layout.role != INPUT_ROLE_DATA || p->read.layout == NULL)
            continue;
        for (k = 0; k < n && places[k].file != p->file; k++)
            ;
        if (k == n)
            continue;
        /* a file changed since its rows were read: places unknown */
        input_csv_set_watch(&p->watch);
        rc = input_data_locate(l->ds, p->file, p->path, &p->read, places, n,
                               &ignored);
        input_csv_set_watch(NULL);
    }
    return rc == SB_ENOMEM ? rc : SB_OK;
}

sb_status input_load(const char *const *args, size_t n_args,
                     const input_options *o, sb_dataset **out,
                     input_report *report, sb_diag *diag, sb_error *err)
{
    input_arg *a = sb_new0(input_arg, n_args + 1);
    size_t i;
    sb_status rc;

    if (a == NULL)
        return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    for (i = 0; i < n_args; i++) {
        a[i].path = args[i];
        a[i].o = o;
    }
    rc = input_load_args(a, n_args, out, report, diag, err);
    g_free(a);
    return rc;
}

/* One load of the arguments, the steps above in turn; again: it is
   being repeated after an input changed; lean: into a lean dataset,
   which on SB_OK went to *out, or was lost (*out NULL then: to be read
   again in full). */
static sb_status load_once(const input_arg *args, size_t n_args, int again,
                           int lean, sb_dataset **out, input_report *report,
                           sb_diag *diag, sb_error *err)
{
    listing files = {0};
    planned *plan = NULL;
    sb_dataset *ds = NULL;
    size_t i, n = 0;
    sb_status rc = expand_args(args, n_args, &files, err);

    if (rc == SB_OK)
        rc = plan_files(&files, again, &plan, &n, report, err);
    if (rc == SB_OK && (ds = sb_dataset_create()) == NULL)
        rc = sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc == SB_OK && lean)
        sb_dataset_set_lean(ds);
    if (rc == SB_OK)
        rc = load_all(ds, plan, n, report, diag, err);
    if (rc == SB_OK && sb_dataset_lean_lost(ds)) {
        sb_dataset_destroy(ds);
        ds = NULL;
    } else if (rc == SB_OK) {
        locator where = {ds, plan, n};
        sb_dataset_set_locator(ds, locate, &where);
        rc = sb_dataset_finish(ds, diag, err);
        sb_dataset_set_locator(ds, NULL, NULL);
        /* the series index and the reads' buffers are freed: 3-4 MB
           less at the peak of metrics on issue 24's 1.08 GB file */
        sb_alloc_release();
    }
    for (i = 0; plan != NULL && i < n; i++)
        input_layout_clear(&plan[i].layout);
    g_free(plan);
    listing_clear(&files);
    if (rc == SB_OK)
        *out = ds;
    else
        sb_dataset_destroy(ds);
    return rc;
}

/* Takes diag back to the n warnings it held (count of them all). */
static void diag_rewind(sb_diag *diag, size_t n, size_t count)
{
    if (diag == NULL)
        return;
    diag->n_items = n;
    diag->count = count;
}

/* The load (again when an input changed), lean or not; a lean load that
   lost its dataset returns SB_OK with *out NULL. */
static sb_status load_args(const input_arg *args, size_t n_args, int lean,
                           sb_dataset **out, input_report *report,
                           sb_diag *diag, sb_error *err)
{
    size_t n_warned = diag != NULL ? diag->n_items : 0;
    size_t n_counted = diag != NULL ? diag->count : 0;
    sb_error first;
    sb_status rc;

    *out = NULL;
    rc = load_once(args, n_args, 0, lean, out, report, diag, err);
    if (rc == SB_ETEMPFAIL) {
        /* what was read of the file that changed is of no one version
           of it, and the rest was read with it: all again, once */
        first = *err;
        memset(err, 0, sizeof *err);
        input_report_clear(report);
        diag_rewind(diag, n_warned, n_counted);
        rc = sb_diag_warn(&report->notes, first.path, 0, 0, "%s; read "
                          "again", first.msg);
        rc = rc != SB_OK ? sb_error_set(err, rc, first.path, 0, 0,
                                        "out of memory")
                         : load_once(args, n_args, 1, lean, out, report,
                                     diag, err);
    }
    return rc;
}

sb_status input_load_args(const input_arg *args, size_t n_args,
                          sb_dataset **out, input_report *report,
                          sb_diag *diag, sb_error *err)
{
    input_report local = {0};
    size_t n_warned = diag != NULL ? diag->n_items : 0;
    size_t n_counted = diag != NULL ? diag->count : 0;
    int lean = n_args > 0 && args[0].o != NULL && args[0].o->lean;
    sb_status rc;

    if (report == NULL)
        report = &local;
    rc = load_args(args, n_args, lean, out, report, diag, err);
    if (rc == SB_OK && *out == NULL) {
        /* a year came twice in a series, or may have (model.h): the
           duplicate's messages need the values; what the lean load said
           is said again by the full one */
        input_report_clear(report);
        diag_rewind(diag, n_warned, n_counted);
        rc = load_args(args, n_args, 0, out, report, diag, err);
    }
    input_report_clear(&local);
    return rc;
}
