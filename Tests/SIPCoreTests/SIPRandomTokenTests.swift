import SIPCore
import Testing

/// Tags and branches: their alphabet, the magic cookie, their length, and that they do not repeat.
@Suite("Random tokens")
struct SIPRandomTokenTests {
    private static let alphabet = Set("0123456789abcdefghijklmnopqrstuv")

    @Test("a tag is 12 characters of digits and a–v")
    func tag() {
        let tag = SIPRandomToken.tag()
        #expect(tag.count == 12)
        #expect(tag.allSatisfy(Self.alphabet.contains))
    }

    @Test("a branch is the magic cookie and 19 characters of digits and a–v")
    func branch() {
        let branch = SIPRandomToken.branch()
        #expect(branch.hasPrefix("z9hG4bK"))
        #expect(branch.count == 26)
        #expect(branch.dropFirst(7).allSatisfy(Self.alphabet.contains))
    }

    @Test("ten thousand tags and branches are all different, and use every character")
    func distinct() {
        let tags = (0..<10_000).map { _ in SIPRandomToken.tag() }
        let branches = (0..<10_000).map { _ in SIPRandomToken.branch() }
        #expect(Set(tags).count == tags.count)
        #expect(Set(branches).count == branches.count)
        #expect(Set(tags.joined()) == Self.alphabet)
    }
}
