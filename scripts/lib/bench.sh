# shellcheck shell=bash disable=SC2034 # BENCH_BEST_* and BENCH_SIPP_ARGS are for callers
# Call-rate benchmarks on top of harness.sh (sourced here if it is not yet):
#
#   source scripts/lib/bench.sh
#   start_sipp uas -sf "$HARNESS_REPO/tests/sipp/kamailio-reference/uas.xml" -i 127.0.0.1 \
#       -p "$uas_port" "${BENCH_SIPP_ARGS[@]}"
#   BENCH_CPU_PID=$KAMAILIO_PID find_max_rate kamailio "127.0.0.1:$sbc_port" \
#       "$HARNESS_REPO/tests/sipp/kamailio-reference/uac.xml" -s +15550100001
#
# Environment:
#   BENCH_RATES="500 1000 ..."  call rates tried in order, calls per second
#   BENCH_SECONDS=5             each rate runs rate x BENCH_SECONDS calls
#   BENCH_HOLD_MS=1000          how long each call stays up (SIPp -d)
#   BENCH_REFINE=1              after the first failing rate, also try halfway (0 to skip)
#   BENCH_CPU_PID               a pid whose CPU time (its own and its children's) is charged
#                               to the calls, e.g. $KAMAILIO_PID
#   BENCH_UAS                   the start_sipp NAME of the answering UAS: a rate is clean only
#                               if that UAS logged no error either (failed check, unexpected
#                               message)
#   BENCH_BIN                   a folder holding a release switchboardd to measure instead of
#                               building one (to compare two builds on the same machine state)

if [ -z "${HARNESS_DIR:-}" ]; then
    # shellcheck source=scripts/lib/harness.sh
    source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"
fi

# SIPp options for high rates, for the UAC (added by find_max_rate) and the UAS (add them to
# start_sipp): socket buffers of 4 MB instead of 64 KB, and more messages and calls per loop.
BENCH_SIPP_ARGS=(-buff_size 4194304 -max_recv_loops 10000 -max_sched_loops 10000)

# proc_tree_cpu_ticks PID: prints the user+system CPU time, in clock ticks, of PID and of its
# direct children (Kamailio's workers are children of its main process).
proc_tree_cpu_ticks() {
    python3 - "$1" <<'PY'
import os, sys

root, total = sys.argv[1], 0
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        with open(f"/proc/{pid}/stat") as stat_file:
            stat = stat_file.read()
    except OSError:
        continue
    fields = stat[stat.rindex(")") + 2:].split()
    if pid == root or fields[1] == root:
        total += int(fields[11]) + int(fields[12])
print(total)
PY
}

# _bench_sipp_figures DIR: prints "successful failed retransmissions p50 p99 max" for the SIPp
# run whose logs are in DIR: call counts from the last row of stat.csv, percentiles in ms of
# response time 1 (INVITE to 200) from the -trace_rtt file; "-" where a figure is missing.
_bench_sipp_figures() {
    python3 - "$1" <<'PY'
import csv, glob, sys

directory = sys.argv[1]
try:
    with open(f"{directory}/stat.csv") as stat_file:
        rows = list(csv.reader(stat_file, delimiter=";"))
    last = dict(zip(rows[0], rows[-1]))
    counts = [last["SuccessfulCall(C)"], last["FailedCall(C)"], last["Retransmissions(C)"]]
except (OSError, IndexError, KeyError):
    counts = ["-", "-", "-"]
times = []
for path in glob.glob(f"{directory}/*_rtt.csv"):
    with open(path) as rtt_file:
        for row in csv.reader(rtt_file, delimiter=";"):
            if len(row) == 3 and row[2] == "1":
                times.append(float(row[1]))
times.sort()
def percentile(fraction):
    return f"{times[min(len(times) - 1, int(fraction * len(times)))]:g}" if times else "-"
print(*counts, percentile(0.50), percentile(0.99), percentile(1.0))
PY
}

# _bench_sipp_events LOG: prints how many events a SIPp error log (-trace_err) holds, not counting
# the OPTIONS pings a UAS started with -aa answers (the daemon pings its trunks).
_bench_sipp_events() {
    if [ -f "$1" ]; then
        grep -v 'Automatic response mode' "$1" | grep -oE $'[0-9]{4}-[0-9]{2}-[0-9]{2}\t[0-9:.]+\t[0-9.]+: ' | wc -l
    else
        echo 0
    fi
}

