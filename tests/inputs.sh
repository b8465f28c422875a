#!/bin/sh
# tests/inputs.sh BIN -- inputs that change under a run, and statbrief's
# own outputs in an input folder (issue 18, "Inputs that change under a
# run"; "a figures CSV written into an input folder").
#
#   digests   the digests a run prints and records (the brief's notes,
#             the manifest, the store's keys) are of the bytes it parsed,
#             even when a feed replaces a file (or the spec) after it was
#             read;
#   changes   a file replaced, rewritten in place, grown (its last line
#             not yet ended) or swapped between its header and its rows
#             is read again, and the run uses the new bytes; a file that
#             changes again is exit 75, naming it, with nothing written;
#   own       a figures CSV (report --metrics-csv, metrics --format csv)
#             in an input folder is skipped with a note; named as a data
#             file, it is refused with what it is.
#
# BIN must be built with -DSB_TEST_HOOKS (build/asan, build/oom,
# build/dbg): every change lands at a named pause point of
# core/testhook.h (tests/lib.sh: hook_run, hook_at), never after a sleep.
# Reads of a file: csv_block before each 64 KiB block, csv_eof at the end
# of each read (the file still open; the checks for a change come after
# it). A load reads each file twice, its header first (the "peek"), then
# its rows; for the files of a folder the peeks come first, in name
# order, then the rows (metadata files before data). With one data file
# that is csv_eof:1 (its header), csv_eof:2 (its rows), and when it is
# read again csv_eof:3 and csv_eof:4.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
suite=inputs
. tests/lib.sh
export SOURCE_DATE_EPOCH=1700000000
export LC_ALL=C

