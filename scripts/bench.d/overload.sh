#!/usr/bin/env bash
# Overload: SIPp callers offered 1×, 1.5×, 2× and 3× switchboardd's highest clean call rate (found
# first, as scripts/bench calls does, or given as OVERLOAD_CLEAN_RATE), OVERLOAD_SECONDS (20) per
# step, through to a SIPp UAS answering as every agent. Per step: calls completed per second and
# their share of the clean rate, 503s sent (from /v1/status), SIPp's retransmissions, call setup p50
# and p99, and how long after the step the daemon held no call, dialog or transaction again (ended
# calls linger 64·T1 = 32 s by RFC 3261, so that is the floor). Release build; BENCH_BIN as for calls.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -n "${BENCH_BIN:-}" ] || swift build -c release --product switchboardd >/dev/null
export SWITCHBOARD_BIN="${BENCH_BIN:-$(swift build -c release --show-bin-path)}"
source scripts/lib/bench.sh
source scripts/lib/switchboardd.sh
scenarios="$HARNESS_REPO/tests/sipp/kamailio-reference"
queue_number="+15550100"
seconds="${OVERLOAD_SECONDS:-20}"

uas_port="$(free_port)"
start_sipp uas -sf "$scenarios/uas.xml" -i 127.0.0.1 -p "$uas_port" -aa "${BENCH_SIPP_ARGS[@]}"
wait_for_udp_listen "$uas_port" 10 "$SIPP_PID"
sip_port="$(free_port)"
control_port="$(free_port)"
extra="$HARNESS_DIR/agents.yaml"
write_bench_agents "$extra" "${BENCH_AGENTS:-6000}" "$queue_number"
config="$HARNESS_DIR/switchboard.yaml"
SWITCHBOARD_LOG_LEVEL=warning write_switchboard_config "$config" "$sip_port" "$uas_port" "$extra"
echo "control: { address: 127.0.0.1, port: $control_port }" >>"$config"
start_switchboardd switchboardd "$config" "$sip_port"

# status_fields: "calls dialogs transactions refused503" from GET /v1/status.
status_fields() {
    curl -fsS --max-time 5 "http://127.0.0.1:$control_port/v1/status" | python3 -c 'import json, sys
s = json.load(sys.stdin)
print(s["calls"], s["dialogs"], s["serverTransactions"] + s["clientTransactions"],
      s["refusedNewCalls"]["capacity"] + s["refusedNewCalls"]["overload"] + s["refusedForTransactionCapacity"])'
}

# idle_after: seconds until the daemon holds no call, dialog or transaction (at most 180).
idle_after() {
    local start=$SECONDS calls dialogs transactions refused
    while [ $((SECONDS - start)) -lt 180 ]; do
        read -r calls dialogs transactions refused <<<"$(status_fields)"
        [ "$calls" = 0 ] && [ "$dialogs" = 0 ] && [ "$transactions" = 0 ] && { echo $((SECONDS - start)); return; }
        sleep 1
    done
    echo ">180"
}

clean="${OVERLOAD_CLEAN_RATE:-}"
if [ -z "$clean" ]; then
    echo "== the highest clean rate first (as scripts/bench calls)"
    BENCH_RATES="${BENCH_RATES:-1000 2000 2500 3000 3500 4000 5000}" BENCH_UAS=uas find_max_rate switchboardd \
        "127.0.0.1:$sip_port" "$scenarios/uac.xml" -s "$queue_number" -set direct 1
    clean="$BENCH_BEST_RATE"
    idle_after >/dev/null
fi
[ "$clean" -gt 0 ] || { echo "no clean rate found" >&2; exit 1; }

echo
echo "== offered load against the clean rate of $clean calls/s, $seconds s per step, calls held ${BENCH_HOLD_MS:-1000} ms"
printf '%-7s %8s %9s %11s %7s %8s %8s %6s %7s %12s\n' offered cps calls completed/s share 503s retrans p50ms p99ms idle_after_s
for factor in 1 1.5 2 3; do
    rate="$(awk -v c="$clean" -v f="$factor" 'BEGIN { printf "%d", c * f }')"
    read -r _ _ _ refused_before <<<"$(status_fields)"
    name="offered-$factor"
    SIPP_TIMEOUT=$((seconds + 60)) run_sipp "$name" -sf "$scenarios/uac.xml" -i 127.0.0.1 -r "$rate" -m $((rate * seconds)) \
        -d "${BENCH_HOLD_MS:-1000}" "${BENCH_SIPP_ARGS[@]}" -s "$queue_number" -set direct 1 "127.0.0.1:$sip_port" || true
    read -r ok _ retrans p50 p99 _ <<<"$(_bench_sipp_figures "$HARNESS_DIR/$name")"
    read -r _ _ _ refused_after <<<"$(status_fields)"
    idle="$(idle_after)"
    awk -v f="$factor" -v r="$rate" -v n=$((rate * seconds)) -v ok="$ok" -v s="$seconds" -v c="$clean" \
        -v refused=$((refused_after - refused_before)) -v retrans="$retrans" -v p50="$p50" -v p99="$p99" -v idle="$idle" \
        'BEGIN { printf "%-7s %8d %9d %11.0f %6.0f%% %8d %8s %6s %7s %12s\n", f "x", r, n, ok / s, 100 * ok / s / c, refused, retrans, p50, p99, idle }'
done
kill -0 "$SWITCHBOARDD_PID" && echo "switchboardd still running after 3x: yes"
