import ACD
import Foundation
import Media

extension SwitchboardConfiguration {
    /// Reads `media`: `address` (default: the first SIP listener's), `rtpPorts` `{first, last}` (an
    /// even first port; default 20000–29999), `prompts`, a folder taken from `directory` when relative,
    /// `mode` (`release`, the default, or `anchored`), `srtp`, `off` (the default), `optional` or
    /// `required`, and `realtimePriority`, a `SCHED_FIFO` priority (1–99) for the media loop's thread.
    static func parseMedia(_ node: ConfigurationNode, listenerAddress: String, directory: String) throws -> MediaSettings {
        let node = try node.allowingOnly(["address", "rtpPorts", "prompts", "mode", "srtp", "realtimePriority"])
        let mode = try node["mode"].oneOf(MediaMode.self, default: .release)
        let address = try node["address"].string(default: listenerAddress)
        guard isIPAddress(address) else { throw node["address"].error("expected an IPv4 or IPv6 address, got \"\(address)\"") }
        let ports = try node["rtpPorts"].allowingOnly(["first", "last"])
        let first = try ports["first"].int(in: 1_024...65_534, default: 20_000)
        guard first % 2 == 0 else { throw ports["first"].error("expected an even port (RTP is even, RTCP the odd port above, RFC 3550 §11), got \(first)") }
        let last = try ports["last"].int(in: 1_025...65_535, default: max(29_999, first + 1))
        guard last > first else { throw ports["last"].error("must be above first (\(first)): a stream needs the RTCP port beside its RTP port") }
        let prompts = try node["prompts"].optionalString().map { path in
            path.hasPrefix("/") ? path : URL(fileURLWithPath: directory).appendingPathComponent(path).path
        }
        let srtp = try node["srtp"].oneOf(SRTPPolicy.self, default: .off)
        let realtimePriority = try node["realtimePriority"].optionalInt(in: 1...99)  // SCHED_FIFO's priorities on Linux
        return MediaSettings(address: address, rtpPorts: first...last, promptDirectory: prompts, mode: mode, srtp: srtp,
                             realtimePriority: realtimePriority)
    }

    /// Loads the welcome prompt, periodic prompt and music on hold of every queue that names one from
    /// `<media.prompts>/<name>.wav`, encoded once, and every word of ``AnnouncementWords`` when a queue
    /// announces position or wait; a missing or unusable file is an error naming the queue's key and
    /// the path; the callback confirmation (``CallbackConfiguration/confirmationPrompt``) is loaded with
    /// the words when a queue offers callbacks. Answered hold needs an address callers can send RTP to; `media.srtp` other than `off`
    /// and `media.realtimePriority` need a queue that answers its callers.
    static func loadHoldMedia(queues: [QueueConfiguration], nodes: ConfigurationNode, media: MediaSettings,
                              mediaNode: ConfigurationNode) throws -> (queues: [String: QueueHoldMedia], music: [String: Prompt], words: [String: Prompt]) {
        var holds: [String: QueueHoldMedia] = [:]
        var music: [String: Prompt] = [:]
        var words: [String: Prompt] = [:]
        let queueNodes = try nodes.list()
        try checkMediaMode(queues: queues, nodes: queueNodes, media: media, mediaNode: mediaNode)
        for (index, queue) in queues.enumerated() where queue.announcements.welcomePrompt != nil || queue.announcements.musicOnHold != nil {
            let announcements = queueNodes[index]["announcements"]
            if media.address == "0.0.0.0" || media.address == "::" {
                throw mediaNode["address"].error("queue \(queue.id) answers its callers: set the address the SBC sends RTP to (the first listener's is \(media.address))")
            }
            let welcome = try queue.announcements.welcomePrompt.map {
                try loadPrompt($0, node: announcements["welcomePrompt"], media: media)
            }
            if let name = queue.announcements.musicOnHold, music[name] == nil {
                music[name] = try loadPrompt(name, node: announcements["musicOnHold"], media: media)
            }
            let settings = queue.announcements
            let periodic = try settings.periodicPrompt.map { try loadPrompt($0, node: announcements["periodicPrompt"], media: media) }
            let whisper = try settings.whisperPrompt.map { try loadPrompt($0, node: announcements["whisperPrompt"], media: media) }
            let hold = QueueHoldMedia(welcome: welcome, music: settings.musicOnHold, position: settings.position,
                                      ewt: settings.ewt, ewtRounding: settings.ewtRounding, periodicPrompt: periodic,
                                      periodicPromptInterval: settings.periodicPromptInterval, earlyMedia: settings.earlyMedia,
                                      whisper: whisper)
            if hold.announces, words.isEmpty {
                let key = announcements[hold.position != .never ? "position" : "ewt"]
                for name in AnnouncementWords.promptNames { words[name] = try loadPrompt(name, node: key, media: media) }
            }
            holds[queue.id.rawValue] = hold
        }
        if let index = queues.firstIndex(where: { $0.callback != nil }) {
            let name = CallbackConfiguration.confirmationPrompt
            words[name] = try loadPrompt(name, node: queueNodes[index]["callback"], media: media)
        }
        if holds.isEmpty, media.srtp != .off {
            throw mediaNode["srtp"].error("is \(media.srtp.rawValue) but no queue answers its callers (announcements.welcomePrompt or musicOnHold): "
                + "Switchboard carries no media of its own to protect; set it to off")
        }
        if holds.isEmpty, let priority = media.realtimePriority {
            throw mediaNode["realtimePriority"].error("is \(priority) but no queue answers its callers (announcements.welcomePrompt or musicOnHold): "
                + "the media edge, whose thread it schedules, does not run; remove it")
        }
        return (holds, music, words)
    }

    private static func loadPrompt(_ name: String, node: ConfigurationNode, media: MediaSettings) throws -> Prompt {
        guard let directory = media.promptDirectory else {
            throw node.error("names prompt \"\(name)\" but media.prompts, the folder of prompt files, is not set")
        }
        let path = URL(fileURLWithPath: directory).appendingPathComponent(name + ".wav").path
        guard let data = FileManager.default.contents(atPath: path) else { throw node.error("cannot read \(path)") }
        do {
            return try Prompt(name: name, wav: Array(data))
        } catch {
            throw node.error("cannot play \(path): \(error)")
        }
    }
}
