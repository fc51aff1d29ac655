/// Writes a message into memory sized beforehand, with one bounds check per piece: appending to a
/// `[UInt8]` checks uniqueness and capacity and goes through the generic sequence path for every
/// piece, some 90 instructions for a few bytes, and a message is written in a few hundred pieces.
/// What does not fit is not written and the writer reports it (``overflowed``); the caller then
/// writes the message again into a growing array.
struct SIPBufferWriter: SIPByteSink {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// The bytes written so far.
    private(set) var count = 0
    /// Whether a piece did not fit; nothing after it was written.
    private(set) var overflowed = false

    /// A writer filling `buffer` from its start.
    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    mutating func append(_ byte: UInt8) {
        guard !overflowed, count < buffer.count else {
            overflowed = true
            return
        }
        buffer[count] = byte
        count += 1
    }

    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard !overflowed, bytes.count <= buffer.count - count else {
            overflowed = true
            return
        }
        guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
        (target + count).update(from: source, count: bytes.count)
        count += bytes.count
    }
}

/// A message that writes itself into a byte sink, with a generous guess at its length.
protocol SIPWireWritable {
    /// At least the written length in nearly every case (what is longer is written twice).
    var estimatedWireLength: Int { get }
    /// Writes the wire form into `sink`.
    func write<Sink: SIPByteSink>(to sink: inout Sink)
}

extension [UInt8] {
    /// The wire form of `message` in an array of its own size, so that a message kept for
    /// retransmission (a final response, an ACK) keeps no empty room for its whole linger: written at
    /// once into scratch room of its estimated length (``SIPBufferWriter``; on the stack where it fits
    /// there) and copied out, or, when it does not fit, written again into a growing array and copied out.
    init(wireFormOf message: some SIPWireWritable) {
        let estimate = message.estimatedWireLength
        let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: estimate) { scratch -> [UInt8]? in
            var writer = SIPBufferWriter(scratch)
            message.write(to: &writer)
            return writer.overflowed ? nil : [UInt8](scratch[..<writer.count])
        }
        if let written {
            self = written
            return
        }
        var grown: [UInt8] = []
        grown.reserveCapacity(estimate * 2)
        message.write(to: &grown)
        self = [UInt8](unsafeUninitializedCapacity: grown.count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: grown)
        }
    }
}
