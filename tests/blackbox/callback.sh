#!/usr/bin/env bash
# Callbacks that keep the caller's place, through Kamailio: queue `support` answers its callers with
# music on hold and offers a callback on `*`; its agent alice is logged out. A caller (+15551230000)
# presses * with INFO dtmf-relay, hears the confirmation and gets switchboardd's BYE, and the call
# stays held, waiting. When alice logs in, she is called first, with switchboardd's own SDP; once she
# answers, the caller's number is called through the SBC (a SIPp UAS on the PSTN side) with her SDP,
# answers, and alice is re-INVITEd with the caller's SDP (media release); her BYE ends both legs. A
# second caller's number rings out the first time (the queue's 5 s callback ring time): alice gets a
# BYE, and 30 s later (retryIntervalSeconds) she is offered the entry again and the call back is
# answered. The call records are completed by alice with a cause that says "called back", and the
# queue log has CALLBACKREQUESTED with the key, CALLBACKNOANSWER for the unanswered attempt, CONNECT
# and COMPLETEAGENT, and no ABANDON. A third caller's entry survives a restart: the daemon is
# stopped with SIGTERM (at once: the drain does not wait for it) and started on the same database,
# restores it, and calls alice first, then the caller; one record, and a whole queue log. A second
# daemon with media.mode: anchored calls a fourth caller back with a stream of its own instead of
# alice's SDP and bridges the two: no re-INVITE to alice.
#
#   PSTN caller (SIPp UAC) ──► Kamailio ──► switchboardd ──► Kamailio ──► Teams (SIPp UAS, alice)
#                                                 └────────► Kamailio ──► PSTN (SIPp UAS, the caller's number)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/scripts/lib/harness.sh"
source "$repo/scripts/lib/switchboardd.sh"

scenarios="$repo/tests/sipp/callback"
free_ports sip_port sbc_port teams_port pstn_port control_port caller_rtp rtp_first
prepare_hold_media
cat >"$HARNESS_DIR/extra.yaml" <<YAML
queues:
  - name: support
    numbers: ["+15550100"]
    agents: [alice]
    ringTimeoutSeconds: 15
    wrapUpSeconds: 0
    announcements: { musicOnHold: music-on-hold }
    callback: { key: "*", maximumAttempts: 2, retryIntervalSeconds: 30, ringTimeoutSeconds: 5 }
agents:
  - { id: alice, number: "+15550201" }
$(hold_media_yaml)
YAML
write_switchboard_config "$HARNESS_DIR/switchboard.yaml" "$sip_port" "$sbc_port" "$HARNESS_DIR/extra.yaml"
start_switchboardd switchboardd "$HARNESS_DIR/switchboard.yaml" "$sip_port"
KAMAILIO_AGENT_REGEX='^[+]155502' start_kamailio "$sbc_port" "127.0.0.1:$sip_port" "127.0.0.1:$teams_port" "127.0.0.1:$pstn_port" '^[+]155501'

control="http://127.0.0.1:$control_port/v1"
agent_action() {
    curl -fsS --max-time 5 -X POST -H 'Content-Type: application/json' -d '{}' "$control/agents/alice/$1" >/dev/null
}
# forget_switchboardd: the first daemon was stopped here; the harness no longer stops it at the end.
forget_switchboardd() {
    local index
    for index in "${!HARNESS_NAMES[@]}"; do
        [ "${HARNESS_NAMES[$index]}" = switchboardd ] && HARNESS_PIDS[index]=""
    done
    return 0
}
held_calls() {
    curl -fsS --max-time 5 "$control/calls" | python3 -c 'import json, sys; print(" ".join(c["state"] for c in json.load(sys.stdin)["calls"]))'
}

blackbox_check "alice logs out before the callers arrive" agent_action logout
start_teams teams "$scenarios/agent.xml" -m 3 -timeout 150 -timeout_error \
    -trace_logs -log_file "$HARNESS_DIR/teams/messages.log"

expect_sipp "the caller presses * (INFO), hears the confirmation and gets switchboardd's BYE" \
    caller1 -sf "$scenarios/caller.xml" -i 127.0.0.1 -p "$pstn_port" -s +15550100 -m 1 -key rtp "$caller_rtp" \
    -timeout 30 -timeout_error "127.0.0.1:$sbc_port"
state="$(held_calls || true)"
blackbox_check "the call stays held, waiting at its place, after the caller's leg ended (calls: $state)" test "$state" = waiting

start_sipp callee1 -sf "$scenarios/callee.xml" -i 127.0.0.1 -p "$pstn_port" -m 1 -timeout 40 -timeout_error \
    -trace_logs -log_file "$HARNESS_DIR/callee1/messages.log"
callee_pid="$SIPP_PID"
wait_for_udp_listen "$pstn_port" 10 "$callee_pid"
blackbox_check "alice logs in" agent_action login
expect_sipp_exit "alice answers first, then the caller's number is called with her SDP, answers, and her BYE ends both legs" \
    callee1 "$callee_pid"

