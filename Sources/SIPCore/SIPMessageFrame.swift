/// The layout of received bytes, found in one pass before libosip2 sees them: where the start line, the
/// header section and the body lie, and whether the part before the body holds bytes libosip2 cannot
/// carry in its C strings (a NUL octet, or the escape `%00` it would decode into one).
///
/// Lines end with CRLF, LF or a lone CR, as libosip2 accepts; empty lines before the start line are
/// skipped (RFC 3261 §7.5).
struct SIPMessageFrame {
    /// The number of bytes received.
    let count: Int
    /// The first byte of the start line.
    let start: Int
    /// The terminator of the start line (its CR or LF), or `count`.
    let startLineEnd: Int
    /// The first byte of the first header line.
    let headerStart: Int
    /// The first byte of the empty line ending the headers, or `count` when there is none.
    let headerEnd: Int
    /// The first body byte, after the empty line; nil when no empty line ends the headers.
    let bodyStart: Int?
    /// Whether a NUL octet appears before the body.
    let holdsNUL: Bool
    /// Whether the escape `%00` appears before the body.
    let holdsEscapedNUL: Bool

    /// Scans `bytes`.
    init(_ bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        var index = 0
        while index < count, bytes[index] == .cr || bytes[index] == .lf { index += 1 }
        var holdsNUL = false
        var holdsEscapedNUL = false
        func skipLine() {
            while index < count {
                let byte = bytes[index]
                if byte == .cr || byte == .lf { return }
                if byte == 0 {
                    holdsNUL = true
                } else if byte == .percent, index + 2 < count, bytes[index + 1] == .zero, bytes[index + 2] == .zero {
                    holdsEscapedNUL = true
                }
                index += 1
            }
        }
        func skipTerminator() {
            guard index < count else { return }
            index += bytes[index] == .cr && index + 1 < count && bytes[index + 1] == .lf ? 2 : 1
        }
        self.count = count
        self.start = index
        skipLine()
        self.startLineEnd = index
        skipTerminator()
        self.headerStart = index
        var headerEnd = count
        var bodyStart: Int?
        while index < count {
            if bytes[index] == .cr || bytes[index] == .lf {
                headerEnd = index
                skipTerminator()
                bodyStart = index
                break
            }
            skipLine()
            skipTerminator()
        }
        self.headerEnd = headerEnd
        self.bodyStart = bodyStart
        self.holdsNUL = holdsNUL
        self.holdsEscapedNUL = holdsEscapedNUL
    }

    /// Whether the bytes hold no message: nothing, CRLF keep-alives, or whitespace only.
    func isEmpty(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes[start...].allSatisfy { $0 == .space || $0 == .tab || $0 == .cr || $0 == .lf }
    }

    /// Whether the start line begins with `SIP/`, which makes the message a response.
    func isResponse(_ bytes: UnsafeRawBufferPointer) -> Bool {
        startLineEnd - start >= 4 && bytes[start..<start + 4].elementsEqual("SIP/".utf8, by: UInt8.equalsIgnoringASCIICase)
    }

    /// The number of body bytes present after the empty line.
    var bodyBytesPresent: Int { bodyStart.map { count - $0 } ?? 0 }
}
