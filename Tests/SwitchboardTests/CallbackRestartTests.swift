import ACD
import B2BUA
import CallStore
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import SIPCore
@testable import Switchboard
import SwitchboardTestKit
import Testing
import TeamsPresence

@Suite("Callback: a pending callback survives a restart")
struct CallbackRestartTests {
    /// The number of queue `back`: carol, answered hold, a callback on `*` (3 attempts, 30 s apart, 10 s of ringing).
    static let number = "+15550130"
    static let terms = CallbackConfiguration(key: "*", maximumAttempts: 3, retryInterval: .seconds(30), ringTimeout: .seconds(10))

    private static func queues(maxWait: Duration? = nil) -> ACDConfiguration {
        var queues = TestQueues.configuration
        var back = QueueConfiguration(id: "back", numbers: [number], members: [QueueMember(agent: "carol")], ringTimeout: .seconds(120))
        back.callback = terms
        back.maxWait = maxWait
        queues.queues.append(back)
        return queues
    }

    /// A stored harness with answered hold and callback media on queue `back`.
    private func harness(in directory: URL? = nil, maxWait: Duration? = nil) throws -> (StoredHarness, FakeHoldMedia, FakeCallbackMedia) {
        let stored = try StoredHarness(queues: Self.queues(maxWait: maxWait), directory: directory)
        let hold = FakeHoldMedia(queues: ["back"])
        stored.harness.router.holdMedia = hold
        let media = FakeCallbackMedia()
        stored.harness.router.callbackMedia = media
        return (stored, hold, media)
    }

    /// A caller on hold in `back` (carol away) presses *, hears the confirmation and is hung up.
    /// Restores `pending` (with `entry`'s record and stored offers) as start-up does: the router's
    /// call, the recorder, then the engine; returns the engine's restored and released counts.
    private func restore(_ pending: PendingCallback, of entry: KeptCallback, into stored: StoredHarness,
                         terms: CallbackConfiguration?) -> (restored: Int, released: Int) {
        stored.harness.router.restoreCallback(SwitchboardCoordinator.restoredCall(pending, terms: terms))
        stored.recorder.restore(pending, record: entry.record, offers: entry.offers)
        return stored.harness.distributor.restore(callbacks: [SwitchboardCoordinator.engineEntry(pending)])
    }

