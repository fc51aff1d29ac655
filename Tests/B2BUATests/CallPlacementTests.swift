import B2BUA
import Testing

@Suite struct CallPlacementTests {
    @Test func theHashIsFNV1aOverTheBytes() {
        #expect(CallPlacement.hash("".utf8) == 0x811C_9DC5)
        #expect(CallPlacement.hash("a".utf8) == 0xE40C_292C)
        #expect(CallPlacement.hash("foobar".utf8) == 0xBF9C_F968)
    }

    @Test func everyShardGetsCallsAndOneShardGetsAll() {
        let callIDs = (0..<1_000).map { "pstn-\($0)@sbc" }
        let shards = callIDs.map { CallPlacement.shard(of: $0, among: 4) }
        #expect(Set(shards) == [0, 1, 2, 3])
        #expect(shards.allSatisfy { (0..<4).contains($0) })
        #expect(callIDs.allSatisfy { CallPlacement.shard(of: $0, among: 1) == 0 })
        #expect(CallPlacement.shard(of: "a84b4c76e66710@pc33.atlanta.com", among: 4) == Int(CallPlacement.hash("a84b4c76e66710@pc33.atlanta.com".utf8) % 4))
    }

    @Test func aGeneratedCallIDHashesToItsShard() {
        for shard in 0..<8 {
            let placement = CallPlacement(shardCount: 8, shard: shard)
            var counter = 0
            let callID = placement.makeCallID {
                counter += 1
                return "sb-\(counter)-1"
            }
            #expect(CallPlacement.shard(of: callID, among: 8) == shard)
            #expect(placement.owns(callID))
        }
    }

    @Test func aMessageIsPlacedByItsScannedCallID() {
        let placement = CallPlacement(shardCount: 4, shard: 0)
        let bytes = Array("BYE sip:a@b SIP/2.0\r\nCall-ID: abc@h\r\n\r\n".utf8)
        #expect(bytes.withUnsafeBytes { placement.shard(ofMessage: $0) } == CallPlacement.shard(of: "abc@h", among: 4))
        #expect(Array("garbage".utf8).withUnsafeBytes { placement.shard(ofMessage: $0) } == nil)
    }
}
