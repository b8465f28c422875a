#!/bin/sh
# tests/resource.sh BIN [MEMCOUNT] -- resource bounds (issue 11,
# hardening): no input makes time or memory grow faster than the input,
# and each protective limit of README "Robustness" refuses its input at
# once with a located error (FILE:LINE:COL, exit 65) and writes nothing.
#
# BIN is a build without sanitizers (build/dbg/statbrief, which `make
# test` builds); MEMCOUNT (default build/memcount.so, tests/memcount.c) is
# preloaded into every run and counts, for the process: the peak of live
# heap bytes, the allocation calls, the bytes it read, its CPU time.
#
# Every case generates its pathological input into $tmp (deterministic,
# nothing large is committed) at 1x and 8x and runs the same command on
# both in this run. What is asserted is the *growth* between the two,
# never a speed (speed targets belong in `make bench`), and only from
# quantities that do not depend on the machine's load or memory baseline:
#   bytes, calls    counted, the same on every run with the same libraries
#                   (no sanitizer start-up, no page or RSS granularity);
#   CPU time        user + sys, not wall time: another busy process slows
#                   the clock, not the work; its growth is judged only
#                   where the tiny run (start-up) is under a tenth of the
#                   1x run. Where a limit keeps the input small (spec
#                   nesting and aliases), bytes and calls judge alone; the
#                   CPU cap below still stops a run that blows up.
#   grows linearly  8 times the input: linear is 8x, quadratic 64x.
#                   Peak bytes above the tiny input's, and allocation
#                   calls: at most $MEM_MAX x (a buffer doubling its size
#                   may sit just past a power of two at one size and not
#                   the other: up to 16x). CPU time: at most $TIME_MAX x
#                   (between 8 and 64 with room for the timer either way);
#                   past it, both sizes run once more and the lower CPU
#                   time of each is judged, as a machine's speed moves
#                   between runs.
#   stays flat      where the extra input must not matter (refused at a
#                   limit, or the same number of values over a longer
#                   span): CPU 8x <= $FLAT_TIME x the 1x (taken as at least
#                   $FLOOR s), and peak bytes 8x <= $FLAT_MEM x the 1x;
#                   "stops": the reader stops at the limit, so bytes read
#                   8x <= $FLAT_MEM x the 1x too (reading on: 7-8x);
#                   "holds": what is refused is read whole first (a CSV
#                   field, up to the 1 MiB field limit; a spec file, up to
#                   16 MiB), so memory may grow as the bytes read grow,
#                   no faster (expanding past the limit would be far more).
# Each measured ratio is printed as a "resource: ..." line. A linear case
# first runs 1/8 of its 1x size: when 1/8x to 1x already grows more than
# $TIME_MAX times in CPU, the 8x run is skipped (it would take minutes) and
# the case fails; an 8x run is stopped (ulimit -t) once its CPU time shows
# growth past the bound, and any run past $VMEM_GUARD MiB of address space
# fails its allocation (ulimit -v).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
memcount=$(cd "$(dirname "${2:-build/memcount.so}")" && pwd)/$(basename "${2:-build/memcount.so}")
suite=resource
. tests/lib.sh
export SOURCE_DATE_EPOCH=1700000000
export LC_ALL=C

TIME_MAX=20
MEM_MAX=16
BASE_MIN=10         # the 1x run's CPU over the tiny run's, to judge time
FLAT_TIME=3
FLAT_MEM=1.5
FLOOR=0.1
HANG=300            # CPU seconds any single run may take at most
VMEM_GUARD=4096
cap=

if [ ! -f "$memcount" ]; then
    ko "no $memcount (make build/memcount.so)"
    summary
    exit 1
fi

# ---- measuring ------------------------------------------------------------

# measure NAME CAP CMD...: runs CMD in $tmp/w (stdout $tmp/NAME.out, stderr
# $tmp/NAME.err) with the counter preloaded, under a CPU limit of CAP
# seconds; sets st (exit status), t (CPU seconds), m (peak live bytes,
# MiB), c (allocation calls), r (bytes read, MiB) and killed (1 when the
# CPU limit stopped it).
measure() {
    _n=$1 _cap=$2
    shift 2
    rm -f "$tmp/$_n.count"
    (cd "$tmp/w" && ulimit -t "$_cap" && ulimit -v $((VMEM_GUARD * 1024)) &&
        MEMCOUNT_OUT="$tmp/$_n.count" LD_PRELOAD="$memcount" exec "$@") \
        >"$tmp/$_n.out" 2>"$tmp/$_n.err"
    st=$?
    killed=0
    # SIGXCPU at the soft limit, SIGKILL at the hard one
    case $st in 152|137) [ -s "$tmp/$_n.count" ] || killed=1 ;; esac
    set -- $(sed 's/[a-z]*=//g' "$tmp/$_n.count" 2>/dev/null) 0 0 0 0
    m=$(awk -v b="$1" 'BEGIN { printf "%.3f", b / 1048576 }')
    c=$2
    r=$(awk -v b="$3" 'BEGIN { printf "%.3f", b / 1048576 }')
    t=$4
    last=$_n
}

# fmt_t SECONDS, fmt_m MIB: for the report lines
fmt_t() { awk -v t="$1" 'BEGIN { printf (t < 10 ? "%.2f s" : "%.1f s"), t }'; }
fmt_m() { awk -v m="$1" 'BEGIN { printf (m < 10 ? "%.2f MiB" : "%.0f MiB"), m }'; }
# cmp_le A B: A <= B
cmp_le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
# ratio A B: A/B, each taken as at least 0.01 (the timer's resolution)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a < 0.01) a = 0.01; if (b < 0.01) b = 0.01; printf "%.1f", a / b }'; }
# growth A8 A1 A0: (A8 - A0) / (A1 - A0), what the input added at 8x over
# what it added at 1x
growth() { awk -v a="$1" -v b="$2" -v z="$3" 'BEGIN { d = b - z; if (d <= 0) d = 1e-9; printf "%.1f", (a - z) / d }'; }

# ran_ok WHAT STATUS: the last run exited STATUS; else says why not.
ran_ok() {
    if [ "$st" = "$2" ]; then return 0; fi
    if [ $killed = 1 ]; then ko "$1: stopped after its CPU limit"
    else ko "$1: exit $st (expected $2): $(head -c 400 "$tmp/$last.err")"; fi
    return 1
}

