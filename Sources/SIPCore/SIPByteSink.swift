/// Where SIP text is written byte by byte: a growing `[UInt8]` (a header value's `description`), or
/// the fixed buffer a message is serialized into (``SIPBufferWriter``). The serializer and every
/// `description` share the writing below, so both spell values the same way, without building a
/// String per piece.
protocol SIPByteSink {
    /// Appends one byte.
    mutating func append(_ byte: UInt8)
    /// Appends `bytes` in order.
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension [UInt8]: SIPByteSink {}

extension SIPByteSink {
    /// Appends the UTF-8 bytes of `text`, copied at once from its contiguous storage rather than
    /// byte by byte through its UTF-8 view. The storage is borrowed through `utf8Span`, which, unlike
    /// `withUTF8` on a local copy, neither retains nor releases it.
    mutating func append(sip text: String) {
        text.utf8Span.span.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// Appends `value` in decimal.
    mutating func append(decimal value: Int) {
        if value < 0 {
            append(0x2D)
            append(decimal: -value)
        } else if value < 10 {
            append(UInt8(truncatingIfNeeded: value) + .zero)
        } else {
            append(decimal: value / 10)
            append(UInt8(truncatingIfNeeded: value % 10) + .zero)
        }
    }

    /// Appends `;name=value` for each parameter (`;name` for a flag).
    mutating func append(parameters: [SIPParameter]) {
        for parameter in parameters {
            append(.semicolon)
            append(sip: parameter.name)
            if let value = parameter.value {
                append(0x3D)
                append(sip: value)
            }
        }
    }

    /// Appends a URI in its wire form.
    mutating func append(uri: SIPURI) {
        append(sip: uri.scheme)
        append(.colon)
        if let user = uri.user {
            append(sip: user)
            if let password = uri.password {
                append(.colon)
                append(sip: password)
            }
            append(0x40)
        }
        append(sip: uri.host)
        if let port = uri.port {
            append(.colon)
            append(decimal: port)
        }
        append(parameters: uri.parameters)
        for (index, header) in uri.headers.enumerated() {
            append(index == 0 ? 0x3F : 0x26)
            append(sip: header.name)
            append(0x3D)
            append(sip: header.value ?? "")
        }
    }

    /// Appends an address as a `name-addr`: quoted display name, URI in angle brackets, parameters.
    mutating func append(nameAddress address: SIPNameAddress) {
        if let displayName = address.displayName {
            append(.quote)
            append(sip: displayName)
            append(.quote)
            append(.space)
        }
        append(0x3C)
        append(uri: address.uri)
        append(0x3E)
        append(parameters: address.parameters)
    }

    /// Appends a Via value.
    mutating func append(via: SIPVia) {
        append(sip: via.protocolVersion)
        append(0x2F)
        append(sip: via.transport)
        append(.space)
        append(sip: via.host)
        if let port = via.port {
            append(.colon)
            append(decimal: port)
        }
        append(parameters: via.parameters)
    }

    /// Appends `Name: ` before a header value.
    mutating func append(headerName name: String) {
        append(sip: name)
        append(.colon)
        append(.space)
    }

    /// Appends CRLF.
    mutating func appendCRLF() {
        append(.cr)
        append(.lf)
    }
}

extension String {
    /// A string built by a byte writer.
    init(writing write: (inout [UInt8]) -> Void) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        write(&bytes)
        self.init(decoding: bytes, as: UTF8.self)
    }
}
