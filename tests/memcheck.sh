#!/bin/sh
# tests/memcheck.sh [SUITE...] -- the test suite (or the named suites of
# tests/run.sh) under valgrind's memcheck, on build/dbg (no sanitizers).
# Each binary the suites run is a wrapper that runs valgrind with
# --error-exitcode=99: a memory error or a definite leak changes an exit
# status, so the suite's own checks fail on it. tests/valgrind.supp holds
# the suppressions for library internals, each with its reason.
set -u
top=$(pwd)
# GSL accumulates sums of squares in long double, which valgrind computes
# in 64 bits: r2 printed at full precision differs in its last digit under
# valgrind, and only there. That case is left out here (not a memory
# matter; the normal suite checks it).
export SKIP_CASES="metrics-example-csv"
vg=$top/build/vg
mkdir -p "$vg"
for b in statbrief unit; do
    cat >"$vg/$b" <<WRAP
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full \\
    --errors-for-leak-kinds=definite --show-leak-kinds=definite \\
    --suppressions=$top/tests/valgrind.supp --num-callers=30 \\
    --log-file=$vg/$b.%p.log $top/build/dbg/$b "\$@"
WRAP
    chmod +x "$vg/$b"
done
rm -f "$vg"/*.log
# the suites run some commands as nobody (read-only directories), whose
# valgrind logs go here too
chmod 1777 "$vg"
# build/dbg has the pause points (-DSB_TEST_HOOKS): tests/cron.sh's
# signals, kills and lock races wait for them, not for a time, so
# valgrind's slowness needs no allowance
# Every suite of tests/run.sh but two: resource.sh measures time and
# memory growth, which valgrind's own overhead would swamp, and oom.sh runs
# its own build with the allocation hook under the sanitizers.
[ $# -eq 0 ] && set -- unit cases example charts brief spec cron batch install
st=0
log=$vg/suites.log
: >"$log"
for s in "$@"; do
    case $s in
    unit) "$vg/unit" tests ;;
    cases) sh tests/run-cases.sh "$vg/statbrief" "$vg/unit" ;;
    # these two take the binaries relative to TOP, as tests/run.sh does
    brief|spec) TOP=$top sh "tests/$s.sh" build/vg/statbrief build/vg/unit ;;
    *) sh "tests/$s.sh" "$vg/statbrief" "$vg/unit" ;;
    esac >"$vg/$s.out" 2>&1
    grep "^FAIL" "$vg/$s.out" | head -n 20
    line=$(grep "^$s: [0-9]* passed, [0-9]* failed" "$vg/$s.out" | tail -n 1)
    echo "${line:-$s: printed no result}" | tee -a "$log"
    case $line in *" 0 failed") ;; *) st=1 ;; esac
done
awk '{ p += $2; f += $4 } END { printf "%d passed, %d failed\n", p, f }' "$log"
# a report in any log is a failure, even where the suite did not look
bad=$(grep -l "ERROR SUMMARY: [1-9]\|definitely lost\|Invalid \|uninitialised" "$vg"/*.log 2>/dev/null | head -n 5)
if [ -n "$bad" ]; then
    echo "memcheck: valgrind reported errors:"
    for f in $bad; do head -n 40 "$f"; done
    st=1
fi
echo "memcheck: $(ls "$vg"/*.log 2>/dev/null | wc -l) processes checked"
exit $st
