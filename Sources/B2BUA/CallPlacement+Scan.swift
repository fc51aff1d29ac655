import SIPTransport

extension CallPlacement {
    /// The Call-ID of a raw SIP message, found by a cheap scan of its header lines without parsing
    /// it (``SIPHeaderScan/callID(in:)``): the value's range in `bytes`, `nil` when the header
    /// section has none or the value is folded onto the next line (the full parse then decides).
    public static func scanCallID(_ bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        SIPHeaderScan.callID(in: bytes)
    }

    /// The shard that owns a raw message by its scanned Call-ID; `nil` when the scan finds none.
    public func shard(ofMessage bytes: UnsafeRawBufferPointer) -> Int? {
        guard shardCount > 1 else { return 0 }
        return Self.scanCallID(bytes).map { Int(Self.hash(bytes[$0]) % UInt32(shardCount)) }
    }
}
