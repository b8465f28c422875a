#!/bin/sh
# tests/install.sh BIN -- `make install` and `make uninstall` into a
# DESTDIR (exactly the documented files, their modes, a binary that runs,
# nothing left behind, another PREFIX), and the man page against the help:
# every option `BIN --help` and `BIN COMMAND --help` print is in
# docs/statbrief.1, every option of its OPTIONS section is in the help,
# and each entry names the commands whose help lists it. Runs `make`, so
# the release ./statbrief is built if it is not. Needs no groff (when it
# is installed, the page must also render without a warning).
# Ends "install: N passed, M failed".
set -u
bin=$1
suite=install
. tests/lib.sh
export LC_ALL=C

man=docs/statbrief.1
ex_files="brief.yaml brief-zh.yaml data.csv indicators.csv regions.csv"

# A group of checks counts one pass when none of them failed:
#   group; ...checks calling ko...; passed
group() { before=$fail; }
passed() { [ "$fail" = "$before" ] && ok; }

# The files an install under PREFIX $1 must hold, one a line, sorted.
expected() {
    {
        echo "$1/bin/statbrief"
        echo "$1/share/man/man1/statbrief.1"
        for f in $ex_files; do
            echo "$1/share/statbrief/examples/chongqing/$f"
        done
    } | sort
}

# Every file and symlink under root $1, as absolute paths inside it.
installed() {
    find "$1" ! -type d | sed "s|^$1||" | sort
}

# make TARGET ($1) with DESTDIR $2 and PREFIX $3; the output is
# kept in $tmp/make.out for the failure message.
mk() {
    make -s --no-print-directory "$1" DESTDIR="$2" PREFIX="$3" \
        >"$tmp/make.out" 2>&1
}

# ---- install into a DESTDIR under /usr/local ------------------------------
root=$tmp/root
pfx=/usr/local
if mk install "$root" "$pfx"; then ok; else
    ko "make install exited $?: $(tail -n 5 "$tmp/make.out")"
fi
expected "$pfx" >"$tmp/want"
installed "$root" >"$tmp/got"
if cmp -s "$tmp/want" "$tmp/got"; then ok; else
    ko "make install installed other files than documented: $(diff "$tmp/want" "$tmp/got" | grep '^[<>]' | head -n 8 | tr '\n' ' ')"
fi
# modes: the binary 755, everything else 644
group
while read -r f; do
    [ -f "$root$f" ] || continue
    case $f in */bin/statbrief) want=755 ;; *) want=644 ;; esac
    mode=$(stat -c %a "$root$f")
    [ "$mode" = "$want" ] || ko "$f has mode $mode, not $want"
done <"$tmp/want"
passed
# the man page uncompressed, as in the tree; the example as in the tree
cmp -s "$man" "$root$pfx/share/man/man1/statbrief.1" && ok ||
    ko "the installed man page differs from $man"
group
for f in $ex_files; do
    cmp -s "examples/chongqing/$f" "$root$pfx/share/statbrief/examples/chongqing/$f" ||
        ko "the installed example's $f differs from examples/chongqing/$f"
done
passed
# the installed binary runs
v=$("$root$pfx/bin/statbrief" --version 2>&1)
st=$?
case "$st:$v" in
    "0:statbrief "[0-9]*) ok ;;
    *) ko "the installed statbrief --version exited $st: $v" ;;
esac
[ "$v" = "$("$bin" --version 2>&1)" ] && ok ||
    ko "the installed binary says \"$v\", $bin says \"$("$bin" --version 2>&1)\""

# ---- uninstall: every file gone, and the directories of DATADIR -----------
if mk uninstall "$root" "$pfx"; then ok; else
    ko "make uninstall exited $?: $(tail -n 5 "$tmp/make.out")"
fi
left=$(installed "$root")
[ -z "$left" ] && ok || ko "make uninstall left files: $(echo "$left" | tr '\n' ' ')"
[ ! -e "$root$pfx/share/statbrief" ] && ok ||
    ko "make uninstall left $pfx/share/statbrief: $(find "$root$pfx/share/statbrief" | tr '\n' ' ')"
# a second uninstall has nothing to do and does not fail
mk uninstall "$root" "$pfx" && ok ||
    ko "a second make uninstall exited non-zero: $(tail -n 3 "$tmp/make.out")"

# ---- another PREFIX ---------------------------------------------------------
root=$tmp/opt-root
pfx=/opt/sb
mk install "$root" "$pfx" && ok ||
    ko "make install PREFIX=$pfx failed: $(tail -n 5 "$tmp/make.out")"
expected "$pfx" >"$tmp/want"
installed "$root" >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" && ok ||
    ko "PREFIX=$pfx installed: $(diff "$tmp/want" "$tmp/got" | grep '^[<>]' | head -n 8 | tr '\n' ' ')"
[ ! -e "$root/usr" ] && ok || ko "PREFIX=$pfx still wrote under /usr"
"$root$pfx/bin/statbrief" --version >/dev/null 2>&1 && ok ||
    ko "the statbrief installed under $pfx does not run"
# uninstall removes only what install put there: a file of the user's in
# the example folder stays, and so do the folders that hold it
echo mine >"$root$pfx/share/statbrief/examples/chongqing/notes.txt"
mk uninstall "$root" "$pfx" && ok ||
    ko "make uninstall PREFIX=$pfx failed: $(tail -n 5 "$tmp/make.out")"
