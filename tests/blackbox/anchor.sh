#!/usr/bin/env bash
# Anchored media, whisper and early media through Kamailio (media.mode: anchored). A caller of the
# support queue (welcome prompt, music on hold, a whisper) is answered at once with switchboardd's
# SDP; the agent's INVITE carries switchboardd's own offer (not the caller's); when the agent
# answers after 4 s the caller gets no re-INVITE, the agent hears the whisper from its stream, and
# only then does switchboardd relay RTP both ways: each side's RTP peer receives the other's tagged
# PCMU packets (and its RFC 4733 event, sent 11 s after the caller's first packet and 6 s after the
# agent's, once the 4.2 s whisper has played and the streams are bridged) from switchboardd's port
# for it, under one SSRC per side.
# A caller of the early queue (earlyMedia: true) gets 183 with switchboardd's SDP and RTP before any
# 200, then a 200 with the same SDP. A caller of the front queue is bridged to alice, who transfers
# them (REFER) to the desk queue: the caller is never re-INVITEd, hears the music on hold again under
# the same SSRC, then bob's RTP once bob, offered a stream of switchboardd's, answers; bob hears the
# caller's. The prompts come from scripts/make-prompts.
#
#   caller (SIPp UAC + RTP peer) ──► Kamailio ──► switchboardd ──► Kamailio ──► agent (SIPp UAS + RTP peer)
#            ◄──── RTP ────► switchboardd: caller's stream ═ relay ═ agent's stream ◄──── RTP ────►
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/scripts/lib/harness.sh"
source "$repo/scripts/lib/switchboardd.sh"

scenarios="$repo/tests/sipp/anchor"
free_ports sip_port sbc_port teams_port pstn_port control_port caller_rtp agent_rtp early_rtp early_agent_rtp rtp_first \
    transfer_rtp alice_rtp bob_rtp
prepare_hold_media
cat >"$HARNESS_DIR/extra.yaml" <<YAML
queues:
  - name: support
    numbers: ["+15550100"]
    agents: [alice]
    ringTimeoutSeconds: 15
    wrapUpSeconds: 0
    announcements: { welcomePrompt: welcome, musicOnHold: music-on-hold, whisperPrompt: please-hold }
  - name: early
    numbers: ["+15550110"]
    agents: [alice]
    ringTimeoutSeconds: 15
    wrapUpSeconds: 0
    announcements: { musicOnHold: music-on-hold, earlyMedia: true }
  - name: front
    numbers: ["+15550120"]
    agents: [alice]
    ringTimeoutSeconds: 15
    wrapUpSeconds: 0
    announcements: { musicOnHold: music-on-hold }
  - name: desk
    numbers: ["+15550130"]
    agents: [bob]
    ringTimeoutSeconds: 15
    wrapUpSeconds: 0
    announcements: { musicOnHold: music-on-hold }
agents:
  - { id: alice, number: "+15550201" }
  - { id: bob, number: "+15550202" }
$(hold_media_yaml "mode: anchored")
YAML
write_switchboard_config "$HARNESS_DIR/switchboard.yaml" "$sip_port" "$sbc_port" "$HARNESS_DIR/extra.yaml"
sed 's/mode: anchored/mode: release/' "$HARNESS_DIR/switchboard.yaml" >"$HARNESS_DIR/release.yaml"
if check_output="$("$SWITCHBOARD_BIN/switchboardd" --config "$HARNESS_DIR/release.yaml" --check 2>&1)"; then
    blackbox_fail "a whisper with media release stops --check" "it passed"
elif [[ "$check_output" == *"queues[0].announcements.whisperPrompt"*"media.mode: anchored"* ]]; then
    blackbox_ok "a whisper with media release stops --check, naming the key"
else
    blackbox_fail "a whisper with media release stops --check, naming the key" "$check_output"
fi

start_switchboardd switchboardd "$HARNESS_DIR/switchboard.yaml" "$sip_port"
# One Kamailio worker: the 202 and the NOTIFY of the transfer stay in order (see transfer.sh).
KAMAILIO_CHILDREN=1 start_kamailio "$sbc_port" "127.0.0.1:$sip_port" "127.0.0.1:$teams_port" "127.0.0.1:$pstn_port" '^[+]155501'

