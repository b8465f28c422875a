#!/bin/sh
# tests/charts.sh BIN UNIT -- the example's charts: golden PNGs compared
# pixel by pixel (on a mismatch the new image and a diff marked in red
# are kept in tests/golden-out/ for a person to look at), the text of the
# PDFs in both languages, SVG well-formed, bytes stable from run to run
# and alone vs among other charts. Ends "charts: N passed, M failed".
set -u
bin=$1
unit=$2
suite=charts
. tests/lib.sh
export SOURCE_DATE_EPOCH=1700000000 LC_ALL=C
ex=examples/chongqing/

# -- golden images: the default line chart, a Chinese one, a bar chart
"$bin" charts -q --format png --dpi 100 -o "$tmp/g" --indicator rd_expenditure $ex &&
"$bin" charts -q --format png --dpi 100 --lang zh -o "$tmp/g" --indicator rd_intensity $ex &&
"$bin" charts -q --format png --dpi 100 --type bar --year 2022 \
    --indicator high_tech_enterprises --group chengdu-chongqing -o "$tmp/g" $ex ||
    ko "rendering the golden charts failed"
# every other type, in both languages, and a crowded line chart
for t in grouped stacked slope sparkline small; do
    for l in en zh; do
        "$bin" charts -q --format png --dpi 72 --type $t --lang $l \
            --indicator rd_expenditure -o "$tmp/g" $ex || ko "rendering $t ($l) failed"
    done
done
for d in crowd crowd30 longnames single allmissing negative; do
    "$bin" charts -q --format png --dpi 72 -o "$tmp/g" tests/charts-data/$d ||
        ko "rendering tests/charts-data/$d failed"
done
"$bin" charts -q --format png --dpi 72 --type bar -o "$tmp/g" tests/charts-data/negative ||
    ko "rendering the negative bars failed"
# flagged values (rings and a note), a target line, interpolated years,
# forecasts (a count's interval cut at zero: closures), in both languages
"$bin" charts -q --format png --dpi 100 --interpolate -o "$tmp/g" tests/charts-data/flags ||
    ko "rendering the flags chart failed"
"$bin" charts -q --format png --dpi 100 --interpolate --lang zh --indicator closures \
    -o "$tmp/g" tests/charts-data/flags || ko "rendering the Chinese closures chart failed"
for f in rd_expenditure.png rd_intensity-zh.png high_tech_enterprises-bar.png rate.png \
         rd_expenditure-grouped.png rd_expenditure-grouped-zh.png \
         rd_expenditure-stacked.png rd_expenditure-stacked-zh.png \
         rd_expenditure-slope.png rd_expenditure-slope-zh.png \
         rd_expenditure-sparkline.png rd_expenditure-sparkline-zh.png \
         rd_expenditure-small.png rd_expenditure-small-zh.png x.png \
         many.png long.png single.png gappy.png balance.png balance-bar.png \
         closures.png closures-zh.png; do
    golden "$f" "$tmp/g/$f"
done

# -- the text alternative beside each chart, in its language
for f in rd_expenditure.txt rd_intensity-zh.txt high_tech_enterprises-bar.txt \
         rate.txt closures.txt closures-zh.txt; do
    cmp -s "tests/golden/$f" "$tmp/g/$f" && ok ||
        ko "$f differs: $(diff "tests/golden/$f" "$tmp/g/$f" | head -4)"
done

# -- ranking charts: 31 provinces (every one, the focus 18th) and the World
#    Bank's 185 countries (top and bottom 15, Kenya 66th between gaps, the
#    aggregates below the rule), in both languages: the images, the text
#    alternative, the note's words in the PDF
nbs=tests/data/nbs/分省年度数据_地区生产总值_2006-2024.csv
wb=tests/portals/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.csv
for l in en zh; do
    "$bin" charts -q --format png,pdf --dpi 72 --type ranking --year 2022 \
        --focus 重庆市 --lang $l -o "$tmp/rk-nbs" $nbs &&
    "$bin" charts -q --format png,pdf --dpi 72 --type ranking --focus Kenya \
        --lang $l -o "$tmp/rk-wb" $wb || ko "rendering the ranking charts ($l) failed"
