#!/bin/sh
# tests/hugepages.sh BIN -- the heap of a big load is marked for
# transparent huge pages (core/alloc.c sb_alloc_tune: a page fault cost
# 16 us on the machine issue 24 was timed on, and a 1 GB file's dataset
# is 120,000 pages of 4 KiB).
#
# BIN is a build with the pause points and glibc's own malloc
# (build/dbg/statbrief: a sanitizer's allocator has no program break).
# `check` loads a generated long file of 1.2 million values (a heap of
# about 40 MiB, past two of the 32 MiB steps the heap grows by), pausing
# at each csv_eof (core/testhook.h: after the load, the last time); there
# /proc/PID/smaps is read while the process waits, then it goes on.
# Asserted on the last pause: the [heap] mappings marked MADV_HUGEPAGE
# ("hg" in VmFlags) hold at least 16 MiB (half a step; without the advice
# none is marked), and the run ends 0 with the file's summary. How many of those pages the kernel did map huge
# depends on its setting and on free memory, so it is printed, not
# asserted.
# A second file of 530,000 series of one value each makes the series
# array a block of 56 MiB, past glibc's 32 MiB cap on its mmap threshold:
# a mapping of its own, outside the heap. Asserted: an anonymous mapping
# of at least 32 MiB is marked "hg" at the last pause (core/alloc.c
# advise_block; without it none is).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
suite=hugepages
. tests/lib.sh
export LC_ALL=C

case $(uname -s) in
Linux) ;;
*) echo "hugepages: not Linux: madvise(MADV_HUGEPAGE) is Linux's"; summary
   exit 0 ;;
esac

# 20 indicators x 1,000 regions x 60 years: 1.2 million rows
awk 'BEGIN {
    print "indicator,region,year,value"
    for (i = 0; i < 20; i++)
        for (r = 0; r < 1000; r++)
            for (y = 0; y < 60; y++)
                printf "ind%02d,reg%04d,%d,%d.5\n", i, r, 1961 + y, (i * 7 + r * 3 + y) % 997
}' >"$tmp/big.csv"

# hg_kib SMAPS: the KiB of [heap] mappings with "hg" in VmFlags, then the
# AnonHugePages KiB of those mappings
hg_kib() {
    awk '/^[0-9a-f]+-[0-9a-f]+ / { heap = ($NF == "[heap]"); size = 0; ahp = 0; next }
         heap && $1 == "Size:" { size = $2 }
         heap && $1 == "AnonHugePages:" { ahp = $2 }
         heap && $1 == "VmFlags:" { for (i = 2; i <= NF; i++) if ($i == "hg") { hg += size; huge += ahp } }
         END { printf "%d %d\n", hg, huge }' "$1"
}

# paused_check NAME: runs `check $tmp/NAME.csv` (output NAME.out, errors
# NAME.err), copying /proc/PID/smaps to $tmp/NAME.smaps at each pause;
# sets rc to its exit status and n to the pauses seen
paused_check() {
    : >"$tmp/$1.smaps"
    hook_run 7 csv_eof "$tmp" "$tmp/$1.err" \
        sh -c 'out=$1; shift; exec "$0" "$@" >"$out"' "$bin" "$1.out" \
        check "$tmp/$1.csv"
    pid=$!
    n=0
    while hook_at 7; [ -n "$point" ]; do
        n=$((n + 1))
        cp "/proc/$ppid/smaps" "$tmp/$1.smaps" 2>/dev/null || : >"$tmp/$1.smaps"
        kill -CONT "$ppid"
    done
    hook_end 7
    wait "$pid"
    rc=$?
}

paused_check big
[ "$rc" -eq 0 ] && ok || ko "check of 1.2 million rows exited $rc: $(head -c 300 "$tmp/big.err")"
has "$tmp/big.out" "rows: 1200000; values: 1200000; missing: 0"
[ "$n" -ge 1 ] && ok || ko "check never paused at csv_eof"
set -- $(hg_kib "$tmp/big.smaps")
if [ "${1:-0}" -ge 16384 ]; then
    ok
    echo "hugepages: ${1} KiB of the heap marked for huge pages, ${2} KiB of it mapped huge (THP: $(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || echo unknown))"
else
    ko "after the load, ${1:-0} KiB of the heap is marked MADV_HUGEPAGE (want >= 16384)"
fi

# 530,000 series of one value: the series array grows out of the heap
awk 'BEGIN {
    print "indicator,region,year,value"
    for (i = 0; i < 530000; i++)
        printf "ind%d,reg%06d,2020,%d\n", i % 10, i, i % 97
}' >"$tmp/wide.csv"

# big_hg SMAPS: the KiB of the largest anonymous mapping (no name) of at
# least 32 MiB marked "hg", 0 if none
big_hg() {
    awk '/^[0-9a-f]+-[0-9a-f]+ / { anon = (NF == 5); size = 0; next }
         anon && $1 == "Size:" { size = $2 }
         anon && $1 == "VmFlags:" && size >= 32768 {
             for (i = 2; i <= NF; i++) if ($i == "hg" && size > best) best = size }
         END { printf "%d\n", best }' "$1"
}

paused_check wide
[ "$rc" -eq 0 ] && ok || ko "check of 530,000 series exited $rc: $(head -c 300 "$tmp/wide.err")"
has "$tmp/wide.out" "rows: 530000; values: 530000; missing: 0"
kib=$(big_hg "$tmp/wide.smaps")
if [ "${kib:-0}" -ge 32768 ]; then
    ok
    echo "hugepages: the series array, a mapping of ${kib} KiB, is marked for huge pages"
else
    ko "after loading 530,000 series no anonymous mapping of 32 MiB or more is marked MADV_HUGEPAGE"
fi
summary
