/*
 * input/load.c -- from command-line arguments to a finished dataset.
 *
 * 1. expand directories to their *.csv (sorted, so runs are repeatable);
 * 2. read each file's header to learn its role and layout;
 * 3. read indicator metadata, then region metadata, then data tables, so
 *    aliases apply on load whatever the order of the arguments;
 * 4. finish the dataset (sort, duplicates, inferred kinds).
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

#define MAX_FILES 65535          /* sb_obs.file is 16 bits */

typedef struct {
    char *path;
    const input_options *o;     /* how to read it */
    input_layout layout;
    input_csv_info info;        /* delimiter and BOM, from the header */
    uint16_t file;              /* its index in the dataset */
    input_data_opts read;       /* how a data table was read */
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
                            sb_ptrs *paths, sb_ptrs *opts, sb_error *err)
{
    sb_ptrs names = {0};
    sb_status rc = list_dir(dir, &names, err);
    size_t i;

    if (rc == SB_OK && names.len == 0)
        rc = sb_error_set(err, SB_ENOINPUT, dir, 0, 0,
                          "no *.csv or *.tsv files in this directory");
    if (rc == SB_OK)
        qsort(names.pdata, names.len, sizeof *names.pdata, cmp_names);
    for (i = 0; i < names.len && rc == SB_OK; i++) {
        char *path = input_path_join(dir, names.pdata[i]);
        if (path == NULL || sb_ptrs_add(paths, path) != 0) {
            g_free(path);
            rc = sb_error_set(err, SB_ENOMEM, dir, 0, 0, "out of memory");
        } else if (sb_ptrs_add(opts, (void *)o) != 0)
            rc = sb_error_set(err, SB_ENOMEM, dir, 0, 0, "out of memory");
    }
    ptrs_free(&names);
    return rc;
}

/* Adds path (a file) with its options. */
static sb_status add_path(const char *path, const input_options *o,
                          sb_ptrs *paths, sb_ptrs *opts, sb_error *err)
{
    char *copy = sb_strdup(path);

    if (copy == NULL || sb_ptrs_add(paths, copy) != 0) {
        g_free(copy);
        return sb_error_set(err, SB_ENOMEM, path, 0, 0, "out of memory");
    }
    if (sb_ptrs_add(opts, (void *)o) != 0)
        return sb_error_set(err, SB_ENOMEM, path, 0, 0, "out of memory");
    return SB_OK;
}

