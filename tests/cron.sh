#!/bin/sh
# tests/cron.sh BIN -- statbrief run from cron: incremental rebuilds, the
# state store and manifest, locking, stale data, full disks, read-only
# directories, signals, and SIGKILL at every named point of a run.
#
# BIN must be built with -DSB_TEST_HOOKS (build/asan, build/oom,
# build/dbg): every signal, kill and lock race lands at a named pause
# point of core/testhook.h (tests/lib.sh: hook_run, hook_at), never after
# a sleep, so no outcome here depends on how fast or busy the machine is.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
suite=cron
. tests/lib.sh
ex=$(pwd)/examples/chongqing
export SOURCE_DATE_EPOCH=1700000000
export LC_ALL=C

# A fresh copy of the example, with the spec: $tmp/$1
fresh() {
    rm -rf "$tmp/$1"
    cp -R "$ex" "$tmp/$1"
    chmod -R u+w "$tmp/$1"
    rm -rf "$tmp/$1/charts" "$tmp/$1"/*.pdf
}

# Every file under a directory with its inode, modification time (ns)
# and size: what "writes nothing" compares. Every write is a new file
# renamed into place, so a rewritten file has a new inode even when the
# clock did not move; an append changes the size. The lock file is left
# out: it holds the PID of the last run.
stamps() {
    find "$1" -type f ! -name .statbrief.lock -printf '%P %i:%T@:%s\n' | sort
}

# ---- incremental ------------------------------------------------------
fresh inc
d=$tmp/inc
(cd "$d" && "$bin" report -q --spec brief.yaml && "$bin" charts -q --spec brief.yaml) \
    && ok || ko "first run failed"
[ -f "$d/statbrief-manifest.json" ] && [ -f "$d/charts/statbrief-manifest.json" ] \
    && ok || ko "no manifest after the first run"
stamps "$d" >"$tmp/before"
(cd "$d" && "$bin" report --spec brief.yaml 2>"$tmp/r.err" &&
    "$bin" charts --spec brief.yaml 2>"$tmp/c.err") && ok || ko "second run failed"
stamps "$d" >"$tmp/after"
cmp -s "$tmp/before" "$tmp/after" && ok ||
    ko "an unchanged rerun wrote: $(diff "$tmp/before" "$tmp/after" | grep '^>' | tr '\n' ' ')"
has "$tmp/r.err" "report: nothing changed, 1 file up to date, none written"
has "$tmp/c.err" "charts: nothing changed, 5 files up to date, none written"
[ "$(wc -l <"$tmp/r.err")" = 1 ] && ok || ko "an unchanged rerun said more than one line"

# a title edit rebuilds the brief, not the charts
sed -i 's/^title: .*/title: "Edited title"/' "$d/brief.yaml"
(cd "$d" && "$bin" report -v --spec brief.yaml 2>"$tmp/r.err" &&
    "$bin" charts -v --spec brief.yaml 2>"$tmp/c.err") || ko "run after a title edit failed"
has "$tmp/r.err" "wrote ./chongqing-brief-2023-en.pdf"
grep -q "wrote" "$tmp/c.err" && ko "a title edit rebuilt charts" || ok

# one value rebuilds exactly the outputs that use it
stamps "$d" >"$tmp/before"
sed -i 's/^rd_intensity,Chongqing,2022,2.36/rd_intensity,Chongqing,2022,2.37/' "$d/data.csv"
(cd "$d" && "$bin" report -q --spec brief.yaml && "$bin" charts -q --spec brief.yaml) ||
    ko "run after a value edit failed"
stamps "$d" >"$tmp/after"
changed=$(join "$tmp/before" "$tmp/after" | awk '$2 != $3 { print $1 }' | tr '\n' ' ')
# the brief's vintage too: the next edition compares with this one
[ "$changed" = ".statbrief-state .statbrief-vintage-7bac2f46cc058ee7.gz charts/.statbrief-state charts/rd_intensity.pdf charts/rd_intensity.png charts/rd_intensity.txt charts/statbrief-manifest.json chongqing-brief-2023-en.pdf data.csv statbrief-manifest.json " ] \
    && ok || ko "one value rebuilt: $changed"
# ... and, as the value was revised, the brief's revisions beside it
grep -qx 'rd_intensity,Chongqing,2022,revised,2.36,2.37,0.01,.*' "$d/revisions-2023.csv" && ok ||
    ko "no revisions-2023.csv with the revised value: $(head -n 3 "$d/revisions-2023.csv" 2>&1)"

# a deleted and a damaged output are rebuilt, the rest kept
rm "$d/charts/rd_intensity.png"
printf 'x' >>"$d/charts/high_tech_enterprises-bar.png"
(cd "$d" && "$bin" charts -v --spec brief.yaml 2>"$tmp/c.err") || ko "repair run failed"
has "$tmp/c.err" "rebuild ./charts/rd_intensity.png: the file is missing"
has "$tmp/c.err" "rebuild ./charts/high_tech_enterprises-bar.png: the file was changed or damaged"
cmp -s "$d/charts/high_tech_enterprises-bar.png" "$tmp/inc/charts/high_tech_enterprises-bar.png" && ok
[ "$(tail -c 1 "$d/charts/high_tech_enterprises-bar.png" | od -An -c | tr -d ' ')" != x ] \
    && ok || ko "the damaged chart was not rebuilt"

# a damaged store means "rebuild everything", never a crash
printf 'garbage\n\001\002' >"$d/charts/.statbrief-state"
(cd "$d" && "$bin" charts -v --spec brief.yaml 2>"$tmp/c.err") && ok || ko "a damaged store failed the run"
has "$tmp/c.err" "the state store is damaged"
has "$tmp/c.err" "charts: 5 files written"
# a killed run's journal: its records count, the one the kill cut short
# (no newline) does not; the next run folds it into the store
ls -a "$d/charts" | grep -q 'statbrief-state.job' && ko "a finished run left its journal" || ok
j=$d/charts/.statbrief-state.job
sha=$(sha256sum "$d/charts/rd_intensity.png" | cut -d' ' -f1)
grep "^F	rd_intensity.png	" "$d/charts/.statbrief-state" |
    sed "s/$sha/$(echo "$sha" | tr 0-9a-f 1-9a-f0)/" >"$j.tmp"
{ echo 'statbrief-state 1'; cat "$j.tmp"
  grep "^F	" "$d/charts/.statbrief-state" | grep -v "^F	rd_intensity.png	" | head -n 1 | head -c 60; } >"$j"
[ "$(grep -c . "$j")" = 3 ] && ok || ko "the journal fixture is not 3 lines"
rm -f "$j.tmp"
(cd "$d" && "$bin" charts -v --spec brief.yaml 2>"$tmp/c.err") && ok || ko "a run after a journal failed"
has "$tmp/c.err" "rebuild ./charts/rd_intensity.png: the file was changed or damaged"
has "$tmp/c.err" "charts: 1 file written"
[ ! -f "$j" ] && ok || ko "the journal was not folded into the store"
# a journal whose first line was cut short is empty, not damage
printf 'statbri' >"$j"
(cd "$d" && "$bin" charts -v --spec brief.yaml 2>"$tmp/c.err") && ok || ko "a run after a cut journal failed"
has "$tmp/c.err" "charts: nothing changed"
# --force rebuilds what is current
(cd "$d" && "$bin" report --force --spec brief.yaml 2>"$tmp/r.err") || ko "--force failed"
has "$tmp/r.err" "report: 1 file written"

# ---- the manifest -------------------------------------------------------
m=$d/statbrief-manifest.json
has "$m" '"source_date_epoch": 1700000000'
has "$m" "\"sha256\": \"$(sha256sum "$d/chongqing-brief-2023-en.pdf" | cut -d' ' -f1)\""
has "$m" "\"path\": \"data.csv\", \"sha256\": \"$(sha256sum "$d/data.csv" | cut -d' ' -f1)\""
for lib in cairo fontconfig glib gsl libcsv libyaml openssl pango qpdf zlib; do
    has "$m" "\"$lib\": \""
done
# libpng writes no byte of the PNGs (plots/pngenc.c does)
if grep -q '"libpng"' "$m"; then ko "the manifest names libpng"; else ok; fi
grep -q '"file": "/.*NotoSans' "$m" && ok || ko "the manifest names no font file"

# ---- stale data ------------------------------------------------------------
fresh stale
(cd "$tmp/stale" && "$bin" report --expect-year 2030 -o s.pdf data.csv indicators.csv regions.csv 2>"$tmp/s.err")
[ $? = 0 ] && ok || ko "stale data without --strict did not exit 0"
has "$tmp/s.err" "warning: the data end in 2023; --expect-year 2030: is the source updated?"
rm -f "$tmp/stale/s.pdf"
(cd "$tmp/stale" && "$bin" report --strict --expect-year 2030 -o s.pdf data.csv indicators.csv regions.csv 2>"$tmp/s.err")
[ $? = 65 ] && ok || ko "stale data with --strict did not exit 65"
[ ! -f "$tmp/stale/s.pdf" ] && ok || ko "stale data with --strict wrote the brief"

# ---- locking ------------------------------------------------------------------
# A holder that says when it holds the lock (flock(1) on the lock file, as
# an operator's script would) and holds it until it is killed: no sleep
# decides who has the lock.
fresh lock
l=$tmp/lock
echo 4242 >"$l/.statbrief.lock"
mkfifo "$tmp/held"
(exec 9>>"$l/.statbrief.lock"; flock -x 9 && echo held || echo "flock failed"
 exec sleep 100000 >/dev/null) >"$tmp/held" &
holder=$!
read -r held <"$tmp/held"
[ "$held" = held ] && ok || ko "the lock holder did not take the lock"
(cd "$l" && "$bin" report --spec brief.yaml 2>"$tmp/l.err")
[ $? = 75 ] && ok || ko "a locked directory did not exit 75"
has "$tmp/l.err" "another statbrief run (PID 4242) is writing to ."
# --wait gives up while the holder holds on; that it waited at least the
# time asked can only take longer on a busy machine, never shorter
start=$(date +%s.%N)
(cd "$l" && "$bin" report -q --wait 0.6 --spec brief.yaml 2>"$tmp/l.err")
st=$?
waited=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print (b - a >= 0.5) }')
[ $st = 75 ] && ok || ko "--wait 0.6 on a held lock exited $st"
[ "$waited" = 1 ] && ok || ko "--wait 0.6 gave up too soon"
has "$tmp/l.err" "did not finish within --wait"
# --wait 10: the run finds the lock held (and says so at lock_busy), the
# holder leaves, and its next try takes the lock
hook_run 7 lock_busy:1 "$l" "$tmp/l.err" "$bin" report -q --wait 10 --spec brief.yaml
waiter=$!
hook_at 7
[ "$point" = lock_busy:1 ] && ok || ko "--wait 10 did not wait for the held lock (${point:-ended}: $(cat "$tmp/l.err"))"
kill $holder
wait $holder 2>/dev/null
[ -n "$ppid" ] && kill -CONT $ppid
wait $waiter && ok || ko "--wait 10 did not get the lock when the holder left"
hook_end 7
[ -f "$l/chongqing-brief-2023-en.pdf" ] && ok || ko "--wait wrote no brief"

