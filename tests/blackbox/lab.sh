#!/usr/bin/env bash
# The lab as a newcomer starts it (scripts/lab), bounded: 45 s without the live view, on free ports,
# its files in the harness's dir. While it runs, the README's manual call (sbc-configs/lab/call.xml
# through the lab's SBC) must reach an agent. The lab must exit 0 with its summary, its call store
# must hold a simulated caller answered by a simulated agent, and once it has exited none of the
# processes it started may still run and its ports must be free again.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/scripts/lib/harness.sh"
export SWITCHBOARD_BIN="${SWITCHBOARD_BIN:-$repo/.build/debug}"

seconds=45
lab_dir="$HARNESS_DIR/lab"
free_ports sbc_port sip_port control_port graph_port teams_port pstn_port
LAB_DIR="$lab_dir" LAB_SBC_PORT="$sbc_port" LAB_SIP_PORT="$sip_port" LAB_CONTROL_PORT="$control_port" \
    LAB_GRAPH_PORT="$graph_port" LAB_TEAMS_PORT="$teams_port" LAB_PSTN_PORT="$pstn_port" \
    timeout --kill-after=5 90 "$repo/scripts/lab" --for "$seconds" --no-watch >"$HARNESS_DIR/lab.log" 2>&1 &
lab_pid=$!
lab_index=${#HARNESS_PIDS[@]}
track_process lab "$lab_pid" 0

started=0
for _ in $(seq 1 120); do
    if [ -s "$lab_dir/pids" ] && grep -q '^callers ' "$lab_dir/pids" &&
        curl -fsS "http://127.0.0.1:$control_port/v1/status" >/dev/null 2>&1; then
        started=1
        break
    fi
    kill -0 "$lab_pid" 2>/dev/null || break
    sleep 0.5
done
if [ "$started" = 1 ]; then
    blackbox_ok "the lab started Kamailio, the local Graph, switchboardd, the agents and the callers"
    SIPP_TIMEOUT=40 expect_sipp "the README's manual call (sbc-configs/lab/call.xml) reached an agent through the lab's SBC" \
        manual-call -sf "$repo/sbc-configs/lab/call.xml" -s +15550100 -m 1 -i 127.0.0.1 "127.0.0.1:$sbc_port"
else
    blackbox_fail "the lab did not start within 60 s" "$(tail -n 20 "$HARNESS_DIR/lab.log")"
fi

status=0
wait "$lab_pid" || status=$?
HARNESS_PIDS[lab_index]=""
summary="$(cat "$HARNESS_DIR/lab.log")"
if [ "$status" -eq 0 ] && grep -qE '^lab: answered by an agent: [1-9]' <<<"$summary"; then
    blackbox_ok "scripts/lab --for $seconds --no-watch exited 0: $(grep -E '^lab: queue support' <<<"$summary")"
else
    blackbox_fail "scripts/lab --for $seconds --no-watch exited $status" "$(tail -n 30 "$HARNESS_DIR/lab.log")"
fi

answered="$(sqlite3 "$lab_dir/switchboard.sqlite" \
    "SELECT count(*) FROM (SELECT * FROM call_records UNION ALL SELECT * FROM open_call_records)
     WHERE answered_at IS NOT NULL AND agent IS NOT NULL AND caller_number <> '+15551230000'" 2>&1)" || true
if [[ "$answered" =~ ^[0-9]+$ ]] && [ "$answered" -ge 1 ]; then
    blackbox_ok "the call store holds $answered simulated callers answered by an agent"
else
    blackbox_fail "no simulated caller answered by an agent in $lab_dir/switchboard.sqlite ($answered)"
fi

left=()
while read -r name pid; do
    ! kill -0 "$pid" 2>/dev/null || left+=("$name (pid $pid) still runs")
done <"$lab_dir/pids"
for proc in /proc/[0-9]*; do
    { [[ "$(readlink "$proc/cwd" 2>/dev/null)" == "$lab_dir"* ]] ||
        tr '\0' ' ' 2>/dev/null <"$proc/cmdline" | grep -qF "$lab_dir"; } &&
        left+=("pid ${proc#/proc/} ($(tr '\0' ' ' 2>/dev/null <"$proc/cmdline")) works in the lab's folder")
done
if [ ${#left[@]} -eq 0 ] && [ "$(wc -l <"$lab_dir/pids")" -ge 6 ]; then
    blackbox_ok "none of the $(wc -l <"$lab_dir/pids") processes the lab started runs after it exited"
else
    blackbox_fail "processes of the lab left behind" "${left[@]}"
fi

if python3 - "$sbc_port" "$sip_port" "$control_port" "$graph_port" "$teams_port" "$pstn_port" <<'PY'
import socket, sys

# TCP as a listener would bind (connections of the run may linger in TIME_WAIT); UDP plainly.
for port in map(int, sys.argv[1:]):
    for kind in (socket.SOCK_DGRAM, socket.SOCK_STREAM):
        with socket.socket(socket.AF_INET, kind) as probe:
            if kind == socket.SOCK_STREAM:
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(("127.0.0.1", port))
PY
then
    blackbox_ok "every port of the lab is free again"
else
    blackbox_fail "a port of the lab is still bound after it exited"
fi
blackbox_summary lab
