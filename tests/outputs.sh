#!/bin/sh
# tests/outputs.sh BIN -- what report and charts write, run as root in
# folders that others write to: a lock file that cannot be turned
# against its owner, outputs that are regular files or nothing, one file
# never named twice in a run, outputs another command or spec made,
# temporary files of live writers, read-only mounts, a manifest of what
# exists.
#
# BIN must be built with -DSB_TEST_HOOKS (build/asan, build/oom,
# build/dbg): the race of two shards lands at a named pause point
# (tests/lib.sh: hook_run, hook_at), never after a sleep. Devices and
# mounts need root (as on CI); without it those checks are skipped with a
# note.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
suite=outputs
. tests/lib.sh
ex=$(pwd)/examples/chongqing
export SOURCE_DATE_EPOCH=1700000000
export LC_ALL=C
in="$ex/data.csv $ex/indicators.csv $ex/regions.csv"

# Every file under a directory with its type, inode, modification time
# and size: what "nothing was written" compares.
stamps() {
    find "$1" -printf '%P %y %i:%T@:%s\n' | sort
}
# ST CMD...: runs CMD in $tmp with stderr to $tmp/err; $st its status
run() {
    (cd "$tmp" && "$@" 2>"$tmp/err")
    st=$?
}
# EXPECTED WHAT: $st is EXPECTED, else a failure naming WHAT
status() {
    [ "$st" = "$1" ] && ok || ko "$2: exit $st, not $1: $(head -c 400 "$tmp/err")"
}
victim() { echo precious >"$tmp/victim"; }
intact() { [ "$(cat "$tmp/victim")" = precious ] && ok || ko "$1: the file a link pointed to was written"; }

# ---- 1. the lock file: never followed, written only once verified ---------
# outputs-lock-symlink, outputs-lock-fifo, outputs-lock-hardlink
victim
mkdir -p "$tmp/l1"
ln -s ../victim "$tmp/l1/.statbrief.lock"
run "$bin" report -q -o l1/b.pdf $in
status 73 "a symlink planted as the lock file"
has "$tmp/err" "l1/.statbrief.lock: error: not written: it is a symbolic link, and statbrief never follows a link it did not make"
intact "lock symlink"
[ -L "$tmp/l1/.statbrief.lock" ] && [ ! -e "$tmp/l1/b.pdf" ] && ok ||
    ko "lock symlink: the link was replaced or the brief written"
mkdir -p "$tmp/l2"
mkfifo "$tmp/l2/.statbrief.lock"
run timeout 20 "$bin" report -q -o l2/b.pdf $in
status 73 "a FIFO planted as the lock file (124: it waited)"
has "$tmp/err" "l2/.statbrief.lock: error: not written: it is a FIFO"
[ -p "$tmp/l2/.statbrief.lock" ] && [ ! -e "$tmp/l2/b.pdf" ] && ok || ko "lock FIFO: replaced, or the brief written"
victim
mkdir -p "$tmp/l3"
ln "$tmp/victim" "$tmp/l3/.statbrief.lock"
run "$bin" charts -q -o l3 $in
status 73 "a hard link planted as the lock file"
has "$tmp/err" "l3/.statbrief.lock: error: not written: it has 2 names (hard links)"
intact "lock hard link"
# a lock file of its own is still taken and written (the PID), and reused
run "$bin" report -q -o l4/b.pdf $in
status 0 "a plain lock file"
[ "$(cat "$tmp/l4/.statbrief.lock")" -gt 0 ] 2>/dev/null && ok || ko "the lock file holds no PID"

