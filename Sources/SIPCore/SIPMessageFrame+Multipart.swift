#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension SIPMessageFrame {
    /// Why libosip2 must not be handed this message's body, or nil. libosip2 parses a multipart body
    /// into its parts, and when a part's header block holds a second Content-Type it overwrites the
    /// first without freeing it: every such message would leak memory, which any sender could repeat.
    /// A MIME part carries one Content-Type, so such a body is refused before libosip2 sees it.
    ///
    /// The test is deliberately wider than libosip2's own reading of boundaries: two mentions of
    /// `content-type` (any case) in one run of non-empty lines of the body, when the header section
    /// names a `multipart/` type at all.
    func multipartProblem(in bytes: UnsafeRawBufferPointer) -> String? {
        guard let bodyStart, bodyStart < count, Self.mentionsMultipart(in: bytes, from: headerStart, to: headerEnd)
        else { return nil }
        var mentions = 0
        var lineLength = 0
        var index = bodyStart
        while index < count {
            let byte = bytes[index]
            if byte == .cr || byte == .lf {
                if byte == .cr, index + 1 < count, bytes[index + 1] == .lf { index += 1 }
                if lineLength == 0 { mentions = 0 }
                lineLength = 0
            } else {
                lineLength += 1
                if byte | 0x20 == Self.contentType[0], Self.mentions(Self.contentType, in: bytes, at: index, before: count) {
                    mentions += 1
                    if mentions > 1 { return "a part of the multipart body has two Content-Type headers" }
                }
            }
            index += 1
        }
        return nil
    }

    private static let multipart = Array("multipart".utf8)
    private static let contentType = Array("content-type".utf8)

    /// Whether `multipart/` appears in `start..<end`, ignoring ASCII case: found by `memchr` on its
    /// slash, which a header section holds a few of, then the word before it compared.
    private static func mentionsMultipart(in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var position = start + multipart.count
        while position < end, let found = memchr(base + position, Int32(UInt8(ascii: "/")), end - position) {
            let slash = base.distance(to: UnsafeRawPointer(found))
            if mentions(multipart, in: bytes, at: slash - multipart.count, before: slash) { return true }
            position = slash + 1
        }
        return false
    }

    /// Whether `word` (lowercase) starts at `index`, ignoring ASCII case, and ends before `end`.
    private static func mentions(_ word: [UInt8], in bytes: UnsafeRawBufferPointer, at index: Int, before end: Int) -> Bool {
        guard index + word.count <= end else { return false }
        for offset in 0..<word.count where bytes[index + offset] | 0x20 != word[offset] { return false }
        return true
    }
}
