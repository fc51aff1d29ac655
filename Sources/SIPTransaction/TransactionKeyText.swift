/// The text of a transaction key written in one allocation, the branch (and the server key's host)
/// with its ASCII letters lowercased as it is written: the same text `lowercased()` and string
/// interpolation make for ASCII input, without their intermediate strings. A key is made for every
/// message received and every transaction started. Nil when a part is not ASCII, where only
/// `lowercased()` knows the answer.
enum TransactionKeyText {
    /// Whether `text` is ASCII, so that lowercasing its ASCII letters is all `lowercased()` would do.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether `branch` starts with RFC 3261's magic cookie `z9hG4bK`, ignoring ASCII case.
    static func startsWithMagicCookie(_ branch: String) -> Bool {
        let bytes = branch.utf8Span.span
        guard bytes.count >= magicCookieBytes.count else { return false }
        for index in magicCookieBytes.indices where lowered(bytes[index]) != magicCookieBytes[index] { return false }
        return true
    }

    /// RFC 3261's magic cookie (§8.1.1.7), lowercased for the case-insensitive comparison.
    static let magicCookie = "z9hg4bk"
    private static let magicCookieBytes = Array(magicCookie.utf8)

    /// `branch method`, the branch lowercased: a client transaction's key (§17.1.3).
    static func client(branch: String, method: String) -> String? {
        write(count: branch.utf8.count + 1 + method.utf8.count) { buffer, index in
            append(branch, lowering: true, to: buffer, at: &index)
                && append(" ", lowering: false, to: buffer, at: &index)
                && append(method, lowering: false, to: buffer, at: &index)
        }
    }

    /// `branch host:port method`, branch and host lowercased, the port empty when absent: a server
    /// transaction's key (§17.2.3).
    static func server(branch: String, host: String, port: Int?, method: String) -> String? {
        let portText = port.map(String.init) ?? ""
        return write(count: branch.utf8.count + host.utf8.count + portText.utf8.count + method.utf8.count + 3) { buffer, index in
            append(branch, lowering: true, to: buffer, at: &index)
                && append(" ", lowering: false, to: buffer, at: &index)
                && append(host, lowering: true, to: buffer, at: &index)
                && append(":", lowering: false, to: buffer, at: &index)
                && append(portText, lowering: false, to: buffer, at: &index)
                && append(" ", lowering: false, to: buffer, at: &index)
                && append(method, lowering: false, to: buffer, at: &index)
        }
    }

    /// The text `body` writes (it returns false at the first part that is not ASCII); nil then.
    private static func write(count: Int, _ body: (UnsafeMutableBufferPointer<UInt8>, inout Int) -> Bool) -> String? {
        var ascii = true
        let text = String(unsafeUninitializedCapacity: count) { buffer in
            var index = 0
            ascii = body(buffer, &index)
            return index
        }
        return ascii ? text : nil
    }

    /// Copies `text` into `buffer` at `index`, lowercasing its ASCII letters when `lowering`;
    /// returns whether it was all ASCII.
    private static func append(_ text: String, lowering: Bool, to buffer: UnsafeMutableBufferPointer<UInt8>, at index: inout Int) -> Bool {
        text.utf8Span.span.withUnsafeBufferPointer { bytes in
            var high: UInt8 = 0
            for byte in bytes {
                high |= byte
                buffer[index] = lowering ? lowered(byte) : byte
                index += 1
            }
            return high < 0x80
        }
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
