#!/bin/sh
# tests/parallel.sh BIN UNIT -- the parallel read (input/csvpar.c) gives
# what the serial read gives, through the whole program. BIN is a build
# with -DSB_TEST_HOOKS (SB_TEST_CSV_CHUNK=N: parts of N bytes, files of
# any size read in parallel). Each CLI case runs in parts of 1 byte and
# must still match its expected output; check --dump --flags of every
# table of tests/data is byte for byte the serial one (stdout, stderr,
# status), in parts of 1, 7 and 150 bytes, handed to workers or read inline
# (SB_TEST_CSV_MODES) or as timed; generated files above the 8 MiB
# threshold, with the default parts, read like the serial read: clean,
# quoted records with line ends inside, sorted series, an error in the
# last line; hand-made files of runs in parts of 20 to 150 bytes.
# Ends "parallel: N passed, M failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
unit=$2
suite=parallel
. tests/lib.sh
top=$(pwd)
export LC_ALL=C SOURCE_DATE_EPOCH=1700000000

# The CLI cases, every file read in parts of one byte by two workers.
SB_TEST_CSV_CHUNK=1 STATBRIEF_THREADS=3 \
    sh tests/run-cases.sh "$bin" "$unit" >"$tmp/cases" 2>&1
line=$(grep '^cases: [0-9]* passed, [0-9]* failed' "$tmp/cases" | tail -n 1)
case $line in
*" 0 failed") ok ;;
*) ko "the CLI cases in parts of 1 byte: ${line:-no result}"
   grep '^FAIL' "$tmp/cases" | head -n 20 ;;
esac

# alike WHAT: the parallel run ($tmp/p.*) gave what the serial one
# ($tmp/s.*) gave: stdout, stderr and status.
alike() {
    if cmp -s "$tmp/s.out" "$tmp/p.out" && cmp -s "$tmp/s.err" "$tmp/p.err" &&
        cmp -s "$tmp/s.st" "$tmp/p.st"; then
        ok
    else
        ko "$1: not the serial read's:" \
           "$(diff "$tmp/s.out" "$tmp/p.out" | head -n 4)" \
           "$(diff "$tmp/s.err" "$tmp/p.err" | head -n 4)"
    fi
}

