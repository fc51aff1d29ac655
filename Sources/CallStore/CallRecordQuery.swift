import Foundation

/// Which call records to read: every filter given must match; newest arrival first.
public struct CallRecordQuery: Sendable, Equatable {
    /// Calls that arrived at or after this instant.
    public var from: Date?
    /// Calls that arrived before this instant.
    public var to: Date?
    /// Calls whose (last) queue is this one.
    public var queue: String?
    /// Calls connected to, or last ringing, this agent.
    public var agent: String?
    /// Calls from this caller number or to this dialed number.
    public var number: String?
    /// At most this many records (1–100,000).
    public var limit: Int

    /// Creates a query; with no filter it returns the `limit` newest calls.
    public init(from: Date? = nil, to: Date? = nil, queue: String? = nil, agent: String? = nil, number: String? = nil,
                limit: Int = 100) {
        self.from = from
        self.to = to
        self.queue = queue
        self.agent = agent
        self.number = number
        self.limit = limit
    }
}
