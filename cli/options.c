/*
 * cli/options.c -- the option table, the usage text, and the parser that
 * reads argv into a cli struct (cli/cli.h).
 *
 * One table: getopt_long's list, the check that a command takes an
 * option, and each command's --help (the usage text's lines of the
 * options it takes) are all made from it. A value is checked as it is
 * read; a bad one is a usage error (64). Nothing here loads data, reads
 * the spec or runs a command.
 */
#include "options.h"

#include "diag.h"
#include "log.h"

#include <getopt.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    OPT_DUMP = 256, OPT_FLAGS, OPT_INDICATOR, OPT_REGION, OPT_FROM, OPT_TO,
    OPT_YEAR, OPT_SHAPE, OPT_COLUMNS, OPT_ENCODING, OPT_DECIMAL_COMMA,
    OPT_STRICT, OPT_HELP, OPT_VERSION, OPT_FORMAT, OPT_LANG, OPT_GROUP,
    OPT_FOCUS, OPT_TOTAL, OPT_BENCHMARK, OPT_INTERPOLATE, OPT_TYPE,
    OPT_SIZE, OPT_DPI, OPT_TITLE, OPT_PAPER, OPT_METRICS_CSV, OPT_SPEC,
    OPT_FORCE, OPT_WAIT, OPT_EXPECT_YEAR, OPT_LOG, OPT_JOBS, OPT_SHARD,
    OPT_MAX_OUTPUTS, OPT_INDICATOR_ID, OPT_REGION_NAME, OPT_SCREEN,
    OPT_LABEL, OPT_BASE, OPT_BRIEF, OPT_NO_REVISIONS, OPT_FIGURES
};

/* The commands' bits, short for the table. */
enum { CHECK = CLI_CMD_CHECK, METRICS = CLI_CMD_METRICS,
       CHARTS = CLI_CMD_CHARTS, REPORT = CLI_CMD_REPORT, DIFF = CLI_CMD_DIFF,
       ALL = CLI_CMD_ALL };

/* Which commands take each option: a command rejects what it has no use
   for (DESIGN.md). Commands of later stages are listed as they come. */
