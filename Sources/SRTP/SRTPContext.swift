import CSRTP
import Media

/// One direction of an SRTP stream on libsrtp (RFC 3711): protects the RTP and RTCP Switchboard sends
/// with its own key, or unprotects what it receives with the other side's, for every SSRC. Not
/// thread-safe: each stream's context stays on the loop that owns the stream.
public final class SRTPContext {
    /// Which way the packets go.
    public enum Direction: Sendable {
        /// Packets Switchboard sends: ``SRTPContext/protect(_:)`` and ``SRTPContext/protectRTCP(_:)``.
        case outbound
        /// Packets Switchboard receives: ``SRTPContext/unprotect(_:)`` and ``SRTPContext/unprotectRTCP(_:)``.
        case inbound
    }

    /// The most bytes protecting can add to a packet (tag, MKI, SRTCP index).
    public static let maximumTrailerLength = Int(csrtp_max_trailer_length())

    /// The suite the context protects with.
    public let suite: SRTPSuite
    private let session: srtp_t

    /// A context for `direction` with `suite` and the master key and salt `key`.
    public init(suite: SRTPSuite, key: SRTPMasterKey, direction: Direction) throws(SRTPError) {
        try SRTPLibrary.initialized.get()
        var policy = srtp_policy_t()
        switch suite {
        case .aes128HMACSHA1Tag80: srtp_crypto_policy_set_rtp_default(&policy.rtp)
        case .aes128HMACSHA1Tag32: srtp_crypto_policy_set_aes_cm_128_hmac_sha1_32(&policy.rtp)
        }
        srtp_crypto_policy_set_rtcp_default(&policy.rtcp)
        policy.ssrc.type = direction == .outbound ? ssrc_any_outbound : ssrc_any_inbound
        policy.window_size = 128
        var created: srtp_t?
        var keyBytes = key.bytes
        let status = keyBytes.withUnsafeMutableBufferPointer { buffer in
            policy.key = buffer.baseAddress
            return srtp_create(&created, &policy)
        }
        for index in keyBytes.indices { keyBytes[index] = 0 }
        guard status == srtp_err_status_ok, let created else { throw SRTPError(status, operation: "srtp_create") }
        self.suite = suite
        session = created
    }

    deinit {
        srtp_dealloc(session)
    }

    /// The RTP packet `packet` (header and payload) made SRTP: the payload encrypted, the tag appended.
    public func protect(_ packet: [UInt8]) throws(SRTPError) -> [UInt8] {
        try transform(packet, operation: "srtp_protect", grows: true, srtp_protect)
    }

    /// The RTP packet inside the SRTP packet `packet`; fails when its tag does not authenticate it or
    /// it replays a packet already received.
    public func unprotect(_ packet: [UInt8]) throws(SRTPError) -> [UInt8] {
        try transform(packet, operation: "srtp_unprotect", grows: false, srtp_unprotect)
    }

    /// The RTCP compound packet `packet` made SRTCP (RFC 3711 §3.4): encrypted, index and tag appended.
    public func protectRTCP(_ packet: [UInt8]) throws(SRTPError) -> [UInt8] {
        try transform(packet, operation: "srtp_protect_rtcp", grows: true, srtp_protect_rtcp)
    }

    /// The RTCP compound packet inside the SRTCP packet `packet`.
    public func unprotectRTCP(_ packet: [UInt8]) throws(SRTPError) -> [UInt8] {
        try transform(packet, operation: "srtp_unprotect_rtcp", grows: false, srtp_unprotect_rtcp)
    }

    /// Protects in place the `length` bytes at the start of `buffer`, which has room for
    /// ``maximumTrailerLength`` more; returns the protected length. For senders that build packets in
    /// their own buffers.
    public func protect(in buffer: UnsafeMutableRawBufferPointer, length: Int) throws(SRTPError) -> Int {
        precondition(buffer.count >= length + Self.maximumTrailerLength, "no room for the SRTP trailer")
        return try apply(buffer.baseAddress!, length: length, operation: "srtp_protect", srtp_protect)
    }

    /// Unprotects in place the SRTP packet filling `buffer`; returns the length of the RTP packet.
    public func unprotect(in buffer: UnsafeMutableRawBufferPointer) throws(SRTPError) -> Int {
        guard let base = buffer.baseAddress else { throw SRTPError(srtp_err_status_bad_param, operation: "srtp_unprotect") }
        return try apply(base, length: buffer.count, operation: "srtp_unprotect", srtp_unprotect)
    }

    private typealias Transform = (srtp_t?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int32>?) -> srtp_err_status_t

    private func transform(_ packet: [UInt8], operation: String, grows: Bool, _ function: Transform) throws(SRTPError) -> [UInt8] {
        guard !packet.isEmpty else { throw SRTPError(srtp_err_status_bad_param, operation: operation) }
        var bytes = packet
        if grows { bytes.append(contentsOf: repeatElement(0, count: Self.maximumTrailerLength)) }
        var length = Int32(packet.count)
        let status = bytes.withUnsafeMutableBytes { function(session, $0.baseAddress, &length) }
        guard status == srtp_err_status_ok else { throw SRTPError(status, operation: operation) }
        bytes.removeLast(bytes.count - Int(length))
        return bytes
    }

    private func apply(_ base: UnsafeMutableRawPointer, length: Int, operation: String, _ function: Transform) throws(SRTPError) -> Int {
        var length = Int32(length)
        let status = function(session, base, &length)
        guard status == srtp_err_status_ok else { throw SRTPError(status, operation: operation) }
        return Int(length)
    }
}
