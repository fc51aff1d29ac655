import Foundation

/// A Teams user the local Graph knows, with the presence it reports.
public struct LocalGraphUser: Sendable, Hashable {
    /// The Entra object id (a GUID), stored lowercased.
    public var id: String
    /// The availability as Graph spells it (`Available`, `Busy`, ...), reported verbatim.
    public var availability: String
    /// The activity as Graph spells it, reported verbatim.
    public var activity: String

    /// Creates a user.
    public init(id: String, availability: String = "Available", activity: String = "Available") {
        self.id = id.lowercased()
        self.availability = availability
        self.activity = activity
    }

    /// `count` users with predictable ids (`00000000-0000-4000-8000-000000000001`, ...), all Available.
    public static func generated(count: Int) -> [LocalGraphUser] {
        (0..<count).map { LocalGraphUser(id: generatedID(index: $0)) }
    }

    /// The id of generated user `index` (zero-based).
    public static func generatedID(index: Int) -> String {
        let hex = String(index + 1, radix: 16)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }

    /// Parses a users file: one user per line, `id [availability [activity]]`, `#` starts a comment.
    public static func parse(file contents: String) -> [LocalGraphUser] {
        contents.split(whereSeparator: \.isNewline).compactMap { line in
            let fields = line.prefix { $0 != "#" }.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let id = fields.first else { return nil }
            let availability = fields.count > 1 ? fields[1] : "Available"
            return LocalGraphUser(id: id, availability: availability, activity: fields.count > 2 ? fields[2] : availability)
        }
    }
}
