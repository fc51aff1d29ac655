#!/usr/bin/env bash
# Answered hold through Kamailio: a caller of a queue with a welcome prompt and music on hold is
# answered at once with switchboardd's own SDP (no 180), receives RTP of the negotiated payload type
# (PCMU) from switchboardd's media address while the agent rings for 4 s, then, once the agent
# answers, is re-INVITEd with the agent's SDP under switchboardd's origin (same session id, version
# 2: media release); the caller's BYE ends both legs and the stream's port is freed. A caller
# offering G.729 alone gets 488 with Warning 305, and a call record says so. A caller of the lobby
# (no agents, music only) who re-INVITEs on hold with a new RTP port gets switchboardd's description
# unchanged (same version, same port) and the music then arrives at the new port. The prompts, with the
# words of the position and wait announcements the queue makes, come from scripts/make-prompts. The
# media loop runs under SCHED_FIFO at media.realtimePriority (1, the lowest: the suite runs as root,
# as scripts/test does), and it alone of the daemon's threads.
#
#   PSTN caller (SIPp UAC + an RTP receiver) ──► Kamailio ──► switchboardd ──► Kamailio ──► Teams (SIPp UAS)
#                 ◄──────── RTP: welcome prompt, announcements, music on hold ──── switchboardd (media edge)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/scripts/lib/harness.sh"
source "$repo/scripts/lib/switchboardd.sh"

scenarios="$repo/tests/sipp/hold"
free_ports sip_port sbc_port teams_port pstn_port control_port caller_rtp first_rtp moved_rtp rtp_first
prepare_hold_media
cat >"$HARNESS_DIR/extra.yaml" <<YAML
queues:
  - name: support
    numbers: ["+15550100"]
    agents: [alice]
    ringTimeoutSeconds: 15
    wrapUpSeconds: 0
    announcements: { welcomePrompt: welcome, musicOnHold: music-on-hold, position: always, ewt: { everySeconds: 10 } }
  - name: lobby
    numbers: ["+15550110"]
    agents: []
    announcements: { musicOnHold: music-on-hold }
agents:
  - { id: alice, number: "+15550201" }
$(hold_media_yaml "realtimePriority: 1")
YAML
write_switchboard_config "$HARNESS_DIR/switchboard.yaml" "$sip_port" "$sbc_port" "$HARNESS_DIR/extra.yaml"
if "$SWITCHBOARD_BIN/switchboardd" --config "$HARNESS_DIR/switchboard.yaml" --check >/dev/null; then
    blackbox_ok "--check loads the queue's prompts"
else
    blackbox_fail "--check loads the queue's prompts"
fi
sed 's/welcomePrompt: welcome/welcomePrompt: no-such-prompt/' "$HARNESS_DIR/switchboard.yaml" >"$HARNESS_DIR/missing.yaml"
if check_output="$("$SWITCHBOARD_BIN/switchboardd" --config "$HARNESS_DIR/missing.yaml" --check 2>&1)"; then
    blackbox_fail "a missing prompt file stops --check" "it passed"
elif [[ "$check_output" == *"queues[0].announcements.welcomePrompt"*"$HARNESS_DIR/prompts/no-such-prompt.wav"* ]]; then
    blackbox_ok "a missing prompt file stops --check, naming the queue's key and the path"
else
    blackbox_fail "a missing prompt file stops --check, naming the queue's key and the path" "$check_output"
fi

