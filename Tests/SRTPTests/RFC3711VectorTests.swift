import CSRTP
import Media
import SRTP
import Testing

/// libsrtp against RFC 3711's Appendix B: the AES-CM keystream (B.2) through libsrtp's cipher API, and
/// the key derivation (B.3) through SRTPContext, whose first packet's keystream must be the one of the
/// session key and salt the RFC derives.
@Suite("RFC 3711 test vectors")
struct RFC3711VectorTests {
    /// `count` bytes of AES-CM keystream for `key` (16 bytes) and `salt` (14 bytes) from counter
    /// `salt || 0000` (IV zero), read through libsrtp's own AES-ICM cipher.
    static func keystream(key: [UInt8], salt: [UInt8], count: Int) throws -> [UInt8] {
        // srtp_init may run once per process: the first context runs it.
        _ = try SRTPContext(suite: .aes128HMACSHA1Tag80, key: .random(), direction: .outbound)
        var cipher: UnsafeMutablePointer<srtp_cipher_t>?
        let type = withUnsafePointer(to: srtp_aes_icm_128) { srtp_cipher_type_alloc($0, &cipher, 30, 0) }
        try #require(type == srtp_err_status_ok)
        defer { srtp_cipher_dealloc(cipher) }
        var material = key + salt
        try #require(srtp_cipher_init(cipher, &material) == srtp_err_status_ok)
        var iv = [UInt8](repeating: 0, count: 16)
        try #require(srtp_cipher_set_iv(cipher, &iv, Int32(srtp_direction_encrypt.rawValue)) == srtp_err_status_ok)
        var buffer = [UInt8](repeating: 0, count: count)
        var length = UInt32(count)
        try #require(srtp_cipher_encrypt(cipher, &buffer, &length) == srtp_err_status_ok)
        return buffer
    }

    @Test("B.2: the AES-CM keystream of session key 2B7E…3C and salt F0F1…FD, its first and last blocks")
    func aesCounterMode() throws {
        let stream = try Self.keystream(key: hex("2B7E151628AED2A6ABF7158809CF4F3C"), salt: hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"),
                                        count: 65_282 * 16)
        #expect(Array(stream[0..<48]) == hex("E03EAD0935C95E80E166B16DD92B4EB4 D23513162B02D0F72A43A2FE4A5F97AB 41E95B3BB0A2E8DD477901E4FCA894C0"))
        #expect(Array(stream[(0xFEFF * 16)...])
            == hex("EC8CDF7398607CB0F2D21675EA9EA1E4 362B7C3C6773516318A077D7FC5073AE 6A2CC3787889374FBEB4C81B17BA6C44"))
    }

    @Test("B.3: master key E1F9…39 and salt 0EC6…E6 derive session key C61E…87 and salt 30CB…E1")
    func keyDerivation() throws {
        let master = try #require(SRTPMasterKey(bytes: hex("E1F97A0D3E018BE0D64FA32C06DE4139 0EC675AD498AFEEBB6960B3AABE6")))
        let sender = try SRTPContext(suite: .aes128HMACSHA1Tag80, key: master, direction: .outbound)
        // SSRC 0 and packet index 0: the IV is the session salt shifted, so the payload is XORed with
        // the session key's keystream from counter salt || 0000.
        let packet = [0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] + [UInt8](repeating: 0, count: 32)
        let protected = try sender.protect(packet)
        let expected = try Self.keystream(key: hex("C61E7A93744F39EE10734AFE3FF7A087"), salt: hex("30CBBC08863D8C85D49DB34A9AE1"), count: 32)
        #expect(Array(protected[12..<44]) == expected)
        #expect(Array(expected[0..<16]) == hex("FA63BC4668685B65F8FA1CE3909CEAD5"))
    }
}
