#!/bin/sh
# tests/overview.sh BIN -- a brief without a focus region: no --focus,
# none in the spec, no region named by regions.csv, three peers or more
# with data. Its title, sentences (English and Chinese, exact numbers:
# ends, median and quartiles, movers) and tables (ranks, aggregates
# beside them unranked) on a small panel, by pdftotext; the World Bank
# download of R&D spending (265 countries and aggregates, the first of
# them without data); and the briefs that stay about a focus region.
# Ends "overview: N passed, M failed".
set -u
bin=$1
suite=overview
. tests/lib.sh
export SOURCE_DATE_EPOCH=1700000000 LC_ALL=C
words() { pdftotext "$1" - | tr -s ' \n' ' ' >"$2"; }
words_zh() { pdftotext "$1" - | tr -d ' \n' >"$2"; }

# seven peers and an aggregate (World: regions.csv names no peer)
p=$tmp/p
mkdir "$p"
printf 'id,name,name_zh,unit,unit_zh,decimals,kind,higher_is_better\nrd,R&D intensity,研发投入强度,%% of GDP,%%,1,rate,yes\n' >"$p/indicators.csv"
printf 'region,name_zh,role\nWorld,世界,aggregate\n' >"$p/regions.csv"
{
    echo "indicator,region,year,value"
    for r in "A 1.0 3.0" "B 2.0 2.4" "C 1.5 1.0" "D 0.5 0.6" "E 4.0 2.0" \
             "F 0.8 0.8" "G 1.2 1.4" "World 1.8 2.1"; do
        set -- $r
        echo "rd,$1,2018,$2"
        echo "rd,$1,2022,$3"
    done
} >"$p/data.csv"
"$bin" report -q -o "$tmp/o.pdf" "$p" 2>/dev/null && ok || ko "overview failed"
words "$tmp/o.pdf" "$tmp/o.txt"
has "$tmp/o.txt" "Overview: R&D intensity, 2022 Period covered: 2018–2022."
has "$tmp/o.txt" "In 2022, A had the highest value, 3.0% of GDP, and D the lowest, 0.6% of GDP; the median of 7 regions was 1.4% of GDP, the middle half between 0.9% of GDP and 2.2% of GDP."
has "$tmp/o.txt" "From 2018 to 2022 the largest rise was A’s, +2.0 percentage points, and the largest fall E’s, −2.0 percentage points."
has "$tmp/o.txt" "1 of 7 A 3.0 2 of 7 B 2.4"
# the ranking chart under the heading: every region ranked, World apart
has "$tmp/o.txt" "R&D intensity % of GDP, 2022 1. A 3.0 2. B 2.4 3. E 2.0"
has "$tmp/o.txt" "7. D 0.6 World 2.1"
has "$tmp/o.txt" "Below the line: aggregates, not ranked."
has "$tmp/o.txt" "7 of 7 D 0.6 World 2.1 aggregate"
hasnt "$tmp/o.txt" "of 8"
has "$tmp/o.txt" "Largest movers Region 2018 (% of GDP) 2022 (% of GDP) Change A 1.0 3.0 +2.0 pp"
"$bin" report -q --lang zh -o "$tmp/oz.pdf" "$p" 2>/dev/null && ok || ko "overview --lang zh failed"
words_zh "$tmp/oz.pdf" "$tmp/oz.txt"
has "$tmp/oz.txt" "概览：研发投入强度（2022年）"
has "$tmp/oz.txt" "2022年，A最高，为3.0%；D最低，为0.6%；7个地区的中位数为1.4%，中间一半地区介于0.9%和2.2%之间。"
has "$tmp/oz.txt" "2018—2022年，A升幅最大（+2.0个百分点），E降幅最大（−2.0个百分点）。"
has "$tmp/oz.txt" "7/7D0.6汇总世界2.1"
has "$tmp/oz.txt" "变化最大的地区"

# a rise without a fall: the movers' sentence names the rise alone
sed 's/^rd,E,2018,4.0$/rd,E,2018,1.0/; s/^rd,C,2018,1.5$/rd,C,2018,0.5/' \
    "$p/data.csv" >"$tmp/up.csv"
mkdir "$tmp/up"
cp "$p/indicators.csv" "$p/regions.csv" "$tmp/up/"
mv "$tmp/up.csv" "$tmp/up/data.csv"
"$bin" report -q -o "$tmp/up.pdf" "$tmp/up" 2>/dev/null && ok || ko "overview of rises failed"
words "$tmp/up.pdf" "$tmp/up.txt"
has "$tmp/up.txt" "From 2018 to 2022 the largest rise was A’s, +2.0 percentage points."
"$bin" report -q --lang zh -o "$tmp/upz.pdf" "$tmp/up" 2>/dev/null && ok || ko "overview of rises --lang zh failed"
words_zh "$tmp/upz.pdf" "$tmp/upz.txt"
has "$tmp/upz.txt" "2018—2022年，A升幅最大（+2.0个百分点）。"

