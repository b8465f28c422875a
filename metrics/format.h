/*
 * metrics/format.h -- the one number-and-unit formatter every stage
 * prints with (tables now; charts, text and briefs later), so that a
 * figure reads the same wherever it appears.
 *
 * Rounding is decimal and half away from zero on the number as published
 * (9.95 to one decimal is 10.0), never on its binary approximation. No
 * output is ever "nan", "inf" or "-0": an undefined value prints as "–"
 * (en dash), a rounded zero without a sign. Locale-independent. Every
 * function writes at most size bytes and returns buf.
 */
#ifndef METRICS_FORMAT_H
#define METRICS_FORMAT_H

#include <stddef.h>

#include "core/model.h"

typedef enum { FMT_EN = 0, FMT_ZH } fmt_lang;

/* Holds any result: 1.8e308 written out with separators is 411 bytes,
   and a unit from the metadata follows it. */
#define FMT_MAX 640
#define FMT_UNDEFINED "\xe2\x80\x93"    /* – */

/* Parses "en"/"zh". Returns -1 if unknown. */
int fmt_lang_parse(const char *s, fmt_lang *out);

/* v rounded to `decimals` (0-20), thousands separated by ',' in English
   (30,782.9) and not in Chinese (30782.9). sign: 1 prints '+' before a
   positive result; negative numbers always get U+2212 '−'. */
char *fmt_number(char *buf, size_t size, double v, int decimals, int sign,
                 fmt_lang lang);

/* The one form an indicator's values are shown in, wherever a brief or
   a chart shows them: text, tables and axes divide by div, print
   `decimals` decimals and name `unit`. Chosen once per indicator from
   its magnitude (core/model.h: the typical size of its latest values);
   an indicator without one (none loaded) gets each value's own form.
   A unit without a scale (no scale or base_unit, none in its words: the
   World Bank's "current US$", "% of GDP") gets a magnitude word from a
   million (English) or 万 (Chinese) and the decimals that give the
   typical value three or four significant figures, never more than
   published: "27,360.94 billion current US$", "6.35% of GDP". */
typedef struct {
    double div;                  /* shown = value / div */
    int decimals;
    int trim;                    /* drop trailing zeros (a value's own
                                    form: "2.5 million") */
    int glue;                    /* a space between number and unit */
    char unit[FMT_MAX];          /* "billion yuan", "万件", "% of GDP" */
} fmt_form;

/* The form of ind's values (v: the value, used only without a
   magnitude). */
void fmt_form_of(fmt_form *f, double v, const sb_indicator *ind,
                 fmt_lang lang);
/* v in ind's form without its unit, what a table column or a bar label
   prints ("68.7" in billion yuan, "6.65" in 万件). */
char *fmt_shown(char *buf, size_t size, double v, const sb_indicator *ind,
                fmt_lang lang);
/* The unit ind's form names ("billion yuan", "亿元", "万件"), for table
   headings, chart subtitles and text alternatives; returns buf. */
const char *fmt_shown_unit(char *buf, size_t size, const sb_indicator *ind,
                           fmt_lang lang);
/* An axis tick of ind's values in its form: 30, 40 ... 70 (billion
   yuan), decimals from the step. */
char *fmt_axis_shown(char *buf, size_t size, double v, double step,
                     const sb_indicator *ind, fmt_lang lang);

/* The decimals a change of ind's values in percentage points prints
   with: those of its values' form (a World Bank "% of GDP" published to
   six decimals shows two, and so do its changes). */
int fmt_points_decimals(const sb_indicator *ind);

/* A value of an indicator as text quotes it, in its form (fmt_form):
   en: "60.4 billion yuan" (scale and base_unit), "6,348 enterprises",
       "2.36%" (a unit starting with '%' follows the number);
   zh: "603.8亿元", "6348家", "7.6万件" (counts from 10,000 in 万/亿),
       "2.36%". */
char *fmt_value(char *buf, size_t size, double v, const sb_indicator *ind,
                fmt_lang lang);

/* A change in the indicator's unit, signed like fmt_number's sign 1:
   en "−392,000 persons", "+6.4 billion yuan"; zh "−39.2万人". */
char *fmt_value_change(char *buf, size_t size, double v,
                       const sb_indicator *ind, fmt_lang lang);

/* A multiple (latest / first) at one decimal, as a table cell: en
   "×45.8", zh "45.8倍". */
char *fmt_multiple(char *buf, size_t size, double m, fmt_lang lang);

/* The number in the indicator's own unit at its precision, no unit:
   what table columns print ("603.8", "6,348", "2.36"). */
char *fmt_plain(char *buf, size_t size, double v, const sb_indicator *ind,
                fmt_lang lang);

/* Signed changes: percent ("+13.7%", 1 decimal), percentage points
   ("+0.48 pp" / "+0.48 percentage points" / "+0.48个百分点", at the
   given decimals). */
char *fmt_percent(char *buf, size_t size, double pct, int decimals,
                  int sign, fmt_lang lang);
char *fmt_points(char *buf, size_t size, double pp, int decimals,
                 int long_form, fmt_lang lang);

/* Axis ticks, short from 10,000 up: 950, 1,200, 12.1k, 1.2M, 60.4B, 3.1T;
   zh: 9500, 1.2万, 60.4亿, 3.1万亿. At most `decimals` decimals, trailing
   zeros dropped. */
char *fmt_axis(char *buf, size_t size, double v, int decimals,
               fmt_lang lang);
/* A tick label on an axis whose ticks are `step` apart and whose largest
   magnitude is `ref`: one form and one number of decimals for the whole
   axis (0, 2k, 4k ... 12k; 1.8, 1.9, 2.0), never "2,000" beside "10k" or
   "2" beside "2.1". */
char *fmt_axis_ref(char *buf, size_t size, double v, double step,
                   double ref, fmt_lang lang);

/* The decimals that multiples of step need: 0 for 20, 1 for 2.5 or 0.5,
   2 for 0.25. */
int fmt_step_decimals(double step);

/* The indicator's name and unit in the language (zh falls back to en). */
const char *fmt_name(const sb_indicator *ind, fmt_lang lang);
const char *fmt_unit(const sb_indicator *ind, fmt_lang lang);
/* The indicator's source in the language (source_zh; zh falls back to
   en). */
const char *fmt_source(const sb_indicator *ind, fmt_lang lang);
/* An index's reference, "previous year = 100" or "2015 = 100" ("上年=100",
   "2015年=100"), into buf (returned); "" for the other kinds. */
char *fmt_index_base(char *buf, size_t size, const sb_indicator *ind,
                     fmt_lang lang);
/* zh when the language is Chinese and zh is not empty, else en: a text
   of the metadata given in both languages. */
const char *fmt_text(const char *en, const char *zh, fmt_lang lang);
/* A group label in the language (regions.csv groups_zh; zh falls back
   to the label). NULL stays NULL. */
const char *fmt_group(const sb_dataset *ds, const char *group,
                      fmt_lang lang);

#endif