# linear NAME FN [STATUS]: FN SIZE (0 = tiny, p = 1/8, 1, 8) makes its
# input for SIZE when missing and runs the command on it (through
# measure). Asserts exit STATUS (default 0) at every size and linear
# growth from 1x to 8x; ran8 = 1 when the 8x run was made and worked
# (its output is then there to be checked).
linear() {
    _name=$1 _fn=$2 _want=${3:-0}
    cap= ran8=0
    $_fn 0; ran_ok "$_name (tiny input)" "$_want" || return
    m0=$m c0=$c t0=$t
    if [ "$c0" = 0 ]; then
        ko "$_name: no allocation was counted: $bin is a sanitizer build? (resource.sh needs one without, build/dbg/statbrief)"
        return
    fi
    $_fn p; ran_ok "$_name 1/8x" "$_want" || return
    tp=$t
    cap=$(awk -v t="$tp" -v r=$TIME_MAX 'BEGIN { printf "%d", t * r * 1.25 + 3 }')
    $_fn 1
    cap=
    t1=$t m1=$m c1=$c
    if [ $killed = 1 ]; then
        echo "resource: $_name 1/8x $(fmt_t "$tp"), 1x stopped at its CPU limit; 8x not run"
        ko "$_name: the 1x run took more than ${TIME_MAX}x the 1/8x's $(fmt_t "$tp") CPU"
        return
    fi
    ran_ok "$_name 1x" "$_want" || return
    if ! cmp_le "$(ratio "$t1" "$tp")" $TIME_MAX; then
        echo "resource: $_name 1/8x $(fmt_t "$tp"), 1x $(fmt_t "$t1"): time $(ratio "$t1" "$tp")x already; 8x not run"
        ko "$_name: CPU time grows $(ratio "$t1" "$tp")x from 1/8x to 1x (more than ${TIME_MAX}x for 8 times the input)"
        return
    fi
    cap=$(awk -v t="$t1" -v r=$TIME_MAX 'BEGIN { printf "%d", t * r * 1.25 + 3 }')
    $_fn 8
    cap=
    if [ $killed = 1 ]; then
        echo "resource: $_name 1x $(fmt_t "$t1"), 8x stopped at its CPU limit"
        ko "$_name: the 8x run took more than ${TIME_MAX}x the 1x's $(fmt_t "$t1") CPU"
        return
    fi
    ran_ok "$_name 8x" "$_want" || return
    ran8=1
    tr=$(ratio "$t" "$t1")
    mr=$(growth "$m" "$m1" "$m0")
    cr=$(growth "$c" "$c1" "$c0")
    # time is judged where the input, not the start-up, makes the 1x figure
    judged=$(awk -v a="$t0" -v b="$t1" -v k=$BASE_MIN 'BEGIN { print (b >= a * k && b > 0) }')
    [ "$judged" = 1 ] && tj="" || tj=" (not judged: start-up is over 1/$BASE_MIN of the 1x run)"
    echo "resource: $_name 1x $(fmt_t "$t1") $(fmt_m "$m1") $c1 calls, 8x $(fmt_t "$t") $(fmt_m "$m") $c calls: time ${tr}x$tj, memory ${mr}x, calls ${cr}x (tiny: $(fmt_t "$t0") $(fmt_m "$m0") $c0 calls)"
    twice=
    if [ "$judged" = 1 ] && ! cmp_le "$tr" $TIME_MAX; then
        # Once more, each size's lower CPU time: a virtual machine's speed
        # moves by up to 2x between runs (a 1M-region run grew 13.8x,
        # 20.5x and 24.8x in three runs of the same binary), while work
        # that grows with the square of the input grows 64x every time.
        t8=$t
        cap=$(awk -v t="$t1" -v r=$TIME_MAX 'BEGIN { printf "%d", t * r * 1.25 + 3 }')
        $_fn 1
        t1=$(awk -v a="$t1" -v b="$t" 'BEGIN { print (b < a ? b : a) }')
        $_fn 8
        cap=
        t8=$(awk -v a="$t8" -v b="$t" -v k="$killed" 'BEGIN { print (k == 0 && b < a ? b : a) }')
        tr=$(ratio "$t8" "$t1")
        echo "resource: $_name measured again: 1x $(fmt_t "$t1"), 8x $(fmt_t "$t8"): time ${tr}x"
        twice=", the lower of two runs of each size"
    fi
    if [ "$judged" = 1 ]; then
        cmp_le "$tr" $TIME_MAX && ok || ko "$_name: CPU time grew ${tr}x for 8 times the input (bound ${TIME_MAX}x$twice)"
    fi
    cmp_le "$mr" $MEM_MAX && ok || ko "$_name: memory grew ${mr}x for 8 times the input (bound ${MEM_MAX}x)"
    cmp_le "$cr" $MEM_MAX && ok || ko "$_name: allocation calls grew ${cr}x for 8 times the input (bound ${MEM_MAX}x)"
}

# flat NAME FN STATUS [stops|holds]: FN SIZE (1, 8) as for linear; both
# runs must exit STATUS and cost about the same (see the top for "stops"
# and "holds"). Leaves $tmp/NAME-1.err and NAME-8.err.
flat() {
    _name=$1 _fn=$2 _want=$3 _mode=${4:-}
    cap=
    $_fn 1
    t1=$t m1=$m r1=$r s1=$st
    [ "$s1" = "$_want" ] && ok || ko "$_name 1x: exit $s1, expected $_want"
    cap=$(awk -v t="$t1" -v f=$FLOOR 'BEGIN { printf "%d", (t > f ? t : f) * 10 + 5 }')
    $_fn 8
    cap=
    [ "$st" = "$_want" ] && ok || ko "$_name 8x: exit $st, expected $_want"
    tr=$(ratio "$t" "$t1") mr=$(ratio "$m" "$m1") rr=$(ratio "$r" "$r1")
    echo "resource: $_name 1x $(fmt_t "$t1") $(fmt_m "$m1") read $(fmt_m "$r1"), 8x $(fmt_t "$t") $(fmt_m "$m") read $(fmt_m "$r"): time ${tr}x, memory ${mr}x, read ${rr}x"
    tb=$(awk -v t="$t1" -v f=$FLOOR -v k=$FLAT_TIME 'BEGIN { printf "%.2f", (t > f ? t : f) * k }')
    if [ $killed = 1 ]; then ko "$_name: the 8x run was stopped at its CPU limit (1x: $(fmt_t "$t1"))"
    else cmp_le "$t" "$tb" && ok || ko "$_name: CPU time ${tr}x the 1x's where it should stay flat (8x $(fmt_t "$t"), bound $(fmt_t "$tb"))"; fi
    if [ "$_mode" = holds ]; then
        mb=$(awk -v r="$rr" -v f=$FLAT_MEM 'BEGIN { print (r > f ? r : f) }')
        cmp_le "$mr" "$mb" && ok || ko "$_name: memory ${mr}x the 1x's, more than the ${rr}x of the bytes read"
    else
        cmp_le "$mr" $FLAT_MEM && ok || ko "$_name: memory ${mr}x the 1x's where it should stay flat (bound ${FLAT_MEM}x)"
    fi
    if [ "$_mode" = stops ]; then
        cmp_le "$rr" $FLAT_MEM && ok || ko "$_name: read ${rr}x the 1x's bytes where it should stop at the limit (bound ${FLAT_MEM}x)"
    fi
}

