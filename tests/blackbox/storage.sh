#!/usr/bin/env bash
# The call store against the real daemon, SIPp callers straight to switchboardd and one SIPp UAS
# answering as every agent, all on 127.0.0.1 over UDP:
#
#   1. a clean run: the call_records rows are the calls SIPp made (count, outcome, who hung up),
#      each with exactly one answered offer attempt, and the queue log has each call's
#      ENTERQUEUE, CONNECT and COMPLETECALLER; the control API serves the same through
#      `switchboard cdr --json` and `switchboard queue-log`;
#   2. kill -9 of the daemon in the middle of a steady load, then a restart on the same file:
#      every call SIPp saw end (200 to its BYE) has its record, no record is left open, and the
#      calls cut by the kill are closed as interrupted.
#
# Read with the sqlite3 command-line shell (Debian package sqlite3) while the daemon runs or after it
# died: the store is in WAL mode.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/scripts/lib/harness.sh"
source "$repo/scripts/lib/switchboardd.sh"

scenarios="$repo/tests/sipp/kamailio-reference"
free_ports sip_port uas_port control_port
database="$HARNESS_DIR/store/switchboard.sqlite"
mkdir -p "$(dirname "$database")"

queues="$HARNESS_DIR/storage.yaml"
python3 - "$queues" "$control_port" "$database" <<'PY'
import sys
path, control, database = sys.argv[1], sys.argv[2], sys.argv[3]
ids = [f"a{i}" for i in range(200)]
with open(path, "w") as out:
    out.write(f"queues:\n  - {{ name: support, numbers: [\"+15550100\"], ringTimeoutSeconds: 15, wrapUpSeconds: 0, agents: [{', '.join(ids)}] }}\n")
    out.write("agents:\n")
    for i, agent in enumerate(ids):
        out.write(f"  - {{ id: {agent}, number: \"+1555030{i:04d}\" }}\n")
    out.write("limits: { shards: 2, drainMinimumSeconds: 0, drainMaximumSeconds: 5 }\n")
    out.write(f"control: {{ address: 127.0.0.1, port: {control} }}\n")
    out.write(f"storage: {{ path: {database}, flushMilliseconds: 100 }}\n")
PY
config="$HARNESS_DIR/switchboard.yaml"
write_switchboard_config "$config" "$sip_port" "$uas_port" "$queues"

# sql QUERY: one query against the store, rows as "a|b|c" lines.
sql() { sqlite3 -batch -noheader "$database" "$1"; }

# forget_process NAME: the harness no longer stops NAME (it was killed and reaped here).
forget_process() {
    local index
    for index in "${!HARNESS_NAMES[@]}"; do
        [ "${HARNESS_NAMES[$index]}" = "$1" ] && HARNESS_PIDS[index]=""
    done
    return 0
}

start_sipp teams -sf "$scenarios/uas.xml" -i 127.0.0.1 -p "$uas_port" -aa -timeout 150 -timeout_error
wait_for_udp_listen "$uas_port" 10 "$SIPP_PID"
start_switchboardd switchboardd "$config" "$sip_port"
caller=("127.0.0.1:$sip_port" -sf "$scenarios/uac.xml" -s +15550100 -set direct 1 -timeout_error)

# 1. A clean run.
SIPP_TIMEOUT=60 expect_sipp "clean run: 100 callers at 20/s, each answered and hung up by the caller" clean \
    "${caller[@]}" -m 100 -r 20 -d 500 -cid_str "clean-%u@%s" -timeout 50
wait_until_idle "$control_port" 20 calls >/dev/null || true
# The writer commits every 100 ms; a record is there at most one commit after its call ended.
for _ in $(seq 1 50); do
    [ "$(sql "SELECT count(*) FROM call_records WHERE call_id LIKE 'clean-%' AND ended_at IS NOT NULL")" = 100 ] && break
    sleep 0.1
done
outcomes="$(sql "SELECT outcome, ended_by, cause, count(*) FROM call_records WHERE call_id LIKE 'clean-%' GROUP BY 1, 2, 3")"
if [ "$outcomes" = "completed|caller|BYE|100" ]; then
    blackbox_ok "clean run: 100 call records, each completed and ended by the caller's BYE"
else
    blackbox_fail "clean run: 100 call records, each completed and ended by the caller's BYE" "found: ${outcomes:-nothing}"
fi
bad="$(sql "SELECT c.call_id, count(o.sequence), group_concat(o.result) FROM call_records c
            LEFT JOIN offer_attempts o ON o.call_arrived_at = c.arrived_at AND o.call_id = c.call_id
            WHERE c.call_id LIKE 'clean-%' GROUP BY c.call_id
            HAVING count(o.sequence) != 1 OR group_concat(o.result) != 'answered' OR min(c.agent = o.agent) = 0")"
