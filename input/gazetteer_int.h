/*
 * input/gazetteer_int.h -- internal to the gazetteer (gazetteer.c): the
 * types of its built-in tables, which input/gazetteer_tables.c holds.
 * Not for other modules: they ask input/gazetteer.h.
 */
#ifndef INPUT_GAZETTEER_INT_H
#define INPUT_GAZETTEER_INT_H

#include <stddef.h>

/* Who writes a spelling: what `check` says of a name it matched. */
typedef enum {
    GAZ_WORLD_BANK,      /* WDI's Country Name ("Korea, Rep.") */
    GAZ_OECD,            /* OECD's Reference area ("Korea") */
    GAZ_EUROSTAT,        /* Eurostat's geo codes ("EL") and labels */
    GAZ_OWID,            /* Our World in Data's Entity ("Turkey") */
    GAZ_UN,              /* the UN's country names ("Republic of Korea") */
    GAZ_FORMER,          /* a name the country used until recently */
    GAZ_ZH,              /* the country's name in Chinese (中国) */
    GAZ_N_SOURCES
} gaz_source;

/* A spelling of a place that ISO 3166-1 does not give. code: matched
   exactly (case and all), else as a name. */
typedef struct {
    const char *text;
    const char *place;   /* ISO 3166-1 alpha-3, or XKX (Kosovo) */
    unsigned char source;
    unsigned char code;
} gaz_spelling;

extern const gaz_spelling gaz_spellings[];
extern const size_t gaz_n_spellings;
/* What `check` says of a name (gaz_how_name) or a code (gaz_how_code)
   of each source: "OECD spelling", "Eurostat code". */
extern const char *const gaz_how_name[GAZ_N_SOURCES];
extern const char *const gaz_how_code[GAZ_N_SOURCES];

/* One of China's 34 province-level divisions. place: the ISO 3166-2
   code ("CN-CQ"), or the ISO 3166-1 alpha-3 code for Taiwan, Hong Kong
   and Macao, which are countries in ISO 3166-1. */
typedef struct {
    const char *gb;      /* GB/T 2260 code: "500000" */
    const char *iso;     /* ISO 3166-2 code: "CN-CQ" */
    const char *place;
    const char *zh;      /* full name: 重庆市 */
    const char *zh_short;   /* 重庆 */
    const char *en;      /* English (pinyin) name: Chongqing */
    const char *kind;    /* "Municipality", "Province", ... */
    const char *pinyin;  /* ISO 3166-2 name: "Chongqing Shi" */
    const char *more;    /* other names, ';'-separated, or NULL */
} gaz_division;

#define GAZ_N_DIVISIONS 34
extern const gaz_division gaz_divisions[GAZ_N_DIVISIONS];

/* Aggregate codes of the portals (World Bank, Eurostat, OECD), sorted
   for bsearch; OWID's own codes that are countries or former countries
   (every other OWID_ code is an aggregate); aggregate names. */
extern const char *const gaz_aggregate_codes[];
extern const size_t gaz_n_aggregate_codes;
extern const char *const gaz_owid_countries[];
extern const char *const gaz_aggregate_names[];
extern const char *const gaz_aggregate_prefixes[];

#endif
