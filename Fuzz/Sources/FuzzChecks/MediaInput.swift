import Media
import SIPCore

/// What the media core reads from the network and from operators' files: nothing may trap; an RTP
/// packet it accepts is written in a form that reads back as the same packet, and a DTMF receiver fed
/// it (twice, as a retransmission) stays sound; a WAV file it accepts encodes into whole frames; an
/// SDP offer it answers, over RTP or (with `media.srtp` optional) over SRTP, gets an answer that parses
/// again, and an SRTP answer's crypto line reads back as the one negotiated.
public enum MediaInput {
    private static let origin = SDPOrigin(username: "switchboard", sessionID: "1", sessionVersion: 1, unicastAddress: "192.0.2.1")

    /// Checks one input in every reader; aborts through `fuzzFailure` when a property does not hold.
    public static func check(_ input: [UInt8]) {
        checkRTP(input)
        checkWAV(input)
        checkOffer(input)
    }

    private static func checkRTP(_ input: [UInt8]) {
        guard let packet = try? RTPPacket(parsing: input) else { return }
        let written = packet.serialized()
        guard let again = try? RTPPacket(parsing: written), again == packet else {
            fuzzFailure("an accepted RTP packet does not read back the same", [("input", input), ("serialized", written)])
        }
        var receiver = DTMFReceiver(payloadType: packet.header.payloadType)
        let first = receiver.receive(header: packet.header, payload: packet.payload)
        let repeated = receiver.receive(header: packet.header, payload: packet.payload)
        if first != nil, repeated != nil {
            fuzzFailure("a retransmitted telephone-event packet reported its digit twice", [("input", input)])
        }
    }

    private static func checkWAV(_ input: [UInt8]) {
        guard let prompt = try? Prompt(name: "fuzz", wav: input) else { return }
        for codec in G711Codec.allCases where prompt.frameCount > 0 {
            let last = prompt.frame(prompt.frameCount - 1, codec: codec)
            guard last.count == 160 else {
                fuzzFailure("a prompt frame is not 160 bytes", [("input", input)])
            }
        }
    }

    /// The key of the SRTP answers: fixed, so a failing input replays the same answer.
    private static let key = SRTPMasterKey(bytes: Array(0..<UInt8(SRTPMasterKey.length)))!

    private static func checkOffer(_ input: [UInt8]) {
        guard let offer = try? SessionDescription(parsing: input) else { return }
        for policy in [SRTPPolicy.off, .optional] {
            guard case .accepted(let answer, let audio) = AudioAnswerer.answer(to: offer, address: "192.0.2.1", port: 20_000, origin: origin,
                                                                             srtp: policy, sendingKey: key) else { continue }
            let written = answer.serialized()
            guard let parsed = try? SessionDescription(parsing: written) else {
                fuzzFailure("the answer to an accepted offer does not parse", [("input", input), ("answer", written)])
            }
            let crypto = parsed.media[audio.mediaIndex].attributes.first { $0.name == SDESCrypto.attributeName }?.value
            guard crypto.flatMap({ try? SDESCrypto(attributeValue: $0) }) == audio.srtp?.answerCrypto else {
                fuzzFailure("an answer's crypto line does not read back as the one negotiated", [("input", input), ("answer", written)])
            }
        }
    }
}
