extension SIPRequest: SIPWireWritable {
    /// The request in wire form: Request-Line, headers in SIPCore's order, Content-Length computed from
    /// the body, the empty line and the body (see `SIPHeaders.append(to:bodyLength:)` for the order).
    public func serialized() -> [UInt8] {
        [UInt8](wireFormOf: self)
    }

    var estimatedWireLength: Int { headers.estimatedLength + body.count + 64 }

    func write<Sink: SIPByteSink>(to bytes: inout Sink) {
        bytes.append(sip: method.token)
        bytes.append(.space)
        bytes.append(uri: requestURI)
        bytes.append(sip: " SIP/2.0")
        bytes.appendCRLF()
        headers.append(to: &bytes, bodyLength: body.count)
        body.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
    }
}

extension SIPResponse: SIPWireWritable {
    /// The response in wire form: Status-Line, headers, the empty line and the body.
    public func serialized() -> [UInt8] {
        [UInt8](wireFormOf: self)
    }

    var estimatedWireLength: Int { headers.estimatedLength + body.count + 32 }

    func write<Sink: SIPByteSink>(to bytes: inout Sink) {
        bytes.append(sip: "SIP/2.0 ")
        bytes.append(decimal: statusCode)
        bytes.append(.space)
        bytes.append(sip: reasonPhrase)
        bytes.appendCRLF()
        headers.append(to: &bytes, bodyLength: body.count)
        body.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
    }
}

extension SIPMessage {
    /// The message in wire form.
    public func serialized() -> [UInt8] {
        switch self {
        case .request(let request): request.serialized()
        case .response(let response): response.serialized()
        }
    }
}

extension SIPHeaders {
    /// Appends the header section: Via…, Route, Record-Route, From, To, Call-ID, CSeq, Contact,
    /// Max-Forwards, then `fields` in order, Content-Type, Content-Length (always `bodyLength`) and the
    /// empty line. List headers take one line per value.
    func append<Sink: SIPByteSink>(to bytes: inout Sink, bodyLength: Int) {
        for value in via {
            bytes.append(headerName: "Via")
            bytes.append(via: value)
            bytes.appendCRLF()
        }
        appendAddresses("Route", route, to: &bytes)
        appendAddresses("Record-Route", recordRoute, to: &bytes)
        Self.appendAddress("From", from, to: &bytes)
        Self.appendAddress("To", to, to: &bytes)
        bytes.append(headerName: "Call-ID")
        bytes.append(sip: callID)
        bytes.appendCRLF()
        bytes.append(headerName: "CSeq")
        bytes.append(decimal: Int(cseq.sequenceNumber))
        bytes.append(.space)
        bytes.append(sip: cseq.method.token)
        bytes.appendCRLF()
        appendAddresses("Contact", contact, to: &bytes)
        if let maxForwards {
            bytes.append(headerName: "Max-Forwards")
            bytes.append(decimal: maxForwards)
            bytes.appendCRLF()
        }
        for field in fields {
            bytes.append(headerName: field.name)
            bytes.append(sip: field.value)
            bytes.appendCRLF()
        }
        if let contentType {
            bytes.append(headerName: "Content-Type")
            bytes.append(sip: contentType)
            bytes.appendCRLF()
        }
        bytes.append(headerName: "Content-Length")
        bytes.append(decimal: bodyLength)
        bytes.appendCRLF()
        bytes.appendCRLF()
    }

    private func appendAddresses<Sink: SIPByteSink>(_ name: String, _ addresses: [SIPNameAddress], to bytes: inout Sink) {
        for address in addresses { Self.appendAddress(name, address, to: &bytes) }
    }

    /// Appends one address header line, reading the address where it is stored (no copy of it).
    private static func appendAddress<Sink: SIPByteSink>(_ name: String, _ address: SIPNameAddress, to bytes: inout Sink) {
        bytes.append(headerName: name)
        bytes.append(nameAddress: address)
        bytes.appendCRLF()
    }

    /// A generous guess at the serialized length, to reserve the buffer once.
    var estimatedLength: Int {
        fields.reduce(256 + 96 * (via.count + route.count + recordRoute.count + contact.count)) {
            $0 + $1.name.utf8.count + $1.value.utf8.count + 4
        }
    }
}
