import ArgumentParser
import ControlModel
import Foundation

/// A `--since` or `--until` value: a duration ago (`90s`, `30m`, `1h`, `2d`) or an ISO 8601 time
/// (`2026-12-05T10:00:00Z`, or with an offset such as `+01:00`). The API takes UTC times only,
/// which ``apiValue(now:)`` gives.
enum TimeBound: Equatable, Sendable {
    /// This many seconds before now.
    case ago(seconds: Int64)
    /// This instant, in milliseconds since 1970-01-01 00:00 UTC.
    case at(unixMilliseconds: Int64)

    /// The longest duration ago taken: about a hundred years.
    static let maximumSeconds: Int64 = 100 * 366 * 86_400

    private static let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]

    /// Reads a flag's value; a bad one is refused with what is expected.
    init(parsing text: String) throws {
        if let unit = text.last.flatMap({ Self.units[$0] }), let count = Int64(text.dropLast()), text.first?.isNumber == true {
            guard count > 0, count <= Self.maximumSeconds / unit else {
                throw ValidationError("a duration ago must be from 1s to 36600d, got \"\(text)\"")
            }
            self = .ago(seconds: count * unit)
        } else if let milliseconds = ControlTime.unixMilliseconds(text) {
            self = .at(unixMilliseconds: milliseconds)
        } else {
            throw ValidationError("expected a duration ago such as 30m, 1h or 2d, or an ISO 8601 time such as 2026-12-05T10:00:00Z, got \"\(text)\"")
        }
    }

    /// The instant, in milliseconds since 1970-01-01 00:00 UTC, with `now` for a duration ago.
    func unixMilliseconds(now: Date) -> Int64 {
        switch self {
        case .ago(let seconds): Int64((now.timeIntervalSince1970 * 1_000).rounded()) - seconds * 1_000
        case .at(let milliseconds): milliseconds
        }
    }

    /// The instant as the API takes it: ISO 8601 UTC to the millisecond.
    func apiValue(now: Date) -> String {
        ControlTime.string(unixMilliseconds: unixMilliseconds(now: now))
    }
}
