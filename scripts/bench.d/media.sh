#!/usr/bin/env bash
# scripts/bench media: music on hold from one MediaEngine on one event loop, N streams at once (each
# plays the welcome and please-hold prompts of scripts/make-prompts first, loaded through WAVAudio), to a
# receiver in another process (scripts/bench.d/media-rtp.c, plain C, kernel receive timestamps) that
# measures each stream's inter-arrival times; and, in the same run, the same receiver fed by a plain
# C sender (one socket per stream, one sendto each per 20 ms on an absolute-time grid, the streams
# spread over the engine's phases) as the reference. Rounds alternate engine and reference; the
# table shows the median of the rounds. Each round also measures the machine itself: cyclictest
# (rt-tests) wakes one thread every 1 ms, at the senders' priority, for the same seconds with nothing
# else running; a wake-up more than 1 ms late would make any sender's packets of that slot late.
#
# Columns: share of inter-arrivals within 20 ms ± 1 ms, the 99.9th percentile of |inter-arrival -
# 20 ms|, packets lost (sequence gaps), the sender's CPU (% of one core, and µs per stream per
# second), and for the engine its late ticks and skipped frames.
#
# Usage: scripts/bench media [rounds]
# Environment: MEDIA_STREAMS="500 1000 2000 3000", MEDIA_SECONDS=8 (measured), MEDIA_WARMUP=3,
#              MEDIA_FIRST_PORT=20000 (the senders' ports: two per stream from there),
#              MEDIA_REALTIME=1 runs receiver and senders under SCHED_FIFO (chrt -f 20), so that other
#              work on a shared machine delays neither (the same for the engine and the reference),
#              MEDIA_PHASES=N spreads both senders' streams over N phases of the 20 ms period (1, 2, 4,
#              5, 10 or 20; unset: the engine's default, 20; 1: every stream at the same tick)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-3}"
read -r -a counts <<<"${MEDIA_STREAMS:-500 1000 2000 3000}"
seconds="${MEDIA_SECONDS:-8}"
warmup="${MEDIA_WARMUP:-3}"
first_port="${MEDIA_FIRST_PORT:-20000}"
work="$(mktemp -d)"
receiver_pid=""
cleanup() {
    [ -z "$receiver_pid" ] || kill "$receiver_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

source scripts/lib/timer_floor.sh
scripts/make-prompts "$work/prompts"
gcc -O2 -Wall -o "$work/media-rtp" scripts/bench.d/media-rtp.c
swift build -c release --product bench-media >&2
engine_bin="$(swift build -c release --show-bin-path)/bench-media"
priority=()
[ "${MEDIA_REALTIME:-0}" = 0 ] || priority=(chrt -f 20)
ulimit -n "$(( $(ulimit -Hn) < 65536 ? $(ulimit -Hn) : 65536 ))"

free_port() { python3 -c 'import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# run_round SENDER N: one measurement; appends "key=value ..." of sender and receiver to $work/SENDER-N.
run_round() {
    local sender="$1" count="$2" port sender_line
    port="$(free_port)"
    "${priority[@]}" "$work/media-rtp" receive "$port" >"$work/receiver.txt" &
    receiver_pid=$!
    if [ "$sender" = engine ]; then
        sender_line="$("${priority[@]}" "$engine_bin" "$count" "$seconds" "$warmup" "$port" "$first_port" "$work/prompts")"
    else
        sender_line="$("${priority[@]}" "$work/media-rtp" send "$port" "$count" "$seconds" "$warmup" "$first_port" \
            "${MEDIA_PHASES:-20}")"
    fi
    wait "$receiver_pid"
    receiver_pid=""
    echo "$sender_line $(cat "$work/receiver.txt")" >>"$work/$sender-$count"
}

for round in $(seq "$rounds"); do
    timer_floor "$seconds" "${MEDIA_REALTIME:-0}" >>"$work/machine"
    for count in "${counts[@]}"; do
        run_round engine "$count"
        run_round c-reference "$count"
        echo "round $round, $count streams: done" >&2
    done
done

# median FILE KEY: the median of KEY's values over the rounds in FILE ("-" when absent).
median() {
    tr ' ' '\n' <"$1" | awk -F= -v key="$2" '$1 == key { print $2 }' | sort -g |
        awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else print v[int((NR + 1) / 2)] }'
}

# rounds_of FILE KEY: KEY's values in FILE, round by round, comma-separated.
rounds_of() { tr ' ' '\n' <"$1" | awk -F= -v key="$2" '$1 == key { print $2 }' | paste -sd, -; }

echo "media: music on hold, $seconds s measured after $warmup s, median of $rounds rounds${priority[*]:+, under ${priority[*]}}"
printf '%-8s %-12s %12s %9s %8s %8s %16s %10s %8s\n' streams sender "±1ms %" "p99.9 ms" lost "cpu %" "µs cpu/stream/s" late_ticks skipped
for count in "${counts[@]}"; do
    for sender in engine c-reference; do
        file="$work/$sender-$count"
        printf '%-8s %-12s %12s %9s %8s %8s %16s %10s %8s\n' "$count" "$sender" "$(median "$file" within_1ms_percent)" \
            "$(median "$file" p999_ms)" "$(median "$file" lost)" "$(median "$file" cpu_percent)" \
            "$(median "$file" cpu_us_per_stream_s)" "$(median "$file" late_ticks)" "$(median "$file" skipped)"
    done
done
for count in "${counts[@]}"; do
    echo "$count streams, within 1 ms by round: engine $(rounds_of "$work/engine-$count" within_1ms_percent);" \
        "C $(rounds_of "$work/c-reference-$count" within_1ms_percent)"
done
echo "the machine alone by round (% of wake-ups within 1 ms): $(rounds_of "$work/machine" within_1ms_percent)"
echo "the machine alone (cyclictest, a thread woken every 1 ms${priority[*]:+ at the same priority}): $(median "$work/machine" within_1ms_percent) % of wake-ups within 1 ms of their time, p99.9 $(median "$work/machine" p999_ms) ms, max $(median "$work/machine" max_ms) ms"
echo "ideal: 50 packets/s per stream, every inter-arrival 20 ms"
