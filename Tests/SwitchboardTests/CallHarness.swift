import ACD
import B2BUA
import Logging
import NIOCore
import SIPCore
import SIPStack
import SIPTransaction
import SIPTransport
import Switchboard
import SwitchboardTestKit
import TeamsPresence

/// Switchboard's call runtime in-process: the call router over a transaction layer whose wire is a
/// loopback sender, the real ACD engine behind it, every agent Available. One SBC at `sbc` is the
/// caller's side and the trunk to Teams alike. Time is the embedded loop's virtual clock.
final class CallHarness {
    /// The SBC's address.
    static let sbcHost = "192.0.2.10"
    /// Switchboard's address toward the SBC.
    static let switchboardHost = "192.0.2.1"

    /// Calls the router finished, in order.
    final class RecordLog {
        var records: [CallRecord] = []
        /// Also hands each record here (to a call recorder).
        var forward: ((CallRecord) -> Void)?
    }

    /// The wall-clock instant the engine's clock counts from.
    static let epoch = ACDInstant(secondsSinceEpoch: 1_750_000_000)

    let sbc: SIPPeerAddress
    let sender = LoopbackMessageSender()
    let layer: TransactionLayer
    let distributor: ACDCallDistributor
    let router: CallRouter
    let log: RecordLog

    init(queues: ACDConfiguration = TestQueues.configuration, maximumConcurrentCalls: Int = 100, maximumWaitingCalls: Int = 100) throws {
        sbc = try SIPPeerAddress(transport: .udp, host: Self.sbcHost, port: 5060)
        let logger = Logger(label: "switchboard-tests") { _ in SwiftLogNoOpLogHandler() }
        layer = TransactionLayer(sender: sender, timers: TransactionTimers(), logger: logger)
        distributor = try ACDCallDistributor(configuration: queues, wheel: layer.timerWheel,
                                             epoch: Self.epoch, logger: logger)
        var queueByNumber: [String: String] = [:]
        for queue in queues.queues {
            for number in queue.numbers { queueByNumber[number] = queue.id.rawValue }
        }
        let configuration = CallRouterConfiguration(trunk: sbc, trunkURIHost: Self.sbcHost, localHost: Self.switchboardHost, localPort: 5060,
                                                    queueByNumber: queueByNumber, maximumConcurrentCalls: maximumConcurrentCalls,
                                                    maximumWaitingCalls: maximumWaitingCalls, maximumWaitingCallsPerTrunk: maximumWaitingCalls,
                                                    maximumCallDuration: .seconds(4 * 3600), retryAfterSeconds: 30)
        let log = RecordLog()
        self.log = log
        router = CallRouter(stack: layer, configuration: configuration, distributor: distributor, logger: logger) { record in
            log.records.append(record)
            log.forward?(record)
        }
        distributor.sink = router
        for agent in queues.agents {
            distributor.presenceChanged(agentID: agent.id.rawValue, presence: .available, observedAt: router.now)
        }
    }

    /// A caller to `number`, as the SBC sends it.
    func caller(calling number: String) -> SBCCaller {
        SBCCaller(calling: number, switchboardHost: Self.switchboardHost, sbcHost: Self.sbcHost)
    }

    /// A Teams endpoint answering a B-leg INVITE, behind the SBC.
    func agent(answering invite: SIPRequest, toTag: String = SIPTestMessages.makeTag()) -> AgentLeg {
        AgentLeg(answering: invite, toTag: toTag, sbcHost: Self.sbcHost)
    }

    /// Delivers a request from the SBC and returns what Switchboard sent in reaction, in order.
    @discardableResult
    func receive(_ request: SIPRequest) -> [LoopbackMessageSender.Sent] {
        layer.receive(SIPInboundMessage(message: .request(request), source: sbc))
        return sender.takeSent()
    }

    /// Delivers a response from the SBC and returns what Switchboard sent in reaction, in order.
    @discardableResult
    func receive(_ response: SIPResponse) -> [LoopbackMessageSender.Sent] {
        layer.receive(SIPInboundMessage(message: .response(response), source: sbc))
        return sender.takeSent()
    }

    /// Moves the virtual clock and returns what Switchboard sent meanwhile, in order.
    @discardableResult
    func advance(by duration: Duration) -> [LoopbackMessageSender.Sent] {
        let (seconds, attoseconds) = duration.components
        sender.advance(by: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000))
        return sender.takeSent()
    }

    /// Lets 64·T1 pass (and one timer-wheel step): the linger of ended dialogs and transactions.
    @discardableResult
    func waitOutLinger() -> [LoopbackMessageSender.Sent] {
        advance(by: layer.timers.t1 * 64 + .milliseconds(20))
    }
}