# ---- 2. outputs are regular files or nothing ------------------------------
# outputs-device, outputs-stdout-link, outputs-dash, outputs-chart-link,
# outputs-store-link, outputs-journal-link, outputs-manifest-fifo,
# outputs-worker-journal-link
mkdir -p "$tmp/d"
if mknod "$tmp/d/full" c 1 7 2>/dev/null; then
    stamps "$tmp/d" >"$tmp/before"
    run "$bin" report -q -o d/full $in
    status 73 "-o onto a device node"
    has "$tmp/err" "d/full: error: not written: it is a device; statbrief writes regular files only"
    [ -c "$tmp/d/full" ] && ok || ko "the device node was replaced"
    stamps "$tmp/d" >"$tmp/after"
    cmp -s "$tmp/before" "$tmp/after" && ok || ko "-o onto a device wrote: $(diff "$tmp/before" "$tmp/after" | tr '\n' ' ')"
    rm -f "$tmp/d/full"
else
    echo "outputs: note: mknod is not permitted here (needs root): -o onto a device not tested"
fi
# the issue's own names: /dev/full (a device, refused before any write,
# root or not) and /dev/stdout (a link to the descriptor)
run "$bin" report -q -o /dev/full $in
status 73 "-o /dev/full"
has "$tmp/err" "/dev/full: error: not written: it is a device; statbrief writes regular files only"
[ -c /dev/full ] && ok || ko "-o /dev/full: /dev/full is no longer a device"
if [ -L /dev/stdout ]; then
    run "$bin" report -q -o /dev/stdout $in
    status 73 "-o /dev/stdout"
    has "$tmp/err" "/dev/stdout: error: not written: it is a symbolic link"
    [ -L /dev/stdout ] && ok || ko "-o /dev/stdout: the link was replaced"
fi
ln -s /dev/stdout "$tmp/d/out.pdf"
run "$bin" report -q -o d/out.pdf $in
status 73 "-o onto a link to /dev/stdout"
has "$tmp/err" "d/out.pdf: error: not written: it is a symbolic link"
[ "$(readlink "$tmp/d/out.pdf")" = /dev/stdout ] && ok || ko "the link to /dev/stdout was replaced"
[ "$(ls -A "$tmp/d")" = out.pdf ] && ok || ko "-o onto a link wrote: $(ls -A "$tmp/d" | tr '\n' ' ')"
for args in "report -o -" "report --metrics-csv - -o d/x.pdf" "charts -o -"; do
    run "$bin" $args $in
    status 64 "$args"
    has "$tmp/err" "-: statbrief does not write there to standard output"
done
[ ! -e "$tmp/-" ] && ok || ko "-o - wrote a file named -"
# a chart's text alternative turned into a link: refused, and none of
# that chart's files is written (its PDF keeps its inode)
victim
run "$bin" charts -q -o ch $in
status 0 "charts into ch"
rm "$tmp/ch/rd_intensity.txt"
ln -s ../victim "$tmp/ch/rd_intensity.txt"
ino=$(stat -c %i "$tmp/ch/rd_intensity.pdf")
run "$bin" charts -q --force -o ch $in
status 73 "a chart file replaced by a link"
has "$tmp/err" "ch/rd_intensity.txt: error: not written: it is a symbolic link"
intact "chart link"
[ -L "$tmp/ch/rd_intensity.txt" ] && [ "$(stat -c %i "$tmp/ch/rd_intensity.pdf")" = "$ino" ] && ok ||
    ko "a chart with a linked file: the link replaced or its PDF rewritten"
ls -a "$tmp/ch" | grep -q sbtmp && ko "a refused chart left a temporary file" || ok
# the run's own files: the store, its journal and the manifest
for f in .statbrief-state .statbrief-state.job statbrief-manifest.json; do
    victim
    rm -rf "$tmp/own"
    mkdir -p "$tmp/own"
    if [ $f = statbrief-manifest.json ]; then mkfifo "$tmp/own/$f"; else ln -s ../victim "$tmp/own/$f"; fi
    run timeout 20 "$bin" report -q -o own/b.pdf $in
    status 73 "$f not a regular file"
    has "$tmp/err" "own/$f: error: not written: it is"
    intact "$f"
    [ ! -e "$tmp/own/b.pdf" ] && ok || ko "$f not a regular file: the brief was written"
