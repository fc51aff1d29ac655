#!/usr/bin/env python3
"""Counts the RTP packets sent to one UDP port, for the answered-hold black-box test.

Usage: rtp_receiver.py PORT OUT_JSON TIMEOUT_SECONDS
Binds 127.0.0.1:PORT and receives until 3 s pass without a packet once some arrived, or until
TIMEOUT_SECONDS, then writes to OUT_JSON: packets by payload type, malformed datagrams, the source
ports, the SSRCs, and whether the sequence numbers of the packets went up by one each time.
"""
import json
import socket
import sys
import time

port, out, timeout = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind(("127.0.0.1", port))
sock.settimeout(0.2)
by_type, malformed, sources, ssrcs = {}, 0, set(), set()
sequence_gaps, previous, last = 0, None, None
deadline = time.monotonic() + timeout
while time.monotonic() < deadline and (last is None or time.monotonic() - last < 3):
    try:
        data, (_, source_port) = sock.recvfrom(2048)
    except socket.timeout:
        continue
    last = time.monotonic()
    if len(data) < 12 or data[0] >> 6 != 2:
        malformed += 1
        continue
    payload_type = data[1] & 0x7F
    by_type[str(payload_type)] = by_type.get(str(payload_type), 0) + 1
    sources.add(source_port)
    ssrcs.add(int.from_bytes(data[8:12], "big"))
    sequence = int.from_bytes(data[2:4], "big")
    if previous is not None and sequence != (previous + 1) % 65536:
        sequence_gaps += 1
    previous = sequence
with open(out, "w") as file:
    json.dump({"packets": by_type, "malformed": malformed, "sources": sorted(sources), "ssrcs": len(ssrcs),
               "sequenceGaps": sequence_gaps}, file)
