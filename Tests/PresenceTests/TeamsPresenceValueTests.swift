import TeamsPresence
import Presence
import Testing

@Suite("Teams presence values parse case-insensitively")
struct TeamsPresenceValueTests {
    @Test("Every documented availability, in any case", arguments: TeamsAvailability.allCases)
    func availabilityRoundTrip(value: TeamsAvailability) {
        #expect(TeamsAvailability(graphValue: value.graphValue) == value)
        #expect(TeamsAvailability(graphValue: value.graphValue.uppercased()) == value)
        #expect(TeamsAvailability(graphValue: value.graphValue.lowercased()) == value)
    }

    @Test("Unknown availabilities become PresenceUnknown", arguments: ["", "Focusing", "Availablee", "InACall", "null"])
    func unknownAvailability(text: String) {
        #expect(TeamsAvailability(graphValue: text) == .presenceUnknown)
    }

    @Test(
        "Activities parse case-insensitively; unknown ones are kept verbatim",
        arguments: [
            ("InACall", TeamsActivity.inACall), ("inaconferencecall", .inAConferenceCall), ("OUTOFOFFICE", .outOfOffice),
            ("UrgentInterruptionsOnly", .urgentInterruptionsOnly), ("", .presenceUnknown), ("Commuting", .other("Commuting")),
        ]
    )
    func activity(text: String, expected: TeamsActivity) {
        #expect(TeamsActivity(graphValue: text) == expected)
    }

    @Test("Known activities round-trip through their Graph spelling")
    func activityRoundTrip() {
        let all: [TeamsActivity] = [
            .available, .away, .beRightBack, .busy, .doNotDisturb, .inACall, .inAConferenceCall, .inactive, .inAMeeting,
            .offline, .offWork, .outOfOffice, .presenceUnknown, .presenting, .urgentInterruptionsOnly, .focusing,
        ]
        for activity in all {
            #expect(TeamsActivity(graphValue: activity.graphValue) == activity)
        }
    }
}
