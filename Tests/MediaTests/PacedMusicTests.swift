import Media
import SwitchboardTestKit
import Testing

/// The pieces as the edge will drive them: one queue's music on hold, two listeners with their own RTP
/// senders, on the pacing schedule through on-time ticks, a late tick and a stall.
@Suite("Music on hold, paced")
struct PacedMusicTests {
    struct Sent {
        var listener: String
        var boundary: Int
        var packet: RTPPacket
    }

    @Test("every listener sends the queue's frame of each boundary, with timestamps on the clock")
    func pacedListeners() throws {
        let track = Prompt(name: "music", audio: WAVAudio(samples: (0..<800).map { Int16($0 * 40) }))
        var loop = try #require(HoldMusicLoop(tracks: [track]))
        var generator = SeededGenerator(seed: 4733)
        var senders = ["x": RTPSender(payloadType: 8, using: &generator), "y": RTPSender(payloadType: 8, using: &generator)]
        let firstTimestamps = senders.mapValues(\.timestamp)
        var schedule = PacingSchedule<String>(start: .zero, maximumCatchUp: 3)
        var boundary = 0
        var sent: [Sent] = []
        func tick(at milliseconds: Int) {
            let tick = schedule.tick(now: .milliseconds(milliseconds))
            for due in tick.due {
                senders[due.stream]?.skipFrames(due.skipped)
                for offset in due.period..<(due.period + due.frames) {
                    let frame = Array(loop.frame(ahead: offset, codec: .pcma))
                    if let packet = senders[due.stream]?.audioPacket(frame) {
                        sent.append(Sent(listener: due.stream, boundary: boundary + offset, packet: packet))
                    }
                }
            }
            loop.advance(by: tick.boundaries)
            boundary += tick.boundaries
        }
        schedule.add("x", now: .zero)
        tick(at: 0)
        schedule.add("y", now: .milliseconds(30))
        for milliseconds in [20, 65, 80, 300, 320] { tick(at: milliseconds) }

        #expect(sent.filter { $0.listener == "x" }.map(\.boundary) == [0, 1, 2, 3, 4, 13, 14, 15, 16])
        #expect(sent.filter { $0.listener == "y" }.map(\.boundary) == [2, 3, 4, 13, 14, 15, 16])
        let firstBoundary = ["x": 0, "y": 2]
        for item in sent {
            #expect(item.packet.payload == Array(track.frame(item.boundary % 5, codec: .pcma)))
            let elapsed = UInt32(item.boundary - (firstBoundary[item.listener] ?? 0)) * 160
            #expect(item.packet.header.timestamp == (firstTimestamps[item.listener] ?? 0) &+ elapsed)
            #expect(item.packet.header.marker == (item.boundary == firstBoundary[item.listener] || item.boundary == 13))
        }
    }
}
