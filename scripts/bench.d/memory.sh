#!/usr/bin/env bash
# Memory: switchboardd's resident set (RSS) idle, at a steady call rate (SIPp callers through the
# B2BUA to a SIPp UAS answering as every agent), and after an OPTIONS flood, against the goals:
# at 1,000 calls/s at most 150 MB; two minutes after 200,000 OPTIONS in 20 s, at most twice the
# idle RSS. Release build. Tunables: MEMORY_CPS (1000), MEMORY_SECONDS (40), MEMORY_FLOOD (200000),
# MEMORY_FLOOD_RATE (10000), MEMORY_SETTLE (120), BENCH_AGENTS (6000), BENCH_BIN.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -n "${BENCH_BIN:-}" ] || swift build -c release --product switchboardd >/dev/null
export SWITCHBOARD_BIN="${BENCH_BIN:-$(swift build -c release --show-bin-path)}"
source scripts/lib/bench.sh
source scripts/lib/switchboardd.sh
cps="${MEMORY_CPS:-1000}" seconds="${MEMORY_SECONDS:-40}"
flood="${MEMORY_FLOOD:-200000}" flood_rate="${MEMORY_FLOOD_RATE:-10000}" settle="${MEMORY_SETTLE:-120}"
queue_number="+15550100"

# rss_mb PID: the resident set of PID in whole megabytes.
rss_mb() { awk '/^VmRSS:/ { printf "%d\n", $2 / 1024 }' "/proc/$1/status"; }

free_ports uas_port sip_port control_port
start_sipp uas -sf "$HARNESS_REPO/tests/sipp/kamailio-reference/uas.xml" -i 127.0.0.1 -p "$uas_port" -aa "${BENCH_SIPP_ARGS[@]}"
wait_for_udp_listen "$uas_port" 10 "$SIPP_PID"
extra="$HARNESS_DIR/agents.yaml"
write_bench_agents "$extra" "${BENCH_AGENTS:-6000}" "$queue_number"
echo "control: { address: 127.0.0.1, port: $control_port }" >>"$extra"
config="$HARNESS_DIR/switchboard.yaml"
SWITCHBOARD_LOG_LEVEL=warning write_switchboard_config "$config" "$sip_port" "$uas_port" "$extra"
start_switchboardd switchboardd "$config" "$sip_port"
sleep 2
idle="$(rss_mb "$SWITCHBOARDD_PID")"

echo "== $cps calls/s held ${BENCH_HOLD_MS:-1000} ms for $seconds s"
start_sipp callers -sf "$HARNESS_REPO/tests/sipp/kamailio-reference/uac.xml" -s "$queue_number" -set direct 1 \
    -r "$cps" -m "$((cps * seconds))" -d "${BENCH_HOLD_MS:-1000}" "${BENCH_SIPP_ARGS[@]}" "127.0.0.1:$sip_port"
callers_pid="$SIPP_PID"
samples=()
for ((second = 1; second <= seconds; second++)); do
    sleep 1
    if (( second > seconds / 2 )); then samples+=("$(rss_mb "$SWITCHBOARDD_PID")"); fi
done
wait "$callers_pid" || echo "(some calls failed: see $HARNESS_DIR/callers)"
steady="$(printf '%s\n' "${samples[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
peak="$(printf '%s\n' "${samples[@]}" | sort -n | tail -n 1)"
wait_until_idle "$control_port" 120 || true

echo "== $flood OPTIONS at $flood_rate/s"
SIPP_TIMEOUT=$((flood / flood_rate + 60)) run_sipp flood -sf "$HARNESS_REPO/tests/sipp/bench/options-uac.xml" \
    -r "$flood_rate" -m "$flood" "${BENCH_SIPP_ARGS[@]}" "127.0.0.1:$sip_port" || true
after_flood="$(rss_mb "$SWITCHBOARDD_PID")"
sleep "$settle"
settled="$(rss_mb "$SWITCHBOARDD_PID")"

echo
printf '%-36s %8s %10s\n' measure rss_mb goal_mb
printf '%-36s %8s %10s\n' idle "$idle" -
printf '%-36s %8s %10s\n' "steady $cps calls/s (median, 2nd half)" "$steady" 150
printf '%-36s %8s %10s\n' "steady $cps calls/s (peak)" "$peak" -
printf '%-36s %8s %10s\n' "right after the OPTIONS flood" "$after_flood" -
printf '%-36s %8s %10s\n' "$settle s after the flood" "$settled" "$((idle * 2))"