# two real runs at once: exactly one renders. The first holds the lock
# (paused just after taking it) while the second starts, which must give
# up at once naming the first, write nothing, and leave the first to
# write everything.
fresh two
sh tests/../bench/medium.sh "$tmp/two" 2>/dev/null
mkdir -p "$tmp/two/in" && mv "$tmp/two/data.csv" "$tmp/two/regions.csv" "$tmp/two/indicators.csv" "$tmp/two/in/"
hook_run 7 lock_taken:1 "$tmp/two" "$tmp/a.err" "$bin" charts --format pdf,png -o out in
pa=$!
hook_at 7
[ "$point" = lock_taken:1 ] && ok || ko "the first run did not take the lock (${point:-ended})"
(cd "$tmp/two" && "$bin" charts --format pdf,png -o out in 2>"$tmp/b.err")
b=$?
[ -n "$ppid" ] && kill -CONT $ppid
wait $pa
a=$?
hook_end 7
wa=$(grep -c "statbrief: wrote" "$tmp/a.err") wb=$(grep -c "statbrief: wrote" "$tmp/b.err")
[ "$wa" = 120 ] && [ "$wb" = 0 ] && ok || ko "two runs wrote $wa and $wb files (exit $a, $b)"
[ "$a$b" = 075 ] && ok || ko "two runs exited $a and $b, not 0 and 75"
has "$tmp/b.err" "another statbrief run (PID $pa) is writing to out"

