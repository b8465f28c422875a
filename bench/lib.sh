# bench/lib.sh -- what the bench scripts share; sourced after they set
# $sw (build/rel/csvcount, which also times a command) and $tmp.

# new_memory MIB: what this machine charges for MIB MiB of new memory
# (csvcount touch: a mapping marked for huge pages as statbrief's heap
# is, a byte written in each page), after 5 s idle and again at once:
# "FRESH_SECONDS WARM_SECONDS". A VM whose balloon reports free pages
# to its host (dmesg: "Free page reporting enabled") hands memory freed
# for about 2 s back, and faults it in again when it is next touched; a
# loader holding a dataset pays that, the floor, which allocates
# nothing, never does (docs/PERFORMANCE.md, "The price of new memory").
new_memory() {
    sleep 5
    _fresh=$("$sw" touch "$1") || return 1
    _warm=$("$sw" touch "$1") || return 1
    echo "$_fresh $_warm"
}

# best2 NAME CMD...: two runs of CMD, printing the best time, the
# larger peak RSS and the CPU time (user + system, threads included) of
# the best run, "SECONDS MAX_RSS_KIB CPU_SECONDS" (the best of two, because the
# first run may still be warming the page cache); exits on a failure,
# naming the bench. A failure is an exit status other than 0, or than
# those listed in $best2_ok ("0 1" for diff, which exits 1 on a
# difference).
best2() {
    _name=$1
    shift
    best= maxrss=0
    for run in 1 2; do
        _st=0
        "$sw" time "$@" 2>"$tmp/t" || _st=$?
        case " ${best2_ok:-0} " in
        *" $_st "*) ;;
        *) echo "bench: $_name: $* failed (exit $_st)" >&2
           exit 1 ;;
        esac
        read -r secs rss _cpu <"$tmp/t"
        if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$secs cpu=$_cpu
        fi
        if [ "$rss" -gt "$maxrss" ]; then maxrss=$rss; fi
    done
    echo "$best $maxrss $cpu"
}

# bench_mb NAME: $BENCH_MB (default 1024) on stdout; returns 2, with a
# message naming bench NAME, when it is no positive integer.
bench_mb() {
    case ${BENCH_MB:-1024} in
    '' | *[!0-9]* | 0) echo "bench: $1: BENCH_MB must be a positive integer" >&2
                       return 2 ;;
    esac
    echo "${BENCH_MB:-1024}"
}

# long_file NAME MB: the path of the deterministic long CSV of MB
# megabytes in bench/cache/ (built once, kept, named by its size), on
# stdout; built under a temporary name and renamed when complete, so an
# interrupted generation is never reused. Returns 1, with a message
# naming bench NAME, when the disk has less than 3 x MB free.
#
# The data, as a portal exports it: indicator,region,year,value sorted
# by indicator, region, year; 200 indicators with snake_case names; as
# many "Region NNNNN" as the size needs; every series a full run of the
# 64 years 1960-2023; values with 0-2 decimals from rates to millions;
# about 1 in 60 missing (".."). Deterministic: the same bytes on every
# machine (an LCG exact in awk's doubles, no rand()).
long_file() {
    cached "$1" "$2" bench/cache/long-$2MB.csv gen_long
}

gen_long() { # MB: the long file's bytes on stdout
    awk -v target=$(($1 * 1048576)) '
    function lcg() { seed = (seed * 16807) % 2147483647; return seed }
    # the 64 rows of indicator i in region r: a level, a growth rate and
    # a little noise; some values published with fewer decimals, about 1
    # in 64 missing, and 1 series in 50 with a 6-year gap
    function series(i, r,    k, d, dd, base, g, gap, y, v, out, reg) {
        k = kind[i]
        d = k == 0 ? 2 : k == 1 ? 1 : 0
        if (k == 0) base = 5 + lcg() % 9000 / 100
        else if (k == 1) base = 1000 + lcg() % 5000000 / 3
        else base = 10 + lcg() % 200000
        g = (lcg() % 600 - 100) / 10000
        gap = lcg() % 50 == 0
        reg = sprintf("%s,Region %05d,", ind[i], r)
        out = ""
        for (y = 0; y < 64; y++) {
            v = base * (1 + g * y) * (1 + (lcg() % 200 - 100) / 5000)
            if (v < 0) v = -v
            if (k == 0 && v > 100) v = 100 - (v - 100) / 10
            dd = d - (d > 0 && lcg() % 8 == 0)
            if (lcg() % 64 == 0 || (gap && y >= 20 && y < 26))
                out = out reg (1960 + y) ",..\n"
            else
                out = out reg (1960 + y) "," sprintf(dd == 2 ? "%.2f" : dd == 1 ? "%.1f" : "%.0f", v) "\n"
        }
        return out
    }
    BEGIN {
        ns = split("gdp_current_usd gdp_per_capita_ppp gdp_growth_annual " \
            "rd_expenditure rd_expenditure_pct_gdp researchers_per_million " \
            "patent_applications_resident high_tech_exports_pct " \
            "population_total population_ages_65_above urban_population_pct " \
            "life_expectancy_at_birth infant_mortality_rate " \
            "school_enrollment_tertiary_gross literacy_rate_adult " \
            "unemployment_rate labor_force_participation " \
            "inflation_consumer_prices fdi_net_inflows exports_goods_services " \
            "imports_goods_services govt_debt_pct_gdp tax_revenue_pct_gdp " \
            "co2_emissions_per_capita renewable_energy_consumption_pct " \
            "electric_power_consumption_kwh forest_area_pct " \
            "access_to_electricity_pct internet_users_pct " \
            "mobile_subscriptions_per_100 hospital_beds_per_1000 " \
            "physicians_per_1000 health_expenditure_per_capita " \
            "poverty_headcount_ratio gini_index " \
            "manufacturing_value_added_pct agriculture_value_added_pct " \
            "services_value_added_pct high_tech_enterprises " \
            "new_business_density", stem, " ")
        for (i = 0; i < 200; i++) {
            ind[i] = sprintf("%s_ind%03d", stem[i % ns + 1], i)
            for (j = i; j > 0 && ind[j - 1] > ind[j]; j--) {   # sorted
                t = ind[j]; ind[j] = ind[j - 1]; ind[j - 1] = t
            }
        }
        # rate (0-100, 2 decimals), amount (1 decimal), count (integer)
        for (i = 0; i < 200; i++)
            kind[i] = ind[i] ~ /pct|rate|ratio|gini|growth|expectancy|per_1/ ? 0 : \
                      ind[i] ~ /total|patent|enterprises|researchers|density/ ? 2 : 1
        # as many regions as make the file about target bytes, from the
        # mean length of a sample of series
        seed = 42; len = 0
        for (i = 0; i < 200; i++)
            for (r = 0; r < 4; r++)
                len += length(series(i, 10000 + r))
        nr = int(target / (200 * len / 800) + 0.5)
        if (nr < 1) nr = 1
        if (nr > 99999) nr = 99999
        print "indicator,region,year,value"
        seed = 20240601
        for (i = 0; i < 200; i++)
            for (r = 0; r < nr; r++)
                printf "%s", series(i, r)
    }'
}

