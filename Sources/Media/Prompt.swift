/// A recorded announcement ready to send: encoded once per codec (PCMU and PCMA) when loaded, cut
/// into 20 ms frames of 160 bytes, the last frame padded with the codec's silence.
public struct Prompt: Hashable, Sendable {
    /// The bytes of one 20 ms G.711 frame at 8,000 Hz.
    public static let frameByteCount = Int(RTPSender.samplesPerFrame)

    /// The prompt's name, such as `you-are-caller-number`.
    public let name: String
    /// The number of 20 ms frames.
    public let frameCount: Int
    private let pcmu: [UInt8]
    private let pcma: [UInt8]

    /// Creates a prompt from decoded audio.
    public init(name: String, audio: WAVAudio) {
        self.name = name
        pcmu = Self.padded(audio.encoded(as: .pcmu), silence: G711Codec.pcmu.silence)
        pcma = Self.padded(audio.encoded(as: .pcma), silence: G711Codec.pcma.silence)
        frameCount = pcmu.count / Self.frameByteCount
    }

    /// Reads a prompt from the bytes of a WAV file (see ``WAVAudio/init(wav:)`` for what it accepts).
    public init(name: String, wav bytes: [UInt8]) throws(WAVError) {
        self.init(name: name, audio: try WAVAudio(wav: bytes))
    }

    /// The prompt's length.
    public var duration: Duration { .milliseconds(20 * frameCount) }

    /// Frame `index` (0 ..< `frameCount`) in `codec`: 160 bytes.
    public func frame(_ index: Int, codec: G711Codec) -> ArraySlice<UInt8> {
        let start = index * Self.frameByteCount
        return (codec == .pcmu ? pcmu : pcma)[start..<(start + Self.frameByteCount)]
    }

    private static func padded(_ bytes: [UInt8], silence: UInt8) -> [UInt8] {
        let remainder = bytes.count % frameByteCount
        return remainder == 0 ? bytes : bytes + Array(repeating: silence, count: frameByteCount - remainder)
    }
}