# ---- a full disk, a read-only directory: 73, the old outputs intact ----------
fresh full
f=$tmp/full
(cd "$f" && "$bin" report -q -o out/b.pdf data.csv indicators.csv regions.csv) || ko "full: first run failed"
cp "$f/out/b.pdf" "$tmp/b.pdf.old"
sed -i 's/^rd_intensity,Chongqing,2022,2.36/rd_intensity,Chongqing,2022,2.37/' "$f/data.csv"
(ulimit -f 40; cd "$f" && "$bin" report -q -o out/b.pdf data.csv indicators.csv regions.csv 2>"$tmp/f.err")
[ $? = 73 ] && ok || ko "a file-size limit did not exit 73"
has "$tmp/f.err" "out/b.pdf: error: cannot write: File too large"
cmp -s "$f/out/b.pdf" "$tmp/b.pdf.old" && ok || ko "the old brief changed on a full disk"
ls -a "$f/out" | grep -q sbtmp && ko "a temporary file stayed after a full disk" || ok

# a really full disk (ENOSPC): a 1 MiB tmpfs, filled once the first brief
# and charts are there; mounting needs CAP_SYS_ADMIN (root here and in CI)
mnt=$tmp/tmpfs
mkdir -p "$mnt"
if mount -t tmpfs -o size=1m,mode=0755 tmpfs "$mnt" 2>/dev/null; then
    (cd "$f" && "$bin" report -q -o "$mnt/b.pdf" data.csv indicators.csv regions.csv &&
        "$bin" charts -q -o "$mnt/charts" data.csv indicators.csv regions.csv) ||
        ko "ENOSPC: the first run failed"
    cp "$mnt/b.pdf" "$tmp/enospc.old"
    cp "$mnt/charts/rd_intensity.pdf" "$tmp/enospc-chart.old"
    dd if=/dev/zero of="$mnt/filler" bs=4k 2>/dev/null
    (cd "$f" && "$bin" report -q --force -o "$mnt/b.pdf" data.csv indicators.csv regions.csv 2>"$tmp/nospc.err")
    [ $? = 73 ] && ok || ko "a full tmpfs did not exit 73 for report"
    has "$tmp/nospc.err" "b.pdf: error: cannot write: No space left on device"
    (cd "$f" && "$bin" charts -q --force -o "$mnt/charts" data.csv indicators.csv regions.csv 2>"$tmp/nospc2.err")
    [ $? = 73 ] && ok || ko "a full tmpfs did not exit 73 for charts"
    has "$tmp/nospc2.err" "error: cannot write: No space left on device"
    cmp -s "$mnt/b.pdf" "$tmp/enospc.old" && ok || ko "the old brief changed on a full tmpfs"
    cmp -s "$mnt/charts/rd_intensity.pdf" "$tmp/enospc-chart.old" && ok ||
        ko "an old chart changed on a full tmpfs"
    ls -a "$mnt" "$mnt/charts" | grep -q sbtmp && ko "a temporary file stayed on a full tmpfs" || ok
    # space again: the next run repairs what is not as recorded, no more
    rm -f "$mnt/filler"
    (cd "$f" && "$bin" charts -q -o "$mnt/charts" data.csv indicators.csv regions.csv 2>"$tmp/nospc3.err") &&
        ok || ko "the run after the disk was freed failed: $(cat "$tmp/nospc3.err")"
    for c in "$mnt"/charts/*.pdf; do
        qpdf --check "$c" >/dev/null 2>&1 || ko "$(basename "$c") broken after ENOSPC"
    done
    umount "$mnt"
else
    echo "cron: note: no tmpfs could be mounted here (needs root): ENOSPC not tested"
fi

# read-only: as an unprivileged user when run as root (root writes anyway)
# (the user needs the binary and the sanitizer's suppressions: copies in
# $tmp, which it may read, whatever the clone's own permissions)
mkdir -p "$tmp/bin"
cp "$bin" "$tmp/bin/statbrief"
cp tests/lsan.supp "$tmp/bin/lsan.supp"
as_user() {
    if [ "$(id -u)" = 0 ]; then
        LSAN_OPTIONS="suppressions=$tmp/bin/lsan.supp:print_suppressions=0" \
            setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
    else "$@"; fi
}
fresh ro
r=$tmp/ro
chmod -R a+rX "$tmp" && chmod a+rwx "$r"
(cd "$r" && as_user "$tmp/bin/statbrief" report -q -o out/b.pdf data.csv indicators.csv regions.csv) ||
    ko "read-only: first run failed"
cp "$r/out/b.pdf" "$tmp/ro.old"
chmod a-w "$r/out"
(cd "$r" && as_user "$tmp/bin/statbrief" report -q --force -o out/b.pdf data.csv indicators.csv regions.csv 2>"$tmp/ro.err")
[ $? = 73 ] && ok || ko "a read-only directory did not exit 73"
grep -q "error: cannot" "$tmp/ro.err" && ok || ko "read-only: $(cat "$tmp/ro.err")"
cmp -s "$r/out/b.pdf" "$tmp/ro.old" && ok || ko "the old brief changed in a read-only directory"
chmod u+w "$r/out"

# ---- permissions from the umask; temporary files with O_EXCL ---------------
fresh mask
for m in 027 002; do
    rm -rf "$tmp/mask/out"
    (umask $m; cd "$tmp/mask" && "$bin" report -q -o out/b.pdf data.csv indicators.csv regions.csv &&
        "$bin" charts -q -o out/charts data.csv indicators.csv regions.csv) || ko "umask $m: run failed"
    want=$(printf '%o' $((0666 & ~0$m)))
    bad=$(find "$tmp/mask/out" -type f ! -name .statbrief.lock ! -perm "$want" -printf '%P %m\n' | head -n 3)
    [ -z "$bad" ] && ok || ko "umask $m: not mode $want: $bad"
done
if command -v strace >/dev/null 2>&1; then
    rm -rf "$tmp/mask/out"
    # LeakSanitizer cannot run under ptrace
    (cd "$tmp/mask" && ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=openat -o "$tmp/open.trace" \
        "$bin" report -q -o out/b.pdf data.csv indicators.csv regions.csv) || ko "strace run failed"
    n=$(grep -c 'sbtmp-.*O_CREAT' "$tmp/open.trace")
    [ "$n" -ge 3 ] && ok || ko "only $n temporary files were seen being created"
    grep 'sbtmp-.*O_CREAT' "$tmp/open.trace" | grep -v O_EXCL | head -n 2 | grep . &&
        ko "a temporary file was created without O_EXCL" || ok
    grep 'sbtmp-.*O_CREAT' "$tmp/open.trace" | grep -v "\"$tmp/mask/out/\.\|\"out/\." | head -n 2 | grep . &&
        ko "a temporary file was created outside its target directory" || ok
else
    echo "cron: note: strace is not installed: O_EXCL not traced"
fi

# ---- failure paths: a full stdout, a symlinked output, unreadable input ----
for cmd in "check --dump" "metrics --format csv" "metrics"; do
    "$bin" $cmd "$ex" >/dev/full 2>"$tmp/full.err"
    st=$?
    [ $st = 73 ] && grep -q "error: cannot write the output" "$tmp/full.err" && ok ||
        ko "$cmd > /dev/full: exit $st, $(cat "$tmp/full.err")"
done
# an output symlinked to a file elsewhere is refused (73, naming it):
# never followed, never replaced, nothing written
fresh link
echo precious >"$tmp/outside.pdf"
mkdir -p "$tmp/link/out"
ln -s ../../outside.pdf "$tmp/link/out/b.pdf"
(cd "$tmp/link" && "$bin" report -q -o out/b.pdf data.csv indicators.csv regions.csv 2>"$tmp/link.err")
st=$?
[ $st = 73 ] && ok || ko "report onto a symlink exited $st, not 73"
has "$tmp/link.err" "out/b.pdf: error: not written: it is a symbolic link, and statbrief never follows a link it did not make"
[ "$(cat "$tmp/outside.pdf")" = precious ] && ok || ko "a symlinked output was followed and overwritten"
[ "$(readlink "$tmp/link/out/b.pdf")" = ../../outside.pdf ] && [ "$(ls -A "$tmp/link/out")" = b.pdf ] && ok ||
    ko "the symlink was replaced, or something was written beside it"
fresh unread
chmod 000 "$tmp/unread/data.csv"
(cd "$tmp/unread" && as_user "$tmp/bin/statbrief" check data.csv 2>"$tmp/ur.err")
st=$?
[ $st = 66 ] && ok || ko "an unreadable input exited $st, not 66"
grep -q "data.csv: error: cannot open: Permission denied" "$tmp/ur.err" && ok ||
    ko "unreadable input: $(cat "$tmp/ur.err")"
chmod 644 "$tmp/unread/data.csv"
# a file gone after its folder was listed (what a dangling link is when
# opened), and inputs that are no files: 66 at once, naming them, never a
# wait for a writer, no brief
fresh gone
g=$tmp/gone
ln -s vanished.csv "$g/more.csv"
(cd "$g" && timeout 20 "$bin" report -q -o b.pdf . 2>"$tmp/gone.err")
st=$?
[ $st = 66 ] && ok || ko "a vanished input exited $st, not 66"
has "$tmp/gone.err" "more.csv: error: cannot open: No such file or directory"
rm -f "$g/more.csv"
mkfifo "$g/pipe.csv"
(cd "$g" && timeout 20 "$bin" report -q -o b.pdf . 2>"$tmp/fifo.err")
st=$?
[ $st = 66 ] && ok || ko "a FIFO in the data folder exited $st, not 66 (124: it waited)"
has "$tmp/fifo.err" "pipe.csv: error: not a regular file (a pipe, socket or device)"
(cd "$g" && timeout 20 "$bin" check pipe.csv 2>"$tmp/fifo2.err")
[ $? = 66 ] && ok || ko "a FIFO named as input did not exit 66"
rm -f "$g/pipe.csv"
[ ! -f "$g/b.pdf" ] && ok || ko "a run with a vanished input wrote its brief"
mkdir "$g/old.csv"                    # a folder called x.csv is not read
(cd "$g" && "$bin" check -q .) && ok || ko "a folder named old.csv was read as a file"
# an output replaced by a FIFO is refused (73, naming it), not read,
# waited for or replaced
(cd "$g" && "$bin" charts -q -o out . && rm out/gdp.pdf && mkfifo out/gdp.pdf) ||
    ko "charts before an output became a FIFO failed"
(cd "$g" && timeout 20 "$bin" charts -q -o out . 2>"$tmp/ofifo.err")
st=$?
[ $st = 73 ] && ok || ko "an output that became a FIFO exited $st, not 73 (124: it waited)"
has "$tmp/ofifo.err" "out/gdp.pdf: error: not written: it is a FIFO"
[ -p "$g/out/gdp.pdf" ] && ok || ko "an output that became a FIFO was replaced"

# ---- signals -------------------------------------------------------------------
# SIGTERM during a long load (a cron job's `timeout`) stops it there, not
# when the load ends: signalled when 2 of the file's 64 KiB blocks are
# read (the 1st csv_block is the peek at the header, the 2nd the first
# block of the full read), it stops within the first 3 blocks' lines.
awk 'BEGIN { print "indicator,region,year,value"
    for (i = 0; i < 100000; i++)
        printf "i%d,R%d,%d,%d.5\n", i % 50, int(i / 50) % 1000, 1900 + int(i / 50000), i % 977 }' >"$tmp/long.csv"
hook_run 7 csv_block:4 "$tmp" "$tmp/sigload.err" "$bin" check long.csv
p=$!
hook_at 7
[ "$point" = csv_block:4 ] && ok || ko "the load of long.csv never reached its 3rd block (${point:-ended})"
[ -n "$ppid" ] && kill -TERM $ppid
wait $p
st=$?
hook_end 7
[ $st = 143 ] && ok || ko "SIGTERM during a load exited $st, not 143"
has "$tmp/sigload.err" "error: stopped by a signal while reading"
at=$(sed -n 's/^statbrief: long\.csv:\([0-9]*\): error: stopped by a signal.*/\1/p' "$tmp/sigload.err")
max=$(head -c $((3 * 65536)) "$tmp/long.csv" | wc -l)
[ -n "$at" ] && [ "$at" -gt 1 ] && [ "$at" -le "$max" ] && ok ||
    ko "SIGTERM after 2 blocks stopped at line ${at:-?}, not within the first $max"