# said NAME LINE: stderr of run NAME is exactly LINE
said() {
    got=$(cat "$tmp/$1.err")
    [ "$got" = "$2" ] && ok || ko "$1: expected \"$2\", got \"$(printf '%s' "$got" | head -c 300)\""
}
# quiet NAME: run NAME wrote nothing to stdout
quiet() { [ ! -s "$tmp/$1.out" ] && ok || ko "$1: wrote $(wc -c <"$tmp/$1.out") bytes to stdout though it failed"; }
# no_outputs NAME FILE: a refused charts/report run (NAME) created nothing
no_outputs() { # NAME FILE (relative to $tmp/w)
    measure "$1-charts" $HANG "$bin" charts -q --format pdf,png -o "out-$1" "$2"
    [ "$st" = 65 ] && ok || ko "$1: charts exited $st, expected 65"
    if [ -e "$tmp/w/out-$1" ] && [ -n "$(ls -A "$tmp/w/out-$1")" ]; then
        ko "$1: a refused charts run left $(ls -A "$tmp/w/out-$1" | tr '\n' ' ')"
    else ok; fi
    measure "$1-report" $HANG "$bin" report -q -o "out-$1.pdf" "$2"
    [ "$st" = 65 ] && ok || ko "$1: report exited $st, expected 65"
    [ ! -e "$tmp/w/out-$1.pdf" ] && ok || ko "$1: a refused report wrote out-$1.pdf"
    ls -a "$tmp/w" | grep -q sbtmp && ko "$1: a temporary file stayed" || ok
}

mkdir -p "$tmp/w"
cd "$tmp/w" || exit 1

# ---- generators (awk; deterministic) -------------------------------------

# big_field FILE KIND LEN ROWS: ROWS records, each with one field of about
# LEN bytes: KIND note (an unquoted note), name (a quoted region name with
# Chinese text, doubled quotes and line breaks), flags (flag letters after
# a value). Printed in 64 KiB pieces.
big_field() {
    awk -v kind="$2" -v L="$3" -v R="$4" 'BEGIN {
        if (kind == "note") { print "indicator,region,year,value,note"; u = "lorem ipsum dolor sit amet; " }
        else { print "indicator,region,year,value" }
        if (kind == "name") u = "\351\207\215\345\272\206 \"\"quoted\"\"\n"
        if (kind == "flags") u = "pbe"
        chunk = u; while (length(chunk) < 65536) chunk = chunk chunk
        pad = "x"; while (length(pad) < 65536) pad = pad pad
        for (r = 0; r < R; r++) {
            if (kind == "note") head = sprintf("rd,R%d,2020,%d.5,note %d ", r, r, r)
            else if (kind == "name") head = sprintf("rd,\"Region %d ", r)
            else head = sprintf("rd,R%d,2020,%d.5 ", r, r)
            printf "%s", head
            n = length(head)
            while (n + length(chunk) <= L) { printf "%s", chunk; n += length(chunk) }
            while (n < L) { k = L - n; if (k > 65536) k = 65536; printf "%s", substr(pad, 1, k); n += k }
            if (kind == "name") printf "\",2020,%d.5\nrd,\"Region %d\",2021,%d.5\n", r, r, r + 1
            else if (kind == "note") printf "\nrd,R%d,2021,%d.5,\n", r, r + 1
            else printf "\nrd,R%d,2021,%d.5\n", r, r + 1
        }
    }' >"$1"
}

# wide_row FILE FIELDS QUOTE LINE: a long-shape file whose line LINE (1 =
# the header) has FIELDS fields ("1" or "\"1\"").
wide_row() {
    awk -v n="$2" -v q="$3" -v at="$4" 'BEGIN {
        f = q ? "\"1\"," : "1,"
        chunk = ""; for (i = 0; i < 1000; i++) chunk = chunk f
        if (at > 1) print "indicator,region,year,value"
        if (at > 2) print "rd,A,2020,1"
        printf "rd,A,2021"
        for (i = 3; i + 1000 <= n; i += 1000) printf ",%s", substr(chunk, 1, length(chunk) - 1)
        for (; i < n; i++) printf ",%s", substr(f, 1, length(f) - 1)
        print ""
        print "rd,A,2022,3"
    }' >"$1"
}

# ---- one huge field, under the 1 MiB limit -------------------------------
# A 120 KiB field, then a 960 KiB one (the same number of records): the
# reader must grow its field buffer geometrically (libcsv's grows by a
# fixed block unless told), so 8 times the bytes cost about 8 times.
note_rows=160 name_rows=80
note_run() { # SIZE CMD
    case $1 in 0) l=100 ;; p) l=15360 ;; 1) l=122880 ;; 8) l=983040 ;; esac
    [ -f "note-$1.csv" ] || big_field "note-$1.csv" note $l $note_rows
    measure "note-$2-$1" "${cap:-$HANG}" "$bin" $3 "note-$1.csv"
}
note_check() { note_run "$1" check "check"; }
note_metrics() { note_run "$1" metrics "metrics --format csv"; }
name_run() {
    case $1 in 0) l=100 ;; p) l=15360 ;; 1) l=122880 ;; 8) l=983040 ;; esac
    [ -f "name-$1.csv" ] || big_field "name-$1.csv" name $l $name_rows
    measure "name-$2-$1" "${cap:-$HANG}" "$bin" $3 "name-$1.csv"
}
name_check() { name_run "$1" check "check"; }
name_metrics() { name_run "$1" metrics "metrics --format csv"; }
linear "huge note field check" note_check
if [ $ran8 = 1 ]; then
    grep -q "values: $((2 * note_rows))" "$tmp/note-check-8.out" && ok ||
    ko "check of the 960 KiB notes did not count $((2 * note_rows)) values"
