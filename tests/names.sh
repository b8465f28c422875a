#!/bin/sh
# tests/names.sh BIN -- the names of output files, checked on disk: a
# template read once, file names that mean the same name in every run
# (a hash for a changed name, clashes told apart and warned of, also by
# case and Unicode normalisation), unsafe characters, long names, the
# folders a template adds (never through a planted symbolic link),
# --max-outputs, and one failed chart or item not stopping the others.
# The hashes are computed here with sha256sum, independently of the C
# code. Ends "names: N passed, M failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
suite=names
. tests/lib.sh
export SOURCE_DATE_EPOCH=1700000000 LC_ALL=C

# h NAME: the first 4 hex digits of NAME's SHA-256 (what a changed name
# carries)
h() { printf '%s' "$1" | sha256sum | cut -c1-4; }

# data DIR REGION...: one indicator (rd) with values in 2021 and 2022 for
# each region, all in group "all"
data() {
    _d=$1
    shift
    mkdir -p "$_d"
    printf 'id,name,unit,kind\nrd,R&D spending,million yuan,amount\n' >"$_d/indicators.csv"
    printf 'region,groups\n' >"$_d/regions.csv"
    printf 'indicator,region,year,value\n' >"$_d/data.csv"
    _v=10
    for _r in "$@"; do
        printf '"%s",all\n' "$_r" >>"$_d/regions.csv"
        printf 'rd,"%s",2021,%d\nrd,"%s",2022,%d\n' "$_r" $_v "$_r" $((_v + 3)) >>"$_d/data.csv"
        _v=$((_v + 1))
    done
}

# spec DIR OUTPUT [EXTRA]: a foreach over every region of DIR's data
spec() {
    cat >"$1/s.yaml" <<EOF
title: "{focus}: R&D, {year}"
data: [data.csv]
metadata: [indicators.csv, regions.csv]
foreach: regions
output: "$2"
sections:
  - title: R&D
    indicator: rd
${3:-}
EOF
}

# brief_of PDF: the region a brief is about (its title)
brief_of() { pdftotext "$1" - 2>/dev/null | sed -n 's/: R&D, 2022$//p' | head -n 1; }

# ---- a template is read once, left to right ---------------------------------
# a region named "{lang}" used to become "en" in a second pass, so that
# it and region "en" wrote one file
d=$tmp/once
data "$d" en '{lang}' zz
spec "$d" 'out/brief-{region}-{year}-{lang}.pdf'
(cd "$d" && "$bin" report --spec s.yaml 2>"$d/1.err") || ko "once: the batch failed: $(cat "$d/1.err")"
for f in 'brief-en-2022-en.pdf' 'brief-{lang}-2022-en.pdf' 'brief-zz-2022-en.pdf'; do
    [ -f "$d/out/$f" ] && ok || ko "once: no $f (got: $(ls "$d/out" | tr '\n' ' '))"
done
[ "$(brief_of "$d/out/brief-{lang}-2022-en.pdf")" = '{lang}' ] && ok ||
    ko "once: brief-{lang}-2022-en.pdf is about \"$(brief_of "$d/out/brief-{lang}-2022-en.pdf")\""
[ "$(brief_of "$d/out/brief-en-2022-en.pdf")" = en ] && ok || ko "once: brief-en-2022-en.pdf is not region en's"
n=$(grep -c 'statbrief: wrote ' "$d/1.err") k=$(ls "$d/out" | grep -c '\.pdf$')
[ "$n" = 3 ] && [ "$k" = 3 ] && ok || ko "once: $n files reported written, $k exist"
(cd "$d" && "$bin" report --spec s.yaml 2>"$d/2.err")
grep -q 'statbrief: wrote ' "$d/2.err" && ko "once: a rerun rebuilt: $(grep wrote "$d/2.err")" || ok
# {{ and }} are braces, in a template as in a title
spec "$d" 'lit/{{{region}}}-{year}.pdf'
(cd "$d" && "$bin" report -q --spec s.yaml 2>/dev/null)
[ -f "$d/lit/{en}-2022.pdf" ] && [ -f "$d/lit/{{lang}}-2022.pdf" ] && ok ||
    ko "once: {{ }} in a template: $(ls "$d/lit" | tr '\n' ' ')"

