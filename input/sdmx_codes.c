/*
 * input/sdmx_codes.c -- the code lists of input/sdmx_codes.h, as
 * published. CL_OBS_STATUS 2.2, CL_UNIT_MULT 1.1 and the codes and
 * labels of CL_UNIT_MEASURE 1.4 are those of the SDMX structure message
 * of the OECD dataflow DSD_GOV@DF_GOV_PF_YU (tests/data/sdmx/README.md
 * says where it comes from); Eurostat's flags and unit codes are those
 * of its TSV and SDMX-CSV downloads. Units not listed here are read by
 * the rules of input/fmt_sdmx.c (PT_ shares, currency prefixes) or kept
 * as their code.
 */
#include "sdmx_codes.h"

#include <glib.h>
#include <string.h>

/* ---- observation status ------------------------------------------------- */

/* CL_OBS_STATUS (SDMX), then Eurostat's flags with their labels in its
   "labels" downloads. H, L, M, O and Q are the codes that say "Missing
   value". */
static const sdmx_status statuses[] = {
    {"A", "Normal value", 0},
    {"B", "Time series break", 0},
    {"D", "Definition differs", 0},
    {"E", "Estimated value", 0},
    {"F", "Forecast value", 0},
    {"G", "Experimental value", 0},
    {"I", "Value imputed by a receiving agency", 0},
    {"J", "Derogation", 0},
    {"K", "Data included in another category", 0},
    {"N", "Not significant", 0},
    {"P", "Provisional value", 0},
    {"S", "Strike and other special events", 0},
    {"U", "Low reliability", 0},
    {"V", "Unvalidated value", 0},
    {"W", "Includes data from another category", 0},
    {"H", "Missing value; holiday or weekend", 1},
    {"L", "Missing value; data exist but were not collected", 1},
    {"M", "Missing value; data cannot exist", 1},
    {"O", "Missing value", 1},
    {"Q", "Missing value; suppressed", 1},
    {"b", "break in time series", 0},
    {"c", "confidential", 0},
    {"d", "definition differs, see metadata", 0},
    {"e", "estimated", 0},
    {"f", "forecast", 0},
    {"n", "not significant", 0},
    {"p", "provisional", 0},
    {"r", "revised", 0},
    {"s", "Eurostat estimate", 0},
    {"u", "low reliability", 0},
    {"z", "not applicable", 0},
};

const sdmx_status *sdmx_status_find(const char *s, size_t n)
{
    size_t i;

    for (i = 0; n == 1 && i < G_N_ELEMENTS(statuses); i++)
        if (statuses[i].code[0] == s[0] && statuses[i].code[1] == '\0')
            return &statuses[i];        /* most: one letter */
    for (i = 0; i < G_N_ELEMENTS(statuses); i++)
        if (strlen(statuses[i].code) == n &&
            memcmp(statuses[i].code, s, n) == 0)
            return &statuses[i];
    for (i = 0; i < G_N_ELEMENTS(statuses); i++)
        if (strlen(statuses[i].label) == n &&
            g_ascii_strncasecmp(statuses[i].label, s, n) == 0)
            return &statuses[i];
    return NULL;
}

/* ---- unit multiplier ---------------------------------------------------- */

/* CL_UNIT_MULT's labels, from 10^0 up (negative powers are read from
   their codes only). */
static const char *const mult_labels[] = {
    "Units", "Tens", "Hundreds", "Thousands", "Tens of thousands",
    "Hundreds of thousands", "Millions", "Tens of millions",
    "Hundreds of millions", "Billions", "Tens of billions",
    "Hundreds of billions", "Trillions", "Tens of trillions",
    "Hundreds of trillions", "Quadrillions",
};

int sdmx_unit_mult(const char *s, size_t n, int *exp)
{
    size_t i = n > 0 && s[0] == '-';
    int v = 0;

    if (n > i && n - i <= 2) {
        for (; i < n && g_ascii_isdigit(s[i]); i++)
            v = v * 10 + (s[i] - '0');
        if (i == n) {
            *exp = s[0] == '-' ? -v : v;
            return 1;
        }
    }
    for (i = 0; i < G_N_ELEMENTS(mult_labels); i++)
        if (strlen(mult_labels[i]) == n &&
            g_ascii_strncasecmp(mult_labels[i], s, n) == 0) {
            *exp = (int)i;
            return 1;
        }
    return 0;
}

