#!/bin/sh
# tests/layers.sh -- the source's layering (DESIGN.md, "Pipeline and
# layout"): core/ < input/ < metrics/ < plots/ < reports/ < cli/ <
# statbrief.c. A module (x.c with x.h) may include only modules of its
# own stage or of the stages before it, and no modules may include each
# other in a loop, directly or through others (tsort(1) finds loops).
# Ends "layers: N passed, M failed".
set -u
suite=layers
. tests/lib.sh

rank() {
    case $1 in
    core/*) echo 0 ;; input/*) echo 1 ;; metrics/*) echo 2 ;;
    plots/*) echo 3 ;; reports/*) echo 4 ;; cli/*) echo 5 ;; *) echo 6 ;;
    esac
}

# "FROM TO": module FROM includes a header of module TO (paths without
# the extension; a bare name is in FROM's folder)
for f in statbrief.c core/*.[ch] input/*.[ch] metrics/*.[ch] plots/*.[ch] \
    reports/*.[ch] cli/*.[ch]; do
    from=${f%.*}
    sed -n 's/^#include "\([^"]*\)\.h".*/\1/p' "$f" | while read -r inc; do
        case $inc in */*) to=$inc ;; *) to=$(dirname "$f")/$inc ;; esac
        [ "$to" = "$from" ] || echo "$from $to"
    done
done | sort -u >"$tmp/edges"
[ -s "$tmp/edges" ] && ok || ko "no includes found"

bad=0
while read -r from to; do
    if [ "$(rank "$to")" -gt "$(rank "$from")" ]; then
        ko "$from includes $to, a later stage"
        bad=1
    fi
done <"$tmp/edges"
[ $bad = 0 ] && ok

# tsort reads "BEFORE AFTER" pairs: what is included comes first
awk '{ print $2, $1 }' "$tmp/edges" | tsort >/dev/null 2>"$tmp/loops"
if [ -s "$tmp/loops" ]; then
    ko "modules include each other in a loop: $(grep -v 'input contains a loop' "$tmp/loops" | sed 's/^tsort: //' | tr '\n' ' ')"
else
    ok
fi
summary