static const struct {
    struct option opt;
    unsigned cmds;
} options[] = {
    {{"dump", no_argument, NULL, OPT_DUMP}, CHECK},
    {{"flags", no_argument, NULL, OPT_FLAGS}, CHECK},
    {{"screen", no_argument, NULL, OPT_SCREEN}, CHECK},
    {{"spec", required_argument, NULL, OPT_SPEC},
     CHECK | CHARTS | REPORT | DIFF},
    {{"brief", no_argument, NULL, OPT_BRIEF}, DIFF},
    {{"figures", no_argument, NULL, OPT_FIGURES}, DIFF},
    {{"indicator", required_argument, NULL, OPT_INDICATOR}, ALL},
    /* charts and briefs show a focus and a comparison set (--focus,
       --group); a region filter there would be accepted and ignored */
    {{"region", required_argument, NULL, OPT_REGION},
     CHECK | METRICS},
    {{"from", required_argument, NULL, OPT_FROM}, ALL},
    {{"to", required_argument, NULL, OPT_TO}, ALL},
    {{"year", required_argument, NULL, OPT_YEAR}, ALL},
    {{"shape", required_argument, NULL, OPT_SHAPE}, ALL},
    {{"columns", required_argument, NULL, OPT_COLUMNS}, ALL},
    {{"indicator-id", required_argument, NULL, OPT_INDICATOR_ID}, ALL},
    {{"region-name", required_argument, NULL, OPT_REGION_NAME}, ALL},
    {{"encoding", required_argument, NULL, OPT_ENCODING}, ALL},
    {{"decimal-comma", no_argument, NULL, OPT_DECIMAL_COMMA}, ALL},
    {{"strict", no_argument, NULL, OPT_STRICT}, ALL},
    {{"format", required_argument, NULL, OPT_FORMAT},
     METRICS | CHARTS | REPORT | DIFF},
    /* diff: the brief's, with --brief (cli/diffbrief.c) */
    {{"lang", required_argument, NULL, OPT_LANG},
     CHECK | METRICS | CHARTS | REPORT | DIFF},
    {{"group", required_argument, NULL, OPT_GROUP},
     METRICS | CHARTS | REPORT | DIFF},
    {{"focus", required_argument, NULL, OPT_FOCUS},
     METRICS | CHARTS | REPORT | DIFF},
    {{"total", required_argument, NULL, OPT_TOTAL},
     METRICS | CHARTS | REPORT | DIFF},
    {{"benchmark", required_argument, NULL, OPT_BENCHMARK},
     METRICS | CHARTS | REPORT | DIFF},
    {{"label", required_argument, NULL, OPT_LABEL}, CHARTS | REPORT},
    {{"base", required_argument, NULL, OPT_BASE}, CHARTS},
    {{"interpolate", no_argument, NULL, OPT_INTERPOLATE},
     METRICS | CHARTS | REPORT},
    {{"output", required_argument, NULL, 'o'}, CHARTS | REPORT},
    {{"type", required_argument, NULL, OPT_TYPE}, CHARTS},
    {{"size", required_argument, NULL, OPT_SIZE}, CHARTS},
    {{"dpi", required_argument, NULL, OPT_DPI}, CHARTS},
    {{"title", required_argument, NULL, OPT_TITLE}, REPORT},
    {{"paper", required_argument, NULL, OPT_PAPER}, REPORT},
    {{"metrics-csv", required_argument, NULL, OPT_METRICS_CSV}, REPORT},
    {{"force", no_argument, NULL, OPT_FORCE}, CHARTS | REPORT},
    {{"no-revisions", no_argument, NULL, OPT_NO_REVISIONS}, REPORT},
    {{"wait", required_argument, NULL, OPT_WAIT}, CHARTS | REPORT},
    {{"jobs", required_argument, NULL, OPT_JOBS}, CHARTS | REPORT},
    {{"shard", required_argument, NULL, OPT_SHARD}, CHARTS | REPORT},
    {{"max-outputs", required_argument, NULL, OPT_MAX_OUTPUTS},
     CHARTS | REPORT},
    {{"expect-year", required_argument, NULL, OPT_EXPECT_YEAR}, ALL},
    {{"log", required_argument, NULL, OPT_LOG}, ALL},
    {{"quiet", no_argument, NULL, 'q'}, ALL},
    {{"verbose", no_argument, NULL, 'v'}, ALL},
    {{"help", no_argument, NULL, OPT_HELP}, ALL},
    {{"version", no_argument, NULL, OPT_VERSION}, ALL},
};

