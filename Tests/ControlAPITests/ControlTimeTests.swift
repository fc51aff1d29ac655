import ControlModel
import Foundation
import Testing

@Suite("ControlTime: ISO 8601 UTC to the millisecond")
struct ControlTimeTests {
    @Test("instants written and read back", arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"), (1_796_493_000_250, "2026-12-05T17:50:00.250Z"), (-1, "1969-12-31T23:59:59.999Z"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z"), (4_107_542_399_999, "2100-02-28T23:59:59.999Z"),
    ])
    func roundTrip(milliseconds: Int64, text: String) {
        #expect(ControlTime.string(unixMilliseconds: milliseconds) == text)
        #expect(ControlTime.unixMilliseconds(text) == milliseconds)
    }

    @Test("the same calendar as Foundation's, over a spread of instants")
    func agreesWithFoundation() {
        var milliseconds: Int64 = -86_400_000 * 400
        while milliseconds < 5_000_000_000_000 {
            let date = Date(timeIntervalSince1970: (TimeInterval(milliseconds) / 1_000).rounded(.down))
            let whole = date.formatted(.iso8601)
            let ours = ControlTime.string(unixMilliseconds: milliseconds)
            #expect(ours.prefix(19) + "Z" == whole, "\(milliseconds)")
            milliseconds += 9_876_543_211
        }
    }

    @Test("fractions, offsets and lower-case letters", arguments: [
        ("2026-12-05T17:50:00Z", Int64(1_796_493_000_000)), ("2026-12-05T17:50:00.5Z", 1_796_493_000_500),
        ("2026-12-05T17:50:00.123456789Z", 1_796_493_000_123), ("2026-12-05T18:50:00+01:00", 1_796_493_000_000),
        ("2026-12-05T12:20:00.250-05:30", 1_796_493_000_250), ("2026-12-05t17:50:00z", 1_796_493_000_000),
    ])
    func forms(text: String, milliseconds: Int64) {
        #expect(ControlTime.unixMilliseconds(text) == milliseconds)
    }

    @Test("anything else is refused", arguments: [
        "", "2026-12-05", "2026-12-05T17:50:00", "2026-12-05 17:50:00Z", "2026-12-05T24:00:00Z", "2026-12-05T17:60:00Z",
        "2026-12-05T17:50:60Z", "2026-13-05T17:50:00Z", "2026-00-05T17:50:00Z", "2023-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
        "2026-12-05T17:50:00.Z", "2026-12-05T17:50:00.1234567890Z", "2026-12-05T17:50:00+0100", "2026-12-05T17:50:00Z ",
        "26-12-05T17:50:00Z", "+2026-12-05T17:50:00Z", "1h",
    ])
    func refused(text: String) {
        #expect(ControlTime.unixMilliseconds(text) == nil)
    }
}
