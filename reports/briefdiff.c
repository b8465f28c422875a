/*
 * reports/briefdiff.c -- two briefs' sentences compared (briefdiff.h):
 * each document cut into sentences grouped by place, the groups aligned
 * (longest common subsequence, then the rest in order), and the writers
 * of the four formats, one row of formats[] each.
 */
#include "briefdiff.h"

#include <string.h>

#include <glib.h>

#include "core/textio.h"
#include "metrics/output.h"

/* The sentences of one place of a brief, in order. */
typedef struct {
    char *key;                   /* part, sub-part, link: what matches */
    char *section;               /* what the output shows of the place */
    GPtrArray *text;             /* char *, owned */
} group;

/* One brief's groups in reading order, and by key. */
typedef struct {
    GPtrArray *groups;           /* group *, owned */
    GHashTable *by_key;          /* key -> group *, borrowed */
} sentences;

static void group_free(gpointer p)
{
    group *g = p;

    g_free(g->key);
    g_free(g->section);
    g_ptr_array_free(g->text, TRUE);
    g_free(g);
}

static group *group_of(sentences *s, const char *key, const char *section)
{
    group *g = g_hash_table_lookup(s->by_key, key);

    if (g == NULL) {
        g = g_new0(group, 1);
        g->key = g_strdup(key);
        g->section = g_strdup(section);
        g->text = g_ptr_array_new_with_free_func(g_free);
        g_ptr_array_add(s->groups, g);
        g_hash_table_insert(s->by_key, g->key, g);
    }
    return g;
}

/* Whether the word before p is an abbreviation in a name: two or three
   letters, a capital first ("Micronesia, Fed. Sts.", "Congo, Dem.
   Rep."). */
static int abbreviation(const char *start, const char *p)
{
    const char *w = p;

    while (w > start && g_ascii_isalpha(w[-1]))
        w--;
    return p - w >= 2 && p - w <= 3 && g_ascii_isupper(*w) &&
           g_ascii_islower(w[1]) && (w == start || w[-1] == ' ');
}

/* Bytes of the sentence end at p: ".", "!", "?" (1) followed by a space
   and no lower-case letter (so "e.g. the" and "3.5" stay whole), not
   after an abbreviation, or the full stops of Chinese text, "。！？"
   (3); 0: none. start: where the paragraph starts. */
static size_t sentence_end(const char *start, const char *p)
{
    static const char *const zh[] = {"\xe3\x80\x82", "\xef\xbc\x81",
                                     "\xef\xbc\x9f"};
    const char *q;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(zh); i++)
        if (strncmp(p, zh[i], 3) == 0)
            return 3;
    if (*p != '.' && *p != '!' && *p != '?')
        return 0;
    if (p[1] != ' ' || (*p == '.' && abbreviation(start, p)))
        return 0;
    for (q = p + 1; *q == ' '; q++)
        ;
    return *q != '\0' && !g_ascii_islower(*q) ? 1 : 0;
}

/* p with each run of white space (the line breaks of a spec's YAML
   block, which a backend fills as spaces) one space (g_free). */
static char *one_line(const char *p)
{
    GString *g = g_string_new(NULL);

    for (; *p != '\0'; p++)
        if (!g_ascii_isspace(*p))
            g_string_append_c(g, *p);
        else if (g->len > 0 && g->str[g->len - 1] != ' ')
            g_string_append_c(g, ' ');
    return g_string_free(g, FALSE);
}

/* The sentences of paragraph text added to g, each on one line and
   without the spaces around it. */
static void split(group *g, const char *text)
{
    char *para = one_line(text);
    const char *start = para, *p = para;
    size_t n;

    for (; *p != '\0'; p++)
        if ((n = sentence_end(para, p)) > 0) {
            char *t = g_strstrip(g_strndup(start, (size_t)(p - start) + n));
            g_ptr_array_add(g->text, t);
            start = p + n;
            p += n - 1;
        }
    start = g_strstrip(g_strdup(start));
    if (*start != '\0')
        g_ptr_array_add(g->text, (char *)start);
    else
        g_free((char *)start);
    g_free(para);
}

/* Where a reader is in a brief: its part and sub-part. */
typedef struct {
    char *part_key, *part, *sub;
} place;

static char *key_of(const place *at, const char *link)
{
    return g_strdup_printf("%s\x1f%s\x1f%s", at->part_key, at->sub,
                           link != NULL ? link : "");
}

static char *section_of(const place *at)
{
    return at->sub[0] != '\0' ? g_strdup_printf("%s / %s", at->part, at->sub)
                              : g_strdup(at->part);
}

