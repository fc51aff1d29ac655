import SIPCore
import Testing

@Suite("Comparing without ASCII case, as SIP compares names and tokens")
struct ASCIICaseTests {
    @Test("Letters match in either case; other bytes only themselves", arguments: [
        ("Call-ID", "call-id", true), ("CALL-ID", "Call-ID", true), ("Via", "Vias", false), ("Via", "Vi", false),
        ("", "", true), ("a", "", false), ("@", "`", false), ("[", "{", false), ("Ä", "ä", false), ("sip", "SIP", true),
    ])
    func strings(left: String, right: String, equal: Bool) {
        #expect(left.equalsIgnoringASCIICase(right) == equal)
        #expect(right.equalsIgnoringASCIICase(left) == equal)
        #expect(left[...].equalsIgnoringASCIICase(right[...]) == equal)
    }
}
