import SIPTransaction
import Testing

/// Plays the shell's part for server responses: sends the response the TU hands over and keeps it as the
/// latest on `sendResponse`, resends the latest on `retransmitResponse`. `sent` is what went on the wire.
struct ResponseWire {
    private(set) var sent: [Int] = []
    private var latest: Int?

    /// Applies the response actions of `actions`; `statusCode` is the response the TU handed over, if any.
    mutating func apply(_ actions: [ServerTransactionAction], handingOver statusCode: Int? = nil) {
        for action in actions {
            switch action {
            case .sendResponse:
                latest = statusCode
            case .retransmitResponse:
                break
            default:
                continue
            }
            guard let latest else {
                Issue.record("\(action) with no response to send")
                continue
            }
            sent.append(latest)
        }
    }
}