# ---- a file name means the same name in every run -------------------------------
# run 1 knows a_b only; run 2 adds a/b, whose safe form is a_b too: a_b
# keeps its file, untouched, and a/b gets its hash, with a warning
d=$tmp/stable
data "$d" a_b
spec "$d" 'out/brief-{region}.pdf'
(cd "$d" && "$bin" report -q --spec s.yaml 2>/dev/null) || ko "stable: run 1 failed"
data "$d" a_b 'a/b'
(cd "$d" && "$bin" report --spec s.yaml 2>"$d/2.err") || ko "stable: run 2 failed"
[ "$(brief_of "$d/out/brief-a_b.pdf")" = a_b ] && ok ||
    ko "stable: brief-a_b.pdf became "$(brief_of "$d/out/brief-a_b.pdf")"'s when a/b appeared"
ab=brief-a_b-$(h 'a/b').pdf
[ -f "$d/out/$ab" ] && [ "$(brief_of "$d/out/$ab")" = 'a/b' ] && ok ||
    ko "stable: a/b's brief is not $ab (got: $(ls "$d/out" | tr '\n' ' '))"
has "$d/2.err" "statbrief: warning: regions \"a/b\" and \"a_b\" would share the file name \"a_b\": they are written as \"a_b-$(h 'a/b')\" and \"a_b\""
# a name that had to change carries its hash alone too: a/b's file is
# the same whether a_b is there or not
data "$d" 'a/b'
rm -rf "$d/out"
(cd "$d" && "$bin" report -q --spec s.yaml 2>/dev/null)
[ "$(ls "$d/out" | grep '\.pdf$')" = "$ab" ] && ok || ko "stable: a/b alone is $(ls "$d/out" | tr '\n' ' ')"

# the same for charts: indicators a_b and a/b
d=$tmp/chartnames
mkdir -p "$d"
printf 'id,name,unit,kind\na_b,One,yuan,amount\n"a/b",Two,yuan,amount\n' >"$d/indicators.csv"
printf 'indicator,region,year,value\na_b,X,2021,1\na_b,X,2022,2\n"a/b",X,2021,5\n"a/b",X,2022,6\n' >"$d/data.csv"
(cd "$d" && "$bin" charts -o c data.csv indicators.csv 2>"$d/err") || ko "chart names: charts failed"
for f in a_b.pdf a_b.txt "a_b-$(h 'a/b').pdf" "a_b-$(h 'a/b').txt"; do
    [ -f "$d/c/$f" ] && ok || ko "chart names: no $f (got: $(ls "$d/c" | tr '\n' ' '))"
done
grep -q '^Line chart of One' "$d/c/a_b.txt" &&
    grep -q '^Line chart of Two' "$d/c/a_b-$(h 'a/b').txt" && ok ||
    ko "chart names: a_b.txt is not a_b's chart"
has "$d/err" "warning: indicators \"a_b\" and \"a/b\" would share the file name \"a_b\""
# --jobs 2 gives the same files (the clash makes it one process)
(cd "$d" && "$bin" charts -q --jobs 2 -o j data.csv indicators.csv 2>/dev/null)
[ "$(ls "$d/c" | grep -v manifest)" = "$(ls "$d/j" | grep -v manifest)" ] && ok ||
    ko "chart names: --jobs 2 named them $(ls "$d/j" | tr '\n' ' ')"

