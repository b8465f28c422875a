#!/bin/sh
# tests/index.sh BIN UNIT -- index charts (--type index): every value as
# 100 x value / value in the base year, checked against
# tests/data/index/expected.py (Python, from the files alone, not from
# statbrief) on the 31-province NBS GDP export and on a made panel; the
# default base year (the latest in which more than half of the regions
# have a value), regions not indexed (no value, a value below zero),
# the subtitle and note (pdftotext), the text alternative, in English and
# Chinese; golden PNGs at 31 and 3 regions. Ends "index: N passed, M
# failed".
set -u
bin=$1
unit=$2
suite=index
. tests/lib.sh
export SOURCE_DATE_EPOCH=1700000000 LC_ALL=C.UTF-8
nbs="tests/data/nbs/分省年度数据_地区生产总值_2006-2024.csv"
panel=tests/data/index
expect() { python3 tests/data/index/expected.py "$@"; }

# The index of region $2 at its last year in expected.py's output $1.
last_index() { awk -v r="$2" '$1 == r { print $5 }' "$1"; }

# -- 31 provinces, base 2015: Chongqing (focus) and two named regions,
#    their 2024 index from the file by Python; 28 grey lines
expect "$nbs" 2015 >"$tmp/nbs.want" || ko "expected.py failed on the NBS file"
for l in en zh; do
    "$bin" charts -q --type index --base 2015 --focus 重庆市 --label 广东省 \
        --label 西藏自治区 --format png,pdf --dpi 72 --lang $l \
        -o "$tmp/nbs" "$nbs" || ko "the NBS index chart ($l) failed"
done
en="$tmp/nbs/地区生产总值-index.txt"
zh="$tmp/nbs/地区生产总值-index-zh.txt"
has "$en" "Index chart of 地区生产总值 (index, 2015 = 100), "
has "$zh" "指数图：地区生产总值（指数，2015年=100），"
for r in 重庆市 广东省 西藏自治区; do
    v=$(last_index "$tmp/nbs.want" $r)
    [ -n "$v" ] || ko "expected.py gave no index for $r"
    has "$en" "$r rose to $v by 2024."
    has "$zh" "${r}2024年升至$v。"
done
has "$en" "Thin grey lines: the other 28 regions, unlabelled."
hasnt "$en" "Not indexed"
pdftotext "$tmp/nbs/地区生产总值-index.pdf" "$tmp/nbs-en.txt"
pdftotext "$tmp/nbs/地区生产总值-index-zh.pdf" "$tmp/nbs-zh.txt"
has "$tmp/nbs-en.txt" "index, 2015 = 100, 2006–2024"
has "$tmp/nbs-zh.txt" "指数，2015年=100，2006–2024"
cp "$tmp/nbs/地区生产总值-index.png" "$tmp/index-nbs.png"
cp "$tmp/nbs/地区生产总值-index-zh.png" "$tmp/index-nbs-zh.png"
golden index-nbs.png "$tmp/index-nbs.png"
golden index-nbs-zh.png "$tmp/index-nbs-zh.png"

# -- the default base year: every province has 2024
expect "$nbs" >"$tmp/nbs-default.want"
base=$(awk '$1 == "base" { print $2 }' "$tmp/nbs-default.want")
"$bin" charts -q --type index --focus 重庆市 -o "$tmp/nbsd" "$nbs" ||
    ko "the NBS index chart without --base failed"
has "$tmp/nbsd/地区生产总值-index.txt" "(index, $base = 100)"

# -- a panel made for the rules: in 2022 two of five regions have a
#    value (not more than half), in 2021 four: the base is 2021; Delta has
#    no 2021 value, Epsilon a negative one: neither is indexed; Gamma ends
#    in the base year
expect "$panel/panel.csv" >"$tmp/panel.want"
base=$(awk '$1 == "base" { print $2 }' "$tmp/panel.want")
[ "$base" = 2021 ] && ok || ko "expected.py: the panel's base is $base, not 2021"
for l in en zh; do
    "$bin" charts -q --type index --format png,pdf --dpi 72 --lang $l \
        -o "$tmp/panel" $panel || ko "the panel's index chart ($l) failed"
