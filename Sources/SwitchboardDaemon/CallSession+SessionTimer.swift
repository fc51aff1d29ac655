import SIPCore
import SIPDialog

extension CallSession {
    /// Starts (or restarts) the RFC 4028 timer of one leg: a refresh at half the interval when we are
    /// the refresher, and the end of the call when no refresh arrived in time.
    func runSessionTimer(_ state: SessionTimerState?, on leg: Leg) {
        cancelTimer(timers.removeValue(forKey: "refresh-\(leg)"))
        cancelTimer(timers.removeValue(forKey: "expiry-\(leg)"))
        sessionTimers[leg] = state
        guard let state else { return }
        let now = core.now
        if let refreshAt = state.refreshAt {
            timers["refresh-\(leg)"] = schedule(after: refreshAt - now) { $0.sendSessionRefresh(on: leg) }
        }
        timers["expiry-\(leg)"] = schedule(after: state.expiresAt - now) { session in
            session.core.logger.notice("session timer expired", metadata: ["sip.call_id": "\(session.callID)", "sip.leg": "\(leg)"])
            session.handle(.limitReached)
        }
    }

    /// Sends a session refresh on one leg: an UPDATE without a body (RFC 4028 §7.4, RFC 3311), which
    /// renegotiates nothing but the timer.
    private func sendSessionRefresh(on leg: Leg) {
        guard var dialog = leg == .caller ? callerDialog : agentDialog, let state = sessionTimers[leg] else { return }
        var update = dialog.makeRequest(method: .update, via: makeVia(), contact: core.localContact)
        update.headers.fields.append(contentsOf: core.sessionTimer.requestHeaders(refreshing: state))
        if leg == .caller { callerDialog = dialog } else { agentDialog = dialog }
        core.layer.send(update, to: nextHop(for: update)) { [weak self] response in
            guard let self, response.statusCode >= 200 else { return }
            if response.statusCode < 300 {
                self.runSessionTimer(self.core.sessionTimer.negotiated(by: response, now: self.core.now), on: leg)
            } else if response.statusCode == 481 || response.statusCode == 408 {
                self.handle(.limitReached)
            }
        }
    }
}
