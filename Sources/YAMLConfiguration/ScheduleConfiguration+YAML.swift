import ACD

extension ScheduleConfiguration {
    /// The weekdays by their YAML keys, in the order the hours are read.
    private static let weekdays: KeyValuePairs<String, Weekday> = [
        "mon": .monday, "tue": .tuesday, "wed": .wednesday, "thu": .thursday, "fri": .friday, "sat": .saturday, "sun": .sunday,
    ]

    /// Reads a queue's `schedule:`; the time zone itself is checked by ``ACDConfiguration/validate()``.
    static func parse(_ node: ConfigurationNode) throws -> ScheduleConfiguration {
        let node = try node.allowingOnly(["timeZone", "weekly", "holidays"])
        let weekly = try node["weekly"].allowingOnly(Set(weekdays.map(\.key)))
        var hours: [WeeklyHours] = []
        for (key, weekday) in weekdays {
            hours += try weekly[key].list().map { try parseHours($0, on: weekday) }
        }
        return ScheduleConfiguration(timeZone: try node["timeZone"].string(), weeklyHours: hours,
                                     holidays: try node["holidays"].list().map(parseHoliday))
    }

    /// Reads `"08:00-17:00"`: opening before closing, from 00:00 to 24:00.
    private static func parseHours(_ node: ConfigurationNode, on weekday: Weekday) throws -> WeeklyHours {
        let text = try node.string()
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let opens = time(parts[0]), let closes = time(parts[1]) else {
            throw node.error("expected opening hours like 08:00-17:00, got \"\(text)\"")
        }
        guard opens.hour * 60 + opens.minute < closes.hour * 60 + closes.minute else {
            throw node.error("\"\(text)\" must open before it closes")
        }
        return WeeklyHours(weekday: weekday, opens: opens, closes: closes)
    }

    /// `HH:MM` from 00:00 to 24:00, or `nil`.
    private static func time(_ text: Substring) -> TimeOfDay? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...59).contains(minute), (0...23).contains(hour) || (hour == 24 && minute == 0) else { return nil }
        return TimeOfDay(hour: hour, minute: minute)
    }

    /// Reads a holiday: `"2026-12-25"` or `"2026-12-24..2026-12-26"` (named by that text), or `{name: Christmas, dates: …}`.
    private static func parseHoliday(_ node: ConfigurationNode) throws -> Holiday {
        if node.node?.scalar != nil { return try holiday(named: try node.string(), dates: node) }
        let node = try node.allowingOnly(["name", "dates"])
        return try holiday(named: try node["name"].string(), dates: node["dates"])
    }

    private static func holiday(named name: String, dates node: ConfigurationNode) throws -> Holiday {
        let text = try node.string()
        let parts = text.split(separator: "..", omittingEmptySubsequences: false)
        guard parts.count <= 2, let first = date(parts[0]), let last = date(parts[parts.count - 1]) else {
            throw node.error("expected a date like 2026-12-25 or a range like 2026-12-24..2026-12-26, got \"\(text)\"")
        }
        guard first <= last else { throw node.error("\"\(text)\" ends before it starts") }
        return Holiday(name: name, first: first, last: last)
    }

    /// `YYYY-MM-DD` naming a real day of the Gregorian calendar, or `nil`.
    private static func date(_ text: Substring) -> LocalDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month) else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day) ? LocalDate(year: year, month: month, day: day) : nil
    }
}