static sb_status expand_args(const input_arg *args, size_t n,
                             sb_ptrs *paths, sb_ptrs *opts, sb_error *err)
{
    struct stat st;
    size_t i;
    sb_status rc = SB_OK;

    for (i = 0; i < n && rc == SB_OK; i++) {
        if (stat(args[i].path, &st) != 0)
            return sb_error_set(err, SB_ENOINPUT, args[i].path, 0, 0,
                                "cannot open: %s", g_strerror(errno));
        rc = S_ISDIR(st.st_mode)
                 ? expand_dir(args[i].path, args[i].o, paths, opts, err)
                 : add_path(args[i].path, args[i].o, paths, opts, err);
    }
    if (rc == SB_OK && paths->len > MAX_FILES)
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

static sb_status peek(planned *p, sb_error *err)
{
    peek_ctx c;
    sb_status rc;

    c.n = 0;
    c.path = p->path;
    p->info.encoding = p->o->encoding;
    rc = input_csv_read(p->path, &p->info, peek_row, &c, err);
    if (rc == SB_OK && c.n == 0)
        rc = sb_error_set(err, SB_EDATA, p->path, 0, 0,
                          "empty file: expected a header line");
    if (rc == SB_OK)
        rc = decide(p, &c, err);
    peek_clear(&c);
    if (rc == SB_OK && p->o->indicator != NULL && p->layout.stem != NULL) {
        char *stem = sb_strdup(p->o->indicator);
        if (stem == NULL)
            return sb_error_set(err, SB_ENOMEM, p->path, 0, 0,
                                "out of memory");
        g_free(p->layout.stem);      /* the spec names the indicator */
        p->layout.stem = stem;
    }
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
    if (describe_columns(&p->layout, rep) != SB_OK)
        return sb_error_set(err, SB_ENOMEM, p->path, 0, 0, "out of memory");
    return input_data_read(ds, file, p->path, &d, rep, diag, err);
}

static sb_status load_one(sb_dataset *ds, planned *p, input_role pass,
                          const int have_meta[2],
                          input_file_report *rep, sb_diag *diag,
                          sb_error *err)
{
    uint16_t file;
    /* a portal's own metadata file: only WDI downloads come with them */
    int wdi = p->layout.export == &input_fmt_wdi;

    if (sb_dataset_add_file(ds, p->path, &file) != SB_OK)
        return sb_error_set(err, SB_ENOMEM, p->path, 0, 0, "out of memory");
    p->file = file;

    rep->delim = p->info.delim;
    rep->had_bom = p->info.had_bom;
    rep->shape = p->layout.shape;
    rep->export = p->layout.export;
    rep->encoding = p->info.encoding;
    switch (pass) {
    case INPUT_ROLE_INDICATORS:
        return input_meta_indicators(ds, file, p->path, wdi, rep, err);
    case INPUT_ROLE_REGIONS:
        return input_meta_regions(ds, file, p->path, wdi, rep, err);
    case INPUT_ROLE_DATA:
        break;
    }
    return load_data(ds, file, p, have_meta, rep, diag, err);
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
        if (k < n)
            rc = input_data_locate(l->ds, p->file, p->path, &p->read, places,
                                   n, &ignored);
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

/* The plan of each file (its header read) and the report's entries. */
static sb_status plan_files(const sb_ptrs *paths, const sb_ptrs *opts,
                            planned **plan, input_report *report,
                            sb_error *err)
{
    size_t i, n = paths->len;
    sb_status rc = SB_OK;

    *plan = sb_new0(planned, n);
    report->files = sb_new0(input_file_report, n);
    if (*plan == NULL || report->files == NULL)
        return sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
    report->n_files = n;
    for (i = 0; i < n && rc == SB_OK; i++) {
        (*plan)[i].path = paths->pdata[i];
        (*plan)[i].o = opts->pdata[i];
        rc = peek(&(*plan)[i], err);
    }
    return rc;
}

sb_status input_load_args(const input_arg *args, size_t n_args,
                          sb_dataset **out, input_report *report,
                          sb_diag *diag, sb_error *err)
{
    sb_ptrs paths = {0}, opts = {0};
    planned *plan = NULL;
    input_report local = {0};
    sb_dataset *ds = NULL;
    size_t i;
    sb_status rc;

    *out = NULL;
    if (report == NULL)
        report = &local;
    rc = expand_args(args, n_args, &paths, &opts, err);
    if (rc == SB_OK)
        rc = plan_files(&paths, &opts, &plan, report, err);
    if (rc != SB_OK)
        goto done;
    if ((ds = sb_dataset_create()) == NULL) {
        rc = sb_error_set(err, SB_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    rc = load_all(ds, plan, paths.len, report, diag, err);
    if (rc == SB_OK) {
        locator where = {ds, plan, paths.len};
        sb_dataset_set_locator(ds, locate, &where);
        rc = sb_dataset_finish(ds, diag, err);
        sb_dataset_set_locator(ds, NULL, NULL);
    }
done:
    for (i = 0; plan != NULL && i < paths.len; i++)
        input_layout_clear(&plan[i].layout);
    g_free(plan);
    ptrs_free(&paths);
    g_free(opts.pdata);
    input_report_clear(&local);
    if (rc == SB_OK)
        *out = ds;
    else
        sb_dataset_destroy(ds);
    return rc;
}
