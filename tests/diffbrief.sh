#!/bin/sh
# tests/diffbrief.sh BIN -- `statbrief diff --brief` on a real pair of
# vintages: the World Bank GDP long table at two commits of datasets/gdp
# (tests/data/vintages/README.md), the brief of Cameroon, whose 2016 GDP
# the World Bank revised by a third (24204448566.6105 -> 32217497470.489).
#
# - The changed sentences carry the numbers Python computes from the two
#   CSV files alone: the 2016 value (billions, 2 decimals; 亿, 1 decimal),
#   the change on 2015 and the multiple of 1960 (1 decimal), English and
#   Chinese.
# - Each side's sentences are the brief `report` writes of that vintage:
#   every old sentence is in the text of report's PDF of the old file,
#   every new one in that of the new file (pdftotext, spaces removed).
# - The exit statuses: 1 for the pair, 0 and no output for a file against
#   itself.
# Ends "diffbrief: N passed, M failed".
set -u
bin=$1
suite=diffbrief
. tests/lib.sh
needs python3 pdftotext

v=tests/data/vintages
old=$v/wb-gdp/2017-07-12/gdp.csv
new=$v/wb-gdp/2018-01-14/gdp.csv
focus=Cameroon

for lang in en zh; do
    "$bin" diff --brief --focus $focus --lang $lang --format json "$old" \
        "$new" >"$tmp/$lang.json" 2>"$tmp/err"
    st=$?
    [ $st = 1 ] && ok || ko "diff --brief --lang $lang exited $st, not 1: $(head -n 3 "$tmp/err")"
done

# the expected sentences, from the CSVs, in statbrief's words
python3 - "$old" "$new" "$tmp/en.json" "$tmp/zh.json" $focus >"$tmp/cmp" <<'PY'
import csv, json, sys
from decimal import Decimal, ROUND_HALF_EVEN

def load(path):
    return {int(r["Year"]): Decimal(r["Value"])
            for r in csv.DictReader(open(path, newline=""))
            if r["Country Name"] == sys.argv[5] and r["Value"] != ""}

def r(x, places):               # what printf's %.Nf prints of a double
    return f"{float(x):.{places}f}"

def words(s, lang):
    v, y = s[2016], s[2015]
    ch = (v / y - 1) * 100
    if lang == "en":
        return [f"gdp in {sys.argv[5]} reached {r(v / Decimal(1e9), 2)} billion "
                f"in 2016, {'down' if ch < 0 else 'up'} {r(abs(ch), 1)}% on 2015.",
                f"It was {r(v / s[1960], 1)} times its 1960 level."]
    return [f"2016年{sys.argv[5]}gdp{r(v / Decimal(1e8), 1)}亿，比上年"
            f"{'下降' if ch < 0 else '增长'}{r(abs(ch), 1)}%。",
            f"是1960年的{r(v / s[1960], 1)}倍。"]

o, n = load(sys.argv[1]), load(sys.argv[2])
for lang, path in (("en", sys.argv[3]), ("zh", sys.argv[4])):
    got = json.load(open(path))
    pairs = [(c["old"], c["new"]) for c in got["sentences"]
             if c["change"] == "changed" and c["section"] == "gdp"]
    for old_s, new_s in zip(words(o, lang), words(n, lang)):
        ok = (old_s, new_s) in pairs
        print(("ok" if ok else "FAIL") + f" {lang}: {old_s} -> {new_s}"
              + ("" if ok else f" not in {pairs}"))
    print(("ok" if got["values_changed"] == 3750 else "FAIL")
          + f" {lang}: values_changed {got['values_changed']}, diff's 3750")
PY
[ -s "$tmp/cmp" ] || ko "the comparison printed nothing"
while read -r word rest; do
    case $word in
        ok) ok ;;
        *) ko "$rest" ;;
    esac
done <"$tmp/cmp"

# each side is report's brief of that vintage
for side in old new; do
    eval "f=\$$side"
    SOURCE_DATE_EPOCH=0 "$bin" report -q --focus $focus -o "$tmp/$side.pdf" \
        "$f" 2>"$tmp/err" || ko "report of the $side file failed: $(head -n 3 "$tmp/err")"
    pdftotext "$tmp/$side.pdf" "$tmp/$side.txt" || ko "pdftotext $side failed"
done
python3 - "$tmp/en.json" "$tmp/old.txt" "$tmp/new.txt" >"$tmp/cmp" <<'PY'
import json, re, sys
got = json.load(open(sys.argv[1]))
text = {side: re.sub(r"\s+", "", open(p).read())
        for side, p in (("old", sys.argv[2]), ("new", sys.argv[3]))}
for c in got["sentences"]:
    for side in ("old", "new"):
        s = c[side]
        if s is None:
            continue
        ok = re.sub(r"\s+", "", s) in text[side]
        print(("ok" if ok else "FAIL") + f" {side} sentence in report's brief: {s[:80]}")
PY
[ -s "$tmp/cmp" ] || ko "no sentence compared with the briefs"
while read -r word rest; do
    case $word in
        ok) ok ;;
        *) ko "$rest" ;;
    esac
done <"$tmp/cmp"

# no difference: exit 0, no output
"$bin" diff --brief --focus $focus "$old" "$old" >"$tmp/same" 2>&1
st=$?
[ $st = 0 ] && [ ! -s "$tmp/same" ] && ok ||
    ko "diff --brief of a file with itself: exit $st, output $(head -c 200 "$tmp/same")"

summary
