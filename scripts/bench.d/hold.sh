#!/usr/bin/env bash
# scripts/bench hold: SIP call handling while N callers are on answered hold, in the daemon.
#
# The release switchboardd with two queues: `hold` (+15550110) answers its callers and plays music on
# hold (scripts/make-prompts) and has no agent, so its callers stay on hold; `bench` (+15550100) has
# BENCH_AGENTS agents, all answered by one SIPp UAS, as in scripts/bench calls. SIPp callers come
# straight to the daemon (no Kamailio in front). For each N of HOLD_COUNTS, in ascending order, the
# held callers are ramped up to N (SIPp, scripts/bench.d/hold-caller.xml, HOLD_RAMP_RATE calls/s),
# and once GET /v1/status reports N hold streams, one window of HOLD_SECONDS measures:
#   - the held streams as received: every held caller's SDP points at one receiver
#     (scripts/bench.d/media-rtp.c, kernel receive timestamps, streams told apart by source port),
#     which counts the packets and streams and the share of inter-arrivals within 20 ± 1 ms;
#   - new calls to `bench` at TRYING_RATE calls/s (held BENCH_HOLD_MS) and OPTIONS at OPTIONS_RATE
#     requests/s, captured on the wire with tcpdump: INVITE to 100 Trying and OPTIONS to 200, by
#     Call-ID (microseconds, kernel timestamps);
#   - the daemon's CPU (% of one core) in the window, and before it for HOLD_QUIET_SECONDS with the
#     held streams alone.
# The N = 0 row is the reference: the same daemon in the same run with nobody on hold. Before the
# daemon starts, the machine alone is measured for HOLD_SECONDS (scripts/lib/timer_floor.sh: a thread
# woken every 1 ms, at the daemon's priority): what any pacing sender could reach in that run.
#
# Environment: HOLD_COUNTS="0 1000 2000", HOLD_SECONDS=10, HOLD_QUIET_SECONDS=5, HOLD_RAMP_RATE=200,
#              TRYING_RATE=200, OPTIONS_RATE=200, BENCH_HOLD_MS=1000, BENCH_AGENTS=1000,
#              HOLD_FIRST_RTP=20000 (the daemon's media.rtpPorts start there, even), BENCH_BIN (a
#              folder with a prebuilt release switchboardd), HOLD_REALTIME=1 (the daemon's media loop
#              under SCHED_FIFO 20 through media.realtimePriority, as an operator sets it, and the
#              receiver under chrt -f 20, so that the other work of a shared machine delays neither;
#              the daemon's other threads and SIPp stay at normal priority).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -n "${BENCH_BIN:-}" ] || swift build -c release --product switchboardd >/dev/null
export SWITCHBOARD_BIN="${BENCH_BIN:-$(swift build -c release --show-bin-path)}"
if ! command -v tcpdump >/dev/null; then
    echo "scripts/bench hold: installing tcpdump" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends tcpdump >/dev/null
fi
source scripts/lib/bench.sh
source scripts/lib/switchboardd.sh
source scripts/lib/timer_floor.sh
read -r -a counts <<<"${HOLD_COUNTS:-0 1000 2000}"
seconds="${HOLD_SECONDS:-10}"
quiet="${HOLD_QUIET_SECONDS:-5}"
trying_rate="${TRYING_RATE:-200}"
options_rate="${OPTIONS_RATE:-200}"
first_rtp="${HOLD_FIRST_RTP:-20000}"
most=0
for count in "${counts[@]}"; do [ "$count" -le "$most" ] || most="$count"; done
ulimit -n "$(ulimit -Hn)"
priority=() media_priority=""
if [ "${HOLD_REALTIME:-0}" != 0 ]; then
    priority=(chrt -f 20)
    media_priority=", realtimePriority: 20"
fi

machine="$(timer_floor "$seconds" "${HOLD_REALTIME:-0}")"
scripts/make-prompts "$HARNESS_DIR/prompts" >/dev/null
gcc -O2 -Wall -o "$HARNESS_DIR/media-rtp" scripts/bench.d/media-rtp.c
scenarios="$HARNESS_REPO/tests/sipp/kamailio-reference"
held_scenario="$HARNESS_REPO/scripts/bench.d/hold-caller.xml"
options_scenario="$HARNESS_REPO/tests/sipp/bench/options-uac.xml"

