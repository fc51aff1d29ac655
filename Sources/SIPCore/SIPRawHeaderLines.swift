/// The header lines of a framed message as written, unfolded (RFC 3261 §7.3.1) and named canonically.
///
/// SIPCore reads them itself only on the slow paths: to explain a message libosip2 rejected, to salvage
/// what a `400` needs, and to look again at a URI libosip2 accepted too liberally.
struct SIPRawHeaderLines {
    /// One unfolded header line; `value` is nil for a line with no colon.
    struct Line {
        /// The canonical header name (the whole line when it has no colon).
        var name: String
        /// The value between the colon and the end of the line, trimmed.
        var value: String?
    }

    /// The lines in received order.
    private(set) var lines: [Line] = []
    /// The Request-URI as written, for a request line with two spaces.
    private(set) var requestURI: String?

    /// Reads the header section (and the Request-URI) of `bytes`.
    init(_ bytes: UnsafeRawBufferPointer, frame: SIPMessageFrame) {
        let startLine = bytes[frame.start..<frame.startLineEnd]
        if !frame.isResponse(bytes), let first = startLine.firstIndex(of: .space),
           let last = startLine.lastIndex(of: .space), first < last {
            requestURI = String(decoding: bytes[(first + 1)..<last], as: UTF8.self)
        }
        var logical: [UInt8] = []
        var index = frame.headerStart
        while index < frame.headerEnd {
            var end = index
            while end < frame.headerEnd, bytes[end] != .cr, bytes[end] != .lf { end += 1 }
            let line = bytes[index..<end]
            if let first = line.first, first.isSIPWhitespace, !logical.isEmpty {
                logical.append(.space)
                logical.append(contentsOf: line.drop { $0.isSIPWhitespace })
            } else {
                flush(&logical)
                logical.append(contentsOf: line)
            }
            index = end
            if index < frame.headerEnd, bytes[index] == .cr { index += 1 }
            if index < frame.headerEnd, bytes[index] == .lf { index += 1 }
        }
        flush(&logical)
    }

    private mutating func flush(_ logical: inout [UInt8]) {
        defer { logical.removeAll(keepingCapacity: true) }
        guard !logical.isEmpty else { return }
        guard let colon = logical.firstIndex(of: .colon) else {
            lines.append(Line(name: String(decoding: logical, as: UTF8.self), value: nil))
            return
        }
        let name = String(decoding: Self.trimmed(logical[..<colon]), as: UTF8.self)
        let value = String(decoding: Self.trimmed(logical[(colon + 1)...]), as: UTF8.self)
        lines.append(Line(name: SIPHeaderName.canonical(name), value: value))
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var trimmed = bytes.drop { $0.isSIPWhitespace }
        while let last = trimmed.last, last.isSIPWhitespace { trimmed.removeLast() }
        return trimmed
    }

    /// The values of the lines named `name`, each split at the commas that separate list elements
    /// (outside quoted strings and angle brackets).
    func elements(of name: String) -> [String] {
        lines.filter { $0.name == name }.flatMap { SIPListSplitter.elements($0.value ?? "") }
    }
}
