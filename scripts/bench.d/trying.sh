#!/usr/bin/env bash
# How fast a new call's INVITE is answered with 100 Trying, measured on the wire: SIPp callers at a
# fixed rate (by default about half the highest clean rate of scripts/bench calls), the loopback
# traffic captured with tcpdump (kernel timestamps, microseconds), and for each call the time from
# the caller's first INVITE to the first 100 sent back to it; Kamailio (stateful proxy, which sends
# its own 100 before relaying) between the same SIPp peers in the same run. Release build.
# Tunables: TRYING_RATE (default 1400 calls/s), BENCH_SECONDS (default 10), BENCH_HOLD_MS,
# BENCH_AGENTS and BENCH_BIN as for scripts/bench calls. Installs tcpdump from Debian when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -n "${BENCH_BIN:-}" ] || swift build -c release --product switchboardd >/dev/null
export SWITCHBOARD_BIN="${BENCH_BIN:-$(swift build -c release --show-bin-path)}"
if ! command -v tcpdump >/dev/null; then
    echo "scripts/bench trying: installing tcpdump" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends tcpdump >/dev/null
fi
source scripts/lib/bench.sh
source scripts/lib/switchboardd.sh
rate="${TRYING_RATE:-1400}"
seconds="${BENCH_SECONDS:-10}"
scenarios="$HARNESS_REPO/tests/sipp/kamailio-reference"
queue_number="+15550100"

# trying_row LABEL PORT [SIPP_ARGS...]: one call-rate run against 127.0.0.1:PORT under capture, then
# the row of INVITE to 100 Trying times.
trying_row() {
    local label="$1" port="$2" pcap="$HARNESS_DIR/$1.pcap"
    shift 2
    tcpdump -i lo -nn -s 1024 -B 65536 -w "$pcap" udp port "$port" 2>"$HARNESS_DIR/$label-tcpdump.log" &
    local capture=$!
    track_process "tcpdump-$label" "$capture" 0
    sleep 1
    SIPP_TIMEOUT=$((seconds + 20)) run_sipp "$label" -sf "$scenarios/uac.xml" -i 127.0.0.1 -r "$rate" -m $((rate * seconds)) \
        -d "${BENCH_HOLD_MS:-1000}" "${BENCH_SIPP_ARGS[@]}" "$@" "127.0.0.1:$port" || true
    sleep 1
    kill -INT "$capture"
    wait "$capture" || true
    local figures
    read -r -a figures <<<"$(python3 "$HARNESS_REPO/scripts/lib/wire_delays.py" "$pcap" "$port")"
    printf '%-14s %8s %8s %8s %8s %8s\n' "$label" "${figures[@]:0:5}"
}

uas_port="$(free_port)"
start_sipp uas -sf "$scenarios/uas.xml" -i 127.0.0.1 -p "$uas_port" -aa "${BENCH_SIPP_ARGS[@]}"
wait_for_udp_listen "$uas_port" 10 "$SIPP_PID"

echo "== INVITE to 100 Trying on the wire, $rate calls/s for $seconds s, calls held ${BENCH_HOLD_MS:-1000} ms (microseconds)"
printf '%-14s %8s %8s %8s %8s %8s\n' run calls p50 p99 p99.9 max
sbc_port="$(free_port)"
start_kamailio "$sbc_port" "127.0.0.1:$uas_port" "127.0.0.1:$uas_port" "127.0.0.1:$uas_port" '^[+]1555010'
trying_row kamailio "$sbc_port" -s "$queue_number"
stop_process "kamailio-$sbc_port"

sip_port="$(free_port)"
extra="$HARNESS_DIR/agents.yaml"
write_bench_agents "$extra" "${BENCH_AGENTS:-6000}" "$queue_number"
config="$HARNESS_DIR/switchboard.yaml"
SWITCHBOARD_LOG_LEVEL=warning write_switchboard_config "$config" "$sip_port" "$uas_port" "$extra"
start_switchboardd switchboardd "$config" "$sip_port"
trying_row switchboardd "$sip_port" -s "$queue_number" -set direct 1
