extension SIPMessageParts {
    /// What the checks found wrong, before it becomes a `SIPParseError`.
    struct Problem: Error {
        /// The reason.
        let reason: SIPParseError.Reason
        /// The detail.
        let detail: String

        init(_ reason: SIPParseError.Reason, _ detail: String) {
            self.reason = reason
            self.detail = detail
        }
    }

    /// The values the checks derive and the message needs.
    struct Checked {
        /// The CSeq sequence number.
        let sequenceNumber: UInt32
        /// Max-Forwards, when present.
        let maxForwards: Int?
        /// The number of body bytes: Content-Length, or all bytes after the empty line.
        let bodyLength: Int
    }

    /// Checks the parts against what RFC 3261 requires and libosip2 lets through.
    func checked(bytes: UnsafeRawBufferPointer, frame: SIPMessageFrame) throws(Problem) -> Checked {
        if let malformedHeader { throw Problem(.malformedHeader(malformedHeader), "a \(malformedHeader) value has no usable host, user or port") }
        if via.isEmpty { throw Problem(.missingHeader("Via"), "no Via header") }
        if from == nil { throw Problem(.missingHeader("From"), "no usable From header") }
        if to == nil { throw Problem(.missingHeader("To"), "no usable To header") }
        if callID == nil { throw Problem(.missingHeader("Call-ID"), "no Call-ID header") }
        guard let cseqMethod else { throw Problem(.missingHeader("CSeq"), "no usable CSeq header") }
        guard let sequenceNumber else {
            throw Problem(.malformedHeader("CSeq"), "CSeq number '\(unusableSequenceNumber ?? "")' is not below 2**31")
        }
        if let method, method != cseqMethod { throw Problem(.cseqMethodMismatch, "request method \(method), CSeq method \(cseqMethod)") }
        if method != nil, requestURI?.headers.isEmpty != true {
            throw Problem(.malformedRequestURI, "the Request-URI is unusable or carries URI headers")
        }
        if maxForwardsCount > 1 { throw Problem(.duplicateHeader("Max-Forwards"), "\(maxForwardsCount) values") }
        var hops: Int?
        if let text = maxForwards {
            guard let value = SIPDecimal.value(text.utf8, below: 256) else {
                throw Problem(.malformedHeader("Max-Forwards"), "'\(text)' is not a number from 0 to 255")
            }
            hops = value
        }
        try checkAddressesWithHeaders(bytes: bytes, frame: frame)
        for date in dates where !SIPDate.isValid(date) { throw Problem(.malformedHeader("Date"), "'\(date)' is not an RFC 1123 date in GMT") }
        return Checked(sequenceNumber: sequenceNumber, maxForwards: hops, bodyLength: try bodyLength(bytes: bytes, frame: frame))
    }

    /// Hands the parts over to a message, moving their values out (`take()`, `swap`) rather than
    /// copying them, which saves a retain and a release per string and array.
    mutating func message(_ checked: Checked, appending extraFields: [SIPHeaderField], body: [UInt8]) -> SIPMessage? {
        guard let from = from.take(), let to = to.take(), let callID = callID.take(), let cseqMethod = cseqMethod.take() else {
            return nil
        }
        if !extraFields.isEmpty { fields += extraFields }
        let cseq = SIPCSeq(sequenceNumber: checked.sequenceNumber, method: cseqMethod)
        if let method = method.take(), let requestURI = requestURI.take() {
            return .request(SIPRequest(method: method, requestURI: requestURI,
                                       headers: takeHeaders(from: from, to: to, callID: callID, cseq: cseq, checked), body: body))
        }
        return .response(SIPResponse(statusCode: statusCode, reasonPhrase: reasonPhrase,
                                     headers: takeHeaders(from: from, to: to, callID: callID, cseq: cseq, checked), body: body))
    }

    /// The header section, made of the parts' values moved out.
    private mutating func takeHeaders(from: SIPNameAddress, to: SIPNameAddress, callID: String, cseq: SIPCSeq,
                                      _ checked: Checked) -> SIPHeaders {
        SIPHeaders(via: Self.take(&via), from: from, to: to, callID: callID, cseq: cseq, contact: Self.take(&contact),
                   route: Self.take(&route), recordRoute: Self.take(&recordRoute), maxForwards: checked.maxForwards,
                   contentType: contentType.take(), fields: Self.take(&fields))
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

    /// Rejects a URI with headers outside angle brackets (RFC 3261 §20.10, RFC 4475 §3.1.2.13), which
    /// libosip2 accepts and only the written header can show.
    private func checkAddressesWithHeaders(bytes: UnsafeRawBufferPointer, frame: SIPMessageFrame) throws(Problem) {
        func carryHeaders(_ addresses: some Sequence<SIPNameAddress>) -> Bool { addresses.contains { !$0.uri.headers.isEmpty } }
        guard carryHeaders(contact) || carryHeaders(route) || carryHeaders(recordRoute)
            || from?.uri.headers.isEmpty == false || to?.uri.headers.isEmpty == false
        else { return }
        let addresses = [("From", from.map { [$0] } ?? []), ("To", to.map { [$0] } ?? []),
                         ("Contact", contact), ("Route", route), ("Record-Route", recordRoute)]
        for (name, values) in addresses where carryHeaders(values) {
            let written = SIPRawHeaderLines(bytes, frame: frame).elements(of: name)
            if written.contains(where: { !$0.utf8.contains(0x3C) && $0.utf8.contains(0x3F) }) {
                throw Problem(.malformedHeader(name), "a URI with headers must be enclosed in <> in \(name)")
            }
        }
    }
}
