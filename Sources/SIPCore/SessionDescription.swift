/// An SDP session description (RFC 4566) with the parts a B2BUA rewrites typed and every other line
/// kept in order, so a well-formed CRLF description serializes back to the same bytes.
///
/// Lines are held by their place in RFC 4566 §5: `v= o= s=`, then `i= u= e= p=` (`information`),
/// `c=`, `b=`, `t= r= z= k=` (`timing`), `a=`, then the media descriptions.
public struct SessionDescription: Hashable, Sendable {
    /// The `v=` protocol version, 0.
    public var version: Int
    /// The `o=` origin.
    public var origin: SDPOrigin
    /// The `s=` session name.
    public var sessionName: String
    /// The `i=`, `u=`, `e=` and `p=` lines, in order.
    public var information: [SDPLine]
    /// The session-level `c=` connection, when present.
    public var connection: SDPConnection?
    /// The session-level `b=` values (`AS:64`), in order.
    public var bandwidths: [String]
    /// The `t=`, `r=`, `z=` and `k=` lines, in order.
    public var timing: [SDPLine]
    /// The session-level attributes, in order.
    public var attributes: [SDPAttribute]
    /// The media descriptions, in order.
    public var media: [MediaDescription]

    /// Creates a description; `timing` defaults to `t=0 0`, a session without time bounds.
    public init(version: Int = 0, origin: SDPOrigin, sessionName: String = "-", information: [SDPLine] = [],
                connection: SDPConnection? = nil, bandwidths: [String] = [],
                timing: [SDPLine] = [SDPLine(type: "t", value: "0 0")], attributes: [SDPAttribute] = [],
                media: [MediaDescription] = []) {
        self.version = version
        self.origin = origin
        self.sessionName = sessionName
        self.information = information
        self.connection = connection
        self.bandwidths = bandwidths
        self.timing = timing
        self.attributes = attributes
        self.media = media
    }

    /// The session-level direction attribute, when present.
    public var direction: SDPDirection? {
        get { SDPDirection.first(in: attributes) }
        set { SDPDirection.replace(in: &attributes, with: newValue) }
    }

    /// The direction of `media`: its own attribute, else the session-level one, else `sendrecv`
    /// (RFC 3264 §5.1).
    public func effectiveDirection(of media: MediaDescription) -> SDPDirection {
        media.direction ?? direction ?? .sendrecv
    }
}
