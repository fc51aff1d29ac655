import SIPCore

/// The round-trip property of the SDP parser and serializer: an accepted description is written in a
/// form that parses back to the same description.
public enum SDPRoundTrip {
    /// Checks one input; aborts through `fuzzFailure` when the property does not hold.
    public static func check(_ input: [UInt8]) {
        guard let first = try? SessionDescription(parsing: input) else { return }
        let written = first.serialized()
        let second: SessionDescription
        do {
            second = try SessionDescription(parsing: written)
        } catch {
            fuzzFailure("the serialized session description does not parse again: \(error)",
                        [("input", input), ("serialized", written)])
        }
        guard second == first, second.serialized() == written else {
            fuzzFailure("the session description changes in a round trip", [("input", input), ("serialized", written)])
        }
    }
}
