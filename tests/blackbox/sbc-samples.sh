#!/usr/bin/env bash
# The SBC samples under sbc-configs/: the Kamailio edge configuration passes `kamailio -c`, then runs
# on loopback between fake peers (tests/blackbox/sbc_edge.py): the carrier, switchboardd, two
# Microsoft proxies over TLS and a stand-in for rtpengine. The checks cover the contact-center rule,
# the agent's B-leg with failover between proxies, calls from Teams, keep-alives, strangers and a
# flood. The AudioCodes, Ribbon and Teams PowerShell samples have no check here (no such system or
# tenant on this machine).
#
# Kamailio resolves the advertised FQDN at start-up, so the checks set it to localhost; the TLS
# profiles are the sample's tls.cfg with its placeholder paths pointed at a throwaway certificate.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/scripts/lib/harness.sh"

sample="$repo/sbc-configs/kamailio-edge"
dir="$HARNESS_DIR/sbc-edge"
mkdir -p "$dir"

# kamailio -c exits 0 even when it had to skip a listen line, so its log is checked too.
config_check() {
    local log="$dir/config-check.log"
    if kamailio -c -f "$sample/kamailio.cfg" -A 'SBC_FQDN="localhost"' >"$log" 2>&1 &&
        grep -q '^config file ok' "$log" && ! grep -qE ' (ERROR|CRITICAL): ' "$log"; then
        return 0
    fi
    sed 's/^/  /' "$log"
    return 1
}
blackbox_check "kamailio -c accepts sbc-configs/kamailio-edge/kamailio.cfg" config_check

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
    -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null
sed -e "s#/etc/kamailio/tls/sbc.example.com.crt#$dir/cert.pem#" \
    -e "s#/etc/kamailio/tls/sbc.example.com.key#$dir/key.pem#" \
    -e "s#/etc/kamailio/tls/microsoft-roots.pem#$dir/cert.pem#" \
    "$sample/tls.cfg" >"$dir/tls.cfg"

free_ports tls_port inside_port
setsid python3 "$repo/tests/blackbox/sbc_edge.py" --config "$sample/kamailio.cfg" \
    --tls-config "$dir/tls.cfg" --certificate "$dir/cert.pem" --key "$dir/key.pem" \
    --tls-port "$tls_port" --inside-port "$inside_port" --dir "$dir" \
    </dev/null >"$dir/checks.log" 2>&1 &
checks_pid=$!
track_process sbc-edge "$checks_pid" 1
status=0
wait "$checks_pid" || status=$?
stop_process sbc-edge

while IFS= read -r line; do
    case "$line" in
        "ok: "*) blackbox_ok "${line#ok: }" ;;
        "FAIL: "*) blackbox_fail "${line#FAIL: }" ;;
        *) echo "$line" ;;
    esac
done <"$dir/checks.log"
if [ "$status" -ne 0 ] && [ "$HARNESS_FAILURES" -eq 0 ]; then
    blackbox_fail "sbc_edge.py exited with status $status"
fi
[ "$HARNESS_FAILURES" -eq 0 ] || show_logs sbc-edge
blackbox_summary sbc-samples