# call: NAME SERVICE CALLER_SCENARIO CALLER_RTP AGENT_RTP [SIPP KEYS...]: one call with both RTP peers.
call() {
    local name="$1" service="$2" scenario="$3" caller_port="$4" agent_port="$5"
    shift 5
    local teams_pid
    start_teams "teams-$name" "$scenarios/agent.xml" -m 1 -key rtp "$agent_port" -timeout 60 -timeout_error
    python3 "$repo/tests/blackbox/rtp_peer.py" "$caller_port" "$HARNESS_DIR/$name-caller.json" 60 42 11 &
    local caller_peer=$!
    track_process "rtp-$name-caller" "$caller_peer" 0
    python3 "$repo/tests/blackbox/rtp_peer.py" "$agent_port" "$HARNESS_DIR/$name-agent.json" 60 85 6 &
    local agent_peer=$!
    track_process "rtp-$name-agent" "$agent_peer" 0
    wait_for_udp_listen "$caller_port" 10 "$caller_peer"
    wait_for_udp_listen "$agent_port" 10 "$agent_peer"
    expect_sipp "$name: the caller's scenario" "pstn-$name" -sf "$scenarios/$scenario" -i 127.0.0.1 -p "$pstn_port" -s "$service" \
        -m 1 -key rtp "$caller_port" "$@" -trace_logs -log_file "$HARNESS_DIR/pstn-$name.log" -timeout 60 -timeout_error \
        "127.0.0.1:$sbc_port"
    expect_sipp_exit "$name: the agent was offered switchboardd's own SDP (PCMU alone), answered, got the BYE" "teams-$name" "$teams_pid"
    wait "$caller_peer" "$agent_peer" || true
}

call anchored +15550100 caller.xml "$caller_rtp" "$agent_rtp" -d 14000
hold_port="$(sed -n 's/^answered \([0-9]*\)$/\1/p' "$HARNESS_DIR/pstn-anchored.log" | head -1)"
if python3 - "$HARNESS_DIR/anchored-caller.json" "$HARNESS_DIR/anchored-agent.json" "$hold_port" <<'PY'
import json, sys
caller, agent, hold_port = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), int(sys.argv[3] or 0)
print(f"  caller's peer: {caller}\n  agent's peer: {agent}; the caller's port in switchboardd's answer: {hold_port}")
assert caller["sources"] == [hold_port] and caller["ssrcs"] == 1, "the caller hears one stream, from the port of the answer"
assert caller["beforeTagged"] >= 150, "at least 3 s of hold media while the agent rang 4 s"
assert caller["uniform"].get("85", 0) >= 150 and set(caller["uniform"]) == {"85"}, "then at least 3 s of the agent's packets, relayed"
assert caller["afterTagged"] == 0, "and no more hold media once bridged"
assert set(caller["packets"]) == {"0", "101"} and caller["packets"]["101"] == 3, "PCMU, and the agent's event (3 packets)"
assert len(agent["sources"]) == 1 and agent["sources"] != [hold_port] and agent["ssrcs"] == 1, "the agent hears one stream of its own"
assert agent["beforeTagged"] >= 200, "the whole whisper first (please-hold, 4.2 s)"
assert agent["uniform"].get("42", 0) >= 150 and set(agent["uniform"]) == {"42"}, "then the caller's packets, relayed"
assert agent["afterTagged"] == 0, "nothing of the whisper after the first relayed packet"
assert set(agent["packets"]) == {"0", "101"} and agent["packets"]["101"] == 3, "PCMU, and the caller's event (3 packets)"
assert caller["malformed"] == 0 and agent["malformed"] == 0
PY
then
    blackbox_ok "anchored: the whisper reached the agent, then RTP was relayed both ways, telephone-events too"
else
    blackbox_fail "anchored: the whisper reached the agent, then RTP was relayed both ways, telephone-events too"
fi
expect_idle "anchored: the hang-up closed both streams" "$control_port" 10 calls holdStreams

