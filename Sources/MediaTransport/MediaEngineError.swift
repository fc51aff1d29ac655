/// Why ``MediaEngine`` refused a request.
public enum MediaEngineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stream of this name is already open.
    case duplicateStream(MediaStreamID)
    /// No stream of this name is open.
    case unknownStream(MediaStreamID)
    /// The stream sends nothing (its direction or its 0.0.0.0 remote), so prompts cannot be played to it.
    case notSending(MediaStreamID)
    /// No music on hold is registered under this name.
    case unknownMusic(String)
    /// Every port of the pool is in use.
    case portsExhausted
    /// No port of the pool could be bound: the last error of the attempts.
    case bindFailed(attempts: Int, lastError: String)
    /// The negotiated remote address is not a numeric IPv4 or IPv6 address.
    case unusableRemoteAddress(String, port: Int)
    /// libsrtp could not set up the stream's SRTP contexts: its error.
    case srtpUnavailable(String)

    /// What went wrong, for logs and errors shown to an operator.
    public var description: String {
        switch self {
        case .duplicateStream(let id): "media stream \(id) is already open"
        case .unknownStream(let id): "no media stream \(id)"
        case .notSending(let id): "media stream \(id) does not send (recvonly, inactive or a 0.0.0.0 remote)"
        case .unknownMusic(let name): "no music on hold named \(name)"
        case .portsExhausted: "every RTP port of the pool is in use"
        case .bindFailed(let attempts, let lastError): "no RTP port could be bound after \(attempts) attempts: \(lastError)"
        case .unusableRemoteAddress(let address, let port): "remote RTP address \(address):\(port) is not a numeric IP address"
        case .srtpUnavailable(let error): "SRTP could not be set up: \(error)"
        }
    }
}
