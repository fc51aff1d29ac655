"""The Kamailio edge sample (sbc-configs/kamailio-edge) run on loopback between fake peers.

Addresses: the SBC on 127.0.0.1 (TLS and inside UDP/TCP), the carrier on 127.0.0.2, switchboardd on
127.0.0.3, two Microsoft proxies on 127.0.0.4 (TLS; the first answers INVITEs 503), a fake rtpengine
speaking the NG protocol on 127.0.0.1, strangers on 127.0.0.5 and above. Starts the fakes, then
Kamailio (in this process group, stopped by its pid), runs the checks and prints one line per check:
"ok: ..." or "FAIL: ..." followed by indented details. Exits 1 if a check failed.
"""
import argparse
import os
import re
import signal
import socket
import ssl
import subprocess
import sys
import time
import uuid

from edge_peers import (SBC, TEAMS, TeamsProxy, UdpPeer, final_from_stream, media_proto, read_stream,
                        response, sdp, tls_client, tls_request)
from rtpengine_stub import RtpEngine

CARRIER = "127.0.0.2"
SWITCHBOARD = "127.0.0.3"


class Checks:
    def __init__(self):
        self.failures = 0

    def check(self, description: str, problems: list):
        if problems:
            self.failures += 1
            print(f"FAIL: {description}")
            for problem in problems:
                print(f"  {problem}")
        else:
            print(f"ok: {description}")
        sys.stdout.flush()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True, help="the edge kamailio.cfg")
    parser.add_argument("--tls-config", required=True, help="its tls.cfg, pointing at the certificate")
    parser.add_argument("--certificate", required=True, help="a throwaway self-signed certificate")
    parser.add_argument("--key", required=True)
    parser.add_argument("--tls-port", type=int, required=True)
    parser.add_argument("--inside-port", type=int, required=True)
    parser.add_argument("--dir", required=True, help="scratch folder: dispatcher list, Kamailio log")
    args = parser.parse_args()

    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(args.certificate, args.key)
    client_context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    client_context.check_hostname = False
    client_context.verify_mode = ssl.CERT_NONE
    client_context.load_cert_chain(args.certificate, args.key)

    carrier, switchboard = UdpPeer(CARRIER), UdpPeer(SWITCHBOARD)
    busy_proxy, proxy = TeamsProxy(server_context, busy=True), TeamsProxy(server_context, busy=False)
    rtpengine = RtpEngine()

    dispatcher_list = os.path.join(args.dir, "dispatcher.list")
    with open(dispatcher_list, "w") as out:
        out.write(f"1 sip:{TEAMS}:{busy_proxy.port};transport=tls 8 30\n"
                  f"1 sip:{TEAMS}:{proxy.port};transport=tls 8 20\n"
                  f"2 sip:{SWITCHBOARD}:{switchboard.port};transport=udp 8 10\n")
    defines = {"SBC_FQDN": '"localhost"', "PING_FROM": '"sip:keepalive@localhost"', "PUBLIC_IP": SBC,
               "TLS_PORT": str(args.tls_port), "INSIDE_IP": SBC, "INSIDE_PORT": str(args.inside_port),
               "CARRIER_IP": f'"{CARRIER}"', "CARRIER_URI": f'"sip:{CARRIER}:{carrier.port};transport=udp"',
               "SWITCHBOARD_IP": f'"{SWITCHBOARD}"', "TEAMS_SUBNETS": f'"{TEAMS}/32"',
               "TLS_CONFIG": f'"{args.tls_config}"', "DISPATCHER_LIST": f'"{dispatcher_list}"',
               "RTPENGINE_SOCK": f'"udp:{SBC}:{rtpengine.port}"', "KEEPALIVE_SECONDS": "1"}
    command = ["kamailio", "-f", args.config, "-DD", "-E", "-Y", args.dir, "-w", args.dir, "-m", "64", "-n", "2"]
    for name, value in defines.items():
        command += ["-A", f"{name}={value}"]
    with open(os.path.join(args.dir, "kamailio.log"), "w") as log:
        kamailio = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
    try:
        return run_checks(kamailio, args.tls_port, args.inside_port, carrier, switchboard, busy_proxy, proxy,
                          rtpengine, client_context)
    finally:
        kamailio.send_signal(signal.SIGTERM)
        try:
            kamailio.wait(timeout=10)
        except subprocess.TimeoutExpired:
            kamailio.kill()
            kamailio.wait()


