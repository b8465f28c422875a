/*
 * reports/notes.h -- the brief's closing part, "Notes": definitions of
 * the figures, the sources of the indicators with a section, data
 * quality (gaps, single values, flags, loading warnings) and how the
 * brief was made (version, date, the inputs' SHA-256). Inside reports/
 * only; brief.c calls it last.
 */
#ifndef REPORTS_NOTES_H
#define REPORTS_NOTES_H

#include "parts.h"

/* Appends the notes about the selected indicators (NULL: all). */
void notes_add(parts_ctx *b, const unsigned char *sel);

#endif
