import SIPCore

/// The round-trip property of SIPCore's parser and serializer: whatever `SIPMessage(parsing:)` accepts
/// is written by `serialized()` in a form that parses back to the same message and is written the same
/// way again. The body, when it parses as SDP, must round-trip the same way (`SDPRoundTrip`).
public enum MessageRoundTrip {
    /// Checks one input; aborts through `fuzzFailure` when the property does not hold.
    public static func check(_ input: UnsafeRawBufferPointer) {
        let first: SIPMessage
        do {
            first = try SIPMessage(parsing: input)
        } catch {
            show("refused: \(error)")
            return
        }
        let written = first.serialized()
        show("accepted, written as:\n" + printable(written))
        let second: SIPMessage
        do {
            second = try SIPMessage(parsing: written)
        } catch {
            fuzzFailure("the serialized message does not parse again: \(error)",
                        [("input", Array(input)), ("serialized", written)])
        }
        let rewritten = second.serialized()
        guard rewritten == written else {
            fuzzFailure("the message is serialized differently after a round trip",
                        [("input", Array(input)), ("serialized", written), ("serialized again", rewritten)])
        }
        guard second == first else {
            fuzzFailure("the serialized message parses into a different message: \(first) versus \(second)",
                        [("input", Array(input)), ("serialized", written)])
        }
        let body = first.body
        if !body.isEmpty { SDPRoundTrip.check(body) }
    }
}

extension SIPMessage {
    /// The body of a request or response.
    var body: [UInt8] {
        switch self {
        case .request(let request): request.body
        case .response(let response): response.body
        }
    }
}
