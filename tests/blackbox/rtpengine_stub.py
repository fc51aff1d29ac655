"""A stand-in for rtpengine's NG control protocol (bencoded commands over UDP) for sbc_edge.py."""
import re
import socket
import threading

from edge_peers import SBC


def bdecode(data: bytes, at: int = 0):
    """Bencode, as rtpengine's NG protocol uses it: returns (value, next index)."""
    kind = data[at:at + 1]
    if kind == b"i":
        end = data.index(b"e", at)
        return int(data[at + 1:end]), end + 1
    if kind in (b"l", b"d"):
        items, at = [], at + 1
        while data[at:at + 1] != b"e":
            item, at = bdecode(data, at)
            items.append(item)
        if kind == b"l":
            return items, at + 1
        return {items[i].decode(): items[i + 1] for i in range(0, len(items), 2)}, at + 1
    colon = data.index(b":", at)
    length = int(data[at:colon])
    return data[colon + 1:colon + 1 + length], colon + 1 + length


def bencode(value) -> bytes:
    if isinstance(value, dict):
        return b"d" + b"".join(bencode(k) + bencode(v) for k, v in sorted(value.items())) + b"e"
    if isinstance(value, str):
        value = value.encode()
    return str(len(value)).encode() + b":" + value


class RtpEngine:
    """A stand-in for rtpengine's NG control protocol: offers and answers come back with the
    connection address set to the relay and the transport protocol asked for."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((SBC, 0))
        self.port = self.sock.getsockname()[1]
        self.commands = []
        threading.Thread(target=self.run, daemon=True).start()

    def run(self):
        while True:
            data, source = self.sock.recvfrom(65535)
            cookie, _, payload = data.partition(b" ")
            command, _ = bdecode(payload)
            name = command.get("command", b"").decode()
            self.commands.append((name, command))
            answer = {"result": "pong" if name == "ping" else "ok"}
            if name in ("offer", "answer"):
                body = command["sdp"].decode()
                body = re.sub(r"c=IN IP4 \S+", f"c=IN IP4 {SBC}", body)
                proto = command.get("transport-protocol", b"").decode()
                if proto:
                    body = re.sub(r"^(m=audio \d+) \S+", rf"\1 {proto}", body, flags=re.M)
                answer["sdp"] = body
            self.sock.sendto(cookie + b" " + bencode(answer), source)
