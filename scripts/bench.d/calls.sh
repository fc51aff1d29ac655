#!/usr/bin/env bash
# Call throughput: SIPp callers through switchboardd (queue, ACD offer, B-leg, bridge, BYE both
# legs) to a SIPp UAS answering as every agent at once, with enough agents that no caller waits;
# in the same run Kamailio as a stateful record-routing proxy between the same SIPp peers, and the
# ratio of the two. Release build. Tunables: scripts/lib/bench.sh (BENCH_RATES, BENCH_SECONDS,
# BENCH_HOLD_MS ...); BENCH_AGENTS (default 6000); BENCH_LIMITS, extra `limits:` keys (default
# "overloadControl: false": this measures capacity like the Kamailio reference, which sheds nothing;
# the overload guard has its own benchmark, scripts/bench overload; empty for a build without the key).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -n "${BENCH_BIN:-}" ] || swift build -c release --product switchboardd >/dev/null
export SWITCHBOARD_BIN="${BENCH_BIN:-$(swift build -c release --show-bin-path)}"
source scripts/lib/bench.sh
source scripts/lib/switchboardd.sh
export BENCH_RATES="${BENCH_RATES:-250 500 1000 2000 3000 4000 6000 8000}"
scenarios="$HARNESS_REPO/tests/sipp/kamailio-reference"
queue_number="+15550100"

uas_port="$(free_port)"
start_sipp uas -sf "$scenarios/uas.xml" -i 127.0.0.1 -p "$uas_port" -aa "${BENCH_SIPP_ARGS[@]}"
wait_for_udp_listen "$uas_port" 10 "$SIPP_PID"

echo "== kamailio: SIPp UAC -> Kamailio (stateful, record-routing) -> SIPp UAS"
sbc_port="$(free_port)"
start_kamailio "$sbc_port" "127.0.0.1:$uas_port" "127.0.0.1:$uas_port" "127.0.0.1:$uas_port" '^[+]1555010'
BENCH_UAS=uas BENCH_CPU_PID="$KAMAILIO_PID" find_max_rate kamailio "127.0.0.1:$sbc_port" "$scenarios/uac.xml" -s "$queue_number"
kamailio=("$BENCH_BEST_RATE" "$BENCH_BEST_CPU_MS" "$BENCH_BEST_P50_MS" "$BENCH_BEST_P99_MS")
stop_process "kamailio-$sbc_port"

echo "== switchboardd: SIPp UAC -> switchboardd (B2BUA + ACD) -> SIPp UAS as ${BENCH_AGENTS:-6000} agents"
sip_port="$(free_port)"
extra="$HARNESS_DIR/agents.yaml"
write_bench_agents "$extra" "${BENCH_AGENTS:-6000}" "$queue_number" "${BENCH_LIMITS-overloadControl: false}"
config="$HARNESS_DIR/switchboard.yaml"
SWITCHBOARD_LOG_LEVEL=warning write_switchboard_config "$config" "$sip_port" "$uas_port" "$extra"
start_switchboardd switchboardd "$config" "$sip_port"
BENCH_UAS=uas BENCH_CPU_PID="$SWITCHBOARDD_PID" find_max_rate switchboardd "127.0.0.1:$sip_port" "$scenarios/uac.xml" \
    -s "$queue_number" -set direct 1

echo
echo "== calls held ${BENCH_HOLD_MS:-1000} ms, ${BENCH_SECONDS:-5} s per rate"
printf '%-14s %14s %12s %7s %7s\n' run max_clean_cps cpu_ms/call p50ms p99ms
printf '%-14s %14s %12s %7s %7s\n' kamailio "${kamailio[@]}"
printf '%-14s %14s %12s %7s %7s\n' switchboardd "$BENCH_BEST_RATE" "$BENCH_BEST_CPU_MS" "$BENCH_BEST_P50_MS" "$BENCH_BEST_P99_MS"
awk -v a="$BENCH_BEST_RATE" -v b="${kamailio[0]}" 'BEGIN { if (b > 0) printf "ratio switchboardd / kamailio (max clean cps): %.2f\n", a / b }'
