"""SIP peers for the edge SBC checks (sbc_edge.py): SIP messages, a UDP peer (the carrier,
switchboardd, strangers), a Microsoft SIP proxy on TLS and a TLS client playing Teams."""
import queue
import re
import socket
import ssl
import threading
import time
import uuid

TIMEOUT = 5.0
SBC = "127.0.0.1"
TEAMS = "127.0.0.4"


class Message:
    """A parsed SIP message: first line, headers in order, body."""

    def __init__(self, raw: bytes):
        head, _, body = raw.partition(b"\r\n\r\n")
        lines = head.decode(errors="replace").split("\r\n")
        self.first = lines[0]
        self.headers = [(name.strip(), value.strip()) for name, _, value in
                        (line.partition(":") for line in lines[1:] if line)]
        self.body = body.decode(errors="replace")
        self.raw = raw.decode(errors="replace")

    def all(self, name: str) -> list:
        return [value for key, value in self.headers if key.lower() == name.lower()]

    def get(self, name: str) -> str:
        values = self.all(name)
        return values[0] if values else ""

    @property
    def is_request(self) -> bool:
        return not self.first.startswith("SIP/2.0 ")

    @property
    def method(self) -> str:
        return self.first.split()[0] if self.is_request else self.get("CSeq").split()[-1]

    @property
    def status(self) -> int:
        return 0 if self.is_request else int(self.first.split()[1])

    @property
    def uri(self) -> str:
        return self.first.split()[1]


def response(request: Message, code: int, reason: str, tag: str = "", extra=(), body: str = "") -> str:
    lines = [f"SIP/2.0 {code} {reason}"]
    lines += [f"Via: {value}" for value in request.all("Via")]
    to = request.get("To")
    if tag and ";tag=" not in to:
        to += f";tag={tag}"
    lines += [f"From: {request.get('From')}", f"To: {to}", f"Call-ID: {request.get('Call-ID')}",
              f"CSeq: {request.get('CSeq')}"]
    if request.method == "INVITE" and 100 < code < 300:
        lines += [f"Record-Route: {value}" for value in request.all("Record-Route")]
    lines += list(extra)
    if body:
        lines.append("Content-Type: application/sdp")
    lines.append(f"Content-Length: {len(body.encode())}")
    return "\r\n".join(lines) + "\r\n\r\n" + body


def sdp(address: str, proto: str) -> str:
    return (f"v=0\r\no=- 1 1 IN IP4 {address}\r\ns=-\r\nc=IN IP4 {address}\r\nt=0 0\r\n"
            f"m=audio 40000 {proto} 0 101\r\na=rtpmap:101 telephone-event/8000\r\n")


def media_proto(body: str) -> str:
    match = re.search(r"^m=audio \d+ (\S+)", body, re.M)
    return match.group(1) if match else ""


class Inbox:
    """Messages a fake peer received and did not answer by itself; expect() takes the first match."""

    def __init__(self):
        self.messages = queue.Queue()
        self.kept = []

    def expect(self, predicate, timeout: float = TIMEOUT):
        deadline = time.monotonic() + timeout
        for index, item in enumerate(self.kept):
            if predicate(item[0]):
                return self.kept.pop(index)
        while (left := deadline - time.monotonic()) > 0:
            try:
                item = self.messages.get(timeout=left)
            except queue.Empty:
                break
            if predicate(item[0]):
                return item
            self.kept.append(item)
        return None, None


class UdpPeer:
    """A SIP peer on UDP: answers OPTIONS with options_code, queues everything else."""

    def __init__(self, address: str, options_code: int = 200):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((address, 0))
        self.address, self.port = self.sock.getsockname()
        self.options_code = options_code
        self.inbox = Inbox()
        threading.Thread(target=self.run, daemon=True).start()

    def run(self):
        while True:
            data, source = self.sock.recvfrom(65535)
            message = Message(data)
            if message.is_request and message.method == "OPTIONS":
                self.send(response(message, self.options_code, "OK"), source)
            else:
                self.inbox.messages.put((message, source))

    def send(self, text: str, destination):
        self.sock.sendto(text.encode(), destination)

    def request(self, method: str, uri: str, to: str, call_id: str, cseq: int = 1,
                extra=(), body: str = "", branch: str = "") -> str:
        lines = [f"{method} {uri} SIP/2.0",
                 f"Via: SIP/2.0/UDP {self.address}:{self.port};branch=z9hG4bK{branch or uuid.uuid4().hex};rport",
                 "Max-Forwards: 70", f"From: <sip:+15551230000@{self.address}>;tag=f{call_id[:6]}",
                 f"To: {to}", f"Call-ID: {call_id}", f"CSeq: {cseq} {method}",
                 f"Contact: <sip:peer@{self.address}:{self.port}>"] + list(extra)
        if body:
            lines.append("Content-Type: application/sdp")
        lines.append(f"Content-Length: {len(body.encode())}")
        return "\r\n".join(lines) + "\r\n\r\n" + body


