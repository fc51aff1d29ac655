import Media
import SRTP
import Testing

/// SRTPContext's packets: a known-answer packet for each suite (the RFC 3711 B.3 master key, computed
/// independently from RFC 3711 §4 with AES-CTR and HMAC-SHA1), round trips, and the packets refused.
@Suite("SRTP contexts")
struct SRTPContextTests {
    static let master = SRTPMasterKey(bytes: hex("E1F97A0D3E018BE0D64FA32C06DE4139 0EC675AD498AFEEBB6960B3AABE6"))!
    /// Version 2, payload type 15, sequence 0x1234, timestamp 0xDECAFBAD, SSRC 0xCAFEBABE, 16 bytes of 0xAB.
    static let plain = hex("800F1234DECAFBADCAFEBABE") + [UInt8](repeating: 0xAB, count: 16)
    static let cipherText = hex("800F1234DECAFBADCAFEBABE 4E55DC4CE79978D88CA4D215949D2402")

    @Test("AES_CM_128_HMAC_SHA1_80 and _32 protect the known packet to the known bytes and back", arguments: [
        (SRTPSuite.aes128HMACSHA1Tag80, hex("B78D6ACC99EA179B8DBB")),
        (SRTPSuite.aes128HMACSHA1Tag32, hex("B78D6ACC")),
    ])
    func knownAnswer(suite: SRTPSuite, tag: [UInt8]) throws {
        let sender = try SRTPContext(suite: suite, key: Self.master, direction: .outbound)
        let receiver = try SRTPContext(suite: suite, key: Self.master, direction: .inbound)
        let protected = try sender.protect(Self.plain)
        #expect(protected == Self.cipherText + tag)
        #expect(protected.count == Self.plain.count + suite.tagLength)
        #expect(try receiver.unprotect(protected) == Self.plain)
    }

    @Test("a flipped bit, a wrong key, a replayed packet and an empty datagram are refused")
    func refusals() throws {
        let sender = try SRTPContext(suite: .aes128HMACSHA1Tag80, key: Self.master, direction: .outbound)
        let receiver = try SRTPContext(suite: .aes128HMACSHA1Tag80, key: Self.master, direction: .inbound)
        let stranger = try SRTPContext(suite: .aes128HMACSHA1Tag80, key: SRTPMasterKey.random(), direction: .inbound)
        let protected = try sender.protect(Self.plain)
        var tampered = protected
        tampered[20] ^= 0x01
        #expect(throws: SRTPError.self) { try receiver.unprotect(tampered) }
        #expect((try? receiver.unprotect(tampered)) == nil)
        do {
            _ = try stranger.unprotect(protected)
            Issue.record("a packet under another key was accepted")
        } catch {
            #expect(error.isAuthenticationFailure)
        }
        #expect(try receiver.unprotect(protected) == Self.plain)
        do {
            _ = try receiver.unprotect(protected)
            Issue.record("a replayed packet was accepted")
        } catch {
            #expect(error.isReplay)
        }
        #expect(throws: SRTPError.self) { try receiver.unprotect([]) }
    }

    @Test("consecutive packets across the sequence wrap round-trip in order")
    func sequenceWrap() throws {
        let key = SRTPMasterKey.random()
        let sender = try SRTPContext(suite: .aes128HMACSHA1Tag32, key: key, direction: .outbound)
        let receiver = try SRTPContext(suite: .aes128HMACSHA1Tag32, key: key, direction: .inbound)
        for sequence in [UInt16(65_534), 65_535, 0, 1] {
            let packet = [0x80, 0x00, UInt8(sequence >> 8), UInt8(sequence & 0xFF), 0, 0, 0, 160, 1, 2, 3, 4] + [UInt8](repeating: 0xFF, count: 160)
            let protected = try sender.protect(packet)
            #expect(protected != packet + protected.suffix(4), "the payload is encrypted")
            #expect(try receiver.unprotect(protected) == packet)
        }
    }

    @Test("RTCP: a receiver report becomes SRTCP (encrypted, index and 80-bit tag) and comes back")
    func rtcp() throws {
        let key = SRTPMasterKey.random()
        let sender = try SRTPContext(suite: .aes128HMACSHA1Tag32, key: key, direction: .outbound)
        let receiver = try SRTPContext(suite: .aes128HMACSHA1Tag32, key: key, direction: .inbound)
        let report = hex("81C90007 CAFEBABE") + [UInt8](repeating: 0x5A, count: 24)
        let protected = try sender.protectRTCP(report)
        #expect(protected.count == report.count + 4 + 10)
        #expect(protected[0..<8] == report[0..<8], "the header and sender SSRC stay clear")
        #expect(protected[8..<report.count] != report[8...])
        #expect(try receiver.unprotectRTCP(protected) == report)
    }

    @Test("a key's description never shows its bytes")
    func keyDescription() {
        #expect("\(Self.master)" == "SRTPMasterKey(30 bytes)")
    }
}
