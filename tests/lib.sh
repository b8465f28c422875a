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
# Needs $unit for golden.
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
keep=tests/golden-out

ok() { pass=$((pass + 1)); }
ko() { echo "FAIL $suite: $*"; fail=$((fail + 1)); }
has() { grep -qF -- "$2" "$1" && ok || ko "$(basename "$1") lacks \"$2\""; }

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
