#!/usr/bin/env bash
# Routing smoke check of the lab SBC (sbc-configs/kamailio/kamailio.cfg), run by hand:
# SIPp UACs and UASs stand in for the PSTN, switchboardd and Teams around one Kamailio.
# Not yet part of scripts/test.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source scripts/lib/harness.sh

scenarios="$HARNESS_REPO/tests/sipp/kamailio-reference"
free_ports sbc switchboard teams pstn
start_kamailio "$sbc" "127.0.0.1:$switchboard" "127.0.0.1:$teams" "127.0.0.1:$pstn" '^[+]1555010'

# call UAS_PORT NAME UAC_ARGS...: a UAS on UAS_PORT must answer the one call that a UAC
# places through the SBC; the ACK and BYE follow the SBC's Record-Route.
call() {
    local uas_port="$1" name="$2"
    shift 2
    start_sipp "$name-uas" -sf "$scenarios/uas.xml" -i 127.0.0.1 -p "$uas_port" -m 1
    wait_for_udp_listen "$uas_port" 10 "$SIPP_PID"
    local status=0
    SIPP_TIMEOUT=30 run_sipp "$name-uac" -sf "$scenarios/uac.xml" -i 127.0.0.1 -m 1 -d 100 \
        "$@" "127.0.0.1:$sbc" || status=$?
    stop_process "$name-uas"
    return "$status"
}

blackbox_check "PSTN calls a contact-center number: to switchboardd" \
    call "$switchboard" pstn-cc -s +15550100001
blackbox_check "switchboardd calls an agent: to Teams" \
    call "$teams" switchboard-agent -s +15551230000 -p "$switchboard"
blackbox_check "switchboardd calls an agent over TCP: to Teams" \
    call "$teams" switchboard-agent-tcp -s +15551230001 -p "$switchboard" -t t1
blackbox_check "Teams calls a contact-center number: to switchboardd" \
    call "$switchboard" teams-cc -s +15550100002 -p "$teams"
blackbox_check "Teams calls another number: to the PSTN" \
    call "$pstn" teams-pstn -s +15557770000 -p "$teams"
# cancelled UAS_PORT NAME UAC_ARGS...: like call, for a call the caller cancels while it rings.
cancelled() {
    local uas_port="$1" name="$2"
    shift 2
    start_sipp "$name-uas" -sf "$scenarios/uas-cancel.xml" -i 127.0.0.1 -p "$uas_port" -m 1
    wait_for_udp_listen "$uas_port" 10 "$SIPP_PID"
    local status=0
    SIPP_TIMEOUT=30 run_sipp "$name-uac" -sf "$scenarios/uac-cancel.xml" -i 127.0.0.1 -m 1 \
        "$@" "127.0.0.1:$sbc" || status=$?
    stop_process "$name-uas"
    return "$status"
}

blackbox_check "PSTN cancels a ringing call: CANCEL, 487 and ACK through the SBC" \
    cancelled "$switchboard" pstn-cancel -s +15550100003
expect_sipp "PSTN calls another number: 404" \
    pstn-other -sf "$scenarios/uac-404.xml" -i 127.0.0.1 -m 1 -s +15557770000 \
    "127.0.0.1:$sbc"
blackbox_check "OPTIONS to the SBC: 200" \
    test "$(wait_for_udp_sip 127.0.0.1 "$sbc" 5)" = "SIP/2.0 200 OK"

blackbox_summary "routing smoke"