const char *sdmx_mult_word(int exp)
{
    switch (exp) {
    case 3: return "thousand";
    case 6: return "million";
    case 9: return "billion";
    case 12: return "trillion";
    }
    return NULL;
}

/* ---- units of measure --------------------------------------------------- */

#define R SB_KIND_RATE
#define A SB_KIND_AMOUNT
#define C SB_KIND_COUNT
#define U SB_KIND_UNSET

/* OECD's CL_UNIT_MEASURE (the codes met most; rates written "% of ..."
   so that a value reads "46.2% of GDP") and Eurostat's unit codes (the
   words its TSV downloads have always been read with). */
static const sdmx_unit units[] = {
    /* shares and rates */
    {"PT", "%", R, 0, NULL},
    {"PC", "%", R, 0, NULL},
    {"PA", "% per annum", R, 0, NULL},
    {"GR", "% growth", R, 0, NULL},
    {"PT_B1GQ", "% of GDP", R, 0, NULL},
    {"PT_POP", "% of population", R, 0, NULL},
    {"PT_POP_SUB", "% of population in the same subgroup", R, 0, NULL},
    {"PT_POP_Y_GE15", "% of population aged 15 years or over", R, 0, NULL},
    {"PT_WAP", "% of working age population", R, 0, NULL},
    {"PT_WAP_SUB", "% of working age population in the same subgroup",
     R, 0, NULL},
    {"PT_LF", "% of labour force", R, 0, NULL},
    {"PT_LF_SUB", "% of labour force in the same subgroup", R, 0, NULL},
    {"PT_EMP", "% of employment", R, 0, NULL},
    {"PT_SAL", "% of employees", R, 0, NULL},
    {"PT_SAL_SUB", "% of employees in the same subgroup", R, 0, NULL},
    {"PT_HH", "% of households", R, 0, NULL},
    {"PT_ST", "% of students", R, 0, NULL},
    {"PT_GERD", "% of gross domestic expenditure on R&D", R, 0, NULL},
    {"PT_OTE_S13", "% of general government expenditure", R, 0, NULL},
    {"PC_GDP", "% of GDP", R, 0, NULL},
    {"PC_POP", "% of population", R, 0, NULL},
    {"PC_ACT", "% of active population", R, 0, NULL},
    {"PC_TOT", "% of total", R, 0, NULL},
    {"PCPA", "% per annum", R, 0, NULL},
    /* money */
    {"EUR", "euro", A, 0, NULL},
    {"THS_EUR", "thousand euro", A, 3, "euro"},
    {"MIO_EUR", "million euro", A, 6, "euro"},
    {"EUR_HAB", "euro per inhabitant", A, 0, NULL},
    {"MIO_NAC", "million national currency", A, 6, "national currency"},
    {"USD_PPP", "US dollars, PPP converted", A, 0, NULL},
    {"USD_EXC", "US dollars, exchange rate converted", A, 0, NULL},
    {"USD_PS", "US dollars per person", A, 0, NULL},
    {"USD_PPP_PS", "US dollars per person, PPP converted", A, 0, NULL},
    {"EUR_PPP", "euro, PPP converted", A, 0, NULL},
    {"XDC_PS", "national currency per person", A, 0, NULL},
    /* people and things counted */
    {"PS", "persons", C, 0, NULL},
    {"PS_FTE", "persons (full-time equivalent)", C, 0, NULL},
    {"PER", "persons", C, 0, NULL},
    {"THS_PER", "thousand persons", C, 3, "persons"},
    {"HB", "inhabitants", C, 0, NULL},
    {"HAB", "inhabitants", C, 0, NULL},
    {"HH", "households", C, 0, NULL},
    {"ENT", "enterprises", C, 0, NULL},
    {"EST", "establishments", C, 0, NULL},
    {"ST", "students", C, 0, NULL},
    {"SC", "schools", C, 0, NULL},
    {"JB", "jobs", C, 0, NULL},
    {"PATN", "patents", C, 0, NULL},
    {"NR", "number", C, 0, NULL},
    /* known units of no kind of statbrief's: the kind is guessed */
    {"THS", "thousand", U, 0, NULL},
    {"RT", "rate", U, 0, NULL},
    {"IX", "index", U, 0, NULL},
    {"I10", "index, 2010 = 100", U, 0, NULL},
    {"I15", "index, 2015 = 100", U, 0, NULL},
    {"I20", "index, 2020 = 100", U, 0, NULL},
    {"Y", "years", U, 0, NULL},
    {"H", "hours", U, 0, NULL},
    {"H_WK", "hours per week", U, 0, NULL},
    {"H_D", "hours per day", U, 0, NULL},
    {"MN_D", "minutes per day", U, 0, NULL},
    {"PO", "points", U, 0, NULL},
    {"0_TO_10", "0-10 scale", U, 0, NULL},
    {"T", "tonnes", U, 0, NULL},
    {"G_PS", "grammes per person", U, 0, NULL},
    {"CG_SM_D", "cigarettes per smoker per day", U, 0, NULL},
    {"DT_10P5HB", "deaths per 100 000 inhabitants", U, 0, NULL},
    {"_Z", "", U, 0, NULL},
    {"_X", "", U, 0, NULL},
};

