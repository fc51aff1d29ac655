import Media
import SwitchboardTestKit
import Testing

/// The RTP sender: random starting points from the injected generator, 160 timestamp units per
/// frame, the marker at each talkspurt.
@Suite("RTP sender")
struct RTPSenderTests {
    @Test("SSRC, first sequence number and timestamp come from the generator")
    func randomStart() {
        var first = SeededGenerator(seed: 1)
        var again = SeededGenerator(seed: 1)
        var other = SeededGenerator(seed: 2)
        let sender = RTPSender(payloadType: 0, using: &first)
        #expect(sender == RTPSender(payloadType: 0, using: &again))
        let different = RTPSender(payloadType: 0, using: &other)
        #expect(sender.ssrc != different.ssrc)
        #expect(sender.nextSequenceNumber != different.nextSequenceNumber)
        #expect(sender.timestamp != different.timestamp)
    }

    @Test("each frame moves the timestamp 160 and the sequence number 1, wrapping")
    func frames() {
        var sender = RTPSender(payloadType: 8, ssrc: 9, sequenceNumber: .max, timestamp: .max - 100)
        let packets = (0..<3).map { _ in sender.audioPacket(Array(repeating: 0xD5, count: 160)) }
        #expect(packets.map(\.header.sequenceNumber) == [.max, 0, 1])
        #expect(packets.map(\.header.timestamp) == [.max - 100, 59, 219])
        #expect(packets.allSatisfy { $0.header.ssrc == 9 && $0.header.payloadType == 8 })
        #expect(packets.map(\.header.marker) == [true, false, false])
    }

    @Test("silence moves the timestamp but not the sequence, and the next packet carries the marker")
    func talkspurts() {
        var sender = RTPSender(payloadType: 0, ssrc: 1, sequenceNumber: 10, timestamp: 1000)
        _ = sender.audioPacket([0xFF])
        sender.skipFrames(3)
        sender.skipFrames(0)
        let resumed = sender.audioPacket([0xFF])
        #expect(resumed.header.marker)
        #expect(resumed.header.sequenceNumber == 11)
        #expect(resumed.header.timestamp == 1000 + 4 * 160)
        #expect(!sender.audioPacket([0xFF]).header.marker)
    }

    @Test("a packet replacing a frame keeps its own timestamp and the talkspurt")
    func replacingFrame() {
        var sender = RTPSender(payloadType: 0, ssrc: 1, sequenceNumber: 10, timestamp: 1000)
        _ = sender.audioPacket([0xFF])
        let event = sender.packetReplacingFrame(payloadType: 101, marker: true, timestamp: 1160, payload: [1, 2, 3, 4])
        #expect(event.header.payloadType == 101 && event.header.timestamp == 1160 && event.header.sequenceNumber == 11)
        let next = sender.audioPacket([0xFF])
        #expect(next.header.timestamp == 1320 && !next.header.marker)
    }
}
