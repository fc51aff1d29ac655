#!/usr/bin/env python3
"""One party's RTP for the anchored-media black-box test: receives and answers like a phone.

Usage: rtp_peer.py PORT OUT_JSON TIMEOUT_SECONDS TAG EVENT_SECONDS
Binds 127.0.0.1:PORT. Once a packet arrives, sends back to its source port (symmetric RTP, as SBCs
do) one PCMU packet every 20 ms whose 160 payload bytes are all TAG, under an SSRC of its own, and
EVENT_SECONDS later one RFC 4733 event (digit 5: three packets, payload type 101) in their place. Stops 3 s after the last
packet received, or at TIMEOUT_SECONDS, then writes OUT_JSON: packets by payload type, malformed
datagrams, source ports, SSRCs, packets whose payload is one repeated byte (by that byte, as a
string), the number of other PCMU packets before the first such packet and after it, the wall
clock time of the first PCMU packet, and the PCMU packets in order as runs: [that byte as a string,
or "other", and how many in a row].
"""
import json
import socket
import struct
import sys
import time

port, out, timeout, tag, event_after = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind(("127.0.0.1", port))
sock.settimeout(0.005)
by_type, malformed, sources, ssrcs, uniform = {}, 0, set(), set(), {}
before_tagged, after_tagged, first_audio, runs = 0, 0, None, []
remote, sequence, timestamp, started, next_send, event_sent = None, 0, 0, None, 0.0, False
deadline, last = time.monotonic() + timeout, None


def send(payload_type, payload, marker=False):
    global sequence
    header = struct.pack("!BBHII", 0x80, (0x80 if marker else 0) | payload_type, sequence, timestamp, 0x5EED0000 + tag)
    sock.sendto(header + payload, remote)
    sequence = (sequence + 1) % 65536


while time.monotonic() < deadline and (last is None or time.monotonic() - last < 3):
    now = time.monotonic()
    if remote is not None and now >= next_send:
        if not event_sent and now - started >= event_after:
            for end, duration in ((0, 160), (0x80, 320), (0x80, 320)):
                send(101, bytes([5, end | 10]) + duration.to_bytes(2, "big"), marker=duration == 160 and end == 0)
            event_sent = True
        else:
            send(0, bytes([tag]) * 160)
        timestamp = (timestamp + 160) % 2**32
        next_send = max(next_send + 0.02, now - 0.1)
    try:
        data, (_, source_port) = sock.recvfrom(2048)
    except socket.timeout:
        continue
    last = time.monotonic()
    if remote is None:
        remote, started, next_send = ("127.0.0.1", source_port), last, last
    if len(data) < 12 or data[0] >> 6 != 2:
        malformed += 1
        continue
    payload_type, payload = data[1] & 0x7F, data[12:]
    by_type[str(payload_type)] = by_type.get(str(payload_type), 0) + 1
    sources.add(source_port)
    ssrcs.add(int.from_bytes(data[8:12], "big"))
    if payload_type != 0:
        continue
    first_audio = first_audio or time.time()
    kind = "other"
    if len(payload) == 160 and payload == bytes([payload[0]]) * 160 and payload[0] not in (0xFF, 0x7F):
        kind = str(payload[0])
    if runs and runs[-1][0] == kind:
        runs[-1][1] += 1
    else:
        runs.append([kind, 1])
    if kind != "other":
        uniform[kind] = uniform.get(kind, 0) + 1
    elif uniform:
        after_tagged += 1
    else:
        before_tagged += 1
with open(out, "w") as file:
    json.dump({"packets": by_type, "malformed": malformed, "sources": sorted(sources), "ssrcs": len(ssrcs),
               "uniform": uniform, "beforeTagged": before_tagged, "afterTagged": after_tagged,
               "firstAudio": first_audio, "runs": runs}, file)
