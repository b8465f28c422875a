/*
 * core/model.h -- the data model every stage of statbrief shares.
 *
 * A dataset is indicators x regions x years. Values are grouped into series
 * (one indicator, one region), each series one array sorted by year, so a
 * series is read with one linear scan. Every string (names, flags, notes) is
 * interned once in the dataset's pool and referred to by a 32-bit id.
 *
 * Ownership: arguments are borrowed; whatever a _create or _load function
 * returns belongs to the caller and goes back through the matching
 * _destroy or _free, which accepts NULL. Pointers into a dataset (names,
 * series, observations) stay valid until the dataset is destroyed, except
 * that sb_dataset_add_obs may move a series' observations until
 * sb_dataset_finish is called.
 *
 * Plain C: no GSL, Cairo or GLib types appear here.
 */
#ifndef SB_MODEL_H
#define SB_MODEL_H

#include <stddef.h>
#include <stdint.h>

#define SB_VERSION "0.1.0"

#include "core/status.h"

/* ---- indicators and regions -------------------------------------------- */

typedef uint32_t sb_id;                /* index into a dataset array */
#define SB_NONE UINT32_MAX

typedef enum {
    SB_KIND_UNSET = 0, /* no metadata: see sb_indicator.kind_inferred */
    SB_KIND_AMOUNT,    /* money */
    SB_KIND_COUNT,     /* people, institutions */
    SB_KIND_RATE,      /* percent; changes are percentage points */
    SB_KIND_GROWTH,    /* a published year-on-year growth rate, percent */
    SB_KIND_INDEX      /* a published index: previous year = 100, or
                          sb_indicator.base = 100 */
} sb_kind;

/* What statbrief may do with the values of an indicator: the traits of
   its kind (one table, core/model.c), the base year of an index
   clearing SB_TRAIT_POINTS (a ratio of two base-year indexes is the
   quantity's own change). */
#define SB_TRAIT_POINTS    1u  /* changes are told in percentage points */
#define SB_TRAIT_PERCENT   2u  /* values are percentages */
#define SB_TRAIT_ADDS      4u  /* values add up: a share of a total */
#define SB_TRAIT_PUBLISHED 8u  /* a published change (growth, index): no
                                  CAGR, multiple or trend of itself */

const char *sb_kind_name(sb_kind k);   /* "amount", ...; "" for unset */
/* The kind named s (any case) into *k; -1 when s names none. */
int sb_kind_parse(const char *s, sb_kind *k);
/* The kind names, "amount, count, rate, growth or index", for a message */
const char *sb_kind_names(void);

/* Whether amounts are at current or constant prices. */
typedef enum {
    SB_PRICES_UNSET = 0, SB_PRICES_CURRENT, SB_PRICES_CONSTANT
} sb_price_basis;

typedef struct {
    /* Strings are interned in the dataset and never NULL ("" if absent). */
    const char *id, *name, *name_zh, *unit, *unit_zh, *base_unit;
    const char *source, *note;
    const char *source_zh, *note_zh;   /* what a Chinese brief prints */
    const char *topic, *topic_zh;      /* a theme shared with other
                                          indicators: the default title's */
    double scale;          /* one unit in base_unit; NaN if not given */
    int decimals;          /* from metadata; -1 if not given */
    int max_decimals;      /* largest number of decimals published */
    sb_kind kind;          /* from metadata, else inferred at finish */
    int kind_inferred;     /* 1 when kind was not in the metadata */
    int base;              /* an index's base year (= 100); 0: the
                              previous year is 100 */
    sb_price_basis prices; /* price_basis */
    sb_id real;            /* real_growth: the growth or index indicator
                              of the same quantity; SB_NONE if none */
    int higher_is_better;  /* 1 (default) or 0 */
    double target;         /* NaN if none */
    int target_year;       /* 0 if none */
    int has_meta;          /* defined in an indicators.csv */
    int saw_percent;       /* some value was written with a '%' */
    /* The typical size of its values: the geometric mean of |latest
       value| over its series (zeros left out), set at finish; NaN when
       none. The formatter chooses the indicator's one display unit from
       it (metrics/format.h). */
    double magnitude;
    uint16_t meta_file;    /* where defined, when has_meta */
    uint32_t meta_line;
} sb_indicator;