done
# a --jobs worker's journal: the worker's first record is refused
victim
mkdir -p "$tmp/jw"
ln -s ../victim "$tmp/jw/.statbrief-state.job0"
run "$bin" charts -q --jobs 2 -o jw $in
status 73 "a worker's journal planted as a link"
has "$tmp/err" "jw/.statbrief-state.job0: error: not written: it is a symbolic link"
intact "worker journal"
# a directory where the figures CSV goes (73 before, and still)
mkdir -p "$tmp/dir/f.csv"
run "$bin" report -q -o dir/b.pdf --metrics-csv dir/f.csv $in
status 73 "a directory as the figures CSV"
has "$tmp/err" "dir/f.csv: error: not written: it is a directory"

# ---- 3. one file is never two outputs of a run --------------------------
# outputs-same-file-dot, outputs-same-file-link, outputs-own-names,
# outputs-spec-same-file, outputs-foreach-csv, outputs-batch-collision
run "$bin" report -q -o o3/x.pdf --metrics-csv o3/./x.pdf $in
status 64 "-o o3/x.pdf --metrics-csv o3/./x.pdf"
has "$tmp/err" 'error: -o and --metrics-csv name the same file, "o3/x.pdf" and "o3/./x.pdf"'
[ ! -e "$tmp/o3" ] && ok || ko "two options naming one file: something was written"
mkdir -p "$tmp/o3"
ln -s o3 "$tmp/p3"
run "$bin" report -q -o o3/y.pdf --metrics-csv p3/y.pdf $in
status 64 "-o and --metrics-csv through a linked folder"
[ -z "$(ls -A "$tmp/o3")" ] && ok || ko "through a linked folder: something was written"
# one file under two names by a hard link: compared by device and inode;
# the brief already there is kept as it was
run "$bin" report -q -o o3/h.pdf $in
status 0 "report -o o3/h.pdf"
ln "$tmp/o3/h.pdf" "$tmp/o3/hl.csv"
ino=$(stat -c %i:%Y:%s "$tmp/o3/h.pdf")
run "$bin" report -q --force -o o3/h.pdf --metrics-csv o3/hl.csv $in
status 64 "-o and --metrics-csv naming one file by two hard links"
has "$tmp/err" 'error: -o and --metrics-csv name the same file, "o3/h.pdf" and "o3/hl.csv"'
[ "$(stat -c %i:%Y:%s "$tmp/o3/h.pdf")" = "$ino" ] && ok || ko "two hard links of one file: the brief was written"
rm -f "$tmp/o3/h.pdf" "$tmp/o3/hl.csv" "$tmp/o3/.statbrief"* "$tmp/o3/statbrief-manifest.json"
run "$bin" report -q -o o3/statbrief-manifest.json $in
status 64 "-o naming the manifest"
has "$tmp/err" "the name is one of statbrief's own files"
run "$bin" report -q -o o3/z.pdf --metrics-csv o3/.statbrief-state $in
status 64 "--metrics-csv naming the store"
# the spec's output and --metrics-csv: the same file under two names
mkdir -p "$tmp/sp"
sed -e 's|^data:|data:|' -e "s|^  - path: data.csv|  - path: $ex/data.csv|" \
    -e "s|^metadata: .*|metadata: [$ex/indicators.csv, $ex/regions.csv]|" \
    -e 's|^output: .*|output: "sp.pdf"|' "$ex/brief.yaml" >"$tmp/sp/s.yaml"
(cd "$tmp/sp" && "$bin" report -q --spec s.yaml --metrics-csv ../sp/sp.pdf 2>"$tmp/err")
st=$?
status 64 "the spec's output and --metrics-csv naming one file"
[ ! -e "$tmp/sp/sp.pdf" ] && ok || ko "the spec's output and the CSV: something was written"
# a batch: every brief would write the one figures CSV
cat >"$tmp/fe.yaml" <<EOF
title: "{focus}: R&D, {year}"
data: [$ex/data.csv]
metadata: [$ex/indicators.csv, $ex/regions.csv]
period: {to: 2023}
foreach:
  regions: [Chongqing, Sichuan]
