/*
 * reports/yeargiven.h -- whether the source of a value gives the year
 * the value refers to. Some values are quoted from a news report that
 * names no reference year; the data file still needs a year for them
 * (the year of the report), and its note says so. A brief then prints
 * "year not given" (未注明年份) for that value instead of its year.
 *
 * The convention (docs/input-formats.md): the value's note contains
 * "no reference year" or "year not given" (any case), or its note_zh
 * contains 未注明统计年份 or 未注明年份.
 */
#ifndef REPORTS_YEARGIVEN_H
#define REPORTS_YEARGIVEN_H

#include "core/model.h"

/* 0 when the note of (indicator, region)'s value in `year` says that
   its source gives no reference year; else 1 (no such value, no note,
   or a note that does not say so). */
int yeargiven_of(const sb_dataset *ds, sb_id indicator, sb_id region,
                 int year);

#endif
