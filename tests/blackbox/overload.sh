#!/usr/bin/env bash
# New calls past limits.maximumConcurrentCalls, against the real daemon with a real Kamailio as the
# SBC, on 127.0.0.1 over UDP: three calls are answered and talk; a burst of 30 more INVITEs, sent
# straight to switchboardd, each gets 503 Capacity Reached with Retry-After and a To tag at once
# (no 180 before it: no call was created); the three calls in progress then end normally on both
# legs, /v1/status and /metrics count the refusals, and nothing is left afterwards.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/scripts/lib/harness.sh"
source "$repo/scripts/lib/switchboardd.sh"

scenarios="$repo/tests/sipp/calls"
free_ports sip_port sbc_port teams_port pstn_port control_port

queues="$HARNESS_DIR/overload.yaml"
cat >"$queues" <<YAML
queues:
  - { name: longring, numbers: ["+15550120"], agents: [alice, bob, carol], ringTimeoutSeconds: 120, wrapUpSeconds: 0 }
agents:
  - { id: alice, number: "+15550201" }
  - { id: bob, number: "+15550202" }
  - { id: carol, number: "+15550203" }
limits: { shards: 2, maximumConcurrentCalls: 3, retryAfterSeconds: 20, drainMinimumSeconds: 0, drainMaximumSeconds: 10 }
control: { address: 127.0.0.1, port: $control_port }
YAML
config="$HARNESS_DIR/switchboard.yaml"
write_switchboard_config "$config" "$sip_port" "$sbc_port" "$queues"

start_kamailio "$sbc_port" "127.0.0.1:$sip_port" "127.0.0.1:$teams_port" "127.0.0.1:$pstn_port" '^[+]15550120$'
start_switchboardd switchboardd "$config" "$sip_port"

# status FIELD...: the value at the path FIELD... of GET /v1/status.
status() { control_status "$control_port" "$@"; }

start_sipp held-teams -t u1 -p "$teams_port" -key sbc "127.0.0.1:$sbc_port" -d 500 -timeout 90 -timeout_error \
    -m 3 -sf "$scenarios/agent-answers.xml" -key queue longring
teams_pid="$SIPP_PID"
wait_for_udp_listen "$teams_port" 20 "$teams_pid" || true
start_sipp held-callers -t u1 -cid_str "pstn-%u-%p@%s" -key switchboard "127.0.0.1:$sip_port" -timeout 90 -timeout_error \
    "127.0.0.1:$sbc_port" -m 3 -l 3 -r 10 -s +15550120 -d 15000 -sf "$scenarios/caller.xml"
callers_pid="$SIPP_PID"
held=no
for _ in $(seq 1 100); do [ "$(status calls 2>/dev/null)" = 3 ] && { held=yes; break; }; sleep 0.1; done
blackbox_check "three calls up (the limit)" test "$held" = yes

expect_sipp "30 INVITEs past the limit: each 503 Capacity Reached with Retry-After and a To tag, no 180" refused \
    -t u1 -cid_str "refused-%u-%p@%s" "127.0.0.1:$sip_port" -m 30 -r 30 -l 30 -s +15550120 -key reason "Capacity Reached" \
    -timeout 30 -timeout_error -sf "$scenarios/caller-refused.xml"

problems=()
wait "$callers_pid" || problems+=("callers: sipp exited with $?")
wait "$teams_pid" || problems+=("Teams UAS: sipp exited with $?")
stop_process held-callers
stop_process held-teams
if [ ${#problems[@]} -eq 0 ]; then
    blackbox_ok "the three calls in progress ended normally on both legs"
else
    blackbox_fail "the three calls in progress ended normally on both legs" "${problems[@]}"
    show_logs held-callers held-teams switchboardd
fi

refused_ok() {
    local refused metrics
    refused="$(status refusedNewCalls capacity)" || return 1
    [ "$refused" -ge 30 ] || { echo "  refusedNewCalls.capacity = $refused"; return 1; }
    [ "$(status overloaded)" = False ] || { echo "  overloaded"; return 1; }
    metrics="$(curl -fsS --max-time 5 "http://127.0.0.1:$control_port/metrics")" || return 1
    grep -q '^switchboard_calls_refused_total{reason="capacity"} [1-9]' <<<"$metrics"
}
blackbox_check "/v1/status and /metrics count the refusals (at least 30), not overloaded" refused_ok

expect_idle "no call, dialog or transaction left once the 64·T1 linger is over" "$control_port" 60
blackbox_summary overload
