import ACD
@testable import Switchboard
import Testing
import YAMLConfiguration

@Suite("Hold announcements")
struct HoldAnnouncerTests {
    private func announcer(position: AnnouncementConfiguration.PositionMode = .never, ewt: AnnouncementConfiguration.EWTMode = .never,
                           rounding: Duration = .seconds(60)) -> HoldAnnouncer {
        HoldAnnouncer(QueueHoldMedia(welcome: nil, music: "moh", position: position, ewt: ewt, ewtRounding: rounding))
    }

    @Test func positionAndWaitAfterTheWelcomeThenNothingWithoutAPeriod() {
        var announcer = announcer(position: .always, ewt: .once)
        #expect(announcer.interval == nil)
        #expect(announcer.announce(place: 3, estimate: .seconds(150)) ==
            ["you-are-caller-number", "digit-3", "your-estimated-wait-is", "about", "digit-3", "minutes"])
        #expect(announcer.announce(place: 2, estimate: .seconds(90)) == ["you-are-caller-number", "digit-2"], "the wait once only")
    }

    @Test func aPeriodicWaitComesBackEveryIntervalAndAnImprovedPositionOnlyWhenItImproved() {
        var announcer = announcer(position: .whenImproved, ewt: .periodic(.seconds(120)))
        #expect(announcer.interval == .seconds(120))
        #expect(announcer.announce(place: 5, estimate: .seconds(30)) ==
            ["you-are-caller-number", "digit-5", "your-estimated-wait-is", "less-than-a-minute"])
        #expect(announcer.announce(place: 5, estimate: .seconds(30)) == ["your-estimated-wait-is", "less-than-a-minute"])
        #expect(announcer.announce(place: 4, estimate: .zero) == ["you-are-caller-number", "digit-4", "your-estimated-wait-is", "less-than-a-minute"])
    }

    @Test func upToAnnouncesOnlyNearTheFrontAndNeverWhileAnAgentRings() {
        var announcer = announcer(position: .upTo(5), ewt: .periodic(.seconds(60)))
        #expect(announcer.announce(place: 6, estimate: nil) == [], "an unknown wait is not announced")
        #expect(announcer.announce(place: 5, estimate: nil) == ["you-are-caller-number", "digit-5"])
        #expect(announcer.announce(place: 0, estimate: .zero) == ["your-estimated-wait-is", "less-than-a-minute"], "0: an agent rings")
    }

    @Test("the wait is rounded up to the rounding, then to whole minutes", arguments: [
        (Duration.seconds(0), Duration.seconds(60), 1), (.seconds(61), .seconds(60), 2), (.milliseconds(60_001), .seconds(60), 2),
        (.seconds(61), .seconds(300), 5), (.seconds(301), .seconds(300), 10), (.seconds(45), .seconds(30), 1), (.seconds(65), .seconds(30), 2),
    ])
    func rounding(estimate: Duration, rounding: Duration, minutes: Int) {
        #expect(HoldAnnouncer.minutes(of: estimate, roundedUpTo: rounding) == minutes)
    }

    @Test func aWaitBeyondTwoHoursIsNotAnnounced() {
        var announcer = announcer(ewt: .once)
        #expect(announcer.announce(place: 1, estimate: .seconds(121 * 60)) == [])
    }
}