# ---- case and Unicode normalisation: one file on SMB or macOS --------------
nfc=$(printf 'Z\303\274rich')        # ü, one code point
nfd=$(printf 'Zu\314\210rich')       # u and a combining diaeresis
d=$tmp/fold
data "$d" Region region "$nfc" "$nfd"
spec "$d" 'out/{region}.pdf'
(cd "$d" && "$bin" report --spec s.yaml 2>"$d/err") || ko "fold: the batch failed"
ls "$d/out" | grep '\.pdf$' | sort >"$d/got"
printf '%s\n' "Region-$(h Region).pdf" "region-$(h region).pdf" "$nfc.pdf" "$nfd-$(h "$nfd").pdf" | sort >"$d/want"
cmp -s "$d/got" "$d/want" && ok || ko "fold: the files are $(tr '\n' ' ' <"$d/got")"
# no two of them are one name without case (what SMB sees)
[ -z "$(tr 'A-Z' 'a-z' <"$d/got" | sort | uniq -d)" ] && ok || ko "fold: two files differ only by case"
has "$d/err" 'warning: regions "Region" and "region" differ only in case or Unicode normalisation'
# (byte order: the NFD spelling, "Zu...", sorts first)
has "$d/err" "warning: regions \"$nfd\" and \"$nfc\" differ only in case or Unicode normalisation"
# a name not in NFC carries its hash alone too: its file is never the
# NFC spelling's on a normalising share, whichever came first
data "$d/alone" "$nfd"
spec "$d/alone" 'out/{region}.pdf'
(cd "$d/alone" && "$bin" report -q --spec s.yaml 2>/dev/null)
[ -f "$d/alone/out/$nfd-$(h "$nfd").pdf" ] && ok || ko "fold: NFD alone is $(ls "$d/alone/out" | tr '\n' ' ')"
# the same for chart folders of a batch
(cd "$d" && printf 'chart_dir: "c/{region}"\n' >>s.yaml &&
    sed -i 's/^    indicator: rd$/    indicator: rd\n    charts: [{indicator: rd}]/' s.yaml &&
    "$bin" charts -q --spec s.yaml 2>/dev/null) || ko "fold: charts of the batch failed"
[ -f "$d/c/Region-$(h Region)/rd.pdf" ] && [ -f "$d/c/region-$(h region)/rd.pdf" ] && ok ||
    ko "fold: chart folders are $(ls "$d/c" | tr '\n' ' ')"

# ---- characters that must not reach a file name or the log --------------------
# U+0085 (NEL), U+2028, U+2029, U+202E (right-to-left override), U+200B,
# U+FEFF and U+00AD (format characters), and a C0 control
d=$tmp/unsafe
nel=$(printf 'a\302\205b') ls_=$(printf 'c\342\200\250d') ps=$(printf 'e\342\200\251f')
rlo=$(printf 'g\342\200\256h') zw=$(printf 'i\342\200\213j') bom=$(printf 'k\357\273\277l')
shy=$(printf 'm\302\255n') c0=$(printf 'o\002p')
data "$d" "$nel" "$ls_" "$ps" "$rlo" "$zw" "$bom" "$shy" "$c0"
spec "$d" 'out/{region}.pdf'
(cd "$d" && "$bin" report --spec s.yaml 2>"$d/err") || ko "unsafe: the batch failed"
for pair in "a_b:$nel" "c_d:$ls_" "e_f:$ps" "g_h:$rlo" "i_j:$zw" "k_l:$bom" "m_n:$shy" "o_p:$c0"; do
    f=${pair%%:*}-$(h "${pair#*:}").pdf
    [ -f "$d/out/$f" ] && ok || ko "unsafe: no $f"
done
# nothing in the folder or the log holds them raw
hidden=$(printf '\302\205|\342\200[\213\250\251\256]|\357\273\277|\302\255|\002')
ls "$d/out" | grep -qE "$hidden" && ko "unsafe: a file name holds one raw" || ok
grep -qE "$hidden" "$d/err" && ko "unsafe: the log holds one raw" || ok
# ---- long names: cut, with the hash of the whole name ---------------------------
d=$tmp/long
mkdir -p "$d"
long=$(printf 'x%.0s' $(seq 300))
# 70 characters of 3 bytes: the cut falls inside one (at byte 120 = 40 x 3)
wide=$(printf '\351\207\215%.0s' $(seq 70))
printf 'id,name,unit,kind\n%s,Long,yuan,amount\n%s,Wide,yuan,amount\nshort,Short,yuan,amount\n' "$long" "$wide" >"$d/indicators.csv"
printf 'indicator,region,year,value\n' >"$d/data.csv"
for i in "$long" "$wide" short; do printf '%s,X,2021,1\n%s,X,2022,2\n' "$i" "$i" >>"$d/data.csv"; done
(cd "$d" && "$bin" charts -q --format pdf,png -o c data.csv indicators.csv 2>"$d/err")
[ $? = 0 ] && ok || ko "long: charts failed: $(cat "$d/err")"
lf=$(printf 'x%.0s' $(seq 120))-$(h "$long")
wf=$(printf '\351\207\215%.0s' $(seq 40))-$(h "$wide")
for f in "$lf.pdf" "$lf.png" "$lf.txt" "$wf.pdf" short.pdf; do
    [ -f "$d/c/$f" ] && ok || ko "long: no ${f#xxxxxxxxxx*x}"
