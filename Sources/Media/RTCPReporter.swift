import ExtrasBase64

/// The RTCP side of one outgoing RTP stream (RFC 3550 §6): when its next report is due, and the
/// compound packets it sends then (an SR, or an RR when it sent no RTP since its report before last,
/// then an SDES with its CNAME, §6.1) and when it stops (the same, then a BYE, §6.6).
///
/// The stream is a session of two participants (Switchboard and the SBC) at 64 kbit/s, for which the
/// interval of §6.2 and §6.3.1 is its minimum of 5 s (2.5 s before the first report), randomized over
/// 0.5–1.5 times that so that reports of streams started together spread out.
public struct RTCPReporter: Hashable, Sendable {
    /// The minimum interval between reports (RFC 3550 §6.2).
    public static let minimumInterval: Duration = .seconds(5)

    /// What a report says of its stream at the time it is sent.
    public struct SenderState: Hashable, Sendable {
        /// The stream's SSRC.
        public var ssrc: UInt32
        /// The wall-clock time now.
        public var wallClock: NTPTimestamp
        /// The same instant in the stream's RTP clock.
        public var rtpTimestamp: UInt32
        /// The RTP packets sent so far.
        public var packetCount: Int
        /// Their payload octets.
        public var octetCount: Int

        /// Creates the state of a stream.
        public init(ssrc: UInt32, wallClock: NTPTimestamp, rtpTimestamp: UInt32, packetCount: Int, octetCount: Int) {
            self.ssrc = ssrc
            self.wallClock = wallClock
            self.rtpTimestamp = rtpTimestamp
            self.packetCount = packetCount
            self.octetCount = octetCount
        }
    }

    /// The canonical name the SDES packets carry.
    public let canonicalName: String
    /// When the next report is due, on the edge's monotonic clock.
    public private(set) var nextReport: Duration
    private var packetsAtLastReport = 0
    private var packetsBeforeLastReport = 0

    /// Creates the reporter of a stream starting at `now`: its first report is due 1.25–3.75 s later.
    public init(canonicalName: String, now: Duration, using generator: inout some RandomNumberGenerator) {
        self.canonicalName = canonicalName
        nextReport = now + Self.interval(initial: true, using: &generator)
    }

    /// A random CNAME of 96 bits in base64, 16 characters, as RFC 7022 §4.2 recommends for a
    /// short-term persistent CNAME: it names no host and no user.
    public static func randomCanonicalName(using generator: inout some RandomNumberGenerator) -> String {
        Base64.encodeToString(bytes: (0..<12).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// The time to wait before a report: 5 s (2.5 s before the first) times a random factor of 0.5–1.5.
    public static func interval(initial: Bool, using generator: inout some RandomNumberGenerator) -> Duration {
        (initial ? minimumInterval / 2 : minimumInterval) * Double.random(in: 0.5...1.5, using: &generator)
    }

    /// The compound packet of a report at `now`, SR or RR then SDES; schedules the next report.
    public mutating func report(_ state: SenderState, now: Duration, using generator: inout some RandomNumberGenerator) -> [UInt8] {
        let packets = reportPackets(state)
        packetsBeforeLastReport = packetsAtLastReport
        packetsAtLastReport = state.packetCount
        nextReport = now + Self.interval(initial: false, using: &generator)
        return RTCPPacket.compound(packets)
    }

    /// The compound packet that ends the stream: its report, SDES, then a BYE of its SSRC.
    public func goodbye(_ state: SenderState) -> [UInt8] {
        RTCPPacket.compound(reportPackets(state) + [.goodbye(RTCPGoodbye(sources: [state.ssrc]))])
    }

    private func reportPackets(_ state: SenderState) -> [RTCPPacket] {
        let report: RTCPPacket = state.packetCount == packetsBeforeLastReport
            ? .receiverReport(RTCPReceiverReport(ssrc: state.ssrc))
            : .senderReport(RTCPSenderReport(ssrc: state.ssrc, ntpTimestamp: state.wallClock, rtpTimestamp: state.rtpTimestamp,
                                             packetCount: UInt32(truncatingIfNeeded: state.packetCount),
                                             octetCount: UInt32(truncatingIfNeeded: state.octetCount)))
        let description = RTCPSourceDescriptionChunk(source: state.ssrc, items: [.canonicalName(canonicalName)])
        return [report, .sourceDescription([description])]
    }
}
