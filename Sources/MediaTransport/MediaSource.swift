import Media

/// What a stream sends, one 20 ms frame per tick.
public enum MediaSource: Hashable, Sendable {
    /// Nothing: the stream only receives (digits, counters) until prompts are played to it.
    case silence
    /// The music on hold registered under this name (``MediaEngine/addMusic(_:loop:)``), shared with
    /// every other listener of it.
    case music(String)
    /// The prompts in order, then the music registered under `thenMusic`, or nothing when it is nil.
    case prompts([Prompt], thenMusic: String?)

    /// The prompts to play first.
    var prompts: [Prompt] {
        if case .prompts(let prompts, _) = self { return prompts }
        return []
    }

    /// The music to play once the prompts have finished.
    var musicName: String? {
        switch self {
        case .silence: nil
        case .music(let name): name
        case .prompts(_, let name): name
        }
    }
}