#define SB_ROLE_TOTAL     1u
#define SB_ROLE_BENCHMARK 2u
#define SB_ROLE_AGGREGATE 4u

typedef struct {
    const char *name, *name_zh;        /* interned; name_zh may be "" */
    const char **aliases;              /* interned strings */
    size_t n_aliases;
    const char **groups;
    size_t n_groups;                   /* Chinese labels: sb_dataset_group_zh */
    unsigned role;                     /* SB_ROLE_* bits */
    const char *place;                 /* interned gazetteer place ("KOR"),
                                          "" when none: sb_dataset_set_place */
    const char *part_of;               /* interned: the total region this
                                          one is a part of (regions.csv
                                          part_of), "" when none */
    int has_meta;
    int meta_portal;                   /* 1: the metadata is a portal's
                                          (World Bank country metadata),
                                          which lists every country and
                                          so names no focus */
    uint16_t meta_file;
    uint32_t meta_line;
} sb_region;

/* ---- observations and series ------------------------------------------- */

#define SB_OBS_MISSING      0x01u  /* a missing marker: value is NaN */
#define SB_OBS_PERCENT      0x02u  /* written with a trailing '%' */
#define SB_OBS_INTERPOLATED 0x04u  /* filled by --interpolate */

/* One cell of a data file: 12 bytes, so that a value costs less memory
   than its text (an Our World in Data row is 27 bytes). The year (1 to
   99,999 as read), decimals and state share one 32-bit word; the struct
   is packed to 4-byte alignment, so never take the address of a member.
   Where a value was read: its file beside the series (one per series
   unless several files fill it), its flags and note (rare) too, and its
   line and column found again only when a message needs them
   (duplicates: see sb_dataset_set_locator). */
typedef struct __attribute__((packed, aligned(4))) {
    double value;          /* NaN when missing */
    signed int year : 18;
    unsigned decimals : 8; /* decimals as published (up to 255) */
    unsigned state : 6;    /* SB_OBS_* bits */
} sb_obs;

typedef struct {
    sb_id indicator, region;
    sb_obs *obs;         /* sorted by year after sb_dataset_finish */
    uint32_t *flags;     /* per obs: pool id of its flag letters (0 =
                            none); NULL while no value has any */
    uint32_t *annot;     /* per obs: sb_dataset_annot() id; NULL if none */
    uint16_t *files;     /* per obs: the file it was read from; NULL while
                            every value came from file */
    uint16_t file;       /* the file of the series' first value */
    uint32_t n, cap;     /* 32 bits: 56 bytes a series, not 64 (a bulk
                            extract holds 600,000 series) */
    uint32_t lean;       /* in a lean dataset: its figures' index + 1
                            (sb_series_stats), obs NULL; 0 when the
                            values are held. In what was padding. */
} sb_series;

/* The flags (pool id, 0 = none) and note/source (annot id, 0 = none)
   of value i of a series. */
uint32_t sb_series_flags(const sb_series *s, size_t i);
uint32_t sb_series_annot(const sb_series *s, size_t i);

/* A note and a source attached to a value (rare: kept apart from sb_obs),
   with their Chinese forms ("" when not given). */
typedef struct {
    const char *note, *source, *note_zh, *source_zh;
} sb_annot;

/* ---- the dataset -------------------------------------------------------- */

typedef struct sb_dataset sb_dataset;

/* Returns NULL only when out of memory. */
sb_dataset *sb_dataset_create(void);
void sb_dataset_destroy(sb_dataset *ds);

/* Interns s (len bytes; -1 = NUL-terminated). Returns the id, 0 for "",
   SB_NONE when out of memory. The string stays valid for the dataset's
   lifetime. */
uint32_t sb_dataset_intern(sb_dataset *ds, const char *s, long len);
const char *sb_dataset_str(const sb_dataset *ds, uint32_t id);
/* Interns s and stores the interned string in *to; SB_ENOMEM (*to as it
   was) when out of memory. */
sb_status sb_dataset_intern_to(sb_dataset *ds, const char **to,
                               const char *s, long len);

/* Files, for positions in messages: the index goes to *idx. SB_ENOMEM
   when out of memory. */
sb_status sb_dataset_add_file(sb_dataset *ds, const char *path,
                              uint16_t *idx);