output: "fe/{region}.pdf"
chart_dir: "cf"
sections:
  - title: "R&D"
    text: "{rd_intensity focus value}"
    charts:
      - indicator: rd_intensity
EOF
run "$bin" report -q --spec fe.yaml --metrics-csv fe.csv
status 64 "foreach with --metrics-csv"
[ ! -e "$tmp/fe.csv" ] && [ ! -e "$tmp/fe" ] && ok || ko "foreach with --metrics-csv wrote"
# two items of a batch whose files resolve to one: never exit 0 with
# fewer files than items (a region "{lang}" beside "en")
mkdir -p "$tmp/bc"
printf 'region,groups\nen,g\n{lang},g\n' >"$tmp/bc/regions.csv"
printf 'id,name,unit,kind\nrd,R&D,million yuan,amount\n' >"$tmp/bc/indicators.csv"
printf 'indicator,region,year,value\nrd,en,2022,5\nrd,en,2023,6\nrd,{lang},2022,7\nrd,{lang},2023,8\n' >"$tmp/bc/data.csv"
cat >"$tmp/bc/b.yaml" <<EOF
title: "{focus}"
data: [data.csv]
metadata: [indicators.csv, regions.csv]
foreach:
  regions: all
output: "out/brief-{region}-{lang}.pdf"
sections:
  - title: "R&D"
    text: "{rd focus value}"
EOF
(cd "$tmp/bc" && "$bin" report -q --spec b.yaml 2>"$tmp/err")
st=$?
n=$(ls "$tmp/bc/out" 2>/dev/null | grep -c '\.pdf$')
if [ $st = 0 ]; then
    [ "$n" = 2 ] && ok || ko "a batch of 2 items exited 0 with $n files: one replaced the other"
else
    [ $st = 73 ] && grep -q "another output of this run" "$tmp/err" && ok ||
        ko "a batch whose items share a file: exit $st: $(cat "$tmp/err")"
fi

# ---- 4. outputs another command or spec made ---------------------------------
# outputs-owner-report-charts, outputs-owner-chart-dir, outputs-owner-lang,
# outputs-owner-old-store, outputs-owner-shard
run "$bin" report -q -o site/rd_intensity.pdf $in
status 0 "report -o site/rd_intensity.pdf"
cp "$tmp/site/rd_intensity.pdf" "$tmp/brief.pdf"
run "$bin" charts -q -o site $in
status 73 "charts over a brief that report made"
has "$tmp/err" "site/rd_intensity.pdf: error: not overwritten: it is the brief made by report without a spec; this run would replace it with the default chart of rd_intensity made by charts without a spec"
cmp -s "$tmp/site/rd_intensity.pdf" "$tmp/brief.pdf" && ok || ko "charts replaced the brief"
run "$bin" charts -q --force -o site $in
status 0 "charts --force over the brief"
cmp -s "$tmp/site/rd_intensity.pdf" "$tmp/brief.pdf" && ko "charts --force did not take the file over" || ok
run "$bin" report -q -o site/rd_intensity.pdf $in
status 73 "report over a chart that charts took over"
has "$tmp/err" "it is the default chart of rd_intensity made by charts without a spec"
# chart_dir "." beside the brief of the same spec
mkdir -p "$tmp/cd"
sed -e "s|^  - path: data.csv|  - path: $ex/data.csv|" \
    -e "s|^metadata: .*|metadata: [$ex/indicators.csv, $ex/regions.csv]|" \
    -e 's|^output: .*|output: "rd_intensity.pdf"|' -e 's|^chart_dir: .*|chart_dir: "."|' \
    "$ex/brief.yaml" >"$tmp/cd/cd.yaml"
