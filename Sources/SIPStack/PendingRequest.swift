import SIPCore

/// A request a transaction holds until its final response, out of line: a lingering transaction
/// then keeps one pointer's room for it, not the whole request.
final class PendingRequest {
    let request: SIPRequest

    init(_ request: SIPRequest) {
        self.request = request
    }
}
