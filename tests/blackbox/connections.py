"""Stream connection limits of switchboardd, from the client side: a flood of idle connections from
an address that is no trunk peer, a slow-loris header, a short body, an idle trunk connection, RFC
5626 keep-alives, and the per-trunk cap. Each command prints one JSON object and exits 0 when its
outcome holds (timings are bounds with wide margins, never expectations)."""
import argparse
import errno
import json
import selectors
import socket
import sys
import threading
import time
import urllib.request
import uuid


def options_request(port: int, local_port: int, cseq: int) -> bytes:
    token = uuid.uuid4().hex
    return (f"OPTIONS sip:127.0.0.1:{port} SIP/2.0\r\n"
            f"Via: SIP/2.0/TCP 127.0.0.1:{local_port};branch=z9hG4bK{token}\r\n"
            "Max-Forwards: 70\r\n"
            f"From: <sip:sbc@127.0.0.1>;tag={token[:8]}\r\n"
            f"To: <sip:127.0.0.1:{port}>\r\n"
            f"Call-ID: {token}@127.0.0.1\r\n"
            f"CSeq: {cseq} OPTIONS\r\n"
            "Content-Length: 0\r\n\r\n").encode()


def closed_by_peer(sock: socket.socket, timeout: float) -> bool:
    """Waits up to `timeout` seconds for EOF or a reset; data that arrives is read and ignored."""
    sock.settimeout(timeout)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            sock.settimeout(max(0.01, deadline - time.monotonic()))
            if not sock.recv(65535):
                return True
    except (ConnectionResetError, BrokenPipeError):
        return True
    except socket.timeout:
        return False
    return False


class Prober(threading.Thread):
    """Sends OPTIONS over TCP from the trunk address (each on a new connection) and reads
    GET /v1/status, every `every` seconds until stopped, counting answers and failures."""

    def __init__(self, port: int, control: int, every: float):
        super().__init__(daemon=True)
        self.port, self.control, self.every = port, control, every
        self.stopping = threading.Event()
        self.result = {"options_200": 0, "options_failed": [], "status_200": 0, "status_failed": []}

    def options(self) -> None:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=5, source_address=("127.0.0.1", 0)) as sock:
                sock.sendall(options_request(self.port, sock.getsockname()[1], 1))
                reply = b""
                while b"\r\n\r\n" not in reply:
                    chunk = sock.recv(65535)
                    if not chunk:
                        break
                    reply += chunk
            if reply.startswith(b"SIP/2.0 200 "):
                self.result["options_200"] += 1
            else:
                self.result["options_failed"].append(reply[:40].decode(errors="replace") or "closed without answer")
        except OSError as error:
            self.result["options_failed"].append(str(error))

    def status(self) -> None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.control}/v1/status", timeout=5) as answer:
                json.load(answer)
                self.result["status_200"] += 1
        except (OSError, ValueError) as error:
            self.result["status_failed"].append(str(error))

    def run(self) -> None:
        while not self.stopping.is_set():
            self.options()
            self.status()
            self.stopping.wait(self.every)


def flood(args) -> int:
    prober = Prober(args.port, args.control, 0.2)
    prober.start()
    selector = selectors.DefaultSelector()
    connect_errors = 0
    sockets = []
    targets = [args.port] * args.count + [args.tls_port] * args.tls_count
    for port in targets:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        sock.bind((args.source, 0))
        code = sock.connect_ex(("127.0.0.1", port))
        if code not in (0, errno.EINPROGRESS):
            connect_errors += 1
        sockets.append(sock)
        selector.register(sock, selectors.EVENT_READ)
    pending = set(sockets)
    received_bytes = 0
    deadline = time.monotonic() + args.timeout
    while pending and time.monotonic() < deadline:
        for key, _ in selector.select(timeout=0.5):
            sock = key.fileobj
            try:
                data = sock.recv(65535)
            except (ConnectionResetError, ConnectionRefusedError, BrokenPipeError):
                data = b""
            except BlockingIOError:
                continue
            received_bytes += len(data)
            if not data:
                selector.unregister(sock)
                pending.discard(sock)
    for sock in sockets:
        sock.close()
    time.sleep(1)
    prober.stopping.set()
    prober.join()
    result = {"connections": len(sockets), "closed": len(sockets) - len(pending), "still_open": len(pending),
              "connect_errors": connect_errors, "bytes_received": received_bytes, **prober.result}
    print(json.dumps(result))
    ok = (not pending and received_bytes == 0 and prober.result["options_200"] > 0 and not prober.result["options_failed"]
          and prober.result["status_200"] > 0 and not prober.result["status_failed"])
    return 0 if ok else 1


