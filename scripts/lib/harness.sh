# shellcheck shell=bash
# Harness for black-box tests and benchmarks: Kamailio (the lab SBC) and SIPp on 127.0.0.1.
#
#   source scripts/lib/harness.sh
#
# Sourcing creates a per-run temp dir ($HARNESS_DIR) and registers `cleanup` on EXIT (INT and
# TERM exit through it), so every process started here is stopped by its pid when the script
# ends, however it ends. Logs stay in $HARNESS_DIR/<name>/ and are removed unless KEEP_LOGS=1.
#
# Functions (see each one below): test_tmpdir, free_port, free_ports, wait_for_udp_sip,
# wait_for_udp_listen, wait_until_idle, track_process, start_kamailio, start_sipp, run_sipp,
# stop_process, show_logs, cleanup; for test suites blackbox_ok, blackbox_fail, blackbox_check,
# expect_sipp and blackbox_summary.
#
# Environment:
#   KEEP_LOGS=1              keep $HARNESS_DIR after the run
#   HARNESS_LOG_DIR=DIR      use DIR (created when missing) as $HARNESS_DIR instead of a temp dir,
#                            and keep it after the run
#   SIPP_TIMEOUT=60          hard limit in seconds for one run_sipp
#   KAMAILIO_SHM_MB=2048     Kamailio shared memory, touched only as used; transactions stay
#                            5 s after they end, and 512 MB runs out near 5,000 calls/s
#   KAMAILIO_START_TIMEOUT=20  seconds for Kamailio to answer its first OPTIONS
#   KAMAILIO_CHILDREN        UDP workers (kamailio -n); 1 keeps back-to-back messages in order
#   KAMAILIO_WRAPPER         a command (words split on spaces) Kamailio runs under, e.g. valgrind
#   HARNESS_GRACE=5          seconds between TERM and KILL in stop_process and cleanup

HARNESS_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HARNESS_DIR=""
HARNESS_NAMES=()
HARNESS_PIDS=()
HARNESS_GROUPS=()
HARNESS_FAILED=()
KAMAILIO_PID=""

# test_tmpdir: prints the per-run dir, creating it on first use (HARNESS_LOG_DIR, or mktemp).
test_tmpdir() {
    if [ -z "$HARNESS_DIR" ] && [ -n "${HARNESS_LOG_DIR:-}" ]; then
        mkdir -p "$HARNESS_LOG_DIR"
        HARNESS_DIR="$(cd "$HARNESS_LOG_DIR" && pwd)"
    elif [ -z "$HARNESS_DIR" ]; then
        HARNESS_DIR="$(mktemp -d "${TMPDIR:-/tmp}/switchboard-harness.XXXXXX")"
    fi
    echo "$HARNESS_DIR"
}

# free_port [udp|tcp|sip]: prints a port free on 127.0.0.1 for UDP, TCP or both (sip, the
# default). Ports handed out in this run are remembered and never handed out twice.
free_port() {
    python3 - "${1:-sip}" "$HARNESS_DIR/ports" <<'PY'
import fcntl, socket, sys

kind, issued_path = sys.argv[1], sys.argv[2]
kinds = {"udp": [socket.SOCK_DGRAM], "tcp": [socket.SOCK_STREAM],
         "sip": [socket.SOCK_DGRAM, socket.SOCK_STREAM]}[kind]

def bindable(port, sock_type):
    with socket.socket(socket.AF_INET, sock_type) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True

with open(issued_path, "a+") as issued_file:
    fcntl.flock(issued_file, fcntl.LOCK_EX)
    issued_file.seek(0)
    issued = set(issued_file.read().split())
    for _ in range(200):
        with socket.socket(socket.AF_INET, kinds[0]) as first:
            first.bind(("127.0.0.1", 0))
            port = first.getsockname()[1]
        if str(port) in issued or not all(bindable(port, t) for t in kinds):
            continue
        issued_file.write(f"{port}\n")
        print(port)
        sys.exit(0)
sys.exit("free_port: found no free port")
PY
}

# free_ports VAR...: sets each named variable to a port of its own from free_port (UDP and TCP).
free_ports() {
    local _free_port_var _free_port_value
    for _free_port_var in "$@"; do
        _free_port_value="$(free_port)" || return
        printf -v "$_free_port_var" '%s' "$_free_port_value"
    done
}

