"""OPTIONS over TLS to switchboardd's TLS listener (self-signed certificate): expects 200 with Allow,
and a CRLF CRLF keep-alive ping answered with a single CRLF pong (RFC 5626 §3.5.1)."""
import argparse
import socket
import ssl
import sys


def read_message(stream: ssl.SSLSocket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = stream.recv(65535)
        if not chunk:
            break
        data += chunk
    return data


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with socket.create_connection(("127.0.0.1", args.port), timeout=10) as raw, context.wrap_socket(raw) as stream:
        local = stream.getsockname()[1]
        stream.sendall(b"\r\n\r\n")
        pong = stream.recv(16)
        if pong != b"\r\n":
            print(f"tls: keep-alive ping answered with {pong!r}, expected one CRLF")
            return 1
        stream.sendall((f"OPTIONS sip:127.0.0.1:{args.port};transport=tls SIP/2.0\r\n"
                        f"Via: SIP/2.0/TLS 127.0.0.1:{local};branch=z9hG4bK-tls-options\r\n"
                        "From: <sip:sbc@127.0.0.1>;tag=tls\r\nTo: <sip:127.0.0.1>\r\n"
                        "Call-ID: tls-options@127.0.0.1\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n"
                        "Content-Length: 0\r\n\r\n").encode())
        answer = read_message(stream).decode(errors="replace")
    if not answer.startswith("SIP/2.0 200 ") or "\r\nAllow: INVITE" not in answer:
        print(f"tls: unexpected answer {answer.splitlines()[:1]}")
        return 1
    print("tls: OPTIONS over TLS answered 200 with Allow; keep-alive ping got its pong")
    return 0


if __name__ == "__main__":
    sys.exit(main())
