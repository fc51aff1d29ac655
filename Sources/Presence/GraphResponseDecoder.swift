import TeamsPresence
import Foundation

/// Maps Graph's and the token endpoint's JSON answers to Switchboard's types, tolerantly.
///
/// Tolerance rules (Graph adds fields and values over time): unknown fields are ignored; values
/// parse case-insensitively; an unknown or missing availability is `PresenceUnknown`; an entry
/// without an id, or that is not an object, is skipped rather than failing the whole batch. Only an
/// answer without a `value` array is malformed. Pure: the observation time comes in as `observedAt`.
public enum GraphResponseDecoder {
    /// Decodes a `getPresencesByUserId` answer (`{"value":[...]}`) or a single presence object.
    public static func presences(
        from data: Data,
        observedAt: ContinuousClock.Instant
    ) throws(GraphPresenceError) -> [PresenceSnapshot] {
        if let collection = try? JSONDecoder().decode(PresenceCollection.self, from: data) {
            return collection.value.compactMap { $0.entry?.snapshot(observedAt: observedAt) }
        }
        if let single = try? JSONDecoder().decode(LenientPresence.self, from: data), let entry = single.entry {
            return [entry.snapshot(observedAt: observedAt)]
        }
        throw .malformedResponse("no presence collection in a \(data.count)-byte answer")
    }

    /// The `code` and `message` of a Graph error body (`{"error":{"code","message"}}`), if it is one.
    public static func graphError(from data: Data) -> (code: String, message: String)? {
        guard let envelope = try? JSONDecoder().decode(GraphErrorEnvelope.self, from: data) else { return nil }
        return (envelope.error.code ?? "", envelope.error.message ?? "")
    }

    /// The access token and its lifetime from a token endpoint answer.
    public static func token(from data: Data) throws(GraphPresenceError) -> (
        accessToken: String, expiresIn: Duration
    ) {
        guard let answer = try? JSONDecoder().decode(TokenAnswer.self, from: data),
            let accessToken = answer.access_token, !accessToken.isEmpty,
            let expiresIn = answer.expires_in?.seconds, expiresIn >= 0
        else {
            throw .malformedResponse("token answer without access_token and expires_in")
        }
        return (accessToken, .seconds(expiresIn))
    }

    /// The `error` and `error_description` of a token endpoint error answer.
    public static func tokenError(from data: Data) -> (error: String, description: String) {
        let answer = try? JSONDecoder().decode(TokenAnswer.self, from: data)
        return (answer?.error ?? "unknown_error", answer?.error_description ?? "")
    }

    /// Parses a `Retry-After` header in delta-seconds; `nil` for anything else (an HTTP date included).
    public static func retryAfter(_ value: String?) -> Duration? {
        guard let value, let seconds = Int(value.trimmedASCIIWhitespace), seconds >= 0 else { return nil }
        return .seconds(seconds)
    }
}

private struct PresenceCollection: Decodable {
    var value: [LenientPresence]
}

/// One element of `value`: decoding never fails, a useless element yields `entry == nil`.
private struct LenientPresence: Decodable {
    struct Entry {
        var id: String
        var availability: String?
        var activity: String?

        func snapshot(observedAt: ContinuousClock.Instant) -> PresenceSnapshot {
            PresenceSnapshot(
                userID: id,
                availability: availability.map(TeamsAvailability.init(graphValue:)) ?? .presenceUnknown,
                activity: activity.map(TeamsActivity.init(graphValue:)) ?? .presenceUnknown,
                observedAt: observedAt
            )
        }
    }

    var entry: Entry?

    /// The only fields read; everything else Graph sends is skipped without decoding.
    private static let wanted: Set<String> = ["id", "availability", "activity"]

    init(from decoder: any Decoder) {
        guard let container = try? decoder.container(keyedBy: AnyKey.self) else { return }
        var fields: [String: String] = [:]
        for key in container.allKeys {
            let name = key.stringValue.lowercased()
            guard Self.wanted.contains(name), let text = try? container.decode(String.self, forKey: key) else { continue }
            fields[name] = text
        }
        guard let id = fields["id"], !id.isEmpty else { return }
        entry = Entry(id: id, availability: fields["availability"], activity: fields["activity"])
    }
}

private struct GraphErrorEnvelope: Decodable {
    struct Detail: Decodable {
        var code: String?
        var message: String?
    }
    var error: Detail
}

private struct TokenAnswer: Decodable {
    var access_token: String?
    var expires_in: FlexibleNumber?
    var error: String?
    var error_description: String?
}

/// `expires_in` is a number in the v2.0 endpoint and a string in the v1.0 one: accept both.
private struct FlexibleNumber: Decodable {
    var seconds: Int?

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            seconds = number
        } else if let text = try? container.decode(String.self) {
            seconds = Int(text)
        }
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