(cd "$tmp/cd" && "$bin" report -q --spec cd.yaml && cp rd_intensity.pdf ../cd-brief.pdf) ||
    ko "report --spec cd.yaml failed"
(cd "$tmp/cd" && "$bin" charts -q --spec cd.yaml 2>"$tmp/err")
st=$?
status 73 "charts with chart_dir \".\" over the spec's brief"
has "$tmp/err" "it is the brief made by report with the spec cd.yaml"
cmp -s "$tmp/cd/rd_intensity.pdf" "$tmp/cd-brief.pdf" && ok || ko "chart_dir \".\": the chart replaced the brief"
# an English indicator gdp-zh against gdp in a Chinese run
mkdir -p "$tmp/gz"
printf 'id,name,name_zh,unit,kind\ngdp,GDP,地区生产总值,billion yuan,amount\ngdp-zh,GDP (id gdp-zh),生产总值,billion yuan,amount\n' >"$tmp/gz/indicators.csv"
printf 'region,name_zh,groups\nA,甲,g\nB,乙,g\n' >"$tmp/gz/regions.csv"
{ echo indicator,region,year,value
  for i in gdp gdp-zh; do for r in A B; do for y in 2019 2020 2021 2022; do
      echo "$i,$r,$y,$((y - 2000 + ${#r} * 3))"; done; done; done; } >"$tmp/gz/data.csv"
run "$bin" charts -q -o gzo gz
status 0 "charts of gdp and gdp-zh"
cp "$tmp/gzo/gdp-zh.pdf" "$tmp/gz.pdf"
# in one dataset the Chinese chart of gdp takes a name of its own (85b1:
# the first four hex digits of the SHA-256 of "gdp", as sha256sum gives)
run "$bin" charts --lang zh -o gzo gz
status 0 "a Chinese run of gdp beside gdp-zh"
has "$tmp/err" 'it is written as "gdp-85b1-zh"'
[ -f "$tmp/gzo/gdp-85b1-zh.pdf" ] && cmp -s "$tmp/gzo/gdp-zh.pdf" "$tmp/gz.pdf" && ok ||
    ko "the Chinese chart of gdp beside gdp-zh: not gdp-85b1-zh.pdf, or gdp-zh.pdf changed"
# from a dataset without gdp-zh, the same name is another owner's file
mkdir -p "$tmp/gz1"
grep -v '^gdp-zh' "$tmp/gz/indicators.csv" >"$tmp/gz1/indicators.csv"
grep -v '^gdp-zh' "$tmp/gz/data.csv" >"$tmp/gz1/data.csv"
cp "$tmp/gz/regions.csv" "$tmp/gz1/"
run "$bin" charts -q --lang zh -o gzo gz1
status 73 "a Chinese run over an English chart of the same name"
has "$tmp/err" "gzo/gdp-zh.pdf: error: not overwritten: it is the default chart of gdp-zh made by charts without a spec; this run would replace it with the default chart of gdp in Chinese"
cmp -s "$tmp/gzo/gdp-zh.pdf" "$tmp/gz.pdf" && ok || ko "the Chinese chart of gdp replaced the English chart of gdp-zh"
# a store from before owners were kept: unknown owner, taken, then kept
run "$bin" report -q -o old/rd_intensity.pdf $in
awk -F'\t' 'BEGIN { OFS = "\t" } $1 == "F" { NF = 7 } { print }' "$tmp/old/.statbrief-state" >"$tmp/s.old"
mv "$tmp/s.old" "$tmp/old/.statbrief-state"
run "$bin" charts -q -o old $in
status 0 "charts over an output of unknown owner"
awk -F'\t' '$1 == "F" && $2 == "rd_intensity.pdf" && $6 == "charts" && NF == 9 { f = 1 } END { exit !f }' \
    "$tmp/old/.statbrief-state" && ok || ko "the output of unknown owner was not recorded as charts'"
