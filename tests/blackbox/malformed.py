"""Sends a batch of malformed SIP datagrams to switchboardd and checks each gets the RFC's answer.

Requests whose Via/From/To/Call-ID/CSeq can still be read must be answered with 400 (and a Warning
naming the problem); anything else must be dropped silently. No datagram may get a 2xx or a 5xx, and a
CRLF keep-alive gets no answer at all. Liveness afterwards is checked by the caller with SIPp.
"""
import argparse
import pathlib
import random
import socket
import sys
import time

INVALID_RFC4475 = ["badinv01", "badaspec", "badbranch", "baddate", "baddn", "badvers", "bcast", "bext01", "clerr",
                   "escnull", "insuf", "lwsruri", "lwsstart", "mcl01", "mismatch01", "ncl", "quotbal", "regbadct",
                   "scalar02", "scalarlg", "trws", "zeromf", "ltgtruri"]


def replyable(token: str) -> bytes:
    return (f"INVITE sip:+15550100@127.0.0.1 SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK{token};rport\r\n"
            f"From: <sip:caller@127.0.0.1>;tag={token}\r\n"
            f"To: <sip:+15550100@127.0.0.1>\r\n"
            f"Call-ID: {token}@malformed\r\n"
            f"CSeq: 1 INVITE\r\n"
            f"Max-Forwards: 70\r\n"
            f"Content-Length: 9999\r\n\r\nv=0\r\n").encode()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--fixtures", required=True)
    args = parser.parse_args()
    rng = random.Random(4475)
    batch = []
    for name in INVALID_RFC4475:
        path = pathlib.Path(args.fixtures) / f"{name}.dat"
        if path.exists():
            batch.append((name, path.read_bytes()))
    for index in range(200):
        base = bytearray(rng.choice(batch)[1])
        for _ in range(rng.randint(1, 8)):
            position = rng.randrange(len(base))
            base[position] = rng.randrange(256)
        batch.append((f"mutated-{index}", bytes(base[: rng.randint(1, len(base))])))
    batch.append(("garbage", bytes(rng.randrange(256) for _ in range(1200))))
    batch.append(("oversized", b"OPTIONS sip:x SIP/2.0\r\n" + b"X-Pad: " + b"a" * 60000 + b"\r\n\r\n"))
    batch.append(("content-length beyond the datagram", replyable("cl9999")))

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.settimeout(0.05)
        for _, payload in batch:
            sock.sendto(payload, ("127.0.0.1", args.port))
        sock.sendto(b"\r\n\r\n", ("127.0.0.1", args.port))
        answers = []
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            try:
                answers.append(sock.recv(65535).decode(errors="replace"))
            except socket.timeout:
                continue
    status_lines = [answer.split("\r\n", 1)[0] for answer in answers]
    unexpected = [line for line in status_lines if not line.startswith("SIP/2.0 4")]
    bad_requests = [answer for answer in answers if answer.startswith("SIP/2.0 400 ")]
    warned = [answer for answer in bad_requests if "\r\nWarning: 399 " in answer]
    print(f"malformed: sent {len(batch) + 1} datagrams, {len(answers)} answers, {len(bad_requests)} × 400")
    if unexpected:
        print(f"malformed: unexpected answers: {unexpected[:5]}")
        return 1
    if not any("cl9999@malformed" in answer for answer in bad_requests):
        print("malformed: the request with a Content-Length beyond the datagram got no 400")
        return 1
    if len(warned) != len(bad_requests):
        print("malformed: a 400 without a Warning header")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
