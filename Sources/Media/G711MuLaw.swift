/// G.711 µ-law (ITU-T G.711 §3, the North American and Japanese companding law): 16-bit linear PCM to
/// one byte and back, as RTP carries it in payload type 0, `PCMU` (RFC 3551 §4.5.14).
///
/// Encoding biases the magnitude by 0x84 (132), finds its segment from the highest set bit and keeps
/// four mantissa bits; the code word is sent inverted. Decoding reads a 256-entry table.
public enum G711MuLaw {
    /// The code word of silence (linear 0).
    public static let silence: UInt8 = 0xFF

    private static let bias = 0x84
    private static let clip = 32_635

    /// The µ-law code word of `sample`.
    public static func encode(_ sample: Int16) -> UInt8 {
        var magnitude = Int(sample)
        let sign = magnitude < 0 ? 0x80 : 0
        if magnitude < 0 { magnitude = -magnitude }
        magnitude = min(magnitude, clip) + bias
        let exponent = (UInt8.bitWidth - 1) - UInt8(truncatingIfNeeded: magnitude >> 7).leadingZeroBitCount
        let mantissa = (magnitude >> (exponent + 3)) & 0x0F
        return ~UInt8(truncatingIfNeeded: sign | exponent << 4 | mantissa)
    }

    /// The linear sample of `codeWord`, read from the decoding table.
    public static func decode(_ codeWord: UInt8) -> Int16 {
        table[Int(codeWord)]
    }

    private static let table: [Int16] = (0...255).map { computeLinear(UInt8($0)) }

    private static func computeLinear(_ codeWord: UInt8) -> Int16 {
        let bits = Int(~codeWord)
        let exponent = (bits >> 4) & 0x07
        let magnitude = (((bits & 0x0F) << 3) + bias) << exponent - bias
        return Int16(bits & 0x80 == 0 ? magnitude : -magnitude)
    }
}
