#!/usr/bin/env python3
"""Checks the burst of tests/blackbox/calls.sh: no agent was offered a call while busy with another.

The Teams UAS logs "<seconds> <microseconds> start <agent>" when a B-leg INVITE reaches an agent
(tests/sipp/calls/agent-answers.xml); each caller logs "<seconds> <microseconds> end <agent>" just
before its BYE leaves (tests/sipp/calls/caller.xml). Both read the same wall clock. An agent is busy
from its INVITE until its caller's BYE, and switchboardd frees the agent only once that BYE arrived,
so on a correct daemon every "start" of an agent comes after the "end" of its previous call, however
late the messages travel. Two "start"s of one agent without an "end" between them mean the agent
rang (or was offered a call while talking) twice at once.

usage: agent_overlap.py --calls N AGENT_LOG CALLER_LOG
"""
import argparse
import re
import sys
from collections import defaultdict

EVENT = re.compile(r"^(\d+)(?:\.\d+)? (\d+)(?:\.\d+)? (start|end) (\+\d+)$")


def read_events(path, kind):
    """The (microseconds, kind, agent) events of one log; any other line is an error."""
    events = []
    with open(path) as log:
        for number, line in enumerate(log, 1):
            line = line.strip()
            if not line:
                continue
            match = EVENT.match(line)
            if not match or match.group(3) != kind:
                sys.exit(f"{path}:{number}: not a '{kind}' event: {line!r}")
            seconds, microseconds, _, agent = match.groups()
            events.append((int(seconds) * 1_000_000 + int(microseconds), kind, agent))
    return events


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, required=True, help="answered calls expected")
    parser.add_argument("agent_log")
    parser.add_argument("caller_log")
    arguments = parser.parse_args()

    starts = read_events(arguments.agent_log, "start")
    ends = read_events(arguments.caller_log, "end")
    problems = []
    if len(starts) != arguments.calls:
        problems.append(f"{len(starts)} B-leg INVITEs reached the agents, expected {arguments.calls}")
    if len(ends) != arguments.calls:
        problems.append(f"{len(ends)} callers hung up, expected {arguments.calls}")

    busy_since = {}
    calls = defaultdict(int)
    for instant, kind, agent in sorted(starts + ends):
        if kind == "start":
            if agent in busy_since:
                problems.append(f"{agent} offered a call at {instant} us while busy since {busy_since[agent]} us")
            busy_since[agent] = instant
            calls[agent] += 1
        elif busy_since.pop(agent, None) is None:
            problems.append(f"a caller talking to {agent} hung up at {instant} us, but {agent} had no call")

    for problem in problems:
        print(f"agent_overlap: {problem}", file=sys.stderr)
    summary = ", ".join(f"{agent} {count}" for agent, count in sorted(calls.items()))
    print(f"agent_overlap: calls per agent: {summary}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
