/// The packets that send one DTMF digit as an RFC 4733 telephone-event (§2.5.1), one per 20 ms frame
/// in place of that frame's audio.
///
/// Updates go out every frame (RFC 4733 §2.5.1.2 lets the sender choose; the frame interval keeps
/// them on the pacing schedule's ticks). All packets carry the timestamp of the event's first frame;
/// the first has the marker bit and a duration of one frame, each update one frame more, and the
/// final duration is sent three times with the E bit set (§2.5.1.4), each with its own sequence number.
public enum TelephoneEventSender {
    /// The number of packets that carry the end of an event.
    public static let endPacketCount = 3

    /// The packets for `digit` lasting `frames` frames (at least one), to send one per frame from
    /// the sender's current frame on; `sender` moves one frame per packet.
    public static func packets(for digit: DTMFDigit, frames: Int, volume: UInt8 = 10, payloadType: UInt8,
                               sender: inout RTPSender) -> [RTPPacket] {
        let frames = max(frames, 1)
        let eventTimestamp = sender.timestamp
        let step = Int(RTPSender.samplesPerFrame)
        let updates = (1..<frames).map { TelephoneEvent(event: digit.event, volume: volume, duration: duration(step * $0)) }
        let end = TelephoneEvent(event: digit.event, isEnd: true, volume: volume, duration: duration(step * frames))
        let events = updates + Array(repeating: end, count: endPacketCount)
        return events.enumerated().map { index, event in
            sender.packetReplacingFrame(payloadType: payloadType, marker: index == 0, timestamp: eventTimestamp,
                                        payload: event.payload)
        }
    }

    private static func duration(_ units: Int) -> UInt16 {
        UInt16(clamping: units)
    }
}
