#!/bin/sh
# tests/spec.sh BIN UNIT -- briefs and charts from a report spec, and
# Chinese briefs: the output named by the spec's template, the author in
# the PDF, the author's words with their placeholders expanded to exact
# numbers (pdftotext), the spec's sections in order, --year, charts
# --spec writing exactly the spec's charts, check --spec, the Chinese
# default and spec briefs' sentences, both languages byte-identical on a
# second run, and page 1 of each Chinese brief against its golden image.
# Ends "spec: N passed, M failed".
set -u
bin=$1
unit=$2
suite=spec
. tests/lib.sh
export SOURCE_DATE_EPOCH=1700000000 LC_ALL=C
ex=examples/chongqing

cp "$ex"/*.csv "$ex"/brief.yaml "$ex"/brief-zh.yaml "$tmp"/
run() { "$TOP/$bin" "$@"; }
words() { pdftotext "$1" - | tr -s ' \n' ' ' >"$2"; }
# Chinese lines break anywhere, without a space to keep
words_zh() { pdftotext "$1" - | tr -d ' \n' >"$2"; }

# report --spec: name from the template, relative to the spec's folder
(cd "$tmp" && run report --spec brief.yaml) && ok || ko "report --spec failed"
[ -f "$tmp/chongqing-brief-2023-en.pdf" ] && ok || ko "no chongqing-brief-2023-en.pdf"
words "$tmp/chongqing-brief-2023-en.pdf" "$tmp/en.txt"
has "$tmp/en.txt" "Chongqing: science, technology and education, 2023"
has "$tmp/en.txt" "R&D, patents and schooling in the Chengdu-Chongqing region"
has "$tmp/en.txt" "By Chongqing planning office (example)."
has "$tmp/en.txt" "In 2022, Chongqing spent 68.7 billion yuan on R&D, 88.3% more than in 2017: R&D intensity reached 2.36% of GDP, up 0.48 percentage points since 2017, against 2.54% of GDP for China as a whole."
has "$tmp/en.txt" "Its high-tech enterprises grew by 26.2% a year from 2018, to 6,348 enterprises."
has "$tmp/en.txt" "Research at a glance"
# the summary dates no value whose source gives no reference year (the
# name beside it wraps onto a second line in its cell: tables.sh)
has "$tmp/en.txt" "91.01% year not given"
has "$tmp/en.txt" "Regional GDP in Chongqing reached 3.01 trillion yuan in 2023"
# the sections in the spec's order, then the notes
# (the last "Regional GDP" line is its section's heading: the summary
# table names it before)
pdftotext "$tmp/chongqing-brief-2023-en.pdf" - |
    grep -x "At a glance\|Research and development\|Innovation\|Regional GDP\|Notes" |
    awk '$0 != "Regional GDP" { if (!seen[$0]++) order = order $0 "|" }
         $0 == "Regional GDP" && seen["Innovation"] && !seen["Notes"] && !g++ {
             order = order $0 "|" }
         END { printf "%s", order }' >"$tmp/order"
[ "$(cat "$tmp/order")" = "At a glance|Research and development|Innovation|Regional GDP|Notes|" ] &&
    ok || ko "sections out of order: $(cat "$tmp/order")"
pdfinfo "$tmp/chongqing-brief-2023-en.pdf" >"$tmp/info"
has "$tmp/info" "Author:          Chongqing planning office (example)"
# --year: the same brief as of an earlier year, named by the template
(cd "$tmp" && run report --spec brief.yaml --year 2021) && ok || ko "--year 2021 failed"
[ -f "$tmp/chongqing-brief-2021-en.pdf" ] && ok || ko "no chongqing-brief-2021-en.pdf"
words "$tmp/chongqing-brief-2021-en.pdf" "$tmp/en21.txt"
has "$tmp/en21.txt" "Chongqing: science, technology and education, 2021"
# -o wins over the template
run report --spec "$tmp/brief.yaml" -o "$tmp/o.pdf" && [ -f "$tmp/o.pdf" ] && ok ||
    ko "-o with --spec wrote no o.pdf"

# charts --spec: exactly the spec's charts, with their formats
(cd "$tmp" && run charts --spec brief.yaml) && ok || ko "charts --spec failed"
(cd "$tmp/charts" && ls) >"$tmp/charts.ls" 2>/dev/null
printf '%s\n' high_tech_enterprises-bar.png high_tech_enterprises-bar.txt \
    rd_intensity.pdf rd_intensity.png rd_intensity.txt \
    statbrief-manifest.json >"$tmp/charts.want"
cmp -s "$tmp/charts.want" "$tmp/charts.ls" && ok ||
    ko "charts --spec wrote: $(tr '\n' ' ' <"$tmp/charts.ls")"
file "$tmp/charts/rd_intensity.png" | grep -q "1260 x 709" && ok ||
    ko "rd_intensity.png is not 160x90 mm at 200 dpi: $(file "$tmp/charts/rd_intensity.png")"
pdftotext "$tmp/charts/rd_intensity.pdf" - | grep -qx "R&D intensity, % of GDP" && ok ||
    ko "the chart's title is not the spec's"

# check --spec
(cd "$tmp" && run check -q --spec brief.yaml) && ok || ko "check --spec failed"
(cd "$tmp" && run check --spec brief.yaml | tail -1) >"$tmp/check.out"
has "$tmp/check.out" "brief.yaml: report spec: 4 sections, 2 charts, 2 tables; the brief of 2023: ok"

# Chinese: the default brief, and a spec in Chinese
(cd "$tmp" && run report --lang zh -o zh.pdf .) && ok || ko "report --lang zh failed"
words_zh "$tmp/zh.pdf" "$tmp/zh.txt"
# the brief's year: the year most indicators reach (GDP alone reaches 2023)
has "$tmp/zh.txt" "重庆：11项指标（2022年）"
has "$tmp/zh.txt" "2022年重庆研究与试验发展(R&D)经费686.6亿元，比上年增长13.7%，比2017年增长88.3%。"
has "$tmp/zh.txt" "2017—2022年，重庆R&D经费投入强度提高0.48个百分点，达到2.36%。"
has "$tmp/zh.txt" "比全国低0.18个百分点。"
has "$tmp/zh.txt" "2022年重庆高新技术企业数6348家，比上年增长24.3%"
has "$tmp/zh.txt" "2022年重庆专利授权量6.65万件，比上年下降12.5%"
has "$tmp/zh.txt" "主要发现"
has "$tmp/zh.txt" "占全国总量的2.2%。"
has "$tmp/zh.txt" "数据截至2023年"
(cd "$tmp" && run report --spec brief-zh.yaml) && ok || ko "report --spec brief-zh.yaml failed"
words_zh "$tmp/chongqing-brief-2022-zh.pdf" "$tmp/zhs.txt"
has "$tmp/zhs.txt" "2022年，重庆研究与试验发展(R&D)经费达到686.6亿元，比2017年增长88.3%；R&D经费投入强度为2.36%，比2017年提高0.48个百分点，全国为2.54%。"
has "$tmp/zhs.txt" "学前三年毛入园率91.01%未注明年份"
pdfinfo "$tmp/chongqing-brief-2022-zh.pdf" >"$tmp/zinfo"
has "$tmp/zinfo" "Author:          重庆市规划研究室（示例）"
pdffonts "$tmp/zh.pdf" | grep -q "NotoSansCJKsc" && ok || ko "no Noto Sans CJK SC in the Chinese brief"

# both languages, byte for byte, on a second run
(cd "$tmp" && run report --lang zh -o zh2.pdf .)
run report --spec "$tmp/brief.yaml" -o "$tmp/o2.pdf"
cmp -s "$tmp/zh.pdf" "$tmp/zh2.pdf" && ok || ko "two Chinese runs differ"
cmp -s "$tmp/o.pdf" "$tmp/o2.pdf" && ok || ko "two spec runs differ"

for f in zh chongqing-brief-2022-zh; do
    pdftoppm -r 60 -png -f 1 -l 1 "$tmp/$f.pdf" "$tmp/pz-$f"
    golden "brief-$f-page1.png" "$tmp/pz-$f-1.png"
done
pdftoppm -r 60 -png -f 2 -l 2 "$tmp/zh.pdf" "$tmp/pz2"
golden brief-zh-page2.png "$tmp/pz2-2.png"
summary