rm -f "$tmp/long.csv"

# SIGTERM during charts, when the 6th file is written: the chart being
# made is finished (its files go together), nothing after it is started
fresh sig
s=$tmp/sig
sh bench/medium.sh "$s" 2>/dev/null
mkdir -p "$s/in" && mv "$s/data.csv" "$s/regions.csv" "$s/indicators.csv" "$s/in/"
hook_run 7 run_wrote:6 "$s" "$tmp/term.err" "$bin" charts --format pdf,png,svg -o out in
pid=$!
hook_at 7
[ "$point" = run_wrote:6 ] && ok || ko "charts never wrote its 6th file (${point:-ended})"
[ -n "$ppid" ] && kill -TERM $ppid
wait $pid
st=$?
hook_end 7
[ $st = 143 ] && ok || ko "SIGTERM: exit $st, expected 143"
has "$tmp/term.err" "error: stopped by a signal; the charts finished so far are kept"
ls -a "$s/out" | grep -q sbtmp && ko "SIGTERM left temporary files" || ok
sed -n 's/^statbrief: wrote \([^ ]*\) .*/\1/p' "$tmp/term.err" | sort >"$tmp/term.wrote"
# 3 files a chart (pdf, png, svg) and a text alternative: the 6th file
# is in the 2nd chart, which is finished; nothing of the 3rd is made
charts_done=$(sed 's/\.[a-z]*$//' "$tmp/term.wrote" | sort -u | wc -l)
[ "$charts_done" = 2 ] && ok || ko "SIGTERM at the 6th file: $charts_done charts made, not 2 ($(tr '\n' ' ' <"$tmp/term.wrote"))"
bad=0
for p in "$s"/out/*.pdf; do
    [ -f "$p" ] || continue
    qpdf --check "$p" >/dev/null 2>&1 || bad=1
done
[ $bad = 0 ] && ok || ko "SIGTERM left a broken PDF"
(cd "$s" && "$bin" charts -v --wait 0 --format pdf,png,svg -o out in 2>"$tmp/s.err") && ok ||
    ko "the run after SIGTERM failed (lock not released?)"
skipped=$(grep -c "^statbrief: skip" "$tmp/s.err")
[ "$skipped" = "$charts_done" ] && ok || ko "after SIGTERM $skipped charts were kept, not the $charts_done finished"
sed -n 's/^statbrief: wrote \([^ ]*\) .*/\1/p' "$tmp/s.err" | sort >"$tmp/s.wrote"
[ -z "$(comm -12 "$tmp/term.wrote" "$tmp/s.wrote")" ] && ok ||
    ko "the run after SIGTERM remade finished files: $(comm -12 "$tmp/term.wrote" "$tmp/s.wrote" | head -n 3 | tr '\n' ' ')"
