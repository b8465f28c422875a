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

hook_run 7 csv_eof "$tmp" "$tmp/check.err" \
    sh -c 'exec "$0" "$@" >check.out' "$bin" check "$tmp/big.csv"
pid=$!
n=0
while hook_at 7; [ -n "$point" ]; do
    n=$((n + 1))
    cp "/proc/$ppid/smaps" "$tmp/smaps" 2>/dev/null || : >"$tmp/smaps"
    kill -CONT "$ppid"
done
hook_end 7
wait "$pid"
rc=$?
[ "$rc" -eq 0 ] && ok || ko "check of 1.2 million rows exited $rc: $(head -c 300 "$tmp/check.err")"
has "$tmp/check.out" "rows: 1200000; values: 1200000; missing: 0"
[ "$n" -ge 1 ] && ok || ko "check never paused at csv_eof"
set -- $(hg_kib "$tmp/smaps")
if [ "${1:-0}" -ge 16384 ]; then
    ok
    echo "hugepages: ${1} KiB of the heap marked for huge pages, ${2} KiB of it mapped huge (THP: $(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || echo unknown))"
else
    ko "after the load, ${1:-0} KiB of the heap is marked MADV_HUGEPAGE (want >= 16384)"
fi
summary