def run_checks(kamailio, tls_port, inside_port, carrier, switchboard, busy_proxy, proxy, rtpengine,
               client_context) -> int:
    checks = Checks()
    sbc = (SBC, inside_port)

    call_id = uuid.uuid4().hex
    deadline = time.monotonic() + 20
    answer = None
    while answer is None and time.monotonic() < deadline and kamailio.poll() is None:
        carrier.send(carrier.request("OPTIONS", f"sip:{SBC}:{inside_port}", f"<sip:{SBC}>", call_id), sbc)
        answer, _ = carrier.inbox.expect(lambda m: m.method == "OPTIONS", timeout=0.5)
    checks.check("OPTIONS from the carrier answered 200 with Allow",
                 [] if answer and answer.status == 200 and "INVITE" in answer.get("Allow")
                 else [f"answer: {answer.first if answer else 'none (Kamailio not up?)'}"])
    if answer is None:
        return 1

    stranger = UdpPeer("127.0.0.5")
    stranger.send(stranger.request("INVITE", f"sip:+15550100@{SBC}:{inside_port}", "<sip:+15550100@x>",
                                   uuid.uuid4().hex, body=sdp("127.0.0.5", "RTP/AVP")), sbc)
    refused, _ = stranger.inbox.expect(lambda m: m.status >= 200)
    checks.check("INVITE from an address that is no peer refused with 403 on the inside",
                 [] if refused and refused.status == 403 else [f"answer: {refused.first if refused else 'none'}"])

    call_id = uuid.uuid4().hex
    carrier.send(carrier.request("INVITE", f"sip:+15550100@{SBC}:{inside_port};user=phone",
                                 "<sip:+15550100@sbc;user=phone>", call_id, body=sdp(CARRIER, "RTP/AVP")), sbc)
    invite, source = switchboard.inbox.expect(lambda m: m.method == "INVITE" and m.get("Call-ID") == call_id)
    problems = []
    if invite is None:
        problems.append("switchboardd received no INVITE")
    else:
        if not invite.uri.startswith("sip:+15550100@"):
            problems.append(f"Request-URI {invite.uri}")
        if f"{SBC}:{inside_port}" not in invite.get("Record-Route"):
            problems.append(f"Record-Route {invite.all('Record-Route')}")
        switchboard.send(response(invite, 180, "Ringing", "sb1"), source)
        switchboard.send(response(invite, 486, "Busy Here", "sb1"), source)
        busy, _ = carrier.inbox.expect(lambda m: m.get("Call-ID") == call_id and m.status >= 200)
        if busy is None or busy.status != 486:
            problems.append(f"carrier got {busy.first if busy else 'no final answer'}")
    checks.check("caller for a contact-center number: carrier -> switchboardd, Record-Route, 486 back",
                 problems)

    call_id = uuid.uuid4().hex
    route_set = b_leg(checks, call_id, inside_port, tls_port, switchboard, busy_proxy, proxy, rtpengine)
    if route_set:
        hang_up(checks, call_id, route_set, inside_port, switchboard, proxy, rtpengine)

    from_teams(checks, client_context, tls_port, "+15551230000", carrier, "agent dials out: Teams -> carrier")
    from_teams(checks, client_context, tls_port, "+15550100", switchboard,
               "agent transfers to a queue: Teams -> switchboardd")

    stream = tls_client(client_context, "127.0.0.6", tls_port)
    stream.sendall(tls_request(stream, "OPTIONS", f"sip:localhost:{tls_port}", uuid.uuid4().hex).encode())
    stream.settimeout(2)
    try:
        silent = read_stream(stream) is None
    except (socket.timeout, ssl.SSLError, OSError):
        silent = True
    stream.close()
    checks.check("OPTIONS over TLS from outside Microsoft's ranges gets no answer",
                 [] if silent else ["it was answered"])

    pings = busy_proxy.options + proxy.options
    keepalives = [m for m in pings if f"<sip:localhost:{tls_port};transport=tls>" in m.get("Contact")
                  and "sip:keepalive@localhost" in m.get("From")]
    checks.check("OPTIONS keep-alives to both Microsoft proxies carry the FQDN in Contact and From",
                 [] if busy_proxy.options and proxy.options and len(keepalives) == len(pings)
                 else [f"{len(pings)} keep-alives, {len(keepalives)} with the FQDN",
                       *(pings[0].raw.splitlines() if pings else [])])

    flood(checks, inside_port)

    busy_proxy.options_code = proxy.options_code = 503
    deadline = time.monotonic() + 20
    answer = None
    while time.monotonic() < deadline:
        switchboard.send(switchboard.request("OPTIONS", f"sip:{SBC}:{inside_port}", f"<sip:{SBC}>",
                                             uuid.uuid4().hex), sbc)
        answer, _ = switchboard.inbox.expect(lambda m: m.method == "OPTIONS", timeout=1)
        if answer and answer.status == 503:
            break
    checks.check("switchboardd's trunk ping gets 503 with Retry-After once no Microsoft proxy answers",
                 [] if answer and answer.status == 503 and answer.get("Retry-After")
                 else [f"last answer: {answer.first if answer else 'none'}"])
    return 1 if checks.failures else 0


