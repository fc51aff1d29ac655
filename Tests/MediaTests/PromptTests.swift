import Media
import Testing

/// Prompts pre-encoded in 20 ms frames, the playlist cursor and the shared music-on-hold loop.
@Suite("Prompts")
struct PromptTests {
    /// A prompt of `samples` samples, sample i being i (so frames can be told apart).
    static func prompt(_ name: String, samples: Int) -> Prompt {
        Prompt(name: name, audio: WAVAudio(samples: (0..<samples).map { Int16($0 * 8) }))
    }

    @Test("frames of 160 bytes per codec, the last padded with the codec's silence")
    func frames() throws {
        let prompt = try Prompt(name: "welcome", wav: WAVBuilder.linear(Array(repeating: 1000, count: 330)).bytes)
        #expect(prompt.frameCount == 3 && prompt.duration == .milliseconds(60))
        let pcmu = prompt.frame(2, codec: .pcmu)
        let pcma = prompt.frame(2, codec: .pcma)
        #expect(pcmu.count == 160 && pcma.count == 160)
        #expect(Array(pcmu.prefix(10)) == Array(repeating: G711MuLaw.encode(1000), count: 10))
        #expect(pcmu.dropFirst(10).allSatisfy { $0 == 0xFF })
        #expect(Array(pcma.prefix(10)) == Array(repeating: G711ALaw.encode(1000), count: 10))
        #expect(pcma.dropFirst(10).allSatisfy { $0 == 0xD5 })
        #expect(prompt.frame(0, codec: .pcmu).allSatisfy { $0 == G711MuLaw.encode(1000) })
    }

    @Test("a whole number of frames gets no padding frame")
    func exactFrames() {
        #expect(Self.prompt("a", samples: 320).frameCount == 2)
    }

    @Test("a sequence plays every frame of every prompt in order, then finishes")
    func sequence() {
        var sequence = PromptSequence([Self.prompt("a", samples: 200), Self.prompt("empty", samples: 0), Self.prompt("b", samples: 160)])
        var names: [String?] = []
        var frames: [ArraySlice<UInt8>] = []
        while let frame = sequence.nextFrame(codec: .pcma) {
            frames.append(frame)
            names.append(sequence.currentPromptName)
        }
        #expect(frames.count == 3)
        #expect(names == ["a", "b", nil])
        #expect(frames[2] == Self.prompt("b", samples: 160).frame(0, codec: .pcma))
        #expect(sequence.isFinished && sequence.nextFrame(codec: .pcma) == nil)
        #expect(PromptSequence([]).isFinished)
    }

    @Test("the hold loop: one position per queue, every listener reads the same frame, wraps at the end")
    func holdLoop() throws {
        let tracks = [Self.prompt("one", samples: 320), Self.prompt("none", samples: 0), Self.prompt("two", samples: 160)]
        var loop = try #require(HoldMusicLoop(tracks: tracks))
        #expect(loop.tracks.map(\.name) == ["one", "two"])
        var positions: [Int] = []
        var frames: [ArraySlice<UInt8>] = []
        for _ in 0..<4 {
            positions.append(loop.position)
            frames.append(loop.currentFrame(codec: .pcmu))
            loop.advance()
        }
        #expect(positions == [0, 1, 2, 0])
        #expect(frames == [tracks[0].frame(0, codec: .pcmu), tracks[0].frame(1, codec: .pcmu), tracks[2].frame(0, codec: .pcmu),
                           tracks[0].frame(0, codec: .pcmu)])
        #expect(frames[0] != frames[1])
        #expect((0..<4).map { loop.frame(ahead: $0, codec: .pcma) }
            == [tracks[0].frame(1, codec: .pcma), tracks[2].frame(0, codec: .pcma), tracks[0].frame(0, codec: .pcma),
                tracks[0].frame(1, codec: .pcma)])
        #expect(loop.position == 1)
        loop.advance(by: 1)
        #expect(loop.currentFrame(codec: .pcmu) == tracks[2].frame(0, codec: .pcmu))
        loop.advance(by: 3 * 1000 + 1)
        #expect(loop.position == 0)
        #expect(HoldMusicLoop(tracks: [Self.prompt("silent", samples: 0)]) == nil)
    }
}
