import SIPTransport

extension CallPlacement {
    /// The shard that owns a raw message by its Call-ID, found by a byte scan without parsing
    /// (``SIPHeaderScan/callID(in:)``); `nil` when the scan finds none (the full parse then decides).
    public func shard(ofMessage bytes: UnsafeRawBufferPointer) -> Int? {
        guard shardCount > 1 else { return 0 }
        return SIPHeaderScan.callID(in: bytes).map { Int(Self.hash(bytes[$0]) % UInt32(shardCount)) }
    }
}
