#!/usr/bin/env bash
# Call throughput: SIPp callers through switchboardd (queue, ACD offer, B-leg, bridge, BYE both
# legs) to a SIPp UAS answering as every agent at once, with enough agents that no caller waits;
# in the same run Kamailio as a stateful record-routing proxy between the same SIPp peers, and the
# ratio of the two. Release build. Tunables: scripts/lib/bench.sh (BENCH_RATES, BENCH_SECONDS,
# BENCH_HOLD_MS ...); BENCH_AGENTS (default 6000); BENCH_LIMITS, extra `limits:` keys (default
# "overloadControl: false": this measures capacity like the Kamailio reference, which sheds nothing;
# the overload guard has its own benchmark, scripts/bench overload; empty for a build without the key);
# BENCH_SHARDS, the `limits.shards` values measured, a row each (default "1 2"; empty for a build
# without the key, measured once with its default).
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

extra="$HARNESS_DIR/agents.yaml"
config="$HARNESS_DIR/switchboard.yaml"
rows=()
for shards in ${BENCH_SHARDS-1 2} default; do
    [ "$shards" = default ] && [ ${#rows[@]} -gt 0 ] && break
    limits="${BENCH_LIMITS-overloadControl: false}"
    [ "$shards" = default ] || limits="${limits:+$limits, }shards: $shards"
    echo "== switchboardd ($shards shards): SIPp UAC -> switchboardd (B2BUA + ACD) -> SIPp UAS as ${BENCH_AGENTS:-6000} agents"
    sip_port="$(free_port)"
    write_bench_agents "$extra" "${BENCH_AGENTS:-6000}" "$queue_number" "$limits"
    SWITCHBOARD_LOG_LEVEL=warning write_switchboard_config "$config" "$sip_port" "$uas_port" "$extra"
    start_switchboardd "switchboardd-$shards" "$config" "$sip_port"
    BENCH_UAS=uas BENCH_CPU_PID="$SWITCHBOARDD_PID" find_max_rate "switchboardd-$shards" "127.0.0.1:$sip_port" "$scenarios/uac.xml" \
        -s "$queue_number" -set direct 1
    stop_process "switchboardd-$shards"
    rows+=("$shards" "$BENCH_BEST_RATE" "$BENCH_BEST_CPU_MS" "$BENCH_BEST_P50_MS" "$BENCH_BEST_P99_MS")
done

echo
echo "== calls held ${BENCH_HOLD_MS:-1000} ms, ${BENCH_SECONDS:-5} s per rate"
printf '%-16s %14s %12s %7s %7s\n' run max_clean_cps cpu_ms/call p50ms p99ms
printf '%-16s %14s %12s %7s %7s\n' kamailio "${kamailio[@]}"
for ((i = 0; i < ${#rows[@]}; i += 5)); do
    printf '%-16s %14s %12s %7s %7s\n' "switchboardd-${rows[i]}" "${rows[@]:i+1:4}"
    awk -v a="${rows[i+1]}" -v b="${kamailio[0]}" -v s="${rows[i]}" \
        'BEGIN { if (b > 0) printf "ratio switchboardd (%s shards) / kamailio (max clean cps): %.2f\n", s, a / b }'
done
