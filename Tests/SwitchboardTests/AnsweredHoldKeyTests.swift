import ACD
import B2BUA
import CallStore
import SIPCore
import SwitchboardTestKit
import Testing

/// The exit key end to end in process: the router, the real queue engine and a fake media edge.
@Suite("Answered hold: the exit key")
struct AnsweredHoldKeyTests {
    /// `lobby` (no agents) answers its callers; `0` sends them to `target`.
    private func harness(exitTo target: OverflowTarget) throws -> (CallHarness, FakeHoldMedia) {
        var queues = TestQueues.configuration
        queues.queues[1].exitKey = "0"
        queues.queues[1].overflowTargets = [.exitKey: target]
        let harness = try CallHarness(queues: queues)
        let media = FakeHoldMedia(queues: ["lobby"])
        harness.router.holdMedia = media
        return (harness, media)
    }

    /// A caller answered on hold in `lobby`, the ACK sent.
    private func onHold(_ harness: CallHarness) throws -> (SBCCaller, SIPTestDialog) {
        let caller = harness.caller(calling: TestQueues.lobby)
        let arrived = harness.receive(caller.invite)
        #expect(arrived.summary == ["100 INVITE", "200 INVITE"])
        let dialog = caller.dialog(answeredBy: try #require(arrived.responses.last))
        harness.receive(dialog.ack(sequenceNumber: 1))
        return (caller, dialog)
    }

    @Test func theExitKeyMovesTheCallerToTheTargetQueueStillAnswered() throws {
        let (harness, media) = try harness(exitTo: .queue("sales", keepPosition: true))
        let (caller, _) = try onHold(harness)
        media.press("5", on: caller.callID)
        #expect(harness.sender.takeSent().isEmpty, "not the exit key: nothing happens")
        media.press("0", on: caller.callID)
        let moved = harness.sender.takeSent()
        #expect(moved.summary == ["INVITE"], "sales offers the caller to carol; no BYE, no second 200")
        #expect(moved.requests(.invite).first?.requestURI.user == TestQueues.numbers["carol"])
        #expect(media.stopped.isEmpty, "the caller keeps the stream while waiting in sales")
    }

    @Test func theExitKeyToHangUpEndsTheAnsweredCallerWithBYE() throws {
        let (harness, media) = try harness(exitTo: .hangUp(announcement: nil))
        let (caller, dialog) = try onHold(harness)
        media.press("0", on: caller.callID)
        let sent = harness.sender.takeSent()
        #expect(sent.summary == ["BYE"])
        harness.receive(dialog.response(to: try #require(sent.requests(.bye).first)))
        #expect(harness.log.records.map(\.outcome) == [.released(statusCode: 480, reason: "Queue exitKey")])
        #expect(media.stopped == [caller.callID])
        harness.expectNothingHeldAfterLinger()
    }

    @Test func anINFODTMFRelayKeyIsAnswered200AndActsAsTheKey() throws {
        let (harness, _) = try harness(exitTo: .hangUp(announcement: nil))
        var (_, dialog) = try onHold(harness)
        let other = harness.receive(dialog.request(.info, body: Array("<x/>".utf8), contentType: "application/xml"))
        #expect(other.summary == ["415 INFO"])
        #expect(other.responses.first?.headers["Accept"] == ["application/dtmf-relay"])
        let empty = harness.receive(dialog.request(.info, body: Array("Duration=160\r\n".utf8), contentType: "application/dtmf-relay"))
        #expect(empty.summary == ["400 INFO"])
        let wrongKey = harness.receive(dialog.request(.info, body: Array("Signal=7\r\nDuration=160\r\n".utf8), contentType: "application/dtmf-relay"))
        #expect(wrongKey.summary == ["200 INFO"])
        let exit = harness.receive(dialog.request(.info, body: Array("Signal=0\r\nDuration=160\r\n".utf8), contentType: "Application/DTMF-Relay"))
        #expect(exit.summary == ["200 INFO", "BYE"])
        harness.receive(dialog.response(to: try #require(exit.requests(.bye).first)))
        #expect(harness.log.records.map(\.outcome) == [.released(statusCode: 480, reason: "Queue exitKey")])
    }

    @Test func theExitKeyToANumberHangsUpTheAnsweredCallerAsAnyOverflowToANumberDoes() throws {
        let (harness, media) = try harness(exitTo: .number("+15550999"))
        let (caller, _) = try onHold(harness)
        media.press("0", on: caller.callID)
        #expect(harness.sender.takeSent().summary == ["BYE"], "a 302 is no longer possible after the 200")
        #expect(harness.log.records.map(\.outcome) == [.released(statusCode: 480, reason: "Cannot redirect an answered call to +15550999")])
    }
}

@Suite("Answered hold: the exit key in the store")
struct AnsweredHoldKeyStoreTests {
    @Test("the exit key: EXITWITHKEY with the key, position and wait, and the record released by Switchboard")
    func exitWithKey() throws {
        let lobby = QueueConfiguration(id: "lobby", numbers: [TestQueues.lobby], members: [],
                                       overflowTargets: [.exitKey: .hangUp(announcement: nil)])
        var queues = ACDConfiguration(queues: [lobby], agents: [])
        queues.queues[0].exitKey = "#"
        let stored = try StoredHarness(queues: queues)
        defer { stored.remove() }
        let harness = stored.harness
        let media = FakeHoldMedia(queues: ["lobby"])
        harness.router.holdMedia = media
        let caller = harness.caller(calling: TestQueues.lobby)
        let answer = try #require(harness.receive(caller.invite).responses.last)
        let dialog = caller.dialog(answeredBy: answer)
        harness.receive(dialog.ack(sequenceNumber: 1))
        harness.advance(by: .seconds(7))
        media.press("1", on: caller.callID)
        media.press("#", on: caller.callID)
        let bye = try #require(harness.sender.takeSent().requests(.bye).first)
        harness.receive(dialog.response(to: bye))

        let record = try #require(try stored.stored().calls.first)
        #expect(record.outcome == .released)
        #expect(record.endedBy == .switchboard)
        #expect(record.cause == "480 Queue exitKey")
        #expect(try stored.events() == [
            "\(caller.callID)|lobby|NONE|ENTERQUEUE||+15551230000|1",
            "\(caller.callID)|lobby|NONE|EXITWITHKEY|#|1|1|7",
        ])
    }

    @Test("the exit key to a queue: the record and the connected call's lines are the target queue's")
    func exitToQueue() throws {
        var queues = TestQueues.configuration
        queues.queues[1].exitKey = "0"
        queues.queues[1].overflowTargets = [.exitKey: .queue("sales", keepPosition: true)]
        let stored = try StoredHarness(queues: queues)
        defer { stored.remove() }
        let harness = stored.harness
        let media = FakeHoldMedia(queues: ["lobby"])
        harness.router.holdMedia = media
        let caller = harness.caller(calling: TestQueues.lobby)
        let answer = try #require(harness.receive(caller.invite).responses.last)
        var dialog = caller.dialog(answeredBy: answer)
        harness.receive(dialog.ack(sequenceNumber: 1))
        media.press("0", on: caller.callID)
        let invite = try #require(harness.sender.takeSent().requests(.invite).first)
        let carol = harness.agent(answering: invite)
        let reinvite = try #require(harness.receive(carol.ok()).requests(.invite).first)
        harness.receive(dialog.response(to: reinvite, sdp: SBCCaller.offer))
        let bye = harness.receive(dialog.request(.bye))
        harness.receive(carol.response(to: try #require(bye.requests(.bye).first)))

        let record = try #require(try stored.stored().calls.first)
        #expect(record.outcome == .completed)
        #expect(record.queue == "sales", "the queue the caller reached, not the one dialled")
        #expect(record.agent == "carol")
        let events = try stored.events()
        #expect(events.map { $0.split(separator: "|").prefix(4).joined(separator: "|") } == [
            "\(caller.callID)|lobby|NONE|ENTERQUEUE", "\(caller.callID)|lobby|NONE|EXITWITHKEY",
            "\(caller.callID)|sales|NONE|ENTERQUEUE", "\(caller.callID)|sales|carol|CONNECT", "\(caller.callID)|sales|carol|COMPLETECALLER",
        ])
    }
}