blackbox_check "alice logs out before the second caller" agent_action logout
expect_sipp "a second caller asks for a callback the same way" \
    caller2 -sf "$scenarios/caller.xml" -i 127.0.0.1 -p "$pstn_port" -s +15550100 -m 1 -key rtp "$caller_rtp" \
    -timeout 30 -timeout_error "127.0.0.1:$sbc_port"
start_sipp unanswered -sf "$scenarios/callee-no-answer.xml" -i 127.0.0.1 -p "$pstn_port" -m 1 -timeout 30 -timeout_error
callee_pid="$SIPP_PID"
wait_for_udp_listen "$pstn_port" 10 "$callee_pid"
blackbox_check "alice logs in again" agent_action login
expect_sipp_exit "the call back rings out after 5 s: CANCEL, 487" unanswered "$callee_pid"
state="$(held_calls || true)"
blackbox_check "the entry waits for its retry, alice free (calls: $state)" test "$state" = waiting
start_sipp callee2 -sf "$scenarios/callee.xml" -i 127.0.0.1 -p "$pstn_port" -m 1 -timeout 60 -timeout_error
callee_pid="$SIPP_PID"
wait_for_udp_listen "$pstn_port" 10 "$callee_pid"
expect_sipp_exit "30 s later alice is offered the entry again and the second call back is answered" callee2 "$callee_pid"
expect_sipp_exit "alice: offered switchboardd's SDP three times, BYE once, media release twice" teams "$teams_pid"
offered="$(grep -c offered "$HARNESS_DIR/teams/messages.log" || true)"
released="$(grep -c released "$HARNESS_DIR/teams/messages.log" || true)"
blackbox_check "alice's log: 3 offers, 2 media releases (got $offered, $released)" test "$offered/$released" = 3/2

expect_idle "no call and no stream left once both calls ended" "$control_port" 10 calls holdStreams
records="$(curl -fsS --max-time 5 "$control/call-records" || true)"
log="$(curl -fsS --max-time 5 "$control/queue-log" || true)"
if python3 - "$records" "$log" <<'PY'
import json, sys
records = json.loads(sys.argv[1])["records"]
summary = sorted((record["outcome"], record.get("agent"), record.get("cause")) for record in records)
print(f"  call records: {summary}")
assert summary == [("completed", "alice", "BYE (called back, attempt 1)"), ("completed", "alice", "BYE (called back, attempt 2)")], summary
events = json.loads(sys.argv[2])["events"]
for record in records:
    lines = [(event["event"], event["data"]) for event in events if event["callID"] == record["callID"]]
    print(f"  {record['callID']}: {lines}")
    names = [name for name, _ in lines]
    assert "ABANDON" not in names, "a callback is no abandon"
    assert names[names.index("ENTERQUEUE"):names.index("ENTERQUEUE") + 2] == ["ENTERQUEUE", "CALLBACKREQUESTED"], names
    assert lines[names.index("CALLBACKREQUESTED")][1][0] == "*", "CALLBACKREQUESTED names the key"
    tail = [name for name in names if name in ("CALLBACKNOANSWER", "CONNECT", "COMPLETEAGENT")]
    expected = ["CONNECT", "COMPLETEAGENT"] if record["cause"].endswith("attempt 1)") else ["CALLBACKNOANSWER", "CONNECT", "COMPLETEAGENT"]
    assert tail == expected, tail
    if "CALLBACKNOANSWER" in names:
        assert lines[names.index("CALLBACKNOANSWER")][1] == ["1", "timeout"], lines
PY
then
    blackbox_ok "records completed by alice 'called back'; queue log CALLBACKREQUESTED *, CALLBACKNOANSWER 1 timeout, CONNECT, COMPLETEAGENT"
else
    blackbox_fail "records completed by alice 'called back'; queue log CALLBACKREQUESTED *, CALLBACKNOANSWER 1 timeout, CONNECT, COMPLETEAGENT" "$records $log"
fi

# A restart keeps a pending callback: a third caller asks for one while alice is logged out, the
# daemon is stopped with SIGTERM (the drain does not wait for the entry) and started again on the
# same database; when alice logs in she is called first, then the caller, and the call is whole.
blackbox_check "restart: alice logs out" agent_action logout
expect_sipp "restart: a third caller presses * and gets switchboardd's BYE" \
    caller4 -sf "$scenarios/caller.xml" -i 127.0.0.1 -p "$pstn_port" -s +15550100 -m 1 -key rtp "$caller_rtp" \
    -cid_str "restart-%u@%s" -timeout 30 -timeout_error "127.0.0.1:$sbc_port"
stop_started="$(date +%s%N)"
kill -TERM "$SWITCHBOARDD_PID"
wait "$SWITCHBOARDD_PID" 2>/dev/null || true
forget_switchboardd
stop_ms=$((($(date +%s%N) - stop_started) / 1000000))
blackbox_check "restart: SIGTERM stops the daemon without waiting for the entry (${stop_ms} ms, drainMaximumSeconds 5)" \
    test "$stop_ms" -lt 4000
