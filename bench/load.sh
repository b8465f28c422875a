#!/bin/sh
# bench/load.sh -- `make bench`, loading: a long CSV of BENCH_MB MB
# (default 1024) read by a bare libcsv pass that only counts fields (the
# floor: bench/csvcount.c) and by `statbrief check`, in the same run.
# Prints both speeds in MB/s, statbrief's ratio to the floor (target
# >= 0.6) and its peak RSS against the file size (target <= 0.5 x).
# Figures are printed, never asserted: a missed target is only marked
# "below target" and the script still exits 0.
#
# The file is bench/lib.sh's long_file: built once and kept in
# bench/cache/ (git-ignored); skipped, with a message, when the disk has
# less than 3 x BENCH_MB free.
set -eu
sw=build/rel/csvcount
. bench/lib.sh
MB=$(bench_mb load) || exit 2
file=$(long_file load "$MB") || exit 0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bytes=$(wc -c <"$file")

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
