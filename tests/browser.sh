#!/bin/sh
# tests/browser.sh BIN -- pages checked in a real browser: Debian's chromium,
# headless, driven by tests/browser/check.js (puppeteer-core, axe-core,
# html-validate from node_modules, which tools/install-deps.sh installs from
# package-lock.json). For each page, at 360 and 1280 px wide: a screenshot
# into tests/browser-out/ (kept for a person to look at), no element outside
# the viewport, the charts' text no smaller than a phone can read (no
# font's tallest glyph under 6 px), no axe violation of serious or critical impact; once: no id
# repeated or referred to and missing, no request to anything but the
# file, html-validate with .htmlvalidate.json (a rule off only with its
# reason).
#
# The pages: the fixtures of tests/browser/fixtures/ — good.html and
# good-zh.html must pass every check; each NAME.defect makes NAME.html, the
# good page with one defect, which must fail exactly the checks its
# "expect:" lines name (WIDTH CHECK TEXT: the check fails and its message
# holds TEXT) and pass the rest, so each check is seen to fail when it
# should — and the example brief written by BIN report --format html, in
# English and Chinese, and a foreach batch's index.html, which must pass
# every check.
set -u
suite=browser
. tests/lib.sh
bin=$1
out=tests/browser-out
fixtures=tests/browser/fixtures

needs node chromium
if [ ! -f node_modules/puppeteer-core/package.json ] ||
   [ ! -f node_modules/axe-core/axe.min.js ] ||
   [ ! -f node_modules/html-validate/package.json ]; then
    ko "node_modules lacks puppeteer-core, axe-core or html-validate (tools/install-deps.sh installs them)"
    summary
    exit 1
fi

rm -rf "$out"
mkdir -p "$out/pages"
cp "$fixtures"/good.html "$fixtures"/good-zh.html "$out/pages/"