static const char usage_text[] =
    "usage: statbrief COMMAND [OPTIONS] FILE...\n"
    "\n"
    "commands:\n"
    "  check      validate and summarize CSV files; --dump prints the\n"
    "             normalized table (--flags adds the flags column);\n"
    "             --screen lists data-quality findings\n"
    "  metrics    figures per series: change, growth, CAGR, trend,\n"
    "             forecast, rank, share, gap (--format table|csv|json)\n"
    "  charts     one chart per indicator into -o DIR (default charts/)\n"
    "  report     the brief into -o FILE (default brief-YEAR.pdf; --format\n"
    "             html: a web page, pdf,html: both)\n"
    "  diff       statbrief diff OLD NEW: values revised, rounded, added,\n"
    "             withdrawn, flag and unit changes between two vintages\n"
    "             (--format table|csv|json|md); exits 0 when they are the\n"
    "             same, 1 when they differ, 2 on trouble; --brief: the\n"
    "             brief's sentences that change, old and new\n"
    "\n"
    "FILE... are CSV files or directories (a directory means its *.csv\n"
    "and *.tsv).\n"
    "With --spec, the spec names them and FILE... may be omitted.\n"
    "\n"
    "options:\n"
    "  --dump              check: print the normalized table instead\n"
    "  --flags             check --dump: a fifth column, the flags\n"
    "  --screen            check: series breaks, level shifts, scale slips,\n"
    "                      rounded runs, stale series, totals unlike the\n"
    "                      sum of their parts, one finding a line\n"
    "  --spec FILE         check, charts, report, diff: the report spec\n"
    "                      (YAML)\n"
    "  --brief             diff: the sentences of the brief (--spec, --focus,\n"
    "                      --lang as for report) that change, old and new\n"
    "  --figures           diff --format csv: the figures that change too\n"
    "                      (the other formats always list them)\n"
    "  --indicator ID      only this indicator (repeatable)\n"
    "  --region NAME       check, metrics: only this region, by name or\n"
    "                      alias (repeatable)\n"
    "  --from Y, --to Y    only years in this window; --year Y = --to Y\n"
    "  --shape S           long, wide-year, wide-indicator or wide-region\n"
    "  --columns R=H,...   header H holds role R (indicator, region, year,\n"
    "                      value, unit, flags, note, source, note_zh,\n"
    "                      source_zh)\n"
    "  --indicator-id ID   the indicator of a file with no indicator column\n"
    "                      (default: the file's name)\n"
    "  --region-name NAME  the region of a file with no region column\n"
    "                      (default: the file's name)\n"
    "  --encoding E        input encoding: utf-8 (default) or gb18030\n"
    "  --decimal-comma     read 1.234,5 as 1234.5\n"
    "  --format F          metrics: table, csv or json; diff: table, csv,\n"
    "                      json or md; charts: any of pdf,png,svg\n"
    "                      (default pdf); report: pdf, html or pdf,html\n"
    "                      (default pdf)\n"
    "  -o, --output PATH   charts: the directory (default charts/);\n"
    "                      report: the brief (default brief-YEAR.pdf; of\n"
    "                      several formats, PATH less .pdf or .html, with\n"
    "                      each format's)\n"
    "  --type T            charts: line, bar, grouped, stacked, slope,\n"
    "                      sparkline, small or index (default: line; bar\n"
    "                      for one year; small multiples for more than 8\n"
    "                      regions)\n"
    "  --base Y            charts --type index: the year whose values are 100\n"
    "                      (default: the latest year in which more than half\n"
    "                      of the chart's regions have a value)\n"
    "  --size WxH          charts: size in mm (default 160x100)\n"
    "  --dpi N             charts: PNG resolution (default 150)\n"
    "  --title T           report: the title\n"
    "  --paper P           report: a4 (default) or letter\n"
    "  --metrics-csv FILE  report: every figure the brief prints, as CSV\n"
    "  --lang L            en or zh: language of text and numbers (check:\n"
    "                      of the screen's findings)\n"
    "  --group G           the comparison set: the regions of group G\n"
    "  --focus NAME        the region the figures are about\n"
    "  --total NAME, --benchmark NAME   override regions.csv roles\n"
    "  --label NAME        charts, report: a line chart of more than 8\n"
    "                      regions labels this one too, in colour\n"
    "                      (repeatable, up to 4); the others are grey\n"
    "  --interpolate       fill interior gaps linearly (flagged)\n"
    "  --strict            warnings are errors (exit 65)\n"
    "  --force             charts, report: rebuild even what is current\n"
    "  --no-revisions      report: no annex of the revisions since the\n"
    "                      previous edition, no revisions-YEAR.csv\n"
    "  --wait S            charts, report: wait up to S seconds for another\n"
    "                      run on the same output directory (else exit 75)\n"
    "  --expect-year Y     warn (with --strict: fail) when the data end\n"
    "                      before year Y\n"
    "  --log json          one JSON object per event on stderr\n"
    "  --jobs N            charts, report: a spec's foreach batch (charts:\n"
    "                      or the indicators) in N worker processes\n"
    "                      (the same files as --jobs 1)\n"
    "  --shard K/N         charts, report: only the K-th (from 0) of N\n"
    "                      parts of a foreach batch\n"
    "  --max-outputs N     charts, report: refuse a run that would make\n"
    "                      more than N files (default 5000)\n"
    "  -q, --quiet         print errors and warnings only\n"
    "  -v, --verbose       say more\n"
    "  --help, --version\n"
    "\n"
    "exit status: 0 ok, 64 usage, 65 bad data, 66 input missing,\n"
    "70 internal error, 73 cannot create output, 75 locked,\n"
    "130/143 stopped by SIGINT/SIGTERM\n";

