extension WAVAudio {
    /// Reads a RIFF/WAVE file: the `RIFF` header, a `fmt ` chunk (mono, 8,000 Hz, format 1 with 16
    /// bits, 6 or 7 with 8 bits) and a non-empty `data` chunk; other chunks (`LIST`, `fact`) are
    /// skipped, each chunk's odd length padded to a word as RIFF requires.
    public init(wav bytes: [UInt8]) throws(WAVError) {
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WAVE".utf8) else {
            throw .notRIFFWAVE
        }
        var format: Encoding?
        var offset = 12
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self)
            let size = Int(bytes.littleEndianUInt32(at: offset + 4))
            let body = offset + 8
            guard size <= bytes.count - body else { throw .truncatedChunk(id, declared: size, present: bytes.count - body) }
            switch id {
            case "fmt ":
                format = try Self.format(Array(bytes[body..<(body + size)]))
            case "data":
                guard let format else { throw .missingChunk("fmt ") }
                let wholeSamples = size - size % Int(format.bitsPerSample / 8)
                guard wholeSamples > 0 else { throw .noAudio }
                self.init(encoding: format, data: Array(bytes[body..<(body + wholeSamples)]))
                return
            default: break
            }
            offset = body + size + size % 2
        }
        throw .missingChunk(format == nil ? "fmt " : "data")
    }

    private static func format(_ chunk: [UInt8]) throws(WAVError) -> Encoding {
        guard chunk.count >= 16 else { throw .shortFormatChunk(chunk.count) }
        let tag = chunk.littleEndianUInt16(at: 0)
        guard let encoding = Encoding(rawValue: tag) else { throw .unsupportedFormat(tag) }
        let channels = chunk.littleEndianUInt16(at: 2)
        guard channels == 1 else { throw .notMono(channels: Int(channels)) }
        let rate = Int(chunk.littleEndianUInt32(at: 4))
        guard rate == sampleRate else { throw .unsupportedSampleRate(rate) }
        let bits = chunk.littleEndianUInt16(at: 14)
        guard bits == encoding.bitsPerSample else { throw .unsupportedBitsPerSample(bits, encoding) }
        return encoding
    }
}

/// Why a WAV file cannot be played as a prompt.
public enum WAVError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file does not start with a `RIFF` header of form `WAVE`.
    case notRIFFWAVE
    /// A chunk declares more bytes than the file holds.
    case truncatedChunk(String, declared: Int, present: Int)
    /// The `fmt ` chunk is shorter than the 16 bytes of its fields.
    case shortFormatChunk(Int)
    /// A required chunk (`fmt ` or `data`, with `fmt ` first) is absent.
    case missingChunk(String)
    /// The format tag is not 1 (PCM), 6 (A-law) or 7 (µ-law).
    case unsupportedFormat(UInt16)
    /// The audio has more than one channel.
    case notMono(channels: Int)
    /// The sample rate is not 8,000 Hz.
    case unsupportedSampleRate(Int)
    /// The bits per sample do not match the format (16 for PCM, 8 for A-law and µ-law).
    case unsupportedBitsPerSample(UInt16, WAVAudio.Encoding)
    /// The `data` chunk holds no whole sample.
    case noAudio

    /// What is wrong, in words an operator can act on.
    public var description: String {
        switch self {
        case .notRIFFWAVE: "not a RIFF/WAVE file"
        case .truncatedChunk(let id, let declared, let present):
            "truncated '\(id)' chunk: \(declared) bytes declared, \(present) present"
        case .shortFormatChunk(let size): "'fmt ' chunk of \(size) bytes is shorter than 16"
        case .missingChunk(let id): "no '\(id)' chunk before the audio"
        case .unsupportedFormat(let tag): "format \(tag) is unsupported (use 1 PCM, 6 A-law or 7 µ-law)"
        case .notMono(let channels): "\(channels) channels, not mono"
        case .unsupportedSampleRate(let rate): "sample rate \(rate) Hz, not 8000 Hz"
        case .unsupportedBitsPerSample(let bits, let encoding):
            "\(bits) bits per sample, format \(encoding.rawValue) needs \(encoding.bitsPerSample)"
        case .noAudio: "the 'data' chunk holds no audio"
        }
    }
}

extension [UInt8] {
    /// The little-endian 16-bit value at `offset`; the caller has checked the bounds.
    func littleEndianUInt16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    /// The little-endian 32-bit value at `offset`; the caller has checked the bounds.
    func littleEndianUInt32(at offset: Int) -> UInt32 {
        UInt32(littleEndianUInt16(at: offset)) | UInt32(littleEndianUInt16(at: offset + 2)) << 16
    }
}
