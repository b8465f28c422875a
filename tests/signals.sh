#!/bin/sh
# tests/signals.sh BIN -- SIGTERM and SIGINT during long work: a single
# brief stops at its next check (between its parts, its spec sections and
# its pages, and before its bytes are written) with exit 128 + the
# signal, says where it stopped, and writes nothing: no PDF, no figures
# CSV, no temporary file, the previous brief and its store untouched.
#
# BIN must be built with -DSB_TEST_HOOKS (build/asan, build/oom,
# build/dbg): each signal lands at the pause point "brief_part" of
# core/testhook.h (tests/lib.sh: hook_run, hook_at), never after a sleep.
# Charts between charts and loads between blocks are tests/cron.sh's.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
suite=signals
. tests/lib.sh
ex=$(pwd)/examples/chongqing
export SOURCE_DATE_EPOCH=1700000000
export LC_ALL=C
stopped="error: stopped by a signal while writing the brief; nothing was written"

# The outputs' state: each file with its inode, modification time (ns)
# and size, so that a file written again (a new file renamed into place)
# shows; the lock file, which holds the last run's PID, left out.
stamps() {
    find "$1" -type f ! -name .statbrief.lock -printf '%P %i:%T@:%s\n' | sort
}

# stop_at NAME DIR POINT SIGNAL CMD...: runs CMD in DIR, paused at POINT
# ("brief_part:K"), sends SIGNAL there; sets st (exit status) and leaves
# stderr in $tmp/NAME.err.
stop_at() {
    _name=$1 _dir=$2 _at=$3 _sig=$4
    shift 4
    hook_run 7 "$_at" "$_dir" "$tmp/$_name.err" "$@"
    _p=$!
    hook_at 7
    [ "$point" = "$_at" ] && ok || ko "$_name: the run never reached $_at (${point:-ended})"
    [ -n "$ppid" ] && kill -"$_sig" "$ppid"
    wait $_p
    st=$?
    hook_end 7
}

# checks NAME PATH: stopped at NAME's point, the run wrote nothing in DIR
# (stamps in $tmp/NAME.before) and said where it stopped, about PATH
nothing_written() { # NAME DIR PATH
    stamps "$2" >"$tmp/$1.after"
    cmp -s "$tmp/$1.before" "$tmp/$1.after" && ok ||
        ko "$1: the stopped run changed files: $(diff "$tmp/$1.before" "$tmp/$1.after" | grep '^[<>]' | tr '\n' ' ')"
    ls -a "$2" | grep -q sbtmp && ko "$1: a temporary file stayed: $(ls -a "$2" | grep sbtmp)" || ok
    has "$tmp/$1.err" "statbrief: $3: $stopped"
}

# count_points DIR CMD...: how many times CMD passes brief_part (each
# announced, then let go on), in n_points
count_points() {
    _dir=$1
    shift
    hook_run 7 brief_part "$_dir" "$tmp/count.err" "$@"
    _p=$!
    n_points=0
    while hook_at 7; [ -n "$point" ]; do
        n_points=$((n_points + 1))
        kill -CONT "$ppid"
    done
    wait $_p || ko "the counted run failed: $(cat "$tmp/count.err")"
    hook_end 7
}

# ---- the default brief, over a previous one --------------------------------
# the example's tables in def/in, the brief and its figures in def/out
d=$tmp/def
mkdir -p "$d/in" "$d/out"
cp "$ex"/*.csv "$d/in/"
o=$d/out
set -- "$bin" report -q --force -o out/brief.pdf --metrics-csv out/figures.csv in
(cd "$d" && "$@") && ok || ko "the first brief failed"
pages=$(pdfinfo "$o/brief.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
stamps "$o" >"$tmp/part.before"

# SIGTERM after the title block and the key findings (the 2nd check)
stop_at part "$d" brief_part:2 TERM "$@"
[ "$st" = 143 ] && ok || ko "SIGTERM between the brief's parts: exit $st, expected 143 ($(cat "$tmp/part.err"))"
nothing_written part "$o" out/brief.pdf
# the store still vouches for the previous brief: a rerun writes nothing
(cd "$d" && "$bin" report -o out/brief.pdf --metrics-csv out/figures.csv in 2>"$tmp/rerun.err") && ok ||
    ko "the run after SIGTERM failed (lock not released?): $(cat "$tmp/rerun.err")"
has "$tmp/rerun.err" "report: nothing changed, 2 files up to date, none written"

# SIGINT after the summary: 130
cp "$tmp/part.before" "$tmp/int.before"
stop_at int "$d" brief_part:3 INT "$@"
[ "$st" = 130 ] && ok || ko "SIGINT between the brief's parts: exit $st, expected 130"
nothing_written int "$o" out/brief.pdf

# the checks: one after the title block, each part and the notes, one
# before each page, one before the bytes are written
count_points "$d" "$@"
stamps "$o" >"$tmp/page.before"
if [ -n "$pages" ] && [ "$n_points" -gt $((pages + 3)) ]; then
    ok
    # SIGTERM before the last page: pages drawn, then nothing written
    stop_at page "$d" "brief_part:$((n_points - 1))" TERM "$@"
    [ "$st" = 143 ] && ok || ko "SIGTERM between pages: exit $st, expected 143 ($(cat "$tmp/page.err"))"
    nothing_written page "$o" out/brief.pdf
    # SIGTERM at the last check: the bytes are made, but not written
    cp "$tmp/page.before" "$tmp/last.before"
    stop_at last "$d" "brief_part:$n_points" TERM "$@"
    [ "$st" = 143 ] && ok || ko "SIGTERM before the brief is written: exit $st, expected 143"
    nothing_written last "$o" out/brief.pdf
else
    ko "brief_part was passed $n_points times for ${pages:-?} pages: no check between pages"
fi
# and the brief is still written in full when nothing stops it
(cd "$d" && "$@") && qpdf --check "$o/brief.pdf" >/dev/null 2>&1 && ok ||
    ko "the brief after the stopped runs is not a good PDF"

# ---- a spec's brief, none before ---------------------------------------------
s=$tmp/spec
mkdir -p "$s"
cp "$ex"/*.csv "$ex"/brief.yaml "$s/"
stamps "$s" >"$tmp/spec.before"
# the 3rd check: after the title block and the spec's first two sections
stop_at spec "$s" brief_part:3 TERM "$bin" report -q --spec brief.yaml
[ "$st" = 143 ] && ok || ko "SIGTERM between spec sections: exit $st, expected 143 ($(cat "$tmp/spec.err"))"
ls "$s" | grep -q '\.pdf$' && ko "the stopped spec brief left $(ls "$s" | grep '\.pdf$')" || ok
ls -a "$s" | grep -q sbtmp && ko "the stopped spec brief left a temporary file" || ok
has "$tmp/spec.err" "$stopped"
(cd "$s" && "$bin" report -q --spec brief.yaml) && [ -f "$s/chongqing-brief-2023-en.pdf" ] && ok ||
    ko "the spec brief after SIGTERM was not written"

summary
