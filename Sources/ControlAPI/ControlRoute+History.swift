import ControlModel
import Foundation
import Hummingbird

extension ControlRoute {
    /// The stored history (GET): call records with their offers, and the queue log.
    static let history: [ControlRoute] = [
        ControlRoute(.get, "/v1/call-records") { request, _, surface in
            let filter = try callRecordFilter(try QueryParameters.read(request, allowing: ["since", "until", "queue", "agent", "number", "limit"]))
            return try JSONResponse.make(CallRecordList(records: try await surface.callRecords(filter)))
        },
        ControlRoute(.get, "/v1/queue-log") { request, _, surface in
            let parameters = try QueryParameters.read(request, allowing: ["since", "limit", "format"])
            let asText = wantsText(request, format: try parameters.choice("format", among: ["json", "text"]))
            let query = QueueLogQuery(since: try parameters.time("since"),
                                      limit: try parameters.integer("limit", in: 1...QueueLogQuery.maximumLimit) ?? QueueLogQuery.defaultLimit)
            let events = try await surface.queueLog(query)
            guard asText else { return try JSONResponse.make(QueueLogList(events: events)) }
            let text = events.map { $0.line + "\n" }.joined()
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
        },
    ]

    /// The filter of `GET /v1/call-records`; `until` must be later than `since`.
    static func callRecordFilter(_ parameters: QueryParameters) throws -> CallRecordFilter {
        let filter = CallRecordFilter(
            since: try parameters.time("since"), until: try parameters.time("until"), queue: try parameters.string("queue"),
            agent: try parameters.string("agent"), number: try parameters.string("number"),
            limit: try parameters.integer("limit", in: 1...CallRecordFilter.maximumLimit) ?? CallRecordFilter.defaultLimit)
        if let since = filter.since, let until = filter.until, until <= since {
            throw ControlError.badRequest(field: "until", message: "until must be later than since")
        }
        return filter
    }

    /// Whether the queue log goes out as Asterisk's text: `format=text`, or no `format` and an
    /// `Accept` header that names `text/plain` and not `application/json`.
    static func wantsText(_ request: Request, format: String?) -> Bool {
        if let format { return format == "text" }
        let accepted = (request.headers[.accept] ?? "").split(separator: ",").map { range in
            (range.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        }
        return accepted.contains("text/plain") && !accepted.contains("application/json")
    }
}
