import SIPTransaction

/// The pending timers of one transaction on the loop's timer wheel; starting a timer replaces a
/// pending one of the same name, and `cancelAll` runs when the transaction terminates. A transaction
/// has at most three timers at once (Timers A, B and the CANCEL deadline's kin; G and H), so they
/// are held inline in three places: no list, no allocation. The names and the handles are kept
/// apart (three one-byte names, then three handles), so a lingering transaction spends 32 bytes on
/// them, not three padded pairs.
struct TransactionTimerSet {
    private var names: (TransactionTimer?, TransactionTimer?, TransactionTimer?) = (nil, nil, nil)
    /// The handles in the places of `names`; one whose name is nil is stale and never used.
    private var handles = (TimerWheel.Handle.none, TimerWheel.Handle.none, TimerWheel.Handle.none)

    mutating func start(_ timer: TransactionTimer, after delay: Duration, on wheel: TimerWheel, for target: any TransactionTimerTarget) {
        cancel(timer, on: wheel)
        let handle = wheel.schedule(after: delay, target: target, timer: timer)
        if names.0 == nil {
            (names.0, handles.0) = (timer, handle)
        } else if names.1 == nil {
            (names.1, handles.1) = (timer, handle)
        } else {
            precondition(names.2 == nil, "a transaction runs at most three timers at once")
            (names.2, handles.2) = (timer, handle)
        }
    }

    mutating func cancel(_ timer: TransactionTimer, on wheel: TimerWheel) {
        if names.0 == timer {
            wheel.cancel(handles.0)
            names.0 = nil
        } else if names.1 == timer {
            wheel.cancel(handles.1)
            names.1 = nil
        } else if names.2 == timer {
            wheel.cancel(handles.2)
            names.2 = nil
        }
    }

    mutating func cancelAll(on wheel: TimerWheel) {
        if names.0 != nil { wheel.cancel(handles.0) }
        if names.1 != nil { wheel.cancel(handles.1) }
        if names.2 != nil { wheel.cancel(handles.2) }
        names = (nil, nil, nil)
    }
}

/// A transaction whose timers run on the wheel.
protocol TransactionTimerTarget: AnyObject {
    /// One of its timers fired.
    func timerFired(_ timer: TransactionTimer)
}