/* ---- values ------------------------------------------------------------- */

/* Each parse_ function reads one option's value into c: 0, or the exit
   status of the usage error it printed. */

static int parse_year_arg(const char *opt, const char *s, int *out)
{
    char *end;
    long y = strtol(s, &end, 10);

    if (*s == '\0' || *end != '\0' || y < 1 || y > 99999)
        return cli_diag_fail(SB_EUSAGE, "%s: not a year: \"%s\"", opt, s);
    *out = (int)y;
    return 0;
}

/* --jobs N: 1 to 256 worker processes. */
static int parse_jobs(cli *c, const char *arg)
{
    char *end;
    long v = strtol(arg, &end, 10);

    if (*arg == '\0' || *end != '\0' || v < 1 || v > 256)
        return cli_diag_fail(SB_EUSAGE, "--jobs: \"%s\" is not a number of "
                             "jobs from 1 to 256", arg);
    c->jobs = (int)v;
    return 0;
}

/* --shard K/N: part K (from 0) of N. */
static int parse_shard(cli *c, const char *arg)
{
    int k, n, used = 0;

    if (sscanf(arg, "%d/%d%n", &k, &n, &used) != 2 || arg[used] != '\0' ||
        n < 1 || n > 100000 || k < 0 || k >= n)
        return cli_diag_fail(SB_EUSAGE, "--shard: \"%s\" is not K/N with "
                             "0 <= K < N (K counts from 0, as Slurm array "
                             "indices and JOB_COMPLETION_INDEX do)", arg);
    c->shard_k = k;
    c->shard_n = n;
    return 0;
}

/* --max-outputs N: files a run may make, 1 to a billion (digits only). */
static int parse_max_outputs(cli *c, const char *arg)
{
    guint64 v;

    if (g_ascii_isdigit(*arg) &&
        g_ascii_string_to_unsigned(arg, 10, 1, 1000000000, &v, NULL)) {
        c->max_outputs = (long)v;
        return 0;
    }
    return cli_diag_fail(SB_EUSAGE, "--max-outputs: \"%s\" is not a number "
                         "of files from 1 to 1000000000", arg);
}

/* --wait SECONDS: a whole or decimal number, at most a day. */
static int parse_wait(cli *c, const char *arg)
{
    char *end;
    double v = g_ascii_strtod(arg, &end);

    if (*arg == '\0' || *end != '\0' || !(v >= 0 && v <= 86400))
        return cli_diag_fail(SB_EUSAGE, "--wait: \"%s\" is not a number of "
                             "seconds (0 to 86400)", arg);
    c->wait_s = v;
    return 0;
}

