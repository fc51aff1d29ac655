#!/usr/bin/env bash
# DTMF on answered hold through Kamailio: queue `front` answers its callers with music on hold and
# has no agents; its exit key 0 sends a caller to queue `sales`, where alice takes the call. A caller
# sends RFC 4733 events (5, no key of the queue, then 0) to switchboardd's RTP port from the SDP
# answer: the caller leaves `front` for `sales` still answered, alice (SIPp behind Kamailio) is
# offered the call and answers, and the caller is re-INVITEd with her SDP (media release). A second
# caller, whose SBC sends keys in SIP, sends INFO application/dtmf-relay 5 then 0 (each answered 200)
# and lands on alice the same way. The queue log has an EXITWITHKEY line with the key for each, and
# both call records end completed with alice in queue sales.
#
#   PSTN caller (SIPp UAC) ──► Kamailio ──► switchboardd ──► Kamailio ──► Teams (SIPp UAS, alice)
#        └── dtmf_sender.py: RFC 4733 events ──► switchboardd's hold stream (media edge)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/scripts/lib/harness.sh"
source "$repo/scripts/lib/switchboardd.sh"

scenarios="$repo/tests/sipp/dtmf"
free_ports sip_port sbc_port teams_port pstn_port control_port caller_rtp rtp_first
prepare_hold_media
cat >"$HARNESS_DIR/extra.yaml" <<YAML
queues:
  - name: front
    numbers: ["+15550100"]
    agents: []
    announcements: { musicOnHold: music-on-hold }
    overflow:
      exitKey: { key: "0", queue: sales }
  - name: sales
    numbers: ["+15550120"]
    agents: [alice]
    ringTimeoutSeconds: 15
    wrapUpSeconds: 0
    announcements: { musicOnHold: music-on-hold }
agents:
  - { id: alice, number: "+15550201" }
$(hold_media_yaml)
YAML
write_switchboard_config "$HARNESS_DIR/switchboard.yaml" "$sip_port" "$sbc_port" "$HARNESS_DIR/extra.yaml"
sed 's/announcements: { musicOnHold: music-on-hold }$/announcements: {}/' "$HARNESS_DIR/switchboard.yaml" >"$HARNESS_DIR/ringback.yaml"
if check_output="$("$SWITCHBOARD_BIN/switchboardd" --config "$HARNESS_DIR/ringback.yaml" --check 2>&1)"; then
    blackbox_fail "an exit key on a queue without answered hold stops --check" "it passed"
elif [[ "$check_output" == *"queues[0].overflow.exitKey"*"needs answered hold"* ]]; then
    blackbox_ok "an exit key on a queue without answered hold stops --check, naming the key"
else
    blackbox_fail "an exit key on a queue without answered hold stops --check, naming the key" "$check_output"
fi

start_switchboardd switchboardd "$HARNESS_DIR/switchboard.yaml" "$sip_port"
start_kamailio "$sbc_port" "127.0.0.1:$sip_port" "127.0.0.1:$teams_port" "127.0.0.1:$pstn_port" '^[+]155501'

start_teams teams "$repo/tests/sipp/hold/agent.xml" -m 2 -timeout 90 -timeout_error

expect_sipp "RFC 4733: the exit key moves the answered caller to sales, and alice's answer is released to the caller" \
    rtp -sf "$scenarios/caller-rtp.xml" -i 127.0.0.1 -p "$pstn_port" -s +15550100 -m 1 -key rtp "$caller_rtp" \
    -key dtmf "python3 $repo/tests/blackbox/dtmf_sender.py" \
    -trace_logs -log_file "$HARNESS_DIR/rtp/messages.log" -timeout 60 -timeout_error "127.0.0.1:$sbc_port"
expect_sipp "INFO dtmf-relay: each key answered 200, the exit key moves the caller to sales and on to alice" \
    info -sf "$scenarios/caller-info.xml" -i 127.0.0.1 -p "$pstn_port" -s +15550100 -m 1 -key rtp "$caller_rtp" \
    -trace_logs -log_file "$HARNESS_DIR/info/messages.log" -timeout 60 -timeout_error "127.0.0.1:$sbc_port"
expect_sipp_exit "alice was offered both callers after their exit key, answered and got their BYEs" teams "$teams_pid"

expect_idle "both hold streams stopped after the media release" "$control_port" 10 calls holdStreams
records="$(curl -fsS --max-time 5 "http://127.0.0.1:$control_port/v1/call-records" || true)"
log="$(curl -fsS --max-time 5 "http://127.0.0.1:$control_port/v1/queue-log" || true)"
if python3 - "$records" "$log" <<'PY'
import json, sys
records = json.loads(sys.argv[1])
records = records.get("records", records) if isinstance(records, dict) else records
outcomes = sorted((record["outcome"], record.get("agent"), record.get("queue")) for record in records)
print(f"  call records: {outcomes}")
assert outcomes == [("completed", "alice", "sales")] * 2, "both callers completed with alice, in sales"
events = json.loads(sys.argv[2])["events"]
exits = [event for event in events if event["event"] == "EXITWITHKEY"]
print(f"  EXITWITHKEY lines: {[event['line'] for event in exits]}")
assert len(exits) == 2 and all(event["queue"] == "front" and event["data"][:1] == ["0"] for event in exits), \
    "one EXITWITHKEY per caller, in front, with the key 0"
for exit in exits:
    later = [event["event"] for event in events if event["callID"] == exit["callID"]]
    assert later[later.index("EXITWITHKEY"):][:3] == ["EXITWITHKEY", "ENTERQUEUE", "CONNECT"], later
PY
then
    blackbox_ok "queue log: EXITWITHKEY with the key in front, then ENTERQUEUE and CONNECT in sales; records completed with alice"
else
    blackbox_fail "queue log: EXITWITHKEY with the key in front, then ENTERQUEUE and CONNECT in sales; records completed with alice" "$records $log"
fi
expect_idle "nothing left after the linger" "$control_port" 40
blackbox_summary dtmf
