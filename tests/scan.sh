#!/bin/sh
# tests/scan.sh BIN -- the line scan of input/csvread.c 16 bytes at a
# time (SSE2 masks) reads every file exactly as its byte-wise loop does.
# BIN is a build with -DSB_TEST_HOOKS: SB_TEST_CSV_BYTEWISE=1 turns the
# 16-byte scan off. tests/scan.py writes 160 files (fixed seeds) of
# long-format rows whose fields are padded with spaces and tabs, hold
# UTF-8 and the other delimiters, are sometimes quoted, and end in LF,
# CR LF or CR, with one anomaly each in most (a NUL, a byte that is not
# UTF-8, a stray quote, a cut character, a lone CR, a short row), each at
# every offset modulo 16 across the files; delimiters comma, semicolon,
# tab and pipe. For each, `check --dump --flags` serially with and
# without the scan: stdout, stderr and status byte for byte; and the
# number of files the scan read without an error (some must, and some
# must fail, or the files test less than they claim). Then the same
# comparison on every table of tests/data, the portals' own files.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
suite=scan
. tests/lib.sh
export LC_ALL=C SOURCE_DATE_EPOCH=1700000000

needs python3
python3 tests/scan.py "$tmp/in" 160 || ko "tests/scan.py failed"
clean=0 bad=0
# the generated files, then every published table of tests/data (World
# Bank, OECD, Eurostat, OWID, NBS exports as their portals wrote them)
for f in "$tmp"/in/*.csv $(find tests/data -type f \( -name '*.csv' -o \
                                              -name '*.tsv' \) | sort); do
    name=$(basename "$f")
    STATBRIEF_THREADS=1 "$bin" check --dump --flags "$f" \
        >"$tmp/a.out" 2>"$tmp/a.err"
    a=$?
    SB_TEST_CSV_BYTEWISE=1 STATBRIEF_THREADS=1 "$bin" check --dump --flags \
        "$f" >"$tmp/b.out" 2>"$tmp/b.err"
    b=$?
    if [ "$a" -eq "$b" ] && cmp -s "$tmp/a.out" "$tmp/b.out" &&
        cmp -s "$tmp/a.err" "$tmp/b.err"; then
        ok
    else
        ko "$name: the 16-byte scan (status $a) and the byte-wise loop" \
           "(status $b) differ: $(diff "$tmp/a.err" "$tmp/b.err" | head -n 4)" \
           "$(diff "$tmp/a.out" "$tmp/b.out" | head -n 4)"
    fi
    if [ "$a" -eq 0 ]; then clean=$((clean + 1)); else bad=$((bad + 1)); fi
done
[ "$clean" -ge 20 ] && ok || ko "only $clean of the files read cleanly"
[ "$bad" -ge 20 ] && ok || ko "only $bad of the files were refused"
echo "scan: $clean files read, $bad refused, both ways alike (generated and tests/data)"
summary
