import Logging
import SIPCore
import SIPStack

/// New calls refused before any state exists: at the concurrent-call limit, and while the daemon is
/// behind on what it received (``OverloadGuard``).
extension CallRouter: NewCallAdmission {
    /// `Capacity Reached` at the concurrent-call limit, `Overloaded` while behind, otherwise `nil`.
    public func refusal(for invite: SIPRequest) -> String? {
        if sessions.count >= context.configuration.maximumConcurrentCalls { return "Capacity Reached" }
        guard let inboundBacklog else { return nil }
        let backlog = inboundBacklog()
        if overload.observe(backlog) {
            let metadata: Logger.Metadata = ["sip.backlog_bytes": "\(backlog.queuedBytes)", "sip.buffer_bytes": "\(backlog.capacityBytes)"]
            if overload.isOverloaded {
                context.logger.warning("overloaded: new calls get 503 until the receive backlog drains", metadata: metadata)
            } else {
                context.logger.notice("no longer overloaded: new calls are admitted", metadata: metadata)
            }
        }
        return overload.isOverloaded ? "Overloaded" : nil
    }
}
