/// Reading the decimal numbers of SIP (`1*DIGIT`, RFC 3261 §25.1): CSeq, Max-Forwards, Content-Length,
/// ports, delta-seconds.
enum SIPDecimal {
    /// The value of `digits` when they are one or more ASCII digits whose value is below `limit`.
    static func value(_ digits: some Sequence<UInt8>, below limit: Int) -> Int? {
        var value = 0
        var count = 0
        for byte in digits {
            guard byte.isASCIIDigit else { return nil }
            value = value * 10 + Int(byte - .zero)
            count += 1
            if value >= limit { return nil }
        }
        return count > 0 ? value : nil
    }
}
