#!/bin/sh
# tests/example.sh BIN -- the example data set: `check --dump` must print
# exactly the values of examples/chongqing/data.csv (which is
# shared/data/data.csv), derived here independently with awk: published
# trailing zeros dropped, sorted by indicator, region, year.
set -u
bin=$1
suite=example
. tests/lib.sh

data=examples/chongqing/data.csv
{
    echo "indicator,region,year,value"
    tail -n +2 "$data" | awk -F, '{ v = $4
        if (v ~ /\./) { sub(/0+$/, "", v); sub(/\.$/, "", v) }
        print $1 "," $2 "," $3 "," v }' | LC_ALL=C sort -t, -k1,1 -k2,2 -k3,3n
} >"$tmp/expected"
"$bin" check --dump examples/chongqing/ >"$tmp/dump" 2>"$tmp/err"
status=$?
[ $status = 0 ] && ok || ko "check --dump exited $status"
[ -s "$tmp/err" ] && ko "stderr: $(cat "$tmp/err")" || ok
if cmp -s "$tmp/expected" "$tmp/dump"; then ok; else
    ko "dump differs from $data"; diff "$tmp/expected" "$tmp/dump" | head
fi
[ "$(wc -l <"$tmp/dump")" = 90 ] && ok || ko "expected 89 values"

# The example folder holds the shared figures unchanged, when shared/ is
# beside the repository (as on CI and developer machines).
for f in data.csv indicators.csv regions.csv; do
    if [ -f "../shared/data/$f" ]; then
        cmp -s "../shared/data/$f" "examples/chongqing/$f" && ok ||
            ko "examples/chongqing/$f differs from shared/data/$f"
    fi
done
# The sources table is documentation: it must not be loaded.
"$bin" check examples/chongqing/ 2>&1 | grep -q 'sources' &&
    ko "sources/ was loaded" || ok
summary
