import Logging
import Media
import MediaTransport
import NIOCore
import NIOPosix
import SIPCore

/// Prompts and streams whose frames say where they come from.
enum MediaFixtures {
    /// A-law audio sent as it is over PCMA: frame `i` of a prompt tagged `tag` starts with
    /// `tag, i >> 8, i & 0xFF`, so a received payload names its prompt and frame.
    static func tagged(_ name: String, frames: Int, tag: UInt8) -> Prompt {
        let bytes = (0..<frames).flatMap { index in
            [tag, UInt8(index >> 8), UInt8(index & 0xFF)] + Array(repeating: G711Codec.pcma.silence, count: 157)
        }
        return Prompt(name: name, audio: WAVAudio(encoding: .aLaw, data: bytes))
    }

    /// The tag and frame index a payload of ``tagged(_:frames:tag:)`` carries.
    static func origin(of payload: [UInt8]) -> (tag: UInt8, frame: Int) {
        (payload[0], Int(payload[1]) << 8 | Int(payload[2]))
    }

    /// PCMA under the dynamic payload type 98, telephone-event 101, to 127.0.0.1:`port`.
    static func audio(to port: Int, address: String = "127.0.0.1", direction: SDPDirection = .sendrecv) -> NegotiatedAudio {
        NegotiatedAudio(mediaIndex: 0, codec: .pcma, payloadType: 98, telephoneEventPayloadType: 101,
                        remoteAddress: address, remotePort: port, direction: direction)
    }

    /// An engine on the shared loop group binding 127.0.0.1 on `ports`, catching up any stall of the
    /// loop up to 10 s (so a busy test machine skips no frame), its streams spread over `phases`.
    static func engine(ports: ClosedRange<Int>, phases: Int = 20,
                       onDigit: @escaping (MediaStreamID, DTMFDigit) -> Void = { _, _ in }) throws -> MediaEngine {
        guard let pool = RTPPortPool(range: ports) else { throw FixtureError.noPool(ports) }
        return MediaEngine(eventLoop: MultiThreadedEventLoopGroup.singleton.next(), address: "127.0.0.1", ports: pool,
                           maximumCatchUp: 500, phases: phases, logger: Logger(label: "media-test"), onDigit: onDigit)
    }

    enum FixtureError: Error {
        case noPool(ClosedRange<Int>)
    }
}
