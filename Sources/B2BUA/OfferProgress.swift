/// How far a B-leg INVITE got before its final response: the highest provisional response seen
/// (RFC 3261 §17.1.1: 1xx moves the client transaction to Proceeding).
public enum OfferProgress: Int, Comparable, Hashable, Sendable {
    /// Nothing came back, not even `100 Trying`: the SBC is silent.
    case none
    /// The SBC accepted the INVITE (`100 Trying`, or another 1xx that is not 18x) but nothing rang.
    case accepted
    /// The agent's endpoint rang (`180`–`189`, including `183 Session Progress`).
    case ringing

    /// The progress a provisional response shows.
    public init(provisionalStatusCode statusCode: Int) {
        self = (180...189).contains(statusCode) ? .ringing : .accepted
    }

    /// Orders progress from silence to ringing.
    public static func < (lhs: OfferProgress, rhs: OfferProgress) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
