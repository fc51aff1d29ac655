import ACD
import B2BUA
import SIPCore
import SwitchboardTestKit
import Testing
@testable import Switchboard

/// A harness whose distributor records into its own registry.
private struct MeteredHarness {
    let harness: CallHarness
    let metrics = SwitchboardMetrics()
    let gauges: QueueGauges

    init() throws {
        harness = try CallHarness()
        let queues = TestQueues.configuration.queues.map(\.id)
        let calls = CallMetrics(factory: metrics.factory, queues: queues)
        harness.distributor.metrics = calls
        harness.log.forward = { calls.finished($0) }
        gauges = QueueGauges(factory: metrics.factory, queues: queues)
    }

    /// The value of the one sample whose line starts with `series` followed by a space.
    func sample(_ series: String) -> Double? {
        gauges.refresh(from: harness.distributor.engine, now: harness.distributor.engineNow)
        return metrics.exposition().split(separator: "\n").first { $0.hasPrefix(series + " ") }
            .flatMap { Double($0.dropFirst(series.count + 1)) }
    }
}

@Suite("Call and queue series")
struct CallMetricsTests {
    @Test func anAnsweredCallCountsOnceWithItsWaitAndTalkTime() throws {
        let metered = try MeteredHarness()
        let harness = metered.harness
        let caller = harness.caller(calling: TestQueues.sales)
        let invite = try #require(harness.receive(caller.invite).requests(.invite).first)
        #expect(metered.sample("switchboard_calls_started_total") == 1)
        #expect(metered.sample(#"switchboard_queue_waiting_callers{queue="sales"}"#) == 1)
        #expect(metered.sample(#"switchboard_agents{state="reserved"}"#) == 1)
        harness.advance(by: .seconds(25))
        #expect(metered.sample(#"switchboard_queue_oldest_wait_seconds{queue="sales"}"#).map { $0 >= 25 } == true)
        #expect(metered.sample("switchboard_presence_age_seconds").map { $0 >= 25 } == true)

        let agent = harness.agent(answering: invite)
        let ok = try #require(harness.receive(agent.ok()).responses.first)
        var callerDialog = caller.dialog(answeredBy: ok)
        harness.receive(callerDialog.ack(sequenceNumber: 1))
        #expect(metered.sample(#"switchboard_agents{state="on_call"}"#) == 1)
        harness.advance(by: .seconds(90))
        let bye = try #require(harness.receive(callerDialog.request(.bye)).requests(.bye).first)
        harness.receive(agent.response(to: bye))

        #expect(metered.sample(#"switchboard_queue_answered_total{queue="sales"}"#) == 1)
        #expect(metered.sample(#"switchboard_queue_abandoned_total{queue="sales"}"#) == 0)
        #expect(metered.sample(#"switchboard_queue_wait_seconds_count{queue="sales"}"#) == 1)
        #expect(metered.sample(#"switchboard_queue_wait_seconds_bucket{queue="sales",le="20.0"}"#) == 0)
        #expect(metered.sample(#"switchboard_queue_wait_seconds_bucket{queue="sales",le="30.0"}"#) == 1)
        #expect(metered.sample(#"switchboard_queue_talk_seconds_bucket{queue="sales",le="60.0"}"#) == 0)
        #expect(metered.sample(#"switchboard_queue_talk_seconds_bucket{queue="sales",le="120.0"}"#) == 1)
        #expect(metered.sample(#"switchboard_queue_service_level_ratio{queue="sales"}"#) == 0, "answered after the 20 s threshold")
        #expect(metered.sample(#"switchboard_queue_waiting_callers{queue="sales"}"#) == 0)
    }

    @Test func aCallerWhoHangsUpWhileQueuedIsAbandoned() throws {
        let metered = try MeteredHarness()
        let harness = metered.harness
        let caller = harness.caller(calling: TestQueues.lobby)
        harness.receive(caller.invite)
        harness.advance(by: .seconds(7))
        let terminated = try #require(harness.receive(caller.cancel()).responses.last)
        harness.receive(caller.ack(forFailure: terminated))

        #expect(metered.sample("switchboard_calls_started_total") == 1)
        #expect(metered.sample(#"switchboard_queue_abandoned_total{queue="lobby"}"#) == 1)
        #expect(metered.sample(#"switchboard_queue_answered_total{queue="lobby"}"#) == 0)
        #expect(metered.sample(#"switchboard_queue_wait_seconds_bucket{queue="lobby",le="5.0"}"#) == 0)
        #expect(metered.sample(#"switchboard_queue_wait_seconds_bucket{queue="lobby",le="10.0"}"#) == 1)
        #expect(metered.sample(#"switchboard_queue_talk_seconds_count{queue="lobby"}"#) == 0)
        #expect(metered.sample(#"switchboard_queue_service_level_ratio{queue="lobby"}"#) == 0)
    }
}

@Suite("Callback series")
struct CallbackMetricsTests {
    @Test func aRequestAndAFinalFailureCountInTheirQueue() {
        let registry = SwitchboardMetrics()
        let calls = CallMetrics(factory: registry.factory, queues: ["sales", "support"])
        let terms = CallbackConfiguration(key: "2")
        calls.observe([.callbackAccepted("a", queue: "sales", position: 3, callback: terms),
                       .callbackAccepted("b", queue: "sales", position: 4, callback: terms)])
        calls.observe([.callbackRetry("a", queue: "sales", attempt: 2, at: ACDInstant(secondsSinceEpoch: 0)),
                       .callerFinished("a", .callbackFailed(queue: "sales", attempts: 3))])
        let lines = registry.exposition().split(separator: "\n")
        func sample(_ series: String) -> Double? {
            lines.first { $0.hasPrefix(series + " ") }.flatMap { Double($0.dropFirst(series.count + 1)) }
        }
        #expect(sample(#"switchboard_queue_callbacks_requested_total{queue="sales"}"#) == 2)
        #expect(sample(#"switchboard_queue_callbacks_failed_total{queue="sales"}"#) == 1)
        #expect(sample(#"switchboard_queue_callbacks_requested_total{queue="support"}"#) == 0)
        #expect(sample(#"switchboard_queue_abandoned_total{queue="sales"}"#) == 0, "a failed callback is not an abandon")
    }
}
