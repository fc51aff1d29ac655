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
        guard let parts = Self.libosip2Parts(bytes, frame: frame) else {
            throw SIPParseError.diagnosing(bytes, frame: frame)
        }
        self = try Self.checking(parts, bytes: bytes, frame: frame)
    }

    /// Parses one SIP message; see `init(parsing:)` for raw buffers.
    public init(parsing bytes: [UInt8]) throws(SIPParseError) {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(SIPParseError) -> SIPMessage in try SIPMessage(parsing: buffer) }
        }
        self = try result.get()
    }

    /// What libosip2 reads from the message, with the Request-URI kept opaque when only its scheme
    /// stands in libosip2's way.
    private static func libosip2Parts(_ bytes: UnsafeRawBufferPointer, frame: SIPMessageFrame) -> SIPMessageParts? {
        OSIPParser.parseMessage(bytes, frame: frame) ?? parsingWithOpaqueRequestURI(bytes, frame: frame)
    }

    /// Builds the message from what libosip2 read, rejecting what RFC 3261 forbids but libosip2 accepts.
    /// libosip2 looks for multipart boundaries beyond Content-Length, so when bytes follow a multipart
    /// body the message is parsed again cut to its length.
    private static func checking(_ parts: SIPMessageParts, bytes: UnsafeRawBufferPointer,
                                 frame: SIPMessageFrame) throws(SIPParseError) -> SIPMessage {
        let isRequest = parts.method != nil
        func failure(_ reason: SIPParseError.Reason, _ detail: String, _ headers: SIPHeaders? = nil) -> SIPParseError {
            SIPParseError(reason: reason, detail: detail, isRequest: isRequest, responseHeaders: isRequest ? headers : nil)
        }
        if let name = parts.malformedHeader, parts.responseHeaders == nil {
            throw failure(.malformedHeader(name), "a \(name) value has no usable host, user or port")
        }
        guard !parts.via.isEmpty else { throw failure(.missingHeader("Via"), "no Via header") }
        guard let from = parts.from else { throw failure(.missingHeader("From"), "no usable From header") }
        guard let to = parts.to else { throw failure(.missingHeader("To"), "no usable To header") }
        guard let callID = parts.callID else { throw failure(.missingHeader("Call-ID"), "no Call-ID header") }
        guard let cseqMethod = parts.cseqMethod, !cseqMethod.isEmpty else { throw failure(.missingHeader("CSeq"), "no usable CSeq header") }
        var headers = SIPHeaders(via: parts.via, from: from, to: to, callID: callID,
                                 cseq: SIPCSeq(sequenceNumber: parts.sequenceNumber ?? .max, method: SIPMethod(cseqMethod)),
                                 contact: parts.contact, route: parts.route, recordRoute: parts.recordRoute,
                                 contentType: parts.contentType, fields: parts.fields)
        if let name = parts.malformedHeader {
            throw failure(.malformedHeader(name), "a \(name) value has no usable host, user or port", headers)
        }
        guard parts.sequenceNumber != nil else {
            throw failure(.malformedHeader("CSeq"), "CSeq number '\(parts.cseqNumber ?? "")' is not below 2**31", headers)
        }
        if let method = parts.method, method != cseqMethod {
            throw failure(.cseqMethodMismatch, "request method \(method), CSeq method \(cseqMethod)", headers)
        }
        if isRequest {
            guard let uri = parts.requestURI, uri.headers.isEmpty else {
                throw failure(.malformedRequestURI, "the Request-URI is unusable or carries URI headers", headers)
            }
        }
        if parts.maxForwards.count > 1 { throw failure(.duplicateHeader("Max-Forwards"), "\(parts.maxForwards.count) values", headers) }
        if let text = parts.maxForwards.first {
            guard let value = SIPMessageParts.decimal(text, below: 256) else {
                throw failure(.malformedHeader("Max-Forwards"), "'\(text)' is not a number from 0 to 255", headers)
            }
            headers.maxForwards = value
        }
        if let problem = addressProblem(in: headers, bytes: bytes, frame: frame) { throw failure(problem.0, problem.1, headers) }
        for date in headers["Date"] where !SIPDate.isValid(date) {
            throw failure(.malformedHeader("Date"), "'\(date)' is not an RFC 1123 date in GMT", headers)
        }
        if parts.hasAuthenticationHeaders {
            headers.fields += SIPRawHeaderLines(bytes, frame: frame).lines.compactMap { line in
                authenticationHeaders.contains(line.name) ? SIPHeaderField(name: line.name, value: line.value ?? "") : nil
            }
        }
        var length = frame.bodyBytesPresent
        if let text = parts.contentLength {
            guard let value = SIPMessageParts.decimal(text, below: maximumLength + 1) else {
                throw failure(.malformedHeader("Content-Length"), "'\(text)' is not a length", headers)
            }
            guard value <= length else {
                throw failure(.bodyLengthMismatch, "Content-Length \(value), \(length) body bytes present", headers)
            }
            length = value
        }
        if length < frame.bodyBytesPresent, let bodyStart = frame.bodyStart, let type = parts.contentType,
           type.utf8.prefix(10).elementsEqual("multipart/".utf8, by: UInt8.equalsIgnoringASCIICase) {
            let exact = UnsafeRawBufferPointer(rebasing: bytes[..<(bodyStart + length)])
            guard libosip2Parts(exact, frame: SIPMessageFrame(exact)) != nil else {
                throw failure(.malformedBody, "the multipart body ends only after Content-Length", headers)
            }
        }
        let body = frame.bodyStart.map { [UInt8](UnsafeRawBufferPointer(rebasing: bytes[$0..<($0 + length)])) } ?? []
        if let method = parts.method, let uri = parts.requestURI {
            return .request(SIPRequest(method: SIPMethod(method), requestURI: uri, headers: headers, body: body))
        }
        return .response(SIPResponse(statusCode: parts.statusCode, reasonPhrase: parts.reasonPhrase, headers: headers, body: body))
    }

    /// The headers libosip2 parses lossily, taken as written instead.
    private static let authenticationHeaders: Set = ["Authorization", "Proxy-Authorization", "WWW-Authenticate",
                                                     "Proxy-Authenticate", "Authentication-Info", "Proxy-Authentication-Info"]

    /// Checks for a URI with headers outside angle brackets (RFC 3261 §20.10, RFC 4475 §3.1.2.13), which
    /// libosip2 accepts and only the written header can show.
    private static func addressProblem(in headers: SIPHeaders, bytes: UnsafeRawBufferPointer,
                                       frame: SIPMessageFrame) -> (SIPParseError.Reason, String)? {
        var problem: (SIPParseError.Reason, String)?
        func inspect(_ name: String, _ addresses: some Sequence<SIPNameAddress>) {
            guard problem == nil else { return }
            if addresses.contains(where: { !$0.uri.headers.isEmpty }),
                      SIPRawHeaderLines(bytes, frame: frame).elements(of: name)
                          .contains(where: { !$0.utf8.contains(0x3C) && $0.utf8.contains(0x3F) }) {
                problem = (.malformedHeader(name), "a URI with headers must be enclosed in <> in \(name)")
            }
        }
        inspect("From", CollectionOfOne(headers.from))
        inspect("To", CollectionOfOne(headers.to))
        inspect("Contact", headers.contact)
        inspect("Route", headers.route)
        inspect("Record-Route", headers.recordRoute)
        return problem
    }
}
