extension SIPMessageFrame {
    /// A carriage return not followed by a line feed before the body, if any: RFC 3261 §7 ends every
    /// line of the start line and headers with CRLF, and CR may appear nowhere else there (not even in
    /// a quoted string, §25.1). libosip2 would end the line at such a CR and read what follows as a
    /// header whose name holds control bytes, which then cannot be written back as it was read.
    func bareCarriageReturn(in bytes: UnsafeRawBufferPointer) -> String? {
        var index = start
        while index < headerEnd {
            if bytes[index] == .cr, index + 1 >= count || bytes[index + 1] != .lf {
                return "a carriage return without a line feed at byte \(index)"
            }
            index += 1
        }
        return nil
    }
}
