extension CallPlacement {
    /// The Call-ID of a raw SIP message, found by a cheap scan of its header lines (`Call-ID` or its
    /// compact form `i`, any case, RFC 3261 §7.3.3 and §20.8) without parsing it: the value up to the
    /// end of its line, without the whitespace around it. `nil` when the header section has none, or
    /// the value is folded onto the next line (the full parse then decides). Returns the value's range in `bytes`.
    public static func scanCallID(_ bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        var lineStart = 0
        var isStartLine = true
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if contentEnd == lineStart { return nil }
            if !isStartLine, let value = callIDValue(bytes, from: lineStart, to: contentEnd) {
                let next = lineEnd + 1
                if next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { return nil }
                return value
            }
            isStartLine = false
            lineStart = lineEnd + 1
        }
        return nil
    }

    /// The value of one header line when its name is `Call-ID` or `i`.
    private static func callIDValue(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Range<Int>? {
        var colon = start
        while colon < end, bytes[colon] != 0x3A { colon += 1 }
        guard colon < end else { return nil }
        var nameEnd = colon
        while nameEnd > start, bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09 { nameEnd -= 1 }
        let name = UnsafeRawBufferPointer(rebasing: bytes[start..<nameEnd])
        guard matches(name, "call-id") || matches(name, "i") else { return nil }
        var valueStart = colon + 1
        while valueStart < end, bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09 { valueStart += 1 }
        var valueEnd = end
        while valueEnd > valueStart, bytes[valueEnd - 1] == 0x20 || bytes[valueEnd - 1] == 0x09 { valueEnd -= 1 }
        guard valueEnd > valueStart else { return nil }
        return valueStart..<valueEnd
    }

    private static func matches(_ name: UnsafeRawBufferPointer, _ lowercased: StaticString) -> Bool {
        guard name.count == lowercased.utf8CodeUnitCount else { return false }
        let expected = UnsafeRawBufferPointer(start: lowercased.utf8Start, count: lowercased.utf8CodeUnitCount)
        for index in 0..<name.count {
            let byte = name[index]
            let folded = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            guard folded == expected[index] else { return false }
        }
        return true
    }

    /// The shard that owns a raw message by its scanned Call-ID; `nil` when the scan finds none.
    public func shard(ofMessage bytes: UnsafeRawBufferPointer) -> Int? {
        guard shardCount > 1 else { return 0 }
        return Self.scanCallID(bytes).map { Int(Self.hash(bytes[$0]) % UInt32(shardCount)) }
    }
}
