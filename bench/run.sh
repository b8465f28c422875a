#!/bin/sh
# bench/run.sh -- `make bench`: how fast statbrief loads, against a raw
# libcsv pass over the same file measured in the same run, and what all
# metrics cost next to the load (time and peak memory). Figures are
# printed, never asserted: the ratios are what to watch across changes.
set -eu
N=${BENCH_VALUES:-2000000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sw=build/rel/csvcount

# long shape: N values, 100 indicators x N/3000 regions x 30 years
awk -v n="$N" 'BEGIN {
    print "indicator,region,year,value"
    for (i = 0; i < n; i++)
        printf "ind%02d,Region %05d,%d,%d.%d\n", i % 100, int(i / 3000),
               1990 + int(i / 100) % 30, i % 9973, i % 10 }' >"$tmp/long.csv"
# wide by year: the same values, 30 year columns
awk -v n="$N" 'BEGIN {
    printf "indicator,region"; for (y = 1990; y < 2020; y++) printf ",%d", y
    print ""
    for (r = 0; r < n / 30; r++) {
        printf "ind%02d,Region %05d", r % 100, int(r / 100)
        for (y = 0; y < 30; y++) printf ",%d.%d", (r * 30 + y) % 9973, y % 10
        print "" } }' >"$tmp/wide.csv"

run() { # label, command...
    label=$1; shift
    "$sw" time "$@" 2>"$tmp/t" || { echo "bench: $label failed"; exit 1; }
    read -r secs rss _cpu <"$tmp/t"
    echo "$secs $rss"
}

for shape in long wide; do
    f="$tmp/$shape.csv"
    mb=$(du -m "$f" | cut -f1)
    set -- $(run baseline "$sw" count "$f")
    base=$1
    set -- $(run check ./statbrief check "$f")
    secs=$1; rss=$2
    set -- $(run dump ./statbrief check --dump "$f")
    dsecs=$1
    echo "bench $shape: $N values, $mb MB"
    echo "  raw libcsv pass (baseline)   $base s"
    awk -v s="$secs" -v b="$base" -v r="$rss" -v n="$N" 'BEGIN {
        printf "  statbrief check              %s s   %.2fx baseline   %.0f values/s\n", s, s / b, n / s
        printf "  peak memory                  %.0f MiB   %.0f bytes/value\n", r / 1024, r * 1024 / n }'
    awk -v s="$dsecs" -v b="$base" 'BEGIN {
        printf "  statbrief check --dump       %s s   %.2fx baseline\n", s, s / b }'
    # metrics: targets are <= 10% of the load time and <= 10% more peak RSS
    build/rel/metricsbench "$f"
done