const char *sb_dataset_file(const sb_dataset *ds, uint16_t idx);
size_t sb_dataset_n_files(const sb_dataset *ds);

/* Indicator by id, created (no metadata) when absent; SB_NONE only when
   out of memory. */
sb_id sb_dataset_indicator(sb_dataset *ds, const char *id);
sb_id sb_dataset_find_indicator(const sb_dataset *ds, const char *id);
const sb_indicator *sb_dataset_indicator_at(const sb_dataset *ds, sb_id i);
/* The same, writable: for the loader (input/) only, before finish. */
sb_indicator *sb_dataset_indicator_mut(sb_dataset *ds, sb_id i);
size_t sb_dataset_n_indicators(const sb_dataset *ds);

/* Region by name or alias, created when absent; SB_NONE only when out
   of memory. */
sb_id sb_dataset_region(sb_dataset *ds, const char *name);
sb_id sb_dataset_find_region(const sb_dataset *ds, const char *name);
const sb_region *sb_dataset_region_at(const sb_dataset *ds, sb_id r);
/* The same, writable: for the loader (input/) only. */
sb_region *sb_dataset_region_mut(sb_dataset *ds, sb_id r);
size_t sb_dataset_n_regions(const sb_dataset *ds);
/* Makes `alias` another name of region r. Fails with SB_EDATA (message in
   err, without a position) if the alias already names another region,
   SB_ENOMEM when out of memory. */
sb_status sb_dataset_add_alias(sb_dataset *ds, sb_id r, const char *alias,
                               sb_error *err);

/* Adds group label to region r (once). SB_ENOMEM when out of memory. */
sb_status sb_dataset_add_group(sb_dataset *ds, sb_id r, const char *group);

/* Gives group label `group` its Chinese label `zh` (regions.csv
   groups_zh). A group has one Chinese label for the whole dataset:
   SB_EDATA when it already has another, which goes to *had (interned);
   SB_ENOMEM when out of memory. */
sb_status sb_dataset_set_group_zh(sb_dataset *ds, const char *group,
                                  const char *zh, const char **had);
/* The Chinese label of a group, "" when it has none. */
const char *sb_dataset_group_zh(const sb_dataset *ds, const char *group);

/* ---- places: one region per country across spellings -------------------- */

/* A place is the gazetteer's key for a country or division ("KOR",
   "CN-CQ"; input/gazetteer.h). Each region holds at most one; the
   dataset finds the region of a place, so that another spelling of it
   can join that region. */

/* Gives region r the place (interned; r must have none yet). SB_ENOMEM
   when out of memory, r unchanged. */
sb_status sb_dataset_set_place(sb_dataset *ds, sb_id r, const char *place);
/* The first region given the place, SB_NONE if none; *other (may be
   NULL) gets a second one, else SB_NONE. */
sb_id sb_dataset_find_place(const sb_dataset *ds, const char *place,
                            sb_id *other);
/* Whether the places of the regions loaded so far have been set (the
   loader does it once, when a name first needs the gazetteer), and the
   mark that they have. */
int sb_dataset_places_indexed(const sb_dataset *ds);
void sb_dataset_set_places_indexed(sb_dataset *ds);

/* A name that joined a region through the gazetteer, for `check`: the
   name as met, the region it became an alias of, the place both are,
   how the name was matched, and where it was met. Strings interned. */
typedef struct {
    const char *name, *place, *how;
    sb_id region;
    uint16_t file;
    uint32_t line;
} sb_join;

/* Records a join (copied; its strings interned). SB_ENOMEM when out of
   memory. */
sb_status sb_dataset_add_join(sb_dataset *ds, const sb_join *j);
size_t sb_dataset_n_joins(const sb_dataset *ds);
const sb_join *sb_dataset_join_at(const sb_dataset *ds, size_t i);

/* The id of a value's note and source with their Chinese forms (0 when
   all four are ""), SB_NONE when out of memory. The texts are copied. */
uint32_t sb_dataset_annot(sb_dataset *ds, const sb_annot *texts);
const sb_annot *sb_dataset_annot_at(const sb_dataset *ds, uint32_t id);

/* Appends one observation, read from file (sb_dataset_add_file), to the
   series (indicator, region), with its flags and annotation ids (0 for
   none). */
