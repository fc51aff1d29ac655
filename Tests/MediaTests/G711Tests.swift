import Media
import Testing

/// G.711 µ-law and A-law against ITU-T G.711's reference values, with round trips over every code word.
@Suite("G.711")
struct G711Tests {
    @Test("µ-law reference pairs", arguments: [(0xFF, 0), (0x80, 32124), (0x00, -32124), (0x7F, 0), (0xFE, 8), (0x7E, -8)] as [(UInt8, Int16)])
    func muLawReference(codeWord: UInt8, linear: Int16) {
        #expect(G711MuLaw.decode(codeWord) == linear)
    }

    @Test("A-law reference pairs", arguments: [(0xD5, 8), (0x55, -8), (0xAA, 32256), (0x2A, -32256), (0xD4, 24), (0xFA, 1008)] as [(UInt8, Int16)])
    func aLawReference(codeWord: UInt8, linear: Int16) {
        #expect(G711ALaw.decode(codeWord) == linear)
        #expect(G711ALaw.encode(linear) == codeWord)
    }

    @Test("µ-law encodes the reference levels and clips the extremes")
    func muLawEncoding() {
        #expect(G711MuLaw.encode(0) == 0xFF)
        #expect(G711MuLaw.encode(32124) == 0x80)
        #expect(G711MuLaw.encode(-32124) == 0x00)
        #expect(G711MuLaw.encode(.max) == 0x80)
        #expect(G711MuLaw.encode(.min) == 0x00)
        #expect(G711MuLaw.encode(-1) == 0x7F)
    }

    @Test("A-law clips the extremes to the outermost code words")
    func aLawExtremes() {
        #expect(G711ALaw.encode(.max) == 0xAA)
        #expect(G711ALaw.encode(.min) == 0x2A)
        #expect(G711ALaw.encode(0) == 0xD5)
        #expect(G711ALaw.encode(-1) == 0x55)
    }

    @Test("decoding then encoding returns every µ-law code word but negative zero")
    func muLawRoundTrip() {
        for codeWord in UInt8.min...UInt8.max where codeWord != 0x7F {
            #expect(G711MuLaw.encode(G711MuLaw.decode(codeWord)) == codeWord, "code word \(codeWord)")
        }
        #expect(G711MuLaw.encode(G711MuLaw.decode(0x7F)) == 0xFF)
    }

    @Test("decoding then encoding returns every A-law code word")
    func aLawRoundTrip() {
        for codeWord in UInt8.min...UInt8.max {
            #expect(G711ALaw.encode(G711ALaw.decode(codeWord)) == codeWord, "code word \(codeWord)")
        }
    }

    @Test("encoding is monotonic: a louder sample never decodes quieter")
    func monotonic() {
        for codec in G711Codec.allCases {
            var previous = Int16.min
            for sample in stride(from: Int(Int16.min), through: Int(Int16.max), by: 7) {
                let decoded = codec.decode(codec.encode(Int16(sample)))
                #expect(decoded >= previous, "\(codec) at \(sample)")
                previous = decoded
            }
        }
    }

    @Test("the quantization error stays within half a step of the segment")
    func quantizationError() {
        for codec in G711Codec.allCases {
            for sample in stride(from: -32000, through: 32000, by: 13) {
                let error = abs(Int(codec.decode(codec.encode(Int16(sample)))) - sample)
                #expect(error <= max(16, abs(sample) / 16), "\(codec) at \(sample)")
            }
        }
    }

    @Test("the codecs' payload types, names and silence")
    func codecs() {
        #expect(G711Codec.pcmu.payloadType == 0 && G711Codec.pcma.payloadType == 8)
        #expect(G711Codec(payloadType: 8) == .pcma && G711Codec(payloadType: 3) == nil)
        #expect(G711Codec.pcmu.silence == 0xFF && G711Codec.pcma.silence == 0xD5)
        #expect(G711Codec.pcmu.decode(G711Codec.pcmu.silence) == 0)
    }
}
