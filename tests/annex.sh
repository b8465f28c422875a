#!/bin/sh
# tests/annex.sh BIN -- the cron sequence of issue 22: a brief rebuilt on
# a new vintage of its data gets the annex "Revisions since the previous
# edition" (数据修订说明) and revisions-<year>.csv beside it.
#
# Hand-made vintages (tests/data/annex/, its README says what changes)
# for the rules, in English and Chinese: vintage 1 -> brief, no annex, no
# CSV; vintage 2 -> the annex with its counts, means, largest revision
# and the focus's key figures, each computed here from the two files;
# the CSV equal to `statbrief diff --format csv` of the two vintages;
# the manifest's digests of both vintages against sha256sum; a rerun
# writes nothing (inodes and mtimes); --no-revisions and the spec's
# revisions: false; the same data
# again gives no annex; a damaged, cut or foreign vintage gives a brief
# without annex (and -v says why); a link planted at the vintage's name
# is exit 73 and not followed; one vintage file per brief, the same
# bytes for the same data. Then the real pair (the World Bank GDP table
# at two commits, tests/data/vintages/): the annex's counts and mean
# revision against the CSV of diff narrowed to the regions and years the
# brief shows (its figures CSV). Ends "annex: N passed, M failed".
set -u
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
suite=annex
. tests/lib.sh
needs pdftotext python3 sha256sum gzip

SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
hand=$PWD/tests/data/annex
real=$PWD/tests/data/vintages/wb-gdp

