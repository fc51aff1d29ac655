/// A playlist cursor for one caller: plays its prompts in order, one 20 ms frame per tick, then
/// reports that it has finished (so the caller's announcement can give way to music or an agent).
public struct PromptSequence: Hashable, Sendable {
    /// The prompts, in playing order.
    public let prompts: [Prompt]
    private var promptIndex = 0
    private var frameIndex = 0

    /// Creates a cursor at the start of `prompts`.
    public init(_ prompts: [Prompt]) {
        self.prompts = prompts
        skipEmptyPrompts()
    }

    /// Whether every frame has been played.
    public var isFinished: Bool { promptIndex >= prompts.count }

    /// The name of the prompt playing now, nil once finished.
    public var currentPromptName: String? { isFinished ? nil : prompts[promptIndex].name }

    /// The next frame in `codec`, advancing the cursor; nil once finished.
    public mutating func nextFrame(codec: G711Codec) -> ArraySlice<UInt8>? {
        guard !isFinished else { return nil }
        let frame = prompts[promptIndex].frame(frameIndex, codec: codec)
        frameIndex += 1
        if frameIndex == prompts[promptIndex].frameCount {
            promptIndex += 1
            frameIndex = 0
            skipEmptyPrompts()
        }
        return frame
    }

    private mutating func skipEmptyPrompts() {
        while promptIndex < prompts.count, prompts[promptIndex].frameCount == 0 { promptIndex += 1 }
    }
}
