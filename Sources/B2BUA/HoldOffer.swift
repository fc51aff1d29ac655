/// A caller's SDP offer as the media edge negotiated it (RFC 3264 §6), once, when the caller
/// arrived: opaque to the call flow, which hands it back to ``HoldMedia/start(_:queue:offer:completion:)``
/// to open the caller's stream.
public struct HoldOffer {
    /// What the media edge negotiated; only the edge that made it reads it.
    public let negotiated: Any

    /// Wraps what the media edge negotiated.
    public init(_ negotiated: Any) {
        self.negotiated = negotiated
    }
}

/// What the media edge made of a caller's SDP offer.
public enum HoldNegotiation {
    /// A stream can be opened for the offer.
    case accepted(HoldOffer)
    /// No stream can serve the offer: the `Warning` header value of the `488 Not Acceptable Here`
    /// (RFC 3261 §20.43).
    case refused(warning: String)
}

/// The media edge's answer to a re-offer on a stream it runs.
public enum ReofferAnswer: Hashable, Sendable {
    /// Switchboard's description for the `200`.
    case answered([UInt8])
    /// No stream of the offer can go on with the running one (another codec, for one): the `Warning`
    /// header value of the `488 Not Acceptable Here`, after which the session stays as it was
    /// (RFC 3261 §14.2).
    case refused(warning: String)
}
