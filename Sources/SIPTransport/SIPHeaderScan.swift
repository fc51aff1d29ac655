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
        guard first == name.utf8Start.pointee || first == compact.utf8Start.pointee else { return nil }
        var colon = start
        while colon < end, bytes[colon] != 0x3A { colon += 1 }
        guard colon < end else { return nil }
        var nameEnd = colon
        while nameEnd > start, bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09 { nameEnd -= 1 }
        let found = UnsafeRawBufferPointer(rebasing: bytes[start..<nameEnd])
        guard matches(found, name) || matches(found, compact) else { return nil }
        var valueStart = colon + 1
        while valueStart < end, bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09 { valueStart += 1 }
        var valueEnd = end
        while valueEnd > valueStart, bytes[valueEnd - 1] == 0x20 || bytes[valueEnd - 1] == 0x09 { valueEnd -= 1 }
        guard valueEnd > valueStart else { return nil }
        return valueStart..<valueEnd
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