def b_leg(checks, call_id, inside_port, tls_port, switchboard, busy_proxy, proxy, rtpengine):
    """switchboardd offers a caller to agent +15550201: the first proxy's 503 fails over to the
    second, which answers. Returns the route set for the BYE, or None."""
    sbc = (SBC, inside_port)
    switchboard.send(switchboard.request("INVITE", f"sip:+15550201@{SBC}:{inside_port};user=phone",
                                         f"<sip:+15550201@{SBC};user=phone>", call_id,
                                         body=sdp(SWITCHBOARD, "RTP/AVP")), sbc)
    problems = []
    first, _ = busy_proxy.inbox.expect(lambda m: m.method == "INVITE" and m.get("Call-ID") == call_id)
    invite, _ = proxy.inbox.expect(lambda m: m.method == "INVITE" and m.get("Call-ID") == call_id)
    answer, _ = switchboard.inbox.expect(lambda m: m.get("Call-ID") == call_id and m.status >= 200)
    if first is None:
        problems.append("the first proxy (sip) received no INVITE")
    if invite is None:
        problems.append("the second proxy (sip2) received no INVITE after the first's 503")
    else:
        if not invite.uri.startswith(f"sip:+15550201@{TEAMS}:{proxy.port}"):
            problems.append(f"Request-URI {invite.uri}, expected the proxy's address")
        record_route = invite.get("Record-Route")
        if f"sip:localhost:{tls_port};transport=tls" not in record_route or "sbm=teams" not in record_route:
            problems.append(f"Record-Route {invite.all('Record-Route')}")
        if media_proto(invite.body) != "RTP/SAVP":
            problems.append(f"offer toward Teams: {media_proto(invite.body)!r}, expected RTP/SAVP")
    if answer is None or answer.status != 200:
        problems.append(f"switchboardd got {answer.first if answer else 'no final answer'}")
    elif media_proto(answer.body) != "RTP/AVP":
        problems.append(f"answer toward switchboardd: {media_proto(answer.body)!r}, expected RTP/AVP")
    offers = [c for name, c in rtpengine.commands if name == "offer" and c.get("call-id", b"").decode() == call_id]
    if not offers or offers[0].get("direction") != [b"internal", b"external"]:
        problems.append(f"rtpengine offer: {offers[:1]}")
    checks.check("agent B-leg: switchboardd -> Teams over TLS, failover sip -> sip2 on 503, SBC FQDN in "
                 "Record-Route, SRTP toward Teams, RTP back", problems)
    if problems or answer is None:
        return None
    return list(reversed(answer.all("Record-Route"))), answer