# long FILE V2022 [END]: rd for Chongqing 2020-2022 (2022 = V2022), the
# file's last line ended by END (default a newline; '' for none)
long() {
    printf 'indicator,region,year,value\nrd,Chongqing,2020,52.6\nrd,Chongqing,2021,60.4\nrd,Chongqing,2022,%s%s' \
        "$2" "${3-
}" >"$1"
}
# gdp FILE: a second data file (another indicator)
gdp() {
    printf 'indicator,region,year,value\ngdp,Chongqing,2020,2500\ngdp,Chongqing,2021,2790\ngdp,Chongqing,2022,2913\n' >"$1"
}
# last INDICATOR FILE: the last_value of INDICATOR in a figures CSV
last() { awk -F, -v i="$1" '$1 == i { print $8 }' "$2"; }
sha() { sha256sum "$1" | cut -d' ' -f1; }
# listed DIR PATH: the sha256 the manifest of DIR lists for input PATH
# among the inputs of its outputs (not a rebuilt brief's previous_inputs,
# the vintage its revisions annex compares with)
listed() {
    python3 - "$1/statbrief-manifest.json" "$2" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
sets = {o["inputs"] for o in m["outputs"]}
print(" ".join(sorted({i["sha256"] for s in sets for i in m["inputs"][s]
                       if i["path"] == sys.argv[2]})))
PY
}
# notes PDF: the brief's text (its notes list each input's SHA-256)
notes() { pdftotext "$1" - 2>/dev/null | tr -d '\n'; }
# run_paused NAME LIST ACTION CMD...: CMD in $tmp/NAME, paused at each
# point of LIST (comma-separated) in turn; at each, ACTION is run in
# $tmp/NAME with the point ("NAME:K") as $1, then the run goes on.
# Sets st (exit status), seen (the points reached, space-separated) and
# err ($tmp/NAME.err).
run_paused() {
    _n=$1 _l=$2 _a=$3
    shift 3
    err=$tmp/$_n.err seen=
    hook_run 7 "$_l" "$tmp/$_n" "$err" "$@"
    _p=$!
    while hook_at 7; [ -n "$point" ]; do
        seen="$seen $point"
        (cd "$tmp/$_n" && $_a "$point")
        kill -CONT "$ppid"
    done
    wait $_p
    st=$?
    hook_end 7
    seen=${seen# }
}

# ---- digests: of the bytes parsed ------------------------------------------
# Two data files: their headers (csv_eof:1, :2), then a.csv's rows (:3)
# and b.csv's (:4). While b.csv's rows are read, a feed replaces a.csv,
# whose rows were read whole and unchanged: the brief shows a.csv as read,
# and its notes, the manifest and the store name that file's digest, not
# the new one's (which the old code read again after the load).
mkdir -p "$tmp/dg/in"
long "$tmp/dg/in/a.csv" 68.7
gdp "$tmp/dg/in/b.csv"
old=$(sha "$tmp/dg/in/a.csv")
long "$tmp/dg/new.csv" 99.9
new=$(sha "$tmp/dg/new.csv")
replace_a() { mv new.csv in/a.csv; }
run_paused dg csv_eof:4 replace_a "$bin" report -q -o out/b.pdf --metrics-csv out/fig.csv in
[ "$seen" = csv_eof:4 ] && ok || ko "digests: the run paused at '$seen', not csv_eof:4"
[ $st = 0 ] && ok || ko "digests: a file replaced after it was read: exit $st ($(cat "$err"))"
[ "$(last rd "$tmp/dg/out/fig.csv")" = 68.7 ] && ok ||
    ko "digests: the brief shows rd = $(last rd "$tmp/dg/out/fig.csv"), not 68.7 as read"
[ "$(listed "$tmp/dg/out" in/a.csv)" = "$old" ] && ok ||
    ko "digests: the manifest names in/a.csv $(listed "$tmp/dg/out" in/a.csv), not the digest of what was read ($old)"
notes "$tmp/dg/out/b.pdf" >"$tmp/dg.txt"
grep -q "$old" "$tmp/dg.txt" && ! grep -q "$new" "$tmp/dg.txt" && ok ||
    ko "digests: the brief's notes do not name the digest of what was read"
# the store recorded the old digest: the next run sees the new file
(cd "$tmp/dg" && "$bin" report -q -o out/b.pdf --metrics-csv out/fig.csv in 2>"$err") &&
    [ "$(last rd "$tmp/dg/out/fig.csv")" = 99.9 ] &&
    [ "$(listed "$tmp/dg/out" in/a.csv)" = "$new" ] && ok ||
    ko "digests: the run after the replacement did not rebuild from the new file ($(cat "$err"))"

# The spec likewise: replaced while the data are read, after it was
# parsed; the brief has the parsed spec's title and the manifest that
# spec's digest. The next run rebuilds for the new title.
mkdir -p "$tmp/sp/in"
long "$tmp/sp/in/data.csv" 68.7
printf 'title: "Old title"\ndata:\n  - path: in/\noutput: out/b.pdf\n' >"$tmp/sp/s.yaml"
printf 'title: "New title"\ndata:\n  - path: in/\noutput: out/b.pdf\n' >"$tmp/sp/s2.yaml"
old=$(sha "$tmp/sp/s.yaml")
replace_spec() { mv s2.yaml s.yaml; }
run_paused sp csv_eof:1 replace_spec "$bin" report -q --spec s.yaml
[ $st = 0 ] && ok || ko "spec: exit $st ($(cat "$err"))"
[ "$(listed "$tmp/sp/out" ./s.yaml)$(listed "$tmp/sp/out" s.yaml)" = "$old" ] && ok ||
    ko "spec: the manifest names the spec $(listed "$tmp/sp/out" s.yaml)$(listed "$tmp/sp/out" ./s.yaml), not the parsed one's digest ($old)"
pdfinfo "$tmp/sp/out/b.pdf" 2>/dev/null | grep -q '^Title: *Old title' && ok ||
    ko "spec: the brief's title is not the parsed spec's"
(cd "$tmp/sp" && "$bin" report -q --spec s.yaml 2>"$err") &&
    pdfinfo "$tmp/sp/out/b.pdf" 2>/dev/null | grep -q '^Title: *New title' && ok ||
    ko "spec: the run after the spec was replaced did not rebuild ($(cat "$err"))"

# ---- changes: read again, the new bytes used ---------------------------------
# check_new NAME WHAT: the run NAME ended 0 with the new file's figures
check_new() {
    [ $st = 0 ] && ok || ko "$2: exit $st ($(head -c 300 "$err"))"
    [ "$(last rd "$tmp/$1/out.csv")" = "$want" ] && ok ||
        ko "$2: rd = $(last rd "$tmp/$1/out.csv"), not $want (the file as it is now)"
}
# metrics_in NAME: metrics --format csv of $tmp/NAME/in into out.csv
metrics_in() {
    run_paused "$1" "$2" "$3" sh -c "exec \"$bin\" metrics --format csv in >out.csv"
}

# replaced (renamed over) at the end of the read of its rows
mkdir -p "$tmp/rp/in"
long "$tmp/rp/in/data.csv" 68.7
long "$tmp/rp/new.csv" 99.9
replace() { mv new.csv in/data.csv; }
metrics_in rp csv_eof:2 replace
want=99.9 check_new rp "replaced after its rows were read"

# the same in a report: its figures, its notes and the manifest all of
# the new file
mkdir -p "$tmp/rr/in"
long "$tmp/rr/in/data.csv" 68.7
long "$tmp/rr/new.csv" 99.9
new=$(sha "$tmp/rr/new.csv")
run_paused rr csv_eof:2 replace "$bin" report -q -o out/b.pdf --metrics-csv out.csv in
want=99.9 check_new rr "report, replaced after its rows were read"
[ "$(listed "$tmp/rr/out" in/data.csv)" = "$new" ] && ok ||
    ko "report, replaced: the manifest names $(listed "$tmp/rr/out" in/data.csv), not the new file's $new"
notes "$tmp/rr/out/b.pdf" | grep -q "$new" && ok ||
    ko "report, replaced: the brief's notes do not name the new file's digest"

# grown: a feed still writing it; its last line had no line end yet (the
# 2022 value read as "6" of "68.7")
mkdir -p "$tmp/gr/in"
long "$tmp/gr/in/data.csv" 6 ''
finish() { printf '8.7\n' >>in/data.csv; }
metrics_in gr csv_eof:2 finish
want=68.7 check_new gr "grown by the rest of its last line"

# rewritten in place with the same size: only the modification time
# (nanoseconds) tells; the file was last written long before the run
mkdir -p "$tmp/sz/in"
long "$tmp/sz/in/data.csv" 68.7
touch -d @1500000000 "$tmp/sz/in/data.csv"
rewrite() { long in/data.csv 77.7; }
metrics_in sz csv_eof:2 rewrite
want=77.7 check_new sz "rewritten in place, same size"

# rewritten in place in the middle of a long read: truncated and written
# shorter (data up to 2007) after the first 64 KiB of the old one (data
# up to 2022) was parsed. The old code went on in the new file at the
# old offset: a record cut in two, or a brief "as of 2007" of the first
# regions' old values.
mkdir -p "$tmp/tr/in"
gen_years() { # FILE LAST_YEAR VALUE_OFFSET
    awk -v last="$2" -v off="$3" 'BEGIN { print "indicator,region,year,value"
        for (r = 0; r < 300; r++) for (y = 1990; y <= last; y++)
            printf "rd,Region %03d,%d,%d.%d\n", r, y, r + y - 1900 + off, y % 10 }' >"$1"
}
gen_years "$tmp/tr/in/data.csv" 2022 0
gen_years "$tmp/tr/short.csv" 2007 5
cp "$tmp/tr/short.csv" "$tmp/tr/clean.csv"
"$bin" metrics --format csv "$tmp/tr/clean.csv" >"$tmp/tr/want.csv" 2>/dev/null
truncate_write() { cat short.csv >in/data.csv; }
# csv_block:1 is the header's block; :2 the rows' first, :3 their second
metrics_in tr csv_block:3 truncate_write
[ "$seen" = csv_block:3 ] && ok || ko "rewritten mid-read: paused at '$seen', not csv_block:3"
[ $st = 0 ] && cmp -s "$tmp/tr/want.csv" "$tmp/tr/out.csv" && ok ||
    ko "rewritten mid-read: exit $st, figures not those of the new file ($(head -c 200 "$err"))"