sb_status sb_dataset_add_obs(sb_dataset *ds, sb_id indicator, sb_id region,
                             uint16_t file, const sb_obs *o, uint32_t flags,
                             uint32_t annot);

/* Appends n observations v[0..n), read from file, without flags or
   annotations, to the series (indicator, region): what n calls of
   sb_dataset_add_obs would do, in one (input/csvrow.h's runs). */
sb_status sb_dataset_add_run(sb_dataset *ds, sb_id indicator, sb_id region,
                             uint16_t file, const sb_obs *v, size_t n);

/* ---- lean datasets: the figures of each series, not its values ------- */

/* A dataset made lean before anything is added keeps, of each series,
   only what `check`'s summary prints (sb_series_stats), not its values:
   40 bytes a series beside its sb_series, instead of 12 a value: 480 MB
   less for issue 24's 1.08 GB file, and on a VM that hands freed memory
   back to its host, new memory is what a big check's time went to.
   It stays lean while no year comes twice in a series: a duplicate's
   messages need the values and where they were read. It knows the years
   a series spanning fewer than 64 had, in any order; of a wider one, only
   its range, so that a year inside may be a duplicate (sorted files,
   rising or falling, never give one). At such a year the dataset is lost
   (sb_dataset_lean_lost), takes no more values, and the loader reads
   everything again in full. A lean dataset's series have obs NULL: only
   the functions that say so accept them. */
void sb_dataset_set_lean(sb_dataset *ds);
int sb_dataset_is_lean(const sb_dataset *ds);
int sb_dataset_lean_lost(const sb_dataset *ds);

/* The values of a series that are not missing, of years from..to (0:
   open): how many, how many with flags, their first and last year (0
   when none) and the value of the last. Any dataset; a lean one only
   with from and to 0 (its values are gone). */
typedef struct {
    uint32_t values, flagged;
    int first, last;
    double latest;
} sb_series_stats;
void sb_series_stats_of(const sb_dataset *ds, const sb_series *s, int from,
                        int to, sb_series_stats *st);

/* Where a value was read, asked of the loader for messages about
   duplicates: the nth (0-based) value of (indicator, region, year) read
   from file. The locator fills line and column (0 if not found); it
   returns SB_ENOMEM when it ran out of memory (finish fails then), else
   SB_OK, even when it found nothing. */
typedef struct {
    sb_id indicator, region;
    int year;
    uint16_t file;
    size_t nth;
    long line, column;
} sb_place;
typedef sb_status (*sb_locate_fn)(void *ctx, const sb_dataset *ds,
                                  sb_place *places, size_t n);
/* Sets the locator sb_dataset_finish uses (none: messages without a
   line and column). */
void sb_dataset_set_locator(sb_dataset *ds, sb_locate_fn fn, void *ctx);

/* Ends loading: sorts each series by year, orders series by indicator id
   then region name (UTF-8 byte order), resolves duplicates (same value:
   warning in diag; different values: SB_EDATA naming both places), infers
   kinds and display precision. Call once. */
sb_status sb_dataset_finish(sb_dataset *ds, sb_diag *diag, sb_error *err);

size_t sb_dataset_n_series(const sb_dataset *ds);
const sb_series *sb_dataset_series_at(const sb_dataset *ds, size_t i);
/* The series (indicator, region), or NULL when the data have none. */
const sb_series *sb_dataset_find_series(const sb_dataset *ds, sb_id indicator,
                                        sb_id region);
/* The latest year <= upto (0: any) with a value in s; 0 when none.
   Not for a lean dataset's series: sb_series_stats_of. */
int sb_series_last_year(const sb_series *s, int upto);
/* 1 when region reg has a value in some series of ds. */
int sb_dataset_region_has_values(const sb_dataset *ds, sb_id reg);
/* The latest year with a value in any series of ds; 0 when none. */
int sb_dataset_latest_year(const sb_dataset *ds);

/* Display precision of an indicator: metadata decimals, else the largest
   published. */
int sb_indicator_precision(const sb_indicator *ind);
/* The SB_TRAIT_* bits that hold for ind (its kind, its base). */
unsigned sb_indicator_traits(const sb_indicator *ind);

#endif