# NAME.defect applied to good.html: "head:" and "body:" lines replace the
# comments <!-- defect: head --> and <!-- defect: body -->; a line holding
# a "drop:" text is left out
for d in "$fixtures"/*.defect; do
    awk -v defect="$d" '
        BEGIN {
            while ((getline l < defect) > 0) {
                if (l ~ /^head: /) head = head substr(l, 7) "\n"
                else if (l ~ /^body: /) body = body substr(l, 7) "\n"
                else if (l ~ /^drop: /) drop[++n] = substr(l, 7)
            }
        }
        /^<!-- defect: head -->$/ { printf "%s", head; next }
        /^<!-- defect: body -->$/ { printf "%s", body; next }
        { for (i = 1; i <= n; i++) if (index($0, drop[i])) next; print }
    ' "$fixtures/good.html" >"$out/pages/$(basename "$d" .defect).html"
done

# html_page FILE WHAT DIR CMD...: CMD, run in DIR, writes FILE, a page to
# check
pages=""
html_page() {
    file=$1 what=$2 dir=$3
    shift 3
    if (cd "$dir" && exec "$@") >"$tmp/report" 2>&1 && [ -s "$file" ]; then
        pages="$pages $file"
    else
        ko "$what: report --format html failed: $(head -n 3 "$tmp/report")"
    fi
}
top=$(pwd)
case $bin in /*) ;; *) bin=$top/$bin ;; esac
for lang in en zh; do
    html_page "$out/brief-$lang.html" "the example brief ($lang)" . \
        "$bin" report --format html --lang "$lang" -o "$out/brief-$lang.html" \
        examples/chongqing/
done
# a foreach batch's index.html (its briefs are pages of the same backend)
mkdir -p "$out/batch"
cat >"$out/batch/spec.yaml" <<YAML
data: [$top/examples/chongqing/data.csv]
metadata: [$top/examples/chongqing/indicators.csv, $top/examples/chongqing/regions.csv]
foreach:
  regions: [Chongqing, Sichuan]
output: "out/{region}/brief-{year}.pdf"
YAML
html_page "$out/batch/out/index.html" "a foreach batch's index.html" "$out/batch" \
    "$bin" report -q --spec spec.yaml --format html

# shellcheck disable=SC2086  # $pages: file names without blanks, made above
node tests/browser/check.js "$out" "$out"/pages/*.html $pages \
    >"$tmp/lines" 2>"$tmp/node-err"
status=$?
if [ $status != 0 ]; then
    ko "tests/browser/check.js exited $status: $(grep "	fail	" "$tmp/lines" | tail -n 3) $(tail -n 5 "$tmp/node-err")"
fi

tab=$(printf '\t')
# a page's result lines (PAGE WIDTH CHECK STATUS DETAIL) against what it
# should give: "expect" lines "WIDTH CHECK TEXT" for the checks that fail
check_page() {
    label=$1 expect=$2
    grep "^$label$tab" "$tmp/lines" >"$tmp/page" || true
    n=$(wc -l <"$tmp/page")
    # two widths × (screenshot, overflow, chart-text, axe), then ids,
    # requests and html-validate
    [ "$n" = 11 ] && ok || ko "$label: $n result lines, not 11"
    while IFS="$tab" read -r _ width check result detail; do
        want=$(grep "^$width $check " "$expect" | sed "s/^[^ ]* [^ ]* //")
        if [ -z "$want" ]; then
            [ "$result" = pass ] && ok || ko "$label $width $check: $detail"
        elif [ "$result" != fail ]; then
            ko "$label $width $check passed; it should fail with \"$want\""
        else
            case $detail in
            *"$want"*) ok ;;
            *) ko "$label $width $check failed without \"$want\": $detail" ;;
            esac
        fi
    done <"$tmp/page"
    # every expected failure was seen
    while read -r width check want; do
        grep -q "^$label$tab$width$tab$check$tab" "$tmp/page" && ok ||
            ko "$label: no $width $check line (expected to fail with \"$want\")"
    done <"$expect"
}

echo "chromium: $(grep "^-$tab-${tab}launch$tab" "$tmp/lines" | cut -f 5)"
grep -q "^-$tab-${tab}launch${tab}pass" "$tmp/lines" && ok ||
    ko "chromium did not start: $(grep "launch" "$tmp/lines") $(tail -n 5 "$tmp/node-err")"
: >"$tmp/none"
check_page good "$tmp/none"
check_page good-zh "$tmp/none"
for d in "$fixtures"/*.defect; do
    sed -n 's/^expect: //p' "$d" >"$tmp/expect"
    check_page "$(basename "$d" .defect)" "$tmp/expect"
done
for page in $pages; do
    check_page "$(basename "$page" .html)" "$tmp/none"
done

# .htmlvalidate.json turns a rule off only with its reason in the "//"
# object (JSON has no comments): shown on noalt.html, whose one message
# is wcag/h37, with configs of one rule off
validate_with() {
    printf '%s\n' "$2" >"$tmp/config.json"
    HTMLVALIDATE_CONFIG=$tmp/config.json node tests/browser/check.js \
        --validate-only "$out" "$out/pages/noalt.html" 2>&1 | cut -f 4- >"$tmp/got"
    case $(cat "$tmp/got") in
    "$1"*) ok ;;
    *) ko "html-validate with $2: $(cat "$tmp/got"), not \"$1\"" ;;
    esac
}
validate_with "fail${tab}config.json: rule wcag/h37 is off without a reason" \
    '{"extends": ["html-validate:recommended"], "rules": {"wcag/h37": "off"}}'
validate_with "pass" \
    '{"extends": ["html-validate:recommended"], "rules": {"wcag/h37": "off"}, "//": {"wcag/h37": "a reason"}}'
validate_with "fail${tab}config.json: \"//\" gives a reason for wcag/h37, which is not off" \
    '{"extends": ["html-validate:recommended"], "//": {"wcag/h37": "a reason"}}'

summary
[ "$fail" = 0 ]