# the same in a parallel read (input/csvpar.c: 4 KiB parts, each handed
# to a worker, which reads the part's bytes again from the file): the
# calling thread read the old file's first parts, the workers read the
# rest from the new one; the read's end sees the change and the load
# reads the new file again. (csv_block:12 is within the rows: the
# header's read stops after its first part, a few parts read ahead.)
mkdir -p "$tmp/tp/in"
cp "$tmp/tr/short.csv" "$tmp/tp/short.csv"
gen_years "$tmp/tp/in/data.csv" 2022 0
run_paused tp csv_block:12 truncate_write env SB_TEST_CSV_CHUNK=4096 \
    SB_TEST_CSV_MODES=p sh -c "exec \"$bin\" metrics --format csv in >out.csv"
[ "$seen" = csv_block:12 ] && ok || ko "rewritten in a parallel read: paused at '$seen', not csv_block:12"
[ $st = 0 ] && cmp -s "$tmp/tr/want.csv" "$tmp/tp/out.csv" && ok ||
    ko "rewritten in a parallel read: exit $st, figures not those of the new file ($(head -c 200 "$err"))"

# swapped between its header and its rows: two files, the headers read
# first; a.csv is replaced (by a wide-by-year table) after both headers
# were read, before its rows are: the rows are read from another file
# than the header that said how to read them
mkdir -p "$tmp/sw/in"
long "$tmp/sw/in/a.csv" 68.7
gdp "$tmp/sw/in/b.csv"
printf 'indicator,region,2020,2021,2022\nrd,Chongqing,52.6,60.4,88.8\n' >"$tmp/sw/wide.csv"
swap() { mv wide.csv in/a.csv; }
metrics_in sw csv_eof:2 swap
want=88.8 check_new sw "swapped between its header and its rows"

