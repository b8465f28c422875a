#!/bin/sh
# tests/oom.sh BIN -- allocation failure, one site at a time. BIN is the
# sanitizer build with the allocation hook (build/oom/statbrief, see
# core/alloc.h). Each command below runs once to learn the allocation
# sites it reaches (SB_ALLOC_SITES), then once per site with that site
# failing (SB_ALLOC_FAIL); every such run must exit 70 (diff: 2, as
# diff(1), cli/cmd_diff.c) with "error: out of memory", print nothing on stdout, leave no sanitizer report (a leak
# on the error path is one) and have met the failure it was given.
#
# What GLib, Cairo, Pango, fontconfig, libcsv and libyaml allocate
# inside is not a site: GLib and the drawing libraries abort when memory
# runs out, by design (docs/HACKING.md, "Allocation failure").
set -u

# Arguments that start with @par: the parallel read (input/csvpar.c) on
# files of any size, in parts of 64 bytes, two workers, two parts of
# three handed out and the third read inline (not as timed: the sites a
# run reaches must not depend on the machine's speed); par exports that
# in the subshell of the run, which drops the word.
par() {
    export SB_TEST_CSV_CHUNK=64 STATBRIEF_THREADS=3 SB_TEST_CSV_MODES=ppi
}

# One run, for xargs: tests/oom.sh --job BIN N SITE -> $OOM_DIR/r.N.SITE
if [ "${1:-}" = --job ]; then
    bin=$2 n=$3 site=$4
    out=$OOM_DIR/r.$n.$(echo "$site" | tr '/:.' '___')
    line=$(sed -n "${n}p" "$OOM_DIR/cmds")
    dir=${line%%|*} args=${line#*|}
    (cd "$dir" && eval "set -- $args" &&
        { [ "${1:-}" != @par ] || { par; shift; }; } &&
        SB_ALLOC_FAIL=$site SB_ALLOC_SITES=$out.fired \
            "$bin" "$@" >"$out.out" 2>"$out.err")
    echo $? >"$out.status"
    exit 0
fi

bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
suite=oom
. tests/lib.sh
top=$(pwd)
export LC_ALL=C SOURCE_DATE_EPOCH=1700000000
LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"
# leaks on the error paths are what this suite is for: never off
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1"
export LSAN_OPTIONS ASAN_OPTIONS
export OOM_DIR="$tmp"
# metrics on two threads in jobs of one indicator (metrics/parallel.h),
# whatever the CPUs: the worker threads' allocations are sites too
export SB_METRICS_THREADS=2 SB_METRICS_JOB_SERIES=1
floor=100          # sites the commands reach together, at least
cases=$top/tests/cases

# Generated inputs for the rarer paths: a long series (more points than
# the level-shift screen keeps on the stack) read out of year order, with flags longer
# than the reader's buffer and more notes than the dataset starts with
# room for; a table named for its indicator by a spec; NBS footnotes.
gen=$tmp/gen
mkdir -p "$gen"
awk 'BEGIN {
    print "indicator,region,year,value,flags,note"
    long = sprintf("%300s", ""); gsub(/ /, "p", long)
    for (y = 1980; y > 1900; y--)
        for (r = 1; r <= 2; r++)
            printf "x,R%d,%d,%d%s,%s,note %d\n", r, y, y - 1800 + r,
                   y % 7 ? "" : " e", y == 1950 ? long : "", y % 20
}' >"$gen/long.csv"
# a note longer than the parallel read's parts may grow (@par: 64 bytes,
# so 64 bytes + 64 KiB): the rest of the file is read serially
awk 'BEGIN {
    print "indicator,region,year,value,note"
    printf "x,R1,2000,1,\""
    for (i = 0; i < 3000; i++)
        printf "line %d of a long note\n", i
    print "\""
    print "x,R1,2001,2,short"
}' >"$gen/longrec.csv"
# wide by region: its headers are regions the gazetteer knows
printf 'year,Chongqing,Sichuan\n2020,1,2\n2021,2,3\n2022,4,4\n' >"$gen/wide.csv"
# NBS footnotes: the first fills its buffer exactly (63 bytes and the
# NUL), so the separator before the next one grows it
printf '数据库：分省年度数据\n指标：R&D(亿元)\n地区,2022年,2021年\n北京市,1,2\n注：%s\n数据来源：国家统计局\n' \
    "$(printf '%57s' '' | tr ' ' a)" >"$gen/nbs.csv"