#undef R
#undef A
#undef C
#undef U

const sdmx_unit *sdmx_unit_find(const char *s)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(units); i++)
        if (strcmp(units[i].code, s) == 0)
            return &units[i];
    return NULL;
}

/* ---- currencies --------------------------------------------------------- */

/* ISO 4217 codes of the currencies statistics are most often given in,
   with SDMX's XDC (national currency) and XDR. */
static const char *const currencies[][2] = {
    {"ARS", "Argentine pesos"}, {"AUD", "Australian dollars"},
    {"BGN", "Bulgarian leva"}, {"BRL", "Brazilian reais"},
    {"CAD", "Canadian dollars"}, {"CHF", "Swiss francs"},
    {"CLP", "Chilean pesos"}, {"CNY", "yuan renminbi"},
    {"COP", "Colombian pesos"}, {"CRC", "Costa Rican colones"},
    {"CZK", "Czech koruny"}, {"DKK", "Danish kroner"}, {"EUR", "euro"},
    {"GBP", "pounds sterling"}, {"HKD", "Hong Kong dollars"},
    {"HUF", "forint"}, {"IDR", "rupiah"}, {"ILS", "new Israeli sheqels"},
    {"INR", "Indian rupees"}, {"ISK", "Iceland kronur"}, {"JPY", "yen"},
    {"KRW", "won"}, {"MXN", "Mexican pesos"}, {"NOK", "Norwegian kroner"},
    {"NZD", "New Zealand dollars"}, {"PLN", "zloty"},
    {"RON", "Romanian lei"}, {"RUB", "Russian rubles"},
    {"SAR", "Saudi riyals"}, {"SEK", "Swedish kronor"},
    {"SGD", "Singapore dollars"}, {"TRY", "Turkish lira"},
    {"TWD", "New Taiwan dollars"}, {"USD", "US dollars"},
    {"XDC", "national currency"}, {"XDR", "special drawing rights"},
    {"ZAR", "rand"},
};

const char *sdmx_currency(const char *s, size_t n)
{
    size_t i;

    for (i = 0; n == 3 && i < G_N_ELEMENTS(currencies); i++)
        if (memcmp(currencies[i][0], s, 3) == 0)
            return currencies[i][1];
    return NULL;
}

/* ---- areas -------------------------------------------------------------- */

/* Groups of countries: a name, then digits, '_' or nothing (EU27_2020,
   EA20, EU; never EE or ES, which are countries). */
static const char *const area_groups[] = {
    "EU", "EA", "EEA", "EFTA", "OECD", "G7", "G20", "W", "WLD",
};

int sdmx_area_aggregate(const char *s)
{
    size_t i, n;

    if (strchr("EOGW", s[0]) == NULL || s[0] == '\0')
        return 0;               /* most codes: no group starts so */
    for (i = 0; i < G_N_ELEMENTS(area_groups); i++) {
        n = strlen(area_groups[i]);
        if (strncmp(s, area_groups[i], n) == 0 &&
            (s[n] == '\0' || g_ascii_isdigit(s[n]) || s[n] == '_' ||
             (n == 4 && s[n] == 'E' && s[n + 1] == '\0')))
            return 1;
    }
    return 0;
}