# ---- changes: twice is exit 75 ------------------------------------------------
# grown while its rows were read, and again when they were read again:
# 75 (try again later), the file and what happened named, nothing written
mkdir -p "$tmp/tw/in"
long "$tmp/tw/in/data.csv" 6 ''
more() { printf '8' >>in/data.csv; }
run_paused tw csv_eof:2,csv_eof:4 more "$bin" report -q -o out/b.pdf in
[ "$seen" = "csv_eof:2 csv_eof:4" ] && ok || ko "twice: the rows were read at '$seen', not csv_eof:2 and csv_eof:4"
[ $st = 75 ] && ok || ko "twice: exit $st, not 75 ($(head -c 300 "$err"))"
grep -q '^statbrief: in/data\.csv: error: changed while it was read' "$err" && ok ||
    ko "twice: the error does not name the file: $(head -c 300 "$err")"
grep -q 'grew from [0-9]* to [0-9]* bytes' "$err" && grep -q 'no line end' "$err" && ok ||
    ko "twice: the error does not say it grew with its last line unended: $(head -c 300 "$err")"
grep -q 'try again' "$err" && ok || ko "twice: the error does not say to try again"
[ ! -e "$tmp/tw/out" ] && ok || ko "twice: the run wrote $(ls -A "$tmp/tw/out" | tr '\n' ' ')"
# and once it is complete, the next run reads it
printf '.7\n' >>"$tmp/tw/in/data.csv"
(cd "$tmp/tw" && "$bin" report -q -o out/b.pdf --metrics-csv out.csv in 2>"$err") &&
    [ "$(last rd "$tmp/tw/out.csv")" = 688.7 ] && ok ||
    ko "twice: the run after the file was complete failed ($(cat "$err"))"

