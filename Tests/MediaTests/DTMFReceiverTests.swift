import Media
import Testing

/// The DTMF receiver reports each digit once whatever the network does to the packets.
@Suite("DTMF receiver")
struct DTMFReceiverTests {
    /// The packets of `key` at `timestamp`: start, two updates, three ends (sequence numbers from `sequence`).
    static func packets(_ key: Character, timestamp: UInt32, sequence: UInt16 = 0, ssrc: UInt32 = 1) -> [RTPPacket] {
        let event = DTMFDigit(key)?.event ?? 0
        let durations: [(UInt16, Bool)] = [(160, false), (320, false), (480, false), (640, true), (640, true), (640, true)]
        return durations.enumerated().map { index, step in
            RTPPacket(header: RTPHeader(marker: index == 0, payloadType: 101, sequenceNumber: sequence &+ UInt16(index),
                                        timestamp: timestamp, ssrc: ssrc),
                      payload: TelephoneEvent(event: event, isEnd: step.1, duration: step.0).payload)
        }
    }

    static func digits(_ packets: [RTPPacket], receiver: inout DTMFReceiver) -> String {
        String(packets.compactMap { receiver.receive(header: $0.header, payload: $0.payload)?.key })
    }

    static func digits(_ packets: [RTPPacket]) -> String {
        var receiver = DTMFReceiver(payloadType: 101)
        return digits(packets, receiver: &receiver)
    }

    @Test("each event yields its digit once, retransmitted ends included")
    func inOrder() {
        #expect(Self.digits(Self.packets("1", timestamp: 1000) + Self.packets("2", timestamp: 3000)) == "12")
    }

    @Test("the same digit twice is two events")
    func repeatedDigit() {
        #expect(Self.digits(Self.packets("9", timestamp: 1000) + Self.packets("9", timestamp: 2600)) == "99")
    }

    @Test("only the end packets arrive")
    func startLost() {
        #expect(Self.digits(Array(Self.packets("4", timestamp: 500).suffix(3))) == "4")
        #expect(Self.digits(Array(Self.packets("4", timestamp: 500).suffix(1))) == "4")
    }

    @Test("reordered packets within an event, and a straggler of the previous event")
    func reordered() {
        let first = Self.packets("3", timestamp: 1000)
        let second = Self.packets("#", timestamp: 2000)
        #expect(Self.digits(first.reversed() + [second[1], second[0], first[5]] + second[2...]) == "3#")
    }

    @Test("a new event begins before the previous one ended")
    func endLost() {
        #expect(Self.digits(Array(Self.packets("7", timestamp: 1000).prefix(2)) + Self.packets("8", timestamp: 1800)) == "78")
    }

    @Test("timestamps wrapping past 2³² keep their order")
    func wrapping() {
        #expect(Self.digits(Self.packets("1", timestamp: .max - 100) + Self.packets("2", timestamp: 700)) == "12")
    }

    @Test("a long event's continuation segment is not a new digit (RFC 4733 §2.5.1.3)")
    func longEvent() {
        let start = RTPPacket(header: RTPHeader(marker: true, payloadType: 101, sequenceNumber: 1, timestamp: 10, ssrc: 1),
                              payload: TelephoneEvent(event: 0, duration: .max).payload)
        let segment = RTPPacket(header: RTPHeader(payloadType: 101, sequenceNumber: 2, timestamp: 10 + 65_535, ssrc: 1),
                                payload: TelephoneEvent(event: 0, duration: 400).payload)
        #expect(Self.digits([start, segment]) == "0")
        var pressedAgain = segment
        pressedAgain.header.marker = true
        #expect(Self.digits([start, pressedAgain]) == "00")
        var otherDigit = segment
        otherDigit.payload = TelephoneEvent(event: 1, duration: 400).payload
        #expect(Self.digits([start, otherDigit]) == "01")
    }

    @Test("another payload type, a short payload, a non-digit event yield nothing")
    func ignored() {
        var receiver = DTMFReceiver(payloadType: 101)
        let audio = RTPHeader(payloadType: 0, sequenceNumber: 1, timestamp: 1, ssrc: 1)
        #expect(receiver.receive(header: audio, payload: TelephoneEvent(event: 1, duration: 1).payload) == nil)
        let event = RTPHeader(payloadType: 101, sequenceNumber: 2, timestamp: 2, ssrc: 1)
        #expect(receiver.receive(header: event, payload: [1, 0]) == nil)
        #expect(receiver.receive(header: event, payload: TelephoneEvent(event: 16, duration: 160).payload) == nil)
    }

    @Test("timestamps restarted far back in the same stream begin new events")
    func restartedTimestamps() {
        #expect(Self.digits(Self.packets("1", timestamp: 1_000_000) + Self.packets("2", timestamp: 1_000_000 - 40_001)) == "12")
        #expect(Self.digits(Self.packets("1", timestamp: 1_000_000) + Self.packets("2", timestamp: 1_000_000 - 40_000)) == "1")
    }

    @Test("a new SSRC starts afresh even at an older timestamp")
    func newSource() {
        var receiver = DTMFReceiver(payloadType: 101)
        #expect(Self.digits(Self.packets("5", timestamp: 9000), receiver: &receiver) == "5")
        #expect(Self.digits(Self.packets("6", timestamp: 100, ssrc: 2), receiver: &receiver) == "6")
    }
}

/// The telephone-event sender and the receiver through the wire, with audio between the digits.
@Suite("DTMF end to end")
struct DTMFEndToEndTests {
    @Test("a dialled string sent over RTP comes back digit for digit")
    func dialledString() throws {
        var sender = RTPSender(payloadType: 0, ssrc: 0xCAFE, sequenceNumber: 65_530, timestamp: .max - 1000)
        var wire: [[UInt8]] = []
        for key in "1234567890*#ABCD00" {
            wire.append(sender.audioPacket(Array(repeating: 0xFF, count: 160)).serialized())
            let digit = try #require(DTMFDigit(key))
            wire += TelephoneEventSender.packets(for: digit, frames: 4, payloadType: 101, sender: &sender).map { $0.serialized() }
            sender.skipFrames(2)
        }
        var receiver = DTMFReceiver(payloadType: 101)
        var heard = ""
        for bytes in wire {
            let packet = try RTPPacket(parsing: bytes)
            if let digit = receiver.receive(header: packet.header, payload: packet.payload) { heard.append(digit.key) }
        }
        #expect(heard == "1234567890*#ABCD00")
    }
}
