#!/bin/sh
# tests/recompute.sh BIN -- the example's figures and key findings
# recomputed independently (tests/recompute.py, from the CSVs alone) and
# compared with BIN's figures CSV, `metrics --format csv` and the English
# and Chinese briefs (default and spec). Figures whose new rule statbrief does not
# follow yet are counted as pending (the PENDING set of the script), not
# as failures. Then the comparison is shown able to fail: BIN run on a
# copy with one value changed, and BIN's CSV with one figure changed.
set -u
bin=$1
suite=recompute
. tests/lib.sh

if ! command -v python3 >/dev/null 2>&1; then
    ko "python3 is missing (tools/install-deps.sh installs it)"
    summary
    exit 1
fi
case $bin in /*) abs=$bin ;; *) abs=$(pwd)/$bin ;; esac

# recompute.py's own counts join this suite's
python3 tests/recompute.py "$bin" examples/chongqing >"$tmp/out" 2>&1
status=$?
grep -v '^recompute: ' "$tmp/out"
line=$(grep '^recompute: [0-9]* passed, [0-9]* failed' "$tmp/out")
if [ -z "$line" ]; then
    ko "recompute.py printed no result (exit $status)"
else
    p=$(echo "$line" | sed 's/^recompute: \([0-9]*\) passed.*/\1/')
    f=$(echo "$line" | sed 's/.* \([0-9]*\) failed.*/\1/')
    pass=$((pass + p))
    fail=$((fail + f))
    echo "$line" |
        sed 's|.*(\(.*\))$|recompute: \1 (PENDING in tests/recompute.py)|'
    if [ "$f" = 0 ]; then [ $status = 0 ]; else [ $status = 1 ]; fi &&
        ok || ko "recompute.py exited $status with $f failed"
fi

# wrap BIN: the example folder replaced by $1, BIN's stdout through $2
wrap() {
    cat >"$tmp/bin" <<EOF
#!/bin/sh
for a; do
    shift; [ "\$a" = examples/chongqing ] && a=$1; set -- "\$@" "\$a"
done
"$abs" "\$@" | $2
EOF
    chmod +x "$tmp/bin"
}
fails() {       # fails NAME PATTERN...: recompute.py fails, naming each
    name=$1
    shift
    python3 tests/recompute.py "$tmp/bin" examples/chongqing >"$tmp/bad" 2>&1
    [ $? = 1 ] && ok || ko "$name: recompute.py did not fail"
    for p; do
        grep -q -E -- "^FAIL recompute: $p" "$tmp/bad" && ok ||
            ko "$name: no failure for \"$p\""
    done
}

# Chongqing's R&D expenditure in 2022 as 696.6 in place of 686.6: the
# figures CSVs and the numbers of both briefs must disagree
cp -r examples/chongqing "$tmp/perturbed"
sed -i 's/^\(rd_expenditure,Chongqing,2022,\)686\.6,/\1696.6,/' \
    "$tmp/perturbed/data.csv"
grep -q '^rd_expenditure,Chongqing,2022,696\.6,' "$tmp/perturbed/data.csv" &&
    ok || ko "the perturbed copy has no changed value"
wrap "$tmp/perturbed" cat
fails "R&D 696.6" \
    "--metrics-csv rd_expenditure/Chongqing last_value" \
    "metrics csv rd_expenditure/Chongqing yoy" \
    "brief en finding [0-9] \(rd_expenditure\) number 69\.7" \
    "brief zh finding [0-9] \(rd_expenditure\) number 696\.6"

# BIN's own output changed by less than it prints: GDP's percent change
# 163.1% read as 163.08 (not 163.0752...) in `metrics --format csv` is
# outside its tolerance
wrap examples/chongqing "sed 's/,163\.07522471419844,/,163.08,/'"
fails "pct_change 163.08" \
    "metrics csv gdp/Chongqing pct_change"

summary
