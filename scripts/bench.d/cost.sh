#!/usr/bin/env bash
# Cost per call, counted rather than timed (the VM has no hardware counters and is noisy): SIPp
# callers through switchboardd (queue, ACD offer, B-leg, bridge, BYE both legs) to a SIPp UAS
# answering as every agent, at a low fixed rate under valgrind. Each daemon runs an idle window,
# then a window of the same length in which COST_CALLS calls are made and every transaction and
# dialog they leave lingers out (64·T1 = 32 s); the difference is the cost of the calls:
#   - instructions per call and idle instructions per second: callgrind (counters dumped at each
#     window's end with callgrind_control);
#   - allocations per call: heaptrack (raw data, allocation calls counted per window by its
#     timestamps);
#   - the reference: Kamailio as a stateful record-routing proxy between the same SIPp peers, its
#     instructions per call under callgrind (every process of it) in the same run.
# Release build (debug info kept; valgrind reads a copy without it, as it cannot read DWARF 5).
# Tunables: COST_CALLS (100), COST_RATE (5 calls/s: the daemon under callgrind keeps up with it on
# a busy machine, and SIPp's retransmissions, which count, stay rare), COST_LINGER (40 s after the
# last call), COST_WARMUP (20 calls before the windows), COST_REFERENCE (1; 0 skips Kamailio),
# BENCH_HOLD_MS (1000), BENCH_AGENTS (600), BENCH_BIN; COST_PROFILE=DIR keeps the callgrind files
# of the calls windows and heaptrack's raw data there (callgrind_annotate; heaptrack_interpret,
# then heaptrack_print).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -n "${BENCH_BIN:-}" ] || swift build -c release --product switchboardd >/dev/null
export SWITCHBOARD_BIN="${BENCH_BIN:-$(swift build -c release --show-bin-path)}"
source scripts/lib/bench.sh
source scripts/lib/switchboardd.sh
calls="${COST_CALLS:-100}" rate="${COST_RATE:-5}" hold="${BENCH_HOLD_MS:-1000}"
window=$((calls / rate + hold / 1000 + ${COST_LINGER:-40}))
queue_number="+15550100"
scenarios="$HARNESS_REPO/tests/sipp/kamailio-reference"
work="$HARNESS_DIR/cost"
mkdir -p "$work"

objcopy --strip-debug "$SWITCHBOARD_BIN/switchboardd" "$work/switchboardd"
gcc -O2 -shared -fPIC -o "$work/sigsuspend-copy.so" scripts/valgrind.d/sigsuspend-copy.c -ldl
callgrind=(valgrind --tool=callgrind "--callgrind-out-file=$work/callgrind.%p")
# A kept dump must name its functions itself: compressed names are defined once, in the process's first dump.
[ -z "${COST_PROFILE:-}" ] || callgrind+=(--compress-strings=no)

# callgrind_sum NAME PID: the instructions in the dump named NAME of PID; fails without one.
callgrind_sum() {
    local dump
    dump="$(grep -lx "desc: Trigger: dump $1" "$work/callgrind.$2".* | tail -n 1)" \
        || { echo "cost: no callgrind dump '$1' of process $2" >&2; return 1; }
    awk '/^summary:/ { print $2 }' "$dump"
}

# run_calls NAME TARGET [SIPP_ARGS...]: COST_CALLS calls at COST_RATE through TARGET; fails unless
# every call succeeded.
run_calls() {
    local name="$1" target="$2"
    shift 2
    SIPP_TIMEOUT=$((window + 60)) run_sipp "$name" -sf "$scenarios/uac.xml" -s "$queue_number" -i 127.0.0.1 \
        -r "$rate" -m "$calls" -d "$hold" "$@" "$target"
}

# sipp_retransmissions NAME: the retransmissions counted by the SIPp run NAME.
sipp_retransmissions() {
    read -r _ _ retransmissions _ <<<"$(_bench_sipp_figures "$HARNESS_DIR/$1")"
    echo "$retransmissions"
}

# sleep_rest STARTED: sleeps until a window has passed since STARTED (a value of $SECONDS).
sleep_rest() {
    local left=$((window - (SECONDS - $1)))
    [ "$left" -le 0 ] || sleep "$left"
}

