#!/bin/sh
# tests/batch.sh BIN -- batches: a spec's foreach, --jobs, --shard, safe
# file names, the failure list, the progress line.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
suite=batch
. tests/lib.sh
export SOURCE_DATE_EPOCH=1700000000 LC_ALL=C

# 50 regions of group "batch" (12 of them also "small"), Futureland (in
# "batch", values only in 2030: its brief of 2023 fails), and regions
# with unsafe names in group "unsafe".
d=$tmp/data
mkdir -p "$d"
awk -v dir="$d" 'BEGIN {
    print "id,name,unit,kind" > dir "/indicators.csv"
    print "rd,R&D spending,million yuan,amount" > dir "/indicators.csv"
    print "share,R&D intensity,% of GDP,rate" > dir "/indicators.csv"
    print "region,groups" > dir "/regions.csv"
    print "indicator,region,year,value" > dir "/data.csv"
    for (r = 1; r <= 50; r++) {
        name = sprintf("Region %02d", r)
        printf "%s,batch%s\n", name, r <= 12 ? ";small" : "" > dir "/regions.csv"
        for (y = 2018; y <= 2023; y++) {
            printf "rd,%s,%d,%d\n", name, y, 100 + r * 7 + (y - 2018) * (r % 5 + 3) > dir "/data.csv"
            printf "share,%s,%d,%.2f\n", name, y, 1 + r / 25 + (y - 2018) * 0.05 > dir "/data.csv"
        }
    }
    print "Futureland,batch" > dir "/regions.csv"
    print "rd,Futureland,2030,5" > dir "/data.csv"
}'
# unsafe names: the CSV quotes them; a control character inside one
printf '"../x",unsafe\n"a/b",unsafe\n"a\\b",unsafe\n"c\001d",unsafe\n"\351\207\215\345\272\206\345\270\202",unsafe\n' >>"$d/regions.csv"
for r in '../x' 'a/b' 'a\b' "c$(printf '\001')d" "$(printf '\351\207\215\345\272\206\345\270\202')"; do
    printf '"rd","%s",2023,10\n"share","%s",2023,1.5\n' "$r" "$r" >>"$d/data.csv"
done

spec() { # FILE GROUP OUTPUT
    cat >"$1" <<EOF
title: "{focus}: R&D, {year}"
data: [$d/data.csv]
metadata: [$d/indicators.csv, $d/regions.csv]
period: {to: 2023}
foreach:
  regions: $2
output: "$3"
sections:
  - title: "R&D spending"
    text: "{rd focus last_value} million yuan."
    indicator: rd
EOF
}

