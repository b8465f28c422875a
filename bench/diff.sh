#!/bin/sh
# bench/diff.sh -- `make bench`, diff: two vintages of the long CSV of
# BENCH_MB MB (default 1024; bench/lib.sh's long_file, the file of
# bench/load.sh), the second with 1% of its values revised and a few
# rows withdrawn and added, compared by `statbrief diff --format csv`;
# in the same run, one full load of the first (`statbrief check --from
# 1`: the summary `check` prints, from a load that holds the values, as
# diff's loads do; plain `check` holds none). Prints both times and peak
# RSS, and the ratios against the targets: diff time <= 2.5 x the
# load's, diff peak RSS <= 0.6 x one file's size. Figures are
# printed, never asserted (a missed target is marked "below target"),
# but the diff's rows are counted by change and held against what the
# second vintage was made with: a wrong count fails the bench.
#
# The second vintage, deterministic (from the row number, no rand()):
# every 100th row that has a value is revised by 1 to 9 units of its
# last published decimal (printed with the same decimals: a revision,
# never a rounding); every 99,991st row is left out (withdrawn, when it
# had a value); every 1,009th series gets a value for 2024 (added). It
# is kept in bench/cache/ beside the first, with the counts it was made
# with.
set -eu
sw=build/rel/csvcount
. bench/lib.sh
MB=$(bench_mb diff) || exit 2
old=$(long_file diff "$MB") || exit 0
new=bench/cache/long-${MB}MB-v2.csv
counts=$new.counts

if [ ! -f "$new" ] || [ ! -f "$counts" ]; then
    bench_room diff "$MB" || exit 0
    echo "bench: diff: generating $new (once) ..." >&2
    rm -f "$new".tmp.*
    tmpf=$new.tmp.$$
    trap 'rm -f "$tmpf" "$tmpf.counts"' EXIT
    trap 'rm -f "$tmpf" "$tmpf.counts"; exit 130' INT TERM
    awk -F, -v counts="$tmpf.counts" '
    NR == 1 { print; next }
    NR % 99991 == 0 { if ($4 != "..") withdrawn++; next }
    NR % 100 == 41 && $4 != ".." {
        d = index($4, ".") ? length($4) - index($4, ".") : 0
        v = $4 + (1 + NR % 9) * 10 ^ -d
        printf "%s,%s,%s,%.*f\n", $1, $2, $3, d, v
        revised++
    }
    !(NR % 100 == 41 && $4 != "..") { print }
    $3 == 2023 && ++series % 1009 == 0 {
        printf "%s,%s,2024,%s\n", $1, $2, ($4 == ".." ? "1" : $4)
        added++
    }
    END {
        printf "revised %d\nadded %d\nwithdrawn %d\n", revised, added,
               withdrawn >counts
    }' "$old" >"$tmpf"
    mv "$tmpf.counts" "$counts"
    mv "$tmpf" "$new"
    trap - EXIT INT TERM
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bytes=$(wc -c <"$old")
cat "$old" "$new" >/dev/null          # the page cache, for both

r=$(best2 diff ./statbrief check --from 1 "$old") || exit 1
set -- $r
csecs=$1 crss=$2 ccpu=$3
r=$(best2_ok="0 1" best2 diff ./statbrief diff --format csv "$old" "$new") ||
    exit 1
set -- $r
dsecs=$1 drss=$2 dcpu=$3

# once more, its rows counted by change (column 4) against the counts
st=0
./statbrief diff --format csv "$old" "$new" >"$tmp/rev.csv" || st=$?
if [ "$st" -ne 1 ]; then
    echo "bench: diff: exit $st, expected 1 (differences)" >&2
    exit 1
fi
awk -F, 'NR > 1 { n[$4]++ }
    END { printf "revised %d\nadded %d\nwithdrawn %d\n", n["revised"],
                 n["added"], n["withdrawn"] }' "$tmp/rev.csv" >"$tmp/got"
if ! cmp -s "$tmp/got" "$counts"; then
    echo "bench: diff: the changes found are not the changes made:" >&2
    diff "$counts" "$tmp/got" >&2 || true
    exit 1
fi

awk -v mb="$MB" -v bytes="$bytes" -v cs="$csecs" -v cr="$crss" -v cc="$ccpu" \
    -v ds="$dsecs" -v dr="$drss" -v dc="$dcpu" \
    -v made="$(awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1 }' "$counts")" \
    -v load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)" 'BEGIN {
    t = ds / cs
    m = dr * 1024 / bytes
    printf "bench diff: two %d MB long CSVs, the second with %s (load average %s)\n", mb, made, load
    printf "  statbrief check --from 1 (one file, values held) %6.2f s  CPU %6.2f s  %6.0f MB\n", cs, cc, cr / 1024
    printf "  statbrief diff --format csv       %6.2f s  CPU %6.2f s  %6.0f MB\n", ds, dc, dr / 1024
    printf "  time                 %.2f x the load (target <= 2.5)%s; CPU %.2f x\n", t, (t > 2.5 ? "  below target" : ""), dc / cc
    printf "  peak RSS             %.2f x file    (target <= 0.6)%s\n", m, (m > 0.6 ? "  below target" : "")
}'