/* A heading moves the reader; a level-1 heading is a sentence of its
   own part (it may carry the year). */
static void heading(place *at, const report_block *b)
{
    if (b->level > 1) {
        g_free(at->sub);
        at->sub = g_strdup(b->text);
        return;
    }
    g_free(at->part_key);
    g_free(at->part);
    g_free(at->sub);
    at->part_key = g_strdup(b->anchor != NULL ? b->anchor : b->text);
    at->part = g_strdup(b->text);
    at->sub = g_strdup("");
}

static void collect(sentences *s, const report_doc *d)
{
    int zh = report_doc_lang(d) == FMT_ZH;
    place at = {g_strdup(""), g_strdup(zh ? "标题" : "Title"), g_strdup("")};
    size_t i;

    s->groups = g_ptr_array_new_with_free_func(group_free);
    s->by_key = g_hash_table_new(g_str_hash, g_str_equal);
    for (i = 0; i < report_doc_n_blocks(d); i++) {
        const report_block *b = report_doc_block(d, i);
        /* a part's heading apart: its sentences count from 1 after it */
        const char *link = b->kind == REPORT_BLOCK_PARA    ? b->link
                           : b->kind == REPORT_BLOCK_HEADING ? "#heading"
                                                             : NULL;
        char *key, *section;

        if (b->kind == REPORT_BLOCK_HEADING)
            heading(&at, b);
        if (b->kind == REPORT_BLOCK_TABLE || b->kind == REPORT_BLOCK_CHART ||
            (b->kind == REPORT_BLOCK_HEADING && b->level > 1))
            continue;
        key = key_of(&at, link);
        section = section_of(&at);
        split(group_of(s, key, section), b->text);
        g_free(key);
        g_free(section);
    }
    g_free(at.part_key);
    g_free(at.part);
    g_free(at.sub);
}

static void sentences_clear(sentences *s)
{
    g_hash_table_destroy(s->by_key);
    g_ptr_array_free(s->groups, TRUE);
}

/* ---- aligning ----------------------------------------------------------- */

/* The table of the longest common subsequence has (m + 1)(n + 1) cells:
   past this many (4000 sentences against 4000), a part is paired in
   order instead. */
#define LCS_MAX_CELLS ((size_t)16 << 20)

/* Two sentences the same, or the same but for their numbers. */
typedef int (*same_fn)(const char *a, const char *b);

static int same_text(const char *a, const char *b)
{
    return strcmp(a, b) == 0;
}

/* s with each number (digits, and the "." or "," between two, and an
   ordinal's "st", "nd", "rd", "th") as "#" (g_free): what a revision
   leaves of a sentence ("97th" and "92nd" alike). */
static char *masked(const char *s)
{
    static const char *const ordinal[] = {"st", "nd", "rd", "th"};
    GString *g = g_string_new(NULL);
    size_t i;

    while (*s != '\0')
        if (g_ascii_isdigit(*s)) {
            while (g_ascii_isdigit(*s) ||
                   ((*s == '.' || *s == ',') && g_ascii_isdigit(s[1])))
                s++;
            for (i = 0; i < G_N_ELEMENTS(ordinal); i++)
                if (strncmp(s, ordinal[i], 2) == 0 && !g_ascii_isalpha(s[2]))
                    s += 2;
            g_string_append_c(g, '#');
        } else {
            g_string_append_c(g, *s++);
        }
    return g_string_free(g, FALSE);
}

static int same_but_numbers(const char *a, const char *b)
{
    char *x = masked(a), *y = masked(b);
    int same = strcmp(x, y) == 0;

    g_free(x);
    g_free(y);
    return same;
}

/* The sentences of one part being aligned: old o[0, m), new n[0, k). */
typedef struct {
    GArray *out;
    const group *go, *gn;
} aligning;

static void add(aligning *a, briefdiff_kind k, size_t i, size_t j)
{
    const group *g = k == BRIEFDIFF_REMOVED ? a->go : a->gn;
    briefdiff_change c = {k, g_strdup(g->section),
                          (k == BRIEFDIFF_REMOVED ? i : j) + 1,
                          k == BRIEFDIFF_ADDED ? NULL
                              : g_strdup(a->go->text->pdata[i]),
                          k == BRIEFDIFF_REMOVED ? NULL
                              : g_strdup(a->gn->text->pdata[j])};

    g_array_append_val(a->out, c);
}

/* Between two matches: old [i0, i1) and new [j0, j1) paired in order,
   the rest added or removed. */
