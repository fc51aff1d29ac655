#!/usr/bin/env bash
# The control API and the switchboard CLI against the real daemon, with a bearer token: an agent
# paused with the CLI shows in `switchboard agents --json` and comes back with resume; a wrong or
# missing token gets 401 (exit 4); an unknown agent exit 1; no daemon exit 3; `switchboard drain`
# stops the daemon.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/scripts/lib/harness.sh"
source "$repo/scripts/lib/switchboardd.sh"

free_ports sip_port sbc_port control_port unused_port
printf 'bb-%s\n' "$(python3 -c 'import secrets; print(secrets.token_hex(16))')" >"$HARNESS_DIR/token"
chmod 600 "$HARNESS_DIR/token"
cat >"$HARNESS_DIR/extra.yaml" <<YAML
queues:
  - { name: support, numbers: ["+15550100"], agents: [alice, bob], ringTimeoutSeconds: 15 }
agents:
  - { id: alice, number: "+15550201" }
  - { id: bob, number: "+15550202" }
limits: { shards: 2, drainMinimumSeconds: 0, drainMaximumSeconds: 10 }
control: { address: 127.0.0.1, port: $control_port, tokenFile: $HARNESS_DIR/token }
YAML
write_switchboard_config "$HARNESS_DIR/switchboard.yaml" "$sip_port" "$sbc_port" "$HARNESS_DIR/extra.yaml"
start_switchboardd switchboardd "$HARNESS_DIR/switchboard.yaml" "$sip_port"

export HOME="$HARNESS_DIR" SWITCHBOARD_URL="http://127.0.0.1:$control_port"
unset XDG_CONFIG_HOME SWITCHBOARD_TOKEN
cli() { "$SWITCHBOARD_BIN/switchboard" "$@"; }
for _ in $(seq 1 100); do cli status --token-file "$HARNESS_DIR/token" >/dev/null 2>&1 && break; sleep 0.2; done

# agent_field ID FIELD: prints FIELD of agent ID from `switchboard agents --json`.
agent_field() {
    cli agents --json --token-file "$HARNESS_DIR/token" |
        python3 -c 'import json, sys; print(next(a for a in json.load(sys.stdin)["agents"] if a["id"] == sys.argv[1]).get(sys.argv[2]))' "$1" "$2"
}
# exit_code COMMAND...: prints COMMAND's exit status.
exit_code() {
    local status=0
    "$@" >/dev/null 2>&1 || status=$?
    echo "$status"
}

blackbox_check "switchboard status answers with the token file" \
    bash -c "'$SWITCHBOARD_BIN/switchboard' status --token-file '$HARNESS_DIR/token' | grep -q '^version '"
status_json="$(curl -fsS -H "Authorization: Bearer $(cat "$HARNESS_DIR/token")" "$SWITCHBOARD_URL/v1/status")"
blackbox_check "/v1/status keeps the harness's fields (calls, dialogs, transactions) next to version and listeners" \
    python3 -c 'import json, sys; s = json.loads(sys.argv[1]); assert all(k in s for k in ("calls", "dialogs", "serverTransactions", "clientTransactions", "version", "listeners", "draining"))' "$status_json"
blackbox_check "GET /v1/status without a token: 401" test "$(curl -s -o /dev/null -w '%{http_code}' "$SWITCHBOARD_URL/v1/status")" = 401
blackbox_check "a wrong token: 401, switchboard exits 4" test "$(SWITCHBOARD_TOKEN=wrong exit_code cli agents)" = 4
blackbox_check "no token at all: switchboard exits 4" test "$(exit_code cli agents)" = 4

export SWITCHBOARD_TOKEN="$(cat "$HARNESS_DIR/token")"
blackbox_check "switchboard agent pause alice --reason lunch exits 0" test "$(exit_code cli agent pause alice --reason lunch)" = 0
blackbox_check "agents --json shows alice on a lunch break, not routable" \
    test "$(agent_field alice status) $(agent_field alice breakReason) $(agent_field alice routable)" = "onBreak lunch False"
blackbox_check "switchboard agent resume alice exits 0" test "$(exit_code cli agent resume alice)" = 0
blackbox_check "agents --json shows alice available and routable again" \
    test "$(agent_field alice status) $(agent_field alice routable)" = "available True"
blackbox_check "an unknown agent: switchboard exits 1" test "$(exit_code cli agent show zed)" = 1
blackbox_check "no daemon at the URL: switchboard exits 3" test "$(exit_code cli status --url "http://127.0.0.1:$unused_port")" = 3
if grep -qF "$SWITCHBOARD_TOKEN" "$HARNESS_DIR/switchboardd/switchboardd.log"; then
    blackbox_fail "the token appears in the daemon's log"
else
    blackbox_ok "the token never appears in the daemon's log"
fi

blackbox_check "switchboard drain exits 0" test "$(exit_code cli drain)" = 0
stopped=no
for _ in $(seq 1 100); do
    if ! kill -0 "$SWITCHBOARDD_PID" 2>/dev/null; then stopped=yes; break; fi
    sleep 0.2
done
blackbox_check "after drain, switchboardd stops by itself" test "$stopped" = yes
blackbox_summary control
