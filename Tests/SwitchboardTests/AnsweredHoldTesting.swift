import B2BUA
@testable import Switchboard

extension AnsweredHold {
    /// Negotiates `offer` and opens the caller's stream with it, as the router and the call do;
    /// nil to `completion` when the offer is refused.
    func start(_ callID: CallID, queue: String, offer: [UInt8], completion: @escaping ([UInt8]?) -> Void) {
        guard case .accepted(let negotiated) = negotiate(offer) else {
            completion(nil)
            return
        }
        start(callID, queue: queue, offer: negotiated, completion: completion)
    }

    /// The Warning of the `488` for `offer`, nil when it is accepted.
    func refusal(of offer: [UInt8]) -> String? {
        if case .refused(let warning) = negotiate(offer) { return warning }
        return nil
    }
}
