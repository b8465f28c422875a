#!/bin/sh
# tests/html.sh BIN -- the brief as a web page (report --format html):
# the example brief in English and Chinese (default and spec) against
# golden pages (tests/golden/html-*.html: each chart's drawing left out,
# its title and description kept), the same sentences, numbers and table
# cells as the PDF of the same run (pdftotext), the page's rules
# (tests/html_check.py: one h1, headings in order, captions and th
# scope, ids, links to sections, a skip link, lang, viewport, SVG with
# role, title and desc, nothing fetched), xmllint's HTML parser, the
# same bytes twice, the file names of --format and -o, a bad --format,
# the state and manifest, and a foreach batch's index.html.
# Ends "html: N passed, M failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
suite=html
. tests/lib.sh
needs pdftotext xmllint python3
export SOURCE_DATE_EPOCH=1700000000 LC_ALL=C.UTF-8
ex=examples/chongqing
check=tests/html_check.py

# golden NAME PAGE: PAGE in the golden's form equals tests/golden/NAME
page_golden() {
    python3 "$check" golden "$2" >"$tmp/g-$1"
    if cmp -s "tests/golden/$1" "$tmp/g-$1"; then
        ok
    else
        mkdir -p "$keep"
        cp "$tmp/g-$1" "$keep/new-$1"
        ko "$2 differs from tests/golden/$1 (new: $keep/new-$1)"
        diff "tests/golden/$1" "$tmp/g-$1" | head -20
    fi
}

brief_checks() { # NAME: the rules and the PDF's sentences
    python3 "$check" structure "$tmp/$1.html" >"$tmp/$1.rules" &&
        ok || ko "$1.html breaks rules: $(head -5 "$tmp/$1.rules")"
    pdftotext "$tmp/$1.pdf" "$tmp/$1.txt"
    python3 "$check" sentences "$tmp/$1.html" "$tmp/$1.txt" >"$tmp/$1.sent" &&
        ok || ko "$1.html says what the PDF does not: $(sed -n 2,4p "$tmp/$1.sent")"
}

# brief NAME ARGS...: report --format pdf,html -o $tmp/NAME, then the
# page's rules, the PDF's sentences, the golden, xmllint
brief() {
    name=$1
    shift
    "$bin" report -q --format pdf,html -o "$tmp/$name" "$@" ||
        ko "report $name failed"
    [ -f "$tmp/$name.pdf" ] && [ -f "$tmp/$name.html" ] && ok ||
        ko "$name: not both $name.pdf and $name.html"
    brief_checks "$name"
    page_golden "html-$name.html" "$tmp/$name.html"
    # HTML 4's parser knows no main, section, figure or SVG element; any
    # other complaint is a page that does not parse
    xmllint --html --noout "$tmp/$name.html" 2>&1 |
        grep "error :" | grep -v "error : Tag [a-zA-Z]* invalid" >"$tmp/$name.xl"
    [ -s "$tmp/$name.xl" ] && ko "xmllint: $(head -3 "$tmp/$name.xl")" || ok
}

brief en $ex
brief zh --lang zh $ex
brief spec-zh --spec $ex/brief-zh.yaml
has "$tmp/en.html" '<html lang="en">'
has "$tmp/zh.html" '<html lang="zh-CN">'
# the first key finding, linked to its section, and the same words as
# the PDF's (pdftotext, lines joined)
has "$tmp/en.html" '<li><a href="#sec-high_tech_enterprises">High-tech enterprises (certified, stock) in Chongqing reached 6,348 enterprises in 2022, up 24.3% on 2021 and 153.5% since 2018.'
has "$tmp/zh.html" '2022年重庆高新技术企业数6348家，比上年增长24.3%，比2018年增长153.5%。'
# numbers right-aligned, the focus row stands out, the first column
# heads its row
has "$tmp/en.html" '<th scope="col" class="num">Latest</th>'
has "$tmp/en.html" '<tr class="focus"><th scope="row">Chongqing</th><td class="num">52.7</td>'
# a chart: the text alternative as its description, in both drawings
# (the PDF's and the phone's: 150 pt wide, as tall as the PDF's 215 pt
# in lines of text, 215 / (215 / 31) x 5.5 = 170.5), each with its ids
grep -q '<svg viewBox="0 0 487.276[0-9]* [0-9.]*" class="chart wide" role="img" aria-labelledby="g[0-9]*-t" aria-describedby="g[0-9]*-d"><title id="g[0-9]*-t">R&amp;D expenditure</title><desc id="g[0-9]*-d">Line chart of R&amp;D expenditure' "$tmp/en.html" &&
    ok || ko "en.html: no chart of R&D expenditure with its title and description"
