# What the machine itself allows a pacing sender: cyclictest (Debian rt-tests) wakes one thread every
# 1 ms; a wake-up more than 1 ms late delays any sender's packets of that slot the same way.
# Sourced by scripts/bench media and hold.

# timer_floor SECONDS REALTIME: one cyclictest run of SECONDS s, under SCHED_FIFO 20 when REALTIME is
# not 0; prints "within_1ms_percent=… p999_ms=… max_ms=…" (wake-ups within 1 ms of their time, the
# 99.9th percentile and the maximum of their lateness). Installs rt-tests when cyclictest is missing.
timer_floor() {
    local seconds="$1" realtime=() histogram
    [ "$2" = 0 ] || realtime=(-p 20)
    if ! command -v cyclictest >/dev/null; then
        echo "installing rt-tests (cyclictest)" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends rt-tests >/dev/null
    fi
    histogram="$(mktemp)"
    cyclictest -m -q "${realtime[@]}" -i 1000 -D "${seconds}s" -h 100000 --histfile="$histogram" >/dev/null
    awk '!/^#/ { n += $2; if ($1 <= 1000) within += $2; count[$1 + 0] = $2; if ($2) top = $1 + 0 }
         END { for (us = 0; us <= top; us++) { seen += count[us]; if (seen * 1000 >= n * 999) { p = us; break } }
               printf "within_1ms_percent=%.3f p999_ms=%.2f max_ms=%.2f\n", 100 * within / n, p / 1000, top / 1000 }' \
        "$histogram"
    rm -f "$histogram"
}
