/// One media description of SDP (RFC 4566 §5.14): the `m=` line and the lines that follow it
/// (`i=`, `c=`, `b=`, `k=`, `a=`), each kind kept in order.
public struct MediaDescription: Hashable, Sendable {
    /// The media type: `audio`, `video`, `image`, `application`…
    public var media: String
    /// The transport port; 0 rejects or disables the stream (RFC 3264 §6).
    public var port: Int
    /// The number of ports after `/`, when given.
    public var portCount: Int?
    /// The transport protocol, `RTP/AVP`, `RTP/SAVP`, `udptl`…
    public var proto: String
    /// The media formats, RTP payload types for RTP, in order of preference.
    public var formats: [String]
    /// The `i=` lines.
    public var information: [SDPLine]
    /// The `c=` lines of this media.
    public var connections: [SDPConnection]
    /// The `b=` values.
    public var bandwidths: [String]
    /// The `k=` lines.
    public var keys: [SDPLine]
    /// The attributes, in order.
    public var attributes: [SDPAttribute]

    /// Creates a media description.
    public init(media: String, port: Int, portCount: Int? = nil, proto: String = "RTP/AVP", formats: [String],
                information: [SDPLine] = [], connections: [SDPConnection] = [], bandwidths: [String] = [],
                keys: [SDPLine] = [], attributes: [SDPAttribute] = []) {
        self.media = media
        self.port = port
        self.portCount = portCount
        self.proto = proto
        self.formats = formats
        self.information = information
        self.connections = connections
        self.bandwidths = bandwidths
        self.keys = keys
        self.attributes = attributes
    }

    /// This media's own direction attribute, when present; setting it keeps the attribute's place.
    public var direction: SDPDirection? {
        get { SDPDirection.first(in: attributes) }
        set { SDPDirection.replace(in: &attributes, with: newValue) }
    }

    /// The `a=rtpmap` attributes that can be read, in order.
    public var rtpMaps: [SDPRTPMap] {
        attributes.compactMap { $0.name == "rtpmap" ? $0.value.flatMap(SDPRTPMap.init(attributeValue:)) : nil }
    }

    /// The `a=fmtp` parameters for `payloadType` (`0-16` for telephone-event), when present.
    public func formatParameters(for payloadType: Int) -> String? {
        let prefix = String(payloadType) + " "
        for attribute in attributes where attribute.name == "fmtp" {
            if let value = attribute.value, value.hasPrefix(prefix) { return String(value.dropFirst(prefix.count)) }
        }
        return nil
    }
}