# same WHAT DIR ARGS...: check ARGS in DIR serially, then in parallel
# with parts of 1 and 7 bytes (and the defaults), the parts going the
# ways the chooser times (input/csvchoose.h), or as SB_TEST_CSV_MODES
# says: every other one read inline by the calling thread, or two of
# three; and in parts of 150 bytes, where runs of rows form; all alike.
same() {
    what=$1 dir=$2
    shift 2
    (cd "$dir" && STATBRIEF_THREADS=1 "$bin" check "$@" \
        >"$tmp/s.out" 2>"$tmp/s.err"; echo $? >"$tmp/s.st")
    for run in 1: 7: : 1:pi 7:iip 150:ppi; do
        chunk=${run%%:*} ways=${run#*:}
        (cd "$dir" && SB_TEST_CSV_CHUNK=$chunk SB_TEST_CSV_MODES=$ways \
            STATBRIEF_THREADS=2 "$bin" check "$@" >"$tmp/p.out" \
            2>"$tmp/p.err"
            echo $? >"$tmp/p.st")
        alike "$what, parts of ${chunk:-default} bytes, ways ${ways:-timed}"
    done
}

# Runs (input/csvrow.h): a series' rows handed over as one array. Edge
# rules, made by hand, read in parts of a few rows, all handed out or
# mixed: rows that repeat the header's names (their lead is the header:
# the calling thread does not take the run and reads the rows again),
# missing and percent values, a bad value and a short row inside a run,
# a duplicate year, series interleaved, a new name mid-file, a column
# with an empty header (warned about on the first row only), or one
# that never gets a value (no row is row_fast's: every run is declined,
# and the parts begun after make none), a BOM.
mkdir "$tmp/runs"
printf 'indicator,region,year,value\nindicator,region,2000,1\nindicator,region,2001,2\nindicator,region,2002,3\nindicator,other,2000,4\nindicator,other,2001,5\n' \
    >"$tmp/runs/header-names.csv"
{ printf '\357\273\277'; cat "$tmp/runs/header-names.csv"; } \
    >"$tmp/runs/header-names-bom.csv"
{
    printf 'indicator,region,year,value,\n'
    for r in A B C D; do
        for y in 2001 2002 2003 2004 2005 2006; do
            printf 'gdp,%s,%s,%s.5,\n' $r $y $y
        done
    done
} >"$tmp/runs/unnamed-empty.csv"
{
    printf 'indicator,region,year,value\n'
    for r in A B C; do
        for y in 2001 2002 2003 2004 2005 2006 2007 2008; do
            case $r$y in
            A2003) v=.. ;; B2005) v=12% ;; C2002) v= ;; *) v=$y.5 ;;
            esac
            printf 'gdp,%s,%s,%s\n' "$r" "$y" "$v"
        done
        printf '\n'
    done
    printf 'pop,A,2001,1\npop,B,2001,2\npop,A,2002,3\npop,B,2002,4\n'
} >"$tmp/runs/sorted.csv"
{
    printf 'indicator,region,year,value\n'
    for y in 2001 2002 2003 2004 2005 2006; do printf 'gdp,A,%s,%s\n' $y $y; done
    printf 'gdp,A,2004,9\n'
    for y in 2007 2008 2009; do printf 'gdp,A,%s,%s\n' $y $y; done
} >"$tmp/runs/duplicate.csv"
{
    printf 'indicator,region,year,value\n'
    for y in 2001 2002 2003 2004 2005; do printf 'gdp,A,%s,%s\n' $y $y; done
    printf 'gdp,A,2006,1x2\n'
    for y in 2007 2008; do printf 'gdp,A,%s,%s\n' $y $y; done
} >"$tmp/runs/bad-value.csv"
{
    printf 'indicator,region,year,value\n'
    for y in 2001 2002 2003 2004 2005; do printf 'gdp,A,%s,%s\n' $y $y; done
    printf 'gdp,A,2006\n'
} >"$tmp/runs/short-row.csv"
{
    printf 'indicator,region,year,value,\n'
    for y in 2001 2002 2003 2004; do printf 'gdp,A,%s,%s,\n' $y $y; done
    printf 'gdp,A,2005,5,x\n'
    for y in 2006 2007 2008; do printf 'gdp,A,%s,%s,\n' $y $y; done
} >"$tmp/runs/unnamed.csv"
for f in "$tmp"/runs/*.csv; do
    (STATBRIEF_THREADS=1 "$bin" check --dump --flags "$f" \
        >"$tmp/s.out" 2>"$tmp/s.err"; echo $? >"$tmp/s.st")
    for run in 20:p 33:p 64:pi 150:ppi; do
        chunk=${run%%:*} ways=${run#*:}
        (SB_TEST_CSV_CHUNK=$chunk SB_TEST_CSV_MODES=$ways STATBRIEF_THREADS=2 \
            "$bin" check --dump --flags "$f" >"$tmp/p.out" 2>"$tmp/p.err"
         echo $? >"$tmp/p.st")
        alike "runs: $(basename "$f"), parts of $chunk bytes, ways $ways"
    done
done

# Every table of tests/data, each alone and each folder whole.
n=0
for d in $(find tests/data -type d | sort); do
    files=$(find "$d" -maxdepth 1 -type f \( -name '*.csv' -o -name '*.tsv' \) |
            sort)
    [ -n "$files" ] || continue
    same "check --dump --flags $d/" "$top" --dump --flags "$d/"
    for f in $files; do
        same "check --dump $f" "$top" --dump "$f"
        n=$((n + 1))
    done
done
[ $n -ge 40 ] && ok || ko "only $n tables under tests/data"

# Above the threshold, the defaults: 9 MiB of long rows, then quoted
# names with line ends inside them, then sorted series, then a bad byte
# in the last line.
awk 'BEGIN {
    print "indicator,region,year,value"
    for (i = 0; i < 330000; i++)
        printf "ind%03d,reg%05d,%d,%d.%d\n", i % 50, i % 3000,
               1960 + i % 60, i, i % 7
}' >"$tmp/long.csv"
awk 'BEGIN {
    print "indicator,region,year,value"
    for (i = 0; i < 200000; i++)
        printf "ind%03d,\"reg, \"\"%05d\"\"\nline two\",%d,%d\n", i % 50,
               i % 3000, 1960 + i % 60, i
}' >"$tmp/quoted.csv"
# sorted: series of 60 years, as a bulk export gives them (runs), with
# missing values and blank lines among them
awk 'BEGIN {
    print "indicator,region,year,value"
    for (i = 0; i < 330000; i++) {
        s = int(i / 60)
        printf "ind%03d,reg%05d,%d,%s\n", int(s / 1000), s % 1000,
               1960 + i % 60, i % 97 == 5 ? ".." : i "." i % 7
        if (i % 1013 == 7)
            print ""
    }
}' >"$tmp/sorted.csv"
cp "$tmp/long.csv" "$tmp/bad.csv"
printf 'ind001,reg00001,2021,1\377\n' >>"$tmp/bad.csv"
for f in long quoted sorted bad; do
    [ "$(wc -c <"$tmp/$f.csv")" -gt 8388608 ] && ok ||
        ko "$f.csv is under the 8 MiB threshold"
    (cd "$tmp" && STATBRIEF_THREADS=1 "$bin" check --dump "$f.csv" \
        >"$tmp/s.out" 2>"$tmp/s.err"; echo $? >"$tmp/s.st")
    for ways in "" p i; do
        (cd "$tmp" && SB_TEST_CSV_MODES=$ways STATBRIEF_THREADS=2 "$bin" \
            check --dump "$f.csv" >"$tmp/p.out" 2>"$tmp/p.err"
            echo $? >"$tmp/p.st")
        alike "$f.csv, default parts, ways ${ways:-timed}"
    done
done
grep -q "bad.csv:330002:4: error: invalid UTF-8" "$tmp/p.err" && ok ||
    ko "bad.csv: the error is not at line 330002: $(head -c 300 "$tmp/p.err")"
summary
