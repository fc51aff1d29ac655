/// Received datagrams waiting unread in the kernel: how far behind the event loop is.
public struct InboundBacklog: Hashable, Sendable {
    /// Bytes queued on the UDP listeners' receive queues (the kernel's accounting, headers included).
    public var queuedBytes: Int
    /// What those queues may hold before the kernel drops datagrams.
    public var capacityBytes: Int

    /// Creates a reading.
    public init(queuedBytes: Int, capacityBytes: Int) {
        self.queuedBytes = queuedBytes
        self.capacityBytes = capacityBytes
    }
}
