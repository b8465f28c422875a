#!/bin/sh
# tests/diff.sh BIN -- `statbrief diff` on a real pair of vintages: the
# World Bank GDP long table at two commits of datasets/gdp
# (tests/data/vintages/README.md). statbrief's CSV output is counted and
# averaged here and compared with what tests/data/vintages/
# expected_revisions.py computes from the two files alone (Python's csv
# and decimal modules): revised, rounded, added, withdrawn, mean revision
# and mean absolute revision in units and percent, the three largest
# revisions. Then the exit statuses of diff(1): 1 for the pair, 0 (and no
# output) for a file against itself. Ends "diff: N passed, M failed".
set -u
bin=$1
suite=diff
. tests/lib.sh

v=tests/data/vintages
old=$v/wb-gdp/2017-07-12/gdp.csv
new=$v/wb-gdp/2018-01-14/gdp.csv

"$bin" diff --format csv "$old" "$new" >"$tmp/rev.csv" 2>"$tmp/err"
st=$?
[ $st = 1 ] && ok || ko "diff of the two vintages exited $st, not 1: $(head -n 3 "$tmp/err")"
python3 "$v/expected_revisions.py" >"$tmp/expected" ||
    ko "expected_revisions.py failed"

# statbrief's figures in the script's words, then compared one by one
python3 - "$tmp/rev.csv" "$tmp/expected" >"$tmp/cmp" <<'PY'
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
exp = open(sys.argv[2]).read()
n = {k: sum(1 for r in rows if r["change"] == k)
     for k in ("revised", "rounded", "added", "withdrawn", "flags", "unit")}
rev = [r for r in rows if r["change"] == "revised"]
d = [float(r["new"]) - float(r["old"]) for r in rev]
p = [float(r["diff_pct"]) for r in rev if r["diff_pct"] != ""]
got = {
    "revised": n["revised"], "rounded": n["rounded"],
    "added": n["added"], "withdrawn": n["withdrawn"],
    "mean revision": sum(d) / len(d), "mean absolute revision": sum(map(abs, d)) / len(d),
    "mean revision %": sum(p) / len(p), "mean absolute revision %": sum(map(abs, p)) / len(p),
}
m = re.search(r"rounded (\d+), revised (\d+)\n added (\d+), withdrawn (\d+)\n"
              r" mean revision (\S+), mean absolute revision (\S+) \(units\); "
              r"mean revision (\S+)%, mean absolute revision (\S+)%", exp)
want = dict(zip(["rounded", "revised", "added", "withdrawn", "mean revision",
                 "mean absolute revision", "mean revision %",
                 "mean absolute revision %"], m.groups()))
for k, w in want.items():
    g = got[k]
    if isinstance(g, int):
        ok = g == int(w)
    else:           # the script prints 6 significant digits or 4 decimals
        ok = f"{g:.6g}".replace("e+0", "e+") == w or f"{g:.4f}" == w
    print(("ok" if ok else "FAIL") + f" {k}: statbrief {g}, script {w}")
for k in ("flags", "unit"):   # a long table has no flags or units
    print(("ok" if n[k] == 0 else "FAIL") + f" {k}: {n[k]}")
big = sorted(rev, key=lambda r: -abs(float(r["diff_pct"])))[:3]
for r, (o, nw) in zip(big, re.findall(r"largest relative: \S+ \S+ (\S+) -> (\S+)", exp)):
    ok = float(r["old"]) == float(o) and float(r["new"]) == float(nw)
    print(("ok" if ok else "FAIL") + f" largest {r['region']} {r['year']}: {r['old']} -> {r['new']}, script {o} -> {nw}")
PY
[ -s "$tmp/cmp" ] || ko "the comparison printed nothing"
while read -r word rest; do
    case $word in
        ok) ok ;;
        *) ko "$rest" ;;
    esac
done <"$tmp/cmp"

# the table and JSON say the same counts
"$bin" diff "$old" "$new" >"$tmp/table" 2>&1
has "$tmp/table" "gdp: 3652 revised, 11 rounded, 0 flag changes, 26 added, 61 withdrawn"
"$bin" diff --format json "$old" "$new" >"$tmp/json" 2>&1
python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); assert j["total"]["revised"] == 3652, j["total"]' "$tmp/json" &&
    ok || ko "the JSON output does not parse or count 3652 revisions"

# no difference: exit 0, no output
"$bin" diff "$old" "$old" >"$tmp/same" 2>&1
st=$?
[ $st = 0 ] && [ ! -s "$tmp/same" ] && ok ||
    ko "a file against itself: exit $st, output $(head -c 200 "$tmp/same")"

summary
