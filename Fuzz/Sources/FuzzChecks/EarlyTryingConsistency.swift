import SIPCore
import SIPRawScans

/// The property of the `100 Trying` written from a new call's INVITE before its parse
/// (`SIPEarlyTrying`): when the parser takes the same input as a request, the 100 parses too and
/// belongs to it: the same Call-ID, CSeq, From and To, as many Vias, each after the first the same,
/// and the first with the request's branch, host and port, which the transaction key is also made
/// of. (An INVITE the parser refuses gets its `400` after the 100, which echoes the INVITE's own
/// header values as a stateful proxy's would.)
public enum EarlyTryingConsistency {
    /// Checks one input; aborts through `fuzzFailure` when the property does not hold.
    public static func check(_ input: UnsafeRawBufferPointer) {
        guard SIPHeaderScan.isInitialInvite(input),
              let trying = SIPEarlyTrying(invite: input, sourceIP: "192.0.2.10", sourcePort: 5060),
              case .request(let request)? = try? SIPMessage(parsing: input) else { return }
        let shown = [("input", Array(input)), ("100 Trying", trying.bytes)]
        let answer: SIPResponse
        do {
            guard case .response(let response) = try SIPMessage(parsing: trying.bytes), response.statusCode == 100 else {
                fuzzFailure("the 100 Trying written from the INVITE's bytes is not a 100", shown)
            }
            answer = response
        } catch {
            fuzzFailure("the 100 Trying written from the INVITE's bytes does not parse: \(error)", shown)
        }
        let asked = request.headers, answered = answer.headers
        guard answered.callID == asked.callID, answered.cseq == asked.cseq, answered.from == asked.from, answered.to == asked.to,
              answered.via.count == asked.via.count, answered.via.dropFirst().elementsEqual(asked.via.dropFirst()),
              let top = answered.via.first, let askedTop = asked.via.first,
              top.branch == askedTop.branch, top.host == askedTop.host, top.port == askedTop.port,
              trying.branch == askedTop.branch, trying.sentByHost == askedTop.host, trying.sentByPort == askedTop.port else {
            fuzzFailure("the 100 Trying written from the INVITE's bytes differs from the parsed INVITE", shown)
        }
    }
}
