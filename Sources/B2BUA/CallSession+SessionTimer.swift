import SIPCore
import SIPDialog

extension CallSession {
    /// Starts (or restarts) the RFC 4028 timer of one leg: a refresh at half the interval when we are
    /// the refresher, and the end of the call when no refresh arrived in time.
    func runSessionTimer(_ state: SessionTimerState?, on leg: Leg) {
        cancel(.sessionRefresh(leg))
        cancel(.sessionExpiry(leg))
        sessionTimers[leg] = state
        guard let state else { return }
        let now = context.now
        if let refreshAt = state.refreshAt {
            start(.sessionRefresh(leg), after: refreshAt - now) { $0.sendSessionRefresh(on: leg) }
        }
        start(.sessionExpiry(leg), after: state.expiresAt - now) { session in
            session.context.logger.notice("session timer expired", metadata: ["sip.call_id": "\(session.callID)", "sip.leg": "\(leg)"])
            session.post(.limitReached)
        }
    }

    /// Sends a session refresh on one leg: an UPDATE without a body (RFC 4028 §7.4, RFC 3311), which
    /// renegotiates nothing but the timer.
    private func sendSessionRefresh(on leg: Leg) {
        guard var dialog = leg == .caller ? callerDialog : agentDialog, let state = sessionTimers[leg] else { return }
        var update = dialog.makeRequest(method: .update, via: context.makeVia(), contact: context.localContact)
        update.headers.fields.append(contentsOf: context.sessionTimer.requestHeaders(refreshing: state))
        store(dialog, for: leg)
        context.send(update) { [weak self] response in
            guard let self, response.statusCode >= 200 else { return }
            if response.statusCode < 300 {
                self.runSessionTimer(self.context.sessionTimer.negotiated(by: response, now: self.context.now), on: leg)
            } else if response.statusCode == 481 || response.statusCode == 408 {
                self.post(.limitReached)
            }
        }
    }
}
