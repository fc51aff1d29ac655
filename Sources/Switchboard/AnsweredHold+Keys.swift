import B2BUA
import Media
import MediaTransport
import NIOCore

/// The keys callers on answered hold press: RFC 4733 telephone-events their streams receive (the
/// engine's digits, brought to the SIP loop), and the `application/dtmf-relay` bodies of SIP INFO.
extension AnsweredHold {
    /// A digit the engine decoded on a caller's stream; passed on while the stream is open.
    func received(_ digit: DTMFDigit, on stream: MediaStreamID) {
        let callID = stream.rawValue
        guard case .open = streams[callID] else { return }
        logger.debug("caller pressed a key (RFC 4733)", metadata: ["sip.call_id": "\(callID)"])
        onKey?(callID, digit.key)
    }

    func key(inDTMFRelay body: [UInt8]) -> Character? {
        DTMFRelay(body: body)?.digit.key
    }
}

/// Brings the digits the media edge decodes on its own loop to answered hold on the SIP loop. The
/// engine is started before answered hold exists, so it is given this forwarder, and the forwarder
/// is given answered hold once the layers are built.
final class KeyForwarder: @unchecked Sendable {
    /// The SIP loop, which `hold` is confined to.
    let loop: any EventLoop
    /// Answered hold, once built; read and written on `loop` only.
    var hold: AnsweredHold?

    init(loop: any EventLoop) {
        self.loop = loop
    }

    /// Called by the engine on its loop: hands the digit to answered hold on the SIP loop.
    func forward(_ stream: MediaStreamID, _ digit: DTMFDigit) {
        loop.execute { self.hold?.received(digit, on: stream) }
    }
}
