#!/bin/sh
# bench/brief.sh -- `make bench`, briefs: the example brief end to end
# (process start to the renamed PDF) and a brief over the medium data set
# (bench/medium.sh), each timed with its peak RSS (best of 3 runs), next
# to a baseline measured in the same run: `statbrief check` of the same
# input (load and validate only). Targets: example <= 0.3 s and <= 100
# MB; medium <= 3 s. Printed, never asserted.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sw=build/rel/csvcount
export SOURCE_DATE_EPOCH=1700000000

best() { # label, command... -> "SECONDS RSS_KIB" of the fastest of 3
    label=$1; shift
    for k in 1 2 3; do
        "$sw" time "$@" 2>"$tmp/t" >/dev/null || { echo "bench: $label failed"; exit 1; }
        cat "$tmp/t"
    done | sort -n | head -1
}

sh bench/medium.sh "$tmp"
med="$tmp/data.csv $tmp/regions.csv $tmp/indicators.csv"
for set in example medium; do
    if [ $set = example ]; then in=examples/chongqing/; else in=$med; fi
    set -- $(best check ./statbrief check $in)
    base=$1
    set -- $(best report ./statbrief report -o "$tmp/$set.pdf" $in)
    secs=$1; rss=$2
    pages=$(pdfinfo "$tmp/$set.pdf" | sed -n 's/^Pages: *//p')
    kb=$(( $(wc -c <"$tmp/$set.pdf") / 1024 ))
    if [ $set = example ]; then target="<= 0.3 s, <= 100 MB"; else target="<= 3 s"; fi
    echo "bench brief $set: $pages pages, $kb KB"
    awk -v s="$secs" -v b="$base" -v r="$rss" -v t="$target" 'BEGIN {
        printf "  statbrief check (baseline)   %.3f s\n", b
        printf "  statbrief report             %.3f s   %.1fx baseline   peak %.0f MiB   (target %s)\n", s, s / b, r / 1024, t }'
done
