#!/bin/sh
# tests/diff.sh BIN -- `statbrief diff` on real pairs of vintages
# (tests/data/vintages/README.md: the World Bank's GDP and population long
# tables at two commits, the Our World in Data CO2 chart and the NBS
# provincial GDP table from two repositories, the fossil CO2 table before
# and after a change of source). For each pair statbrief's CSV output is
# counted and averaged here and compared with what
# tests/data/vintages/expected_revisions.py computes from the two files
# alone (Python's csv and decimal modules): revised, rounded, added,
# withdrawn, mean revision and mean absolute revision in units and
# percent, the three largest revisions. Then: the OWID indicator renamed
# by its header is one metadata change; the NBS table's figures (window
# ends, change, percent change, CAGR, multiple, points, rank) recomputed
# from the two files and compared with diff's figure rows; the table's
# means in the indicator's number form; the exit statuses of diff(1): 1
# for a pair, 0 (and no output) for a file against itself.
# Ends "diff: N passed, M failed".
set -u
bin=$1
suite=diff
. tests/lib.sh

v=tests/data/vintages
python3 "$v/expected_revisions.py" >"$tmp/expected" ||
    ko "expected_revisions.py failed"

# pair OLD NEW BLOCK: statbrief's figures in the script's words (the
# script's block "== BLOCK"), compared one by one
pair() {
    "$bin" diff --format csv "$v/$1" "$v/$2" >"$tmp/rev.csv" 2>"$tmp/err"
    st=$?
    [ $st = 1 ] && ok || ko "$3: diff exited $st, not 1: $(head -n 3 "$tmp/err")"
    python3 - "$tmp/rev.csv" "$tmp/expected" "$3" >"$tmp/cmp" <<'PY'
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
blocks = open(sys.argv[2], encoding="utf-8").read().split("== ")
exp = next(b for b in blocks if b.startswith(sys.argv[3] + "\n"))
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
name = sys.argv[3].split()[0]
for k, w in want.items():
    g = got[k]
    if isinstance(g, int):
        ok = g == int(w)
    else:           # the script prints 6 significant digits or 4 decimals
        ok = f"{g:.6g}".replace("e+0", "e+") == w or f"{g:.4f}" == w or \
            f"{g:.6f}" == w
    print(("ok" if ok else "FAIL") + f" {name} {k}: statbrief {g}, script {w}")
for k in ("flags", "unit"):   # none of these files has flags or units
    print(("ok" if n[k] == 0 else "FAIL") + f" {name} {k}: {n[k]}")
def size(r):
    return abs(float(r["diff_pct"])) if r["diff_pct"] else 0
big = sorted(rev, key=lambda r: -size(r))[:3]
for r, (o, nw) in zip(big, re.findall(r"largest relative: .* (\S+) -> (\S+)", exp)):
    ok = float(r["old"]) == float(o) and float(r["new"]) == float(nw)
    print(("ok" if ok else "FAIL") + f" {name} largest {r['region']} {r['year']}: {r['old']} -> {r['new']}, script {o} -> {nw}")
PY
    [ -s "$tmp/cmp" ] || ko "$3: the comparison printed nothing"
    while read -r word rest; do
        case $word in
            ok) ok ;;
            *) ko "$rest" ;;
        esac
    done <"$tmp/cmp"
}

pair wb-gdp/2017-07-12/gdp.csv wb-gdp/2018-01-14/gdp.csv "wb-gdp (datasets/gdp)"
pair wb-population/2025-01-01 wb-population/2026-03-06 \
    "wb-population (datasets/population)"
# OWID: statbrief matches a region by its name, else by the other side's
# code (Faeroe Islands -> Faroe Islands, Timor -> East Timor, both FRO
# and TLS): the script's keying by code where there is one
pair owid-co2/old-2019data owid-co2/new-2025-10-12 \
    "owid-co2 keyed by code (two repositories)"
pair nbs-gdp/download-2018 nbs-gdp/download-2026 "nbs-gdp (two downloads)"
pair co2-fossil-global/2018-cdiac co2-fossil-global/2026-gcp \
    "co2-fossil-global (datasets/co2-fossil-global)"

# the OWID column renamed "Annual CO2 emissions" -> "Annual CO₂ emissions":
# the same indicator (its id), one metadata change, not 6,000 values
"$bin" diff --format csv "$v/owid-co2/old-2019data" "$v/owid-co2/new-2025-10-12" \
    >"$tmp/owid.csv" 2>&1
has "$tmp/owid.csv" "annual_co2_emissions,,,meta,,,,,,,,,name,Annual CO2 emissions,Annual CO₂ emissions"
[ "$(grep -c ',meta,' "$tmp/owid.csv")" = 1 ] && ok ||
    ko "the OWID pair has $(grep -c ',meta,' "$tmp/owid.csv") metadata changes, not 1"

# the NBS table's figures from the two files alone (GB18030, a province a
# row, a year a column): window ends, change, percent change, CAGR,
# multiple, points and the rank at the latest year, old and new; every
# figure that differs must be a figure row of diff, with its values
"$bin" diff --format csv --figures "$v/nbs-gdp/download-2018" "$v/nbs-gdp/download-2026" \
    >"$tmp/nbs.csv" 2>&1
