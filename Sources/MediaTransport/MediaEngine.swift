import Logging
import Media
import NIOCore

/// The media edge on one event loop: a UDP socket per stream bound from an ``RTPPortPool``, one 20 ms
/// timer for every stream (a ``PacingSchedule`` on the loop's clock), prompts and music on hold sent
/// with each stream's ``RTPSender``, and received RTP turned into DTMF digits and counters.
///
/// Every mutable member is confined to `eventLoop`; the public methods hop onto it, so they can be
/// called from any thread. Digits are reported on the loop through the handler given at creation.
public final class MediaEngine: @unchecked Sendable {
    /// The loop that owns the engine, its sockets and its timer.
    public let eventLoop: any EventLoop
    /// The local address every stream's socket binds to.
    public let address: String
    let logger: Logger
    let digitHandler: (MediaStreamID, DTMFDigit) -> Void

    var pool: RTPPortPool
    var schedule: PacingSchedule<Int>
    /// The loop's uptime, in nanoseconds, at the engine's time zero (the schedule's origin).
    let origin: UInt64
    /// The wall-clock time at the engine's time zero (since the Unix epoch), for RTCP's NTP timestamps.
    let wallClockOrigin: Duration
    /// The loop's callback at the schedule's next tick; nil when none is set.
    var timer: NIOScheduledCallback?
    /// What the loop calls back at each tick (``TickWaker``).
    let tickWaker = TickWaker()
    var slots: [MediaStreamID: Int] = [:]
    var streams: [Int: MediaStream] = [:]
    var nextSlot = 0
    var musicIndex: [String: Int] = [:]
    var loops: [HoldMusicLoop] = []
    var totals = MediaEngineCounters()
    var generator = SystemRandomNumberGenerator()
    /// The bytes of the packet the tick is sending, reused from packet to packet.
    var tickBuffer = ByteBufferAllocator().buffer(capacity: 2048)

    /// Creates an engine binding streams to `address` on the ports of `ports`. The streams are spread
    /// over `phases` phases of the 20 ms period, the timer ticking every `20 ms / phases` (see
    /// ``PacingSchedule``). A tick that runs late sends up to `maximumCatchUp` frames per stream and
    /// drops older ones.
    /// `onDigit` is called on the loop with each DTMF digit a stream receives.
    public init(eventLoop: any EventLoop, address: String, ports: RTPPortPool, maximumCatchUp: Int = 3, phases: Int = 20,
                logger: Logger, onDigit: @escaping (MediaStreamID, DTMFDigit) -> Void = { _, _ in }) {
        self.eventLoop = eventLoop
        self.address = address
        self.logger = logger
        digitHandler = onDigit
        pool = ports
        schedule = PacingSchedule(start: .zero, maximumCatchUp: maximumCatchUp, phases: phases)
        origin = NIODeadline.now().uptimeNanoseconds
        wallClockOrigin = Self.unixTime()
        tickWaker.engine = self
    }

    /// Registers `loop` as the music on hold named `name` (one per music file), replacing any loop of
    /// that name; every stream playing it reads the same position.
    public func addMusic(_ name: String, loop: HoldMusicLoop) async throws {
        try await eventLoop.submit {
            if let index = self.musicIndex[name] {
                self.loops[index] = loop
            } else {
                self.musicIndex[name] = self.loops.count
                self.loops.append(loop)
            }
        }.get()
    }

    /// Queues `prompts` in front of the stream's music. When they have played, the stream hears the
    /// music from the loop's current position, as every other listener does (the loop never waits
    /// for one caller). A stream that sends nothing refuses them (``MediaEngineError/notSending(_:)``).
    public func play(_ id: MediaStreamID, prompts: [Prompt]) async throws {
        try await playing(id, prompts: prompts).get()
    }

    /// ``play(_:prompts:)`` for callers on an event loop: succeeds once the prompts are queued.
    public func playing(_ id: MediaStreamID, prompts: [Prompt]) -> EventLoopFuture<Void> {
        eventLoop.submit {
            guard let slot = self.slots[id], let stream = self.streams[slot] else { throw MediaEngineError.unknownStream(id) }
            guard stream.destination != nil else { throw MediaEngineError.notSending(id) }
            stream.queue(prompts)
        }
    }

    /// The engine's counters, with the number of streams open now.
    public func counters() async throws -> MediaEngineCounters {
        try await eventLoop.submit {
            var counters = self.totals
            counters.streams = self.streams.count
            return counters
        }.get()
    }

    /// One stream's counters; nil when no stream of that name is open.
    public func counters(of id: MediaStreamID) async throws -> MediaStreamCounters? {
        try await eventLoop.submit { self.slots[id].flatMap { self.streams[$0]?.counters } }.get()
    }

    /// The port pool as it is now.
    public func portPool() async throws -> RTPPortPool {
        try await eventLoop.submit { self.pool }.get()
    }

    /// The loop's time since the engine's time zero.
    func now() -> Duration {
        .nanoseconds(Int64(NIODeadline.now().uptimeNanoseconds &- origin))
    }
}