start_switchboardd restarted "$HARNESS_DIR/switchboard.yaml" "$sip_port"
blackbox_check "restart: the daemon logs the entry it restored" \
    grep -q 'pending callbacks restored.*store.callbacks=1' "$HARNESS_DIR/restarted/switchboardd.log"
state="$(held_calls || true)"
blackbox_check "restart: the entry is held again, waiting (calls: $state)" test "$state" = waiting
start_teams teams-restarted "$scenarios/agent.xml" -m 1 -timeout 60 -timeout_error \
    -trace_logs -log_file "$HARNESS_DIR/teams-restarted/messages.log"
start_sipp callee4 -sf "$scenarios/callee.xml" -i 127.0.0.1 -p "$pstn_port" -m 1 -timeout 40 -timeout_error
callee_pid="$SIPP_PID"
wait_for_udp_listen "$pstn_port" 10 "$callee_pid"
blackbox_check "restart: alice logs in (her log-out was kept)" agent_action login
expect_sipp_exit "restart: alice answers first, then the caller's number is called, answers, and her BYE ends both legs" \
    callee4 "$callee_pid"
expect_sipp_exit "restart: alice is offered switchboardd's SDP once and gets the media release" teams-restarted "$teams_pid"
expect_idle "restart: no call and no stream left" "$control_port" 10 calls holdStreams
records="$(curl -fsS --max-time 5 "$control/call-records" || true)"
log="$(curl -fsS --max-time 5 "$control/queue-log" || true)"
if python3 - "$records" "$log" <<'PY'
import json, sys
records = [record for record in json.loads(sys.argv[1])["records"] if record["callID"].startswith("restart-")]
summary = [(record["outcome"], record.get("agent"), record.get("cause")) for record in records]
print(f"  call records: {summary}")
assert summary == [("completed", "alice", "BYE (called back, attempt 1)")], summary
names = [event["event"] for event in json.loads(sys.argv[2])["events"] if event["callID"] == records[0]["callID"]]
print(f"  queue log: {names}")
assert names == ["ENTERQUEUE", "CALLBACKREQUESTED", "CONNECT", "COMPLETEAGENT"], names
PY
then
    blackbox_ok "restart: one record, completed by alice 'called back'; queue log ENTERQUEUE, CALLBACKREQUESTED, CONNECT, COMPLETEAGENT"
else
    blackbox_fail "restart: one record, completed by alice 'called back'; queue log ENTERQUEUE, CALLBACKREQUESTED, CONNECT, COMPLETEAGENT" \
        "$records $log"
fi

# Anchored media: a second daemon with media.mode: anchored behind a second Kamailio, the same peers.
free_ports sip_port2 sbc_port2 control_port2
sed -e "s/port: $sip_port }/port: $sip_port2 }/g" -e "s/port: $sbc_port, transport/port: $sbc_port2, transport/" \
    -e "s/port: $control_port }/port: $control_port2 }/" -e "s/^  prompts: /  mode: anchored\n  prompts: /" \
    -e "s/first: $rtp_first, last: $((rtp_first + 9))/first: $((rtp_first + 10)), last: $((rtp_first + 19))/" \
    "$HARNESS_DIR/switchboard.yaml" >"$HARNESS_DIR/anchored.yaml"
start_switchboardd anchored "$HARNESS_DIR/anchored.yaml" "$sip_port2"
KAMAILIO_AGENT_REGEX='^[+]155502' start_kamailio "$sbc_port2" "127.0.0.1:$sip_port2" "127.0.0.1:$teams_port" "127.0.0.1:$pstn_port" '^[+]155501'
control="http://127.0.0.1:$control_port2/v1"
blackbox_check "anchored: alice logs out" agent_action logout
start_teams teams-anchored "$scenarios/agent-anchored.xml" -m 1 -timeout 60 -timeout_error
expect_sipp "anchored: the caller presses * and gets switchboardd's BYE" \
    caller3 -sf "$scenarios/caller.xml" -i 127.0.0.1 -p "$pstn_port" -s +15550100 -m 1 -key rtp "$caller_rtp" \
    -timeout 30 -timeout_error "127.0.0.1:$sbc_port2"
start_sipp callee3 -sf "$scenarios/callee-anchored.xml" -i 127.0.0.1 -p "$pstn_port" -m 1 -timeout 40 -timeout_error
callee_pid="$SIPP_PID"
wait_for_udp_listen "$pstn_port" 10 "$callee_pid"
blackbox_check "anchored: alice logs in" agent_action login
expect_sipp_exit "anchored: the caller's number is offered switchboardd's own stream, answers, and alice's BYE ends both legs" \
    callee3 "$callee_pid"
expect_sipp_exit "anchored: alice is never re-INVITEd (the streams are bridged)" teams-anchored "$teams_pid"
blackbox_check "anchored: switchboardd bridged the call back" grep -q "media anchored (callback)" "$HARNESS_DIR/anchored/switchboardd.log"
expect_idle "anchored: no call and no stream left" "$control_port2" 10 calls holdStreams
blackbox_summary callback