PYTHONDONTWRITEBYTECODE=1 python3 - "$v/nbs-gdp/download-2018/分省年度数据.csv" \
    "$v/nbs-gdp/download-2026/分省年度数据.csv" "$tmp/nbs.csv" "$v" >"$tmp/cmp" <<'PY'
import csv, sys
sys.path.insert(0, sys.argv[4])
from expected_revisions import nbs     # the script's reader of the table
def series(p):
    out = {}
    for (g, y), t in nbs(p).items():
        out.setdefault(g, {})[int(y)] = float(t)
    return out
def figures(ss):
    last = max(max(s) for s in ss.values())
    at = sorted(ss, key=lambda g: -ss[g].get(last, float("-inf")))
    f = {}
    for g, s in ss.items():
        a, b = min(s), max(s)
        va, vb = s[a], s[b]
        f[g] = {"first_year": a, "last_year": b, "first_value": va,
                "last_value": vb, "change": vb - va,
                "pct_change": (vb / va - 1) * 100,
                "cagr": ((vb / va) ** (1 / (b - a)) - 1) * 100,
                "multiple": vb / va, "n": len(s),
                "rank": at.index(g) + 1}
    return f
old, new = figures(series(sys.argv[1])), figures(series(sys.argv[2]))
rows = {(r["region"], r["field"]): r
        for r in csv.DictReader(open(sys.argv[3], newline="", encoding="utf-8"))
        if r["change"] == "figure"}
def close(a, b):
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1)
bad = n = 0
for g in sorted(set(old) & set(new)):
    for k in old[g]:
        o, w = old[g][k], new[g][k]
        r = rows.get((g, k))
        if close(o, w):
            if r is not None:
                bad += 1; print(f"FAIL {g} {k}: equal ({o}) but a figure row")
        elif r is None:
            bad += 1; print(f"FAIL {g} {k}: {o} -> {w} but no figure row")
        elif not (close(float(r["old"]), o) and close(float(r["new"]), w)):
            bad += 1; print(f"FAIL {g} {k}: {o} -> {w}, statbrief {r['old']} -> {r['new']}")
        n += 1
print(("ok" if bad == 0 and n >= 300 else "FAIL") +
      f" nbs figures: {n} compared, {bad} wrong")
# Tianjin's restatement: 2017's 18549.19 -> 2024's 17931.3, rank 18 -> 24
t = rows.get(("天津市", "rank"))
print(("ok" if t and t["old"] == str(old["天津市"]["rank"]) and
       t["new"] == str(new["天津市"]["rank"]) else "FAIL") +
      f" Tianjin's rank {old['天津市']['rank']} -> {new['天津市']['rank']}: {t and (t['old'], t['new'])}")
PY
while read -r word rest; do
    case $word in
        ok) ok ;;
        *) ko "$rest" ;;
    esac
done <"$tmp/cmp"

# the table and JSON say the same counts; the table's means in the
# indicator's number form: the script's -490.728 and 1238.66 (亿元),
# -3.6176% and 7.5663%
"$bin" diff "$v/wb-gdp/2017-07-12/gdp.csv" "$v/wb-gdp/2018-01-14/gdp.csv" >"$tmp/table" 2>&1
has "$tmp/table" "gdp: 3652 revised, 11 rounded, 0 flag changes, 26 added, 61 withdrawn"
"$bin" diff --format json "$v/wb-gdp/2017-07-12/gdp.csv" "$v/wb-gdp/2018-01-14/gdp.csv" >"$tmp/json" 2>&1
python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); assert j["total"]["revised"] == 3652, j["total"]; assert len(j["figures"]) > 0' "$tmp/json" &&
    ok || ko "the JSON output does not parse, count 3652 revisions or list figures"
"$bin" diff "$v/nbs-gdp/download-2018" "$v/nbs-gdp/download-2026" >"$tmp/table" 2>&1
has "$tmp/table" "地区生产总值: 372 revised, 0 rounded, 0 flag changes, 217 added, 403 withdrawn; mean revision −490.7 亿元 (−3.62%), mean absolute revision 1,238.7 亿元 (7.57%)"

# a percent of 1,000 or more is whole, never 4.63e+03: Cameroon's 1991
# CO2, 56431 -> 2668440, is (2668440 - 56431) / 56431 = 4628.7% of old
"$bin" diff --format md "$v/owid-co2/old-2019data" "$v/owid-co2/new-2025-10-12" \
    >"$tmp/owid.md" 2>&1
has "$tmp/owid.md" "| Cameroon | 1991 | 56431 | 2668440 | 2612009 | 4629 |"
"$bin" diff "$v/owid-co2/old-2019data" "$v/owid-co2/new-2025-10-12" >"$tmp/owid.txt" 2>&1
hasnt "$tmp/owid.txt" "e+"

# no difference: exit 0, no output
"$bin" diff "$v/wb-gdp/2017-07-12/gdp.csv" "$v/wb-gdp/2017-07-12/gdp.csv" >"$tmp/same" 2>&1
st=$?
[ $st = 0 ] && [ ! -s "$tmp/same" ] && ok ||
    ko "a file against itself: exit $st, output $(head -c 200 "$tmp/same")"

summary