uas_port="$(free_port)"
start_sipp uas -sf "$scenarios/uas.xml" -i 127.0.0.1 -p "$uas_port" -aa "${BENCH_SIPP_ARGS[@]}"
wait_for_udp_listen "$uas_port" 10 "$SIPP_PID"

sip_port="$(free_port)"
control_port="$(free_port tcp)"
rtp_port="$(free_port udp)"
extra="$HARNESS_DIR/queues.yaml"
write_bench_agents "$extra" "${BENCH_AGENTS:-1000}" "+15550100" "maximumWaitingCalls: 100000"
python3 - "$extra" "$HARNESS_DIR/prompts" "$first_rtp" "$((first_rtp + 2 * most + 199))" "$control_port" "$media_priority" <<'PY'
import sys
path, prompts, first, last, control, priority = sys.argv[1:]
lines = open(path).read().splitlines()
lines.insert(1, "  - { name: hold, numbers: [\"+15550110\"], agents: [], announcements: { musicOnHold: music-on-hold } }")
lines += [f"media: {{ address: 127.0.0.1, rtpPorts: {{ first: {first}, last: {last} }}, prompts: {prompts}{priority} }}",
          f"control: {{ address: 127.0.0.1, port: {control} }}"]
open(path, "w").write("\n".join(lines) + "\n")
PY
config="$HARNESS_DIR/switchboard.yaml"
SWITCHBOARD_LOG_LEVEL=warning write_switchboard_config "$config" "$sip_port" "$uas_port" "$extra"
start_switchboardd switchboardd "$config" "$sip_port"
daemon_pid="$SWITCHBOARDD_PID"

# cpu_percent TICKS_BEFORE SECONDS: the daemon's CPU since TICKS_BEFORE, in % of one core.
cpu_percent() {
    awk -v ticks=$(($(proc_tree_cpu_ticks "$daemon_pid") - $1)) -v hz="$(getconf CLK_TCK)" -v s="$2" \
        'BEGIN { printf "%.1f", 100 * ticks / hz / s }'
}

# hold_streams: the daemon's open hold streams (GET /v1/status).
hold_streams() { control_status "$control_port" holdStreams 2>/dev/null || echo "?"; }

# wire_latencies PCAP: prints "invites p50 p99 p99.9 max options p50 p99 p99.9 max" (µs): each
# INVITE sent to the daemon to its first 100, each OPTIONS to its 200, matched by Call-ID.
wire_latencies() { python3 "$HARNESS_REPO/scripts/lib/wire_delays.py" "$1" "$sip_port"; }

# measure N: one window with N callers on hold; appends its row to $HARNESS_DIR/rows.
measure() {
    local held="$1" streams before started quiet_cpu load_cpu pcap="$HARNESS_DIR/held-$1.pcap" status=0
    "${priority[@]}" "$HARNESS_DIR/media-rtp" receive "$rtp_port" >"$HARNESS_DIR/receiver-$held.txt" &
    local receiver=$!
    track_process "receiver-$held" "$receiver" 0
    sleep 1
    streams="$(hold_streams)"
    before="$(proc_tree_cpu_ticks "$daemon_pid")"
    sleep "$quiet"
    quiet_cpu="$(cpu_percent "$before" "$quiet")"
    tcpdump -i lo -nn -s 1024 -B 65536 -w "$pcap" udp port "$sip_port" 2>"$HARNESS_DIR/tcpdump-$held.log" &
    local capture=$!
    track_process "tcpdump-$held" "$capture" 0
    sleep 1
    printf START >/dev/udp/127.0.0.1/"$rtp_port"
    before="$(proc_tree_cpu_ticks "$daemon_pid")"
    started="$(date +%s.%N)"
    start_sipp "options-$held" -sf "$options_scenario" -i 127.0.0.1 -r "$options_rate" -m $((options_rate * seconds)) \
        "${BENCH_SIPP_ARGS[@]}" "127.0.0.1:$sip_port"
    local options="$SIPP_PID"
    SIPP_TIMEOUT=$((seconds + BENCH_HOLD_MS / 1000 + 20)) run_sipp "calls-$held" -sf "$scenarios/uac.xml" -i 127.0.0.1 \
        -r "$trying_rate" -m $((trying_rate * seconds)) -d "$BENCH_HOLD_MS" "${BENCH_SIPP_ARGS[@]}" \
        -s +15550100 -set direct 1 "127.0.0.1:$sip_port" || status=$?
    wait "$options" || status=$?
    [ "$status" = 0 ] || echo "$held on hold: a SIPp run exited with $status (its logs: KEEP_LOGS=1)" >&2
    load_cpu="$(cpu_percent "$before" "$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')")"
    printf STOP! >/dev/udp/127.0.0.1/"$rtp_port"
    wait "$receiver" || true
    sleep 1
    kill -INT "$capture"
    wait "$capture" || true
    local calls options_figures
    read -r -a calls <<<"$(_bench_sipp_figures "$HARNESS_DIR/calls-$held")"
    read -r -a options_figures <<<"$(_bench_sipp_figures "$HARNESS_DIR/options-$held")"
    echo "$held $streams $quiet_cpu $load_cpu ${calls[0]} ${calls[1]} ${options_figures[1]} $(wire_latencies "$pcap")" \
        "$(cat "$HARNESS_DIR/receiver-$held.txt")" >>"$HARNESS_DIR/rows"
}

