/*
 * input/gazetteer.h -- one name per country across portals.
 *
 * A place is a key for one country or territory (its ISO 3166-1 alpha-3
 * code, "XKX" for Kosovo) or one of China's 34 province-level divisions
 * (its ISO 3166-2 code, "CN-CQ"; Taiwan, Hong Kong and Macao are their
 * alpha-3 codes). The gazetteer says which place a region name or code
 * is, from:
 *   - ISO 3166-1 as Debian's iso-codes package ships it
 *     (/usr/share/iso-codes/json/iso_3166-1.json, read at run time with
 *     json-glib): names, official and common names, alpha-2, alpha-3 and
 *     numeric codes;
 *   - its own tables (gazetteer_tables.c): the spellings portals use
 *     ("Korea, Rep.", "Korea", Eurostat's EL and UK, "Turkey"), and
 *     China's divisions (重庆市, 重庆, Chongqing, 500000, CN-CQ).
 * It also knows the portals' aggregate codes (WLD, EU27_2020, OWID_WRL).
 *
 * Codes match exactly; names whatever their case, accents, apostrophe
 * (' or ’) and runs of spaces. A name or code that two places share is
 * no one's. Former countries (USSR, Czechoslovakia) are not places: no
 * successor takes their name.
 *
 * The gazetteer of a process is loaded once, on first use, and never
 * changes after; its strings are its own (do not free them).
 */
#ifndef INPUT_GAZETTEER_H
#define INPUT_GAZETTEER_H

#include "core/model.h"
#include "core/status.h"

typedef struct input_gazetteer input_gazetteer;

/* Where iso-codes' JSON is read from: $STATBRIEF_ISO_CODES (a folder)
   if set, else this folder. */
#define INPUT_GAZ_DIR "/usr/share/iso-codes/json"
#define INPUT_GAZ_ENV "STATBRIEF_ISO_CODES"
#define INPUT_GAZ_FILE "iso_3166-1.json"

/* What a name turned out to be. */
typedef struct {
    const char *place;   /* "KOR" */
    const char *how;     /* "ISO 3166-1 alpha-3", "OECD spelling", ... */
} input_gaz_match;

/* Why iso-codes' JSON was not used: its path, where in it (0 when not
   known) and what. */
typedef struct {
    const char *path;
    long line, column;
    const char *text;
} input_gaz_note;

/* The process's gazetteer, loaded on the first call. A JSON that cannot
   be read, or is not ISO 3166-1, leaves the built-in tables only: then
   *note (if not NULL) says why, on the first call only (NULL
   otherwise; a call with note NULL leaves the note for the next).
   SB_ENOMEM when out of memory (nothing kept; err set
   without a position). */
sb_status input_gazetteer_get(const input_gazetteer **out,
                              const input_gaz_note **note, sb_error *err);

/* A gazetteer of the JSON at path (NULL: the built-in tables only), not
   shared: for tests. input_gazetteer_free releases it (NULL is fine). */
sb_status input_gazetteer_load(const char *path, input_gazetteer **out,
                               sb_error *err);
void input_gazetteer_free(input_gazetteer *g);
/* Why the JSON was not used, NULL when it was. */
const input_gaz_note *input_gazetteer_note(const input_gazetteer *g);

/* Which place name is: 1 with *m filled, 0 when the gazetteer does not
   know it (or two places share it). Cannot fail. two_letter:
   whether two-letter codes count (ISO alpha-2, Eurostat's EL, UK, XK):
   a portal download uses them for countries, but in a table of one's
   own they may be US states or Chinese provinces. */
int input_gazetteer_find(const input_gazetteer *g, const char *name,
                         int two_letter, input_gaz_match *m);

/* Gives each region of ds without a place, but the aggregates, the
   place of its name, else of its aliases (never of a two-letter code);
   none when they name two places. Then marks ds as placed
   (sb_dataset_places_indexed). The loader calls it once, when the first
   name needs the gazetteer: the regions of regions.csv and of earlier
   files become places later spellings can join. SB_ENOMEM when out of
   memory. */
sb_status input_gazetteer_place_regions(const input_gazetteer *g,
                                        sb_dataset *ds);

/* 1 when name is an aggregate's code or name: the World Bank's (WLD,
   HIC, EUU, ...), Eurostat's (EU27_2020, EA20, ...), the OECD's (OECD,
   G7, ...), OWID's OWID_* except its countries and former countries
   (OWID_KOS, OWID_USS, ...), "World", "European Union ...", "Euro area
   ...". Needs no loading; cannot fail. */
int input_gazetteer_is_aggregate(const char *name);

#endif
