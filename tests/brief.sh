#!/bin/sh
# tests/brief.sh BIN UNIT -- the example brief: its key sentences with the
# exact numbers (pdftotext), pages and metadata (pdfinfo), structure
# (qpdf --check), links from the key findings to their sections, the
# outline, the same bytes twice, no file and exit 73 when the
# directory cannot be written, libqpdf loaded only for a brief (and exit
# 70 when it cannot be), the figures' CSV, and pages 1 and 2
# against their golden images. Ends "brief: N passed, M failed".
set -u
bin=$1
unit=$2
suite=brief
. tests/lib.sh
export SOURCE_DATE_EPOCH=1700000000 LC_ALL=C
ex=examples/chongqing/

(cd "$tmp" && "$TOP/$bin" report "$TOP/$ex") && ok || ko "report failed"
# the brief's year is the year most indicators reach (2022: GDP alone
# reaches 2023), not the latest
[ -f "$tmp/brief-2022.pdf" ] && ok || ko "no brief-2022.pdf (the brief's year)"
# ... of the indicators it holds: GDP alone reaches 2023
mkdir "$tmp/g"
(cd "$tmp/g" && "$TOP/$bin" report -q --indicator gdp --lang zh "$TOP/$ex") &&
    [ -f "$tmp/g/brief-2023.pdf" ] && ok || ko "no brief-2023.pdf of GDP alone"
pdftotext "$tmp/g/brief-2023.pdf" - | tr -d ' \n' >"$tmp/g.txt"
# the title of one indicator is its name; its heading has no year (the
# brief's own)
has "$tmp/g.txt" "重庆：地区生产总值（2023年）"
pdftotext "$tmp/g/brief-2023.pdf" - | grep -qx "地区生产总值（2023年）" &&
    ko "GDP's heading has the brief's year" || ok
"$bin" report -o "$tmp/a.pdf" --metrics-csv "$tmp/fig.csv" $ex || ko "report -o failed"
pdftotext -layout "$tmp/a.pdf" "$tmp/a.txt"
tr -s ' \n' ' ' <"$tmp/a.txt" >"$tmp/a1.txt"
has "$tmp/a1.txt" "Chongqing: 11 indicators, 2022"
# a section whose data end in another year says so in its heading
has "$tmp/a1.txt" "Regional GDP (2023)"
# one value for the focus: a row of the latest-values table, with "year
# not given" where its note says the source gives none; no section, and
# no sentence that dates it
has "$tmp/a1.txt" "Latest values Indicator Value Unit Year"
has "$tmp/a1.txt" "Preschool three-year gross enrollment rate 91.01 % year not given"
has "$tmp/a1.txt" "Invention patents granted 9,413 patents 2021"
has "$tmp/a1.txt" "Preschool three-year gross enrollment rate: as reported by iChongqing on 2022-10-21; the source gives no reference year."
hasnt "$tmp/a1.txt" "91.01% in 2022"
hasnt "$tmp/a1.txt" "Senior-secondary gross enrollment rate in Chongqing"
# one number, one form: the text's unit in the table's headings and cells
has "$tmp/a1.txt" "Region 2020 (billion yuan) 2022 (billion yuan) Change"
has "$tmp/a1.txt" "Chongqing 52.7 68.7 +30.3%"
has "$tmp/a1.txt" "Regional GDP in Chongqing reached 3.01 trillion yuan in 2023"
has "$tmp/a1.txt" "Region 2015 (trillion yuan) 2023 (trillion yuan) Change CAGR / points Rank Share Sichuan 3.01 6.01 +99.8% 9.0% 1 of 2 – Chongqing 1.57 3.01 +91.8%"
# ... and on the chart's axis: 30 ... 130 billion yuan, not 300 ... 1,300
has "$tmp/a1.txt" "billion yuan, 2016–2022 130 120 Sichuan 110 100"
# the definitions of the figures the brief uses, and only those
has "$tmp/a1.txt" "Percent change: (latest / first − 1) × 100"
has "$tmp/a1.txt" "CAGR: the compound annual growth rate"
has "$tmp/a1.txt" "Forecast: the linear trend"
hasnt "$tmp/a1.txt" "Change: the latest value minus the first"
has "$tmp/a1.txt" "R&D expenditure in Chongqing reached 68.7 billion yuan in 2022, up 13.7% on 2021 and 88.3% since 2017."
has "$tmp/a1.txt" "rose 0.48 percentage points to 2.36% of GDP between 2017 and 2022"
has "$tmp/a1.txt" "It more than doubled since 2018."
has "$tmp/a1.txt" "That was 2.2% of the China total."
has "$tmp/a1.txt" "Key findings"
has "$tmp/a1.txt" "The data have no value for Chongqing up to 2023."
has "$tmp/a1.txt" "Chongqing, 2017: implied by the iChongqing report of 2022-10-21 (2021 was +65.6% on 2017)"
has "$tmp/a1.txt" "SHA-256"
# the notes print each input's real digest (the run's, reused by the brief)
pdftotext "$tmp/a.pdf" - | tr -d ' \n' >"$tmp/a0.txt"
has "$tmp/a0.txt" "data.csv:SHA-256$(sha256sum "$ex/data.csv" | cut -d' ' -f1)"
"$bin" report --from 2017 --to 2021 -o "$tmp/b.pdf" $ex || ko "report --from --to failed"
pdftotext "$tmp/b.pdf" - | tr -s ' \n' ' ' >"$tmp/b1.txt"
has "$tmp/b1.txt" "reached 60.4 billion yuan in 2021, up 14.6% on 2020 and 65.6% since 2017"
has "$tmp/b1.txt" "Period covered: 2017–2021. Data as of 2021."
(cd "$tmp" && "$TOP/$bin" report --year 2021 "$TOP/$ex") && ok || ko "report --year failed"
[ -f "$tmp/brief-2021.pdf" ] && ok || ko "--year 2021 did not write brief-2021.pdf"
"$bin" report --focus Sichuan --metrics-csv "$tmp/sc.csv" -o "$tmp/sc.pdf" $ex ||
    ko "report --focus Sichuan failed"
