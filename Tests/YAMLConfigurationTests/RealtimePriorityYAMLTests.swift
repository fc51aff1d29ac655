import Testing
import YAMLConfiguration

/// `media.realtimePriority`: absent by default, a `SCHED_FIFO` priority of 1–99 read when a queue
/// answers its callers, anything else refused naming the key, and the key without a media edge
/// refused as doing nothing.
@Suite("Media keys: realtimePriority")
struct RealtimePriorityYAMLTests {
    /// The support queue, answering its callers with the welcome prompt when `answers`, and `media`
    /// lines after `prompts` (the first of them on line 9).
    private static func yaml(answers: Bool = true, _ media: [String]) -> String {
        configuration(announcements: answers ? ["welcomePrompt: welcome"] : [], media: ["prompts: prompts"] + media)
    }

    @Test("without the key the media loop keeps the normal scheduler")
    func defaultsOff() throws {
        try withPrompts { directory in
            let parsed = try SwitchboardConfiguration.parse(yaml: Self.yaml([]), directory: directory)
            #expect(parsed.media.realtimePriority == nil)
        }
    }

    @Test("a priority of 1 to 99 is read", arguments: [1, 20, 99])
    func read(priority: Int) throws {
        try withPrompts { directory in
            let parsed = try SwitchboardConfiguration.parse(yaml: Self.yaml(["realtimePriority: \(priority)"]), directory: directory)
            #expect(parsed.media.realtimePriority == priority)
        }
    }

    @Test("a priority out of 1–99, or not a number, stops start-up naming the key and its line", arguments: ["0", "100", "-5", "high"])
    func refused(value: String) throws {
        try withPrompts { directory in
            let error = #expect(throws: ConfigurationError.self) {
                try SwitchboardConfiguration.parse(yaml: Self.yaml(["realtimePriority: \(value)"]), directory: directory)
            }
            #expect(error?.key == "media.realtimePriority")
            #expect(error?.line == 9)
        }
    }

    @Test("without a queue that answers its callers there is no media loop to schedule, and the key is refused")
    func nothingToSchedule() throws {
        try withPrompts { directory in
            let error = #expect(throws: ConfigurationError.self) {
                try SwitchboardConfiguration.parse(yaml: Self.yaml(answers: false, ["realtimePriority: 20"]), directory: directory)
            }
            #expect(error?.key == "media.realtimePriority")
            #expect(error?.message.contains("no queue answers its callers") == true)
        }
    }
}
