import ACD
import B2BUA
import Logging
import SIPCore
import SwitchboardTestKit
import Testing

extension CallHarness {
    /// A trunk monitor on the harness's SBC, wired as the coordinator wires it, not yet started.
    func monitorTrunk(optionsInterval: Duration = .seconds(10), downAfterFailures: Int = 2) -> TrunkMonitor {
        let trunk = MonitoredTrunk(name: "sbc", destination: sbc, uriHost: Self.sbcHost, localHost: Self.switchboardHost, localPort: 5060,
                                   optionsInterval: optionsInterval, downAfterFailures: downAfterFailures)
        let monitor = TrunkMonitor(stack: layer, trunks: [trunk], logger: Logger(label: "trunk-tests") { _ in SwiftLogNoOpLogHandler() })
        let router = router
        router.trunkFeedback.observer = { [unowned monitor] in monitor.record($0, trunk: "sbc") }
        monitor.onChange = { _, isUp in router.trunkAvailabilityChanged(isUp: isUp) }
        return monitor
    }
}

/// An SBC outage in process: B-leg INVITEs and OPTIONS pings go unanswered, the trunk goes down,
/// offers stop without charging any agent, and resume at the trunk's first answer.
@Suite("Trunk outages")
struct TrunkOutageTests {
    @Test func silentBLegsTakeTheTrunkDownAndTheFirstAnsweredPingResumesOffers() throws {
        let harness = try CallHarness()
        let monitor = harness.monitorTrunk()
        monitor.start()
        let firstPing = try #require(harness.sender.takeSent().requests(.options).first)
        #expect(firstPing.requestURI.user == nil)
        #expect(harness.receive(SIPResponse(replyingTo: firstPing, statusCode: 200, toTag: "sbc")).summary == [])

        let caller = harness.caller(calling: TestQueues.support)
        var sent = harness.receive(caller.invite)
        var invites = Set(sent.requests(.invite).map(\.headers.callID))
        #expect(invites.count == 1)
        sent = harness.advance(by: TestQueues.ringTimeout + .milliseconds(20))
        sent += harness.advance(by: .seconds(2))
        invites.formUnion(sent.requests(.invite).map(\.headers.callID))
        #expect(invites.count == 2, "one trunk failure: the caller is offered again after the retry delay")
        #expect(monitor.states.first?.isUp == true)
        sent = harness.advance(by: TestQueues.ringTimeout + .milliseconds(20))
        #expect(monitor.states.first?.isUp == false, "two trunk failures in a row")

        sent += harness.advance(by: .seconds(20))
        #expect(Set(sent.requests(.invite).map(\.headers.callID)).isSubset(of: invites), "no new offer while the trunk is down")
        for agent in ["alice", "bob"] {
            let snapshot = try #require(harness.distributor.agent(agent))
            #expect(snapshot.backOffUntil == nil && snapshot.consecutiveMisses == 0 && snapshot.status == .available)
        }

        let ping = try #require(sent.requests(.options).last)
        let resumed = harness.receive(SIPResponse(replyingTo: ping, statusCode: 200, toTag: "sbc"))
        #expect(monitor.states.first?.isUp == true)
        let offer = try #require(resumed.requests(.invite).first, "offered at the trunk's first answer")
        #expect(!invites.contains(offer.headers.callID))
        monitor.stop()
    }

    @Test("Unanswered pings take the trunk down; a 503 keeps it down; any other answer brings it up", arguments: [200, 404, 405])
    func pingsAlone(answer: Int) throws {
        let harness = try CallHarness()
        let monitor = harness.monitorTrunk(optionsInterval: .seconds(5))
        monitor.start()
        harness.advance(by: harness.layer.timers.t1 * 64 + .seconds(5) + .milliseconds(20))
        #expect(monitor.states.first?.isUp == true, "one timeout is not an outage")
        var sent = harness.advance(by: harness.layer.timers.t1 * 64 + .milliseconds(20))
        #expect(monitor.states.first?.isUp == false)

        let caller = harness.caller(calling: TestQueues.support)
        #expect(harness.receive(caller.invite).summary == ["100 INVITE", "180 INVITE"], "queued, not offered")
        sent += harness.advance(by: .seconds(5))
        let unavailable = try #require(sent.requests(.options).last)
        #expect(harness.receive(SIPResponse(replyingTo: unavailable, statusCode: 503, toTag: "sbc")).requests(.invite).isEmpty)
        #expect(monitor.states.first?.isUp == false)

        let next = try #require(harness.advance(by: .seconds(5) + .milliseconds(20)).requests(.options).last)
        let resumed = harness.receive(SIPResponse(replyingTo: next, statusCode: answer, toTag: "sbc"))
        #expect(monitor.states.first?.isUp == true)
        #expect(resumed.requests(.invite).count == 1)
        monitor.stop()
    }
}