# warm_up NAME TARGET [SIPP_ARGS...]: COST_WARMUP calls (20) at 10/s, so that valgrind has
# translated the call path before the measured window (a cold start makes SIPp retransmit).
warm_up() {
    local name="$1" target="$2"
    shift 2
    SIPP_TIMEOUT=120 run_sipp "$name-warm-up" -sf "$scenarios/uac.xml" -s "$queue_number" -i 127.0.0.1 \
        -r 10 -m "${COST_WARMUP:-20}" -d "$hold" "$@" "$target" || echo "cost: a warm-up call through $name failed" >&2
}

# callgrind_windows LABEL TARGET PID [SIPP_ARGS...]: zeroes the counters of PID, lets it idle for
# a window, dumps "idle", runs the calls, dumps "calls" one window later; sets IDLE_IR and CALLS_IR
# (the instructions of each window).
callgrind_windows() {
    local label="$1" target="$2" pid="$3" started
    shift 3
    callgrind_control --zero "$pid" >/dev/null 2>&1
    sleep "$window"
    callgrind_control --dump=idle "$pid" >/dev/null 2>&1
    started="$SECONDS"
    run_calls "$label-calls" "$target" "$@" || { echo "cost: calls through $label failed" >&2; return 1; }
    sleep_rest "$started"
    callgrind_control --dump=calls "$pid" >/dev/null 2>&1
    sleep 2
    IDLE_IR="$(callgrind_sum idle "$pid")"
    CALLS_IR="$(callgrind_sum calls "$pid")"
}

# heaptrack_count RAW FROM_MS TO_MS: the allocation calls heaptrack's raw data RAW records between
# FROM_MS and TO_MS after the process started (its "c" lines are timestamps in hex milliseconds).
heaptrack_count() {
    python3 - "$@" <<'PY'
import sys

path, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
now = count = 0
with open(path, "rb") as raw:
    for line in raw:
        if line.startswith(b"c "):
            now = int(line[2:], 16)
        elif line.startswith(b"+ ") and start <= now < end:
            count += 1
print(count)
PY
}

# kamailio_run NAME [calls]: Kamailio (one UDP worker, so messages stay in order) under callgrind
# for a warm-up, then a window, with COST_CALLS calls in it if asked; sets KAMAILIO_IR to the
# instructions of all its processes from start to exit. Callgrind's control reaches no forked
# child, so Kamailio is counted whole, twice: a run with calls minus one without is their cost.
kamailio_run() {
    local name="$1" sbc_port started
    sbc_port="$(free_port)"
    KAMAILIO_CHILDREN=1 KAMAILIO_WRAPPER="valgrind --tool=callgrind --callgrind-out-file=$work/$name.%p" \
        KAMAILIO_START_TIMEOUT=180 KAMAILIO_SHM_MB=256 \
        start_kamailio "$sbc_port" "127.0.0.1:$uas_port" "127.0.0.1:$uas_port" "127.0.0.1:$uas_port" '^[+]1555010'
    warm_up "$name" "127.0.0.1:$sbc_port"
    started="$SECONDS"
    [ "${2:-}" != calls ] || run_calls "$name-calls" "127.0.0.1:$sbc_port" \
        || { echo "cost: calls through Kamailio failed" >&2; return 1; }
    sleep_rest "$started"
    stop_process "kamailio-$sbc_port"
    KAMAILIO_IR="$(awk '/^summary:/ { total += $2 } END { printf "%d\n", total }' "$work/$name".*)"
}

uas_port="$(free_port)"
start_sipp uas -sf "$scenarios/uas.xml" -i 127.0.0.1 -p "$uas_port" -aa "${BENCH_SIPP_ARGS[@]}"
wait_for_udp_listen "$uas_port" 10 "$SIPP_PID"

kamailio_idle=0 kamailio_calls=0 kamailio_retransmissions="-"
if [ "${COST_REFERENCE:-1}" = 1 ]; then
    echo "== kamailio under callgrind: $calls calls at $rate/s, windows of $window s"
    kamailio_run kamailio-idle
    kamailio_idle="$KAMAILIO_IR"
    kamailio_run kamailio-with-calls calls
    kamailio_calls="$KAMAILIO_IR"
    kamailio_retransmissions="$(sipp_retransmissions kamailio-with-calls-calls)"
