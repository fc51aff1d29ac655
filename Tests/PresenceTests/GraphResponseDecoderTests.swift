import Foundation
import Presence
import Testing

@Suite("Tolerant mapping of Graph and token endpoint answers")
struct GraphResponseDecoderTests {
    let observedAt = ContinuousClock.now

    func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }

    @Test("The documented batch answer maps with every extra field ignored")
    func documentedBatch() throws {
        let snapshots = try GraphResponseDecoder.presences(from: fixture("documented-batch"), observedAt: observedAt)
        #expect(snapshots == [
            PresenceSnapshot(userID: "fa8bf3dc-eca7-46b7-bad1-db199b62afc3", availability: .busy, activity: .inAMeeting, observedAt: observedAt),
            PresenceSnapshot(userID: "66825e03-7ef5-42da-9069-724602c31f6b", availability: .away, activity: .away, observedAt: observedAt),
        ])
    }

    @Test("Odd cases, unknown values, missing fields and junk entries")
    func oddValues() throws {
        let snapshots = try GraphResponseDecoder.presences(from: fixture("odd-values"), observedAt: observedAt)
        let byID = Dictionary(uniqueKeysWithValues: snapshots.map { ($0.userID, $0) })
        #expect(snapshots.count == 9)
        #expect(byID["11111111-1111-1111-1111-111111111111"]?.availability == .available)
        #expect(byID["11111111-1111-1111-1111-111111111111"]?.activity == .available)
        #expect(byID["22222222-2222-2222-2222-222222222222"]?.availability == .doNotDisturb)
        #expect(byID["22222222-2222-2222-2222-222222222222"]?.activity == .presenting)
        #expect(byID["33333333-3333-3333-3333-333333333333"]?.availability == .presenceUnknown)
        #expect(byID["33333333-3333-3333-3333-333333333333"]?.activity == .focusing)
        #expect(byID["44444444-4444-4444-4444-444444444444"]?.availability == .busyIdle)
        #expect(byID["55555555-5555-5555-5555-555555555555"]?.availability == .presenceUnknown)
        #expect(byID["55555555-5555-5555-5555-555555555555"]?.activity == .inACall)
        #expect(byID["66666666-6666-6666-6666-666666666666"]?.availability == .presenceUnknown)
        #expect(byID["66666666-6666-6666-6666-666666666666"]?.activity == .presenceUnknown)
        #expect(byID["77777777-7777-7777-7777-777777777777"]?.availability == .beRightBack)
        #expect(byID["88888888-8888-8888-8888-888888888888"]?.activity == .other("HolidayMode"))
        #expect(byID["aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"]?.availability == .offline)
        #expect(byID["aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"]?.activity == .presenceUnknown)
    }

    @Test("A single-user presence answer maps too")
    func singlePresence() throws {
        let snapshots = try GraphResponseDecoder.presences(from: fixture("single-presence"), observedAt: observedAt)
        #expect(snapshots.map(\.availability) == [.doNotDisturb])
        #expect(snapshots.map(\.activity) == [.urgentInterruptionsOnly])
    }

    @Test("An empty batch is an empty answer, not an error")
    func emptyBatch() throws {
        #expect(try GraphResponseDecoder.presences(from: fixture("empty-batch"), observedAt: observedAt).isEmpty)
    }

    @Test("An error body is malformed as a presence answer and readable as an error", arguments: ["throttled-error"])
    func errorBody(name: String) throws {
        let data = try fixture(name)
        #expect(throws: GraphPresenceError.self) { try GraphResponseDecoder.presences(from: data, observedAt: observedAt) }
        let error = try #require(GraphResponseDecoder.graphError(from: data))
        #expect(error.code == "TooManyRequests")
    }

    @Test("Token answers from the v2.0 (number) and v1.0 (string) endpoints", arguments: ["token-v2", "token-v1"])
    func tokenAnswer(name: String) throws {
        let token = try GraphResponseDecoder.token(from: fixture(name))
        #expect(token.expiresIn == .seconds(3599))
        #expect(token.accessToken.hasPrefix("eyJ0eXAiOiJKV1Qi"))
    }

    @Test("A token error answer gives its error and description")
    func tokenError() throws {
        let data = try fixture("token-invalid-client")
        #expect(throws: GraphPresenceError.self) { try GraphResponseDecoder.token(from: data) }
        let error = GraphResponseDecoder.tokenError(from: data)
        #expect(error.error == "invalid_client")
        #expect(error.description.hasPrefix("AADSTS7000215"))
    }

    @Test(
        "Retry-After in delta-seconds; anything else is absent",
        arguments: [("7", Duration?.some(.seconds(7))), (" 120 ", .seconds(120)), ("0", .zero),
                    ("Wed, 21 Oct 2026 07:28:00 GMT", nil), ("-3", nil), (nil, nil)] as [(String?, Duration?)]
    )
    func retryAfter(header: String?, expected: Duration?) {
        #expect(GraphResponseDecoder.retryAfter(header) == expected)
    }
}
