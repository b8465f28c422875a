# tests/lib.sh -- what the shell suites share; sourced after setting
# `suite` (the name in "FAIL <suite>: ..." and the summary line).
# Gives $tmp (removed at exit), the counters, and:
#   ok                      count a pass
#   ko MESSAGE              print "FAIL <suite>: MESSAGE", count a failure
#   has FILE TEXT           FILE contains TEXT (fixed string)
#   golden NAME GOT         GOT matches tests/golden/NAME pixel by pixel
#                           (within tolerance, `unit pngdiff`); on a
#                           mismatch the new image and a diff marked in
#                           red go to tests/golden-out/ for a person to see
#   summary                 "<suite>: N passed, M failed"
#   needs TOOL...           each TOOL on PATH, else one failure, the
#                           summary and exit 1 (a suite that cannot run
#                           must not pass)
# Needs $unit for golden.
#
# The pause points of core/testhook.h, for a build with -DSB_TEST_HOOKS
# (build/asan, build/oom, build/dbg): a run stops at a named point and a
# test acts exactly there, never after a sleep.
#   hook_run N LIST DIR ERR CMD...  starts CMD in DIR in the background with
#                           SB_TEST_PAUSE=LIST, stderr to ERR, its
#                           announcements on a FIFO that this shell reads
#                           as descriptor N (7, 8 or 9); $! is its PID
#   hook_at N               waits for the next announcement on N: sets
#                           point ("NAME:K") and ppid (the paused PID);
#                           point is empty when every process writing to
#                           N ended without pausing (no wait, no hang)
#   hook_end N              closes descriptor N
# A paused process goes on with kill -CONT, stops as a run does with
# kill -TERM or -INT (the signal is delivered at the point), dies with
# kill -KILL.
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
keep=tests/golden-out

ok() { pass=$((pass + 1)); }
ko() { echo "FAIL $suite: $*"; fail=$((fail + 1)); }
has() { grep -qF -- "$2" "$1" && ok || ko "$(basename "$1") lacks \"$2\""; }
hasnt() { grep -qF -- "$2" "$1" && ko "$(basename "$1") has \"$2\"" || ok; }

needs() {
    for tool in "$@"; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            ko "$tool is missing (tools/install-deps.sh installs it)"
            summary
            exit 1
        fi
    done
}

golden() {
    if [ ! -f "tests/golden/$1" ]; then
        ko "no golden tests/golden/$1"
    elif "$unit" pngdiff "tests/golden/$1" "$2" "$tmp/diff-$1" 2>"$tmp/golden-err"; then
        ok
    else
        mkdir -p "$keep"
        cp "$2" "$keep/new-$1"
        cp "$tmp/diff-$1" "$keep/diff-$1" 2>/dev/null
        ko "$1 differs from its golden: $(cat "$tmp/golden-err"); see $keep/"
    fi
}

summary() { echo "$suite: $pass passed, $fail failed"; }

hook_run() {
    _hn=$1 _hl=$2 _hd=$3 _he=$4
    shift 4
    rm -f "$tmp/hook-$_hn"
    mkfifo "$tmp/hook-$_hn"
    # the FIFO is opened first: whatever fails after it, the reader sees
    # its end (opening either end waits for the other)
    (exec 3>"$tmp/hook-$_hn"; cd "$_hd" || exit 1
     SB_TEST_PAUSE=$_hl; export SB_TEST_PAUSE; exec "$@" 2>"$_he") &
    eval "exec $_hn<\"\$tmp/hook-\$_hn\""
}
hook_at() {
    point= ppid=
    eval "read -r point ppid <&$1" || point=
}
hook_end() { eval "exec $1<&-"; rm -f "$tmp/hook-$1"; }
