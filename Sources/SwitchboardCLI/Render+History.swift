import ControlModel

extension Render {
    /// `switchboard cdr`.
    static func callRecords(_ records: [CallRecordView]) -> String {
        var table = Table("TIME", "CALLER", "QUEUE", "AGENT", "OUTCOME", "WAIT", "TALK", "HUNG UP BY", "CALL")
        for record in records {
            table.add(wholeSeconds(record.arrivedAt), record.callerNumber, record.queue, record.agent ?? "-", record.outcome,
                      Format.duration(record.waitSeconds.map(Double.init)), Format.duration(record.talkSeconds.map(Double.init)),
                      record.endedBy ?? "-", record.callID)
        }
        return table.render(emptyText: "no call records")
    }

    /// `2026-12-05T17:50:00Z` for `2026-12-05T17:50:00.250Z`: the API's time without its milliseconds.
    private static func wholeSeconds(_ time: String) -> String {
        guard let dot = time.firstIndex(of: "."), time.hasSuffix("Z") else { return time }
        return time[..<dot] + "Z"
    }
}
