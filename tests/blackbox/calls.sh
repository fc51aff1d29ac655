#!/usr/bin/env bash
# The call flows of the Connect model against the real daemon, with a real Kamailio as the SBC, all on
# 127.0.0.1 over UDP:
#
#   PSTN caller (SIPp UAC) ──► Kamailio ──► switchboardd ──► Kamailio ──► Teams (one SIPp UAS, every agent)
#
# Each flow starts the Teams UAS in the background and runs the caller in the foreground; both must
# exit 0 (every check_it assertion held), the UAS must have seen no INVITE beyond its -m calls, and
# switchboardd must then hold no call (GET /v1/status). At the end, once the 64·T1 linger of ended
# dialogs is over, switchboardd must hold no dialog and no transaction.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/scripts/lib/harness.sh"
source "$repo/scripts/lib/switchboardd.sh"

scenarios="$repo/tests/sipp/calls"
free_ports sip_port sbc_port teams_port pstn_port control_port

# support: the queue of the brief, for the flow about its 4 s ring timeout; busy, declined and
# unavailable: two agents each, for the flows where an agent refuses (a refusing agent is backed off
# for a while, so each of these flows has agents of its own); lobby: no agents, callers only wait;
# longring: five agents and a ring timeout no flow reaches, for every other flow, so that no agent
# who takes its time races the ring timer.
queues="$HARNESS_DIR/calls.yaml"
cat >"$queues" <<YAML
queues:
  - { name: support, numbers: ["+15550100"], agents: [alice, bob, carol], ringTimeoutSeconds: 4, wrapUpSeconds: 0 }
  - { name: lobby, numbers: ["+15550110"], agents: [] }
  - { name: longring, numbers: ["+15550120"], agents: [alice, bob, carol, dave, erin], ringTimeoutSeconds: 120, wrapUpSeconds: 0 }
  - { name: busy, numbers: ["+15550130"], agents: [frank, grace], ringTimeoutSeconds: 120, wrapUpSeconds: 0 }
  - { name: declined, numbers: ["+15550140"], agents: [heidi, ivan], ringTimeoutSeconds: 120, wrapUpSeconds: 0 }
  - { name: unavailable, numbers: ["+15550150"], agents: [judy, ken], ringTimeoutSeconds: 120, wrapUpSeconds: 0 }
agents:
  - { id: alice, number: "+15550201" }
  - { id: bob, number: "+15550202" }
  - { id: carol, number: "+15550203" }
  - { id: dave, number: "+15550204" }
  - { id: erin, number: "+15550205" }
  - { id: frank, number: "+15550211" }
  - { id: grace, number: "+15550212" }
  - { id: heidi, number: "+15550213" }
  - { id: ivan, number: "+15550214" }
  - { id: judy, number: "+15550215" }
  - { id: ken, number: "+15550216" }
limits: { shards: 2, drainMinimumSeconds: 0, drainMaximumSeconds: 10 }
control: { address: 127.0.0.1, port: $control_port }
YAML
config="$HARNESS_DIR/switchboard.yaml"
write_switchboard_config "$config" "$sip_port" "$sbc_port" "$queues"

start_kamailio "$sbc_port" "127.0.0.1:$sip_port" "127.0.0.1:$teams_port" "127.0.0.1:$pstn_port" '^[+]155501[0-5]0$'
start_switchboardd switchboardd "$config" "$sip_port"

# sipp_stat NAME COLUMN: the value of COLUMN in the last row of NAME's statistics (stat.csv).
sipp_stat() {
    python3 - "$HARNESS_DIR/$1/stat.csv" "$2" <<'PY'
import csv, sys

with open(sys.argv[1]) as table:
    rows = list(csv.reader(table, delimiter=";"))
print(rows[-1][rows[0].index(sys.argv[2])])
PY
}

# -d 500: agents ring 500 ms before they answer and wait 500 ms after the ACK before they act in
# the dialog; callers talk 500 ms before they hang up. Kamailio relays with several worker
# processes, so requests that two parties send into one dialog at nearly the same time could
# overtake each other; the pauses keep them apart. No assertion depends on time.
teams_common=(-t u1 -p "$teams_port" -key sbc "127.0.0.1:$sbc_port" -d 500 -timeout 60 -timeout_error)
caller_common=(-t u1 -cid_str "pstn-%u-%p@%s" -key switchboard "127.0.0.1:$sip_port" -d 500 -timeout 50 -timeout_error)