for lang in en zh; do
    grep -q '<svg viewBox="0 0 150 170.5" class="chart phone" role="img" aria-labelledby="g[0-9]*-t" aria-describedby="g[0-9]*-d"><title id="g[0-9]*-t">' "$tmp/$lang.html" &&
        ok || ko "$lang.html: no phone drawing 150 x 170.5 with its title"
done
# the same name in both (sparklines are g1 to g5)
has "$tmp/zh.html" '<title id="g6-t">研究与试验发展(R&amp;D)经费</title>'
has "$tmp/zh.html" '<title id="g7-t">研究与试验发展(R&amp;D)经费</title>'
# a page with one drawing per chart breaks the rule
sed 's/class="chart phone"/class="chart"/' "$tmp/zh.html" >"$tmp/bad.html"
python3 "$check" structure "$tmp/bad.html" >"$tmp/bad.rules" &&
    ko "a chart drawn once passed the rules" || ok
has "$tmp/bad.rules" "figure 1: drawings ['chart wide', 'chart'], not the PDF's and the phone's"

# the World Bank's GDP download: an overview of 265 countries and
# aggregates, whose indicator code has dots: its anchor is an id every
# validator takes, and the findings link to it
wb=tests/portals/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.csv
"$bin" report -q --format pdf,html -o "$tmp/wb" $wb || ko "report of the World Bank file failed"
brief_checks wb
# a ranking chart's phone drawing follows its rows: the World Bank
# overview's 39 (15 top ranks, the gap, 15 bottom, 8 aggregates) at the
# least text, 5.5 pt, two lines a row under an 8.5-line frame
# (plot_chart_height_mm): 5.5 x (8.5 + 2 x 39) = 475.75
has "$tmp/wb.html" '<svg viewBox="0 0 150 475.75" class="chart phone"'
has "$tmp/wb.html" '<h2 id="sec-NY_2eGDP_2eMKTP_2eCD">'

# the check fails on a sentence the PDF does not have, and on a page
# that breaks a rule
sed 's/6,348 enterprises in 2022/6,349 enterprises in 2022/' "$tmp/en.html" >"$tmp/bad.html"
python3 "$check" sentences "$tmp/bad.html" "$tmp/en.txt" >/dev/null &&
    ko "a changed number passed the sentence check" || ok
sed 's/<h2 id="findings">\(.*\)<\/h2>/<h3>\1<\/h3>/; s/ scope="row"//' "$tmp/en.html" >"$tmp/bad.html"
python3 "$check" structure "$tmp/bad.html" >"$tmp/bad.rules" &&
    ko "a skipped heading level passed the rules" || ok
has "$tmp/bad.rules" "h3 after h1: a level skipped"
has "$tmp/bad.rules" "a th without scope"

# text is escaped: a title with markup characters stays text
"$bin" report -q --format html --title "<b>R&D</b> \"x\" 'y'" -o "$tmp/esc.html" $ex ||
    ko "report --title failed"
has "$tmp/esc.html" "<h1>&lt;b&gt;R&amp;D&lt;/b&gt; &quot;x&quot; &#39;y&#39;</h1>"
has "$tmp/esc.html" "<title>&lt;b&gt;R&amp;D&lt;/b&gt; &quot;x&quot; &#39;y&#39;</title>"
python3 "$check" structure "$tmp/esc.html" >"$tmp/esc.rules" && ok ||
    ko "esc.html breaks rules: $(head -3 "$tmp/esc.rules")"

# the same bytes on a second run
mkdir "$tmp/again"
"$bin" report -q --format html -o "$tmp/again/en.html" $ex || ko "report --format html failed"
cmp -s "$tmp/en.html" "$tmp/again/en.html" && ok || ko "a second run's page differs"

# file names: one format, -o as given; several, -o less .pdf or .html
# with each format's; no -o, brief-YEAR with the format's
mkdir "$tmp/n" && cd "$tmp/n" || exit 1
"$bin" report -q --format html "$OLDPWD/$ex" && [ -f brief-2022.html ] &&
    [ ! -f brief-2022.pdf ] && ok || ko "--format html: no brief-2022.html alone"