def trickle(args) -> int:
    """Slow loris: a request line, then one header byte every `interval` seconds."""
    with socket.create_connection(("127.0.0.1", args.port), timeout=5, source_address=("127.0.0.1", 0)) as sock:
        start = time.monotonic()
        header = options_request(args.port, sock.getsockname()[1], 1)[:-4]
        sock.sendall(header[:40])
        closed = False
        for byte in header[40:] * 100:
            if time.monotonic() - start > args.timeout:
                break
            try:
                sock.sendall(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                closed = True
                break
            if closed_by_peer(sock, args.interval):
                closed = True
                break
        print(json.dumps({"closed": closed, "seconds": round(time.monotonic() - start, 1)}))
        return 0 if closed else 1


def short_body(args) -> int:
    """Content-Length 60000 and 10 bytes of body, then silence."""
    with socket.create_connection(("127.0.0.1", args.port), timeout=5, source_address=("127.0.0.1", 0)) as sock:
        start = time.monotonic()
        request = options_request(args.port, sock.getsockname()[1], 1).replace(b"Content-Length: 0", b"Content-Length: 60000")
        sock.sendall(request + b"0123456789")
        closed = closed_by_peer(sock, args.timeout)
        print(json.dumps({"closed": closed, "seconds": round(time.monotonic() - start, 1)}))
        return 0 if closed else 1


def idle(args) -> int:
    """A trunk connection that sends nothing."""
    with socket.create_connection(("127.0.0.1", args.port), timeout=5, source_address=("127.0.0.1", 0)) as sock:
        start = time.monotonic()
        closed = closed_by_peer(sock, args.timeout)
        print(json.dumps({"closed": closed, "seconds": round(time.monotonic() - start, 1)}))
        return 0 if closed else 1


def keepalive(args) -> int:
    """RFC 5626 CRLF CRLF pings every `interval` seconds for `seconds`: each gets its pong, the
    connection stays open."""
    with socket.create_connection(("127.0.0.1", args.port), timeout=5, source_address=("127.0.0.1", 0)) as sock:
        start = time.monotonic()
        pongs = 0
        problem = None
        while time.monotonic() - start < args.seconds and problem is None:
            try:
                sock.sendall(b"\r\n\r\n")
                if sock.recv(16) == b"\r\n":
                    pongs += 1
                else:
                    problem = "closed or unexpected bytes"
            except OSError as error:
                problem = str(error)
            time.sleep(args.interval)
        print(json.dumps({"pongs": pongs, "problem": problem}))
        return 0 if problem is None and pongs > 0 else 1


def trunk_cap(args) -> int:
    """`count` idle connections from the trunk address at once: those over its cap are closed at once,
    the others stay open until their idle timeout."""
    sockets = [socket.create_connection(("127.0.0.1", args.port), timeout=5, source_address=("127.0.0.1", 0))
               for _ in range(args.count)]
    selector = selectors.DefaultSelector()
    for sock in sockets:
        sock.setblocking(False)
        selector.register(sock, selectors.EVENT_READ)
    closed = 0
    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline and closed < args.count - args.cap:
        for key, _ in selector.select(timeout=0.2):
            try:
                data = key.fileobj.recv(65535)
            except (ConnectionResetError, BrokenPipeError):
                data = b""
            if not data:
                selector.unregister(key.fileobj)
                closed += 1
    open_now = args.count - closed
    for sock in sockets:
        sock.close()
    print(json.dumps({"connections": args.count, "closed_soon": closed, "open": open_now}))
    return 0 if closed >= args.count - args.cap and open_now >= args.cap // 2 else 1


def main() -> int:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("flood")
    command.add_argument("--source", default="127.0.0.2")
    command.add_argument("--count", type=int, default=2000)
    command.add_argument("--tls-port", type=int, required=True)
    command.add_argument("--tls-count", type=int, default=50)
    command.add_argument("--control", type=int, required=True)
    command.set_defaults(run=flood)
    command = commands.add_parser("slowloris")
    command.add_argument("--interval", type=float, default=0.5)
    command.set_defaults(run=trickle)
    command = commands.add_parser("shortbody")
    command.set_defaults(run=short_body)
    command = commands.add_parser("idle")
    command.set_defaults(run=idle)
    command = commands.add_parser("keepalive")
    command.add_argument("--seconds", type=float, required=True)
    command.add_argument("--interval", type=float, default=1.0)
    command.set_defaults(run=keepalive)
    command = commands.add_parser("trunkcap")
    command.add_argument("--count", type=int, required=True)
    command.add_argument("--cap", type=int, required=True)
    command.set_defaults(run=trunk_cap)
    for sub in commands.choices.values():
        sub.add_argument("--port", type=int, required=True)
        sub.add_argument("--timeout", type=float, default=30)
    args = parser.parse_args()
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
