/// Why a stream connection was not let in.
enum SIPConnectionRefusal: String, Hashable, Sendable, CaseIterable {
    /// The address is no trunk peer (and the access list is not empty).
    case unknownPeer
    /// The total cap was reached.
    case totalLimit
    /// The address reached its own cap.
    case peerLimit
}

/// Decides, as a pure value, whether a stream connection may open: the trunk access list at accept,
/// then the caps. Trunk peers always have room up to their own cap, whatever the total; every other
/// address is held to its own cap and to the total, which trunk connections fill first.
struct SIPConnectionPolicy: Sendable {
    /// Who starts the connection.
    enum Origin: Hashable, Sendable {
        /// A peer connected to a listener.
        case accepted
        /// switchboardd connects to the peer (to send a request or a response); the access list
        /// does not apply, the caps do.
        case opened
    }

    /// The outcome for one connection.
    enum Decision: Hashable, Sendable {
        /// Let it in.
        case admit
        /// Close it at once.
        case refuse(SIPConnectionRefusal)
    }

    /// The trunk peers' IP addresses; empty lets every address in, none of them a trunk.
    let trustedPeers: Set<String>
    /// The caps.
    let limits: SIPConnectionLimits

    /// The decision for a connection with `peer` (an IP address) while `openTotal` connections are
    /// open, `openFromPeer` of them with that address.
    func decide(peer: String, origin: Origin, openTotal: Int, openFromPeer: Int) -> Decision {
        if trustedPeers.contains(peer) {
            return openFromPeer < limits.maximumConnectionsPerTrunk ? .admit : .refuse(.peerLimit)
        }
        if origin == .accepted && !trustedPeers.isEmpty { return .refuse(.unknownPeer) }
        if openFromPeer >= limits.maximumConnectionsPerPeer { return .refuse(.peerLimit) }
        if openTotal >= limits.maximumConnections { return .refuse(.totalLimit) }
        return .admit
    }
}