# wait_for_udp_sip HOST PORT TIMEOUT [PID]: sends OPTIONS over UDP until a SIP response comes
# back; prints its status line. Fails after TIMEOUT seconds, or as soon as PID (if given) dies.
wait_for_udp_sip() {
    python3 - "$1" "$2" "$3" "${4:-}" <<'PY'
import os, socket, sys, time, uuid

host, port, timeout, pid = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
deadline = time.monotonic() + timeout
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
    sock.bind(("127.0.0.1", 0))
    sock.connect((host, port))
    sock.settimeout(0.25)
    local_port = sock.getsockname()[1]
    cseq = 0
    while time.monotonic() < deadline:
        if pid and not os.path.exists(f"/proc/{pid}"):
            sys.exit(f"wait_for_udp_sip: process {pid} exited")
        cseq += 1
        token = uuid.uuid4().hex
        request = (f"OPTIONS sip:{host}:{port} SIP/2.0\r\n"
                   f"Via: SIP/2.0/UDP 127.0.0.1:{local_port};branch=z9hG4bK{token};rport\r\n"
                   "Max-Forwards: 70\r\n"
                   f"From: <sip:probe@127.0.0.1>;tag={token[:8]}\r\n"
                   f"To: <sip:{host}:{port}>\r\n"
                   f"Call-ID: {token}@127.0.0.1\r\n"
                   f"CSeq: {cseq} OPTIONS\r\n"
                   "Content-Length: 0\r\n\r\n")
        try:
            sock.send(request.encode())
            reply = sock.recv(65535).decode(errors="replace")
        except (socket.timeout, ConnectionRefusedError):
            time.sleep(0.1)
            continue
        if reply.startswith("SIP/2.0 "):
            print(reply.split("\r\n", 1)[0])
            sys.exit(0)
sys.exit(f"wait_for_udp_sip: no SIP answer from {host}:{port} within {timeout:g}s")
PY
}

# wait_for_udp_listen PORT TIMEOUT [PID]: waits until a socket is bound to 127.0.0.1:PORT (or
# the wildcard) for UDP, for peers that do not answer OPTIONS (a SIPp UAS).
wait_for_udp_listen() {
    python3 - "$1" "$2" "${3:-}" <<'PY'
import os, sys, time

port, timeout, pid = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
wanted = {f"0100007F:{port:04X}", f"00000000:{port:04X}"}
deadline = time.monotonic() + timeout
while time.monotonic() < deadline:
    if pid and not os.path.exists(f"/proc/{pid}"):
        sys.exit(f"wait_for_udp_listen: process {pid} exited")
    with open("/proc/net/udp") as table:
        if any(line.split()[1] in wanted for line in list(table)[1:]):
            sys.exit(0)
    time.sleep(0.05)
sys.exit(f"wait_for_udp_listen: nothing bound to UDP port {port} within {timeout:g}s")
PY
}

# control_status CONTROL_PORT FIELD...: prints the value at the path FIELD... of switchboardd's
# GET /v1/status (e.g. `control_status 8080 connections refused unknownPeer`).
control_status() {
    local port="$1" status
    shift
    status="$(curl -fsS --max-time 5 "http://127.0.0.1:$port/v1/status")" || return 1
    python3 -c 'import json, sys; value = json.loads(sys.argv[1])
for key in sys.argv[2:]: value = value[key]
print(value)' "$status" "$@"
}

