import SIPCore
import SwitchboardTestKit
import Testing
@testable import Switchboard

@Suite("SIP responses and transaction timeouts in /metrics")
struct SIPMetricsTests {
    /// The value of the one sample whose line starts with `series` followed by a space.
    private func sample(_ series: String, of harness: CallHarness) -> Double? {
        let metrics = SwitchboardMetrics()
        StatusGauges(factory: metrics.factory).refresh(responsesSent: harness.layer.responsesSent,
                                                       transactionTimeouts: harness.layer.transactionTimeouts)
        return metrics.exposition().split(separator: "\n").first { $0.hasPrefix(series + " ") }
            .flatMap { Double($0.dropFirst(series.count + 1)) }
    }

    @Test func eachResponseSentCountsOnceByCode() throws {
        let harness = try CallHarness()
        let caller = harness.caller(calling: TestQueues.lobby)
        harness.receive(caller.invite)
        harness.receive(caller.invite)
        let terminated = try #require(harness.receive(caller.cancel()).responses.last)
        harness.receive(caller.ack(forFailure: terminated))

        #expect(sample(#"switchboard_sip_responses_sent_total{code="100"}"#, of: harness) == 1, "a retransmitted INVITE is not a new response")
        #expect(sample(#"switchboard_sip_responses_sent_total{code="180"}"#, of: harness) == 1)
        #expect(sample(#"switchboard_sip_responses_sent_total{code="200"}"#, of: harness) == 1)
        #expect(sample(#"switchboard_sip_responses_sent_total{code="487"}"#, of: harness) == 1)
        #expect(sample("switchboard_sip_transaction_timeouts_total", of: harness) == 0)
    }

    @Test func anAgentLegThatNeverAnswersTimesOut() throws {
        let harness = try CallHarness()
        let caller = harness.caller(calling: TestQueues.sales)
        #expect(try #require(harness.receive(caller.invite).requests(.invite).first).method == .invite)
        harness.advance(by: harness.layer.timers.t1 * 64 + .seconds(1))
        #expect(sample("switchboard_sip_transaction_timeouts_total", of: harness) == 1, "Timer B of the unanswered B-leg INVITE")
    }
}