done
# a batch over a long region name: its folder and brief
data "$d/b" "$long" B
spec "$d/b" 'out/{region}/brief-{year}.pdf'
(cd "$d/b" && "$bin" report -q --spec s.yaml 2>"$d/b/err") && ok || ko "long: the batch failed: $(cat "$d/b/err")"
[ -f "$d/b/out/$lf/brief-2022.pdf" ] && [ -f "$d/b/out/B/brief-2022.pdf" ] && ok || ko "long: no brief in the cut folder"

# ---- one failure does not stop the others -----------------------------------
d=$tmp/fail
mkdir -p "$d/c/mid.pdf"                 # a folder where a chart goes
printf 'id,name,unit,kind\naaa,A,yuan,amount\nmid,M,yuan,amount\nzed,Z,yuan,amount\n' >"$d/indicators.csv"
printf 'indicator,region,year,value\n' >"$d/data.csv"
for i in aaa mid zed; do printf '%s,X,2021,1\n%s,X,2022,2\n' $i $i >>"$d/data.csv"; done
(cd "$d" && "$bin" charts -o c data.csv indicators.csv 2>"$d/err")
st=$?
[ $st = 73 ] && ok || ko "fail: one unwritable chart exited $st, not 73"
[ -f "$d/c/aaa.pdf" ] && [ -f "$d/c/zed.pdf" ] && [ -f "$d/c/zed.txt" ] && ok ||
    ko "fail: the charts after the failed one were not written"
has "$d/err" "statbrief: c/mid.pdf: error: not written: it is a directory; statbrief writes regular files only"
# the summary says the others were written, not that the run stopped
has "$d/err" "statbrief: charts: 4 files written, 0 unchanged, with errors (each above)"
# two failures: each named, then how many
rm -f "$d/c/aaa.pdf" "$d/c/zed.pdf" "$d/c/zed.txt"
mkdir -p "$d/c/zed.txt"
(cd "$d" && "$bin" charts -o c data.csv indicators.csv 2>"$d/err2")
st=$?
# a chart one of whose files is refused writes none of them
[ $st = 73 ] && [ -f "$d/c/aaa.pdf" ] && [ ! -e "$d/c/zed.pdf" ] && ok || ko "fail: two failures: exit $st"
has "$d/err2" "statbrief: c/mid.pdf: error: not written: it is a directory; statbrief writes regular files only"
has "$d/err2" "statbrief: c/zed.txt: error: not written: it is a directory; statbrief writes regular files only"
has "$d/err2" "statbrief: error: 2 of 3 charts failed (each above)"
# an item of a batch: its other charts are written too
data "$d/b" A B
spec "$d/b" 'unused-{region}.pdf' '    charts: [{indicator: rd}, {indicator: rd, type: bar}]'
printf 'chart_dir: "c/{region}"\n' >>"$d/b/s.yaml"
mkdir -p "$d/b/c/A/rd.pdf"
(cd "$d/b" && "$bin" charts --spec s.yaml 2>"$d/b/err")
st=$?
[ $st = 73 ] && [ -f "$d/b/c/A/rd-bar.pdf" ] && [ -f "$d/b/c/B/rd.pdf" ] && ok ||
    ko "fail: an item's failed chart stopped its others (exit $st; $(ls "$d/b/c/A" | tr '\n' ' '))"
has "$d/b/err" "c/A/rd.pdf: error: not written: it is a directory; statbrief writes regular files only"
has "$d/b/err" "statbrief: error: 1 of 2 items failed:"

# ---- the folders a template adds ---------------------------------------------
d=$tmp/dirs
data "$d" Alpha Beta
spec "$d" 'briefs/{region}/brief-{year}.pdf'
(cd "$d" && "$bin" report -q --spec s.yaml 2>"$d/err")
st=$?
[ $st = 0 ] && [ -f "$d/briefs/Alpha/brief-2022.pdf" ] && [ -f "$d/briefs/Beta/brief-2022.pdf" ] && ok ||
    ko "dirs: per-region folders: exit $st, $(cat "$d/err")"
