private import CRandomPool

/// Random tokens for the values RFC 3261 wants unique and unguessable: Via branches (§8.1.1.7) and
/// tags (§19.3), from the kernel's random number generator through a per-thread pool (one
/// `getrandom` system call per 512 values, not one per value as `SystemRandomNumberGenerator`).
///
/// Each character is one of 32 (digits and `a`–`v`, valid in a `token`), five random bits, written
/// straight into the string: no integer is formatted through `String(_:radix:)`, which costs ten
/// times as much.
public enum SIPRandomToken {
    /// A tag: 12 characters, 60 random bits (RFC 3261 §19.3 asks for at least 32).
    public static func tag() -> String {
        make(prefix: "", count: 12)
    }

    /// A Via branch: the magic cookie `z9hG4bK` and 19 characters, 95 random bits.
    public static func branch() -> String {
        make(prefix: "z9hG4bK", count: 19)
    }

    /// `prefix` and `count` random characters; each 64 bits from the pool give 12 of them.
    private static func make(prefix: StaticString, count: Int) -> String {
        return String(unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + count) { buffer in
            var index = 0
            for byte in UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount) {
                buffer[index] = byte
                index += 1
            }
            var bits: UInt64 = 0
            for position in 0..<count {
                if position % 12 == 0 { bits = crandom_pool_next() }
                let digit = UInt8(truncatingIfNeeded: bits & 31)
                buffer[index] = digit < 10 ? 0x30 + digit : 0x61 + digit - 10
                bits >>= 5
                index += 1
            }
            return index
        }
    }
}
