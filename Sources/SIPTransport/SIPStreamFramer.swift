/// Splits a SIP byte stream (TCP or TLS) into messages, RFC 3261 §18.3: a message ends after the blank
/// line that closes its headers plus Content-Length bytes of body. Also recognises the RFC 5626 §3.5.1
/// keep-alives (a double CRLF "ping" between messages, answered with one CRLF "pong").
///
/// ```
///  bytes ──► [line ends, pings]   ──► headers up to CRLFCRLF ──► Content-Length ──► body ──► message
///                 │ exactly CRLFCRLF              │ > maximum                 │ missing / bad
///                 ▼                               ▼                           ▼
///               .keepAlivePing              .messageTooLarge          .malformedFraming
/// ```
public struct SIPStreamFramer: Sendable {
    /// What the framer found in the buffered bytes.
    public enum Frame: Equatable, Sendable {
        /// One complete message, headers and body.
        case message([UInt8])
        /// A CRLFCRLF keep-alive ping; answer with a single CRLF.
        case keepAlivePing
    }

    /// Why the stream cannot be framed; the connection should be closed.
    public enum Error: Swift.Error, Equatable, Sendable {
        /// The header section or the declared body exceeds the maximum message size.
        case messageTooLarge(limit: Int)
        /// Content-Length is missing (mandatory on streams) or not a number.
        case malformedFraming(String)
    }

    private var buffer: [UInt8] = []
    private var consumed = 0
    private let maximumMessageSize: Int

    /// Creates a framer that refuses messages larger than `maximumMessageSize` bytes.
    public init(maximumMessageSize: Int) {
        self.maximumMessageSize = maximumMessageSize
    }

    /// Appends bytes read from the stream.
    public mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if consumed > 0 && consumed >= buffer.count / 2 {
            buffer.removeFirst(consumed)
            consumed = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Returns the next complete frame, or nil when more bytes are needed.
    public mutating func nextFrame() throws(Error) -> Frame? {
        let maximum = maximumMessageSize
        let scanned = buffer.withUnsafeBytes { bytes in
            Result { () throws(Error) in try Self.scan(UnsafeRawBufferPointer(rebasing: bytes[consumed...]), maximumMessageSize: maximum) }
        }
        switch try scanned.get() {
        case .needMore(let skippable):
            consumed += skippable
            return nil
        case .keepAlivePing(let length):
            consumed += length
            return .keepAlivePing
        case .message(let offset, let length):
            let start = consumed + offset
            consumed = start + length
            return .message(Array(buffer[start..<(start + length)]))
        }
    }

    /// Where the first frame lies in `bytes`, which start at the current position of a stream.
    enum Boundary: Equatable {
        /// No complete frame yet; the first `skippable` bytes (line ends between messages) can go.
        case needMore(skippable: Int)
        /// A CRLFCRLF keep-alive of `length` bytes.
        case keepAlivePing(length: Int)
        /// A message of `length` bytes starting at `offset`.
        case message(offset: Int, length: Int)
    }

    /// Finds the first frame in `bytes` (RFC 3261 §18.3, RFC 5626 §3.5.1).
    ///
    /// Line ends before a message are read left to right, one byte at a time, so the frames never
    /// depend on how the stream was cut into reads: exactly CRLFCRLF is a ping; a line-end byte that
    /// cannot begin one is skipped; a tail that may still become one (`CR`, `CRLF`, `CRLFCR`) waits.
    static func scan(_ bytes: UnsafeRawBufferPointer, maximumMessageSize: Int) throws(Error) -> Boundary {
        var start = 0
        while start < bytes.count, bytes[start] == 0x0D || bytes[start] == 0x0A {
            switch pingPrefix(in: bytes, at: start) {
            case .ping: return .keepAlivePing(length: start + 4)
            case .partial: return .needMore(skippable: start)
            case .none: start += 1
            }
        }
        guard start < bytes.count else { return .needMore(skippable: start) }
        guard let headerEnd = endOfHeaders(in: bytes, from: start) else {
            if bytes.count - start > maximumMessageSize { throw .messageTooLarge(limit: maximumMessageSize) }
            return .needMore(skippable: start)
        }
        let bodyLength = try contentLength(in: UnsafeRawBufferPointer(rebasing: bytes[start..<headerEnd]))
        let total = headerEnd - start + bodyLength
        guard total <= maximumMessageSize else { throw .messageTooLarge(limit: maximumMessageSize) }
        guard bytes.count - start >= total else { return .needMore(skippable: start) }
        return .message(offset: start, length: total)
    }

    /// How the bytes at `index` relate to a CRLFCRLF ping.
    private enum PingMatch {
        /// They are one.
        case ping
        /// They end the buffer and are its start: more bytes decide.
        case partial
        /// They cannot be one.
        case none
    }

    private static func pingPrefix(in bytes: UnsafeRawBufferPointer, at index: Int) -> PingMatch {
        for offset in 0..<4 {
            guard index + offset < bytes.count else { return .partial }
            // CR at even offsets, LF at odd ones: CRLFCRLF.
            if bytes[index + offset] != (offset % 2 == 0 ? 0x0D : 0x0A) { return .none }
        }
        return .ping
    }

    /// The index just past the CRLFCRLF that ends the header section, if present.
    private static func endOfHeaders(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var index = start
        while index + 3 < bytes.count {
            if bytes[index + 3] != 0x0A {
                index += bytes[index + 3] == 0x0D ? 1 : 4
                continue
            }
            if bytes[index] == 0x0D, bytes[index + 1] == 0x0A, bytes[index + 2] == 0x0D { return index + 4 }
            index += 1
        }
        return nil
    }

    /// Reads Content-Length (or its compact form `l`) from a header section.
    private static func contentLength(in headers: UnsafeRawBufferPointer) throws(Error) -> Int {
        var lineStart = 0
        while lineStart < headers.count {
            var lineEnd = lineStart
            while lineEnd < headers.count, headers[lineEnd] != 0x0A { lineEnd += 1 }
            if let value = headerValue(named: "content-length", compact: "l", in: UnsafeRawBufferPointer(rebasing: headers[lineStart..<lineEnd])) {
                guard let length = Int(value), length >= 0 else {
                    throw .malformedFraming("Content-Length \"\(value)\" is not a number")
                }
                return length
            }
            lineStart = lineEnd + 1
        }
        throw .malformedFraming("Content-Length is mandatory on stream transports")
    }

    /// The trimmed value of a header line if its name matches (ASCII case-insensitive).
    private static func headerValue(named name: String, compact: String, in line: UnsafeRawBufferPointer) -> String? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let field = String(decoding: line[..<colon], as: UTF8.self).trimmingSIPWhitespace()
        guard field.equalsIgnoringASCIICase(name) || field.equalsIgnoringASCIICase(compact) else { return nil }
        return String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSIPWhitespace()
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs, CR and LF.
    func trimmingSIPWhitespace() -> String {
        let isWhitespace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isWhitespace($0) }), let last = lastIndex(where: { !isWhitespace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
