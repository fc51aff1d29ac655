import Media
import NIOCore
import NIOPosix
import SRTP
#if canImport(Glibc)
import Glibc
#endif

/// RTCP (RFC 3550 §6) on each stream's RTCP port: a report every 2.5–7.5 s from the pacing tick
/// (from the relay for a bridged stream), a BYE when the stream stops, SRTCP on an SRTP stream
/// (RFC 3711 §3.4); what arrives is read, counted and dropped.
extension MediaEngine {
    /// Sends the stream's report when it is due at `now`: an SR with its counts (an RR once it sent
    /// nothing for two reports) and its CNAME.
    func reportIfDue(_ stream: MediaStream, now: Duration) {
        guard now >= stream.reporter.nextReport, let destination = stream.controlDestination else { return }
        let report = stream.reporter.report(senderState(of: stream, now: now), now: now, using: &generator)
        sendControl(report, from: stream, to: destination)
    }

    /// Sends the stream's last report, SDES and BYE, before its sockets close.
    func sendGoodbye(_ stream: MediaStream) {
        guard let destination = stream.controlDestination else { return }
        sendControl(stream.reporter.goodbye(senderState(of: stream, now: now())), from: stream, to: destination)
    }

    /// Binds the RTCP socket beside a stream's RTP socket.
    func bindControl(port: Int, slot: Int) -> EventLoopFuture<any Channel> {
        do {
            return DatagramBootstrap(group: eventLoop)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(StreamReceiveHandler(engine: self, slot: slot, socket: .rtcp))
                    }
                }
                .bind(to: try SocketAddress(ipAddress: address, port: port))
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    /// One datagram received on a stream's RTCP port, unprotected first on an SRTP stream: counted as
    /// RTCP when it is a valid compound packet (RFC 3550 §A.2), else as malformed; then dropped.
    func receiveControl(_ datagram: ByteBuffer, slot: Int) {
        guard let stream = streams[slot] else { return }
        var bytes = Array(datagram.readableBytesView)
        if let srtp = stream.srtp {
            bytes = (try? srtp.inbound.unprotectRTCP(bytes)) ?? []
        }
        guard (try? RTCPPacket.parseCompound(bytes)) != nil else {
            stream.counters.rtcpMalformedReceived += 1
            totals.rtcpMalformedReceived += 1
            return
        }
        stream.counters.rtcpReceived += 1
        totals.rtcpReceived += 1
    }

    /// The wall-clock time now, as the duration since the Unix epoch.
    static func unixTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }

    private func senderState(of stream: MediaStream, now: Duration) -> RTCPReporter.SenderState {
        RTCPReporter.SenderState(ssrc: stream.sender.ssrc, wallClock: NTPTimestamp(sinceUnixEpoch: wallClockOrigin + now),
                                 rtpTimestamp: stream.rtpTimestamp(at: now),
                                 packetCount: stream.counters.packetsSent + stream.counters.packetsRelayed,
                                 octetCount: stream.counters.octetsSent)
    }

    /// Writes a compound packet to the stream's RTCP socket, as SRTCP on an SRTP stream (not sent,
    /// and counted, when libsrtp refuses it).
    private func sendControl(_ compound: [UInt8], from stream: MediaStream, to destination: SocketAddress) {
        var bytes = compound
        if let srtp = stream.srtp {
            guard let protected = try? srtp.outbound.protectRTCP(compound) else {
                totals.unprotectedDropped += 1
                return
            }
            bytes = protected
        }
        let buffer = stream.controlChannel.allocator.buffer(bytes: bytes)
        stream.controlChannel.writeAndFlush(AddressedEnvelope(remoteAddress: destination, data: buffer), promise: nil)
        stream.counters.rtcpSent += 1
        totals.rtcpSent += 1
    }
}