run "$bin" report -q -o old/rd_intensity.pdf $in
status 73 "report over what charts took from an unknown owner"
# a shard's store is read too: what a shard made is another owner's
cp "$tmp/fe.yaml" "$tmp/sh.yaml"
sed -i 's|^output: .*|output: "sh/{region}.pdf"|' "$tmp/sh.yaml"
run "$bin" report -q --spec sh.yaml --shard 0/2
status 0 "shard 0/2"
run "$bin" report -q -o sh/Chongqing.pdf $in
status 73 "report over a shard's brief"
has "$tmp/err" "sh/Chongqing.pdf: error: not overwritten: it is the brief made by report with the spec ../sh.yaml"

# ---- 5. temporary files of live writers are never swept ----------------------
# outputs-shards-share, outputs-sweep-item-folder
# shard 0 stops with its brief's temporary file written (and locked);
# shard 1 starts, sweeps the folder, writes its brief; shard 0 goes on.
rm -rf "$tmp/sh"
mkdir -p "$tmp/sh"
hook_run 7 out_temp_written:1 "$tmp" "$tmp/s0.err" "$bin" report -v --spec sh.yaml --shard 0/2
p0=$!
hook_at 7
[ "$point" = out_temp_written:1 ] && ok || ko "shard 0 never wrote its temporary file (${point:-ended}: $(cat "$tmp/s0.err"))"
: >"$tmp/sh/.dead.pdf.sbtmp-AbC123"       # a dead writer's: no lock on it
(cd "$tmp" && "$bin" report -v --spec sh.yaml --shard 1/2 2>"$tmp/s1.err")
s1=$?
[ ! -e "$tmp/sh/.dead.pdf.sbtmp-AbC123" ] && ok || ko "shard 1 left a dead writer's temporary file"
[ "$(ls -a "$tmp/sh" | grep -c sbtmp)" = 1 ] && ok || ko "shard 1 removed shard 0's temporary file in flight"
has "$tmp/s1.err" "sh/: 1 temporary file left by a stopped run"
[ -n "$ppid" ] && kill -CONT $ppid
wait $p0
s0=$?
hook_end 7
[ "$s0$s1" = 00 ] && ok || ko "two shards sharing a folder exited $s0 and $s1: $(grep error "$tmp/s0.err" "$tmp/s1.err")"
[ -f "$tmp/sh/Chongqing.pdf" ] && [ -f "$tmp/sh/Sichuan.pdf" ] && ok || ko "the shards did not both write their brief"
# a per-item chart folder is swept like the others
run "$bin" charts -q --spec fe.yaml
status 0 "charts of a batch"
: >"$tmp/cf/Chongqing/.rd_intensity.pdf.sbtmp-XyZ789"
run "$bin" charts -v --spec fe.yaml
status 0 "charts of a batch, again"
[ ! -e "$tmp/cf/Chongqing/.rd_intensity.pdf.sbtmp-XyZ789" ] && ok ||
    ko "a dead writer's temporary file in a per-item chart folder was not swept"
has "$tmp/err" "cf/Chongqing: 1 temporary file left by a stopped run"

