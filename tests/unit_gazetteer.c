/*
 * tests/unit_gazetteer.c -- the gazetteer (input/gazetteer.h): every
 * region name and code of real portal downloads against the place the
 * portal itself gives it (tests/gazetteer.test, written by
 * tests/portals/gazetteer_test.py), and what happens when iso-codes'
 * JSON is missing, broken or not ISO 3166-1.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "input/gazetteer.h"
#include "unit.h"

static const input_gazetteer *gaz;

/* find|download|TEXT|PLACE, find|table|TEXT|PLACE, aggregate|TEXT|0|1 */
static void gazetteer_case(const char *where, char *line)
{
    gchar **f = g_strsplit(line, "|", 4);
    input_gaz_match m;
    int n = (int)g_strv_length(f), rc;

    if (n == 3 && strcmp(f[0], "aggregate") == 0) {
        check(input_gazetteer_is_aggregate(f[1]) == (f[2][0] == '1'), where,
              "\"%s\" is%s an aggregate", f[1], f[2][0] == '1' ? " not" : "");
    } else if (n == 4 && strcmp(f[0], "find") == 0) {
        rc = input_gazetteer_find(gaz, f[2], strcmp(f[1], "download") == 0,
                                  &m);
        if (strcmp(f[3], "-") == 0)
            check(rc == 0, where, "\"%s\": expected no place, got %s (%s)",
                  f[2], rc > 0 ? m.place : "?", rc > 0 ? m.how : "error");
        else
            check(rc == 1 && strcmp(m.place, f[3]) == 0, where,
                  "\"%s\": expected %s, got %s", f[2], f[3],
                  rc == 1 ? m.place : rc == 0 ? "nothing" : "error");
    } else {
        check(0, where, "malformed test line");
    }
    g_strfreev(f);
}

/* How a name was matched: what check prints. */
static void how_tests(void)
{
    static const struct {
        const char *text;
        int download;
        const char *place, *how;
    } t[] = {
        {"KOR", 0, "KOR", "ISO 3166-1 alpha-3"},
        {"410", 0, "KOR", "ISO 3166-1 numeric"},
        {"KR", 1, "KOR", "ISO 3166-1 alpha-2"},
        {"south  KOREA", 0, "KOR", "ISO 3166-1 common name"},
        {"Korea, Rep.", 0, "KOR", "World Bank spelling"},
        {"Korea", 0, "KOR", "OECD spelling"},
        {"EL", 1, "GRC", "Eurostat code"},
        {"OWID_KOS", 0, "XKX", "OWID code"},
        {"China (People\xe2\x80\x99s Republic of)", 0, "CHN",
         "OECD spelling"},
        {"TURKIYE", 0, "TUR", "ISO 3166-1 name"},
        {"Cote d\xe2\x80\x99Ivoire", 0, "CIV", "ISO 3166-1 name"},
        {"500000", 0, "CN-CQ", "GB/T 2260 code"},
        {"CN-CQ", 0, "CN-CQ", "ISO 3166-2 code"},
        {"重庆市", 0, "CN-CQ", "Chinese full name"},
        {"重庆", 0, "CN-CQ", "Chinese short name"},
        {"Chongqing Municipality", 0, "CN-CQ", "English name"},
        {"chongqing shi", 0, "CN-CQ", "ISO 3166-2 name"},
        {"香港特别行政区", 0, "HKG", "Chinese full name"},
        {"Hong Kong SAR, China", 0, "HKG", "World Bank spelling"},
        {"中国", 0, "CHN", "Chinese name"},
    };
    input_gaz_match m;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(t); i++) {
        int rc = input_gazetteer_find(gaz, t[i].text, t[i].download, &m);
        check(rc == 1 && strcmp(m.place, t[i].place) == 0 &&
                  strcmp(m.how, t[i].how) == 0,
              "gazetteer how", "\"%s\": expected %s (%s), got %s (%s)",
              t[i].text, t[i].place, t[i].how, rc == 1 ? m.place : "-",
              rc == 1 ? m.how : "-");
    }
}

/* A gazetteer of the JSON text (NULL: no file at all) and its note:
   its text starts with want, at line and column. */
static void note_case(const char *text, const char *want, long line,
                      long column)
{
    char path[] = "/tmp/sb-gaz-XXXXXX";
    int fd = g_mkstemp(path);
    input_gazetteer *g = NULL;
    input_gaz_match m;
    sb_error err = {0};
    const input_gaz_note *note;

    if (fd < 0) {
        check(0, "gazetteer note", "cannot create %s", path);
        return;
    }
    if (text != NULL && write(fd, text, strlen(text)) < 0)
        check(0, "gazetteer note", "cannot write %s", path);
    close(fd);
    if (text == NULL)
        unlink(path);
    if (input_gazetteer_load(path, &g, &err) != SB_OK) {
        check(0, "gazetteer note", "load: %s", err.msg);
        return;
    }
    note = input_gazetteer_note(g);
    check(note != NULL && g_str_has_prefix(note->text, want) &&
              note->line == line && note->column == column &&
              strcmp(note->path, path) == 0,
          "gazetteer note", "expected %ld:%ld \"%s...\", got %ld:%ld \"%s\"",
          line, column, want, note ? note->line : 0,
          note ? note->column : 0, note ? note->text : "(none)");
    /* the built-in tables still work; ISO 3166-1 alone does not */
    check(input_gazetteer_find(g, "Korea, Rep.", 0, &m) == 1 &&
              input_gazetteer_find(g, "Japan", 0, &m) == 0,
          "gazetteer note", "the tables without iso-codes");
    input_gazetteer_free(g);
    unlink(path);
}

void gazetteer_tests(const char *dir)
{
    sb_error err = {0};
    const input_gaz_note *note = NULL;

    if (input_gazetteer_get(&gaz, &note, &err) != SB_OK || note != NULL) {
        check(0, "gazetteer", "%s", note ? note->text : err.msg);
        return;
    }
    run_file(dir, "gazetteer.test", gazetteer_case);
    how_tests();
    note_case(NULL, "iso-codes' ISO 3166-1 list is not there; ", 0, 0);
    note_case("{\"3166-1\": [\n  {\"alpha_2\": \"KR\",\n",
              "iso-codes' ISO 3166-1 list is not JSON (", 2, 19);
    note_case("{\"3166-2\": []}",
              "iso-codes' ISO 3166-1 list is not in it (no \"3166-1\"", 0, 0);
    note_case("{\"3166-1\": [{\"alpha_2\": \"K\"}]}",
              "iso-codes' ISO 3166-1 list has no country in it", 0, 0);
    input_gazetteer_free(NULL);
}
