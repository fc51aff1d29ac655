#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension SIPMessageFrame {
    /// A carriage return not followed by a line feed before the body, if any: RFC 3261 §7 ends every
    /// line of the start line and headers with CRLF, and CR may appear nowhere else there (not even in
    /// a quoted string, §25.1). libosip2 would end the line at such a CR and read what follows as a
    /// header whose name holds control bytes, which then cannot be written back as it was read. Found
    /// with `memchr` from one CR to the next, as the frame finds its lines.
    func bareCarriageReturn(in bytes: UnsafeRawBufferPointer) -> String? {
        guard let base = bytes.baseAddress else { return nil }
        var position = start
        while position < headerEnd, let found = memchr(base + position, Int32(UInt8.cr), headerEnd - position) {
            let index = base.distance(to: UnsafeRawPointer(found))
            if index + 1 >= count || bytes[index + 1] != .lf { return "a carriage return without a line feed at byte \(index)" }
            position = index + 2
        }
        return nil
    }
}