# run NAME ARGS...: statbrief report in $tmp/NAME (data/ to out/), exit
# status to $st, stderr to $tmp/NAME/err
run() {
    d=$tmp/$1
    shift
    (cd "$d" && "$bin" report "$@" 2>err)
    st=$?
}
# vintage NAME DIR: the data folder of NAME becomes DIR's files
vintage() { rm -rf "$tmp/$1/data"; mkdir -p "$tmp/$1/data" "$tmp/$1/out"; cp "$2"/* "$tmp/$1/data/"; }
text() { pdftotext -layout "$1" - 2>/dev/null | tr -s ' '; }
# every file of out/ with its inode and mtime, but the lock file (whose
# PID every run writes: docs/cron.md)
stamps() { (cd "$1" && for f in .statbrief* *; do [ "$f" = .statbrief.lock ] || stat -c '%n %i %y' "$f"; done); }

# ---- vintage 1: a brief, no annex, no CSV --------------------------------

vintage s "$hand/v1"
run s -o out/brief.pdf data/
[ $st = 0 ] && ok || ko "vintage 1: exit $st: $(cat "$tmp/s/err")"
text "$tmp/s/out/brief.pdf" >"$tmp/s1.txt"
hasnt "$tmp/s1.txt" "Revisions since the previous edition"
[ ! -e "$tmp/s/out/revisions-2021.csv" ] && ok || ko "vintage 1 wrote a revisions CSV"
set -- "$tmp"/s/out/.statbrief-vintage-*.gz
[ $# = 1 ] && [ -f "$1" ] && ok || ko "vintage 1: no vintage file kept ($*)"
vfile=$1
# the vintage is gzip (no name, no time) of statbrief's text lines
gzip -t "$vfile" && ok || ko "the vintage is not gzip"
[ "$(gzip -dc "$vfile" | head -n 1)" = "statbrief-vintage 1" ] && ok ||
    ko "the vintage's first line: $(gzip -dc "$vfile" | head -n 1)"
[ "$(gzip -dc "$vfile" | grep -c '^V')" = 9 ] && ok ||
    ko "the vintage holds $(gzip -dc "$vfile" | grep -c '^V') values, not 9"

# ---- vintage 2: the annex and the CSV -------------------------------------

vintage s "$hand/v2"
run s -v -o out/brief.pdf data/
[ $st = 0 ] && ok || ko "vintage 2: exit $st: $(cat "$tmp/s/err")"
has "$tmp/s/err" "annex out/brief.pdf: 3 changes since the previous edition"
has "$tmp/s/err" "wrote out/revisions-2021.csv"
text "$tmp/s/out/brief.pdf" >"$tmp/s2.txt"
has "$tmp/s2.txt" "Revisions since the previous edition"
# the numbers, from the README's changes: Beta 2021 100 -> 110 revised,
# Gamma 2020 rounded, Gamma 2019 withdrawn; mean revision 110 - 100
python3 - "$hand/v1/data.csv" "$hand/v2/data.csv" >"$tmp/want" <<'PY'
import csv, sys
old = {(r["region"], r["year"]): r["value"] for r in csv.DictReader(open(sys.argv[1]))}
new = {(r["region"], r["year"]): r["value"] for r in csv.DictReader(open(sys.argv[2]))}
dec = lambda s: len(s.split(".")[1]) if "." in s else 0
rev, rnd = [], 0
for k in old.keys() & new.keys():
    o, n = float(old[k]), float(new[k])
    if o == n:
        continue
    p = min(dec(old[k]), dec(new[k]))
    if abs(n - o) <= 0.5 * 10 ** -p + 1e-12:
        rnd += 1
    else:
        rev.append((o, n))
wd, ad = len(old.keys() - new.keys()), len(new.keys() - old.keys())
m = sum(n - o for o, n in rev) / len(rev)
mp = sum(100 * (n - o) / o for o, n in rev) / len(rev)
print(f"Output {len(rev)} {ad} {wd} {rnd} {m:+.1f} million yuan ({mp:+.2f}%) {abs(m):.1f} million yuan ({abs(mp):.2f}%)")
o, n = rev[0]
print(f"Output Beta 2021 {o:.1f} million yuan {n:.1f} million yuan {100 * (n - o) / o:+.2f}%")
# Beta's figures 2019-2021, each edition
for e in (old, new):
    a, b = float(e[("Beta", "2019")]), float(e[("Beta", "2021")])
    print(f"{b:.1f} million yuan (2021) {100 * (b / a - 1):.1f}% {100 * ((b / a) ** 0.5 - 1):.1f}%")
PY
sed -n 1p "$tmp/want" >"$tmp/w1"
has "$tmp/s2.txt" "$(cat "$tmp/w1")"
has "$tmp/s2.txt" "$(sed -n 2p "$tmp/want")"
# the key figures: the previous edition's, then this one's
was=$(sed -n 3p "$tmp/want") now=$(sed -n 4p "$tmp/want")
has "$tmp/s2.txt" "Latest ${was% *% *%} ${now% *% *%}"
has "$tmp/s2.txt" "Change, % $(echo "$was" | cut -d' ' -f5) $(echo "$now" | cut -d' ' -f5)"
has "$tmp/s2.txt" "CAGR $(echo "$was" | cut -d' ' -f6) $(echo "$now" | cut -d' ' -f6)"
# the CSV is diff's csv of the two vintages (every region is shown)
"$bin" diff --format csv --figures "$hand/v1" "$hand/v2" >"$tmp/diff.csv"
cmp -s "$tmp/diff.csv" "$tmp/s/out/revisions-2021.csv" && ok ||
    ko "revisions-2021.csv differs from statbrief diff --format csv --figures"
# one vintage per brief, whatever the editions
set -- "$tmp"/s/out/.statbrief-vintage-*.gz
[ $# = 1 ] && [ "$1" = "$vfile" ] && ok || ko "vintage files after two editions: $*"
[ "$(gzip -dc "$vfile" | grep -c '^V')" = 8 ] && ok || ko "the vintage is not the second edition's"
# the manifest: the brief and the CSV with both vintages' digests
python3 - "$tmp/s/out/statbrief-manifest.json" "$(sha256sum <"$hand/v1/data.csv" | cut -c1-64)" \
    "$(sha256sum <"$hand/v2/data.csv" | cut -c1-64)" <<'PY' && ok || ko "the manifest's digests of the two vintages"
import json, sys
m = json.load(open(sys.argv[1]))
sha = lambda s: {f["path"]: f["sha256"] for f in m["inputs"][s]}["data/data.csv"]
out = {o["path"]: o for o in m["outputs"]}
for name in ("brief.pdf", "revisions-2021.csv"):
    o = out[name]
    assert sha(o["inputs"]) == sys.argv[3], name
    assert sha(o["previous_inputs"]) == sys.argv[2], name
PY

# ---- rerun: nothing written -----------------------------------------------

stamps "$tmp/s/out" >"$tmp/before"
run s -o out/brief.pdf data/
[ $st = 0 ] && ok || ko "rerun: exit $st"
has "$tmp/s/err" "nothing changed"
stamps "$tmp/s/out" >"$tmp/after"
cmp -s "$tmp/before" "$tmp/after" && ok || ko "the rerun changed files: $(diff "$tmp/before" "$tmp/after" | head -n 4)"

# ---- Chinese ----------------------------------------------------------------

vintage z "$hand/v1"
run z --lang zh -o out/brief.pdf data/
vintage z "$hand/v2"
run z --lang zh -o out/brief.pdf data/
[ $st = 0 ] && ok || ko "zh: exit $st: $(cat "$tmp/z/err")"
text "$tmp/z/out/brief.pdf" >"$tmp/z.txt"
has "$tmp/z.txt" "数据修订说明"
has "$tmp/z.txt" "产出 1 0 1 1 +10.00百万元（+10.00%） 10.00百万元（10.00%）"
has "$tmp/z.txt" "主要数字的变化"
has "$tmp/z.txt" "产出 乙地 2021 100.00百万元 110.00百万元 +10.00%"
has "$tmp/z.txt" "产出 最新值 100.00百万元（2021年） 110.00百万元（2021年）"
has "$tmp/z.txt" "产出 增长率 25.0% 37.5%"

# ---- --no-revisions; the same data again --------------------------------------

vintage n "$hand/v1"
run n -o out/brief.pdf data/
vintage n "$hand/v2"
run n --no-revisions -o out/brief.pdf data/
[ $st = 0 ] && ok || ko "--no-revisions: exit $st"
text "$tmp/n/out/brief.pdf" >"$tmp/n.txt"
hasnt "$tmp/n.txt" "Revisions since the previous edition"
[ ! -e "$tmp/n/out/revisions-2021.csv" ] && ok || ko "--no-revisions wrote the CSV"
# without it the brief is rebuilt (another option), on the data the
# last edition had: nothing revised, no annex
run n -o out/brief.pdf data/
text "$tmp/n/out/brief.pdf" >"$tmp/n2.txt"
hasnt "$tmp/n2.txt" "Revisions since the previous edition"
[ ! -e "$tmp/n/out/revisions-2021.csv" ] && ok || ko "the same data wrote a revisions CSV"

# the example's metadata (sources, Chinese names and sources, kinds,
# groups) kept in the vintage: a rebuild for another year on the same
# files finds nothing revised, and a revisions CSV in the data folder is
# not read as data
mkdir -p "$tmp/ex" && cp examples/chongqing/*.csv "$tmp/ex/"
vintage x "$tmp/ex"
run x -o data/brief.pdf data/
run x --year 2021 -v -o data/brief.pdf data/
[ $st = 0 ] && ok || ko "the example again for 2021: exit $st: $(cat "$tmp/x/err")"
[ ! -e "$tmp/x/data/revisions-2021.csv" ] && ok ||
    ko "the example's unchanged files gave a revisions CSV: $(head -3 "$tmp/x/data/revisions-2021.csv")"
sed 's/^rd_expenditure,Chongqing,2021,603.8/rd_expenditure,Chongqing,2021,604.1/' \
    "$tmp/x/data/data.csv" >"$tmp/x/d" && mv "$tmp/x/d" "$tmp/x/data/data.csv"
run x --year 2021 -o data/brief.pdf data/
[ -f "$tmp/x/data/revisions-2021.csv" ] && ok || ko "the example revised: no revisions CSV"
[ "$(cut -d, -f1-6 "$tmp/x/data/revisions-2021.csv" | grep -c ',revised,')" = 1 ] && ok ||
    ko "the example revised: not one revised row: $(cat "$tmp/x/data/revisions-2021.csv")"
run x --year 2021 --lang zh -o data/brief-zh.pdf data/
[ $st = 0 ] && ok || ko "a brief of the folder holding revisions-2021.csv: exit $st: $(cat "$tmp/x/err")"

# the spec's key: revisions: false is --no-revisions
vintage p "$hand/v1"
printf 'data: [data]\nrevisions: false\noutput: out/brief-{year}.pdf\n' >"$tmp/p/brief.yaml"
run p --spec brief.yaml
vintage p "$hand/v2"
run p --spec brief.yaml
[ $st = 0 ] && ok || ko "revisions: false: exit $st: $(cat "$tmp/p/err")"
text "$tmp/p/out/brief-2021.pdf" >"$tmp/p.txt"
hasnt "$tmp/p.txt" "Revisions since the previous edition"
[ ! -e "$tmp/p/out/revisions-2021.csv" ] && ok || ko "revisions: false wrote the CSV"

# ---- a damaged vintage: a brief without annex --------------------------------

for how in junk cut foreign; do
    vintage d "$hand/v1"
    rm -rf "$tmp/d/out"
    mkdir "$tmp/d/out"
    run d -o out/brief.pdf data/
    set -- "$tmp"/d/out/.statbrief-vintage-*.gz
    case $how in
    junk) echo "not a vintage" >"$1" ;;
    cut) head -c 60 "$1" >"$tmp/cut" && cat "$tmp/cut" >"$1" ;;
    foreign) printf 'statbrief-vintage 1\nV\t7\t0\t2020\t1\t0\t0\t\n' | gzip -n >"$1" ;;
    esac
    vintage d "$hand/v2"
    run d -v -o out/brief.pdf data/
    [ $st = 0 ] && ok || ko "$how vintage: exit $st: $(cat "$tmp/d/err")"
    has "$tmp/d/err" "no revisions annex: the previous edition's vintage"
    text "$tmp/d/out/brief.pdf" >"$tmp/d.txt"
    hasnt "$tmp/d.txt" "Revisions since the previous edition"
    [ ! -e "$tmp/d/out/revisions-2021.csv" ] && ok || ko "$how vintage: a CSV was written"
done

# ---- a link at the vintage's name is not followed -----------------------------

vintage l "$hand/v1"
run l -o out/brief.pdf data/
set -- "$tmp"/l/out/.statbrief-vintage-*.gz
rm "$1"
echo "someone's file" >"$tmp/target"
ln -s "$tmp/target" "$1"
stamps "$tmp/l/out" >"$tmp/before"
vintage l "$hand/v2"
run l -o out/brief.pdf data/
[ $st = 73 ] && ok || ko "a link at the vintage: exit $st, not 73"
has "$tmp/l/err" "$(basename "$1")"
[ "$(cat "$tmp/target")" = "someone's file" ] && [ -L "$1" ] && ok || ko "the link or its target was changed"
stamps "$tmp/l/out" >"$tmp/after"
cmp -s "$tmp/before" "$tmp/after" && ok || ko "a refused run changed files"

# ---- the same data, the same bytes -------------------------------------------

vintage t "$hand/v1"
run t -o out/brief.pdf data/
vintage t "$hand/v2"
run t -o out/brief.pdf data/
for f in brief.pdf revisions-2021.csv "$(basename "$vfile")"; do
    cmp -s "$tmp/s/out/$f" "$tmp/t/out/$f" && ok || ko "$f differs between two identical sequences"
done

# ---- the real pair: World Bank GDP at two commits of datasets/gdp --------------

vintage w "$real/2017-07-12"
run w --focus China --metrics-csv out/figures.csv -o out/brief.pdf data/
vintage w "$real/2018-01-14"
run w --focus China --metrics-csv out/figures.csv -o out/brief.pdf data/
[ $st = 0 ] && ok || ko "World Bank vintage 2: exit $st: $(cat "$tmp/w/err")"
text "$tmp/w/out/brief.pdf" >"$tmp/w.txt"
"$bin" diff --format csv --figures --to 2016 "$real/2017-07-12/gdp.csv" "$real/2018-01-14/gdp.csv" >"$tmp/wdiff.csv"
# diff's rows (values and figures, with the brief's window: up to its year,
# 2016) narrowed to the regions the brief shows (its figures CSV): the CSV
# beside the brief, and the annex's counts and means computed from them
python3 - "$tmp/wdiff.csv" "$tmp/w/out/figures.csv" "$tmp/w/out/revisions-2016.csv" >"$tmp/wwant" <<'PY'
import csv, sys
shown = {r["region"] for r in csv.DictReader(open(sys.argv[2]))}
every = [r for r in csv.DictReader(open(sys.argv[1])) if r["region"] in shown]
got = list(csv.DictReader(open(sys.argv[3])))
nfig = sum(r["change"] == "figure" for r in got)
print("csv", "ok" if got == every and nfig > 0 else f"differs: {len(got)} rows ({nfig} figures), {len(every)} wanted")
rows = [r for r in every if r["change"] != "figure"]
n = {k: sum(r["change"] == k for r in rows) for k in ("revised", "added", "withdrawn", "rounded")}
rev = [r for r in rows if r["change"] == "revised"]
pct = [float(r["diff_pct"]) for r in rev]
print(f"gdp {n['revised']} {n['added']} {n['withdrawn']} {n['rounded']} ")
print(f"({sum(pct) / len(pct):+.2f}%)")
print(f"({sum(map(abs, pct)) / len(pct):.2f}%)")
PY
[ "$(sed -n 1p "$tmp/wwant")" = "csv ok" ] && ok || ko "World Bank revisions-2016.csv: $(sed -n 1p "$tmp/wwant")"
has "$tmp/w.txt" "$(sed -n 2p "$tmp/wwant")"
has "$tmp/w.txt" "$(sed -n 3p "$tmp/wwant")"
has "$tmp/w.txt" "$(sed -n 4p "$tmp/wwant")"

summary