fi

extra="$HARNESS_DIR/agents.yaml"
write_bench_agents "$extra" "${BENCH_AGENTS:-600}" "$queue_number" "overloadControl: false"
export SWITCHBOARD_BIN="$work" SWITCHBOARDD_START_TIMEOUT=300

# switchboardd_start NAME WRAPPER: starts switchboardd (NAME) under WRAPPER, warms it up and
# waits out the warm-up calls' linger; sets SIP_PORT.
switchboardd_start() {
    local name="$1" config="$HARNESS_DIR/$1.yaml"
    SIP_PORT="$(free_port)"
    SWITCHBOARD_LOG_LEVEL=warning write_switchboard_config "$config" "$SIP_PORT" "$uas_port" "$extra"
    SWITCHBOARDD_WRAPPER="$2" start_switchboardd "$name" "$config" "$SIP_PORT"
    warm_up "$name" "127.0.0.1:$SIP_PORT" -set direct 1
    sleep "${COST_LINGER:-40}"
}

echo "== switchboardd under callgrind"
switchboardd_start switchboardd-callgrind "env LD_PRELOAD=$work/sigsuspend-copy.so ${callgrind[*]}"
callgrind_windows switchboardd "127.0.0.1:$SIP_PORT" "$SWITCHBOARDD_PID" -set direct 1
switchboardd_idle="$IDLE_IR" switchboardd_calls="$CALLS_IR"
switchboardd_retransmissions="$(sipp_retransmissions switchboardd-calls)"
stop_process switchboardd-callgrind

echo "== switchboardd under heaptrack"
# heaptrack's clock starts with the process, a few milliseconds after this.
launched="$(date +%s%3N)"
switchboardd_start switchboardd-heaptrack \
    "env LD_PRELOAD=/usr/lib/heaptrack/libheaptrack_preload.so DUMP_HEAPTRACK_OUTPUT=$work/heaptrack.raw"
idle_from=$(($(date +%s%3N) - launched))
sleep "$window"
calls_from=$(($(date +%s%3N) - launched))
started="$SECONDS"
run_calls switchboardd-heaptrack-calls "127.0.0.1:$SIP_PORT" -set direct 1 \
    || { echo "cost: calls under heaptrack failed" >&2; exit 1; }
sleep_rest "$started"
sleep 1
stop_process switchboardd-heaptrack
idle_allocations="$(heaptrack_count "$work/heaptrack.raw" "$idle_from" $((idle_from + window * 1000)))"
calls_allocations="$(heaptrack_count "$work/heaptrack.raw" "$calls_from" $((calls_from + window * 1000)))"

if [ -n "${COST_PROFILE:-}" ]; then
    mkdir -p "$COST_PROFILE"
    grep -lx "desc: Trigger: dump calls" "$work"/callgrind.* | xargs -r cp -t "$COST_PROFILE"
    [ "${COST_REFERENCE:-1}" != 1 ] || cp "$work"/kamailio-with-calls.* "$COST_PROFILE/"
    cp "$work/heaptrack.raw" "$COST_PROFILE/"
fi

echo
echo "== $calls calls at $rate/s held $hold ms; windows of $window s (idle, then calls and their linger)"
printf '%-13s %15s %15s %17s %9s\n' run instr/call allocs/call idle_instr/s retrans
awk -v calls="$calls" -v window="$window" -v ki="$kamailio_idle" -v kc="$kamailio_calls" \
    -v si="$switchboardd_idle" -v sc="$switchboardd_calls" -v ai="$idle_allocations" -v ac="$calls_allocations" \
    -v kr="$kamailio_retransmissions" -v sr="$switchboardd_retransmissions" 'BEGIN {
        if (kc > 0) printf "%-13s %15d %15s %17s %9s\n", "kamailio", (kc - ki) / calls, "-", "-", kr
        printf "%-13s %15d %15.1f %17d %9s\n", "switchboardd", (sc - si) / calls, (ac - ai) / calls, si / window, sr
        if (kc > ki) printf "ratio switchboardd / kamailio (instructions per call): %.2f\n", (sc - si) / (kc - ki)
    }'
