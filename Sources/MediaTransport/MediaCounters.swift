/// What one stream has sent and received so far.
public struct MediaStreamCounters: Hashable, Sendable {
    /// RTP packets sent.
    public var packetsSent = 0
    /// Well-formed RTP packets received, telephone-events included.
    public var packetsReceived = 0
    /// The bytes of those packets (RTP header and payload).
    public var bytesReceived = 0
    /// Datagrams received that are not RTP packets.
    public var malformedReceived = 0
    /// SRTP packets dropped: not authenticated by their tag, or replayed (RFC 3711 §3.3).
    public var unauthenticatedReceived = 0
    /// DTMF digits reported.
    public var digitsReceived = 0
    /// Packets received on the other stream of a bridge and re-sent by this one (anchored media).
    public var packetsRelayed = 0

    /// The payload octets of the packets sent and relayed, what sender reports count.
    public var octetsSent = 0
    /// RTCP compound packets sent: reports and the final BYE.
    public var rtcpSent = 0
    /// Valid RTCP compound packets received (read, counted and dropped).
    public var rtcpReceived = 0
    /// Datagrams received on the RTCP port that are not valid RTCP, or SRTCP whose tag fails.
    public var rtcpMalformedReceived = 0

    /// Creates zeroed counters.
    public init() {}
}

/// What the whole engine has done so far, plus the streams open now.
public struct MediaEngineCounters: Hashable, Sendable {
    /// The streams open now.
    public var streams = 0
    /// RTP packets sent by every stream.
    public var packetsSent = 0
    /// Ticks that ran after the next slot had passed (the loop was busy).
    public var lateTicks = 0
    /// Packets sent by a late tick beyond one per stream: the frames it caught up.
    public var packetsCaughtUp = 0
    /// Frames dropped because a stream fell further behind than the schedule catches up.
    public var packetsSkipped = 0
    /// Well-formed RTP packets received by every stream.
    public var packetsReceived = 0
    /// Their bytes.
    public var bytesReceived = 0
    /// Datagrams received that are not RTP packets.
    public var malformedReceived = 0
    /// SRTP packets dropped by every stream: unauthenticated or replayed.
    public var unauthenticatedReceived = 0
    /// Packets not sent because SRTP could not protect them.
    public var unprotectedDropped = 0
    /// Packets of the pacing tick the system refused to send (its send buffer full, no route).
    public var sendFailures = 0
    /// DTMF digits reported.
    public var digitsReceived = 0
    /// Packets relayed between the two streams of a bridge (anchored media).
    public var packetsRelayed = 0

    /// The payload octets of the packets sent and relayed, what sender reports count.
    public var octetsSent = 0
    /// RTCP compound packets sent: reports and the final BYE.
    public var rtcpSent = 0
    /// Valid RTCP compound packets received (read, counted and dropped).
    public var rtcpReceived = 0
    /// Datagrams received on the RTCP port that are not valid RTCP, or SRTCP whose tag fails.
    public var rtcpMalformedReceived = 0

    /// Creates zeroed counters.
    public init() {}
}
