#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Cheap scans of a raw SIP message's header lines, without parsing it: enough to place a message
/// on its shard by its Call-ID, or to tell a new call's INVITE from the rest of a batch of reads.
public enum SIPHeaderScan {
    /// The value of the first header line named `name` or its compact form `compact` (lowercase
    /// names, matched in any case, RFC 3261 §7.3.3), up to the end of its line and without the
    /// whitespace around it, as its range in `bytes`. `nil` when the header section has none, or the
    /// value is folded onto the next line (the full parse then decides).
    public static func value(of name: StaticString, compact: StaticString, in bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        guard let base = bytes.baseAddress else { return nil }
        var lineStart = 0
        var isStartLine = true
        while lineStart < bytes.count {
            let newline = memchr(base + lineStart, 0x0A, bytes.count - lineStart)
            let lineEnd = newline.map { base.distance(to: UnsafeRawPointer($0)) } ?? bytes.count
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if contentEnd == lineStart { return nil }
            if !isStartLine, let value = value(bytes, from: lineStart, to: contentEnd, named: name, compact: compact) {
                let next = lineEnd + 1
                if next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { return nil }
                return value
            }
            isStartLine = false
            lineStart = lineEnd + 1
        }
        return nil
    }

    /// The Call-ID's value (`Call-ID` or `i`, RFC 3261 §20.8).
    public static func callID(in bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        value(of: "call-id", compact: "i", in: bytes)
    }

    /// Whether the message is an INVITE outside any dialog: its start line begins `INVITE ` and its
    /// To header (`To` or `t`) has no `tag` parameter (RFC 3261 §12.2: a request inside a dialog
    /// carries the remote tag there). `false` when the scan cannot find the To header.
    public static func isInitialInvite(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.starts(with: "INVITE ".utf8), let to = value(of: "to", compact: "t", in: bytes) else { return false }
        var inAngleBrackets = false, inQuotes = false, afterSemicolon = false
        var index = to.lowerBound
        while index < to.upperBound {
            let byte = bytes[index]
            switch byte {
            case 0x22 where !inAngleBrackets: inQuotes.toggle()
            case 0x3C where !inQuotes: inAngleBrackets = true
            case 0x3E where !inQuotes: inAngleBrackets = false
            case 0x3B where !inQuotes && !inAngleBrackets: afterSemicolon = true
            case 0x20, 0x09: break
            default:
                if afterSemicolon, index + 3 <= to.upperBound, matches(UnsafeRawBufferPointer(rebasing: bytes[index..<index + 3]), "tag") {
                    let next = index + 3
                    if next == to.upperBound || bytes[next] == 0x3D || bytes[next] == 0x20 || bytes[next] == 0x09 || bytes[next] == 0x3B { return false }
                }
                afterSemicolon = false
            }
            index += 1
        }
        return true
    }

    /// The value of one header line when its name is `name` or `compact`.
    private static func value(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int,
                              named name: StaticString, compact: StaticString) -> Range<Int>? {
        let first = folded(bytes[start])
        guard first == name.utf8Start.pointee || first == compact.utf8Start.pointee,
              let (found, value) = split(bytes, from: start, to: end),
              matches(found, name) || matches(found, compact), !value.isEmpty else { return nil }
        return value
    }

    /// The header line from `start` to `end` (its line end excluded) as its name and its value
    /// (perhaps empty), without the whitespace around either; nil without a colon.
    static func split(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> (name: UnsafeRawBufferPointer, value: Range<Int>)? {
        guard start < end, let base = bytes.baseAddress,
              let found = memchr(base + start, 0x3A, end - start) else { return nil }
        let colon = base.distance(to: UnsafeRawPointer(found))
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        var nameEnd = colon
        while nameEnd > start, isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
        var valueStart = colon + 1
        while valueStart < end, isSpace(bytes[valueStart]) { valueStart += 1 }
        var valueEnd = end
        while valueEnd > valueStart, isSpace(bytes[valueEnd - 1]) { valueEnd -= 1 }
        return (UnsafeRawBufferPointer(rebasing: bytes[start..<nameEnd]), valueStart..<valueEnd)
    }

    /// Whether `name` is `lowercased`, in any case.
    static func matches(_ name: UnsafeRawBufferPointer, _ lowercased: StaticString) -> Bool {
        guard name.count == lowercased.utf8CodeUnitCount else { return false }
        let expected = UnsafeRawBufferPointer(start: lowercased.utf8Start, count: lowercased.utf8CodeUnitCount)
        for index in 0..<name.count where folded(name[index]) != expected[index] { return false }
        return true
    }

    /// The byte with an ASCII capital letter lowercased.
    static func folded(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }
}