# an indicator with one region at its reference year: its table, no
# sentence that makes it both the highest and the lowest
mkdir "$tmp/one"
cp "$p/indicators.csv" "$p/regions.csv" "$tmp/one/"
printf 'y,Patents,专利,count,,0,count,yes\n' >>"$tmp/one/indicators.csv"
{ cat "$p/data.csv"; echo "y,A,2022,7"; } >"$tmp/one/data.csv"
"$bin" report -q -o "$tmp/one.pdf" "$tmp/one" 2>/dev/null && ok || ko "overview with a lone region failed"
words "$tmp/one.pdf" "$tmp/one.txt"
has "$tmp/one.txt" "Overview: 2 indicators, 2022"
# (and no ranking chart of one bar)
has "$tmp/one.txt" "Patents Rank Region 1 of 1 A 2022 (count) 7"
[ "$(grep -o "had the highest value" "$tmp/one.txt" | wc -l)" -eq 1 ] && ok ||
    ko "a lone region is told as the highest"

# --focus: today's brief about it, its name in the title
"$bin" report -q --focus B -o "$tmp/b.pdf" "$p" 2>/dev/null && ok || ko "report --focus B failed"
words "$tmp/b.pdf" "$tmp/b.txt"
has "$tmp/b.txt" "B: R&D intensity, 2022"
hasnt "$tmp/b.txt" "Overview"
# regions.csv names a peer: the brief is about the first it names
printf 'region,role\nC,\nWorld,aggregate\n' >"$p/regions.csv"
"$bin" report -q --lang zh -o "$tmp/c.pdf" "$p" 2>/dev/null && ok || ko "report with C in regions.csv failed"
words_zh "$tmp/c.pdf" "$tmp/c.txt"
has "$tmp/c.txt" "C：研发投入强度（2022年）"
hasnt "$tmp/c.txt" "概览："
# a spec with sections (the author's text, about a focus) keeps the
# first region as its focus; a spec without sections is an overview
printf 'region,name_zh,role\nWorld,世界,aggregate\n' >"$p/regions.csv"
cat >"$p/s.yaml" <<'YAML'
title: "{focus}: R&D, {year}"
data:
  - path: data.csv
metadata: [indicators.csv, regions.csv]
sections:
  - title: At a glance
    text: "{focus} spent {rd focus value 2022}."
YAML
printf 'title: "R&D {year}"\ndata:\n  - path: data.csv\nmetadata: [indicators.csv, regions.csv]\n' >"$p/s2.yaml"
"$bin" report -q --spec "$p/s.yaml" -o "$tmp/s.pdf" 2>/dev/null && ok || ko "spec with sections failed"
words "$tmp/s.pdf" "$tmp/s.txt"
has "$tmp/s.txt" "A: R&D, 2022"
has "$tmp/s.txt" "A spent 3.0% of GDP."
"$bin" report -q --spec "$p/s2.yaml" -o "$tmp/s2.pdf" 2>/dev/null && ok || ko "spec without sections failed"
words "$tmp/s2.pdf" "$tmp/s2.txt"
has "$tmp/s2.txt" "R&D 2022 Period covered"
has "$tmp/s2.txt" "the median of 7 regions was 1.4% of GDP"
# two peers: a brief about the first, not an overview
mkdir "$tmp/two"
printf 'indicator,region,year,value\nx,P,2020,1\nx,P,2021,2\nx,Q,2020,3\nx,Q,2021,4\n' >"$tmp/two/data.csv"
"$bin" report -q -o "$tmp/two.pdf" "$tmp/two" 2>/dev/null && ok || ko "report of two regions failed"
words "$tmp/two.pdf" "$tmp/two.txt"
has "$tmp/two.txt" "P: x, 2021"

