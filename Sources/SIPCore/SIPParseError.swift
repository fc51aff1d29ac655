/// Why received bytes are not a SIP message SIPCore accepts, and what is still known to answer it.
///
/// RFC 3261 §8.2.2 and RFC 4475 expect a `400 Bad Request` (a `505` for a foreign SIP version, a `513`
/// for an oversized message) for most invalid requests. When the message was a request whose Via,
/// From, To, Call-ID and CSeq could still be read, `responseHeaders` carries them so the transport can
/// build that response with `SIPResponse(replyingTo:statusCode:)`.
public struct SIPParseError: Error, Sendable, CustomStringConvertible {
    /// What is wrong with the message.
    public enum Reason: Hashable, Sendable, CustomStringConvertible {
        /// No message at all: empty input, a CRLF keep-alive or only whitespace (RFC 5626 §4.4.1).
        case empty
        /// The message is longer than `SIPMessage.maximumLength`.
        case tooLarge
        /// The Request-Line or Status-Line does not follow RFC 3261 §7.1/§7.2 (extra spaces, no version…).
        case malformedStartLine
        /// The Request-URI cannot be parsed or carries URI headers (RFC 3261 §19.1.1 forbids them there).
        case malformedRequestURI
        /// The start line names a SIP version other than 2.0; answer `505 Version Not Supported`.
        case unsupportedVersion
        /// The Status-Code is not three digits between 100 and 699.
        case invalidStatusCode
        /// A header every message must carry (RFC 3261 §8.1.1) is absent; the canonical name is given.
        case missingHeader(String)
        /// A header that may appear once appears several times (RFC 4475 §3.3.8, §3.3.9).
        case duplicateHeader(String)
        /// A header value cannot be parsed or is out of range; the canonical name is given.
        case malformedHeader(String)
        /// The CSeq method differs from the request method (RFC 4475 §3.1.2.17).
        case cseqMethodMismatch
        /// Content-Length announces more bytes than the message holds, or no empty line ends the headers.
        case bodyLengthMismatch
        /// libosip2 rejected the body although every header parsed (for example a multipart body
        /// whose boundary never appears).
        case malformedBody

        /// A short name for logs.
        public var description: String {
            switch self {
            case .empty: "empty"
            case .tooLarge: "too large"
            case .malformedStartLine: "malformed start line"
            case .malformedRequestURI: "malformed Request-URI"
            case .unsupportedVersion: "unsupported SIP version"
            case .invalidStatusCode: "invalid status code"
            case .missingHeader(let name): "missing " + name
            case .duplicateHeader(let name): "duplicate " + name
            case .malformedHeader(let name): "malformed " + name
            case .cseqMethodMismatch: "CSeq method mismatch"
            case .bodyLengthMismatch: "body length mismatch"
            case .malformedBody: "malformed body"
            }
        }
    }

    /// What is wrong.
    public var reason: Reason
    /// A human explanation for logs, naming the offending value where it helps.
    public var detail: String
    /// Whether the bytes looked like a request (a start line not beginning with `SIP/`).
    public var isRequest: Bool
    /// The headers a response needs (all Vias, From, To, Call-ID, CSeq), present when the message was a
    /// request and they were readable enough to answer it. When the CSeq number itself is out of range
    /// (RFC 4475 §3.1.2.4) it is echoed as `UInt32.max`, since the client matches a response on the
    /// branch and the CSeq method (RFC 3261 §17.1.3), not on the number.
    public var responseHeaders: SIPHeaders?

    /// Creates a parse error.
    public init(reason: Reason, detail: String, isRequest: Bool, responseHeaders: SIPHeaders? = nil) {
        self.reason = reason
        self.detail = detail
        self.isRequest = isRequest
        self.responseHeaders = responseHeaders
    }

    /// The status code to answer a request with: 505 for a foreign version, 513 for an oversized message,
    /// 400 otherwise (RFC 3261 §8.2.2, §21.5.14).
    public var responseStatusCode: Int {
        switch reason {
        case .unsupportedVersion: 505
        case .tooLarge: 513
        default: 400
        }
    }

    /// The reason and the detail, for logs.
    public var description: String { reason.description + ": " + detail }
}
