/*
 * reports/yeargiven.c -- the note convention of yeargiven.h: one table
 * of the phrases that say a value's source gives no reference year.
 */
#include "yeargiven.h"

#include "plots/chart.h"

#include <string.h>

#include <glib.h>

/* Matched anywhere in the note, ignoring ASCII case: the phrases data
   authors write, in English and Chinese. */
static const char *const no_year[] = {
    "no reference year", "year not given",
    "\xe6\x9c\xaa\xe6\xb3\xa8\xe6\x98\x8e\xe7\xbb\x9f\xe8\xae\xa1"
    "\xe5\xb9\xb4\xe4\xbb\xbd",                      /* 未注明统计年份 */
    "\xe6\x9c\xaa\xe6\xb3\xa8\xe6\x98\x8e\xe5\xb9\xb4\xe4\xbb\xbd",
                                                      /* 未注明年份 */
};

/* Whether note holds one of the phrases within the part a brief prints
   of it (PLOT_NOTE_MAX_CHARS characters, at most 4 bytes each): no copy,
   and a note of any length costs no more than that part. */
static int says_no_year(const char *note)
{
    size_t i, k;

    for (i = 0; note[i] != '\0' && i < 4 * (size_t)PLOT_NOTE_MAX_CHARS; i++)
        for (k = 0; k < G_N_ELEMENTS(no_year); k++)
            if (g_ascii_strncasecmp(note + i, no_year[k],
                                    strlen(no_year[k])) == 0)
                return 1;
    return 0;
}

int yeargiven_of(const sb_dataset *ds, sb_id indicator, sb_id region,
                 int year)
{
    const sb_series *s = sb_dataset_find_series(ds, indicator, region);
    size_t j;

    for (j = 0; s != NULL && j < s->n; j++) {
        uint32_t an;
        const sb_annot *a;
        if (s->obs[j].year != year || (s->obs[j].state & SB_OBS_MISSING))
            continue;
        an = sb_series_annot(s, j);
        a = an ? sb_dataset_annot_at(ds, an) : NULL;
        return a == NULL || !(says_no_year(a->note) ||
                              says_no_year(a->note_zh));
    }
    return 1;
}