printf 'data:\n  - path: wide.csv\n    indicator: rd_x\nsections:\n  - summary: true\n' \
    >"$gen/spec.yaml"

# The commands: "FOLDER|ARGUMENTS", run in FOLDER. Together they reach
# the loader through every shape, export layout (Our World in Data,
# SDMX-CSV with its held rows, Eurostat CSV too) and encoding, the data
# model's end-of-load pass (duplicates), names joined through the
# gazetteer, tables without an indicator or region column (named by
# the file or an option), the metrics in every format, the formatter,
# the summary and dump, the spec parser, the screen (check --screen,
# and the series breaks the metrics' windows start at), and
# indicators.csv's links (real_growth, resolved when the file is read).
# (metrics of the panels has two indicators: an allocation failing in
# the second one's series must not leave the first one's rows on stdout.)
cat >"$tmp/cmds" <<EOF
$top|check examples/chongqing/
$top|check --dump --flags examples/chongqing/
$top|metrics --format csv examples/chongqing/
$top|metrics --format json --lang zh examples/chongqing/
$top|metrics examples/chongqing/
$top|metrics --interpolate --group west --format table examples/chongqing/
$top|check --spec examples/chongqing/brief.yaml
$top|check -q --spec tests/spec/valid-full.yaml
$cases/export-wdi-folder|check API_GB.XPD.RSDV.GD.ZS_DS2_en_csv_v2/
$cases/export-wdi-databank|check --dump Data_Extract_From_World_Development_Indicators.csv
$cases/export-oecd|check --dump --flags MSTI_PUB_25112026.csv
$cases/export-eurostat|check --dump --flags estat_rd_e_gerdtot.tsv
$cases/export-nbs|check 分省年度数据.csv regions.csv
$cases/export-nbs-national|check --encoding gbk --dump 年度数据.csv
$cases/decimal-comma-detected|check --dump t.csv
$cases/quoted-names|check --dump t.csv
$cases/shape-wide-region|check --dump rd_intensity.csv
$cases/shape-wide-indicator|check --dump panel.csv
$cases/aliases|check --dump data.csv regions.csv
$cases/duplicate-same|check a.csv b.csv
$cases/duplicate-conflict|check a.csv b.csv
$cases/export-owid-ids|check --dump t.csv
$cases/export-sdmx-unit-codes|check t.csv
$cases/export-sdmx-code-label-cells|check --dump --flags t.csv
$cases/export-sdmx-status-codes|check --dump --flags t.csv
$cases/export-sdmx-duplicate|check t.csv
$cases/export-eurostat-csv-index|check --dump t.csv
$top/examples/chongqing|check --spec brief.yaml
$gen|check --dump --flags long.csv
$gen|metrics --format csv long.csv
$gen|check --spec spec.yaml
$gen|check nbs.csv
$cases/gaz-kept-apart|check a.csv b.csv
$cases/gaz-two-letter|check --dump countries.csv estat.tsv states.csv
$top/tests/data/panels|check --dump gdp.csv population.csv
$top/tests/data/panels|metrics --format csv gdp.csv population.csv
$top/tests/data/panels|check --region-name World global.csv
$cases/panel-long-no-region|check --dump --region-name Chongqing chongqing.csv
$cases/panel-no-dimension-region-name|check --region-name Chongqing gdp.csv
$cases/screen-slip|check --screen data.csv
$cases/screen-parts|check --screen --lang zh data.csv regions.csv indicators.csv
$cases/screen-rounded|check --screen data.csv
$cases/screen-stale|check --screen data.csv
$cases/screen-break|metrics --format csv data.csv
$cases/kind-metrics|metrics --format csv data.csv indicators.csv regions.csv
$cases/diff-rules|diff old new
$cases/diff-unit|diff --format json old new
$cases/diff-alias|diff --format md old new
$cases/diff-meta|diff --format csv --figures old new
$cases/diff-filter|diff --format csv --figures --indicator pop --indicator gdp --from 2021 --to 2021 old new
$cases/diff-brief-spec|diff --brief --spec spec.yaml old new
$cases/quoted-names|@par check --dump t.csv
$top/tests/data/panels|@par check --dump gdp.csv population.csv
$gen|@par check --dump longrec.csv
EOF
n_cmds=$(wc -l <"$tmp/cmds")

