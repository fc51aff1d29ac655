/// One packet of an RTCP compound packet (RFC 3550 §6.1, §6.4–§6.6); ``RTCPPacket/compound(_:)``
/// writes them and ``RTCPPacket/parseCompound(_:)`` reads them.
public enum RTCPPacket: Hashable, Sendable {
    /// SR: the report of an active sender.
    case senderReport(RTCPSenderReport)
    /// RR: the report of a participant that sends nothing.
    case receiverReport(RTCPReceiverReport)
    /// SDES: items describing sources, such as the CNAME every compound packet carries.
    case sourceDescription([RTCPSourceDescriptionChunk])
    /// BYE: the sources leave the session.
    case goodbye(RTCPGoodbye)
    /// A packet of another type (APP, feedback, extended reports…): its type, count field and body,
    /// as read.
    case other(type: UInt8, count: UInt8, body: [UInt8])

    /// The packet types of RFC 3550 §12.1.
    public enum PacketType {
        /// SR.
        public static let senderReport: UInt8 = 200
        /// RR.
        public static let receiverReport: UInt8 = 201
        /// SDES.
        public static let sourceDescription: UInt8 = 202
        /// BYE.
        public static let goodbye: UInt8 = 203
    }
}

/// One chunk of an SDES packet (RFC 3550 §6.5): a source and the items describing it.
public struct RTCPSourceDescriptionChunk: Hashable, Sendable {
    /// The SSRC or CSRC described.
    public var source: UInt32
    /// Its items, in order.
    public var items: [RTCPSourceDescriptionItem]

    /// Creates a chunk.
    public init(source: UInt32, items: [RTCPSourceDescriptionItem]) {
        self.source = source
        self.items = items
    }
}

/// One SDES item (RFC 3550 §6.5): a type and at most 255 octets of UTF-8 text.
public struct RTCPSourceDescriptionItem: Hashable, Sendable {
    /// The CNAME item's type (RFC 3550 §6.5.1).
    public static let canonicalNameType: UInt8 = 1

    /// The item type, 1…255 (0 ends a chunk's list).
    public var type: UInt8
    /// The text, at most 255 octets.
    public var value: [UInt8]

    /// Creates an item; text beyond 255 octets is cut off.
    public init(type: UInt8, value: [UInt8]) {
        self.type = type
        self.value = Array(value.prefix(255))
    }

    /// A CNAME item: the source's canonical name.
    public static func canonicalName(_ name: String) -> RTCPSourceDescriptionItem {
        RTCPSourceDescriptionItem(type: canonicalNameType, value: Array(name.utf8))
    }
}

/// A BYE packet (RFC 3550 §6.6): sources that leave, and why.
public struct RTCPGoodbye: Hashable, Sendable {
    /// The SSRCs and CSRCs leaving, at most 31.
    public var sources: [UInt32]
    /// The reason, at most 255 octets of UTF-8 text; empty when none is given.
    public var reason: [UInt8]

    /// Creates a BYE; a reason beyond 255 octets is cut off.
    public init(sources: [UInt32], reason: [UInt8] = []) {
        self.sources = sources
        self.reason = Array(reason.prefix(255))
    }
}