pdftotext "$tmp/sc.pdf" - | tr -s ' \n' ' ' >"$tmp/sc.txt"
# Sichuan: three indicators end in 2018, two in 2022, one in 2023
has "$tmp/sc.txt" "Sichuan: 11 indicators, 2018"
has "$tmp/sc.txt" "R&D expenditure (2022)"
has "$tmp/sc.txt" "R&D expenditure in Sichuan reached 121.5 billion yuan in 2022, unchanged on 2021 but up 116.4% since 2016."
grep -q "^rd_expenditure,Sichuan,100 million yuan,amount,2016,2022,561.4,1215," "$tmp/sc.csv" &&
    ok || ko "Sichuan's figures CSV lacks its R&D row"
pdfinfo "$tmp/a.pdf" >"$tmp/info"
has "$tmp/info" "Title:           Chongqing: 11 indicators, 2022"
has "$tmp/info" "Creator:         statbrief 0."
has "$tmp/info" "Author:          statbrief"
has "$tmp/info" "Subject:         Chongqing, 2022"
has "$tmp/info" "Keywords:        statistics; indicators; Chongqing; R&D expenditure; R&D expenditure as share of GDP;"
has "$tmp/info" "Page size:       595.276 x 841.89 pts (A4)"
"$bin" report --paper letter -o "$tmp/l.pdf" $ex && pdfinfo "$tmp/l.pdf" >"$tmp/linfo"
has "$tmp/linfo" "Page size:       612 x 792 pts (letter)"
has "$tmp/info" "CreationDate:    Tue Nov 14 22:13:20 2023 UTC"
pages=$(sed -n 's/^Pages: *//p' "$tmp/info")
[ "${pages:-0}" -ge 5 ] && ok || ko "only ${pages:-0} pages"
size=$(wc -c <"$tmp/a.pdf")
[ "$size" -lt 400000 ] && ok || ko "the brief is $size bytes (target < 400 KB)"
qpdf --check "$tmp/a.pdf" >"$tmp/qpdf" 2>&1 && ok || ko "qpdf --check: $(tail -2 "$tmp/qpdf")"
# Each key finding links to its indicator's section: the page each Link
# annotation's /Dest names (from qpdf's QDF form) must carry that heading.
qpdf --qdf --object-streams=disable "$tmp/a.pdf" "$tmp/q.pdf"
awk 'NR == FNR { if (/^%% Page /) { p = $3; getline; getline; pg[$1] = p }; next }
     / 0 obj$/ { d = "" } /\/Dest \[/ { getline; d = pg[$1] }
     /\/Subtype \/Link/ { print d }' "$tmp/q.pdf" "$tmp/q.pdf" >"$tmp/links"
[ "$(wc -l <"$tmp/links")" = 5 ] && ok || ko "$(wc -l <"$tmp/links") links, not 5"
i=0
for want in "High-tech enterprises (certified, stock)" \
    "Patents granted (all types)" "Regional GDP (2023)" \
    "R&D expenditure as share of GDP" "R&D expenditure"; do
    i=$((i + 1))
    p=$(sed -n "${i}p" "$tmp/links")
    pdftotext -f "${p:-1}" -l "${p:-1}" "$tmp/a.pdf" - 2>/dev/null | grep -qxF "$want" &&
        ok || ko "finding $i links to page ${p:-none}, which has no \"$want\" heading"
done
grep -q "^  /Outlines" "$tmp/q.pdf" && ok || ko "no PDF outline"
"$bin" report -o "$tmp/c.pdf" $ex
cmp -s "$tmp/a.pdf" "$tmp/c.pdf" && ok || ko "two runs differ"
head -1 "$tmp/fig.csv" | grep -q "^indicator,region,unit,kind,first_year" && ok ||
    ko "figures CSV lacks its header"
grep -q "^rd_expenditure,Chongqing,100 million yuan,amount,2017,2022,364.6,686.6" "$tmp/fig.csv" &&
    ok || ko "figures CSV lacks the R&D row"
# one row per series and window (its own, the comparison table's common
# years), though a series is printed in several places
[ -z "$(cut -d, -f1,2,5,6 "$tmp/fig.csv" | sort | uniq -d)" ] && ok ||
    ko "figures CSV repeats $(cut -d, -f1,2,5,6 "$tmp/fig.csv" | sort | uniq -d | head -1)"
# the comparison table's columns at the common years (headed by them),
# the rank and share at the reference year: R&D 2020 and 2022 for both
grep -q "^rd_expenditure,Sichuan,100 million yuan,amount,2020,2022,1055.3,1215,.*,2022,1,2,3.9" \
    "$tmp/fig.csv" && ok || ko "figures CSV lacks Sichuan's R&D row at 2020-2022"
# one reference year per comparison: no region's own latest year in a
# column headed by another; "no data" where a region has no value then;
# rows in rank order at the reference year
has "$tmp/a1.txt" "Region 2020 (billion yuan) 2022 (billion yuan) Change CAGR / points Rank Share Sichuan 105.5 121.5 +15.1% 7.3% 1 of 2 3.9% Chongqing 52.7 68.7 +30.3% 14.2% 2 of 2 2.2%"
pdftotext -layout "$tmp/a.pdf" - | tr -s ' \n' ' ' >"$tmp/a2.txt"
has "$tmp/a2.txt" "Region 2018 (enterprises) 2022 (enterprises) Change CAGR / points Rank Share Chongqing 2,504 6,348 +153.5% 26.2% – – Sichuan no data no data"
# min_ranked (3): no rank among the two regions in the text; the tables
# show it ("2 of 2" above)
grep -q "ranked [a-z]* of 2" "$tmp/a1.txt" && ko "a rank among 2 in the text" || ok
# flags explained under the section's table, in the words of SDMX
printf 'indicator,region,year,value,flags\nx,A,2019,10,\nx,A,2020,12,\nx,A,2021,15,p\nx,B,2019,9,\nx,B,2020,11,e\nx,B,2021,13,\n' >"$tmp/flags.csv"
"$bin" report -o "$tmp/f.pdf" "$tmp/flags.csv" || ko "report of flagged data failed"
pdftotext "$tmp/f.pdf" - | tr -s ' \n' ' ' >"$tmp/f.txt"
has "$tmp/f.txt" "Period covered: 2019–2021. Data as of 2021. Regions compared: A, B. "
has "$tmp/f.txt" "A, 2021: provisional (p)."
has "$tmp/f.txt" "B, 2020: estimated (e)."
# hostile text: a 2,500-word note, a 100-character unit, 200-character
# names, line breaks in names; every word must stay inside the margins and
# above the footer rule (pdftotext -bbox), nothing may be lost
inside() { # PDF -> "ok" or the first word outside
    pdftotext -bbox "$1" - | awk -F'"' '
        /<page / { w = $2; h = $4 }
        /<word / { if ($2 < 53 || $6 > w - 53 || $8 > h - 28) {
                       sub(/.*">/, ""); sub(/<.*/, ""); print "outside: " $0; bad = 1; exit } }
        END { if (!bad) print "ok" }'
}
mkdir -p "$tmp/h1" "$tmp/h2"
awk 'BEGIN { printf "indicator,region,year,value,note\nx,A,2019,10,\nx,A,2020,12,\"";
             for (i = 0; i < 2500; i++) printf "word%d ", i; print "end\"" }' >"$tmp/h1/data.csv"
"$bin" report -o "$tmp/h1.pdf" "$tmp/h1" || ko "report of a long note failed"
[ "$(inside "$tmp/h1.pdf")" = ok ] && ok || ko "long note: $(inside "$tmp/h1.pdf")"
pdftotext "$tmp/h1.pdf" - | tr -s ' \n' ' ' >"$tmp/h1.txt"
has "$tmp/h1.txt" "word2499 end."
n=$(awk 'BEGIN { for (i = 0; i < 200; i++) printf "n" }')
u=$(awk 'BEGIN { for (i = 0; i < 100; i++) printf "u" }')
printf 'id,name,unit,kind\nx,Indicator %s,%s,amount\n' "$n" "$u" >"$tmp/h2/indicators.csv"
printf 'indicator,region,year,value\nx,"Region\nwith a break",2019,10\nx,"Region\nwith a break",2020,12\nx,B %s,2019,1e300\nx,B %s,2020,2e300\n' "$n" "$n" >"$tmp/h2/data.csv"
"$bin" report --paper letter -o "$tmp/h2.pdf" "$tmp/h2" || ko "report of long names failed"
[ "$(inside "$tmp/h2.pdf")" = ok ] && ok || ko "long names: $(inside "$tmp/h2.pdf")"
pdftotext "$tmp/h2.pdf" - | tr -s ' \n' ' ' >"$tmp/h2.txt"
# one indicator: its name is the title
has "$tmp/h2.txt" "Region with a break: Indicator nnnnnnnnnn"
has "$tmp/h2.txt" "nnnn, 2020"
: >"$tmp/blocker"
"$bin" report -o "$tmp/blocker/x.pdf" $ex 2>"$tmp/err"
[ $? = 73 ] && ok || ko "an unwritable directory did not give 73"
[ ! -e "$tmp/blocker/x.pdf" ] && ok || ko "a file was left"
# the PDF and the figures CSV land together or not at all: an old brief
# stays as it was when the CSV cannot be written
cp "$tmp/a.pdf" "$tmp/keep.pdf"
"$bin" report --from 2017 -o "$tmp/keep.pdf" --metrics-csv "$tmp/blocker/f.csv" $ex 2>"$tmp/err"
[ $? = 73 ] && ok || ko "an unwritable figures CSV did not give 73"
cmp -s "$tmp/a.pdf" "$tmp/keep.pdf" && ok || ko "the old brief was replaced though the CSV failed"
has "$tmp/err" "blocker/f.csv: error: cannot write: Not a directory"
[ -z "$(ls "$tmp" | grep 'keep.pdf.')" ] && ok || ko "a temporary file was left"
mkdir "$tmp/csvdir"
"$bin" report -o "$tmp/keep.pdf" --metrics-csv "$tmp/csvdir" $ex 2>"$tmp/err"
[ $? = 73 ] && cmp -s "$tmp/a.pdf" "$tmp/keep.pdf" && ok ||
    ko "a directory as the figures CSV replaced the brief or did not give 73"
# A Chinese brief is wholly Chinese (issue 20): every Latin word that
# pdftotext finds in the default Chinese brief and in the Chinese spec
# brief is on this list, each for its reason:
#   R&D         the NBS's own abbreviation inside the Chinese names
#               (研究与试验发展(R&D)经费, R&D经费投入强度), as its bulletins print it
#   iChongqing  the news portal the notes and sources cite: a name with no
#               Chinese form
#   statbrief SHA-256 UTC SOURCE_DATE_EPOCH
#               "how this brief was made": the program's name, the codes of
#               the digest and the time zone, a variable as it is typed
# Not checked: a title in 《》 (a work is cited by its title as published:
# an English article's title is its name), the inputs' file names (a
# token with '/' or ending .csv) and their digests (64 hex digits).
zh_allowed='R&D iChongqing statbrief SHA-256 UTC SOURCE_DATE_EPOCH'
# (a page break, pdftotext's form feed, separates words like a space)
latin_words() { # PDF -> its Latin words not allowed, one a line
    pdftotext "$1" - | tr '\f\n' '  ' | sed -E 's/《[^》]*》/ /g
        s/：|；|，|。|（|）|、/ /g' | tr ' ' '\n' |
        grep -vE '/|\.csv$|^[0-9a-f]{64}$' | grep -oE '[A-Za-z][A-Za-z0-9_&-]*' |
        grep -vxF "$(echo $zh_allowed | tr ' ' '\n')" | sort -u
}
"$bin" report --lang zh -o "$tmp/zh.pdf" $ex || ko "report --lang zh failed"
(cd $ex && "$TOP/$bin" report -q --spec brief-zh.yaml -o "$tmp/szh.pdf") ||
    ko "report --spec brief-zh.yaml failed"
for f in zh szh; do
    w=$(latin_words "$tmp/$f.pdf")
    [ -z "$w" ] && ok || ko "$f.pdf: English words in a Chinese brief:" $w
done
# the Chinese columns in their places: the group (groups_zh), a value's
# note (note_zh), a source (source_zh), the total's Chinese name
pdftotext "$tmp/zh.pdf" - | tr -d ' \n' >"$tmp/zh.txt"
has "$tmp/zh.txt" "比较地区：重庆、四川（省级）。"
grep -q "中居第" "$tmp/zh.txt" && ko "zh: a rank among 2 in the text" || ok
has "$tmp/zh.txt" "地区2020年（亿元）2022年（亿元）变化年均增长/百分点排名占比四川1055.31215.0+15.1%7.3%1/23.9%重庆526.8686.6+30.3%14.2%2/22.2%"
has "$tmp/zh.txt" "四川无数据无数据"
# min_ranked: 2 in a spec: the rank among two is told, in both languages,
# with the group's label
mkdir "$tmp/mr"
cp "$ex"/*.csv "$tmp/mr/"
printf 'data: [data.csv]\nmetadata: [indicators.csv, regions.csv]\nfocus: Chongqing\nmin_ranked: 2\n' >"$tmp/mr/s.yaml"
# a year the author names is the year of a placeholder's rank: Sichuan
# alone had a value in 2016; at the reference year (2022) it has none
printf 'data: [data.csv]\nmetadata: [indicators.csv, regions.csv]\nfocus: Chongqing\nsections:\n  - text: "R {high_tech_enterprises Sichuan rank 2016} of {high_tech_enterprises Sichuan rank_of 2016}; now {high_tech_enterprises Sichuan rank}."\n' >"$tmp/mr/p.yaml"
"$bin" report -q --spec "$tmp/mr/p.yaml" -o "$tmp/mrp.pdf" 2>/dev/null || ko "report of a rank placeholder failed"
pdftotext "$tmp/mrp.pdf" - | tr -s ' \n' ' ' >"$tmp/mrp.txt"
has "$tmp/mrp.txt" "R 1 of 1; now –."
"$bin" report -q --spec "$tmp/mr/s.yaml" -o "$tmp/mr.pdf" || ko "report with min_ranked: 2 failed"
"$bin" report -q --lang zh --spec "$tmp/mr/s.yaml" -o "$tmp/mrzh.pdf" || ko "report --lang zh with min_ranked: 2 failed"
pdftotext "$tmp/mr.pdf" - | tr -s ' \n' ' ' >"$tmp/mr.txt"
pdftotext "$tmp/mrzh.pdf" - | tr -d ' \n' >"$tmp/mrzh.txt"
has "$tmp/mr.txt" "It ranked first of 2 regions (province-level) in 2022."
has "$tmp/mrzh.txt" "2022年重庆在2个地区（省级）中居第1位"
has "$tmp/zh.txt" "学前三年毛入园率：据iChongqing2022年10月21日报道；来源未注明统计年份。"
has "$tmp/zh.txt" "重庆：11项指标（2022年）"
has "$tmp/zh.txt" "地区生产总值（2023年）"
has "$tmp/zh.txt" "最新数值指标数值单位年份"
has "$tmp/zh.txt" "学前三年毛入园率91.01%未注明年份"
has "$tmp/zh.txt" "发明专利授权量9413件2021"
hasnt "$tmp/zh.txt" "2022年重庆学前三年毛入园率"
# one form: 6.65万件 in the text, 6.65 under 最新值（万件）, 2 ... 8 on the axis
has "$tmp/zh.txt" "2022年重庆专利授权量6.65万件"
has "$tmp/zh.txt" "地区2012年（万件）2022年（万件）变化年均增长/百分点排名占比重庆2.006.653.3倍"
has "$tmp/zh.txt" "万件，2012–2022"
has "$tmp/zh.txt" "地区2015年（亿元）2023年（亿元）"
has "$tmp/zh.txt" "增长率：（最新值/起始值−1）×100"
# a brief of one rate: points and the gap defined; no CAGR, share, forecast
"$bin" report --indicator rd_intensity --lang zh -o "$tmp/zr.pdf" $ex ||
    ko "report --indicator rd_intensity --lang zh failed"
pdftotext "$tmp/zr.pdf" - | tr -d ' \n' >"$tmp/zr.txt"
has "$tmp/zr.txt" "百分点：比率指标的变化。"
has "$tmp/zr.txt" "差距：与基准地区同年数值之差。"
hasnt "$tmp/zr.txt" "年均增长率："
hasnt "$tmp/zr.txt" "占比："
hasnt "$tmp/zr.txt" "预测："
"$bin" report --indicator rd_intensity -o "$tmp/er.pdf" $ex ||
    ko "report --indicator rd_intensity failed"
pdftotext "$tmp/er.pdf" - | tr -s ' \n' ' ' >"$tmp/er.txt"
has "$tmp/er.txt" "Percentage points: the change of a rate."
has "$tmp/er.txt" "Gap: the difference to the benchmark region"
hasnt "$tmp/er.txt" "CAGR:"
hasnt "$tmp/er.txt" "Share:"
hasnt "$tmp/er.txt" "Forecast:"
has "$tmp/zh.txt" "高新技术企业数：政府工作报告、科技局发布、统计局报告。"
has "$tmp/zh.txt" "比全国低0.18个百分点"
# Published growth rates on real data (tests/cases/kind-wdi-real: the
# World Bank's GDP in current US$ and its real growth, NY.GDP.MKTP.KD.ZG,
# linked by real_growth): the growth rate as grown, the nominal amount
# with its change in real terms, in both languages; from 2014 (k*.pdf)
# and all its years (kall*.pdf)
k=tests/cases/kind-wdi-real
kin="$k/API_BRA_DS2_en_csv_v2_2392.csv $k/indicators.csv $k/regions.csv"
for l in en zh; do
    "$bin" report -q --lang $l --from 2014 -o "$tmp/k$l.pdf" $kin \
        2>/dev/null || ko "report --lang $l of $k failed"
    "$bin" report -q --lang $l -o "$tmp/kall$l.pdf" $kin \
        2>/dev/null || ko "report --lang $l of $k, all years, failed"
done
pdftotext "$tmp/ken.pdf" - | tr -s ' \n' ' ' >"$tmp/ken.txt"
has "$tmp/ken.txt" "Real GDP in Brazil grew by 2.9% in 2023."
has "$tmp/ken.txt" "GDP in Brazil reached 2.17 trillion US$ in current prices in 2023, up 2.9% on 2022 in real terms, down 11.5% since 2014 in current prices."
pdftotext "$tmp/kzh.pdf" - | tr -d ' \n' >"$tmp/kzh.txt"
has "$tmp/kzh.txt" "2023年巴西实际国内生产总值增长2.9%。"
has "$tmp/kzh.txt" "2023年巴西国内生产总值按当年价格计算为21736.66亿美元，按可比价格计算比上年增长2.9%，按当年价格计算比2014年下降11.5%。"
# the note on published changes and current prices, only where they are
has "$tmp/ken.txt" "Growth rates and indexes are changes as published: a growth rate is the percent change on the year before;"
has "$tmp/kzh.txt" "增长率和指数为公布的变化：增长率为比上年增长的百分比；"
grep -qF "Growth rates and indexes" "$tmp/a1.txt" &&
    ko "the example brief has the note on growth rates and indexes" || ok
# all its years, with the changes that mean something: the nominal
# amount's multiple (×5.1 since 1989) in place of its percent since,
# beside its change on the year before in real terms; the growth rate,
# negative in some years, in points, never a multiple
pdftotext "$tmp/kallen.pdf" - | tr -s ' \n' ' ' >"$tmp/kallen.txt"
has "$tmp/kallen.txt" "GDP in Brazil reached 2.17 trillion US\$ in current prices in 2023, up 2.9% on 2022 in real terms. It was 5.1 times its 1989 level."
has "$tmp/kallen.txt" "2.17 trillion US\$ 2023 ×5.1 4.9% – 2.9% 2023 −5.7 pp −5.7 pp"
grep -qE 'since 1989 in current prices|410\.7%|Real GDP[^.]*times' \
    "$tmp/kallen.txt" &&
    ko "kallen.pdf: a percent beside the multiple, or a growth rate's multiple" ||
    ok
pdftotext "$tmp/kallzh.pdf" - | tr -d ' \n' >"$tmp/kallzh.txt"
has "$tmp/kallzh.txt" "2023年巴西国内生产总值按当年价格计算为21736.66亿美元，按可比价格计算比上年增长2.9%。是1989年的5.1倍。"
# A series that starts at or below zero or crosses it is told by its
# change in the unit, never in percent; from three times its start a
# series is told by its multiple; a record with its span (ten years or
# more). Published World Bank series (tests/data/worldbank/README.md).
wb=tests/data/worldbank
"$bin" report -q -o "$tmp/wb.pdf" $wb/ || ko "report of $wb failed"
pdftotext "$tmp/wb.pdf" - | tr -s ' \n' ' ' >"$tmp/wb.txt"
has "$tmp/wb.txt" "Net migration in Brazil fell by 45,401 persons to 6,000 persons between 1960 and 2023."
has "$tmp/wb.txt" "Current account balance in Brazil fell by 23.9 billion US\$ to −30.8 billion US\$ between 1975 and 2023."
has "$tmp/wb.txt" "External balance on goods and services in Brazil rose by 36.7 billion US\$ to 51.4 billion US\$ between 1989 and 2023. The 2023 value was the highest since 1989."
has "$tmp/wb.txt" "GDP in Brazil reached 2.17 trillion US\$ in 2023, up 11.4% on 2022. It was 5.1 times its 1989 level."
has "$tmp/wb.txt" "Net migration 6,000 persons 2023 −45,401 persons"
has "$tmp/wb.txt" "−30.8 billion US\$ 2023 −23.9 billion US\$ – –"
has "$tmp/wb.txt" "GDP 2.17 trillion US\$ 2023 ×5.1 4.9%"
# the change in the unit and the multiple printed: their definitions too
has "$tmp/wb.txt" "Change: the latest value minus the first, in the unit."
has "$tmp/wb.txt" "Multiple (×): latest / first"
hasnt "$tmp/wb.txt" "Forecast:"
grep -qE '[0-9]%.{0,40}(fell|rose) by|since 1960|since 1975|410\.7%' "$tmp/wb.txt" &&
    ko "wb.pdf: a percent of a series across zero, or GDP's percent" || ok
"$bin" report -q --lang zh -o "$tmp/wbzh.pdf" $wb/ || ko "report --lang zh of $wb failed"
w=$(latin_words "$tmp/wbzh.pdf")
[ -z "$w" ] && ok || ko "wbzh.pdf: English words in a Chinese brief:" $w
pdftotext "$tmp/wbzh.pdf" - | tr -d ' \n' >"$tmp/wbzh.txt"
has "$tmp/wbzh.txt" "1960—2023年，巴西净迁移人口减少45401人，降至6000人。"
has "$tmp/wbzh.txt" "1975—2023年，巴西经常账户差额减少238.60亿美元，降至−308.28亿美元。"
has "$tmp/wbzh.txt" "2023年的数值为1989年以来最高。"
has "$tmp/wbzh.txt" "比上年增长11.4%。是1989年的5.1倍。"
has "$tmp/wbzh.txt" "国内生产总值21736.66亿美元20235.1倍4.9%"


# data quality: the screen's findings for the brief's indicators (Sichuan's
# patents stop in 2013), in both languages; a series with a flagged break
# told from the break; clean data get no screening note
has "$tmp/a1.txt" "Patents granted (all types), Sichuan, 2013: stale series: the last value is 46,171 patents in 2013, 9 years behind the indicator"
has "$tmp/zh.txt" "专利授权量，四川，2013年：数据滞后：最新数值为2013年的4.62万件，比该指标最新年份（2022年）滞后9年。"
mkdir -p "$tmp/brk"
printf 'indicator,region,year,value,flags\nx,A,2016,100,\nx,A,2017,110,\nx,A,2018,90,b\nx,A,2019,95,\nx,A,2020,99,\n' >"$tmp/brk/data.csv"
"$bin" report -o "$tmp/brk.pdf" "$tmp/brk/data.csv" || ko "report of a break failed"
pdftotext "$tmp/brk.pdf" - | tr -s ' \n' ' ' >"$tmp/brk.txt"
has "$tmp/brk.txt" "up 4.2% on 2019 and 10.0% since the series break in 2018."
has "$tmp/brk.txt" "x, A, 2018: series break: flagged by the publisher as a break in the series: 90, after 110 in 2017."
"$bin" report --lang zh -o "$tmp/brkzh.pdf" "$tmp/brk/data.csv" || ko "report --lang zh of a break failed"
pdftotext "$tmp/brkzh.pdf" - | tr -d ' \n' >"$tmp/brkzh.txt"
has "$tmp/brkzh.txt" "比上年增长4.2%，自2018年序列断点以来增长10.0%。"
has "$tmp/brkzh.txt" "x，A，2018年：序列断点：发布机构标注为序列断点：90，此前2017年为110。"
printf 'indicator,region,year,value\nx,A,2018,100\nx,A,2019,105\nx,A,2020,110\n' >"$tmp/brk/data.csv"
"$bin" report -o "$tmp/clean.pdf" "$tmp/brk/data.csv" || ko "report of clean data failed"
pdftotext "$tmp/clean.pdf" - | tr -s ' \n' ' ' >"$tmp/clean.txt"
has "$tmp/clean.txt" "No gaps, single values or flags."
grep -qE "series break in|level shift|stale series|slip|rounded" "$tmp/clean.txt" &&
    ko "clean data got a screening note" || ok
# report --label reaches the brief's line charts of many regions: a
# spec's line chart of 12 regions names the focus and the labelled ones
# in colour, the rest grey (its caption counts them); --label wins over
# the spec's labels, as in charts
mkdir "$tmp/lab"
awk 'BEGIN { print "indicator,region,year,value";
             for (r = 0; r < 12; r++) for (y = 2020; y <= 2022; y++)
                 printf "gdp,R%02d,%d,%d\n", r, y, 100 + 7 * r + 3 * (y - 2020) }' \
    >"$tmp/lab/data.csv"
printf 'data: [data.csv]\nsections:\n  - charts:\n      - indicator: gdp\n        type: line\n' >"$tmp/lab/plain.yaml"
cp "$tmp/lab/plain.yaml" "$tmp/lab/named.yaml"
printf '        labels: [R07, R09]\n' >>"$tmp/lab/named.yaml"
lab() {   # lab NAME SPEC ARGS...: the brief's text, spaces and lines out
    name=$1 spec=$2
    shift 2
    (cd "$tmp/lab" && "$TOP/$bin" report -q --spec "$spec" --focus R00 \
        -o "$name.pdf" "$@") || ko "report --spec $spec $* failed"
    pdftotext "$tmp/lab/$name.pdf" - | tr -d ' \n' >"$tmp/lab/$name.txt"
}
lab none plain.yaml
has "$tmp/lab/none.txt" "Grey:theother11regions."
lab one plain.yaml --label R07
has "$tmp/lab/one.txt" "Grey:theother10regions."
lab one-zh plain.yaml --label R07 --lang zh
has "$tmp/lab/one-zh.txt" "灰色：其余10个地区。"
lab spec named.yaml
has "$tmp/lab/spec.txt" "Grey:theother9regions."
lab wins named.yaml --label R05 --lang zh
has "$tmp/lab/wins.txt" "灰色：其余10个地区。"
# the default title names the topic the indicators share (topic,
# topic_zh in indicators.csv), in the brief's language; one indicator
# without it gives the count; a spec's title still wins
topic() {   # topic DIR NAME ARGS...: the title line of DIR's brief
    dir=$1 name=$2
    shift 2
    (cd "$dir" && "$TOP/$bin" report -q --focus Alpha -o "$name.pdf" "$@" .) ||
        ko "report $dir $* failed"
    pdftotext "$dir/$name.pdf" - | head -n 1 >"$dir/$name.txt"
}
mkdir "$tmp/topic" "$tmp/topic1"
cp tests/data/topic/data.csv tests/data/topic/indicators.csv "$tmp/topic/"
cp tests/data/topic/data.csv "$tmp/topic1/"
sed '3s/,Science and technology,科学技术$/,,/' tests/data/topic/indicators.csv \
    >"$tmp/topic1/indicators.csv"
topic "$tmp/topic" en
has "$tmp/topic/en.txt" "Alpha: Science and technology, 2022"
topic "$tmp/topic" zh --lang zh
has "$tmp/topic/zh.txt" "Alpha：科学技术（2022年）"
topic "$tmp/topic1" en
has "$tmp/topic1/en.txt" "Alpha: 2 indicators, 2022"
topic "$tmp/topic1" zh --lang zh
has "$tmp/topic1/zh.txt" "Alpha：2项指标（2022年）"
printf 'title: Research in Alpha\n' >"$tmp/topic/spec.yaml"
topic "$tmp/topic" spec --spec spec.yaml
has "$tmp/topic/spec.txt" "Research in Alpha"
# libqpdf is loaded when a brief needs it, not at every start
# (reports/qpdflib.h): check never loads it, a brief does; a brief whose
# libqpdf cannot be loaded exits 70, says why, and keeps the old brief
LD_DEBUG=files "$bin" check -q $ex >/dev/null 2>"$tmp/ld"
grep -q "file=libqpdf" "$tmp/ld" && ko "check loaded libqpdf" || ok
LD_DEBUG=files "$bin" report -q -o "$tmp/ld.pdf" $ex 2>"$tmp/ld"
grep -q "file=libqpdf.*dynamically loaded" "$tmp/ld" && ok ||
    ko "the brief did not load libqpdf"
cp "$tmp/a.pdf" "$tmp/kept.pdf"
SB_QPDF_LIB=libstatbrief-missing.so.0 "$bin" report -q --force \
    -o "$tmp/a.pdf" $ex 2>"$tmp/noq"
st=$?
[ $st = 70 ] && ok || ko "a brief without libqpdf exited $st, not 70"
has "$tmp/noq" "cannot load libqpdf: libstatbrief-missing.so.0: cannot open shared object file"
cmp -s "$tmp/a.pdf" "$tmp/kept.pdf" && ok || ko "the old brief was not kept"
pdftoppm -r 50 -f 1 -l 2 -png "$tmp/a.pdf" "$tmp/p"
for n in 1 2; do
    golden brief-page$n.png "$tmp/p-$n.png"
done
summary
