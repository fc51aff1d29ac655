/// Audio read from a RIFF/WAVE file that telephony can play as it is: mono, 8,000 Hz, in 16-bit
/// linear PCM (format 1), A-law (format 6) or µ-law (format 7).
public struct WAVAudio: Hashable, Sendable {
    /// How the samples are encoded (the `fmt ` chunk's format tag).
    public enum Encoding: UInt16, Hashable, Sendable {
        /// 16-bit little-endian linear PCM, `WAVE_FORMAT_PCM`.
        case linear16 = 1
        /// 8-bit A-law, `WAVE_FORMAT_ALAW`.
        case aLaw = 6
        /// 8-bit µ-law, `WAVE_FORMAT_MULAW`.
        case muLaw = 7

        /// The bits per sample the encoding requires.
        var bitsPerSample: UInt16 { self == .linear16 ? 16 : 8 }
    }

    /// The sample rate every file must have.
    public static let sampleRate = 8000

    /// How `data` is encoded.
    public var encoding: Encoding
    /// The `data` chunk's bytes, whole samples only.
    public var data: [UInt8]

    /// Creates audio from encoded bytes.
    public init(encoding: Encoding, data: [UInt8]) {
        self.encoding = encoding
        self.data = data
    }

    /// Creates 16-bit linear audio from samples.
    public init(samples: [Int16]) {
        encoding = .linear16
        data = samples.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
    }

    /// The number of samples.
    public var sampleCount: Int { encoding == .linear16 ? data.count / 2 : data.count }

    /// The audio as G.711 code words of `codec`: copied when the file is already in that law, through
    /// linear PCM otherwise.
    public func encoded(as codec: G711Codec) -> [UInt8] {
        switch (encoding, codec) {
        case (.muLaw, .pcmu), (.aLaw, .pcma): data
        case (.muLaw, .pcma): data.map { G711ALaw.encode(G711MuLaw.decode($0)) }
        case (.aLaw, .pcmu): data.map { G711MuLaw.encode(G711ALaw.decode($0)) }
        case (.linear16, _): linearSamples.map(codec.encode)
        }
    }

    /// The audio as 16-bit linear samples.
    public var linearSamples: [Int16] {
        switch encoding {
        case .linear16: stride(from: 0, to: data.count - 1, by: 2).map { Int16(bitPattern: UInt16(data[$0]) | UInt16(data[$0 + 1]) << 8) }
        case .muLaw: data.map(G711MuLaw.decode)
        case .aLaw: data.map(G711ALaw.decode)
        }
    }
}
