/// Where the media of a call connected to an agent flows (`media.mode`).
public enum MediaMode: String, Sendable, Equatable, CaseIterable {
    /// Media release: once the agent answers, the caller is re-INVITEd with the agent's SDP and RTP
    /// flows between them; Switchboard's stream stops.
    case release
    /// Anchored media: the agent's INVITE carries Switchboard's own offer and Switchboard relays RTP
    /// between the caller's stream and the agent's for the whole call.
    case anchored
}