fi
linear "huge note field metrics" note_metrics
linear "huge quoted region name check" name_check
linear "huge quoted region name metrics" name_metrics
if [ $ran8 = 1 ]; then
    [ "$(grep -c '^rd,"\{0,1\}Region [0-9]' "$tmp/name-metrics-8.out")" = $((2 * name_rows)) ] && ok ||
    ko "metrics of the 960 KiB names did not give $((2 * name_rows)) rows"
fi
rm -f note-*.csv name-*.csv

# ---- a huge text in a brief and a chart: laid out as far as it is shown ----
# A brief prints a value's note, an indicator's source and a region's name
# from the data; a chart its source line and region labels. Pango shapes
# every character it is given, however little of it a page shows: an
# 800 KB note cost a brief 3 s and 130 MB (for one line run off the
# page), a 100 KB region name 10 s and forty pages. Each text is now cut
# to what can be shown before it is laid out (a line of a table or a
# label, three lines of a title, a note or a source of at most some four
# pages, a name of 300 characters), so that the cost follows what is
# printed, not the field. Each text at 100 KB, then 800 KB (under the
# 1 MiB field limit): the command's own cost -- its count minus check's
# on the same files, since the load grows with the file and is judged by
# the cases above -- stays flat: bytes and calls 8x at most $FLAT_MEM x
# the 1x, CPU at most $FLAT_TIME x (the 1x taken as at least $FLOOR s).
# Before the cut the 800 KB text's cost was, over the 100 KB one's: the
# brief's note 4.9x the bytes and 3.8x the calls, its source 5.0x and
# 3.9x, its region name 6.1x and 7.2x; the charts' source 9.6x, 9.9x and
# 5.9x the CPU, their region name 7.5x, 9.8x and 5.4x. The 8x outputs
# must still show the text's beginning and the ellipsis it was cut with.
text_dir() { # KIND BYTES DIR: a brief's tables with one huge text:
    # note (of A's 2020 value), source (of the indicator), name (of the
    # region compared with the focus A)
    mkdir -p "$3"
    awk -v kind="$1" -v L="$2" -v dir="$3" 'BEGIN {
        s = "lorem ipsum dolor sit amet; "; while (length(s) < L) s = s s
        s = substr(s, 1, L)
        note = kind == "note" ? "start of the note " s : ""
        name = kind == "name" ? "Start of the name " s : "B"
        src = kind == "source" ? "start of the source " s : "a statistics office"
        f = dir "/data.csv"
        print "indicator,region,year,value,note" >f
        printf "rd,A,2019,1.5,\nrd,A,2020,2.5,\"%s\"\nrd,A,2021,3.5,\n", note >f
        for (y = 2019; y <= 2021; y++) printf "rd,\"%s\",%d,2.%d,\n", name, y, y % 10 >f
        f = dir "/indicators.csv"
        print "id,name,unit,kind,source" >f
        printf "rd,R&D spending,100 million yuan,amount,\"%s\"\n", src >f
    }'
}
# text_cost NAME KIND CMD: CMD (report or charts) and check on the KIND
# text at 1x and 8x; the 8x output in text-KIND-8.pdf or text-KIND-8-out/
text_cost() {
    _name=$1 _kind=$2 _cmd=$3
    for _s in 1 8; do
        _d=text-$_kind-$_s
        [ -d "$_d" ] || text_dir "$_kind" $((_s * 102400)) "$_d"
        measure "$_d-check" $HANG "$bin" check -q "$_d"
        ran_ok "$_name ${_s}x, check" 0 || return
        _cm=$m _cc=$c _ct=$t
        if [ "$_cmd" = report ]; then
            measure "$_d-report" $HANG "$bin" report -q --force -o "$_d.pdf" "$_d"
        else
            measure "$_d-charts" $HANG "$bin" charts -q --force --format pdf,png,svg -o "$_d-out" "$_d"
        fi
        ran_ok "$_name ${_s}x" 0 || return
        # what the command adds to the load
        _dm=$(awk -v a="$m" -v b="$_cm" 'BEGIN { print a - b }')
        _dt=$(awk -v a="$t" -v b="$_ct" 'BEGIN { print a - b }')
        if [ $_s = 1 ]; then xm1=$_dm xc1=$((c - _cc)) xt1=$_dt
        else xm8=$_dm xc8=$((c - _cc)) xt8=$_dt; fi
    done
    mr=$(ratio "$xm8" "$xm1") cr=$(ratio "$xc8" "$xc1") tr=$(ratio "$xt8" "$xt1")
    echo "resource: $_name, over check: 1x $(fmt_t "$xt1") $(fmt_m "$xm1") $xc1 calls, 8x $(fmt_t "$xt8") $(fmt_m "$xm8") $xc8 calls: time ${tr}x, memory ${mr}x, calls ${cr}x"
    cmp_le "$mr" $FLAT_MEM && ok || ko "$_name: its memory grew ${mr}x from a 100 KB to an 800 KB text (bound ${FLAT_MEM}x: it should follow what is shown)"
    cmp_le "$cr" $FLAT_MEM && ok || ko "$_name: its allocation calls grew ${cr}x from a 100 KB to an 800 KB text (bound ${FLAT_MEM}x)"
    tb=$(awk -v t="$xt1" -v f=$FLOOR -v k=$FLAT_TIME 'BEGIN { printf "%.2f", (t > f ? t : f) * k }')
    cmp_le "$xt8" "$tb" && ok || ko "$_name: CPU time $(fmt_t "$xt8") for the 800 KB text, over $(fmt_t "$tb") (${FLAT_TIME}x the 100 KB's)"
}
# shows FILE TEXT...: the PDF's text (pdftotext, spaces and lines joined)
# has each TEXT
shows() {
    _f=$1
    shift
    _t=$tmp/$(echo "$_f" | tr / -).txt
    pdftotext "$_f" - 2>/dev/null | tr -s ' \n' ' ' >"$_t"
    for _x; do has "$_t" "$_x"; done
}
ell=$(printf '\342\200\246')         # U+2026, the ellipsis
text_cost "brief with a huge value note" note report
# the beginning of the note, then the ellipsis and the note's full stop
[ -f text-note-8.pdf ] && shows text-note-8.pdf "A, 2020: start of the note lorem ipsum dolor sit amet; " "$ell."
text_cost "brief with a huge source" source report
[ -f text-source-8.pdf ] && shows text-source-8.pdf "R&D spending: start of the source lorem ipsum dolor sit amet; " "$ell."
text_cost "brief with a huge region name" name report
[ -f text-name-8.pdf ] && shows text-name-8.pdf "Regions compared: A, Start of the name lorem ipsum dolor sit amet; " "$ell"
text_cost "charts with a huge source" source charts
[ -f text-source-8-out/rd.pdf ] && shows text-source-8-out/rd.pdf "Source: start of the source lorem ipsum dolor sit amet; " "$ell"
text_cost "charts with a huge region name" name charts
[ -f text-name-8-out/rd.pdf ] && shows text-name-8-out/rd.pdf "Start of the name lore" "$ell"
rm -rf text-*