# ---- 50 regions: --jobs 2 writes the files of --jobs 1; one fails alone --
spec "$tmp/b.yaml" batch 'b/{region}.pdf'
(cd "$tmp" && "$bin" report --spec b.yaml --jobs 1 -o 'j1/{region}.pdf' 2>"$tmp/j1.err")
st1=$?
(cd "$tmp" && "$bin" report --spec b.yaml --jobs 2 -o 'j2/{region}.pdf' 2>"$tmp/j2.err")
st2=$?
[ $st1 = 65 ] && [ $st2 = 65 ] && ok || ko "a batch with one broken region exited $st1 and $st2, not 65"
n1=$(ls "$tmp/j1" | grep -c '\.pdf$') n2=$(ls "$tmp/j2" | grep -c '\.pdf$')
[ "$n1" = 50 ] && [ "$n2" = 50 ] && ok || ko "--jobs 1 wrote $n1 briefs, --jobs 2 $n2 (50 expected)"
same=1
for f in "$tmp"/j1/*.pdf; do
    cmp -s "$f" "$tmp/j2/$(basename "$f")" || { same=0; ko "$(basename "$f") differs between --jobs 1 and 2"; }
done
[ $same = 1 ] && ok
for e in j1 j2; do
    has "$tmp/$e.err" "statbrief: error: 1 of 51 items failed:"
    has "$tmp/$e.err" "statbrief:   Futureland: Futureland has no values up to 2023: nothing to brief (exit 65)"
    grep -q "$(printf '\r')" "$tmp/$e.err" && ko "$e: a progress line on a pipe" || ok
done
[ ! -f "$tmp/j1/Futureland.pdf" ] && ok || ko "the failed item left a file"
pdftotext "$tmp/j2/Region 07.pdf" - | grep -q "Region 07: R&D, 2023" && ok ||
    ko "the brief of Region 07 is not about Region 07"
# a rerun with --jobs 2 writes nothing; the workers' journals are merged
(cd "$tmp" && "$bin" report --spec b.yaml --jobs 2 -o 'j2/{region}.pdf' 2>"$tmp/j3.err")
grep -q "statbrief: wrote" "$tmp/j3.err" && ko "a rerun with --jobs 2 wrote files" || ok
ls -a "$tmp/j2" | grep -q 'statbrief-state.job' && ko "journals left after a --jobs run" || ok

# ---- shards: the union of all shards is the batch, no overlap ------------
spec "$tmp/s.yaml" small 'all/{region}.pdf'
(cd "$tmp" && "$bin" report -q --spec s.yaml) || ko "the unsharded small batch failed"
ls "$tmp/all" | grep '\.pdf$' | sort >"$tmp/all.ls"
[ "$(wc -l <"$tmp/all.ls")" = 12 ] && ok || ko "the small batch wrote $(wc -l <"$tmp/all.ls") briefs"
for n in 1 3 7; do
    k=0
    : >"$tmp/union"
    while [ $k -lt $n ]; do
        (cd "$tmp" && "$bin" report --spec s.yaml --shard $k/$n -o "n$n/{region}.pdf" 2>"$tmp/sh.err") ||
            ko "shard $k/$n failed"
        sed -n 's|^statbrief: wrote n'$n'/\(.*\.pdf\) .*|\1|p' "$tmp/sh.err" >>"$tmp/union"
        [ -f "$tmp/n$n/statbrief-manifest-$k-of-$n.json" ] && ok || ko "shard $k/$n wrote no manifest of its own"
        k=$((k + 1))
    done
    sort "$tmp/union" >"$tmp/union.s"
    [ "$(sort -u "$tmp/union" | wc -l)" = "$(wc -l <"$tmp/union")" ] && ok || ko "N=$n: shards overlap"
    cmp -s "$tmp/union.s" "$tmp/all.ls" && ok || ko "N=$n: the shards' union is not the batch"
    same=1
    while read -r f; do
        cmp -s "$tmp/all/$f" "$tmp/n$n/$f" || same=0
    done <"$tmp/all.ls"
    [ $same = 1 ] && ok || ko "N=$n: a sharded brief differs from the unsharded one"
done
(cd "$tmp" && "$bin" report --spec s.yaml --shard 3/3 2>"$tmp/bad.err")
[ $? = 64 ] && ok || ko "--shard 3/3 was accepted"
has "$tmp/bad.err" "--shard: \"3/3\" is not K/N with 0 <= K < N"

# ---- unsafe region names ---------------------------------------------------
spec "$tmp/u.yaml" unsafe 'u/{region}.pdf'
(cd "$tmp" && "$bin" report -q --spec u.yaml 2>"$tmp/u.err") && ok || ko "the unsafe batch failed"
has "$tmp/u.err" 'warning: regions "a/b" and "a\b" would share the file name "a_b"'
(cd "$tmp/u" && ls | grep '\.pdf$' | LC_ALL=C sort) >"$tmp/u.ls"
# a name that had to change carries the first 4 hex digits of its
# SHA-256 (tests/names.sh has the rules); Chinese is kept as it is
h() { printf '%s' "$1" | sha256sum | cut -c1-4; }
printf '%s\n' "___x-$(h ../x).pdf" "a_b-$(h 'a/b').pdf" "a_b-$(h 'a\b').pdf" \
    "c_d-$(h "c$(printf '\001')d").pdf" "$(printf '\351\207\215\345\272\206\345\270\202').pdf" |
    LC_ALL=C sort >"$tmp/u.want"
cmp -s "$tmp/u.ls" "$tmp/u.want" && ok || ko "unsafe names became: $(tr '\n' ' ' <"$tmp/u.ls")"
[ ! -e "$tmp/x.pdf" ] && [ ! -d "$tmp/u/a" ] && ok || ko "a region name escaped the output directory"

# ---- a template that cannot tell the items apart -----------------------------
spec "$tmp/t.yaml" small 'one.pdf'
(cd "$tmp" && "$bin" report --spec t.yaml 2>"$tmp/t.err")
[ $? = 65 ] && ok || ko "an output without {region} was accepted"
has "$tmp/t.err" "t.yaml:7:9: error: output \"one.pdf\" has no {region}: with foreach, every item would be written to the same file"

# ---- charts of a batch -----------------------------------------------------------
cat >>"$tmp/s.yaml" <<EOF
chart_dir: "charts"
EOF
sed -i 's/^    indicator: rd$/    indicator: rd\n    charts: [{indicator: share, formats: [png]}]/' "$tmp/s.yaml"
(cd "$tmp" && "$bin" charts -q --jobs 2 --spec s.yaml) && ok || ko "charts of a batch failed"
n=$(find "$tmp/charts" -name share.png | wc -l)
[ "$n" = 12 ] && ok || ko "charts of a batch: $n share.png, 12 expected"
[ -f "$tmp/charts/Region 03/share.txt" ] && ok || ko "no charts/Region 03/share.txt"

# ---- plain charts with --jobs: one item per indicator, the same files -------
mkdir -p "$tmp/med" && sh bench/medium.sh "$tmp/med"
if [ -f "$tmp/med/data.csv" ]; then
    (cd "$tmp/med" && "$bin" charts -q --type line --format pdf,png -o j1 data.csv regions.csv indicators.csv &&
        "$bin" charts -q --jobs 2 --type line --format pdf,png -o j2 data.csv regions.csv indicators.csv) ||
        ko "charts --jobs 2 failed"
    same=1 n=0
    for f in "$tmp"/med/j1/*.pdf "$tmp"/med/j1/*.png "$tmp"/med/j1/*.txt; do
        n=$((n + 1))
        cmp -s "$f" "$tmp/med/j2/$(basename "$f")" || same=0
    done
    [ $same = 1 ] && [ $n = 120 ] && ok || ko "charts --jobs 2 differs from --jobs 1 ($n files)"
else
    ko "bench/medium.sh made no data"
fi

# ---- the progress line, on a terminal only --------------------------------------------
# (script(1), from Debian's essential bsdutils, gives the run a terminal)
rm -rf "$tmp/all"
(cd "$tmp" && script -qec "'$bin' report --spec s.yaml --jobs 2" /dev/null >"$tmp/tty.out" 2>&1)
grep -q "\[12/12\]" "$tmp/tty.out" && ok || ko "no progress line on a terminal"

summary
