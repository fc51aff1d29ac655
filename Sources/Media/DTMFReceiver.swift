/// Turns received RFC 4733 telephone-event packets into DTMF digits, each reported exactly once.
///
/// Events are told apart by their RTP timestamp (RFC 4733 §2.5.2.2): every packet of one event
/// carries the timestamp of its start. A digit is reported with the first packet of its event that
/// arrives, whichever it is, so a lost start packet (only updates or end packets arrive), retransmitted
/// end packets, packets reordered within the event and an event that begins without the previous one
/// having ended each yield one digit. A packet whose timestamp is up to ``stragglerWindow`` older
/// than the newest event's (RFC 1982 serial order) is a late straggler and is dropped; so is the next
/// segment of an event too long for the 16-bit duration (§2.5.1.3), recognised by the same event,
/// without the marker, starting exactly where the unfinished previous segment's duration reached.
/// A new SSRC restarts the receiver.
public struct DTMFReceiver: Hashable, Sendable {
    /// The negotiated payload type of telephone-event; packets of other types are not looked at.
    public let payloadType: UInt8

    /// How far back (5 s of timestamp units) a packet is a late straggler; a packet further back means
    /// the sender restarted its timestamps, and it begins a new event.
    public static let stragglerWindow: Int32 = 5 * 8000

    private var ssrc: UInt32?
    private var newest: Event?

    private struct Event: Hashable, Sendable {
        var timestamp: UInt32
        var code: UInt8
        var duration: UInt16
        var hasEnded: Bool
    }

    /// Creates a receiver for telephone-event packets of `payloadType`.
    public init(payloadType: UInt8) {
        self.payloadType = payloadType
    }

    /// Takes one received packet; returns the digit it reveals, or nil when it reveals none (another
    /// payload type, a malformed payload, a non-digit event, or an event already reported).
    public mutating func receive(header: RTPHeader, payload: some RandomAccessCollection<UInt8>) -> DTMFDigit? {
        guard header.payloadType == payloadType, let event = TelephoneEvent(payload: payload) else { return nil }
        if ssrc != header.ssrc {
            ssrc = header.ssrc
            newest = nil
        }
        let received = Event(timestamp: header.timestamp, code: event.event, duration: event.duration, hasEnded: event.isEnd)
        guard let current = newest else {
            newest = received
            return event.digit
        }
        let age = Int32(bitPattern: header.timestamp &- current.timestamp)
        if age == 0 {
            newest?.duration = max(current.duration, event.duration)
            newest?.hasEnded = current.hasEnded || event.isEnd
            return nil
        }
        if age < 0, age >= -Self.stragglerWindow { return nil }
        let continues = !header.marker && !current.hasEnded && event.event == current.code
            && header.timestamp == current.timestamp &+ UInt32(current.duration)
        newest = received
        return continues ? nil : event.digit
    }
}