static void in_order(aligning *a, size_t i0, size_t i1, size_t j0, size_t j1)
{
    for (; i0 < i1 && j0 < j1; i0++, j0++)
        add(a, BRIEFDIFF_CHANGED, i0, j0);
    for (; j0 < j1; j0++)
        add(a, BRIEFDIFF_ADDED, 0, j0);
    for (; i0 < i1; i0++)
        add(a, BRIEFDIFF_REMOVED, i0, 0);
}

static void between(aligning *a, same_fn same, size_t i0, size_t i1,
                    size_t j0, size_t j1);

/* The longest common subsequence of old [i0, i1) and new [j0, j1) under
   `same` (lengths of the suffixes, then walked from the front); what
   lies between its matches goes to `between`. A match of equal text is
   no change; one of equal text but its numbers is a changed sentence. */
static void lcs(aligning *a, same_fn same, size_t i0, size_t i1, size_t j0,
                size_t j1)
{
    char **o = (char **)a->go->text->pdata, **n = (char **)a->gn->text->pdata;
    size_t m = i1 - i0, k = j1 - j0, w = k + 1, i, j, pi = i0, pj = j0;
    size_t *L;

    if ((m + 1) * w > LCS_MAX_CELLS) {   /* no brief's part is that long */
        in_order(a, i0, i1, j0, j1);
        return;
    }
    L = g_new0(size_t, (m + 1) * w);

    for (i = m; i-- > 0;)
        for (j = k; j-- > 0;)
            L[i * w + j] = same(o[i0 + i], n[j0 + j])
                               ? L[(i + 1) * w + j + 1] + 1
                               : MAX(L[(i + 1) * w + j], L[i * w + j + 1]);
    for (i = 0, j = 0; i < m && j < k;)
        if (same(o[i0 + i], n[j0 + j])) {
            between(a, same, pi, i0 + i, pj, j0 + j);
            if (!same_text(o[i0 + i], n[j0 + j]))
                add(a, BRIEFDIFF_CHANGED, i0 + i, j0 + j);
            pi = i0 + ++i;
            pj = j0 + ++j;
        } else if (L[(i + 1) * w + j] >= L[i * w + j + 1]) {
            i++;
        } else {
            j++;
        }
    between(a, same, pi, i1, pj, j1);
    g_free(L);
}

/* What equal texts leave unmatched is matched again with the numbers
   masked (a revised figure); what that leaves is paired in order. */
static void between(aligning *a, same_fn same, size_t i0, size_t i1,
                    size_t j0, size_t j1)
{
    if (i0 == i1 || j0 == j1 || same != same_text)
        in_order(a, i0, i1, j0, j1);
    else
        lcs(a, same_but_numbers, i0, i1, j0, j1);
}

briefdiff *briefdiff_compare(const report_doc *old, const report_doc *new)
{
    briefdiff *d = g_new0(briefdiff, 1);
    GArray *out = g_array_new(FALSE, FALSE, sizeof(briefdiff_change));
    sentences so, sn;
    size_t i;

    collect(&so, old);
    collect(&sn, new);
    for (i = 0; i < sn.groups->len; i++) {
        const group *gn = sn.groups->pdata[i];
        const group *go = g_hash_table_lookup(so.by_key, gn->key);
        GPtrArray *empty = g_ptr_array_new();
        group nothing = {gn->key, gn->section, empty};
        aligning a = {out, go != NULL ? go : &nothing, gn};

        lcs(&a, same_text, 0, a.go->text->len, 0, gn->text->len);
        g_ptr_array_free(empty, TRUE);
    }
    for (i = 0; i < so.groups->len; i++) {
        const group *go = so.groups->pdata[i];
        aligning a = {out, go, go};

        if (g_hash_table_lookup(sn.by_key, go->key) == NULL)
            in_order(&a, 0, go->text->len, 0, 0);
    }
    sentences_clear(&so);
    sentences_clear(&sn);
    d->n = out->len;
    d->changes = (briefdiff_change *)(void *)g_array_free(out, FALSE);
    for (i = 0; i < d->n; i++)
        d->count[d->changes[i].kind]++;
    return d;
}

void briefdiff_destroy(briefdiff *d)
{
    size_t i;

    if (d == NULL)
        return;
    for (i = 0; i < d->n; i++) {
        g_free(d->changes[i].section);
        g_free(d->changes[i].old);
        g_free(d->changes[i].new);
    }
    g_free(d->changes);
    g_free(d);
}

static const char *const kind_names[BRIEFDIFF_N] = {
    "changed", "added", "removed",
};

const char *briefdiff_kind_name(briefdiff_kind k)
{
    return k < BRIEFDIFF_N ? kind_names[k] : "";
}

/* ---- writing ------------------------------------------------------------ */