    private func askForCallback(_ stored: StoredHarness, _ hold: FakeHoldMedia, _ media: FakeCallbackMedia) throws -> SBCCaller {
        let harness = stored.harness
        harness.distributor.presenceChanged(agentID: "carol", presence: TeamsPresence(availability: .away, activity: .away),
                                            observedAt: harness.router.now)
        let caller = harness.caller(calling: Self.number)
        let dialog = caller.dialog(answeredBy: try #require(harness.receive(caller.invite).responses.last))
        harness.receive(dialog.ack(sequenceNumber: 1))
        hold.press("*", on: caller.callID)
        media.finishConfirmations()
        let bye = try #require(harness.sender.takeSent().requests(.bye).first)
        harness.receive(dialog.response(to: bye))
        return caller
    }

    @Test func theEntryIsStoredRestoredAtStartUpAndCalledBackAgentFirst() throws {
        let (first, firstHold, firstMedia) = try harness()
        defer { first.remove() }
        let caller = try askForCallback(first, firstHold, firstMedia)
        first.writer.flush()
        let pending = try #require(try first.store.pendingCallbacks().first)
        #expect(pending.callID == caller.callID)
        #expect(pending.queue == "back")
        #expect(pending.callerNumber == "+15551230000")
        #expect(pending.dialedNumber == Self.number)
        #expect(pending.trunk == "udp:\(CallHarness.sbcHost):5060")
        #expect(pending.attempts == 0 && pending.nextAttemptAt == nil)
        first.writer.close()

        let (second, _, media) = try harness(in: first.directory)
        #expect(try second.store.closeInterruptedCalls(at: Date()) == 0, "the entry's record stays open")
        let kept = try SwitchboardCoordinator.keptCallbacks(in: second.store)
        #expect(kept.map(\.pending) == [pending])
        let entry = try #require(kept.first)
        #expect(restore(entry.pending, of: entry, into: second, terms: Self.terms) == (1, 0))
        #expect(second.harness.router.liveCounts.calls == 1)

        let invite = try #require(second.harness.sender.takeSent().requests(.invite).first, "carol is free: offered the entry at once")
        #expect(invite.requestURI.user == TestQueues.numbers["carol"], "the agent is called first")
        #expect(invite.body == FakeCallbackMedia.offer)
        let carol = second.harness.agent(answering: invite)
        let callBack = try #require(second.harness.receive(carol.ok()).requests(.invite).last, "then the caller")
        #expect("\(callBack.requestURI)" == "sip:+15551230000@\(CallHarness.sbcHost);user=phone")
        #expect(callBack.headers.from.uri.user == Self.number, "From: the number the caller dialled before the restart")
        #expect(media.connected == [1])
        let phone = second.harness.agent(answering: callBack)
        let reinvite = try #require(second.harness.receive(phone.ok(sdp: CallbackFlowTests.callerAnswer)).requests(.invite).first)
        var carolDialog = carol.dialog()
        second.harness.receive(carolDialog.response(to: reinvite, sdp: AgentLeg.answer(for: carol.number)))
        let bye = second.harness.receive(carolDialog.request(.bye))
        #expect(bye.summary == ["200 BYE", "BYE"])
        second.harness.receive(phone.response(to: try #require(bye.requests(.bye).first)))
        #expect(second.harness.log.records.map(\.callbackAttempts) == [1])
        let (calls, lines) = try second.stored()
        let records = calls.filter { $0.callID == caller.callID }
        #expect(records.map(\.outcome) == [.completed], "one record for the call, not interrupted")
        #expect(records.first?.cause == "BYE (called back, attempt 1)")
        #expect(records.first?.arrivedAt == pending.arrivedAt)
        #expect(records.first?.dialedNumber == Self.number)
        #expect(try second.store.pendingCallbacks().isEmpty, "forgotten once the call back connected")
        let events = lines.filter { $0.contains("|\(caller.callID)|") }.map { $0.split(separator: "|", omittingEmptySubsequences: false)[4] }
        #expect(events == ["ENTERQUEUE", "CALLBACKREQUESTED", "CONNECT", "COMPLETEAGENT"])
        second.remove()
    }

    @Test func anEntryWhoseMaxWaitPassedWhileTheDaemonWasDownIsReleasedAndRecorded() throws {
        let (first, firstHold, firstMedia) = try harness()
        defer { first.remove() }
        let caller = try askForCallback(first, firstHold, firstMedia)
        first.writer.close()

        let (second, _, _) = try harness(in: first.directory, maxWait: .seconds(300))
        let entry = try #require(try SwitchboardCoordinator.keptCallbacks(in: second.store).first)
        var pending = entry.pending
        pending.enteredQueueAt = pending.enteredQueueAt.addingTimeInterval(-301)
        #expect(restore(pending, of: entry, into: second, terms: Self.terms) == (1, 0))
        #expect(second.harness.sender.takeSent().isEmpty, "nothing goes to the caller, who is gone")
        #expect(second.harness.router.liveCounts.calls == 0)
        let (calls, lines) = try second.stored()
        let record = try #require(calls.first { $0.callID == caller.callID })
        #expect(record.outcome == .released)
        #expect(record.cause == "480 Queue timeout")
        #expect(lines.contains { $0.contains("|\(caller.callID)|back|NONE|EXITWITHTIMEOUT|") }, "\(lines)")
        #expect(try second.store.pendingCallbacks().isEmpty)
        second.remove()
    }

    @Test func anEntryOfAQueueThatNoLongerOffersCallbacksIsReleasedAndRecorded() throws {
        let (first, firstHold, firstMedia) = try harness()
        defer { first.remove() }
        let caller = try askForCallback(first, firstHold, firstMedia)
        first.writer.close()

        let second = try StoredHarness(queues: TestQueues.configuration, directory: first.directory)
        let entry = try #require(try SwitchboardCoordinator.keptCallbacks(in: second.store).first)
        #expect(restore(entry.pending, of: entry, into: second, terms: nil) == (0, 1))
        #expect(second.harness.sender.takeSent().isEmpty, "nothing goes to the caller, who is gone")
        let record = try #require(try second.stored().calls.first { $0.callID == caller.callID })
        #expect(record.outcome == .released)
        #expect(record.cause == "480 Callback no longer offered by back")
        #expect(try second.store.pendingCallbacks().isEmpty)
        second.remove()
    }

    @Test func aDrainWaitsForCallersButNotForEntriesAwaitingAnAgent() throws {
        let (stored, hold, media) = try harness()
        defer { stored.remove() }
        let harness = stored.harness
        harness.distributor.presenceChanged(agentID: "carol", presence: TeamsPresence(availability: .away, activity: .away),
                                            observedAt: harness.router.now)
        let caller = harness.caller(calling: Self.number)
        let dialog = caller.dialog(answeredBy: try #require(harness.receive(caller.invite).responses.last))
        harness.receive(dialog.ack(sequenceNumber: 1))
        let drained = NIOLockedValueBox(false)
        harness.router.drain(minimum: .zero, maximum: .seconds(60)).whenSuccess { drained.withLockedValue { $0 = true } }
        harness.advance(by: .seconds(1))
        #expect(!drained.withLockedValue { $0 }, "a caller on hold is a call in progress")
        hold.press("*", on: caller.callID)
        media.finishConfirmations()
        harness.receive(dialog.response(to: try #require(harness.sender.takeSent().requests(.bye).first)))
        harness.advance(by: CallRouter.drainCheckInterval)
        #expect(drained.withLockedValue { $0 }, "only a callback entry awaiting an agent is left: the store keeps it")
        #expect(harness.router.liveCounts.calls == 1)
        stored.writer.flush()
        #expect(try stored.store.pendingCallbacks().map(\.callID) == [caller.callID])
    }
}
