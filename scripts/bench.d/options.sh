#!/usr/bin/env bash
# OPTIONS throughput: the highest rate SIPp can send OPTIONS to switchboardd with zero failures,
# next to SIPp answering SIPp in the same run (the harness ceiling). Release build.
# Tunables: scripts/lib/bench.sh (BENCH_RATES, BENCH_SECONDS ...).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -n "${BENCH_BIN:-}" ] || swift build -c release --product switchboardd >/dev/null
export SWITCHBOARD_BIN="${BENCH_BIN:-$(swift build -c release --show-bin-path)}"
source scripts/lib/bench.sh
source scripts/lib/switchboardd.sh
export BENCH_RATES="${BENCH_RATES:-2000 5000 10000 15000 20000 25000 30000}"
export BENCH_HOLD_MS=0
scenarios="$HARNESS_REPO/tests/sipp/bench"

echo "== sipp-direct: SIPp OPTIONS -> SIPp UAS"
uas_port="$(free_port)"
start_sipp uas -sf "$scenarios/options-uas.xml" -i 127.0.0.1 -p "$uas_port" "${BENCH_SIPP_ARGS[@]}"
wait_for_udp_listen "$uas_port" 10 "$SIPP_PID"
BENCH_UAS=uas find_max_rate sipp-direct "127.0.0.1:$uas_port" "$scenarios/options-uac.xml"
direct="$BENCH_BEST_RATE"
stop_process uas

echo "== switchboardd: SIPp OPTIONS -> switchboardd"
sip_port="$(free_port)"
config="$HARNESS_DIR/switchboard.yaml"
SWITCHBOARD_LOG_LEVEL=warning write_switchboard_config "$config" "$sip_port" "$(free_port)"
start_switchboardd switchboardd "$config" "$sip_port"
BENCH_CPU_PID="$SWITCHBOARDD_PID" find_max_rate switchboardd "127.0.0.1:$sip_port" "$scenarios/options-uac.xml"

echo
printf '%-14s %14s %12s %7s %7s\n' run max_clean_rps cpu_ms/req p50ms p99ms
printf '%-14s %14s %12s %7s %7s\n' sipp-direct "$direct" - - -
printf '%-14s %14s %12s %7s %7s\n' switchboardd "$BENCH_BEST_RATE" "$BENCH_BEST_CPU_MS" "$BENCH_BEST_P50_MS" "$BENCH_BEST_P99_MS"
awk -v a="$BENCH_BEST_RATE" -v b="$direct" 'BEGIN { if (b > 0) printf "ratio switchboardd / sipp-direct: %.2f\n", a / b }'
