extension CallRouter {
    /// Keeps an ended call's dialogs routable until its linger ends. Every linger lasts the same
    /// 64·T1, so ended calls wait in the order they ended, in one queue with one timer for its
    /// oldest: a call that ended costs no timer of its own.
    func linger(_ call: EndedCall) {
        lingering.append(call)
        if lingering.count == 1 { scheduleLingerEnd() }
    }

    private func scheduleLingerEnd() {
        guard let oldest = lingering.first else { return }
        context.stack.timerWheel.schedule(after: oldest.lingeringUntil - now) { [weak self] in self?.endLingers() }
    }

    /// Drops the dialogs of every ended call whose linger is over, then waits for the next one.
    private func endLingers() {
        while let oldest = lingering.first, oldest.lingeringUntil <= now {
            lingering.removeFirst()
            for key in oldest.dialogKeys {
                if case .ended(let owner) = dialogOwners[key], owner === oldest { dialogOwners[key] = nil }
            }
        }
        dialogOwners.releaseUnusedCapacity()
        scheduleLingerEnd()
    }
}
