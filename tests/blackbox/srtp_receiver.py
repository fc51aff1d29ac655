#!/usr/bin/env python3
"""Receives the SRTP sent to one UDP port and decrypts it, for the SRTP black-box test.

Usage: srtp_receiver.py PORT SIPP_LOG OUT_JSON TIMEOUT_SECONDS
Binds 127.0.0.1:PORT and keeps every datagram until 3 s pass without one once some arrived, or until
TIMEOUT_SECONDS. Then it reads switchboardd's key from the caller's SIPp log (the line
"answered <port> <base64 key>") and unprotects each datagram with pylibsrtp (AES_CM_128_HMAC_SHA1_80),
and writes to OUT_JSON: the decrypted packets by payload type, the datagrams that failed
authentication, those whose payload went out in clear, the source ports, the SSRCs, and the
sequence numbers' gaps.
"""
import base64
import json
import re
import socket
import sys
import time

from pylibsrtp import Error, Policy, Session

port, log, out, timeout = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4])
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind(("127.0.0.1", port))
sock.settimeout(0.2)
datagrams, deadline, last = [], time.monotonic() + timeout, None
while time.monotonic() < deadline and (last is None or time.monotonic() - last < 3):
    try:
        data, (_, source_port) = sock.recvfrom(2048)
    except socket.timeout:
        continue
    last = time.monotonic()
    datagrams.append((source_port, data))

match = re.search(r"^answered (\d+) ([A-Za-z0-9+/]{40})$", open(log).read(), re.MULTILINE)
key = base64.b64decode(match.group(2)) if match else b"\0" * 30
session = Session(Policy(key=key, ssrc_type=Policy.SSRC_ANY_INBOUND, srtp_profile=Policy.SRTP_PROFILE_AES128_CM_SHA1_80))
by_type, unauthenticated, clear, sources, ssrcs = {}, 0, 0, set(), set()
sequence_gaps, previous = 0, None
for source_port, data in datagrams:
    try:
        packet = session.unprotect(data)
    except Error:
        unauthenticated += 1
        continue
    if data[12:len(packet)] == packet[12:]:
        clear += 1
    payload_type = packet[1] & 0x7F
    by_type[str(payload_type)] = by_type.get(str(payload_type), 0) + 1
    sources.add(source_port)
    ssrcs.add(int.from_bytes(packet[8:12], "big"))
    sequence = int.from_bytes(packet[2:4], "big")
    if previous is not None and sequence != (previous + 1) % 65536:
        sequence_gaps += 1
    previous = sequence
with open(out, "w") as file:
    json.dump({"keyFound": match is not None, "datagrams": len(datagrams), "packets": by_type, "unauthenticated": unauthenticated,
               "clear": clear, "sources": sorted(sources), "ssrcs": len(ssrcs), "sequenceGaps": sequence_gaps}, file)