# rewritten in place mid-read (as above), and again mid-read when it is
# read again: 75 naming the file, no brief and no figures CSV
mkdir -p "$tmp/t2/in"
gen_years "$tmp/t2/long2.csv" 2022 9
gen_years "$tmp/t2/in/data.csv" 2022 0
cp "$tmp/tr/short.csv" "$tmp/t2/short.csv"
rewrite_twice() {
    case $1 in csv_block:3) cat short.csv >in/data.csv ;; *) cat long2.csv >in/data.csv ;; esac
}
# a read again starts at csv_block:5 (the header), its rows at :6
run_paused t2 csv_block:3,csv_block:6 rewrite_twice "$bin" report -q -o out/b.pdf --metrics-csv out/f.csv in
[ "$seen" = "csv_block:3 csv_block:6" ] && ok || ko "rewritten twice: paused at '$seen', not csv_block:3 and :6"
[ $st = 75 ] && ok || ko "rewritten twice in place: exit $st, not 75 ($(head -c 300 "$err"))"
grep -q '^statbrief: in/data\.csv: error: changed while it was read' "$err" && ok ||
    ko "rewritten twice in place: the error does not name the file: $(head -c 300 "$err")"
[ ! -e "$tmp/t2/out" ] && ok || ko "rewritten twice in place: the run wrote $(ls -A "$tmp/t2/out" | tr '\n' ' ')"

# replaced, and replaced again when read again: 75 for check too
mkdir -p "$tmp/tc/in"
long "$tmp/tc/in/data.csv" 68.7
again() { long next.csv "$(date +%N)"; mv next.csv in/data.csv; }
run_paused tc csv_eof:2,csv_eof:4 again "$bin" check -q in
[ $st = 75 ] && grep -q '^statbrief: in/data\.csv: error: changed while it was read' "$err" &&
    grep -q 'replaced' "$err" && ok ||
    ko "check, replaced twice: exit $st: $(head -c 300 "$err")"

# ---- own outputs in an input folder --------------------------------------------
# a brief's figures CSV written into its own input folder: the next runs
# skip it with a note (-q: silently), and read it no more
mkdir -p "$tmp/own/in"
long "$tmp/own/in/data.csv" 68.7
o=$tmp/own
(cd "$o" && "$bin" report -q -o out/b.pdf --metrics-csv in/figures.csv in 2>"$err") && ok ||
    ko "own: the first run failed ($(cat "$err"))"
(cd "$o" && "$bin" report -o out/b.pdf --metrics-csv in/figures.csv in 2>"$err")
st=$?
[ $st = 0 ] && ok || ko "own: a figures CSV in the input folder: exit $st ($(head -c 300 "$err"))"
has "$err" "statbrief: in/figures.csv: note: skipped: statbrief's own figures CSV"
(cd "$o" && "$bin" metrics --format csv in >m.csv 2>"$err" && mv m.csv in/metrics.csv &&
    "$bin" check -q in 2>"$err") && [ ! -s "$err" ] && ok ||
    ko "own: check -q of a folder with two figures CSVs: $(head -c 300 "$err")"
(cd "$o" && "$bin" check --dump in >"$tmp/own.dump" 2>"$err")
[ "$(wc -l <"$tmp/own.dump")" = 4 ] && [ "$(grep -c 'note: skipped' "$err")" = 2 ] && ok ||
    ko "own: check --dump read or noted the figures CSVs wrongly: $(cat "$err")"
# named on the command line it is refused, and says what it is
(cd "$o" && "$bin" check in/figures.csv 2>"$err")
st=$?
[ $st = 65 ] && grep -q "^statbrief: in/figures.csv:1: error: statbrief's own figures CSV" "$err" &&
    ok || ko "own: a figures CSV named as data: exit $st: $(head -c 300 "$err")"
# a spec's glob is a folder's list: skipped too
printf 'data:\n  - path: in/*.csv\noutput: out/s.pdf\n' >"$o/s.yaml"
(cd "$o" && "$bin" report -q --spec s.yaml 2>"$err") && ok ||
    ko "own: a spec's glob over the folder: $(head -c 300 "$err")"

summary
