#!/bin/sh
# bench/formats.sh -- `make bench`, portal formats: an Our World in Data
# grapher CSV and an SDMX-CSV file of BENCH_FORMATS_MB MB each (default
# 512), each read by the bare libcsv pass that only counts fields (the
# floor: bench/csvcount.c) and by `statbrief check`, in the same run.
# Prints both speeds, statbrief's ratio to the floor (target >= 0.6) and
# its peak RSS against the file size (target <= 0.5 x), as bench/load.sh
# does for a plain long CSV. Figures are printed, never asserted.
#
# The files are built once and kept in bench/cache/ (git-ignored), named
# by format and size, written under a temporary name and renamed when
# complete. Skipped, with a message, when the disk has less than
# 3 x 2 x BENCH_FORMATS_MB free. Deterministic (an LCG exact in awk's
# doubles, no rand()), in the shapes of the real files of tests/data/:
#
# - OWID: tests/data/owid/annual-co2-emissions-per-country.csv (the
#   grapher CSV of issue 19: Entity,Code,Year,Annual CO₂ emissions) as
#   published, then again and again with each entity renamed ("China 7",
#   code CHN7; empty and OWID_ codes stay aggregates) and each value
#   moved by up to 1%, published with its decimals: 247 entities a copy,
#   their own years (1750-2023), 27 bytes a value.
# - SDMX: the header of oecd_infra_annual_labour.csv (SDMX-CSV 1.0 from
#   the OECD API, codes only: DATAFLOW, REF_AREA, MEASURE, UNIT_MEASURE,
#   TRANSFORMATION, ADJUSTMENT, SEX, AGE, ACTIVITY, FREQ, TIME_PERIOD,
#   OBS_VALUE, BASE_PER, OBS_STATUS, UNIT_MULT, DECIMALS); the 44 areas
#   of the real file and as many made-up ones as the size needs; MEASURE
#   x SEX x AGE x ACTIVITY vary (13 x 3 x 6 x 21 indicators), 13 years
#   2012-2024; PS in thousands (UNIT_MULT 3) or PT_LF_SUB percentages;
#   OBS_STATUS A, 1 in 20 B, 1 in 300 E, 1 in 100 M with no value.
set -eu
MB=${BENCH_FORMATS_MB:-512}
dir=bench/cache
sw=build/rel/csvcount

case $MB in
'' | *[!0-9]* | 0) echo "bench: formats: BENCH_FORMATS_MB must be a positive integer" >&2
                   exit 2 ;;
esac
mkdir -p "$dir"

gen_owid() {
    awk -v target=$((MB * 1048576)) -F, '
    function lcg() { seed = (seed * 16807) % 2147483647; return seed }
    # a value near v, published with as many decimals as v
    function near(v,    d, dot) {
        dot = index(v, ".")
        d = dot ? length(v) - dot : 0
        return sprintf("%." d "f", v * (1 + (lcg() % 2001 - 1000) / 100000))
    }
    NR == 1 { print; next }
    { ent[++n] = $1; code[n] = $2; year[n] = $3; val[n] = $4; len += length($0) + 1 }
    END {
        seed = 20251012
        for (r = 0; r * len < target; r++)
            for (i = 1; i <= n; i++)
                if (r == 0)
                    print ent[i] "," code[i] "," year[i] "," val[i]
                else
                    print ent[i] " " r "," (code[i] == "" ? "" : code[i] r) "," year[i] "," near(val[i])
    }' tests/data/owid/annual-co2-emissions-per-country.csv
}

