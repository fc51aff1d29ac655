extension CStringDecoder {
    /// Appends the string as the message carried it (see `text(_:)`).
    func append(_ pointer: UnsafePointer<CChar>, to bytes: inout [UInt8]) {
        let source = Self.bytes(pointer)
        guard nulPlaceholder != nil || escapedNULPlaceholder != nil else { return bytes.append(contentsOf: source) }
        for byte in source {
            switch byte {
            case nulPlaceholder: bytes.append(0)
            case escapedNULPlaceholder: bytes.append(contentsOf: [.percent, .zero, .zero])
            default: bytes.append(byte)
            }
        }
    }

    /// `first`, `separator` and `second` as one string (`number@host`, `type/subtype`), written once.
    func joining(_ first: UnsafePointer<CChar>, _ separator: UInt8, _ second: UnsafePointer<CChar>) -> String {
        guard nulPlaceholder == nil, escapedNULPlaceholder == nil else {
            return String(writing: { bytes in
                append(first, to: &bytes)
                bytes.append(separator)
                append(second, to: &bytes)
            })
        }
        let head = Self.bytes(first)
        let tail = Self.bytes(second)
        return String(unsafeUninitializedCapacity: head.count + 1 + tail.count) { buffer in
            var position = buffer.initialize(fromContentsOf: head)
            buffer[position] = separator
            position += 1
            return position + UnsafeMutableBufferPointer(rebasing: buffer[position...]).initialize(fromContentsOf: tail)
        }
    }

    /// The value of a C string of ASCII digits, when it is below `limit`.
    static func decimal(_ pointer: UnsafePointer<CChar>, below limit: Int) -> Int? {
        SIPDecimal.value(bytes(pointer), below: limit)
    }

    /// Whether the C string is exactly `literal`.
    static func matches(_ pointer: UnsafePointer<CChar>, _ literal: StaticString) -> Bool {
        let text = bytes(pointer)
        return text.count == literal.utf8CodeUnitCount
            && text.elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// A host as SIPCore keeps it: an IPv6 address gets back the brackets libosip2 dropped. With
    /// `cuttingComment`, everything from the first space goes (libosip2 leaves a Via comment in the
    /// host). Nil when it cannot be a host (`SIPURI.hostKind(_:)`).
    static func host(_ pointer: UnsafePointer<CChar>, cuttingComment: Bool) -> String? {
        var host = bytes(pointer)
        if cuttingComment, let space = host.firstIndex(of: .space) { host = UnsafeBufferPointer(rebasing: host[..<space]) }
        switch SIPURI.hostKind(host) {
        case .name: return String(decoding: host, as: UTF8.self)
        case .ipv6: return "[" + String(decoding: host, as: UTF8.self) + "]"
        case nil: return nil
        }
    }
}
