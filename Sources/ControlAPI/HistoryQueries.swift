import Foundation

/// Which stored call records `GET /v1/call-records` reads: every filter given must match; newest
/// arrival first.
public struct CallRecordFilter: Hashable, Sendable {
    /// Records answered when `limit` is not given.
    public static let defaultLimit = 100
    /// The largest `limit` taken.
    public static let maximumLimit = 1_000

    /// Calls that arrived at or after this instant.
    public var since: Date?
    /// Calls that arrived before this instant.
    public var until: Date?
    /// Calls whose (last) queue is this one.
    public var queue: String?
    /// Calls connected to, or last offered to, this agent.
    public var agent: String?
    /// Calls from this caller number or to this dialed number.
    public var number: String?
    /// At most this many records.
    public var limit: Int

    /// Creates a filter; with nothing given it asks for the `defaultLimit` newest records.
    public init(since: Date? = nil, until: Date? = nil, queue: String? = nil, agent: String? = nil, number: String? = nil,
                limit: Int = defaultLimit) {
        self.since = since
        self.until = until
        self.queue = queue
        self.agent = agent
        self.number = number
        self.limit = limit
    }
}

/// Which queue log events `GET /v1/queue-log` reads: oldest first, in the order they were written.
public struct QueueLogQuery: Hashable, Sendable {
    /// Events answered when `limit` is not given.
    public static let defaultLimit = 1_000
    /// The largest `limit` taken.
    public static let maximumLimit = 10_000

    /// Events at or after this instant; from the first event when `nil`.
    public var since: Date?
    /// At most this many events.
    public var limit: Int

    /// Creates a query.
    public init(since: Date? = nil, limit: Int = defaultLimit) {
        self.since = since
        self.limit = limit
    }
}
