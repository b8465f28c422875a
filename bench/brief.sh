#!/bin/sh
# bench/brief.sh -- `make bench`, briefs: the example brief end to end
# (process start to the renamed PDF), a brief over the medium data set
# (bench/medium.sh), the provincial panel (bench/panel.sh: 31 regions x
# 12 indicators x 24 years, about its first region) and the World Bank
# GDP download's overview (no focus; 265 countries and aggregates), each
# timed with its peak RSS (best of 3 runs), next to a baseline measured
# in the same run: `statbrief check` of the same input (load and
# validate only). Targets: example <= 0.3 s and <= 100 MB; medium <= 3
# s; panel and World Bank < 1 s and < 150 MB (issue 21), said met or
# not met; the same brief as a web page (--format html) no slower than
# the PDF. Printed, never asserted.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sw=build/rel/csvcount
export SOURCE_DATE_EPOCH=1700000000

best() { # label, command... -> "SECONDS RSS_KIB" of the fastest of 3
    label=$1; shift
    for k in 1 2 3; do
        "$sw" time "$@" 2>"$tmp/t" >/dev/null || { echo "bench: $label failed"; exit 1; }
        # the timing line only: statbrief's own stderr ("wrote ...")
        # shares the file
        grep -E '^[0-9.]+ [0-9]+' "$tmp/t"
    done | sort -n | head -1
}

sh bench/medium.sh "$tmp"
med="$tmp/data.csv $tmp/regions.csv $tmp/indicators.csv"
mkdir "$tmp/panel"
sh bench/panel.sh "$tmp/panel"
wb=tests/portals/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.csv
for set in example medium panel worldbank; do
    case $set in
    example) in=examples/chongqing/ ;;
    medium) in=$med ;;
    panel) in=$tmp/panel/ ;;
    worldbank) in=$wb ;;
    esac
    set -- $(best check ./statbrief check $in)
    base=$1
    # --force: a run after the first would find its PDF current and skip
    set -- $(best report ./statbrief report --force -o "$tmp/$set.pdf" $in)
    secs=$1; rss=$2; cpu=$3
    # the web page of the same brief: no slower than the PDF (issue 23)
    set -- $(best html ./statbrief report --force --format html -o "$tmp/$set.html" $in)
    hsecs=$1; hrss=$2
    pages=$(pdfinfo "$tmp/$set.pdf" | sed -n 's/^Pages: *//p')
    kb=$(( $(wc -c <"$tmp/$set.pdf") / 1024 ))
    case $set in
    example) target="<= 0.3 s, <= 100 MB" ;;
    medium) target="<= 3 s" ;;
    *) target="< 1 s, < 150 MB" ;;
    esac
    echo "bench brief $set: $pages pages, $kb KB"
    # CPU time beside the wall time: on a shared machine the wall time
    # also counts the waits for a core
    awk -v s="$secs" -v h="$hsecs" -v hr="$hrss" -v b="$base" -v r="$rss" -v c="$cpu" -v t="$target" -v set=$set 'BEGIN {
        printf "  statbrief check (baseline)   %.3f s\n", b
        printf "  statbrief report             %.3f s   %.1fx baseline   peak %.0f MiB   cpu %.3f s   (target %s)\n", s, s / b, r / 1024, c, t
        printf "  report --format html         %.3f s   %.1fx baseline   peak %.0f MiB   (target <= the PDF'"'"'s: %s)\n", h, h / b, hr / 1024, h <= s ? "met" : "not met"
        # issue 21: the panel and the World Bank file, said met or not
        if (set == "panel" || set == "worldbank")
            printf "  target < 1 s, < 150 MB       %s\n",
                   s < 1 && r * 1024 < 150e6 ? "met" : "not met" }'
done