left=$(installed "$root")
[ "$left" = "$pfx/share/statbrief/examples/chongqing/notes.txt" ] && ok ||
    ko "make uninstall with a file of the user's left: $(echo "$left" | tr '\n' ' ')"

# ---- the man page against the help ------------------------------------------
sed 's/\\-/-/g' "$man" >"$tmp/man"
# long options of a help text ($1), one a line
longs() { grep -o -e '--[a-z][a-z-]*' "$1" | sort -u; }
# $2 holds option $1 as a whole word (--to is not --total)
holds() { grep -q -E -e "$1([^a-z-]|\$)" "$2"; }

"$bin" --help >"$tmp/help" 2>&1 || ko "$bin --help exited $?"
longs "$tmp/help" >"$tmp/help-opts"
[ "$(wc -l <"$tmp/help-opts")" -ge 30 ] && ok ||
    ko "only $(wc -l <"$tmp/help-opts") options found in $bin --help"
group
for o in $(cat "$tmp/help-opts"); do
    holds "$o" "$tmp/man" || ko "$man lacks $o, which --help lists"
done
passed
# short options: "-o, --output" in the help is "-o, --output" in the page
grep -o -E -e '(^|[ ,])-[a-zA-Z], --[a-z][a-z-]*' "$tmp/help" |
    sed 's/^[ ,]//' | sort -u >"$tmp/help-short"
[ -s "$tmp/help-short" ] && ok || ko "no short options found in $bin --help"
group
while read -r s l; do
    s=${s%,}
    grep -qF -e "\\fB$s\\fR, \\fB$l\\fR" "$tmp/man" ||
        ko "$man does not give $l its short name $s"
done <"$tmp/help-short"
passed

# the OPTIONS section: every option it documents is in --help
sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$tmp/man" >"$tmp/man-options"
longs "$tmp/man-options" >"$tmp/man-opts"
[ "$(wc -l <"$tmp/man-opts")" -ge 30 ] && ok ||
    ko "only $(wc -l <"$tmp/man-opts") options found in the OPTIONS section of $man"
group
for o in $(cat "$tmp/man-opts"); do
    holds "$o" "$tmp/help" || ko "$man documents $o, which --help does not list"
done
passed

# Each OPTIONS entry (.TP, the tag, then "(commands)"): "OPTION<TAB>commands"
awk '
    /^\.TP/ { tag = 1; next }
    tag == 1 { line = $0; tag = 2; next }
    tag == 2 {
        tag = 0
        cmds = ($0 ~ /^\(.*\)$/) ? substr($0, 2, length($0) - 2) : "?"
        while (match(line, /--[a-z][a-z-]*/)) {
            printf "%s\t%s\n", substr(line, RSTART, RLENGTH), cmds
            line = substr(line, RSTART + RLENGTH)
        }
    }' "$tmp/man-options" >"$tmp/man-cmds"
group
for o in $(cat "$tmp/man-opts"); do
    grep -q "^$o	" "$tmp/man-cmds" ||
        ko "$man: $o has no OPTIONS entry saying which commands take it"
done
passed

# every option of `BIN COMMAND --help` is in the page; when that help is
# the command's own (no list of commands), the page's entry names it
for c in check metrics charts report diff; do
    group
    "$bin" $c --help >"$tmp/help-$c" 2>&1 || ko "$bin $c --help exited $?"
    own=1
    grep -q '^commands:' "$tmp/help-$c" && own=0
    for o in $(longs "$tmp/help-$c"); do
        holds "$o" "$tmp/man" || { ko "$man lacks $o, which $c --help lists"; continue; }
        [ $own = 1 ] || continue
        cmds=$(grep "^$o	" "$tmp/man-cmds" | head -n 1 | cut -f 2)
        [ -n "$cmds" ] || { ko "$man has no OPTIONS entry for $o, which $c --help lists"; continue; }
        case ", $cmds," in
            ", all commands,"|*", $c,"*) ;;
            *) ko "$man says $o is for \"$cmds\", but $c --help lists it" ;;
        esac
    done
    [ -s "$tmp/help-$c" ] || ko "$c --help printed nothing"
    passed
done

# the page's sections, and (only where groff is installed) no warnings
group
for s in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "INPUT FILES" \
         "THE REPORT SPEC" "RUNNING FROM CRON" BATCHES "EXIT STATUS" \
         ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
    grep -q -e "^\.SH \"\{0,1\}$s\"\{0,1\}\$" "$man" || ko "$man has no section $s"
done
passed
group
for st in 0 64 65 66 70 73 75 130 143; do
    sed -n '/^\.SH "\{0,1\}EXIT STATUS/,/^\.SH /p' "$man" | grep -q -w -e "$st" ||
        ko "$man's EXIT STATUS lacks $st"
done
passed
if command -v groff >/dev/null 2>&1; then
    groff -man -Tutf8 -ww "$man" >/dev/null 2>"$tmp/groff.err"
    [ ! -s "$tmp/groff.err" ] && ok || ko "groff warns on $man: $(head -n 3 "$tmp/groff.err")"
fi

summary
