#!/usr/bin/env bash
# Stream connection limits against the real daemon on 127.0.0.1 (TCP and TLS): idle connections
# from an address that is no trunk peer (127.0.0.2) are closed at once while the SBC's OPTIONS over
# TCP still get 200 and GET /v1/status answers; a slow-loris header, a short body and an idle
# trunk connection are closed after their timeouts; keep-alives keep a connection open; the trunk's
# own cap; the counters in /v1/status and /metrics.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/scripts/lib/harness.sh"
source "$repo/scripts/lib/switchboardd.sh"

helper=(python3 "$repo/tests/blackbox/connections.py")
free_ports sip_port sbc_port control_port SWITCHBOARD_TLS_PORT
config="$HARNESS_DIR/switchboard.yaml"
write_switchboard_config "$config" "$sip_port" "$sbc_port"
sed -i '/^sip:$/a\  connectionIdleSeconds: 5\n  incompleteMessageSeconds: 2\n  maximumConnectionsPerTrunk: 40' "$config"
echo "control: { address: 127.0.0.1, port: $control_port }" >>"$config"
start_switchboardd switchboardd "$config" "$sip_port"

# status FIELD...: the value at the path FIELD... of GET /v1/status.
status() { control_status "$control_port" "$@"; }

# at_least MINIMUM FIELD...: the status counter at FIELD... is at least MINIMUM.
at_least() {
    local minimum="$1" value
    shift
    value="$(status "$@")" || return 1
    [ "$value" -ge "$minimum" ] || { echo "  $* = $value, expected at least $minimum"; return 1; }
}

# expect_helper DESCRIPTION COMMAND ARGS...: a check that holds when the helper's COMMAND succeeds.
expect_helper() {
    local description="$1" output
    shift
    if output="$("${helper[@]}" "$@")"; then
        blackbox_ok "$description"
    else
        blackbox_fail "$description" "$output"
    fi
}

expect_helper "2,000 idle TCP and 50 TLS connections from 127.0.0.2 closed at once; the SBC's TCP OPTIONS get 200 and /v1/status answers throughout" \
    flood --port "$sip_port" --tls-port "$SWITCHBOARD_TLS_PORT" --control "$control_port"
blackbox_check "/v1/status counts the refusals (connections.refused.unknownPeer >= 2050)" \
    at_least 2050 connections refused unknownPeer
expect_sipp "OPTIONS over TCP from the SBC after the flood → 200" options-after-flood \
    127.0.0.1:"$sip_port" -m 1 -timeout 30 -timeout_error -t t1 -sf "$repo/tests/sipp/foundation/options.xml"

expect_helper "a slow-loris header from the SBC's address is closed (incompleteMessageSeconds 2, within 30 s)" \
    slowloris --port "$sip_port"
expect_helper "Content-Length 60000 with 10 bytes of body is closed (within 30 s)" shortbody --port "$sip_port"
blackbox_check "/v1/status counts both (connections.closedIncompleteMessage >= 2)" at_least 2 connections closedIncompleteMessage
expect_helper "an idle connection from the SBC's address is closed (connectionIdleSeconds 5, within 30 s)" idle --port "$sip_port"
blackbox_check "/v1/status counts it (connections.closedIdle >= 1)" at_least 1 connections closedIdle
expect_helper "RFC 5626 keep-alives every second keep a connection open for 12 s (idle timeout 5 s), each ponged" \
    keepalive --port "$sip_port" --seconds 12
expect_helper "60 idle connections from the SBC's address: those over maximumConnectionsPerTrunk (40) closed at once" \
    trunkcap --port "$sip_port" --count 60 --cap 40
blackbox_check "/v1/status counts them (connections.refused.peerLimit >= 20)" at_least 20 connections refused peerLimit

metrics_ok() {
    local metrics
    metrics="$(curl -fsS --max-time 5 "http://127.0.0.1:$control_port/metrics")" || return 1
    grep -q '^switchboard_sip_connections_refused_total{reason="unknown_peer"} [1-9]' <<<"$metrics" &&
        grep -q '^switchboard_sip_connections_closed_total{reason="incomplete_message"} [1-9]' <<<"$metrics" &&
        grep -q '^switchboard_sip_connections_open [0-9]' <<<"$metrics" &&
        grep -q '^# TYPE switchboard_sip_connections_accepted_total counter' <<<"$metrics"
}
blackbox_check "/metrics exposes the connection counters" metrics_ok

notices_ok() {
    local log="$HARNESS_DIR/switchboardd/switchboardd.log" lines
    lines="$(grep -c 'stream connections refused' "$log" || true)"
    [ "$lines" -ge 1 ] && [ "$lines" -le 20 ] || { echo "  $lines refusal lines for 2,070 refusals"; return 1; }
}
blackbox_check "refusals logged as a few throttled notices, not one line per connection" notices_ok

expect_sipp "OPTIONS over TCP from the SBC at the end → 200" options-at-end \
    127.0.0.1:"$sip_port" -m 1 -timeout 30 -timeout_error -t t1 -sf "$repo/tests/sipp/foundation/options.xml"
blackbox_summary connections
