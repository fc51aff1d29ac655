import SIPCore

/// Our RFC 4028 session timer policy, and the negotiation it drives on either side of an INVITE or
/// UPDATE. Pure: it reads header fields and returns header fields and a `SessionTimerState`.
///
///     UAC: requestHeaders() ──► INVITE ──► 2xx ──► negotiated(by:now:)
///                                      └─► 422 ──► retrying(after:) ──► requestHeaders() again
///     UAS: INVITE/UPDATE ──► answer(to:now:) ──► accept: 2xx + headers | reject: 422 + Min-SE
///
/// When the choice of refresher is ours (the peer supports timers and names none), the peer
/// refreshes. When the peer does not support timers, we run the timer as refresher only if
/// `refreshesWithoutPeerSupport` (§7.2 and §9 allow it; the refreshes are then ordinary re-INVITEs).
public struct SessionTimer: Hashable, Sendable {
    /// The smallest Min-SE RFC 4028 §5 allows, in seconds.
    public static let minimumMinSE = 90

    /// The session interval we ask for, and the largest we accept from a peer, in seconds.
    public let sessionExpires: Int
    /// The smallest session interval we accept (`Min-SE`), in seconds.
    public let minSE: Int
    /// Whether we run the timer as refresher when the peer does not support the extension.
    public let refreshesWithoutPeerSupport: Bool

    /// Creates a policy. `minSE` is raised to 90 s when below it, `sessionExpires` to `minSE`.
    public init(sessionExpires: Int = 1800, minSE: Int = 90, refreshesWithoutPeerSupport: Bool = true) {
        self.minSE = max(minSE, Self.minimumMinSE)
        self.sessionExpires = max(sessionExpires, self.minSE)
        self.refreshesWithoutPeerSupport = refreshesWithoutPeerSupport
    }

    /// The UAS decision for an INVITE or UPDATE (§9), and the headers of the 2xx.
    ///
    /// - Session-Expires below our `minSE` from a peer that supports timers: `422` with our Min-SE.
    /// - Session-Expires otherwise: that interval, lowered to `sessionExpires` but never below the
    ///   request's Min-SE, never raised. Refresher: the one the request names; ours to choose → the
    ///   peer (`uac`); a peer without timer support → us (`uas`).
    /// - No Session-Expires, peer supports timers: we ask for `sessionExpires` (at least the request's
    ///   Min-SE) with the peer as refresher.
    /// - No Session-Expires, no support: `sessionExpires` with us as refresher, or no timer at all
    ///   when `refreshesWithoutPeerSupport` is false.
    ///
    /// The 2xx carries `Session-Expires: N;refresher=…`, plus `Require: timer` when the peer supports timers.
    public func answer(to request: SIPRequest, now: Duration) -> SessionTimerDecision {
        let headers = request.headers
        let peerSupportsTimer = SessionTimerHeaders.peerSupportsTimer(headers)
        let requestMinSE = SessionTimerHeaders.minSE(in: headers) ?? Self.minimumMinSE
        let interval: Int
        let refresher: SessionTimerState.Refresher
        if let offered = SessionTimerHeaders.sessionExpires(in: headers) {
            if peerSupportsTimer && offered.interval < minSE {
                return .reject(statusCode: 422, reasonPhrase: "Session Interval Too Small",
                               headers: [SessionTimerHeaders.minSEField(minSE)])
            }
            interval = min(offered.interval, max(sessionExpires, requestMinSE))
            switch (peerSupportsTimer, offered.refresher) {
            case (false, _), (true, .uas): refresher = .local
            case (true, .uac), (true, nil): refresher = .remote
            }
        } else if peerSupportsTimer {
            interval = max(sessionExpires, requestMinSE)
            refresher = .remote
        } else if refreshesWithoutPeerSupport {
            interval = max(sessionExpires, requestMinSE)
            refresher = .local
        } else {
            return .accept(nil, headers: [])
        }
        var fields = [SessionTimerHeaders.sessionExpiresField(interval: interval, refresher: refresher == .local ? .uas : .uac)]
        if peerSupportsTimer { fields.append(SessionTimerHeaders.requireTimerField) }
        return .accept(SessionTimerState(interval: interval, refresher: refresher, lastRefresh: now), headers: fields)
    }

    /// The headers for an INVITE or UPDATE we send (§7.1, §7.4): `Session-Expires`, `Min-SE`,
    /// `Supported: timer`.
    ///
    /// Without `state` (an initial INVITE) Session-Expires is `sessionExpires` with no refresher, so
    /// the UAS chooses. With the dialog's current `state` (a refresh, or any re-INVITE/UPDATE) it is
    /// the current interval, and the refresher names the same side as before: `uac` when we
    /// refresh, `uas` when the peer does.
    public func requestHeaders(refreshing state: SessionTimerState? = nil) -> [SIPHeaderField] {
        let sessionExpiresField = if let state {
            SessionTimerHeaders.sessionExpiresField(interval: state.interval, refresher: state.refresher == .local ? .uac : .uas)
        } else {
            SessionTimerHeaders.sessionExpiresField(interval: sessionExpires, refresher: nil)
        }
        return [sessionExpiresField, SessionTimerHeaders.minSEField(minSE), SessionTimerHeaders.supportedTimerField]
    }

    /// The timer negotiated by a 2xx to an INVITE or UPDATE we sent (§7.2), starting at `now`.
    ///
    /// Its Session-Expires gives the interval; `refresher=uac` means we refresh, `uas` the peer (a
    /// missing refresher, which RFC 4028 forbids, reads as us: refreshing is always safe). Without
    /// Session-Expires the peer runs no timer: we refresh at `sessionExpires` when
    /// `refreshesWithoutPeerSupport`, otherwise the timer is off (nil).
    public func negotiated(by response: SIPResponse, now: Duration) -> SessionTimerState? {
        guard let answered = SessionTimerHeaders.sessionExpires(in: response.headers) else {
            guard refreshesWithoutPeerSupport else { return nil }
            return SessionTimerState(interval: sessionExpires, refresher: .local, lastRefresh: now)
        }
        let refresher: SessionTimerState.Refresher = answered.refresher == .uas ? .remote : .local
        return SessionTimerState(interval: answered.interval, refresher: refresher, lastRefresh: now)
    }

    /// The policy to retry with after a `422 Session Interval Too Small` (§7.1): Session-Expires and
    /// Min-SE raised to the response's Min-SE when below it. Nil for any other response, or a 422
    /// without a valid Min-SE.
    public func retrying(after response: SIPResponse) -> SessionTimer? {
        guard response.statusCode == 422, let theirMinSE = SessionTimerHeaders.minSE(in: response.headers) else { return nil }
        return SessionTimer(sessionExpires: max(sessionExpires, theirMinSE), minSE: max(minSE, theirMinSE),
                            refreshesWithoutPeerSupport: refreshesWithoutPeerSupport)
    }
}
