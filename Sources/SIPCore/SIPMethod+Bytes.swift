extension SIPMethod {
    /// The method the bytes name when it is one of the named cases, found without making a String.
    static func known(_ bytes: UnsafeBufferPointer<UInt8>) -> SIPMethod? {
        for (token, method) in tokens where token.utf8CodeUnitCount == bytes.count {
            if bytes.elementsEqual(UnsafeBufferPointer(start: token.utf8Start, count: token.utf8CodeUnitCount)) { return method }
        }
        return nil
    }

    private static let tokens: [(StaticString, SIPMethod)] = [
        ("INVITE", .invite), ("ACK", .ack), ("BYE", .bye), ("CANCEL", .cancel), ("OPTIONS", .options),
        ("REGISTER", .register), ("INFO", .info), ("UPDATE", .update), ("REFER", .refer), ("NOTIFY", .notify),
        ("PRACK", .prack), ("SUBSCRIBE", .subscribe), ("MESSAGE", .message),
    ]
}
