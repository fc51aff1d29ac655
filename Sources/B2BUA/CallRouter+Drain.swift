import NIOCore

/// Graceful shutdown: new calls and OPTIONS get 503 with Retry-After so the SBC fails over, while
/// the calls in progress finish. Callback entries waiting for an agent (no caller's leg, no agent
/// rung) are not waited for: the store keeps them and the next start restores them.
extension CallRouter {
    /// Starts draining and completes once no call is left but callback entries waiting for an agent
    /// and `minimum` has passed, or at `maximum` whatever is left.
    public func drain(minimum: Duration, maximum: Duration) -> EventLoopFuture<Void> {
        let wheel = context.stack.timerWheel
        wheel.eventLoop.preconditionInEventLoop()
        draining = true
        context.logger.notice("draining: refusing new calls", metadata: ["sip.calls": "\(sessions.count)"])
        let promise = wheel.eventLoop.makePromise(of: Void.self)
        var done = false
        let finish = {
            guard !done else { return }
            done = true
            promise.succeed()
        }
        wheel.schedule(after: maximum) { finish() }
        wheel.schedule(after: minimum) { [weak self] in self?.whenIdle(finish) }
        return promise.futureResult
    }

    /// Runs `body` once no call is held but callback entries waiting for an agent: at once if so.
    /// A call ending wakes the waiters when it was the last one; an entry's call back or caller
    /// leaving is seen by a check every `drainCheckInterval`.
    private func whenIdle(_ body: @escaping () -> Void) {
        if onlyCallbackEntriesLeft { return body() }
        idleWaiters.append(body)
        guard idleWaiters.count == 1 else { return }
        checkIdleWhileDraining()
    }

    /// How often a drain looks whether only callback entries waiting for an agent are left.
    public static let drainCheckInterval = Duration.milliseconds(200)

    private var onlyCallbackEntriesLeft: Bool {
        sessions.values.allSatisfy(\.outlivesRestart)
    }

    private func checkIdleWhileDraining() {
        context.stack.timerWheel.schedule(after: Self.drainCheckInterval) { [weak self] in
            guard let self, !self.idleWaiters.isEmpty else { return }
            if self.onlyCallbackEntriesLeft { self.wakeIdleWaiters() } else { self.checkIdleWhileDraining() }
        }
    }

    func wakeIdleWaiters() {
        let waiters = idleWaiters
        idleWaiters.removeAll()
        for waiter in waiters { waiter() }
    }
}
