#!/usr/bin/env bash
# ACD engine: selection cost per decision at 10 / 1,000 / 10,000 agents, 1 / 100 / 1,000 queues
# and 10,000 waiting callers, in a release build (median of several rounds).
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product bench-acd >&2
"$(swift build -c release --show-bin-path)/bench-acd" "$@"