gen_sdmx() {
    awk -v target=$((MB * 1048576)) '
    function lcg() { seed = (seed * 16807) % 2147483647; return seed }
    # the 13 years of one series
    function series(area, m, s, a, c,    unit, mult, base, y, v, st, out, key) {
        unit = meas[m] ~ /_WAP$|_LF$/ ? "PT_LF_SUB" : "PS"
        mult = unit == "PS" ? 3 : 0
        base = unit == "PS" ? 10 + lcg() % 900000 / 10 : 1 + lcg() % 9000 / 100
        key = flow "," area "," meas[m] "," unit ",_Z,Y," sex[s] "," age[a] "," act[c] ",A,"
        out = ""
        for (y = 0; y < 13; y++) {
            st = lcg() % 300
            v = base * (1 + (lcg() % 200 - 100) / 2000)
            if (st < 3)
                out = out key (2012 + y) ",,,M," mult ",0\n"
            else
                out = out key (2012 + y) "," sprintf(unit == "PS" ? "%.3f" : "%.2f", v) ",," (st < 18 ? "B" : st == 299 ? "E" : "A") "," mult ",0\n"
        }
        return out
    }
    function area_code(i) {
        return i < na ? real[i + 1] : sprintf("X%c%c", 65 + i % 26, 65 + int(i / 26) % 26)
    }
    function one_area(i,    m, s, a, c, out) {
        for (m = 1; m <= nm; m++) for (s = 1; s <= 3; s++)
            for (a = 1; a <= 6; a++) for (c = 1; c <= 21; c++)
                printf "%s", series(area_code(i), m, s, a, c)
    }
    BEGIN {
        flow = "OECD.SDD.TPS:DSD_LFS@DF_IALFS_INDIC(1.0)"
        na = split("AUS AUT BEL BGR BRA CAN CHE CHL COL CRI CZE DEU DNK ESP EST FIN FRA GBR GRC HRV HUN IDN IRL ISL ISR ITA JPN KOR LTU LUX LVA MEX NLD NOR NZL POL PRT RUS SVK SVN SWE TUR USA ZAF", real, " ")
        nm = split("EMP EMP_WAP LF LF_WAP OLF OLF_WAP UNE UNE_LF UNE_LF_M UNE_LT UNE_M UNE_ST WAP", meas, " ")
        split("_T F M", sex, " ")
        split("Y_GE15 Y15T24 Y25T54 Y55T64 Y15T64 Y_GE65", age, " ")
        split("_Z A B C D E F G H I J K L M N O P Q R S T", act, " ")
        print "DATAFLOW,REF_AREA,MEASURE,UNIT_MEASURE,TRANSFORMATION,ADJUSTMENT,SEX,AGE,ACTIVITY,FREQ,TIME_PERIOD,OBS_VALUE,BASE_PER,OBS_STATUS,UNIT_MULT,DECIMALS"
        seed = 7; len = 0
        for (k = 0; k < 50; k++) len += length(series("AUS", 1 + k % nm, 1, 1, 1))
        n = int(target / (len / 50 * nm * 3 * 6 * 21)) + 1
        seed = 20250521
        for (i = 0; i < n; i++) one_area(i)
    }'
}

# make FILE GENERATOR: builds the file once, under a temporary name
make_file() {
    [ -f "$1" ] && return 0
    echo "bench: formats: generating $1 (once) ..."
    rm -f "$1".tmp.*                    # left by a killed generation
    tmpf=$1.tmp.$$
    trap 'rm -f "$tmpf"' EXIT
    trap 'rm -f "$tmpf"; exit 130' INT TERM
    $2 >"$tmpf"
    mv "$tmpf" "$1"
    trap - EXIT INT TERM
}

owid=$dir/owid-${MB}MB.csv
sdmx=$dir/sdmx-${MB}MB.csv
if [ ! -f "$owid" ] || [ ! -f "$sdmx" ]; then
    free=$(df -Pk "$dir" | awk 'NR == 2 { print int($4 / 1024) }')
    if [ "$free" -lt $((6 * MB)) ]; then
        echo "bench: formats: skipped, needs $((6 * MB)) MB free on $dir, has $free"
        exit 0
    fi
fi
make_file "$owid" gen_owid
make_file "$sdmx" gen_sdmx

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. bench/lib.sh

# one file: the floor and statbrief check, one after the other
measure() { # label file
    bytes=$(wc -c <"$2")
    r=$(best2 formats "$sw" count "$2") || exit 1
    set -- "$1" "$2" $r
    floor=$3
    r=$(best2 formats ./statbrief check "$2") || exit 1
    set -- "$1" "$2" "$floor" $r
    awk -v label="$1" -v bytes="$bytes" -v file="$2" -v floor="$3" \
        -v secs="$4" -v rss="$5" 'BEGIN {
        size = bytes / 1048576
        ratio = floor / secs
        rssx = rss * 1024 / bytes
        printf "bench formats: %s, %.0f MB (%s)\n", label, size, file
        printf "  floor: bare libcsv pass    %6.2f s  %5.0f MB/s\n", floor, size / floor
        printf "  statbrief check            %6.2f s  %5.0f MB/s   ratio %.2f (target >= 0.6)%s\n", secs, size / secs, ratio, (ratio < 0.6 ? "  below target" : "")
        printf "  peak RSS                   %6.0f MB            %.2f x file (target <= 0.5)%s\n", rss / 1024, rssx, (rssx > 0.5 ? "  below target" : "")
    }'
}

measure "Our World in Data grapher CSV" "$owid"
measure "SDMX-CSV (OECD API, codes)" "$sdmx"