# the World Bank download: Aruba, its first row, has no data
wb=tests/portals/API_GB.XPD.RSDV.GD.ZS_DS2_en_csv_v2_232.csv
"$bin" report -q -o "$tmp/world.pdf" "$wb" && ok || ko "World Bank overview failed"
words "$tmp/world.pdf" "$tmp/world.txt"
has "$tmp/world.txt" "Overview: Research and development expenditure, 2023"
has "$tmp/world.txt" "In 2023, Israel had the highest value,"
has "$tmp/world.txt" "the median of 84 regions was"
has "$tmp/world.txt" "1 of 84 Israel"
has "$tmp/world.txt" "aggregate World"
hasnt "$tmp/world.txt" "Aruba"
"$bin" report -q --lang zh -o "$tmp/worldz.pdf" "$wb" && ok || ko "World Bank overview --lang zh failed"
words_zh "$tmp/worldz.pdf" "$tmp/worldz.txt"
has "$tmp/worldz.txt" "概览：Researchanddevelopmentexpenditure（2023年）"
has "$tmp/worldz.txt" "2023年，Israel最高，为"
has "$tmp/worldz.txt" "84个地区的中位数为"
# the form of a unit without a scale (docs/figures.md): published with
# five decimals, typical value 0.49: two decimals (Israel 6.34589,
# Guatemala 0.00609 in the file)
has "$tmp/world.txt" "In 2023, Israel had the highest value, 6.35% of GDP, and Guatemala the lowest, 0.01% of GDP;"
has "$tmp/world.txt" "1 of 84 Israel 6.35"
hasnt "$tmp/world.txt" "6.34589"
has "$tmp/worldz.txt" "2023年，Israel最高，为6.35%ofGDP；Guatemala最低，为0.01%ofGDP；"
# --focus Aruba: named, with the regions that have data, exit 65
"$bin" report -q --focus Aruba -o "$tmp/aw.pdf" "$wb" 2>"$tmp/aw.err"
[ $? -eq 65 ] && ok || ko "--focus Aruba did not exit 65"
has "$tmp/aw.err" "statbrief: error: the focus region, Aruba, has no values: nothing to brief; choose another with --focus (regions with data: Angola, Albania, Andorra, "
has "$tmp/aw.err" "Belgium, and 183 more)"
[ -f "$tmp/aw.pdf" ] && ko "--focus Aruba wrote a brief" || ok

# the World Bank's country metadata lists every country and names no
# focus: still an overview; a change of three times or more is told as
# a multiple, and a set where every region grew has no falls
gdp=tests/portals/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.csv
meta=tests/portals/Metadata_Country_API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.csv
"$bin" report -q -o "$tmp/gdp.pdf" "$gdp" "$meta" 2>/dev/null && ok || ko "GDP overview failed"
words "$tmp/gdp.pdf" "$tmp/gdp.txt"
has "$tmp/gdp.txt" "Overview: GDP, 2023"
has "$tmp/gdp.txt" "From 1962 to 2023 the largest rise was Equatorial Guinea’s, ×1,328.2. Rank"
# dollars in billions, two decimals for a typical 89.48 billion (United
# States 27360935000000, Tuvalu 62280311.5852172 in the file); Chinese
# in 亿 (895亿: one decimal)
has "$tmp/gdp.txt" "In 2023, United States had the highest value, 27,360.94 billion current US$, and Tuvalu the lowest, 0.06 billion current US$;"
has "$tmp/gdp.txt" "2023 (billion current US$) 1 of 185 United States 27,360.94"
# the ranking chart shows the ends of 185 countries, the aggregates apart;
# the table then ranks every one (Liberia, 163rd, among them)
has "$tmp/gdp.txt" "GDP billion current US\$, 2023 1. United States"
has "$tmp/gdp.txt" "Top 15 and bottom 15 of 185. Below the line: aggregates, not ranked"
has "$tmp/gdp.txt" "of 185 Liberia"
has "$tmp/gdp.txt" "185 of 185 Tuvalu"
"$bin" report -q --lang zh -o "$tmp/gdpz.pdf" "$gdp" "$meta" 2>/dev/null && ok || ko "GDP overview --lang zh failed"
words_zh "$tmp/gdpz.pdf" "$tmp/gdpz.txt"
has "$tmp/gdpz.txt" "1962—2023年，EquatorialGuinea升幅最大（1328.2倍）。排名"
has "$tmp/gdpz.txt" "前15名和后15名（共185个地区）。分隔线下为汇总，不参与排名"
has "$tmp/gdpz.txt" "2023年，UnitedStates最高，为273609.4亿currentUS$；Tuvalu最低，为0.6亿currentUS$；"

# an indicator compared at another year than the brief's says so in its
# heading (OECD: the brief of 2019, daily smokers at 2020)
"$bin" report -q -o "$tmp/oecd.pdf" "tests/portals/OECD.ELS.HD,DSD_HEALTH_LVNG@DF_HEALTH_LVNG_TC,1.0+.A......csv" &&
    ok || ko "OECD overview failed"
words "$tmp/oecd.pdf" "$tmp/oecd.txt"
has "$tmp/oecd.txt" "Overview: 8 indicators, 2019"
has "$tmp/oecd.txt" "Share of population who are daily smokers, 15 years or over, Total (2020) % of population, 2020 1. Indonesia 32.6"
has "$tmp/oecd.txt" "In 2020, Indonesia had the highest value, 32.6% of population"
summary