# ---- a field past the limit: refused where it crosses 1 MiB ---------------
# 8 MiB past the limit, then 64 MiB past: the reader stops at the limit,
# so how far the field goes on must not matter.
past_run() { # SIZE KIND
    case $1 in 1) l=$((9 * 1048576)) ;; 8) l=$((65 * 1048576)) ;; esac
    [ -f "past-$2-$1.csv" ] || big_field "past-$2-$1.csv" "$2" $l 1
    measure "past-$2-$1" "${cap:-$HANG}" "$bin" check "past-$2-$1.csv"
}
past_note() { past_run "$1" note; }
past_name() { past_run "$1" name; }
flat "unquoted field 8 vs 64 MiB past the limit" past_note 65 stops
said past-note-1 "statbrief: past-note-1.csv:2:5: error: field 5 is longer than 1048576 bytes"
said past-note-8 "statbrief: past-note-8.csv:2:5: error: field 5 is longer than 1048576 bytes"
quiet past-note-8
flat "quoted field 8 vs 64 MiB past the limit" past_name 65 stops
said past-name-1 "statbrief: past-name-1.csv:2:2: error: field 2 is longer than 1048576 bytes"
said past-name-8 "statbrief: past-name-8.csv:2:2: error: field 2 is longer than 1048576 bytes"
quiet past-name-8
no_outputs past-note past-note-1.csv
# a field of exactly 1 MiB is read; one byte more is not
awk 'BEGIN { print "indicator,region,year,value,note"; s = "x"; while (length(s) < 1048576) s = s s
    print "rd,A,2020,1," s; print "rd,A,2021,2," s "y" }' >edge.csv
measure edge $HANG "$bin" check edge.csv
[ "$st" = 65 ] && ok || ko "a field of 1 MiB + 1 byte: exit $st"
said edge "statbrief: edge.csv:3:5: error: field 5 is longer than 1048576 bytes"
# a huge flags field is refused with "more than 31 flag characters": the
# field (under the 1 MiB field limit) is read whole first, so its memory
# follows its bytes (a 960 KiB field costs about 6 bytes a byte); the work
# on it stays flat
flags_run() {
    case $1 in 1) l=122880 ;; 8) l=983040 ;; esac
    [ -f "flags-$1.csv" ] || big_field "flags-$1.csv" flags $l 4
    measure "flags-$1" "${cap:-$HANG}" "$bin" check "flags-$1.csv"
}
flat "flags field 120 vs 960 KiB" flags_run 65 holds
said flags-1 "statbrief: flags-1.csv:2:4: error: more than 31 flag characters"
said flags-8 "statbrief: flags-8.csv:2:4: error: more than 31 flag characters"
rm -f past-*.csv flags-*.csv edge.csv

# ---- a million columns in one row -------------------------------------------
# 1M, then 8M fields on line 3: refused at field 100,001 without reading
# (or keeping) the rest of the row.
cols_run() { # SIZE QUOTE
    case $1 in 1) n=1000000 ;; 8) n=8000000 ;; esac
    [ -f "cols-$2-$1.csv" ] || wide_row "cols-$2-$1.csv" $n "$2" 3
    measure "cols-$2-$1" "${cap:-$HANG}" "$bin" check "cols-$2-$1.csv"
}
cols_plain() { cols_run "$1" 0; }
cols_quoted() { cols_run "$1" 1; }
flat "row of 1M vs 8M fields" cols_plain 65 stops
said cols-0-1 "statbrief: cols-0-1.csv:3:100001: error: record has more than 100000 fields"
said cols-0-8 "statbrief: cols-0-8.csv:3:100001: error: record has more than 100000 fields"
quiet cols-0-8
flat "row of 1M vs 8M quoted fields" cols_quoted 65 stops
said cols-1-1 "statbrief: cols-1-1.csv:3:100001: error: record has more than 100000 fields"
said cols-1-8 "statbrief: cols-1-8.csv:3:100001: error: record has more than 100000 fields"
no_outputs cols cols-0-1.csv
# the header itself, and the edge: 100,000 fields are read, 100,001 are not
wide_row cols-head.csv 1000000 0 1
measure cols-head $HANG "$bin" check cols-head.csv
[ "$st" = 65 ] && ok || ko "a header of 1M fields: exit $st"
said cols-head "statbrief: cols-head.csv:1:100001: error: record has more than 100000 fields"
wide_row cols-edge.csv 100000 0 2
measure cols-edge $HANG "$bin" check cols-edge.csv
[ "$st" = 65 ] && ok || ko "a row of 100,000 fields under a 4-field header: exit $st"
said cols-edge "statbrief: cols-edge.csv:2:5: error: record has 100000 fields but the header has 4: field 5 (\"1\") has no column"
wide_row cols-edge1.csv 100001 0 2
measure cols-edge1 $HANG "$bin" check cols-edge1.csv
said cols-edge1 "statbrief: cols-edge1.csv:2:100001: error: record has more than 100000 fields"
rm -f cols-*.csv

# many columns under the limit: wide by region, 12,500 then 100,000 columns
# (16 rows of years); wide by year, 1,125 then 9,000 year columns (only
# 4-digit headers are years: 1000..9999), 1,200 rows (the tiny input 4),
# enough for the 1x run's CPU to be ten times the start-up's
wreg_run() { # SIZE CMD
    case $1 in 0) c=5 ;; p) c=1563 ;; 1) c=12500 ;; 8) c=100000 ;; esac
    [ -f "wreg-$1.csv" ] || awk -v c=$c 'BEGIN {
        printf "year"; for (i = 1; i < c; i++) printf ",R%d", i; print ""
        for (y = 2008; y <= 2023; y++) { printf "%d", y
            for (i = 1; i < c; i++) printf ",%d.%d", (i * 7 + y) % 1000, y % 10; print "" } }' >"wreg-$1.csv"
    measure "wreg-$2-$1" "${cap:-$HANG}" "$bin" $3 "wreg-$1.csv"
}
wreg_check() { wreg_run "$1" check check; }
wreg_metrics() { wreg_run "$1" metrics "metrics --format csv"; }
linear "wide by region 12,500 vs 100,000 columns check" wreg_check
if [ $ran8 = 1 ]; then
    grep -q "values: 1599984" "$tmp/wreg-check-8.out" && ok ||
    ko "wide by region with 100,000 columns: not 1,599,984 values"
