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

void input_report_clear(input_report *r)
{
    size_t i;

    if (r == NULL)
        return;
    for (i = 0; i < r->n_files; i++) {
        input_file_report *f = &r->files[i];
        g_free(f->path);
        g_free(f->indicators);
        g_free(f->regions);
        g_free(f->columns);
        g_free(f->ignored);
        g_free(f->footnotes);
    }
    g_free(r->files);
    memset(r, 0, sizeof *r);
}

/* *.csv, and *.tsv as Eurostat names its downloads. */
static int is_csv_name(const char *name)
{
    size_t n = strlen(name);

    return n > 4 && (g_ascii_strcasecmp(name + n - 4, ".csv") == 0 ||
                     g_ascii_strcasecmp(name + n - 4, ".tsv") == 0) &&
           name[0] != '.';
}

/* g_ptr_array_sort hands pointers to the elements. */
static gint cmp_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static sb_status expand_dir(const char *dir, const input_options *o,
                            GPtrArray *paths, GPtrArray *opts, sb_error *err)
{
    GError *gerr = NULL;
    GDir *d = g_dir_open(dir, 0, &gerr);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    guint i;

    if (d == NULL) {
        sb_error_set(err, SB_ENOINPUT, dir, 0, 0, "cannot open: %s",
                     gerr->message);
        g_error_free(gerr);
        g_ptr_array_free(names, TRUE);
        return SB_ENOINPUT;
    }
    while ((name = g_dir_read_name(d)) != NULL) {
        char *path = g_build_filename(dir, name, NULL);
        /* a subfolder called x.csv is a folder: not read */
        if (is_csv_name(name) && g_file_test(path, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add(names, g_strdup(name));
        g_free(path);
    }
    g_dir_close(d);
    if (names->len == 0) {
        g_ptr_array_free(names, TRUE);
        return sb_error_set(err, SB_ENOINPUT, dir, 0, 0,
                            "no *.csv or *.tsv files in this directory");
    }
    g_ptr_array_sort(names, cmp_names);
    for (i = 0; i < names->len; i++) {
        g_ptr_array_add(paths, g_build_filename(dir, names->pdata[i], NULL));
        g_ptr_array_add(opts, (gpointer)o);
    }
    g_ptr_array_free(names, TRUE);
    return SB_OK;
}

static sb_status expand_args(const input_arg *args, size_t n,
                             GPtrArray *paths, GPtrArray *opts, sb_error *err)
{
    struct stat st;
    size_t i;

    for (i = 0; i < n; i++) {
        if (stat(args[i].path, &st) != 0)
            return sb_error_set(err, SB_ENOINPUT, args[i].path, 0, 0,
                                "cannot open: %s", g_strerror(errno));
        if (S_ISDIR(st.st_mode)) {
            if (expand_dir(args[i].path, args[i].o, paths, opts, err) != SB_OK)
                return SB_ENOINPUT;
        } else {
            g_ptr_array_add(paths, g_strdup(args[i].path));
            g_ptr_array_add(opts, (gpointer)args[i].o);
        }
    }
    if (paths->len > MAX_FILES)
        return sb_error_set(err, SB_EDATA, NULL, 0, 0,
                            "more than %d input files", MAX_FILES);
    return SB_OK;
}

/* ---- step 2: the header of each file ------------------------------------- */

typedef struct {
    input_row rows[INPUT_EXPORT_PEEK];  /* copies of the first records */
    size_t n;
} peek_ctx;

static int peek_row(void *user, const input_row *row, sb_error *err)
{
    peek_ctx *p = user;
    input_row *c = &p->rows[p->n++];
    size_t i;

    (void)err;
    c->n = row->n;
    c->line = row->line;
    c->field = g_new(char *, row->n + 1);
    c->len = g_memdup2(row->len, sizeof *row->len * row->n);
    for (i = 0; i < row->n; i++)
        c->field[i] = g_strndup(row->field[i], row->len[i]);
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

/* A portal export by its first records, else a table by its header.
   --shape or --columns say how to read the file: no export then. */
static sb_status decide(planned *p, peek_ctx *c, sb_error *err)
{
    const input_layout_opts *o = &p->o->layout;
    const input_row *rows[INPUT_EXPORT_PEEK];
    int forced = o->shape != INPUT_SHAPE_NONE, r, k;
    size_t i;

    for (k = 0; k < INPUT_NKEYS; k++)
        forced |= o->columns[k] != NULL;
    for (i = 0; i < c->n; i++)
        rows[i] = &c->rows[i];
    if (!forced) {
        r = input_export_detect(p->path, rows, c->n, &p->layout, err);
        if (r != 0)
            return r > 0 ? SB_OK : SB_EDATA;
    }
    return input_layout_detect(p->path, rows[0], o, &p->layout, err);
}

static sb_status peek(planned *p, sb_error *err)
{
    peek_ctx c;
    sb_status rc;

    c.n = 0;
    p->info.encoding = p->o->encoding;
    rc = input_csv_read(p->path, &p->info, peek_row, &c, err);
    if (rc == SB_OK && c.n == 0)
        rc = sb_error_set(err, SB_EDATA, p->path, 0, 0,
                          "empty file: expected a header line");
    if (rc == SB_OK)
        rc = decide(p, &c, err);
    peek_clear(&c);
    if (rc == SB_OK && p->o->indicator != NULL && p->layout.stem != NULL) {
        g_free(p->layout.stem);      /* the spec names the indicator */
        p->layout.stem = g_strdup(p->o->indicator);
    }
    return rc;
}

/* ---- step 3: read the files ---------------------------------------------- */

/* Columns an export reads besides the keys: names, units, aliases. */
static int export_uses(const input_layout *l, int c)
{
    const input_export_keys *ex = l->ex;
    size_t i;

    if (ex == NULL)
        return 0;
    for (i = 0; i < ex->n_name; i++)
        if (ex->name_cols[i] == c)
            return 1;
    return c == ex->alias_col || c == ex->unit_col || c == ex->power_col ||
           c == ex->unit_code_col || c == ex->power_code_col;
}

/* "indicator, region, <values>" and the ignored columns, for check. */
static void describe_columns(const input_layout *l, input_file_report *rep)
{
    GString *used = g_string_new(NULL), *ign = g_string_new(NULL);
    size_t c;

    for (c = 0; c < l->n; c++) {
        const input_column *col = &l->cols[c];
        GString *to = col->role == INPUT_COL_IGNORED &&
                              !export_uses(l, (int)c) ? ign : used;
        if (col->role == INPUT_COL_IGNORED && col->name[0] == '\0')
            continue;
        if (col->role == INPUT_COL_VALUES && c > 0 &&
            l->cols[c - 1].role == INPUT_COL_VALUES)
            continue;                   /* a run of value columns: once */
        g_string_append_printf(to, "%s%s", to->len ? ", " : "",
                               col->role == INPUT_COL_VALUES ? "<values>"
                                                             : col->name);
    }
    rep->columns = g_string_free(used, FALSE);
    rep->ignored = g_string_free(ign, FALSE);
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
    describe_columns(&p->layout, rep);
    return input_data_read(ds, file, p->path, &d, rep, diag, err);
}

static sb_status load_one(sb_dataset *ds, planned *p, input_role pass,
                          const int have_meta[2],
                          input_file_report *rep, sb_diag *diag,
                          sb_error *err)
{
    uint16_t file = sb_dataset_add_file(ds, p->path);

    p->file = file;

    rep->delim = p->info.delim;
    rep->had_bom = p->info.had_bom;
    rep->shape = p->layout.shape;
    rep->export = p->layout.export;
    rep->encoding = p->info.encoding;
    switch (pass) {
    case INPUT_ROLE_INDICATORS:
        return input_meta_indicators(ds, file, p->path,
                                     p->layout.export == INPUT_EXPORT_WDI,
                                     rep, err);
    case INPUT_ROLE_REGIONS:
        return input_meta_regions(ds, file, p->path,
                                  p->layout.export == INPUT_EXPORT_WDI, rep,
                                  err);
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
        report->files[i].path = g_strdup(plan[i].path);
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
   file that holds one is read again (rare: only when values repeat). */
static void locate(void *user, const sb_dataset *cds, sb_place *places,
                   size_t n)
{
    locator *l = user;
    size_t i, k;
    sb_error ignored = {0};

    (void)cds;
    for (i = 0; i < l->n; i++) {
        planned *p = &l->plan[i];
        if (p->layout.role != INPUT_ROLE_DATA || p->read.layout == NULL)
            continue;
        for (k = 0; k < n && places[k].file != p->file; k++)
            ;
        if (k < n)
            input_data_locate(l->ds, p->file, p->path, &p->read, places, n,
                              &ignored);
    }
}

sb_status input_load(const char *const *args, size_t n_args,
                     const input_options *o, sb_dataset **out,
                     input_report *report, sb_diag *diag, sb_error *err)
{
    input_arg *a = g_new0(input_arg, n_args + 1);
    size_t i;
    sb_status rc;

    for (i = 0; i < n_args; i++) {
        a[i].path = args[i];
        a[i].o = o;
    }
    rc = input_load_args(a, n_args, out, report, diag, err);
    g_free(a);
    return rc;
}

sb_status input_load_args(const input_arg *args, size_t n_args,
                          sb_dataset **out, input_report *report,
                          sb_diag *diag, sb_error *err)
{
    GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *opts = g_ptr_array_new();
    planned *plan = NULL;
    input_report local = {0};
    sb_dataset *ds = NULL;
    size_t i, n = 0;
    sb_status rc;

    *out = NULL;
    if (report == NULL)
        report = &local;
    rc = expand_args(args, n_args, paths, opts, err);
    if (rc != SB_OK)
        goto done;
    n = paths->len;
    plan = g_new0(planned, n);
    report->files = g_new0(input_file_report, n);
    report->n_files = n;
    for (i = 0; i < n && rc == SB_OK; i++) {
        plan[i].path = paths->pdata[i];
        plan[i].o = opts->pdata[i];
        rc = peek(&plan[i], err);
    }
    if (rc != SB_OK)
        goto done;
    ds = sb_dataset_create();
    rc = load_all(ds, plan, n, report, diag, err);
    if (rc == SB_OK) {
        locator where = {ds, plan, n};
        sb_dataset_set_locator(ds, locate, &where);
        rc = sb_dataset_finish(ds, diag, err);
        sb_dataset_set_locator(ds, NULL, NULL);
    }
done:
    for (i = 0; i < n; i++)
        input_layout_clear(&plan[i].layout);
    g_free(plan);
    g_ptr_array_free(paths, TRUE);
    g_ptr_array_free(opts, TRUE);
    input_report_clear(&local);
    if (rc == SB_OK)
        *out = ds;
    else
        sb_dataset_destroy(ds);
    return rc;
}
