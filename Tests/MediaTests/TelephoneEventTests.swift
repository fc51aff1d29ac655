import Media
import Testing

/// RFC 4733 telephone-events: the payload, the packets of one digit, and INFO's dtmf-relay bodies.
@Suite("Telephone events")
struct TelephoneEventTests {
    @Test("the payload's bits (RFC 4733 §2.3)")
    func payload() throws {
        let event = TelephoneEvent(event: 11, isEnd: true, volume: 10, duration: 0x0320)
        #expect(event.payload == [0x0B, 0x8A, 0x03, 0x20])
        #expect(TelephoneEvent(payload: event.payload) == event)
        #expect(TelephoneEvent(payload: [0x05, 0x4A, 0x00, 0xA0]) == TelephoneEvent(event: 5, volume: 10, duration: 160))
        #expect(TelephoneEvent(payload: [1, 2, 3]) == nil)
        #expect(event.digit?.key == "#")
        #expect(TelephoneEvent(event: 16, duration: 0).digit == nil)
    }

    @Test("digits and their event codes")
    func digits() {
        #expect("0123456789*#ABCD".map { DTMFDigit($0)?.event } == (0...15).map { UInt8($0) })
        #expect(DTMFDigit("b")?.event == 13)
        #expect(DTMFDigit("E") == nil && DTMFDigit(event: 16) == nil)
        #expect(DTMFDigit(event: 10)?.description == "*")
    }

    @Test("one digit: a start with the marker, updates each frame, three end packets, one timestamp")
    func sender() throws {
        var sender = RTPSender(payloadType: 0, ssrc: 7, sequenceNumber: 100, timestamp: 8000)
        _ = sender.audioPacket([0xFF])
        let digit = try #require(DTMFDigit("5"))
        let packets = TelephoneEventSender.packets(for: digit, frames: 5, payloadType: 101, sender: &sender)
        #expect(packets.count == 4 + 3)
        #expect(packets.map(\.header.marker) == [true, false, false, false, false, false, false])
        #expect(packets.map(\.header.sequenceNumber) == Array(101...107))
        #expect(packets.allSatisfy { $0.header.timestamp == 8160 && $0.header.payloadType == 101 && $0.header.ssrc == 7 })
        let events = packets.compactMap { TelephoneEvent(payload: $0.payload) }
        #expect(events.map(\.duration) == [160, 320, 480, 640, 800, 800, 800])
        #expect(events.map(\.isEnd) == [false, false, false, false, true, true, true])
        #expect(events.allSatisfy { $0.event == 5 && $0.volume == 10 })
        #expect(sender.timestamp == 8160 + 7 * 160)
        #expect(!sender.audioPacket([0xFF]).header.marker)
    }

    @Test("a one-frame digit is its start and its end")
    func shortDigit() throws {
        var sender = RTPSender(payloadType: 0, ssrc: 7, sequenceNumber: 0, timestamp: 0)
        let packets = TelephoneEventSender.packets(for: try #require(DTMFDigit("#")), frames: 0, payloadType: 96, sender: &sender)
        #expect(packets.map(\.header.marker) == [true, false, false])
        #expect(packets.compactMap { TelephoneEvent(payload: $0.payload) }.allSatisfy { $0.isEnd && $0.duration == 160 })
    }

    @Test("dtmf-relay bodies as SBCs send them", arguments: [
        ("Signal=5\r\nDuration=160\r\n", "5", 160),
        ("signal = *\nduration= 250", "*", 250),
        ("Signal=11\r\nDuration=100", "#", 100),
        ("Signal= d\r\n", "D", nil),
        ("Volume=10\r\nSignal=0\r\nDuration=160", "0", 160),
    ] as [(String, Character, Int?)])
    func relay(body: String, key: Character, duration: Int?) throws {
        let relay = try #require(DTMFRelay(body: Array(body.utf8)))
        #expect(relay.digit.key == key && relay.durationMilliseconds == duration)
    }

    @Test("dtmf-relay bodies without a digit are refused", arguments: [
        "", "Duration=160", "Signal=\r\n", "Signal=E", "Signal=16", "Signal=55", "Signal=5\r\nDuration=-1", "Signal=5\r\nDuration=x",
    ])
    func relayRefused(body: String) {
        #expect(DTMFRelay(body: Array(body.utf8)) == nil)
    }

    @Test("a relayed digit writes its body")
    func relayBody() throws {
        let relay = DTMFRelay(digit: try #require(DTMFDigit("7")), durationMilliseconds: 160)
        #expect(relay.body == Array("Signal=7\r\nDuration=160\r\n".utf8))
        #expect(DTMFRelay(body: relay.body) == relay)
    }
}
