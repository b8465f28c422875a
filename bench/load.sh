#!/bin/sh
# bench/load.sh -- `make bench`, loading: a long CSV of BENCH_MB MB
# (default 1024) read by a bare libcsv pass that only counts fields (the
# floor: bench/csvcount.c) and by `statbrief check`, in the same run.
# Prints both speeds in MB/s, statbrief's ratio to the floor (target
# >= 0.6) and its peak RSS against the file size (target <= 0.5 x).
# Figures are printed, never asserted: a missed target is only marked
# "below target" and the script still exits 0.
#
# The file is built once and kept in bench/cache/ (git-ignored), named by
# its size; it is written under a temporary name and renamed when
# complete, so an interrupted generation is never reused. Skipped, with a
# message, when the disk has less than 3 x BENCH_MB free.
#
# The data, as a portal exports it: indicator,region,year,value sorted
# by indicator, region, year; 200 indicators with snake_case names; as
# many "Region NNNNN" as the size needs; every series a full run of the
# 64 years 1960-2023; values with 0-2 decimals from rates to millions;
# about 1 in 60 missing (".."). Deterministic: the same bytes on every
# machine (an LCG exact in awk's doubles, no rand()).
set -eu
MB=${BENCH_MB:-1024}
dir=bench/cache
file=$dir/long-${MB}MB.csv
sw=build/rel/csvcount

case $MB in
'' | *[!0-9]* | 0) echo "bench: load: BENCH_MB must be a positive integer" >&2
                   exit 2 ;;
esac
mkdir -p "$dir"

if [ ! -f "$file" ]; then
    free=$(df -Pk "$dir" | awk 'NR == 2 { print int($4 / 1024) }')
    if [ "$free" -lt $((3 * MB)) ]; then
        echo "bench: load: skipped, needs $((3 * MB)) MB free on $dir, has $free"
        exit 0
    fi
    echo "bench: load: generating $file (once) ..."
    rm -f "$file".tmp.*                 # left by a killed generation
    tmpf=$file.tmp.$$
    trap 'rm -f "$tmpf"' EXIT
    trap 'rm -f "$tmpf"; exit 130' INT TERM
    awk -v target=$((MB * 1048576)) '
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
    }' >"$tmpf"
    mv "$tmpf" "$file"
    trap - EXIT INT TERM
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bytes=$(wc -c <"$file")

. bench/lib.sh

# the counts for the heading (one row a line), warming the page cache
values=$(($(wc -l <"$file") - 1))
missing=$(grep -c ',\.\.$' "$file" || true)

r=$(best2 load "$sw" count "$file") || exit 1
set -- $r
floor=$1
r=$(best2 load ./statbrief check "$file") || exit 1
set -- $r
secs=$1 rss=$2

awk -v mb="$MB" -v bytes="$bytes" -v values="$values" -v missing="$missing" \
    -v file="$file" -v floor="$floor" -v secs="$secs" -v rss="$rss" 'BEGIN {
    size = bytes / 1048576
    ratio = floor / secs
    rssx = rss * 1024 / bytes
    printf "bench load: %d MB long CSV, %d values, %d missing (%s)\n", mb, values - missing, missing, file
    printf "  floor: bare libcsv pass    %6.2f s  %5.0f MB/s\n", floor, size / floor
    printf "  statbrief check            %6.2f s  %5.0f MB/s   ratio %.2f (target >= 0.6)%s\n", secs, size / secs, ratio, (ratio < 0.6 ? "  below target" : "")
    printf "  peak RSS                   %6.0f MB            %.2f x file (target <= 0.5)%s\n", rss / 1024, rssx, (rssx > 0.5 ? "  below target" : "")
}'
