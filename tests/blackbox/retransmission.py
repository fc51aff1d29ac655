"""A UDP INVITE whose 404 is lost is answered again on retransmission (RFC 3261 §17.2.1).

Raw UDP rather than SIPp: SIPp takes an identical second 404 for a retransmission of the first and
answers it with its own INVITE retransmission, looping. Steps: INVITE → 404; the same INVITE bytes
again (the 404 "was lost") → the same 404, same To tag; ACK → Timer G stops, no 404 follows.
"""
import argparse
import socket
import sys
import time


def receive_all(sock: socket.socket, seconds: float) -> list[bytes]:
    answers = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            answers.append(sock.recv(65535))
        except socket.timeout:
            continue
    return answers


def header(message: bytes, name: str) -> str:
    for line in message.decode(errors="replace").split("\r\n"):
        if line.lower().startswith(name.lower() + ":"):
            return line.split(":", 1)[1].strip()
    return ""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.settimeout(0.05)
        local = sock.getsockname()[1]
        common = (f"Via: SIP/2.0/UDP 127.0.0.1:{local};branch=z9hG4bK-lost404\r\n"
                  f"From: <sip:+15551230000@127.0.0.1>;tag=lost404\r\n"
                  f"To: <sip:+19995550000@127.0.0.1;user=phone>{{to_tag}}\r\n"
                  f"Call-ID: lost404@127.0.0.1\r\n")
        invite = (f"INVITE sip:+19995550000@127.0.0.1:{args.port};user=phone SIP/2.0\r\n" + common.format(to_tag="") +
                  "CSeq: 1 INVITE\r\nContact: <sip:caller@127.0.0.1>\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n").encode()
        target = ("127.0.0.1", args.port)
        sock.sendto(invite, target)
        first = [answer for answer in receive_all(sock, 0.4) if answer.startswith(b"SIP/2.0 404 ")]
        if not first:
            print("retransmission: no 404 to the first INVITE")
            return 1
        to_tag = header(first[0], "To").split("tag=")[-1]
        sock.sendto(invite, target)
        again = [answer for answer in receive_all(sock, 1.0) if answer.startswith(b"SIP/2.0 404 ")]
        if not again or any(header(answer, "To").split("tag=")[-1] != to_tag for answer in again):
            print(f"retransmission: the retransmitted INVITE got {len(again)} 404s, expected the same 404 (To tag {to_tag})")
            return 1
        ack = (f"ACK sip:+19995550000@127.0.0.1:{args.port};user=phone SIP/2.0\r\n" + common.format(to_tag=f";tag={to_tag}") +
               "CSeq: 1 ACK\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n").encode()
        sock.sendto(ack, target)
        receive_all(sock, 0.2)
        late = receive_all(sock, 2.5)
        if late:
            print(f"retransmission: {len(late)} responses after the ACK; Timer G should have stopped")
            return 1
    print("retransmission: the lost 404 was answered again with the same To tag, and the ACK stopped Timer G")
    return 0


if __name__ == "__main__":
    sys.exit(main())
