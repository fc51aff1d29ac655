/// A wall-clock time in the 64-bit NTP format RTCP sender reports carry (RFC 3550 §4): seconds since
/// 1 January 1900 UTC in the high 32 bits, the fraction of a second in the low 32.
public struct NTPTimestamp: Hashable, Sendable {
    /// The seconds from 1900-01-01 to the Unix epoch, 1970-01-01 (70 years, 17 of them leap years).
    public static let unixEpochOffset: UInt64 = 2_208_988_800

    /// The whole seconds since 1900 (wrapping in 2036, as RFC 3550 §4 allows).
    public var seconds: UInt32
    /// The fraction of a second, in units of 2⁻³² s.
    public var fraction: UInt32

    /// Creates a timestamp from its two halves.
    public init(seconds: UInt32, fraction: UInt32) {
        self.seconds = seconds
        self.fraction = fraction
    }

    /// The timestamp of a time given as the duration since the Unix epoch.
    public init(sinceUnixEpoch time: Duration) {
        let (whole, attoseconds) = time.components
        seconds = UInt32(truncatingIfNeeded: UInt64(max(whole, 0)) &+ Self.unixEpochOffset)
        let nanoseconds = UInt64(max(attoseconds, 0) / 1_000_000_000)
        fraction = UInt32(truncatingIfNeeded: (nanoseconds << 32) / 1_000_000_000)
    }

    /// The 64 bits as written on the wire.
    public var rawValue: UInt64 { UInt64(seconds) << 32 | UInt64(fraction) }

    /// The middle 32 bits, what reception reports echo as the last SR timestamp (RFC 3550 §6.4.1).
    public var middleBits: UInt32 { UInt32(truncatingIfNeeded: rawValue >> 16) }
}