if [ -z "$bad" ]; then
    blackbox_ok "clean run: attempt by attempt, each call had one offer, answered by the agent its record names"
else
    blackbox_fail "clean run: attempt by attempt, each call had one offer, answered by the agent its record names" "$bad"
fi
events="$(sql "SELECT event, count(*) FROM queue_log WHERE callid LIKE 'clean-%' GROUP BY event ORDER BY event" | paste -sd' ')"
if [ "$events" = "COMPLETECALLER|100 CONNECT|100 ENTERQUEUE|100" ]; then
    blackbox_ok "clean run: queue_log has ENTERQUEUE, CONNECT and COMPLETECALLER for each call"
else
    blackbox_fail "clean run: queue_log has ENTERQUEUE, CONNECT and COMPLETECALLER for each call" "found: $events"
fi
exported="$HARNESS_DIR/queue_log"
"$SWITCHBOARD_BIN/switchboardd" --config "$config" --export-queue-log >"$exported"
if problems="$(python3 - "$exported" <<'PY'
import re, sys
# Asterisk's queue_log lines (docs/storage.md): time|callid|queuename|agent|event|parameters.
shapes = {"ENTERQUEUE": r"[^|]*\|\+1555019\d+\|\d+", "CONNECT": r"\d+\|[^|]*\|\d+", "COMPLETECALLER": r"\d+\|\d+\|\d+"}
counts = {}
for line in open(sys.argv[1]).read().splitlines():
    fields = line.split("|", 5)
    if len(fields) < 5 or not fields[1].startswith("clean-"):
        continue
    event = fields[4]
    if not re.fullmatch(r"\d{10}", fields[0]) or event not in shapes or not re.fullmatch(shapes[event], fields[5] if len(fields) > 5 else ""):
        print(f"malformed: {line}")
    counts[event] = counts.get(event, 0) + 1
if counts != {"ENTERQUEUE": 100, "CONNECT": 100, "COMPLETECALLER": 100}:
    print(f"counts: {counts}")
PY
)" && [ -z "$problems" ]; then
    blackbox_ok "clean run: switchboardd --export-queue-log prints each call's three lines in Asterisk's form"
else
    blackbox_fail "clean run: switchboardd --export-queue-log prints each call's three lines in Asterisk's form" "$problems"
fi
numbers="$(sql "SELECT count(*) FROM call_records WHERE call_id LIKE 'clean-%' AND dialed_number = '+15550100'
                AND caller_number LIKE '+1555019%' AND talk_seconds BETWEEN 0 AND 5 AND wait_seconds BETWEEN 0 AND 5")"
blackbox_check "clean run: numbers, wait and talk seconds as SIPp dialed and held the calls ($numbers of 100)" [ "$numbers" = 100 ]

# The same history through the control API and the CLI (no token on this daemon's API).
cli() { HOME="$HARNESS_DIR" XDG_CONFIG_HOME="" SWITCHBOARD_TOKEN="" SWITCHBOARD_URL="http://127.0.0.1:$control_port" "$SWITCHBOARD_BIN/switchboard" "$@"; }
cli_status=0
cli cdr --json --since 10m --number +15550100 --limit 1000 >"$HARNESS_DIR/cdr.json" 2>"$HARNESS_DIR/cdr.err" || cli_status=$?
if problems="$(python3 - "$HARNESS_DIR/cdr.json" <<'PY'
import json, sys
records = [r for r in json.load(open(sys.argv[1]))["records"] if r["callID"].startswith("clean-")]
problems = [] if len(records) == 100 else [f"{len(records)} records of the clean run"]
for r in records:
    offers = r["offers"]
    if (r["outcome"], r["endedBy"], r["dialedNumber"]) != ("completed", "caller", "+15550100") or [o["result"] for o in offers] != ["answered"] \
            or offers[0]["agent"] != r["agent"]:
        problems.append(f"{r['callID']}: {r['outcome']} by {r['endedBy']}, offers {offers}")
if [r["arrivedAt"] for r in records] != sorted((r["arrivedAt"] for r in records), reverse=True):
    problems.append("not newest first")
print("\n".join(problems[:5]))
PY
)" && [ "$cli_status" = 0 ] && [ -z "$problems" ]; then
    blackbox_ok "clean run: switchboard cdr --json lists the 100 calls, newest first, each completed with its one answered offer"
else
    blackbox_fail "clean run: switchboard cdr --json lists the 100 calls, newest first, each completed with its one answered offer" \
        "exit $cli_status $(cat "$HARNESS_DIR/cdr.err") $problems"
