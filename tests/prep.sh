#!/bin/sh
# tests/prep.sh BIN -- a data table read with its prep (input/data.c: each
# record's year and value cells parsed before the row, possibly on a
# reader's worker thread, and the row path's shortcut for the common
# long row) gives exactly what the row path gives alone: the same
# --dump, --flags, warnings, errors and exit status, byte for byte.
#
# BIN must be built with -DSB_TEST_HOOKS (build/asan, build/oom,
# build/dbg): there SB_TEST_NOPREP=1 reads every table without the prep.
# Compared, both ways: every distinct CSV under tests/ and examples/
# with `check --dump --flags` (the files of the CLI cases, the portal
# exports, the test data); and the edge files below, made for the prep,
# with that, `check` (the summary) and `metrics` (values at their
# published decimals): cells it leaves to the row path (flags, markers,
# errors) among cells it takes, wide tables of more value columns than
# it parses, rows of the wrong width, blank rows, names that change and
# come back, a decimal comma.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
suite=prep
. tests/lib.sh
export LC_ALL=C

# both ARGS...: runs BIN ARGS... with and without the prep; one pass
# when stdout, stderr and the status are the same
both() {
    "$bin" "$@" >"$tmp/a.out" 2>"$tmp/a.err"
    echo $? >>"$tmp/a.out"
    SB_TEST_NOPREP=1 "$bin" "$@" >"$tmp/b.out" 2>"$tmp/b.err"
    echo $? >>"$tmp/b.out"
    if cmp -s "$tmp/a.out" "$tmp/b.out" && cmp -s "$tmp/a.err" "$tmp/b.err"
    then
        ok
    else
        ko "$* differs with the prep and without"
        diff "$tmp/a.out" "$tmp/b.out" | head -5
        diff "$tmp/a.err" "$tmp/b.err" | head -5
    fi
}

# ---- the edge files ------------------------------------------------------
e=$tmp/edge
mkdir -p "$e"
{
    echo 'indicator,region,year,value'
    echo 'gdp,A,2001,1.5'
    echo 'gdp,A,2002,  2.25 '
    echo 'gdp,A, 2003 ,3'
    echo 'gdp,A,2004,4p'
    echo 'gdp,A,2005,..'
    echo 'gdp,A,2006,: c'
    echo 'gdp,A,2007,'
    echo 'gdp,A,2008,12%'
    echo 'gdp,A,2009,1e3'
    echo 'gdp,A,2010,"1,234.5"'
    echo 'gdp,A,2011,-0.0'
    echo 'gdp,A,2012,9007199254740993'
    echo 'gdp,A,2013,0.30000000000000004'
    echo 'gdp,A,2014.0,7'
    echo 'gdp,A,02015,8'
    echo 'gdp,B,2001,1'
    echo 'gdp, B ,2002,2'
    echo 'gdp,A,2016,9'
    echo 'pop,B,2003,3'
    echo 'gdp,B,2004,4'
    echo ',,,'
    echo 'gdp,B,2005,5'
    echo 'gdp,B,2001,1'
} >"$e/long.csv"
# an error late in a run of plain rows, then one in the year
{ echo 'indicator,region,year,value'
  for y in 2001 2002 2003 2004 2005; do echo "gdp,A,$y,1.$y"; done
  echo 'gdp,A,2006,1.2.3'; } >"$e/bad_value.csv"
{ echo 'indicator,region,year,value'
  echo 'gdp,A,2001,1'; echo 'gdp,A,20x2,2'; } >"$e/bad_year.csv"
{ echo 'indicator,region,year,value'
  echo 'gdp,A,2001,1'; echo 'gdp,A,2002'; } >"$e/short_row.csv"
{ echo 'indicator,region,year,value'
  echo 'gdp,A,2001,1'; echo 'gdp,,2002,2'; } >"$e/empty_region.csv"
{ echo 'indicator,region,year,value,unit'
  echo 'gdp,A,2001,1,USD'; echo 'gdp,A,2002,2,EUR'; } >"$e/unit.csv"
{ echo 'indicator,region,year,value,flags'
  echo 'gdp,A,2001,1,p'; echo 'gdp,A,2002,2e,e'; } >"$e/flags.csv"
{ echo 'indicator;region;year;value'
  echo 'gdp;A;2001;1,5'; echo 'gdp;A;2002;1.234,5'; echo 'gdp;A;2003;2,25'
} >"$e/comma.csv"
# wide by year: 30 year columns, more than the prep parses
{ printf 'region'; y=1990
  while [ $y -lt 2020 ]; do printf ',%s' $y; y=$((y + 1)); done; echo
  for r in A B C; do printf '%s' $r; y=1990
      while [ $y -lt 2020 ]; do
          case $((y % 7)) in
          0) printf ',%s' ..;; 1) printf ',%s.5p' $y;; 2) printf ',';;
          *) printf ',%s.%s' $y $r$y | tr ABC 123;;
          esac
          y=$((y + 1))
      done; echo
  done
} >"$e/wide.csv"
{ head -n 1 "$e/wide.csv"
  echo 'D,1,2,3,x,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,1.2.3'
} >"$e/wide_bad.csv"
# wide by indicator and by region, a year column first
{ echo 'region,year,gdp,pop'
  echo 'A,2001,1.5,3'; echo 'A,2002,..,4 p'; echo 'B,2001,2,5%'; } >"$e/wide_ind.csv"
{ echo 'year,A,B,C'
  echo '2001,1,2,3'; echo '2002,1.5,,x'; echo '2003, 7 ,8e,9'; } >"$e/wide_reg.csv"

# metrics' table prints values at the published decimals
for f in "$e"/*.csv; do
    both check --dump --flags "$f"
    both check "$f"
    both metrics "$f"
done
both check --dump --flags --decimal-comma "$e/comma.csv"
both check --dump --shape wide-indicator --indicator-id x "$e/wide_ind.csv"
both check --dump --shape wide-region --indicator-id x "$e/wide_reg.csv"

# ---- every CSV of the tests and the example, once each -----------------------
find tests examples -name '*.csv' -type f | sort | while read -r f; do
    echo "$(cksum <"$f" | cut -d' ' -f1,2) $f"
done | sort -u -k1,2 >"$tmp/files"
while read -r _ _ f; do
    both check --dump --flags "$f"
done <"$tmp/files"

summary
