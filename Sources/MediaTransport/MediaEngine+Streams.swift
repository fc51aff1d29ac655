import Media
import NIOCore
import NIOPosix
import SRTP
#if canImport(Glibc)
import Glibc
#endif

extension MediaEngine {
    /// Opens a stream: binds UDP sockets on the next free port pair of the pool, RTP and RTCP (trying
    /// the next pair when a bind fails), then sends what `source` says to the negotiated remote, at
    /// its phase of the shared 20 ms period from that phase's next slot, with RTCP reports. Returns
    /// the local RTP port, for the SDP answer. A `0.0.0.0` remote or a direction that forbids sending
    /// (`recvonly`, `inactive`) sends nothing; received RTP is counted and its telephone-events
    /// reported as digits either way.
    public func startStream(_ id: MediaStreamID, negotiated: NegotiatedAudio, source: MediaSource) async throws -> Int {
        try await startingStream(id, negotiated: negotiated, source: source).get()
    }

    /// ``startStream(_:negotiated:source:)`` for callers on an event loop: the future of the local RTP port.
    public func startingStream(_ id: MediaStreamID, negotiated: NegotiatedAudio, source: MediaSource) -> EventLoopFuture<Int> {
        eventLoop.flatSubmit { self.openStream(id, negotiated: negotiated, source: source) }
    }

    /// Closes the stream's socket and gives its port back to the pool once the socket is closed.
    public func stopStream(_ id: MediaStreamID) async throws {
        try await stoppingStream(id).get()
    }

    /// ``stopStream(_:)`` for callers on an event loop: succeeds once the port is back in the pool.
    public func stoppingStream(_ id: MediaStreamID) -> EventLoopFuture<Void> {
        eventLoop.flatSubmit {
            self.closeStream(id) ?? self.eventLoop.makeFailedFuture(MediaEngineError.unknownStream(id))
        }
    }

    /// Closes every stream at once; the engine can open new ones afterwards.
    public func stopAll() async throws {
        try await eventLoop.flatSubmit {
            EventLoopFuture.andAllSucceed(Array(self.slots.keys).compactMap(self.closeStream), on: self.eventLoop)
        }.get()
    }

    /// Takes the stream off the schedule (and the timer off the loop when it was the last to send)
    /// and closes its sockets; nil when no such stream is open.
    private func closeStream(_ id: MediaStreamID) -> EventLoopFuture<Void>? {
        guard let slot = slots[id], let stream = streams.removeValue(forKey: slot) else { return nil }
        slots[id] = nil
        schedule.remove(slot)
        if schedule.isIdle {
            timer?.cancel()
            timer = nil
        }
        logger.debug("media stream stopped", metadata: ["media.stream": "\(id)", "media.port": "\(stream.port)"])
        sendGoodbye(stream)
        stream.closeSendingSocket()
        let port = stream.port
        let closed = [stream.channel.close().recover { _ in }, stream.controlChannel.close().recover { _ in }]
        return EventLoopFuture.andAllComplete(closed, on: eventLoop).map { self.pool.release(port) }
    }

    private func openStream(_ id: MediaStreamID, negotiated: NegotiatedAudio, source: MediaSource) -> EventLoopFuture<Int> {
        guard slots[id] == nil else { return eventLoop.makeFailedFuture(MediaEngineError.duplicateStream(id)) }
        let music = source.musicName.flatMap { musicIndex[$0] }
        if let name = source.musicName, music == nil {
            return eventLoop.makeFailedFuture(MediaEngineError.unknownMusic(name))
        }
        let destination: SocketAddress?
        let controlDestination: SocketAddress?
        do {
            (destination, controlDestination) = try MediaStream.destinations(of: negotiated)
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
        let srtp: NIOLoopBound<(outbound: SRTPContext, inbound: SRTPContext)?>
        do {
            srtp = NIOLoopBound(try negotiated.srtp.map { keys throws(SRTPError) in
                (try SRTPContext(suite: keys.suite, key: keys.sendingKey, direction: .outbound),
                 try SRTPContext(suite: keys.suite, key: keys.receivingKey, direction: .inbound))
            }, eventLoop: eventLoop)
        } catch {
            return eventLoop.makeFailedFuture(MediaEngineError.srtpUnavailable("\(error)"))
        }
        let slot = nextSlot
        nextSlot += 1
        slots[id] = slot
        return bindNextPort(slot: slot, attempt: 1, lastError: nil).map { channel, sendingSocket, controlChannel, port in
            let sender = RTPSender(payloadType: negotiated.payloadType, using: &self.generator)
            let reporter = RTCPReporter(canonicalName: RTCPReporter.randomCanonicalName(using: &self.generator), now: self.now(),
                                        using: &self.generator)
            let stream = MediaStream(id: id, channel: channel, sendingSocket: sendingSocket, controlChannel: controlChannel, port: port,
                                     negotiated: negotiated,
                                     destination: destination, controlDestination: controlDestination, sender: sender,
                                     reporter: reporter, prompts: source.prompts, music: music, srtp: srtp.value)
            self.streams[slot] = stream
            if destination != nil {
                self.schedule.add(slot, now: self.now())
                self.scheduleTick()
            }
            self.logger.debug("media stream started", metadata: ["media.stream": "\(id)", "media.port": "\(port)",
                                                                  "media.sends": "\(destination != nil)",
                                                                  "media.srtp": "\(negotiated.srtp?.suite.rawValue ?? "off")"])
            return port
        }.flatMapErrorThrowing { error in
            self.slots[id] = nil
            throw error
        }
    }

    /// Binds the next free port of the pool (its receiving and sending sockets, ``DirectSocket``) and
    /// the RTCP port above it; a port pair that cannot be bound (another process holds one) goes back
    /// to the pool and the next is tried, at most once per port of the pool.
    private func bindNextPort(slot: Int, attempt: Int, lastError: (any Error)?)
        -> EventLoopFuture<(channel: any Channel, sendingSocket: CInt, controlChannel: any Channel, port: Int)> {
        guard attempt <= pool.capacity, let port = pool.allocate() else {
            let error: MediaEngineError = lastError.map { .bindFailed(attempts: attempt - 1, lastError: "\($0)") } ?? .portsExhausted
            return eventLoop.makeFailedFuture(error)
        }
        let bound: EventLoopFuture<(any Channel, CInt)>
        do {
            let sockets = try DirectSocket.boundPair(to: try SocketAddress(ipAddress: address, port: port))
            bound = DatagramBootstrap(group: eventLoop)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(StreamReceiveHandler(engine: self, slot: slot, socket: .rtp))
                    }
                }
                .withBoundSocket(sockets.receiving).map { ($0, sockets.sending) }
                .flatMapErrorThrowing { error in
                    close(sockets.sending)
                    throw error
                }
        } catch {
            bound = eventLoop.makeFailedFuture(error)
        }
        return bound.flatMap { channel, sendingSocket in
            self.bindControl(port: port + 1, slot: slot).map { (channel, sendingSocket, $0, port) }.flatMapError { error in
                close(sendingSocket)
                return channel.close().recover { _ in }.flatMapThrowing { throw error }
            }
        }.flatMapError { error in
            self.pool.release(port)
            self.logger.debug("RTP port not bound", metadata: ["media.port": "\(port)", "media.error": "\(error)"])
            return self.bindNextPort(slot: slot, attempt: attempt + 1, lastError: error)
        }
    }
}
