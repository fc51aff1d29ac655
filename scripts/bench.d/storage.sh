#!/usr/bin/env bash
# The call store: call records per second it commits as the daemon writes them (record opened,
# rewritten at the answer and closed, 2 offer attempts, 4 queue_log lines per call; 40 calls per
# transaction), median of 5 runs of 50,000 calls in a release build, and the ratio to the call rate
# of `scripts/bench calls` (BENCH_CALL_RATE, default 2000 calls/s); then the store writer's CPU per
# call for the batches the daemon forms at that rate (median of 3 runs).
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product bench-storage >&2
"$(swift build -c release --show-bin-path)/bench-storage" "${BENCH_CALL_RATE:-2000}"
