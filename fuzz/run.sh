#!/bin/sh
# fuzz/run.sh SECONDS TARGET... -- `make fuzz`: seed each target's corpus
# from the test cases (once; the corpus grows in build/fuzz/corpus/ and is
# kept between runs), then run it for SECONDS with libFuzzer. A crash,
# leak, sanitizer report or an input slower than 1 s stops the target and
# leaves its input in build/fuzz/found/ (turn it into a case in tests/).
set -u
secs=$1; shift
top=$(pwd)
status=0
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export SB_FUZZ_TOP="$top"
mkdir -p build/fuzz/found
for t in "$@"; do
    corpus=build/fuzz/corpus/$t
    if [ ! -d "$corpus" ]; then
        mkdir -p "$corpus"
        case $t in
        cell)   # the cells of tests/cells.test: "[text] => ..." lines
            sed -n 's/^\[\(.*\)\] .*/\1/p' tests/cells.test | awk -v d="$corpus" \
                '{ f = sprintf("%s/seed-%04d", d, NR); printf "%s", $0 > f; close(f) }' ;;
        load)   # every test table, behind an options byte
            n=0
            for f in tests/cases/*/*.csv tests/cases/*/*.tsv examples/chongqing/*.csv; do
                [ -f "$f" ] || continue
                n=$((n + 1))
                { printf '\000'; cat "$f"; } >"$corpus/seed-$n"
            done ;;
        metrics) # a few series: options byte, then 12-byte values
            awk -v d="$corpus" 'BEGIN { for (s = 1; s <= 8; s++) {
                f = sprintf("%s/seed-%d", d, s); printf "%c", s > f
                for (k = 0; k < 6 * s; k++)
                    printf "%c%c%c%c%c%c%c%c%c%c%c%c", k % 3, k % 5, k % 30, 0,
                        0, 0, 0, 0, 0, 0, 36 + k % 8, 64 > f
                close(f) } }' ;;
        placeholder) # the spec texts' placeholders, and a few by hand
            n=0
            for p in '{rd_expenditure Chongqing pct_change 2017-2021}' \
                '{rd_intensity focus rank}' '{finding rd_expenditure}' \
                '{sentences high_tech_enterprises Sichuan}' '{year} {from} {{ }}' \
                '{gdp "Chongqing" value 2022}' '{rd_intensity benchmark gap}'; do
                n=$((n + 1))
                printf '%s' "$p" >"$corpus/seed-$n"
            done
            grep -h "{" examples/chongqing/*.yaml | while read -r l; do
                n=$((n + 1)); printf '%s' "$l" >"$corpus/line-$n"; done ;;
        spec)
            n=0
            for f in tests/spec/*.yaml examples/chongqing/*.yaml tests/cases/*/*.yaml; do
                [ -f "$f" ] || continue
                n=$((n + 1))
                cp "$f" "$corpus/seed-$n"
            done ;;
        esac
    fi
    echo "fuzz: $t for $secs s ($(ls "$corpus" | wc -l) inputs in the corpus)"
    (cd build/fuzz/found && "$top/build/fuzz/fuzz_$t" -max_total_time="$secs" \
        -timeout=1 -rss_limit_mb=2048 -print_final_stats=1 \
        "$top/$corpus" 2>"$top/build/fuzz/$t.log")
    st=$?
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "build/fuzz/$t.log" |
        sed "s/^/fuzz: $t: /"
    if [ $st != 0 ]; then
        echo "fuzz: $t FOUND a problem (exit $st): see build/fuzz/$t.log and build/fuzz/found/"
        grep -m1 -E "ERROR|runtime error|Timeout|leak" "build/fuzz/$t.log"
        status=1
    fi
done
exit $status