/* --columns region=Country,year=Time */
static int parse_columns(cli *c, const char *arg)
{
    gchar **parts = g_strsplit(arg, ",", -1);
    int rc = 0;
    size_t i;

    for (i = 0; parts[i] != NULL && rc == 0; i++) {
        char *eq = strchr(parts[i], '=');
        input_col_role role;
        if (eq == NULL || eq[1] == '\0')
            rc = cli_diag_fail(SB_EUSAGE, "--columns: expected ROLE=HEADER, "
                               "got \"%s\"", parts[i]);
        else if (*eq = '\0', input_col_role_parse(parts[i], &role) != 0)
            rc = cli_diag_fail(SB_EUSAGE, "--columns: unknown role \"%s\" "
                               "(indicator, region, year, value, unit, "
                               "flags, note, source, note_zh, "
                               "source_zh)", parts[i]);
        else {
            char *h = g_strdup(eq + 1);
            g_ptr_array_add(c->column_specs, h);
            c->in.layout.columns[role] = h;
        }
    }
    g_strfreev(parts);
    return rc;
}

/* --indicator-id ID, --region-name NAME: a name as a table's cell holds
   one (trimmed, not empty, no line break: it names a row's key). */
static int parse_dimension(const char *opt, const char *arg,
                           const char **out)
{
    size_t len;
    const char *p = input_trim(arg, strlen(arg), &len);

    if (len == 0 || len != strlen(arg) || strpbrk(p, "\r\n") != NULL)
        return cli_diag_fail(SB_EUSAGE, "%s: \"%s\" is not a name (not "
                             "empty, no spaces around it, one line)", opt,
                             arg);
    *out = arg;
    return 0;
}

static int parse_shape(cli *c, const char *arg)
{
    if (input_shape_parse(arg, &c->in.layout.shape) == 0)
        return 0;
    return cli_diag_fail(SB_EUSAGE, "--shape: unknown shape \"%s\" (long, "
                         "wide-year, wide-indicator, wide-region)", arg);
}

static int parse_encoding(cli *c, const char *arg)
{
    if (input_encoding_parse(arg, &c->in.encoding) == 0)
        return 0;
    return cli_diag_fail(SB_EUSAGE, "--encoding: \"%s\" is not supported "
                         "(utf-8, gb18030, gbk)", arg);
}

/* --log text|json: set up at once, so that what follows logs so. */
static int parse_log(cli *c, const char *arg)
{
    if (strcmp(arg, "json") == 0 || strcmp(arg, "text") == 0) {
        cli_log_setup(arg[0] == 'j' ? CLI_LOG_JSON : CLI_LOG_TEXT,
                      c->quiet, c->verbose);
        c->log_json = arg[0] == 'j';
        return 0;
    }
    return cli_diag_fail(SB_EUSAGE, "--log: \"%s\" is not text or json",
                         arg);
}

/* --format: the chart formats for charts, the brief's files for
   report, else the metrics format. */
static int parse_format(cli *c, const char *arg)
{
    c->format_arg = arg;
    if (c->cmd == CLI_CMD_DIFF)     /* its own formats: cli/cmd_diff.c */
        return 0;
    if (c->cmd == CLI_CMD_CHARTS)
        return plot_formats_parse(arg, &c->plot.formats) == 0 ? 0
               : cli_diag_fail(SB_EUSAGE, "--format: \"%s\" is not a list "
                               "of pdf, png, svg", arg);
    if (c->cmd == CLI_CMD_REPORT)
        return report_formats_parse(arg, &c->report.formats) == 0 ? 0
               : cli_diag_fail(SB_EUSAGE, "--format: \"%s\" is not %s", arg,
                               report_formats_names());
    if (metrics_format_parse(arg, &c->format) == 0)
        return 0;
    return cli_diag_fail(SB_EUSAGE, "--format: \"%s\" is not table, csv or "
                         "json", arg);
}

static int parse_paper(cli *c, const char *arg)
{
    if (strcmp(arg, "a4") == 0 || strcmp(arg, "letter") == 0) {
        c->report.paper = strcmp(arg, "a4") == 0 ? REPORT_A4
                                                 : REPORT_LETTER;
        c->paper_given = 1;
        return 0;
    }
    return cli_diag_fail(SB_EUSAGE, "--paper: \"%s\" is not a4 or letter",
                         arg);
}

