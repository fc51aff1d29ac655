import NIOCore

/// Closes a stream connection that carries no message and no keep-alive, in either direction, for
/// the idle timeout, or whose started message (headers or body) is not whole within the incomplete
/// message timeout. Sits right behind the framing decoder: its `SIPStreamEvent.messageStarted`
/// starts the message's clock, every frame read or buffer written is activity. One scheduled check
/// per connection, moved only when a message starts, so the message path schedules nothing.
final class SIPConnectionTimeoutHandler: ChannelDuplexHandler {
    typealias InboundIn = SIPStreamFramer.Frame
    typealias InboundOut = SIPStreamFramer.Frame
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let tracker: SIPConnectionTracker
    private var lastActivity = NIODeadline.uptimeNanoseconds(0)
    private var messageStarted: NIODeadline?
    private var check: (task: Scheduled<Void>, deadline: NIODeadline)?

    init(tracker: SIPConnectionTracker) {
        self.tracker = tracker
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context: context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        check?.task.cancel()
        check = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        check?.task.cancel()
        check = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        lastActivity = context.eventLoop.now
        messageStarted = nil
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard case .messageStarted? = event as? SIPStreamEvent else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        messageStarted = context.eventLoop.now
        schedule(context: context)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        lastActivity = context.eventLoop.now
        context.write(data, promise: promise)
    }

    private func start(context: ChannelHandlerContext) {
        guard check == nil else { return }
        lastActivity = context.eventLoop.now
        schedule(context: context)
    }

    /// Makes sure a check runs at the earliest deadline (a later one already scheduled is moved).
    private func schedule(context: ChannelHandlerContext) {
        let deadline = tracker.timeouts.nextDeadline(lastActivity: lastActivity, messageStarted: messageStarted)
        if let check, check.deadline <= deadline { return }
        check?.task.cancel()
        let task = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { self.fire(context: context) }
        check = (task, deadline)
    }

    private func fire(context: ChannelHandlerContext) {
        check = nil
        guard context.channel.isActive else { return }
        let now = context.eventLoop.now
        if let expiry = tracker.timeouts.expiry(now: now, lastActivity: lastActivity, messageStarted: messageStarted) {
            tracker.expired(expiry, peer: context.channel.remoteAddress?.ipAddress ?? "")
            context.close(promise: nil)
        } else {
            schedule(context: context)
        }
    }
}