# a symbolic link planted where a region's folder goes is not followed
rm -rf "$d/briefs" && mkdir -p "$d/briefs" "$d/elsewhere"
ln -s ../elsewhere "$d/briefs/Beta"
(cd "$d" && "$bin" report -q --spec s.yaml 2>"$d/err")
st=$?
[ $st = 73 ] && ok || ko "dirs: a planted link exited $st, not 73"
[ -z "$(ls -A "$d/elsewhere")" ] && ok || ko "dirs: the link was followed: $(ls "$d/elsewhere")"
[ -f "$d/briefs/Alpha/brief-2022.pdf" ] && ok || ko "dirs: the other region failed too"
has "$d/err" "statbrief: ./briefs/Beta: error: a symbolic link where the batch makes a folder: not followed"
# also deeper: a link inside the region's folder, and for chart folders
rm -rf "$d/briefs" && mkdir -p "$d/briefs/Beta"
spec "$d" 'briefs/{region}/{year}/brief.pdf'
ln -s ../../elsewhere "$d/briefs/Beta/2022"
(cd "$d" && "$bin" report -q --spec s.yaml 2>"$d/err")
[ $? = 73 ] && [ -z "$(ls -A "$d/elsewhere")" ] && ok || ko "dirs: a link one level down was followed"
has "$d/err" "./briefs/Beta/2022: error: a symbolic link"
printf 'chart_dir: "charts/{region}"\n' >>"$d/s.yaml"
sed -i 's/^    indicator: rd$/    indicator: rd\n    charts: [{indicator: rd}]/' "$d/s.yaml"
mkdir -p "$d/charts"
ln -s ../elsewhere "$d/charts/Alpha"
(cd "$d" && "$bin" charts -q --spec s.yaml 2>"$d/err")
[ $? = 73 ] && [ -z "$(ls -A "$d/elsewhere")" ] && [ -f "$d/charts/Beta/rd.pdf" ] && ok ||
    ko "dirs: a chart folder link was followed, or Beta failed"

# ---- --max-outputs: refused before anything is written -------------------------
d=$tmp/max
mkdir -p "$d"
# 2,501 indicators: a PDF and a text each is 5,002 files, past the default
awk 'BEGIN { print "id,name,unit,kind" > "'"$d"'/indicators.csv"
             print "indicator,region,year,value" > "'"$d"'/data.csv"
             for (i = 1; i <= 2501; i++) {
                 printf "i%d,I %d,yuan,amount\n", i, i > "'"$d"'/indicators.csv"
                 printf "i%d,X,2021,1\ni%d,X,2022,2\n", i, i > "'"$d"'/data.csv" } }'
(cd "$d" && "$bin" charts -o c data.csv indicators.csv 2>"$d/err")
st=$?
[ $st = 73 ] && ok || ko "max: 5,002 files exited $st, not 73"
[ ! -e "$d/c" ] && ok || ko "max: a refused run made $(ls -A "$d/c" | head -3 | tr '\n' ' ')"
has "$d/err" "statbrief: error: this run would write 5002 files, more than --max-outputs 5000: nothing was written"
(cd "$d" && "$bin" charts -q --max-outputs 5002 --indicator i1 --indicator i2 -o c data.csv indicators.csv 2>/dev/null) &&
    [ -f "$d/c/i2.txt" ] && ok || ko "max: a run within --max-outputs failed"
# a batch counts its items' files: 3 briefs
data "$d/b" A B C
spec "$d/b" 'out/{region}.pdf'
(cd "$d/b" && "$bin" report --spec s.yaml --max-outputs 2 2>"$d/b/err")
[ $? = 73 ] && [ ! -e "$d/b/out" ] && ok || ko "max: a batch of 3 files passed --max-outputs 2"
has "$d/b/err" "this run would write 3 files, more than --max-outputs 2"
# a shard counts its own part: 2 of the 3 briefs
(cd "$d/b" && "$bin" report -q --spec s.yaml --shard 0/2 --max-outputs 2 2>/dev/null) && [ -f "$d/b/out/A.pdf" ] && ok ||
    ko "max: shard 0/2 (2 briefs) was refused under --max-outputs 2"

summary
