#!/usr/bin/env bash
# The agents' side unreachable for a while, twice, against the real daemon:
#
#   PSTN caller (SIPp UAC) ──► switchboardd ──► Kamailio (the SBC) ──► Teams (SIPp UAS, agent bob)
#
# 1. The SBC itself is gone (Kamailio stopped): B-leg INVITEs get no answer at all, not even 100.
#    These are trunk failures: the trunk goes down (one "trunk down" line), no agent is charged, the
#    caller keeps waiting; once Kamailio is back the next OPTIONS ping brings the trunk up and the
#    caller is offered and answered.
# 2. The SBC is up but the agent's endpoint is gone (the SIPp UAS stopped): the SBC accepts each
#    INVITE (100) and nothing rings. The agent is unreachable (its own short back-off here), never
#    a RONA no-answer; once the UAS is back the caller is answered.
# Either way no agent goes on a RONA break. Assertions are on outcomes; the time bounds are generous.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/scripts/lib/harness.sh"
source "$repo/scripts/lib/switchboardd.sh"

outage_seconds=45
free_ports sip_port sbc_port teams_port pstn_port control_port
# Short back-offs: were a ring timeout without ringing charged to bob as a no-answer, he would
# reach the RONA miss limit (3) well within the outage; an unreachable bob is tried every few seconds.
cat >"$HARNESS_DIR/extra.yaml" <<YAML
queues:
  - { name: support, numbers: ["+15550100"], agents: [bob], ringTimeoutSeconds: 4, wrapUpSeconds: 0 }
agents:
  - { id: bob, number: "+15550202" }
acd:
  rona: { missLimit: 3, backOffSeconds: { noAnswer: 5, unreachable: 2 } }
limits: { shards: 2, drainMinimumSeconds: 0, drainMaximumSeconds: 5 }
control: { address: 127.0.0.1, port: $control_port }
YAML
write_switchboard_config "$HARNESS_DIR/switchboard.yaml" "$sip_port" "$sbc_port" "$HARNESS_DIR/extra.yaml"
log="$HARNESS_DIR/switchboardd/switchboardd.log"
kamailio_args=("$sbc_port" "127.0.0.1:$sip_port" "127.0.0.1:$teams_port" "127.0.0.1:$pstn_port" '^[+]155501')
start_kamailio "${kamailio_args[@]}"
start_switchboardd switchboardd "$HARNESS_DIR/switchboard.yaml" "$sip_port"

# The Teams side (bob answers every INVITE) may answer more than the one offer that connects: an
# INVITE that the SBC retransmits just as its ring timer fires is answered, and switchboardd hangs
# that answer up (ACK, BYE). So it is stopped once the caller is done rather than waited for.
teams_scenario="$repo/tests/sipp/presence/agents.xml"

# start_caller NAME: a PSTN caller straight to switchboardd (its A-leg does not need the SBC), who
# waits up to 150 s for an agent; sets caller_pid.
start_caller() {
    start_sipp "$1" -sf "$repo/tests/sipp/presence/caller.xml" -i 127.0.0.1 -p "$pstn_port" -s +15550100 -m 1 \
        -timeout 150 -timeout_error "127.0.0.1:$sip_port"
    caller_pid="$SIPP_PID"
}

# answered_within NAME SECONDS: waits for the caller, who must have been answered by bob no later
# than SECONDS after the far side came back (at $back_at); then stops the Teams side.
answered_within() {
    local status=0 delay
    wait "$caller_pid" || status=$?
    delay=$(awk -v a="$(date +%s.%N)" -v b="$back_at" 'BEGIN { printf "%.1f", a - b }')
    stop_process "$1-teams"
    if [ "$status" -eq 0 ] && awk -v d="$delay" -v limit="$2" 'BEGIN { exit !(d <= limit) }'; then
        blackbox_ok "$1: the waiting caller reached bob ${delay} s after the far side came back"
    else
        blackbox_fail "$1: the waiting caller reached bob within $2 s of the far side coming back" "caller sipp exit $status, ${delay} s"
        show_logs "$1-caller" "$1-teams"
    fi
}

# no_rona PHASE: no agent status changed by the queue engine (a RONA break) so far.
no_rona() {
    if grep -E 'agent status changed|RONA' "$log"; then
        blackbox_fail "$1: no agent went on a RONA break"
    else
        blackbox_ok "$1: no agent went on a RONA break"
    fi
}

# trunk_up: GET /v1/status shows the trunk up.
trunk_up() {
    curl -fsS "http://127.0.0.1:$control_port/v1/status" |
        python3 -c 'import json, sys; sys.exit(0 if [t["up"] for t in json.load(sys.stdin)["trunks"]] == [True] else 1)'
}

# 1. The SBC stopped.
start_teams sbc-gone-teams "$teams_scenario" -m 10
stop_process "kamailio-$sbc_port"
start_caller sbc-gone-caller
sleep "$outage_seconds"
if kill -0 "$caller_pid" 2>/dev/null; then
    blackbox_ok "SBC gone: the caller is still waiting after ${outage_seconds} s"
else
    blackbox_fail "SBC gone: the caller is still waiting after ${outage_seconds} s"
fi
blackbox_check "SBC gone: one 'trunk down' warning naming the trunk" \
    test "$(grep -c 'trunk down.*sip.trunk=sbc\|sip.trunk=sbc.*trunk down' "$log")" -eq 1
if trunk_up; then blackbox_fail "SBC gone: /v1/status shows the trunk down"; else blackbox_ok "SBC gone: /v1/status shows the trunk down"; fi
if grep -qxE 'switchboard_trunk_up\{trunk="sbc"\} 0(\.0)?' <<<"$(curl -fsS "http://127.0.0.1:$control_port/metrics")"; then
    blackbox_ok "SBC gone: /metrics shows switchboard_trunk_up 0"
else
    blackbox_fail "SBC gone: /metrics shows switchboard_trunk_up 0"
fi
start_kamailio "${kamailio_args[@]}"
back_at=$(date +%s.%N)
answered_within sbc-gone 30
no_rona "SBC gone"
blackbox_check "SBC gone: one 'trunk up' notice naming the trunk" \
    test "$(grep -c 'trunk up.*sip.trunk=sbc\|sip.trunk=sbc.*trunk up' "$log")" -eq 1
blackbox_check "SBC gone: /v1/status shows the trunk up again" trunk_up

# 2. The SBC up, the agent's endpoint gone.
start_caller agent-gone-caller
sleep "$outage_seconds"
if kill -0 "$caller_pid" 2>/dev/null; then
    blackbox_ok "agent gone: the caller is still waiting after ${outage_seconds} s"
else
    blackbox_fail "agent gone: the caller is still waiting after ${outage_seconds} s"
fi
start_teams agent-gone-teams "$teams_scenario" -m 10
back_at=$(date +%s.%N)
answered_within agent-gone 30
no_rona "agent gone"
blackbox_check "agent gone: the trunk stayed up (no second 'trunk down')" \
    test "$(grep -c 'trunk down' "$log")" -eq 1

expect_idle "no call, dialog or transaction left once the 64·T1 linger is over" "$control_port" 60
blackbox_summary trunk
