import SIPCore
import SIPDialog
import Testing

/// One row of the RFC 4028 §9 UAS table: the request's timer headers and what the UAS answers.
struct AnswerCase: Sendable, CustomTestStringConvertible {
    let name: String
    let fields: [SIPHeaderField]
    let decision: SessionTimerDecision
    var testDescription: String { name }
}

private let now = Duration.seconds(1000)

private func field(_ name: String, _ value: String) -> SIPHeaderField {
    SIPHeaderField(name: name, value: value)
}

private func accepted(_ interval: Int, _ refresher: SessionTimerState.Refresher, _ headers: [SIPHeaderField]) -> SessionTimerDecision {
    .accept(SessionTimerState(interval: interval, refresher: refresher, lastRefresh: now), headers: headers)
}

private let requireTimer = field("Require", "timer")
private let supportedTimer = field("Supported", "timer")

@Suite("SessionTimer (RFC 4028)")
struct SessionTimerTests {
    @Test("UAS negotiation with the default policy (1800 s, Min-SE 90 s)", arguments: [
        AnswerCase(name: "peer asks uac", fields: [field("Session-Expires", "1800;refresher=uac"), supportedTimer],
                   decision: accepted(1800, .remote, [field("Session-Expires", "1800;refresher=uac"), requireTimer])),
        AnswerCase(name: "peer asks uas", fields: [field("Session-Expires", "1800; refresher = UAS"), field("Supported", "100rel, timer")],
                   decision: accepted(1800, .local, [field("Session-Expires", "1800;refresher=uas"), requireTimer])),
        AnswerCase(name: "no refresher: the peer refreshes", fields: [field("Session-Expires", "1200"), supportedTimer],
                   decision: accepted(1200, .remote, [field("Session-Expires", "1200;refresher=uac"), requireTimer])),
        AnswerCase(name: "Require: timer counts as support", fields: [field("Session-Expires", "120;refresher=uac"), requireTimer],
                   decision: accepted(120, .remote, [field("Session-Expires", "120;refresher=uac"), requireTimer])),
        AnswerCase(name: "below Min-SE: 422", fields: [field("Session-Expires", "60"), supportedTimer],
                   decision: .reject(statusCode: 422, reasonPhrase: "Session Interval Too Small", headers: [field("Min-SE", "90")])),
        AnswerCase(name: "exactly Min-SE", fields: [field("Session-Expires", "90;refresher=uac"), supportedTimer],
                   decision: accepted(90, .remote, [field("Session-Expires", "90;refresher=uac"), requireTimer])),
        AnswerCase(name: "above ours: lowered", fields: [field("Session-Expires", "7200;refresher=uac"), supportedTimer],
                   decision: accepted(1800, .remote, [field("Session-Expires", "1800;refresher=uac"), requireTimer])),
        AnswerCase(name: "lowered no further than their Min-SE",
                   fields: [field("Session-Expires", "7200"), field("Min-SE", "2000"), supportedTimer],
                   decision: accepted(2000, .remote, [field("Session-Expires", "2000;refresher=uac"), requireTimer])),
        AnswerCase(name: "inserted by a proxy, peer without support: we refresh", fields: [field("Session-Expires", "600;refresher=uac")],
                   decision: accepted(600, .local, [field("Session-Expires", "600;refresher=uas")])),
        AnswerCase(name: "support without Session-Expires: we ask, the peer refreshes", fields: [supportedTimer],
                   decision: accepted(1800, .remote, [field("Session-Expires", "1800;refresher=uac"), requireTimer])),
        AnswerCase(name: "support and Min-SE above ours", fields: [supportedTimer, field("Min-SE", "3600")],
                   decision: accepted(3600, .remote, [field("Session-Expires", "3600;refresher=uac"), requireTimer])),
        AnswerCase(name: "no support, no Session-Expires: we refresh", fields: [],
                   decision: accepted(1800, .local, [field("Session-Expires", "1800;refresher=uas")])),
        AnswerCase(name: "malformed Session-Expires reads as absent", fields: [field("Session-Expires", "soon"), supportedTimer],
                   decision: accepted(1800, .remote, [field("Session-Expires", "1800;refresher=uac"), requireTimer])),
    ])
    func answer(row: AnswerCase) {
        let request = Fixtures.aliceRequest(.invite, sequenceNumber: 1, fields: row.fields)
        #expect(SessionTimer().answer(to: request, now: now) == row.decision)
    }

    @Test("UAS without a timer for peers that do not support it, when so configured")
    func answerWithoutTimer() {
        let timer = SessionTimer(refreshesWithoutPeerSupport: false)
        #expect(timer.answer(to: Fixtures.aliceRequest(.invite, sequenceNumber: 1), now: now) == .accept(nil, headers: []))
    }