fi
cli_status=0
cli queue-log --since 10m >"$HARNESS_DIR/cli-queue-log" 2>"$HARNESS_DIR/cli-queue-log.err" || cli_status=$?
piped="$(grep -cE '^[0-9]{10}\|clean-[^|]+\|support\|[^|]+\|(ENTERQUEUE|CONNECT|COMPLETECALLER)(\|[^|]*)+$' "$HARNESS_DIR/cli-queue-log" || true)"
if [ "$cli_status" = 0 ] && [ "$piped" = 300 ] \
        && diff <(grep -F '|clean-' "$exported") <(grep -F '|clean-' "$HARNESS_DIR/cli-queue-log") >/dev/null; then
    blackbox_ok "clean run: switchboard queue-log prints the 300 pipe-separated lines, as --export-queue-log does"
else
    blackbox_fail "clean run: switchboard queue-log prints the 300 pipe-separated lines, as --export-queue-log does" \
        "exit $cli_status, $piped well-formed lines; $(head -c 300 "$HARNESS_DIR/cli-queue-log.err")"
fi

# 2. kill -9 under load, restart on the same file.
load_trace="$HARNESS_DIR/load-messages.log"
start_sipp load "${caller[@]}" -m 3000 -r 60 -d 1000 -cid_str "load-%u@%s" -timeout 60 -trace_msg -message_file "$load_trace"
load_pid="$SIPP_PID"
sleep 6
kill -KILL "$SWITCHBOARDD_PID"
wait "$SWITCHBOARDD_PID" 2>/dev/null || true
forget_process switchboardd
kill -TERM "$load_pid" 2>/dev/null || true
wait "$load_pid" 2>/dev/null || true
forget_process load

# The Call-IDs of the calls SIPp saw end: a 200 received for CSeq 2 BYE.
python3 - "$load_trace" >"$HARNESS_DIR/ended-calls.txt" <<'PY'
import re, sys
text = open(sys.argv[1], errors="replace").read()
for message in re.split(r"^-{5,} .*$", text, flags=re.M):
    if ("message received" in message and re.search(r"^SIP/2\.0 200 ", message, re.M)
            and re.search(r"^CSeq:\s*2 BYE", message, re.M | re.I)):
        match = re.search(r"^Call-ID:\s*(\S+)", message, re.M | re.I)
        if match:
            print(match.group(1))
PY
sort -u -o "$HARNESS_DIR/ended-calls.txt" "$HARNESS_DIR/ended-calls.txt"
ended="$(wc -l <"$HARNESS_DIR/ended-calls.txt")"
blackbox_check "kill -9 under load: SIPp saw calls end before the kill ($ended)" [ "$ended" -ge 100 ]

start_switchboardd restarted "$config" "$sip_port"
sql "SELECT call_id FROM call_records WHERE call_id LIKE 'load-%'" | sort -u >"$HARNESS_DIR/recorded-calls.txt"
missing="$(comm -23 "$HARNESS_DIR/ended-calls.txt" "$HARNESS_DIR/recorded-calls.txt" | head -n 5)"
if [ -z "$missing" ]; then
    blackbox_ok "after the restart every one of the $ended calls SIPp saw end has its record"
else
    blackbox_fail "after the restart every call SIPp saw end has its record" "missing, for example: $missing"
fi
ended_list="$(sed "s/.*/'&'/" "$HARNESS_DIR/ended-calls.txt" | paste -sd,)"
kinds="$(sql "SELECT outcome, count(*) FROM call_records WHERE call_id IN ($ended_list) GROUP BY outcome" | paste -sd' ')"
echo "   outcomes of the calls SIPp saw end: $kinds"
completed="$(sql "SELECT count(*) FROM call_records WHERE call_id IN ($ended_list) AND outcome = 'completed'")"
blackbox_check "calls that ended at least one flush before the kill are recorded as completed ($completed of $ended)" \
    [ "$completed" -ge $((ended - 60)) ]
open_rows="$(sql "SELECT (SELECT count(*) FROM open_call_records) + (SELECT count(*) FROM call_records WHERE ended_at IS NULL)")"
interrupted="$(sql "SELECT count(*) FROM call_records WHERE outcome = 'interrupted' AND cause = 'restart'")"
blackbox_check "no record left open; the calls cut by the kill closed as interrupted ($interrupted)" \
    test "$open_rows" = 0 -a "$interrupted" -ge 1
blackbox_check "the restarted daemon logged how many records it closed" \
    grep -q "closed as interrupted" "$HARNESS_DIR/restarted/switchboardd.log"
blackbox_summary storage
