# shellcheck shell=bash
# Starting switchboardd in black-box tests and benchmarks; source after scripts/lib/harness.sh.
#
#   write_switchboard_config FILE SIP_PORT SBC_PORT [EXTRA_YAML_FILE]
#   start_switchboardd NAME CONFIG SIP_PORT     (sets SWITCHBOARDD_PID)
#   start_local_graph USERS_FILE                (sets LOCAL_GRAPH_URL)
#   prepare_hold_media, hold_media_yaml [LINE...] (the suites of answered hold)
#
# The binary is $SWITCHBOARD_BIN/switchboardd (scripts/test exports SWITCHBOARD_BIN; without it the
# debug build folder is used). SWITCHBOARDD_WRAPPER is a command (words split on spaces) it runs
# under, e.g. valgrind; SWITCHBOARDD_START_TIMEOUT (60) the seconds it has to answer OPTIONS.

SWITCHBOARD_BIN="${SWITCHBOARD_BIN:-$HARNESS_REPO/.build/debug}"

# write_switchboard_config FILE SIP_PORT SBC_PORT [EXTRA_YAML_FILE]: a configuration listening on
# 127.0.0.1:SIP_PORT (UDP and TCP) with the SBC (Kamailio or a SIPp peer) at 127.0.0.1:SBC_PORT,
# T1 = 500 ms, and one agent-less queue for +15550100 unless EXTRA_YAML_FILE supplies its own
# `queues:`/`agents:`/`limits:` sections. With SWITCHBOARD_TLS_PORT set, also a TLS listener there
# with a self-signed certificate made by openssl in $HARNESS_DIR.
write_switchboard_config() {
    local file="$1" sip_port="$2" sbc_port="$3" extra="${4:-}"
    local tls_listener="" tls_section=""
    if [ -n "${SWITCHBOARD_TLS_PORT:-}" ]; then
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
            -keyout "$HARNESS_DIR/tls-key.pem" -out "$HARNESS_DIR/tls-cert.pem" 2>/dev/null
        tls_listener="    - { transport: tls, address: 127.0.0.1, port: $SWITCHBOARD_TLS_PORT }"
        tls_section="  tls: { certificate: $HARNESS_DIR/tls-cert.pem, privateKey: $HARNESS_DIR/tls-key.pem, verifyPeers: false }"
    fi
    cat >"$file" <<YAML
sip:
  listen:
    - { transport: udp, address: 127.0.0.1, port: $sip_port }
    - { transport: tcp, address: 127.0.0.1, port: $sip_port }
$tls_listener
$tls_section
trunks:
  - { name: sbc, address: 127.0.0.1, port: $sbc_port, transport: udp }
log:
  level: ${SWITCHBOARD_LOG_LEVEL:-info}
YAML
    if [ -n "$extra" ]; then
        cat "$extra" >>"$file"
    else
        cat >>"$file" <<'YAML'
queues:
  - { name: support, numbers: ["+15550100"], agents: [], ringTimeoutSeconds: 15 }
agents: []
limits: { drainMinimumSeconds: 3, drainMaximumSeconds: 10 }
YAML
    fi
}

# start_switchboardd NAME CONFIG SIP_PORT: starts the daemon in the background (log in
# $HARNESS_DIR/NAME/switchboardd.log), sets SWITCHBOARDD_PID and returns once it answers OPTIONS
# with 200 on UDP; fails with its log otherwise.
start_switchboardd() {
    local name="$1" config="$2" port="$3"
    local dir="$HARNESS_DIR/$name"
    mkdir -p "$dir"
    # shellcheck disable=SC2086 # the wrapper's words are split on purpose
    ${SWITCHBOARDD_WRAPPER:-} "$SWITCHBOARD_BIN/switchboardd" --config "$config" </dev/null >"$dir/switchboardd.log" 2>&1 &
    SWITCHBOARDD_PID=$!
    track_process "$name" "$SWITCHBOARDD_PID" 0
    local answer
    answer="$(wait_for_udp_sip 127.0.0.1 "$port" "${SWITCHBOARDD_START_TIMEOUT:-60}" "$SWITCHBOARDD_PID")" || true
    if [[ "$answer" != "SIP/2.0 200 "* ]]; then
        echo "start_switchboardd: no 200 to OPTIONS on 127.0.0.1:$port (${answer:-no answer})" >&2
        HARNESS_FAILED+=("$name")
        show_logs "$name"
        return 1
    fi
}

# start_local_graph USERS_FILE: starts the local Microsoft Graph (NAME local-graph) on a free port
# with the users of USERS_FILE (lines "id availability activity") and the lab's client credentials
# (client id switchboard, secret lab-secret); sets LOCAL_GRAPH_URL once it listens.
start_local_graph() {
    local log="$HARNESS_DIR/local-graph.log"
    "$SWITCHBOARD_BIN/local-graph" --port 0 --users "$1" --client-id switchboard --client-secret lab-secret >"$log" 2>&1 &
    track_process local-graph $! 0
    for _ in $(seq 1 100); do grep -q "listening on" "$log" && break; sleep 0.1; done
    LOCAL_GRAPH_URL="http://$(grep -o 'listening on .*' "$log" | awk '{print $3}')"
}

# prepare_hold_media: the prompts of scripts/make-prompts in $HARNESS_DIR/prompts, and rtp_first (a
# free port the suite took with free_ports) made even, as media.rtpPorts needs.
prepare_hold_media() {
    "$HARNESS_REPO/scripts/make-prompts" "$HARNESS_DIR/prompts" >/dev/null
    rtp_first=$((rtp_first - rtp_first % 2))
}

# hold_media_yaml [LINE...]: the end of an answered-hold suite's extra YAML, after its queues and
# agents: media on 127.0.0.1 with the ten ports from $rtp_first and the prompts (each LINE added
# under media:, e.g. "mode: anchored"), two shards, a drain of at most 5 s, the control API on
# 127.0.0.1:$control_port.
hold_media_yaml() {
    local line
    printf 'media:\n  address: 127.0.0.1\n  rtpPorts: { first: %s, last: %s }\n  prompts: %s\n' \
        "$rtp_first" "$((rtp_first + 9))" "$HARNESS_DIR/prompts"
    for line in "$@"; do printf '  %s\n' "$line"; done
    printf 'limits: { shards: 2, drainMinimumSeconds: 0, drainMaximumSeconds: 5 }\n'
    printf 'control: { address: 127.0.0.1, port: %s }\n' "$control_port"
}
