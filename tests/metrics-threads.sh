#!/bin/sh
# tests/metrics-threads.sh BIN -- `metrics` on several threads writes
# the same bytes as on one (metrics/parallel.h): every format, on the
# example, the real-data inputs of tests/data and a generated file of
# many series, with SB_METRICS_THREADS=1 (metrics_each on the calling
# thread alone) against 2 and 4 threads in jobs of one indicator each
# (SB_METRICS_JOB_SERIES=1), of a few and of the default size. Ends
# "metricsthreads: N passed, M failed".
set -u
bin=$1
suite=metricsthreads
. tests/lib.sh

# 24 indicators x 150 regions x 20 years, every 7th value missing, some
# negative (no percent across zero), a rate among the amounts: many jobs
# whatever their size
awk 'BEGIN {
    print "indicator,region,year,value"
    for (i = 0; i < 24; i++)
        for (r = 0; r < 150; r++)
            for (y = 2000; y < 2020; y++) {
                k = i * 3000 + r * 20 + y - 2000
                if (k % 7 == 3) continue
                v = (r + 1) * (1 + (y - 2000) * (0.01 + i / 1000)) + (k % 13) / 10
                if (i % 5 == 4) v = v - 80
                printf "ind%02d,reg%03d,%d,%.2f\n", i, r, y, v
            }
}' >"$tmp/many.csv"

# One input and format: the one-thread output, then the others against it.
same() {
    what=$*
    SB_METRICS_THREADS=1 "$bin" metrics "$@" >"$tmp/one" 2>"$tmp/one.err"
    st=$?
    if [ $st != 0 ] || [ ! -s "$tmp/one" ]; then
        ko "$what: one thread exited $st: $(head -c 300 "$tmp/one.err")"
        return
    fi
    for cfg in 2:1 4:1 3:40 2:0; do
        SB_METRICS_THREADS=${cfg%:*} SB_METRICS_JOB_SERIES=${cfg#*:} \
            "$bin" metrics "$@" >"$tmp/got" 2>"$tmp/err"
        if cmp -s "$tmp/one" "$tmp/got" && cmp -s "$tmp/one.err" "$tmp/err"
        then ok; else
            ko "$what: threads:job series $cfg differ from one thread:" \
               "$(diff "$tmp/one" "$tmp/got" | head -5)"
        fi
    done
}

for fmt in csv json table; do
    same --format "$fmt" examples/chongqing/
    same --format "$fmt" "$tmp/many.csv"
    for d in eurostat-pandas index nbs owid panels sdmx tables topic \
        worldbank; do
        same --format "$fmt" "tests/data/$d"
    done
done
same --format table --lang zh --interpolate examples/chongqing/
same --format json --interpolate --group west examples/chongqing/
same --format csv --from 2005 --to 2015 "$tmp/many.csv"
same --format table --interpolate "$tmp/many.csv"

# the many-series file: a row per series, in indicator and region order
SB_METRICS_THREADS=4 SB_METRICS_JOB_SERIES=1 "$bin" metrics --format csv \
    "$tmp/many.csv" >"$tmp/got" 2>/dev/null
[ "$(wc -l <"$tmp/got")" = 3601 ] && ok ||
    ko "many.csv: $(wc -l <"$tmp/got") lines, expected 3,600 series and a header"
tail -n +2 "$tmp/got" | cut -d, -f1,2 >"$tmp/keys"
LC_ALL=C sort -c "$tmp/keys" 2>/dev/null && ok ||
    ko "many.csv: rows out of indicator and region order"
summary
