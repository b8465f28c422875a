#!/bin/sh
# bench/shortest.sh -- `make bench`, shortest: core/shortest.c (Ryu)
# against the printf-and-strtod routine it replaced, on BENCH_SHORTEST
# values (default 1,000,000,000; about 30 minutes of both cores here:
# the old routine takes 1 to 4 microseconds a value) of a deterministic
# stream, on 2 threads (bench/shortest.c says what the stream holds).
# Prints identical texts, differences (each one new shorter, or as long
# and closer, both reading back) and failures, then ns per value of each
# routine by kind of value. Times are printed, never asserted; a failure
# (a text that does not read back, or a difference of another kind)
# fails the bench.
set -eu
n=${BENCH_SHORTEST:-1000000000}
case $n in
'' | *[!0-9]* | 0) echo "bench: shortest: BENCH_SHORTEST must be a positive integer" >&2
                   exit 2 ;;
esac
build/rel/shortestbench "$n"