# flow DESCRIPTION NAME TEAMS_CALLS: runs one call flow. The Teams UAS takes the arguments in the
# array teams (no UAS when empty) and must handle TEAMS_CALLS B-leg INVITEs; the caller takes
# those in the array caller (its target, scenario and options).
flow() {
    local description="$1" name="$2" teams_calls="$3"
    local problems=() status teams_pid=""
    if [ ${#teams[@]} -gt 0 ]; then
        start_sipp "$name-teams" "${teams_common[@]}" -m "$teams_calls" "${teams[@]}"
        teams_pid="$SIPP_PID"
        wait_for_udp_listen "$teams_port" 20 "$teams_pid" || problems+=("the Teams UAS did not start")
    fi
    status=0
    run_sipp "$name-caller" "${caller_common[@]}" "${caller[@]}" || status=$?
    [ "$status" -eq 0 ] || problems+=("caller: sipp exited with $status")
    if [ -n "$teams_pid" ]; then
        status=0
        wait "$teams_pid" || status=$?
        stop_process "$name-teams"
        if [ "$status" -ne 0 ]; then
            problems+=("Teams UAS: sipp exited with $status")
        else
            local extra
            extra="$(sipp_stat "$name-teams" "OutOfCallMsgs(C)")"
            [ "$extra" -eq 0 ] || problems+=("Teams UAS: $extra messages outside its $teams_calls calls (more B-leg INVITEs than expected?)")
        fi
    fi
    local leftover
    leftover="$(wait_until_idle "$control_port" 40 calls)" || problems+=("switchboardd still holds calls 40 s later: $leftover")
    if [ ${#problems[@]} -eq 0 ]; then
        blackbox_ok "$description"
    else
        blackbox_fail "$description" "${problems[@]}"
        show_logs "$name-teams" "$name-caller"
    fi
}

via_sbc="127.0.0.1:$sbc_port"

teams=(-sf "$scenarios/agent-answers.xml" -key queue longring)
caller=("$via_sbc" -m 1 -s +15550120 -sf "$scenarios/caller.xml")
flow "answered by the first agent offered; the caller hangs up, BYE mirrored to the agent" answered 1

teams=(-sf "$scenarios/agent-hangs-up.xml" -key queue longring)
caller=("$via_sbc" -m 1 -s +15550120 -sf "$scenarios/caller-hung-up.xml")
flow "the agent hangs up: BYE mirrored to the caller" agent-bye 1

# The second agent answers at once (-d 0), so that none of the 4 s ring timeout is spent ringing.
teams=(-sf "$scenarios/agent-rings-out.xml" -key queue support -d 0)
caller=("$via_sbc" -m 1 -s +15550100 -sf "$scenarios/caller.xml")
flow "ring timeout: the first agent is CANCELled (487), another agent answers" ring-timeout 2

for refusal in "486 busy +15550130" "603 declined +15550140" "480 unavailable +15550150"; do
    read -r failure queue number <<<"$refusal"
    teams=(-sf "$scenarios/agent-refuses.xml" -key queue "$queue" -key failure "$failure")
    caller=("$via_sbc" -m 1 -s "$number" -sf "$scenarios/caller.xml")
    flow "the first agent answers $failure: the other agent answers, the caller never sees the $failure" "refused-$failure" 2
done

teams=(-sf "$scenarios/agent-forks.xml" -key queue longring)
caller=("$via_sbc" -m 1 -s +15550120 -sf "$scenarios/caller.xml")
flow "forked 180, 180, 183 with SDP, 200: the caller sees one 180 and the answering fork's SDP" forked 1

teams=(-sf "$scenarios/agent-holds.xml" -key queue longring)
caller=("$via_sbc" -m 1 -s +15550120 -sf "$scenarios/caller-held.xml")
flow "re-INVITE hold (sendonly) and resume (sendrecv) from the agent, SDP relayed both ways" hold 1

teams=(-sf "$scenarios/agent-refreshes.xml" -key queue longring)
caller=("$via_sbc" -m 1 -s +15550120 -sf "$scenarios/caller-refreshed.xml")
flow "UPDATE session refresh from the agent relayed to the caller, 200 back" refresh 1

teams=()
caller=("$via_sbc" -m 1 -s +15550110 -sf "$scenarios/caller-cancels.xml")
flow "the caller CANCELs while queued: 200 to the CANCEL, 487 to the INVITE" cancel-queued 0

teams=(-sf "$scenarios/agent-cancelled.xml" -key queue longring)
caller=("$via_sbc" -m 1 -s +15550120 -d 1000 -sf "$scenarios/caller-cancels.xml")
flow "the caller CANCELs while an agent rings: the agent gets CANCEL, the caller 200 + 487" cancel-ringing 1

teams=(-sf "$scenarios/agent-answers.xml" -key queue longring -d 4000)
caller=("$via_sbc" -m 1 -s +15550120 -sf "$scenarios/caller-retransmits.xml")
flow "an INVITE retransmitted over UDP while queued, through the SBC: one B-leg INVITE" retransmitted-sbc 1

caller=("127.0.0.1:$sip_port" -m 1 -s +15550120 -sf "$scenarios/caller-retransmits.xml")
flow "an INVITE retransmitted over UDP while queued, straight to switchboardd: absorbed, one B-leg INVITE" retransmitted-direct 1

# Reloads while a call is up: a valid file through the CLI and one by SIGHUP apply (an agent added,
# then removed), an invalid one is refused with its key named; the call goes on to its normal end.
status_calls() { control_status "$control_port" calls; }
reload_cli() { "$SWITCHBOARD_BIN/switchboard" reload --url "http://127.0.0.1:$control_port" "$@"; }
start_sipp reload-teams "${teams_common[@]}" -m 1 -sf "$scenarios/agent-answers.xml" -key queue longring
reload_teams_pid="$SIPP_PID"
wait_for_udp_listen "$teams_port" 20 "$reload_teams_pid" || true
start_sipp reload-caller "${caller_common[@]}" "$via_sbc" -m 1 -s +15550120 -d 8000 -sf "$scenarios/caller.xml"
reload_caller_pid="$SIPP_PID"
for _ in $(seq 1 100); do [ "$(status_calls 2>/dev/null)" = 1 ] && break; sleep 0.1; done
sed -e 's/- { name: lobby, numbers: \["+15550110"\], agents: \[\] }/- { name: lobby, numbers: ["+15550110"], agents: [zoe] }/' \
    -e '/^limits:/i\  - { id: zoe, number: "+15550299" }' "$queues" >"$HARNESS_DIR/reloaded.yaml"
write_switchboard_config "$config" "$sip_port" "$sbc_port" "$HARNESS_DIR/reloaded.yaml"
reload_out="$(reload_cli 2>&1)" || true
blackbox_check "switchboard reload during a call applies the file (one agent added)" \
    grep -q "12 agents (1 added, 0 removed)" <<<"$reload_out"
blackbox_check "the added agent is in the agent list" \
    bash -c "curl -fsS 'http://127.0.0.1:$control_port/v1/agents' | grep -q '\"zoe\"'"
write_switchboard_config "$config" "$sip_port" "$sbc_port" "$queues"
kill -HUP "$SWITCHBOARDD_PID"
removed=no
for _ in $(seq 1 50); do
    if ! curl -fsS "http://127.0.0.1:$control_port/v1/agents" | grep -q '"zoe"'; then removed=yes; break; fi
    sleep 0.1
done
blackbox_check "SIGHUP applies the file again (the agent removed), switchboardd runs on" \
    bash -c "[ $removed = yes ] && kill -0 $SWITCHBOARDD_PID"
sed 's/ringTimeoutSeconds: 120/ringTimeoutSecnds: 120/' "$queues" >"$HARNESS_DIR/invalid.yaml"
write_switchboard_config "$config" "$sip_port" "$sbc_port" "$HARNESS_DIR/invalid.yaml"
reload_status=0
reload_out="$(reload_cli 2>&1)" || reload_status=$?
if [ "$reload_status" = 1 ] && grep -q ringTimeoutSecnds <<<"$reload_out"; then
    blackbox_ok "an invalid file is refused (exit 1) with the key named"
else
    blackbox_fail "an invalid file is refused (exit 1) with the key named" "exit $reload_status: $reload_out"
fi
write_switchboard_config "$config" "$sip_port" "$sbc_port" "$queues"
reload_problems=()
wait "$reload_caller_pid" || reload_problems+=("caller: sipp exited with $?")
wait "$reload_teams_pid" || reload_problems+=("Teams UAS: sipp exited with $?")
stop_process reload-caller
stop_process reload-teams
leftover="$(wait_until_idle "$control_port" 40 calls)" || reload_problems+=("switchboardd still holds calls 40 s later: $leftover")
if [ ${#reload_problems[@]} -eq 0 ]; then
    blackbox_ok "the call in progress during the three reloads ended normally on both legs"
else
    blackbox_fail "the call in progress during the three reloads ended normally on both legs" "${reload_problems[@]}"
    show_logs reload-teams reload-caller switchboardd
fi

burst_agents="$HARNESS_DIR/burst-agents.log"
burst_callers="$HARNESS_DIR/burst-callers.log"
teams=(-sf "$scenarios/agent-answers.xml" -key queue longring -trace_logs -log_file "$burst_agents" -timeout 110)
caller=("$via_sbc" -m 50 -r 10 -l 50 -s +15550120 -d 1000 -sf "$scenarios/caller.xml" -trace_logs -log_file "$burst_callers" -timeout 100)
SIPP_TIMEOUT=110 flow "burst: 50 callers at 10/s for 5 agents, every caller answered" burst 50
if overlap="$(python3 "$repo/tests/blackbox/agent_overlap.py" --calls 50 "$burst_agents" "$burst_callers" 2>&1)"; then
    blackbox_ok "burst: no agent offered a call while ringing or talking ($overlap)"
else
    blackbox_fail "burst: no agent offered a call while ringing or talking" "$overlap"
    show_logs burst-teams burst-caller
fi

expect_idle "no call, dialog or transaction left once the 64·T1 linger is over" "$control_port" 60
blackbox_summary calls