fi
linear "wide by region 12,500 vs 100,000 columns metrics" wreg_metrics
wyear_run() {
    case $1 in 0) c=3 rows=4 ;; p) c=141 rows=1200 ;; 1) c=1125 rows=1200 ;; 8) c=9000 rows=1200 ;; esac
    [ -f "wyear-$1.csv" ] || awk -v c=$c -v rows=$rows 'BEGIN {
        printf "indicator,region"; for (y = 1000; y < 1000 + c; y++) printf ",%d", y; print ""
        for (r = 0; r < rows; r++) { printf "ind%d,R%d", r % 4, r
            for (y = 0; y < c; y++) printf ",%d.%d", (y * 7 + r) % 1000, r % 10; print "" } }' >"wyear-$1.csv"
    measure "wyear-$2-$1" "${cap:-$HANG}" "$bin" $3 "wyear-$1.csv"
}
# check on one thread: it holds no values (core/model.h's lean datasets),
# so what grows is what a row's width costs; on two, the 8x file (64 MB)
# is read in parts, about 10 MiB of them in flight, which the 1x file
# (8 MB) is too small to be cut into: a step between the sizes, not
# growth with the input
wyear_check() {
    export STATBRIEF_THREADS=1
    wyear_run "$1" check check
    unset STATBRIEF_THREADS
}
wyear_metrics() { wyear_run "$1" metrics "metrics --format csv"; }
linear "wide by year 1,125 vs 9,000 year columns check" wyear_check
if [ $ran8 = 1 ]; then
    grep -q "values: 10800000" "$tmp/wyear-check-8.out" && ok ||
    ko "wide by year with 9,000 year columns: not 10,800,000 values"
fi
linear "wide by year 1,125 vs 9,000 year columns metrics" wyear_metrics
rm -f wreg-*.csv wyear-*.csv

# ---- a million regions ---------------------------------------------------------
# One indicator, one year, 125,000 then 1,000,000 regions, and a
# regions.csv with as many rows (groups, and a total).
reg_run() { # SIZE CMD
    case $1 in 0) n=4 ;; p) n=15625 ;; 1) n=125000 ;; 8) n=1000000 ;; esac
    if [ ! -d "reg-$1" ]; then
        mkdir "reg-$1"
        awk -v n=$n 'BEGIN { print "indicator,region,year,value"
            for (i = 0; i < n; i++) printf "rd,R%07d,2021,%d.25\n", i, i % 9973 }' >"reg-$1/data.csv"
        awk -v n=$n 'BEGIN { print "region,groups,role"; print "Total,,total"
            for (i = 0; i < n; i++) printf "R%07d,g%d;all,\n", i, i % 7 }' >"reg-$1/regions.csv"
    fi
    measure "reg-$2-$1" "${cap:-$HANG}" "$bin" $3 "reg-$1"
}
reg_check() { reg_run "$1" check check; }
reg_metrics() { reg_run "$1" metrics "metrics --format csv"; }
linear "1M regions check" reg_check
if [ $ran8 = 1 ]; then
    grep -q "regions: 1000001" "$tmp/reg-check-8.out" && ok ||
    ko "check of 1M regions did not count 1,000,001 regions"
fi
linear "1M regions metrics" reg_metrics
if [ $ran8 = 1 ]; then
    [ "$(wc -l <"$tmp/reg-metrics-8.out")" = 1000001 ] && ok ||
    ko "metrics of 1M regions did not give 1,000,000 rows"
fi
rm -rf reg-*

# ---- years 1..99999 ----------------------------------------------------------------
# 2,000 regions x 10 indicators, each series with values at 1, Y/4, Y/2,
# 3Y/4 and Y: Y = 12,500, then 99,999. The same number of values over 8
# times the span: nothing may be kept per year of the span.
span_file() { # FILE Y REGIONS INDICATORS
    awk -v Y="$2" -v nr="$3" -v ni="$4" 'BEGIN { print "indicator,region,year,value"
        for (k = 0; k < ni; k++) for (r = 0; r < nr; r++) {
            n = split(1 " " int(Y / 4) " " int(Y / 2) " " int(3 * Y / 4) " " Y, ys, " ")
            for (j = 1; j <= n; j++) printf "ind%02d,R%05d,%d,%d.%d\n", k, r, ys[j], 100 + (r * 7 + j * 13) % 900, j } }' >"$1"
}
span_run() { # SIZE CMD
    case $1 in 1) y=12500 ;; 8) y=99999 ;; esac
    [ -f "span-$1.csv" ] || span_file "span-$1.csv" $y 2000 10
    measure "span-$2-$1" "${cap:-$HANG}" "$bin" $3 "span-$1.csv"
}
span_check() { span_run "$1" check check; }
span_metrics() { span_run "$1" metrics "metrics --format csv"; }
span_charts() {
    case $1 in 1) y=12500 ;; 8) y=99999 ;; esac
    [ -f "spanc-$1.csv" ] || span_file "spanc-$1.csv" $y 3 2
    rm -rf "spanc-out-$1"
    measure "span-charts-$1" "${cap:-$HANG}" "$bin" charts -q --format png -o "spanc-out-$1" "spanc-$1.csv"
}
flat "span 1..12,500 vs 1..99,999 check" span_check 0
grep -q "years: 1-99999; values: 100000;" "$tmp/span-check-8.out" && ok ||
    ko "check of the span 1..99999: $(grep '^dataset' "$tmp/span-check-8.out")"
flat "span 1..12,500 vs 1..99,999 metrics" span_metrics 0
[ "$(grep -c '^ind..,R.....,.*,1,99999,' "$tmp/span-metrics-8.out")" = 20000 ] && ok ||
    ko "metrics over 1..99999 did not give 20,000 series from 1 to 99999"
flat "span 1..12,500 vs 1..99,999 charts" span_charts 0
[ -s spanc-out-8/ind00.png ] && [ -s spanc-out-8/ind01.png ] && ok ||
    ko "charts over 1..99999 drew no ind00.png and ind01.png"
