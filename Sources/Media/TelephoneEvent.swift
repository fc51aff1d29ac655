/// The payload of an RFC 4733 telephone-event packet (§2.3): which event, whether it has ended, its
/// volume and how long it has lasted so far.
///
/// ```
///  0                   1                   2                   3
/// |     event     |E|R| volume    |          duration             |
/// ```
public struct TelephoneEvent: Hashable, Sendable {
    /// The payload's length: always 4 bytes.
    public static let byteCount = 4

    /// The event code (RFC 4733 §3.2: 0–9, `*` 10, `#` 11, A–D 12–15, flash 16).
    public var event: UInt8
    /// The E bit: this packet reports the end of the event.
    public var isEnd: Bool
    /// The volume as a power level in -dBm0, 0…63 (only the low six bits are written).
    public var volume: UInt8
    /// The duration so far, in timestamp units from the event's timestamp.
    public var duration: UInt16

    /// Creates a payload.
    public init(event: UInt8, isEnd: Bool = false, volume: UInt8 = 10, duration: UInt16) {
        self.event = event
        self.isEnd = isEnd
        self.volume = volume
        self.duration = duration
    }

    /// Reads a payload; nil unless it holds at least 4 bytes (RFC 4733 §2.3 allows a redundancy-free
    /// payload only, so any bytes after the fourth are ignored). The R bit is ignored as §2.3 says.
    public init?(payload: some RandomAccessCollection<UInt8>) {
        guard payload.count >= Self.byteCount else { return nil }
        let bytes = Array(payload.prefix(Self.byteCount))
        self.init(event: bytes[0], isEnd: bytes[1] & 0x80 != 0, volume: bytes[1] & 0x3F,
                  duration: UInt16(bytes[2]) << 8 | UInt16(bytes[3]))
    }

    /// The 4 bytes of the payload, with the R bit clear.
    public var payload: [UInt8] {
        [event, (isEnd ? 0x80 : 0) | volume & 0x3F, UInt8(duration >> 8), UInt8(truncatingIfNeeded: duration)]
    }

    /// The DTMF digit this event stands for, when it is one of the 16.
    public var digit: DTMFDigit? { DTMFDigit(event: event) }
}
