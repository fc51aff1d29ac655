#!/usr/bin/env python3
"""Request-to-response delays on the wire, from a tcpdump capture of a SIP server's UDP port.

Usage: wire_delays.py PCAP PORT

Each INVITE sent to PORT is matched by Call-ID with the first 100 Trying from PORT, and each
OPTIONS with its 200, using the capture's kernel timestamps. Prints one line:
"invites p50 p99 p99.9 max options p50 p99 p99.9 max" (counts, then microseconds; "-" when none).
"""
import struct
import sys


def datagrams(path):
    """Yields (seconds, source port, destination port, payload) for each IPv4 UDP packet."""
    data = open(path, "rb").read()
    scale = 1e-9 if struct.unpack("<I", data[:4])[0] == 0xA1B23C4D else 1e-6
    link_header = {1: 14, 113: 16, 276: 20}.get(struct.unpack("<I", data[20:24])[0], 14)
    offset = 24
    while offset + 16 <= len(data):
        seconds, fraction, captured, _ = struct.unpack("<IIII", data[offset:offset + 16])
        packet = data[offset + 16:offset + 16 + captured]
        offset += 16 + captured
        ip = packet[link_header:]
        if len(ip) < 28 or ip[0] >> 4 != 4 or ip[9] != 17:
            continue
        udp = ip[(ip[0] & 15) * 4:]
        source, destination = struct.unpack("!HH", udp[:4])
        yield seconds + fraction * scale, source, destination, udp[8:]


def main():
    path, port = sys.argv[1], int(sys.argv[2])
    answer = {b"INVITE ": b"SIP/2.0 100", b"OPTIONS ": b"SIP/2.0 200"}
    pending = {method: {} for method in answer}
    delays = {method: [] for method in answer}
    for when, source, destination, payload in datagrams(path):
        call_id = next((line[8:].strip() for line in payload.split(b"\r\n") if line.lower().startswith(b"call-id:")), None)
        if call_id is None:
            continue
        for method, waiting in pending.items():
            if destination == port and payload.startswith(method) and call_id not in waiting:
                waiting[call_id] = when
            elif source == port and payload.startswith(answer[method]) and call_id in waiting:
                delays[method].append((when - waiting.pop(call_id)) * 1e6)
    figures = []
    for method in answer:
        times = sorted(delays[method])
        at = lambda f: f"{times[min(len(times) - 1, int(f * len(times)))]:.0f}" if times else "-"
        figures += [str(len(times)), at(0.5), at(0.99), at(0.999), at(1.0)]
    print(*figures)


if __name__ == "__main__":
    main()