export BENCH_HOLD_MS="${BENCH_HOLD_MS:-1000}"
held=0
for count in "${counts[@]}"; do
    if [ "$count" -gt "$held" ]; then
        start_sipp "held-$count" -sf "$held_scenario" -i 127.0.0.1 -r "${HOLD_RAMP_RATE:-200}" -m $((count - held)) -l $((count - held)) \
            -d 86400000 -key rtp "$rtp_port" "${BENCH_SIPP_ARGS[@]}" -s +15550110 "127.0.0.1:$sip_port"
        held="$count"
        for _ in $(seq 1 $((count / 10 + 60))); do
            [ "$(hold_streams)" != "$count" ] || break
            sleep 1
        done
    fi
    echo "$count on hold: GET /v1/status holdStreams $(hold_streams), measuring" >&2
    measure "$count"
done

echo "== SIP while callers are on answered hold: new calls at $trying_rate/s (held $BENCH_HOLD_MS ms) and OPTIONS at $options_rate/s for $seconds s${priority[*]:+, media.realtimePriority 20 (the media loop under SCHED_FIFO 20) and the receiver under ${priority[*]}}"
echo "   latencies on the wire in µs (calls: INVITEs answered with 100, SIPp's failed calls, OPTIONS failed); the held streams as received in the window (rtp_src: streams seen; recv%: packets"
echo "   received of 50/s per held caller; lost: sequence gaps); the daemon's CPU in % of one core, held streams alone and under the SIP load"
printf '%-6s %6s %8s %8s %6s %6s %6s %7s %7s %7s %7s %7s %7s %7s %7s %6s %7s %8s\n' held streams cpu_hold cpu_load \
    calls failed opt_ko inv_p50 inv_p99 inv_999 inv_max opt_p50 opt_p99 rtp_src "recv%" lost "±1ms%" "p99.9ms"
while read -r -a row; do
    declare -A rx=()
    for pair in "${row[@]:17}"; do rx["${pair%%=*}"]="${pair#*=}"; done
    received="$(awk -v p="${rx[window_packets]:-0}" -v n="${row[0]}" -v ms="${rx[window_ms]:-0}" \
        'BEGIN { if (n > 0 && ms > 0) printf "%.2f", 100 * p / (n * ms / 20); else print "-" }')"
    printf '%-6s %6s %8s %8s %6s %6s %6s %7s %7s %7s %7s %7s %7s %7s %7s %6s %7s %8s\n' "${row[0]}" "${row[1]}" "${row[2]}" \
        "${row[3]}" "${row[7]}" "${row[5]}" "${row[6]}" "${row[8]}" "${row[9]}" "${row[10]}" "${row[11]}" "${row[13]}" "${row[14]}" \
        "${rx[streams]:--}" "$received" "${rx[lost]:--}" "${rx[within_1ms_percent]:--}" "${rx[p999_ms]:--}"
    unset rx
done <"$HARNESS_DIR/rows"
echo "the machine alone before the run (cyclictest, a thread woken every 1 ms${priority[*]:+ under ${priority[*]}}): $machine"
echo "ideal: rtp_src = held, recv% 100, nothing lost, every inter-arrival 20 ms; SIPp failures 0"
