import SIPCore
import Testing

/// Thousands of mutated and truncated fixtures, from a fixed seed: the parser never crashes, and
/// whatever it accepts it can write and read again.
@Suite("Parser fuzzing")
struct SIPParserFuzzTests {
    static let fixtures = RFC4475ParserTests.valid.map { Fixture(folder: "rfc4475", name: $0) }
        + RFC4475ParserTests.invalid.map { Fixture(folder: "rfc4475", name: $0.name) }
        + RFC5118Tests.valid.map { Fixture(folder: "rfc5118", name: $0) }

    /// What a response echoes from the request, so may be as malformed as the request was.
    static let echoed: [SIPParseError.Reason] = ["Via", "From", "To", "Call-ID", "CSeq"].map { .malformedHeader($0) }

    /// Bytes that steer a SIP parser: separators, quotes, brackets, escapes, line ends, NUL, non-ASCII.
    static let interesting = Array(" \t\r\n:;,=<>\"\\%@?&[]/0\u{7F}".utf8) + [0x00, 0x80, 0xC3, 0xFF]

    @Test("mutated fixtures give a message or a SIPParseError", arguments: fixtures)
    func mutations(fixture: Fixture) {
        let original = fixture.bytes
        var random = SplitMix64(seed: 0x5EED_4475 ^ UInt64(original.count))
        for _ in 0..<150 {
            var bytes = original
            for _ in 0..<(1 + random.next(below: 4)) { mutate(&bytes, with: &random) }
            check(bytes)
        }
    }

    @Test("every prefix of a fixture gives a message or a SIPParseError", arguments: fixtures)
    func truncations(fixture: Fixture) {
        let bytes = fixture.bytes
        for length in stride(from: 0, through: bytes.count, by: max(1, bytes.count / 200)) {
            check(Array(bytes.prefix(length)))
        }
    }

    /// Parses `bytes`; an accepted message must survive serialize → parse, and salvaged headers must
    /// make a response that parses, or that fails only on a header echoed from the request.
    private func check(_ bytes: [UInt8]) {
        do {
            let message = try SIPMessage(parsing: bytes)
            let reparsed = try? SIPMessage(parsing: message.serialized())
            #expect(reparsed == message, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        } catch {
            if let headers = error.responseHeaders {
                let response = SIPResponse(replyingTo: headers, statusCode: error.responseStatusCode, toTag: "fuzz")
                do {
                    _ = try SIPMessage(parsing: response.serialized())
                } catch {
                    #expect(Self.echoed.contains(error.reason), "\(error)")
                }
            }
            #expect(!error.detail.isEmpty)
        }
    }

    private func mutate(_ bytes: inout [UInt8], with random: inout SplitMix64) {
        guard !bytes.isEmpty else { return bytes.append(Self.interesting[random.next(below: Self.interesting.count)]) }
        let index = random.next(below: bytes.count)
        switch random.next(below: 5) {
        case 0: bytes[index] = Self.interesting[random.next(below: Self.interesting.count)]
        case 1: bytes.insert(Self.interesting[random.next(below: Self.interesting.count)], at: index)
        case 2: bytes.removeSubrange(index..<min(bytes.count, index + 1 + random.next(below: 8)))
        case 3: bytes[index] = UInt8(truncatingIfNeeded: random.next(below: 256))
        default:
            let end = min(bytes.count, index + 1 + random.next(below: 40))
            bytes.insert(contentsOf: bytes[index..<end], at: random.next(below: bytes.count))
        }
    }
}

/// A small deterministic generator (SplitMix64), so every run mutates the same way.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