static int parse_type(cli *c, const char *arg)
{
    const char *const *names = plot_type_names();
    GString *list;
    size_t i;
    int status;

    if (plot_type_parse(arg, &c->plot.type) == 0)
        return 0;
    list = g_string_new(NULL);           /* "line, bar, ... or small" */
    for (i = 0; names[i] != NULL; i++)
        g_string_append_printf(list, "%s%s",
                               i == 0 ? "" : names[i + 1] ? ", " : " or ",
                               names[i]);
    status = cli_diag_fail(SB_EUSAGE, "--type: \"%s\" is not %s", arg,
                           list->str);
    g_string_free(list, TRUE);
    return status;
}

/* --size WxH in mm. */
static int parse_size(cli *c, const char *arg)
{
    double w = 0, h = 0;
    char x = 0, end = 0;

    if (sscanf(arg, "%lf%c%lf%c", &w, &x, &h, &end) == 3 &&
        (x == 'x' || x == 'X') && w >= 30 && h >= 20 && w <= 2000 &&
        h <= 2000) {
        c->plot.style.width_mm = w;
        c->plot.style.height_mm = h;
        c->plot.size_given = 1;
        return 0;
    }
    return cli_diag_fail(SB_EUSAGE, "--size: \"%s\" is not WxH in mm (from "
                         "30x20 to 2000x2000)", arg);
}

static int parse_dpi(cli *c, const char *arg)
{
    char *end;
    long d = strtol(arg, &end, 10);

    if (*arg && *end == '\0' && d >= 36 && d <= 2400) {
        c->plot.style.dpi = (double)d;
        c->dpi_given = 1;
        return 0;
    }
    return cli_diag_fail(SB_EUSAGE, "--dpi: \"%s\" is not a whole number "
                         "from 36 to 2400", arg);
}

/* "-" for an output: statbrief writes files there (atomically, in a
   folder it locks), never standard output, and a file named "-" is
   what nobody means. */
static int not_stdout(const char *opt)
{
    return cli_diag_fail(SB_EUSAGE, "%s -: statbrief does not write there "
                         "to standard output; name a file (or, for charts, "
                         "a folder), e.g. ./-", opt);
}

static int parse_lang(cli *c, const char *arg)
{
    if (fmt_lang_parse(arg, &c->lang) == 0)
        return c->lang_given = 1, 0;
    return cli_diag_fail(SB_EUSAGE, "--lang: \"%s\" is not en or zh", arg);
}

