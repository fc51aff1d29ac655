/// An SRTP crypto suite that SDES can name (RFC 4568 §6.2): AES in counter mode with a 128-bit key and
/// HMAC-SHA1 authentication (RFC 3711 §4), the tag cut to 80 or 32 bits.
public enum SRTPSuite: String, CaseIterable, Hashable, Sendable {
    /// `AES_CM_128_HMAC_SHA1_80`: an 80-bit authentication tag, the default of RFC 3711.
    case aes128HMACSHA1Tag80 = "AES_CM_128_HMAC_SHA1_80"
    /// `AES_CM_128_HMAC_SHA1_32`: a 32-bit authentication tag on SRTP (SRTCP keeps 80 bits).
    case aes128HMACSHA1Tag32 = "AES_CM_128_HMAC_SHA1_32"

    /// The bytes of the authentication tag each SRTP packet carries.
    public var tagLength: Int {
        switch self {
        case .aes128HMACSHA1Tag80: 10
        case .aes128HMACSHA1Tag32: 4
        }
    }
}

/// Whether the media edge speaks SRTP (`media.srtp`): `off` answers plain RTP only, `optional` answers
/// an `RTP/SAVP` offer with SRTP and an `RTP/AVP` one with RTP, `required` answers SRTP only.
public enum SRTPPolicy: String, CaseIterable, Hashable, Sendable {
    /// Plain RTP only: an offer with nothing but `RTP/SAVP` audio is refused.
    case off
    /// SRTP when the offer asks for it, plain RTP otherwise.
    case optional
    /// SRTP only: an offer with nothing but `RTP/AVP` audio is refused.
    case required
}