done
cp "$tmp/rk-nbs/地区生产总值.png" "$tmp/rk-nbs/ranking-nbs.png" 2>/dev/null
cp "$tmp/rk-nbs/地区生产总值-zh.png" "$tmp/rk-nbs/ranking-nbs-zh.png" 2>/dev/null
cp "$tmp/rk-wb/NY.GDP.MKTP.CD.png" "$tmp/rk-wb/ranking-wb.png" 2>/dev/null
cp "$tmp/rk-wb/NY.GDP.MKTP.CD-zh.png" "$tmp/rk-wb/ranking-wb-zh.png" 2>/dev/null
golden ranking-nbs.png "$tmp/rk-nbs/ranking-nbs.png"
golden ranking-nbs-zh.png "$tmp/rk-nbs/ranking-nbs-zh.png"
golden ranking-wb.png "$tmp/rk-wb/ranking-wb.png"
golden ranking-wb-zh.png "$tmp/rk-wb/ranking-wb-zh.png"
for f in ranking-nbs:rk-nbs/地区生产总值 ranking-nbs-zh:rk-nbs/地区生产总值-zh \
         ranking-wb:rk-wb/NY.GDP.MKTP.CD ranking-wb-zh:rk-wb/NY.GDP.MKTP.CD-zh; do
    g=${f%%:*} o=${f#*:}
    cmp -s "tests/golden/$g.txt" "$tmp/$o.txt" && ok ||
        ko "$g.txt differs: $(diff "tests/golden/$g.txt" "$tmp/$o.txt" | head -4)"
done
pdftotext "$tmp/rk-nbs/地区生产总值.pdf" - | tr '\n' ' ' >"$tmp/rk.txt"
for want in "1. 广东省" "18. 重庆市" "31. 西藏自治区" "亿元, 2022"; do
    grep -qF "$want" "$tmp/rk.txt" && ok || ko "the 31-province ranking lacks \"$want\""
done
grep -qF "…" "$tmp/rk.txt" && ko "the 31-province ranking leaves ranks out" || ok
pdftotext "$tmp/rk-wb/NY.GDP.MKTP.CD.pdf" - | tr '\n' ' ' >"$tmp/rk.txt"
for want in "1. United States" "15. Spain" "66. Kenya" "171. Turks and Caicos" "185. Tuvalu" \
            "Top 15 and bottom 15 of 185." "Below the line: aggregates, not ranked (the largest 8 of 48)" \
            "No data: 29 regions." World "High income"; do
    grep -qF "$want" "$tmp/rk.txt" && ok || ko "the World Bank ranking lacks \"$want\""
done
grep -qF "16. " "$tmp/rk.txt" && ko "the World Bank ranking shows rank 16" || ok
pdftotext "$tmp/rk-wb/NY.GDP.MKTP.CD-zh.pdf" - | tr -d '\n' >"$tmp/rk.txt"
for want in "前15名和后15名（共185个地区）。" "分隔线下为汇总，不参与排名（显示最大的8个，共48个）" \
            "无数据：29个地区。" "66. Kenya"; do
    grep -qF "$want" "$tmp/rk.txt" && ok || ko "the Chinese World Bank ranking lacks \"$want\""
done
# -- small multiples: the focus first, then by rank at the reference year
#    (or the source's order, spec order: source); one scale unless it
#    flattens most panels (charts-data/giant: one region 40 times the
#    rest; the 30 provinces, most under a third of 广东省), said in the
#    subtitle and the text alternative; names wrap (30 provinces: the file
#    without 西藏自治区, as more than 30 panels are drawn as the ranking
#    chart); no tick label of an empty range ("1.1 × 10³⁰⁸")
nbs="$tmp/分省年度数据_地区生产总值_2006-2024.csv"
python3 -c 'import sys; t = open(sys.argv[1], encoding="gb18030", newline="").read(); open(sys.argv[2], "w", encoding="gb18030", newline="").write("".join(l for l in t.splitlines(True) if not l.startswith("西藏")))' \
    "tests/data/nbs/分省年度数据_地区生产总值_2006-2024.csv" "$nbs"
for l in en zh; do
    "$bin" charts -q --format pdf --type small --lang $l --focus 重庆市 -o "$tmp/sm" "$nbs" &&
    "$bin" charts -q --format pdf --type small --lang $l --focus Cedar --benchmark Hazel \
        -o "$tmp/sm" tests/charts-data/giant || ko "small multiples ($l) failed"
done
has "$tmp/sm/地区生产总值.txt" "Small multiples of 地区生产总值 (亿元), 重庆市, 广东省, 江苏省, 山东省, 浙江省 and 25 more, 2006–2024. Panels by rank in 2024, the focus region (重庆市) first. Each panel on its own scale."
has "$tmp/sm/地区生产总值-zh.txt" "小多图：地区生产总值（亿元），重庆市、广东省、江苏省、山东省、浙江省等30个地区，2006–2024年。各图按2024年排名排列，重点地区重庆市居首。各图纵轴刻度不同。"
has "$tmp/sm/output.txt" "Cedar, Hazel, Metropolis, Dogwood, Autonomous Region of the Northern Highlands and 7 more, 2015–2024. Panels by rank in 2024, the focus region (Cedar) first. Each panel on its own scale."
has "$tmp/sm/output-zh.txt" "各图按2024年排名排列，重点地区Cedar居首。各图纵轴刻度不同。"
for f in 地区生产总值 地区生产总值-zh output output-zh; do
    pdftotext "$tmp/sm/$f.pdf" "$tmp/sm/$f.pdf.txt"
done
has "$tmp/sm/地区生产总值.pdf.txt" "own scale"
has "$tmp/sm/地区生产总值-zh.pdf.txt" "各图纵轴刻度不同"
for f in 地区生产总值 地区生产总值-zh; do
    hasnt "$tmp/sm/$f.pdf.txt" "10³⁰⁸"
    hasnt "$tmp/sm/$f.pdf.txt" "×"
done
hasnt "$tmp/sm/地区生产总值-zh.pdf.txt" "…"
# names wrap between characters in Chinese: each whole across its lines
tr -d '\n' <"$tmp/sm/地区生产总值-zh.pdf.txt" | grep -qF "新疆维吾尔自治区" && ok ||
    ko "地区生产总值-zh.pdf: 新疆维吾尔自治区 not whole"
has "$tmp/sm/output.pdf.txt" "2015–2024, each panel on its own scale"
has "$tmp/sm/output-zh.pdf.txt" "2015–2024，各图纵轴刻度不同"
# a name too long for one line wraps between words (over its panel's
# value labels too, on its own scale; the ellipsis Pango
# puts at the end of the second line reads back as the text it hides)
grep -A1 -x "Autonomous Region of the" "$tmp/sm/output.pdf.txt" |
    grep -q "^Northern Highlands" && ok ||
    ko "output.pdf: the long name not wrapped: $(grep Autonomous "$tmp/sm/output.pdf.txt")"
printf 'data: [%s]\nsections:\n  - charts:\n      - indicator: 地区生产总值\n        type: small\n        order: source\n' \
    "$nbs" >"$tmp/order.yaml"
"$bin" charts -q --format pdf --focus 重庆市 --spec "$tmp/order.yaml" -o "$tmp/so" &&
"$bin" charts -q --format pdf --lang zh --focus 重庆市 --spec "$tmp/order.yaml" -o "$tmp/so" ||
    ko "small multiples in the source's order failed"
has "$tmp/so/地区生产总值.txt" "重庆市, 北京市, 天津市, 河北省, 山西省 and 25 more, 2006–2024. Panels in the source's order, the focus region (重庆市) first."
has "$tmp/so/地区生产总值-zh.txt" "重庆市、北京市、天津市、河北省、山西省等30个地区，2006–2024年。各图按资料原有顺序排列，重点地区重庆市居首。"

# -- a ranking on a page too low for its 30 end rows draws fewer, and its
#    note says which ends it shows, never the full page's "Top 15"
"$bin" charts -q --format pdf --type ranking --size 100x40 -o "$tmp/rl" \
    tests/portals/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.csv ||
    ko "the low ranking failed"
pdftotext "$tmp/rl/NY.GDP.MKTP.CD.pdf" - | tr -d ' \n' >"$tmp/rl.txt"
for want in "3.Germany" "183.Palau" "Top3andbottom3of185." "Nodata:29regions."; do
    grep -qF "$want" "$tmp/rl.txt" && ok || ko "the low ranking lacks \"$want\": $(cat "$tmp/rl.txt")"
done
for not in "4.Japan" "182.Kiribati" "Top15"; do
    grep -qF "$not" "$tmp/rl.txt" && ko "the low ranking has \"$not\"" || ok
done

# -- slope charts of many regions: the focus, benchmark and named regions
#    labelled, the rest grey and unlabelled (as line charts); the text
#    alternative at the chart's two years (the World Bank file's are 2008
#    and 2011, where most countries have both: China 4,594.34 and
#    7,551.55 billion US$ in the file, +64.4%, computed with Python's csv)
"$bin" charts -q --format pdf --type slope --lang zh --focus 重庆市 -o "$tmp/sl" \
    tests/data/nbs/分省年度数据_地区生产总值_2006-2024.csv &&
"$bin" charts -q --format pdf --type slope --focus China --benchmark World \
    -o "$tmp/sl" tests/portals/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.csv ||
    ko "slope charts of many regions failed"
pdftotext "$tmp/sl/地区生产总值-slope-zh.pdf" "$tmp/sl/nbs.txt"
has "$tmp/sl/nbs.txt" "灰色：其余30个地区。"
has "$tmp/sl/nbs.txt" "32046.7 重庆市"
hasnt "$tmp/sl/nbs.txt" "广东省"
has "$tmp/sl/NY.GDP.MKTP.CD-slope.txt" "China and World, 2008–2011. China rose from 4,594.34 billion current US\$ in 2008 to 7,551.55 billion current US\$ in 2011 (+64.4%)."
has "$tmp/sl/NY.GDP.MKTP.CD-slope.txt" "Thin grey lines: the other 213 regions, unlabelled."

# -- the text alternative says a change as the brief does: a multiple from
#    three times on, no percent of a series across zero
"$bin" charts -q --format png -o "$tmp/wb" tests/data/worldbank/ &&
"$bin" charts -q --format png --lang zh -o "$tmp/wb" tests/data/worldbank/ ||
    ko "charts of tests/data/worldbank failed"
grep -qF "to 2.17 trillion US\$ in 2023 (×5.1)." "$tmp/wb/NY.GDP.MKTP.CD.txt" && ok ||
    ko "NY.GDP.MKTP.CD.txt: $(cat "$tmp/wb/NY.GDP.MKTP.CD.txt")"
grep -qF "21736.66亿美元（5.1倍）" "$tmp/wb/NY.GDP.MKTP.CD-zh.txt" && ok ||
    ko "NY.GDP.MKTP.CD-zh.txt: $(cat "$tmp/wb/NY.GDP.MKTP.CD-zh.txt")"
grep -qF "fell from 51,401 persons in 1960 to 6,000 persons in 2023." "$tmp/wb/SM.POP.NETM.txt" &&
    ! grep -qF "%" "$tmp/wb/SM.POP.NETM.txt" && ok ||
    ko "SM.POP.NETM.txt: $(cat "$tmp/wb/SM.POP.NETM.txt")"

# -- PDF text: title, ticks, region names, in English and Chinese
"$bin" charts -q --format pdf,svg -o "$tmp/en" $ex || ko "charts (en) failed"
"$bin" charts -q --format pdf --lang zh -o "$tmp/zh" $ex || ko "charts (zh) failed"
pdftotext "$tmp/en/rd_expenditure.pdf" "$tmp/en.txt"
# the axis in the unit the text uses: 120 (billion yuan), not 1,200
for want in "R&D expenditure" "billion yuan, 2016–2022" Chongqing Sichuan 2016 2022 120 "Source: NBS"; do
    grep -qF "$want" "$tmp/en.txt" && ok || ko "rd_expenditure.pdf lacks \"$want\""
done
grep -qF "1,200" "$tmp/en.txt" && ko "rd_expenditure.pdf: an axis in 100 million yuan" || ok
"$bin" charts -q --format pdf --interpolate -o "$tmp/f" tests/charts-data/flags
pdftotext "$tmp/f/rate.pdf" "$tmp/f.txt"
for want in "Target 2.50 (2025)" "Ringed points: p provisional; e estimated" "Hollow points: filled by interpolation" "Dashed: 2023 forecast"; do
    grep -qF "$want" "$tmp/f.txt" && ok || ko "rate.pdf lacks \"$want\""
done
# the forecast of a count whose interval crosses zero: cut and said so
"$bin" charts -q --format pdf --interpolate --lang zh -o "$tmp/f" tests/charts-data/flags
pdftotext "$tmp/f/closures.pdf" - | tr '\n' ' ' > "$tmp/f.txt"
pdftotext "$tmp/f/closures-zh.pdf" - | tr -d '\n' > "$tmp/fzh.txt"
grep -qF "Dashed: 2023 forecast from the linear trend, band: 95% prediction interval; interval cut at zero." "$tmp/f.txt" &&
    ok || ko "closures.pdf lacks the interval cut at zero: $(cat "$tmp/f.txt")"
grep -qF "虚线：2023年线性趋势预测，阴影为95%预测区间，区间在零处截断。" "$tmp/fzh.txt" &&
    ok || ko "closures-zh.pdf lacks the interval cut at zero: $(cat "$tmp/fzh.txt")"
pdftotext "$tmp/f/rate.pdf" - | grep -qF "cut at zero" && ko "rate.pdf: a rate's interval cut" || ok
# one forecast year everywhere: a window pinned past the last value
# (--to 2024, data to 2022) forecasts 2023 in the chart as in metrics
"$bin" charts -q --format pdf --to 2024 --indicator rate -o "$tmp/to" tests/charts-data/flags
pdftotext "$tmp/to/rate.pdf" - | grep -qF "Dashed: 2023 forecast" && ok || ko "rate.pdf --to 2024: not a 2023 forecast"
[ "$("$bin" metrics --format csv --to 2024 --indicator rate --region Chongqing tests/charts-data/flags |
    sed -n 2p | cut -d, -f19)" = 2023 ] && ok || ko "metrics --to 2024: forecast_year is not 2023"
pdftotext "$tmp/zh/rd_expenditure-zh.pdf" "$tmp/zh.txt"
for want in "研究与试验发展(R&D)经费" "亿元" 重庆 四川 2022 "资料来源"; do
    grep -qF "$want" "$tmp/zh.txt" && ok || ko "rd_expenditure-zh.pdf lacks \"$want\""
done
[ "$(pdfinfo "$tmp/en/gdp.pdf" | sed -n 's/^CreationDate: *//p')" = \
  "Tue Nov 14 22:13:20 2023 UTC" ] && ok || ko "PDF date is not SOURCE_DATE_EPOCH"

# -- SVG is well-formed XML
for f in "$tmp"/en/*.svg; do
    xmllint --noout "$f" 2>"$tmp/err" && ok || ko "$f: $(head -c 200 "$tmp/err")"
done

# -- the same bytes on a second run, and alone vs among others
"$bin" charts -q --format pdf,png,svg -o "$tmp/a" $ex
"$bin" charts -q --format pdf,png,svg -o "$tmp/b" $ex
"$bin" charts -q --format svg,png,pdf --indicator rd_intensity -o "$tmp/c" $ex
same=1
for f in "$tmp"/a/*; do
    cmp -s "$f" "$tmp/b/$(basename "$f")" || { same=0; ko "$(basename "$f") changed between runs"; }
done
[ $same = 1 ] && ok
for f in "$tmp"/c/*; do
    # the manifest describes its own run's outputs
    [ "$(basename "$f")" = statbrief-manifest.json ] && continue
    cmp -s "$f" "$tmp/a/$(basename "$f")" && ok || ko "$(basename "$f") alone differs from the full run"
done
summary
