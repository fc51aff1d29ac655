import SIPStreamFraming

/// Properties of the stream framer: the frames, and whether an error stops the stream, do not depend
/// on how the stream is cut into reads; every message frame respects the size limit; every framed
/// message passes `MessageRoundTrip`.
public enum FramerConsistency {
    /// The size limit the checks give the framer: small, so that inputs can reach it.
    static let limit = 2_048

    /// Checks one input; aborts through `fuzzFailure` when a property does not hold.
    public static func check(_ input: [UInt8]) {
        let whole = frames(of: input, readSizes: [input.count])
        let readSizes = input.prefix(8).map { Int($0 % 29) + 1 }
        let pieces = frames(of: input, readSizes: readSizes.isEmpty ? [1] : readSizes)
        // Which error stops the stream may depend on the reads (a header section past the limit is
        // too large while it is incomplete, and may fail on its Content-Length once complete); that
        // one does, and what came before it, may not.
        guard whole.frames == pieces.frames, (whole.error == nil) == (pieces.error == nil) else {
            fuzzFailure("the framer's output depends on the read sizes \(readSizes): \(whole) versus \(pieces)",
                        [("input", input)])
        }
        for case .message(let message) in whole.frames {
            guard message.count <= limit else { fuzzFailure("a frame of \(message.count) bytes", [("input", input)]) }
            message.withUnsafeBytes { MessageRoundTrip.check($0) }
        }
    }

    /// What the framer returned: its frames, then the error that stopped it, if any.
    struct Outcome: Equatable, CustomStringConvertible {
        var frames: [SIPStreamFramer.Frame] = []
        var error: SIPStreamFramer.Error?

        var description: String {
            let shown = frames.map { frame -> String in
                if case .message(let bytes) = frame { return "message(\(bytes.count))" }
                return "ping"
            }
            return "\(shown) \(error.map { "\($0)" } ?? "no error")"
        }
    }

    /// Feeds `input` in reads of `readSizes` bytes (cycled), taking every frame after each read.
    static func frames(of input: [UInt8], readSizes: [Int]) -> Outcome {
        var framer = SIPStreamFramer(maximumMessageSize: limit)
        var outcome = Outcome()
        var offset = 0
        var read = 0
        while offset < input.count {
            let size = max(1, readSizes[read % readSizes.count])
            framer.append(input[offset..<min(input.count, offset + size)])
            offset += size
            read += 1
            do {
                while let frame = try framer.nextFrame() { outcome.frames.append(frame) }
            } catch {
                outcome.error = error
                return outcome
            }
        }
        return outcome
    }
}