done
en="$tmp/panel/output-index.txt"
zh="$tmp/panel/output-index-zh.txt"
a=$(last_index "$tmp/panel.want" Alpha)
b=$(last_index "$tmp/panel.want" Beta)
g=$(awk '$1 == "Gamma" { print $3 }' "$tmp/panel.want")
has "$en" "Index chart of Output (index, 2021 = 100), "
has "$en" "Alpha rose to $a by 2022."
has "$en" "Beta fell to $b by 2022."
has "$en" "Gamma rose to 100.0 in 2021 from $g in 2018."
has "$en" "Not indexed, no 2021 value above zero: Delta, Epsilon."
has "$zh" "指数图：产出（指数，2021年=100），"
has "$zh" "甲地2022年升至$a。"
has "$zh" "乙地2022年降至$b。"
has "$zh" "丙地从2018年的${g}升至2021年的100.0。"
has "$zh" "未能指数化（2021年无正值）：丁地、戊地。"
[ "$(awk '$2 == "not-indexed"' "$tmp/panel.want" | wc -l)" = 2 ] && ok ||
    ko "expected.py does not leave out two regions"
pdftotext "$tmp/panel/output-index.pdf" "$tmp/panel-en.txt"
pdftotext "$tmp/panel/output-index-zh.pdf" "$tmp/panel-zh.txt"
has "$tmp/panel-en.txt" "index, 2021 = 100, 2018–2022"
has "$tmp/panel-en.txt" "Not indexed, no 2021 value above zero: Delta, Epsilon."
has "$tmp/panel-zh.txt" "未能指数化（2021年无正值）：丁地、戊地。"
cp "$tmp/panel/output-index.png" "$tmp/index-panel.png"
cp "$tmp/panel/output-index-zh.png" "$tmp/index-panel-zh.png"
golden index-panel.png "$tmp/index-panel.png"
golden index-panel-zh.png "$tmp/index-panel-zh.png"

# -- a base year in which only Delta lacks a value (no value at all, not
#    one below zero): "no 2020 value"
"$bin" charts -q --type index --base 2019 -o "$tmp/p19" $panel ||
    ko "the panel's index chart with --base 2019 failed"
hasnt "$tmp/p19/output-index.txt" "Not indexed"
"$bin" charts -q --type index --base 2022 --lang zh -o "$tmp/p22" $panel ||
    ko "the panel's index chart with --base 2022 failed"
has "$tmp/p22/output-index-zh.txt" "未能指数化（2022年无数据）：丁地、戊地、丙地。"
"$bin" charts -q --type index --base 2022 -o "$tmp/p22" $panel
has "$tmp/p22/output-index.txt" "Not indexed, no 2022 value: Delta, Epsilon, Gamma."

# -- a spec's chart with base:, and --base winning over it
cat >"$tmp/spec.yaml" <<YAML
data:
  - path: $(pwd)/$panel
sections:
  - charts:
      - indicator: output
        type: index
        base: 2019
YAML
"$bin" charts -q --spec "$tmp/spec.yaml" -o "$tmp/spec" || ko "charts --spec failed"
has "$tmp/spec/output-index.txt" "(index, 2019 = 100)"
"$bin" charts -q --spec "$tmp/spec.yaml" --type index --base 2020 -o "$tmp/spec2" ||
    ko "charts --spec --base failed"
has "$tmp/spec2/output-index.txt" "(index, 2020 = 100)"

# -- another --base into the same folder redraws the chart (the base is
#    in its key): not left as current
for y in 2019 2020; do
    "$bin" charts -q --type index --base $y -o "$tmp/rebase" $panel ||
        ko "charts --base $y into the same folder failed"
    has "$tmp/rebase/output-index.txt" "(index, $y = 100)"
done

summary
[ $fail = 0 ]
