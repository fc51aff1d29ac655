#!/usr/bin/env bash
# Blind transfer (REFER) through Kamailio: alice answers a support caller and transfers them to the
# sales queue's number; switchboardd answers 202, reports progress with NOTIFY sipfrag, hangs up
# alice's leg, queues the caller in sales, and re-INVITEs the caller with bob's SDP when bob answers.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/scripts/lib/harness.sh"
source "$repo/scripts/lib/switchboardd.sh"

free_ports sip_port sbc_port teams_port pstn_port control_port
cat >"$HARNESS_DIR/extra.yaml" <<YAML
queues:
  - { name: support, numbers: ["+15550100"], agents: [alice], ringTimeoutSeconds: 10, wrapUpSeconds: 0 }
  - { name: sales, numbers: ["+15550110"], agents: [bob], ringTimeoutSeconds: 10, wrapUpSeconds: 0 }
agents:
  - { id: alice, number: "+15550201" }
  - { id: bob, number: "+15550202" }
limits: { shards: 2, drainMinimumSeconds: 0, drainMaximumSeconds: 5 }
control: { address: 127.0.0.1, port: $control_port }
YAML
write_switchboard_config "$HARNESS_DIR/switchboard.yaml" "$sip_port" "$sbc_port" "$HARNESS_DIR/extra.yaml"
start_switchboardd switchboardd "$HARNESS_DIR/switchboard.yaml" "$sip_port"
# One Kamailio worker: with several, the 202 and the NOTIFY sent right after it can swap places,
# which a real UA sorts out by CSeq but a SIPp scenario cannot always follow.
KAMAILIO_CHILDREN=1 start_kamailio "$sbc_port" "127.0.0.1:$sip_port" "127.0.0.1:$teams_port" "127.0.0.1:$pstn_port" '^[+]155501'
start_teams teams "$repo/tests/sipp/transfer/agents.xml" -m 2 -timeout 60 -timeout_error

expect_sipp "caller re-INVITEd with bob's SDP after alice's REFER to the sales queue" \
    pstn -sf "$repo/tests/sipp/transfer/caller.xml" -i 127.0.0.1 -p "$pstn_port" -s +15550100 -m 1 \
    -timeout 60 -timeout_error "127.0.0.1:$sbc_port"
expect_sipp_exit "alice got 202, NOTIFY 200 (terminated) and then a BYE; bob was offered the caller" teams "$teams_pid"
expect_idle "no call left after the transfer" "$control_port" 40 calls
blackbox_summary transfer