def read_stream(stream) -> Message:
    """One SIP message from a TLS stream (None when the connection closes)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = stream.recv(65535)
        if not chunk:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    match = re.search(rb"\r\nContent-Length:\s*(\d+)", head, re.I)
    length = int(match.group(1)) if match else 0
    while len(rest) < length:
        chunk = stream.recv(65535)
        if not chunk:
            return None
        rest += chunk
    if len(rest) > length:
        raise ValueError("more than one message in a read")
    return Message(head + b"\r\n\r\n" + rest)


class TeamsProxy:
    """A Microsoft SIP proxy on TLS: answers OPTIONS (options_code) and INVITEs (503 when busy,
    otherwise 100, 180 and 200 with an SRTP answer), records what it receives."""

    def __init__(self, context: ssl.SSLContext, busy: bool):
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind((TEAMS, 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.context, self.busy, self.options_code = context, busy, 200
        self.inbox, self.options = Inbox(), []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            connection, _ = self.listener.accept()
            threading.Thread(target=self.serve, args=(connection,), daemon=True).start()

    def serve(self, connection):
        try:
            stream = self.context.wrap_socket(connection, server_side=True)
            while (message := read_stream(stream)) is not None:
                self.handle(stream, message)
        except (OSError, ssl.SSLError, ValueError):
            connection.close()

    def handle(self, stream, message: Message):
        if message.is_request and message.method == "OPTIONS":
            self.options.append(message)
            stream.sendall(response(message, self.options_code, "OK").encode())
            return
        self.inbox.messages.put((message, stream))
        if not message.is_request:
            return
        if message.method == "INVITE" and self.busy:
            stream.sendall(response(message, 503, "Service Unavailable").encode())
        elif message.method == "INVITE":
            contact = f"Contact: <sip:{TEAMS}:{self.port};transport=tls>"
            stream.sendall(response(message, 100, "Trying").encode())
            if ";tag=" not in message.get("To"):
                stream.sendall(response(message, 180, "Ringing", "teams1", [contact]).encode())
            stream.sendall(response(message, 200, "OK", "teams1", [contact], sdp(TEAMS, "RTP/SAVP")).encode())
        elif message.method == "BYE":
            stream.sendall(response(message, 200, "OK").encode())


def tls_client(context: ssl.SSLContext, source: str, port: int):
    raw = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    raw.bind((source, 0))
    raw.settimeout(TIMEOUT)
    raw.connect((SBC, port))
    return context.wrap_socket(raw)


def tls_request(stream, method: str, uri: str, call_id: str, body: str = "") -> str:
    address, port = stream.getsockname()
    lines = [f"{method} {uri} SIP/2.0",
             f"Via: SIP/2.0/TLS {address}:{port};branch=z9hG4bK{uuid.uuid4().hex};alias",
             "Max-Forwards: 70", f"From: <sip:+15550201@{TEAMS}>;tag=t{call_id[:6]}",
             f"To: <{uri}>", f"Call-ID: {call_id}", f"CSeq: 1 {method}",
             f"Contact: <sip:api@{address}:{port};transport=tls>"]
    if body:
        lines.append("Content-Type: application/sdp")
    lines.append(f"Content-Length: {len(body.encode())}")
    return "\r\n".join(lines) + "\r\n\r\n" + body


def final_from_stream(stream):
    """Reads from a TLS stream until a final response; returns (final, provisional statuses)."""
    provisional = []
    while (message := read_stream(stream)) is not None:
        if not message.is_request and message.status >= 200:
            return message, provisional
        if not message.is_request:
            provisional.append(message.status)
    return None, provisional