call early +15550110 caller-early.xml "$early_rtp" "$early_agent_rtp" -key answered "$HARNESS_DIR/early-answered"
early_port="$(sed -n 's/^early \([0-9]*\)$/\1/p' "$HARNESS_DIR/pstn-early.log" | head -1)"
if python3 - "$HARNESS_DIR/early-caller.json" "$HARNESS_DIR/early-answered" "$early_port" <<'PY'
import json, sys
caller, early_port = json.load(open(sys.argv[1])), int(sys.argv[3] or 0)
answered = float(open(sys.argv[2]).read())
print(f"  caller's peer: {caller}; the port of the 183: {early_port}; RTP {answered - caller['firstAudio']:.1f} s before the 200")
assert caller["sources"] == [early_port], "RTP from the port of the 183's SDP"
assert answered - caller["firstAudio"] >= 3, "RTP at least 3 s before the 200 (the agent rang 4 s)"
assert caller["uniform"].get("85", 0) >= 50, "the agent's packets relayed after the answer"
PY
then
    blackbox_ok "early: 183 with switchboardd's SDP, RTP before any 200, then the 200 with the same SDP"
else
    blackbox_fail "early: 183 with switchboardd's SDP, RTP before any 200, then the 200 with the same SDP"
fi

start_teams teams-transfer "$scenarios/agents-transfer.xml" -m 2 \
    -key alice_rtp "$alice_rtp" -key bob_rtp "$bob_rtp" -timeout 60 -timeout_error
transfer_peers=()
for party in transfer:42 alice:85 bob:99; do
    name="${party%%:*}"
    port_var="${name}_rtp"
    python3 "$repo/tests/blackbox/rtp_peer.py" "${!port_var}" "$HARNESS_DIR/transfer-$name.json" 60 "${party##*:}" 100 &
    transfer_peers+=("$!")
    track_process "rtp-transfer-$name" "$!" 0
    wait_for_udp_listen "${!port_var}" 10 "${transfer_peers[-1]}"
done
expect_sipp "transfer: the caller was never re-INVITEd" "pstn-transfer" -sf "$scenarios/caller.xml" -i 127.0.0.1 -p "$pstn_port" \
    -s +15550120 -m 1 -key rtp "$transfer_rtp" -d 22000 -trace_logs -log_file "$HARNESS_DIR/pstn-transfer.log" \
    -timeout 60 -timeout_error "127.0.0.1:$sbc_port"
expect_sipp_exit "transfer: alice and bob were offered switchboardd's own SDP; alice's REFER got 202 and NOTIFY 200" \
    teams-transfer "$teams_pid"
wait "${transfer_peers[@]}" || true
transfer_port="$(sed -n 's/^answered \([0-9]*\)$/\1/p' "$HARNESS_DIR/pstn-transfer.log" | head -1)"
if python3 - "$HARNESS_DIR"/transfer-{transfer,alice,bob}.json "$transfer_port" <<'PY'
import json, sys
caller, alice, bob = (json.load(open(path)) for path in sys.argv[1:4])
hold_port = int(sys.argv[4] or 0)
print(f"  caller's peer: {caller}\n  alice's peer: {alice}\n  bob's peer: {bob}\n  the caller's port: {hold_port}")
runs = [(kind, count) for kind, count in caller["runs"] if count >= 25]
kinds = [kind for kind, _ in runs]
heard = [kind for index, kind in enumerate(kinds) if index == 0 or kinds[index - 1] != kind]
assert heard == ["other", "85", "other", "99"], "music, alice, music again after the transfer, then bob"
alice_ended = max(index for index, kind in enumerate(kinds) if kind == "85")
assert sum(count for kind, count in runs[alice_ended:] if kind == "other") >= 150, "at least 3 s of music while bob rang 4 s"
assert caller["sources"] == [hold_port] and caller["ssrcs"] == 1, "one stream all along, from the port of the answer"
assert caller["uniform"].get("99", 0) >= 150, "at least 3 s of bob's packets, relayed"
assert set(alice["uniform"]) == {"42"} and alice["uniform"]["42"] >= 150, "alice heard the caller"
assert set(bob["uniform"]) == {"42"} and bob["uniform"]["42"] >= 150, "bob heard the caller, nothing of alice"
assert len(bob["sources"]) == 1 and bob["sources"] != alice["sources"] and bob["ssrcs"] == 1, "bob's stream is a new one"
PY
then
    blackbox_ok "transfer: the caller heard alice, the music again, then bob; RTP both ways after the transfer"
else
    blackbox_fail "transfer: the caller heard alice, the music again, then bob; RTP both ways after the transfer"
fi
expect_idle "nothing left after the linger" "$control_port" 40
blackbox_summary anchor
