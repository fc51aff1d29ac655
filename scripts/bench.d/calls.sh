#!/usr/bin/env bash
# Call throughput: SIPp callers through switchboardd (queue, ACD offer, B-leg, bridge, BYE both
# legs) to a SIPp UAS answering as every agent at once, with enough agents that no caller waits;
# in the same run Kamailio as a stateful record-routing proxy between the same SIPp peers, and the
# ratio of the two. Every server is started first, each with a SIPp UAS of its own, then each rate
# is run against each of them in turn, Kamailio first, so each rate's figures and the reference's
# are seconds apart rather than minutes (the shared machine drifts); a server is stopped at its
# first rate with a failed call, so its retransmissions do not load the runs of the others.
# Release build. Tunables: scripts/lib/bench.sh (BENCH_RATES, BENCH_SECONDS, BENCH_HOLD_MS,
# BENCH_REFINE ...); BENCH_AGENTS (default 6000); BENCH_LIMITS, extra `limits:` keys (default
# "overloadControl: false": this measures capacity like the Kamailio reference, which sheds nothing;
# the overload guard has its own benchmark, scripts/bench overload; empty for a build without the key);
# BENCH_SHARDS, the `limits.shards` values measured, a daemon and a row each (default "1 2"; empty
# for a build without the key, measured once with its default).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -n "${BENCH_BIN:-}" ] || swift build -c release --product switchboardd >/dev/null
export SWITCHBOARD_BIN="${BENCH_BIN:-$(swift build -c release --show-bin-path)}"
source scripts/lib/bench.sh
source scripts/lib/switchboardd.sh
read -r -a rates <<<"${BENCH_RATES:-250 500 1000 2000 3000 4000 6000 8000}"
scenarios="$HARNESS_REPO/tests/sipp/kamailio-reference"
queue_number="+15550100"

# start_uas NAME: a SIPp UAS answering every call (named NAME for start_sipp); sets uas_port.
start_uas() {
    uas_port="$(free_port)"
    start_sipp "$1" -sf "$scenarios/uas.xml" -i 127.0.0.1 -p "$uas_port" -aa "${BENCH_SIPP_ARGS[@]}"
    wait_for_udp_listen "$uas_port" 10 "$SIPP_PID"
}

