#!/usr/bin/env python3
"""Sends DTMF keys as RFC 4733 telephone-events to one RTP port, for the DTMF black-box test.

Usage: dtmf_sender.py PORT KEYS [PAYLOAD_TYPE]
Sends each key of KEYS (0-9, *, #, A-D) to 127.0.0.1:PORT as one event (RFC 4733 §2.5): three
updates 20 ms apart, the first with the marker bit, then the end packet three times (§2.5.1.4),
all with the event's timestamp; 200 ms between keys. The payload type is 101 unless given.
"""
import socket
import struct
import sys
import time

port, keys = int(sys.argv[1]), sys.argv[2]
payload_type = int(sys.argv[3]) if len(sys.argv) > 3 else 101
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sequence, timestamp, ssrc = 1000, 160000, 0x4D544D46


def packet(marker, event, end, duration):
    global sequence
    header = struct.pack("!BBHII", 0x80, (0x80 if marker else 0) | payload_type, sequence, timestamp, ssrc)
    sequence = (sequence + 1) % 65536
    return header + struct.pack("!BBH", event, (0x80 if end else 0) | 10, duration)


for key in keys:
    event = "0123456789*#ABCD".index(key.upper())
    for update in range(3):
        sock.sendto(packet(update == 0, event, False, 160 * (update + 1)), ("127.0.0.1", port))
        time.sleep(0.02)
    for _ in range(3):
        sock.sendto(packet(False, event, True, 480), ("127.0.0.1", port))
    timestamp += 8000
    time.sleep(0.2)