/* The value of option id: 0, or the exit status of a usage error. */
static int option_value(cli *c, int id, const char *arg)
{
    switch (id) {
    case OPT_DUMP: c->dump = 1; return 0;
    case OPT_FLAGS: c->flags = 1; return 0;
    case OPT_SCREEN: c->screen = 1; return 0;
    case OPT_BRIEF: c->brief = 1; return 0;
    case OPT_FIGURES: c->figures = 1; return 0;
    case OPT_INDICATOR: g_ptr_array_add(c->indicators, (char *)arg); return 0;
    case OPT_REGION: g_ptr_array_add(c->regions, (char *)arg); return 0;
    case OPT_FROM: return parse_year_arg("--from", arg, &c->from);
    case OPT_TO: return parse_year_arg("--to", arg, &c->to);
    case OPT_YEAR: return parse_year_arg("--year", arg, &c->to);
    case OPT_SHAPE: return parse_shape(c, arg);
    case OPT_COLUMNS: return parse_columns(c, arg);
    case OPT_INDICATOR_ID:
        return parse_dimension("--indicator-id", arg, &c->in.layout.indicator);
    case OPT_REGION_NAME:
        return parse_dimension("--region-name", arg, &c->in.layout.region);
    case OPT_ENCODING: return parse_encoding(c, arg);
    case OPT_DECIMAL_COMMA: c->in.decimal_comma = 1; return 0;
    case OPT_FORCE: c->force = 1; return 0;
    case OPT_NO_REVISIONS: c->report.no_revisions = 1; return 0;
    case OPT_JOBS: return parse_jobs(c, arg);
    case OPT_SHARD: return parse_shard(c, arg);
    case OPT_MAX_OUTPUTS: return parse_max_outputs(c, arg);
    case OPT_WAIT: return parse_wait(c, arg);
    case OPT_EXPECT_YEAR:
        return parse_year_arg("--expect-year", arg, &c->expect_year);
    case OPT_LOG: return parse_log(c, arg);
    case OPT_STRICT: c->strict = 1; return 0;
    case OPT_FORMAT: return parse_format(c, arg);
    case 'o':
        if (strcmp(arg, "-") == 0)
            return not_stdout("-o");
        c->plot.dir = arg;
        c->output = arg;
        return 0;
    case OPT_TITLE: c->report.title = arg; return 0;
    case OPT_SPEC: c->spec_path = arg; return 0;
    case OPT_METRICS_CSV:
        if (strcmp(arg, "-") == 0)
            return not_stdout("--metrics-csv");
        c->report.metrics_csv = arg;
        return 0;
    case OPT_PAPER: return parse_paper(c, arg);
    case OPT_TYPE: return parse_type(c, arg);
    case OPT_SIZE: return parse_size(c, arg);
    case OPT_DPI: return parse_dpi(c, arg);
    case OPT_LANG: return parse_lang(c, arg);
    case OPT_GROUP: c->m.group = arg; return 0;
    case OPT_FOCUS: c->m.focus = arg; return 0;
    case OPT_TOTAL: c->m.total = arg; return 0;
    case OPT_BENCHMARK: c->m.benchmark = arg; return 0;
    case OPT_LABEL: g_ptr_array_add(c->labels, (char *)arg); return 0;
    case OPT_BASE: return parse_year_arg("--base", arg, &c->plot.labels.base);
    case OPT_INTERPOLATE: c->m.interpolate = 1; return 0;
    case 'q': c->quiet = 1; return 0;
    case 'v': c->verbose = 1; return 0;
    }
    return cli_diag_fail(SB_EINTERNAL, "unhandled option");
}

/* ---- the table ---------------------------------------------------------- */

static const char *option_name(int id)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(options); i++)
        if (options[i].opt.val == id)
            return options[i].opt.name;
    return "?";
}

static unsigned option_cmds(int id)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(options); i++)
        if (options[i].opt.val == id)
            return options[i].cmds;
    return 0;
}

/* 1 when an option line of the usage text names an option cmd takes
   ("  --from Y, --to Y ..."): the long names before the description. */
static int line_for(const char *line, unsigned cmd)
{
    const char *p = line;
    size_t i;

    while (*p == ' ')
        p++;
    while (*p == '-') {
        const char *name = p[1] == '-' ? p + 2 : NULL;
        size_t len = strcspn(p, " ,\n");
        if (name == NULL && len == 2) {              /* "-q": its long form */
            const char *dash = strstr(p, "--");
            name = dash ? dash + 2 : NULL;
            len = dash ? strcspn(dash, " ,\n") : 0;
        }
        for (i = 0; name != NULL && i < G_N_ELEMENTS(options); i++)
            if (strlen(options[i].opt.name) == len - 2 &&
                strncmp(options[i].opt.name, name, len - 2) == 0 &&
                (options[i].cmds & cmd))
                return 1;
        p += len;
        p += strspn(p, " ,");
        if (*p != '-')
            break;
        if (p[1] != '-' && p[2] != ' ' && p[2] != ',')
            break;
    }
    return 0;
}

/* statbrief COMMAND --help: the usage line of the command and the
   options it takes, as `statbrief --help` words them. */