[ $(($(wc -l <"$tmp/term.wrote") + $(wc -l <"$tmp/s.wrote"))) = 160 ] && ok ||
    ko "the runs before and after SIGTERM wrote $(wc -l <"$tmp/term.wrote") + $(wc -l <"$tmp/s.wrote") files, not 160"

# ---- SIGKILL at every named point --------------------------------------------------
# A run of report and one of charts are first followed through every
# pause point (each announced, then let go on): that trace is the list of
# places a kill can land. Then, for each place in turn, from no outputs:
# report and charts started together, each killed at its place (report
# at its i-th, charts at its i-th, the shorter list wrapping); every PDF
# left passes qpdf --check; a kill on a temporary file's points leaves
# that file and the next run removes it; the next run remakes exactly the
# outputs that are missing or not what the store recorded (a kill between
# recording and renaming), and exactly as many as the trace says were
# not yet in place at that point: none after the last output's rename,
# all before the first's.
records() { # DIR: the store, then the journals of a killed run, whose
    # last line is dropped when the kill cut it short (no newline)
    cat "$1/.statbrief-state" 2>/dev/null
    for j in "$1"/.statbrief-state.job*; do
        [ -f "$j" ] || continue
        if [ "$(tail -c 1 "$j" | od -An -c | tr -d ' ')" = '\n' ]; then
            cat "$j"
        else
            sed '$d' "$j"
        fi
    done
}
expect_rebuild() { # DIR FILES: the outputs the store does not vouch for
    for f in $2; do
        rec=$(records "$1" | awk -F'\t' -v n="$f" '$1 == "F" && $2 == n { r = $4 } END { print r }')
        got=$(sha256sum "$1/$f" 2>/dev/null | cut -d' ' -f1)
        [ -n "$rec" ] && [ "$rec" = "$got" ] || echo "$1/$f"
    done
}
fresh kill
k=$tmp/kill
reset_kill() { rm -rf "$k/charts" "$k"/*.pdf "$k"/.statbrief-state* "$k/statbrief-manifest.json"; }
# trace NAME CMD...: the points CMD passes, one "NAME:K" a line, into
# $tmp/trace-NAME. Kept for the walk ($tmp/walk-NAME): one kill in the
# load (nothing is written there: it stands for all of the load's
# points), every point met once, and of the five points each output file
# passes: all five of the first file; of the 4th (the end of the first
# chart) recorded-not-renamed and run_wrote (between charts); of the last
# file written-not-recorded, recorded-not-renamed and renamed. The other
# files' points leave the same states with another count of files done.
trace() {
    _t=$1
    shift
    reset_kill
    hook_run 7 '*' "$k" "$tmp/trace-$_t.err" "$@"
    _p=$!
    : >"$tmp/trace-$_t"    # every point passed; $tmp/walk-$_t: those kept
    while hook_at 7; [ -n "$point" ]; do
        echo "$point" >>"$tmp/trace-$_t"
        kill -CONT $ppid
    done
    wait $_p || ko "the traced $_t run failed: $(cat "$tmp/trace-$_t.err")"
    hook_end 7
    _o=$(grep -c '^out_recorded:' "$tmp/trace-$_t")
    { echo csv_block:2
      awk -F: -v o="$_o" '$1 ~ /^csv_/ { next }
          $1 ~ /^(out_temp_created|out_temp_written|out_recorded|out_renamed|run_wrote)$/ && $2 <= o &&
          !($2 == 1 || ($2 == 4 && $1 ~ /^(out_recorded|run_wrote)$/) ||
            ($2 == o && $1 ~ /^(out_temp_written|out_recorded|out_renamed)$/)) { next }
          { print }' "$tmp/trace-$_t"
    } >"$tmp/walk-$_t"
}
trace report "$bin" report -q --spec brief.yaml
trace charts "$bin" charts -q --format pdf,png,svg --spec brief.yaml
# every point of core/testhook.h but lock_busy (no other run here) and
# csv_eof (left out above) is met
for pt in csv_block run_begin lock_taken out_temp_created out_temp_written out_recorded out_renamed run_wrote state_saved run_end; do
    grep -q "^$pt:" "$tmp/walk-report" "$tmp/walk-charts" && ok || ko "no run passed the point $pt"
done
# missing NAME POINT: how many outputs of the traced run NAME are not in
# place when it is killed at POINT (outputs are renamed before the store)
missing() {
    awk -v at="$2" '{ ev[NR] = $0 } /^out_recorded:/ { n++ }
        END { for (i = 1; i <= NR; i++) { if (ev[i] ~ /^out_renamed:/) done++; if (ev[i] == at) break }
              if (done > n) done = n; print n - done }' "$tmp/trace-$1"
}
nr=$(wc -l <"$tmp/walk-report") nc=$(wc -l <"$tmp/walk-charts")
[ "$(missing report run_begin:1)" = 1 ] && [ "$(missing charts run_begin:1)" = 8 ] && ok ||
    ko "the traces do not show 1 brief and 8 chart files"
n=$((nr > nc ? nr : nc))
i=0 middle=
while [ $i -lt $n ]; do
    reset_kill
    pr=$(sed -n "$((i % nr + 1))p" "$tmp/walk-report")
    pc=$(sed -n "$((i % nc + 1))p" "$tmp/walk-charts")
    hook_run 7 "$pr" "$k" /dev/null "$bin" report -q --spec brief.yaml
    p1=$!
    hook_run 8 "$pc" "$k" /dev/null "$bin" charts -q --format pdf,png,svg --spec brief.yaml
    p2=$!
    hook_at 7; got_r=$point
    hook_at 8; got_c=$point
    kill -KILL $p1 $p2 2>/dev/null
    wait $p1 $p2 2>/dev/null
    hook_end 7
    hook_end 8
    at="report at $pr, charts at $pc"
    [ "$got_r" = "$pr" ] && [ "$got_c" = "$pc" ] && ok ||
        ko "the kill did not land: report reached ${got_r:-no point} for $pr, charts ${got_c:-no point} for $pc"
    for p in "$k"/*.pdf "$k"/charts/*.pdf; do
        [ -f "$p" ] || continue
        qpdf --check "$p" >/dev/null 2>&1 || ko "SIGKILL ($at) left a broken $(basename "$p")"
    done
    # a kill on a temporary file leaves it; the next run's sweep says so
    case $pr in out_temp_*)
        [ "$(ls -a "$k" | grep -c sbtmp)" = 1 ] && ok || ko "report killed at $pr left no temporary file" ;;
    esac
    case $pc in out_temp_*)
        [ "$(ls -a "$k/charts" | grep -c sbtmp)" = 1 ] && ok || ko "charts killed at $pc left no temporary file" ;;
    esac
    { expect_rebuild "$k" "chongqing-brief-2023-en.pdf"
      expect_rebuild "$k/charts" "rd_intensity.pdf rd_intensity.png rd_intensity.svg rd_intensity.txt high_tech_enterprises-bar.pdf high_tech_enterprises-bar.png high_tech_enterprises-bar.svg high_tech_enterprises-bar.txt"
    } | sed "s|^$k/|./|" | sort >"$tmp/k.want"
    mr=$(missing report "$pr") mc=$(missing charts "$pc")
    wr=$(grep -c '^\./chongqing' "$tmp/k.want") wch=$(grep -c '^\./charts/' "$tmp/k.want")
    [ "$wr" = "$mr" ] && [ "$wch" = "$mc" ] && ok ||
        ko "SIGKILL ($at): the store leaves $wr brief and $wch chart files to remake, the trace says $mr and $mc"
    middle="$middle $mc"
    # the next runs, together as the killed ones were (each its own lock)
    (cd "$k" && exec "$bin" report -v --spec brief.yaml 2>"$tmp/k1.err") &
    p1=$!
    (cd "$k" && exec "$bin" charts -v --format pdf,png,svg --spec brief.yaml 2>"$tmp/k2.err")
    st=$?
    wait $p1 && [ $st = 0 ] || ko "the run after SIGKILL ($at) failed"
    cat "$tmp/k1.err" "$tmp/k2.err" | sed -n 's/^statbrief: wrote \([^ ]*\) .*/\1/p' | sort >"$tmp/k.got"
    cmp -s "$tmp/k.want" "$tmp/k.got" ||
        ko "after SIGKILL ($at): expected to remake [$(tr '\n' ' ' <"$tmp/k.want")], remade [$(tr '\n' ' ' <"$tmp/k.got")]"
    case $pr in out_temp_*) has "$tmp/k1.err" "removed .: 1 temporary file left by a stopped run" ;; esac
    case $pc in out_temp_*) has "$tmp/k2.err" "removed ./charts: 1 temporary file left by a stopped run" ;; esac
    ls -a "$k" "$k/charts" | grep -q sbtmp && ko "temporary files survived the run after SIGKILL ($at)"
    i=$((i + 1))
