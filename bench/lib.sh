# bench/lib.sh -- what the bench scripts share; sourced after they set
# $sw (build/rel/csvcount, which also times a command) and $tmp.

# best2 NAME CMD...: two runs of CMD, printing the best time and the
# larger peak RSS, "SECONDS MAX_RSS_KIB" (the best of two, because the
# first run may still be warming the page cache); exits on a failure,
# naming the bench.
best2() {
    _name=$1
    shift
    best= maxrss=0
    for run in 1 2; do
        "$sw" time "$@" 2>"$tmp/t" || { echo "bench: $_name: $* failed" >&2
                                        exit 1; }
        read -r secs rss _cpu <"$tmp/t"
        if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$secs
        fi
        if [ "$rss" -gt "$maxrss" ]; then maxrss=$rss; fi
    done
    echo "$best $maxrss"
}
