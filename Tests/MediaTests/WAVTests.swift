import Media
import Testing

/// The WAV reader: the three telephony formats, skipped chunks, and an error that names each defect.
@Suite("WAV files")
struct WAVTests {
    @Test("16-bit PCM is read as samples")
    func linear() throws {
        let audio = try WAVAudio(wav: WAVBuilder.linear([0, 1000, -1000, .max, .min]).bytes)
        #expect(audio.encoding == .linear16 && audio.sampleCount == 5)
        #expect(audio.linearSamples == [0, 1000, -1000, .max, .min])
    }

    @Test("µ-law and A-law files, an 18-byte fmt chunk and odd-sized chunks before the data")
    func companded() throws {
        var file = WAVBuilder(format: 7, bitsPerSample: 8, fmtSize: 18, data: [0xFF, 0x80, 0x00])
        file.chunksBeforeData = [("fact", [3, 0, 0, 0]), ("LIST", [1, 2, 3])]
        let muLaw = try WAVAudio(wav: file.bytes)
        #expect(muLaw.encoding == .muLaw && muLaw.linearSamples == [0, 32124, -32124])
        #expect(muLaw.encoded(as: .pcmu) == [0xFF, 0x80, 0x00])
        #expect(muLaw.encoded(as: .pcma) == [0xD5, 0xAA, 0x2A])
        file.format = 6
        file.data = [0xD5, 0xAA]
        let aLaw = try WAVAudio(wav: file.bytes)
        #expect(aLaw.encoding == .aLaw && aLaw.encoded(as: .pcma) == [0xD5, 0xAA])
        #expect(aLaw.encoded(as: .pcmu) == [0xFE, 0x80])
    }

    static let defectiveFiles: [(WAVBuilder, WAVError)] = [
        (WAVBuilder.linear([1]).with { $0.channels = 2 }, .notMono(channels: 2)),
        (WAVBuilder.linear([1]).with { $0.sampleRate = 16000 }, .unsupportedSampleRate(16000)),
        (WAVBuilder.linear([1]).with { $0.format = 3 }, .unsupportedFormat(3)),
        (WAVBuilder.linear([1]).with { $0.format = 0xFFFE }, .unsupportedFormat(0xFFFE)),
        (WAVBuilder.linear([1]).with { $0.bitsPerSample = 8 }, .unsupportedBitsPerSample(8, .linear16)),
        (WAVBuilder(format: 7, bitsPerSample: 16, data: [1, 2]), .unsupportedBitsPerSample(16, .muLaw)),
        (WAVBuilder.linear([1]).with { $0.fmtSize = 14 }, .shortFormatChunk(14)),
        (WAVBuilder.linear([1, 2]).with { $0.declaredDataSize = 100 }, .truncatedChunk("data", declared: 100, present: 4)),
        (WAVBuilder.linear([]), .noAudio),
        (WAVBuilder(data: [7]), .noAudio),
    ]

    @Test("each defect is named", arguments: defectiveFiles)
    func defects(file: WAVBuilder, error: WAVError) {
        #expect(throws: error) { try WAVAudio(wav: file.bytes) }
    }

    @Test("not RIFF, no fmt before data, no data")
    func structure() {
        #expect(throws: WAVError.notRIFFWAVE) { try WAVAudio(wav: Array("RIFX\0\0\0\0WAVE".utf8)) }
        #expect(throws: WAVError.notRIFFWAVE) { try WAVAudio(wav: Array("RIFF".utf8)) }
        let dataOnly = Array("RIFF".utf8) + [12, 0, 0, 0] + Array("WAVEdata".utf8) + [0, 0, 0, 0]
        #expect(throws: WAVError.missingChunk("fmt ")) { try WAVAudio(wav: dataOnly) }
        let header = WAVBuilder.linear([1]).bytes.prefix(36)
        #expect(throws: WAVError.missingChunk("data")) { try WAVAudio(wav: Array(header)) }
    }

    @Test("the messages say what is wrong")
    func messages() {
        #expect(WAVError.unsupportedSampleRate(44100).description == "sample rate 44100 Hz, not 8000 Hz")
        #expect(WAVError.notMono(channels: 2).description == "2 channels, not mono")
        #expect(WAVError.truncatedChunk("data", declared: 100, present: 4).description
            == "truncated 'data' chunk: 100 bytes declared, 4 present")
        #expect(WAVError.unsupportedFormat(3).description.contains("format 3 is unsupported"))
    }

    @Test("every truncation of a valid file is refused, never trapped on")
    func truncations() {
        let bytes = WAVBuilder.linear([1, 2, 3]).bytes
        for length in 0..<bytes.count {
            #expect(throws: WAVError.self) { try WAVAudio(wav: Array(bytes.prefix(length))) }
        }
    }
}

extension WAVBuilder {
    /// A copy changed by `change`.
    func with(_ change: (inout WAVBuilder) -> Void) -> WAVBuilder {
        var copy = self
        change(&copy)
        return copy
    }
}
