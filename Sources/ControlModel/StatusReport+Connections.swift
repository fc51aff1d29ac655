extension StatusReport {
    /// SIP stream connection counters.
    public struct ConnectionCounts: Codable, Equatable, Sendable {
        /// Connections accepted from peers.
        public var accepted: Int
        /// Connections switchboardd opened.
        public var opened: Int
        /// Connections refused at once, by reason.
        public var refused: RefusedCounts
        /// Connections closed after carrying nothing for the idle timeout.
        public var closedIdle: Int
        /// Connections closed because a started message did not finish in time.
        public var closedIncompleteMessage: Int
        /// Connections open now.
        public var open: Int

        /// Creates the counters.
        public init(accepted: Int, opened: Int, refused: RefusedCounts, closedIdle: Int, closedIncompleteMessage: Int, open: Int) {
            self.accepted = accepted
            self.opened = opened
            self.refused = refused
            self.closedIdle = closedIdle
            self.closedIncompleteMessage = closedIncompleteMessage
            self.open = open
        }
    }

    /// Refused connections by reason.
    public struct RefusedCounts: Codable, Equatable, Sendable {
        /// From an address that is no trunk peer.
        public var unknownPeer: Int
        /// Over the total cap.
        public var totalLimit: Int
        /// Over the cap of the peer's address.
        public var peerLimit: Int

        /// Creates the counters.
        public init(unknownPeer: Int, totalLimit: Int, peerLimit: Int) {
            self.unknownPeer = unknownPeer
            self.totalLimit = totalLimit
            self.peerLimit = peerLimit
        }
    }
}
