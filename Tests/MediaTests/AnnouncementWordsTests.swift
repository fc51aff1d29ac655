import Media
import Testing

/// Position and estimated-wait announcements as prompt names from the fixed set.
@Suite("Announcement words")
struct AnnouncementWordsTests {
    @Test("positions", arguments: [
        (1, "digit-1"), (10, "ten"), (13, "thirteen"), (20, "twenty"), (42, "forty digit-2"), (99, "ninety digit-9"),
        (100, "digit-1 hundred"), (115, "digit-1 hundred fifteen"), (342, "digit-3 hundred forty digit-2"),
        (507, "digit-5 hundred digit-7"), (999, "digit-9 hundred ninety digit-9"),
    ])
    func positions(position: Int, words: String) {
        #expect(AnnouncementWords.position(position) == ["you-are-caller-number"] + words.split(separator: " ").map(String.init))
    }

    @Test("estimated waits")
    func waits() {
        #expect(AnnouncementWords.estimatedWait(minutes: 1) == ["your-estimated-wait-is", "less-than-a-minute"])
        #expect(AnnouncementWords.estimatedWait(minutes: 2) == ["your-estimated-wait-is", "about", "digit-2", "minutes"])
        #expect(AnnouncementWords.estimatedWait(minutes: 120)
            == ["your-estimated-wait-is", "about", "digit-1", "hundred", "twenty", "minutes"])
    }

    @Test("values outside the ranges are not announced")
    func outOfRange() {
        #expect(AnnouncementWords.position(0) == nil && AnnouncementWords.position(1000) == nil)
        #expect(AnnouncementWords.estimatedWait(minutes: 0) == nil && AnnouncementWords.estimatedWait(minutes: 121) == nil)
    }

    @Test("every name used is in the prompt set, and every name of the set is used")
    func promptSet() {
        let set = Set(AnnouncementWords.promptNames)
        #expect(set.count == AnnouncementWords.promptNames.count)
        var used = Set<String>()
        for position in AnnouncementWords.positions { used.formUnion(AnnouncementWords.position(position) ?? []) }
        for minutes in AnnouncementWords.waitMinutes { used.formUnion(AnnouncementWords.estimatedWait(minutes: minutes) ?? []) }
        #expect(used == set)
        #expect(set.allSatisfy { name in name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } })
    }
}
