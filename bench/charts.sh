#!/bin/sh
# bench/charts.sh -- `make bench`, charts: a medium data set (40
# indicators x 30 regions x 30 years) drawn by statbrief to PDF and PNG
# at 150 dpi, and the same charts drawn by gnuplot (pdfcairo and pngcairo
# terminals, one gnuplot process for all of them), timed in the same run.
# Prints charts per second for both and the ratios (targets: >= 3x in one
# process, >= 4x with --jobs 2). STATBRIEF=PATH times another build (a
# baseline: the same run, the same gnuplot).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sw=build/rel/csvcount
sb=${STATBRIEF:-./statbrief}
IND=40 REG=30 YEARS=30    # as bench/medium.sh makes them

# the data: long CSV for statbrief; one wide .dat per indicator for gnuplot
sh bench/medium.sh "$tmp"

# gnuplot: 160 x 100 mm like statbrief's default; PNG at 150 dpi
{
    echo "set key outside right; set grid ytics; set border 3"
    i=0
    while [ $i -lt $IND ]; do
        n=$(printf '%02d' $i)
        for t in pdf png; do
            if [ $t = pdf ]; then
                echo "set terminal pdfcairo size 16cm,10cm font 'Noto Sans,9'"
            else
                echo "set terminal pngcairo size 945,591 font 'Noto Sans,9'"
            fi
            echo "set output '$tmp/gp/ind$n.$t'"
            echo "set title 'Indicator $n'"
            echo "plot for [c=2:$((REG + 1))] '$tmp/ind$n.dat' using 1:c with lines title columnheader"
        done
        i=$((i + 1))
    done
} >"$tmp/bench.gp"
mkdir -p "$tmp/gp"

# --type line: the same chart gnuplot draws (30 regions would otherwise
# make small multiples); best of three, then the same with --jobs 2
best() { # OUT DIR ARGS...: the fastest of three --force runs
    out=$1 dir=$2; shift 2
    : >"$out"
    for k in 1 2 3; do
        "$sw" time "$sb" charts -q --force --type line --format pdf,png \
            --dpi 150 -o "$dir" "$@" "$tmp/data.csv" "$tmp/regions.csv" \
            "$tmp/indicators.csv" 2>>"$out"
    done
    sort -n "$out" | head -n 1 >"$out.best"
    mv "$out.best" "$out"
}
best "$tmp/t1" "$tmp/sb"
best "$tmp/t3" "$tmp/sb2" --jobs 2
"$sw" time gnuplot "$tmp/bench.gp" 2>"$tmp/t2"
read -r sb_s sb_rss sb_cpu <"$tmp/t1"
read -r j2_s j2_rss j2_cpu <"$tmp/t3"
read -r gp_s gp_rss gp_cpu <"$tmp/t2"
# charts only: statbrief also writes each chart's alt text (.txt)
n_sb=$(ls "$tmp/sb" | grep -c '\.\(pdf\|png\)$')
n_gp=$(ls "$tmp/gp" | grep -c '\.\(pdf\|png\)$')
echo "bench charts: $IND indicators x $REG regions x $YEARS years, PDF + PNG at 150 dpi"
# wall: what a user waits for (statbrief compresses a chart's PNG on a
# second thread while it draws the PDF); CPU: user + system seconds, the
# work done, which a machine with one core would wait for
awk -v a="$sb_s" -v b="$gp_s" -v c="$j2_s" -v na="$n_sb" -v nb="$n_gp" \
    -v ra="$sb_rss" -v ca="$sb_cpu" -v cb="$gp_cpu" -v cc="$j2_cpu" 'BEGIN {
    printf "  statbrief            %3d files  %.2f s (CPU %.2f s)  %6.1f charts/s  peak %d MiB\n", na, a, ca, na / a, ra / 1024
    printf "  statbrief --jobs 2   %3d files  %.2f s (CPU %.2f s)  %6.1f charts/s\n", na, c, cc, na / c
    printf "  gnuplot              %3d files  %.2f s (CPU %.2f s)  %6.1f charts/s (one process)\n", nb, b, cb, nb / b
    r1 = (na / a) / (nb / b); r2 = (na / c) / (nb / b)
    printf "  ratio                %.2fx gnuplot (per CPU second %.2fx; target >= 3x)%s\n",
           r1, (na / ca) / (nb / cb), r1 < 3 ? " below target" : ""
    printf "  ratio --jobs 2       %.2fx gnuplot (per CPU second %.2fx; target >= 4x)%s\n",
           r2, (na / cc) / (nb / cb), r2 < 4 ? " below target" : "" }'