# ---- the sites each command reaches ---------------------------------------
: >"$tmp/jobs"
i=1
while [ $i -le "$n_cmds" ]; do
    line=$(sed -n "${i}p" "$tmp/cmds")
    dir=${line%%|*} args=${line#*|}
    (cd "$dir" && eval "set -- $args" &&
        { [ "${1:-}" != @par ] || { par; shift; }; } &&
        SB_ALLOC_SITES="$tmp/sites.$i" "$bin" "$@" >/dev/null 2>"$tmp/good.err")
    st=$?
    if grep -q 'Sanitizer\|runtime error' "$tmp/good.err"; then
        ko "$args: a sanitizer report without any failure: $(head -c 300 "$tmp/good.err")"
    elif [ $st = 70 ] || [ ! -s "$tmp/sites.$i" ]; then
        ko "$args: exit $st, $(wc -l <"$tmp/sites.$i" 2>/dev/null || echo no) sites"
    else
        ok
    fi
    sort -u "$tmp/sites.$i" 2>/dev/null | sed "s|^|$i |" >>"$tmp/jobs"
    i=$((i + 1))
done
cut -d' ' -f2 "$tmp/jobs" | sort -u >"$tmp/reached"
n_sites=$(wc -l <"$tmp/reached")
n_runs=$(wc -l <"$tmp/jobs")
[ "$n_sites" -ge $floor ] && ok ||
    ko "the commands reach only $n_sites allocation sites (floor $floor)"

# ---- each site failing, two runs at a time ----------------------------------
xargs -P 2 -L 1 sh "$top/tests/oom.sh" --job "$bin" <"$tmp/jobs"

while read -r i site; do
    r=$tmp/r.$i.$(echo "$site" | tr '/:.' '___')
    args=$(sed -n "${i}p" "$tmp/cmds" | cut -d'|' -f2)
    what="$args, $site failing"
    st=$(cat "$r.status" 2>/dev/null)
    want=70
    case $args in diff\ *) want=2 ;; esac
    if ! grep -qxF "!$site" "$r.fired" 2>/dev/null; then
        ko "$what: the failure was not injected"
    elif grep -q 'Sanitizer\|runtime error' "$r.err"; then
        ko "$what: $(grep -m 1 'Sanitizer\|runtime error' "$r.err")"
    elif [ "$st" != $want ]; then
        ko "$what: exit $st, expected $want: $(head -c 300 "$r.err")"
    elif ! grep -q '^statbrief: .*error: out of memory$' "$r.err"; then
        ko "$what: no \"error: out of memory\": $(head -c 300 "$r.err")"
    elif [ -s "$r.out" ]; then
        ko "$what: $(wc -c <"$r.out") bytes on stdout"
    else
        ok
    fi
done <"$tmp/jobs"

# The sites in the code: each line that calls one of core/alloc.h's
# macros (a line holds one). Those no command reaches are listed.
grep -nE '\bsb_(new0?|renew|malloc|calloc|strn?dup|memdup|grow|text_add|ptrs_add)\(' \
    core/*.c input/*.c metrics/*.c | grep -v '^core/alloc\.c:' | cut -d: -f1,2 |
    sort >"$tmp/all"
n_all=$(wc -l <"$tmp/all")
echo "oom: $n_sites of $n_all allocation sites reached by $n_cmds commands," \
    "$n_runs failing runs"
comm -23 "$tmp/all" "$tmp/reached" | sed 's/^/oom: not reached: /'

# ---- libcrypto failing ---------------------------------------------------------
# The digest context is a site too (core/sha256.c): report and charts stop
# with exit 70 and libcrypto's failure named, write nothing, and never
# abort (they used to, through g_error).
site=core/sha256.c:$(grep -n 'SB_ALLOC_FAILS() ? NULL : EVP_MD_CTX_new' \
    "$top/core/sha256.c" | cut -d: -f1)
for cmd in "report -o $tmp/dg/b.pdf" "charts -o $tmp/dg/c"; do
    rm -rf "$tmp/dg"; mkdir "$tmp/dg"
    SB_ALLOC_FAIL=$site "$bin" $cmd "$top/examples/chongqing/" \
        >"$tmp/dg.out" 2>"$tmp/dg.err"
    st=$?
    what="${cmd%% *} with $site failing"
    [ $st = 70 ] && ok || ko "$what: exit $st, expected 70"
    grep -qx 'statbrief: error: libcrypto could not compute a SHA-256 digest' \
        "$tmp/dg.err" && ok || ko "$what: $(head -c 300 "$tmp/dg.err")"
    [ -z "$(ls -A "$tmp/dg")" ] && ok || ko "$what wrote $(ls -A "$tmp/dg")"
done
summary
