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

    @Test func theScanFindsTheCallIDAsTheParserReadsIt() {
        let message = "INVITE sip:+15550100@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1\r\n"
            + "cAlL-iD :  a84b4c76e66710@pc33.atlanta.com \r\nCSeq: 1 INVITE\r\n\r\nCall-ID: not-this-one\r\n"
        #expect(scanned(message) == "a84b4c76e66710@pc33.atlanta.com")
        #expect(scanned("SIP/2.0 200 OK\nVia: SIP/2.0/UDP h\ni:compact@h\n\n") == "compact@h")
        #expect(scanned("INVITE sip:a@b SIP/2.0\r\nVia: x\r\n\r\nCall-ID: body@h\r\n") == nil, "a Call-ID in the body is not the header")
        #expect(scanned("INVITE sip:a@b SIP/2.0\r\nCall-ID: folded\r\n  @h\r\n\r\n") == nil, "a folded value is left to the parser")
        #expect(scanned("INVITE sip:a@b SIP/2.0\r\nCall-Info: <x>\r\nI-D: y\r\n\r\n") == nil)
        #expect(scanned("Call-ID: start-line@h\r\nVia: x\r\n\r\n") == nil, "the start line is no header")
    }

    @Test func aMessageIsPlacedByItsScannedCallID() {
        let placement = CallPlacement(shardCount: 4, shard: 0)
        let bytes = Array("BYE sip:a@b SIP/2.0\r\nCall-ID: abc@h\r\n\r\n".utf8)
        #expect(bytes.withUnsafeBytes { placement.shard(ofMessage: $0) } == CallPlacement.shard(of: "abc@h", among: 4))
        #expect(Array("garbage".utf8).withUnsafeBytes { placement.shard(ofMessage: $0) } == nil)
    }

    private func scanned(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { buffer in
            CallPlacement.scanCallID(buffer).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
    }
}
