import SIPStack

/// The timers a call runs on the loop's timer wheel, one of each at a time.
enum CallTimer: Hashable {
    /// RFC 3261 §13.3.1.1: repeat the ringback every minute while the caller is not answered.
    case ringback
    /// RFC 3261 §13.3.1.4: retransmit the caller's 2xx until the ACK arrives.
    case answerRetransmission
    /// Callback: the call back to the caller rang for the queue's callback ring timeout.
    case callbackRing
    /// The configured maximum call duration.
    case maximumDuration
    /// RFC 4028: send a refresh on this leg.
    case sessionRefresh(CallSession.Leg)
    /// RFC 4028: no refresh arrived on this leg in time.
    case sessionExpiry(CallSession.Leg)
}

extension CallTimer {
    /// The timer's own place in ``CallTimerSlots``, one of eight.
    var slot: Int {
        switch self {
        case .ringback: 0
        case .answerRetransmission: 1
        case .callbackRing: 2
        case .maximumDuration: 3
        case .sessionRefresh(let leg): leg == .caller ? 4 : 5
        case .sessionExpiry(let leg): leg == .caller ? 6 : 7
        }
    }
}

/// The handles of a call's running named timers, one place per ``CallTimer`` kept inside the
/// session: starting or cancelling one allocates and hashes nothing (a hash table of them grew,
/// and so allocated, as a call started its second and its third timer).
struct CallTimerSlots {
    private var handles = InlineArray<8, TimerWheel.Handle?>(repeating: nil)

    /// Puts `handle` in `timer`'s place, returning the handle that stood there.
    mutating func replace(_ timer: CallTimer, with handle: TimerWheel.Handle?) -> TimerWheel.Handle? {
        let replaced = handles[timer.slot]
        handles[timer.slot] = handle
        return replaced
    }

    /// Empties every place, handing `body` each handle that stood in one.
    mutating func removeAll(_ body: (TimerWheel.Handle) -> Void) {
        for index in handles.indices {
            if let handle = handles[index] { body(handle) }
            handles[index] = nil
        }
    }
}
