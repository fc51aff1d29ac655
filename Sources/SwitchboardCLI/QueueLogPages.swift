import ControlModel

/// Reads the whole queue log since an instant through `GET /v1/queue-log`, a page at a time: each
/// next page starts at the last event's millisecond, whose events already read come again first
/// and are skipped (the API answers events in the order they were written).
enum QueueLogPages {
    /// Events per request: the API's largest `limit`.
    static let pageSize = 10_000

    /// Every event since `since` (from the first when `nil`), oldest first; `fetch` asks the API
    /// for at most `limit` events since a time.
    static func collect(since: String?, pageSize: Int,
                        fetch: (_ since: String?, _ limit: Int) async throws -> [QueueLogEntryView]) async throws -> [QueueLogEntryView] {
        var events: [QueueLogEntryView] = []
        var cursor = since
        var readAtCursor = 0
        while true {
            let page = try await fetch(cursor, pageSize)
            let repeated = min(readAtCursor, page.prefix { $0.time == cursor }.count)
            let fresh = page.dropFirst(repeated)
            events.append(contentsOf: fresh)
            guard page.count == pageSize, let last = events.last else { return events }
            guard !fresh.isEmpty else {
                throw CLIError.unreadableAnswer("\(pageSize) or more queue log events share the millisecond \(last.time); cannot page past them")
            }
            readAtCursor = events.reversed().prefix { $0.time == last.time }.count
            cursor = last.time
        }
    }
}