# find_max_rate LABEL TARGET UAC_SCENARIO [SIPP_ARGS...]
# Runs UAC_SCENARIO against TARGET ("ip:port") at each rate of BENCH_RATES, rate x
# BENCH_SECONDS calls each, until a rate has a failed call (or SIPp fails or overruns its
# time, or the UAS named by BENCH_UAS logs an error); prints one table row per rate. Sets BENCH_BEST_RATE (highest rate without a failed
# call, 0 if none), and for that rate BENCH_BEST_CPU_MS (CPU ms per call of BENCH_CPU_PID,
# "-" without it), BENCH_BEST_P50_MS and BENCH_BEST_P99_MS (INVITE to 200). SIPp measures
# response times in whole milliseconds (seen here in steps of 4 ms): 0 means below one step.
# A rate still running BENCH_SECONDS + hold + 10 s after its start counts as failed.
find_max_rate() {
    local label="$1" target="$2" scenario="$3"
    shift 3
    local rates
    read -r -a rates <<<"${BENCH_RATES:-500 1000 2000 3000 4000 6000 8000 12000 16000 20000}"
    BENCH_BEST_RATE=0
    BENCH_BEST_CPU_MS="-"
    BENCH_BEST_P50_MS="-"
    BENCH_BEST_P99_MS="-"
    local failed_rate=0 index=0 rate
    printf '%-12s %6s %7s %7s %6s %7s %7s %11s %6s %6s %6s  %s\n' "run" "cps" "calls" "ok" \
        "failed" "uas_err" "retrans" "cpu_ms/call" "p50ms" "p99ms" "maxms" "result"
    while [ "$index" -lt "${#rates[@]}" ]; do
        rate="${rates[$index]}"
        index=$((index + 1))
        if _bench_rate "$label" "$target" "$scenario" "$rate" "$@"; then
            BENCH_BEST_RATE="$rate"
            continue
        fi
        failed_rate="$rate"
        break
    done
    if [ "${BENCH_REFINE:-1}" = 1 ] && [ "$failed_rate" -gt 0 ] && [ "$BENCH_BEST_RATE" -gt 0 ]; then
        rate=$(((BENCH_BEST_RATE + failed_rate) / 2))
        rate=$((rate - rate % 100))
        if [ "$rate" -gt "$BENCH_BEST_RATE" ] && _bench_rate "$label" "$target" "$scenario" "$rate" "$@"; then
            BENCH_BEST_RATE="$rate"
        fi
    fi
}

# _bench_rate LABEL TARGET UAC_SCENARIO RATE [SIPP_ARGS...]: one step of find_max_rate; prints
# its row and succeeds when no call failed, recording the figures of a clean step.
_bench_rate() {
    local label="$1" target="$2" scenario="$3" rate="$4"
    shift 4
    local seconds="${BENCH_SECONDS:-5}" hold="${BENCH_HOLD_MS:-1000}"
    local calls=$((rate * seconds)) name="$label-$rate" status=0 before="" cpu="-"
    local uas_log="$HARNESS_DIR/${BENCH_UAS:-}/errors.log" uas_before uas_errors="-"
    [ -z "${BENCH_CPU_PID:-}" ] || before="$(proc_tree_cpu_ticks "$BENCH_CPU_PID")"
    uas_before="$(_bench_sipp_events "$uas_log")"
    SIPP_TIMEOUT=$((seconds + hold / 1000 + 10)) run_sipp "$name" -sf "$scenario" \
        -i 127.0.0.1 -r "$rate" -m "$calls" -d "$hold" "${BENCH_SIPP_ARGS[@]}" "$@" "$target" \
        || status=$?
    if [ -n "$before" ]; then
        local after
        after="$(proc_tree_cpu_ticks "$BENCH_CPU_PID")"
        cpu="$(awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" -v calls="$calls" \
            'BEGIN { printf "%.3f", ticks * 1000 / hz / calls }')"
    fi
    [ -z "${BENCH_UAS:-}" ] || uas_errors=$(($(_bench_sipp_events "$uas_log") - uas_before))
    local ok failed retrans p50 p99 max result
    read -r ok failed retrans p50 p99 max <<<"$(_bench_sipp_figures "$HARNESS_DIR/$name")"
    case "$status" in
        0) result="clean" ;;
        124 | 137) result="timed out" ;;
        *) result="sipp exit $status" ;;
    esac
    [ "$uas_errors" = "-" ] || [ "$uas_errors" = 0 ] || result="UAS errors"
    printf '%-12s %6s %7s %7s %6s %7s %7s %11s %6s %6s %6s  %s\n' "$label" "$rate" "$calls" "$ok" \
        "$failed" "$uas_errors" "$retrans" "$cpu" "$p50" "$p99" "$max" "$result"
    [ "$result" = clean ] && [ "$failed" = 0 ] || return 1
    BENCH_BEST_CPU_MS="$cpu"
    BENCH_BEST_P50_MS="$p50"
    BENCH_BEST_P99_MS="$p99"
}

# write_bench_agents FILE COUNT NUMBER [LIMITS]: the queue, agents and limits of a call benchmark: one
# queue for NUMBER with COUNT agents (+15550300000 upwards, all reached through the same SIPp UAS), no
# wrap-up, and limits high enough that the daemon's own caps do not cut the measured rates; LIMITS
# adds keys to the `limits:` mapping (for example "overloadControl: false").
write_bench_agents() {
    python3 - "$2" "$3" "${4:-}" >"$1" <<'PY'
import sys
count, number, limits = int(sys.argv[1]), sys.argv[2], sys.argv[3]
ids = [f"a{i}" for i in range(count)]
print("queues:")
print(f"  - {{ name: bench, numbers: [\"{number}\"], ringTimeoutSeconds: 15, wrapUpSeconds: 0, agents: [{', '.join(ids)}] }}")
print("agents:")
for i, agent in enumerate(ids):
    print(f"  - {{ id: {agent}, number: \"+1555030{i:04d}\" }}")
print("limits: { maximumConcurrentCalls: 100000, drainMinimumSeconds: 0, drainMaximumSeconds: 5" + (", " + limits if limits else "") + " }")
PY
}
