#!/bin/sh
# bench/batch.sh -- `make bench`, batches: 300 per-region briefs from a
# spec's foreach, rendered with --jobs 1 and --jobs 2 in the same run
# (speed-up; target >= 1.7x on 2 cores), and a rerun where nothing
# changed (target <= 5% of the full build). Figures printed, not asserted.
set -eu
R=${BENCH_REGIONS:-300}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sw=build/rel/csvcount
bin=$(pwd)/statbrief
export SOURCE_DATE_EPOCH=1700000000

# R regions x 6 indicators x 12 years, smooth series with a little noise
awk -v nr="$R" -v dir="$tmp" 'BEGIN {
    print "id,name,unit,kind" > dir "/indicators.csv"
    split("amount amount rate count rate amount", kind, " ")
    for (i = 1; i <= 6; i++)
        printf("ind%d,Indicator %d,%s,%s\n", i, i,
               kind[i] == "rate" ? "%" : "units", kind[i]) > (dir "/indicators.csv")
    print "region,groups" > dir "/regions.csv"
    print "indicator,region,year,value" > dir "/data.csv"
    for (r = 1; r <= nr; r++) {
        printf "Region %03d,all\n", r > dir "/regions.csv"
        for (i = 1; i <= 6; i++)
            for (y = 2012; y <= 2023; y++) {
                base = (kind[i] == "rate" ? 1 : 100) * (1 + r / nr)
                grow = 1 + (y - 2012) * (0.03 + (r * 7 + i) % 11 / 200)
                v = base * grow + ((r * 31 + i * 17 + y * 13) % 7) / 10
                printf("ind%d,Region %03d,%d,%.2f\n", i, r, y, v) > (dir "/data.csv")
            }
    }
}'
# each brief compares its region with the same eight peers, as a city's
# brief would with its province's
cat >"$tmp/batch.yaml" <<YAML
title: "{focus}: indicators, {year}"
data: [data.csv]
metadata: [indicators.csv, regions.csv]
regions: [Region 001, Region 002, Region 003, Region 004, Region 005,
          Region 006, Region 007, Region 008]
foreach:
  regions: all
output: "out/{region}.pdf"
YAML

run() { # label, args...
    label=$1; shift
    (cd "$tmp" && "$OLDPWD/$sw" time "$bin" report -q --spec batch.yaml "$@") 2>"$tmp/t" ||
        { echo "bench: batch: $label failed"; cat "$tmp/t"; exit 1; }
    read -r secs rss _cpu <"$tmp/t"
    echo "$secs"
}
one=$(run "--jobs 1" --jobs 1 --force)
two=$(run "--jobs 2" --jobs 2 --force)
again=$(run "rerun" --jobs 2)
n=$(ls "$tmp/out" | grep -c '\.pdf$')
echo "bench batch: $n per-region briefs (6 indicators x 12 years each)"
awk -v a="$one" -v b="$two" -v c="$again" -v n="$n" 'BEGIN {
    printf "  --jobs 1                      %6.2f s   %.1f briefs/s\n", a, n / a
    printf "  --jobs 2                      %6.2f s   %.1f briefs/s   speed-up %.2fx (target >= 1.7)%s\n",
           b, n / b, a / b, (a / b >= 1.7 ? "" : "  below target")
    printf "  rerun, nothing changed        %6.2f s   %.1f%% of the full build (target <= 5%%)%s\n",
           c, 100 * c / a, (100 * c / a <= 5 ? "" : "  below target") }'
