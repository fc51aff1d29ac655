import ACD

extension SwitchboardConfiguration {
    /// Anchored media needs every queue to answer its callers (the agent is offered Switchboard's own
    /// stream, which exists only for a caller on answered hold), and a whisper needs anchored media
    /// (in release mode Switchboard has no media path to the agent); either is refused naming the key.
    /// SRTP `required` with anchored media is refused too: the agents' streams are offered plain RTP.
    static func checkMediaMode(queues: [QueueConfiguration], nodes: [ConfigurationNode], media: MediaSettings,
                               mediaNode: ConfigurationNode) throws {
        if media.mode == .anchored, media.srtp == .required {
            throw mediaNode["srtp"].error("required cannot hold with media.mode: anchored: Switchboard offers the agents' streams "
                + "plain RTP (RTP/AVP); use optional, which protects the callers' streams, or media release")
        }
        for (index, queue) in queues.enumerated() {
            let answers = queue.announcements.welcomePrompt != nil || queue.announcements.musicOnHold != nil
            if media.mode == .anchored, !answers {
                throw mediaNode["mode"].error("anchored media needs answered hold on every queue, and queue \(queue.id) rings back "
                    + "(queues[\(index)].announcements sets neither welcomePrompt nor musicOnHold)")
            }
            if media.mode == .release, queue.announcements.whisperPrompt != nil {
                throw nodes[index]["announcements"]["whisperPrompt"].error("needs media.mode: anchored: with media release "
                    + "Switchboard has no media path to the agent")
            }
        }
    }
}
