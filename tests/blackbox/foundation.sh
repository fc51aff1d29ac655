#!/usr/bin/env bash
# The SIP foundation against the real daemon on 127.0.0.1, over UDP and TCP: OPTIONS, 404 + ACK,
# INVITE + CANCEL → 487, a retransmitted INVITE re-answered, the access list, malformed datagrams,
# and draining after SIGTERM.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/scripts/lib/harness.sh"
source "$repo/scripts/lib/switchboardd.sh"

scenarios="$repo/tests/sipp/foundation"
free_ports sip_port sbc_port SWITCHBOARD_TLS_PORT
config="$HARNESS_DIR/switchboard.yaml"
write_switchboard_config "$config" "$sip_port" "$sbc_port"
start_switchboardd switchboardd "$config" "$sip_port"

sipp_common=(127.0.0.1:"$sip_port" -m 1 -timeout 30 -timeout_error -max_recv_loops 100)
for transport in u1 t1; do
    expect_sipp "OPTIONS → 200 with Allow/Accept/Supported ($transport)" "options-$transport" \
        "${sipp_common[@]}" -t "$transport" -sf "$scenarios/options.xml"
    expect_sipp "INVITE to an unserved number → 404, ACK ($transport)" "unserved-$transport" \
        "${sipp_common[@]}" -t "$transport" -sf "$scenarios/invite-unserved.xml"
    expect_sipp "INVITE to a queue, CANCEL → 200 + 487, ACK ($transport)" "cancel-$transport" \
        "${sipp_common[@]}" -t "$transport" -s +15550100 -sf "$scenarios/invite-cancel.xml"
done
blackbox_check "OPTIONS over TLS → 200, keep-alive ping → pong" \
    python3 "$repo/tests/blackbox/tls.py" --port "$SWITCHBOARD_TLS_PORT"
blackbox_check "INVITE retransmitted after a lost 404 → the same 404 again (udp)" \
    python3 "$repo/tests/blackbox/retransmission.py" --port "$sip_port"
expect_sipp "OPTIONS from an address that is no trunk peer → 403" stranger \
    "${sipp_common[@]}" -t u1 -i 127.0.0.2 -sf "$scenarios/options-forbidden.xml"

blackbox_check "malformed datagrams answered with 400 or dropped" \
    python3 "$repo/tests/blackbox/malformed.py" --port "$sip_port" --fixtures "$repo/Tests/SIPCoreTests/Fixtures/rfc4475"
expect_sipp "OPTIONS still answered after the malformed batch" options-after-malformed \
    "${sipp_common[@]}" -t u1 -sf "$scenarios/options.xml"

kill -TERM "$SWITCHBOARDD_PID"
expect_sipp "OPTIONS while draining after SIGTERM → 503 + Retry-After" draining \
    "${sipp_common[@]}" -t u1 -sf "$scenarios/options-draining.xml"
for _ in $(seq 1 100); do
    kill -0 "$SWITCHBOARDD_PID" 2>/dev/null || break
    sleep 0.2
done
if kill -0 "$SWITCHBOARDD_PID" 2>/dev/null; then
    blackbox_fail "switchboardd still running 20 s after SIGTERM with no calls"
else
    blackbox_ok "switchboardd exited after draining"
fi
blackbox_summary foundation
