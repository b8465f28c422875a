#!/bin/sh
# tests/run-cases.sh BIN UNIT -- run every CLI case under tests/cases/.
#
# A case is a folder:
#   args             the arguments, one line of shell words ($TOP is the
#                    repository, for the example data)
#   *.csv, dirs      its input files (the command runs in a copy of the folder)
#   expected.out     exact stdout (absent: must be empty)
#   expected.err     exact stderr (absent: must be empty), except that
#                    "wrote" and summary lines read "(N KB, T s)"
#   expected.status  exit status (absent: 0)
#   expected.files/  optional: files the command writes (their paths
#                    below it, e.g. out/gdp.txt), each compared whole
#   env              optional VAR=value lines for the command's environment
#   setup            optional sh script run first in the copy; $GEN writes
#                    generated inputs (see tests/unit.c, "gen")
# Prints a diff for each failing case and "cases: N passed, M failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
unit=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
top=$(pwd)
export TOP="$top"    # args may name $TOP/examples/...
pass=0
# Messages from the C library (strerror) follow the locale: pin it; a
# case's env file may still set another.
export LC_ALL=C
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for dir in "$top"/tests/cases/*/; do
    [ -d "$dir" ] || continue
    name=$(basename "$dir")
    # SKIP_CASES: names left out of a run (tests/memcheck.sh, see there)
    case " ${SKIP_CASES:-} " in *" $name "*) continue ;; esac
    work="$tmp/$name"
    out="$tmp/$name.result"
    mkdir -p "$work" "$out"
    cp -R "$dir". "$work"/
    ok=1
    if [ -f "$work/setup" ]; then
        (cd "$work" && GEN="$unit gen" sh ./setup) >"$out/setup" 2>&1 || {
            echo "FAIL $name: setup failed"; cat "$out/setup"; ok=0; }
    fi
    (
        cd "$work" || exit 99
        if [ -f env ]; then set -a; . ./env; set +a; fi
        eval "set -- $(cat args)"
        "$bin" "$@" >"$out/stdout" 2>"$out/stderr"
        echo $? >"$out/status"
    )
    [ -f "$dir/expected.out" ] && want="$dir/expected.out" || want=/dev/null
    if ! cmp -s "$want" "$out/stdout"; then
        echo "FAIL $name: stdout differs"; diff "$want" "$out/stdout" | head -20
        ok=0
    fi
    [ -f "$dir/expected.err" ] && want="$dir/expected.err" || want=/dev/null
    # the sizes and times of "wrote" and summary lines vary by machine
    sed -E 's/\(([0-9]+ pages?, )?[0-9]+ (KB|bytes), [0-9.]+ s\)$/(\1N \2, T s)/
            s/\([0-9.]+ s\)$/(T s)/' "$out/stderr" >"$out/stderr.n"
    if ! cmp -s "$want" "$out/stderr.n"; then
        echo "FAIL $name: stderr differs"; diff "$want" "$out/stderr.n" | head -20
        ok=0
    fi
    want_status=0
    [ -f "$dir/expected.status" ] && want_status=$(cat "$dir/expected.status")
    got_status=$(cat "$out/status")
    if [ "$want_status" != "$got_status" ]; then
        echo "FAIL $name: exit status $got_status, expected $want_status"
        ok=0
    fi
    if [ -d "$dir/expected.files" ]; then
        for f in $(cd "$dir/expected.files" && find . -type f | sort); do
            if ! cmp -s "$dir/expected.files/$f" "$work/$f"; then
                echo "FAIL $name: $f differs"
                diff "$dir/expected.files/$f" "$work/$f" | head -20
                ok=0
            fi
        done
    fi
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
    rm -rf "$work"
done
echo "cases: $pass passed, $fail failed"
[ $fail = 0 ]