# the years around the limits
printf 'indicator,region,year,value\nrd,A,1,1\nrd,A,99999,2\nrd,A,100000,3\n' >year-big.csv
measure year-big $HANG "$bin" check year-big.csv
[ "$st" = 65 ] && ok || ko "year 100000: exit $st"
said year-big 'statbrief: year-big.csv:4:3: error: not a year: "100000"'
quiet year-big
printf 'indicator,region,year,value\nrd,A,1,1\nrd,A,0,2\n' >year-0.csv
measure year-0 $HANG "$bin" check year-0.csv
said year-0 'statbrief: year-0.csv:3:3: error: not a year: "0"'
rm -rf span-* spanc-* year-*.csv

# ---- check holds no values --------------------------------------------------------
# 20 series of 5,000 then 40,000 years (100,000 then 800,000 values).
# check's summary needs each series' figures, not its values, and holds
# none (core/model.h's lean datasets); check --from 1 prints the same
# (no year is before 1) from a load that holds them, as metrics's does.
# On one thread (no parts in flight): check's peak stays flat, and the
# full load's grows by at least 9/10 of the added values' 12 bytes. A
# series whose years come back inside a span it had of 64 years or more
# (100, 2, 3, ..., 99, 1, 101, ...: 3 may be a duplicate, as far as the
# lean load knows) is read again in full: the same summary, at the full
# load's peak.
lean_file() { # FILE YEARS [swap: years 1 and 100 swapped]
    awk -v ny="$2" -v swap="${3:-}" 'BEGIN { print "indicator,region,year,value"
        for (k = 0; k < 4; k++) for (r = 0; r < 5; r++) for (y = 1; y <= ny; y++) {
            yy = swap != "" && (y == 1 || y == 100) ? 101 - y : y
            printf "ind%d,R%d,%d,%d.%d\n", k, r, yy, (yy * 7 + r) % 1000, yy % 10 } }' >"$1"
}
lean_file lean-1.csv 5000
lean_file lean-8.csv 40000
lean_file lean-swap.csv 40000 swap
export STATBRIEF_THREADS=1
for _s in 1 8; do
    measure "lean-$_s" $HANG "$bin" check "lean-$_s.csv"
    ran_ok "lean check ${_s}x" 0 && ok
    eval "lm$_s=\$m"
    measure "lean-full-$_s" $HANG "$bin" check --from 1 "lean-$_s.csv"
    ran_ok "full check ${_s}x" 0 && ok
    eval "fm$_s=\$m"
    cmp -s "$tmp/lean-$_s.out" "$tmp/lean-full-$_s.out" && ok ||
        ko "check and check --from 1 of lean-$_s.csv differ"
done
measure lean-swap $HANG "$bin" check lean-swap.csv
ran_ok "lean check, years swapped" 0 && ok
sm=$m
unset STATBRIEF_THREADS
grep -q "years: 1-40000; values: 800000; missing: 0" "$tmp/lean-8.out" && ok ||
    ko "check of lean-8.csv: $(grep '^dataset' "$tmp/lean-8.out")"
sed 's/lean-swap.csv/lean-8.csv/' "$tmp/lean-swap.out" | cmp -s - "$tmp/lean-8.out" && ok ||
    ko "check of the swapped years differs from the sorted file's"
echo "resource: check of 100,000 vs 800,000 values: $(fmt_m "$lm1") vs $(fmt_m "$lm8"); with --from 1 (values held) $(fmt_m "$fm1") vs $(fmt_m "$fm8"); years swapped (read again in full) $(fmt_m "$sm")"
cmp_le "$(ratio "$lm8" "$lm1")" $FLAT_MEM && ok ||
    ko "check's peak grew $(ratio "$lm8" "$lm1")x for 8 times the values (bound ${FLAT_MEM}x): it holds them"
held=$(awk 'BEGIN { printf "%.3f", 700000 * 12 * 0.9 / 1048576 }')
cmp_le "$held" "$(awk -v a="$fm8" -v b="$fm1" 'BEGIN { print a - b }')" && ok ||
    ko "check --from 1's peak grew by less than the 700,000 added values' 12 bytes: the measure cannot tell"
cmp_le "$held" "$(awk -v a="$sm" -v b="$lm8" 'BEGIN { print a - b }')" && ok ||
    ko "check of the swapped years peaked at $(fmt_m "$sm"), not a full load's"
rm -f lean-*.csv

# ---- the report spec: deep nesting, aliases -------------------------------------
printf 'indicator,region,year,value\nrd,A,2020,1\nrd,A,2021,2\nrd,B,2020,3\nrd,B,2021,4\n' >small.csv
# flow style [[[...]]], 1,000 then 8,000 levels: refused at level 65
flow_run() {
    case $1 in 1) n=1000 ;; 8) n=8000 ;; esac
    awk -v n=$n 'BEGIN { printf "title: x\ndata: [small.csv]\nsections:\n  - title: a\n    text: "
        for (i = 0; i < n; i++) printf "["; for (i = 0; i < n; i++) printf "]"; print "" }' >"flow-$1.yaml"
    measure "flow-$1" "${cap:-$HANG}" "$bin" check --spec "flow-$1.yaml"
}
flat "spec nested 1,000 vs 8,000 levels, flow" flow_run 65
said flow-1 "statbrief: flow-1.yaml:5:72: error: nested deeper than 64 levels"
said flow-8 "statbrief: flow-8.yaml:5:72: error: nested deeper than 64 levels"
quiet flow-8
# block style, compact ("- - - ... leaf": one level per 2 bytes)
bseq_run() {
    case $1 in 1) n=1000 ;; 8) n=8000 ;; esac
    awk -v n=$n 'BEGIN { printf "title: x\ndata: [small.csv]\nsections:\n  - title: a\n    text:\n      "
        for (i = 0; i < n; i++) printf "- "; print "leaf" }' >"bseq-$1.yaml"
    measure "bseq-$1" "${cap:-$HANG}" "$bin" check --spec "bseq-$1.yaml"
}
flat "spec nested 1,000 vs 8,000 levels, block" bseq_run 65
said bseq-1 "statbrief: bseq-1.yaml:6:129: error: nested deeper than 64 levels"
said bseq-8 "statbrief: bseq-8.yaml:6:129: error: nested deeper than 64 levels"
# block mappings indented two spaces a level: the file grows with the
# square of the depth (1,000 levels: 1 MiB), so 1,000 then 2,828 levels
# is 8 times the bytes: linear in them at most
bmap_run() {
    case $1 in 0) n=70 ;; p) n=354 ;; 1) n=1000 ;; 8) n=2828 ;; esac
    awk -v n=$n 'BEGIN { print "title: x"; ind = ""
        for (i = 0; i < n; i++) { printf "%sk%d:\n", ind, i; ind = ind "  " }; printf "%sleaf\n", ind }' >"bmap-$1.yaml"
    measure "bmap-$1" "${cap:-$HANG}" "$bin" check --spec "bmap-$1.yaml"
}
linear "spec nested 1,000 vs 2,828 levels, indented block (8x the bytes)" bmap_run 65
said bmap-1 "statbrief: bmap-1.yaml:65:127: error: nested deeper than 64 levels"
said bmap-8 "statbrief: bmap-8.yaml:65:127: error: nested deeper than 64 levels"
measure bseq-report $HANG "$bin" report -q --spec bseq-1.yaml -o deep.pdf
[ "$st" = 65 ] && [ ! -e deep.pdf ] && ok || ko "report of a too deep spec: exit $st$([ -e deep.pdf ] && echo ', wrote deep.pdf')"
rm -f flow-*.yaml bseq-*.yaml bmap-*.yaml

