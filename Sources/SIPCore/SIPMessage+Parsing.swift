extension SIPMessage {
    /// The longest message SIPCore parses, the largest UDP payload; longer input is `.tooLarge`.
    public static let maximumLength = 65_535

    /// Parses one SIP message with libosip2 and checks what libosip2 lets through against RFC 3261.
    ///
    /// Empty lines before the start line are skipped (RFC 3261 §7.5). The body is the Content-Length
    /// bytes after the empty line; bytes beyond them are ignored (RFC 3261 §18.3, RFC 4475 §3.1.1.8).
    /// Without Content-Length the body runs to the end of `bytes`, as for a datagram.
    public init(parsing bytes: UnsafeRawBufferPointer) throws(SIPParseError) {
        let frame = SIPMessageFrame(bytes)
        if frame.isEmpty(bytes) {
            throw SIPParseError(reason: .empty, detail: "\(bytes.count) bytes of line breaks or whitespace", isRequest: false)
        }
        if bytes.count > Self.maximumLength {
            throw SIPParseError.rejecting(bytes, frame: frame, .tooLarge, "\(bytes.count) bytes, more than \(Self.maximumLength)")
        }
        if let (reason, detail) = SIPStartLine.problem(in: bytes, frame: frame) {
            throw SIPParseError.rejecting(bytes, frame: frame, reason, detail)
        }
        if let detail = frame.bareCarriageReturn(in: bytes) {
            throw SIPParseError.rejecting(bytes, frame: frame, .malformedHeader("line end"), detail)
        }
        if let detail = frame.multipartProblem(in: bytes) {
            throw SIPParseError.rejecting(bytes, frame: frame, .malformedBody, detail)
        }
        var parts = SIPMessageParts()
        guard OSIPParser.parseMessage(bytes, frame: frame, into: &parts)
            || Self.parseWithOpaqueRequestURI(bytes, frame: frame, into: &parts)
        else {
            throw SIPParseError.diagnosing(bytes, frame: frame)
        }
        self = try Self.checking(consume parts, bytes: bytes, frame: frame)
    }

    /// Parses one SIP message; see `init(parsing:)` for raw buffers.
    public init(parsing bytes: [UInt8]) throws(SIPParseError) {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(SIPParseError) -> SIPMessage in try SIPMessage(parsing: buffer) }
        }
        self = try result.get()
    }

    /// Builds the message from what libosip2 read, rejecting what RFC 3261 forbids but libosip2 accepts.
    private static func checking(_ parts: consuming SIPMessageParts, bytes: UnsafeRawBufferPointer,
                                 frame: SIPMessageFrame) throws(SIPParseError) -> SIPMessage {
        let isRequest = parts.method != nil
        let checked: SIPMessageParts.Checked
        do {
            checked = try parts.checked(bytes: bytes, frame: frame)
        } catch {
            throw SIPParseError(reason: error.reason, detail: error.detail, isRequest: isRequest,
                                responseHeaders: isRequest ? error.responseHeaders : nil)
        }
        let authentication = parts.hasAuthenticationHeaders ? SIPRawHeaderLines(bytes, frame: frame).lines.compactMap { line in
            authenticationHeaders.contains(line.name) ? SIPHeaderField(name: line.name, value: line.value ?? "") : nil
        } : []
        let body = frame.bodyStart.map { [UInt8](UnsafeRawBufferPointer(rebasing: bytes[$0..<($0 + checked.bodyLength)])) } ?? []
        return parts.message(checked, appending: authentication, body: body)
    }

    /// The headers libosip2 parses lossily, taken as written instead.
    private static let authenticationHeaders: Set = ["Authorization", "Proxy-Authorization", "WWW-Authenticate",
                                                     "Proxy-Authenticate", "Authentication-Info", "Proxy-Authentication-Info"]
}