done
ok
# kills with some chart files in place and some not, each checked
# exactly above: after the first file (7 to remake), between the two
# charts (4), before the last file (1)
for m in 7 4 1; do
    case " $middle " in *" $m "*) ok ;; *) ko "no kill left $m of the 8 chart files to remake (kills left:$middle)" ;; esac
done

# ---- --log json -------------------------------------------------------------------
fresh json
(cd "$tmp/json" && "$bin" report --log json --spec brief.yaml 2>"$tmp/j.err") || ko "--log json failed"
bad=$(grep -cv '^{"event":".*}$' "$tmp/j.err")
[ "$bad" = 0 ] && ok || ko "--log json printed $bad lines that are not JSON objects"
grep -q '^{"event":"wrote","path":"./chongqing-brief-2023-en.pdf","pages":5,"bytes":[0-9]*,"seconds":[0-9.]*}$' "$tmp/j.err" \
    && ok || ko "no wrote event: $(head -c 300 "$tmp/j.err")"
grep -q '^{"event":"summary","command":"report","written":1,"unchanged":0,"failed":0,"seconds":[0-9.]*,"status":0}$' "$tmp/j.err" \
    && ok || ko "no summary event"
(cd "$tmp/json" && "$bin" report --log json --expect-year 2030 --spec brief.yaml 2>"$tmp/j.err")
grep -q '^{"event":"warning","message":"the data end in 2023; --expect-year 2030: is the source updated?"}$' "$tmp/j.err" \
    && ok || ko "no warning event: $(cat "$tmp/j.err")"

summary
