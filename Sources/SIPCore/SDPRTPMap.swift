/// An `a=rtpmap` attribute (RFC 4566 §6): the codec a dynamic or static RTP payload type stands for,
/// `101 telephone-event/8000` or `111 opus/48000/2`.
public struct SDPRTPMap: Hashable, Sendable {
    /// The RTP payload type.
    public var payloadType: Int
    /// The encoding name, `PCMU`, `telephone-event`…
    public var encodingName: String
    /// The clock rate in Hz.
    public var clockRate: Int
    /// The encoding parameters (audio channels), when given.
    public var encodingParameters: String?

    /// Creates an rtpmap.
    public init(payloadType: Int, encodingName: String, clockRate: Int, encodingParameters: String? = nil) {
        self.payloadType = payloadType
        self.encodingName = encodingName
        self.clockRate = clockRate
        self.encodingParameters = encodingParameters
    }

    /// Reads the value of an rtpmap attribute; nil when it is malformed.
    init?(attributeValue: String) {
        let halves = attributeValue.split(separator: " ", maxSplits: 1)
        guard halves.count == 2, let payloadType = Int(halves[0]) else { return nil }
        let encoding = halves[1].split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard encoding.count >= 2, !encoding[0].isEmpty, let clockRate = Int(encoding[1]) else { return nil }
        self.init(payloadType: payloadType, encodingName: String(encoding[0]), clockRate: clockRate,
                  encodingParameters: encoding.count == 3 ? String(encoding[2]) : nil)
    }

    /// The attribute value, `111 opus/48000/2`.
    var attributeValue: String {
        "\(payloadType) \(encodingName)/\(clockRate)" + (encodingParameters.map { "/" + $0 } ?? "")
    }

    /// The `a=rtpmap` attribute that says this.
    public var attribute: SDPAttribute { SDPAttribute(name: "rtpmap", value: attributeValue) }
}
