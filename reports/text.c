/*
 * reports/text.c -- the generated sentences of text.h: a plan decided
 * once (text_plan.c) and worded by the writer of the brief's language
 * (text_en.c, text_zh.c). A fact starts a sentence unless it is a
 * clause of the one before; the writer says how sentences are joined
 * and ended.
 */
#include "text.h"

#include "text_plan.h"
#include "text_write.h"
#include "plots/chart.h"

#include <glib.h>

/* A name as a sentence prints it: cut to PLOT_NAME_MAX_CHARS, the copy
   in *cut for words_clear. NULL stays NULL. */
static const char *bounded(const char *name, char **cut)
{
    *cut = name != NULL ? plot_text_cut(name, PLOT_NAME_MAX_CHARS) : NULL;
    return *cut != NULL ? *cut : name;
}

/* Fact f of p with its figures and names printed in lang. */
static void words_of(text_words *w, const text_plan *p, const text_fact *f,
                     fmt_lang lang)
{
    w->plan = p;
    w->f = f;
    text_plan_figure(w->fig, sizeof w->fig, p, &f->fig, lang);
    text_plan_figure(w->level, sizeof w->level, p, &f->level, lang);
    w->name = bounded(text_plan_name(p, lang), &w->cut[0]);
    w->region = bounded(text_plan_region(p, p->region, lang), &w->cut[1]);
    w->other = "";
    w->cut[2] = NULL;
    if (f->other != SB_NONE)
        w->other = bounded(text_plan_region(p, f->other, lang), &w->cut[2]);
    w->set = bounded(fmt_group(p->ds, p->set, lang), &w->cut[3]);
}

static void words_clear(text_words *w)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(w->cut); i++)
        g_free(w->cut[i]);
}

/* The writer's words for a kind of fact. */
static text_word_fn word_fn(const text_writer *wr, text_claim c)
{
    switch (c) {
    case TEXT_LEVEL:
    case TEXT_CHANGE:
    case TEXT_GROWTH: return wr->level;
    case TEXT_ON_YEAR:
    case TEXT_SINCE: return wr->clause;
    case TEXT_DOUBLED:
    case TEXT_TIMES:
    case TEXT_RECORD:
    case TEXT_FILLED:
    case TEXT_SHIFT: return wr->claim;
    case TEXT_RANK: return wr->rank;
    case TEXT_SHARE:
    case TEXT_RATE_GAP:
    case TEXT_GROWTH_GAP: return wr->comparison;
    case TEXT_TARGET: break;
    }
    return wr->target;
}

static char *render(const text_plan *p, fmt_lang lang)
{
    const text_writer *wr = lang == FMT_ZH ? &text_zh_writer
                                           : &text_en_writer;
    GString *g = g_string_new(NULL);
    text_words w;
    size_t i;

    for (i = 0; i < p->n; i++) {
        if (i > 0 && !text_plan_continues(p, i - 1))
            g_string_append(g, wr->space);
        words_of(&w, p, &p->fact[i], wr->lang);
        word_fn(wr, p->fact[i].claim)(g, &w);
        words_clear(&w);
        if (!text_plan_continues(p, i))
            g_string_append(g, wr->stop);
    }
    return g_string_free(g, FALSE);
}

char *report_text_series(const sb_dataset *ds, metrics_ctx *mc,
                         const metrics_row *r, fmt_lang lang)
{
    text_plan p;

    text_plan_series(&p, ds, mc, r);
    return render(&p, lang);
}

char *report_text_finding(const sb_dataset *ds, metrics_ctx *mc,
                          const metrics_row *r, fmt_lang lang,
                          double *score)
{
    text_plan p;

    if (!text_plan_finding(&p, ds, mc, r, score))
        return NULL;
    return render(&p, lang);
}

/* The figure a fact states, by its name in metrics/fields.c; NULL: a
   plain word (doubled, a record, a target). */
static const char *fact_figure(const text_fact *f)
{
    switch (f->claim) {
    case TEXT_CHANGE:          /* a rate's points, else the unit's */
        return f->fig.unit == TEXT_POINTS ? "pp_change" : "change";
    case TEXT_ON_YEAR:
    case TEXT_SINCE:
    case TEXT_GROWTH_GAP:
        return f->fig.unit == TEXT_POINTS && f->claim != TEXT_GROWTH_GAP
                   ? "pp_change" : "pct_change";
    case TEXT_TIMES: return "multiple";
    case TEXT_RANK: return "rank";
    case TEXT_SHARE: return "share";
    case TEXT_RATE_GAP: return "gap";
    default: return NULL;
    }
}

void report_text_uses(const sb_dataset *ds, metrics_ctx *mc,
                      const metrics_row *r, int finding, GHashTable *used)
{
    text_plan p;
    double score;
    size_t i;

    if (finding ? !text_plan_finding(&p, ds, mc, r, &score)
                : (text_plan_series(&p, ds, mc, r), 0))
        return;
    for (i = 0; i < p.n; i++)
        if (fact_figure(&p.fact[i]) != NULL)
            g_hash_table_add(used, (gpointer)fact_figure(&p.fact[i]));
}
