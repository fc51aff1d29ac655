/// G.711 A-law (ITU-T G.711 §2, the European companding law): 16-bit linear PCM to one byte and back,
/// as RTP carries it in payload type 8, `PCMA` (RFC 3551 §4.5.14).
///
/// Encoding keeps the top 13 bits, finds the segment from the highest set bit and four mantissa bits,
/// then inverts the even bits (XOR 0x55) as G.711 prescribes. Decoding reads a 256-entry table.
public enum G711ALaw {
    /// The code word of silence (the smallest positive level, linear +8).
    public static let silence: UInt8 = 0xD5

    /// The A-law code word of `sample`.
    public static func encode(_ sample: Int16) -> UInt8 {
        var magnitude = Int(sample) >> 3
        let mask: UInt8 = magnitude >= 0 ? 0xD5 : 0x55
        if magnitude < 0 { magnitude = -magnitude - 1 }
        let bitLength = Int.bitWidth - magnitude.leadingZeroBitCount
        let segment = max(bitLength - 5, 0)
        let mantissa = (segment == 0 ? magnitude >> 1 : magnitude >> segment) & 0x0F
        return UInt8(truncatingIfNeeded: segment << 4 | mantissa) ^ mask
    }

    /// The linear sample of `codeWord`, read from the decoding table.
    public static func decode(_ codeWord: UInt8) -> Int16 {
        table[Int(codeWord)]
    }

    private static let table: [Int16] = (0...255).map { computeLinear(UInt8($0)) }

    private static func computeLinear(_ codeWord: UInt8) -> Int16 {
        let bits = Int(codeWord ^ 0x55)
        let segment = (bits & 0x70) >> 4
        var magnitude = (bits & 0x0F) << 4
        switch segment {
        case 0: magnitude += 8
        case 1: magnitude += 0x108
        default: magnitude = (magnitude + 0x108) << (segment - 1)
        }
        return Int16(bits & 0x80 != 0 ? magnitude : -magnitude)
    }
}
