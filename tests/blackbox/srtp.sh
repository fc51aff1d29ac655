#!/usr/bin/env bash
# SRTP toward the SBC (media.srtp, SDES keys, RFC 3711 and RFC 4568) through Kamailio: with
# `optional`, a caller offering RTP/SAVP with a suite switchboardd does not do and then
# AES_CM_128_HMAC_SHA1_80 is answered at once over RTP/SAVP with that line's tag and suite and a key
# of switchboardd's own; a receiver with pylibsrtp (in a venv of its own under .build) decrypts every
# packet switchboardd sends with that key and finds PCMU, one stream, sequence numbers one by one,
# no payload in clear. An SRTP offer with no usable crypto line gets 488 with Warning 399. Restarted
# with `required`, a plain RTP caller gets 488 with Warning 302.
#
#   PSTN caller (SIPp UAC + SRTP receiver) ──► Kamailio ──► switchboardd ──► Kamailio ──► Teams (SIPp UAS)
#                 ◄──────── SRTP: welcome prompt, music on hold ──── switchboardd (media edge)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/scripts/lib/harness.sh"
source "$repo/scripts/lib/switchboardd.sh"

venv="$repo/.build/blackbox-venv"
if ! "$venv/bin/python" -c 'import pylibsrtp' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check pylibsrtp
fi

scenarios="$repo/tests/sipp/srtp"
free_ports sip_port sbc_port teams_port pstn_port control_port caller_rtp rtp_first
prepare_hold_media
write_extra() {
    cat >"$HARNESS_DIR/extra.yaml" <<YAML
queues:
  - name: support
    numbers: ["+15550100"]
    agents: [alice]
    ringTimeoutSeconds: 15
    wrapUpSeconds: 0
    announcements: { welcomePrompt: welcome, musicOnHold: music-on-hold }
agents:
  - { id: alice, number: "+15550201" }
$(hold_media_yaml "srtp: $1")
YAML
    write_switchboard_config "$HARNESS_DIR/switchboard.yaml" "$sip_port" "$sbc_port" "$HARNESS_DIR/extra.yaml"
}

write_extra mandatory
if check_output="$("$SWITCHBOARD_BIN/switchboardd" --config "$HARNESS_DIR/switchboard.yaml" --check 2>&1)"; then
    blackbox_fail "an unknown media.srtp value stops --check" "it passed"
elif [[ "$check_output" == *"media.srtp"*"off, optional, required"* ]]; then
    blackbox_ok "an unknown media.srtp value stops --check, naming the key and the values"
else
    blackbox_fail "an unknown media.srtp value stops --check, naming the key and the values" "$check_output"
fi

write_extra optional
start_switchboardd switchboardd "$HARNESS_DIR/switchboard.yaml" "$sip_port"
start_kamailio "$sbc_port" "127.0.0.1:$sip_port" "127.0.0.1:$teams_port" "127.0.0.1:$pstn_port" '^[+]155501'

start_teams teams "$scenarios/agent.xml" -m 1 -timeout 60 -timeout_error
mkdir -p "$HARNESS_DIR/pstn"
"$venv/bin/python" "$repo/tests/blackbox/srtp_receiver.py" "$caller_rtp" "$HARNESS_DIR/pstn/messages.log" "$HARNESS_DIR/srtp.json" 60 &
receiver_pid=$!
track_process srtp-receiver "$receiver_pid" 0
wait_for_udp_listen "$caller_rtp" 10 "$receiver_pid"

expect_sipp "an SRTP caller is answered at once over RTP/SAVP with tag 2, its suite and switchboardd's own key" \
    pstn -sf "$scenarios/caller.xml" -i 127.0.0.1 -p "$pstn_port" -s +15550100 -m 1 -key rtp "$caller_rtp" \
    -trace_logs -log_file "$HARNESS_DIR/pstn/messages.log" -timeout 60 -timeout_error "127.0.0.1:$sbc_port"
expect_sipp_exit "the agent was offered the caller's own RTP/SAVP offer, answered after 4 s and got the caller's BYE" teams "$teams_pid"

wait "$receiver_pid" || true
hold_port="$(sed -n 's/^answered \([0-9]*\) .*$/\1/p' "$HARNESS_DIR/pstn/messages.log" | head -1)"
if python3 - "$HARNESS_DIR/srtp.json" "$hold_port" "$rtp_first" <<'PY'
import json, sys
report, hold_port, first = json.load(open(sys.argv[1])), int(sys.argv[2] or 0), int(sys.argv[3])
print(f"  SRTP received: {report}; switchboardd's port in the answer: {hold_port}")
assert report["keyFound"], "the caller's log has switchboardd's key from the answer"
pcmu = report["packets"].get("0", 0)
assert first <= hold_port <= first + 9 and hold_port % 2 == 0, "the answer's port is an even port of media.rtpPorts"
assert pcmu >= 150, f"at least 3 s of PCMU (50 packets a second) while the agent rang 4 s, got {pcmu}"
assert report["unauthenticated"] == 0, "every datagram authenticates under the answer's key"
assert set(report["packets"]) == {"0"}, "PCMU only (payload type 0) once decrypted"
assert report["clear"] == 0, "no payload goes out in clear"
assert report["sources"] == [hold_port] and report["ssrcs"] == 1, "one stream, from the port of the SDP answer"
assert report["sequenceGaps"] == 0, "sequence numbers one by one"
PY
then
    blackbox_ok "the caller decrypted PCMU from switchboardd's media port with the answer's key"
else
    blackbox_fail "the caller decrypted PCMU from switchboardd's media port with the answer's key"
fi
expect_idle "the hold stream stopped and its port was freed after the media release" "$control_port" 10 calls holdStreams

expect_sipp "an SRTP offer without a usable crypto line gets 488 with Warning 399" \
    unusable -sf "$scenarios/caller-unusable-crypto.xml" -i 127.0.0.1 -p "$pstn_port" -s +15550100 -m 1 -timeout 30 -timeout_error \
    "127.0.0.1:$sbc_port"

stop_process switchboardd
write_extra required
start_switchboardd switchboardd-required "$HARNESS_DIR/switchboard.yaml" "$sip_port"
expect_sipp "with media.srtp required, a plain RTP offer gets 488 with Warning 302" \
    plain -sf "$scenarios/caller-plain.xml" -i 127.0.0.1 -p "$pstn_port" -s +15550100 -m 1 -timeout 30 -timeout_error "127.0.0.1:$sbc_port"
blackbox_summary srtp
