import Foundation

/// Unpadded base64url (RFC 4648 §5), as JWTs use it.
enum Base64URL {
    /// Encodes bytes without padding.
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