# cached NAME MB PATH GEN: PATH on stdout, first made by "GEN MB" when
# it is not there: written under a temporary name and renamed when
# complete, so that an interrupted generation is never reused. Returns
# 1, with a message naming bench NAME, when the disk has less than
# 3 x MB free.
cached() {
    mkdir -p bench/cache
    if [ ! -f "$3" ]; then
        if ! bench_room "$1" "$2"; then
            return 1
        fi
        echo "bench: $1: generating $3 (once) ..." >&2
        rm -f "$3".tmp.*                  # left by a killed generation
        _tmpf=$3.tmp.$$
        trap 'rm -f "$_tmpf"' EXIT
        trap 'rm -f "$_tmpf"; exit 130' INT TERM
        "$4" "$2" >"$_tmpf"
        # on disk before anything is timed: a clean clone's first make
        # bench timed metrics at 1.30 x its load while the kernel was
        # still writing out the 2 GB it had just made (1.02-1.17 in the
        # runs after)
        sync "$_tmpf"
        mv "$_tmpf" "$3"
        trap - EXIT INT TERM
    fi
    echo "$3"
}

# bench_room NAME MB: 0 when bench/cache has 3 x MB free, else 1 and
# a message that bench NAME is skipped.
bench_room() {
    _free=$(df -Pk bench/cache | awk 'NR == 2 { print int($4 / 1024) }')
    if [ "$_free" -lt $((3 * $2)) ]; then
        echo "bench: $1: skipped, needs $((3 * $2)) MB free on bench/cache, has $_free" >&2
        return 1
    fi
}

# short_file NAME MB: the path of the deterministic row-heavy long CSV
# in bench/cache/ (built once, kept): the shape of a bulk portal extract
# with short rows, `indicator,region,year,value` at about 30 bytes a row.
# At MB=1030 it is 200 indicators x 3,000 regions x 60 years, 36 million
# rows, 1.08 GB; smaller sizes keep 200 x 60 and take fewer regions.
# Values with one decimal from 0.1 to 10 million; 1 in 50 missing (an
# empty field). Deterministic: an LCG exact in awk's doubles.
short_file() {
    cached "$1" "$2" bench/cache/short-$2MB.csv gen_short
}

gen_short() { # MB: the short-row file's bytes on stdout
    # 12,000 rows (one region) are about 360,000 bytes
    awk -v nr=$(($1 * 1048576 / 360000)) '
    BEGIN {
        if (nr < 1) nr = 1
        if (nr > 99999) nr = 99999
        print "indicator,region,year,value"
        seed = 20261206
        for (i = 0; i < 200; i++) {
            ind = sprintf("ind%03d,", i)
            for (r = 0; r < nr; r++) {
                seed = (seed * 16807) % 2147483647
                base = 1 + seed % 1000000
                seed = (seed * 16807) % 2147483647
                g = (seed % 80 - 20) / 1000
                pre = ind sprintf("reg%05d,", r)
                out = ""
                for (y = 0; y < 60; y++) {
                    seed = (seed * 16807) % 2147483647
                    if (seed % 50 == 0)
                        out = out pre (1961 + y) ",\n"
                    else
                        out = out pre (1961 + y) "," sprintf("%.1f", base * (1 + g * y) + (seed % 1000) / 10) "\n"
                }
                printf "%s", out
            }
        }
    }'
}