def hang_up(checks, call_id, route_and_answer, inside_port, switchboard, proxy, rtpengine):
    """switchboardd ACKs, re-INVITEs (hold) and hangs up along the route set it got."""
    route_set, answer = route_and_answer
    contact = re.search(r"<([^>]+)>", answer.get("Contact")).group(1)
    to = answer.get("To")
    sbc = (SBC, inside_port)
    route = [f"Route: {', '.join(route_set)}"]
    switchboard.send(switchboard.request("ACK", contact, to, call_id, 1, extra=route), sbc)
    switchboard.send(switchboard.request("INVITE", contact, to, call_id, 2, extra=route,
                                         body=sdp(SWITCHBOARD, "RTP/AVP") + "a=sendonly\r\n"), sbc)
    reinvite, _ = proxy.inbox.expect(lambda m: m.method == "INVITE" and m.get("Call-ID") == call_id
                                     and ";tag=" in m.get("To"))
    reanswer, _ = switchboard.inbox.expect(lambda m: m.get("Call-ID") == call_id and m.method == "INVITE"
                                           and m.status >= 200)
    checks.check("re-INVITE from switchboardd: SRTP offer toward Teams, RTP answer back",
                 [problem for problem, failed in
                  (("Teams got no re-INVITE", reinvite is None),
                   (f"offer toward Teams: {media_proto(reinvite.body) if reinvite else ''!r}",
                    reinvite is not None and media_proto(reinvite.body) != "RTP/SAVP"),
                   (f"switchboardd got {reanswer.first if reanswer else 'no answer'}",
                    reanswer is None or reanswer.status != 200),
                   (f"answer toward switchboardd: {media_proto(reanswer.body) if reanswer else ''!r}",
                    reanswer is not None and media_proto(reanswer.body) != "RTP/AVP")) if failed])
    switchboard.send(switchboard.request("ACK", contact, to, call_id, 2, extra=route), sbc)
    switchboard.send(switchboard.request("BYE", contact, to, call_id, 3, extra=route), sbc)
    bye, _ = proxy.inbox.expect(lambda m: m.method == "BYE" and m.get("Call-ID") == call_id)
    ok, _ = switchboard.inbox.expect(lambda m: m.get("Call-ID") == call_id and m.method == "BYE" and m.status)
    deletes = [name for name, c in rtpengine.commands
               if name == "delete" and c.get("call-id", b"").decode() == call_id]
    checks.check("BYE from switchboardd follows the route set to Teams, 200 back, rtpengine session deleted",
                 [problem for problem, failed in (("Teams got no BYE", bye is None),
                                                  (f"switchboardd got {ok.first if ok else 'no answer'}",
                                                   ok is None or ok.status != 200),
                                                  ("rtpengine got no delete", not deletes)) if failed])


def from_teams(checks, client_context, tls_port, number, peer, description):
    """An INVITE from Teams (a TLS client on 127.0.0.4) reaches the given inside peer, whose 486
    comes back over TLS."""
    call_id = uuid.uuid4().hex
    problems = []
    stream = tls_client(client_context, TEAMS, tls_port)
    stream.sendall(tls_request(stream, "INVITE", f"sip:{number}@localhost:{tls_port};user=phone;transport=tls",
                               call_id, sdp(TEAMS, "RTP/SAVP")).encode())
    invite, source = peer.inbox.expect(lambda m: m.method == "INVITE" and m.get("Call-ID") == call_id)
    if invite is None:
        problems.append("the inside peer received no INVITE")
    else:
        if media_proto(invite.body) != "RTP/AVP":
            problems.append(f"offer toward the inside: {media_proto(invite.body)!r}, expected RTP/AVP")
        if len(invite.all("Record-Route")) != 2:
            problems.append(f"Record-Route {invite.all('Record-Route')}, expected both sides of the SBC")
        peer.send(response(invite, 486, "Busy Here", "in1"), source)
        try:
            final, _ = final_from_stream(stream)
        except (socket.timeout, ssl.SSLError, OSError) as error:
            final = None
            problems.append(f"reading the answer: {error}")
        if final is None or final.status != 486:
            problems.append(f"Teams got {final.first if final else 'no final answer'}")
    stream.close()
    checks.check(description, problems)


def flood(checks, inside_port):
    """A stranger sending 200 requests in a burst is banned: still unanswered 7 s later, after pike
    alone would have let it through again, while another stranger gets 403."""
    flooder = UdpPeer("127.0.0.7")
    sbc = (SBC, inside_port)
    for _ in range(200):
        flooder.send(flooder.request("OPTIONS", f"sip:{SBC}:{inside_port}", f"<sip:{SBC}>", uuid.uuid4().hex), sbc)
    while flooder.inbox.expect(lambda m: True, timeout=0.5)[0] is not None:
        pass
    answered = []
    deadline = time.monotonic() + 7
    while time.monotonic() < deadline:
        flooder.send(flooder.request("OPTIONS", f"sip:{SBC}:{inside_port}", f"<sip:{SBC}>", uuid.uuid4().hex), sbc)
        after, _ = flooder.inbox.expect(lambda m: True, timeout=1.5)
        if after is not None:
            answered.append(after.first)
    other = UdpPeer("127.0.0.8")
    other.send(other.request("OPTIONS", f"sip:{SBC}:{inside_port}", f"<sip:{SBC}>", uuid.uuid4().hex), sbc)
    refused, _ = other.inbox.expect(lambda m: True)
    checks.check("a flooding source stays banned (no answer for 7 s) while another stranger gets 403",
                 [problem for problem, failed in
                  ((f"flooder answered: {answered}", bool(answered)),
                   (f"other stranger got {refused.first if refused else 'no answer'}",
                    refused is None or refused.status != 403)) if failed])


if __name__ == "__main__":
    sys.exit(main())
