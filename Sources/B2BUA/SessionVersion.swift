/// RFC 3264 §8: every new offer or answer in a session keeps the `o=` line of the session's first
/// description but for its version, which is one higher each time. A B2BUA that answered the caller
/// with its own description and later offers the caller the agent's must put its own origin line,
/// one version on, in the agent's description.
enum SessionVersion {
    /// The `o=` line of `description` (its username, session id, version and address, as bytes).
    static func origin(of description: [UInt8]) -> String? {
        lines(of: description).first { $0.hasPrefix("o=") }.map { String($0.dropFirst(2)) }
    }

    /// `description` with its `o=` line replaced by `origin`'s username, session id and address and
    /// the version after `origin`'s; returns the new description and that `o=` value. Nil when either
    /// has no well-formed `o=` line (six fields, a numeric version).
    static func reoffer(_ description: [UInt8], continuing origin: String) -> (description: [UInt8], origin: String)? {
        var fields = origin.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard fields.count == 6, let version = UInt64(fields[2]), version < UInt64.max else { return nil }
        fields[2] = String(version + 1)
        let next = fields.joined(separator: " ")
        var replaced = false
        let rewritten = lines(of: description).map { line -> String in
            guard !replaced, line.hasPrefix("o=") else { return line }
            replaced = true
            return "o=" + next
        }
        guard replaced else { return nil }
        return (Array(rewritten.map { $0 + "\r\n" }.joined().utf8), next)
    }

    /// The lines of an SDP body, without their CRLF or LF.
    private static func lines(of description: [UInt8]) -> [String] {
        description.split(separator: UInt8(ascii: "\n")).map { line in
            String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
        }
    }
}
