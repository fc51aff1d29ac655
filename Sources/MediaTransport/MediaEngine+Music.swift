import NIOCore

extension MediaEngine {
    /// Changes the music on hold the stream plays once its prompts have played: it hears the music
    /// named `name` from that loop's current position, as every other listener does.
    public func changingMusic(_ id: MediaStreamID, to name: String) -> EventLoopFuture<Void> {
        eventLoop.submit {
            guard let slot = self.slots[id], let stream = self.streams[slot] else { throw MediaEngineError.unknownStream(id) }
            guard let music = self.musicIndex[name] else { throw MediaEngineError.unknownMusic(name) }
            stream.music = music
        }
    }
}
