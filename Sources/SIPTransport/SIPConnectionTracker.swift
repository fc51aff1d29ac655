import Logging
import NIOCore

/// The stream connections of one transport, confined to its loop: admission when a peer connects
/// and when switchboardd connects, the open count per peer address, the counters, and notices
/// throttled to one line per reason and interval.
final class SIPConnectionTracker: @unchecked Sendable {
    /// The shortest time between two notices of one reason.
    static let noticeInterval: TimeAmount = .seconds(10)

    /// What a notice is about.
    private enum Notice: Hashable {
        case refused(SIPConnectionRefusal)
        case expired(SIPConnectionExpiry)
    }

    /// The loop that owns the tracker.
    let eventLoop: any EventLoop
    /// The admission policy.
    let policy: SIPConnectionPolicy
    /// The timers every connection runs.
    let timeouts: SIPConnectionTimeouts
    private let logger: Logger
    private var openByPeer: [String: Int] = [:]
    private var notices = SIPNoticeThrottle<Notice>(interval: noticeInterval)
    private var lastPeer: [Notice: String] = [:]

    /// The counters since the tracker was created.
    private(set) var counters = SIPConnectionCounters()

    /// Creates a tracker for the connections of a transport.
    init(eventLoop: any EventLoop, trustedPeers: Set<String>, limits: SIPConnectionLimits, logger: Logger) {
        self.eventLoop = eventLoop
        self.policy = SIPConnectionPolicy(trustedPeers: trustedPeers, limits: limits)
        self.timeouts = SIPConnectionTimeouts(idle: limits.idleTimeout, incompleteMessage: limits.incompleteMessageTimeout)
        self.logger = logger
    }

    /// Decides on a new connection with `peer` (an IP address). An admitted connection counts as
    /// open until its close future completes; a refused one is counted and noticed, and the caller
    /// closes it.
    func admit(_ channel: any Channel, peer: String, origin: SIPConnectionPolicy.Origin) -> SIPConnectionPolicy.Decision {
        eventLoop.assertInEventLoop()
        let decision = policy.decide(peer: peer, origin: origin, openTotal: counters.open, openFromPeer: openByPeer[peer, default: 0])
        switch decision {
        case .admit:
            counters.open += 1
            openByPeer[peer, default: 0] += 1
            if origin == .accepted { counters.accepted += 1 } else { counters.opened += 1 }
            channel.closeFuture.assumeIsolated().whenComplete { _ in self.closed(peer: peer) }
        case .refuse(let refusal):
            switch refusal {
            case .unknownPeer: counters.refusedUnknownPeer += 1
            case .totalLimit: counters.refusedTotalLimit += 1
            case .peerLimit: counters.refusedPeerLimit += 1
            }
            note(.refused(refusal), peer: peer)
        }
        return decision
    }

    /// Counts a connection closed on a timer; the caller closes it.
    func expired(_ expiry: SIPConnectionExpiry, peer: String) {
        eventLoop.assertInEventLoop()
        switch expiry {
        case .idle:
            counters.closedIdle += 1
            logger.debug("closing idle stream", metadata: ["sip.peer": "\(peer)"])
        case .incompleteMessage:
            counters.closedIncompleteMessage += 1
            note(.expired(expiry), peer: peer)
        }
    }

    private func closed(peer: String) {
        counters.open -= 1
        if let count = openByPeer[peer], count > 1 { openByPeer[peer] = count - 1 } else { openByPeer[peer] = nil }
    }

    private func note(_ notice: Notice, peer: String) {
        lastPeer[notice] = peer
        switch notices.record(notice, now: eventLoop.now) {
        case .log(let count):
            log(notice, count: count)
        case .flush(let deadline):
            eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
                let count = self.notices.flush(notice, now: self.eventLoop.now)
                if count > 0 { self.log(notice, count: count) }
            }
        case .counted:
            break
        }
    }

    private func log(_ notice: Notice, count: Int) {
        let peer = lastPeer[notice] ?? "-"
        switch notice {
        case .refused(let refusal):
            logger.notice("stream connections refused", metadata: [
                "sip.reason": "\(refusal.rawValue)", "sip.count": "\(count)", "sip.last_peer": "\(peer)"])
        case .expired(let expiry):
            logger.notice("stream connections closed", metadata: [
                "sip.reason": "\(expiry.rawValue)", "sip.count": "\(count)", "sip.last_peer": "\(peer)"])
        }
    }
}
