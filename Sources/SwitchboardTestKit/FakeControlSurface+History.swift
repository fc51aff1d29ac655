import ControlModel

extension FakeControlSurface {
    /// The stored call records it holds, newest first: `c0` answered by bob in `support`, `c8`
    /// abandoned in `sales` after alice did not answer, `c7` answered by alice in `support`.
    public static let records = [
        CallRecordView(callID: "c0", callerNumber: "+4930111", dialedNumber: "+15550100", queue: "support", agent: "bob",
                       arrivedAt: "2026-12-05T17:50:00.250Z", firstOfferAt: "2026-12-05T17:50:01.000Z", answeredAt: "2026-12-05T17:50:04.500Z",
                       endedAt: "2026-12-05T17:53:10.500Z", outcome: "completed", endedBy: "agent", cause: "BYE", waitSeconds: 4,
                       talkSeconds: 186, offers: [
                           OfferAttemptView(sequence: 1, agent: "bob", offeredAt: "2026-12-05T17:50:01.000Z", ringingAt: "2026-12-05T17:50:01.200Z",
                                            endedAt: "2026-12-05T17:50:04.500Z", result: "answered"),
                       ]),
        CallRecordView(callID: "c8", callerNumber: "+4930222", dialedNumber: "+15550300", queue: "sales", agent: "alice",
                       arrivedAt: "2026-12-05T16:10:00.000Z", firstOfferAt: "2026-12-05T16:10:00.100Z", answeredAt: nil,
                       endedAt: "2026-12-05T16:10:40.000Z", outcome: "abandoned", endedBy: "caller", cause: "CANCEL", waitSeconds: 40,
                       talkSeconds: 0, offers: [
                           OfferAttemptView(sequence: 1, agent: "alice", offeredAt: "2026-12-05T16:10:00.100Z", ringingAt: "2026-12-05T16:10:00.300Z",
                                            endedAt: "2026-12-05T16:10:15.100Z", result: "noAnswer"),
                       ]),
        CallRecordView(callID: "c7", callerNumber: "+4930111", dialedNumber: "+15550100", queue: "support", agent: "alice",
                       arrivedAt: "2026-12-05T09:00:00.000Z", firstOfferAt: "2026-12-05T09:00:00.050Z", answeredAt: "2026-12-05T09:00:07.000Z",
                       endedAt: "2026-12-05T09:05:07.000Z", outcome: "completed", endedBy: "caller", cause: "BYE", waitSeconds: 7,
                       talkSeconds: 300, offers: [
                           OfferAttemptView(sequence: 1, agent: "alice", offeredAt: "2026-12-05T09:00:00.050Z", ringingAt: "2026-12-05T09:00:00.250Z",
                                            endedAt: "2026-12-05T09:00:07.000Z", result: "answered"),
                       ]),
    ]

    /// The queue log events it holds, oldest first: `c0` entering, connected and completed, and a
    /// pause of alice's.
    public static let queueLogEvents = [
        QueueLogEntryView(time: "2026-12-05T17:50:00.250Z", callID: "c0", queue: "support", agent: "NONE", event: "ENTERQUEUE",
                          data: ["", "+4930111", "1"], line: "1796493000|c0|support|NONE|ENTERQUEUE||+4930111|1"),
        QueueLogEntryView(time: "2026-12-05T17:50:04.500Z", callID: "c0", queue: "support", agent: "bob", event: "CONNECT",
                          data: ["4", "", "3"], line: "1796493004|c0|support|bob|CONNECT|4||3"),
        QueueLogEntryView(time: "2026-12-05T17:52:00.000Z", callID: "NONE", queue: "support", agent: "alice", event: "PAUSE",
                          data: ["lunch"], line: "1796493120|NONE|support|alice|PAUSE|lunch"),
        QueueLogEntryView(time: "2026-12-05T17:53:10.500Z", callID: "c0", queue: "support", agent: "bob", event: "COMPLETEAGENT",
                          data: ["4", "186", "1"], line: "1796493190|c0|support|bob|COMPLETEAGENT|4|186|1"),
    ]
}
