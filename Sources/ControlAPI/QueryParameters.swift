import ControlModel
import Foundation
import Hummingbird

/// A request's query string, read strictly: a parameter the route does not take, a parameter given
/// twice, an empty value or a bad percent-encoding is refused with 400 naming the parameter.
/// `+` is a plus sign (RFC 3986), not a space.
struct QueryParameters {
    private let values: [String: String]

    /// Reads the query of `request` and refuses any parameter outside `allowed`.
    static func read(_ request: Request, allowing allowed: Set<String>) throws -> QueryParameters {
        var values: [String: String] = [:]
        for pair in (request.uri.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = String(parts[0]).removingPercentEncoding else {
                throw ControlError.badRequest(field: nil, message: "a query parameter's name is badly percent-encoded")
            }
            guard allowed.contains(name) else {
                let expected = allowed.isEmpty ? "this resource takes none" : "expected \(allowed.sorted().joined(separator: ", "))"
                throw ControlError.badRequest(field: name, message: "unknown query parameter \"\(name)\"; \(expected)")
            }
            guard values[name] == nil else { throw ControlError.badRequest(field: name, message: "give \(name) once") }
            guard let value = parts.count > 1 ? String(parts[1]).removingPercentEncoding : "" else {
                throw ControlError.badRequest(field: name, message: "\(name) is badly percent-encoded")
            }
            guard !value.isEmpty else { throw ControlError.badRequest(field: name, message: "\(name) must not be empty") }
            values[name] = value
        }
        return QueryParameters(values: values)
    }

    /// A text value of at most 256 characters.
    func string(_ name: String) throws -> String? {
        guard let value = values[name] else { return nil }
        guard value.count <= 256 else { throw ControlError.badRequest(field: name, message: "\(name) is longer than 256 characters") }
        return value
    }

    /// A whole number within `range`.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = values[name] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw ControlError.badRequest(field: name, message: "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"")
        }
        return value
    }

    /// An instant given as an RFC 3339 (ISO 8601) date-time, read to the millisecond.
    func time(_ name: String) throws -> Date? {
        guard let text = values[name] else { return nil }
        guard let milliseconds = ControlTime.unixMilliseconds(text) else {
            throw ControlError.badRequest(field: name, message: "\(name) must be an ISO 8601 time such as 2026-12-05T10:00:00Z, got \"\(text)\"")
        }
        return Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1_000)
    }

    /// One of `choices`.
    func choice(_ name: String, among choices: [String]) throws -> String? {
        guard let value = values[name] else { return nil }
        guard choices.contains(value) else {
            throw ControlError.badRequest(field: name, message: "\(name) must be \(choices.joined(separator: " or ")), got \"\(value)\"")
        }
        return value
    }
}
