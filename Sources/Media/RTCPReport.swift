/// A sender report (SR, packet type 200, RFC 3550 §6.4.1): what an active sender sent so far, with
/// the wall-clock time and the RTP timestamp of the same instant.
public struct RTCPSenderReport: Hashable, Sendable {
    /// The sender's SSRC.
    public var ssrc: UInt32
    /// The wall-clock time the report was sent.
    public var ntpTimestamp: NTPTimestamp
    /// The same instant in the stream's RTP clock (its units and random offset).
    public var rtpTimestamp: UInt32
    /// The RTP data packets sent since the stream started (wrapping at 2³²).
    public var packetCount: UInt32
    /// The payload octets of those packets, headers and padding left out (wrapping at 2³²).
    public var octetCount: UInt32
    /// Reception reports of the sources this participant receives.
    public var reportBlocks: [RTCPReportBlock]

    /// Creates a sender report.
    public init(ssrc: UInt32, ntpTimestamp: NTPTimestamp, rtpTimestamp: UInt32, packetCount: UInt32, octetCount: UInt32,
                reportBlocks: [RTCPReportBlock] = []) {
        self.ssrc = ssrc
        self.ntpTimestamp = ntpTimestamp
        self.rtpTimestamp = rtpTimestamp
        self.packetCount = packetCount
        self.octetCount = octetCount
        self.reportBlocks = reportBlocks
    }
}

/// A receiver report (RR, packet type 201, RFC 3550 §6.4.2): sent in place of an SR by a participant
/// that sent no RTP since its report before last.
public struct RTCPReceiverReport: Hashable, Sendable {
    /// The reporter's SSRC.
    public var ssrc: UInt32
    /// Reception reports of the sources this participant receives.
    public var reportBlocks: [RTCPReportBlock]

    /// Creates a receiver report.
    public init(ssrc: UInt32, reportBlocks: [RTCPReportBlock] = []) {
        self.ssrc = ssrc
        self.reportBlocks = reportBlocks
    }
}

/// One reception report block of an SR or RR (RFC 3550 §6.4.1): 24 bytes about one source received.
public struct RTCPReportBlock: Hashable, Sendable {
    /// The source reported on.
    public var ssrc: UInt32
    /// The packets lost since the previous report, as a fixed-point fraction of 1/256.
    public var fractionLost: UInt8
    /// The packets lost since reception began, a signed 24-bit number.
    public var cumulativeLost: Int32
    /// The highest sequence number received, extended by its count of wraps.
    public var highestSequenceNumber: UInt32
    /// The interarrival jitter, in RTP timestamp units.
    public var jitter: UInt32
    /// The middle 32 bits of the last SR's NTP timestamp from that source, 0 when none arrived.
    public var lastSenderReport: UInt32
    /// The delay since that SR arrived, in units of 1/65,536 s.
    public var delaySinceLastSenderReport: UInt32

    /// Creates a report block.
    public init(ssrc: UInt32, fractionLost: UInt8, cumulativeLost: Int32, highestSequenceNumber: UInt32, jitter: UInt32,
                lastSenderReport: UInt32, delaySinceLastSenderReport: UInt32) {
        self.ssrc = ssrc
        self.fractionLost = fractionLost
        self.cumulativeLost = cumulativeLost
        self.highestSequenceNumber = highestSequenceNumber
        self.jitter = jitter
        self.lastSenderReport = lastSenderReport
        self.delaySinceLastSenderReport = delaySinceLastSenderReport
    }
}
