#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the NUL-terminated strings libosip2 hands back into Swift strings.
///
/// libosip2 works on C strings, so a NUL octet (legal inside a quoted string, RFC 4475 §3.1.1.2) or the
/// escape `%00` (which it percent-decodes into a NUL, RFC 4475 §3.1.1.4) would cut a value short. Before
/// parsing such a message SIPCore replaces them with placeholder bytes the message does not contain;
/// the decoder puts them back. URI parts, which libosip2 percent-decodes, are percent-encoded again
/// where RFC 3261 §25.1 requires it, so `%41` comes back as `A` and `%00` survives.
struct CStringDecoder {
    /// The byte standing for a NUL octet, when the message held one.
    private(set) var nulPlaceholder: UInt8?
    /// The byte standing for the escape `%00`, when the message held one.
    private(set) var escapedNULPlaceholder: UInt8?

    /// A decoder for a message that needed no placeholder.
    init() {}

    /// Copies `bytes` with every NUL octet and `%00` escape before `end` replaced by placeholders, and
    /// returns the copy with the decoder that restores them; nil when every candidate byte is taken.
    /// The candidates are the control characters libosip2 treats as ordinary bytes (not TAB, LF, VT,
    /// FF, CR). A candidate is taken when the message holds it raw or escaped: libosip2 decodes `%01`
    /// in a URI into the byte 0x01, which must not then read as a placeholder.
    static func substituting(_ bytes: UnsafeRawBufferPointer, before end: Int) -> (CStringDecoder, [UInt8])? {
        var present = [Bool](repeating: false, count: 32)
        var holdsNUL = false
        var holdsEscapedNUL = false
        for index in 0..<end where bytes[index] < 32 || bytes[index] == .percent {
            let byte = bytes[index]
            if byte < 32 {
                present[Int(byte)] = true
                holdsNUL = holdsNUL || byte == 0
            } else if let escaped = escapedControl(bytes, at: index, before: end) {
                present[Int(escaped)] = true
                holdsEscapedNUL = holdsEscapedNUL || escaped == 0
            }
        }
        var free = (Array(UInt8(1)...8) + Array(UInt8(0x0E)...0x1F)).filter { !present[Int($0)] }
        var decoder = CStringDecoder()
        if holdsNUL {
            guard !free.isEmpty else { return nil }
            decoder.nulPlaceholder = free.removeFirst()
        }
        if holdsEscapedNUL {
            guard !free.isEmpty else { return nil }
            decoder.escapedNULPlaceholder = free.removeFirst()
        }
        var copy = [UInt8]()
        copy.reserveCapacity(bytes.count)
        var index = 0
        while index < end {
            if bytes[index] == 0, let placeholder = decoder.nulPlaceholder {
                copy.append(placeholder)
            } else if let placeholder = decoder.escapedNULPlaceholder, isEscapedNUL(bytes, at: index, before: end) {
                copy.append(placeholder)
                index += 2
            } else {
                copy.append(bytes[index])
            }
            index += 1
        }
        copy.append(contentsOf: bytes[end...])
        return (decoder, copy)
    }

    /// Hands libosip2 `text` as a C string, with NULs and `%00` escapes replaced by placeholders.
    static func withCString<Result>(_ text: String, _ body: (CStringDecoder, UnsafePointer<CChar>) -> Result?) -> Result? {
        var bytes = Array(text.utf8)
        var decoder = CStringDecoder()
        if bytes.contains(0) || bytes.contains(.percent) {
            guard let (substituted, copy) = bytes.withUnsafeBytes({ substituting($0, before: $0.count) }) else { return nil }
            decoder = substituted
            bytes = copy
        }
        bytes.append(0)
        return bytes.withUnsafeBytes { body(decoder, $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
    }

    private static func isEscapedNUL(_ bytes: UnsafeRawBufferPointer, at index: Int, before end: Int) -> Bool {
        bytes[index] == .percent && index + 2 < end && bytes[index + 1] == .zero && bytes[index + 2] == .zero
    }

    /// The control character a `%` escape at `index` stands for (`%00` to `%1F`, either case).
    private static func escapedControl(_ bytes: UnsafeRawBufferPointer, at index: Int, before end: Int) -> UInt8? {
        guard index + 2 < end, bytes[index + 1] == .zero || bytes[index + 1] == .zero + 1 else { return nil }
        let low = bytes[index + 2]
        let value: UInt8
        switch low {
        case 0x30...0x39: value = low - 0x30
        case 0x41...0x46: value = low - 0x41 + 10
        case 0x61...0x66: value = low - 0x61 + 10
        default: return nil
        }
        return (bytes[index + 1] - .zero) << 4 | value
    }

    /// The string as the message carried it.
    func text(_ pointer: UnsafePointer<CChar>) -> String {
        text(Self.bytes(pointer))
    }

    /// The bytes as the message carried them.
    func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard nulPlaceholder != nil || escapedNULPlaceholder != nil else { return String(decoding: bytes, as: UTF8.self) }
        var restored = [UInt8]()
        for byte in bytes {
            switch byte {
            case nulPlaceholder: restored.append(0)
            case escapedNULPlaceholder: restored.append(contentsOf: [.percent, .zero, .zero])
            default: restored.append(byte)
            }
        }
        return String(decoding: restored, as: UTF8.self)
    }

    /// A percent-decoded URI part, percent-encoded again for the characters `allowed` does not hold.
    func uriPart(_ pointer: UnsafePointer<CChar>, allowed: URICharacterSet) -> String {
        let bytes = Self.bytes(pointer)
        guard bytes.contains(where: { !allowed.contains($0) }) else { return String(decoding: bytes, as: UTF8.self) }
        var encoded = [UInt8]()
        encoded.reserveCapacity(bytes.count * 3)
        for byte in bytes {
            if allowed.contains(byte) {
                encoded.append(byte)
            } else {
                let value = byte == nulPlaceholder || byte == escapedNULPlaceholder ? 0 : byte
                encoded.append(contentsOf: [.percent, Self.hexDigits[Int(value >> 4)], Self.hexDigits[Int(value & 0x0F)]])
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// The bytes of a C string, without its terminating NUL.
    static func bytes(_ pointer: UnsafePointer<CChar>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
    }
}
