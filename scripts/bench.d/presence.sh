#!/usr/bin/env bash
# Presence poller benchmark: 50,000 agents polled every 5 s for 35 s of wall time against a
# local-graph process, release build. Prints requests per 30 s (against Graph's 1,500 budget), the
# poller's CPU time and the delay from a presence change to the directory seeing it (against the
# uniform-wait reference for the interval). Extra arguments go to bench-presence (--agents, --interval,
# --duration, --changes-per-second).
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product local-graph >&2
swift build -c release --product bench-presence >&2
bin="$(swift build -c release --show-bin-path)"
exec "$bin/bench-presence" --local-graph "$bin/local-graph" --agents 50000 --interval 5 --duration 35 "$@"