/* "1 changed, 0 added, 0 removed" */
static void counts(FILE *out, const briefdiff *d)
{
    fprintf(out, "%zu changed, %zu added, %zu removed",
            d->count[BRIEFDIFF_CHANGED], d->count[BRIEFDIFF_ADDED],
            d->count[BRIEFDIFF_REMOVED]);
}

/* Whether change i starts another section than the one before it. */
static int new_section(const briefdiff *d, size_t i)
{
    return i == 0 ||
           strcmp(d->changes[i].section, d->changes[i - 1].section) != 0;
}

/* How the table and the Markdown lay out the same lines. */
typedef struct {
    const char *end;             /* after the sentences' counts */
    const char *section;         /* before a section's name, on its line */
    const char *pair;            /* before each change */
    const char *old, *new;       /* before each sentence */
} lines_style;

/* The sentences' counts, then under each section the old and new
   sentences. */
static void write_lines(FILE *out, const briefdiff *d, const lines_style *st)
{
    size_t i;

    counts(out, d);
    fputs(st->end, out);
    for (i = 0; i < d->n; i++) {
        const briefdiff_change *c = &d->changes[i];
        if (new_section(d, i))
            fprintf(out, "%s%s\n", st->section, c->section);
        fputs(st->pair, out);
        if (c->old != NULL)
            fprintf(out, "%s%s\n", st->old, c->old);
        if (c->new != NULL)
            fprintf(out, "%s%s\n", st->new, c->new);
    }
}

/* The section on a line of its own, then "- old" and "+ new" lines, as
   diff -u marks them. */
static void write_table(FILE *out, const briefdiff *d, size_t values)
{
    static const lines_style st = {"\n", "\n", "", "  - ", "  + "};

    fprintf(out, "values: %zu change%s (statbrief diff without --brief "
            "lists them)\nsentences: ", values, values == 1 ? "" : "s");
    write_lines(out, d, &st);
}

static void write_csv(FILE *out, const briefdiff *d, size_t values)
{
    size_t i;

    (void)values;
    fputs("section,position,change,old,new\n", out);
    for (i = 0; i < d->n; i++) {
        const briefdiff_change *c = &d->changes[i];
        sb_csv_put_text(out, c->section);
        fprintf(out, ",%zu,%s,", c->position, kind_names[c->kind]);
        sb_csv_put_text(out, c->old != NULL ? c->old : "");
        fputc(',', out);
        sb_csv_put_text(out, c->new != NULL ? c->new : "");
        fputc('\n', out);
    }
}

static void json_text(FILE *out, const char *s)
{
    if (s == NULL)
        fputs("null", out);
    else
        metrics_json_string(out, s);
}

static void write_json(FILE *out, const briefdiff *d, size_t values)
{
    size_t i;

    fprintf(out, "{\"values_changed\":%zu,\"changed\":%zu,\"added\":%zu,"
            "\"removed\":%zu,\n\"sentences\":[", values,
            d->count[BRIEFDIFF_CHANGED], d->count[BRIEFDIFF_ADDED],
            d->count[BRIEFDIFF_REMOVED]);
    for (i = 0; i < d->n; i++) {
        const briefdiff_change *c = &d->changes[i];
        fputs(i > 0 ? ",\n{\"section\":" : "\n{\"section\":", out);
        metrics_json_string(out, c->section);
        fprintf(out, ",\"position\":%zu,\"change\":\"%s\",\"old\":",
                c->position, kind_names[c->kind]);
        json_text(out, c->old);
        fputs(",\"new\":", out);
        json_text(out, c->new);
        fputc('}', out);
    }
    fputs("]}\n", out);
}

/* For a mail body: a heading per section, each change a short list. */
static void write_md(FILE *out, const briefdiff *d, size_t values)
{
    static const lines_style st = {".\n", "\n## ", "\n", "- Old: ",
                                   "- New: "};

    fprintf(out, "# Sentences of the brief that change\n\n%zu value%s "
            "changed; sentences: ", values, values == 1 ? "" : "s");
    write_lines(out, d, &st);
}

static const struct {
    rev_format f;
    void (*write)(FILE *out, const briefdiff *d, size_t values);
} formats[] = {
    {REV_FMT_TABLE, write_table},
    {REV_FMT_CSV, write_csv},
    {REV_FMT_JSON, write_json},
    {REV_FMT_MD, write_md},
};

int briefdiff_write(FILE *out, const briefdiff *d, size_t values_changed,
                    rev_format f)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(formats); i++)
        if (formats[i].f == f) {
            if (d->n > 0 || values_changed > 0 || f == REV_FMT_CSV)
                formats[i].write(out, d, values_changed);
            return ferror(out) ? -1 : 0;
        }
    return -1;
}
