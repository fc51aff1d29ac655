import ACD
import B2BUA
import Logging
import NIOCore
import NIOEmbedded
import SIPCore
import SIPStack
import SIPTransaction
import SIPTransport
@testable import Switchboard
import SwitchboardTestKit
import Testing

/// Two shards in process: two routers, each over its own transaction layer and loopback wire on a
/// loop of its own, and one queue engine on a third loop, reached only by message passing.
final class TwoShards {
    let engineLoop = EmbeddedEventLoop()
    let hub: DistributionHub
    let senders = [LoopbackMessageSender(), LoopbackMessageSender()]
    let layers: [TransactionLayer]
    let routers: [CallRouter]
    let sbc: SIPPeerAddress

    init(queues: ACDConfiguration = TestQueues.configuration) throws {
        sbc = try SIPPeerAddress(transport: .udp, host: CallHarness.sbcHost, port: 5060)
        let logger = Logger(label: "switchboard-tests") { _ in SwiftLogNoOpLogHandler() }
        let distributor = try ACDCallDistributor(configuration: queues, wheel: TimerWheel(eventLoop: engineLoop), epoch: CallHarness.epoch,
                                                 logger: logger)
        let hub = DistributionHub(distributor: distributor, eventLoop: engineLoop, shardCount: 2)
        self.hub = hub
        distributor.sink = hub
        let queueByNumber = SwitchboardCoordinator.queueByNumber(queues)
        let census = CallCensus()
        let sbc = sbc
        let layers = senders.map { TransactionLayer(sender: $0, timers: TransactionTimers(), logger: logger) }
        self.layers = layers
        routers = layers.indices.map { index in
            let configuration = CallRouterConfiguration(
                trunk: sbc, trunkURIHost: CallHarness.sbcHost, localHost: CallHarness.switchboardHost, localPort: 5060,
                queueByNumber: queueByNumber, maximumConcurrentCalls: 100, maximumWaitingCalls: 100, maximumWaitingCallsPerTrunk: 100,
                maximumCallDuration: .seconds(3600), retryAfterSeconds: 30, placement: CallPlacement(shardCount: 2, shard: index), census: census)
            return CallRouter(stack: layers[index], configuration: configuration, distributor: ShardDistributor(hub: hub, index: index),
                              logger: logger) { _ in }
        }
        hub.shards = zip(senders, routers).map { DistributionHub.Member(eventLoop: $0.embeddedLoop, router: $1, hold: nil) }
        for agent in queues.agents {
            distributor.presenceChanged(agentID: agent.id.rawValue, presence: .available, observedAt: distributor.wheel.now)
        }
    }

    /// A caller whose Call-ID belongs to `shard`.
    func caller(on shard: Int, calling number: String) -> SBCCaller {
        let callID = CallPlacement(shardCount: 2, shard: shard).makeCallID { "pstn-\(SIPTestMessages.makeTag())@sbc" }
        return SBCCaller(calling: number, switchboardHost: CallHarness.switchboardHost, sbcHost: CallHarness.sbcHost, callID: callID)
    }

    /// Delivers the caller's INVITE to the shard that owns its Call-ID.
    func receive(_ caller: SBCCaller) {
        layers[CallPlacement.shard(of: caller.callID, among: 2)].receive(SIPInboundMessage(message: .request(caller.invite), source: sbc))
    }

    /// Runs every loop until none has work left: events reach the engine, decisions the shards.
    func settle() {
        for _ in 0..<4 {
            engineLoop.run()
            for sender in senders { sender.embeddedLoop.run() }
        }
    }

    /// The B-leg INVITEs each shard sent so far.
    func bLegInvites() -> [[SIPRequest]] {
        senders.map { sender in sender.takeSent().compactMap(\.request).filter { $0.method == .invite } }
    }
}

@Suite struct ShardedCallsTests {
    @Test func aBLegsCallIDHashesToItsALegsShard() throws {
        let shards = try TwoShards()
        let callers = [shards.caller(on: 0, calling: TestQueues.support), shards.caller(on: 1, calling: TestQueues.support)]
        for caller in callers { shards.receive(caller) }
        shards.settle()
        let invites = shards.bLegInvites()
        #expect(invites.map(\.count) == [1, 1], "each shard rings one agent for its caller")
        for (shard, sent) in invites.enumerated() {
            for invite in sent {
                #expect(CallPlacement.shard(of: invite.headers.callID, among: 2) == shard)
                #expect(CallPlacement.shard(of: invite.headers.callID, among: 2) == CallPlacement.shard(of: callers[shard].callID, among: 2))
                #expect(invite.headers.callID != callers[shard].callID)
            }
        }
    }

    @Test func twoCallsOnTwoShardsCannotBothReserveTheOneAgent() throws {
        let shards = try TwoShards()
        let first = shards.caller(on: 0, calling: TestQueues.sales)
        let second = shards.caller(on: 1, calling: TestQueues.sales)
        shards.receive(first)
        shards.receive(second)
        shards.settle()
        let invites = shards.bLegInvites()
        #expect(invites.joined().count == 1, "carol, the queue's one agent, is offered one call")
        #expect(invites.joined().allSatisfy { $0.requestURI.user == TestQueues.numbers["carol"] })
        let engine = shards.hub.distributor.engine
        guard case .reserved(let call) = engine.agent("carol")?.state else {
            Issue.record("carol is not reserved for a call: \(String(describing: engine.agent("carol")?.state))")
            return
        }
        #expect(invites[CallPlacement.shard(of: call.rawValue, among: 2)].count == 1, "the shard that rings carol holds the call offered")
    }

    @Test func aShardsReconciliationDropsOnlyItsOwnCalls() throws {
        let shards = try TwoShards()
        let onZero = shards.caller(on: 0, calling: TestQueues.lobby)
        let onOne = shards.caller(on: 1, calling: TestQueues.lobby)
        shards.receive(onZero)
        shards.receive(onOne)
        shards.settle()
        let held = { Set(shards.hub.distributor.engine.heldCallIDs.map(\.rawValue)) }
        #expect(held() == [onZero.callID, onOne.callID])
        shards.hub.handle(.reconcile(liveCalls: []), from: 1)
        #expect(held() == [onZero.callID], "shard 1 reported none of its calls: only its own is dropped")
        shards.hub.handle(.reconcile(liveCalls: [onZero.callID]), from: 0)
        #expect(held() == [onZero.callID])
        shards.hub.handle(.reconcile(liveCalls: []), from: 0)
        #expect(held().isEmpty)
    }

    @Test func theReconciledSetKeepsTheOtherShardsCalls() {
        let ids = (0..<20).map { "call-\($0)" }
        let scoped = DistributionHub.scoped(["mine"], of: 1, among: 2, held: ids.map { ACD.CallID($0) })
        #expect(scoped == Set(["mine"] + ids.filter { CallPlacement.shard(of: $0, among: 2) == 0 }))
    }
}
