import ControlModel
import Foundation
@testable import SwitchboardCLI
import SwitchboardTestKit
import Testing

@Suite("switchboard: tables and the watch frame")
struct CLIRenderTests {
    @Test("agents: one aligned row each, with why")
    func agents() {
        #expect(Render.agents(FakeControlSurface.agents) == """
            AGENT  STATUS           STATE      PRESENCE                         TODAY  ROUTABLE  WHY
            alice  onBreak (lunch)  idle       Available/Available (1m05s ago)  4      no        on a break (lunch)
            bob    available        onCall c0  unknown                          1      no        on call c0

            """)
    }

    @Test("queues: state, waiting, staffing, EWT, service level, ASA, AHT, abandon rate")
    func queues() {
        #expect(Render.queues([FakeControlSurface.support]) == """
            QUEUE    STATE  WAITING  READY  STAFFED  EWT    SL   ASA  AHT    ABANDONED
            support  open   1        0      1/2      1m30s  75%  13s  3m05s  11%

            """)
    }

    @Test("durations for people", arguments: [(0.4, "0s"), (45, "45s"), (65, "1m05s"), (3_725, "1h02m"), (90_000, "1d01h")])
    func durations(seconds: Double, text: String) {
        #expect(Format.duration(seconds) == text)
    }

    @Test("a watch frame clears the screen and draws queues, waiting callers, agents and calls")
    func watchFrame() {
        let frame = WatchFrame(status: FakeControlSurface.status, queues: [FakeControlSurface.support], agents: FakeControlSurface.agents,
                               calls: [FakeControlSurface.call])
        let text = frame.render(interval: 2, at: Date(timeIntervalSince1970: 1_765_000_000))
        #expect(text.hasPrefix("\u{1B}[H\u{1B}[2J"))
        let lines = text.dropFirst(WatchFrame.clearScreen.count).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "switchboardd 0.9.0 up 2m05s  calls 1 (1 waiting)  trunks sbc up  presence ok")
        for heading in ["QUEUES", "WAITING CALLERS", "AGENTS", "CALLS"] { #expect(lines.contains(heading)) }
        #expect(lines.contains { $0.hasPrefix("support  1    c1    +4930123  42s") })
        #expect(lines.contains { $0.hasPrefix("c1    support  +4930123  waiting  -      42s") })
        #expect(lines.last(where: { !$0.isEmpty }) == "2025-12-06T05:46:40Z, every 2s; Ctrl-C ends")
    }
}