"$bin" report -q --format pdf,html -o x.pdf "$OLDPWD/$ex" && [ -f x.pdf ] &&
    [ -f x.html ] && ok || ko "--format pdf,html -o x.pdf: not x.pdf and x.html"
"$bin" report -q --format html,pdf -o y.html "$OLDPWD/$ex" && [ -f y.pdf ] &&
    [ -f y.html ] && ok || ko "--format html,pdf -o y.html: not y.pdf and y.html"
# a page is never written under the PDF's name
"$bin" report -q --format html -o z.pdf "$OLDPWD/$ex" && [ -f z.html ] &&
    [ ! -f z.pdf ] && ok || ko "--format html -o z.pdf: not z.html alone"
cd "$OLDPWD" || exit 1
# the run's state and manifest know the page; unchanged input: nothing
# written
grep -q '"path": *"brief-2022.html"' "$tmp/n/statbrief-manifest.json" && ok ||
    ko "the manifest lacks brief-2022.html"
(cd "$tmp/n" && "$bin" report --format html "$OLDPWD/$ex" 2>"$tmp/n.err") || ko "rerun failed"
has "$tmp/n.err" "nothing changed"
# a bad --format: usage (64)
"$bin" report --format docx $ex 2>"$tmp/bad.err"
[ $? = 64 ] && ok || ko "--format docx: not 64"
has "$tmp/bad.err" '--format: "docx" is not pdf, html or pdf,html'

# a foreach batch: index.html lists every brief with its key figure
mkdir "$tmp/b"
cat >"$tmp/b/s.yaml" <<YAML
data: [$PWD/$ex/data.csv]
metadata: [$PWD/$ex/indicators.csv, $PWD/$ex/regions.csv]
foreach:
  regions: [Chongqing, Sichuan]
output: "out/{region}/brief-{year}.pdf"
YAML
(cd "$tmp/b" && "$bin" report -q --spec s.yaml --format html) || ko "the batch failed"
python3 "$check" index "$tmp/b/out/index.html" >"$tmp/b/index.txt" && ok ||
    ko "index.html does not parse"
printf '%s\t%s\t%s\n' \
    "Chongqing/brief-2022.html" "Chongqing: 11 indicators, 2022" \
    "High-tech enterprises (certified, stock) in Chongqing reached 6,348 enterprises in 2022, up 24.3% on 2021 and 153.5% since 2018. It more than doubled since 2018." \
    "Sichuan/brief-2018.html" "Sichuan: 11 indicators, 2018" \
    "R&amp;D expenditure in Sichuan reached 121.5 billion yuan in 2022, unchanged on 2021 but up 116.4% since 2016. It more than doubled since 2016." \
    >"$tmp/b/want.txt"
cmp -s "$tmp/b/want.txt" "$tmp/b/index.txt" && ok ||
    ko "index.html: $(diff "$tmp/b/want.txt" "$tmp/b/index.txt" | head -5)"
python3 "$check" structure "$tmp/b/out/index.html" >"$tmp/b/rules" && ok ||
    ko "index.html breaks rules: $(head -3 "$tmp/b/rules")"
# --jobs 2: the same pages and index (read back from the workers' pages)
(cd "$tmp/b" && "$bin" report -q --spec s.yaml --format html --jobs 2 -o "j/{region}/brief-{year}.pdf") ||
    ko "the batch with --jobs 2 failed"
for f in index.html Chongqing/brief-2022.html Sichuan/brief-2018.html; do
    cmp -s "$tmp/b/out/$f" "$tmp/b/j/$f" && ok || ko "--jobs 2: $f differs"
done
# --max-outputs counts the index: two pages and it are 3 files
(cd "$tmp/b" && "$bin" report --spec s.yaml --format html --max-outputs 2 -o "max/{region}.html" 2>max.err)
[ $? = 73 ] && ok || ko "--max-outputs 2 for two pages and the index: not 73"
has "$tmp/b/max.err" "this run would write 3 files, more than --max-outputs 2"
(cd "$tmp/b" && "$bin" report --spec s.yaml --format html 2>err) || ko "batch rerun failed"
has "$tmp/b/err" "nothing changed, 3 files up to date"

summary
