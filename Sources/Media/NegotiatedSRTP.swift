/// The SRTP of a negotiated stream (RFC 3711 over SDES, RFC 4568): the suite of the accepted
/// `a=crypto` line and a key for each direction, as each side sends with the key it announced.
public struct NegotiatedSRTP: Hashable, Sendable {
    /// The crypto suite both sides use.
    public var suite: SRTPSuite
    /// The tag of the accepted crypto line, repeated in the answer.
    public var tag: Int
    /// Protects what Switchboard sends: the key of Switchboard's own crypto line.
    public var sendingKey: SRTPMasterKey
    /// Unprotects what Switchboard receives: the key of the other side's crypto line.
    public var receivingKey: SRTPMasterKey

    /// Creates the SRTP of a stream.
    public init(suite: SRTPSuite, tag: Int, sendingKey: SRTPMasterKey, receivingKey: SRTPMasterKey) {
        self.suite = suite
        self.tag = tag
        self.sendingKey = sendingKey
        self.receivingKey = receivingKey
    }

    /// Switchboard's crypto line: the accepted tag and suite with the sending key (RFC 4568 §5.1.2).
    public var answerCrypto: SDESCrypto { SDESCrypto(tag: tag, suite: suite, key: sendingKey) }
}
