/// Which shard (event loop) owns a call: a stable hash of its Call-ID modulo the number of shards.
/// Every message of a call, on both legs, carries a Call-ID that hashes to the call's shard: the
/// caller's is what the SBC chose, and each B-leg's is generated to hash to the same shard.
///
/// The hash is FNV-1a (32 bits) over the Call-ID's bytes, never Swift's `hashValue`, which is seeded
/// per process: the same Call-ID lands on the same shard in every process and in every test.
public struct CallPlacement: Hashable, Sendable {
    /// How many shards the calls are spread over (1 or more).
    public let shardCount: Int
    /// The shard whose Call-IDs this placement generates.
    public let shard: Int

    /// One shard: every call is its own shard's, and Call-IDs are generated in one try.
    public static let single = CallPlacement(shardCount: 1, shard: 0)

    /// The placement of `shard` among `shardCount` shards.
    public init(shardCount: Int, shard: Int) {
        precondition(shardCount >= 1 && (0..<shardCount).contains(shard), "shard \(shard) of \(shardCount)")
        self.shardCount = shardCount
        self.shard = shard
    }

    /// FNV-1a, 32 bits, over `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }

    /// The shard that owns the call with this Call-ID, among `count` shards.
    public static func shard(of callID: String, among count: Int) -> Int {
        count == 1 ? 0 : Int(hash(callID.utf8) % UInt32(count))
    }

    /// The shard that owns the call with this Call-ID.
    public func shard(of callID: String) -> Int {
        Self.shard(of: callID, among: shardCount)
    }

    /// Whether the call with this Call-ID is this placement's shard's.
    public func owns(_ callID: String) -> Bool {
        shard(of: callID) == shard
    }

    /// A new Call-ID owned by this shard: `make` is asked again (it must draw something random each
    /// time) until its Call-ID hashes here, which takes `shardCount` tries on average.
    public func makeCallID(_ make: () -> String) -> String {
        while true {
            let callID = make()
            if owns(callID) { return callID }
        }
    }
}
