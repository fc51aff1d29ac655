#!/usr/bin/env bash
# A Graph outage under steady calls: SIPp callers at two calls per second, held 3 s, to a queue whose
# two agents are Available in the local Graph, answered by a SIPp agent, so the agents are on a call
# most of the time. When the local Graph goes away, offers go
# on while the outage policy keeps the last known presence (4 s here) and stop once it ends: no offer
# is made later than the grace period plus the time to notice the outage plus generous slack.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/scripts/lib/harness.sh"
source "$repo/scripts/lib/switchboardd.sh"

alice=00000000-0000-4000-8000-00000000a11c
bob=00000000-0000-4000-8000-000000000b0b
printf '%s Available Available\n%s Available Available\n' "$alice" "$bob" >"$HARNESS_DIR/users.txt"
start_local_graph "$HARNESS_DIR/users.txt"
graph="$LOCAL_GRAPH_URL"

free_ports sip_port agents_port control_port
cat >"$HARNESS_DIR/extra.yaml" <<YAML
queues:
  - { name: support, numbers: ["+15550100"], agents: [alice, bob], ringTimeoutSeconds: 10, wrapUpSeconds: 0 }
agents:
  - { id: alice, number: "+15550201", teamsObjectId: "$alice" }
  - { id: bob, number: "+15550202", teamsObjectId: "$bob" }
presence:
  source: graph
  graph: { tenantId: lab, clientId: switchboard, clientSecretEnv: SWITCHBOARD_GRAPH_SECRET,
           loginUrl: "$graph", graphUrl: "$graph", pollIntervalSeconds: 1, keepLastKnownSeconds: 4,
           failuresBeforeUnreachable: 1, requestTimeoutSeconds: 1 }
limits: { drainMinimumSeconds: 0, drainMaximumSeconds: 5 }
control: { address: 127.0.0.1, port: $control_port }
YAML
write_switchboard_config "$HARNESS_DIR/switchboard.yaml" "$sip_port" "$agents_port" "$HARNESS_DIR/extra.yaml"
SWITCHBOARD_GRAPH_SECRET=lab-secret start_switchboardd switchboardd "$HARNESS_DIR/switchboard.yaml" "$sip_port"
start_sipp agents -sf "$repo/tests/sipp/kamailio-reference/uas.xml" -i 127.0.0.1 -p "$agents_port"
wait_for_udp_listen "$agents_port" 10 "$SIPP_PID"
sleep 3
start_sipp callers -sf "$repo/tests/sipp/kamailio-reference/uac.xml" -i 127.0.0.1 -s +15550100 -set direct 1 \
    -r 2 -d 3000 "127.0.0.1:$sip_port"

sleep 8
stop_process local-graph
outage_at=$(date +%s)
sleep 25
stop_process callers

# offer_times: the epoch second of every "offering" line in the daemon's logfmt log (its time= field).
offer_times() {
    grep 'msg=offering ' "$HARNESS_DIR/switchboardd/switchboardd.log" | sed -E 's/^time=([^ ]+) .*/\1/' \
        | while read -r stamp; do date -d "$stamp" +%s; done
}
before="$(offer_times | awk -v t="$outage_at" '$1 <= t' | wc -l)"
# Grace 4 s, noticing the outage within about 2 s (one failed 1 s poll), and 6 s of slack for a loaded machine.
late="$(offer_times | awk -v t="$outage_at" '$1 > t + 12' | wc -l)"
if [ "$before" -ge 3 ]; then
    blackbox_ok "steady calls were offered to the Available agents while Graph answered ($before offers)"
else
    blackbox_fail "only $before offers before the outage"
fi
if [ "$late" -eq 0 ]; then
    blackbox_ok "no offer once the outage's 4 s grace period was over, under steady calls"
else
    blackbox_fail "$late offers more than 12 s after Graph went away"
fi
blackbox_summary presence-outage