    @Test("UAS with a larger Min-SE rejects what the default accepts")
    func answerWithLargerMinSE() {
        let request = Fixtures.aliceRequest(.update, sequenceNumber: 1, fields: [field("Session-Expires", "300"), supportedTimer])
        #expect(SessionTimer(minSE: 600).answer(to: request, now: now)
                == .reject(statusCode: 422, reasonPhrase: "Session Interval Too Small", headers: [field("Min-SE", "600")]))
    }

    @Test("UAC: headers of the initial INVITE and of refreshes")
    func requestHeaders() {
        let timer = SessionTimer()
        #expect(timer.requestHeaders() == [field("Session-Expires", "1800"), field("Min-SE", "90"), supportedTimer])
        let local = SessionTimerState(interval: 900, refresher: .local, lastRefresh: now)
        let remote = SessionTimerState(interval: 900, refresher: .remote, lastRefresh: now)
        #expect(timer.requestHeaders(refreshing: local) == [field("Session-Expires", "900;refresher=uac"), field("Min-SE", "90"), supportedTimer])
        #expect(timer.requestHeaders(refreshing: remote) == [field("Session-Expires", "900;refresher=uas"), field("Min-SE", "90"), supportedTimer])
    }

    @Test("UAC: the timer a 2xx negotiates", arguments: [
        ([field("Session-Expires", "1800;refresher=uac"), requireTimer], true, SessionTimerState(interval: 1800, refresher: .local, lastRefresh: now)),
        ([field("Session-Expires", "900;refresher=uas"), requireTimer], true, SessionTimerState(interval: 900, refresher: .remote, lastRefresh: now)),
        ([field("Session-Expires", "900")], true, SessionTimerState(interval: 900, refresher: .local, lastRefresh: now)),
        ([], true, SessionTimerState(interval: 1800, refresher: .local, lastRefresh: now)),
        ([], false, nil),
    ])
    func negotiated(fields: [SIPHeaderField], refreshesWithoutPeerSupport: Bool, state: SessionTimerState?) {
        let invite = Fixtures.invite()
        let ok = Fixtures.response(200, to: invite, fields: fields)
        #expect(SessionTimer(refreshesWithoutPeerSupport: refreshesWithoutPeerSupport).negotiated(by: ok, now: now) == state)
    }

    @Test("refresh and expiry instants", arguments: [
        (1800, SessionTimerState.Refresher.local, Duration.seconds(1900) as Duration?, Duration.seconds(2768)),
        (1800, .remote, nil, .seconds(2768)),
        (90, .local, .seconds(1045), .seconds(1060)),
        (90, .remote, nil, .seconds(1060)),
        (96, .remote, nil, .seconds(1064)),
        (120, .local, .seconds(1060), .seconds(1088)),
    ])
    func instants(interval: Int, refresher: SessionTimerState.Refresher, refreshAt: Duration?, expiresAt: Duration) {
        let state = SessionTimerState(interval: interval, refresher: refresher, lastRefresh: now)
        #expect(state.refreshAt == refreshAt)
        #expect(state.expiresAt == expiresAt)
    }

    @Test("a third of the interval when it is under 32 s: 60 s expires at 40 s")
    func shortIntervalExpiry() {
        let state = SessionTimerState(interval: 60, refresher: .remote, lastRefresh: .zero)
        #expect(state.expiresAt == .seconds(40))
    }

    @Test("refreshed(now:) moves both instants")
    func refreshed() {
        var state = SessionTimerState(interval: 1800, refresher: .local, lastRefresh: now)
        state.refreshed(now: .seconds(1900))
        #expect(state.lastRefresh == .seconds(1900))
        #expect(state.refreshAt == .seconds(2800))
        #expect(state.expiresAt == .seconds(3668))
    }

    @Test("422: retry with Session-Expires and Min-SE raised to its Min-SE", arguments: [
        ("1000", 1800, 1000),
        ("3600", 3600, 3600),
        ("60", 1800, 90),
    ])
    func retry(minSE: String, sessionExpires: Int, retryMinSE: Int) throws {
        let invite = Fixtures.invite()
        let tooSmall = Fixtures.response(422, to: invite, toTag: nil, contact: nil, fields: [field("Min-SE", minSE)])
        let retry = try #require(SessionTimer().retrying(after: tooSmall))
        #expect(retry.sessionExpires == sessionExpires)
        #expect(retry.minSE == retryMinSE)
        #expect(retry.requestHeaders() == [field("Session-Expires", String(sessionExpires)), field("Min-SE", String(retryMinSE)), supportedTimer])
    }

    @Test("no retry for other responses or a 422 without Min-SE")
    func noRetry() {
        let invite = Fixtures.invite()
        #expect(SessionTimer().retrying(after: Fixtures.response(422, to: invite, toTag: nil)) == nil)
        #expect(SessionTimer().retrying(after: Fixtures.response(488, to: invite, fields: [field("Min-SE", "1000")])) == nil)
    }

    @Test("configuration is raised to RFC 4028 minimums")
    func minimums() {
        let timer = SessionTimer(sessionExpires: 60, minSE: 30)
        #expect(timer.minSE == 90)
        #expect(timer.sessionExpires == 90)
        #expect(SessionTimer().sessionExpires == 1800)
        #expect(SessionTimer().minSE == 90)
    }
}
