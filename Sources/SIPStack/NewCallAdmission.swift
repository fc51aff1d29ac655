import SIPCore

/// Decides whether a new call may start before the transaction layer creates any state for it. A
/// refused INVITE (one outside any dialog) is answered statelessly with `503` and `Retry-After`
/// (RFC 3261 §21.5.4), so a refusal costs one parse and one small response, and its retransmissions
/// get the same answer without a transaction to keep.
public protocol NewCallAdmission: AnyObject {
    /// `nil` admits `invite`; otherwise the reason phrase of the `503`.
    func refusal(for invite: SIPRequest) -> String?

    /// Whether a new call's INVITE may be answered `100 Trying` before it is parsed and asked about:
    /// false while new calls are refused or about to be (at the limit, overloaded, draining), so that
    /// a refused caller gets its `503` alone.
    var admitsNewCallsAtOnce: Bool { get }
}
