/// Music on hold for one queue: a looping position that every waiting caller of the queue hears.
///
/// The edge advances it once per 20 ms tick (not once per listener) and every listener reads the
/// same current frame, so a thousand callers cost one cursor; each listener still has its own
/// ``RTPSender`` for its own SSRC, sequence and timestamp.
public struct HoldMusicLoop: Hashable, Sendable {
    /// The tracks with audio, played in order and then again from the first.
    public let tracks: [Prompt]
    private let totalFrames: Int
    private var trackIndex = 0
    private var frameIndex = 0

    /// Creates a loop over `tracks` (tracks without audio are left out); nil when none has audio.
    public init?(tracks: [Prompt]) {
        let playable = tracks.filter { $0.frameCount > 0 }
        guard !playable.isEmpty else { return nil }
        self.tracks = playable
        totalFrames = playable.reduce(0) { $0 + $1.frameCount }
    }

    /// The position in frames from the start of the first track.
    public var position: Int {
        tracks[..<trackIndex].reduce(frameIndex) { $0 + $1.frameCount }
    }

    /// The frame every listener sends at this tick, in `codec`.
    public func currentFrame(codec: G711Codec) -> ArraySlice<UInt8> {
        tracks[trackIndex].frame(frameIndex, codec: codec)
    }

    /// The frame `offset` ticks after the current one, in `codec`: what a tick that catches up
    /// several frames sends after the current frame, before the loop is advanced past them.
    public func frame(ahead offset: Int, codec: G711Codec) -> ArraySlice<UInt8> {
        var cursor = self
        cursor.advance(by: offset)
        return cursor.currentFrame(codec: codec)
    }

    /// Moves the loop on by `frames` ticks (more than one when pacing catches up), wrapping at the end.
    public mutating func advance(by frames: Int = 1) {
        var remaining = max(frames, 0) % totalFrames
        while remaining > 0 {
            let step = min(remaining, tracks[trackIndex].frameCount - frameIndex)
            frameIndex += step
            remaining -= step
            if frameIndex == tracks[trackIndex].frameCount {
                frameIndex = 0
                trackIndex = (trackIndex + 1) % tracks.count
            }
        }
    }
}