# aliases near the limit: 2,500 then 19,990 aliases of a section (5 nodes
# each: 12,500 then 99,955 nodes), read by reference
near_run() {
    case $1 in 0) n=2 ;; p) n=313 ;; 1) n=2500 ;; 8) n=19990 ;; esac
    awk -v n=$n 'BEGIN { print "title: x\ndata: [small.csv]\nsections:\n  - &s {title: t, text: plain words}"
        for (i = 1; i < n; i++) print "  - *s" }' >"near-$1.yaml"
    measure "near-$1" "${cap:-$HANG}" "$bin" check -q --spec "near-$1.yaml"
}
linear "spec aliases 12,500 vs 99,955 nodes (under the limit)" near_run
# past the limit: 20,010 then 160,000 aliases, refused at the same alias
past_alias() {
    case $1 in 1) n=20010 ;; 8) n=160000 ;; esac
    awk -v n=$n 'BEGIN { print "title: x\ndata: [small.csv]\nsections:\n  - &s {title: t, text: plain words}"
        for (i = 1; i < n; i++) print "  - *s" }' >"pasta-$1.yaml"
    measure "pasta-$1" "${cap:-$HANG}" "$bin" check --spec "pasta-$1.yaml"
}
flat "spec aliases 20,010 vs 160,000 (past the limit)" past_alias 65 holds
said pasta-1 "statbrief: pasta-1.yaml:20002:5: error: aliases expand the spec past 100000 nodes"
said pasta-8 "statbrief: pasta-8.yaml:20002:5: error: aliases expand the spec past 100000 nodes"
# billion laughs: 10^9, then 10^12 nodes, refused at the alias crossing
# 100,000; no slower than the spec just past the limit
laughs() { # FILE LEVELS
    awk -v n="$2" 'BEGIN { printf "title: x\ndata: [small.csv]\nauthor: &a [\"lol\""
        for (i = 1; i < 10; i++) printf ", \"lol\""; print "]"
        for (l = 1; l < n; l++) { printf "x%d: &%c [", l, 97 + l
            for (i = 0; i < 10; i++) printf "%s*%c", i ? ", " : "", 96 + l; print "]" } }' >"$1"
}
laugh_run() {
    case $1 in 1) laughs laugh-1.yaml 9 ;; 8) laughs laugh-8.yaml 12 ;; esac
    measure "laugh-$1" "${cap:-$HANG}" "$bin" check --spec "laugh-$1.yaml"
}
flat "billion laughs 10^9 vs 10^12 nodes" laugh_run 65
said laugh-1 "statbrief: laugh-1.yaml:7:37: error: aliases expand the spec past 100000 nodes"
said laugh-8 "statbrief: laugh-8.yaml:7:37: error: aliases expand the spec past 100000 nodes"
tb=$(sed 's/.*cpu=//' "$tmp/pasta-1.count" | awk -v f=$FLOOR -v k=$FLAT_TIME \
    '{ printf "%.2f", ($1 > f ? $1 : f) * k }')
cmp_le "$t1" "$tb" && ok || ko "billion laughs took $(fmt_t "$t1"), more than ${FLAT_TIME}x the spec just past the limit"
# aliases of one large text: a section with 64 KiB of placeholders,
# aliased 16 then 128 times. The spec is 1.01 times the bytes: the work
# may not follow the aliases (each one would otherwise cost its text
# again: 100,000 nodes of a 1 MiB text is 100 GB).
amp_run() {
    case $1 in 1) n=16 ;; 8) n=128 ;; esac
    awk -v n=$n 'BEGIN { s = "In {rd A value 2021}, "; while (length(s) < 65536) s = s s
        print "title: x\ndata: [small.csv]\nsections:\n  - &s {title: t, text: \"" s "\"}"
        for (i = 1; i < n; i++) print "  - *s" }' >"amp-$1.yaml"
    measure "amp-$1" "${cap:-$HANG}" "$bin" check -q --spec "amp-$1.yaml"
}
flat "spec aliases of a 64 KiB text, 16 vs 128 (1.01x the bytes)" amp_run 0
# the text budget: 300 aliases of that (88 KiB) text expand past 16 MiB,
# refused at the alias that crosses it (the 186th); a spec file past
# 16 MiB is refused unread
awk 'BEGIN { s = "In {rd A value 2021}, "; while (length(s) < 65536) s = s s
    print "title: x\ndata: [small.csv]\nsections:\n  - &s {title: t, text: \"" s "\"}"
    for (i = 1; i < 300; i++) print "  - *s" }' >"$tmp/w/amp-300.yaml"
measure amp-300 "$HANG" "$bin" check -q --spec amp-300.yaml
[ "$st" = 65 ] && ok || ko "300 aliases of a 64 KiB text: exit $st, expected 65"
said amp-300 "statbrief: amp-300.yaml:190:5: error: aliases expand the spec's text past 16777216 bytes"
awk 'BEGIN { print "title: x\ndata: [small.csv]\nsubtitle: \"" ; for (i = 0; i < 17 * 16384; i++) print "padding padding padding padding padding padding padding padding padding pad" ; print "\"" }' >"$tmp/w/huge.yaml"
measure huge "$HANG" "$bin" check -q --spec huge.yaml
[ "$st" = 65 ] && ok || ko "a 17 MiB spec: exit $st, expected 65"
said huge "statbrief: huge.yaml: error: the spec is larger than 16777216 bytes"
rm -f *.yaml small.csv

summary