# wait_until_idle CONTROL_PORT TIMEOUT [FIELD...]: polls switchboardd's GET /v1/status on
# 127.0.0.1:CONTROL_PORT until every FIELD (default: calls, dialogs, serverTransactions and
# clientTransactions) is 0. After TIMEOUT seconds prints the last report, what is left, as
# "key=value ..." and fails.
wait_until_idle() {
    local port="$1" timeout="$2"
    shift 2
    [ $# -gt 0 ] || set -- calls dialogs serverTransactions clientTransactions
    python3 - "$port" "$timeout" "$@" <<'PY'
import json, sys, time, urllib.request

port, timeout, fields = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
deadline = time.monotonic() + timeout
while True:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/status", timeout=5) as answer:
            report = json.load(answer)
    except (OSError, ValueError) as error:
        report = {"error": str(error)}
    if all(report.get(field) == 0 for field in fields):
        sys.exit(0)
    if time.monotonic() >= deadline:
        print(" ".join(f"{key}={value}" for key, value in report.items()))
        sys.exit(1)
    time.sleep(0.25)
PY
}

# expect_idle LABEL PORT TIMEOUT [FIELD...]: one check that wait_until_idle sees the fields at zero
# within TIMEOUT seconds; its failure shows what was still held.
expect_idle() {
    local label="$1" port="$2" timeout="$3" leftover
    shift 3
    if leftover="$(wait_until_idle "$port" "$timeout" "$@")"; then
        blackbox_ok "$label"
    else
        blackbox_fail "$label" "still held $timeout s later: $leftover"
    fi
}

# track_process NAME PID GROUP: records a background process for stop_process and cleanup.
# GROUP=1 when the pid leads its own process group (started with setsid).
track_process() {
    HARNESS_NAMES+=("$1")
    HARNESS_PIDS+=("$2")
    HARNESS_GROUPS+=("$3")
}

# _harness_signal INDEX SIGNAL: signals a tracked process (its whole group if it leads one).
_harness_signal() {
    local pid="${HARNESS_PIDS[$1]}"
    if [ "${HARNESS_GROUPS[$1]}" = 1 ]; then
        kill "-$2" -- "-$pid" 2>/dev/null || true
    else
        kill "-$2" "$pid" 2>/dev/null || true
    fi
}

# _harness_alive INDEX: true while the tracked process (or, for a group, any member) runs.
_harness_alive() {
    if [ "${HARNESS_GROUPS[$1]}" = 1 ]; then
        kill -0 -- "-${HARNESS_PIDS[$1]}" 2>/dev/null
    else
        kill -0 "${HARNESS_PIDS[$1]}" 2>/dev/null
    fi
}

# _harness_stop INDEX...: TERM, then KILL whatever still runs after HARNESS_GRACE seconds. A
# process that had already exited with a failure status, or that crashed on a signal other
# than ours, is added to HARNESS_FAILED.
_harness_stop() {
    local index status waited=0 running=()
    for index in "$@"; do
        [ -n "${HARNESS_PIDS[$index]}" ] || continue
        if _harness_alive "$index"; then
            _harness_signal "$index" TERM
            running+=("$index")
        else
            status=0
            wait "${HARNESS_PIDS[$index]}" 2>/dev/null || status=$?
            if [ "$status" -ne 0 ] && [ "$status" -ne 127 ]; then
                echo "harness: ${HARNESS_NAMES[$index]} (pid ${HARNESS_PIDS[$index]}) had exited with status $status" >&2
                HARNESS_FAILED+=("${HARNESS_NAMES[$index]}")
            fi
        fi
    done
    while [ "$waited" -lt $((${HARNESS_GRACE:-5} * 10)) ]; do
        local still=()
        for index in "${running[@]}"; do
            _harness_alive "$index" && still+=("$index")
        done
        [ ${#still[@]} -gt 0 ] || break
        sleep 0.1
        waited=$((waited + 1))
    done
    for index in "${running[@]}"; do
        if _harness_alive "$index"; then
            echo "harness: ${HARNESS_NAMES[$index]} (pid ${HARNESS_PIDS[$index]}) ignored TERM, killing" >&2
            _harness_signal "$index" KILL
        fi
        status=0
        wait "${HARNESS_PIDS[$index]}" 2>/dev/null || status=$?
        if [ "$status" -gt 128 ] && [ "$status" -ne 143 ] && [ "$status" -ne 137 ]; then
            echo "harness: ${HARNESS_NAMES[$index]} (pid ${HARNESS_PIDS[$index]}) died of signal $((status - 128)) while stopping" >&2
            HARNESS_FAILED+=("${HARNESS_NAMES[$index]}")
        fi
    done
    for index in "$@"; do
        HARNESS_PIDS[index]=""
    done
}

# show_logs NAME...: prints the last lines of every log of each NAME to stderr.
show_logs() {
    local name log
    for name in "$@"; do
        for log in "$HARNESS_DIR/$name"/*.log; do
            [ -s "$log" ] || continue
            echo "---- tail of $log" >&2
            tail -n 20 "$log" >&2
        done
    done
}

# start_kamailio SBC_PORT SWITCHBOARD_ADDR TEAMS_ADDR PSTN_ADDR CC_REGEX
# Starts sbc-configs/kamailio/kamailio.cfg on 127.0.0.1:SBC_PORT (UDP and TCP) in the
# foreground of a background job, in its own process group, with the TLSF allocator (a third
# less CPU per call than the default) and its working dir (cores) in its log dir. Each ADDR
# is "ip:port"; CC_REGEX is a POSIX extended regex on the Request-URI user part (write [+]
# rather than \+); with KAMAILIO_AGENT_REGEX set, switchboardd's calls to numbers it does not
# match go to PSTN_ADDR instead of TEAMS_ADDR (callbacks to callers). Sets KAMAILIO_PID and
# returns once Kamailio answers OPTIONS with 200; fails otherwise (cleanup then prints its
# log). Log: $HARNESS_DIR/kamailio-SBC_PORT/.
start_kamailio() {
    if [ $# -ne 5 ]; then
        echo "usage: start_kamailio SBC_PORT SWITCHBOARD_ADDR TEAMS_ADDR PSTN_ADDR CC_REGEX" >&2
        return 2
    fi
    local name="kamailio-$1"
    local dir="$HARNESS_DIR/$name"
    mkdir -p "$dir"
    # shellcheck disable=SC2086 # the wrapper's words are split on purpose
    setsid ${KAMAILIO_WRAPPER:-} kamailio -f "$HARNESS_REPO/sbc-configs/kamailio/kamailio.cfg" -DD -E -Y "$dir" -w "$dir" \
        -m "${KAMAILIO_SHM_MB:-2048}" -x tlsf ${KAMAILIO_CHILDREN:+-n "$KAMAILIO_CHILDREN"} \
        -A "SBC_PORT=$1" -A "SWITCHBOARD_ADDR=\"$2\"" -A "TEAMS_ADDR=\"$3\"" \
        -A "PSTN_ADDR=\"$4\"" -A "CC_REGEX=\"$5\"" ${KAMAILIO_AGENT_REGEX:+-A "AGENT_REGEX=\"$KAMAILIO_AGENT_REGEX\""} \
        </dev/null >"$dir/kamailio.log" 2>&1 &
    KAMAILIO_PID=$!
    track_process "$name" "$KAMAILIO_PID" 1
    local answer
    answer="$(wait_for_udp_sip 127.0.0.1 "$1" "${KAMAILIO_START_TIMEOUT:-20}" "$KAMAILIO_PID")" || true
    if [[ "$answer" != "SIP/2.0 200 "* ]]; then
        echo "start_kamailio: Kamailio on 127.0.0.1:$1 did not answer OPTIONS with 200 (${answer:-no answer})" >&2
        HARNESS_FAILED+=("$name")
        return 1
    fi
}

# _sipp_log_args NAME SIPP_ARGS...: fills the array SIPP_LOG_ARGS with the options that put
# NAME's error log, statistics, final screen and response times into $HARNESS_DIR/NAME/, and
# with a free local port unless SIPP_ARGS has -p (SIPp would take 5060, shared on this host).
_sipp_log_args() {
    local dir="$HARNESS_DIR/$1"
    shift
    SIPP_LOG_ARGS=(-nostdin -trace_err -error_file "$dir/errors.log"
        -trace_stat -stf "$dir/stat.csv" -trace_screen -screen_file "$dir/screen.log"
        -trace_rtt)
    local arg
    for arg in "$@"; do
        [ "$arg" = -p ] && return
    done
    SIPP_LOG_ARGS+=(-p "$(free_port sip)")
}

# start_sipp NAME SIPP_ARGS...: starts sipp in the background with its working dir, error log,
# statistics CSV, final screen and response-time trace (*_rtt.csv) in $HARNESS_DIR/NAME/, on a
# free local port unless SIPP_ARGS has -p. Pass scenario paths as absolute paths (e.g.
# "$HARNESS_REPO/tests/sipp/..."): sipp runs in $HARNESS_DIR/NAME. Sets SIPP_PID.
start_sipp() {
    local name="$1"
    shift
    local dir="$HARNESS_DIR/$name"
    mkdir -p "$dir"
    _sipp_log_args "$name" "$@"
    (cd "$dir" && exec sipp "${SIPP_LOG_ARGS[@]}" "$@") </dev/null >"$dir/stdout.log" 2>&1 &
    SIPP_PID=$!
    track_process "$name" "$SIPP_PID" 0
}

# start_teams NAME SCENARIO SIPP_ARGS...: the SIPp UAS that answers as the Teams agents, SCENARIO on
# 127.0.0.1:$teams_port (the suite's free port), started like start_sipp; returns once it listens,
# with its pid in teams_pid.
start_teams() {
    local name="$1" scenario="$2"
    shift 2
    start_sipp "$name" -sf "$scenario" -i 127.0.0.1 -p "$teams_port" "$@"
    teams_pid="$SIPP_PID"
    wait_for_udp_listen "$teams_port" 10 "$teams_pid"
}

# run_sipp NAME SIPP_ARGS...: like start_sipp but waits for sipp, killed after SIPP_TIMEOUT
# seconds (default 60); returns sipp's exit status (0 when every call succeeded, 1 when some
# failed, 124 or 137 on timeout). Its logs are printed by cleanup if the script fails. It
# runs as a tracked background job so that INT or TERM stop it at once through cleanup.
run_sipp() {
    local name="$1"
    shift
    local dir="$HARNESS_DIR/$name"
    mkdir -p "$dir"
    _sipp_log_args "$name" "$@"
    (cd "$dir" && exec timeout --kill-after=5 "${SIPP_TIMEOUT:-60}" sipp "${SIPP_LOG_ARGS[@]}" "$@") \
        </dev/null >"$dir/stdout.log" 2>&1 &
    local pid=$! index=${#HARNESS_PIDS[@]} status=0
    track_process "$name" "$pid" 0
    wait "$pid" || status=$?
    HARNESS_PIDS[index]=""
    return "$status"
}

# stop_process NAME: stops a process started by start_kamailio or start_sipp (TERM, then KILL
# after HARNESS_GRACE seconds).
stop_process() {
    local index
    for index in "${!HARNESS_NAMES[@]}"; do
        if [ "${HARNESS_NAMES[$index]}" = "$1" ]; then
            _harness_stop "$index"
        fi
    done
}

HARNESS_PASSED=0
HARNESS_FAILURES=0

# blackbox_ok DESCRIPTION: prints and counts a check that held.
blackbox_ok() {
    echo "ok: $1"
    HARNESS_PASSED=$((HARNESS_PASSED + 1))
}

# blackbox_fail DESCRIPTION [PROBLEM...]: prints and counts a check that failed, a line a PROBLEM.
blackbox_fail() {
    echo "FAIL: $1"
    shift
    [ $# -eq 0 ] || printf '  %s\n' "$@"
    HARNESS_FAILURES=$((HARNESS_FAILURES + 1))
}

# blackbox_check DESCRIPTION COMMAND...: a check that holds when COMMAND succeeds.
blackbox_check() {
    local description="$1"
    shift
    if "$@"; then
        blackbox_ok "$description"
    else
        blackbox_fail "$description"
    fi
}

# expect_sipp DESCRIPTION NAME SIPP_ARGS...: a check that holds when run_sipp NAME succeeds;
# prints NAME's logs when it does not.
expect_sipp() {
    local description="$1"
    shift
    if run_sipp "$@"; then
        blackbox_ok "$description"
    else
        blackbox_fail "$description (sipp $1)"
        show_logs "$1"
    fi
}

# expect_sipp_exit DESCRIPTION NAME PID: a check that holds when the SIPp started in the background
# as NAME (start_sipp, process PID) exits 0; prints NAME's logs when it does not.
expect_sipp_exit() {
    local description="$1" name="$2" pid="$3" status=0
    wait "$pid" || status=$?
    if [ "$status" -eq 0 ]; then
        blackbox_ok "$description"
    else
        blackbox_fail "$description (sipp $name exit $status)"
        show_logs "$name"
    fi
}

# blackbox_summary SUITE: prints "SUITE: N passed, M failed" and ends the script, with a
# failure status when any check failed.
blackbox_summary() {
    echo "$1: $HARNESS_PASSED passed, $HARNESS_FAILURES failed"
    exit $((HARNESS_FAILURES > 0))
}

# cleanup: the EXIT trap. Stops every recorded process, prints the logs of those that failed
# (of every process when the script itself fails), then removes $HARNESS_DIR unless KEEP_LOGS=1
# or HARNESS_LOG_DIR named it.
cleanup() {
    local status=$?
    trap - EXIT
    _harness_stop "${!HARNESS_NAMES[@]}"
    local name names=("${HARNESS_FAILED[@]}")
    [ "$status" -eq 0 ] || names=("${HARNESS_NAMES[@]}")
    for name in $(printf '%s\n' "${names[@]}" | sort -u); do
        show_logs "$name"
    done
    if [ "${KEEP_LOGS:-0}" = 1 ]; then
        echo "harness: logs kept in $HARNESS_DIR" >&2
    elif [ -z "${HARNESS_LOG_DIR:-}" ]; then
        rm -rf "$HARNESS_DIR"
    fi
    return "$status"
}

test_tmpdir >/dev/null
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