# The servers, in the order each rate visits them: label, process name (for stop_process), target,
# pid, extra SIPp arguments.
labels=() names=() targets=() pids=() extras=()
start_uas kamailio-uas
sbc_port="$(free_port)"
start_kamailio "$sbc_port" "127.0.0.1:$uas_port" "127.0.0.1:$uas_port" "127.0.0.1:$uas_port" '^[+]1555010'
labels+=(kamailio) names+=("kamailio-$sbc_port") targets+=("127.0.0.1:$sbc_port") pids+=("$KAMAILIO_PID") extras+=("")
read -r -a shard_counts <<<"${BENCH_SHARDS-1 2}"
[ ${#shard_counts[@]} -gt 0 ] || shard_counts=(default)
for shards in "${shard_counts[@]}"; do
    limits="${BENCH_LIMITS-overloadControl: false}"
    [ "$shards" = default ] || limits="${limits:+$limits, }shards: $shards"
    dir="$HARNESS_DIR/switchboardd-$shards-config"
    mkdir -p "$dir"
    start_uas "switchboardd-$shards-uas"
    sip_port="$(free_port)"
    write_bench_agents "$dir/agents.yaml" "${BENCH_AGENTS:-6000}" "$queue_number" "$limits"
    SWITCHBOARD_LOG_LEVEL=warning write_switchboard_config "$dir/switchboard.yaml" "$sip_port" "$uas_port" "$dir/agents.yaml"
    start_switchboardd "switchboardd-$shards" "$dir/switchboard.yaml" "$sip_port"
    labels+=("switchboardd-$shards") names+=("switchboardd-$shards") targets+=("127.0.0.1:$sip_port") pids+=("$SWITCHBOARDD_PID") extras+=("-set direct 1")
done
echo "== SIPp UAC -> each server -> SIPp UAS (as ${BENCH_AGENTS:-6000} agents for switchboardd), rates in turn: ${labels[*]}"

# best[i], cpu[i], p50[i], p99[i]: server i's highest clean rate and its figures there; failed[i]:
# its first failing rate (0 while it has none); cpu_at["i rate"]: its CPU per call at each clean rate.
best=() cpu=() p50=() p99=() failed=()
declare -A cpu_at
for i in "${!labels[@]}"; do best+=(0) cpu+=(-) p50+=(-) p99+=(-) failed+=(0); done
printf '%-12s %6s %7s %7s %6s %7s %7s %11s %6s %6s %6s  %s\n' "run" "cps" "calls" "ok" \
    "failed" "uas_err" "retrans" "cpu_ms/call" "p50ms" "p99ms" "maxms" "result"
# run_rate I RATE: server i at RATE; records the figures of a clean run, the rate of a failed one.
run_rate() {
    local i="$1" rate="$2"
    # shellcheck disable=SC2086 # the extra arguments are words
    if BENCH_UAS="${labels[i]}-uas" BENCH_CPU_PID="${pids[i]}" _bench_rate "${labels[i]}" "${targets[i]}" "$scenarios/uac.xml" "$rate" \
        -s "$queue_number" ${extras[i]}; then
        best[i]="$rate" cpu[i]="$BENCH_BEST_CPU_MS" p50[i]="$BENCH_BEST_P50_MS" p99[i]="$BENCH_BEST_P99_MS"
        cpu_at["$i $rate"]="$BENCH_BEST_CPU_MS"
    else
        failed[i]="$rate"
    fi
}
# A server's first failing rate ends its part of the run: after the halfway rate (BENCH_REFINE), run
# at once, it is stopped.
for rate in "${rates[@]}"; do
    for i in "${!labels[@]}"; do
        [ "${failed[i]}" = 0 ] || continue
        run_rate "$i" "$rate"
        [ "${failed[i]}" = 0 ] && continue
        half=$(((best[i] + rate) / 2))
        half=$((half - half % 100))
        if [ "${BENCH_REFINE:-1}" = 1 ] && [ "${best[i]}" -gt 0 ] && [ "$half" -gt "${best[i]}" ]; then
            run_rate "$i" "$half"
        fi
        stop_process "${names[i]}"
        stop_process "${labels[i]}-uas"
    done
done
for i in "${!labels[@]}"; do
    stop_process "${names[i]}"
    stop_process "${labels[i]}-uas"
done

echo
echo "== calls held ${BENCH_HOLD_MS:-1000} ms, ${BENCH_SECONDS:-5} s per rate"
printf '%-16s %14s %12s %7s %7s\n' run max_clean_cps cpu_ms/call p50ms p99ms
for i in "${!labels[@]}"; do
    printf '%-16s %14s %12s %7s %7s\n' "${labels[i]}" "${best[i]}" "${cpu[i]}" "${p50[i]}" "${p99[i]}"
done
for i in "${!labels[@]}"; do
    [ "$i" -gt 0 ] || continue
    awk -v a="${best[i]}" -v b="${best[0]}" -v s="${labels[i]}" \
        'BEGIN { if (b > 0) printf "ratio %s / kamailio (max clean cps): %.2f\n", s, a / b }'
    line=""
    for rate in "${rates[@]}"; do
        [ -n "${cpu_at["$i $rate"]:-}" ] && [ -n "${cpu_at["0 $rate"]:-}" ] || continue
        line+="$(awk -v a="${cpu_at["$i $rate"]}" -v b="${cpu_at["0 $rate"]}" -v r="$rate" 'BEGIN { if (b > 0) printf " %s/s %.2f", r, a / b }')"
    done
    [ -z "$line" ] || echo "ratio ${labels[i]} / kamailio (CPU per call, rates run clean by both):$line"
done
