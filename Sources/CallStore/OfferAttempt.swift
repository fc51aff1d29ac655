import Foundation

/// One offer of a call to one agent (one B-leg INVITE), written once the offer is resolved.
public struct OfferAttempt: Sendable, Equatable {
    /// The caller's A-leg Call-ID.
    public var callID: String
    /// The caller's arrival, which with `callID` names the call record.
    public var callArrivedAt: Date
    /// The offer's number within the call, from 1.
    public var sequence: Int
    /// The agent offered the call.
    public var agent: String
    /// When the offer was made (the B-leg INVITE was asked for).
    public var offeredAt: Date
    /// When the agent's endpoint started ringing (first 18x), if it did.
    public var ringingAt: Date?
    /// When the offer was resolved: answered, failed or cancelled.
    public var endedAt: Date
    /// How it was resolved.
    public var result: OfferResult

    /// Creates an attempt.
    public init(callID: String, callArrivedAt: Date, sequence: Int, agent: String, offeredAt: Date, ringingAt: Date?,
                endedAt: Date, result: OfferResult) {
        self.callID = callID
        self.callArrivedAt = callArrivedAt
        self.sequence = sequence
        self.agent = agent
        self.offeredAt = offeredAt
        self.ringingAt = ringingAt
        self.endedAt = endedAt
        self.result = result
    }
}

/// How one offer ended, as stored in `offer_attempts.result`. The failure classes are the B2BUA's:
/// which SIP statuses each covers is in docs/storage.md.
public enum OfferResult: String, Sendable, CaseIterable {
    /// The agent answered (2xx).
    case answered
    /// Rang for the whole ring timeout without an answer (counts toward RONA).
    case noAnswer
    /// `486 Busy Here` or `600 Busy Everywhere`.
    case busy
    /// `603 Decline`.
    case declined
    /// `480`, `404`, `410`, `484`, `604`, another 4xx, or accepted (`100`) without ringing until the ring timeout.
    case unreachable
    /// `408`, `5xx`, a transaction timeout or transport error, or silence until the ring timeout.
    case trunkFailure
    /// Another agent answered the same caller first (ring-all).
    case answeredElsewhere
    /// The caller hung up (or the call went away) while the agent rang.
    case callerLeft
    /// The agent's status changed (logged out, break) while ringing.
    case agentUnavailable
    /// The caller overflowed (maximum wait, withdrawn) while the agent rang.
    case overflow
}