static void command_help(unsigned cmd, const char *name)
{
    gchar **lines = g_strsplit(usage_text, "\n", -1);
    size_t i;
    int in_options = 0, keep = 0;

    printf("usage: statbrief %s [OPTIONS] %s\n\noptions:\n", name,
           cmd == CLI_CMD_DIFF ? "OLD NEW" : "FILE...");
    for (i = 0; lines[i] != NULL; i++) {
        const char *l = lines[i];
        if (strcmp(l, "options:") == 0) {
            in_options = 1;
            continue;
        }
        if (!in_options)
            continue;
        if (l[0] == '\0')
            break;
        if (strncmp(l, "  -", 3) == 0)
            keep = line_for(l, cmd);
        if (keep)
            printf("%s\n", l);
    }
    g_strfreev(lines);
}

/* ---- the interface ------------------------------------------------------ */

void cli_options_init(cli *c, unsigned cmd)
{
    memset(c, 0, sizeof *c);
    c->cmd = cmd;
    c->indicators = g_ptr_array_new();
    c->regions = g_ptr_array_new();
    c->labels = g_ptr_array_new();
    c->column_specs = g_ptr_array_new_with_free_func(g_free);
    c->plot.dir = "charts";
    c->plot.formats = PLOT_PDF;
    c->plot.type = -1;
    c->plot.style.width_mm = 160;
    c->plot.style.height_mm = 100;
    c->plot.style.dpi = 150;
    c->wait_s = -1;
    c->jobs = 1;
    c->max_outputs = 5000;
}

int cli_options_parse(cli *c, int argc, char **argv)
{
    struct option longopts[G_N_ELEMENTS(options) + 1];
    size_t i;
    int id, rc;

    for (i = 0; i < G_N_ELEMENTS(options); i++)
        longopts[i] = options[i].opt;
    memset(&longopts[i], 0, sizeof longopts[i]);
    opterr = 0;
    optind = 1;
    while ((id = getopt_long(argc, argv, ":qvo:", longopts, NULL)) != -1) {
        if (id == '?' && optopt != 0) {
            char opt[3] = {'-', (char)optopt, '\0'};
            return cli_diag_fail(SB_EUSAGE, "unknown option \"%s\"", opt);
        }
        if (id == '?')
            return cli_diag_fail(SB_EUSAGE, "unknown option \"%s\"",
                                 argv[optind - 1]);
        if (id == ':')
            return cli_diag_fail(SB_EUSAGE, "option \"%s\" needs a value",
                                 argv[optind - 1]);
        if (id == OPT_HELP) {
            command_help(c->cmd, argv[0]);
            return 0;
        }
        if (id == OPT_VERSION) {
            cli_options_version();
            return 0;
        }
        if (!(option_cmds(id) & c->cmd))
            return cli_diag_fail(SB_EUSAGE, "option --%s is not used by this "
                                 "command", option_name(id));
        if ((rc = option_value(c, id, optarg)) != 0)
            return rc;
    }
    c->files = argv + optind;
    c->n_files = argc - optind;
    c->plot.labels.names = (const char *const *)c->labels->pdata;
    c->plot.labels.n = c->labels->len;
    /* a base year means nothing to the other types: refused, not
       ignored */
    if (c->plot.labels.base != 0 && c->plot.type != PLOT_INDEX)
        return cli_diag_fail(SB_EUSAGE, "--base is only for --type index");
    c->report.labels = c->plot.labels;     /* the brief's charts too */
    return -1;
}

void cli_options_clear(cli *c)
{
    g_ptr_array_free(c->indicators, TRUE);
    g_ptr_array_free(c->regions, TRUE);
    g_ptr_array_free(c->labels, TRUE);
    g_ptr_array_free(c->column_specs, TRUE);
    g_free((void *)c->m.regions);
    spec_destroy(c->spec);
}

void cli_options_usage(void)
{
    fputs(usage_text, stdout);
}

void cli_options_version(void)
{
    puts("statbrief " SB_VERSION);
}
