#!/usr/bin/env bash
# Reference call-rate figures for this machine, the yardsticks of scripts/bench calls:
#   sipp-direct  SIPp UAC straight to a SIPp UAS: the ceiling of the harness itself;
#   kamailio     the same calls through Kamailio as a stateful record-routing proxy (the lab
#                SBC config), whose CPU time per call is measured.
# Tunables: see scripts/lib/bench.sh (BENCH_RATES, BENCH_SECONDS, BENCH_HOLD_MS, ...).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/bench.sh

scenarios="$HARNESS_REPO/tests/sipp/kamailio-reference"
cc_number="+15550100001"

# start_uas NAME: a SIPp UAS answering the reference calls on a free port; sets UAS_ADDR.
start_uas() {
    local port
    port="$(free_port)"
    start_sipp "$1" -sf "$scenarios/uas.xml" -i 127.0.0.1 -p "$port" "${BENCH_SIPP_ARGS[@]}"
    wait_for_udp_listen "$port" 10 "$SIPP_PID"
    UAS_ADDR="127.0.0.1:$port"
}

echo "== sipp-direct: SIPp UAC -> SIPp UAS"
start_uas uas-direct
BENCH_UAS=uas-direct find_max_rate sipp-direct "$UAS_ADDR" "$scenarios/uac.xml" -s "$cc_number" -set direct 1
direct_rate="$BENCH_BEST_RATE"
direct_p50="$BENCH_BEST_P50_MS"
direct_p99="$BENCH_BEST_P99_MS"
stop_process uas-direct

echo "== kamailio: SIPp UAC -> Kamailio (stateful, record-routing) -> SIPp UAS"
start_uas uas-kamailio
sbc_port="$(free_port)"
start_kamailio "$sbc_port" "$UAS_ADDR" "$UAS_ADDR" "$UAS_ADDR" '^[+]1555010'
BENCH_UAS=uas-kamailio BENCH_CPU_PID="$KAMAILIO_PID" find_max_rate kamailio "127.0.0.1:$sbc_port" "$scenarios/uac.xml" \
    -s "$cc_number"

echo
echo "== reference (${BENCH_SECONDS:-5} s per rate, calls held ${BENCH_HOLD_MS:-1000} ms)"
printf '%-12s %12s %11s %6s %6s\n' "run" "max_clean_cps" "cpu_ms/call" "p50ms" "p99ms"
printf '%-12s %12s %11s %6s %6s\n' sipp-direct "$direct_rate" "-" "$direct_p50" "$direct_p99"
printf '%-12s %12s %11s %6s %6s\n' kamailio "$BENCH_BEST_RATE" "$BENCH_BEST_CPU_MS" \
    "$BENCH_BEST_P50_MS" "$BENCH_BEST_P99_MS"
