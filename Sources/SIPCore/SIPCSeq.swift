/// The CSeq header (RFC 3261 §20.16): a sequence number and the request method.
public struct SIPCSeq: Hashable, Sendable, CustomStringConvertible {
    /// The sequence number, below 2**31.
    public var sequenceNumber: UInt32
    /// The method of the request this CSeq belongs to.
    public var method: SIPMethod

    /// Creates a CSeq value.
    public init(sequenceNumber: UInt32, method: SIPMethod) {
        self.sequenceNumber = sequenceNumber
        self.method = method
    }

    /// The CSeq value in its wire form.
    public var description: String { String(sequenceNumber) + " " + method.token }
}
