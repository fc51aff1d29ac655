import NIOCore
@testable import SIPTransport
import Testing

@Suite("Connection admission: the trunk access list at accept, the caps, room kept for trunks")
struct SIPConnectionPolicyTests {
    static let limits = SIPConnectionLimits(maximumConnections: 4, maximumConnectionsPerPeer: 2, maximumConnectionsPerTrunk: 3)
    static let trunk = "192.0.2.10"
    static let stranger = "198.51.100.7"

    /// The rules as the documentation states them, written independently of the policy's code.
    static func expected(trustedPeers: Set<String>, peer: String, origin: SIPConnectionPolicy.Origin,
                         openTotal: Int, openFromPeer: Int) -> SIPConnectionPolicy.Decision {
        let isTrunk = trustedPeers.contains(peer)
        let isStrangerKnocking = !trustedPeers.isEmpty && !isTrunk && origin == .accepted
        let ownCap = isTrunk ? limits.maximumConnectionsPerTrunk : limits.maximumConnectionsPerPeer
        let totalApplies = !isTrunk
        switch (isStrangerKnocking, openFromPeer >= ownCap, totalApplies && openTotal >= limits.maximumConnections) {
        case (true, _, _): return .refuse(.unknownPeer)
        case (false, true, _): return .refuse(.peerLimit)
        case (false, false, true): return .refuse(.totalLimit)
        case (false, false, false): return .admit
        }
    }

    @Test("Every combination of access list, peer, origin, total and per-peer count", arguments: [Set<String>(), [trunk]])
    func exhaustive(trustedPeers: Set<String>) {
        let policy = SIPConnectionPolicy(trustedPeers: trustedPeers, limits: Self.limits)
        for peer in [Self.trunk, Self.stranger] {
            for origin in [SIPConnectionPolicy.Origin.accepted, .opened] {
                for openTotal in 0...7 {
                    for openFromPeer in 0...min(openTotal, 5) {
                        let decision = policy.decide(peer: peer, origin: origin, openTotal: openTotal, openFromPeer: openFromPeer)
                        let expected = Self.expected(trustedPeers: trustedPeers, peer: peer, origin: origin,
                                                     openTotal: openTotal, openFromPeer: openFromPeer)
                        #expect(decision == expected, "\(peer) \(origin) total \(openTotal) from peer \(openFromPeer)")
                    }
                }
            }
        }
    }

    @Test("A stranger is closed at accept whatever the counts; with no access list nobody is one")
    func unknownPeer() {
        let listed = SIPConnectionPolicy(trustedPeers: [Self.trunk], limits: Self.limits)
        #expect(listed.decide(peer: Self.stranger, origin: .accepted, openTotal: 0, openFromPeer: 0) == .refuse(.unknownPeer))
        #expect(listed.decide(peer: Self.stranger, origin: .opened, openTotal: 0, openFromPeer: 0) == .admit)
        let open = SIPConnectionPolicy(trustedPeers: [], limits: Self.limits)
        #expect(open.decide(peer: Self.stranger, origin: .accepted, openTotal: 0, openFromPeer: 0) == .admit)
        #expect(open.decide(peer: Self.trunk, origin: .accepted, openTotal: 4, openFromPeer: 0) == .refuse(.totalLimit))
    }

    @Test("A trunk gets its own cap with the total full; strangers get the total only while trunks leave room")
    func trunkRoom() {
        let policy = SIPConnectionPolicy(trustedPeers: [Self.trunk], limits: Self.limits)
        #expect(policy.decide(peer: Self.trunk, origin: .accepted, openTotal: 100, openFromPeer: 2) == .admit)
        #expect(policy.decide(peer: Self.trunk, origin: .accepted, openTotal: 3, openFromPeer: 3) == .refuse(.peerLimit))
        #expect(policy.decide(peer: Self.stranger, origin: .opened, openTotal: 3, openFromPeer: 0) == .admit)
        #expect(policy.decide(peer: Self.stranger, origin: .opened, openTotal: 4, openFromPeer: 0) == .refuse(.totalLimit))
    }

    @Test("Admitting in any order keeps strangers within the total and every address within its cap")
    func simulation() {
        let policy = SIPConnectionPolicy(trustedPeers: [Self.trunk], limits: Self.limits)
        let peers = [Self.trunk, Self.stranger, "198.51.100.8", "198.51.100.9"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var open: [String: Int] = [:]
        for _ in 0..<5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let peer = peers[Int(state >> 33) % peers.count]
            if (state >> 20) % 3 == 0, let count = open[peer], count > 0 {
                open[peer] = count - 1
                continue
            }
            let total = open.values.reduce(0, +)
            if policy.decide(peer: peer, origin: .opened, openTotal: total, openFromPeer: open[peer, default: 0]) == .admit {
                open[peer, default: 0] += 1
            }
            let strangers = open.filter { $0.key != Self.trunk }.values.reduce(0, +)
            #expect(open[Self.trunk, default: 0] <= Self.limits.maximumConnectionsPerTrunk)
            #expect(strangers <= Self.limits.maximumConnections)
            #expect(open.filter { $0.key != Self.trunk }.values.allSatisfy { $0 <= Self.limits.maximumConnectionsPerPeer })
        }
    }
}
