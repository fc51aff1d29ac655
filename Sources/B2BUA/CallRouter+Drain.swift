import NIOCore

/// Graceful shutdown: new calls and OPTIONS get 503 with Retry-After so the SBC fails over, while
/// the calls in progress finish.
extension CallRouter {
    /// Starts draining and completes once no call is left and `minimum` has passed, or at `maximum`
    /// whatever is left.
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

    /// Runs `body` once no call is held: at once if none is.
    private func whenIdle(_ body: @escaping () -> Void) {
        if sessions.isEmpty { body() } else { idleWaiters.append(body) }
    }

    func wakeIdleWaiters() {
        let waiters = idleWaiters
        idleWaiters.removeAll()
        for waiter in waiters { waiter() }
    }
}
