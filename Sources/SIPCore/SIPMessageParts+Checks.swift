extension SIPMessageParts {
    /// What the checks found wrong, before it becomes a `SIPParseError`.
    struct Problem: Error {
        /// The reason.
        let reason: SIPParseError.Reason
        /// The detail.
        let detail: String
        /// The headers a response needs, when they are all present.
        let responseHeaders: SIPHeaders?

        init(_ reason: SIPParseError.Reason, _ detail: String, responseHeaders: SIPHeaders? = nil) {
            self.reason = reason
            self.detail = detail
            self.responseHeaders = responseHeaders
        }
    }

    /// The headers every message carries, moved out of the parts once they are known to be there, and
    /// the values the checks derive.
    struct Checked {
        /// The From header.
        let from: SIPNameAddress
        /// The To header.
        let to: SIPNameAddress
        /// The Call-ID.
        let callID: String
        /// The CSeq.
        let cseq: SIPCSeq
        /// Max-Forwards, when present.
        let maxForwards: Int?
        /// The number of body bytes: Content-Length, or all bytes after the empty line.
        let bodyLength: Int
    }

    /// Checks the parts against what RFC 3261 requires and libosip2 lets through, moving From, To,
    /// Call-ID and the CSeq method out into the result.
    mutating func checked(bytes: UnsafeRawBufferPointer, frame: SIPMessageFrame) throws(Problem) -> Checked {
        if let malformedHeader {
            throw Problem(.malformedHeader(malformedHeader), "a \(malformedHeader) value has no usable host, user, port, parameter or transport",
                          responseHeaders: responseHeaders)
        }
        if via.isEmpty { throw Problem(.missingHeader("Via"), "no Via header") }
        let from = try Self.required(&from, "From")
        let to = try Self.required(&to, "To")
        let callID = try Self.required(&callID, "Call-ID")
        let cseqMethod = try Self.required(&cseqMethod, "CSeq")
        let via = via
        func problem(_ reason: SIPParseError.Reason, _ detail: String) -> Problem {
            Problem(reason, detail, responseHeaders: SIPHeaders(via: via, from: from, to: to, callID: callID,
                                                                cseq: SIPCSeq(sequenceNumber: sequenceNumber ?? .max, method: cseqMethod)))
        }
        guard let sequenceNumber else {
            throw problem(.malformedHeader("CSeq"), "CSeq number '\(unusableSequenceNumber ?? "")' is not below 2**31")
        }
        if let method, method != cseqMethod { throw problem(.cseqMethodMismatch, "request method \(method), CSeq method \(cseqMethod)") }
        if method != nil, requestURI?.headers.isEmpty != true {
            throw problem(.malformedRequestURI, "the Request-URI is unusable or carries URI headers")
        }
        if maxForwardsCount > 1 { throw problem(.duplicateHeader("Max-Forwards"), "\(maxForwardsCount) values") }
        var hops: Int?
        if let text = maxForwards {
            guard let value = SIPDecimal.value(text.utf8, below: 256) else {
                throw problem(.malformedHeader("Max-Forwards"), "'\(text)' is not a number from 0 to 255")
            }
            hops = value
        }
        if let name = addressWithHeadersOutsideBrackets(from: from, to: to, bytes: bytes, frame: frame) {
            throw problem(.malformedHeader(name), "a URI with headers must be enclosed in <> in \(name)")
        }
        for date in dates where !SIPDate.isValid(date) { throw problem(.malformedHeader("Date"), "'\(date)' is not an RFC 1123 date in GMT") }
        do {
            return Checked(from: from, to: to, callID: callID, cseq: SIPCSeq(sequenceNumber: sequenceNumber, method: cseqMethod),
                           maxForwards: hops, bodyLength: try bodyLength(bytes: bytes, frame: frame))
        } catch {
            throw problem(error.reason, error.detail)
        }
    }

    /// Hands the parts over to a message, moving their values out (`take()`, `swap`) rather than
    /// copying them, which saves a retain and a release per string and array.
    mutating func message(_ checked: Checked, appending extraFields: [SIPHeaderField], body: [UInt8]) -> SIPMessage {
        if !extraFields.isEmpty { fields += extraFields }
        if let method = method.take(), let requestURI = requestURI.take() {
            return .request(SIPRequest(method: method, requestURI: requestURI, headers: takeHeaders(checked), body: body))
        }
        return .response(SIPResponse(statusCode: statusCode, reasonPhrase: reasonPhrase, headers: takeHeaders(checked), body: body))
    }

    /// The header section, made of the parts' values moved out.
    private mutating func takeHeaders(_ checked: Checked) -> SIPHeaders {
        SIPHeaders(via: Self.take(&via), from: checked.from, to: checked.to, callID: checked.callID, cseq: checked.cseq,
                   contact: Self.take(&contact), route: Self.take(&route), recordRoute: Self.take(&recordRoute),
                   maxForwards: checked.maxForwards, contentType: contentType.take(), fields: Self.take(&fields))
    }

    /// The value, moved out; a missing one is a `missingHeader` problem named `name`.
    private static func required<Value>(_ value: inout Value?, _ name: String) throws(Problem) -> Value {
        guard let taken = value.take() else { throw Problem(.missingHeader(name), "no usable \(name) header") }
        return taken
    }

    /// The array, leaving an empty one in its place.
    private static func take<Element>(_ array: inout [Element]) -> [Element] {
        var taken: [Element] = []
        swap(&taken, &array)
        return taken
    }

    /// The body length Content-Length announces, checked against the bytes present. libosip2 looks for
    /// multipart boundaries beyond Content-Length, so when bytes follow a multipart body the message is
    /// parsed again cut to its length.
    private func bodyLength(bytes: UnsafeRawBufferPointer, frame: SIPMessageFrame) throws(Problem) -> Int {
        if let unusableContentLength { throw Problem(.malformedHeader("Content-Length"), "'\(unusableContentLength)' is not a length") }
        guard let length = contentLength else { return frame.bodyBytesPresent }
        guard length <= frame.bodyBytesPresent else {
            throw Problem(.bodyLengthMismatch, "Content-Length \(length), \(frame.bodyBytesPresent) body bytes present")
        }
        if length < frame.bodyBytesPresent, let bodyStart = frame.bodyStart, let contentType,
           contentType.utf8.prefix(10).elementsEqual("multipart/".utf8, by: UInt8.equalsIgnoringASCIICase) {
            let exact = UnsafeRawBufferPointer(rebasing: bytes[..<(bodyStart + length)])
            let exactFrame = SIPMessageFrame(exact)
            var exactParts = SIPMessageParts()
            guard OSIPParser.parseMessage(exact, frame: exactFrame, into: &exactParts)
                || SIPMessage.parseWithOpaqueRequestURI(exact, frame: exactFrame, into: &exactParts)
            else {
                throw Problem(.malformedBody, "the multipart body ends only after Content-Length")
            }
        }
        return length
    }

    /// The name of a header whose URI carries headers outside angle brackets (RFC 3261 §20.10,
    /// RFC 4475 §3.1.2.13), which libosip2 accepts and only the written header can show.
    private func addressWithHeadersOutsideBrackets(from: SIPNameAddress, to: SIPNameAddress, bytes: UnsafeRawBufferPointer,
                                                   frame: SIPMessageFrame) -> String? {
        func carryHeaders(_ addresses: some Sequence<SIPNameAddress>) -> Bool { addresses.contains { !$0.uri.headers.isEmpty } }
        var suspects: [String] = []
        if carryHeaders(CollectionOfOne(from)) { suspects.append("From") }
        if carryHeaders(CollectionOfOne(to)) { suspects.append("To") }
        if carryHeaders(contact) { suspects.append("Contact") }
        if carryHeaders(route) { suspects.append("Route") }
        if carryHeaders(recordRoute) { suspects.append("Record-Route") }
        guard !suspects.isEmpty else { return nil }
        let written = SIPRawHeaderLines(bytes, frame: frame)
        return suspects.first { name in
            written.elements(of: name).contains { !$0.utf8.contains(0x3C) && $0.utf8.contains(0x3F) }
        }
    }
}
