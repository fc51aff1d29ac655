#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The layout of received bytes, found before libosip2 sees them with a few `memchr` calls: where the
/// start line, the header section and the body lie, and whether the part before the body holds bytes
/// libosip2 cannot carry in its C strings (a NUL octet, or the escape `%00` it would decode into one).
///
/// Lines end with CRLF or LF; empty lines before the start line are skipped (RFC 3261 §7.5).
struct SIPMessageFrame {
    /// The number of bytes received.
    let count: Int
    /// The first byte of the start line.
    let start: Int
    /// The end of the start line (its CR or LF), or `count`.
    private(set) var startLineEnd: Int
    /// The first byte of the first header line.
    private(set) var headerStart: Int
    /// The first byte of the empty line ending the headers, or `count` when there is none.
    private(set) var headerEnd: Int
    /// The first body byte, after the empty line; nil when no empty line ends the headers.
    private(set) var bodyStart: Int?
    /// Whether a NUL octet appears before the body.
    private(set) var holdsNUL = false
    /// Whether the escape `%00` appears before the body.
    private(set) var holdsEscapedNUL = false

    /// Scans `bytes`.
    init(_ bytes: UnsafeRawBufferPointer) {
        count = bytes.count
        var index = 0
        while index < count, bytes[index] == .cr || bytes[index] == .lf { index += 1 }
        start = index
        startLineEnd = count
        headerStart = count
        headerEnd = count
        guard let base = bytes.baseAddress, index < count else { return }
        var lineStart = index
        while lineStart < count, let found = memchr(base + lineStart, Int32(UInt8.lf), count - lineStart) {
            let lineFeed = base.distance(to: UnsafeRawPointer(found))
            let end = lineFeed > lineStart && bytes[lineFeed - 1] == .cr ? lineFeed - 1 : lineFeed
            if lineStart == start {
                startLineEnd = end
                headerStart = lineFeed + 1
            } else if end == lineStart {
                headerEnd = lineStart
                bodyStart = lineFeed + 1
                break
            }
            lineStart = lineFeed + 1
        }
        let scanned = bodyStart ?? count
        holdsNUL = memchr(base + start, 0, scanned - start) != nil
        var position = start
        while position < scanned, let found = memchr(base + position, Int32(UInt8.percent), scanned - position) {
            let percent = base.distance(to: UnsafeRawPointer(found))
            if percent + 2 < scanned, bytes[percent + 1] == .zero, bytes[percent + 2] == .zero {
                holdsEscapedNUL = true
                break
            }
            position = percent + 1
        }
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
