#!/usr/bin/env bash
# Teams presence end to end: switchboardd polls the local Graph; alice is DoNotDisturb and bob Away
# while a caller waits. When bob turns Available in the local Graph the caller is offered to bob
# within one poll interval (plus slack for a loaded machine); alice is never offered.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/scripts/lib/harness.sh"
source "$repo/scripts/lib/switchboardd.sh"

poll_seconds=2
alice=00000000-0000-4000-8000-00000000a11c
bob=00000000-0000-4000-8000-000000000b0b
printf '%s DoNotDisturb Presenting\n%s Away Away\n' "$alice" "$bob" >"$HARNESS_DIR/users.txt"
start_local_graph "$HARNESS_DIR/users.txt"
graph="$LOCAL_GRAPH_URL"

free_ports sip_port sbc_port teams_port pstn_port control_port
cat >"$HARNESS_DIR/extra.yaml" <<YAML
queues:
  - { name: support, numbers: ["+15550100"], agents: [alice, bob], ringTimeoutSeconds: 10, wrapUpSeconds: 0 }
agents:
  - { id: alice, number: "+15550201", teamsObjectId: "$alice" }
  - { id: bob, number: "+15550202", teamsObjectId: "$bob" }
presence:
  source: graph
  graph: { tenantId: lab, clientId: switchboard, clientSecretEnv: SWITCHBOARD_GRAPH_SECRET,
           loginUrl: "$graph", graphUrl: "$graph", pollIntervalSeconds: $poll_seconds }
limits: { drainMinimumSeconds: 0, drainMaximumSeconds: 5 }
control: { address: 127.0.0.1, port: $control_port }
YAML
write_switchboard_config "$HARNESS_DIR/switchboard.yaml" "$sip_port" "$sbc_port" "$HARNESS_DIR/extra.yaml"
SWITCHBOARD_GRAPH_SECRET=lab-secret start_switchboardd switchboardd "$HARNESS_DIR/switchboard.yaml" "$sip_port"
start_kamailio "$sbc_port" "127.0.0.1:$sip_port" "127.0.0.1:$teams_port" "127.0.0.1:$pstn_port" '^[+]155501'
start_teams teams "$repo/tests/sipp/presence/agents.xml" -m 1
start_sipp pstn -sf "$repo/tests/sipp/presence/caller.xml" -i 127.0.0.1 -p "$pstn_port" -s +15550100 -m 1 \
    -timeout 60 -timeout_error "127.0.0.1:$sbc_port"
caller_pid="$SIPP_PID"

sleep $((poll_seconds * 2))
if ! kill -0 "$caller_pid" 2>/dev/null; then
    blackbox_fail "the caller finished before any agent was routable (alice is DoNotDisturb, bob Away)"
    blackbox_summary presence
fi
curl -fsS -X PUT "$graph/_test/users/$bob/presence" -d '{"availability":"Available","activity":"Available"}'
changed_at=$(date +%s.%N)
status=0
wait "$caller_pid" || status=$?
answered_at=$(date +%s.%N)
teams_status=0
wait "$teams_pid" || teams_status=$?
delay=$(awk -v a="$answered_at" -v b="$changed_at" 'BEGIN { printf "%.1f", a - b }')
if [ "$status" -eq 0 ] && [ "$teams_status" -eq 0 ]; then
    blackbox_ok "the waiting caller reached bob ${delay} s after bob turned Available; alice (DoNotDisturb) was never offered"
else
    blackbox_fail "caller sipp exit $status, teams sipp exit $teams_status"
fi
if awk -v d="$delay" -v limit=$((poll_seconds + 5)) 'BEGIN { exit !(d > limit) }'; then
    blackbox_fail "the offer took ${delay} s, more than one ${poll_seconds} s poll interval plus 5 s of slack"
fi
metrics="$(curl -fsS "http://127.0.0.1:$control_port/metrics")"
if grep -qxE 'switchboard_presence_source_up 1(\.0)?' <<<"$metrics" &&
    grep -qE '^switchboard_graph_requests_total\{result="ok"\} [1-9]' <<<"$metrics"; then
    blackbox_ok "/metrics shows the Graph source up and the requests answered"
else
    blackbox_fail "/metrics does not show the presence source: $metrics"
fi
blackbox_summary presence