# ---- 6. read-only mounts ---------------------------------------------------
# outputs-ro-current, outputs-ro-no-lock
mnt=$tmp/ro
mkdir -p "$mnt"
if mount -t tmpfs -o size=8m,mode=0755 tmpfs "$mnt" 2>/dev/null; then
    run "$bin" report -q -o ro/b.pdf $in
    status 0 "report onto a tmpfs"
    run "$bin" charts -q -o ro/ch $in
    stamps "$mnt" >"$tmp/before"
    if mount -o remount,ro "$mnt" 2>/dev/null; then
        run "$bin" report -o ro/b.pdf $in
        status 0 "report of current outputs on a read-only mount"
        has "$tmp/err" "report: nothing changed, 1 file up to date, none written"
        run "$bin" charts -q -o ro/ch $in
        status 0 "charts of current outputs on a read-only mount"
        run "$bin" report -q --force -o ro/b.pdf $in
        status 73 "report --force on a read-only mount"
        has "$tmp/err" "ro/b.pdf: error: cannot write: Read-only file system"
        # no lock file at all: no lock, said with -v, nothing written
        mount -o remount,rw "$mnt"
        rm "$mnt/.statbrief.lock"
        stamps "$mnt" >"$tmp/before"
        mount -o remount,ro "$mnt"
        run "$bin" report -v -o ro/b.pdf $in
        status 0 "report without a lock file on a read-only mount"
        has "$tmp/err" "unlocked ro/.statbrief.lock: cannot be opened on this mount, so nothing may be written"
        run "$bin" report -q --force -o ro/b.pdf $in
        status 73 "report --force without a lock file on a read-only mount"
        has "$tmp/err" "ro/b.pdf: error: not written: ro/.statbrief.lock could not be opened to lock the folder (Read-only file system)"
        stamps "$mnt" >"$tmp/after"
        cmp -s "$tmp/before" "$tmp/after" && ok || ko "a read-only mount changed"
    else
        echo "outputs: note: the tmpfs could not be remounted read-only: read-only mounts not tested"
    fi
    umount "$mnt"
else
    echo "outputs: note: no tmpfs could be mounted here (needs root): read-only mounts not tested"
fi

# ---- 7. the manifest lists what exists -----------------------------------------
# outputs-manifest-deleted, outputs-manifest-renamed
m=$tmp/man/statbrief-manifest.json
run "$bin" report -q -o man/a.pdf $in
run "$bin" report -q -o man/b.pdf $in
grep -q '"path": "a.pdf"' "$m" && grep -q '"path": "b.pdf"' "$m" && ok || ko "the manifest lacks a.pdf or b.pdf"
rm "$tmp/man/a.pdf"
run "$bin" report -q --force -o man/b.pdf $in
status 0 "report --force after a deletion"
grep -q '"path": "a.pdf"' "$m" && ko "the manifest lists a deleted output" || ok
has "$m" "\"path\": \"b.pdf\", \"sha256\": \"$(sha256sum "$tmp/man/b.pdf" | cut -d' ' -f1)\""
mv "$tmp/man/b.pdf" "$tmp/man/c.pdf"
run "$bin" report -q -o man/a.pdf $in
status 0 "report after a rename"
grep -q '"path": "[bc].pdf"' "$m" && ko "the manifest lists a renamed output" || ok
has "$m" '"path": "a.pdf"'

# ---- 8. names a spreadsheet would run: neutralised in the figures CSV ---------
# outputs-figures-formulas (metrics --format csv: tests/cases/metrics-csv-formula-names)
# report --metrics-csv: an id or region starting with = + - @ (or a tab or
# a carriage return) is quoted with a ' before it (OWASP, CSV injection)
mkdir -p "$tmp/fx"
printf 'indicator,region,year,value\n=cmd|x,+r,2021,1\n=cmd|x,+r,2022,2\n@a,-b,2022,3\nok,"\rr",2022,4\n' >"$tmp/fx/data.csv"
run "$bin" report -q -o fx/b.pdf --metrics-csv fx/f.csv fx/data.csv
status 0 "report --metrics-csv of names that look like formulas"
has "$tmp/fx/f.csv" "\"'=cmd|x\",\"'+r\","
has "$tmp/fx/f.csv" "\"'@a\",\"'-b\","
has "$tmp/fx/f.csv" "$(printf 'ok,"'"'"'\r')"
cut -d, -f1-2 "$tmp/fx/f.csv" | grep -q '^[=+@-]\|,[=+@-]' && ko "a figures CSV cell starts with a formula character" || ok

summary