start_switchboardd switchboardd "$HARNESS_DIR/switchboard.yaml" "$sip_port"
start_kamailio "$sbc_port" "127.0.0.1:$sip_port" "127.0.0.1:$teams_port" "127.0.0.1:$pstn_port" '^[+]155501'
blackbox_check "no hold stream before the first caller" test "$(control_status "$control_port" holdStreams)" = 0
# realtime_threads PID: "priority policy" of each of the process's threads that is not under SCHED_OTHER
# (fields 40 and 41 of the thread's stat, counted after its parenthesised name).
realtime_threads() {
    local stat
    for stat in /proc/"$1"/task/*/stat; do sed 's/^.*) //' "$stat" | awk '$39 != 0 { print $38, $39 }'; done
}
blackbox_check "the media loop's thread alone runs under SCHED_FIFO (1) at media.realtimePriority 1" \
    test "$(realtime_threads "$SWITCHBOARDD_PID")" = "1 1"

start_teams teams "$scenarios/agent.xml" -m 1 -timeout 60 -timeout_error
python3 "$repo/tests/blackbox/rtp_receiver.py" "$caller_rtp" "$HARNESS_DIR/rtp.json" 60 &
receiver_pid=$!
track_process rtp-receiver "$receiver_pid" 0
wait_for_udp_listen "$caller_rtp" 10 "$receiver_pid"

expect_sipp "caller answered at once with switchboardd's SDP, then re-INVITEd with the agent's under the same origin, version 2" \
    pstn -sf "$scenarios/caller.xml" -i 127.0.0.1 -p "$pstn_port" -s +15550100 -m 1 -key rtp "$caller_rtp" \
    -trace_logs -log_file "$HARNESS_DIR/pstn/messages.log" -timeout 60 -timeout_error "127.0.0.1:$sbc_port"
expect_sipp_exit "the agent was offered the caller's own SDP, answered after 4 s and got the caller's BYE" teams "$teams_pid"

wait "$receiver_pid" || true
hold_port="$(sed -n 's/^answered \([0-9]*\)$/\1/p' "$HARNESS_DIR/pstn/messages.log" | head -1)"
if python3 - "$HARNESS_DIR/rtp.json" "$hold_port" "$rtp_first" <<'PY'
import json, sys
report, hold_port, first = json.load(open(sys.argv[1])), int(sys.argv[2] or 0), int(sys.argv[3])
print(f"  RTP received: {report}; switchboardd's port in the answer: {hold_port}")
pcmu = report["packets"].get("0", 0)
assert first <= hold_port <= first + 9 and hold_port % 2 == 0, "the answer's port is an even port of media.rtpPorts"
assert pcmu >= 150, f"at least 3 s of PCMU (50 packets a second) while the agent rang 4 s, got {pcmu}"
assert set(report["packets"]) == {"0"} and report["malformed"] == 0, "PCMU only (payload type 0), every datagram RTP"
assert report["sources"] == [hold_port] and report["ssrcs"] == 1, "one stream, from the port of the SDP answer"
assert report["sequenceGaps"] == 0, "sequence numbers one by one"
PY
then
    blackbox_ok "the caller received PCMU from switchboardd's media port while on hold"
else
    blackbox_fail "the caller received PCMU from switchboardd's media port while on hold"
fi
expect_idle "the hold stream stopped and its port was freed after the media release" "$control_port" 10 calls holdStreams

metrics="$(curl -fsS --max-time 5 "http://127.0.0.1:$control_port/metrics" || true)"
blackbox_check "/metrics has switchboard_hold_streams at 0" grep -q '^switchboard_hold_streams 0' <<<"$metrics"

expect_sipp "an offer of G.729 alone gets 488 with Warning 305" \
    g729 -sf "$scenarios/caller-g729.xml" -i 127.0.0.1 -p "$pstn_port" -s +15550100 -m 1 -timeout 30 -timeout_error "127.0.0.1:$sbc_port"
python3 "$repo/tests/blackbox/rtp_receiver.py" "$first_rtp" "$HARNESS_DIR/first.json" 30 &
first_pid=$!
track_process rtp-first "$first_pid" 0
python3 "$repo/tests/blackbox/rtp_receiver.py" "$moved_rtp" "$HARNESS_DIR/moved.json" 30 &
moved_pid=$!
track_process rtp-moved "$moved_pid" 0
wait_for_udp_listen "$first_rtp" 10 "$first_pid"
wait_for_udp_listen "$moved_rtp" 10 "$moved_pid"
expect_sipp "a re-INVITE on hold with a new port is answered with switchboardd's description unchanged" \
    moves -sf "$scenarios/caller-moves.xml" -i 127.0.0.1 -p "$pstn_port" -s +15550110 -m 1 -key rtp "$first_rtp" \
    -key moved "$moved_rtp" -trace_logs -log_file "$HARNESS_DIR/moves.log" -timeout 30 -timeout_error "127.0.0.1:$sbc_port"
wait "$first_pid" "$moved_pid" || true
moves_port="$(sed -n 's/^answered \([0-9]*\)$/\1/p' "$HARNESS_DIR/moves.log" | head -1)"
if python3 - "$HARNESS_DIR/first.json" "$HARNESS_DIR/moved.json" "$moves_port" <<'PY'
import json, sys
first, moved, hold_port = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), int(sys.argv[3] or 0)
print(f"  before the re-INVITE: {first}\n  after it: {moved}; switchboardd's port: {hold_port}")
assert 100 <= first["packets"].get("0", 0) <= 200, "about 3 s of music at the first port, then nothing more there"
assert moved["packets"].get("0", 0) >= 150, "the music at the new port for the 4 s until the hang-up"
assert first["sources"] == moved["sources"] == [hold_port], "from the same port of switchboardd's"
assert first["ssrcs"] == moved["ssrcs"] == 1 and moved["sequenceGaps"] == 0, "one stream, its sequence numbers one by one"
PY
then
    blackbox_ok "after the re-INVITE the music arrived at the new port"
else
    blackbox_fail "after the re-INVITE the music arrived at the new port"
fi

records="$(curl -fsS --max-time 5 "http://127.0.0.1:$control_port/v1/call-records" || true)"
if python3 - "$records" <<'PY'
import json, sys
records = json.loads(sys.argv[1])
records = records.get("records", records) if isinstance(records, dict) else records
outcomes = sorted((record["outcome"], record.get("agent")) for record in records)
print(f"  call records: {outcomes}")
assert ("completed", "alice") in outcomes, "the held caller's call, completed with alice"
assert any(outcome == "released" for outcome, _ in outcomes), "the G.729 caller's, released"
PY
then
    blackbox_ok "call records: the held call completed with alice, the G.729 call released"
else
    blackbox_fail "call records: the held call completed with alice, the G.729 call released" "$records"
fi
expect_idle "nothing left after the linger" "$control_port" 40
blackbox_summary hold
