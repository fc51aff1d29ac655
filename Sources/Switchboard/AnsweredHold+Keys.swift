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

/// Brings the digits the media edge decodes on its own loop to answered hold on the loop of the
/// caller's shard (the stream's id is the caller's Call-ID). The engine is started before answered
/// hold exists, so it is given this forwarder, and each shard attaches its answered hold once built.
final class KeyForwarder: @unchecked Sendable {
    /// One shard's answered hold, read and written on its loop only.
    private final class Slot: @unchecked Sendable {
        let loop: any EventLoop
        var hold: AnsweredHold?

        init(loop: any EventLoop) {
            self.loop = loop
        }
    }

    private let slots: [Slot]

    /// A forwarder to the shards on `loops`, in order.
    init(loops: [any EventLoop]) {
        slots = loops.map(Slot.init)
    }

    /// A forwarder to one answered hold on `loop`.
    convenience init(loop: any EventLoop) {
        self.init(loops: [loop])
    }

    /// One shard's answered hold (on that shard's loop); the only one with a single loop.
    var hold: AnsweredHold? {
        get { slots[0].hold }
        set { slots[0].hold = newValue }
    }

    /// Attaches shard `index`'s answered hold (on that shard's loop).
    func attach(_ hold: AnsweredHold?, shard index: Int) {
        slots[index].hold = hold
    }

    /// Called by the engine on its loop: hands the digit to answered hold on the caller's shard.
    func forward(_ stream: MediaStreamID, _ digit: DTMFDigit) {
        let slot = slots[CallPlacement.shard(of: stream.rawValue, among: slots.count)]
        slot.loop.execute { slot.hold?.received(digit, on: stream) }
    }
}
