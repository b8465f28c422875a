#!/bin/sh
# tests/run.sh BUILD -- every test of statbrief: the unit tests, the CLI
# cases, the example checks and its figures recomputed, the charts and
# their labels read back, cron and batch runs, install, pages in a real
# browser, resource bounds, allocation failure. Ends with one line
# "N passed, M failed".
set -u
build=$1
log=$(mktemp)
# LeakSanitizer stays on for our code; tests/lsan.supp names the one
# library-internal leak it may ignore, and why.
LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0"
export LSAN_OPTIONS
trap 'rm -f "$log"' EXIT

"$build/unit" tests 2>&1 | tee -a "$log"
sh tests/layers.sh 2>&1 | tee -a "$log"
sh tests/run-cases.sh "$build/statbrief" "$build/unit" 2>&1 | tee -a "$log"
# the parallel read against the serial one: cases in parts of 1 byte, --dump
sh tests/parallel.sh "$build/statbrief" "$build/unit" 2>&1 | tee -a "$log"
sh tests/example.sh "$build/statbrief" 2>&1 | tee -a "$log"
# the line scan 16 bytes at a time against the byte-wise loop (python3)
sh tests/scan.sh "$build/statbrief" 2>&1 | tee -a "$log"
# the example's figures and key findings recomputed from its CSVs (python3)
sh tests/recompute.sh "$build/statbrief" 2>&1 | tee -a "$log"
# metrics on several threads: the same bytes as on one
sh tests/metrics-threads.sh "$build/statbrief" 2>&1 | tee -a "$log"
sh tests/charts.sh "$build/statbrief" "$build/unit" 2>&1 | tee -a "$log"
# labels of line charts of 1 to 300 regions read back from the PDFs
sh tests/overlap.sh "$build/statbrief" 2>&1 | tee -a "$log"
# index charts against values computed by Python from the files
sh tests/index.sh "$build/statbrief" "$build/unit" 2>&1 | tee -a "$log"
TOP=$(pwd) sh tests/brief.sh "$build/statbrief" "$build/unit" 2>&1 | tee -a "$log"
TOP=$(pwd) sh tests/spec.sh "$build/statbrief" "$build/unit" 2>&1 | tee -a "$log"
# the brief as a web page: its rules, the PDF's sentences, goldens (python3)
sh tests/html.sh "$build/statbrief" 2>&1 | tee -a "$log"
sh tests/overview.sh "$build/statbrief" 2>&1 | tee -a "$log"
# the brief's tables read back: rank order, pages, wrapped names (python3)
sh tests/tables.sh "$build/statbrief" 2>&1 | tee -a "$log"
sh tests/cron.sh "$build/statbrief" 2>&1 | tee -a "$log"
sh tests/signals.sh "$build/statbrief" 2>&1 | tee -a "$log"
sh tests/outputs.sh "$build/statbrief" 2>&1 | tee -a "$log"
sh tests/names.sh "$build/statbrief" 2>&1 | tee -a "$log"
sh tests/inputs.sh "$build/statbrief" 2>&1 | tee -a "$log"
# tables read with the prep and without: the same bytes out
sh tests/prep.sh "$build/statbrief" 2>&1 | tee -a "$log"
sh tests/batch.sh "$build/statbrief" 2>&1 | tee -a "$log"
sh tests/install.sh "$build/statbrief" 2>&1 | tee -a "$log"
# diff on two real vintages against tests/data/vintages/expected_revisions.py
sh tests/diff.sh "$build/statbrief" 2>&1 | tee -a "$log"
# diff --brief on the real vintages: sentences against the CSVs and report's PDFs
sh tests/diffbrief.sh "$build/statbrief" 2>&1 | tee -a "$log"
# pages in Debian's chromium: screenshots, overflow, axe-core, html-validate
sh tests/browser.sh "$build/statbrief" 2>&1 | tee -a "$log"
# the cron sequence of a brief over two vintages: its revisions annex
sh tests/annex.sh "$build/statbrief" 2>&1 | tee -a "$log"
# time and memory growing with the input, never faster: counted on the
# build without sanitizers (tests/memcount.c preloaded), not on $build
sh tests/resource.sh build/dbg/statbrief build/memcount.so 2>&1 | tee -a "$log"
# a big load's heap marked for huge pages: glibc's malloc, so build/dbg
sh tests/hugepages.sh build/dbg/statbrief 2>&1 | tee -a "$log"
# allocation failure, one site at a time: the build with the hook
sh tests/oom.sh build/oom/statbrief 2>&1 | tee -a "$log"

# Sum the suites' "NAME: N passed, M failed" lines. A suite that died
# before printing its line counts as one failure.
passed=0
failed=0
for suite in unit layers cases parallel scan example recompute metricsthreads charts overlap index brief spec html overview tables cron signals outputs names inputs prep batch install diff diffbrief annex browser resource hugepages oom; do
    line=$(grep "^$suite: [0-9]* passed, [0-9]* failed" "$log" | tail -n 1)
    if [ -z "$line" ]; then
        echo "suite $suite printed no result"
        failed=$((failed + 1))
        continue
    fi
    p=$(echo "$line" | sed 's/^[a-z]*: \([0-9]*\) passed.*/\1/')
    f=$(echo "$line" | sed 's/.* \([0-9]*\) failed.*/\1/')
    passed=$((passed + p))
    failed=$((failed + f))
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
