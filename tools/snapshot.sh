#!/bin/sh
# tools/snapshot.sh BIN DIR -- writes the example's outputs into DIR and
# prints one "sha256  name" line per file: the charts (English and
# Chinese, every type, pdf/png/svg), the three example briefs (English,
# Chinese, spec) with their figures CSV, the brief as a page (English,
# Chinese), `metrics` in every format and
# `check --dump`. A refactoring that must not change behaviour compares
# two of these lists (diff), before and after.
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=$2
# relative to the repository: the outputs name their inputs as given,
# so lists made in two checkouts compare
ex=examples/chongqing
export SOURCE_DATE_EPOCH=1700000000 LC_ALL=C.UTF-8 TZ=UTC
rm -rf "$out"; mkdir -p "$out"
"$bin" check --dump "$ex/" >"$out/dump.csv"
"$bin" check --dump --flags "$ex/" >"$out/dump-flags.csv"
"$bin" check "$ex/" >"$out/check.txt" 2>&1
for f in table csv json; do
    "$bin" metrics --format $f "$ex/" >"$out/metrics.$f"
    "$bin" metrics --lang zh --format $f "$ex/" >"$out/metrics-zh.$f"
done
for t in line bar grouped stacked slope sparkline small; do
    for l in en zh; do
        "$bin" charts -q --type $t --lang $l --format pdf,png,svg \
            -o "$out/charts" "$ex/" 2>/dev/null || true
    done
done
"$bin" charts -q --format pdf,png,svg -o "$out/charts" "$ex/"
"$bin" report -q -o "$out/brief.pdf" --metrics-csv "$out/brief.csv" "$ex/"
"$bin" report -q --lang zh -o "$out/brief-zh.pdf" --metrics-csv "$out/brief-zh.csv" "$ex/"
(cd "$ex" && "$bin" report -q --spec brief.yaml -o "$out/spec.pdf")
(cd "$ex" && "$bin" report -q --spec brief-zh.yaml -o "$out/spec-zh.pdf") || true
"$bin" report -q --format html -o "$out/brief.html" "$ex/"
"$bin" report -q --format html --lang zh -o "$out/brief-zh.html" "$ex/"
(cd "$out" && find . -type f ! -name '.statbrief*' | LC_ALL=C sort | xargs sha256sum)
