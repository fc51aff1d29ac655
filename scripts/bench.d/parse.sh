#!/usr/bin/env bash
# scripts/bench parse: SIPCore's parse and parse+serialize throughput on a ~1.2 KB INVITE against raw
# libosip2 in C (osip_message_parse, and osip_message_to_str for the serialize case), measured in the
# same run on the same core, C and Swift rounds alternating so that load from other work hits both.
# Prints the median of the rounds and the ratio Swift/C of the time per message (1.00x: as fast as C;
# 1.50x: Swift takes half as long again).
# Usage: scripts/bench parse [iterations per round] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
iterations="${1:-100000}"
rounds="${2:-9}"
message=scripts/bench.d/invite-1200.sip
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

gcc -O2 -o "$work/osip-parse" scripts/bench.d/osip-parse.c $(pkg-config --cflags --libs libosip2)
swift build -c release --product bench-parse >&2
swift_bin="$(swift build -c release --show-bin-path)/bench-parse"

cpu=()
if command -v taskset >/dev/null; then cpu=(taskset -c "$(( $(nproc) - 1 ))"); fi
for _ in $(seq "$rounds"); do
    "${cpu[@]}" "$work/osip-parse" "$message" "$iterations" 1 >> "$work/c.txt"
    "${cpu[@]}" "$swift_bin" "$message" "$iterations" 1 >> "$work/swift.txt"
done

median() { awk -v n="$1" '$1 == n { print $2 }' "$2" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "message: $message ($(wc -c < "$message") bytes), $iterations iterations x $rounds rounds, median"
printf '%-16s %16s %16s %9s\n' case "libosip2 C msg/s" "SIPCore msg/s" "Swift/C"
for name in parse parse+serialize; do
    c_rate="$(median "$name" "$work/c.txt")"
    swift_rate="$(median "$name" "$work/swift.txt")"
    awk -v n="$name" -v c="$c_rate" -v s="$swift_rate" 'BEGIN { printf "%-16s %16d %16d %8.2fx\n", n, c, s, c / s }'
done
